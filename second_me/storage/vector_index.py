"""The vector index: a small coarse KNN pass in sqlite-vec, then exact cosine on the candidates.

Full vectors (float32, ~1.5 KB per memory) live in the plain table `memory_vec`, keyed by
memory id. A brute-force KNN over them reads every byte: ~60 ms per query at 100k memories
and ~0.7 s at a million on two cores — and in an encrypted database every page read is
also decrypted unless it sits in the page cache. So searches run on `memory_vec_coarse`, a
sqlite-vec vec0 table of *projected* vectors: the top PROJECTED_DIM principal directions of
the store's own vectors (PCA, trained on a sample once the store holds TRAIN_AT vectors,
retrained after RETRAIN_GROWTH-fold growth). A query takes the CANDIDATE_FACTOR × limit
nearest projected vectors, then ranks them by exact cosine on the full vectors.

Measured alternatives (bench/README.md): sqlite-vec `bit` codes lose too much (recall@10
≈ 0.7 with 400 candidates); `int8` distances are slower in sqlite-vec than float ones; an
inverted file (cells of nearest centroids) needed 30% of cells probed for recall 0.95.

Before training the "projection" is the identity: the coarse table holds the full vectors
and the coarse pass is already exact (cosine distance, as sqlite-vec computes it).
"""

from __future__ import annotations

import struct
from typing import Optional, Sequence

import numpy as np

TRAIN_AT = 20_000
RETRAIN_GROWTH = 4
PROJECTED_DIM = 64
CANDIDATE_FACTOR = 4
MIN_CANDIDATES = 100
KNN_MAX = 4096  # sqlite-vec refuses a vec0 KNN query with k above this ("k value in knn query too large")
SAMPLE = 20_000
META_GENERATION = "vec_projection_generation"
META_TRAINED_AT = "vec_projection_trained_at"


def create_tables(conn, dim: int, coarse_dim: Optional[int] = None) -> None:
    """(Re)create empty vector tables; without `coarse_dim` the coarse table holds full vectors."""
    conn.execute("DROP TABLE IF EXISTS memory_vec")
    conn.execute("CREATE TABLE memory_vec (id INTEGER PRIMARY KEY, embedding BLOB NOT NULL, kind TEXT, "
                 "created_at REAL)")
    _create_coarse(conn, coarse_dim or dim, coarse_dim is not None)
    conn.execute("DROP TABLE IF EXISTS memory_vec_projection")
    conn.execute("CREATE TABLE memory_vec_projection (id INTEGER PRIMARY KEY CHECK (id = 1), basis BLOB NOT NULL, "
                 "dim INTEGER NOT NULL)")
    conn.execute("DELETE FROM meta WHERE key = ?", (META_TRAINED_AT,))
    _bump_generation(conn)


def _create_coarse(conn, coarse_dim: int, projected: bool) -> None:
    # Full vectors: cosine, as exact as before. Projections: L2, which PCA approximately preserves.
    metric = "l2" if projected else "cosine"
    conn.execute("DROP TABLE IF EXISTS memory_vec_coarse")
    conn.execute(f"CREATE VIRTUAL TABLE memory_vec_coarse USING vec0(coarse float[{int(coarse_dim)}] "
                 f"distance_metric={metric}, kind text, created_at float)")
    # Whoever removes a full vector (forgetting, deleting a memory) removes its coarse one too.
    conn.execute("DROP TRIGGER IF EXISTS memory_vec_coarse_delete")
    conn.execute("CREATE TRIGGER memory_vec_coarse_delete AFTER DELETE ON memory_vec BEGIN "
                 "DELETE FROM memory_vec_coarse WHERE rowid = old.id; END")


def _bump_generation(conn) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET "
                 "value = CAST(value AS INTEGER) + 1", (META_GENERATION,))


def _generation(conn) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_GENERATION,)).fetchone()
    return row[0] if row else "0"


def serialize(vector: Sequence[float]) -> bytes:
    if isinstance(vector, np.ndarray):
        return vector.astype(np.float32, copy=False).tobytes()
    return struct.pack(f"{len(vector)}f", *vector)


class VectorIndex:
    """One store's projection, cached per process and reloaded when another process retrains."""

    def __init__(self) -> None:
        self._generation: Optional[str] = None
        self._basis: Optional[np.ndarray] = None  # (dim, projected dim), or None: identity
        self.candidate_factor = CANDIDATE_FACTOR

    def basis(self, conn) -> Optional[np.ndarray]:
        generation = _generation(conn)
        if generation != self._generation:
            row = conn.execute("SELECT basis, dim FROM memory_vec_projection WHERE id = 1").fetchone()
            self._basis = np.frombuffer(row[0], dtype=np.float32).reshape(-1, row[1]) if row else None
            self._generation = generation
        return self._basis

    def coarse(self, conn, vector: Sequence[float]) -> bytes:
        basis = self.basis(conn)
        if basis is None:
            return serialize(vector)
        return (np.asarray(vector, dtype=np.float32) @ basis).astype(np.float32).tobytes()

    def insert(self, conn, memory_id: int, vector: Sequence[float], kind: str, created_at: float) -> None:
        conn.execute("INSERT INTO memory_vec(id, embedding, kind, created_at) VALUES (?, ?, ?, ?)",
                     (memory_id, serialize(vector), kind, float(created_at)))
        conn.execute("INSERT INTO memory_vec_coarse(rowid, coarse, kind, created_at) VALUES (?, ?, ?, ?)",
                     (memory_id, self.coarse(conn, vector), kind, float(created_at)))

    def search(self, conn, vector: Sequence[float], limit: int, filters_sql: str,
               params: list) -> list[tuple[int, float]]:
        """(memory id, cosine) best first. `filters_sql` constrains kind / created_at."""
        exact = self.basis(conn) is None
        k = min(KNN_MAX, limit if exact else max(MIN_CANDIDATES, limit * self.candidate_factor))
        rows = conn.execute(f"SELECT rowid, distance FROM memory_vec_coarse WHERE coarse MATCH ? AND k = ?"
                            f"{filters_sql} ORDER BY distance", [self.coarse(conn, vector), k, *params]).fetchall()
        if exact:
            return [(r[0], 1.0 - r[1]) for r in rows]
        return search_among(conn, vector, [r[0] for r in rows], limit)


