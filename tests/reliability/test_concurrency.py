"""An indexer, a process asking questions and CLI `add`s, all at once: no 'database is locked',
no lost write, an intact store."""

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

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")}
    return {**env, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home), "SECOND_ME_PASSPHRASE": "test-passphrase"}


def run_concurrently(tmp_path: Path, seconds: float) -> dict:
    home, watched, added = tmp_path / "home", tmp_path / "watched", tmp_path / "added"
    home.mkdir()
    added.mkdir()
    shutil.copytree(EXAMPLE_NOTES, watched)
    env = _env(home)
    first = subprocess.run([sys.executable, str(HERE / "fake_cli.py"), "add", str(watched)], env=env,
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    workers = [subprocess.Popen([sys.executable, str(HERE / "workers.py"), *args], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for args in (("indexer", str(home), str(watched), str(seconds)), ("asker", str(home), str(seconds)))]
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
    finally:
        store.close()
    for n in range(cli_adds):  # no lost write
        assert any(f"zebra{n} " in text for text in texts), n
    assert queued == 0
    return {"cli_adds": cli_adds, "workers": [out.strip() for out, _ in outputs]}


def test_indexer_asker_and_cli_add_at_once_short(tmp_path):
    stats = run_concurrently(tmp_path, seconds=10)
    assert stats["cli_adds"] >= 2
    assert all("=0" not in line for line in stats["workers"]), stats


@pytest.mark.slow
def test_indexer_asker_and_cli_add_at_once_for_a_minute(tmp_path):
    stats = run_concurrently(tmp_path, seconds=60)
    assert stats["cli_adds"] >= 10
