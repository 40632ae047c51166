"""Switching the vector index between its layouts (see vector_index.py): the switch to the compact
layout once a store is large, the conversion of a store written in schema 3's projected layout
(in committed batches, resumable after a kill), rebuilds of the searched copy after growth,
many removals, or damage (`doctor --repair`).
"""

from __future__ import annotations

import numpy as np

from second_me.storage import vector_codes as codes
from second_me.storage.vector_index import (META_CONVERT, META_LAYOUT, META_STALE, META_TRAINED_AT,
                                            bump_generation, count_stale_codes, create_codes, create_exact_coarse,
                                            create_tables, create_vector_rows, drop_codes, drop_exact_coarse,
                                            has_table, layout, link_to_memories, meta, set_meta, stored_codebook,
                                            vector_dim)

TRAIN_AT = 20_000
RETRAIN_GROWTH = 4
STALE_SHARE = 0.05  # rebuild the codes once this share of them belongs to removed vectors
SAMPLE = 20_000
CONVERT_BATCH = 8 * codes.BLOCK


def sample(conn, dim: int, seed: int) -> np.ndarray:
    ids = np.array([r[0] for r in conn.execute("SELECT id FROM memory_vec")], dtype=np.int64)
    chosen = np.random.default_rng(seed).choice(ids, min(len(ids), SAMPLE), replace=False)
    blobs = []
    for start in range(0, len(chosen), 500):
        part = ",".join(str(int(i)) for i in chosen[start:start + 500])
        blobs.extend(r[0] for r in conn.execute(f"SELECT embedding FROM memory_vec WHERE id IN ({part})"))
    return codes.unpack(blobs, dim)


def start_compact(conn, seed: int = 0) -> None:
    """Train the codebook and switch to the compact layout; the vectors are then moved (see convert_batch)."""
    dim = vector_dim(conn)
    count = conn.execute("SELECT count(*) FROM memory_vec").fetchone()[0]
    codebook = codes.train_codebook(sample(conn, dim, seed), seed)
    drop_exact_coarse(conn)
    drop_codes(conn)
    create_codes(conn)
    conn.execute("INSERT INTO memory_vec_codebook(id, mean, rotation) VALUES (1, ?, ?)",
                 (codebook.mean.tobytes(), codebook.rotation.tobytes()))
    conn.execute("DROP TABLE IF EXISTS memory_vec_next")
    create_vector_rows(conn, "memory_vec_next")
    set_meta(conn, META_LAYOUT, "compact")
    set_meta(conn, META_CONVERT, 0)
    set_meta(conn, META_STALE, 0)
    set_meta(conn, META_TRAINED_AT, count)
    bump_generation(conn)


def convert_batch(conn) -> bool:
    """Move the next CONVERT_BATCH vectors to `memory_vec_next` in int8 form, with their codes; False when done.

    Moving (not updating in place) leaves the new table densely packed: rows shrunk in place
    would keep the pages of their float32 size. The last batch renames the new table."""
    if meta(conn, META_CONVERT) is None:
        return False
    dim = vector_dim(conn)
    rows = conn.execute("SELECT id, embedding, kind, created_at FROM memory_vec ORDER BY id LIMIT ?",
                        (CONVERT_BATCH,)).fetchall()
    if not rows:
        finish_move(conn)
        return False
    vectors = codes.unpack([r[1] for r in rows], dim)
    conn.executemany("INSERT INTO memory_vec_next(id, embedding, kind, created_at) VALUES (?, ?, ?, ?)",
                     [(r[0], blob, r[2], r[3]) for r, blob in zip(rows, codes.pack_int8(vectors))])
    conn.execute("DELETE FROM memory_vec WHERE id <= ?", (rows[-1][0],))
    write_codes(conn, rows, stored_codebook(conn, dim).encode(vectors))
    set_meta(conn, META_CONVERT, rows[-1][0])
    return True


def write_codes(conn, rows: list, encoded: np.ndarray) -> None:
    for start in range(0, len(rows), codes.BLOCK):
        part = rows[start:start + codes.BLOCK]
        codes.write_block(conn, [r[0] for r in part], encoded[start:start + codes.BLOCK],
                          [codes.kind_code(r[2]) for r in part], [float(r[3] or 0.0) for r in part])


def finish_move(conn) -> None:
    conn.execute("DROP TRIGGER IF EXISTS memories_vec_delete")  # names memory_vec: the rename checks it
    conn.execute("DROP TABLE memory_vec")
    conn.execute("ALTER TABLE memory_vec_next RENAME TO memory_vec")
    link_to_memories(conn)
    count_stale_codes(conn)
    conn.execute("DELETE FROM meta WHERE key = ?", (META_CONVERT,))


