"""Re-embedding: every active memory without a vector gets one from the current embedder.

Used when the embedder changes (`reembed`), when a repair finds memories without vectors,
and when a forgotten memory comes back after its archived vector's model was replaced. A
memory is embedded as the text it was first embedded as (`embedding_text`), so switching
back and forth never changes what a memory is found by. Resumable: only memories without
a vector are embedded, so a killed run continues.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable, Optional

from second_me.domain import chunk_key
from second_me.memory.fact_parsing import first_person
from second_me.models.base import Embedder
from second_me.storage.store import MemoryStore


def embedding_text(kind: str, text: str, path: Optional[str] = None, meta: Optional[dict] = None) -> str:
    """What a stored memory's vector is computed from: a file chunk with its file name,
    language and heading; a fact in the first person; anything else as it reads."""
    if kind == "chunk" and path:
        meta = meta or {}
        return chunk_key(PurePath(path).name, meta.get("heading", ""), text, meta.get("language"))
    if kind == "fact":
        return first_person(text)
    return text


def reembed_all(store: MemoryStore, embedder: Embedder, now: float, batch_size: int = 32,
                progress: Callable[[int, int], None] | None = None) -> int:
    recorded_id, recorded_dim = store.recorded_embedder()
    if recorded_id != embedder.model_id or recorded_dim != embedder.dim:
        store.reset_embedder(embedder.model_id, embedder.dim, now)
    pending = store.memories_without_vectors()
    done = 0
    for start in range(0, len(pending), batch_size):
        batch = pending[start:start + batch_size]
        vectors = embedder.embed([embedding_text(m.kind, m.text, m.path, m.meta) for m in batch])
        with store.db.transaction() as conn:
            for m, vector in zip(batch, vectors):
                store.insert_vector(conn, m.id, vector, m.kind, m.created_at)
        done += len(batch)
        if progress:
            progress(done, len(pending))
    store.tune_vector_index()  # a large store goes back to the compact vector layout
    return done
