"""Memories as a model is shown them: numbered and dated, inside one data block.

Memory text is marked as data: it comes from files and chats, and must never be taken
as instructions to the model (nor close its own block).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Collection
from second_me.domain import Hit, describe_span, note_dated, told_dates, utc_day
from second_me.text.event_dates import event_dates
from second_me.text.names import MONTHS, WEEKDAYS
from second_me.text.tasks import states_in_words

OPEN_TAG, CLOSE_TAG = "<notes>", "</notes>"
_CITATION = re.compile(r"\[(\d{1,3})\]")
_STRAY_CITATION = re.compile(r"\s*\[(\d{1,3})\]")  # with the space before it


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


def dates_in_place(text: str, said_at: float, told: Collection[str]) -> tuple[str, bool]:
    """A message's time words as the days they tell of, in words: "handed my notice in yesterday",
    said on 9 July 2023, reads "handed my notice in on July 8, 2023"; and whether every day in
    `told` (its memory's, as `describe_span` writes them) was placed. Only the days its memory
    holds: they are what the support check knows. Told the days at the head of the message, or
    even beside the word ("yesterday (July 8, 2023)"), a 1.5B reader still answered "Yesterday"."""
    placed: set[str] = set()
    out, cursor = [], 0
    for span in event_dates(text, said_at):
        day = describe_span(span.start, span.end)
        at = text.find(span.phrase, cursor)
        if day not in told or at < 0:
            continue
        before = text[cursor:at]
        named = span.phrase[:1].isdigit() or span.phrase.split()[0].lower() in MONTHS | WEEKDAYS
        out.append(before + _as_when(day, after_preposition=bool(_ENDS_WITH_PREPOSITION.search(before)
                                                                 or named and _ON_A_NAMED_DAY.search(before))))
        cursor = at + len(span.phrase)
        placed.add(day)
    return "".join(out) + text[cursor:], placed >= set(told)


_ENDS_WITH_PREPOSITION = re.compile(r"\b(?:since|until|till|by|from|before|after|for|of|to|due)\s+$", re.I)
# A day named ("October 4", "4 May") is found without the "on" before it: not "on on October 4, 2026". Not
# "yesterday" after "on", which is then a verb's ("carry on yesterday"), as "in" is ("handed my notice in").
_ON_A_NAMED_DAY = re.compile(r"\bon\s+$", re.I)


def _as_when(day: str, after_preposition: bool) -> str:
    """"2023-07-08" → "on July 8, 2023"; "2023-11" → "in November 2023"; a range → "between … and …"."""
    first, _, last = day.partition(" to ")
    if last:
        words = f"{spoken_dates(first)} and {spoken_dates(last)}"
        return words if after_preposition else f"between {words}"
    preposition = "on" if len(day) == 10 else "in"
    return spoken_dates(day) if after_preposition else f"{preposition} {spoken_dates(day)}"


def format_memory(number: int, hit: Hit, max_chars: int | None = None, spoken: bool = False) -> str:
    """`[n] (when) text`; with `spoken`, the days in words, a message's time words among them, and
    whether each task item is done (the memory's own words otherwise stay as written)."""
    text = hit.memory.text if max_chars is None else hit.memory.text[:max_chars]
    when = utc_day(hit.memory.created_at)
    if hit.memory.kind == "chunk" and hit.memory.about:  # a daily note: its day, then any its words tell of
        when = note_dated(told_dates(hit.memory))
    elif hit.memory.kind == "chunk":
        # Any other note was saved that day, which is not when what it tells of was: told a date alone, a
        # reader answered "When did I start the Northfield retainer?" with the day the notes were copied in.
        when = f"saved {when}"
    elif hit.memory.about:  # "yesterday" in a message: read against when it was sent
        placed = False
        if spoken:
            told = {describe_span(start, end) for start, end in hit.memory.about}
            text, placed = dates_in_place(text, hit.memory.created_at, told)
        when = f"said {when}" if placed else f"said {when}, about {told_dates(hit.memory)}"
    if hit.memory.valid_to is not None:  # a superseded fact: say so, or a small model takes it as current
        when += f", no longer true since {utc_day(hit.memory.valid_to)}"
    if spoken:
        text = states_in_words(text)
    return f"[{number}] ({spoken_dates(when) if spoken else when}) {neutralise(text)}"


def cited_numbers(answer: str, available: int) -> list[int]:
    """The [n] markers in an answer that point at a memory that was given, in order of first use."""
    seen: dict[int, None] = {}
    for match in _CITATION.finditer(answer):
        number = int(match.group(1))
        if 1 <= number <= available:
            seen.setdefault(number, None)
    return list(seen)


def without_stray_citations(answer: str, given: set[int]) -> str:
    """The answer without [n] markers that point at no memory it was given: given one memory, a
    reader may still write "Santa Maria [2]", and the user would look for a [2] in vain."""
    return _STRAY_CITATION.sub(lambda m: m.group(0) if int(m.group(1)) in given else "", answer)
