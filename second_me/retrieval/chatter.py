"""Information, not chatter: a prior that holds back turns that rarely answer anything.

Short acknowledgements ("Thanks!", "haha nice") and questions back ("How did you get into
that?") match names and common words as well as anything, but hold no answer. Their score is
multiplied down, so whatever matches as well and says something comes first; when nothing
else matches, they are still found. A turn that tells something before it asks ("My dog is
limping on his back leg after chasing a ball. Should I worry?", as people write to an assistant)
says something, and is not held back.

Asked when something happens, a memory that tells of a day (`Memory.about`: "The Mill, Saturday
6th June 2026!!", "we got the keys yesterday") is preferred: the turns that name the thing most
("wedding drama update, you ready") rarely say when. In the same way, asked how much, how many,
how old or where someone stayed, a turn that states an amount, a number, an age or a place to
stay is preferred: "he's home in a cone. £640 though" for "How much was Bunsen's vet bill?", which
the turns naming the cat and the vet outnumber.
"""

from __future__ import annotations

from second_me.domain import Memory
from second_me.retrieval.answer_type import DATE, DAY_OF_YEAR, NAME, has_answer
from second_me.retrieval.people import own_words
from second_me.text.names import fold
from second_me.text.utterance import is_question, tells_before_asking
from second_me.text.words import content_words

QUESTION_PRIOR = 0.6  # a question back
SHORT_PRIOR = 0.6  # a turn of at most SHORT_WORDS content words...
SHORT_WORDS = 2
FULL_WORDS = 3  # ...rising to 1 at this many


def information_prior(memory: Memory) -> float:
    """1 for a memory that says something; less for a chat turn that asks or only acknowledges."""
    if memory.kind != "message":
        return 1.0
    text = own_words(memory)
    if is_question(text) and not tells_before_asking(text):
        return QUESTION_PRIOR
    words = len(content_words(text))
    if words >= FULL_WORDS:
        return 1.0
    if words <= SHORT_WORDS:
        return SHORT_PRIOR
    return SHORT_PRIOR + (1 - SHORT_PRIOR) * (words - SHORT_WORDS) / (FULL_WORDS - SHORT_WORDS)


# The words chat reactions are made of: a turn of these alone acknowledges, and tells nothing.
REACTION_WORDS = frozenset("""ok okay okk kk k got thanks thank thx ty cheers nice cool great good haha hahaha ha hah
lol lmao omg wow yes yeah yep yup ya no nope nah sure right sounds noted happy help glad keep mind same true agreed
absolutely exactly perfect awesome amazing lovely love aw aww oh ah hmm fair enough totally definitely welcome problem
worries np brilliant sweet fab fine alright alrighty understood makes sense appreciate appreciated hehe yay""".split())


def says_nothing_asked(memory: Memory, question: str) -> bool:
    """A chat turn of reactions alone ("Got it.", "haha nice", "Happy to help with that.") sharing
    no word with the question: search may still rank it first when nothing else is close, but
    quoted as the answer it tells the user nothing. "Bram!" or "3.2 kg" may answer the turn before."""
    if memory.kind != "message":
        return False
    words = [word.lower() for word in content_words(own_words(memory))]
    if not all(word in REACTION_WORDS for word in words):
        return False
    asked = {fold(word) for word in content_words(question)}
    return not any(fold(word) in asked for word in words)


# A name is too loose a kind to prefer by (any capitalised word), and asked when, `dated_prior` judges.
UNTYPED = frozenset({NAME, DATE, DAY_OF_YEAR})


def typed_prior(memory: Memory, kind: str | None, asked: set[str], weight: float) -> float:
    """1 + `weight` for a chat turn stating the kind of answer the question wants (`wanted_kind`),
    beyond what the question says itself (`asked`, as `asked_words` gives them); else 1. A note's
    section states numbers and amounts of everything it covers: that says nothing of this question."""
    if kind is None or kind in UNTYPED or memory.kind != "message":
        return 1.0
    return 1.0 + weight if has_answer(kind, own_words(memory), asked) else 1.0


def dated_prior(memory: Memory, asks_when: bool, weight: float) -> float:
    """1 + `weight` for a memory telling of a day, asked when; else 1."""
    return 1.0 + weight if asks_when and memory.about else 1.0

