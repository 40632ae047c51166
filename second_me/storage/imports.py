"""Chat imports as runs (`import_runs`, `import_turns`): an export is stored in many
transactions, so each run writes down the turns it is about to store before storing them.
A run that fails is undone at once; one whose process died is undone the next time the memory
opens while no import runs (the home's import lock tells). Either way nothing of a half-stored
export is left: its turns, their memories, the facts first learnt from them, and the
conversations it began all go.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from second_me.storage.home_lock import IMPORTER, HomeLock

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore

# SQLite's default limit on bound parameters is 32766 (999 before 3.32): stay well below.
_CHUNK = 500


@dataclass(frozen=True)
class ImportRun:
    id: int
    source: str
    format: str
    started_at: float
    finished_at: Optional[float]
    turns: Optional[int]
    state: str  # running, done, undone


class ChatImports:
    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    def lock(self) -> HomeLock:
        """One import at a time per home; held for as long as a run is being stored."""
        return HomeLock(self.db.path.parent, IMPORTER)

    def begin(self, source: str, format: str, now: float) -> int:
        with self.db.transaction() as conn:
            return conn.execute("INSERT INTO import_runs(source, format, started_at) VALUES (?, ?, ?)",
                                (source, format, now)).lastrowid

    def stored_ids(self, conversation: str, external_ids: Sequence[str]) -> set[str]:
        """Which of these ids a conversation already holds (by the messages' unique index)."""
        found: set[str] = set()
        with self.db.read() as conn:
            row = conn.execute("SELECT id FROM conversations WHERE name = ?", (conversation,)).fetchone()
            if row is None:
                return found
            for chunk in _chunks(external_ids):
                marks = ",".join("?" * len(chunk))
                found.update(value for (value,) in conn.execute(
                    f"SELECT external_id FROM messages WHERE conversation_id = ? AND external_id IN ({marks})",
                    (row[0], *chunk)))
        return found

    def set_roles(self, conversation: str, roles: Sequence[tuple[str, str]]) -> int:
        """Give stored turns (by external id) the role an import now says they have (--me decides
        who the user is). Returns how many changed."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM conversations WHERE name = ?", (conversation,)).fetchone()
            if row is None:
                return 0
            before = conn.total_changes
            conn.executemany("UPDATE messages SET role = ? WHERE conversation_id = ? AND external_id = ? AND role != ?",
                             [(role, row[0], external_id, role) for external_id, role in roles])
            return conn.total_changes - before

    def will_store(self, run_id: int, turns: Iterable[tuple[str, str]]) -> None:
        """Write down (conversation, external id) of turns about to be stored, before they are."""
        with self.db.transaction() as conn:
            conn.executemany("INSERT OR IGNORE INTO import_turns(run_id, conversation, external_id) VALUES (?, ?, ?)",
                             [(run_id, conversation, external_id) for conversation, external_id in turns])

    def finish(self, run_id: int, turns: int, now: float) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM import_turns WHERE run_id = ?", (run_id,))
            conn.execute("UPDATE import_runs SET state = 'done', finished_at = ?, turns = ? WHERE id = ?",
                         (now, turns, run_id))

    def run(self, run_id: int) -> ImportRun:
        with self.db.read() as conn:
            row = conn.execute("SELECT id, source, format, started_at, finished_at, turns, state FROM import_runs "
                               "WHERE id = ?", (run_id,)).fetchone()
        return ImportRun(*row)

    def unfinished(self) -> list[int]:
        with self.db.read() as conn:
            return [row[0] for row in conn.execute("SELECT id FROM import_runs WHERE state = 'running' ORDER BY id")]

    def undo_abandoned(self, now: float) -> int:
        """Undo the runs whose process is gone (no one holds the import lock). Returns the turns removed."""
        if not self.unfinished():
            return 0
        lock = self.lock()
        if not lock.try_acquire():
            return 0  # an import is running: its runs are its own
        try:
            return self.undo_unfinished(now)
        finally:
            lock.release()

    def undo_unfinished(self, now: float) -> int:
        """Undo every run not finished; the caller holds the import lock, so none is running."""
        return sum(self.undo(run_id, now, "it was interrupted") for run_id in self.unfinished())

    def undo(self, run_id: int, now: float, why: str = "it failed") -> int:
        """Remove what the run stored, in one transaction. Returns the turns removed."""
        with self.db.transaction() as conn:
            source = conn.execute("SELECT source FROM import_runs WHERE id = ?", (run_id,)).fetchone()[0]
            names = [row[0] for row in conn.execute(
                "SELECT DISTINCT conversation FROM import_turns WHERE run_id = ?", (run_id,))]
            message_ids = [row[0] for row in conn.execute(
                "SELECT m.id FROM import_turns j JOIN conversations c ON c.name = j.conversation "
                "JOIN messages m ON m.conversation_id = c.id AND m.external_id = j.external_id WHERE j.run_id = ?",
                (run_id,))]
            for chunk in _chunks(message_ids):
                marks = ",".join("?" * len(chunk))
                # Summaries built on these turns (or facts first learnt from them) are rebuilt without them.
                conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE id IN (SELECT node_id FROM summary_children "
                             f"WHERE memory_id IN (SELECT id FROM memories WHERE message_id IN ({marks})))", chunk)
                conn.execute(f"DELETE FROM memories WHERE message_id IN ({marks})", chunk)
                conn.execute(f"DELETE FROM messages WHERE id IN ({marks})", chunk)
            for name in names:
                emptied = conn.execute("SELECT c.id FROM conversations c WHERE c.name = ? AND NOT EXISTS "
                                       "(SELECT 1 FROM messages m WHERE m.conversation_id = c.id)", (name,)).fetchone()
                if emptied:
                    conn.execute("DELETE FROM memories WHERE id IN (SELECT memory_id FROM summary_nodes "
                                 "WHERE level = 'session' AND key = ?)", (name,))
                    conn.execute("DELETE FROM summary_nodes WHERE level = 'session' AND key = ?", (name,))
                    conn.execute("DELETE FROM conversations WHERE id = ?", (emptied[0],))
                else:
                    conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE level = 'session' AND key = ?", (name,))
                    # Its last activity is its latest turn's time again (storing a turn only ever raises it).
                    conn.execute("UPDATE conversations SET updated_at = (SELECT max(ts) FROM messages "
                                 "WHERE conversation_id = conversations.id) WHERE name = ?", (name,))
            # A fact these turns had superseded holds again (as when a conversation is deleted).
            conn.execute("UPDATE memories SET valid_to = NULL WHERE kind = 'fact' AND superseded_by IS NULL "
                         "AND valid_to IS NOT NULL")
            conn.execute("DELETE FROM import_turns WHERE run_id = ?", (run_id,))
            conn.execute("UPDATE import_runs SET state = 'undone', finished_at = ?, turns = 0 WHERE id = ?",
                         (now, run_id))
            if message_ids:
                self.store.events.log(conn, None, "undo_import",
                                      f"the import of {source} was undone because {why}", now,
                                      {"source": source, "turns": len(message_ids), "conversations": names})
        return len(message_ids)


def _chunks(values: Sequence) -> Iterable[list]:
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]
