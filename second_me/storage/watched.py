"""The watched folders of a home (`watched`), and what indexing made of each (counts, last
run, the files that failed)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from second_me.domain import added_counts, count_by, reason_group
from second_me.storage.sources import FileProblem, under

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore


@dataclass(frozen=True)
class WatchedFolder:
    path: str
    added_at: float
    last_indexed_at: Optional[float]
    exists: bool
    files: int = 0  # files indexed
    chunks: int = 0
    skipped: int = 0
    errors: int = 0
    problems: tuple[FileProblem, ...] = ()  # the errors (and a few skips), newest first
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    redacted: dict[str, int] = field(default_factory=dict)  # secret spans replaced, by kind
    redacted_files: int = 0
    left_out_by_name: dict[str, int] = field(default_factory=dict)  # names the last scan passed over

    def as_json(self) -> dict:
        return {
            "path": self.path, "added_at": self.added_at, "last_indexed_at": self.last_indexed_at,
            "exists": self.exists, "files": self.files, "chunks": self.chunks, "skipped": self.skipped,
            "errors": self.errors, "skipped_by_reason": self.skipped_by_reason, "redacted": self.redacted,
            "redacted_files": self.redacted_files, "left_out_by_name": self.left_out_by_name,
            "problems": [{"path": p.path, "status": p.status, "reason": p.reason} for p in self.problems],
        }


class Watched:
    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    def roots(self) -> list[Path]:
        with self.db.read() as conn:
            return [Path(row[0]) for row in conn.execute("SELECT path FROM watched ORDER BY path")]

    def contains(self, folder: str) -> bool:
        with self.db.read() as conn:
            return conn.execute("SELECT 1 FROM watched WHERE path = ?", (folder,)).fetchone() is not None

    def add(self, folder: str, replaces: Sequence[str], now: float) -> None:
        """Watch `folder` instead of the watched folders inside it; files indexed before under it
        (by `add` or an inner watched folder) now belong to it."""
        where, params = under("path", folder)
        with self.db.transaction() as conn:
            for inner in replaces:
                conn.execute("DELETE FROM watched WHERE path = ?", (inner,))
                conn.execute("UPDATE sources SET root = ? WHERE root = ?", (folder, inner))
            conn.execute("INSERT INTO watched(path, added_at) VALUES (?, ?)", (folder, now))
            conn.execute(f"UPDATE sources SET root = ? WHERE {where}", (folder, *params))

    def remove(self, folder: str) -> None:
        """Stop watching `folder`; what is queued under it is dropped."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM watched WHERE path = ?", (folder,))
            self.store.queue.forget_under(conn, folder)

    def mark_indexed(self, roots: list[Path], now: float) -> None:
        with self.db.transaction() as conn:
            conn.executemany("UPDATE watched SET last_indexed_at = ? WHERE path = ?",
                             [(now, str(r)) for r in roots])

    def record_left_out(self, folder: str, by_reason: dict[str, int]) -> None:
        """The names a full scan of `folder` passed over, by reason (no-op if it is not watched)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE watched SET left_out = ? WHERE path = ?", (json.dumps(by_reason), folder))

    def list(self, problems_per_folder: int = 20) -> list[WatchedFolder]:
        with self.db.read() as conn:
            rows = conn.execute("SELECT path, added_at, last_indexed_at, left_out FROM watched ORDER BY path").fetchall()
        return [self._describe(path, added, last, json.loads(left_out or "{}"), problems_per_folder)
                for path, added, last, left_out in rows]

    def _describe(self, path: str, added: float, last: Optional[float], left_out: dict[str, int],
                  limit: int) -> WatchedFolder:
        where, args = under("s.path", path)
        with self.db.read() as conn:
            counts = dict(conn.execute(f"SELECT status, count(*) FROM sources s WHERE {where} GROUP BY status",
                                       args).fetchall())
            chunks = conn.execute(f"SELECT count(*) FROM memories m JOIN sources s ON s.id = m.source_id "
                                  f"WHERE {where}", args).fetchone()[0]
            problems = conn.execute(
                f"SELECT path, status, error FROM sources s WHERE {where} AND status IN ('error', 'skipped') "
                f"ORDER BY status = 'skipped', indexed_at DESC LIMIT ?", (*args, limit)).fetchall()
            reasons = conn.execute(f"SELECT error FROM sources s WHERE {where} AND status = 'skipped'", args).fetchall()
            redactions = conn.execute(f"SELECT redactions FROM sources s WHERE {where} AND status = 'indexed' "
                                      f"AND redactions IS NOT NULL", args).fetchall()
        redacted = added_counts(json.loads(spans_by_kind) for (spans_by_kind,) in redactions)
        return WatchedFolder(path, added, last, Path(path).is_dir(), counts.get("indexed", 0), chunks,
                             counts.get("skipped", 0), counts.get("error", 0),
                             tuple(FileProblem(p, s, e or "") for p, s, e in problems),
                             count_by(reason_group(e or "") for (e,) in reasons),
                             redacted, len(redactions), left_out)
