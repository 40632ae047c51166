"""Questions that need arithmetic on dates, answered by rule from the dates chat messages carry.

"How long ago did we adopt Pixel?", "How long have I been learning Japanese?", "Which came
first: the driving test or the new flat?", "How many days after booking the flights was my
nephew born?". A model of any size is unreliable at date arithmetic, and memory holds no
sentence that states the span asked for; but every chat message has the day it was said, and
the day it tells of when it says "yesterday" or "last Saturday". So the events are found and
quoted as any evidence is, and the span between their days (or from one to today) is written
by rule under the quotes, with the days it is counted from.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Optional, Sequence

from second_me.domain import Evidence
from second_me.retrieval.answer_type import LIGHT_VERBS, lacks_answer
from second_me.text.event_dates import moments_told
from second_me.text.stated import NUMBER_VALUES
from second_me.text.word_forms import looks_like_a_verb
from second_me.text.words import content_words, forms, stems

SINCE, BETWEEN, FIRST, AGE, UNTIL = "since", "between", "first", "age", "until"
_PATTERNS = (
    # "how many days until the wedding?", "how long have I got until the tax return is due?": today to a day planned
    (UNTIL, re.compile(r"^\s*how\s+(?:long|many\s+(?:days|weeks|months))\s+(?:(?:is\s+it|have\s+(?:i|we)\s+got|"
                       r"do\s+(?:i|we)\s+have|is\s+there|are\s+there|left)\s+)?(?:until|till|til)\s+"
                       r"(?P<a>.+?)\s*\??\s*$", re.I)),
    # "how long ago did I retire?", "how long since I moved?"
    (SINCE, re.compile(r"^\s*how\s+long\s+(?:ago\s+(?:did|was|were|had|have|has)|since)\s+(?P<a>.+?)\s*\??\s*$", re.I)),
    # "how long have I been learning Japanese?", "how long has Sam lived in Otley?" (not "how long have I
    # got until…": what is left is not counted from a day that was)
    (SINCE, re.compile(r"^\s*how\s+long\s+(?:have|has)\s+(?!.*\b(?:got|left|until|till|remaining)\b)(?P<a>.+?)"
                       r"\s*\??\s*$", re.I)),
    # "which came first: the wedding or the move?", "what happened first, X or Y?"
    (FIRST, re.compile(r"^\s*(?:which|what)(?:\s+\w+)?\s+(?:came|happened|was)\s+first\s*[:,]?\s*(?P<a>.+?)\s*,?\s+or\s+"
                       r"(?P<b>.+?)\s*\??\s*$", re.I)),
    # "how long did I wait between seeing the surgeon and the operation?"
    (BETWEEN, re.compile(r"^\s*how\s+(?:long|many\s+(?:days|weeks|months|years))\s+.*?\bbetween\s+(?P<a>.+?)\s+and\s+"
                         r"(?P<b>.+?)\s*\??\s*$", re.I)),
    # "how many days after the house sold did we buy the condo?", "how long after I started did we…"
    (BETWEEN, re.compile(r"^\s*how\s+(?:long|many\s+(?:days|weeks|months|years))\s+after\s+(?P<a>.+?)\s+"
                         r"(?P<b>(?:did|was|were|had|have|has|could|would)\s+.+?)\s*\??\s*$", re.I)),
    # "how long did the canoe take, from cutting the forms to the last coat?" (the canoe: said of both)
    (BETWEEN, re.compile(r"^\s*how\s+long\s+did\s+(?:it\s+take\s+)?(?P<of>.*?)[\s,]*\bfrom\s+(?P<a>.+?)\s+to\s+"
                         r"(?P<b>.+?)\s*\??\s*$", re.I)),
    # "how long did I keep going to pottery before I quit?"
    (BETWEEN, re.compile(r"^\s*how\s+long\s+did\s+(?:i|we|you|he|she|they|\w+)\s+(?:keep|stay|spend)\s+(?P<a>.+?)\s+"
                         r"before\s+(?P<b>.+?)\s*\??\s*$", re.I)),
    # "how long did Sam keep working at The Swan after handing in his notice?": from the notice to the last day
    (BETWEEN, re.compile(r"^\s*how\s+long\s+did\s+(?:i|we|you|he|she|they|\w+)\s+"
                         r"(?P<kept>keep|stay|go\s+on|carry\s+on)\s+(?P<b>.+?)\s+after\s+(?P<a>.+?)\s*\??\s*$", re.I)),
    # "how old was Owen when he started walking?": from the day he was born to that day
    (AGE, re.compile(r"^\s*how\s+old\s+(?:was|were)\s+(?P<who>.+?)\s+when\s+(?P<b>.+?)\s*\??\s*$", re.I)),
)
# Whose birth no chat tells of: the user's own, or no one named.
_NOT_BORN_IN_CHAT = frozenset("i we you me us he she they it".split())
_PRONOUN = re.compile(r"^(?:he|she|they|it)\b", re.I)
_BIRTH = re.compile(r"\b(?:born|birth|arrived|arrival|delivered)\b", re.I)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_ONLY = re.compile(r"(\d{4})-(\d{2})")
# A message that gives its own span ("vegetarian for five years now", "here since 2019") does not
# start on the day it was sent: counting from that day would be wrong, and its quote says more.
_OWN_SPAN = re.compile(r"\b(?:for|since)\s+(?:[\w-]+\s+){0,2}?(?:years?|months?|weeks?|\d{4})\b"
                       r"|\b(?:years?|months?|weeks?)\s+(?:ago|now)\b", re.I)
DAYS_A_YEAR = 365.25


@dataclass(frozen=True)
class ElapsedQuestion:
    # SINCE (one event to today), UNTIL (today to one), BETWEEN (two events), FIRST (which of two) or AGE (birth
    # to an event)
    kind: str
    events: tuple[str, ...]  # the words naming each event, as the question says them
    # What tells each event from the other where both are said of one thing ("the tutoring group to
    # grow from four students to nine": "four students", "nine"); empty where the events say it all.
    own: tuple[str, ...] = ()
    who: str = ""  # AGE: whose age ("Owen")


def elapsed_question(question: str) -> Optional[ElapsedQuestion]:
    """The question's kind of date arithmetic and its events, or None when it asks none."""
    for kind, pattern in _PATTERNS:
        match = pattern.match(question)
        if match:
            parts = match.groupdict()
            if kind == AGE:
                who = parts["who"].strip()
                if who.lower() in _NOT_BORN_IN_CHAT:
                    return None
                return ElapsedQuestion(AGE, (f"{who} was born", _PRONOUN.sub(who, parts["b"].strip(), count=1)),
                                       who=who)
            events = tuple(parts[name].strip(" ,:") for name in ("a", "b") if parts.get(name))
            if parts.get("of") is not None and all(event[:1].isupper() for event in events):
                continue  # "how long did it take to drive from Leeds to York?": places, not events
            of = re.sub(r"\btake\b", "", parts.get("of") or "", flags=re.I).strip(" ,")
            if of:
                return ElapsedQuestion(kind, tuple(f"{of} {event}" for event in events), own=events)
            if parts.get("kept"):
                events = (events[0], f"last {events[1]}")  # kept on after the notice: to the last day of it
            elif kind == BETWEEN and re.search(r"\b(?:keep|stay|spend)\b.*\bbefore\b", question, re.I):
                events = (events[0], f"{events[1]} {events[0]}")  # "before I quit": quit what was kept up
            return ElapsedQuestion(kind, events)
    return None


