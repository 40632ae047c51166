"""Read-only views of the store the memory and indexing screens need beyond `Services`.

Changes to memories (pin, forget, restore, ...) go through `Services` only: when a method is
not there yet, the screens say so instead of writing the store themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from second_me.domain import Hit
from second_me.storage.store import MEMORY_COLUMNS, _memory


@dataclass(frozen=True)
class FileProblem:
    path: str
    status: str
    error: str


def browse(services, state: str = "active", kinds: tuple[str, ...] = (), limit: int = 200) -> list[Hit]:
    """The most recent memories in a state (no query): what the memory screen shows first."""
    sql = f"SELECT {MEMORY_COLUMNS} FROM memories WHERE state = ?"
    params: list = [state]
    if kinds:
        sql += f" AND kind IN ({','.join('?' * len(kinds))})"
        params.extend(kinds)
    sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
    params.append(limit)
    with services.store.db.read() as conn:
        memories = [_memory(row) for row in conn.execute(sql, params).fetchall()]
    origins = services.store.origins(memories)
    now = services.clock.timestamp()
    return [Hit(m, 0.0, services.policy.retention(m, now), origins.get(m.id)) for m in memories]


def history(services, memory_id: int) -> list[tuple[float, str, str]]:
    """(when, action, reason) of a memory, oldest first: created, recalled, forgotten, ..."""
    if hasattr(services, "memory_history"):
        return services.memory_history(memory_id)
    memory = services.store.get(memory_id)
    with services.store.db.read() as conn:
        rows = conn.execute("SELECT at, action, COALESCE(reason, '') FROM events WHERE memory_id = ? ORDER BY at, id",
                            (memory_id,)).fetchall()
    return [(memory.created_at, "created", memory.kind)] + [tuple(row) for row in rows]


def file_problems(services, limit: int = 200) -> list[FileProblem]:
    with services.store.db.read() as conn:
        rows = conn.execute("SELECT path, status, COALESCE(error, '') FROM sources WHERE status IN ('error', 'skipped') "
                            "ORDER BY indexed_at DESC LIMIT ?", (limit,)).fetchall()
    return [FileProblem(*row) for row in rows]


def lifecycle_action(services, action: str) -> Optional[object]:
    """The Services method for pin/unpin/forget/restore, or None while it does not exist."""
    method = getattr(services, action, None)
    return method if callable(method) else None
