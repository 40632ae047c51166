"""End to end on the real shipped models: the app answers from the notes and cites one."""

from __future__ import annotations

from pathlib import Path

import pytest

from second_me.config import load_settings
from second_me.services import Services
from second_me.tui.app import SecondMeApp
from second_me.tui.widgets.turns import AnswerTurn

from .conftest import ready, wait_for

pytestmark = [pytest.mark.real_models, pytest.mark.asyncio]
NOTES = Path(__file__).resolve().parents[2] / "examples" / "notes"


async def test_real_model_answers_with_a_source(tmp_path, monkeypatch):
    monkeypatch.setenv("SECOND_ME_PASSPHRASE", "e2e")
    monkeypatch.setenv("SECOND_ME_CHAT_MODEL", "builtin")
    services = Services.open(load_settings(tmp_path / "home"))
    try:
        services.indexing.add([NOTES])
        app = SecondMeApp(lambda: services)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: ready(app), "the real models", steps=6000)
            await pilot.press(*"how often should the bicycle chain be oiled?", "enter")
            await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and app.screen.query(AnswerTurn).last().finished,
                           "the answer", steps=12000)
            answer = app.screen.query(AnswerTurn).last()
            # The built-in model answers quote-first: the note's own sentence, with its line.
            assert "every 300 km" in answer.text
            assert answer.citations is not None
            assert any(hit.origin.path.endswith("bicycle.md") for hit in answer.citations.hits)
            assert "bicycle.md:" in str(answer.citations.get_option_at_index(0).prompt)
            # Said once while the small built-in model answers: how to get a better one.
            hints = [n for n in app._notifications if n.title == "answers are quote-first"]
            assert len(hints) == 1 and "second-me models" in hints[0].message
    finally:
        services.close()
