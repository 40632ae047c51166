"""The memory store: every read and write of memories, sources and their indexes.

FTS rows follow the memories table through triggers; vector rows are written here, in
the same transaction as their memory, and leave with it (trigger) or when forgotten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from second_me.domain import ConversationOrigin, FileOrigin, Memory, Origin
from second_me.errors import EmbedderMismatch, NotFoundError, StorageError
from second_me.storage import vector_index
from second_me.storage.db import Database
from second_me.storage.migrations import migrate

MEMORY_COLUMNS = (
    "id, kind, text, created_at, last_recalled_at, strength, recall_count, pinned, state, "
    "source_id, message_id, start_line, end_line, superseded_by, valid_from, valid_to, parent_id"
)


def serialize_vector(vector: Sequence[float]) -> bytes:
    return vector_index.serialize(vector)


def _memory(row) -> Memory:
    return Memory(
        id=row[0], kind=row[1], text=row[2], created_at=row[3], last_recalled_at=row[4],
        strength=row[5], recall_count=row[6], pinned=bool(row[7]), state=row[8],
        source_id=row[9], message_id=row[10], start_line=row[11], end_line=row[12],
        superseded_by=row[13], valid_from=row[14], valid_to=row[15], parent_id=row[16],
    )


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


SOURCE_COLUMNS = "id, path, root, content_hash, mtime, size, format, status, error, indexed_at"


@dataclass(frozen=True)
class EmbeddingSource:
    """What a memory's vector is computed from: its text, and for a file chunk its file and meta."""

    id: int
    kind: str
    text: str
    path: Optional[str]
    meta: dict
    created_at: float


@dataclass(frozen=True)
class NewMemory:
    """A memory about to be written, with its vector."""

    kind: str
    text: str
    vector: Sequence[float]
    created_at: float
    strength: float
    source_id: Optional[int] = None
    message_id: Optional[int] = None
    start_line: Optional[int] = None
    end_line: Optional[int] = None
    page: Optional[int] = None
    content_hash: Optional[str] = None
    meta: Optional[dict] = None
    valid_from: Optional[float] = None


