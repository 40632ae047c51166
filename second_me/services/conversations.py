"""Conversations: importing chat exports (services/chat_import.py), listing, reading and
deleting conversations, and the app's chats (titles, fresh names, and the sources each answer cited).

Turns are stored through the conversation memory (memory/conversations.py), so each
becomes a searchable `message` memory; an answer second-me gave is kept in the log but
never becomes a memory.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from second_me.domain import Turn
from second_me.errors import InputRejected, NotFoundError
from second_me.memory.conversations import ConversationLog, typed_turn
from second_me.services import chat_import
from second_me.services.chat_import import ChatImportReport, Progress
from second_me.storage.messages import ConversationInfo, StoredTurn

if TYPE_CHECKING:
    from second_me.services.core import Core

TITLE_WIDTH = 40


@dataclass(frozen=True)
class ChatTurn:
    """A turn as the app shows it."""

    role: str  # "user" | "assistant" | "other"
    speaker: str
    text: str
    ts: float
    cited: tuple[int, ...] = ()  # memory ids the answer was built from, in [n] order


class Conversations:
    def __init__(self, core: "Core"):
        self.core = core

    @property
    def log(self) -> ConversationLog:
        return self.core.conversation_log()

    def add_turns(self, turns: Sequence[Turn]) -> int:
        """Store turns (each new one a memory unless it says otherwise); returns how many were new."""
        return self.log.add_turns(turns, self.core.now())

    def import_chat(self, path: Path, format: Optional[str] = None, me: Optional[str] = None,
                    tz: Optional[str] = None, progress: Optional[Progress] = None) -> ChatImportReport:
        """Import a chat export (a file, a folder or a .zip; its format told from its content unless
        `format` forces one): all of it or nothing; turns already stored are skipped. `me` names the
        user among the speakers, `tz` the zone of exports that give wall-clock times."""
        return chat_import.import_chat(self.core, path, format, me, tz, progress)

    def list(self) -> list[ConversationInfo]:
        """Most recently active first."""
        return self.core.store.messages.list()

    def turns(self, name: str) -> list[StoredTurn]:
        return self.core.store.messages.turns(name)

    def delete(self, name: str) -> int:
        """Delete a conversation, its turns and what was learnt only from them; returns the turns deleted."""
        return self.core.store.messages.delete(name, self.core.now())

    # ---- the app's chats -----------------------------------------------------------------

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
        with self.core.store.db.transaction() as conn:
            self.core.store.messages.set_title(conn, name, title)

    def chat_turns(self, name: str) -> list[ChatTurn]:
        """A chat's turns, each answer with the memory ids it cited."""
        cited = self.core.store.messages.cited(name)
        return [ChatTurn(t.role, t.speaker, t.text, t.timestamp, cited.get(t.external_id, ())) for t in self.turns(name)]

    def add_chat_turn(self, name: str, role: str, text: str, cited: tuple[int, ...] = (),
                      title_from: Optional[str] = None) -> None:
        """Store one turn of a chat; the first question of a chat becomes its title."""
        now = self.core.now()
        turn_id = uuid.uuid4().hex[:12]
        turn = typed_turn(name, role, text, now, turn_id, self.core.settings.remember_max_chars)
        self.log.add_turns([turn], now)
        messages = self.core.store.messages
        with self.core.store.db.transaction() as conn:
            if title_from:
                messages.set_title(conn, name, _title(title_from), keep_existing=True)
            if cited:
                messages.set_cited(conn, name, turn_id, cited)


def _title(question: str, width: int = TITLE_WIDTH) -> str:
    text = " ".join(question.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
