"""Helpers for the reliability tests: a snapshot of stored memories, an in-memory keyring."""

from __future__ import annotations

from pathlib import Path

import keyring.backend


def memory_snapshot(home: Path, passphrase: str = "test-passphrase") -> list[tuple]:
    """Every memory row (id, kind, text, strength, recalls, state), read straight from the file."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(home / "memory.db"))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        return conn.execute("SELECT id, kind, text, strength, recall_count, last_recalled_at, state "
                            "FROM memories ORDER BY id").fetchall()
    finally:
        conn.close()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict, so tests never touch the OS keyring."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.fail_on_set: set[str] = set()

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        if username in self.fail_on_set:
            raise keyring.errors.PasswordSetError("simulated keyring failure")
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.passwords:
            raise keyring.errors.PasswordDeleteError("not there")
        del self.passwords[(service, username)]
