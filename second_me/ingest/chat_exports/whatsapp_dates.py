"""The first line of every WhatsApp message: its date, time and the rest, in the known formats.

Android writes `12/31/23, 9:41 PM - Sam: text` (US), `31/12/2023, 21:41 - Sam: text`,
`31.12.23, 21:41 - Sam: text`; the iPhone `[31/12/2023, 21:41:05] Sam: text`. Dates use `/`, `.`
or `-` (or start with a four-digit year), clocks are 24-hour or 12-hour (AM/PM, am/pm, a.m., p. m.),
and the spaces may be narrow no-break spaces (U+202F). One file keeps one format: a line in
another shape inside a message is part of the message.

Which of the first two numbers is the day is decided for the whole file, in this order:
1. a date only valid one way (31/12, or 12/31) decides; dates valid only in opposite ways reject the file;
2. otherwise (every number up to 12) the order in which the dates run forward more often wins;
3. if both run equally, month first for the US style (slashes, 2-digit year, 12-hour clock), else day first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime
from typing import Optional

KNOWN_FORMATS = ("'12/31/23, 9:41 PM - Name: text', '31/12/2023, 21:41 - Name: text', "
                 "'31.12.23, 21:41 - Name: text', '[31/12/2023, 21:41:05] Name: text' or "
                 "'[12/31/23, 9:41:05 PM] Name: text'")

_SPACE = "[ \u00a0\u202f]"
_AMPM = "(?:" + _SPACE + "?(?P<ampm>[AaPp]\\.?" + _SPACE + "?[Mm]\\.?))"
_DASH = _SPACE + "[-\u2013]" + _SPACE


def _header(bracket: str, separator: str, first: str, year: str, clock: str, end: str) -> re.Pattern:
    return re.compile(
        "^[\u200e\u200f\ufeff]*" + bracket
        + rf"(?P<date>(?P<a>{first})(?P<sep>{separator})(?P<b>\d{{1,2}})(?P=sep)(?P<c>{year}))\.?,?" + _SPACE
        + r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?" + clock + end + "(?P<rest>.*)$", re.S)


# Any known format; a file's first message line fixes its Shape, whose own pattern reads the rest.
HEADER = _header("(?P<open>\\[)?", "[./-]", r"\d{1,4}", r"\d{2,4}", _AMPM + "?",
                 "(?(open)\\]" + _SPACE + "?|" + _DASH + ")")
# A line that has a chat line's look (a time, then a name and a colon) in a format not known above.
CHAT_LIKE = re.compile(r"^\W{0,3}\[?[^\n:]{3,40}?\d{1,2}[:.h]\d{2}[^\n]{0,16}?(?:\]|\s[-\u2013])\s[^:\n]{1,60}:\s")


@dataclass(frozen=True)
class Shape:
    """What every header line of one file shares."""

    bracketed: bool
    separator: str
    twelve_hour: bool
    year_first: bool
    long_year: bool

    @cached_property
    def pattern(self) -> re.Pattern:
        """Matches the message lines of this shape only: a line in another shape continues a message."""
        year = r"\d{2}" if self.year_first or not self.long_year else r"\d{4}"
        return _header("\\[" if self.bracketed else "", re.escape(self.separator),
                       r"\d{4}" if self.year_first else r"\d{1,2}", year,
                       _AMPM if self.twelve_hour else "(?P<ampm>)",
                       "\\]" + _SPACE + "?" if self.bracketed else _DASH)

    @property
    def us_style(self) -> bool:
        return self.separator == "/" and not self.long_year and self.twelve_hour and not self.year_first


@dataclass(frozen=True)
class Stamp:
    """The numbers of one header, before the day/month order is known."""

    first: int
    second: int
    year: int
    hour: int
    minute: int
    second_of_minute: int
    year_first: bool

    def moment(self, day_first: bool) -> Optional[datetime]:
        if self.year_first:
            month, day = self.first, self.second
        elif day_first:
            day, month = self.first, self.second
        else:
            month, day = self.first, self.second
        try:
            return datetime(self.year, month, day, self.hour, self.minute, self.second_of_minute)
        except ValueError:
            return None

    def order_key(self, day_first: bool) -> tuple[int, ...]:
        month, day = (self.second, self.first) if day_first else (self.first, self.second)
        return self.year, month, day, self.hour, self.minute, self.second_of_minute


def shape_of(match: re.Match) -> Shape:
    return Shape(bracketed=bool(match["open"]), separator=match["sep"], twelve_hour=bool(match["ampm"]),
                 year_first=len(match["a"]) == 4, long_year=len(match["c"]) == 4)


def stamp_of(match: re.Match) -> Optional[Stamp]:
    """The header's numbers, or None when the time is no time (25:00, 13 PM)."""
    year_first = len(match["a"]) == 4
    if len(match["a"]) == 3 or (year_first and len(match["c"]) > 2) or len(match["c"]) == 3:
        return None
    first, second = (int(match["b"]), int(match["c"])) if year_first else (int(match["a"]), int(match["b"]))
    year = int(match["a"]) if year_first else int(match["c"])
    year += 2000 if year < 100 else 0
    hour, minute, seconds = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"][0] in "Pp" else 0)
    if hour > 23 or minute > 59 or seconds > 59:
        return None
    return Stamp(first, second, year, hour, minute, seconds, year_first)


class DateOrder:
    """Gathers, line by line, what says whether the day or the month comes first."""

    def __init__(self) -> None:
        self.day_first_line: Optional[tuple[int, str]] = None  # (line, date) valid only day first
        self.month_first_line: Optional[tuple[int, str]] = None
        self._forward = [0, 0]  # steps forward in time, read day first / month first
        self._previous: Optional[Stamp] = None

    def add(self, number: int, date: str, stamp: Stamp) -> Optional[str]:
        """Takes one header into account; returns a problem when its date is no date either way."""
        if stamp.year_first:
            return None if stamp.moment(True) else f"{date!r} is not a date"
        day_first, month_first = stamp.moment(True), stamp.moment(False)
        if day_first is None and month_first is None:
            return f"{date!r} is not a date"
        if month_first is None and self.day_first_line is None:
            self.day_first_line = (number, date)
        if day_first is None and self.month_first_line is None:
            self.month_first_line = (number, date)
        if self._previous is not None:
            for index, order in enumerate((True, False)):
                self._forward[index] += stamp.order_key(order) > self._previous.order_key(order)
        self._previous = stamp
        return None

    def conflict(self) -> Optional[str]:
        if self.day_first_line and self.month_first_line:
            (day_line, day_date), (month_line, month_date) = self.day_first_line, self.month_first_line
            return (f"line {day_line} writes the day first ({day_date}) but line {month_line} the month first "
                    f"({month_date}); one file uses one order")
        return None

    def day_first(self, shape: Shape) -> bool:
        if self.day_first_line or self.month_first_line:
            return self.day_first_line is not None
        if self._forward[0] != self._forward[1]:
            return self._forward[0] > self._forward[1]
        return not shape.us_style
