"""A chat import is stored in many transactions, and still all or nothing: a failure injected
half-way (the model, the disk, Ctrl-C, kill -9) leaves the memory exactly as it was before the
import, including the turns an earlier import of the same chat had stored."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.make_whatsapp_export import write_export
from second_me.config import load_settings
from second_me.errors import ModelError, StorageError
from second_me.memory.conversations import ConversationLog
from second_me.models.fake import FakeChatModel, FakeEmbedder
from second_me.services import Services, chat_import
from second_me.storage.consistency import check
from second_me.storage.home_lock import IMPORTER, HomeLock
from second_me.storage.store import open_store
from tests.cli.test_import_chat import state

REPO_ROOT = Path(__file__).resolve().parents[2]
FAKE_CLI = Path(__file__).resolve().parent / "fake_cli.py"
CHAT = "WhatsApp: Sam Okafor"
_HEADER = re.compile(r"^\d{1,2}/\d{1,2}/\d{2}, ")


def _export(folder: Path, messages: int, keep_lines: int | None = None) -> Path:
    """A WhatsApp export (make_whatsapp_export); with `keep_lines`, only its start, cut before a
    message, as the same chat exported earlier."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "WhatsApp Chat with Sam Okafor.txt"
    write_export(path, messages)
    if keep_lines is not None:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        cut = next(n for n in range(keep_lines, len(lines)) if _HEADER.match(lines[n]))
        path.write_text("".join(lines[:cut]), encoding="utf-8")
    return path


class FailingEmbedder(FakeEmbedder):
    def __init__(self, fail_on_call: int):
        super().__init__()
        self.fail_on_call = fail_on_call

    def embed(self, texts):
        if self.calls + 1 == self.fail_on_call:
            self.calls += 1
            raise ModelError("embedding failed: injected")
        return super().embed(texts)


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(chat_import, "BATCH_TURNS", 16)


@pytest.fixture
def earlier(run_cli, tmp_path, small_batches):
    """The memory after importing an earlier export of the chat; returns the later, longer export."""
    first = run_cli("import", "chat", str(_export(tmp_path / "then", 200, keep_lines=60)), "--tz", "UTC")
    assert first.code == 0, first.err
    return _export(tmp_path / "now", 200)


def _runs(home: Path) -> tuple[list[str], int]:
    """(each import run's state, turns written down for unfinished runs)."""
    store = open_store(load_settings(home))
    try:
        with store.db.read() as conn:
            states = [row[0] for row in conn.execute("SELECT state FROM import_runs ORDER BY id")]
            pending = conn.execute("SELECT count(*) FROM import_turns").fetchone()[0]
        assert check(store).ok
    finally:
        store.close()
    return states, pending


def test_a_model_failure_half_way_leaves_the_memory_as_it_was(run_cli, home, earlier):
    before = state(home)
    run_cli.models["embed"] = FailingEmbedder(fail_on_call=3)
    failed = run_cli("import", "chat", str(earlier), "--tz", "UTC")
    assert failed.code == 4 and failed.err.strip() == "error: embedding failed: injected"
    assert state(home) == before  # the earlier import's turns are all there, nothing of this one
    assert _runs(home) == (["done", "undone"], 0)

    run_cli.models["embed"] = FakeEmbedder()
    again = run_cli("import", "chat", str(earlier), "--tz", "UTC")
    assert again.code == 0, again.err
    added = int(again.out.split()[1])
    assert added > 32 and state(home)[1] == before[1] + added  # more than the two batches that had been stored


