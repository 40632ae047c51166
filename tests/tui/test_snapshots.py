"""Snapshots of the main screens at 80×24 and 120×40 (fake models, fixed clock, relative paths)."""

from __future__ import annotations

import pytest

from second_me.tui.widgets.prompt import PromptInput
from second_me.tui.widgets.turns import AnswerTurn

from .conftest import ready, wait_for

SIZES = [(80, 24), (120, 40)]


async def _answered(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: ready(app), "models")
    await pilot.press(*"how often do I feed the sourdough starter", "enter")
    await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and app.screen.query(AnswerTurn).last().finished
                   , "the answer")
    # Both turns are kept in the chat, and neither becomes a memory: a question, and second-me's own answer.
    await wait_for(pilot, lambda: app.screen.query_one("#conversations").option_count == 1, "the chat list")
    app.refresh_status()
    await wait_for(pilot, lambda: "8 memories" in str(app.screen.query_one("#status").render()), "counts")
    app.screen.query_one(PromptInput).cursor_blink = False  # a blinking cursor is not a stable picture
    await pilot.pause(0.2)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chat_after_an_answer(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_answered)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_memory_screen(snap_compare, make_app, size):
    async def before(pilot):
        await wait_for(pilot, lambda: ready(pilot.app), "models")
        await pilot.press("f3")
        await wait_for(pilot, lambda: len(pilot.app.screen.hits) == 8, "memories")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, make_app, size):
    async def before(pilot):
        await wait_for(pilot, lambda: ready(pilot.app), "models")
        await pilot.press("f1")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_indexing_screen(snap_compare, make_app, indexed, notes, size):
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    indexed.indexing.watch(notes)
    indexed.indexing.index()

    async def before(pilot):
        await wait_for(pilot, lambda: ready(pilot.app), "models")
        await pilot.press("f4")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#files").row_count == 1, "the tables")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=size, run_before=before)