def finish_conversion(db) -> None:
    """Run an unfinished conversion to the end, one committed batch at a time (resumable after a kill)."""
    with db.read() as conn:
        if not has_table(conn, "meta") or layout(conn) != "converting":
            return
    while True:
        with db.transaction() as conn:
            if not convert_batch(conn):
                return


def rebuild_codes(conn, retrain: bool, seed: int = 0) -> None:
    """Recompute every code from the stored vectors (new codebook if `retrain`), in the caller's transaction."""
    dim = vector_dim(conn)
    codebook = codes.train_codebook(sample(conn, dim, seed), seed) if retrain else stored_codebook(conn, dim)
    conn.execute("DELETE FROM memory_vec_codes")
    conn.execute("DELETE FROM memory_vec_code_tail")
    conn.execute("INSERT OR REPLACE INTO memory_vec_codebook(id, mean, rotation) VALUES (1, ?, ?)",
                 (codebook.mean.tobytes(), codebook.rotation.tobytes()))
    cursor = conn.execute("SELECT id, embedding, kind, created_at FROM memory_vec ORDER BY id")
    while rows := cursor.fetchmany(CONVERT_BATCH):
        write_codes(conn, rows, codebook.encode(codes.unpack([r[1] for r in rows], dim)))
    set_meta(conn, META_STALE, 0)
    bump_generation(conn)


def rebuild_search_index(conn) -> None:
    """Make the searched copy (vec0 table or codes) agree with `memory_vec` again."""
    if layout(conn) == "exact":
        rebuild_coarse(conn)
    else:
        rebuild_codes(conn, retrain=False)


def rebuild_coarse(conn, basis=None) -> None:
    """Recreate the exact layout's vec0 table from the stored vectors (`basis` is schema 3's, always None)."""
    create_exact_coarse(conn, vector_dim(conn))
    cursor = conn.execute("SELECT id, embedding, kind, created_at FROM memory_vec ORDER BY id")
    while rows := cursor.fetchmany(10_000):
        conn.executemany("INSERT INTO memory_vec_coarse(rowid, coarse, kind, created_at) VALUES (?, ?, ?, ?)", rows)


def tune(conn, seed: int = 0) -> bool:
    """Switch to the compact layout once the store is large; retrain after growth, rebuild after many removals.

    Runs after every indexing run, so it counts from small tables: counting `memory_vec` itself
    would read every vector (~400 MB at a million memories)."""
    state = layout(conn)
    if state == "exact":
        if conn.execute("SELECT count(*) FROM memory_vec_coarse_rowids").fetchone()[0] < TRAIN_AT:
            return False
        start_compact(conn, seed)
        while convert_batch(conn):
            pass
        return True
    if state == "converting":
        return False
    stale = int(meta(conn, META_STALE) or 0)
    (coded,) = conn.execute("SELECT coalesce(sum(length(ids)), 0) / 8 + (SELECT count(*) FROM memory_vec_code_tail) "
                            "FROM memory_vec_codes").fetchone()
    count = coded - stale
    trained_at = int(meta(conn, META_TRAINED_AT) or 0)
    if trained_at and count >= trained_at * RETRAIN_GROWTH:
        rebuild_codes(conn, retrain=True, seed=seed)
        set_meta(conn, META_TRAINED_AT, count)
        return True
    if stale > max(codes.BLOCK, STALE_SHARE * count):
        rebuild_codes(conn, retrain=False)
        return True
    return False


def migrate_from_vec0(conn) -> None:
    """Schema 1 kept full vectors in a vec0 table `memory_vec`: move them to the exact layout (migration 3)."""
    dim = vector_dim(conn)
    conn.execute("CREATE TEMP TABLE vec_move AS SELECT rowid AS id, embedding, kind, created_at FROM memory_vec")
    create_tables(conn, dim)
    conn.execute("INSERT INTO memory_vec(id, embedding, kind, created_at) SELECT id, embedding, kind, created_at "
                 "FROM temp.vec_move")
    conn.execute("DROP TABLE temp.vec_move")
    rebuild_coarse(conn)


def migrate_to_codes(conn) -> None:
    """Schema 3's projected layout (a PCA projection in vec0) becomes the compact layout (its migration).

    Only the switch happens in the migration's transaction; the vectors are converted
    afterwards in committed batches (`finish_conversion`)."""
    if not has_table(conn, "memory_vec") or not conn.execute("SELECT 1 FROM embedding_model").fetchone():
        return
    projected = has_table(conn, "memory_vec_projection") and conn.execute(
        "SELECT 1 FROM memory_vec_projection").fetchone() is not None
    conn.execute("DROP TABLE IF EXISTS memory_vec_projection")
    if projected:
        start_compact(conn)