def event_day(item: Evidence, event: str = "") -> Optional[date]:
    """The day a chat message tells of (the first, when it tells of several), else the day it was
    said (a fact is learnt from one message and carries its day); None for anything else (a note's
    file time is not when its events were). `event`: the words naming the event asked about, whose
    day it is when the message tells of another event's day only (`_told_apart`)."""
    if item.kind not in ("message", "fact") or not item.created_at:
        return None
    told = None if event and _told_apart(item.text, item.created_at, event) else _DAY.search(item.about or "")
    if told:
        return date.fromisoformat(told.group(0))
    return datetime.fromtimestamp(item.created_at, timezone.utc).date()


def _months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}{'s' * (number != 1)}"


def span_text(start: date, end: date) -> str:
    """As a person says it, then exactly: "24 days", "42 days (6 weeks)", "about 10 months (9 months
    and 26 days)", "7 months", "about 3 years (3 years and 1 month)"."""
    start, end = min(start, end), max(start, end)
    days = (end - start).days
    if days < 56:
        return _count(days, "day") + (f" ({days // 7} weeks)" if days % 7 == 0 and days >= 14 else "")
    months = _months_between(start, end)
    if months >= 24:
        years, left = divmod(months, 12)
        exact = _count(years, "year") + (f" and {_count(left, 'month')}" if left else "")
        rounded = _count(round(days / DAYS_A_YEAR), "year")
    else:
        rest = (end - _add_months(start, months)).days
        exact = _count(months, "month") + (f" and {_count(rest, 'day')}" if rest else "")
        rounded = _count(round(days / (DAYS_A_YEAR / 12)), "month")
    return exact if exact == rounded else f"about {rounded} ({exact})"


