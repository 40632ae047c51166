"""The vector index: exact while the store is small, compact vectors and a bit-code scan once it is large.

Every memory's vector is a row of `memory_vec`, keyed by memory id. Two layouts:

- **exact** (a small store): float32 vectors, and a sqlite-vec vec0 copy of
  them (`memory_vec_coarse`, cosine, kind and creation time as metadata) that answers KNN
  queries exactly, filters included.
- **compact** (from vector_layout.TRAIN_AT vectors on): each vector is stored as int8 + a scale (388 bytes for 384
  dims, a quarter of float32), and searched through sign codes (see vector_codes.py): a scan
  of the codes of every memory the filters allow picks CANDIDATE_FACTOR × limit candidates,
  which are ranked by cosine on their int8 vectors. At a million memories the codes are 96 MB
  and the scan reads them from the process's copy; the int8 vectors are read only for the
  candidates.

Switching layouts (and converting a store written in schema 3's projected layout, resumably)
is vector_layout.py's. While a conversion is unfinished, searches rank every vector exactly
(slow, never wrong).

Measured alternatives are in bench/README.md.
"""

from __future__ import annotations

import struct
from typing import Optional, Sequence

import numpy as np

from second_me.storage import vector_codes as codes
from second_me.storage.memories import memory_filters

CANDIDATE_FACTOR = 20
MIN_CANDIDATES = 400
KNN_MAX = 4096  # sqlite-vec refuses a vec0 KNN query with k above this ("k value in knn query too large")
META_LAYOUT = "vec_layout"
META_CONVERT = "vec_convert_upto"
META_STALE = "vec_codes_stale"
META_TRAINED_AT = "vec_projection_trained_at"
META_GENERATION = codes.META_GENERATION


def serialize(vector: Sequence[float]) -> bytes:
    if isinstance(vector, np.ndarray):
        return vector.astype(np.float32, copy=False).tobytes()
    return struct.pack(f"{len(vector)}f", *vector)


def meta(conn, key: str) -> Optional[str]:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn, key: str, value) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, str(value)))


def bump_generation(conn) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET "
                 "value = CAST(value AS INTEGER) + 1", (META_GENERATION,))


def vector_dim(conn) -> int:
    return conn.execute("SELECT dim FROM embedding_model WHERE id = 1").fetchone()[0]


def has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def layout(conn) -> str:
    """'exact', 'compact', or 'converting' (compact, with vectors not converted yet)."""
    if meta(conn, META_LAYOUT) != "compact":
        return "exact"
    return "converting" if meta(conn, META_CONVERT) is not None else "compact"


# ---- tables ---------------------------------------------------------------------------------


def create_tables(conn, dim: int) -> None:
    """(Re)create empty vector tables in the exact layout."""
    conn.execute("DROP TABLE IF EXISTS memory_vec")
    create_vector_rows(conn, "memory_vec")
    link_to_memories(conn)
    drop_codes(conn)
    create_exact_coarse(conn, dim)
    for key in (META_LAYOUT, META_CONVERT, META_STALE, META_TRAINED_AT):
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    bump_generation(conn)


def create_vector_rows(conn, name: str) -> None:
    conn.execute(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, embedding BLOB NOT NULL, kind TEXT, created_at REAL)")


def link_to_memories(conn) -> None:
    # A memory's vector leaves with it.
    conn.execute("DROP TRIGGER IF EXISTS memories_vec_delete")
    conn.execute("CREATE TRIGGER memories_vec_delete AFTER DELETE ON memories BEGIN "
                 "DELETE FROM memory_vec WHERE rowid = old.id; END")


def create_exact_coarse(conn, dim: int) -> None:
    conn.execute("DROP TABLE IF EXISTS memory_vec_coarse")
    conn.execute(f"CREATE VIRTUAL TABLE memory_vec_coarse USING vec0(coarse float[{int(dim)}] "
                 "distance_metric=cosine, kind text, created_at float)")
    # Whoever removes a vector (forgetting, deleting a memory) removes its search copy too.
    conn.execute("DROP TRIGGER IF EXISTS memory_vec_coarse_delete")
    conn.execute("CREATE TRIGGER memory_vec_coarse_delete AFTER DELETE ON memory_vec BEGIN "
                 "DELETE FROM memory_vec_coarse WHERE rowid = old.id; END")


def drop_exact_coarse(conn) -> None:
    conn.execute("DROP TRIGGER IF EXISTS memory_vec_coarse_delete")
    conn.execute("DROP TABLE IF EXISTS memory_vec_coarse")
    conn.execute("DROP TABLE IF EXISTS memory_vec_projection")  # schema 3's projection


