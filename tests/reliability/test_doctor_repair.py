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
    services.add([notes])
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
