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

from second_me.text.table_rows import header_and_row

OPEN, DONE = "open", "done"

_ITEM = re.compile(r"^(?P<lead>\s*(?:[-*+]|\d+[.)])\s+\[(?P<box>[ xX])\]\s+)", re.M)
# "What's still to do…", "what's left…", "which tasks are outstanding?", "what do I still need to…"
_ASKS_OPEN = re.compile(r"\b(?:still|left|to[- ]?do|todo|outstanding|pending|remaining|unfinished|not (?:yet )?done"
                        r"|open tasks?|haven'?t (?:done|finished))\b", re.I)
# "What have I done…", "which tasks are finished?", "what did I tick off?"
_ASKS_DONE = re.compile(r"\b(?:done|finished|completed|ticked off|checked off|crossed off)\b", re.I)


_DONE_FORM = r"(?:ed|id|nt|en|ne)"  # paid, sent, done, written: what is done to a thing
# A table kept as a tracker: asked "Which invoices haven't been paid yet?", a row is open when its cell under
# "Paid" is empty ("| 2026-015 | Northfield | £1,100 | 2026-11-02 | |"), done when it holds something.
_NOT_YET = re.compile(r"\b(?:(?:haven|hasn|weren|wasn|isn|aren)['’]?t|(?:have|has|were|was|is|are) not|not|never)"
                      r"\s+(?:yet\s+)?(?:been\s+)?(?P<done>(?-i:[a-z]+" + _DONE_FORM + r"))\b|\bun(?P<undone>[a-z]+"
                      + _DONE_FORM + r")\b", re.I)
_BEEN = re.compile(r"\b(?:have|has|were|was|got)\s+(?:already\s+)?(?:been\s+)?(?P<done>(?-i:[a-z]+" + _DONE_FORM
                   + r"))\b", re.I)  # a word in lower case: "was Owen" is no "was sent"


def task_state(text: str, question: str = "") -> Optional[str]:
    """OPEN or DONE for a task item (its first line), or for a table's row (quoted under its header row)
    by its cell under the column the question says is done or not; None for any other text."""
    found = _ITEM.match(text)
    if found is not None:
        return OPEN if found.group("box") == " " else DONE
    asked = _column_asked(question)
    found = header_and_row(text) if asked else None
    if found is None:
        return None
    header, row = found
    column = next((i for i, name in enumerate(header) if name.lower() == asked), None)
    return None if column is None else DONE if row[column] else OPEN


def _column_asked(question: str) -> str:
    """The word saying what is (not yet) done to a table's rows: "paid" of "haven't been paid yet", "unpaid"."""
    found = _NOT_YET.search(question) or _BEEN.search(question)
    if found is None:
        return ""
    return (found.groupdict().get("done") or found.groupdict().get("undone") or "").lower()


def asked_state(question: str) -> Optional[str]:
    """The state of the tasks a question asks for, if it asks of one: "still to do" is OPEN, and so is
    what has not been paid."""
    if _ASKS_OPEN.search(question) or _NOT_YET.search(question):
        return OPEN
    if _ASKS_DONE.search(question) or _BEEN.search(question):
        return DONE
    return None


def states_in_words(text: str) -> str:
    """Each task item's state written after its box, for a model to read: "- [x] (done) Order…"."""
    return _ITEM.sub(lambda m: m.group("lead") + ("(not done yet) " if m.group("box") == " " else "(done) "), text)
