"""Time words in a question → a time window, relative to the clock.

"yesterday", "last week", "3 days ago", "in May 2023", "in 2023", "last summer",
"since March", "before 2024-02-01", "on May 4th" become a window [since, until) in epoch
seconds; "before/after I moved to Berlin" becomes an *anchor*: an event to look up in
memory, whose date then bounds the window; "the first time" / "currently" become an
order preference (earliest / latest). Everything is UTC.

The window is a soft preference (search boosts memories inside it, see hybrid.py): people
are vague about time ("last week" may mean ten days ago), so it must not hide the answer.
Each recognised phrase is removed from the text that is matched against memory.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterator, Optional

from second_me.text.event_dates import NUMBERS, SEASONS, add_months, count_of, utc
from second_me.text.words import MONTHS, WEEKDAYS

DAY = 86400.0
# "This year" said while the year is younger than this means the twelve months just gone: in
# January, the things told of last summer, not the few weeks since New Year.
YOUNG_YEAR = timedelta(days=91)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = r"(?P<n>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_DAYNUM = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

# A calendar date, as written after "on", "in", "since", "before", "after", "until". Python's re
# forbids a group name twice, so each form numbers its groups; `_groups` folds them back.
def _form(pattern: str, n: int) -> str:
    return re.sub(r"\(\?P<(month|year|day|season)>", lambda m: f"(?P<{m.group(1)}{n}>", pattern)


_DATE_FORMS = [
    r"(?P<iso>\d{4}-\d{2}(?:-\d{2})?)",
    _form(_MONTH + r"\s+" + _DAYNUM + r"(?:,?\s+(?P<year>\d{4}))?", 1),
    _form(_DAYNUM + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?", 2),
    _form(_MONTH + r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?", 3),
    _form(r"(?P<season_date>" + _SEASON + r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?)", 4),
    r"(?P<bare_year>(?:19|20)\d{2})",
]
_DATE = re.compile(r"(?:" + r"|".join(f"(?:{form})" for form in _DATE_FORMS) + r")\b", re.I)


def _groups(match: re.Match) -> dict:
    out: dict = {}
    for name, value in match.groupdict().items():
        if value is not None:
            out.setdefault(re.sub(r"\d$", "", name), value)
    return out


@dataclass(frozen=True)
class TimeHint:
    """What the time words of a question asked for."""

    since: Optional[float] = None  # window start, inclusive (epoch seconds)
    until: Optional[float] = None  # window end, exclusive
    order: Optional[str] = None  # "first" (earliest) or "last" (latest) preferred
    anchor: Optional[str] = None  # an event to date from memory ("I moved to Berlin")
    anchor_relation: Optional[str] = None  # "before" or "after" the anchor
    phrases: tuple[str, ...] = ()  # the phrases recognised, for display
    yearly: bool = False  # the window is a month, season or day named without a year: any year's may be meant

    @property
    def has_window(self) -> bool:
        return self.since is not None or self.until is not None


def _day_start(moment: datetime) -> datetime:
    return utc(moment.year, moment.month, moment.day)


def _season_span(season: str, year: int) -> tuple[datetime, datetime]:
    start = utc(year, SEASONS[season.lower()])
    return start, add_months(start, 3)


def _latest_month(month: int, now: datetime, strictly_before: bool = False) -> int:
    """The year of the most recent `month` that has begun (or ended, if strictly_before)."""
    year = now.year
    if month > now.month or (strictly_before and month == now.month):
        year -= 1
    return year


def date_span(match: re.Match, now: datetime) -> tuple[datetime, datetime]:
    """The [start, end) a written date covers: a day, a month, a season or a year."""
    g = _groups(match)
    if g.get("iso"):
        parts = [int(p) for p in g["iso"].split("-")]
        if len(parts) == 2:
            start = utc(parts[0], parts[1])
            return start, add_months(start, 1)
        start = utc(*parts)
        return start, start + timedelta(days=1)
    if g.get("bare_year"):
        year = int(g["bare_year"])
        return utc(year), utc(year + 1)
    if g.get("season_date"):
        season = g["season"].lower()
        if g.get("year"):
            return _season_span(season, int(g["year"]))
        year = now.year if SEASONS[season] <= now.month else now.year - 1
        return _season_span(season, year)
    month = MONTHS[g["month"].lower().rstrip(".")]
    year = int(g["year"]) if g.get("year") else _latest_month(month, now)
    if g.get("day"):
        start = utc(year, month, min(int(g["day"]), calendar.monthrange(year, month)[1]))
        return start, start + timedelta(days=1)
    start = utc(year, month)
    return start, add_months(start, 1)


def _relative(match: re.Match, now: datetime) -> Optional[tuple[datetime, datetime]]:
    """Windows for phrases counted from now: yesterday, last week, 3 days ago, last summer..."""
    text = match.group(0).lower()
    g = match.groupdict()
    today = _day_start(now)
    if text == "today" or text == "tonight" or text == "this morning":
        return today, now + timedelta(seconds=1)
    if text == "yesterday":
        return today - timedelta(days=1), today
    if text == "the day before yesterday":
        return today - timedelta(days=2), today - timedelta(days=1)
    if g.get("ago_unit"):
        n = count_of(g["ago_n"])
        unit = g["ago_unit"].lower()
        if unit == "day":
            center = today - timedelta(days=n)
            return center - timedelta(days=1), center + timedelta(days=2)
        if unit == "week":
            center = now - timedelta(weeks=n)
            return center - timedelta(days=4), center + timedelta(days=4)
        if unit == "month":
            start = add_months(utc(now.year, now.month), -n)
            return start - timedelta(days=7), add_months(start, 1) + timedelta(days=7)
        return utc(now.year - n), utc(now.year - n + 1)
    if g.get("past_unit"):
        n = count_of(g["past_n"]) if g.get("past_n") else 1
        unit = g["past_unit"].lower()
        days = {"day": 1, "week": 7, "month": 31, "year": 366}[unit] * n
        return now - timedelta(days=days), now + timedelta(seconds=1)
    if g.get("cal_unit"):
        unit, which = g["cal_unit"].lower(), g["which"].lower()
        back = 1 if which in ("last", "previous") else 0
        if unit == "week":
            start = today - timedelta(days=today.weekday()) - timedelta(weeks=back)
        elif unit == "month":
            start = add_months(utc(now.year, now.month), -back)
        else:
            start = utc(now.year - back)
            if not back and now - start < YOUNG_YEAR:
                # "Where have I swum this year?" asked in January means the swims of the months just gone.
                start = min(start, now - timedelta(days=365))
        # "last week" said on a Monday still means the days just gone: the window runs to now.
        return start, now + timedelta(seconds=1)
    if g.get("weekend"):
        # The most recent Saturday–Sunday that has begun ("last weekend" said on a Saturday: the one before).
        back = (today.weekday() - 5) % 7
        if g["weekend"].lower() == "last" and back < 2:
            back += 7
        saturday = today - timedelta(days=back)
        return saturday, saturday + timedelta(days=2)
    if g.get("wd"):
        weekday = WEEKDAYS[g["wd"].lower()]
        back = (today.weekday() - weekday) % 7 or 7
        day = today - timedelta(days=back)
        return day, day + timedelta(days=1)
    if g.get("rel_season"):
        season, which = g["rel_season"].lower(), g["season_which"].lower()
        year = now.year if SEASONS[season] <= now.month else now.year - 1
        start, end = _season_span(season, year)
        if which == "last" and end > now:
            start, end = _season_span(season, year - 1)
        return start, end
    if g.get("rel_month"):
        month = MONTHS[g["rel_month"].lower().rstrip(".")]
        start = utc(_latest_month(month, now, strictly_before=True), month)
        return start, add_months(start, 1)
    return None


_RELATIVE = re.compile(
    r"\b(?:the day before yesterday|yesterday|today|tonight|this morning"
    r"|(?P<ago_n>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")\s+(?P<ago_unit>day|week|month|year)s?\s+ago"
    r"|(?:in\s+|during\s+|over\s+|within\s+)?(?:the\s+)?(?:past|last)\s+(?:(?P<past_n>\d+|" + "|".join(
        n for n in sorted(NUMBERS, key=len, reverse=True) if n not in ("a", "an")) + r")\s+)(?P<past_unit>day|week|month|year)s"
    r"|(?:in\s+|during\s+|over\s+)?(?:the\s+)?past\s+(?P<past_unit1>day|week|month|year)"
    r"|(?P<which>last|this|previous)\s+(?P<cal_unit>week|month|year)"
    r"|(?P<weekend>last|this|past)\s+weekend"
    r"|(?:last|on)\s+(?P<wd>" + "|".join(WEEKDAYS) + r")"
    r"|(?P<season_which>last|this)\s+(?P<rel_season>spring|summer|autumn|fall|winter)"
    r"|last\s+(?P<rel_month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\b",
    re.I)

# "the last week of October", "the first weekend in May 2025": a stretch of a month.
_PART_OF_MONTH = re.compile(r"\b(?:(?:in|during|on)\s+)?(?:the\s+)?(?P<nth>first|second|third|fourth|last)\s+"
                            r"(?P<unit>week|weekend)\s+(?:of|in)\s+" + _MONTH + r"(?:\s+(?P<year>\d{4}))?\b", re.I)
_ON_IN_DATE = re.compile(r"\b(?:on|in|during|from)\s+(?:the\s+)?" + _DATE.pattern, re.I)
_BOUND_DATE = re.compile(r"\b(?P<rel>since|after|before|until|till|by)\s+" + _DATE.pattern, re.I)
# "before I moved to Berlin", "after my trip to Japan", "since we adopted the cat". The event ends where
# an inverted question goes on ("after the house sold *did we* buy the condo?"): the rest is what is asked.
_MAIN_CLAUSE = (r"\s+(?:did|do|does|was|were|is|are|has|have|had|will|would|could|can|should)"
                r"\s+(?:I|we|you|he|she|they|my|our|the)\b")
_ANCHOR = re.compile(r"\b(?P<rel>before|after|since|until)\s+"
                     r"(?P<event>(?:I|I'd|I've|we|my|our|the)\b(?:(?!" + _MAIN_CLAUSE + r")[^?.!,;])*)", re.I)
# "after" that belongs to its verb: "the doctors looking after my health", "the canoe is named after
# my wife" say nothing about time.
_VERB_BEFORE_AFTER = re.compile(r"\b(?:look|looks|looked|looking|named)\s+$", re.I)
# "until" that belongs to the span asked: "how many days until the wedding?" asks how far off it is,
# not what happened before it (`retrieval/elapsed.py`).
_SPAN_ASKED = re.compile(r"\bhow\s+(?:long|many\s+(?:days|weeks|months))\b[^?.!,;]*$", re.I)
_FIRST = re.compile(r"\b(?:(?:the\s+)?(?:very\s+)?first\s+time|the\s+(?:very\s+)?first|earliest|initially|originally"
                    r"|at\s+first|(?<=I )first|(?<=we )first)\b", re.I)
_LAST = re.compile(
    r"\b(?:the\s+)?(?:last\s+time|most\s+recent(?:ly)?|latest|currently|current|right\s+now|now|these\s+days|nowadays"
    r"|at\s+the\s+moment|still(?!\s+(?:to\s+do|left|to\s+be\s+done|open|outstanding))|anymore|any\s+more|recently"
    r"|lately)\b", re.I)  # what is "still to do" is a task list's open items, not the newest statement

# "When did Kimani last send me money?", "when have I last seen the dentist": the newest time it
# happened, not "last week" or "the last time" (above).
_LAST_DONE = re.compile(r"\b((?:did|do|does|have|has|had)\s+(?:\S+\s+){1,3}?)last\s+(?!(?:time|week|month|year|night"
                        r"|weekend|summer|winter|spring|autumn|fall|christmas|easter|day|one|two|few|couple)\b)(?=[a-z])",
                        re.I)
# "What was my last LDL?", "the last book I read": the newest of it told, not "my last week" or "the last 14".
_LAST_THING = re.compile(r"\b(my|our|his|her|their|the)\s+last\s+(?!(?:time|week|month|year|night|weekend|summer"
                         r"|winter|spring|autumn|fall|christmas|easter|day|one|two|few|couple|of)\b)(?=[a-z])", re.I)


def part_of_month(match: re.Match, now: datetime) -> tuple[datetime, datetime]:
    """The [start, end) of "the first week" (days 1 to 7) … "the last week" (its last seven days) of a month,
    or of its first … last weekend (Saturday and Sunday); without a year, the latest such month begun."""
    month = MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else _latest_month(month, now)
    days = calendar.monthrange(year, month)[1]
    nth = ["first", "second", "third", "fourth"].index(match.group("nth").lower()) \
        if match.group("nth").lower() != "last" else -1
    if match.group("unit").lower() == "week":
        first = days - 6 if nth == -1 else 1 + 7 * nth
        return utc(year, month, first), utc(year, month, first) + timedelta(days=7)
    saturdays = [day for day in range(1, days + 1) if datetime(year, month, day).weekday() == 5]
    start = utc(year, month, saturdays[nth])
    return start, start + timedelta(days=2)


def _intersect(a: tuple, b: tuple) -> tuple:
    since = max((x for x in (a[0], b[0]) if x is not None), default=None)
    until = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return since, until


def _within_calendar(callback):
    """A phrase whose dates fall outside the years 1 to 9999 ("10000 years ago", "3 days ago" said on
    0001-01-01) or do not exist ("on 2024-02-30") is not a time phrase: it stays in the text as words."""
    def guarded(match: re.Match) -> str:
        try:
            return callback(match)
        except (ValueError, OverflowError):
            return match.group(0)

    return guarded


def parse_time(text: str, now: datetime) -> tuple[str, TimeHint]:
    """The text with its time phrases removed, and what they asked for."""
    window: tuple = (None, None)
    phrases: list[str] = []
    anchor = relation = None
    yearless: list[bool] = []  # for each window named, whether it is a date without a year

    def take(match: re.Match) -> str:
        phrases.append(match.group(0).strip())
        return " "

    def bound(match: re.Match) -> str:
        nonlocal window
        start, end = date_span(match, now)
        rel = match.group("rel").lower()
        if rel in ("since", "after"):
            span = ((start if rel == "since" else end).timestamp(), None)
        else:
            span = (None, (start if rel == "before" else end).timestamp())
        window = _intersect(window, span)
        yearless.append(False)
        return take(match)

    def on_date(match: re.Match) -> str:
        nonlocal window
        start, end = date_span(match, now)
        window = _intersect(window, (start.timestamp(), end.timestamp()))
        g = _groups(match)
        yearless.append(not (g.get("iso") or g.get("bare_year") or g.get("year")))
        return take(match)

    def relative(match: re.Match) -> str:
        nonlocal window
        groups = match.groupdict()
        if groups.get("past_unit1"):
            span = (now - timedelta(days={"day": 1, "week": 7, "month": 31, "year": 366}[groups["past_unit1"].lower()]),
                    now + timedelta(seconds=1))
        else:
            span = _relative(match, now)
        if span is None:
            return match.group(0)
        window = _intersect(window, (span[0].timestamp(), span[1].timestamp()))
        yearless.append(False)
        return take(match)

    def stretch(match: re.Match) -> str:
        nonlocal window
        start, end = part_of_month(match, now)
        window = _intersect(window, (start.timestamp(), end.timestamp()))
        yearless.append(False)
        return take(match)

    def event(match: re.Match) -> str:
        nonlocal anchor, relation
        anchor = match.group("event").strip()
        relation = "before" if match.group("rel").lower() in ("before", "until") else "after"
        return take(match)

    text = _PART_OF_MONTH.sub(_within_calendar(stretch), text)
    text = _BOUND_DATE.sub(_within_calendar(bound), text)
    text = _RELATIVE.sub(_within_calendar(relative), text)
    text = _ON_IN_DATE.sub(_within_calendar(on_date), text)
    anchored = _ANCHOR.search(text)
    while anchored is not None and (anchored.group("rel").lower() == "after"
                                    and _VERB_BEFORE_AFTER.search(text[:anchored.start()])
                                    or anchored.group("rel").lower() == "until"
                                    and _SPAN_ASKED.search(text[:anchored.start()])):
        anchored = _ANCHOR.search(text, anchored.start("event"))  # a later one may still be time
    if anchored is not None:
        text = text[:anchored.start()] + event(anchored) + text[anchored.end():]
    order = None
    if _FIRST.search(text):
        order = "first"
        text = _FIRST.sub(take, text)
    elif _LAST.search(text):
        order = "last"
        text = _LAST.sub(take, text)
    elif _LAST_DONE.search(text) or _LAST_THING.search(text):
        order = "last"
        phrases.append("last")
        text = _LAST_THING.sub(r"\1 ", _LAST_DONE.sub(r"\1", text))
    cleaned = re.sub(r"\s+", " ", text).strip()
    # "in September" alone: the latest September, or an earlier one (`earlier_years`).
    return cleaned, TimeHint(window[0], window[1], order, anchor, relation, tuple(phrases), yearless == [True])


EARLIER_YEARS = 30  # how far back a month named without a year is looked for


def earlier_years(since: float, until: float) -> Iterator[tuple[float, float]]:
    """The same window a year earlier, then two years…: "What did I do in September?" asked in
    December 2026 of chats from 2024 means September 2024."""
    start, end = (datetime.fromtimestamp(moment, timezone.utc) for moment in (since, until))
    for back in range(1, EARLIER_YEARS + 1):
        try:
            yield start.replace(year=start.year - back).timestamp(), end.replace(year=end.year - back).timestamp()
        except ValueError:  # 29 February in a year without one
            continue
