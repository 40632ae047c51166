"""The day a note is of, when its file is named by it: a daily note ("2026-10-04.md", as Obsidian keeps
them; "2026_10_04.md", as Logseq keeps its journals) or a dated one ("2026-09-14-standup.md"). A note's
own time is when it was saved, which says nothing of what it tells."""

from __future__ import annotations

import re
from typing import Optional

from second_me.text.event_dates import DAY, MAX_SPANS, DateSpan, event_dates, utc


_NAMED_DAY = re.compile(r"^(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")


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


def note_dates(file_name: str, text: str) -> list[DateSpan]:
    """The moments a note tells of, when its name says its day: that day, and the days its words tell
    of read against it ("Got the keys yesterday" in 2026-10-05.md is 4 October). A note not named by
    its day tells of none: its file's time is when it was saved, not what it is about."""
    day = day_of_note(file_name)
    if day is None:
        return []
    told = [span for span in event_dates(text, day.start + 12 * 3600) if (span.start, span.end) != (day.start, day.end)]
    return [day, *told][:MAX_SPANS]
