"""The event log: append-only, every forget/restore/supersede/prune/pin/recall, so a change
can be explained."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from second_me.storage.db import Database

EVENT_COLUMNS = "id, memory_id, action, reason, at, detail"


@dataclass(frozen=True)
class Event:
    id: int
    memory_id: Optional[int]
    action: str
    reason: Optional[str]
    at: float
    detail: Optional[dict]

    def as_json(self) -> dict:
        return {"id": self.id, "memory_id": self.memory_id, "action": self.action, "reason": self.reason,
                "at": self.at, "detail": self.detail}


def _event(row) -> Event:
    return Event(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]) if row[5] else None)


class Events:
    def __init__(self, db: Database):
        self.db = db

    def log(self, conn, memory_id: Optional[int], action: str, reason: str, at: float,
            detail: Optional[dict] = None) -> None:
        """Append one event inside the caller's transaction (the change it explains)."""
        conn.execute("INSERT INTO events(memory_id, action, reason, at, detail) VALUES (?, ?, ?, ?, ?)",
                     (memory_id, action, reason, at, json.dumps(detail) if detail else None))

    def of_memory(self, memory_id: int) -> list[Event]:
        """A memory's events, oldest first."""
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE memory_id = ? ORDER BY at, id",
                                (memory_id,)).fetchall()
        return [_event(row) for row in rows]
