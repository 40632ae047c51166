"""Backups: consistent, encrypted with the store's key, restorable; restore never loses data."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.reliability.helpers import memory_snapshot

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_backup_restore_round_trip(run_cli, notes, home, tmp_path):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    backup = tmp_path / "memory-backup.db"
    result = run_cli("backup", str(backup))
    assert result.code == 0 and "backed up 8 memories" in result.out
    assert not backup.read_bytes().startswith(b"SQLite format 3")

    # Lose the memory entirely, then restore it into a fresh home.
    fresh = tmp_path / "fresh-home"
    fresh.mkdir()
    restored = run_cli("restore", str(backup), home_path=fresh)
    assert restored.code == 0, restored.err
    assert memory_snapshot(fresh) == before
    assert "sourdough.md" in run_cli("search", "proofing dough", home_path=fresh).out
    assert run_cli("doctor", "--check", home_path=fresh).code == 0


def test_restore_refuses_to_undo_newer_changes_without_force(run_cli, notes, home, tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "garden.md").write_text("# Garden\nThe tomatoes go in after the last frost.\n")
    run_cli("add", str(tmp_path / "one"))
    backup = tmp_path / "b.db"
    run_cli("backup", str(backup))
    run_cli("add", str(notes))  # a change the backup does not have
    newer = memory_snapshot(home)

    refused = run_cli("restore", str(backup))
    assert refused.code == 3 and "--force" in refused.err
    assert memory_snapshot(home) == newer

    forced = run_cli("restore", str(backup), "--force")
    assert forced.code == 0, forced.err
    assert len(memory_snapshot(home)) == 1
    kept = list(home.glob("memory.db.before-restore-*"))
    assert len(kept) == 1 and "kept in" in forced.out
    # The previous memory is itself a valid backup: restoring it brings everything back.
    assert run_cli("restore", str(kept[0]), "--force").code == 0
    assert memory_snapshot(home) == newer


def test_restore_with_another_key_or_a_bad_file_changes_nothing(run_cli, notes, home, tmp_path, monkeypatch):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    result = run_cli("restore", str(junk))
    assert result.code == 5 and len(result.err.strip().splitlines()) == 1
    assert run_cli("restore", str(tmp_path / "missing.db")).code == 2

    other = tmp_path / "other-home"
    other.mkdir()
    monkeypatch.setenv("SECOND_ME_PASSPHRASE", "another key")
    run_cli("add", str(notes), home_path=other)
    run_cli("backup", str(tmp_path / "other.db"), home_path=other)
    monkeypatch.setenv("SECOND_ME_PASSPHRASE", "test-passphrase")
    result = run_cli("restore", str(tmp_path / "other.db"), "--force")
    assert result.code == 5 and "another key" in result.err
    assert memory_snapshot(home) == before


def test_backup_onto_the_live_database_is_refused(run_cli, notes, home):
    run_cli("add", str(notes))
    result = run_cli("backup", str(home / "memory.db"))
    assert result.code == 3 and "live database" in result.err


WRITER = textwrap.dedent("""
    import sys, time
    from second_me.config import load_settings
    from second_me.storage.store import open_store
    store = open_store(load_settings(sys.argv[1]))
    print("ready", flush=True)
    i = 0
    while True:  # one committed row per transaction, as fast as possible, until killed
        with store.db.transaction() as conn:
            conn.execute("INSERT INTO events(memory_id, action, reason, at) VALUES (NULL, 'test', ?, ?)", (str(i), time.time()))
        i += 1
""")


def test_backup_is_consistent_while_another_process_writes(run_cli, notes, home, tmp_path):
    run_cli("add", str(notes))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(home)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    try:
        assert writer.stdout.readline().strip() == "ready"
        for n in range(3):
            backup = tmp_path / f"live-{n}.db"
            result = run_cli("backup", str(backup))
            assert result.code == 0, result.err
            fresh = tmp_path / f"restored-{n}"
            fresh.mkdir()
            assert run_cli("restore", str(backup), home_path=fresh).code == 0
            assert run_cli("doctor", "--check", home_path=fresh).code == 0
            # The writer's rows are numbered 0, 1, 2...: a consistent snapshot holds a prefix.
            from sqlcipher3 import dbapi2
            conn = dbapi2.connect(str(backup))
            conn.execute("PRAGMA key = 'test-passphrase'")
            reasons = sorted(int(r) for (r,) in conn.execute("SELECT reason FROM events WHERE action = 'test'"))
            conn.close()
            assert reasons == list(range(len(reasons)))
        assert writer.poll() is None, "the writer must never have failed with 'database is locked'"
    finally:
        writer.kill()
        writer.wait()
