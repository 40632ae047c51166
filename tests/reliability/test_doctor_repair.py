"""doctor --check finds broken derived indexes and orphans; --repair rebuilds them from memories."""

from __future__ import annotations

import pytest

from tests.reliability.helpers import memory_snapshot


def _damage(services, sql_statements, foreign_keys=True):
    db = services.store.db
    if not foreign_keys:
        with db.read() as conn:
            conn.execute("PRAGMA foreign_keys = OFF")
    with db.transaction() as conn:
        for sql in sql_statements:
            conn.execute(sql)


DAMAGE = {
    "fts": ["INSERT INTO memory_fts(memory_fts, rowid, text) SELECT 'delete', id, text FROM memories WHERE id <= 3"],
    "missing_vectors": ["DELETE FROM memory_vec WHERE rowid IN (2, 5)"],
    "orphan_vectors": ["INSERT INTO memory_vec(rowid, embedding, kind, created_at) "
                       "SELECT 9999, embedding, kind, created_at FROM memory_vec WHERE rowid = 1"],
    "orphan_rows": ["UPDATE memories SET parent_id = 4242 WHERE id = 1",
                    "INSERT INTO summary_children(node_id, memory_id) VALUES (77, 1)"],
}


@pytest.mark.parametrize("problem", sorted(DAMAGE))
def test_check_finds_and_repair_fixes(services, notes, home, run_cli, problem):
    services.indexing.add([notes])
    before = memory_snapshot(home)
    _damage(services, DAMAGE[problem], foreign_keys=problem != "orphan_rows")
    services.close()

    checked = run_cli("doctor", "--check", "--json")
    assert checked.code == 5
    assert problem in {p["name"] for p in checked.json()["problems"]}

    repaired = run_cli("doctor", "--repair")
    assert repaired.code == 0, repaired.out + repaired.err
    assert "repaired:" in repaired.out and "ok: integrity check passed" in repaired.out
    assert run_cli("doctor", "--check").code == 0
    after = memory_snapshot(home)
    if problem == "orphan_rows":
        assert [row[:3] for row in after] == [row[:3] for row in before]
    else:
        assert after == before  # repair never touches a memory
    assert "sourdough.md" in run_cli("search", "proofing the dough").out


def test_check_on_a_healthy_store(run_cli, notes):
    run_cli("add", str(notes))
    result = run_cli("doctor", "--check", "--json")
    assert result.code == 0 and result.json()["ok"] is True
    assert result.json()["memories"] == result.json()["fts_rows"] == result.json()["vectors"] == 8


def _archive_rows(services):
    with services.store.db.read() as conn:
        return conn.execute("SELECT memory_id, embedding FROM memory_archive ORDER BY memory_id").fetchall()


def test_forgotten_tier_rule_checked_and_repaired(services, notes, home, run_cli):
    """Forgotten memories live in the archive, out of the vector index; the archive holds only them."""
    services.indexing.add([notes])
    services.memory.forget(2)
    services.memory.forget(3)
    archived = _archive_rows(services)
    assert [row[0] for row in archived] == [2, 3]
    services.memory.restore(3)
    before = memory_snapshot(home)
    _damage(services, [
        # a forget that left its vector behind (the archive copy is kept), and one with no archive copy
        "INSERT INTO memory_vec(rowid, embedding, kind, created_at) SELECT 2, embedding, 'chunk', 0.0 FROM memory_archive",
        "UPDATE memories SET state = 'forgotten' WHERE id = 4",
        # a restore that left its archive row behind
        "INSERT INTO memory_archive(memory_id, embedding, model_id, archived_at) "
        "SELECT 3, embedding, 'fake-embedder', 0 FROM memory_archive WHERE memory_id = 2"])
    services.close()

    checked = run_cli("doctor", "--check", "--json")
    assert checked.code == 5
    # The vector written straight into memory_vec is also missing from the search index (memory_vec_coarse).
    assert {p["name"]: p["count"] for p in checked.json()["problems"]} == {"forgotten_vectors": 2, "stale_archive": 1,
                                                                          "coarse_vectors": 1}

    repaired = run_cli("doctor", "--repair")
    assert repaired.code == 0, repaired.out + repaired.err
    assert run_cli("doctor", "--check").code == 0
    after = memory_snapshot(home)
    assert [row for row in after if row[0] != 4] == [row for row in before if row[0] != 4]
    assert [row[0] for row in after if row[6] == "forgotten"] == [2, 4]
    listed = run_cli("memory", "list", "--forgotten", "--json").json()
    assert sorted(m["id"] for m in listed) == [2, 4]
    # Both forgotten memories are restorable straight from the archive, the first with its original vector.
    from second_me.storage.store import open_store
    from second_me.config import load_settings

    store = open_store(load_settings(home))
    try:
        with store.db.read() as conn:
            assert conn.execute("SELECT embedding FROM memory_archive WHERE memory_id = 2").fetchone()[0] == archived[0][1]
            assert conn.execute("SELECT count(*) FROM memory_archive WHERE memory_id = 4").fetchone()[0] == 1
    finally:
        store.close()
    assert run_cli("memory", "restore", "2").code == 0 and run_cli("memory", "restore", "4").code == 0
    assert run_cli("doctor", "--check").code == 0
