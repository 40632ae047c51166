"""Memories as a model is shown them: numbered and dated, inside one data block.

Memory text is marked as data: it comes from files and chats, and must never be taken
as instructions to the model (nor close its own block).
"""

from __future__ import annotations

import re
from datetime import datetime
from second_me.domain import Hit, told_dates, utc_day

OPEN_TAG, CLOSE_TAG = "<notes>", "</notes>"
_CITATION = re.compile(r"\[(\d{1,3})\]")


def neutralise(text: str) -> str:
    # A memory must not be able to close its own data block.
    return text.replace(CLOSE_TAG, "</ notes>").replace(OPEN_TAG, "< notes>")


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def spoken_dates(text: str) -> str:
    """"2024-05-14" → "May 14, 2024", "2024-09" → "September 2024". A reader copies the dates it is
    shown into its answer ("On 2024-05-14, Doug said so"), and people write them in words."""
    def spoken(match: re.Match) -> str:
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        if not 1 <= month <= 12:
            return match.group(0)
        name = datetime(2000, month, 1).strftime("%B")
        return f"{name} {int(day)}, {year}" if day else f"{name} {year}"
    return _ISO_DAY.sub(spoken, text)


def format_memory(number: int, hit: Hit, max_chars: int | None = None, spoken: bool = False) -> str:
    """`[n] (when) text`; with `spoken`, the days in words (only the header's: the memory's own words
    stay as written)."""
    text = hit.memory.text if max_chars is None else hit.memory.text[:max_chars]
    when = utc_day(hit.memory.created_at)
    if hit.memory.about:  # "yesterday" in a message: the day it tells of, read against when it was sent
        when = f"said {when}, about {told_dates(hit.memory)}"
    if hit.memory.valid_to is not None:  # a superseded fact: say so, or a small model takes it as current
        when += f", no longer true since {utc_day(hit.memory.valid_to)}"
    return f"[{number}] ({spoken_dates(when) if spoken else when}) {neutralise(text)}"


def cited_numbers(answer: str, available: int) -> list[int]:
    """The [n] markers in an answer that point at a memory that was given, in order of first use."""
    seen: dict[int, None] = {}
    for match in _CITATION.finditer(answer):
        number = int(match.group(1))
        if 1 <= number <= available:
            seen.setdefault(number, None)
    return list(seen)
