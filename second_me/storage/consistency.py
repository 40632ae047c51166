"""`doctor --check` and `--repair`: is the store intact, and are its derived indexes in step?

The memories table is the truth. The full-text index and the vectors are derived from it,
so they can always be rebuilt: FTS5's 'rebuild' command re-reads the memories, and missing
vectors are re-embedded from the memories' text. Orphans (rows pointing at rows that no
longer exist) are removed, or their dangling reference cleared when the row holds data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from second_me.storage import vector_index, vector_layout
from second_me.storage.messages import own_words_in_search, take_out_of_search
from second_me.storage.store import MemoryStore

# Rows in these tables are derived (re-creatable by indexing): an orphan is deleted.
# Rows elsewhere hold the user's data: only their dangling reference is cleared.
DERIVED_TABLES = {"summary_children", "queue"}


@dataclass
class Problem:
    name: str  # machine-readable: integrity, fts, missing_vectors, orphan_vectors, coarse_vectors,
    # vector_layout, orphan_rows, forgotten_vectors, stale_archive, own_words
    detail: str
    count: int = 0


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    memories: int = 0
    active: int = 0
    fts_rows: int = 0
    vectors: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {"ok": self.ok, "memories": self.memories, "active": self.active, "fts_rows": self.fts_rows,
                "vectors": self.vectors,
                "problems": [{"name": p.name, "detail": p.detail, "count": p.count} for p in self.problems]}


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def check(store: MemoryStore) -> CheckReport:
    report = CheckReport()
    with store.db.read() as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            report.problems.append(Problem("integrity", "; ".join(integrity[:5]), len(integrity)))
        report.memories = conn.execute("SELECT count(*) FROM memories").fetchone()[0]
        report.active = conn.execute("SELECT count(*) FROM memories WHERE state = 'active'").fetchone()[0]
        _check_fts(conn, report)
        if _has_table(conn, "memory_vec"):
            _check_vectors(conn, report)
            if _has_table(conn, "memory_archive"):
                _check_forgotten_tier(conn, report)
        elif report.active:
            report.problems.append(Problem("missing_vectors", f"{report.active} memories have no vector table",
                                           report.active))
        _check_orphans(conn, report)
        _check_own_words(conn, report)
    return report


def _check_fts(conn, report: CheckReport) -> None:
    # The docsize shadow table has one row per indexed document (external content).
    report.fts_rows = conn.execute("SELECT count(*) FROM memory_fts_docsize").fetchone()[0]
    stray = conn.execute("SELECT count(*) FROM memory_fts_docsize WHERE id NOT IN (SELECT id FROM memories)").fetchone()[0]
    missing = conn.execute("SELECT count(*) FROM memories WHERE id NOT IN (SELECT id FROM memory_fts_docsize)").fetchone()[0]
    in_step = True
    try:
        # rank = 1: also compare the index's words with the memories' text.
        conn.execute("INSERT INTO memory_fts(memory_fts, rank) VALUES ('integrity-check', 1)")
    except Exception:  # FTS5 reports a mismatch as SQLITE_CORRUPT_VTAB
        in_step = False
    if stray or missing or not in_step:
        report.problems.append(Problem(
            "fts", f"full-text index out of step: {missing} memories missing, {stray} stray rows"
                   + ("" if in_step else ", words differ from the memories"), missing + stray or 1))


def _check_vectors(conn, report: CheckReport) -> None:
    # Vectors in memory_vec (id = memory id); what searches read is the vec0 copy (exact layout)
    # or the codes (compact layout, see storage/vector_index.py).
    if vector_index.layout(conn) == "converting":  # vectors are in two tables until it is finished
        report.problems.append(Problem("vector_layout", "the change to the compact vector layout is unfinished", 1))
        return
    report.vectors = conn.execute("SELECT count(*) FROM memory_vec").fetchone()[0]
    missing = conn.execute("SELECT count(*) FROM memories WHERE state = 'active' "
                           "AND id NOT IN (SELECT id FROM memory_vec)").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM memory_vec WHERE id NOT IN (SELECT id FROM memories)").fetchone()[0]
    state = vector_index.layout(conn)
    if state == "compact" and not _has_table(conn, "memory_vec_codebook"):
        report.problems.append(Problem("coarse_vectors", "the vector search codes are missing", report.vectors or 1))
    else:
        if state == "exact":
            searched = conn.execute("SELECT count(*) FROM memory_vec_coarse_rowids").fetchone()[0]
        else:
            searched = vector_index.code_coverage(conn)[1]
        if searched != report.vectors:
            report.problems.append(Problem("coarse_vectors", f"search index holds {searched} of {report.vectors} "
                                                             "vectors", abs(report.vectors - searched)))
    if missing:
        report.problems.append(Problem("missing_vectors", f"{missing} active memories have no vector", missing))
    if orphans:
        report.problems.append(Problem("orphan_vectors", f"{orphans} vectors belong to no memory", orphans))


def _check_forgotten_tier(conn, report: CheckReport) -> None:
    """The forgotten tier's rule: a forgotten memory's vector is in the archive, not the index
    (or it could come back in search); the archive holds forgotten memories only."""
    indexed = conn.execute("SELECT count(*) FROM memories WHERE state = 'forgotten' "
                           "AND id IN (SELECT id FROM memory_vec)").fetchone()[0]
    stale = conn.execute("SELECT count(*) FROM memory_archive a JOIN memories m ON m.id = a.memory_id "
                         "WHERE m.state = 'active'").fetchone()[0]
    if indexed:
        report.problems.append(Problem("forgotten_vectors", f"{indexed} forgotten memories are still in the "
                                                            "vector index", indexed))
    if stale:
        report.problems.append(Problem("stale_archive", f"{stale} active memories still have an archived vector",
                                       stale))


def _foreign_key_orphans(conn) -> list[tuple[str, int, str, str]]:
    """(table, rowid, referenced table, column) for every row pointing at a missing row."""
    found = []
    for table, rowid, parent, fk_id in conn.execute("PRAGMA foreign_key_check").fetchall():
        column = next(row[3] for row in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
                      if row[0] == fk_id)
        found.append((table, rowid, parent, column))
    return found


def _check_own_words(conn, report: CheckReport) -> None:
    found = own_words_in_search(conn)
    if found:
        report.problems.append(Problem("own_words", f"{len(found)} of second-me's answers, or questions and requests "
                                                    "typed to it, are searchable memories", len(found)))


def _check_orphans(conn, report: CheckReport) -> None:
    orphans = _foreign_key_orphans(conn)
    if orphans:
        tables = sorted({f"{table}.{column}" for table, _, _, column in orphans})
        report.problems.append(Problem("orphan_rows", f"{len(orphans)} rows point at missing rows ({', '.join(tables)})",
                                       len(orphans)))


@dataclass
class RepairReport:
    actions: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"actions": self.actions}


def repair(store: MemoryStore, now: float, before: Optional[CheckReport] = None) -> RepairReport:
    """Rebuild what is derived; never delete a memory that holds the user's data.

    Missing vectors are not made here: that needs the embedder (see memory/reembed.py)."""
    report = RepairReport()
    before = before or check(store)
    names = {p.name for p in before.problems}
    if "integrity" in names:
        with store.db.transaction() as conn:
            conn.execute("REINDEX")
        report.actions.append("rebuilt all SQL indexes (REINDEX)")
    if "orphan_rows" in names:
        report.actions.extend(_repair_orphans(store))
    if "orphan_vectors" in names:
        with store.db.transaction() as conn:
            removed = conn.execute("DELETE FROM memory_vec WHERE id NOT IN (SELECT id FROM memories)").rowcount
        report.actions.append(f"removed {removed} orphan vectors")
    if "vector_layout" in names:
        vector_layout.finish_conversion(store.db)
        report.actions.append("finished the change to the compact vector layout")
    if "coarse_vectors" in names or "orphan_vectors" in names:
        with store.db.transaction() as conn:
            vector_layout.rebuild_search_index(conn)
        report.actions.append("rebuilt the vector search index from the vectors")
    if "forgotten_vectors" in names:
        report.actions.append(_archive_forgotten_vectors(store, now))
    if "stale_archive" in names:
        with store.db.transaction() as conn:
            removed = conn.execute("DELETE FROM memory_archive WHERE memory_id IN "
                                   "(SELECT id FROM memories WHERE state = 'active')").rowcount
        report.actions.append(f"removed {removed} archived vectors of active memories (their index vector is kept)")
    if "own_words" in names:
        with store.db.transaction() as conn:
            found = own_words_in_search(conn)
            take_out_of_search(conn, found, now)
        report.actions.append(f"took {len(found)} of second-me's own words out of search (the chat log keeps them)")
    if "fts" in names:
        with store.db.transaction() as conn:
            conn.execute("INSERT INTO memory_fts(memory_fts) VALUES ('rebuild')")
        report.actions.append("rebuilt the full-text index from the memories")
    return report


def _archive_forgotten_vectors(store: MemoryStore, now: float) -> str:
    """Move forgotten memories' vectors from the index to the archive, as forgetting does."""
    with store.db.transaction() as conn:
        model = conn.execute("SELECT model_id FROM embedding_model WHERE id = 1").fetchone()
        ids = [row[0] for row in conn.execute("SELECT id FROM memories WHERE state = 'forgotten' "
                                              "AND id IN (SELECT id FROM memory_vec)").fetchall()]
        for memory_id in ids:
            embedding = store.stored_vector(conn, memory_id)  # float32, as forgetting archives it
            if model is not None:  # an archive entry made at forgetting time is kept
                conn.execute("INSERT OR IGNORE INTO memory_archive(memory_id, embedding, model_id, archived_at) "
                             "VALUES (?, ?, ?, ?)", (memory_id, embedding, model[0], now))
            conn.execute("DELETE FROM memory_vec WHERE rowid = ?", (memory_id,))
    return f"moved the vectors of {len(ids)} forgotten memories out of the index into the archive"


def _repair_orphans(store: MemoryStore) -> list[str]:
    actions = []
    with store.db.transaction() as conn:
        for table, rowid, parent, column in _foreign_key_orphans(conn):
            if table in DERIVED_TABLES or (table == "memories" and column == "source_id" and _is_chunk(conn, rowid)):
                # A chunk of a file no longer known: re-indexing the file re-creates it.
                conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
                actions.append(f"removed {table} row {rowid} (its {parent} row is gone)")
            elif _nullable(conn, table, column):
                conn.execute(f"UPDATE {table} SET {column} = NULL WHERE rowid = ?", (rowid,))
                actions.append(f"cleared {table}.{column} of row {rowid} (pointed at a missing {parent} row)")
            else:
                actions.append(f"left {table} row {rowid} alone: it holds data and needs its {parent} row")
    return actions


def _is_chunk(conn, memory_id: int) -> bool:
    row = conn.execute("SELECT kind FROM memories WHERE id = ?", (memory_id,)).fetchone()
    return bool(row) and row[0] == "chunk"


def _nullable(conn, table: str, column: str) -> bool:
    for row in conn.execute(f"PRAGMA table_info({table})").fetchall():
        if row[1] == column:
            return not row[3]
    return False
