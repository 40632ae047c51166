"""Where a note's sentence stands: the note's name as words, and the headings above it.

A part of a note cut for search does not say what the note is about ("## 2026-10-23 … They approved the
wave mark" of "brightwater-rebrand.md"): the checks read a line with its note's name and headings, and a
reader is told which note a part is of.
"""

from __future__ import annotations

import re

from second_me.domain import ConversationOrigin, FileOrigin, Hit, assistant_chat_title
from second_me.text.note_days import day_of_heading

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*\S)\s*$")


def under_heading(headings: list[tuple[int, str]], line: str) -> bool:
    """Whether `line` is a Markdown heading; if so, it takes the place of those at its level and below in
    `headings` (level, name), the path a note's next lines stand under."""
    heading = HEADING.match(line)
    if heading:
        level = len(line.strip()) - len(line.strip().lstrip("#"))
        headings[:] = [h for h in headings if h[0] < level] + [(level, heading.group(1).strip("# "))]
    return heading is not None


def note_title(path: str) -> str:
    """A file's name as words: "notes/sourdough-bread.md" → "sourdough bread"."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[_\-.]+", " ", name.rsplit(".", 1)[0]).strip()


def lines_in_context(hit: Hit) -> list[tuple[str, str]]:
    """A note's lines, each with the file's name and the headings it stands under ("brightwater rebrand >
    Northfield Housing Trust"); a chat turn's, with its speaker or its chat's title."""
    if isinstance(hit.origin, FileOrigin):
        title = note_title(hit.origin.path)
    elif isinstance(hit.origin, ConversationOrigin):
        title = assistant_chat_title(hit.origin.conversation) or hit.origin.speaker or ""
    else:
        title = ""
    headings: list[tuple[int, str]] = []
    out = []
    for line in hit.memory.text.split("\n"):
        under_heading(headings, line)
        out.append((line, " > ".join([title] * bool(title) + [name for _, name in headings])))
    return out


def worded_context(context: str) -> str:
    """What a sentence's context says in words, as it is embedded with it: not a daily note's date, its file's
    name or its heading ("2026 11 17 > 2026-11-17", "3 November"), which tells nothing of what it is about and
    pulls each of its sentences away from every question ("Ruth dropped off soup." 0.49 from "Who brought me
    soup?", 0.28 under its date)."""
    parts = [part for part in context.split(" > ") if re.search(r"[^\W\d_]", part)
             and getattr(day_of_heading(part, "", 0.0), "phrase", None) != part.strip()]
    return " > ".join(parts)
