"""kill -9 a real `second-me index` at several points; the resumed store equals a clean run's."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from second_me.config import load_settings
from second_me.storage.store import open_store

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.real_models


def make_corpus(folder: Path, files: int = 18) -> None:
    folder.mkdir()
    for n in range(files):
        sub = folder / f"topic{n % 3}"
        sub.mkdir(exist_ok=True)
        paragraphs = [f"Note {n}, part {p}: the {['heron', 'kayak', 'sourdough'][n % 3]} journal entry "
                      f"number {n * 7 + p} talks about weather, plans and people." for p in range(4)]
        (sub / f"note{n}.md").write_text(f"# Note {n}\n\n" + "\n\n".join(paragraphs) + "\n")


def cli(home: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home), "SECOND_ME_CHUNK_CHARS": "120",
           "SECOND_ME_EMBED_BATCH_SIZE": "8"}
    return subprocess.Popen([sys.executable, "-m", "second_me", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(home: Path, *args: str) -> str:
    proc = cli(home, *args)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def snapshot(home: Path) -> dict:
    store = open_store(load_settings(home))
    try:
        with store.db.read() as conn:
            return {
                "sources": sorted(conn.execute("SELECT path, status, content_hash, mtime, size FROM sources")),
                "chunks": sorted(conn.execute(
                    "SELECT s.path, m.start_line, m.end_line, m.text, m.content_hash, m.created_at, m.state "
                    "FROM memories m JOIN sources s ON s.id = m.source_id")),
                "orphans": conn.execute("SELECT count(*) FROM memories WHERE source_id IS NULL").fetchone()[0],
                "vectors_match": conn.execute(
                    "SELECT (SELECT count(*) FROM memory_vec) = (SELECT count(*) FROM memories) AND "
                    "(SELECT count(*) FROM memory_vec v WHERE v.rowid NOT IN (SELECT id FROM memories)) = 0"
                ).fetchone()[0],
                "fts": conn.execute("SELECT count(*) FROM memory_fts").fetchone()[0],
                "queue": conn.execute("SELECT count(*) FROM queue").fetchone()[0],
            }
    finally:
        store.close()


def kill_after(home: Path, lines: int | None, seconds: float | None = None) -> None:
    """Start `index`, SIGKILL it after `lines` per-file lines on stderr (or after `seconds`)."""
    proc = cli(home, "index")
    if seconds is not None:
        time.sleep(seconds)
    else:
        seen = 0
        while seen < lines:
            line = proc.stderr.readline()
            if not line:
                break  # finished before the kill point
            seen += line.startswith("[")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkill_at_several_points_then_resume_equals_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    for home in (clean, crashed):
        finish(home, "watch", "add", "--no-index", str(corpus))
    finish(clean, "index")
    expected = snapshot(clean)
    assert len(expected["sources"]) == 18 and len(expected["chunks"]) >= 36 and expected["queue"] == 0

    kill_after(crashed, None, seconds=0.4)  # during start-up
    for lines in (1, 4, 9):  # mid-run, at different files
        kill_after(crashed, lines)
    finish(crashed, "index")
    got = snapshot(crashed)
    assert got == expected
    assert got["vectors_match"] == 1 and got["fts"] == len(got["chunks"]) and got["orphans"] == 0
