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


CITIES = ("Lisbon", "Berlin", "Porto", "Oslo", "Madrid")
EMPLOYERS = ("Acme", "Globex", "Initech")


def chat_batch(batch: int, days: int = 5, turns_per_day: int = 8) -> list[dict]:
    """Import lines for `days` days of chats starting 5·batch days after 2024-01-01: each day the
    user says where she lives and works (facts that supersede each other) and chats on."""
    import random
    from datetime import datetime, timedelta, timezone

    rng = random.Random(batch)
    start = datetime(2024, 1, 1, 9, tzinfo=timezone.utc) + timedelta(days=batch * days)
    lines = []
    for d in range(days):
        day = start + timedelta(days=d)
        for t in range(turns_per_day):
            if t == 0:
                text = f"I moved to {CITIES[(batch * days + d) % len(CITIES)]} last month."
            elif t == 1:
                text = f"I work at {EMPLOYERS[(batch + d) % len(EMPLOYERS)]} now."
            else:
                text = f"Day {batch}-{d} note {t}: " + " ".join(f"word{rng.randrange(200)}" for _ in range(20))
            user = t < 2 or t % 2 == 0
            lines.append({"conversation": f"chat {day:%Y-%m-%d}", "speaker": "Maya" if user else "helper",
                          "role": "user" if user else "assistant", "text": text,
                          "timestamp": (day + timedelta(minutes=7 * t)).isoformat(), "id": f"b{batch}d{d}t{t}"})
    return lines


def write_chat_file(path: Path, batch: int, **kwargs) -> Path:
    import json

    path.write_text("".join(json.dumps(line) + "\n" for line in chat_batch(batch, **kwargs)))
    return path
