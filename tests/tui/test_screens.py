"""Doctor, help, palette, themes, memory and indexing screens; the CLI entry."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from second_me.tui.screens.doctor import DoctorScreen
from second_me.tui.screens.help import HelpScreen

from .conftest import ready, wait_for

pytestmark = pytest.mark.asyncio


async def test_status_doctor_help_and_theme(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        status = str(app.screen.query_one("#status").render())
        assert "fake chat model" in status and "KV q8_0" in status and "8 memories" in status
        await pilot.press("f5")
        assert isinstance(app.screen, DoctorScreen)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 5, "doctor rows")
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert {"GPU offload", "KV cache", "encryption", "chunks"} <= set(names)
        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        dark = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != dark and app.theme == "textual-light"


async def test_palette_lists_every_action(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"New chat", "Rename chat", "Delete chat", "Stop answer", "Show sources", "Copy last answer",
                "Memory", "Indexing", "Doctor", "Help", "Add files or folder", "Toggle light/dark",
                "Watch a folder", "Stop watching a folder", "Index now", "Pin or unpin memory", "Forget memory",
                "Restore memory", "Memory history", "Summary tree"} <= titles
        await pilot.press("ctrl+p", *"doctor")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DoctorScreen), "doctor from the palette")
