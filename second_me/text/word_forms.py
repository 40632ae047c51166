"""Other forms of a word that the full-text index cannot know: irregular verbs, so "what did I
buy?" finds "I bought", and everyday words for the same person or thing, so "my mother" finds
"Mum", "my car" finds "the automobile", "my cat" the kitten and "Ros's wedding" that she
gets married.

The index stems regular forms (walked → walk) and nothing else; without these, a question
misses a memory told in other words, and its word looks like one no memory contains (which
counts against answering).
"""

from __future__ import annotations

import re

# base, past, past participle (slashes separate variants)
_VERBS = """
arise arose arisen; awake awoke awoken; bear bore borne; beat beat beaten; become became become;
begin began begun; bend bent bent; bet bet bet; bid bid bid; bind bound bound; bite bit bitten; bleed bled bled;
blow blew blown; break broke broken; breed bred bred; bring brought brought; build built built; burn burnt burnt;
burst burst burst; buy bought bought; catch caught caught; choose chose chosen; cling clung clung; come came come;
cost cost cost; creep crept crept; cut cut cut; deal dealt dealt; dig dug dug; draw drew drawn;
dream dreamt dreamt; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen; feed fed fed;
feel felt felt; fight fought fought; find found found; flee fled fled; fly flew flown; forbid forbade forbidden;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten; give gave given;
go went gone; grind ground ground; grow grew grown; hang hung hung; hear heard heard; hide hid hidden;
hit hit hit; hold held held; hurt hurt hurt; keep kept kept; kneel knelt knelt; know knew known; lay laid laid;
lead led led; lean leant leant; leap leapt leapt; learn learnt learnt; leave left left; lend lent lent; let let let;
lie lay lain; light lit lit; lose lost lost; make made made; mean meant meant; meet met met; pay paid paid;
put put put; quit quit quit; read read read; ride rode ridden; ring rang rung; rise rose risen; run ran run;
say said said; see saw seen; seek sought sought; sell sold sold; send sent sent; set set set; sew sewed sewn;
shake shook shaken; shine shone shone; shoot shot shot; show showed shown; shrink shrank shrunk; shut shut shut;
sing sang sung; sink sank sunk; sit sat sat; sleep slept slept; slide slid slid; speak spoke spoken;
speed sped sped; spend spent spent; spill spilt spilt; spin spun spun; split split split; spread spread spread;
spring sprang sprung; stand stood stood; steal stole stolen; stick stuck stuck; sting stung stung; stink stank stunk;
strike struck struck; swear swore sworn; sweep swept swept; swim swam swum; swing swung swung; take took taken;
teach taught taught; tear tore torn; tell told told; think thought thought; throw threw thrown; understand
understood understood; wake woke woken; wear wore worn; weep wept wept; win won won; wind wound wound;
write wrote written
"""


# Words for the same person or thing (British and American English included). "Dr" is any
# doctor's title, not a GP's: it shares a family with "doctor" alone. Where someone lives is
# told by their moving there ("We moved into the new flat in Prenzlauer Berg!"). A verb made from an
# adjective is told by it ("When did the first Sungold ripen?": "First Sungold ripe."). Families
# write to each other in their own language's words for mother and father ("Mamãe", "Pai", "Mutti").
# A note lists what the user is allergic to under "Allergies:". A pottery class is a ceramics class.
_SAME = """
mother mum mom mummy mommy mam mama mae mamae mamma maman mutti; father dad daddy papa pai papai papi vati;
grandmother grandma granny gran nana;
grandfather grandpa grandad granddad; children kids; child kid; grandchildren grandkids; grandchild grandkid;
husband hubby; car automobile; bicycle bike; television tv; film movie; holiday vacation trip travel journey;
list checklist; flat apartment;
doctor gp physician; doctor dr; sweater jumper; boss manager supervisor; fly flight; job work role;
cat kitten kitty; dog puppy; sofa couch settee; photo photograph picture pic; maintain maintenance;
wedding marry married marries wed; live move; baby born birth newborn;
ripe ripen; wide widen; soft soften; hard harden; dark darken; sharp sharpen; tight tighten; loose loosen;
deep deepen; thick thicken; weak weaken; sweet sweeten;
allergy allergies allergic; pottery ceramics ceramic
"""


# Someone's relatives: memory calls them by their names ("marrying Cathal", "Polly's coming over"),
# seldom by what they are to whom ("Orla's husband", "my nephew").
RELATIVES = frozenset("""husband wife partner boyfriend girlfriend fiance fiancé fiancee fiancée son sons daughter
daughters sister sisters brother brothers nephew nephews niece nieces cousin cousins aunt uncle grandson grandsons
granddaughter granddaughters grandchild grandchildren grandkid grandkids stepson stepdaughter stepmum
stepdad""".split())


