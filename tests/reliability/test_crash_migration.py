"""kill -9 while a store written by an older second-me moves to the compact vector layout
(the compact-layout migration and its conversion in batches): every kill leaves the store intact with no vector
lost or doubled, the next start resumes, and the end state equals an uninterrupted conversion."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from second_me.config import load_settings
from second_me.models.fake import FakeEmbedder
from second_me.secrets import database_key
from second_me.storage.store import open_store
from tests.reliability.test_crash import FAKE_CLI, _env, _kill_at_random
from tests.storage.legacy import write_schema_3_store

MEMORIES = 1500
BATCH = 50  # 30 batches of 20+ ms: about a second of conversion to land kills in


def _texts() -> list[str]:
    rng = random.Random(1)
    return [f"Topic {n % 40} paragraph {n // 40}: " + " ".join(f"word{rng.randrange(300)}" for _ in range(25))
            for n in range(MEMORIES)]


def _legacy_home(home: Path) -> None:
    home.mkdir()
    settings = load_settings(home)
    key = database_key(home, settings.encryption, False, _env(home))
    texts = _texts()
    embedder = FakeEmbedder()
    vectors = np.array(embedder.embed(texts), dtype=np.float32)
    write_schema_3_store(settings.db_path, key, texts, vectors, model_id=embedder.model_id)


def _raw(home: Path):
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(home / "memory.db"), timeout=30)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = 'test-passphrase'")
    return conn


def _converted_so_far(home: Path) -> int:
    """After a kill: intact, every vector in exactly one of the two tables, a code for each moved one."""
    conn = _raw(home)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "memory_vec_next" not in tables:  # not started, or finished: count the vectors coded, not the code rows
            if "memory_vec_codes" not in tables:
                return 0
            return sum(len(ids) // 8 for (ids,) in conn.execute("SELECT ids FROM memory_vec_codes"))
        old = {r[0] for r in conn.execute("SELECT id FROM memory_vec")}
        moved = {r[0] for r in conn.execute("SELECT id FROM memory_vec_next")}
        assert not old & moved and len(old | moved) == MEMORIES
        coded = [i for (ids,) in conn.execute("SELECT ids FROM memory_vec_codes") for i in np.frombuffer(ids, "<i8")]
        assert sorted(coded) == sorted(moved)  # no batch coded twice, none half-coded
        return len(moved)
    finally:
        conn.close()


def _vectors(home: Path) -> dict:
    conn = _raw(home)
    try:
        return dict(conn.execute("SELECT id, embedding FROM memory_vec").fetchall())
    finally:
        conn.close()


def test_kill_9_during_the_vector_layout_conversion(tmp_path):
    legacy, home = tmp_path / "legacy", tmp_path / "home"
    _legacy_home(legacy)
    shutil.copytree(legacy, home)
    reference = open_store(load_settings(legacy), _env(legacy))  # the uninterrupted conversion, in process
    reference.close()

    env = {**_env(home), "FAKE_CLI_CONVERT_BATCH": str(BATCH), "FAKE_CLI_WORKING_MARK": str(tmp_path / "mark")}
    rng = random.Random(16)
    kills, progress = 0, [0]
    while kills < 5:
        (tmp_path / "mark").unlink(missing_ok=True)
        process = subprocess.Popen([sys.executable, str(FAKE_CLI), "search", "topic 3 paragraph 2"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        while process.poll() is None and not (tmp_path / "mark").exists():
            time.sleep(0.01)
        if not _kill_at_random(process, rng, 0.4):
            break  # it finished the conversion before the kill
        kills += 1
        progress.append(_converted_so_far(home))
    assert kills >= 3 and progress[-1] > 0, progress
    assert progress == sorted(progress)  # each start resumes where the last one stopped

    doctor = subprocess.run([sys.executable, str(FAKE_CLI), "doctor", "--check"], env=env, capture_output=True,
                            text=True, timeout=300)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert _vectors(home) == _vectors(legacy)  # the same int8 vectors as an uninterrupted conversion
    search = subprocess.run([sys.executable, str(FAKE_CLI), "search", "topic 3 paragraph 2", "--json"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert search.returncode == 0 and "Topic 3 paragraph 2:" in search.stdout, search.stdout + search.stderr