def search_among(conn, vector: Sequence[float], ids: Sequence[int], limit: int) -> list[tuple[int, float]]:
    """(memory id, cosine) best first, among `ids` only, by exact cosine on their full vectors: for
    the few memories a filter leaves (a person's, those telling of a date), which a KNN pass over
    everything would mostly miss."""
    rows = []
    for start in range(0, len(ids), 500):
        part = ",".join(str(int(i)) for i in ids[start:start + 500])
        rows.extend(conn.execute(f"SELECT id, embedding FROM memory_vec WHERE id IN ({part})").fetchall())
    if not rows:
        return []
    matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
    query = np.asarray(vector, dtype=np.float32)
    norms = np.maximum(np.linalg.norm(matrix, axis=1) * float(np.linalg.norm(query)), 1e-12)
    scores = matrix @ query / norms
    order = np.argsort(-scores)[:limit]
    return [(int(rows[i][0]), float(scores[i])) for i in order]


def tune(conn, index: VectorIndex, seed: int = 0) -> bool:
    """Train the projection (or retrain it after much growth) and rebuild the coarse table."""
    count = conn.execute("SELECT count(*) FROM memory_vec").fetchone()[0]
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_TRAINED_AT,)).fetchone()
    trained_at = int(row[0]) if row else 0
    if count < TRAIN_AT or (trained_at and count < trained_at * RETRAIN_GROWTH):
        return False
    ids = np.array([r[0] for r in conn.execute("SELECT id FROM memory_vec")], dtype=np.int64)
    sample_ids = np.random.default_rng(seed).choice(ids, min(len(ids), SAMPLE), replace=False)
    sample = _full_vectors(conn, sample_ids)
    basis = principal_directions(sample, min(PROJECTED_DIM, sample.shape[1]))
    rebuild_coarse(conn, basis)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (META_TRAINED_AT, str(count)))
    return True


def principal_directions(vectors: np.ndarray, n: int) -> np.ndarray:
    """(dim, n): the top-n principal directions; L2 distances between projections approximate the full ones."""
    centred = vectors - vectors.mean(axis=0)
    # The right singular vectors of the sample are the eigenvectors of its (dim, dim) scatter
    # matrix: a few MB to find, where an SVD of a 20k-vector sample took ~270 MB at its peak.
    scatter = (centred.T @ centred).astype(np.float64)
    values, directions = np.linalg.eigh(scatter)
    top = np.argsort(values)[::-1][:n]
    return np.ascontiguousarray(directions[:, top].astype(np.float32))


def _full_vectors(conn, ids: np.ndarray) -> np.ndarray:
    """The full vectors of `ids`, filled into one array (no second copy of the sample)."""
    out: Optional[np.ndarray] = None
    filled = 0
    for start in range(0, len(ids), 500):
        part = ",".join(str(int(i)) for i in ids[start:start + 500])
        for (blob,) in conn.execute(f"SELECT embedding FROM memory_vec WHERE id IN ({part})"):
            vector = np.frombuffer(blob, dtype=np.float32)
            if out is None:
                out = np.empty((len(ids), len(vector)), dtype=np.float32)
            out[filled] = vector
            filled += 1
    return out[:filled] if out is not None else np.empty((0, 0), dtype=np.float32)


def rebuild_coarse(conn, basis: Optional[np.ndarray]) -> None:
    """Recreate the coarse table from the full vectors (projected by `basis`, or as they are)."""
    dim = conn.execute("SELECT dim FROM embedding_model WHERE id = 1").fetchone()[0]
    _create_coarse(conn, basis.shape[1] if basis is not None else dim, basis is not None)
    conn.execute("DELETE FROM memory_vec_projection")
    if basis is not None:
        conn.execute("INSERT INTO memory_vec_projection(id, basis, dim) VALUES (1, ?, ?)",
                     (basis.tobytes(), basis.shape[1]))
    _bump_generation(conn)
    cursor = conn.execute("SELECT id, embedding, kind, created_at FROM memory_vec ORDER BY id")
    while True:
        rows = cursor.fetchmany(2_000)
        if not rows:
            break
        if basis is None:
            coarse = [r[1] for r in rows]
        else:
            matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
            coarse = [v.tobytes() for v in (matrix @ basis).astype(np.float32)]
        conn.executemany("INSERT INTO memory_vec_coarse(rowid, coarse, kind, created_at) VALUES (?, ?, ?, ?)",
                         [(r[0], c, r[2], r[3]) for r, c in zip(rows, coarse)])


def migrate_from_vec0(conn) -> None:
    """Schema 1 kept full vectors in a vec0 table `memory_vec`: move them to the new tables."""
    dim = conn.execute("SELECT dim FROM embedding_model WHERE id = 1").fetchone()[0]
    conn.execute("CREATE TEMP TABLE vec_move AS SELECT rowid AS id, embedding, kind, created_at FROM memory_vec")
    create_tables(conn, dim)
    conn.execute("INSERT INTO memory_vec(id, embedding, kind, created_at) SELECT id, embedding, kind, created_at "
                 "FROM temp.vec_move")
    conn.execute("DROP TABLE temp.vec_move")
    rebuild_coarse(conn, None)

