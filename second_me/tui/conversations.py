"""Chat conversations as the chat screen needs them, on top of the conversation memory.

Turns are stored through `services.conversations` (so each becomes a searchable `message`
memory); this adapter adds what only the app needs: titles, fresh names, and the memory ids
an answer cited, so a resumed chat still shows its sources.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Optional

from second_me.errors import InputRejected, NotFoundError

YOU = "me"
ASSISTANT = "second-me"
UNTITLED = "New chat"


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    name: str
    title: str
    updated_at: float
    turns: int


@dataclass(frozen=True)
class Turn:
    role: str  # "user" | "assistant" | "other"
    speaker: str
    text: str
    ts: float
    cited: tuple[int, ...] = ()  # memory ids the answer was built from, in [n] order


class ChatLog:
    def __init__(self, services, memory_log):
        """`memory_log` is `services.conversations` (the caller makes sure the embedder is loaded)."""
        self.services = services
        self.log = memory_log
        self.store = services.store

    def list(self) -> list[ConversationInfo]:
        return [ConversationInfo(c.id, c.name, c.title or c.name, c.updated_at, c.turns)
                for c in self.log.conversations()]

    def find(self, key: str | int) -> ConversationInfo:
        """A conversation by id or by name."""
        for info in self.list():
            if str(info.id) == str(key) or info.name == str(key):
                return info
        raise NotFoundError(f"no conversation {key!r}")

    def new_name(self) -> str:
        """A name no conversation has yet; the conversation exists once its first turn is stored."""
        taken = {c.name for c in self.list()}
        number = len(taken) + 1
        while f"chat-{number}" in taken:
            number += 1
        return f"chat-{number}"

    def rename(self, name: str, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            raise InputRejected("a chat needs a non-empty title")
        with self.store.db.transaction() as conn:
            self.store.messages.set_title(conn, name, title)

    def delete(self, name: str) -> None:
        self.log.delete(name, self.services.clock.timestamp())
        self.store.messages.forget_cited(name)

    def turns(self, name: str) -> list[Turn]:
        stored = self.log.turns(name)
        cited = self.store.messages.cited(name)
        return [Turn(t.role, t.speaker, t.text, t.timestamp, cited.get(t.external_id, ())) for t in stored]

    def add_turn(self, name: str, role: str, text: str, cited: tuple[int, ...] = (),
                 title_from: Optional[str] = None) -> None:
        """Store one turn; the first question of a chat becomes its title."""
        from second_me.domain import Turn as MemoryTurn

        now = self.services.clock.timestamp()
        turn_id = uuid.uuid4().hex[:12]
        speaker = YOU if role == "user" else ASSISTANT
        self.log.add_turns([MemoryTurn(name, speaker, text, now, role, turn_id)], now)
        with self.store.db.transaction() as conn:
            if title_from:
                self.store.messages.set_title(conn, name, _title(title_from), keep_existing=True)
            if cited:
                self.store.messages.set_cited(conn, name, turn_id, cited)


def _title(question: str, width: int = 40) -> str:
    text = " ".join(question.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
