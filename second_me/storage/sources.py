"""The files memory was built from (`sources`): what was indexed when, the ones that failed
and why, and the writes that replace a file's chunks in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from second_me.domain import IndexReport, added_counts, count_by, reason_group
from second_me.storage.memories import NewMemory

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore

SOURCE_COLUMNS = "id, path, root, content_hash, mtime, size, format, status, error, indexed_at, redactions, screened"


@dataclass(frozen=True)
class SourceRecord:
    id: int
    path: str
    root: Optional[str]
    content_hash: Optional[str]
    mtime: Optional[float]
    size: Optional[int]
    format: Optional[str]
    status: str
    error: Optional[str]
    indexed_at: Optional[float]
    redactions: Optional[str] = None  # JSON {kind: spans} the secret scan replaced
    screened: Optional[str] = None  # the scan that read the file ("redact:1"...), None before scans

    def redacted(self) -> dict[str, int]:
        return json.loads(self.redactions) if self.redactions else {}


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be indexed (status "error") or was left out on purpose ("skipped")."""

    path: str
    status: str
    reason: str


def mark_summaries_dirty(conn, source_id: int) -> None:
    """Summary nodes covering a file's chunks must be rebuilt: call before those rows change."""
    conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE id IN (SELECT node_id FROM summary_children "
                 "WHERE memory_id IN (SELECT id FROM memories WHERE source_id = ?))", (source_id,))


def under(column: str, folder: str) -> tuple[str, tuple]:
    """SQL matching `column` equal to `folder` or any path inside it, with its parameters."""
    prefix = folder.rstrip("/") + "/"
    return f"({column} = ? OR substr({column}, 1, ?) = ?)", (folder, len(prefix), prefix)


