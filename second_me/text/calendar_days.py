"""Which day a date said without all of it is: "on 12 August" the coming one or the last, "the 21st" of which
month, "this weekend" which Saturday. Every day is midnight UTC, like every time in second-me
(`text/event_dates.py` reads the words; this chooses among the days they could mean)."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta, timezone
from typing import Optional

DAY = timedelta(days=1)
SOON, LONG_AGO = timedelta(days=14), timedelta(days=300)  # a day of a month said with no year (`nearest_day`)


def utc(year: int, month: int = 1, day: int = 1) -> datetime:
    """Midnight UTC of a day (time words in questions are read with these too: retrieval/timeparse.py)."""
    return datetime(year, month, day, tzinfo=timezone.utc)


def add_months(moment: datetime, months: int) -> datetime:
    """The first day of the month `months` after (or before) `moment`'s."""
    index = moment.year * 12 + moment.month - 1 + months
    return utc(index // 12, index % 12 + 1)


def week_of(day: datetime) -> tuple[datetime, datetime]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=7)


def weekend_before(today: datetime) -> datetime:
    """The Saturday of the last weekend that began before today (said on a weekend: the one before)."""
    back = (today.weekday() - 5) % 7
    if back < 2:  # said on Saturday (0) or Sunday (1)
        back += 7
    return today - timedelta(days=back)


def month_year(month: int, today: datetime, ahead: Optional[bool]) -> int:
    """The year of "in <month>": the next one for a plan, the last one for what happened, else the nearest."""
    if ahead is None:
        return min((today.year - 1, today.year, today.year + 1),
                   key=lambda year: abs((utc(year, month, 15) - today).total_seconds()))
    if ahead:
        return today.year if month >= today.month else today.year + 1
    return today.year if month <= today.month else today.year - 1


def relative_year(which: str, today: datetime) -> int:
    """The year "next year", "last year" or "this year" is, said on `today`."""
    return today.year + {"next": 1, "last": -1}.get(which.lower(), 0)


def nearest_day(month: int, day: int, years: Optional[list[int]], today: datetime,
                 ahead: Optional[bool] = None, weekday: Optional[int] = None,
                 obtained: bool = False) -> Optional[datetime]:
    """That day of the month in one of `years`; without a year, the nearest such day on the side
    the tense says: "on the 10th of June" said in May is this June's; "I signed up for the
    marathon on 7 December", said in February, is the coming December's. A weekday said with it
    ("Friday 15 March") picks the year it falls on that weekday, when one of them does."""
    side = ahead if years is None else None  # a year said is the year, whatever the tense
    years = years or [today.year - 1, today.year, today.year + 1]
    days = [utc(y, month, day) for y in years if 1 <= day <= calendar.monthrange(y, month)[1]]
    if weekday is not None and len(years) > 1:
        on_the_weekday = [d for d in days if d.weekday() == weekday]
        if on_the_weekday:
            days, side = on_the_weekday, None
    nearest = nearest_on_its_side(days, today, side, utc(today.year, today.month, today.day))
    # "I got an interview on 12 August", said on 4 August: the getting is past, the interview to come. What was
    # got for a day with no year that comes within SOON is for that one: a day nearly a year gone is told with
    # its year, or "last August" ("we went there on 15 March", said on 12 March, is still the March before).
    soon = [d for d in days if today <= d <= today + SOON] if side is False and obtained else []
    if nearest is not None and soon and nearest < today - LONG_AGO:
        return soon[0]
    return nearest


def nearest_on_its_side(days: list[datetime], today: datetime, ahead: Optional[bool],
                         from_: datetime) -> Optional[datetime]:
    """The day nearest today among those on the side the tense says (from `from_` on for a plan,
    up to today for what happened), else among all of them; None when there are none."""
    if ahead is not None:
        days = [d for d in days if (d >= from_ if ahead else d <= today)] or days
    return min(days, key=lambda d: abs((d - today).total_seconds())) if days else None


def nth_day(day: int, weekday: Optional[int], today: datetime,
             ahead: Optional[bool] = None) -> Optional[tuple[datetime, datetime]]:
    """"Saturday the 22nd", "on the 21st": the nearest such day of a month (on that weekday, if said),
    on the side the tense says: "it's on the 19th", said on 4 May, is 19 May, not 19 April."""
    candidates = []
    for offset in (-1, 0, 1):
        month = add_months(utc(today.year, today.month), offset)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            candidates.append(month.replace(day=day))
    if weekday is not None:
        candidates = [c for c in candidates if c.weekday() == weekday] or candidates
    nearest = nearest_on_its_side(candidates, today, ahead, today)
    return (nearest, nearest + DAY) if nearest is not None else None


def weekend(today: datetime, which: str, ahead: Optional[bool]) -> tuple[datetime, datetime]:
    """A Saturday–Sunday: "last weekend" the one gone, "next weekend" the one coming, "this"/"the" by tense."""
    if today.weekday() >= 5 and which in ("this", "the"):
        saturday = today - timedelta(days=today.weekday() - 5)
    elif which == "last" or (which in ("this", "the") and not ahead):
        saturday = weekend_before(today)
    else:
        saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        if which == "next" and today.weekday() >= 5:
            saturday += timedelta(weeks=1)
    return saturday, saturday + 2 * DAY