def _said(item: Evidence, day: date) -> str:
    """The event's day, and the day the message was sent when that was another."""
    said = datetime.fromtimestamp(item.created_at, timezone.utc).date()
    return f"{day.isoformat()}, said on {said.isoformat()}" if said != day else day.isoformat()


_AUXILIARIES = frozenset("do does did have has had be is was were been being will would can could".split())


def names_the_event(words: str, text: str) -> bool:
    """Whether a memory says the verb an event is named by, in any form ("the house sold": "SOLD. It
    went for $565,000"), which tells it from another event of the same thing ("We listed the house").
    An event named by no verb ("the operation") is named by any memory."""
    verbs = _verbs(words)
    return not verbs or _says_any(verbs, text)


def _verbs(words: str) -> list[str]:
    """The verbs naming an event, "did" and "was" aside: "sold" of "the house sold"."""
    return [word for word in re.findall(r"[\w']+", words)
            if word.lower() not in _AUXILIARIES and looks_like_a_verb(word)]


def _says_any(verbs: Sequence[str], text: str) -> bool:
    said = stems(text)
    return any(forms(verb) & said for verb in verbs)


def _told_apart(text: str, said_at: float, event: str) -> bool:
    """"SOLD. It went for $565,000, over asking! Closing is October 31st.": the event's verb ("the
    house sold") is said where no date is, and the date told is another event's (the closing): the
    sale was on the day the message was said."""
    verbs = _verbs(event)
    told = moments_told(text, said_at)
    return bool(verbs and told) and _says_any(verbs, text) and not any(_says_any(verbs, part) for _, part in told)


def elapsed_line(form: ElapsedQuestion, events: Sequence[Evidence], today: date) -> str:
    """The span asked for, written by rule from the quoted messages' days; "" when a day is missing."""
    days = [event_day(item, words) for item, words in zip(events, form.events)] if form.kind not in (SINCE, UNTIL) \
        else [event_day(item) for item in events]
    if not events or any(day is None for day in days):
        return ""
    if form.kind == UNTIL:
        (day,), (item,) = days[:1], events[:1]
        if day < today:
            return ""  # gone by: the plan was carried out, or changed
        return f"Today: {_said(item, day)}." if day == today else f"In {span_text(today, day)}: {_said(item, day)}."
    if form.kind == SINCE:
        (day,), (item,) = days[:1], events[:1]
        if day > today or _OWN_SPAN.search(item.text):
            return ""
        return f"That was {span_text(day, today)} ago: {_said(item, day)}."
    if len(events) < 2:
        return ""
    (a, b), (first, second) = days[:2], events[:2]
    if form.kind == FIRST:
        if a == b:
            return f"Both on the same day ({a.isoformat()})."
        earlier, later = ((form.events[0], a, first), (form.events[1], b, second)) if a < b else \
            ((form.events[1], b, second), (form.events[0], a, first))
        return (f"The first was {earlier[0]} ({_said(earlier[2], earlier[1])}), then {later[0]} "
                f"({_said(later[2], later[1])}), {span_text(earlier[1], later[1])} later.")
    span = span_text(a, b)
    if form.kind == AGE:
        if b < a:
            return ""  # told of before the birth: not the event asked about
        who = form.who[:1].upper() + form.who[1:]
        return f"{who} was {span} old: born {_said(first, a)}, and {form.events[1]} on {_said(second, b)}."
    return f"{span[:1].upper()}{span[1:]} apart: {_said(first, a)}, and {_said(second, b)}."


def newest_plan(evidence: Sequence[Evidence], event: str) -> Optional[Evidence]:
    """Of the chat messages among the evidence telling of a day after the one they were said on and
    saying a word of the event ("the wedding's on 24 May" for "the wedding"), the newest: told again
    later ("change of plan on the wedding: next May, the 24th"), the plan has changed."""
    words = [forms(word) for word in content_words(event) if word not in LIGHT_VERBS]
    planned = [item for item in evidence if (day := event_day(item)) is not None
               and day > datetime.fromtimestamp(item.created_at, timezone.utc).date()
               and any(word & stems(f"{item.speaker or ''} {item.text}") for word in words)]
    return max(planned, key=lambda item: item.created_at, default=None)


def tells_birth(text: str, who: str) -> bool:
    """Whether a message tells of the birth of whom an age is asked ("Our grandson arrived last night!
    Owen James Fraser, 8 lb 2 oz" of Owen, or of "my grandson"): it says a word of birth and their name."""
    named = _named(who)
    return bool(_BIRTH.search(text)) and bool(named) and named <= stems(text)


