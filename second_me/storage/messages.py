"""Conversations and their turns (`conversations`, `messages`), the answer citations the app
keeps beside them, and which user turns fact learning has read."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from second_me.domain import Turn
from second_me.errors import NotFoundError
from second_me.text.utterance import states_something

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore

CITED_KEY = "tui.cited.{name}.{turn}"  # meta key: memory ids an answer turn was built from
APP_SPEAKER, APP_USER = "second-me", "me"  # who speaks in a chat with second-me (the app and its user)


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


@dataclass(frozen=True)
class UnreadTurn:
    """A user turn fact learning has not read yet."""

    message_id: int
    speaker: str
    text: str
    ts: float


class Messages:
    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    def known_ids(self, conversations: Iterable[str]) -> dict[str, set]:
        """conversation name → the external ids of its stored turns."""
        known: dict[str, set] = {}
        with self.db.read() as conn:
            for name in conversations:
                known[name] = {row[0] for row in conn.execute(
                    "SELECT m.external_id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                    "WHERE c.name = ? AND m.external_id IS NOT NULL", (name,))}
        return known

    def add(self, conn, turn: Turn) -> Optional[int]:
        """Store a turn inside the caller's transaction (its conversation made on first use).
        Returns its message id, or None when its (conversation, id) is already stored."""
        row = conn.execute("SELECT id FROM conversations WHERE name = ?", (turn.conversation,)).fetchone()
        if row:
            conversation_id = row[0]
        else:
            conversation_id = conn.execute("INSERT INTO conversations(name, created_at, updated_at) VALUES (?, ?, ?)",
                                           (turn.conversation, turn.timestamp, turn.timestamp)).lastrowid
        cursor = conn.execute(
            "INSERT INTO messages(conversation_id, speaker, role, text, ts, external_id) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(conversation_id, external_id) DO NOTHING",
            (conversation_id, turn.speaker, turn.role, turn.text, turn.timestamp, turn.external_id))
        if cursor.rowcount == 0:
            return None
        conn.execute("UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
                     (turn.timestamp, conversation_id))
        return cursor.lastrowid

    def list(self) -> list[ConversationInfo]:
        """Most recently active first."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT c.id, c.name, c.title, c.created_at, c.updated_at, count(m.id) FROM conversations c "
                "LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id ORDER BY c.updated_at DESC").fetchall()
        return [ConversationInfo(*row) for row in rows]

    def speakers(self) -> list[tuple[str, str]]:
        """(speaker, role) of everyone who has a turn in memory, most turns first."""
        with self.db.read() as conn:
            return conn.execute("SELECT speaker, role FROM messages GROUP BY speaker, role "
                                "ORDER BY count(*) DESC").fetchall()

    def turns(self, name: str) -> list[StoredTurn]:
        with self.db.read() as conn:
            row = conn.execute("SELECT id FROM conversations WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise NotFoundError(f"no conversation named {name!r}")
            rows = conn.execute(
                "SELECT m.id, mem.id, m.speaker, m.role, m.text, m.ts, m.external_id FROM messages m "
                "LEFT JOIN memories mem ON mem.message_id = m.id AND mem.kind = 'message' "
                "WHERE m.conversation_id = ? ORDER BY m.ts, m.id", (row[0],)).fetchall()
        return [StoredTurn(*r) for r in rows]

    def delete(self, name: str, now: float) -> int:
        """Delete a conversation, its turns, their memories and the citations kept for it.
        Returns the turns deleted."""
        with self.db.transaction() as conn:
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
            conn.execute("DELETE FROM meta WHERE key LIKE ?", (CITED_KEY.format(name=name, turn="") + "%",))
            # Facts learnt from these turns went with them: a fact they had superseded holds again.
            conn.execute("UPDATE memories SET valid_to = NULL WHERE kind = 'fact' AND superseded_by IS NULL "
                         "AND valid_to IS NOT NULL")
            self.store.events.log(conn, None, "delete_conversation", f"deleted by the user: {name}", now,
                                  {"conversation": name, "turns": count})
        return count

    def set_title(self, conn, name: str, title: str, keep_existing: bool = False) -> None:
        sql = "UPDATE conversations SET title = ? WHERE name = ?" + (" AND title IS NULL" if keep_existing else "")
        conn.execute(sql, (title, name))

    # ---- the memory ids an answer turn cited (kept in meta, per conversation) --------------

    def set_cited(self, conn, name: str, turn_id: str, memory_ids: Sequence[int]) -> None:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     (CITED_KEY.format(name=name, turn=turn_id), json.dumps(list(memory_ids))))

    def cited(self, name: str) -> dict[str, tuple[int, ...]]:
        """turn external id → the memory ids it cited."""
        prefix = CITED_KEY.format(name=name, turn="")
        with self.db.read() as conn:
            rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE ?", (prefix + "%",)).fetchall()
        return {key[len(prefix):]: tuple(json.loads(value)) for key, value in rows}

    # ---- fact learning's reading position -----------------------------------------------------

    def unread_user_turns(self, limit: int = -1) -> list[UnreadTurn]:
        """User turns fact learning has not read, oldest first."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT id, speaker, text, ts FROM messages WHERE role = 'user' AND facts_done_at IS NULL "
                "ORDER BY ts, id LIMIT ?", (limit,)).fetchall()
        return [UnreadTurn(*row) for row in rows]

    def mark_read(self, conn, message_ids: Sequence[int], now: float) -> None:
        conn.executemany("UPDATE messages SET facts_done_at = ? WHERE id = ?", [(now, i) for i in message_ids])

    def turn_ids_of_memories(self) -> list[tuple[int, Optional[str]]]:
        """(memory id, external id of its turn) for every memory tied to a turn: the turn's own
        memory, and the facts first learnt from it."""
        with self.db.read() as conn:
            return conn.execute("SELECT mem.id, msg.external_id FROM memories mem JOIN messages msg ON "
                                "msg.id = mem.message_id JOIN conversations c ON c.id = msg.conversation_id").fetchall()


def own_words_in_search(conn) -> list[tuple[int, str, str]]:
    """(memory id, conversation, why) for each turn of a chat with second-me that is searchable
    but must not be: second-me's own answers, and the user's questions, requests and over-long
    pastes there (text/utterance.states_something). Their turns stay in the log."""
    rows = conn.execute(
        "SELECT mem.id, c.name, m.speaker, m.text FROM memories mem JOIN messages m ON m.id = mem.message_id "
        "JOIN conversations c ON c.id = m.conversation_id WHERE mem.kind = 'message' AND (m.speaker = ? OR "
        "(m.speaker = ? AND c.id IN (SELECT conversation_id FROM messages WHERE speaker = ?)))",
        (APP_SPEAKER, APP_USER, APP_SPEAKER)).fetchall()
    found = []
    for memory_id, conversation, speaker, text in rows:
        if speaker == APP_SPEAKER:
            found.append((memory_id, conversation, "an answer second-me gave"))
        elif not states_something(text):
            found.append((memory_id, conversation, "a question or request to second-me"))
    # Facts an older version read out of such questions ("where did I stay in Lisbon" as a fact).
    facts: dict[int, list] = {}
    for fact_id, conversation, speaker, text in conn.execute(
            "SELECT l.fact_id, c.name, m.speaker, m.text FROM fact_links l JOIN messages m ON m.id = l.message_id "
            "JOIN conversations c ON c.id = m.conversation_id JOIN memories f ON f.id = l.fact_id "
            "WHERE f.kind = 'fact'").fetchall():
        own = speaker == APP_SPEAKER or (speaker == APP_USER and not states_something(text))
        facts.setdefault(fact_id, []).append((own, conversation))
    found += [(fact_id, links[0][1], "a fact read out of a question to second-me")
              for fact_id, links in facts.items() if all(own for own, _ in links)]
    return found


def take_out_of_search(conn, found: list[tuple[int, str, str]], now: float) -> None:
    """Drop these turns' memories (their turns stay in the log), and rebuild their chats' summaries."""
    for memory_id, conversation, why in found:
        # Every summary built on it is rebuilt without it (the tree above follows).
        conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE id IN "
                     "(SELECT node_id FROM summary_children WHERE memory_id = ?)", (memory_id,))
        conn.execute("DELETE FROM memories WHERE id = ?", (memory_id,))
        conn.execute("INSERT INTO events(memory_id, action, reason, at) VALUES (?, 'remove', ?, ?)",
                     (memory_id, f"not a memory: {why}", now))
        conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE level = 'session' AND key = ?", (conversation,))
