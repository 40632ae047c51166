"""Read-only views of the store the memory and indexing screens need beyond `Services`,
and the one place that maps the memory screen's actions onto the `Services` lifecycle API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from second_me.domain import Hit

DAY = 86_400.0
# The memory screen's date filter: (label, since days ago, until days ago); None = open.
PERIODS: tuple[tuple[str, Optional[float], Optional[float]], ...] = (
    ("last 7 days", 7, None),
    ("last 30 days", 30, None),
    ("last year", 365, None),
    ("older than 30 days", None, 30),
    ("older than a year", None, 365),
)


@dataclass(frozen=True)
class TreeNode:
    """A memory in the summary tree: what it is, and what it summarises."""

    hit: Hit
    children: tuple[int, ...]


def period(label: object, now: float) -> tuple[Optional[float], Optional[float]]:
    """(since, until) epoch seconds for a date filter label ([since, until), as search takes them)."""
    for name, since_days, until_days in PERIODS:
        if name == label:
            return (now - since_days * DAY if since_days is not None else None,
                    now - until_days * DAY if until_days is not None else None)
    return None, None


def browse(services, state: str = "active", kinds: tuple[str, ...] = (), limit: int = 200,
           since: Optional[float] = None, until: Optional[float] = None) -> list[Hit]:
    """The most recent memories in a state (no query): what the memory screen shows first."""
    memories = services.store.states.list(state, kinds, since, until, limit)
    return _hits(services, memories)


def _hits(services, memories) -> list[Hit]:
    origins = services.store.origins(memories)
    now = services.clock.timestamp()
    return [Hit(m, 0.0, services.policy.retention(m, now), origins.get(m.id)) for m in memories]


def history(services, memory_id: int) -> list[tuple[float, str, str]]:
    """(when, action, reason) of a memory, oldest first: created, recalled, forgotten, ..."""
    return services.memory_history(memory_id)


def curate(services, action: str, memory_id: int):
    """pin | unpin | forget | restore one memory, through the Services lifecycle API."""
    methods = {"pin": services.pin, "unpin": services.unpin, "forget": services.forget,
               "restore": services.restore}
    return methods[action](memory_id)


def portraits(services) -> list[TreeNode]:
    """The tops of the summary tree: the portrait, else the highest summaries there are."""
    from second_me.memory.summary_tree import LEVELS

    for level in reversed(LEVELS):
        ids = services.store.summaries.built(level)
        if ids:
            return tree_nodes(services, ids)
    return []


def tree_nodes(services, memory_ids: list[int]) -> list[TreeNode]:
    """Memories with the ids of what each summarises (empty for a chunk, turn or fact)."""
    hits = services.hits_for(memory_ids)
    children = services.store.summaries.children(memory_ids)
    return [TreeNode(hit, children.get(hit.memory.id, ())) for hit in hits]


def file_problems(services, limit: int = 200):
    return services.store.sources.problems(("error", "skipped"), limit)