def create_codes(conn) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS memory_vec_codebook (id INTEGER PRIMARY KEY CHECK (id = 1), "
                 "mean BLOB NOT NULL, rotation BLOB NOT NULL)")
    conn.execute("CREATE TABLE IF NOT EXISTS memory_vec_codes (block INTEGER PRIMARY KEY, ids BLOB NOT NULL, "
                 "codes BLOB NOT NULL, kinds BLOB NOT NULL, created BLOB NOT NULL)")
    conn.execute("CREATE TABLE IF NOT EXISTS memory_vec_code_tail (id INTEGER PRIMARY KEY, code BLOB NOT NULL, "
                 "kind INTEGER NOT NULL, created_at REAL NOT NULL)")


def count_stale_codes(conn) -> None:
    # A removed vector's code in a block stays until the next rebuild (searches skip it); count them.
    conn.execute("DROP TRIGGER IF EXISTS memory_vec_codes_delete")
    conn.execute("CREATE TRIGGER memory_vec_codes_delete AFTER DELETE ON memory_vec BEGIN "
                 "DELETE FROM memory_vec_code_tail WHERE id = old.id; "
                 f"UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = '{META_STALE}'; END")


def drop_codes(conn) -> None:
    conn.execute("DROP TRIGGER IF EXISTS memory_vec_codes_delete")
    for table in ("memory_vec_code_tail", "memory_vec_codes", "memory_vec_codebook"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def migrate_from_vec0(conn) -> None:
    """Migration 3's step (see vector_layout.migrate_from_vec0)."""
    from second_me.storage import vector_layout

    vector_layout.migrate_from_vec0(conn)


def stored_codebook(conn, dim: int) -> codes.Codebook:
    mean, rotation = conn.execute("SELECT mean, rotation FROM memory_vec_codebook WHERE id = 1").fetchone()
    return codes.codebook_from_blobs(mean, rotation, dim)


def stored_vector(conn, memory_id: int, dim: int) -> Optional[np.ndarray]:
    """A memory's vector as float32 (whatever form it is stored in), or None."""
    row = conn.execute("SELECT embedding FROM memory_vec WHERE id = ?", (memory_id,)).fetchone()
    if row is None and has_table(conn, "memory_vec_next"):  # moved by an unfinished conversion
        row = conn.execute("SELECT embedding FROM memory_vec_next WHERE id = ?", (memory_id,)).fetchone()
    return None if row is None else codes.unpack([row[0]], dim)[0]


def code_coverage(conn) -> tuple[int, int]:
    """(vectors, vectors with a code) in the compact layout, for `doctor --check`."""
    vector_ids = np.array([r[0] for r in conn.execute("SELECT id FROM memory_vec")], dtype=np.int64)
    coded = [np.frombuffer(r[0], dtype="<i8") for r in conn.execute("SELECT ids FROM memory_vec_codes")]
    coded.append(np.array([r[0] for r in conn.execute("SELECT id FROM memory_vec_code_tail")], dtype=np.int64))
    return len(vector_ids), int(np.isin(vector_ids, np.concatenate(coded)).sum())


# ---- the index a process searches ------------------------------------------------------------------


class VectorIndex:
    """Inserts and searches in whichever layout the store is in; caches the codes this process has read."""

    def __init__(self) -> None:
        self.candidate_factor = CANDIDATE_FACTOR
        self._blocks = codes.BlockCache()
        self._codebook: tuple[Optional[str], Optional[codes.Codebook]] = (None, None)

    def _state(self, conn) -> tuple[str, str]:
        rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?, ?)",
                                 (META_LAYOUT, META_CONVERT, META_GENERATION)).fetchall())
        state = "exact" if rows.get(META_LAYOUT) != "compact" else (
            "converting" if META_CONVERT in rows else "compact")
        return state, rows.get(META_GENERATION, "0")

    def codebook(self, conn, generation: str, dim: int) -> codes.Codebook:
        if self._codebook[0] != generation or self._codebook[1] is None:
            self._codebook = (generation, stored_codebook(conn, dim))
        return self._codebook[1]

    def insert(self, conn, memory_id: int, vector: Sequence[float], kind: str, created_at: float) -> None:
        state, generation = self._state(conn)
        if state == "exact":
            blob = serialize(vector)
            conn.execute("INSERT INTO memory_vec(id, embedding, kind, created_at) VALUES (?, ?, ?, ?)",
                         (memory_id, blob, kind, float(created_at)))
            conn.execute("INSERT INTO memory_vec_coarse(rowid, coarse, kind, created_at) VALUES (?, ?, ?, ?)",
                         (memory_id, blob, kind, float(created_at)))
            return
        matrix = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        conn.execute("INSERT INTO memory_vec(id, embedding, kind, created_at) VALUES (?, ?, ?, ?)",
                     (memory_id, codes.pack_int8(matrix)[0], kind, float(created_at)))
        code = self.codebook(conn, generation, matrix.shape[1]).encode(matrix)[0]
        codes.add_to_tail(conn, memory_id, code, kind, created_at)

    def search(self, conn, vector: Sequence[float], limit: int, kinds: Sequence[str] = (),
               since: Optional[float] = None, until: Optional[float] = None) -> list[tuple[int, float]]:
        """(memory id, cosine) best first, among vectors of `kinds` created in [since, until)."""
        state, generation = self._state(conn)
        query = np.asarray(vector, dtype=np.float32)
        if state == "exact":
            filters, params = memory_filters(kinds, since, until)
            rows = conn.execute(f"SELECT rowid, distance FROM memory_vec_coarse WHERE coarse MATCH ? AND k = ?"
                                f"{filters} ORDER BY distance", [serialize(query), min(KNN_MAX, limit), *params]).fetchall()
            return [(r[0], 1.0 - r[1]) for r in rows]
        if state == "converting":  # vectors in two tables for now: rank them all
            filters, params = memory_filters(kinds, since, until)
            rows = [row for table in ("memory_vec", "memory_vec_next") for row in conn.execute(
                f"SELECT id, embedding FROM {table} WHERE 1{filters}", params).fetchall()]
            return _ranked(rows, query, limit)
        candidates = self._coarse(conn, generation, query, limit, kinds, since, until)
        return self._rescore(conn, query, candidates, limit, kinds, since, until)

    def candidates(self, conn, vector: Sequence[float], limit: int) -> list[int]:
        """The memories the coarse pass hands to rescoring (the exact layout's are its results)."""
        state, generation = self._state(conn)
        if state != "compact":
            return [memory_id for memory_id, _ in self.search(conn, vector, limit)]
        return self._coarse(conn, generation, np.asarray(vector, dtype=np.float32), limit, (), None, None).tolist()

    def _coarse(self, conn, generation: str, query: np.ndarray, limit: int, kinds, since, until) -> np.ndarray:
        codebook = self.codebook(conn, generation, len(query))
        parts = [self._blocks.current(conn, generation, codebook.code_bytes),
                 codes.tail_arrays(conn, codebook.code_bytes)]
        k = max(MIN_CANDIDATES, limit * self.candidate_factor)
        return np.unique(codes.nearest(parts, codebook.encode(query)[0], k, kinds, since, until))

    @staticmethod
    def _rescore(conn, query: np.ndarray, ids: np.ndarray, limit: int, kinds, since, until) -> list[tuple[int, float]]:
        """Cosine on the stored vectors of the candidates; a removed vector's stale code finds no row here."""
        if not len(ids):
            return []
        filters, params = memory_filters(kinds, since, until)
        rows = []
        for start in range(0, len(ids), 5000):
            part = ",".join(str(int(i)) for i in ids[start:start + 5000])
            rows.extend(conn.execute(f"SELECT id, embedding FROM memory_vec WHERE id IN ({part}){filters}",
                                     params).fetchall())
        return _ranked(rows, query, limit)


