"""The vector index: sqlite-vec vec0 split into cells (an inverted file, IVF), exact cosine inside.

A brute-force KNN reads every vector: ~1.5 KB per memory, ~0.7 s per query at a million
memories on two cores. Quantized coarse passes (sqlite-vec `bit`/`int8`) were measured and
rejected: binary codes lose too much (recall@10 ≈ 0.7 at 400 candidates on clustered
vectors) and int8 distances are slower in sqlite-vec than float ones. Instead, memories are
grouped by their nearest centroid (`cell`, a vec0 partition key, so a cell's vectors sit
in their own chunks); a query reads only the cells whose centroids are nearest to it and
ranks them by exact float cosine, so what it finds is scored exactly.

Small stores have one cell (cell 0): exact search. Once a store holds TRAIN_AT vectors,
`tune` trains ~sqrt(n) centroids (spherical k-means on a sample) and rebuilds the table;
it retrains when the store has grown RETRAIN_GROWTH-fold. In between, new vectors go to
their nearest existing cell. Filtered searches that find too few neighbours in the probed
cells fall back to an exact search, so a rare kind or a narrow time range is never missed.
"""

from __future__ import annotations

import math
import struct
from typing import Optional, Sequence

import numpy as np

TRAIN_AT = 20_000
RETRAIN_GROWTH = 4
CHUNK_SIZE = 128
PROBE_FRACTION = 0.3  # share of cells a query reads (recall@10 ≥ 0.95 on bench/corpus.py)
MIN_PROBES = 8
KMEANS_ITERATIONS = 8
SAMPLE_PER_CELL = 40
META_GENERATION = "vec_cells_generation"
META_TRAINED_AT = "vec_cells_trained_at"


def create_table(conn, dim: int) -> None:
    """(Re)create an empty vector table with one cell, and forget any centroids."""
    conn.execute("DROP TABLE IF EXISTS memory_vec")
    conn.execute(
        f"CREATE VIRTUAL TABLE memory_vec USING vec0(cell integer partition key, "
        f"embedding float[{int(dim)}] distance_metric=cosine, kind text, created_at float, chunk_size={CHUNK_SIZE})")
    conn.execute("CREATE TABLE IF NOT EXISTS memory_vec_cells (id INTEGER PRIMARY KEY, centroid BLOB NOT NULL)")
    conn.execute("DELETE FROM memory_vec_cells")
    _bump_generation(conn)
    conn.execute("DELETE FROM meta WHERE key = ?", (META_TRAINED_AT,))


def _bump_generation(conn) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET "
                 "value = CAST(value AS INTEGER) + 1", (META_GENERATION,))


def _generation(conn) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_GENERATION,)).fetchone()
    return row[0] if row else "0"


class CellIndex:
    """The centroids of one store, cached per process and reloaded when another process retrains."""

    def __init__(self) -> None:
        self._generation: Optional[str] = None
        self._centroids: Optional[np.ndarray] = None  # (cells, dim) unit rows, or None for one cell
        self.probe_fraction = PROBE_FRACTION

    def centroids(self, conn) -> Optional[np.ndarray]:
        generation = _generation(conn)
        if generation != self._generation:
            rows = conn.execute("SELECT centroid FROM memory_vec_cells ORDER BY id").fetchall()
            self._centroids = (np.frombuffer(b"".join(r[0] for r in rows), dtype=np.float32).reshape(len(rows), -1)
                               if rows else None)
            self._generation = generation
        return self._centroids

    def cell_of(self, conn, vector: Sequence[float]) -> int:
        centroids = self.centroids(conn)
        if centroids is None:
            return 0
        return int(np.argmax(centroids @ np.asarray(vector, dtype=np.float32)))

    def probes(self, conn, vector: Sequence[float]) -> Optional[list[int]]:
        """The cells to read for this query, nearest first; None means all (untrained index)."""
        centroids = self.centroids(conn)
        if centroids is None:
            return None
        n = min(len(centroids), max(MIN_PROBES, math.ceil(len(centroids) * self.probe_fraction)))
        scores = centroids @ np.asarray(vector, dtype=np.float32)
        return [int(i) for i in np.argpartition(-scores, n - 1)[:n]]

    def search(self, conn, query: bytes, vector: Sequence[float], limit: int, filters_sql: str,
               params: list) -> list[tuple[int, float]]:
        probes = self.probes(conn, vector)
        base = "SELECT rowid, distance FROM memory_vec WHERE embedding MATCH ? AND k = ?"
        if probes is not None:
            # With several partitions vec0 returns up to k rows from each: keep the best `limit`.
            rows = conn.execute(f"{base} AND cell IN ({','.join(map(str, probes))}){filters_sql} ORDER BY distance",
                                [query, limit, *params]).fetchall()[:limit]
            if len(rows) >= limit or not filters_sql:
                return [(r[0], 1.0 - r[1]) for r in rows]
        rows = conn.execute(f"{base}{filters_sql} ORDER BY distance", [query, limit, *params]).fetchall()
        return [(r[0], 1.0 - r[1]) for r in rows]


