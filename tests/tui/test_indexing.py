"""The indexing screen: watch a folder and see it indexed, per-file errors, the daemon's progress."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import DataTable

from second_me.storage.home_lock import HomeLock
from second_me.ingest.pipeline import Indexer
from second_me.tui import app as app_module
from second_me.tui.app import SecondMeApp
from second_me.tui.screens.indexing import IndexingScreen

from .conftest import ready, wait_for

pytestmark = pytest.mark.asyncio


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch):
    monkeypatch.setattr(app_module, "POLL_S", 0.05)


def _cells(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def _seen(app) -> list:
    """Every indexing view the app shows, in order."""
    views = []
    app.watch(app, "indexing", lambda view: views.append(view), init=False)
    return views


async def test_watch_a_folder_see_progress_and_find_its_files(services, notes, monkeypatch):
    monkeypatch.chdir(notes.parent)
    app = SecondMeApp(lambda: services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        await wait_for(pilot, lambda: app.backend.watcher is not None, "the in-app watcher")
        views = _seen(app)
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, IndexingScreen)
        assert screen.query_one("#watched-empty").display
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*str(notes), "enter")
        watched = screen.query_one("#watched", DataTable)
        await wait_for(pilot, lambda: _cells(watched) and _cells(watched)[0][1] == "3", "3 files indexed", 800)
        assert _cells(watched)[0][0] == "notes" and _cells(watched)[0][2] == "8"
        indexing = [v for v in views if v.state == "indexing" and v.who == "app"]
        assert indexing and any("files/s" in v.progress_line() for v in indexing)
        assert indexing[-1].done == indexing[-1].total == 3
        await wait_for(pilot, lambda: "up to date" in str(screen.query_one("#progress-line").render()), "done")
        await wait_for(pilot, lambda: "8 memories" in str(screen.query_one("#status").render()), "counts")
        # The files are in memory: the memory screen finds them.
        await pilot.press("f3", "slash", *"starter", "enter")
        await wait_for(pilot, lambda: app.screen.hits and "starter" in app.screen.hits[0].memory.text.lower(),
                       "search")
        # A new file in the watched folder is picked up by the watcher.
        (notes / "new.md").write_text("# Bike\nThe bike lock code is 4417.\n")
        await pilot.press("f4")
        await wait_for(pilot, lambda: _cells(watched)[0][1] == "4", "the new file", 1500)
        # Stop watching (it asks first): the folder's chunks leave memory.
        watched.focus()
        await pilot.press("x", "y")
        await wait_for(pilot, lambda: watched.row_count == 0, "the folder gone")
        await wait_for(pilot, lambda: services.store.counts()["memories"] == 0, "chunks removed")
    # Quitting stopped the watcher.
    assert app.backend.watcher is None


async def test_a_file_error_shows_with_its_reason(services, notes, monkeypatch):
    monkeypatch.chdir(notes.parent)
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    app = SecondMeApp(lambda: services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        await pilot.press("f4")
        screen = app.screen
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*str(notes), "enter")
        files = screen.query_one("#files", DataTable)
        await wait_for(pilot, lambda: files.row_count == 1, "the problem", 800)
        path, status, reason = _cells(files)[0]
        assert path == "notes/broken.pdf" and status == "error" and "PDF" in reason
        files.focus()
        await pilot.pause()
        detail = str(screen.query_one("#problem-detail").render())
        assert "notes/broken.pdf: error:" in detail and "PDF" in detail
        watched = screen.query_one("#watched", DataTable)
        await wait_for(pilot, lambda: _cells(watched) and _cells(watched)[0][4] == "1", "the error counted")


async def test_add_once_reports_progress_and_errors(services, notes, monkeypatch):
    monkeypatch.chdir(notes.parent)
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    app = SecondMeApp(lambda: services, watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        views = _seen(app)
        await pilot.press("f4", "a")
        await pilot.pause()
        await pilot.press(*str(notes), "enter")
        screen = app.screen
        await wait_for(pilot, lambda: screen.query_one("#files", DataTable).row_count == 1, "the error")
        await wait_for(pilot, lambda: not screen.running, "the run")
        assert any(v.who == "once" and v.total == 4 for v in views)
        assert screen.query_one("#watched-empty").display  # added once: not watched


async def test_what_was_left_out_or_redacted_shows_and_odd_names_stay_on_one_line(services, notes, monkeypatch):
    """A link out of the folder is skipped with its reason, a secret inside a note is counted as redacted,
    and a file name with a newline is shown escaped."""
    import os

    monkeypatch.chdir(notes.parent)
    outside = notes.parent / "outside"
    outside.mkdir()
    (outside / "plain.txt").write_text("Not for memory.\n")
    os.symlink(outside / "plain.txt", notes / "linked.txt")
    (notes / "aws.md").write_text("# AWS\n\nkey id AKIA" + "QWERTYUIOPASDFGH" + " for the tomato photos\n")
    (notes / "bad\nname.pdf").write_bytes(b"%PDF-1.4 nope")
    (notes / ".env").write_text("TOKEN=not-for-memory\n")
    app = SecondMeApp(lambda: services, watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        await pilot.press("f4", "w")
        await pilot.pause()
        await pilot.press(*str(notes), "enter")
        screen = app.screen
        watched = screen.query_one("#watched", DataTable)
        await wait_for(pilot, lambda: _cells(watched) and _cells(watched)[0][1] == "4", "the folder indexed", 1500)
        assert _cells(watched)[0][3] == "1" and _cells(watched)[0][5] == "1"  # skipped, redacted
        detail = str(screen.query_one("#folder-detail").render())
        assert "links outside the watched folder are not followed 1" in detail and "aws-access-key 1" in detail
        assert "left out by name: may hold secrets 1" in detail
        files = screen.query_one("#files", DataTable)
        await wait_for(pilot, lambda: files.row_count == 2, "the problems")
        shown = [row[0] for row in _cells(files)]
        assert "notes/bad\\nname.pdf" in shown and all("\n" not in name for name in shown)


async def test_the_daemons_progress_is_followed_through_the_queue(services, notes, monkeypatch):
    """A daemon holds its lock: the app starts no watcher and shows the queue draining."""
    monkeypatch.chdir(notes.parent)
    monkeypatch.setattr(app_module, "DAEMON_CHECK_EVERY", 1)
    daemon = HomeLock(services.settings.home, name="daemon.lock")
    assert daemon.try_acquire()
    app = SecondMeApp(lambda: services)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.indexing.who == "daemon", "the daemon seen")
            assert app.backend.watcher is None
            views = _seen(app)
            await pilot.press("f4")
            assert "daemon" in str(app.screen.query_one("#indexer-line").render())
            # The "daemon" (here: a thread) gets work and drains it slowly.
            indexer = Indexer(services.store, services.embedder, services.settings, services.clock)
            indexer.queue.enqueue(indexer.scan(notes), services.clock.timestamp())
            release = threading.Event()

            def drain_slowly(p):
                release.wait(0.3)

            worker = threading.Thread(target=lambda: indexer.drain(drain_slowly))
            await wait_for(pilot, lambda: app.indexing.queued == 3, "the queue seen")
            worker.start()
            await wait_for(pilot, lambda: app.indexing.queued == 0 and app.indexing.runs >= 1, "the drain", 800)
            worker.join()
            busy = [v for v in views if v.busy]
            assert busy and busy[0].total == 3 and "queued" in busy[0].progress_line()
            assert "up to date" in str(app.screen.query_one("#progress-line").render())
            # The daemon stops: the app takes over watching.
            daemon.release()
            await wait_for(pilot, lambda: app.backend.watcher is not None, "the in-app watcher")
            await wait_for(pilot, lambda: app.indexing.who == "app", "the app watching")
    finally:
        daemon.release()


async def test_the_app_learns_facts_in_the_background_when_quiet(services, clock):
    """Like the daemon, the app learns facts and builds summaries while nothing else happens."""
    from dataclasses import replace

    from second_me.domain import Turn

    services.settings = replace(services.settings, background_idle_s=0.1)
    services.conversations.log.add_turns([Turn("c", "Ana", "I live in Lisbon.", clock.timestamp(), "user", "a")],
                                     clock.timestamp())
    assert services.store.counts()["facts"] == 0
    app = SecondMeApp(lambda: services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.backend.watcher is not None, "the background runner")
        await wait_for(pilot, lambda: services.store.counts()["facts"] >= 1, "a fact learnt in the background", 3000)
    assert app.backend.watcher is None  # stopped with the app


async def test_import_a_chat_export_from_the_indexing_screen(services, tmp_path):
    from tests.ingest.chat_exports.helpers import WHATSAPP_US

    app = SecondMeApp(lambda: services, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        await pilot.press("f4", "c")
        await pilot.pause()
        await pilot.press(*str(WHATSAPP_US), "enter")
        await pilot.pause()
        await pilot.press(*"Ana Lima", "enter")
        screen = app.screen
        await wait_for(pilot, lambda: any("imported 9 new turns of 9" in n.message for n in app._notifications),
                       "the import's summary")
        assert not screen.importing and not screen.query_one("#import-line").display
        turns = services.conversations.turns("WhatsApp: Sam Rivera")
        assert {(t.speaker, t.role) for t in turns} == {("Ana Lima", "user"), ("Sam Rivera", "other")}

        # A bad export is a notification naming the place; nothing is stored.
        bad = tmp_path / "conversations.json"
        bad.write_text('[{"title": "x", "mapping": {"a": nul}}]')
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*str(bad), "enter")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("conversations[0].mapping.a: not valid JSON" in n.message
                                          for n in app._notifications), "the error")
        await wait_for(pilot, lambda: not screen.importing, "the import's end")
        assert len(services.conversations.list()) == 1


async def test_no_watcher_starts_again_once_the_app_quits(services):
    """The app's poll may look ("no watcher yet") just before quitting stops the watcher, and go on
    to start one: once quitting, none starts, and none outlives the app."""
    from second_me.tui.backend import Backend

    backend = Backend(lambda: services)
    backend.start_watcher()
    assert backend.watcher is not None
    assert backend.stop_watcher(timeout=10, quitting=True) and backend.watcher is None
    backend.start_watcher()  # the poll that looked before the stop
    assert backend.watcher is None
