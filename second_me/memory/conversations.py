"""Conversations as memory: every turn is stored with speaker, role and time, and becomes a
`message` memory (with its own vector) that search and answers can cite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from second_me.domain import Turn
from second_me.errors import NotFoundError
from second_me.models.base import Embedder
from second_me.storage.store import MemoryStore, NewMemory

@dataclass(frozen=True)
class ConversationInfo:
    id: int
    name: str
    title: Optional[str]
    created_at: float
    updated_at: float
    turns: int


@dataclass(frozen=True)
class StoredTurn:
    message_id: int
    memory_id: Optional[int]
    speaker: str
    role: str
    text: str
    timestamp: float
    external_id: Optional[str]


def message_memory_text(turn: Turn) -> str:
    """What a turn looks like as a memory: who said it, then what was said."""
    return f"{turn.speaker}: {turn.text}"


ASSISTANT_SPEAKER = "second-me"
USER_SPEAKER = "me"


def is_question(text: str) -> bool:
    return text.rstrip().endswith("?")


def ask_turns(conversation: str, question: str, answer: str, now: float) -> list[Turn]:
    """The two turns of one `ask`. A bare question is no memory of its own (it would match
    itself next time), and the answer was derived from memories; both stay in the log,
    and fact extraction still reads the question."""
    return [
        Turn(conversation, USER_SPEAKER, question.strip(), now, "user", remembered=not is_question(question)),
        Turn(conversation, ASSISTANT_SPEAKER, answer.strip(), now, "assistant", remembered=False),
    ]


class ConversationLog:
    def __init__(self, store: MemoryStore, embedder: Callable[[], Embedder], strength_days: float,
                 batch_size: int = 32):
        """`embedder` is a factory: listing, reading or deleting conversations never loads the model."""
        self.store = store
        self._embedder = embedder
        self.strength_days = strength_days
        self.batch_size = batch_size

    def add_turns(self, turns: Sequence[Turn], now: float) -> int:
        """Store turns (skipping any whose (conversation, id) is already stored) in one transaction.

        Returns how many were new. Embeddings are computed in batches before the transaction,
        so the write lock is held only for the inserts.
        """
        fresh = self._unknown(turns)
        if not fresh:
            return 0
        to_embed = [t for t in fresh if t.remembered]
        vectors: list[list[float]] = []
        if to_embed:
            embedder = self._embedder()
            self.store.use_embedder(embedder.model_id, embedder.dim, now)
            for start in range(0, len(to_embed), self.batch_size):
                batch = to_embed[start:start + self.batch_size]
                vectors.extend(embedder.embed([message_memory_text(t) for t in batch]))
        vector_of = {id(t): v for t, v in zip(to_embed, vectors)}
        added = 0
        with self.store.db.transaction() as conn:
            for turn in fresh:
                conversation_id = self._conversation_id(conn, turn.conversation, turn.timestamp)
                cursor = conn.execute(
                    "INSERT INTO messages(conversation_id, speaker, role, text, ts, external_id) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(conversation_id, external_id) DO NOTHING",
                    (conversation_id, turn.speaker, turn.role, turn.text, turn.timestamp, turn.external_id))
                if cursor.rowcount == 0:
                    continue  # the same id appeared twice in this batch
                if turn.remembered:
                    self.store.insert_memories(conn, [NewMemory(
                        kind="message", text=message_memory_text(turn), vector=vector_of[id(turn)],
                        created_at=turn.timestamp, strength=self.strength_days, message_id=cursor.lastrowid)])
                conn.execute("UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
                             (turn.timestamp, conversation_id))
                added += 1
        return added

    def _unknown(self, turns: Sequence[Turn]) -> list[Turn]:
        """The turns not stored yet: a turn without an id is always new."""
        known: dict[str, set] = {}
        with self.store.db.read() as conn:
            for name in {t.conversation for t in turns if t.external_id is not None}:
                known[name] = {row[0] for row in conn.execute(
                    "SELECT m.external_id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                    "WHERE c.name = ? AND m.external_id IS NOT NULL", (name,))}
        return [t for t in turns if t.external_id is None or t.external_id not in known.get(t.conversation, ())]

    @staticmethod
    def _conversation_id(conn, name: str, at: float) -> int:
        row = conn.execute("SELECT id FROM conversations WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        return conn.execute("INSERT INTO conversations(name, created_at, updated_at) VALUES (?, ?, ?)",
                            (name, at, at)).lastrowid

    def conversations(self) -> list[ConversationInfo]:
        """Most recently active first."""
        with self.store.db.read() as conn:
            rows = conn.execute(
                "SELECT c.id, c.name, c.title, c.created_at, c.updated_at, count(m.id) FROM conversations c "
                "LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id ORDER BY c.updated_at DESC").fetchall()
        return [ConversationInfo(*row) for row in rows]

    def turns(self, name: str) -> list[StoredTurn]:
        with self.store.db.read() as conn:
            row = conn.execute("SELECT id FROM conversations WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise NotFoundError(f"no conversation named {name!r}")
            rows = conn.execute(
                "SELECT m.id, mem.id, m.speaker, m.role, m.text, m.ts, m.external_id FROM messages m "
                "LEFT JOIN memories mem ON mem.message_id = m.id AND mem.kind = 'message' "
                "WHERE m.conversation_id = ? ORDER BY m.ts, m.id", (row[0],)).fetchall()
        return [StoredTurn(*r) for r in rows]

    def delete(self, name: str, now: float) -> int:
        """Delete a conversation, its turns and their memories (the user's explicit choice)."""
        with self.store.db.transaction() as conn:
            row = conn.execute("SELECT id FROM conversations WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise NotFoundError(f"no conversation named {name!r}")
            count = conn.execute("SELECT count(*) FROM messages WHERE conversation_id = ?", (row[0],)).fetchone()[0]
            conn.execute("DELETE FROM memories WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = ?)",
                         (row[0],))
            # Its session summary goes now; summaries above it are rebuilt by the next summarize.
            conn.execute("DELETE FROM memories WHERE id IN (SELECT memory_id FROM summary_nodes "
                         "WHERE level = 'session' AND key = ?)", (name,))
            conn.execute("DELETE FROM summary_nodes WHERE level = 'session' AND key = ?", (name,))
            conn.execute("DELETE FROM conversations WHERE id = ?", (row[0],))
            # Facts learnt from these turns went with them: a fact they had superseded holds again.
            conn.execute("UPDATE memories SET valid_to = NULL WHERE kind = 'fact' AND superseded_by IS NULL "
                         "AND valid_to IS NOT NULL")
            self.store.log_event(conn, None, "delete_conversation", f"deleted by the user: {name}", now,
                                 {"conversation": name, "turns": count})
        return count
