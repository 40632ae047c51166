"""Memories as rows: their columns, the filters search and listing share, and the changes of
a memory's state over its life (pinned, forgotten into the archive, restored, pruned).

The memories table is written by `MemoryStore` (with its vector, in one transaction); the
meaning of each change (why, when, what the user is told) is memory/lifecycle.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from second_me.domain import Memory
from second_me.text.word_forms import PARENT_WORDS, synonyms

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore

MEMORY_COLUMNS = (
    "id, kind, text, created_at, last_recalled_at, strength, recall_count, pinned, state, "
    "source_id, message_id, start_line, end_line, superseded_by, valid_from, valid_to, parent_id, speaker"
)


def memory_from_row(row) -> Memory:
    """A `Memory` from a row that starts with MEMORY_COLUMNS."""
    return Memory(
        id=row[0], kind=row[1], text=row[2], created_at=row[3], last_recalled_at=row[4],
        strength=row[5], recall_count=row[6], pinned=bool(row[7]), state=row[8],
        source_id=row[9], message_id=row[10], start_line=row[11], end_line=row[12],
        superseded_by=row[13], valid_from=row[14], valid_to=row[15], parent_id=row[16], speaker=row[17],
    )


@dataclass(frozen=True)
class NewMemory:
    """A memory about to be written, with its vector."""

    kind: str
    text: str
    vector: Sequence[float]
    created_at: float
    strength: float
    source_id: Optional[int] = None
    message_id: Optional[int] = None
    start_line: Optional[int] = None
    end_line: Optional[int] = None
    page: Optional[int] = None
    content_hash: Optional[str] = None
    meta: Optional[dict] = None
    valid_from: Optional[float] = None
    speaker: Optional[str] = None  # who said it (a turn) or whom it is about (a fact)
    context: Optional[str] = None  # more words it is found by: for a turn, the turn it replies to
    reply_to: Optional[int] = None  # for a turn: the memory of the turn it replies to
    about: Sequence = ()  # text.event_dates.DateSpan: when what it tells of happened


@dataclass(frozen=True)
class EmbeddingSource:
    """What a memory's vector is computed from: its text, and for a file chunk its file and meta."""

    id: int
    kind: str
    text: str
    path: Optional[str]
    meta: dict
    created_at: float


# By or about someone: said by them (or a fact about them), or naming them in its own words. A
# speaker is also known by the first word of their name: "Tom" said what "Tom Reed" said in a chat
# export. Its parameters: `person_params`.
PERSON_FILTER = ("(m.speaker = ? COLLATE NOCASE OR m.speaker LIKE ? ESCAPE '\\' OR m.id IN "
                 "(SELECT rowid FROM memory_fts WHERE memory_fts MATCH ?))")


def person_match(person: str) -> str:
    """The FTS5 expression for a memory's own words naming `person` (not the turn it replies to). A
    parent is named in any word for them: asked of "Mum", a family chat says "Mãe"."""
    words = sorted(synonyms(person.lower())) if person.lower() in PARENT_WORDS else [person]
    return "text : (" + " OR ".join('"' + word.replace('"', '""') + '"' for word in words) + ")"


def person_params(person: str) -> list[str]:
    """The parameters of one PERSON_FILTER for `person`."""
    first_name_of = re.sub(r"([\\%_])", r"\\\1", person) + " %"
    return [person, first_name_of, person_match(person)]


def memory_filters(kinds: Sequence[str], since: Optional[float], until: Optional[float], prefix: str = "",
                   facts_while_valid: bool = False, told: bool = False) -> tuple[str, list]:
    """" AND ..." conditions on kind and created_at in [since, until), and their parameters.

    `facts_while_valid`: a fact learnt before `since` still counts while it held (valid_to
    after since); `told`: so does a memory telling of a date inside the range. Both only where
    the memories table itself is queried (`prefix` names it).
    """
    if told and (since is not None or until is not None):
        inside, inside_params = memory_filters((), since, until, prefix, facts_while_valid)
        kind_sql, kind_params = memory_filters(kinds, None, None, prefix)
        told_sql = (f"{prefix}id IN (SELECT memory_id FROM memory_dates WHERE starts_at < ? AND ends_at > ?)")
        told_params = [until if until is not None else 1e18, since if since is not None else -1e18]
        return (kind_sql + f" AND ((1 = 1{inside}) OR {told_sql})", kind_params + inside_params + told_params)
    sql, params = "", []
    if kinds:
        if len(kinds) == 1:
            sql += f" AND {prefix}kind = ?"
        else:
            sql += f" AND {prefix}kind IN ({','.join('?' * len(kinds))})"
        params.extend(kinds)
    if since is not None:
        if facts_while_valid:
            sql += (f" AND ({prefix}created_at >= ? OR ({prefix}kind = 'fact' AND "
                    f"({prefix}valid_to IS NULL OR {prefix}valid_to > ?)))")
            params.extend([float(since), float(since)])
        else:
            sql += f" AND {prefix}created_at >= ?"
            params.append(float(since))
    if until is not None:
        sql += f" AND {prefix}created_at < ?"
        params.append(float(until))
    return sql, params


