"""Task lists in notes ("- [ ] Fix the greenhouse door hinge", "- [x] Order seed potatoes"): which
items are still open and which are done, and what a question about them asks for.

People keep to-do lists in Markdown (Obsidian, Logseq, GitHub). A box is one character, and a small
model reads "- [x] Order seed potatoes" as something still to do: asked "What's still to do in the
garden?", a 1.5B reader answered "Order seed potatoes". The reader is shown each item's state in
words; the quotes keep the note's own text.
"""

from __future__ import annotations

import re
from typing import Optional

OPEN, DONE = "open", "done"

_ITEM = re.compile(r"^(?P<lead>\s*(?:[-*+]|\d+[.)])\s+\[(?P<box>[ xX])\]\s+)", re.M)
# "What's still to do…", "what's left…", "which tasks are outstanding?", "what do I still need to…"
_ASKS_OPEN = re.compile(r"\b(?:still|left|to[- ]?do|todo|outstanding|pending|remaining|unfinished|not (?:yet )?done"
                        r"|open tasks?|haven'?t (?:done|finished))\b", re.I)
# "What have I done…", "which tasks are finished?", "what did I tick off?"
_ASKS_DONE = re.compile(r"\b(?:done|finished|completed|ticked off|checked off|crossed off)\b", re.I)


def task_state(text: str) -> Optional[str]:
    """OPEN or DONE for a task item (its first line), None for any other text."""
    found = _ITEM.match(text)
    if found is None:
        return None
    return OPEN if found.group("box") == " " else DONE


def asked_state(question: str) -> Optional[str]:
    """The state of the tasks a question asks for, if it asks of one: "still to do" is OPEN."""
    if _ASKS_OPEN.search(question):
        return OPEN
    if _ASKS_DONE.search(question):
        return DONE
    return None


def states_in_words(text: str) -> str:
    """Each task item's state written after its box, for a model to read: "- [x] (done) Order…"."""
    return _ITEM.sub(lambda m: m.group("lead") + ("(not done yet) " if m.group("box") == " " else "(done) "), text)