class Sources:
    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    def by_path(self, path: str) -> Optional[SourceRecord]:
        with self.db.read() as conn:
            row = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE path = ?", (path,)).fetchone()
        return SourceRecord(*row) if row else None

    def with_hash(self, content_hash: str) -> list[SourceRecord]:
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE content_hash = ?", (content_hash,)).fetchall()
        return [SourceRecord(*row) for row in rows]

    def under(self, folder: str) -> list[SourceRecord]:
        where, params = under("path", folder)
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE {where} ORDER BY path", params).fetchall()
        return [SourceRecord(*row) for row in rows]

    def belonging_to(self, folder: str) -> list[SourceRecord]:
        """Files under `folder` and files recorded as found through it (older versions stored a
        linked file under its target's path, outside the folder)."""
        where, params = under("path", folder)
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE {where} OR root = ? ORDER BY path",
                                (*params, folder)).fetchall()
        return [SourceRecord(*row) for row in rows]

    def ids_matching(self, fragment: str) -> set[int]:
        """Sources whose path starts with `fragment` (absolute) or contains it (relative, e.g. "notes/")."""
        if fragment.startswith(("/", "~")):
            prefix = str(Path(fragment).expanduser())
            sql, params = "SELECT id FROM sources WHERE substr(path, 1, ?) = ?", (len(prefix), prefix)
        else:
            sql, params = "SELECT id FROM sources WHERE instr(path, ?) > 0", (fragment,)
        with self.db.read() as conn:
            return {row[0] for row in conn.execute(sql, params).fetchall()}

    def record_problem(self, path: str, root: Optional[str], status: str, error: str,
                       mtime: Optional[float], size: Optional[int], now: float, screened: Optional[str] = None) -> int:
        """Mark a file skipped or failed, with the reason; its old chunks (if any) leave search.
        Returns how many chunks left."""
        removed = 0
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            if row:
                mark_summaries_dirty(conn, row[0])
                removed = conn.execute("DELETE FROM memories WHERE source_id = ?", (row[0],)).rowcount
                conn.execute("UPDATE sources SET root = COALESCE(?, root), status = ?, error = ?, mtime = ?, size = ?, "
                             "content_hash = NULL, indexed_at = ?, redactions = NULL, screened = ? WHERE id = ?",
                             (root, status, error, mtime, size, now, screened, row[0]))
            else:
                conn.execute("INSERT INTO sources(path, root, status, error, mtime, size, indexed_at, screened) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (path, root, status, error, mtime, size, now, screened))
        return removed

    def touch(self, source_id: int, mtime: float, size: int, now: float, screened: Optional[str] = None) -> None:
        """Content unchanged: remember the new mtime (and the scan that read it again) so the next
        scan skips hashing."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE sources SET mtime = ?, size = ?, status = 'indexed', error = NULL, indexed_at = ?, "
                         "screened = COALESCE(?, screened) WHERE id = ?", (mtime, size, now, screened, source_id))

    def replace(self, path: str, root: Optional[str], content_hash: str, mtime: float, size: int,
                fmt: str, memories: Sequence[NewMemory], now: float, redactions: Optional[dict[str, int]] = None,
                screened: Optional[str] = None) -> int:
        """Write a file's new chunks in place of its old ones, in one transaction."""
        redacted = json.dumps(redactions, sort_keys=True) if redactions else None
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            if row:
                source_id = row[0]
                mark_summaries_dirty(conn, source_id)
                conn.execute("DELETE FROM memories WHERE source_id = ?", (source_id,))
                conn.execute("UPDATE sources SET root = COALESCE(?, root), content_hash = ?, mtime = ?, size = ?, "
                             "format = ?, status = 'indexed', error = NULL, indexed_at = ?, redactions = ?, "
                             "screened = ? WHERE id = ?",
                             (root, content_hash, mtime, size, fmt, now, redacted, screened, source_id))
            else:
                source_id = conn.execute(
                    "INSERT INTO sources(path, root, content_hash, mtime, size, format, status, indexed_at, "
                    "redactions, screened) VALUES (?, ?, ?, ?, ?, ?, 'indexed', ?, ?, ?)",
                    (path, root, content_hash, mtime, size, fmt, now, redacted, screened)).lastrowid
            self.store.insert_memories(conn, [m if m.source_id else replace(m, source_id=source_id) for m in memories])
        return source_id

    def move(self, old_path: str, new_path: str, root: Optional[str], mtime: float, size: int, now: float) -> None:
        """A rename: the rows follow the file, nothing is re-embedded."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM sources WHERE path = ? AND id NOT IN (SELECT id FROM sources WHERE path = ?)",
                         (new_path, old_path))
            conn.execute("UPDATE sources SET path = ?, root = COALESCE(?, root), mtime = ?, size = ?, indexed_at = ? "
                         "WHERE path = ?", (new_path, root, mtime, size, now, old_path))
            moved = conn.execute("SELECT id FROM sources WHERE path = ?", (new_path,)).fetchone()
            if moved:
                mark_summaries_dirty(conn, moved[0])  # folder summaries may now cover another folder

    def delete(self, path: str) -> int:
        """Forget a deleted file: its chunks leave search. Returns the chunks removed."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            if not row:
                return 0
            removed = conn.execute("SELECT count(*) FROM memories WHERE source_id = ?", (row[0],)).fetchone()[0]
            mark_summaries_dirty(conn, row[0])
            conn.execute("DELETE FROM memories WHERE source_id = ?", (row[0],))
            conn.execute("DELETE FROM sources WHERE id = ?", (row[0],))
        return removed

    def report_for(self, paths: list[str]) -> IndexReport:
        """What the table says about `paths` (after another process indexed them)."""
        files = chunks = errors = 0
        messages: list[str] = []
        skip_reasons: list[str] = []
        redactions: list[dict[str, int]] = []
        with self.db.read() as conn:
            for start in range(0, len(paths), 500):
                part = paths[start:start + 500]
                marks = ",".join("?" * len(part))
                for path, status, error, spans_by_kind, count in conn.execute(
                        f"SELECT s.path, s.status, s.error, s.redactions, "
                        f"(SELECT count(*) FROM memories m WHERE m.source_id = s.id) "
                        f"FROM sources s WHERE s.path IN ({marks})", part):
                    if status == "indexed":
                        files += 1
                        chunks += count
                        if spans_by_kind:
                            redactions.append(json.loads(spans_by_kind))
                    elif status == "skipped":
                        skip_reasons.append(reason_group(error or ""))
                    elif status == "error":
                        errors += 1
                        messages.append(f"{path}: {error}")
        return IndexReport(files=files, chunks=chunks, skipped=len(skip_reasons), errors=errors,
                           error_messages=tuple(messages), skipped_by_reason=count_by(skip_reasons),
                           redacted=added_counts(redactions), redacted_files=len(redactions))

    def chunk_ids(self, source_id: int, limit: int = 200) -> list[int]:
        """The active chunks of one file, in file order (a request about a document reads all of it)."""
        with self.db.read() as conn:
            rows = conn.execute("SELECT id FROM memories WHERE source_id = ? AND kind = 'chunk' AND state = 'active' "
                                "ORDER BY page, start_line, id LIMIT ?", (source_id, limit)).fetchall()
        return [row[0] for row in rows]

    def remembered(self, limit: int) -> tuple[int, list[tuple[str, int, str, int]]]:
        """How many indexed files have memories, and of the first `limit` by path: (path, chunks, the
        text of its first chunk, that chunk's memory id)."""
        joined = ("FROM sources s JOIN memories m ON m.source_id = s.id AND m.kind = 'chunk' AND m.state = 'active' "
                  "WHERE s.status = 'indexed'")
        first = ("(SELECT f.{column} FROM memories f WHERE f.source_id = s.id AND f.kind = 'chunk' "
                 "AND f.state = 'active' ORDER BY f.start_line, f.id LIMIT 1)")
        with self.db.read() as conn:
            total = conn.execute(f"SELECT count(DISTINCT s.id) {joined}").fetchone()[0]
            rows = conn.execute(
                f"SELECT s.path, count(m.id), {first.format(column='text')}, {first.format(column='id')} {joined} "
                "GROUP BY s.id ORDER BY s.path LIMIT ?", (limit,)).fetchall()
        return total, [tuple(row) for row in rows]

    def paths_of_memories(self) -> list[tuple[int, str]]:
        """(memory id, file path) for every memory that came from a file."""
        with self.db.read() as conn:
            return conn.execute("SELECT m.id, s.path FROM memories m JOIN sources s ON s.id = m.source_id").fetchall()

    def problems(self, statuses: Sequence[str] = ("error",), limit: int = 20) -> list[FileProblem]:
        """Files whose last indexing failed (or, with "skipped", was left out), newest first."""
        marks = ",".join("?" * len(statuses))
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT path, status, COALESCE(error, '') FROM sources WHERE status IN ({marks}) "
                                "ORDER BY indexed_at DESC LIMIT ?", (*statuses, limit)).fetchall()
        return [FileProblem(*row) for row in rows]
