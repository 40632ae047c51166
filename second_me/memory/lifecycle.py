"""What happens to a memory over its life: pin, unpin, forget, restore, prune, and the
event log that explains each change.

Forgetting takes a memory out of search (its vector moves to `memory_archive`, and
search reads active memories only) but keeps its text, so a restore needs no
re-embedding and nothing vanishes without a trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from second_me.domain import Memory, Origin
from second_me.errors import InputRejected
from second_me.memory.reembed import embedding_text
from second_me.models.base import Embedder
from second_me.retention import RetentionPolicy
from second_me.storage.events import Event
from second_me.storage.store import MemoryStore, serialize_vector

# Summaries are rebuilt from their children rather than decaying away.
PRUNABLE_KINDS = ("chunk", "message", "fact")


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
        memories = self.store.states.list("forgotten" if forgotten else "active", (kind,) if kind else (),
                                          limit=limit, by_forgetting=forgotten)
        return self._views(memories, now)

    def _views(self, memories: list[Memory], now: float) -> list[MemoryView]:
        origins = self.store.origins(memories)
        return [MemoryView(m, self.policy.retention(m, now), origins.get(m.id)) for m in memories]

    def detail(self, memory_id: int, now: float) -> MemoryDetail:
        memory = self.store.get(memory_id)
        links = self.store.states.links(memory_id)
        return MemoryDetail(self._views([memory], now)[0], tuple(self.store.events.of_memory(memory_id)),
                            links.summaries, links.children, links.linked_turns)

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
                self.store.states.set_pinned(conn, memory_id, pinned)
                self.store.log_event(conn, memory_id, "pin" if pinned else "unpin", "by the user", now)
        return self.store.get(memory_id)

    # ---- forgetting and restoring ---------------------------------------------------------

    def forget(self, memory_id: int, now: float, reason: str = "forgotten by the user") -> Memory:
        memory = self.store.get(memory_id)
        if memory.state == "forgotten":
            raise InputRejected(f"memory {memory_id} is already forgotten")
        with self.store.db.transaction() as conn:
            self.store.states.archive(conn, memory_id, now)
            self.store.log_event(conn, memory_id, "forget", reason, now)
        return self.store.get(memory_id)

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
            self.store.states.restore(conn, memory_id, np.frombuffer(vector, dtype=np.float32), memory.kind,
                                      float(memory.created_at), now)
            self.store.log_event(conn, memory_id, "restore", "restored by the user", now)
        return self.store.get(memory_id)

    def _archived_vector(self, memory_id: int) -> Optional[bytes]:
        """The vector kept at forgetting, if the store still uses the model it came from."""
        recorded_id, _ = self.store.recorded_embedder()
        archived = self.store.states.archived_vector(memory_id)
        if archived is None or archived[1] != recorded_id:
            return None
        return archived[0]

    # ---- pruning --------------------------------------------------------------------------

    def prune_candidates(self, now: float) -> list[PruneCandidate]:
        """Active, unpinned memories below the threshold that a summary already covers."""
        out = []
        for memory, summary_id in self.store.states.covered_by_summaries(PRUNABLE_KINDS):
            retention = self.policy.retention(memory, now)
            if retention < self.prune_threshold:
                out.append(PruneCandidate(memory, retention, summary_id))
        return out

    def prune(self, now: float, dry_run: bool = False) -> list[PruneCandidate]:
        candidates = self.prune_candidates(now)
        if dry_run or not candidates:
            return candidates
        with self.store.db.transaction() as conn:
            for c in candidates:
                self.store.states.archive(conn, c.memory.id, now)
                self.store.log_event(
                    conn, c.memory.id, "prune",
                    f"retention {c.retention:.3f} below {self.prune_threshold}, covered by summary {c.summary_id}",
                    now, {"retention": round(c.retention, 4), "summary_id": c.summary_id})
        return candidates