def search_among(conn, vector: Sequence[float], ids: Sequence[int], limit: int) -> list[tuple[int, float]]:
    """(memory id, cosine) best first, among `ids` only, by cosine on their stored vectors (float32
    or int8 + scale, in either table while a conversion is unfinished): for the few memories a filter
    leaves (a person's, those telling of a date), which a nearest-neighbour pass over everything
    would mostly miss."""
    tables = ["memory_vec"] + (["memory_vec_next"] if has_table(conn, "memory_vec_next") else [])
    rows = []
    for start in range(0, len(ids), 500):
        part = ",".join(str(int(i)) for i in ids[start:start + 500])
        for table in tables:
            rows.extend(conn.execute(f"SELECT id, embedding FROM {table} WHERE id IN ({part})").fetchall())
    return _ranked(rows, np.asarray(vector, dtype=np.float32), limit)


def _ranked(rows: list, query: np.ndarray, limit: int) -> list[tuple[int, float]]:
    if not rows:
        return []
    matrix = codes.unpack([r[1] for r in rows], len(query))
    norms = np.maximum(np.linalg.norm(matrix, axis=1) * float(np.linalg.norm(query)), 1e-12)
    scores = matrix @ query / norms
    order = np.argsort(-scores, kind="stable")[:limit]
    return [(int(rows[i][0]), float(scores[i])) for i in order]
