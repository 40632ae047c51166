"""Irregular English verbs, so "what did I buy?" finds "I bought".

The full-text index stems regular forms (walked → walk) but cannot know that "bought" is
"buy"; without this, a question in the present tense misses a memory told in the past, and
the verb looks like a word no memory contains (which counts against answering).
"""

from __future__ import annotations

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


def _forms() -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = {}
    for entry in _VERBS.replace("\n", " ").split(";"):
        words = [w for part in entry.split() for w in part.split("/")]
        if not words:
            continue
        family = set(words)
        for word in family:
            table.setdefault(word, set()).update(family)
    return {word: tuple(sorted(family)) for word, family in table.items()}


FORMS = _forms()


def verb_forms(word: str) -> tuple[str, ...]:
    """Every form of an irregular verb given any of its forms ("bought" → buy, bought); else just the word."""
    return FORMS.get(word.lower(), (word,))
