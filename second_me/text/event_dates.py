"""When the things a message tells of happened: its relative time words resolved against the moment
it was sent.

"Yesterday we took the kids to the aquarium", sent on 6 July 2023, is about 5 July; "my interview
is on Thursday", sent on a Sunday, about the Thursday after; "mum's party two weekends ago" about
the weekend before last. A bare weekday or month is read by the sentence's tense: looking back
("went", "was", "-ed") it is the last one before the message, looking forward ("is", "will",
"going to", "'re off", "see you") the next one; with no sign either way, the last one (chats mostly recount).

Dates in figures are read too, as booking and reminder texts write them: "2026-10-21", "21/10/2026",
"21.10.26", and "on 14/10" after a word saying when. Which of two numbers up to 12 is the day follows
the machine's locale: month first for US English ("10/21"), day first everywhere else.

Every span is a [start, end) of whole UTC days, like every time in second-me. Vague words ("the
other day", "recently") give nothing: a wrong date is worse than none.
"""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from second_me.domain import describe_span
from second_me.text.calendar_days import (DAY, add_months, month_year, nearest_day, nth_day, relative_year, utc,
                                          week_of, weekend, weekend_before)
from second_me.text.word_forms import is_present_form
from second_me.text.words import MONTHS, WEEKDAYS

# Counts as people write them in time phrases ("two weekends ago", "a couple of days ago").
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
           "couple of": 2, "few": 3, "several": 3}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month (northern hemisphere)
MAX_SPANS = 4  # a message rarely tells of more moments; a list of dates is better read by the reader

_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
# Month names, and their short forms ("16 Oct", "Sept 3") when written as names (`_lower_case_month`).
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
_TO = r"(?:-|–|to|until|till|through)"
# "Saturday 6th June 2026", "Sat, June 6": the weekday is part of the date after it, not a Saturday of its own.
# "Sat 24 to Sat 31 Oct", "Saturday 24 to Saturday 31 October": a weekday said before each day of a stay.
_WEEKDAY_SHORT = "mon tues tue wed thurs thur thu fri sat sun".split()
_ANY_WEEKDAY = r"(?:" + "|".join(list(WEEKDAYS) + _WEEKDAY_SHORT) + r")\b\.?,?\s+"
_DATE_AFTER = (r"(?!,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("?P<month>", "?:")
               + r"|,?\s+" + _MONTH.replace("?P<month>", "?:") + r"\s+\d"
               + r"|,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s*" + _TO + r"\s*(?:the\s+)?(?:" + _ANY_WEEKDAY + r")?\d)")
