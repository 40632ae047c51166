"""The vector index: exact while small; compact (int8 vectors, bit-code scan) once large; migrations into it."""

import numpy as np
import pytest

from second_me.secrets import DatabaseKey
from second_me.storage import migrations, vector_codes, vector_index, vector_layout
from second_me.storage.consistency import check, repair
from second_me.storage.db import Database
from second_me.storage.store import MemoryStore, NewMemory
from tests.storage.legacy import write_schema_3_store

DIM = 16
KEY = DatabaseKey("passphrase", "'secret'")


def _vectors(n, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((6, DIM))
    v = centres[rng.integers(0, 6, n)] + 0.4 * rng.standard_normal((n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _memories(vectors, kinds=None, first=0):
    return [NewMemory(kind=(kinds[i] if kinds else "chunk"), text=f"memory {first + i}", vector=v.tolist(),
                      created_at=1000.0 + first + i, strength=30.0) for i, v in enumerate(vectors)]


def _exact(vectors, query, k):
    return [int(i) + 1 for i in np.argsort(-(vectors @ query))[:k]]


def _compact(store, n, kinds=None):
    """`n` memories, the index switched to its compact layout (thresholds of `small_index`)."""
    vectors = _vectors(n)
    store.add_memories(_memories(vectors, kinds))
    assert store.tune_vector_index() is True
    return vectors


def _stored_lengths(store):
    with store.db.read() as conn:
        return {len(r[0]) for r in conn.execute("SELECT embedding FROM memory_vec")}


@pytest.fixture
def store(tmp_path):
    s = MemoryStore(Database(tmp_path / "memory.db", KEY))
    s.use_embedder("fake", DIM, 0.0)
    yield s
    s.close()


@pytest.fixture
def small_index(monkeypatch):
    """Thresholds of a large store, at test sizes."""
    monkeypatch.setattr(vector_layout, "TRAIN_AT", 200)
    monkeypatch.setattr(vector_codes, "BLOCK", 64)
    monkeypatch.setattr(vector_layout, "CONVERT_BATCH", 128)


def test_small_store_is_searched_exactly(store):
    vectors = _vectors(300)
    store.add_memories(_memories(vectors))
    assert store.tune_vector_index() is False  # far below TRAIN_AT
    assert _stored_lengths(store) == {DIM * 4}
    for q in vectors[:5]:
        assert [i for i, _ in store.vector_search(q.tolist(), 10)] == _exact(vectors, q, 10)


def test_a_large_store_switches_to_the_compact_layout(store, small_index):
    vectors = _vectors(400)
    store.add_memories(_memories(vectors[:300]))
    assert store.tune_vector_index() is True
    assert store.tune_vector_index() is False  # retrains only after RETRAIN_GROWTH-fold growth
    store.add_memories(_memories(vectors[300:], first=300))  # compact on insert, codes in the tail then blocks
    assert _stored_lengths(store) == {DIM + 4}
    with store.db.read() as conn:
        assert vector_index.layout(conn) == "compact"
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'memory_vec_coarse'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM memory_vec_codes").fetchone()[0] >= 400 // 64
        assert vector_index.code_coverage(conn) == (400, 400)
    for i in (0, 150, 350, 399):
        best_id, cosine = store.vector_search(vectors[i].tolist(), 5)[0]
        assert best_id == i + 1 and cosine == pytest.approx(1.0, abs=2e-3)
    q = vectors[7]
    found = [i for i, _ in store.vector_search(q.tolist(), 10)]
    assert len(set(found) & set(_exact(vectors, q, 10))) >= 9  # int8 cosines: a near tie may swap
    assert check(store).ok


def test_the_coarse_pass_narrows_the_candidates_and_keeps_recall(tmp_path, small_index, monkeypatch):
    dim = 64
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((50, dim))[rng.integers(0, 50, 3000)] + 0.7 * rng.standard_normal((3000, dim))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    store = MemoryStore(Database(tmp_path / "wide.db", KEY))
    store.use_embedder("fake", dim, 0.0)
    store.add_memories(_memories(vectors))
    store.tune_vector_index()
    monkeypatch.setattr(vector_index, "MIN_CANDIDATES", 60)
    rescored = []
    original = vector_index.VectorIndex._rescore

    def counting(conn, query, ids, *args):
        rescored.append(len(ids))
        return original(conn, query, ids, *args)

    monkeypatch.setattr(vector_index.VectorIndex, "_rescore", staticmethod(counting))
    queries = vectors[::100] + 0.05 * rng.standard_normal((30, dim)).astype(np.float32)  # near a memory
    recalls = [len({i for i, _ in store.vector_search(q.tolist(), 5)} & set(_exact(vectors, q, 5))) / 5
               for q in queries]
    store.close()
    assert max(rescored) <= 100 < 3000  # 20 × 5 candidates of 3000 vectors
    assert np.mean(recalls) >= 0.9


def test_filters_apply_to_the_coarse_pass(store, small_index):
    kinds = ["fact" if i % 97 == 0 else "chunk" for i in range(400)]
    vectors = _compact(store, 400, kinds)
    found = {i for i, _ in store.vector_search(vectors[1].tolist(), 10, kinds=("fact",))}
    assert found == {i + 1 for i in range(400) if kinds[i] == "fact"}
    assert all(i > 300 for i, _ in store.vector_search(vectors[1].tolist(), 10, since=1000.0 + 300))
    assert all(i <= 50 for i, _ in store.vector_search(vectors[1].tolist(), 10, until=1000.0 + 50))


def test_removed_vectors_leave_search_and_many_removals_rebuild_the_codes(store, small_index):
    vectors = _compact(store, 600)
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM memories WHERE id = 5")
    assert 5 not in {i for i, _ in store.vector_search(vectors[4].tolist(), 10)}
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM memories WHERE id > 400")
    with store.db.read() as conn:
        assert vector_index.code_coverage(conn) == (399, 399)
        generation = conn.execute("SELECT value FROM meta WHERE key = 'vec_codes_generation'").fetchone()[0]
    assert store.tune_vector_index() is True  # 201 stale codes of 600 > 5 %
    with store.db.read() as conn:
        entries = sum(len(r[0]) // 8 for r in conn.execute("SELECT ids FROM memory_vec_codes"))
        entries += conn.execute("SELECT count(*) FROM memory_vec_code_tail").fetchone()[0]
        assert entries == 399
        assert conn.execute("SELECT value FROM meta WHERE key = 'vec_codes_generation'").fetchone()[0] != generation
    assert [i for i, _ in store.vector_search(vectors[10].tolist(), 1)] == [11]


def test_another_process_sees_new_blocks_and_rebuilds(tmp_path, small_index):
    path = tmp_path / "memory.db"
    writer, reader = MemoryStore(Database(path, KEY)), None
    try:
        writer.use_embedder("fake", DIM, 0.0)
        vectors = _vectors(700)
        writer.add_memories(_memories(vectors[:300]))
        writer.tune_vector_index()
        reader = MemoryStore(Database(path, KEY))
        assert reader.vector_search(vectors[0].tolist(), 1)[0][0] == 1
        writer.add_memories(_memories(vectors[300:], first=300))  # new blocks the reader has not read
        assert reader.vector_search(vectors[650].tolist(), 1)[0][0] == 651
        with writer.db.transaction() as conn:
            conn.execute("DELETE FROM memories WHERE id <= 100")
        writer.tune_vector_index()  # rebuild: a new generation
        assert reader.vector_search(vectors[0].tolist(), 1)[0][0] != 1
        assert reader.vector_search(vectors[500].tolist(), 1)[0][0] == 501
    finally:
        writer.close()
        if reader:
            reader.close()


def test_forgetting_archives_a_compact_vector_as_float32(store, small_index):
    vectors = _compact(store, 300)
    with store.db.transaction() as conn:
        store.states.archive(conn, 3, 5000.0)
    archived, _ = store.states.archived_vector(3)
    assert len(archived) == DIM * 4
    assert np.allclose(np.frombuffer(archived, dtype=np.float32), vectors[2], atol=0.02)
    assert 3 not in {i for i, _ in store.vector_search(vectors[2].tolist(), 5)}


def _schema_3_store(path, n, projected=True):
    vectors = _vectors(n)
    write_schema_3_store(path, KEY, [f"m{i}" for i in range(1, n + 1)], vectors, projected=projected)
    return vectors


def test_the_compact_layout_migration_converts_a_projected_store(tmp_path, small_index):
    path = tmp_path / "memory.db"
    vectors = _schema_3_store(path, 500)
    store = MemoryStore(Database(path, KEY))
    try:
        with store.db.read() as conn:
            assert migrations.schema_version(conn) == len(migrations.MIGRATIONS)
            assert vector_index.layout(conn) == "compact"
            assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name IN "
                                "('memory_vec_coarse', 'memory_vec_projection')").fetchone()[0] == 0
        assert _stored_lengths(store) == {DIM + 4}
        assert check(store).ok, check(store).as_json()
        assert store.vector_search(vectors[42].tolist(), 3)[0][0] == 43
        with store.db.transaction() as conn:
            conn.execute("DELETE FROM memories WHERE id = 43")  # the old delete trigger still works
        assert 43 not in {i for i, _ in store.vector_search(vectors[42].tolist(), 5)}
    finally:
        store.close()


def test_the_compact_layout_migration_leaves_a_small_store_exact(tmp_path):
    path = tmp_path / "memory.db"
    vectors = _schema_3_store(path, 50, projected=False)
    store = MemoryStore(Database(path, KEY))
    try:
        with store.db.read() as conn:
            assert vector_index.layout(conn) == "exact"
        assert _stored_lengths(store) == {DIM * 4}
        assert [i for i, _ in store.vector_search(vectors[3].tolist(), 5)] == _exact(vectors, vectors[3], 5)
        assert check(store).ok
    finally:
        store.close()


def test_an_interrupted_conversion_resumes_and_doctor_knows_it(tmp_path, small_index, monkeypatch):
    path = tmp_path / "memory.db"
    vectors = _schema_3_store(path, 1000)
    calls = []
    original = vector_layout.convert_batch

    def dies_on_the_third_batch(conn):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # a kill: this batch's transaction is rolled back
        return original(conn)

    monkeypatch.setattr(vector_layout, "convert_batch", dies_on_the_third_batch)
    with pytest.raises(KeyboardInterrupt):
        MemoryStore(Database(path, KEY))
    monkeypatch.setattr(vector_layout, "convert_batch", original)
    monkeypatch.setattr(vector_layout, "finish_conversion", lambda db: None)  # open without finishing...
    store = MemoryStore(Database(path, KEY))
    try:
        with store.db.read() as conn:
            assert vector_index.layout(conn) == "converting"
            assert int(conn.execute("SELECT value FROM meta WHERE key = 'vec_convert_upto'").fetchone()[0]) == 256
        assert store.vector_search(vectors[900].tolist(), 1)[0][0] == 901  # searched exactly meanwhile
        report = check(store)
        assert "vector_layout" in {p.name for p in report.problems}
        monkeypatch.undo()
        repair(store, 0.0, report)  # ...doctor --repair finishes it
        assert check(store).ok
        with store.db.read() as conn:
            assert vector_index.code_coverage(conn) == (1000, 1000)
            entries = sum(len(r[0]) // 8 for r in conn.execute("SELECT ids FROM memory_vec_codes"))
            assert entries == 1000  # no batch was coded twice
        assert _stored_lengths(store) == {DIM + 4}
    finally:
        store.close()


def test_doctor_finds_and_rebuilds_missing_codes(store, small_index):
    vectors = _compact(store, 300)
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM memory_vec_codes WHERE block = (SELECT min(block) FROM memory_vec_codes)")
    report = check(store)
    assert "coarse_vectors" in {p.name for p in report.problems}
    repair(store, 0.0, report)
    assert check(store).ok
    assert store.vector_search(vectors[0].tolist(), 1)[0][0] == 1


def test_migration_rebuilds_the_schema_1_vector_table(tmp_path, monkeypatch):
    path = tmp_path / "memory.db"
    vectors = _vectors(50)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    db = Database(path, KEY)
    migrations.migrate(db)
    with db.transaction() as conn:  # the schema-1 layout: full vectors in vec0
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
    store = MemoryStore(Database(path, KEY))
    try:
        with store.db.read() as conn:
            assert conn.execute("SELECT count(*) FROM memory_vec").fetchone()[0] == 50
            assert conn.execute("SELECT count(*) FROM memory_vec_coarse").fetchone()[0] == 50
        assert [i for i, _ in store.vector_search(vectors[3].tolist(), 5)] == _exact(vectors, vectors[3], 5)
        with store.db.transaction() as conn:
            conn.execute("DELETE FROM memories WHERE id = 4")  # the old delete trigger still works
        assert 4 not in {i for i, _ in store.vector_search(vectors[3].tolist(), 5)}
        assert check(store).ok
    finally:
        store.close()


@pytest.mark.parametrize("compact", [False, True])
def test_more_neighbours_than_sqlite_vec_allows_is_not_an_error(store, request, compact):
    """sqlite-vec refuses k above 4096; asking for more returns what there is, in either layout."""
    if compact:
        request.getfixturevalue("small_index")
    vectors = _vectors(300)
    store.add_memories(_memories(vectors))
    assert store.tune_vector_index() is compact
    assert len(store.vector_search(vectors[0].tolist(), vector_index.KNN_MAX + 1000)) == 300


@pytest.mark.parametrize("compact", [False, True])
def test_a_search_among_some_memories_ranks_them_by_their_stored_vectors(store, request, compact):
    """A filter's few memories (a person's, those telling of a date) are ranked by cosine on their
    own vectors: float32 while small, int8 + scale once compact."""
    if compact:
        request.getfixturevalue("small_index")
        vectors = _compact(store, 300)
        assert _stored_lengths(store) == {DIM + 4}
    else:
        vectors = _vectors(300)
        store.add_memories(_memories(vectors))
    among = list(range(3, 301, 5))
    for q in vectors[[2, 40, 299]]:
        found = store.vector_search(q.tolist(), 5, among=among)
        assert {i for i, _ in found} <= set(among) and len(found) == 5
        exact = sorted(among, key=lambda i: -float(vectors[i - 1] @ q))[:5]
        assert found[0][0] == exact[0]
        assert found[0][1] == pytest.approx(float(vectors[exact[0] - 1] @ q), abs=2e-2)
        assert len({i for i, _ in found} & set(exact)) >= 4  # int8 cosines: a near tie may swap
