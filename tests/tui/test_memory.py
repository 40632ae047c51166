"""The memory screen: search, filters (kind, state, date), pin/forget/restore, history, the summary tree."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Select, Tree

from second_me.tui.screens.memory import MemoryScreen

from .conftest import ready, wait_for

pytestmark = pytest.mark.asyncio


def _detail(app) -> str:
    return str(app.screen.query_one("#memory-detail").render())


async def _memory_screen(pilot):
    app = pilot.app
    await wait_for(pilot, lambda: ready(app), "models")
    await pilot.press("f3")
    assert isinstance(app.screen, MemoryScreen)
    table = app.screen.query_one("#memories", DataTable)
    await wait_for(pilot, lambda: table.row_count == 8, "recent memories")
    return app.screen, table


async def test_search_history_and_open(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _memory_screen(pilot)
        await pilot.press("slash", *"starter", "enter")
        await wait_for(pilot, lambda: screen.hits and "starter" in screen.hits[0].memory.text.lower(), "search")
        table.focus()
        await pilot.press("h")
        await wait_for(pilot, lambda: "history of" in _detail(app) and "created" in _detail(app), "history")
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SourceScreen", "the preview")


async def test_pin_forget_restore_round_trip(make_app, indexed):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _memory_screen(pilot)
        table.focus()
        first = screen.hits[0].memory.id
        # Pin: the row says so, the store too, and the history tells it.
        await pilot.press("p")
        await wait_for(pilot, lambda: screen.hits[0].memory.pinned, "pinned")
        assert str(table.get_row_at(0)[2]) == "pinned" and indexed.store.get(first).pinned
        await pilot.press("h")
        await wait_for(pilot, lambda: "pin" in _detail(app).split("history of", 1)[-1], "pin in the history")
        await pilot.press("p")
        await wait_for(pilot, lambda: not screen.hits[0].memory.pinned, "unpinned")
        # Forget: it leaves the active list and search...
        await pilot.press("f")
        await wait_for(pilot, lambda: table.row_count == 7, "forgotten")
        assert indexed.store.get(first).state == "forgotten"
        assert first not in [h.memory.id for h in screen.hits]
        # ...and shows in the forgotten tier, where it can be restored.
        screen.query_one("#state", Select).value = "forgotten"
        await wait_for(pilot, lambda: [h.memory.id for h in screen.hits] == [first], "the forgotten tier")
        table.focus()
        await pilot.press("h")
        await wait_for(pilot, lambda: "forget" in _detail(app), "forget in the history")
        await pilot.press("r")
        await wait_for(pilot, lambda: table.row_count == 0, "restored")
        screen.query_one("#state", Select).value = "active"
        await wait_for(pilot, lambda: table.row_count == 8, "back among the active")
        assert indexed.store.get(first).state == "active"
        history = [action for _, action, _ in indexed.memory.history(first)]
        assert history[0] == "created" and {"pin", "unpin", "forget", "restore"} <= set(history)


async def test_filters_by_kind_and_date(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _memory_screen(pilot)
        # The notes were written in January 2025; the clock says March 2025.
        screen.query_one("#when", Select).value = "last 30 days"
        await wait_for(pilot, lambda: table.row_count == 0, "nothing recent")
        screen.query_one("#when", Select).value = "older than 30 days"
        await wait_for(pilot, lambda: table.row_count == 8, "the notes")
        screen.query_one("#kind", Select).value = "message"
        await wait_for(pilot, lambda: table.row_count == 0, "no chat turns")
        screen.query_one("#kind", Select).value = "chunk"
        await pilot.press("slash", *"starter", "enter")
        await wait_for(pilot, lambda: screen.hits and all(h.memory.kind == "chunk" for h in screen.hits), "search")


async def test_summary_tree_from_the_portrait_down(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _memory_screen(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SummaryTreeScreen", "the tree")
        detail = app.screen.query_one("#tree-detail")
        await wait_for(pilot, lambda: "no summaries yet" in str(detail.render()), "an empty tree")
        await pilot.press("b")
        tree = app.screen.query_one(Tree)
        await wait_for(pilot, lambda: tree.root.children, "the portrait", 1500)
        top = tree.root.children[0]
        assert top.data.hit.memory.kind == "portrait"
        # Down the tree to a file chunk, then open it.
        node = top
        for _ in range(8):
            await wait_for(pilot, lambda: node.children, f"children of {node.data.hit.memory.kind}")
            node = node.children[0]
            if not node.data.children:
                break
            node.expand()
        assert node.data.hit.memory.kind == "chunk"
        tree.move_cursor(node)
        await pilot.pause()
        assert "notes/" in str(detail.render())
        await pilot.press("o")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SourceScreen", "the chunk")


async def test_a_chat_turn_found_is_shown_among_its_neighbours(make_app, indexed):
    from second_me.domain import Turn

    said = 1_688_634_000.0  # 2023-07-06 09:00 UTC
    indexed.conversations.log.add_turns([
        Turn("weekend", "Sam", "how was the weekend?", said, "user", "1"),
        Turn("weekend", "Nina", "We climbed Pen y Fan yesterday, my legs are gone", said + 60, "user", "2"),
        Turn("weekend", "Sam", "legend", said + 120, "user", "3"),
    ], indexed.clock.timestamp())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        await pilot.press("f3")
        screen, table = app.screen, app.screen.query_one("#memories", DataTable)
        await wait_for(pilot, lambda: table.row_count == 11, "recent memories")
        await pilot.press("slash", *"Pen y Fan", "enter")
        await wait_for(pilot, lambda: screen.hits and "Pen y Fan" in screen.hits[0].memory.text, "search")
        table.focus()
        table.move_cursor(row=0)  # the list keeps the memory it was on before the search
        await wait_for(pilot, lambda: "▶ Nina: We climbed" in _detail(app), "the turn in context")

        detail = _detail(app)
        assert "Sam: how was the weekend?" in detail and "Sam: legend" in detail
        assert "tells of 2023-07-05" in detail
