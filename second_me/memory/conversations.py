"""Conversations as memory: every turn is stored with speaker, role and time, and becomes a
`message` memory (with its own vector) that search and answers can cite.
"""

from __future__ import annotations

from typing import Callable, Sequence

from second_me.domain import Turn
from second_me.text.utterance import MAX_REMEMBERED_CHARS, states_something
from second_me.models.base import Embedder
from second_me.storage.messages import ConversationInfo, StoredTurn
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
    """The two turns of one `ask` (fact extraction still reads the question)."""
    return [typed_turn(conversation, "user", question, now, max_chars=max_chars),
            typed_turn(conversation, "assistant", answer, now)]


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
                message_id = self.store.messages.add(conn, turn)
                if message_id is None:
                    continue  # the same id appeared twice in this batch
                if turn.remembered:
                    self.store.insert_memories(conn, [NewMemory(
                        kind="message", text=message_memory_text(turn), vector=vector_of[id(turn)],
                        created_at=turn.timestamp, strength=self.strength_days, message_id=message_id)])
                added += 1
        return added

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
