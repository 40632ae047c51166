"""Chat conversations as the TUI needs them: list, create, rename, delete, and their turns.

A thin adapter over the `conversations` and `messages` tables of the store. It writes turns
only; turning them into memories (facts, decay) belongs to the memory lifecycle, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from second_me.errors import InputRejected, NotFoundError

YOU = "you"
ASSISTANT = "second-me"


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    name: str
    title: str
    updated_at: float
    turns: int


@dataclass(frozen=True)
class Turn:
    id: int
    role: str  # "user" | "assistant" | "other"
    speaker: str
    text: str
    ts: float
    cited: tuple[int, ...] = ()  # memory ids the answer was built from, in [n] order


class ConversationLog:
    def __init__(self, services):
        self.store = services.store
        self.clock = services.clock

    def list(self) -> list[ConversationInfo]:
        with self.store.db.read() as conn:
            rows = conn.execute(
                "SELECT c.id, c.name, COALESCE(c.title, c.name), c.updated_at, "
                "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) "
                "FROM conversations c ORDER BY c.updated_at DESC, c.id DESC").fetchall()
        return [ConversationInfo(*row) for row in rows]

    def find(self, key: str | int) -> ConversationInfo:
        """A conversation by id or by name."""
        for info in self.list():
            if str(info.id) == str(key) or info.name == str(key):
                return info
        raise NotFoundError(f"no conversation {key!r}")

    def create(self, title: str = "New chat") -> ConversationInfo:
        now = self.clock.timestamp()
        with self.store.db.transaction() as conn:
            count = conn.execute("SELECT coalesce(max(id), 0) FROM conversations").fetchone()[0]
            name = f"chat-{count + 1}"
            while conn.execute("SELECT 1 FROM conversations WHERE name = ?", (name,)).fetchone():
                count += 1
                name = f"chat-{count + 1}"
            new_id = conn.execute("INSERT INTO conversations(name, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                  (name, title, now, now)).lastrowid
        return ConversationInfo(new_id, name, title, now, 0)

    def rename(self, conversation_id: int, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            raise InputRejected("a conversation needs a non-empty title")
        with self.store.db.transaction() as conn:
            conn.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id))

    def delete(self, conversation_id: int) -> None:
        with self.store.db.transaction() as conn:
            turn_ids = [row[0] for row in conn.execute("SELECT id FROM messages WHERE conversation_id = ?",
                                                        (conversation_id,)).fetchall()]
            conn.executemany("DELETE FROM meta WHERE key = ?", [(f"tui.cited.{i}",) for i in turn_ids])
            conn.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    def turns(self, conversation_id: int) -> list[Turn]:
        import json

        with self.store.db.read() as conn:
            rows = conn.execute("SELECT id, role, speaker, text, ts, external_id FROM messages "
                                "WHERE conversation_id = ? ORDER BY ts, id", (conversation_id,)).fetchall()
            cited = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'tui.cited.%'").fetchall())
        out = []
        for row in rows:
            ids = tuple(json.loads(cited.get(f"tui.cited.{row[0]}", "[]")))
            out.append(Turn(row[0], row[1], row[2], row[3], row[4], ids))
        return out

    def add_turn(self, conversation_id: int, role: str, text: str, cited: tuple[int, ...] = (),
                 title_from: Optional[str] = None) -> int:
        """Store one turn; the first question of an untitled chat becomes its title."""
        import json

        now = self.clock.timestamp()
        speaker = YOU if role == "user" else ASSISTANT
        with self.store.db.transaction() as conn:
            turn_id = conn.execute("INSERT INTO messages(conversation_id, speaker, role, text, ts) VALUES (?, ?, ?, ?, ?)",
                                   (conversation_id, speaker, role, text, now)).lastrowid
            conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id))
            if title_from:
                conn.execute("UPDATE conversations SET title = ? WHERE id = ? AND title = 'New chat'",
                             (_title(title_from), conversation_id))
            if cited:
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                             (f"tui.cited.{turn_id}", json.dumps(list(cited))))
        return turn_id


def _title(question: str, width: int = 40) -> str:
    text = " ".join(question.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
