"""Switching embedders: every active memory gets a vector from the new model.

Resumable: only memories without a vector are embedded, so a killed run continues.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

from second_me.ingest.chunking import chunk_key
from second_me.models.base import Embedder
from second_me.storage.store import MemoryStore


def embedding_text(kind: str, text: str, path: Optional[str], meta: Optional[str]) -> str:
    if kind == "chunk" and path:
        heading = (json.loads(meta) if meta else {}).get("heading", "")
        return chunk_key(Path(path).name, heading, text)
    return text


def reembed_all(store: MemoryStore, embedder: Embedder, now: float, batch_size: int = 32,
                progress: Callable[[int, int], None] | None = None) -> int:
    recorded_id, recorded_dim = store.recorded_embedder()
    if recorded_id != embedder.model_id or recorded_dim != embedder.dim:
        store.reset_embedder(embedder.model_id, embedder.dim, now)
    with store.db.read() as conn:
        rows = conn.execute(
            "SELECT m.id, m.kind, m.text, s.path, m.meta, m.created_at FROM memories m "
            "LEFT JOIN sources s ON s.id = m.source_id "
            "WHERE m.state = 'active' AND m.id NOT IN (SELECT rowid FROM memory_vec) ORDER BY m.id").fetchall()
    done = 0
    for start in range(0, len(rows), batch_size):
        batch = rows[start:start + batch_size]
        vectors = embedder.embed([embedding_text(kind, text, path, meta) for _, kind, text, path, meta, _ in batch])
        with store.db.transaction() as conn:
            for (memory_id, kind, _, _, _, created_at), vector in zip(batch, vectors):
                store.insert_vector(conn, memory_id, vector, kind, created_at)
        done += len(batch)
        if progress:
            progress(done, len(rows))
    return done
