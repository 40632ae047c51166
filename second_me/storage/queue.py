"""The persistent index queue: watchers and commands only enqueue; one indexer drains it.

A row leaves the queue only after the file's chunks are committed, so a process killed
at any moment resumes where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from second_me.storage.db import Database
from second_me.storage.sources import under


@dataclass(frozen=True)
class QueueItem:
    id: int
    path: str
    event: str  # "upsert" | "delete"
    root: Optional[str]
    attempts: int
    enqueued_at: float


class IndexQueue:
    def __init__(self, db: Database):
        self.db = db

    def enqueue(self, items: Iterable[tuple[str, str, Optional[str]]], now: float) -> int:
        """Add (path, event, root) rows; a path already queued keeps one row with the newest event."""
        rows = [(path, event, root, now) for path, event, root in items]
        if not rows:
            return 0
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO queue(path, event, root, enqueued_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET event = excluded.event, root = COALESCE(excluded.root, root), "
                "enqueued_at = MAX(excluded.enqueued_at, queue.enqueued_at + 0.001), attempts = 0, last_error = NULL",
                rows)
        return len(rows)

    def pending(self, limit: int = 1000) -> list[QueueItem]:
        """Oldest first; upserts before deletes so a rename finds its old rows to move."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT id, path, event, root, attempts, enqueued_at FROM queue "
                "ORDER BY event = 'delete', id LIMIT ?", (limit,)).fetchall()
        return [QueueItem(*row) for row in rows]

    def size(self) -> int:
        with self.db.read() as conn:
            return conn.execute("SELECT count(*) FROM queue").fetchone()[0]

    def remaining(self, paths: list[str]) -> int:
        """How many of `paths` are still waiting."""
        count = 0
        with self.db.read() as conn:
            for start in range(0, len(paths), 500):
                part = paths[start:start + 500]
                count += conn.execute(f"SELECT count(*) FROM queue WHERE path IN ({','.join('?' * len(part))})",
                                      part).fetchone()[0]
        return count

    def done(self, item: QueueItem) -> None:
        # Only the row we took: if the file was re-queued meanwhile (a later enqueued_at,
        # even under a fixed clock), its newer row stays.
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM queue WHERE id = ? AND enqueued_at = ?", (item.id, item.enqueued_at))

    def forget_under(self, conn, folder: str) -> None:
        """Drop what is queued under a folder no longer watched (inside the caller's transaction)."""
        where, params = under("path", folder)
        conn.execute(f"DELETE FROM queue WHERE {where}", params)
