"""Stores as an older second-me wrote them (test support): schema 3 with its vector layouts."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import numpy as np

from second_me.secrets import DatabaseKey
from second_me.storage import migrations
from second_me.storage.db import Database

PROJECTED_DIM = 8  # schema 3 projected onto principal directions; any basis will do for a conversion


def write_schema_3_store(path: Path, key: DatabaseKey, texts: Sequence[str], vectors: np.ndarray,
                         model_id: str = "fake", projected: bool = True) -> None:
    """Float32 vectors in `memory_vec`, and the vec0 table searches read: a projection once trained
    (`projected`, with its basis in `memory_vec_projection`), else the full vectors."""
    dim = vectors.shape[1]
    db = Database(path, key)
    try:
        for number, migration in enumerate(migrations.MIGRATIONS[:3], start=1):
            with db.transaction() as conn:
                migration(conn)
                conn.execute(f"PRAGMA user_version = {number}")
        with db.transaction() as conn:
            conn.execute("INSERT INTO embedding_model(id, model_id, dim, recorded_at) VALUES (1, ?, ?, 0)",
                         (model_id, dim))
            conn.execute("CREATE TABLE memory_vec (id INTEGER PRIMARY KEY, embedding BLOB NOT NULL, kind TEXT, "
                         "created_at REAL)")
            conn.execute("CREATE TABLE memory_vec_projection (id INTEGER PRIMARY KEY CHECK (id = 1), "
                         "basis BLOB NOT NULL, dim INTEGER NOT NULL)")
            coarse = PROJECTED_DIM if projected else dim
            conn.execute(f"CREATE VIRTUAL TABLE memory_vec_coarse USING vec0(coarse float[{coarse}] "
                         f"distance_metric={'l2' if projected else 'cosine'}, kind text, created_at float)")
            conn.execute("CREATE TRIGGER memory_vec_coarse_delete AFTER DELETE ON memory_vec BEGIN "
                         "DELETE FROM memory_vec_coarse WHERE rowid = old.id; END")
            conn.execute("CREATE TRIGGER memories_vec_delete AFTER DELETE ON memories BEGIN "
                         "DELETE FROM memory_vec WHERE rowid = old.id; END")
            basis = np.linalg.qr(np.random.default_rng(0).standard_normal((dim, dim)))[0][:, :coarse]
            basis = basis.astype(np.float32)
            if projected:
                conn.execute("INSERT INTO memory_vec_projection(id, basis, dim) VALUES (1, ?, ?)",
                             (basis.tobytes(), coarse))
            for i, (text, v) in enumerate(zip(texts, vectors), start=1):
                conn.execute("INSERT INTO memories(id, kind, text, created_at, strength) VALUES (?, 'chunk', ?, ?, 30)",
                             (i, text, 1000.0 + i))
                conn.execute("INSERT INTO memory_vec(id, embedding, kind, created_at) VALUES (?, ?, 'chunk', ?)",
                             (i, v.astype(np.float32).tobytes(), 1000.0 + i))
                searched = (v @ basis).astype(np.float32) if projected else v.astype(np.float32)
                conn.execute("INSERT INTO memory_vec_coarse(rowid, coarse, kind, created_at) VALUES (?, ?, 'chunk', ?)",
                             (i, searched.tobytes(), 1000.0 + i))
    finally:
        db.close()


@contextmanager
def reopened_at(services, settings, version: int, as_left: Optional[Callable] = None) -> Iterator:
    """The services' store set back to schema `version` (its rows first changed by `as_left(conn)`
    as that version left them), closed, and opened again by today's second-me: a read connection
    of the migrated store, checked to be at today's version."""
    from second_me.storage.store import open_store

    with services.store.db.transaction() as conn:
        if as_left is not None:
            as_left(conn)
        conn.execute(f"PRAGMA user_version = {version}")
    services.store.close()
    store = open_store(settings)
    try:
        with store.db.read() as conn:
            assert migrations.schema_version(conn) == len(migrations.MIGRATIONS)
            yield conn
    finally:
        store.close()
