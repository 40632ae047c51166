"""Looking after what is remembered: listing and opening memories, pins, forgetting and
restoring, pruning, their history, the summary tree, and the background work that learns
facts and rebuilds summaries (one summarizer per home)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Hashable, Optional, Sequence

from second_me.domain import Hit, Memory
from second_me.memory.fact_learner import FactLearner, FactReport
from second_me.memory.lifecycle import MemoryDetail, MemoryLifecycle, MemoryView, PruneCandidate
from second_me.memory.summary_tree import LEVELS, SummaryReport, SummaryTree
from second_me.storage.home_lock import SUMMARIZER, HomeLock

if TYPE_CHECKING:
    from second_me.services.core import Core

KeepGoing = Callable[[], bool]


@dataclass(frozen=True)
class TreeNode:
    """A memory in the summary tree: what it is, and what it summarises."""

    hit: Hit
    children: tuple[int, ...]


class MemoryCare:
    def __init__(self, core: "Core"):
        self.core = core

    @property
    def lifecycle(self) -> MemoryLifecycle:
        core = self.core
        return MemoryLifecycle(core.store, core.policy, lambda: core.embedder, core.settings.prune_threshold)

    # ---- looking -------------------------------------------------------------------------

    def list(self, forgotten: bool = False, kind: Optional[str] = None, limit: int = 50) -> list[MemoryView]:
        """Active memories newest first, or forgotten ones most recently forgotten first."""
        return self.lifecycle.list(self.core.now(), forgotten, kind, limit)

    def browse(self, state: str = "active", kinds: Sequence[str] = (), limit: int = 200,
               since: Optional[float] = None, until: Optional[float] = None) -> list[Hit]:
        """The most recent memories in a state (no query), as hits: what the app shows first."""
        return self.core.as_hits(self.core.store.states.list(state, kinds, since, until, limit))

    def open(self, memory_id: int) -> MemoryDetail:
        """The user opened a memory: show it with its history, and count it as a recall."""
        detail = self.lifecycle.detail(memory_id, self.core.now())
        self.core.reinforce([memory_id], "opened by the user")
        return detail

    def history(self, memory_id: int) -> list[tuple[float, str, str]]:
        """(when, action, reason), oldest first, starting with the memory's creation."""
        detail = self.lifecycle.detail(memory_id, self.core.now())
        m = detail.view.memory
        return [(m.created_at, "created", m.kind)] + [(e.at, e.action, e.reason or "") for e in detail.events]

    # ---- changing ------------------------------------------------------------------------

    def pin(self, memory_id: int) -> Memory:
        return self.lifecycle.pin(memory_id, self.core.now())

    def unpin(self, memory_id: int) -> Memory:
        return self.lifecycle.unpin(memory_id, self.core.now())

    def forget(self, memory_id: int) -> Memory:
        return self.lifecycle.forget(memory_id, self.core.now())

    def restore(self, memory_id: int) -> Memory:
        return self.lifecycle.restore(memory_id, self.core.now())

    def prune(self, dry_run: bool = False) -> list[PruneCandidate]:
        return self.lifecycle.prune(self.core.now(), dry_run)

    # ---- the summary tree ------------------------------------------------------------------

    def summary_tops(self) -> list[TreeNode]:
        """The tops of the summary tree: the portrait, else the highest summaries there are."""
        for level in reversed(LEVELS):
            ids = self.core.store.summaries.built(level)
            if ids:
                return self.tree_nodes(ids)
        return []

    def tree_nodes(self, memory_ids: list[int]) -> list[TreeNode]:
        """Memories with the ids of what each summarises (empty for a chunk, turn or fact)."""
        hits = self.core.hits_for(memory_ids)
        children = self.core.store.summaries.children(memory_ids)
        return [TreeNode(hit, children.get(hit.memory.id, ())) for hit in hits]

    # ---- facts and summaries: background work ------------------------------------------------

    def learn_facts(self, budget_seconds: float = 30.0, keep_going: KeepGoing | None = None) -> FactReport:
        """Read unread user turns for facts (background work: call when idle)."""
        core = self.core
        model = (lambda: core.background_chat_model) if core.settings.facts_with_model else None
        learner = FactLearner(core.store, lambda: core.embedder, model, core.settings.strength_fact_days)
        return learner.run(core.now(), budget_seconds, keep_going)

    def refresh_summaries(self, budget_seconds: float = 60.0, keep_going: KeepGoing | None = None) -> SummaryReport:
        """Rebuild dirty summaries and the portrait, bottom-up, within the budget."""
        core = self.core
        model = (lambda: core.background_chat_model) if core.settings.summaries_with_model else None
        tree = SummaryTree(core.store, lambda: core.embedder, model, core.settings.strength_file_days)
        return tree.refresh(core.now(), budget_seconds, keep_going)

    def summarize(self, budget_seconds: float = 60.0, keep_going: KeepGoing | None = None,
                  on_wait: Callable[[int], None] | None = None) -> tuple[FactReport, SummaryReport]:
        """Background memory work under one time budget: learn facts from unread turns
        (up to half the budget), then rebuild dirty summaries and the portrait.
        One summarizer per home: while another runs (the daemon's background round),
        wait for it (`on_wait(pid)` is told once), then do what is left."""
        lock = HomeLock(self.core.settings.home, SUMMARIZER)
        if not lock.try_acquire():
            if on_wait:
                on_wait(lock.holder_pid() or 0)
            lock.acquire()
        try:
            return self._summarize_held(budget_seconds, keep_going)
        finally:
            lock.release()

    def try_summarize(self, budget_seconds: float,
                      keep_going: KeepGoing | None = None) -> Optional[tuple[FactReport, SummaryReport]]:
        """`summarize`, or None at once when another summarizer holds the lock (background use)."""
        lock = HomeLock(self.core.settings.home, SUMMARIZER)
        if not lock.try_acquire():
            return None
        try:
            return self._summarize_held(budget_seconds, keep_going)
        finally:
            lock.release()

    def _summarize_held(self, budget_seconds: float, keep_going: KeepGoing | None):
        started = time.monotonic()
        facts = self.learn_facts(budget_seconds / 2, keep_going)
        left = max(0.0, budget_seconds - (time.monotonic() - started))
        return facts, self.refresh_summaries(left, keep_going)

    def memory_changes(self) -> Hashable:
        """A value that changes whenever anything in the store changed (cheap to read)."""
        return self.core.store.change_counter()

    def release_memory_models(self) -> list[str]:
        return self.core.release_models()
