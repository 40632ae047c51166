"""The support check: a sentence second-me writes (an answer, a summary, a fact) may state only
what its evidence states.

A sentence is dropped when it names a number, date, amount or name that its evidence does
not (the question saying it is no proof: a small model turns "two days ago" or "before I
moved to Berlin" into claims), or when most of its words are in neither the evidence nor the
question it answers. A number is matched as the whole expression it stands in: "4 hours" is
not supported by "4 to 5 hours", so a range or a neighbouring figure cannot become a wrong
answer. Asked how far two amounts are apart, what is left or what they come to, a number worked
out from two the evidence states (lent 200, 120 paid back: 80 still owed) is as checkable as one
copied from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from second_me.text.sentences import split_sentences
from second_me.text.words import MONTHS, STOPWORDS, WEEKDAYS, content_words, forms, plain, stem, stems

MIN_COVERAGE = 0.6  # share of a sentence's own words that must be in its evidence or question
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12})
_NUM = r"(?:\d+(?:[.,:]\d+)*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_EXPRESSION = re.compile(r"(?<![\w.])(?P<a>%s)(?:\s*(?:-|–|—|to|or|and)\s*(?P<b>%s))?(?![\w])" % (_NUM, _NUM), re.I)
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>%s)\b\.?(?:,?\s+(?P<year>\d{4}))?"
                        % _MONTH, re.I)
_MONTH_DAY = re.compile(r"\b(?P<month>%s)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?" % _MONTH,
                        re.I)
_CITATION = re.compile(r"\s*\[\d{1,3}\]")
# "How much does Tomás still owe me?", "by how many km has it gone up?", "how much in total?": the
# answer is worked out from amounts of several statements (lent, then paid back in parts).
_HOW_MUCH = r"\bhow (?:much|many|far|long)\b.*"
_ASKS_DIFFERENCE = re.compile(
    _HOW_MUCH + r"\b(?:more|less|fewer|still|left|remaining|faster|slower|longer|shorter"
    r"|(?:gone|went|come|came) (?:up|down)|increased?|decreased?|owes?|owed)\b"
    r"|\bdifference between\b|\bby how (?:much|many|far)\b"
    r"|" + _HOW_MUCH + r"\b[a-z]+er\b.*\bthan\b"  # "how much cheaper was the Mill than the barn?"
    # "How many species did I add to my list between January and June?": what the totals then and now differ by.
    r"|" + _HOW_MUCH + r"\b(?:add|added|gain|gained|grow|grew|grown|lose|lost|drop|dropped|fall|fallen|fell|rise"
    r"|risen|rose)\b.*\b(?:between|since)\b", re.I)
# "What did the piston rings and the new propeller cost together?" asks a sum as "how much" does.
_ASKS_SUM = re.compile(r"(?:" + _HOW_MUCH + r"|\bwhat (?:did|do|does|will|would)\b.*\bcost\b.*)"
                       r"\b(?:in total|altogether|combined|in all|together)\b", re.I)
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
NOT_WORKED_OUT = "an amount worked out"  # what a sentence lacks that copies an amount when asked to work one out
# A currency is a claim too: "$47.10" when the spreadsheet says "amount: 47.10", in pounds.
_CURRENCIES = {symbol: re.compile(pattern, re.I) for symbol, pattern in (
    ("$", r"\$|\b(?:dollars?|usd|aud|cad|nzd|bucks)\b"), ("€", r"€|\b(?:euros?|eur)\b"),
    ("£", r"£|\b(?:pounds?|gbp|quid|pence)\b"), ("¥", r"¥|\b(?:yen|jpy)\b"), ("₹", r"₹|\b(?:rupees?|inr)\b"))}
# Words that may start a sentence without being a claim of their own.
_STARTERS = frozenset("yes no sure ok okay well according based in on at for from to with by so also then "
                      "you your it its this that these those there here they he she we i".split())


@dataclass(frozen=True)
class Check:
    supported: bool
    missing: tuple[str, ...] = ()  # what the evidence does not state (for tests and logs)


def _value(token: str) -> str:
    token = token.lower()
    if token in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[token])
    return token.replace(",", "")


def _dates(text: str) -> tuple[set[str], str]:
    """Dates as (month-day and year) tokens, and the text with them taken out (their numbers are checked as dates)."""
    found: set[str] = set()

    def take(match: re.Match) -> str:
        month = match.group("month")
        month = int(month) if month.isdigit() else MONTHS[month.lower()]
        found.add(f"{month:02d}-{int(match.group('day')):02d}")
        if match.group("year"):
            found.add(match.group("year"))
        return " "

    for form in (_ISO_DATE, _DAY_MONTH, _MONTH_DAY):
        text = form.sub(take, text)
    return found, text


def _expressions(text: str) -> set[str]:
    """Numeric expressions as written: "12 to 14" → "12-14", "four" → "4"."""
    out = set()
    for match in _EXPRESSION.finditer(text):
        a, b = match.group("a"), match.group("b")
        if b is not None:
            out.add(f"{_value(a)}-{_value(b)}")
        else:
            out.add(_value(a))
    return out


def asks_to_reckon(question: str) -> str | None:
    """"difference" or "sum" when the question asks for an amount worked out from others, else None."""
    if _ASKS_DIFFERENCE.search(question):
        return "difference"
    return "sum" if _ASKS_SUM.search(question) else None


def _amount(number: str) -> float | None:
    """A plain number's value to the cent ("85.90" and "85.9" are one amount); None for a range."""
    return round(float(number), 2) if _PLAIN_NUMBER.fullmatch(number) else None