# "on 14/10 at 09:20", "due 3/11": a day and a month in figures only after a word saying when ("6/10" alone rates).
_WHEN_WORDS = "on for by until till from to due before after".split()
_SAYS_WHEN = "(?:" + "|".join(rf"(?<=\b{word} )" for word in _WHEN_WORDS) + ")"
_MONTH_FIRST = re.match(r"en_US", os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG") or "")
_PHRASE = re.compile(
    r"\b(?:"
    r"(?P<day_before>the day before yesterday)|(?P<day_after>the day after tomorrow)"
    r"|(?P<yesterday>yesterday|last night)|(?P<tomorrow>tomorrow|tommorow|tommorrow|tomorow)"
    r"|(?P<today>today|tonight|this (?:morning|afternoon|evening))"
    r"|" + _NUM + r"\s+(?P<ago_unit>day|week|weekend|fortnight|month|year)s?\s+ago"
    # "put a stent in two days ago": "in" before a count that ends in "ago" is no time ahead.
    r"|in\s+" + _NUM.replace("<n>", "<in_n>") + r"\s+(?P<in_unit>day|week|fortnight|month)s?(?!\s+ago\b)"
    r"(?:['’]? time)?"
    r"|(?P<which>last|this|next|the)\s+(?P<unit>week|weekend|month|year)\b(?!\s+(?:before|after))"
    r"|(?P<at_weekend>(?:at|over) the weekend)"
    r"|" + _WEEKDAY.replace("<weekday>", "<nth_wd>") + r"\s+the\s+(?P<nth>\d{1,2})(?:st|nd|rd|th)"
    r"|(?P<which_wd>last|this|next|on|on the)\s+" + _WEEKDAY.replace("<weekday>", "<wd>") + r"\b" + _DATE_AFTER
    + r"|(?P<which_season>last|this|next)\s+(?P<season>spring|summer|autumn|fall|winter)"
    r"|(?P<which_month>last|next|in|this|for)\s+" + _MONTH.replace("<month>", "<in_month>")
    + r"(?!,?\s+\d)"
    # A stay of several days: "14 to 21 June", "the 14th-21st of June", "June 14-21", "June, 14th to 21st".
    r"|(?:the\s+)?(?P<from_day>\d{1,2})(?:st|nd|rd|th)?\s*" + _TO + r"\s*(?:the\s+)?(?:" + _ANY_WEEKDAY + r")?"
    r"(?P<to_day>\d{1,2})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?" + _MONTH.replace("<month>", "<range_month>")
    + r"(?:,?\s+(?P<range_year>\d{4})|\s+(?P<range_rel>next|last|this)\s+year)?"
    r"|" + _MONTH.replace("<month>", "<month_range>") + r",?\s+(?:the\s+)?(?P<month_from>\d{1,2})(?:st|nd|rd|th)?\s*"
    + _TO + r"\s*(?:the\s+)?(?P<month_to>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<month_range_year>\d{4})|\s+(?P<month_range_rel>next|last|this)\s+year\b)?"
    r"|(?:on\s+)?(?:the\s+)?(?P<dom>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("<month>", "<dom_month>")
    + r"(?:,?\s+(?P<dom_year>\d{4})|\s+(?P<dom_rel>next|last|this)\s+year)?"
    r"|" + _MONTH.replace("<month>", "<md_month>") + r"\s+(?P<md_day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{4}))?"
    r"|(?:(?:in|for)\s+)?" + _MONTH.replace("<month>", "<my_month>") + r",?\s+(?P<my_year>(?:19|20)\d{2})"
    r"|on\s+the\s+(?P<on_nth>\d{1,2})(?:st|nd|rd|th)"
    r"|(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    r"|(?P<num_a>\d{1,2})(?P<num_sep>[/.])(?P<num_b>\d{1,2})(?P=num_sep)(?P<num_year>(?:19|20)\d{2}|\d{2})(?![.\d])"
    r"|" + _SAYS_WHEN + r"(?P<short_a>\d{1,2})/(?P<short_b>\d{1,2})(?![/\d])"
    r"|(?<!\ba )(?<!every )(?<!each )" + _WEEKDAY + r"\b" + _DATE_AFTER +
    r")\b(?!['’]s)(?!\s+(?:nights|mornings|afternoons|evenings))", re.I)
# Signs of words looking forward or back (a plan, or what happened): "he can go home on Wednesday" is ahead.
_FUTURE = re.compile(r"\b(?:will|won['’]t|going to|gonna|off to|coming|can['’]t wait|can(?!['’]t)|should"
                     r"|hope|hoping|plan|planning|due"
                     r"|booked|signed up|registered for|next|tomorrow|is|are|am|isn['’]t|aren['’]t|see (?:you|ya))\b"
                     r"|['’](?:ll|re|m)\b|\b(?:i|we|you|they)['’]ve got\b|\b(?:it|that|there)['’]s\b"
                     r"|\b(?!(?:thing|nothing|something|anything|everything|morning|evening|ring|king|spring|string"
                     r"|during|wedding|building|ceiling|feeling|clothing|meeting(?!\s+(?:the|with|up|my|our)\b))\b)"
                     r"\w{3,}ing\b", re.I)
# "has entered", "we've booked", "I signed up for": done, but about what is to come.
_PAST = re.compile(r"\b(?:was|were|did|didn['’]t|went|had|made|took|came|ran|saw|rang|said|told|left|found|"
                   r"bought|caught|lost|won|sent|gave|ate|yesterday|ago|last)\b|(?<!['’]ve )(?<!have )\bgot\b"
                   r"|(?<!['’]s )(?<!['’]ve )(?<!has )(?<!have )"
                   r"\b(?!booked\b|signed up\b|registered for\b)\w{3,}ed\b", re.I)
# A verb in the present after its subject tells of a plan when a day is named: "I swim on Saturday",
# "we fly on Friday", "she starts on Monday" (said on Tuesday: the coming ones).
_SUBJECT_AND_VERB = re.compile(r"\b(?:(?:i|we|they|you)\s+(?:(?:just|also|really|still|finally|actually|only|even"
                               r"|all|both|then|definitely|probably|usually|always|normally)\s+)?(?P<verb>[a-z]+)"
                               r"|(?:he|she)\s+(?P<verb_s>[a-z]+s))\b", re.I)
# ...except a word that says what someone thinks or feels of it ("I think it was on Friday"), or an auxiliary.
_NOT_A_PLAN = frozenset("think guess know mean suppose reckon believe wonder love hate miss remember wish feel bet "
                        "swear promise was were did didn had hadn could couldn would wouldn should shouldn might "
                        "must may can don doesn has have".split())
PLAN_MOVED = r"moved|rescheduled|postponed|pushed\s+back|put\s+back|brought\s+forward|delayed"  # an update (newest.py)
# "The dentist moved my cleaning to 18 December": a day to come, whatever the tense ("pushed" too, a day after it);
# so is a deadline taken on ("I agreed to write the handbook by 20 November").
_MOVED_TO = re.compile(r"\b(?:" + PLAN_MOVED + r"|pushed)\b[^.,;!?]{0,40}?\b(?:to|for|until|till)\s+(?:the\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:agreed|promised|offered|committed|need|needs|have|has|got|supposed|want|wants|plan"
                       r"|asked\s+(?:me|us|him|her|them))\s+to\s+[^.,;!?]{0,60}?\bby\s+(?:the\s+)?$", re.I)
# "live as of 16 Oct", "open since 2 May": a day gone by, whatever the tense.
_SINCE = re.compile(r"\b(?:as\s+of|since|ever\s+since)\s+(?:the\s+)?$", re.I)
# Where a chat message's sentences end, as `moments_told` and `asked_event` cut them.
SENTENCE_BREAKS = re.compile(r"(?<=[.!?…])\s+|\n+")
_CLAUSE = re.compile(r",|;|\s[-–—]\s|\b(?:and|but|so|because)\b", re.I)


@dataclass(frozen=True)
class DateSpan:
    """A moment a message tells of: [start, end) in epoch seconds, and the words that said it."""

    start: float
    end: float
    phrase: str

    def describe(self) -> str:
        return describe_span(self.start, self.end)


def count_of(text: str) -> int:
    """A count as written in a time phrase: "3", "three", "a couple of"."""
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else NUMBERS[text]


def _tense(words: str) -> Optional[bool]:
    """True when the words tell of a plan, False of what happened, None when they do not say."""
    ahead, back = len(_FUTURE.findall(words)) + _present_verbs(words), len(_PAST.findall(words))
    return None if ahead == back else ahead > back


def _present_verbs(words: str) -> int:
    verbs = ((m.group("verb") or m.group("verb_s")).lower() for m in _SUBJECT_AND_VERB.finditer(words))
    return sum(1 for verb in verbs if verb not in _NOT_A_PLAN and is_present_form(verb))


def _clause(sentence: str, match: re.Match) -> str:
    """The clause of the sentence that holds the phrase, without it."""
    starts = [0] + [m.end() for m in _CLAUSE.finditer(sentence) if m.end() <= match.start()]
    ends = [m.start() for m in _CLAUSE.finditer(sentence) if m.start() >= match.end()] + [len(sentence)]
    return sentence[starts[-1]:ends[0]].replace(match.group(0), " ")


def _looks_ahead(sentence: str, match: re.Match) -> Optional[bool]:
    """The tense of the clause holding the phrase, else of its sentence; None when neither says."""
    before = sentence[:match.start()]
    own = True if _MOVED_TO.search(before) or _DEADLINE.search(before) else False if _SINCE.search(before) \
        else _tense(_clause(sentence, match))
    return own if own is not None else _tense(sentence.replace(match.group(0), " "))


def _span(g: dict, today: datetime, ahead: Optional[bool]) -> Optional[tuple[datetime, datetime]]:
    """The days a matched phrase stands for, from the day the message was sent."""
    if g.get("day_before"):
        return today - 2 * DAY, today - DAY
    if g.get("day_after"):
        return today + 2 * DAY, today + 3 * DAY
    if g.get("yesterday"):
        return today - DAY, today
    if g.get("tomorrow"):
        return today + DAY, today + 2 * DAY
    if g.get("today"):
        return today, today + DAY
    if g.get("ago_unit"):
        n, unit = count_of(g["n"]), g["ago_unit"].lower()
        vague = g["n"].lower().strip() in ("a couple of", "couple of", "a few", "few", "several")
        if unit == "day":
            day = today - n * DAY
            return (day - DAY, day + 2 * DAY) if vague else (day, day + DAY)
        if unit in ("week", "fortnight"):
            return week_of(today - timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
        if unit == "weekend":
            saturday = weekend_before(today) - timedelta(weeks=n - 1)
            return saturday, saturday + 2 * DAY
        if unit == "month":
            start = add_months(utc(today.year, today.month), -n)
            return start, add_months(start, 1)
        return utc(today.year - n), utc(today.year - n + 1)
    if g.get("in_unit"):
        n, unit = count_of(g["in_n"]), g["in_unit"].lower()
        if unit == "day":
            return today + n * DAY, today + (n + 1) * DAY
        if unit in ("week", "fortnight"):
            return week_of(today + timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
        start = add_months(utc(today.year, today.month), n)
        return start, add_months(start, 1)
    if g.get("unit"):
        which, unit = g["which"].lower(), g["unit"].lower()
        if which == "the" and unit != "weekend":
            return None  # "the week", "the month": which one is not said
        step = {"last": -1, "next": 1}.get(which, 0)
        if unit == "week":
            return week_of(today + timedelta(weeks=step))
        if unit == "weekend":
            return weekend(today, which, ahead)
        if unit == "month":
            start = add_months(utc(today.year, today.month), step)
            return start, add_months(start, 1)
        return utc(today.year + step), utc(today.year + step + 1)
    if g.get("at_weekend"):
        return weekend(today, "the", ahead)
    if g.get("nth") or g.get("on_nth"):
        return nth_day(int(g.get("nth") or g["on_nth"]), WEEKDAYS.get((g.get("nth_wd") or "").lower()), today, ahead)
    if g.get("wd") or g.get("weekday"):
        which = (g.get("which_wd") or "").lower()
        weekday = WEEKDAYS[(g.get("wd") or g["weekday"]).lower()]
        forward = which == "next" or (which != "last" and ahead)
        if forward:
            day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        else:
            day = today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
        return day, day + DAY
    if g.get("season"):
        which, first = g["which_season"].lower(), SEASONS[g["season"].lower()]
        year = today.year if first <= today.month else today.year - 1
        start = utc(year, first)
        current = start <= today < add_months(start, 3)
        if which == "last" and (current or start > today):
            start = utc(year - 1, first)
        elif which == "next" or (which == "this" and start + timedelta(days=92) <= today and ahead):
            start = utc(year + 1, first) if start <= today else start
        return start, add_months(start, 3)
    if g.get("in_month"):
        which, month = g["which_month"].lower(), MONTHS[g["in_month"].lower()]
        if which == "last":
            year = today.year if month < today.month else today.year - 1
        elif which == "next":
            year = today.year if month > today.month else today.year + 1
        else:
            year = month_year(month, today, ahead)
        start = utc(year, month)
        return start, add_months(start, 1)
    if g.get("my_month"):  # "July 2026": the whole month
        start = utc(int(g["my_year"]), MONTHS[g["my_month"].lower()])
        return start, add_months(start, 1)
    if g.get("from_day") or g.get("month_from"):
        month = MONTHS[(g.get("range_month") or g["month_range"]).lower()]
        first, last = int(g.get("from_day") or g["month_from"]), int(g.get("to_day") or g["month_to"])
        year_text = g.get("range_year") or g.get("month_range_year")
        relative = g.get("range_rel") or g.get("month_range_rel")
        years = [int(year_text)] if year_text else [relative_year(relative, today)] if relative else None
        start = nearest_day(month, first, years, today, ahead)  # "18-22 May next year", "booked for 14 to 21 June"
        if start is None or not first < last <= calendar.monthrange(start.year, month)[1]:
            return None
        return start, start + (last - first + 1) * DAY
    if g.get("iso_year") or g.get("num_a") or g.get("short_a"):
        return _figures(g, today, ahead)
    if g.get("dom") or g.get("md_day"):
        month = MONTHS[(g.get("dom_month") or g["md_month"]).lower()]
        day = int(g.get("dom") or g["md_day"])
        year_text = g.get("dom_year") or g.get("md_year")
        years = [int(year_text)] if year_text else None
        if g.get("dom_rel"):  # "the 14th of September next year"
            years = [relative_year(g["dom_rel"], today)]
        weekday = WEEKDAYS.get((g.get("weekday_before") or "").lower())
        start = nearest_day(month, day, years, today, ahead, weekday, bool(g.get("obtained")))
        return (start, start + DAY) if start is not None else None
    return None


def _figures(g: dict, today: datetime, ahead: Optional[bool]) -> Optional[tuple[datetime, datetime]]:
    """The day of a date in figures ("2026-10-21", "21/10/2026", "on 14/10"); None when it is no day."""
    if g.get("iso_year"):
        year, month, day = int(g["iso_year"]), int(g["iso_month"]), int(g["iso_day"])
    else:
        first, second = int(g.get("num_a") or g["short_a"]), int(g.get("num_b") or g["short_b"])
        year_text = g.get("num_year") or ""
        if g.get("num_sep") == "." and len(year_text) == 2 and min(len(g["num_a"]), len(g["num_b"])) < 2:
            return None  # "version 1.2.10"; "21.10.26" is a day
        year = (2000 + int(year_text) if len(year_text) == 2 else int(year_text)) if year_text else None
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
        else:
            day, month = (second, first) if _MONTH_FIRST else (first, second)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    start = nearest_day(month, day, [year] if year else None, today, ahead)
    return (start, start + DAY) if start is not None else None


def event_dates(text: str, said_at: float) -> list[DateSpan]:
    """The moments a message tells of, resolved against when it was sent; at most MAX_SPANS, in order."""
    return [span for span, _ in moments_told(text, said_at)]


# "12 and 14 November", "the 3rd or 4th of May": a day said before another of the same month.
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&|or)\s+(?:the\s+)?$", re.I)
# "Friday 15 March", "Friday, the 15th of March": the weekday a date is said with.
_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b,?\s+(?:the\s+)?$", re.I)


def moments_told(text: str, said_at: float) -> list[tuple[DateSpan, str]]:
    """(a moment the message tells of, the words telling of it: its sentence, or its clause when
    the sentence tells of more than one)."""
    sent = datetime.fromtimestamp(said_at, timezone.utc)
    today = utc(sent.year, sent.month, sent.day)
    told: list[tuple[DateSpan, str]] = []
    # Chats are written in lower case: any end mark ends a sentence here.
    for sentence in SENTENCE_BREAKS.split(text):
        matches = []
        for match in _PHRASE.finditer(sentence):
            groups = {k: v for k, v in match.groupdict().items() if v}
            if _lower_case_month(groups):
                continue  # "this may help", "we march on": words, not months
            if _titled_day_word(sentence, match):
                continue  # "now reading Tomorrow, and Tomorrow, and Tomorrow": a title, not a day
            if _last_in_order(sentence, match):
                continue  # "book the Three Chimneys for the last night": the stay's, not the night before
            clause = _clause(sentence, match)
            if groups.get("in_unit") and not _tense(clause):
                continue  # "29 minutes in four months" is how long, not when
            weekday = _WEEKDAY_BEFORE.search(sentence[:match.start()])
            if weekday:  # "by Friday 15 March": the year in which 15 March is a Friday
                groups["weekday_before"] = weekday.group(1)
            ahead, phrase = _looks_ahead(sentence, match), match.group(0).strip()
            if ahead is False and _only_obtained(clause):
                groups["obtained"] = True  # "I got an interview on 12 August": what was got is for a day
            before = _DAY_BEFORE.search(sentence[:match.start()]) if groups.get("dom") else None
            for day, said in ([(before.group(1), f"{before.group(1)} {phrase}")] if before else []) + [(None, phrase)]:
                found = _span({**groups, "dom": day} if day else groups, today, ahead)  # "12 and 14 November"
                if found is not None:
                    matches.append((DateSpan(found[0].timestamp(), found[1].timestamp(), said), match))
        for span, match in matches:
            if all((s.start, s.end) != (span.start, span.end) for s, _ in told):
                told.append((span, _clause(sentence, match) if len({m.start() for _, m in matches}) > 1 else sentence))
            if len(told) == MAX_SPANS:
                return told
    return told


_OBTAINED = frozenset({"got", "received", "offered", "invited"})


def _only_obtained(words: str) -> bool:
    """The clause is past only for having got something ("I got an interview", "we were invited to a
    wedding"): nothing in it tells of what happened on its day."""
    signs = {sign.lower() for sign in _PAST.findall(words)}
    return bool(signs & _OBTAINED) and signs <= _OBTAINED | {"was", "were"}


# "the last night", "our last weekend", "the last week of term": last of a run, not the one before now.
_OWNER_OR_THE = re.compile(r"\b(?:the|my|our|his|her|their|your|its)\s+$", re.I)
_OF_WHAT = re.compile(r"\s+of\b", re.I)


def _last_in_order(sentence: str, match: re.Match) -> bool:
    return match.group(0).lower().startswith("last") and bool(
        _OWNER_OR_THE.search(sentence[:match.start()]) or _OF_WHAT.match(sentence[match.end():]))


def _titled_day_word(sentence: str, match: re.Match) -> bool:
    """A day word capitalised inside a sentence ("saw Yesterday at the cinema") names something:
    people write the day in lower case there."""
    word = match.group(0)
    if not word[0].isupper() or word.split()[0].lower() not in ("yesterday", "tomorrow", "today", "tonight"):
        return False
    before = sentence[:match.start()].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _lower_case_month(groups: dict) -> bool:
    month = groups.get("in_month") or groups.get("md_month") or groups.get("dom_month") \
        or groups.get("range_month") or groups.get("month_range")
    if not month or not month.islower():
        return False
    return month in ("may", "march") or (len(month) <= 4 and month not in ("june", "july"))  # "mar", "jan", "sept"
