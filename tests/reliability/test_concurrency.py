"""An indexer, a process asking questions, one importing chats and summarizing, and CLI `add`s,
all at once: no 'database is locked', no lost write, an intact store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from second_me.config import load_settings
from second_me.storage.consistency import check
from second_me.storage.store import open_store
from tests.conftest import EXAMPLE_NOTES
from tests.reliability.helpers import chat_batch

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")}
    return {**env, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home), "SECOND_ME_PASSPHRASE": "test-passphrase"}


def run_concurrently(tmp_path: Path, seconds: float) -> dict:
    home, watched, added, chats = tmp_path / "home", tmp_path / "watched", tmp_path / "added", tmp_path / "chats"
    for folder in (home, added, chats):
        folder.mkdir()
    shutil.copytree(EXAMPLE_NOTES, watched)
    env = _env(home)
    first = subprocess.run([sys.executable, str(HERE / "fake_cli.py"), "add", str(watched)], env=env,
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    workers = [subprocess.Popen([sys.executable, str(HERE / "workers.py"), *args], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for args in (("indexer", str(home), str(watched), str(seconds)), ("asker", str(home), str(seconds)),
                            ("importer", str(home), str(chats), str(seconds)))]
    cli_adds = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        note = added / f"cli-{cli_adds}.md"
        note.write_text(f"# CLI note {cli_adds}\nunique marker zebra{cli_adds} written by the command line\n")
        result = subprocess.run([sys.executable, str(HERE / "fake_cli.py"), "add", str(note)], env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and "locked" not in result.stderr, result.stderr
        cli_adds += 1
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (out, err) in zip(workers, outputs):
        assert worker.returncode == 0 and "locked" not in err, err

    store = open_store(load_settings(home))
    try:
        assert check(store).ok
        with store.db.read() as conn:
            texts = {row[0] for row in conn.execute("SELECT text FROM memories")}
            queued = conn.execute("SELECT count(*) FROM queue").fetchone()[0]
            turns = set(conn.execute("SELECT external_id FROM messages").fetchall())
    finally:
        store.close()
    for n in range(cli_adds):  # no lost write
        assert any(f"zebra{n} " in text for text in texts), n
    assert queued == 0
    imported = int(outputs[2][0].split("turns=")[1])
    expected = {(line["id"],) for n in range(int(outputs[2][0].split("rounds=")[1].split()[0]))
                for line in chat_batch(n, days=1, turns_per_day=6)}
    assert imported == len(expected) and turns == expected  # every imported turn is there, once
    return {"cli_adds": cli_adds, "workers": [out.strip() for out, _ in outputs]}


def test_indexer_asker_and_cli_add_at_once_short(tmp_path):
    stats = run_concurrently(tmp_path, seconds=10)
    assert stats["cli_adds"] >= 2
    assert all("=0" not in line for line in stats["workers"]), stats


@pytest.mark.slow
def test_indexer_asker_and_cli_add_at_once_for_a_minute(tmp_path):
    stats = run_concurrently(tmp_path, seconds=60)
    assert stats["cli_adds"] >= 10


def test_summarize_survives_an_indexer_replacing_its_children(settings, clock, notes):
    """Summaries are written after a slow model call; files re-indexed meanwhile take away some of
    the children read before it. The summary links what is left and is rebuilt on the next run."""
    from second_me.models.fake import FakeChatModel, FakeEmbedder
    from second_me.services import Services

    rewrites = []

    def reply_while_the_indexer_runs(messages):
        if not rewrites:  # the first summary call: every note changes under it, as a daemon would do
            for path in sorted(notes.iterdir()):
                path.write_text(f"# {path.stem}\nrewritten while summarizing: {path.stem} notes, new text\n")
            rewrites.append(services.indexing.add([notes]))
        return "A short summary of these notes."

    # A capable model: a small one's summaries are extractive, with no model call to race against.
    services = Services(settings, open_store(settings), FakeEmbedder(),
                        FakeChatModel(reply_while_the_indexer_runs, parameters=1_500_000_000), clock)
    try:
        services.indexing.add([notes])
        _, first = services.memory.summarize(60)
        assert rewrites and check(services.store).ok
        with services.store.db.read() as conn:
            assert conn.execute("SELECT count(*) FROM summary_nodes WHERE dirty = 1").fetchone()[0] >= 1
        _, second = services.memory.summarize(60)
        assert second.built >= 1 and second.dirty_left == 0
        _, third = services.memory.summarize(60)
        assert third.built == 0  # settled: nothing left dirty
        with services.store.db.read() as conn:
            covered = {row[0] for row in conn.execute(
                "SELECT c.memory_id FROM summary_children c JOIN summary_nodes n ON n.id = c.node_id "
                "WHERE n.level = 'document'")}
            chunks = {row[0] for row in conn.execute("SELECT id FROM memories WHERE kind = 'chunk'")}
        assert covered == chunks  # every chunk of the rewritten notes is summarised, none of the old ones
        assert check(services.store).ok
    finally:
        services.close()