def _reckoned(numbers: Iterable[str], reckoning: str | None) -> set[float]:
    """What the question asks to work out from two of the numbers (`asks_to_reckon`): their
    differences ("how much more", "still owe") or their sums ("in total"), to the cent."""
    if reckoning is None:
        return set()
    values = sorted({value for value in map(_amount, numbers) if value is not None})
    return {round(b - a if reckoning == "difference" else a + b, 2)
            for i, a in enumerate(values) for b in values[i + 1:]}


def _names(sentence: str) -> list[str]:
    """Capitalised words that claim someone or something: not a sentence's first word when it is an
    ordinary starter, not months, weekdays or "I"."""
    out = []
    for position, match in enumerate(re.finditer(r"[^\W\d_][\w'’-]*", sentence)):
        word = match.group(0).rstrip("'’-")  # "Ted Moores' book": the name is Moores
        lower = plain(word)
        if (not word[0].isupper() or len(word) == 1 or lower in STOPWORDS or lower in MONTHS or lower in WEEKDAYS):
            continue  # a single capital is a unit ("°C") or "I", not a name
        if position == 0 and lower in _STARTERS:
            continue
        out.append(word)
    return out


class Support:
    """The evidence texts (and the question), prepared once for checking many sentences."""

    def __init__(self, texts: Iterable[str], question: str = "", question_names: bool = False,
                 coverage: float = MIN_COVERAGE):
        """`question_names`: a name the question says may be said back ("your GP is…"); for a
        capable reader, whose sentences are whole answers, not for a small model's line.
        `coverage`: the share of a sentence's own words its evidence (or question) must hold."""
        self.coverage = coverage
        joined = "\n".join(texts)
        self.dates, rest = _dates(joined)
        self.numbers = _expressions(rest)
        reckoning = asks_to_reckon(question)
        self.reckons = reckoning is not None
        self.reckoned = _reckoned(self.numbers, reckoning)
        self.stems = stems(joined)
        self.words = {plain(w) for w in re.findall(r"\w+", joined)}
        self.currencies = {symbol for symbol, said in _CURRENCIES.items() if said.search(joined)}
        self.question_stems = stems(question)
        self.name_stems = self.stems | (self.question_stems if question_names else set())

    def check(self, sentence: str) -> Check:
        """Names, numbers and dates must be the evidence's own (a question's "two days ago" or
        "Berlin" proves nothing); the question's words count only towards the other words."""
        sentence = _CITATION.sub("", sentence)
        missing: list[str] = []
        dates, rest = _dates(sentence)
        missing += sorted(d for d in dates if d not in self.dates)
        missing += sorted({symbol for symbol in _CURRENCIES if symbol in sentence} - self.currencies)
        numbers = _expressions(rest)
        missing += sorted(n for n in numbers
                          if n not in self.numbers and n not in self.dates and _amount(n) not in self.reckoned)
        amounts = {_amount(n) for n in numbers} - {None}
        if self.reckons and amounts and not amounts & self.reckoned:
            # Asked how much is left or more, one amount copied from the evidence is no answer: "The
            # Mill was £9,500 cheaper than the barn" of "a barn near Ilkley… £9,500".
            missing.append(NOT_WORKED_OUT)
        for name in _names(rest):
            # A code is said in parts ("P2-17": "p2", "17"), as the evidence's words are read.
            if not forms(name) & self.name_stems and plain(name) not in self.words \
                    and not ("-" in name and all(part in self.words for part in plain(name).split("-"))):
                missing.append(name)
        own = [w for w in content_words(rest) if not w.isdigit()]
        if own:
            covered = sum(1 for w in own if forms(w) & (self.stems | self.question_stems) or stem(w) in self.stems)
            if covered / len(own) < self.coverage:
                missing.append(f"{len(own) - covered} of {len(own)} words")
        return Check(not missing, tuple(missing))


def supported_sentences(text: str, evidence: Sequence[str], question: str = "") -> tuple[str, list[str]]:
    """The text with every unsupported sentence dropped, and the dropped sentences."""
    checker = Support(evidence, question)
    kept, dropped = [], []
    for sentence, _ in split_sentences(" ".join(text.split())):
        (kept if checker.check(sentence).supported else dropped).append(sentence)
    return " ".join(kept), dropped
