"""Conversations and their turns (`conversations`, `messages`), the answer citations the app
keeps beside them, and which user turns fact learning has read."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from second_me.domain import Turn
from second_me.errors import NotFoundError
from second_me.text.event_dates import event_dates
from second_me.text.utterance import states_something

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore

CONTEXT_CHARS = 300  # of the turn a turn replies to, kept as its search context
READ_BACK = 1000  # messages read back from a turn to find where its run of talk began
DAY_SECONDS = 86400
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

    def replied_to(self, conversation: str, speaker: str, ts: float) -> Optional[tuple[float, str, int]]:
        """(time, words, memory id) of the stored turn a turn by `speaker` at `ts` replies to: the last
        earlier one by someone else that is a memory (never an answer second-me gave)."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT m.ts, m.text, mem.id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                "JOIN memories mem ON mem.message_id = m.id AND mem.kind = 'message' "
                "WHERE c.name = ? AND m.speaker != ? AND m.ts <= ? ORDER BY m.ts DESC, m.id DESC LIMIT 1",
                (conversation, speaker, ts)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def last_turn(self, conversation: str, ts: float) -> Optional[tuple[float, str, str]]:
        """(time, speaker, words) of the last stored turn of a conversation at or before `ts` that is a memory."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT m.ts, m.speaker, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                "JOIN memories mem ON mem.message_id = m.id AND mem.kind = 'message' "
                "WHERE c.name = ? AND m.ts <= ? ORDER BY m.ts DESC, m.id DESC LIMIT 1", (conversation, ts)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def neighbours(self, message_ids: Sequence[int], around: int) -> dict[int, list[StoredTurn]]:
        """message id → up to `around` turns before it and after it in its conversation, in order
        (the turn itself included)."""
        out: dict[int, list[StoredTurn]] = {}
        with self.db.read() as conn:
            for message_id in message_ids:
                row = conn.execute("SELECT conversation_id, ts FROM messages WHERE id = ?", (message_id,)).fetchone()
                if row is None:
                    continue
                columns = ("SELECT m.id, mem.id, m.speaker, m.role, m.text, m.ts, m.external_id FROM messages m "
                           "LEFT JOIN memories mem ON mem.message_id = m.id AND mem.kind = 'message' "
                           "WHERE m.conversation_id = ? ")
                before = conn.execute(columns + "AND (m.ts < ? OR (m.ts = ? AND m.id < ?)) "
                                      "ORDER BY m.ts DESC, m.id DESC LIMIT ?",
                                      (row[0], row[1], row[1], message_id, around)).fetchall()
                after = conn.execute(columns + "AND (m.ts > ? OR (m.ts = ? AND m.id >= ?)) "
                                     "ORDER BY m.ts, m.id LIMIT ?",
                                     (row[0], row[1], row[1], message_id, around + 1)).fetchall()
                out[message_id] = [StoredTurn(*r) for r in list(reversed(before)) + after]
        return out

    def replies(self, memory_ids: Sequence[int]) -> list[tuple[int, int]]:
        """(reply, the memory it replies to) for the active turns replying to any of `memory_ids`."""
        out: list[tuple[int, int]] = []
        with self.db.read() as conn:
            for start in range(0, len(memory_ids), 500):
                part = [int(i) for i in memory_ids[start:start + 500]]
                out += conn.execute(f"SELECT id, reply_to FROM memories WHERE state = 'active' AND reply_to IN "
                                    f"({','.join('?' * len(part))})", part).fetchall()
        return out

    def sessions_of(self, message_ids: Sequence[int], pause: float) -> dict[int, tuple[int, float]]:
        """message id → its session: (its conversation's id, when the run of talk it is part of began,
        a run ending at a pause longer than `pause` seconds). A chat exported whole is one conversation
        over months; a session is one run of talk in it. Read back from each message, at most READ_BACK
        messages: in a group that never pauses that long, a session is the day (its first second)."""
        out: dict[int, tuple[int, float]] = {}
        with self.db.read() as conn:
            for message_id in {int(i) for i in message_ids}:
                row = conn.execute("SELECT conversation_id, ts FROM messages WHERE id = ?", (message_id,)).fetchone()
                if row is None:
                    continue
                conversation, said = row
                earlier = [ts for (ts,) in conn.execute(
                    "SELECT ts FROM messages WHERE conversation_id = ? AND ts < ? ORDER BY ts DESC LIMIT ?",
                    (conversation, said, READ_BACK))]
                began = said
                for ts in earlier:
                    if began - ts > pause:
                        break
                    began = ts
                else:
                    if len(earlier) == READ_BACK:
                        began = said - said % DAY_SECONDS
                out[message_id] = (conversation, began)
        return out

    def said_by(self, speakers: Sequence[str], since: Optional[float], until: Optional[float],
                limit: int, conversations: Sequence[int] = ()) -> list[tuple[int, int]]:
        """(memory id, conversation id) of the newest `limit` searchable turns any of `speakers` said
        (or, with `conversations`, anyone said in them) between `since` and `until`, oldest first."""
        if conversations:
            conditions = [f"m.conversation_id IN ({','.join('?' * len(conversations))})"]
            params: list = list(conversations)
        elif speakers:
            conditions, params = [f"m.speaker IN ({','.join('?' * len(speakers))})"], list(speakers)
        else:
            return []
        for bound, value in ((">=", since), ("<", until)):
            if value is not None:
                conditions.append(f"m.ts {bound} ?")
                params.append(value)
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT mem.id, m.conversation_id FROM messages m JOIN memories mem ON mem.message_id = m.id "
                f"AND mem.kind = 'message' AND mem.state = 'active' WHERE {' AND '.join(conditions)} "
                "ORDER BY m.ts DESC, m.id DESC LIMIT ?", [*params, limit]).fetchall()
        return rows[::-1]

    def list(self) -> list[ConversationInfo]:
        """Most recently active first."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT c.id, c.name, c.title, c.created_at, c.updated_at, count(m.id) FROM conversations c "
                "LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id ORDER BY c.updated_at DESC").fetchall()
        return [ConversationInfo(*row) for row in rows]

    def remembered(self, limit: int) -> tuple[int, list[tuple[str, int, float, float]]]:
        """How many conversations have turns that are memories, and of the `limit` most recently
        active: (name, such turns, first and last said)."""
        joined = ("FROM conversations c JOIN messages m ON m.conversation_id = c.id JOIN memories mem "
                  "ON mem.message_id = m.id AND mem.kind = 'message' AND mem.state = 'active'")
        with self.db.read() as conn:
            total = conn.execute(f"SELECT count(DISTINCT c.id) {joined}").fetchone()[0]
            rows = conn.execute(f"SELECT c.name, count(mem.id), min(m.ts), max(m.ts) {joined} GROUP BY c.id "
                                "ORDER BY max(m.ts) DESC LIMIT ?", (limit,)).fetchall()
        return total, [tuple(row) for row in rows]

    def spoken_in(self, speakers: Sequence[str]) -> list[tuple[str, int, float, float]]:
        """(conversation, messages, first and last said) of each conversation `speakers` said something in,
        most recently active first."""
        marks = ",".join("?" * len(speakers))
        with self.db.read() as conn:
            return [tuple(row) for row in conn.execute(
                f"SELECT c.name, count(m.id), min(m.ts), max(m.ts) FROM messages m JOIN conversations c "
                f"ON c.id = m.conversation_id WHERE m.speaker IN ({marks}) GROUP BY c.id ORDER BY max(m.ts) DESC",
                tuple(speakers)).fetchall()]

    def speakers(self) -> list[tuple[str, str]]:
        """(speaker, role) of everyone who has a turn in memory, most turns first."""
        with self.db.read() as conn:
            return self.speakers_in(conn)

    @staticmethod
    def speakers_in(conn) -> list[tuple[str, str]]:
        """`speakers`, read on a connection already open."""
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


