"""Measures: asked how long, how far, how big or how heavy, an answer is a number with its unit
("29 hours 12 minutes", "4 millimetres", "7lb 2oz"), not any number ("12 of us", "a hundred times").
Which measure a question asks for, and whether a text states one of it. Patterns only: how a sentence
stating it is preferred is `retrieval/answer_type.py`'s.
"""

from __future__ import annotations

import re
from typing import Optional

from second_me.text.stated import NUMBER_WORDS

# Measured things: a question about them wants a number ("what temperature…", "what tyre pressure…").
MEASURED_NOUNS = frozenset("""temperature temp pressure speed distance weight height length width depth size duration
price cost amount dose dosage quantity ratio percentage rate frequency often volume capacity time
mileage odometer""".split())
DURATION, LENGTH, DISTANCE, REACH, WEIGHT, SIZE = "duration", "length", "distance", "reach", "weight", "size"
MEASURE_KINDS = frozenset({DURATION, LENGTH, DISTANCE, REACH, WEIGHT, SIZE})

_TIME = (r"seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|wks?|fortnights?|months?|years?|yrs?"
         r"|decades?")
_LONG = (r"mm|cm|m|km|k|millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?|kilomet(?:re|er)s?|miles?|mi|yards?"
         r"|yds?|feet|foot|ft|inch(?:es)?")
_HEAVY = r"g|kg|grams?|kilos?|kilograms?|lbs?|pounds?|oz|ounces?|stones?|st|tonnes?|tons?"
_ROOM = (r"sq(?:uare)?\.?\s*(?:m|metres?|meters?|feet|ft)|m2|m²|acres?|hectares?|litres?|liters?|l|ml|gallons?|gb|tb"
         r"|bed(?:room)?s?")
_COUNT = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBER_WORDS)) + r")"


def _stated(units: str, spoken: str = "") -> re.Pattern:
    return re.compile(r"\b" + _COUNT + r"(?:\s*-\s*|\s*)(?:" + units + r")\b" + spoken, re.I)


_STATED = {
    # "an hour", "a fortnight", a finishing time "1:58" or "2h11": how long something took
    DURATION: re.compile(_stated(_TIME).pattern + r"|\b(?:an?|half an?)\s+(?:hour|day|week|fortnight|month|year)\b"
                         r"|\b\d{1,2}:\d\d(?::\d\d)?\b|\b\d+h\d\d\b", re.I),
    LENGTH: _stated(_LONG + "|" + _TIME),  # "how long is the canoe?" 17 feet; "how long is the flight?" 11 hours
    DISTANCE: _stated(_LONG + "|" + _TIME),  # 3 km, or 20 minutes' walk
    REACH: _stated(_LONG + r"|degrees?|°"),  # ran 10 km; a knee bends 110°: not "just 40 minutes" of it
    WEIGHT: _stated(_HEAVY),
    SIZE: _stated(_LONG + "|" + _HEAVY + "|" + _ROOM),
}

# "How far is the cabin from the lake?", "how far away…", "how far do they live…": places apart, which a
# time tells too ("20 minutes' walk"); "how far did I run?", "how far does my knee bend?": how far
# someone or something went, which a time does not.
_APART = re.compile(r"\b(?:is|was|are|were|away|from|live|lives|lived)\b|['’]s\b", re.I)

# "How long is the canoe?": a thing's length (or a trip's time); "how long did it take?", "how long
# were we together?", "how long do I bake it?": a time.
_LENGTH_OF = re.compile(r"^how long (?:is|was|are|were) (?:the|my|our|your|his|her|their|a|an|\w+['’]s) ", re.I)
_TIME_WORDS = re.compile(r"\b(?:take|takes|took|last|lasts|lasted|wait|waited|together|stay|stayed|for)\b", re.I)


def asked_measure(question: str) -> Optional[str]:
    """The measure a "how long / far / big / tall / heavy" question asks for, or "weigh"; else None."""
    q = question.strip().lower()
    if q.startswith("how long"):
        return LENGTH if _LENGTH_OF.match(q) and not _TIME_WORDS.search(q) else DURATION
    if q.startswith("how far"):
        return DISTANCE if _APART.search(q) else REACH
    if re.match(r"how (?:tall|high|deep|wide)\b", q):
        return LENGTH
    if q.startswith("how heavy") or re.match(r"how much\b.*\bweigh(?:s|ed)?\b", q):
        return WEIGHT
    if q.startswith("how big"):
        return SIZE
    if re.search(r"\b(?:mileage|odometer)\b", q):  # "What was the mileage at the last MOT?": "86,120 miles"
        return REACH
    if _RACE_TIME.search(q) and not q.startswith("what time"):
        return DURATION
    return None


# How long a race or a run took, asked as someone's time: "What was my half marathon time?" ("in 1:52:40"),
# "my time on the 8 km", "Sam's 5k time": not a clock time ("What time is my flight?"), nor "my spare time".
_RACE_TIME = re.compile(r"\b(?:my|his|her|their|your|our|\w+['’]s)\s+(?:(?!spare|free|own)[\w-]+\s+){0,3}?times?\b"
                        r"(?!\s+(?:zones?|off|tables?|slots?)\b)")


def states_measure(kind: str, text: str) -> bool:
    """Does `text` state a number with a unit of this measure?"""
    return bool(_STATED[kind].search(text))


# "What's the deposit on the new flat?" asks an amount of money as "how much is the deposit" does: a
# sentence stating one ("Rent £1,050 a month, deposit £1,211.") leads the one saying "new flat" twice.
_ASKS_A_SUM = re.compile(r"^\s*what(?:['’]s|\s+(?:is|was|are|were))\s+(?:the|my|our|your|his|her|their|\w+['’]s)\s+"
                         r"(?:[\w-]+\s+)?(?:deposits?|rent|fees?|fares?|bills?|prices?|costs?|salary|wages?|budget"
                         r"|quotes?|day rate|rates?)\b", re.I)


def asks_a_sum(question: str) -> bool:
    """Whether a question asks "what's the <amount of money>" (a deposit, the rent, a fee)."""
    return bool(_ASKS_A_SUM.match(question))
