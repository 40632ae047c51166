"""Conversations as memory: every turn is stored with speaker, role and time, and becomes a
`message` memory (with its own vector) that search and answers can cite.

A turn's memory keeps who said it beside its text, the turn it replies to as a second search
key (a reply that never repeats the question's words is found by them: "They couldn't stop
talking about the dinosaur bones!" after "what are the kids into?"), and the dates it tells of,
read against when it was sent ("yesterday", sent on 6 July, is 5 July). In a chat with an
assistant app the conversation's title leads that key: ChatGPT names a chat by what it is about
("Birthday present for Mum"), and "I went with the RHS day pass, it came to £96" says none of it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from second_me.domain import Turn, assistant_chat_title
from second_me.text.event_dates import event_dates
from second_me.text.utterance import MAX_REMEMBERED_CHARS, states_something
from second_me.models.base import Embedder
from second_me.storage.messages import ConversationInfo, StoredTurn, context_key
from second_me.storage.store import MemoryStore, NewMemory


def message_memory_text(turn: Turn) -> str:
    """What a turn looks like as a memory: who said it, then what was said."""
    return f"{turn.speaker}: {turn.text}"


ASSISTANT_SPEAKER = "second-me"
USER_SPEAKER = "me"


def typed_turn(conversation: str, role: str, text: str, now: float, turn_id: str | None = None,
               max_chars: int = MAX_REMEMBERED_CHARS) -> Turn:
    """A turn of a chat with second-me. What the user states becomes a memory; a question, a
    request or an over-long paste does not, and nothing second-me said ever does (an answer, an
    "I don't know", a stopped answer): it was derived from memories, and would be found as the
    source of what it repeats. Every turn stays in the conversation log."""
    text = text.strip()
    if role == "user":
        return Turn(conversation, USER_SPEAKER, text, now, "user", turn_id, states_something(text, max_chars))
    return Turn(conversation, ASSISTANT_SPEAKER, text, now, "assistant", turn_id, remembered=False)


def ask_turns(conversation: str, question: str, answer: str, now: float,
              max_chars: int = MAX_REMEMBERED_CHARS) -> list[Turn]:
    """The two turns of one `ask` (fact extraction still reads the question); the answer's id keeps
    what it cited (a follow-up asked next leans on it)."""
    return [typed_turn(conversation, "user", question, now, max_chars=max_chars),
            typed_turn(conversation, "assistant", answer, now, uuid.uuid4().hex[:12])]


@dataclass(frozen=True)
class _Replied:
    """The turn a turn replies to: stored already (its memory id), or earlier in the same batch; its
    words are the context key, led by the same speaker's turn just before, when there is one."""

    words: str
    stored_id: Optional[int] = None
    batch_turn: Optional[int] = None  # id() of the Turn

    def memory_id(self, stored_so_far: dict[int, int]) -> Optional[int]:
        return self.stored_id if self.batch_turn is None else stored_so_far.get(self.batch_turn)


def _joined(replied: str, lead: str) -> str:
    return f"{lead} {replied}" if lead else replied


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
        replied = self._replied_to(fresh)
        memory_of: dict[int, int] = {}  # id(turn) → its memory, for the turns replying to it
        added = 0
        with self.store.db.transaction() as conn:
            for turn in fresh:
                message_id = self.store.messages.add(conn, turn)
                if message_id is None:
                    continue  # the same id appeared twice in this batch
                if turn.remembered:
                    parent = replied.get(id(turn))
                    key = _joined(parent.words if parent else "", assistant_chat_title(turn.conversation))
                    (memory_of[id(turn)],) = self.store.insert_memories(conn, [NewMemory(
                        kind="message", text=message_memory_text(turn), vector=vector_of[id(turn)],
                        created_at=turn.timestamp, strength=self.strength_days, message_id=message_id,
                        speaker=turn.speaker, context=context_key(key) if key.strip() else None,
                        reply_to=parent.memory_id(memory_of) if parent else None,
                        about=event_dates(turn.text, turn.timestamp))])
                added += 1
        return added

    def _replied_to(self, turns: Sequence[Turn]) -> dict[int, "_Replied"]:
        """id(turn) → the turn it replies to: the last earlier remembered turn of its conversation by
        someone else, already stored or in this batch."""
        out: dict[int, _Replied] = {}
        last_by: dict[str, dict[str, tuple[float, int, Turn]]] = {}  # conversation → speaker → last turn
        for order, turn in enumerate(turns):
            if not turn.remembered:
                continue
            seen = last_by.setdefault(turn.conversation, {})
            earlier = max((t for who, t in seen.items() if who != turn.speaker and t[0] <= turn.timestamp),
                          default=None, key=lambda t: t[:2])
            stored = self.store.messages.replied_to(turn.conversation, turn.speaker, turn.timestamp)
            own = seen.get(turn.speaker)
            # A turn right after the same speaker's last one goes on from it ("MEET PEPPER" after the photo).
            lead = own[2].text if own is not None and (earlier is None or own[:2] > earlier[:2]) else ""
            if own is None and earlier is None:
                last = self.store.messages.last_turn(turn.conversation, turn.timestamp)
                lead = last[2] if last is not None and last[1] == turn.speaker else ""
            if stored is not None and (earlier is None or stored[0] > earlier[0]):
                out[id(turn)] = _Replied(_joined(stored[1], lead), stored_id=stored[2])
            elif earlier is not None:
                out[id(turn)] = _Replied(_joined(earlier[2].text, lead), batch_turn=id(earlier[2]))
            elif lead:
                out[id(turn)] = _Replied(lead)
            seen[turn.speaker] = (turn.timestamp, order, turn)
        return out

    def _unknown(self, turns: Sequence[Turn]) -> list[Turn]:
        """The turns not stored yet: a turn without an id is always new."""
        known = self.store.messages.known_ids({t.conversation for t in turns if t.external_id is not None})
        return [t for t in turns if t.external_id is None or t.external_id not in known.get(t.conversation, ())]

    def conversations(self) -> list[ConversationInfo]:
        """Most recently active first."""
        return self.store.messages.list()

    def turns(self, name: str) -> list[StoredTurn]:
        return self.store.messages.turns(name)

    def delete(self, name: str, now: float) -> int:
        """Delete a conversation, its turns and their memories (the user's explicit choice)."""
        return self.store.messages.delete(name, now)
