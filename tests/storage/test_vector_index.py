"""The vector index: exact while small, projected coarse pass + exact rescoring later, migration from schema 1."""

import numpy as np
import pytest

from second_me.secrets import DatabaseKey
from second_me.storage import migrations, vector_index
from second_me.storage.db import Database
from second_me.storage.store import MemoryStore, NewMemory

DIM = 16


def _vectors(n, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((6, DIM))
    v = centres[rng.integers(0, 6, n)] + 0.4 * rng.standard_normal((n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _memories(vectors, kinds=None):
    return [NewMemory(kind=(kinds[i] if kinds else "chunk"), text=f"memory {i}", vector=v.tolist(),
                      created_at=1000.0 + i, strength=30.0) for i, v in enumerate(vectors)]


def _exact(vectors, query, k):
    return [int(i) + 1 for i in np.argsort(-(vectors @ query))[:k]]


@pytest.fixture
def store(tmp_path):
    s = MemoryStore(Database(tmp_path / "memory.db", DatabaseKey("passphrase", "'secret'")))
    s.use_embedder("fake", DIM, 0.0)
    yield s
    s.close()


def test_small_store_is_searched_exactly(store):
    vectors = _vectors(300)
    store.add_memories(_memories(vectors))
    assert store.tune_vector_index() is False  # far below TRAIN_AT: one cell
    for q in vectors[:5]:
        assert [i for i, _ in store.vector_search(q.tolist(), 10)] == _exact(vectors, q, 10)


def test_a_trained_projection_keeps_search_exact_on_its_candidates(store, monkeypatch):
    monkeypatch.setattr(vector_index, "TRAIN_AT", 200)
    monkeypatch.setattr(vector_index, "PROJECTED_DIM", 8)
    vectors = _vectors(400)
    store.add_memories(_memories(vectors[:300]))
    assert store.tune_vector_index() is True
    assert store.tune_vector_index() is False  # retrains only after RETRAIN_GROWTH-fold growth
    with store.db.read() as conn:
        assert "float[8]" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'memory_vec_coarse'").fetchone()[0]
    store.add_memories(_memories(vectors[300:]))  # projected on insert
    for i in (0, 150, 350, 399):
        best_id, cosine = store.vector_search(vectors[i].tolist(), 5)[0]
        assert best_id == i + 1 and cosine == pytest.approx(1.0, abs=1e-5)
    q = vectors[7]
    assert [i for i, _ in store.vector_search(q.tolist(), 10)] == _exact(vectors, q, 10)


def test_filters_apply_to_the_coarse_pass(store, monkeypatch):
    monkeypatch.setattr(vector_index, "TRAIN_AT", 200)
    vectors = _vectors(400)
    kinds = ["fact" if i % 97 == 0 else "chunk" for i in range(400)]
    store.add_memories(_memories(vectors, kinds))
    store.tune_vector_index()
    found = {i for i, _ in store.vector_search(vectors[1].tolist(), 10, kinds=("fact",))}
    assert found == {i + 1 for i in range(400) if kinds[i] == "fact"}
    assert all(i > 300 for i, _ in store.vector_search(vectors[1].tolist(), 10, since=1000.0 + 300))


def test_deleting_a_memory_removes_both_of_its_vectors(store, monkeypatch):
    monkeypatch.setattr(vector_index, "TRAIN_AT", 200)
    vectors = _vectors(250)
    store.add_memories(_memories(vectors))
    store.tune_vector_index()
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM memories WHERE id = 5")
        assert conn.execute("SELECT count(*) FROM memory_vec_coarse WHERE rowid = 5").fetchone()[0] == 0
    assert 5 not in {i for i, _ in store.vector_search(vectors[4].tolist(), 10)}


def test_migration_rebuilds_the_old_vector_table(tmp_path, monkeypatch):
    path = tmp_path / "memory.db"
    key = DatabaseKey("passphrase", "'secret'")
    vectors = _vectors(50)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    db = Database(path, key)
    migrations.migrate(db)
    with db.transaction() as conn:  # the schema-1 layout: no cell column
        conn.execute("INSERT INTO embedding_model(id, model_id, dim, recorded_at) VALUES (1, 'fake', ?, 0)", (DIM,))
        conn.execute(f"CREATE VIRTUAL TABLE memory_vec USING vec0(embedding float[{DIM}] distance_metric=cosine, "
                     "kind text, created_at float)")
        conn.execute("CREATE TRIGGER memories_vec_delete AFTER DELETE ON memories BEGIN "
                     "DELETE FROM memory_vec WHERE rowid = old.id; END")
        for i, v in enumerate(vectors, start=1):
            conn.execute("INSERT INTO memories(id, kind, text, created_at, strength) VALUES (?, 'chunk', ?, 1.0, 30)",
                         (i, f"m{i}"))
            conn.execute("INSERT INTO memory_vec(rowid, embedding, kind, created_at) VALUES (?, ?, 'chunk', 1.0)",
                         (i, v.tobytes()))
    db.close()
    monkeypatch.undo()
    store = MemoryStore(Database(path, key))
    try:
        with store.db.read() as conn:
            assert conn.execute("SELECT count(*) FROM memory_vec").fetchone()[0] == 50
            assert conn.execute("SELECT count(*) FROM memory_vec_coarse").fetchone()[0] == 50
        assert [i for i, _ in store.vector_search(vectors[3].tolist(), 5)] == _exact(vectors, vectors[3], 5)
        with store.db.transaction() as conn:
            conn.execute("DELETE FROM memories WHERE id = 4")  # the old delete trigger still works
        assert 4 not in {i for i, _ in store.vector_search(vectors[3].tolist(), 5)}
    finally:
        store.close()


@pytest.mark.parametrize("trained", [False, True])
def test_more_neighbours_than_sqlite_vec_allows_is_not_an_error(store, monkeypatch, trained):
    """sqlite-vec refuses k above 4096; asking for more returns what there is."""
    if trained:
        monkeypatch.setattr(vector_index, "TRAIN_AT", 200)
        monkeypatch.setattr(vector_index, "PROJECTED_DIM", 8)
    vectors = _vectors(300)
    store.add_memories(_memories(vectors))
    assert store.tune_vector_index() is trained
    assert len(store.vector_search(vectors[0].tolist(), vector_index.KNN_MAX + 1000)) == 300
