"""TUI fixtures: the app on fake models over a real store holding the example notes."""

from __future__ import annotations

import pytest

from second_me.tui.app import SecondMeApp


async def wait_for(pilot, condition, what: str = "condition", steps: int = 1500) -> None:
    """Let the app run until `condition()` holds (no wall-clock assertions: a step budget,
    generous because worker threads crawl on a loaded 2-core machine)."""
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def indexed(services, notes, monkeypatch):
    """Services with the example notes indexed; paths show relative to the notes' parent.

    The files get fixed times first: a memory's time is its file's mtime, and a checkout's
    mtimes vary, so snapshots would too.
    """
    import os

    monkeypatch.chdir(notes.parent)
    for offset, path in enumerate(sorted(notes.iterdir())):
        stamp = 1_735_689_600 + offset * 86_400  # 2025-01-01, then a day apart
        os.utime(path, (stamp, stamp))
    services.indexing.add([notes])
    return services


@pytest.fixture
def make_app(indexed):
    def make(conversation=None, services=None, watch=False) -> SecondMeApp:
        svc = services or indexed
        # No watcher unless a test is about it: snapshots and chat flows stay free of its thread.
        return SecondMeApp(lambda: svc, conversation, watch=watch)

    return make


def ready(app) -> bool:
    return app.status.state == "ready"