def tune(conn, cells: CellIndex, seed: int = 0) -> bool:
    """Train cells (or retrain them after much growth) and rebuild the table. True if it did."""
    count = conn.execute("SELECT count(*) FROM memory_vec").fetchone()[0]
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_TRAINED_AT,)).fetchone()
    trained_at = int(row[0]) if row else 0
    if count < TRAIN_AT or (trained_at and count < trained_at * RETRAIN_GROWTH):
        return False
    n_cells = max(MIN_PROBES, int(math.sqrt(count)))
    ids = np.array([r[0] for r in conn.execute("SELECT rowid FROM memory_vec").fetchall()], dtype=np.int64)
    rng = np.random.default_rng(seed)
    sample_ids = rng.choice(ids, min(len(ids), n_cells * SAMPLE_PER_CELL), replace=False)
    sample = _vectors(conn, sample_ids)
    centroids = spherical_kmeans(sample, n_cells, rng)
    rebuild(conn, centroids)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (META_TRAINED_AT, str(count)))
    return True


def _vectors(conn, ids: np.ndarray) -> np.ndarray:
    out = []
    for start in range(0, len(ids), 500):
        part = ",".join(str(int(i)) for i in ids[start:start + 500])
        out.extend(r[0] for r in conn.execute(f"SELECT embedding FROM memory_vec WHERE rowid IN ({part})"))
    return np.frombuffer(b"".join(out), dtype=np.float32).reshape(len(out), -1)


def spherical_kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator,
                     iterations: int = KMEANS_ITERATIONS) -> np.ndarray:
    """k unit centroids maximising cosine to their members (k-means on the sphere)."""
    centroids = vectors[rng.choice(len(vectors), k, replace=False)].copy()
    for _ in range(iterations):
        assign = _nearest(vectors, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, vectors)
        empty = np.linalg.norm(sums, axis=1) == 0
        sums[empty] = vectors[rng.choice(len(vectors), int(empty.sum()), replace=False)]
        centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return centroids.astype(np.float32)


def _nearest(vectors: np.ndarray, centroids: np.ndarray, block: int = 20_000) -> np.ndarray:
    return np.concatenate([np.argmax(vectors[i:i + block] @ centroids.T, axis=1)
                           for i in range(0, len(vectors), block)])


def rebuild(conn, centroids: Optional[np.ndarray]) -> None:
    """Rewrite the table with every vector in its nearest cell (all in cell 0 without centroids).

    Vectors go through a temporary table in cell order, so each cell fills whole chunks.
    """
    dim = conn.execute("SELECT dim FROM embedding_model WHERE id = 1").fetchone()[0]
    conn.execute("DROP TABLE IF EXISTS temp.vec_rebuild")
    conn.execute("CREATE TEMP TABLE vec_rebuild (id INTEGER PRIMARY KEY, cell INTEGER, embedding BLOB, "
                 "kind TEXT, created_at REAL)")
    cursor = conn.execute("SELECT rowid, embedding, kind, created_at FROM memory_vec")
    while True:
        rows = cursor.fetchmany(10_000)
        if not rows:
            break
        if centroids is None:
            cells = [0] * len(rows)
        else:
            matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
            cells = _nearest(matrix, centroids).tolist()
        conn.executemany("INSERT INTO temp.vec_rebuild VALUES (?, ?, ?, ?, ?)",
                         [(r[0], c, r[1], r[2], r[3]) for r, c in zip(rows, cells)])
    create_table(conn, dim)
    if centroids is not None:
        conn.executemany("INSERT INTO memory_vec_cells(id, centroid) VALUES (?, ?)",
                         [(i, c.astype(np.float32).tobytes()) for i, c in enumerate(centroids)])
    conn.execute("INSERT INTO memory_vec(rowid, cell, embedding, kind, created_at) "
                 "SELECT id, cell, embedding, kind, created_at FROM temp.vec_rebuild ORDER BY cell, id")
    conn.execute("DROP TABLE temp.vec_rebuild")


def serialize(vector: Sequence[float]) -> bytes:
    if isinstance(vector, np.ndarray):
        return vector.astype(np.float32, copy=False).tobytes()
    return struct.pack(f"{len(vector)}f", *vector)
