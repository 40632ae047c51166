"""What happens to a memory over its life: pin, unpin, forget, restore, prune, and the
event log that explains each change (DESIGN §5).

Forgetting takes a memory out of search (its vector moves to `memory_archive`, and
search reads active memories only) but keeps its text, so a restore needs no
re-embedding and nothing vanishes without a trace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from second_me.domain import Memory, Origin
from second_me.errors import InputRejected
from second_me.memory.reembed import embedding_text
from second_me.retention import RetentionPolicy
from second_me.models.base import Embedder
from second_me.storage.store import MEMORY_COLUMNS, MemoryStore, _memory, serialize_vector

# Summaries are rebuilt from their children rather than decaying away.
PRUNABLE_KINDS = ("chunk", "message", "fact")


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


@dataclass(frozen=True)
class MemoryView:
    """A memory as the user sees it: with its retention now and where it came from."""

    memory: Memory
    retention: float
    origin: Origin = None


@dataclass(frozen=True)
class MemoryDetail:
    view: MemoryView
    events: tuple[Event, ...]
    summaries: tuple[int, ...]  # summary memories that cover this one
    children: tuple[int, ...]  # for a summary: the memories it summarises
    linked_turns: tuple[int, ...]  # for a fact: the message memories it was learnt from


@dataclass(frozen=True)
class PruneCandidate:
    memory: Memory
    retention: float
    summary_id: int


def _event(row) -> Event:
    return Event(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]) if row[5] else None)


class MemoryLifecycle:
    def __init__(self, store: MemoryStore, policy: RetentionPolicy, embedder: Callable[[], Embedder],
                 prune_threshold: float):
        self.store = store
        self.policy = policy
        self._embedder = embedder
        self.prune_threshold = prune_threshold

    # ---- reading ------------------------------------------------------------------------

    def list(self, now: float, forgotten: bool = False, kind: Optional[str] = None, limit: int = 50) -> list[MemoryView]:
        """Active memories newest first, or forgotten ones most recently forgotten first."""
        sql = f"SELECT {MEMORY_COLUMNS} FROM memories WHERE state = ?"
        params: list = ["forgotten" if forgotten else "active"]
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if forgotten:
            sql += (" ORDER BY (SELECT max(at) FROM events e WHERE e.memory_id = memories.id "
                    "AND e.action IN ('forget', 'prune')) DESC, id DESC LIMIT ?")
        else:
            sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        params.append(limit)
        with self.store.db.read() as conn:
            memories = [_memory(row) for row in conn.execute(sql, params).fetchall()]
        return self._views(memories, now)

    def _views(self, memories: list[Memory], now: float) -> list[MemoryView]:
        origins = self.store.origins(memories)
        return [MemoryView(m, self.policy.retention(m, now), origins.get(m.id)) for m in memories]

    def detail(self, memory_id: int, now: float) -> MemoryDetail:
        memory = self.store.get(memory_id)
        with self.store.db.read() as conn:
            events = conn.execute("SELECT id, memory_id, action, reason, at, detail FROM events "
                                  "WHERE memory_id = ? ORDER BY at, id", (memory_id,)).fetchall()
            summaries = conn.execute(
                "SELECT n.memory_id FROM summary_children c JOIN summary_nodes n ON n.id = c.node_id "
                "WHERE c.memory_id = ? AND n.memory_id IS NOT NULL", (memory_id,)).fetchall()
            children = conn.execute(
                "SELECT c.memory_id FROM summary_nodes n JOIN summary_children c ON c.node_id = n.id "
                "WHERE n.memory_id = ? ORDER BY c.memory_id", (memory_id,)).fetchall()
            turns = conn.execute(
                "SELECT mem.id FROM fact_links l JOIN memories mem ON mem.message_id = l.message_id "
                "AND mem.kind = 'message' WHERE l.fact_id = ? ORDER BY mem.id", (memory_id,)).fetchall()
        return MemoryDetail(self._views([memory], now)[0], tuple(_event(r) for r in events),
                            tuple(r[0] for r in summaries), tuple(r[0] for r in children), tuple(r[0] for r in turns))

    def events(self, since: Optional[float] = None) -> list[Event]:
        sql = "SELECT id, memory_id, action, reason, at, detail FROM events"
        params: tuple = ()
        if since is not None:
            sql += " WHERE at >= ?"
            params = (since,)
        with self.store.db.read() as conn:
            return [_event(row) for row in conn.execute(sql + " ORDER BY at, id", params).fetchall()]

    # ---- pins -----------------------------------------------------------------------------

    def pin(self, memory_id: int, now: float) -> Memory:
        return self._set_pinned(memory_id, True, now)

    def unpin(self, memory_id: int, now: float) -> Memory:
        return self._set_pinned(memory_id, False, now)

    def _set_pinned(self, memory_id: int, pinned: bool, now: float) -> Memory:
        memory = self.store.get(memory_id)
        if memory.state != "active":
            raise InputRejected(f"memory {memory_id} is forgotten: restore it first")
        if memory.pinned != pinned:
            with self.store.db.transaction() as conn:
                conn.execute("UPDATE memories SET pinned = ? WHERE id = ?", (int(pinned), memory_id))
                self.store.log_event(conn, memory_id, "pin" if pinned else "unpin", "by the user", now)
        return self.store.get(memory_id)

    # ---- forgetting and restoring ---------------------------------------------------------

    def forget(self, memory_id: int, now: float, reason: str = "forgotten by the user") -> Memory:
        memory = self.store.get(memory_id)
        if memory.state == "forgotten":
            raise InputRejected(f"memory {memory_id} is already forgotten")
        with self.store.db.transaction() as conn:
            self._archive(conn, memory_id, now)
            self.store.log_event(conn, memory_id, "forget", reason, now)
        return self.store.get(memory_id)

    def _archive(self, conn, memory_id: int, now: float) -> None:
        """Move the vector out of the index into the archive; the memory leaves search."""
        model_id = conn.execute("SELECT model_id FROM embedding_model WHERE id = 1").fetchone()
        row = None
        if model_id is not None:
            row = conn.execute("SELECT embedding FROM memory_vec WHERE rowid = ?", (memory_id,)).fetchone()
        if row is not None:
            conn.execute("INSERT OR REPLACE INTO memory_archive(memory_id, embedding, model_id, archived_at) "
                         "VALUES (?, ?, ?, ?)", (memory_id, row[0], model_id[0], now))
            conn.execute("DELETE FROM memory_vec WHERE rowid = ?", (memory_id,))
        conn.execute("UPDATE memories SET state = 'forgotten', pinned = 0 WHERE id = ?", (memory_id,))

    def restore(self, memory_id: int, now: float) -> Memory:
        """Back into search, with its archived vector (re-embedded only if the embedder changed)."""
        memory = self.store.get(memory_id)
        if memory.state != "forgotten":
            raise InputRejected(f"memory {memory_id} is not forgotten")
        vector = self._archived_vector(memory_id)
        if vector is None:
            embedder = self._embedder()
            self.store.use_embedder(embedder.model_id, embedder.dim, now)
            source = self.store.embedding_source(memory_id)
            vector = serialize_vector(embedder.embed_one(embedding_text(source.kind, source.text, source.path,
                                                                        source.meta)))
        with self.store.db.transaction() as conn:
            # Through the store: the vector index also needs the memory's coarse vector.
            self.store.insert_vector(conn, memory_id, np.frombuffer(vector, dtype=np.float32), memory.kind,
                                     float(memory.created_at))
            conn.execute("DELETE FROM memory_archive WHERE memory_id = ?", (memory_id,))
            # A restored memory starts a fresh forgetting curve, as if just recalled.
            conn.execute("UPDATE memories SET state = 'active', last_recalled_at = ? WHERE id = ?", (now, memory_id))
            self.store.log_event(conn, memory_id, "restore", "restored by the user", now)
        return self.store.get(memory_id)

    def _archived_vector(self, memory_id: int) -> Optional[bytes]:
        recorded_id, _ = self.store.recorded_embedder()
        with self.store.db.read() as conn:
            row = conn.execute("SELECT embedding, model_id FROM memory_archive WHERE memory_id = ?",
                               (memory_id,)).fetchone()
        if row is None or row[1] != recorded_id:
            return None
        return row[0]

    # ---- pruning --------------------------------------------------------------------------

    def prune_candidates(self, now: float) -> list[PruneCandidate]:
        """Active, unpinned memories below the threshold that a summary already covers."""
        marks = ",".join("?" * len(PRUNABLE_KINDS))
        prefixed = ", ".join("m." + c.strip() for c in MEMORY_COLUMNS.split(","))
        with self.store.db.read() as conn:
            rows = conn.execute(
                f"SELECT {prefixed}, min(n.memory_id) FROM memories m "
                f"JOIN summary_children c ON c.memory_id = m.id "
                f"JOIN summary_nodes n ON n.id = c.node_id AND n.memory_id IS NOT NULL "
                f"WHERE m.state = 'active' AND m.pinned = 0 AND m.kind IN ({marks}) GROUP BY m.id ORDER BY m.id",
                PRUNABLE_KINDS).fetchall()
        out = []
        for row in rows:
            memory = _memory(row)
            retention = self.policy.retention(memory, now)
            if retention < self.prune_threshold:
                out.append(PruneCandidate(memory, retention, row[-1]))
        return out

    def prune(self, now: float, dry_run: bool = False) -> list[PruneCandidate]:
        candidates = self.prune_candidates(now)
        if dry_run or not candidates:
            return candidates
        with self.store.db.transaction() as conn:
            for c in candidates:
                self._archive(conn, c.memory.id, now)
                self.store.log_event(
                    conn, c.memory.id, "prune",
                    f"retention {c.retention:.3f} below {self.prune_threshold}, covered by summary {c.summary_id}",
                    now, {"retention": round(c.retention, 4), "summary_id": c.summary_id})
        return candidates
