"""The day a note is of, when its file is named by it: a daily note ("2026-10-04.md", as Obsidian keeps
them; "2026_10_04.md", as Logseq keeps its journals) or a dated one ("2026-09-14-standup.md"); or the
day a section of it is of, when its heading is a day ("## 19 October" of a month's journal, "## 2026-09-03"
of a log of meetings). A note's own time is when it was saved, which says nothing of what it tells."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Optional

from second_me.text.event_dates import DAY, MAX_SPANS, DateSpan, event_dates, utc


_NAMED_DAY = re.compile(r"^(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_NAMED_MONTH = re.compile(r"^(\d{4})(?:[-_.](\d{2}))?(?!\d)")  # "2026-10.md", "2026.md": a journal's month or year
_LATER_THAN_SAVED = 31 * 24 * 3600  # a day further ahead of a note's saving is of the year before
HEADING_WORDS = 3  # a heading of a day says little more than the day: "19 October", "Tuesday 3 March: the op"


def day_of_note(file_name: str) -> Optional[DateSpan]:
    """The day a note's file name opens with, if it does."""
    named = _NAMED_DAY.match(file_name)
    if named is None:
        return None
    try:
        day = utc(int(named.group(1)), int(named.group(2)), int(named.group(3)))
    except ValueError:  # "2026-13-45"
        return None
    return DateSpan(day.timestamp(), (day + DAY).timestamp(), named.group(0))


def day_of_heading(heading: str, file_name: str, saved_at: float) -> Optional[DateSpan]:
    """The day the heading a section stands under names, if it is one ("Journal > 19 October"), read in
    the year (and month) the file's name says, else in the year it was saved."""
    title = heading.rsplit(" > ", 1)[-1].strip()
    named = _NAMED_MONTH.match(file_name)
    month = int(named.group(2)) if named and named.group(2) and 1 <= int(named.group(2)) <= 12 else 1
    try:
        when = utc(int(named.group(1)), month, 1).timestamp() if named else saved_at
    except ValueError:
        return None
    iso = day_of_note(title)
    told = [iso] if iso is not None else event_dates(title, when) if title else []
    # A day of the month, not a weekday alone ("## Monday" of a week's plan is no one day).
    if len(told) != 1 or told[0].end - told[0].start != DAY.total_seconds() or not re.search(r"\d", told[0].phrase):
        return None
    rest = re.findall(r"[^\W\d_]+", title.replace(told[0].phrase, " "))
    if len(rest) > HEADING_WORDS:
        return None
    day = datetime.fromtimestamp(told[0].start, timezone.utc)
    # "Dec 28" in 2025.md is of 2025, however near another year's it was read; a journal's "3 March" saved
    # in December is of the March before, not the next one.
    year = int(named.group(1)) if named else day.year - (told[0].start > saved_at + _LATER_THAN_SAVED)
    if day.year == year:
        return told[0]
    try:
        start = utc(year, day.month, day.day)
    except ValueError:  # 29 February
        return None
    return DateSpan(start.timestamp(), (start + DAY).timestamp(), told[0].phrase)


def note_dates(file_name: str, text: str, heading: str = "", saved_at: float = 0.0) -> list[DateSpan]:
    """The moments a note tells of, when its name or its section's heading says its day: that day, and the
    days its words tell of read against it ("Got the keys yesterday" in 2026-10-05.md is 4 October). A note
    not dated so tells of none: its file's time is when it was saved, not what it is about."""
    day = day_of_note(file_name) or (day_of_heading(heading, file_name, saved_at) if heading else None)
    if day is None:
        return []
    told = [span for span in event_dates(text, day.start + 12 * 3600) if (span.start, span.end) != (day.start, day.end)]
    return [day, *told][:MAX_SPANS]