class MemoryStore:
    def __init__(self, db: Database):
        self.db = db
        migrate(db)
        self._dim: Optional[int] = self._recorded_embedder()[1]
        self.vectors = vector_index.VectorIndex()

    # ---- embedding model -------------------------------------------------------------

    def _recorded_embedder(self) -> tuple[Optional[str], Optional[int]]:
        with self.db.read() as conn:
            row = conn.execute("SELECT model_id, dim FROM embedding_model WHERE id = 1").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def recorded_embedder(self) -> tuple[Optional[str], Optional[int]]:
        return self._recorded_embedder()

    def use_embedder(self, model_id: str, dim: int, now: float) -> None:
        """Record the embedder on first use; refuse to mix vectors of another one."""
        recorded_id, recorded_dim = self._recorded_embedder()
        if recorded_id is None:
            with self.db.transaction() as conn:
                conn.execute("INSERT OR REPLACE INTO embedding_model(id, model_id, dim, recorded_at) VALUES (1, ?, ?, ?)",
                             (model_id, dim, now))
                self._create_vector_table(conn, dim)
            self._dim = dim
            return
        if recorded_id != model_id or recorded_dim != dim:
            raise EmbedderMismatch(
                f"memories were embedded with {recorded_id} ({recorded_dim} dims), not {model_id} ({dim} dims): "
                "run `second-me reembed` to switch, or set embed_model back")
        self._dim = recorded_dim  # another process may have recorded it after this store was opened

    @staticmethod
    def _create_vector_table(conn, dim: int) -> None:
        vector_index.create_tables(conn, dim)
        conn.execute("DROP TRIGGER IF EXISTS memories_vec_delete")
        conn.execute("CREATE TRIGGER memories_vec_delete AFTER DELETE ON memories BEGIN "
                     "DELETE FROM memory_vec WHERE rowid = old.id; END")

    def reset_embedder(self, model_id: str, dim: int, now: float) -> None:
        """Switch embedders: drop every vector; the caller re-embeds all active memories."""
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO embedding_model(id, model_id, dim, recorded_at) VALUES (1, ?, ?, ?)",
                         (model_id, dim, now))
            self._create_vector_table(conn, dim)
        self._dim = dim

    @property
    def has_vectors(self) -> bool:
        return self._dim is not None

    # ---- sources ----------------------------------------------------------------------

    def source_by_path(self, path: str) -> Optional[SourceRecord]:
        with self.db.read() as conn:
            row = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE path = ?", (path,)).fetchone()
        return SourceRecord(*row) if row else None

    def sources_with_hash(self, content_hash: str) -> list[SourceRecord]:
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE content_hash = ?", (content_hash,)).fetchall()
        return [SourceRecord(*row) for row in rows]

    def sources_under(self, root: str) -> list[SourceRecord]:
        prefix = root.rstrip("/") + "/"
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {SOURCE_COLUMNS} FROM sources WHERE path = ? OR substr(path, 1, ?) = ? ORDER BY path",
                (root, len(prefix), prefix)).fetchall()
        return [SourceRecord(*row) for row in rows]

    def source_ids_matching(self, fragment: str) -> set[int]:
        """Sources whose path starts with `fragment` (absolute) or contains it (relative, e.g. "notes/")."""
        if fragment.startswith(("/", "~")):
            prefix = str(Path(fragment).expanduser())
            sql, params = "SELECT id FROM sources WHERE substr(path, 1, ?) = ?", (len(prefix), prefix)
        else:
            sql, params = "SELECT id FROM sources WHERE instr(path, ?) > 0", (fragment,)
        with self.db.read() as conn:
            return {row[0] for row in conn.execute(sql, params).fetchall()}

    def record_source_problem(self, path: str, root: Optional[str], status: str, error: str,
                              mtime: Optional[float], size: Optional[int], now: float) -> None:
        """Mark a file skipped or failed, with the reason; its old chunks (if any) leave search."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            if row:
                mark_summaries_dirty(conn, row[0])
                conn.execute("DELETE FROM memories WHERE source_id = ?", (row[0],))
                conn.execute("UPDATE sources SET status = ?, error = ?, mtime = ?, size = ?, content_hash = NULL, "
                             "indexed_at = ? WHERE id = ?", (status, error, mtime, size, now, row[0]))
            else:
                conn.execute("INSERT INTO sources(path, root, status, error, mtime, size, indexed_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", (path, root, status, error, mtime, size, now))

    def touch_source(self, source_id: int, mtime: float, size: int, now: float) -> None:
        """Content unchanged: remember the new mtime so the next scan skips hashing."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE sources SET mtime = ?, size = ?, status = 'indexed', error = NULL, indexed_at = ? "
                         "WHERE id = ?", (mtime, size, now, source_id))

    def replace_source(self, path: str, root: Optional[str], content_hash: str, mtime: float, size: int,
                       fmt: str, memories: Sequence[NewMemory], now: float) -> int:
        """Write a file's new chunks in place of its old ones, in one transaction."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
            if row:
                source_id = row[0]
                mark_summaries_dirty(conn, source_id)
                conn.execute("DELETE FROM memories WHERE source_id = ?", (source_id,))
                conn.execute("UPDATE sources SET root = COALESCE(?, root), content_hash = ?, mtime = ?, size = ?, "
                             "format = ?, status = 'indexed', error = NULL, indexed_at = ? WHERE id = ?",
                             (root, content_hash, mtime, size, fmt, now, source_id))
            else:
                source_id = conn.execute(
                    "INSERT INTO sources(path, root, content_hash, mtime, size, format, status, indexed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'indexed', ?)",
                    (path, root, content_hash, mtime, size, fmt, now)).lastrowid
            self.insert_memories(conn, [m if m.source_id else _with_source(m, source_id) for m in memories])
        return source_id

    def move_source(self, old_path: str, new_path: str, root: Optional[str], mtime: float, size: int, now: float) -> None:
        """A rename: the rows follow the file, nothing is re-embedded."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM sources WHERE path = ? AND id NOT IN (SELECT id FROM sources WHERE path = ?)",
                         (new_path, old_path))
            conn.execute("UPDATE sources SET path = ?, root = COALESCE(?, root), mtime = ?, size = ?, indexed_at = ? "
                         "WHERE path = ?", (new_path, root, mtime, size, now, old_path))
            moved = conn.execute("SELECT id FROM sources WHERE path = ?", (new_path,)).fetchone()
            if moved:
                mark_summaries_dirty(conn, moved[0])  # folder summaries may now cover another folder

    def delete_source(self, path: str) -> int:
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

    # ---- memories ---------------------------------------------------------------------

    def insert_memories(self, conn, memories: Iterable[NewMemory]) -> list[int]:
        """Insert memories and their vectors inside the caller's transaction."""
        ids = []
        for m in memories:
            memory_id = conn.execute(
                "INSERT INTO memories(kind, text, source_id, message_id, start_line, end_line, page, created_at, "
                "strength, content_hash, meta, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (m.kind, m.text, m.source_id, m.message_id, m.start_line, m.end_line, m.page, m.created_at,
                 m.strength, m.content_hash, json.dumps(m.meta) if m.meta else None, m.valid_from)).lastrowid
            self.insert_vector(conn, memory_id, m.vector, m.kind, m.created_at)
            ids.append(memory_id)
        return ids

    def insert_vector(self, conn, memory_id: int, vector: Sequence[float], kind: str, created_at: float) -> None:
        if self._dim is None:
            raise StorageError("no embedding model is recorded yet: call use_embedder first")
        if len(vector) != self._dim:
            raise EmbedderMismatch(f"vector of {len(vector)} dims for a store of {self._dim} dims")
        self.vectors.insert(conn, memory_id, vector, kind, created_at)

    def add_memories(self, memories: Sequence[NewMemory]) -> list[int]:
        with self.db.transaction() as conn:
            return self.insert_memories(conn, memories)

    def get(self, memory_id: int) -> Memory:
        with self.db.read() as conn:
            row = conn.execute(f"SELECT {MEMORY_COLUMNS} FROM memories WHERE id = ?", (memory_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no memory with id {memory_id}")
        return _memory(row)

    def get_many(self, ids: Sequence[int]) -> dict[int, Memory]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {MEMORY_COLUMNS} FROM memories WHERE id IN ({marks})", tuple(ids)).fetchall()
        return {row[0]: _memory(row) for row in rows}

    def origins(self, memories: Sequence[Memory]) -> dict[int, Origin]:
        """Where each memory came from: a file range or a conversation turn."""
        out: dict[int, Origin] = {}
        with self.db.read() as conn:
            for m in memories:
                if m.source_id is not None:
                    row = conn.execute("SELECT path FROM sources WHERE id = ?", (m.source_id,)).fetchone()
                    if row:
                        page = conn.execute("SELECT page FROM memories WHERE id = ?", (m.id,)).fetchone()[0]
                        out[m.id] = FileOrigin(row[0], m.start_line, m.end_line, page)
                elif m.message_id is not None:
                    row = conn.execute(
                        "SELECT c.name, msg.external_id, msg.speaker, msg.ts FROM messages msg "
                        "JOIN conversations c ON c.id = msg.conversation_id WHERE msg.id = ?", (m.message_id,)).fetchone()
                    if row:
                        from datetime import datetime, timezone

                        stamp = datetime.fromtimestamp(row[3], timezone.utc).isoformat()
                        out[m.id] = ConversationOrigin(row[0], row[1], row[2], stamp)
        return out

    def memories_without_vectors(self) -> list[EmbeddingSource]:
        """Active memories that have no vector, by id (what re-embedding works through)."""
        return self._embedding_sources("m.state = 'active' AND m.id NOT IN (SELECT rowid FROM memory_vec) ORDER BY m.id")

    def embedding_source(self, memory_id: int) -> EmbeddingSource:
        return self._embedding_sources("m.id = ?", (memory_id,))[0]

    def _embedding_sources(self, where: str, params: tuple = ()) -> list[EmbeddingSource]:
        with self.db.read() as conn:
            rows = conn.execute("SELECT m.id, m.kind, m.text, s.path, m.meta, m.created_at FROM memories m "
                                f"LEFT JOIN sources s ON s.id = m.source_id WHERE {where}", params).fetchall()
        return [EmbeddingSource(i, kind, text, path, json.loads(meta) if meta else {}, created)
                for i, kind, text, path, meta, created in rows]

    def chunk_count_for_source(self, source_id: int) -> int:
        with self.db.read() as conn:
            return conn.execute("SELECT count(*) FROM memories WHERE source_id = ?", (source_id,)).fetchone()[0]

    # ---- search primitives ------------------------------------------------------------

    def fts_any(self, match: str) -> bool:
        """Does any active memory match this FTS5 expression? No ranking: a word in 10k memories costs
        no more than a word in one."""
        if not match:
            return False
        with self.db.read() as conn:
            return conn.execute("SELECT 1 FROM memory_fts JOIN memories m ON m.id = memory_fts.rowid "
                                "WHERE memory_fts MATCH ? AND m.state = 'active' LIMIT 1", (match,)).fetchone() is not None

    def fts_search(self, match: str, limit: int, kinds: Sequence[str] = (), since: Optional[float] = None,
                   until: Optional[float] = None) -> list[tuple[int, float]]:
        """(memory id, bm25) best first, active memories only. `match` is an FTS5 expression."""
        if not match:
            return []
        sql = ("SELECT m.id, bm25(memory_fts) AS rank FROM memory_fts JOIN memories m ON m.id = memory_fts.rowid "
               "WHERE memory_fts MATCH ? AND m.state = 'active'")
        params: list = [match]
        sql, params = _add_filters(sql, params, kinds, since, until, "m.")
        sql += " ORDER BY rank LIMIT ?"
        params.append(limit)
        with self.db.read() as conn:
            return [(row[0], row[1]) for row in conn.execute(sql, params).fetchall()]

    def vector_search(self, vector: Sequence[float], limit: int, kinds: Sequence[str] = (),
                      since: Optional[float] = None, until: Optional[float] = None) -> list[tuple[int, float]]:
        """(memory id, cosine similarity) best first."""
        if self._dim is None:
            return []
        if len(vector) != self._dim:
            raise EmbedderMismatch(f"query vector has {len(vector)} dims, the store {self._dim}")
        filters, params = _add_filters("", [], kinds, since, until, "")
        with self.db.read() as conn:
            return self.vectors.search(conn, vector, limit, filters, params)

    def tune_vector_index(self) -> bool:
        """Train or retrain the vector index's projection when the store has grown enough (see vector_index)."""
        if self._dim is None:
            return False
        with self.db.transaction() as conn:
            return vector_index.tune(conn, self.vectors)

    # ---- counts and housekeeping ------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.db.read() as conn:
            by_kind = dict(conn.execute(
                "SELECT kind, count(*) FROM memories WHERE state = 'active' GROUP BY kind").fetchall())
            forgotten = conn.execute("SELECT count(*) FROM memories WHERE state = 'forgotten'").fetchone()[0]
            total = conn.execute("SELECT count(*) FROM memories").fetchone()[0]
            sources = conn.execute("SELECT count(*) FROM sources WHERE status = 'indexed'").fetchone()[0]
            errors = conn.execute("SELECT count(*) FROM sources WHERE status = 'error'").fetchone()[0]
            queued = conn.execute("SELECT count(*) FROM queue").fetchone()[0]
        return {
            "memories": total,
            "chunks": by_kind.get("chunk", 0),
            "messages": by_kind.get("message", 0),
            "facts": by_kind.get("fact", 0),
            "summaries": by_kind.get("summary", 0) + by_kind.get("portrait", 0),
            "forgotten": forgotten,
            "files": sources,
            "file_errors": errors,
            "queued": queued,
        }

    def log_event(self, conn, memory_id: Optional[int], action: str, reason: str, at: float,
                  detail: Optional[dict] = None) -> None:
        conn.execute("INSERT INTO events(memory_id, action, reason, at, detail) VALUES (?, ?, ?, ?, ?)",
                     (memory_id, action, reason, at, json.dumps(detail) if detail else None))

    def get_meta(self, key: str) -> Optional[str]:
        with self.db.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.db.close()


def mark_summaries_dirty(conn, source_id: int) -> None:
    """Summary nodes covering a file's chunks must be rebuilt: call before those rows change."""
    conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE id IN (SELECT node_id FROM summary_children "
                 "WHERE memory_id IN (SELECT id FROM memories WHERE source_id = ?))", (source_id,))


def _with_source(m: NewMemory, source_id: int) -> NewMemory:
    from dataclasses import replace

    return replace(m, source_id=source_id)


def _add_filters(sql: str, params: list, kinds: Sequence[str], since: Optional[float], until: Optional[float],
                 prefix: str) -> tuple[str, list]:
    if kinds:
        if len(kinds) == 1:
            sql += f" AND {prefix}kind = ?"
        else:
            sql += f" AND {prefix}kind IN ({','.join('?' * len(kinds))})"
        params.extend(kinds)
    if since is not None:
        if prefix:
            # A fact learnt before `since` still counts while it held (valid_to after since).
            sql += (f" AND ({prefix}created_at >= ? OR ({prefix}kind = 'fact' AND "
                    f"({prefix}valid_to IS NULL OR {prefix}valid_to > ?)))")
            params.extend([float(since), float(since)])
        else:
            sql += f" AND {prefix}created_at >= ?"
            params.append(float(since))
    if until is not None:
        sql += f" AND {prefix}created_at < ?"
        params.append(float(until))
    return sql, params


def open_store(settings, environ=None) -> MemoryStore:
    """Open (creating if needed) the store of a home, with its key."""
    from second_me.secrets import database_key
    from second_me.storage.rekey import open_database

    path: Path = settings.db_path
    key = database_key(settings.home, settings.encryption, path.exists(), environ)
    return MemoryStore(open_database(path, key, settings.home))
