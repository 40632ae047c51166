"""Where a note's sentence stands: its note's name and headings, read with it, and embedded only as words."""

from dataclasses import replace

from second_me.domain import FileOrigin, Hit, Memory
from second_me.retrieval.evidence import _as_read
from second_me.retrieval.note_context import lines_in_context, note_title, worded_context
from second_me.retrieval.quotable import candidate_sentences

DAILY = "# 2026-11-17\n\nFelt rough, took the day off.\nRuth dropped off soup. Cancelled pilates.\n"


def _note(path: str, text: str) -> Hit:
    return Hit(Memory(1, "chunk", text, 1_700_000_000.0, None, 30.0, 0, False, "active"), 1.0, 1.0,
               FileOrigin(path, 1, 4))


def test_a_line_stands_under_its_notes_name_and_headings():
    hit = _note("notes/admin/clients.md", "## Northfield Housing Trust\nRetainer: £1,100 a month, since April.")
    assert note_title("notes/brightwater-rebrand.md") == "brightwater rebrand"
    assert lines_in_context(hit)[1] == ("Retainer: £1,100 a month, since April.",
                                        "clients > Northfield Housing Trust")


def test_a_daily_notes_date_is_not_embedded_with_its_sentences():
    """"Who brought me soup?" was refused over "Ruth dropped off soup." (0.49), embedded under its daily
    note's name and heading, "2026 11 17 > 2026-11-17" (0.28)."""
    assert worded_context("2026 11 17 > 2026-11-17") == ""
    assert worded_context("2026 11 > November 2026 > 3 November") == "November 2026"
    assert worded_context("clients > Northfield Housing Trust") == "clients > Northfield Housing Trust"
    assert worded_context("trip > Day 1 (Thu 12 Oct)") == "trip > Day 1 (Thu 12 Oct)"  # more than a day
    soup = next(s for s in candidate_sentences([_note("daily/2026-11-17.md", DAILY)]) if "soup" in s.text)
    assert soup.context and _as_read(soup) == soup.text
    assert _as_read(replace(soup, context="house move > To do")) == f"house move > To do: {soup.text}"
