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
            assert answer.text.strip()
            assert answer.citations is not None
            assert any(hit.origin.path.endswith("bicycle.md") for hit in answer.citations.hits)
    finally:
        services.close()