def context_key(text: str) -> str:
    """A replied-to turn's words as a search key: the start of it is what the reply answers."""
    text = " ".join(text.split())
    return text if len(text) <= CONTEXT_CHARS else text[:CONTEXT_CHARS].rsplit(" ", 1)[0]


def add_event_dates(conn, memory_id: int, spans) -> None:
    """The moments a memory tells of (text/event_dates.py), for time-aware search."""
    conn.executemany("INSERT INTO memory_dates(memory_id, starts_at, ends_at, phrase) VALUES (?, ?, ?, ?)",
                     [(memory_id, span.start, span.end, span.phrase) for span in spans])


def backfill_turn_keys(conn) -> None:
    """For turns stored before speakers, contexts and dates were kept: each turn's memory gets the
    turn it replies to as its context, and the dates it tells of (read against when it was sent)."""
    rows = conn.execute(
        "SELECT mem.id, m.conversation_id, m.speaker, m.text, m.ts FROM memories mem "
        "JOIN messages m ON m.id = mem.message_id WHERE mem.kind = 'message' "
        "ORDER BY m.conversation_id, m.ts, m.id").fetchall()
    last_by: dict[str, tuple[float, int, str, int]] = {}  # speaker → their last turn, in the current conversation
    current = None
    for order, (memory_id, conversation_id, speaker, text, ts) in enumerate(rows):
        if conversation_id != current:
            current, last_by = conversation_id, {}
        earlier = max((turn for who, turn in last_by.items() if who != speaker), default=None)
        own = last_by.get(speaker)
        lead = own[2] if own is not None and (earlier is None or own[:2] > earlier[:2]) else ""
        if earlier is not None or lead:
            words = " ".join(part for part in (lead, earlier[2] if earlier else "") if part)
            conn.execute("UPDATE memories SET context = ?, reply_to = ? WHERE id = ?",
                         (context_key(words), earlier[3] if earlier else None, memory_id))
        last_by[speaker] = (ts, order, text, memory_id)
        add_event_dates(conn, memory_id, event_dates(text, ts))


