"""The watched folders of a home, and what indexing made of each (counts, last run, errors)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from second_me.errors import InputRejected, NotFoundError
from second_me.storage.store import MemoryStore


@dataclass(frozen=True)
class FileProblem:
    path: str
    status: str  # "error" | "skipped"
    reason: str


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

    def as_json(self) -> dict:
        return {
            "path": self.path, "added_at": self.added_at, "last_indexed_at": self.last_indexed_at,
            "exists": self.exists, "files": self.files, "chunks": self.chunks, "skipped": self.skipped,
            "errors": self.errors,
            "problems": [{"path": p.path, "status": p.status, "reason": p.reason} for p in self.problems],
        }


def _prefix(path: str) -> str:
    return path.rstrip("/") + "/"


class WatchedFolders:
    def __init__(self, store: MemoryStore):
        self.store = store

    def roots(self) -> list[Path]:
        with self.store.db.read() as conn:
            return [Path(row[0]) for row in conn.execute("SELECT path FROM watched ORDER BY path")]

    def add(self, path: Path, now: float) -> tuple[Path, list[Path]]:
        """Watch a folder. Returns (the folder, watched folders it replaces because it contains them)."""
        path = Path(path).expanduser()
        if not path.exists():
            raise NotFoundError(f"no such folder: {path}")
        if not path.is_dir():
            raise InputRejected(f"{path} is a file: watch its folder, or index it once with `second-me add`")
        path = path.resolve()
        roots = self.roots()
        for root in roots:
            if path == root or str(path).startswith(_prefix(str(root))):
                raise InputRejected(f"{path} is already watched (as part of {root})")
        inner = [r for r in roots if str(r).startswith(_prefix(str(path)))]
        with self.store.db.transaction() as conn:
            for root in inner:
                conn.execute("DELETE FROM watched WHERE path = ?", (str(root),))
            conn.execute("INSERT INTO watched(path, added_at) VALUES (?, ?)", (str(path), now))
            # Files indexed before (by `add` or an inner watched folder) now belong to this root.
            conn.execute("UPDATE sources SET root = ? WHERE path = ? OR substr(path, 1, ?) = ?",
                         (str(path), str(path), len(_prefix(str(path))), _prefix(str(path))))
        return path, inner

    def remove(self, path: Path, forget: bool) -> tuple[Path, int]:
        """Stop watching. With `forget`, the folder's files leave memory. Returns (folder, chunks removed)."""
        target = str(Path(path).expanduser().resolve()) if Path(path).expanduser().exists() else str(path).rstrip("/")
        with self.store.db.read() as conn:
            row = conn.execute("SELECT path FROM watched WHERE path = ?", (target,)).fetchone()
        if row is None:
            raise NotFoundError(f"{target} is not watched (see `second-me watch list`)")
        removed = 0
        if forget:
            for source in self.store.sources_under(target):
                removed += self.store.delete_source(source.path)
        with self.store.db.transaction() as conn:
            conn.execute("DELETE FROM watched WHERE path = ?", (target,))
            conn.execute("DELETE FROM queue WHERE path = ? OR substr(path, 1, ?) = ?",
                         (target, len(_prefix(target)), _prefix(target)))
        return Path(target), removed

    def mark_indexed(self, roots: list[Path], now: float) -> None:
        with self.store.db.transaction() as conn:
            conn.executemany("UPDATE watched SET last_indexed_at = ? WHERE path = ?",
                             [(now, str(r)) for r in roots])

    def list(self, problems_per_folder: int = 20) -> list[WatchedFolder]:
        with self.store.db.read() as conn:
            rows = conn.execute("SELECT path, added_at, last_indexed_at FROM watched ORDER BY path").fetchall()
        return [self._describe(path, added, last, problems_per_folder) for path, added, last in rows]

    def _describe(self, path: str, added: float, last: Optional[float], limit: int) -> WatchedFolder:
        prefix = _prefix(path)
        under = "(s.path = ? OR substr(s.path, 1, ?) = ?)"
        args = (path, len(prefix), prefix)
        with self.store.db.read() as conn:
            counts = dict(conn.execute(f"SELECT status, count(*) FROM sources s WHERE {under} GROUP BY status",
                                       args).fetchall())
            chunks = conn.execute(f"SELECT count(*) FROM memories m JOIN sources s ON s.id = m.source_id "
                                  f"WHERE {under}", args).fetchone()[0]
            problems = conn.execute(
                f"SELECT path, status, error FROM sources s WHERE {under} AND status IN ('error', 'skipped') "
                f"ORDER BY status = 'skipped', indexed_at DESC LIMIT ?", (*args, limit)).fetchall()
        return WatchedFolder(path, added, last, Path(path).is_dir(), counts.get("indexed", 0), chunks,
                             counts.get("skipped", 0), counts.get("error", 0),
                             tuple(FileProblem(p, s, e or "") for p, s, e in problems))


def file_errors(store: MemoryStore, limit: int = 20) -> list[FileProblem]:
    """Files whose last indexing failed, newest first (for doctor)."""
    with store.db.read() as conn:
        rows = conn.execute("SELECT path, status, error FROM sources WHERE status = 'error' "
                            "ORDER BY indexed_at DESC LIMIT ?", (limit,)).fetchall()
    return [FileProblem(p, s, e or "") for p, s, e in rows]