@dataclass(frozen=True)
class MemoryLinks:
    """How a memory sits in the summary tree and the fact links."""

    summaries: tuple[int, ...]  # summary memories that cover this one
    children: tuple[int, ...]  # for a summary: the memories it summarises
    linked_turns: tuple[int, ...]  # for a fact: the message memories it was learnt from


class MemoryStates:
    """Listing memories by state, and moving them between states."""

    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    def list(self, state: str = "active", kinds: Sequence[str] = (), since: Optional[float] = None,
             until: Optional[float] = None, limit: int = 50, by_forgetting: bool = False) -> list[Memory]:
        """Newest first; `by_forgetting`: most recently forgotten (or pruned) first."""
        filters, params = memory_filters(kinds, since, until)
        sql = f"SELECT {MEMORY_COLUMNS} FROM memories WHERE state = ?{filters}"
        if by_forgetting:
            sql += (" ORDER BY (SELECT max(at) FROM events e WHERE e.memory_id = memories.id "
                    "AND e.action IN ('forget', 'prune')) DESC, id DESC LIMIT ?")
        else:
            sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
        with self.db.read() as conn:
            return [memory_from_row(row) for row in conn.execute(sql, [state, *params, limit]).fetchall()]

    def links(self, memory_id: int) -> MemoryLinks:
        with self.db.read() as conn:
            summaries = conn.execute(
                "SELECT n.memory_id FROM summary_children c JOIN summary_nodes n ON n.id = c.node_id "
                "WHERE c.memory_id = ? AND n.memory_id IS NOT NULL", (memory_id,)).fetchall()
            children = conn.execute(
                "SELECT c.memory_id FROM summary_nodes n JOIN summary_children c ON c.node_id = n.id "
                "WHERE n.memory_id = ? ORDER BY c.memory_id", (memory_id,)).fetchall()
            turns = conn.execute(
                "SELECT mem.id FROM fact_links l JOIN memories mem ON mem.message_id = l.message_id "
                "AND mem.kind = 'message' WHERE l.fact_id = ? ORDER BY mem.id", (memory_id,)).fetchall()
        return MemoryLinks(tuple(r[0] for r in summaries), tuple(r[0] for r in children), tuple(r[0] for r in turns))

    def set_pinned(self, conn, memory_id: int, pinned: bool) -> None:
        conn.execute("UPDATE memories SET pinned = ? WHERE id = ?", (int(pinned), memory_id))

    def archive(self, conn, memory_id: int, now: float) -> None:
        """Forgotten: the vector moves out of the index into the archive; the memory leaves search."""
        model_id = conn.execute("SELECT model_id FROM embedding_model WHERE id = 1").fetchone()
        vector = self.store.stored_vector(conn, memory_id) if model_id is not None else None
        if vector is not None:
            conn.execute("INSERT OR REPLACE INTO memory_archive(memory_id, embedding, model_id, archived_at) "
                         "VALUES (?, ?, ?, ?)", (memory_id, vector, model_id[0], now))
            conn.execute("DELETE FROM memory_vec WHERE rowid = ?", (memory_id,))
        conn.execute("UPDATE memories SET state = 'forgotten', pinned = 0 WHERE id = ?", (memory_id,))

    def archived_vector(self, memory_id: int) -> Optional[tuple[bytes, str]]:
        """(vector, the model it came from) kept when the memory was forgotten."""
        with self.db.read() as conn:
            row = conn.execute("SELECT embedding, model_id FROM memory_archive WHERE memory_id = ?",
                               (memory_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def restore(self, conn, memory_id: int, vector: Sequence[float], kind: str, created_at: float,
                now: float) -> None:
        """Back into search with `vector`; a restored memory starts a fresh forgetting curve, as if just recalled."""
        # Through the store: the vector index also needs the memory's coarse vector.
        self.store.insert_vector(conn, memory_id, vector, kind, created_at)
        conn.execute("DELETE FROM memory_archive WHERE memory_id = ?", (memory_id,))
        conn.execute("UPDATE memories SET state = 'active', last_recalled_at = ? WHERE id = ?", (now, memory_id))

    def covered_by_summaries(self, kinds: Sequence[str]) -> list[tuple[Memory, int]]:
        """Active, unpinned memories of `kinds` that a built summary covers, with that summary's id."""
        marks = ",".join("?" * len(kinds))
        prefixed = ", ".join("m." + c.strip() for c in MEMORY_COLUMNS.split(","))
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {prefixed}, min(n.memory_id) FROM memories m "
                f"JOIN summary_children c ON c.memory_id = m.id "
                f"JOIN summary_nodes n ON n.id = c.node_id AND n.memory_id IS NOT NULL "
                f"WHERE m.state = 'active' AND m.pinned = 0 AND m.kind IN ({marks}) GROUP BY m.id ORDER BY m.id",
                tuple(kinds)).fetchall()
        return [(memory_from_row(row), row[-1]) for row in rows]
