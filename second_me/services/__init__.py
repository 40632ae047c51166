"""The use cases, one door each: commands and the app call only this package.

`Services` is one memory, opened: the shared core (settings, store, clock, lazy models;
core.py) and a door per use case — `indexing`, `answering`, `memory`, `conversations`,
`safety` — plus `doctor()` and the background runner the daemon and the app share.
"""

from __future__ import annotations

from second_me.config import Settings, load_settings
from second_me.retrieval.hybrid import SearchOptions
from second_me.services.answering import Answering, cited_sources, evidence_entries, shown_quote
from second_me.services.background import BackgroundRunner, claim_daemon, daemon_pid
from second_me.services.conversations import ChatTurn, Conversations
from second_me.services.core import Core
from second_me.services.doctor import doctor_report, runtime
from second_me.services.indexing import Indexing
from second_me.services.memory import MemoryCare, TreeNode
from second_me.services.safety import Safety
from second_me.services.search_filters import search_options

__all__ = ["BackgroundRunner", "ChatTurn", "SearchOptions", "Services", "Settings", "TreeNode", "cited_sources", "evidence_entries",
           "claim_daemon", "daemon_pid", "load_settings", "runtime", "search_options", "shown_quote"]


class Services(Core):
    def __init__(self, settings: Settings, store, embedder, chat_model, clock=None, background_chat=None):
        super().__init__(settings, store, embedder, chat_model, clock, background_chat)
        self.indexing = Indexing(self)
        self.answering = Answering(self)
        self.memory = MemoryCare(self)
        self.conversations = Conversations(self)
        self.safety = Safety(self)

    def doctor(self) -> dict:
        return doctor_report(self)

    def background(self, **options) -> BackgroundRunner:
        """The watch loop and the idle memory worker (options: see BackgroundRunner)."""
        return BackgroundRunner(self, **options)
