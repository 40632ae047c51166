"""A terminal-app session for the offline test (test support only).

    python tests/reliability/offline_tui.py    # on the real models, over $SECOND_ME_HOME

Asks a question in the chat screen and waits for the cited answer, then searches on the
memory screen; prints one line and exits 0, or raises.
"""

from __future__ import annotations

import asyncio
import os

from second_me.config import load_settings
from second_me.services import Services
from second_me.tui.app import SecondMeApp
from second_me.tui.widgets.turns import AnswerTurn


async def _until(pilot, condition, what: str, steps: int = 12000) -> None:
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def session() -> str:
    services = Services.open(load_settings(os.environ["SECOND_ME_HOME"]))
    try:
        app = SecondMeApp(lambda: services)
        async with app.run_test(size=(100, 30)) as pilot:
            await _until(pilot, lambda: app.status.state == "ready", "the models")
            await pilot.press(*"how often should the bicycle chain be oiled?", "enter")
            await _until(pilot, lambda: app.screen.query(AnswerTurn) and app.screen.query(AnswerTurn).last().finished,
                         "the answer")
            answer = app.screen.query(AnswerTurn).last()
            assert answer.text.strip() and answer.citations is not None
            await pilot.press("f3")
            await pilot.press("slash", *"sourdough", "enter")
            await _until(pilot, lambda: bool(getattr(app.screen, "hits", None)), "memory search")
            return f"tui ok: answered with {len(answer.citations.hits)} sources, memory search found {len(app.screen.hits)}"
    finally:
        services.close()


if __name__ == "__main__":
    print(asyncio.run(session()))
