"""TUI fixtures: the app on fake models over a real store holding the example notes."""

from __future__ import annotations

import pytest

from second_me.tui.app import SecondMeApp


async def wait_for(pilot, condition, what: str = "condition", steps: int = 400) -> None:
    """Let the app run until `condition()` holds (no wall-clock assertions: a step budget)."""
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def indexed(services, notes, monkeypatch):
    """Services with the example notes indexed; paths show relative to the notes' parent."""
    monkeypatch.chdir(notes.parent)
    services.add([notes])
    return services


@pytest.fixture
def make_app(indexed):
    def make(conversation=None, services=None) -> SecondMeApp:
        svc = services or indexed
        return SecondMeApp(lambda: svc, conversation)

    return make


def ready(app) -> bool:
    return app.status.state == "ready"