def _table(*lists: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = {}
    for entry in ";".join(lists).replace("\n", " ").split(";"):
        words = [w for part in entry.split() for w in part.split("/")]
        family = set(words)
        for word in family:
            table.setdefault(word, set()).update(family)
    return {word: tuple(sorted(family)) for word, family in table.items()}


FORMS = _table(_VERBS, _SAME)
# "ran a 10k", "12kg", "5mi": the index holds "10 km" as the number and the unit apart.
_NUMBER_WITH_UNIT = re.compile(r"(\d+)(?:k|km|kms|mi|kg|kgs|lb|lbs|g|m|mins?|hrs?|h|ml|l|cm|mm)")
SYNONYMS = _table(_SAME)
# What people call their parents and grandparents, by name as often as not ("Dad's hip", "Nana came").
PARENT_WORDS = frozenset(form for word in ("mother", "father", "grandmother", "grandfather") for form in SYNONYMS[word])
_VERB_ENTRIES = [entry.split() for entry in _VERBS.replace("\n", " ").split(";") if entry.split()]
# What a regular ending is added to: a verb's base form ("bored" is not "bore", the past of "bear").
_BASE_VERBS = frozenset(entry[0] for entry in _VERB_ENTRIES)
_BASES = _BASE_VERBS | frozenset(SYNONYMS)


def word_forms(word: str) -> tuple[str, ...]:
    """Every form of a word given any of them ("bought" → buy, bought; "mum" → mother, mum, mom…),
    a regular form's through the word it is made from ("doctors" → doctor, dr…; "flying" → fly,
    flew, flight…: the index stems what it finds); a number written with its unit, the number too
    ("10k" finds "10 km"); else just the word."""
    lowered = word.lower()
    with_unit = _NUMBER_WITH_UNIT.fullmatch(lowered)
    if with_unit:
        return (lowered, with_unit.group(1))
    if lowered in FORMS:
        return FORMS[lowered]
    base = _listed_base(lowered)
    return (lowered, *FORMS[base]) if base else (word,)


def _listed_base(word: str) -> str | None:
    """The listed word a regular form is made from: doctors → doctor, flying → fly, working and
    worked → work, making → make, running → run."""
    candidates = []
    if word.endswith("s"):
        candidates.append(word[:-1])
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) > 4:
            stem = word[:-len(ending)]
            candidates += [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    return next((candidate for candidate in candidates if candidate in _BASES), None)


_PAST = frozenset(form for entry in _VERB_ENTRIES for part in entry[1:] for form in part.split("/")) \
    - frozenset(entry[0] for entry in _VERB_ENTRIES)  # "come came come": "come" is no past


def is_past_form(word: str) -> bool:
    """A verb's past or past participle: an irregular one ("ran", "been"), or a regular "-ed"."""
    lowered = word.lower()
    return lowered in _PAST or (lowered.endswith("ed") and len(lowered) > 4)


def is_said_of_one(word: str) -> bool:
    """A listed verb as said of someone or something, its "-s" form or its past ("hurts", "goes", "won"):
    not its base, which may as well be a noun ("a swim", "the cost")."""
    lowered = word.lower()
    bases = (lowered[:-1], lowered[:-2] if lowered.endswith("es") else "") if lowered.endswith("s") else ()
    return is_past_form(lowered) or any(base in _BASE_VERBS for base in bases)


# "read", "put", "set": as like the present as the past, they tell of neither.
_SAME_IN_THE_PAST = frozenset(entry[0] for entry in _VERB_ENTRIES if entry[0] in entry[1].split("/"))


def is_present_form(word: str) -> bool:
    """A word after "I" or "we" that can only be the present ("swim", "start", "fly"): not a past
    form, nor a verb whose past is the same word."""
    lowered = word.lower()
    return not is_past_form(lowered) and lowered not in _SAME_IN_THE_PAST


_VERB_FORMS = frozenset(form for entry in _VERB_ENTRIES for part in entry for form in part.split("/")) | {"born"}


def looks_like_a_verb(word: str) -> bool:
    """A listed verb in any of its forms ("born" among them), or a regular "-ed" or "-ing" form:
    what tells a verb from the second noun of "the physio appointment"."""
    lowered = word.lower()
    return lowered in _VERB_FORMS or (lowered.endswith(("ed", "ing")) and len(lowered) > 4)


def synonyms(word: str) -> tuple[str, ...]:
    """The word and its everyday equivalents ("mother" → mum, mom…), without verb forms."""
    return SYNONYMS.get(word.lower(), (word,))
