"""What every use case shares: the settings, the store, the clock, and the two models,
each loaded on first need.

Lazy models keep commands that need none (re-adding unchanged files, doctor, listing)
from paying for them. A model handed in ready-made (tests, the benchmark) belongs to the
caller and is never freed here.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.domain import Hit, Memory
from second_me.errors import StorageError
from second_me.memory.conversations import ConversationLog
from second_me.models.base import ChatModel, Embedder
from second_me.retention import RetentionPolicy
from second_me.storage.home_lock import HomeLock
from second_me.storage.store import MemoryStore, open_store


class Core:
    def __init__(self, settings: Settings, store: MemoryStore, embedder, chat_model, clock: Clock | None = None,
                 background_chat=None):
        """`embedder` and `chat_model` may be models or zero-argument factories (loaded on first use);
        so may `background_chat`, the model for facts and summaries (None: the chat model)."""
        self.settings = settings
        self.store = store
        self.clock = clock or Clock()
        self._embedder_source = embedder
        self._chat_source = chat_model
        self._embedder: Optional[Embedder] = embedder if isinstance(embedder, Embedder) else None
        self._chat: Optional[ChatModel] = chat_model if isinstance(chat_model, ChatModel) else None
        self._background_source = background_chat
        self._background: Optional[ChatModel] = background_chat if isinstance(background_chat, ChatModel) else None
        self._models_lock = threading.RLock()

    @classmethod
    def open(cls, settings: Settings, clock: Clock | None = None):
        """The memory of `settings.home` with the configured models (loaded when first used)."""
        from second_me.models import llama
        from second_me.models.defaults import chat_model_choice

        store = open_store(settings)
        # The reader answers; facts and summaries keep the small built-in model, where speed matters more.
        background = None
        if chat_model_choice(settings, "background").path != chat_model_choice(settings, "answer").path:
            background = lambda: llama.load_chat_model(settings, "background")  # noqa: E731
        return cls(settings, store, lambda: llama.load_embedder(settings), lambda: llama.load_chat_model(settings),
                   clock, background)

    @property
    def policy(self) -> RetentionPolicy:
        return RetentionPolicy(self.settings.retention_floor, self.settings.recall_growth)

    def now(self) -> float:
        return self.clock.timestamp()

    # ---- models -----------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        with self._models_lock:  # the app's chat and the background worker may ask at once
            if self._embedder is None:
                self._embedder = self._embedder_source()
            return self._embedder

    @property
    def chat_model(self) -> ChatModel:
        with self._models_lock:
            if self._chat is None:
                self._chat = self._chat_source()
            return self._chat

    @property
    def background_chat_model(self) -> ChatModel:
        """The model for background work (facts, summaries): the chat model unless another was given."""
        with self._models_lock:
            if self._background_source is None:
                return self.chat_model
            if self._background is None:
                self._background = self._background_source()
            return self._background

    @property
    def chat_loaded(self) -> bool:
        return self._chat is not None

    @property
    def embedder_source(self):
        """The embedder as handed in (a model or a factory): the watcher loads its own from it."""
        return self._embedder_source

    def check_embedder(self) -> None:
        """Refuse to search or add with another embedder than the store's vectors came from."""
        self.store.use_embedder(self.embedder.model_id, self.embedder.dim, self.now())

    def release_models(self) -> list[str]:
        """Free the chat model and the embedder if they were loaded on demand (they reload
        on next use); models handed in ready-made stay. Returns the names of those freed."""
        freed = []
        with self._models_lock:
            if self._chat is not None and self._chat is not self._chat_source:
                self._chat.close()
                self._chat = None
                freed.append("chat")
            if self._embedder is not None and self._embedder is not self._embedder_source:
                self._embedder.close()
                self._embedder = None
                freed.append("embedding")
            if self._background is not None and self._background is not self._background_source:
                self._background.close()
                self._background = None
                freed.append("background chat")
        return freed

    # ---- shared by several use cases ---------------------------------------------------

    def conversation_log(self, embed_batch: int | None = None) -> ConversationLog:
        """Conversations as memory (the embedder is loaded only when a turn is stored); `embed_batch`
        texts per embedder call, `embed_batch_size` unless said."""
        s = self.settings
        return ConversationLog(self.store, lambda: self.embedder, s.strength_chat_days, embed_batch or s.embed_batch_size)

    def reinforce(self, memory_ids: list[int], reason: str = "used in an answer") -> None:
        """Recall strengthens a memory: S ← S · g, and its clock restarts (retention.py)."""
        if memory_ids:
            self.store.reinforce(memory_ids, self.policy.growth, self.now(), reason)

    def hits_for(self, memory_ids: list[int]) -> list[Hit]:
        """Memories as search hits (retention now, origin), in the order of `memory_ids`."""
        memories = self.store.get_many(memory_ids)
        return self.as_hits([memories[i] for i in memory_ids if i in memories])

    def as_hits(self, memories: list[Memory]) -> list[Hit]:
        """Memories as search hits: with their retention now and where they came from."""
        origins = self.store.origins(memories)
        now = self.now()
        policy = self.policy
        return [Hit(m, 0.0, policy.retention(m, now), origins.get(m.id)) for m in memories]

    @contextmanager
    def exclusive(self, action: str) -> Iterator[None]:
        """Hold the home's indexer lock: no indexer or daemon may write meanwhile."""
        lock = HomeLock(self.settings.home)
        if not lock.try_acquire():
            raise StorageError(f"an indexer (pid {lock.holder_pid() or '?'}) is running in this home: "
                               f"stop it (e.g. the daemon) and {action} again")
        try:
            yield
        finally:
            lock.release()

    def close(self) -> None:
        for model in (self._chat, self._embedder, self._background):
            if model is not None:
                model.close()
        self.store.close()
