"""The memory store: every read and write of memories, their vectors and the tables around them.

FTS rows follow the memories table through triggers; vector rows are written here, in
the same transaction as their memory, and leave with it (trigger) or when forgotten.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Optional, Sequence

from second_me.domain import ConversationOrigin, DerivedOrigin, FileOrigin, Memory, Origin, TurnRef
from second_me.errors import EmbedderMismatch, NotFoundError, StorageError
from second_me.storage import fulltext, vector_index, vector_layout
from second_me.storage.db import Database
from second_me.storage.events import Events
from second_me.storage.facts import Facts
from second_me.storage.imports import ChatImports
from second_me.storage.memories import (MEMORY_COLUMNS, PERSON_FILTER, EmbeddingSource, MemoryStates, NewMemory,
                                        memory_filters, memory_from_row, person_params)
from second_me.storage.messages import Messages, add_event_dates, turns_behind
from second_me.storage.migrations import migrate
from second_me.storage.queue import IndexQueue
from second_me.storage.sources import Sources
from second_me.storage.summaries import SummaryNodes
from second_me.storage.watched import Watched


DERIVED_KINDS = ("fact", "summary", "portrait")
FROM_TURNS = 50  # at most this many of the turns a summary was written from are named
CONTEXT_WEIGHT = 0.3  # how much a turn's context (the turn it replies to) counts against its own words


def serialize_vector(vector: Sequence[float]) -> bytes:
    return vector_index.serialize(vector)


class MemoryStore:
    """The entry point to one memory's database: memories with their vectors and search
    primitives here, each other table through the object named after it."""

    def __init__(self, db: Database):
        self.db = db
        migrate(db)
        vector_layout.finish_conversion(db)  # a layout change a killed process left half-way
        self._dim: Optional[int] = self._recorded_embedder()[1]
        self.vectors = vector_index.VectorIndex()
        self.events = Events(db)
        self.states = MemoryStates(self)
        self.sources = Sources(self)
        self.queue = IndexQueue(db)
        self.watched = Watched(self)
        self.messages = Messages(self)
        self.facts = Facts(self)
        self.summaries = SummaryNodes(self)
        self.imports = ChatImports(self)
        # A chat import killed half-way is undone before anyone reads the memory.
        self.imports.undo_abandoned(time.time())

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

    # ---- memories ---------------------------------------------------------------------

    def insert_memories(self, conn, memories: Iterable[NewMemory]) -> list[int]:
        """Insert memories and their vectors inside the caller's transaction."""
        ids = []
        for m in memories:
            memory_id = conn.execute(
                "INSERT INTO memories(kind, text, source_id, message_id, start_line, end_line, page, created_at, "
                "strength, content_hash, meta, valid_from, speaker, context, reply_to) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (m.kind, m.text, m.source_id, m.message_id, m.start_line, m.end_line, m.page, m.created_at,
                 m.strength, m.content_hash, json.dumps(m.meta) if m.meta else None, m.valid_from, m.speaker,
                 m.context, m.reply_to)).lastrowid
            self.insert_vector(conn, memory_id, m.vector, m.kind, m.created_at)
            if m.about:
                add_event_dates(conn, memory_id, m.about)
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
        found = self.get_many([memory_id])
        if memory_id not in found:
            raise NotFoundError(f"no memory with id {memory_id}")
        return found[memory_id]

    def get_many(self, ids: Sequence[int]) -> dict[int, Memory]:
        """Memories by id, with the dates they tell of."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self.db.read() as conn:
            rows = conn.execute(f"SELECT {MEMORY_COLUMNS} FROM memories WHERE id IN ({marks})", tuple(ids)).fetchall()
            about: dict[int, list] = {}
            for memory_id, start, end in conn.execute(
                    f"SELECT memory_id, starts_at, ends_at FROM memory_dates WHERE memory_id IN ({marks}) "
                    "ORDER BY memory_id, rowid", tuple(ids)):
                about.setdefault(memory_id, []).append((start, end))
        return {row[0]: replace(memory_from_row(row), about=tuple(about.get(row[0], ()))) for row in rows}

    def conversations_of(self, message_ids: Sequence[int]) -> dict[int, int]:
        """message id → the id of the conversation it was said in."""
        with self.db.read() as conn:
            return {row[0]: row[1] for row in conn.execute(
                f"SELECT id, conversation_id FROM messages WHERE id IN ({','.join('?' * len(message_ids))})",
                list(message_ids))} if message_ids else {}

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
                if m.kind in DERIVED_KINDS:  # a fact or summary names the turns it came from
                    turns, total = turns_behind(conn, m.id, m.kind, FROM_TURNS)
                    refs = tuple(TurnRef(*t) for t in turns)
                    if isinstance(out.get(m.id), ConversationOrigin):
                        out[m.id] = replace(out[m.id], turns=refs, more=total - len(refs))
                    elif refs:
                        out[m.id] = DerivedOrigin(refs, total - len(refs))
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

    # ---- search primitives ------------------------------------------------------------

    def fts_any(self, match: str) -> bool:
        """Does any active memory match this FTS5 expression? (No ranking: cheap for common words.)"""
        with self.db.read() as conn:
            return fulltext.any_match(conn, match)

    def fts_any_by_or_naming(self, names: Sequence[str], match: str) -> bool:
        """Does an active memory (not a summary) said by or naming each of `names` match this FTS5 expression?"""
        with self.db.read() as conn:
            return fulltext.any_by_or_naming(conn, names, match)

    def fts_near_naming(self, names: Sequence[str], match: str, turns: int) -> bool:
        """Does a chat turn match this FTS5 expression within `turns` turns of turns by or naming each of `names`?"""
        with self.db.read() as conn:
            return fulltext.any_near_naming(conn, names, match, turns)

    def said_between_people(self, name: str) -> bool:
        """Is a name said by or named in a chat with another person (not an assistant)?"""
        with self.db.read() as conn:
            return fulltext.said_between_people(conn, name)

    def users_turns_matching(self, match: str, limit: int) -> list[tuple[str, Optional[str]]]:
        """The user's chat turns matching this FTS5 expression, each with who spoke just before it."""
        with self.db.read() as conn:
            return fulltext.users_turns_matching(conn, match, limit)

    def fts_summaries_by_or_naming(self, names: Sequence[str], match: str, limit: int = 20) -> list[str]:
        """The texts of active summaries naming each of `names` that match this FTS5 expression."""
        with self.db.read() as conn:
            return fulltext.summaries_by_or_naming(conn, names, match, limit)

    def fts_in_one_document(self, first: str, second: str) -> bool:
        """Do two FTS5 expressions match active chunks of one file (a name in its title, a detail
        in one of its sections)?"""
        if not first or not second:
            return False
        with self.db.read() as conn:
            return conn.execute(
                "SELECT 1 FROM memories a JOIN memories b ON b.source_id = a.source_id "
                "WHERE a.source_id IS NOT NULL AND a.state = 'active' AND b.state = 'active' "
                "AND a.id IN (SELECT rowid FROM memory_fts WHERE memory_fts MATCH ?) "
                "AND b.id IN (SELECT rowid FROM memory_fts WHERE memory_fts MATCH ?) LIMIT 1",
                (first, second)).fetchone() is not None

    def fts_search(self, match: str, limit: int, kinds: Sequence[str] = (), since: Optional[float] = None,
                   until: Optional[float] = None, person: Optional[str] = None, told: bool = False,
                   context_weight: float = CONTEXT_WEIGHT, bounded: bool = True) -> list[tuple[int, float]]:
        """(memory id, bm25) best first, active memories only. `match` is an FTS5 expression; a
        memory's context (the turn it replies to) counts `context_weight` as much as its own words.
        `person`: only memories by or about them. `told`: the time range also takes memories that
        tell of a date inside it ("yesterday", said the day after). Its cost is bounded at any size,
        exact below a few thousand matches (see fulltext.py; `bounded=False`: always exact)."""
        with self.db.read() as conn:
            return fulltext.search(conn, match, limit, kinds, since, until, person, told, context_weight, bounded)

    def vector_search(self, vector: Sequence[float], limit: int, kinds: Sequence[str] = (),
                      since: Optional[float] = None, until: Optional[float] = None,
                      among: Optional[Sequence[int]] = None) -> list[tuple[int, float]]:
        """(memory id, cosine similarity) best first; `among`: only these memories (exact cosine)."""
        if self._dim is None:
            return []
        if len(vector) != self._dim:
            raise EmbedderMismatch(f"query vector has {len(vector)} dims, the store {self._dim}")
        with self.db.read() as conn:
            if among is not None:
                return vector_index.search_among(conn, vector, among, limit)
            return self.vectors.search(conn, vector, limit, kinds, since, until)

    def vector_candidates(self, vector: Sequence[float], limit: int) -> list[int]:
        """What the vector index's coarse pass finds for a search of `limit` (for measuring its recall)."""
        with self.db.read() as conn:
            return self.vectors.candidates(conn, vector, limit)

    def stored_vector(self, conn, memory_id: int) -> Optional[bytes]:
        """A memory's vector as float32 bytes, whatever form the index keeps it in (None without one)."""
        if self._dim is None:
            return None
        vector = vector_index.stored_vector(conn, memory_id, self._dim)
        return None if vector is None else serialize_vector(vector)

    def people(self) -> list[str]:
        """Everyone memory knows by name: who said its turns, whom its facts are about."""
        with self.db.read() as conn:
            return [row[0] for row in conn.execute(
                "SELECT DISTINCT speaker FROM memories WHERE speaker IS NOT NULL AND state = 'active'")]

    def told_between(self, since: Optional[float], until: Optional[float], kinds: Sequence[str] = ()) -> list[int]:
        """Active memories that tell of a date in [since, until) ("yesterday", said the day after)."""
        filters, params = memory_filters(kinds, None, None, "m.")
        with self.db.read() as conn:
            return [row[0] for row in conn.execute(
                "SELECT DISTINCT m.id FROM memory_dates d JOIN memories m ON m.id = d.memory_id "
                "WHERE m.state = 'active' AND d.starts_at < ? AND d.ends_at > ?" + filters,
                [until if until is not None else 1e18, since if since is not None else -1e18, *params])]

    def any_between(self, since: float, until: float, kinds: Sequence[str] = ()) -> bool:
        """Whether an active memory was made in [since, until), or tells of a date inside it."""
        filters, params = memory_filters(kinds, since, until, told=True)
        with self.db.read() as conn:
            return conn.execute("SELECT 1 FROM memories WHERE state = 'active'" + filters + " LIMIT 1",
                                params).fetchone() is not None

    def memories_of_person(self, person: str, kinds: Sequence[str] = ()) -> list[int]:
        """Active memories by or about someone: their turns, facts about them, words naming them."""
        filters, params = memory_filters(kinds, None, None, "m.")
        with self.db.read() as conn:
            return [row[0] for row in conn.execute(
                f"SELECT m.id FROM memories m WHERE m.state = 'active' AND {PERSON_FILTER}" + filters,
                [*person_params(person), *params])]

    def tune_vector_index(self) -> bool:
        """Switch the vector index to its compact layout once the store is large, retrain it after
        much growth, rebuild its codes after many removals (see vector_index)."""
        if self._dim is None:
            return False
        with self.db.transaction() as conn:
            return vector_layout.tune(conn)

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

    def kind_counts(self, kinds: Sequence[str]) -> dict[str, int]:
        """Memories of each of `kinds`, whatever their state (kinds with none are left out)."""
        marks = ",".join("?" * len(kinds))
        with self.db.read() as conn:
            return dict(conn.execute(f"SELECT kind, count(*) FROM memories WHERE kind IN ({marks}) GROUP BY kind",
                                     tuple(kinds)).fetchall())

    def log_event(self, conn, memory_id: Optional[int], action: str, reason: str, at: float,
                  detail: Optional[dict] = None) -> None:
        self.events.log(conn, memory_id, action, reason, at, detail)

    def reinforce(self, memory_ids: Sequence[int], growth: float, now: float, reason: str) -> None:
        """Recall strengthens a memory: S ← S · growth, and its forgetting curve restarts now."""
        with self.db.transaction() as conn:
            for memory_id in memory_ids:
                updated = conn.execute("UPDATE memories SET strength = strength * ?, last_recalled_at = ?, "
                                       "recall_count = recall_count + 1 WHERE id = ? AND state = 'active'",
                                       (growth, now, memory_id)).rowcount
                if updated:
                    self.events.log(conn, memory_id, "recall", reason, now)

    def change_counter(self) -> tuple[int, int]:
        """Changes by other processes (data_version) and by this one (total_changes): two
        numbers SQLite keeps anyway, so an idle worker can look often for nothing."""
        with self.db.read() as conn:
            return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes

    def close(self) -> None:
        self.db.close()



def open_store(settings, environ=None) -> MemoryStore:
    """Open (creating if needed) the store of a home, with its key."""
    from second_me.secrets import database_key
    from second_me.storage.rekey import open_database

    path: Path = settings.db_path
    key = database_key(settings.home, settings.encryption, path.exists(), environ)
    return MemoryStore(open_database(path, key, settings.home))
