"""Encryption at rest: unreadable without the key; private permissions; key rotation."""

from __future__ import annotations

import os
import sqlite3
import stat

import keyring
import pytest

from second_me.config import load_settings
from second_me.errors import StorageError
from second_me.storage.rekey import PENDING_SUFFIX
from second_me.storage.store import open_store
from tests.reliability.helpers import MemoryKeyring, memory_snapshot


def test_database_file_is_unreadable_without_the_key(run_cli, notes, home):
    assert run_cli("add", str(notes)).code == 0
    data = (home / "memory.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"sourdough" not in data.lower() and b"proof" not in data.lower()
    plain = sqlite3.connect(home / "memory.db")
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM memories").fetchone()
    plain.close()


def test_home_is_0700_and_files_0600(run_cli, notes, home):
    run_cli("add", str(notes))
    backup = home.parent / "copy.db"
    run_cli("backup", str(backup))
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in [*home.glob("memory.db*"), backup]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_wrong_passphrase_is_one_line_exit_5(run_cli, notes, monkeypatch):
    run_cli("add", str(notes))
    monkeypatch.setenv("SECOND_ME_PASSPHRASE", "not the passphrase")
    result = run_cli("search", "dough")
    assert result.code == 5 and "wrong key" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_rotate_passphrase(run_cli, notes, home, monkeypatch):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    monkeypatch.setenv("SECOND_ME_NEW_PASSPHRASE", "new passphrase")
    result = run_cli("key", "rotate")
    assert result.code == 0, result.err
    assert memory_snapshot(home, "new passphrase") == before
    assert run_cli("search", "dough").code == 5  # the old passphrase no longer opens it
    monkeypatch.setenv("SECOND_ME_PASSPHRASE", "new passphrase")
    assert "sourdough.md" in run_cli("search", "dough").out


def test_rotate_passphrase_without_a_new_one_is_a_usage_error(run_cli, notes, home):
    run_cli("add", str(notes))
    result = run_cli("key", "rotate")
    assert result.code == 1 and "SECOND_ME_NEW_PASSPHRASE" in result.err
    assert memory_snapshot(home)  # still opens with the old passphrase


def test_rotate_unencrypted_home_is_refused(run_cli, home):
    (home / "config.toml").write_text("encryption = false\n")
    result = run_cli("key", "rotate")
    assert result.code == 1 and "not encrypted" in result.err


@pytest.fixture
def memory_keyring(monkeypatch):
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("SECOND_ME_PASSPHRASE")
    yield backend
    keyring.set_keyring(previous)


def test_rotate_keyring_key(run_cli, notes, home, memory_keyring):
    assert run_cli("add", str(notes)).code == 0
    (old_key,) = memory_keyring.passwords.values()
    result = run_cli("key", "rotate")
    assert result.code == 0, result.err
    (new_key,) = memory_keyring.passwords.values()  # the pending entry is gone
    assert new_key != old_key and len(new_key) == 64
    assert "sourdough.md" in run_cli("search", "dough").out


def test_crash_between_rekey_and_keyring_update_does_not_lock_out(run_cli, notes, home, memory_keyring):
    """Simulate a crash right after PRAGMA rekey: the keyring still holds the old key as current."""
    run_cli("add", str(notes))
    user = str(home.resolve())
    memory_keyring.fail_on_set = {user}  # storing the new key as current "crashes"
    result = run_cli("key", "rotate")
    assert result.code == 5 and "pending key" in result.err
    assert (("second-me", user + PENDING_SUFFIX)) in memory_keyring.passwords
    memory_keyring.fail_on_set = set()
    # Next start: the old key fails, the pending one opens the store and is promoted.
    assert "sourdough.md" in run_cli("search", "dough").out
    assert list(memory_keyring.passwords) == [("second-me", user)]


def test_crash_before_rekey_keeps_the_old_key(run_cli, notes, home, memory_keyring):
    run_cli("add", str(notes))
    user = str(home.resolve())
    memory_keyring.fail_on_set = {user + PENDING_SUFFIX}
    result = run_cli("key", "rotate")
    assert result.code == 5 and "nothing changed" in result.err
    memory_keyring.fail_on_set = set()
    assert "sourdough.md" in run_cli("search", "dough").out


def test_no_keyring_and_no_passphrase_never_falls_back_to_plaintext(home, monkeypatch):
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    monkeypatch.delenv("SECOND_ME_PASSPHRASE")
    try:
        with pytest.raises(StorageError, match="SECOND_ME_PASSPHRASE"):
            open_store(load_settings(home))
    finally:
        keyring.set_keyring(previous)
    assert not (home / "memory.db").exists()


def test_export_warns_that_it_is_plaintext(run_cli, services, notes, home, tmp_path):
    """The one file second-me writes unencrypted says so, on stderr, every time; it is still 0600."""
    services.indexing.add([notes])
    services.close()
    target = tmp_path / "export.json"
    old_umask = os.umask(0)  # even a permissive umask gives a private file
    try:
        result = run_cli("export", str(target))
    finally:
        os.umask(old_umask)
    assert result.code == 0, result.err
    warning = result.err.strip().splitlines()
    assert len(warning) == 1 and "NOT encrypted" in warning[0] and "plaintext" in warning[0]
    assert str(target) in warning[0]
    assert "warning" not in result.out  # stdout stays the report, a script piping it still sees the warning
    assert b"sourdough" in target.read_bytes().lower()  # it really is plaintext...
    assert b"sourdough" not in (home / "memory.db").read_bytes().lower()  # ...unlike the store
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("export.json.partial"))

    refused = run_cli("export", str(tmp_path / "no-such-folder" / "export.json"))
    assert refused.code == 2 and "NOT encrypted" not in refused.err  # not found, as for backup: nothing to warn about
    assert not (tmp_path / "no-such-folder").exists()