def names_whom(who: str, event: str, text: str) -> bool:
    """Whether a message names whom an age is asked, when the event asked about does ("Owen started
    walking": "Owen took his first steps today", not "a slow walk with Biscuit"); any does otherwise."""
    named = _named(who)
    return not (named and named <= stems(event)) or named <= stems(text)


def _named(who: str) -> set[str]:
    """The words naming whom an age is asked: "owen" of "Owen", "grandson" of "my grandson"."""
    return stems(who) - _NOT_BORN_IN_CHAT - {"my", "our"}


def says_own_words(own: str, text: str) -> int:
    """How many of the words telling an event from another ("four students") a memory says."""
    said = stems(text)
    return sum(1 for word in content_words(own) if forms(word) & said)


# "How old is Ella now?", "how old's Biscuit these days?", "How old is my mother?": asked in the present.
_AGE_NOW = re.compile(r"^\s*how\s+old(?:\s+is|['’]s)\s+(?P<who>.+?)(?:\s+(?:now|these\s+days|nowadays|today"
                      r"|at\s+the\s+moment))?\s*\??\s*$", re.I)
_TURNING = re.compile(r"\b(?:turning|going\s+to\s+be)$", re.I)
_AGE_NUMBER = r"(\d{1,3}|" + "|".join(NUMBER_VALUES) + r")"
# A birthday says the age and its day together: "Biscuit turned 9 today", "her 65th birthday lunch",
# "she's turning seven" (on a day the message names). "She is 7 years old" does not say when 7 began.
_BIRTHDAY_AGE = re.compile(r"\b(?:turned|turns|turning)\s+" + _AGE_NUMBER + r"\b(?![.,]\d|\s*(?:%|percent|degrees))"
                           r"|\b(\d{1,3})(?:st|nd|rd|th)\s+birthday\b", re.I)


def age_question(question: str) -> Optional[str]:
    """Whose age a present-tense "how old" question asks ("Ella"), else None ("how old is Dad
    turning?" asks the age a birthday brings, which the message says)."""
    match = _AGE_NOW.match(question)
    return match.group("who") if match and not _TURNING.search(match.group("who")) else None


def birthday_age(text: str) -> Optional[tuple[int, str]]:
    """The age a message says a birthday brought, and the words saying it ("turned 9", "65th
    birthday"), else None."""
    match = _BIRTHDAY_AGE.search(text)
    if match is None:
        return None
    told = match.group(1) or match.group(2)
    return (int(told) if told.isdigit() else NUMBER_VALUES[told.lower()]), match.group(0)


def _full_years(start: date, end: date) -> int:
    return _months_between(start, end) // 12


def age_line(item: Evidence, today: date) -> str:
    """The age now, counted by rule from a birthday a chat message tells of, in the message's own
    words: "Turned 9 on 2023-03-19: 10 years old now.", "7th birthday on 2023-05-06: 8 years old
    now.", "Turns 70 in 2024-03, said on 2024-02-01: 72 years old now." "" when the message tells of
    no birthday age or has no day, or today is in the month of a birthday told by its month only
    (the year it was told of or any later one)."""
    told, day = birthday_age(item.text), event_day(item)
    if told is None or day is None:
        return ""
    (age, words), month = told, _MONTH_ONLY.fullmatch(item.about or "")
    if month:  # "Dad turns 70 in March", said in February: no day of it is his birthday, its month is
        birthday = date(int(month.group(1)), int(month.group(2)), 1)
        if today.month == birthday.month and today >= birthday:
            return ""  # in that month, this year or any later one: before the day or after it?
        when = f"in {item.about}, said on {_said(item, day)}"
    elif item.about and not _DAY.search(item.about):
        return ""  # "turns 70 next year": no day of it is known
    else:
        birthday, when = day, f"on {_said(item, day)}"
    said = f"{words[:1].upper()}{words[1:]} {when}"
    if birthday > today:
        return f"{said}: {_count(age - 1, 'year')} old until then."
    return f"{said}: {_count(age + _full_years(birthday, today), 'year')} old now."


def age_now(question: str, evidence: Sequence[Evidence], today: date) -> tuple[Optional[Evidence], str]:
    """For a present-tense "how old" question, the newest message of the evidence telling of a
    birthday of its subject ("Ella's 7th birthday party" for "How old is Ella now?"), and the age
    line counted from it; (None, "") when there is none."""
    if age_question(question) is None:
        return None, ""
    birthdays = [item for item in evidence if birthday_age(item.text) is not None
                 and lacks_answer(question, [item.text], ()) is None]  # about Ella, stating an age
    for item in sorted(birthdays, key=lambda item: item.created_at, reverse=True):
        line = age_line(item, today)
        if line:
            return item, line
    return None, ""
