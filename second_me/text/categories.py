"""Categories a question asks for one member of: "which airline…", "what breed…", "what colour…".

An airline, a school, a hospital or a street is answered by its name ("KLM", "Cotham Park", "the
Heath"), as "what is X called?" is; a breed by a breed ("a kelpie", "some kind of terrier", "a
collie cross"); a colour by a colour ("mustard yellow", "pale blue"). A memory that mentions the
flight, the dog or the hat without one does not answer: "flights booked, manchester to lahore
direct" names no airline. Word lists only: which memories must state one is
`retrieval/answer_type.py`'s.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from second_me.text.word_forms import RELATIVES

COLOUR, BREED, STREET = "colour", "breed", "street"
CATEGORY_KINDS = frozenset({COLOUR, BREED, STREET})
CATEGORY_ARTICLES = {COLOUR: "a colour", BREED: "a breed", STREET: "a street"}

# Places and bodies known by their names. Not a team ("which team did I join?": "flood resilience"),
# nor a town or a beach, which chats write in lower case as often as not ("back in manchester").
NAMED_CATEGORIES = frozenset("""airline airlines school schools college university uni hospital clinic company firm
employer club gym restaurant cafe café pub bar shop store street road airport brand make label band museum gallery
theatre theater cinema library hotel""".split())
# Of those, the ones no one is at or in: a name after "in" or "at" is a place, not an airline ("the hostel in Alfama").
UNPLACED_CATEGORIES = frozenset("airline airlines brand make label band".split())

# Words for a person and for a place, asked for by name: "What's my dentist called?", "Which town…".
PERSON_WORDS = RELATIVES | frozenset("""guy man woman lady girl boy doctor dentist gp surgeon coach teacher tutor
landlord landlady neighbour boss manager friend mate nurse midwife orthodontist physio therapist""".split())
PLACE_NOUNS = frozenset("""town city village country island suburb area region place beach lake mountain park
neighbourhood neighborhood state county province district""".split())

COLOURS = frozenset("""red orange yellow green blue purple violet pink brown black white grey gray silver gold golden
beige cream ivory navy teal turquoise aqua cyan magenta maroon burgundy crimson scarlet lilac lavender mauve indigo
khaki olive mint mustard ochre tan bronze copper rust coral peach salmon charcoal ginger sage emerald ruby amber lime
plum brindle tortoiseshell auburn blonde blond chestnut caramel chocolate""".split())
_COLOUR = re.compile(r"\b(?:" + "|".join(sorted(COLOURS)) + r")(?:dish|ish|y)?\b", re.I)

# Dog and cat breeds people name, and the words for a dog of no one breed ("a collie cross", "a mutt").
BREEDS = ("""labrador labradors retriever spaniel cocker springer collie sheepdog shepherd alsatian terrier russell
staffie staffy staffordshire bulldog frenchie pug poodle cockapoo cavapoo cavalier labradoodle goldendoodle doodle
dachshund beagle boxer husky malamute samoyed chihuahua corgi greyhound whippet lurcher saluki kelpie heeler huntaway
pointer setter vizsla weimaraner ridgeback rottweiler doberman dobermann schnauzer shih tzu maltese bichon pomeranian
yorkie westie scottie cairn dane mastiff newfoundland bernese akita shiba spitz basset bloodhound dalmatian mutt
mongrel crossbreed cross mix tabby siamese persian coon ragdoll bengal shorthair longhair sphynx burmese abyssinian
birman tortie calico moggy moggie""".split())
_BREED = re.compile(r"\b(?:" + "|".join(sorted(BREEDS)) + r")s?\b", re.I)
_BREED_ASKED = re.compile(r"\b(?:breeds?|(?:kind|sort|type)s?\s+of\s+(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pups?))\b",
                          re.I)
# A street is stated with what it is ("Maple Drive", "14 Elm Road", "Hofwiesenstrasse", "rue des
# Martyrs"): a flat "in Oerlikon", a house "near the Basin" say where, not on which street.
STREETS = frozenset("street streets road roads avenue lane address addresses".split())  # a home address: its street
_SUFFIXES = "drive|lane|crescent|terrace|grove|parade|mews|way|row|square|gardens|walk|place|close|court|hill|st"
_STREET = re.compile(r"(?:\b(?!(?:the|a|an|this|that|our|my|your|their|his|her|its|on|in|at|of|off|down|up|along"
                     r"|across|same|next|busy|quiet|side|back|long|open|dirt|wrong|main|whole|each|every|one)\b)"
                     r"[^\W\d_][\w'’-]*|\b\d+[a-z]?)\s+(?:street|road|rd|avenue|ave|boulevard|blvd)\b"
                     r"|\b\d+[a-z]?\s+[^\W\d_][\w'’-]*\s+(?:" + _SUFFIXES + r")\b"
                     r"|(?-i:[A-Z][\w'’-]*\s+(?:" + _SUFFIXES.title() + r")\b)"  # "Maple Drive", not "we drive"
                     r"|\b\w+(?:strasse|straße|gasse|weg|gade|gatan|vej|veien|vegen|straat|laan|gracht)\b"
                     r"|\b(?:rue|via|calle|avenida|rua|viale|corso)\s+(?:d[eoai]s?\s+|del\s+|della\s+)?[^\W\d_]", re.I)
_COLOUR_ASKED = re.compile(r"^\s*(?:in\s+)?(?:what|which)\s+colou?rs?\b", re.I)


def category_asked(question: str, asked_for: Iterable[str], name: str) -> Optional[str]:
    """The kind of answer a question about a category must find stated: `name` for a body or place
    known by its name, BREED, STREET; else None. `asked_for`: the noun the question asks for ("which *airline*…").
    Not a colour: a photo shows it without naming whose it is ("a newborn in a yellow knitted hat"),
    so only the ranking asks for one (`colour_asked`)."""
    if _BREED_ASKED.search(question):
        return BREED
    if set(asked_for) & STREETS:
        return STREET
    return name if set(asked_for) & NAMED_CATEGORIES else None


def colour_asked(question: str) -> Optional[str]:
    """COLOUR for "what colour…": a sentence stating one is preferred."""
    return COLOUR if _COLOUR_ASKED.match(question) else None


def states_category(kind: str, text: str) -> bool:
    """Does `text` state a colour (COLOUR), a breed (BREED) or a street (STREET)?"""
    return bool({COLOUR: _COLOUR, BREED: _BREED, STREET: _STREET}[kind].search(text))