def read_event_dates_again(conn) -> None:
    """Every chat turn's dates, read again from its words and when it was sent (after the reading
    of dates has learnt new forms)."""
    rows = conn.execute("SELECT mem.id, m.text, m.ts FROM memories mem JOIN messages m ON m.id = mem.message_id "
                        "WHERE mem.kind = 'message'").fetchall()
    conn.execute("DELETE FROM memory_dates WHERE memory_id IN (SELECT id FROM memories WHERE kind = 'message')")
    for memory_id, text, ts in rows:
        add_event_dates(conn, memory_id, event_dates(text, ts))


def turns_behind(conn, memory_id: int, kind: str, limit: int) -> tuple[list[tuple], int]:
    """((conversation, external id, speaker) of the turns a fact was learnt from or a summary was
    written from (through the summaries below it), in time order, at most `limit`; and how many there are."""
    if kind == "fact":
        below = "SELECT mem.id FROM fact_links l JOIN memories mem ON mem.message_id = l.message_id " \
                "AND mem.kind = 'message' WHERE l.fact_id = ?"
    else:
        below = ("WITH RECURSIVE below(id) AS (SELECT c.memory_id FROM summary_nodes n JOIN summary_children c "
                 "ON c.node_id = n.id WHERE n.memory_id = ? UNION SELECT c.memory_id FROM below JOIN summary_nodes n "
                 "ON n.memory_id = below.id JOIN summary_children c ON c.node_id = n.id) SELECT id FROM below")
    turns = conn.execute(
        f"SELECT c.name, msg.external_id, msg.speaker FROM memories mem JOIN messages msg ON msg.id = mem.message_id "
        f"JOIN conversations c ON c.id = msg.conversation_id WHERE mem.kind = 'message' AND mem.id IN ({below}) "
        f"ORDER BY msg.ts, msg.id", (memory_id,)).fetchall()
    return turns[:limit], len(turns)
