"""Facts as rows: fact memories of a subject, their slots and validity, and the turns each
was learnt from (`fact_links`). What counts as the same fact, and when one supersedes
another, is memory/fact_learner.py's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore


class Facts:
    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    @staticmethod
    def of_subject(conn, subject: str) -> list[tuple]:
        """(id, text, meta, valid_from, valid_to) of the active facts about `subject`."""
        return conn.execute(
            "SELECT id, text, meta, valid_from, valid_to FROM memories WHERE kind = 'fact' AND state = 'active' "
            "AND json_extract(meta, '$.subject') = ?", (subject,)).fetchall()

    @staticmethod
    def link(conn, fact_id: int, message_id: int) -> None:
        """The fact was (also) learnt from this turn."""
        conn.execute("INSERT OR IGNORE INTO fact_links(fact_id, message_id) VALUES (?, ?)", (fact_id, message_id))

    @staticmethod
    def start_at(conn, fact_id: int, valid_from: float) -> None:
        conn.execute("UPDATE memories SET valid_from = ? WHERE id = ?", (valid_from, fact_id))

    @staticmethod
    def other_value_between(conn, subject: str, slot: str, value: Optional[str], start: float, until: float) -> bool:
        """Whether the slot held another value than `value` from a fact starting in [start, until)."""
        return conn.execute(
            "SELECT 1 FROM memories WHERE kind = 'fact' AND state = 'active' AND json_extract(meta, '$.subject') = ? "
            "AND json_extract(meta, '$.slot') = ? AND json_extract(meta, '$.value') IS NOT ? "
            "AND valid_from >= ? AND valid_from < ?", (subject, slot, value, start, until)).fetchone() is not None

    @staticmethod
    def timeline(conn, subject: str, slot: str) -> list[tuple]:
        """(id, valid_from, superseded_by, value) of a slot's active facts, in order of validity."""
        return conn.execute(
            "SELECT id, valid_from, superseded_by, json_extract(meta, '$.value') FROM memories WHERE kind = 'fact' "
            "AND state = 'active' AND json_extract(meta, '$.subject') = ? AND json_extract(meta, '$.slot') = ? "
            "ORDER BY valid_from, id", (subject, slot)).fetchall()

    @staticmethod
    def set_successor(conn, fact_id: int, successor: Optional[int], valid_to: Optional[float]) -> None:
        conn.execute("UPDATE memories SET superseded_by = ?, valid_to = ? WHERE id = ?", (successor, valid_to, fact_id))

    def turn_ids_of_facts(self) -> list[tuple[int, Optional[str]]]:
        """(fact id, external id of a turn it was learnt from) for every link."""
        with self.db.read() as conn:
            return conn.execute("SELECT l.fact_id, msg.external_id FROM fact_links l "
                                "JOIN messages msg ON msg.id = l.message_id").fetchall()