def test_a_storage_failure_half_way_leaves_the_memory_as_it_was(run_cli, home, earlier, monkeypatch):
    before = state(home)
    real_add_turns = ConversationLog.add_turns
    calls = []

    def failing_add_turns(self, turns, now):
        calls.append(len(turns))
        if len(calls) == 3:
            raise StorageError("no space left to write memory.db: free some disk space and run the command again")
        return real_add_turns(self, turns, now)

    monkeypatch.setattr(ConversationLog, "add_turns", failing_add_turns)
    failed = run_cli("import", "chat", str(earlier), "--tz", "UTC")
    assert failed.code == 5 and "no space left" in failed.err and len(calls) == 3
    assert state(home) == before
    assert _runs(home) == (["done", "undone"], 0)


def test_ctrl_c_half_way_leaves_the_memory_as_it_was(services, tmp_path, small_batches):
    export = _export(tmp_path / "chat", 200)
    seen = []

    def stop_after_two_batches(progress):
        seen.append(progress)
        if progress.done == 32:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        services.conversations.import_chat(export, tz="UTC", progress=stop_after_two_batches)
    assert seen[0].done == 0 and seen[0].total > 150  # the total, before anything is stored
    assert seen[-1].added == 32
    assert services.conversations.list() == []
    assert services.store.counts()["memories"] == 0


def test_facts_learnt_from_the_turns_of_a_failed_import_go_with_them(services, tmp_path, small_batches):
    export = _export(tmp_path / "chat", 120)
    lines = export.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "1/7/23, 9:00\u202fAM - Maya Torres: I work at Globex now.")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    learnt = []

    def learn_then_fail(progress):
        if progress.added and not learnt:
            learnt.append(services.memory.learn_facts(60).facts_added)
        elif progress.done > 40:
            raise StorageError("injected")

    with pytest.raises(StorageError):
        services.conversations.import_chat(export, me="Maya Torres", tz="UTC", progress=learn_then_fail)
    assert learnt[0] >= 1
    assert services.store.counts()["memories"] == 0 and services.conversations.list() == []
    assert check(services.store).ok


def _count_messages(home: Path) -> int:
    """Turns stored, read straight from the file (opening the store would undo an abandoned run)."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(home / "memory.db"))
    try:
        conn.execute("PRAGMA key = 'test-passphrase'")
        return conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    except dbapi2.Error:
        return 0  # still being created
    finally:
        conn.close()


def test_kill_9_half_way_is_undone_when_the_memory_next_opens(tmp_path):
    export = _export(tmp_path / "chat", 1500)
    home = tmp_path / "home"
    home.mkdir()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")},
           "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home), "SECOND_ME_PASSPHRASE": "test-passphrase"}
    command = [sys.executable, str(FAKE_CLI), "--slow", "import", "chat", str(export), "--tz", "UTC"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while process.poll() is None and _count_messages(home) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the import ended before a batch was stored: nothing was tested"
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _count_messages(home)
    assert 0 < stored < 1400  # the kill landed after a batch and before the end

    assert _runs(home) == (["undone"], 0)  # opening the memory undid it
    assert _count_messages(home) == 0
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith("imported ") and _count_messages(home) == int(finished.stdout.split()[1])


def test_a_running_import_is_left_alone_and_a_second_one_waits_its_turn(run_cli, home, tmp_path):
    assert run_cli("import", "chat", str(_export(tmp_path / "a", 30))).code == 0
    settings = load_settings(home)
    store = open_store(settings)
    run_id = store.imports.begin("elsewhere.txt", "whatsapp", 0.0)
    store.imports.will_store(run_id, [("WhatsApp: Sam Okafor", "not-yet-stored")])
    store.close()

    running = HomeLock(home, IMPORTER)
    assert running.try_acquire()  # as an import in another process holds it
    try:
        busy = run_cli("import", "chat", str(_export(tmp_path / "b", 40)))
        assert busy.code == 5 and "another chat import" in busy.err and "is running in this home" in busy.err
        assert _runs(home)[0] == ["done", "running"]  # opening the memory did not undo a live run
    finally:
        running.release()
    assert _runs(home)[0] == ["done", "undone"]
    assert run_cli("import", "chat", str(_export(tmp_path / "b", 40))).code == 0
