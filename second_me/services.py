"""The application API used by the CLI and the TUI: index, search, ask, doctor.

Models are loaded lazily, on first need, so commands that need none (re-adding unchanged
files, doctor, listing) never pay for them.
"""

from __future__ import annotations

import platform
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Union

from second_me.clock import Clock
from second_me.config import Settings
from second_me.domain import Answer, Hit, IndexReport
from second_me.errors import NotFoundError, SecondMeError
from second_me.storage.home_lock import HomeLock
from second_me.ingest.pipeline import Indexer, ProgressFn
from second_me.ingest.handoff import index_now
from second_me.ingest.watch_loop import WatchLoop as WatchService
from second_me.ingest.watched_folders import WatchedFolders
from second_me.storage.watched import WatchedFolder
from second_me.retention import RetentionPolicy
from second_me.models.base import ChatModel, Embedder
from second_me.retrieval.abstain import abstention_reason, relevant_hits
from second_me.retrieval.context import build_messages, cited_numbers
from second_me.retrieval.hybrid import FusionWeights, HybridSearcher, SearchOptions, SearchResult
from second_me.storage.store import MemoryStore, open_store

if TYPE_CHECKING:  # imported lazily at run time
    from second_me.memory.chat_import import ChatImportReport

# A small model sometimes starts writing another prompt after its answer: stop there.
ANSWER_STOPS = ("<notes>", "</notes>", "\nQuestion:")
SUMMARIZER_LOCK = "summarizer.lock"  # one summarizer (facts + summaries) per home
ModelSource = Union[Callable[[], object], object]
TokenFn = Callable[[str], None]


class Services:
    def __init__(self, settings: Settings, store: MemoryStore, embedder, chat_model, clock: Clock | None = None):
        """`embedder` and `chat_model` may be models or zero-argument factories (loaded on first use)."""
        self.settings = settings
        self.store = store
        self.clock = clock or Clock()
        self._embedder_source = embedder
        self._chat_source = chat_model
        self._embedder: Optional[Embedder] = embedder if isinstance(embedder, Embedder) else None
        self._chat: Optional[ChatModel] = chat_model if isinstance(chat_model, ChatModel) else None
        self.policy = RetentionPolicy(settings.retention_floor, settings.recall_growth)
        self._models_lock = threading.RLock()

    @classmethod
    def open(cls, settings: Settings, clock: Clock | None = None) -> "Services":
        from second_me.models import llama

        store = open_store(settings)
        return cls(settings, store, lambda: llama.load_embedder(settings), lambda: llama.load_chat_model(settings), clock)

    # ---- models -----------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        with self._models_lock:  # the TUI's chat and the background worker may ask at once
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
    def chat_loaded(self) -> bool:
        return self._chat is not None

    @property
    def conversations(self):
        from second_me.memory.conversations import ConversationLog

        return ConversationLog(self.store, lambda: self.embedder, self.settings.strength_chat_days,
                               self.settings.embed_batch_size)

    def import_chat(self, path: Path) -> "ChatImportReport":
        """Import a JSONL chat export: all of it or (on any bad line) nothing; idempotent by id."""
        from second_me.memory.chat_import import ChatImportReport, read_chat_file

        started = time.monotonic()
        turns = read_chat_file(Path(path).expanduser())
        added = self.conversations.add_turns(turns, self.clock.timestamp())
        return ChatImportReport(turns=len(turns), added=added,
                                conversations=len({t.conversation for t in turns}),
                                seconds=time.monotonic() - started)

    def _check_embedder(self) -> None:
        """Refuse to search or add with another embedder than the store's vectors came from."""
        self.store.use_embedder(self.embedder.model_id, self.embedder.dim, self.clock.timestamp())

    # ---- indexing ---------------------------------------------------------------------

    def add(self, paths: Iterable[Path], progress: ProgressFn | None = None,
            on_wait: Callable[[int], None] | None = None) -> IndexReport:
        """Index files and folders now. If another indexer runs, hand it the work and wait."""
        paths = [Path(p).expanduser() for p in paths]
        for path in paths:
            if not path.exists():
                raise NotFoundError(f"no such file or folder: {path}")
        indexer = Indexer(self.store, lambda: self.embedder, self.settings, self.clock)
        items = [item for path in paths for item in indexer.scan(path)]
        indexer.queue.enqueue(items, self.clock.timestamp())
        return index_now(indexer, HomeLock(self.settings.home), [p for p, _, _ in items], progress, on_wait)

    # ---- watched folders (logic in ingest/watched.py and ingest/service.py) -----------------

    @property
    def watched(self) -> WatchedFolders:
        return WatchedFolders(self.store)

    def watch_add(self, path: Path) -> tuple[Path, list[Path]]:
        return self.watched.add(path, self.clock.timestamp())

    def watch_remove(self, path: Path, forget: bool = True) -> tuple[Path, int]:
        return self.watched.remove(path, forget)

    def watch_list(self) -> list[WatchedFolder]:
        return self.watched.list()

    def index(self, progress: ProgressFn | None = None, on_wait: Callable[[int], None] | None = None,
              roots: Iterable[Path] | None = None) -> IndexReport:
        """Catch up every watched folder (or `roots`) once, plus anything left in the queue."""
        indexer = Indexer(self.store, lambda: self.embedder, self.settings, self.clock)
        roots = list(roots) if roots is not None else self.watched.roots()
        items = [item for root in roots for item in indexer.scan(root)]
        indexer.queue.enqueue(items, self.clock.timestamp())
        paths = [p for p, _, _ in items] + [q.path for q in indexer.queue.pending(limit=1_000_000)]
        report = index_now(indexer, HomeLock(self.settings.home), sorted(set(paths)), progress, on_wait)
        if not indexer.queue.size():
            self.watched.mark_indexed(roots, self.clock.timestamp())
        return report

    def watch_service(self, on_progress: ProgressFn | None = None, on_status=None, log=None) -> WatchService:
        """The watcher + indexer loop (the daemon, or the TUI in-process): `start()` / `stop()`."""
        return WatchService(self.store, self._embedder_source, self.settings, self.clock, on_progress, on_status, log)

    def indexing_status(self) -> dict:
        """Watched folders, queue and per-file errors (for doctor and the TUI)."""
        lock = HomeLock(self.settings.home)
        running = not lock.try_acquire()
        lock.release()
        return {
            "watched": [f.path for f in self.watched.list(problems_per_folder=0)],
            "queued": self.store.queue.size(),
            "indexer_running": running,
            "indexer_pid": lock.holder_pid() if running else None,
            "file_errors": [{"path": p.path, "reason": p.reason} for p in self.store.sources.problems()],
        }

    def reembed(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Switch the store to the configured embedder: every active memory gets a new vector."""
        from second_me.memory.reembed import reembed_all

        return reembed_all(self.store, self.embedder, self.clock.timestamp(), self.settings.embed_batch_size, progress)

    # ---- search and answers -----------------------------------------------------------

    def searcher(self) -> HybridSearcher:
        s = self.settings
        weights = FusionWeights(bm25=s.bm25_weight, vector=s.vector_weight, window=s.time_weight, order=s.order_weight)
        return HybridSearcher(self.store, self.embedder, self.policy, s.rrf_k, s.candidates, weights)

    def search(self, query: str, options: SearchOptions | None = None) -> SearchResult:
        if not query.strip():
            from second_me.errors import InputRejected

            raise InputRejected("the query is empty: give some words to search for")
        options = options or SearchOptions(k=self.settings.search_k)
        if self.store.has_vectors and options.use_vectors:
            self._check_embedder()
        searcher = self.searcher()
        # One snapshot: an indexer replacing a file's chunks meanwhile cannot leave half-read hits.
        with self.store.db.snapshot():
            return searcher.search(query, options, self.clock.timestamp())

    def ask(self, question: str, k: int | None = None, on_token: TokenFn | None = None,
            options: SearchOptions | None = None, remember: bool = True,
            conversation: str | None = None) -> Answer:
        """Retrieve, then answer from memory with [n] citations — or abstain without guessing.

        `options` carries filters (k is taken from `k` when given); `remember=False` answers
        without strengthening the cited memories (the benchmark must not change what it measures).
        With `conversation`, the question and the answer are stored as turns of it.
        """
        answer = self._answer(question, k, on_token, options, remember)
        if conversation:
            from second_me.memory.conversations import ask_turns

            self.conversations.add_turns(ask_turns(conversation, question, answer.text, self.clock.timestamp()),
                                         self.clock.timestamp())
        return answer

    def _answer(self, question: str, k: int | None, on_token: TokenFn | None,
                options: SearchOptions | None, remember: bool) -> Answer:
        from dataclasses import replace

        options = options or SearchOptions(k=self.settings.search_k)
        if k:
            options = replace(options, k=k)
        result = self.search(question, options)
        reason = abstention_reason(result, self.settings.abstain_similarity, self.settings.abstain_unknown_similarity)
        if reason:
            text = f"I don't know: {reason}"
            if on_token:
                on_token(text)
            return Answer(text, (), abstained=True)
        model = self.chat_model
        relevant = relevant_hits(result, self.settings.abstain_similarity)
        messages, used = build_messages(question, relevant, model, self.settings.max_answer_tokens,
                                        self.settings.context_tokens)
        pieces: list[str] = []
        stream = model.stream(messages, max_tokens=self.settings.max_answer_tokens,
                              temperature=self.settings.temperature, stop=ANSWER_STOPS)
        try:
            for piece in stream:
                pieces.append(piece)
                if on_token:
                    on_token(piece)
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        # Model output is untrusted: no terminal control sequences in the stored or printed answer.
        from second_me.safe_text import strip_control

        text = strip_control("".join(pieces)).strip()
        cited = cited_numbers(text, len(used))
        if remember:
            self.reinforce([used[n - 1].memory.id for n in cited])
        return Answer(text, tuple(used), abstained=False)

    def reinforce(self, memory_ids: list[int], reason: str = "used in an answer") -> None:
        """Recall strengthens a memory: S ← S · g, and its clock restarts (DESIGN §5)."""
        if not memory_ids:
            return
        self.store.reinforce(memory_ids, self.policy.growth, self.clock.timestamp(), reason)

    # ---- memory lifecycle (pins, forgetting, history) ----------------------------------

    @property
    def memory(self):
        """Pin, unpin, forget, restore, prune, list and explain memories."""
        from second_me.memory.lifecycle import MemoryLifecycle

        return MemoryLifecycle(self.store, self.policy, lambda: self.embedder, self.settings.prune_threshold)

    def learn_facts(self, budget_seconds: float = 30.0, keep_going: Callable[[], bool] | None = None):
        """Read unread user turns for facts (background work: call when idle)."""
        from second_me.memory.fact_learner import FactLearner

        model = (lambda: self.chat_model) if self.settings.facts_with_model else None
        learner = FactLearner(self.store, lambda: self.embedder, model, self.settings.strength_fact_days)
        return learner.run(self.clock.timestamp(), budget_seconds, keep_going)

    def summary_tree(self):
        from second_me.memory.summary_tree import SummaryTree

        model = (lambda: self.chat_model) if self.settings.summaries_with_model else None
        return SummaryTree(self.store, lambda: self.embedder, model, self.settings.strength_file_days)

    def summarize(self, budget_seconds: float = 60.0, keep_going: Callable[[], bool] | None = None,
                  on_wait: Callable[[int], None] | None = None):
        """Background memory work under one time budget: learn facts from unread turns
        (up to half the budget), then rebuild dirty summaries and the portrait.
        One summarizer per home: while another runs (the daemon's background round),
        wait for it (`on_wait(pid)` is told once), then do what is left."""
        lock = HomeLock(self.settings.home, SUMMARIZER_LOCK)
        if not lock.try_acquire():
            if on_wait:
                on_wait(lock.holder_pid() or 0)
            lock.acquire()
        try:
            return self._summarize_held(budget_seconds, keep_going)
        finally:
            lock.release()

    def try_summarize(self, budget_seconds: float, keep_going: Callable[[], bool] | None = None):
        """`summarize`, or None at once when another summarizer holds the lock (background use)."""
        lock = HomeLock(self.settings.home, SUMMARIZER_LOCK)
        if not lock.try_acquire():
            return None
        try:
            return self._summarize_held(budget_seconds, keep_going)
        finally:
            lock.release()

    def _summarize_held(self, budget_seconds: float, keep_going: Callable[[], bool] | None):
        started = time.monotonic()
        facts = self.learn_facts(budget_seconds / 2, keep_going)
        left = max(0.0, budget_seconds - (time.monotonic() - started))
        return facts, self.summary_tree().refresh(self.clock.timestamp(), left, keep_going)

    # ---- memory work in the background (memory/background.py) -------------------------

    def memory_worker(self, watch: WatchService | None = None, log=None, free_models: bool = False,
                      also_busy: Callable[[], bool] | None = None):
        """Facts and summaries when indexing is quiet: `start()` / `stop(timeout)`.

        `watch` is this process's watcher, if any (its indexing counts as busy, as do files
        queued by any process); `also_busy()` adds other reasons to hold back (e.g. an answer
        being written: both would share the chat model). `free_models=True` frees the chat
        model and the embedder after `embed_idle_unload_s` without memory work — only where
        nothing else in the process uses them (the daemon); the TUI keeps them for its chat.
        """
        from second_me.memory.background import IdleMemoryWorker

        queue = self.store.queue

        def busy() -> bool:
            return ((watch is not None and watch.busy()) or (also_busy is not None and also_busy())
                    or queue.size() > 0)

        s = self.settings
        return IdleMemoryWorker(self, busy, s.background_idle_s, s.background_budget_s, s.embed_idle_unload_s,
                                log, free_models)

    def memory_changes(self) -> tuple[int, int]:
        """Changes by other processes (data_version) and by this one (total_changes): two
        numbers SQLite keeps anyway, so an idle worker can look often for nothing."""
        return self.store.change_counter()

    def release_memory_models(self) -> list[str]:
        """Free the chat model and the embedder if they were loaded on demand (they reload
        on next use); models handed in ready-made stay."""
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
        return freed

    # One-call forms for the TUI (time from the clock).
    def pin(self, memory_id: int):
        return self.memory.pin(memory_id, self.clock.timestamp())

    def unpin(self, memory_id: int):
        return self.memory.unpin(memory_id, self.clock.timestamp())

    def forget(self, memory_id: int):
        return self.memory.forget(memory_id, self.clock.timestamp())

    def restore(self, memory_id: int):
        return self.memory.restore(memory_id, self.clock.timestamp())

    def memory_history(self, memory_id: int) -> list[tuple[float, str, str]]:
        """(when, action, reason), oldest first, starting with the memory's creation."""
        detail = self.memory.detail(memory_id, self.clock.timestamp())
        m = detail.view.memory
        return [(m.created_at, "created", m.kind)] + [(e.at, e.action, e.reason or "") for e in detail.events]

    def open_memory(self, memory_id: int):
        """The user opened a memory: show it with its history, and count it as a recall."""
        detail = self.memory.detail(memory_id, self.clock.timestamp())
        self.reinforce([memory_id], "opened by the user")
        return detail

    def hits_for(self, memory_ids: list[int]) -> list[Hit]:
        memories = self.store.get_many(memory_ids)
        ordered = [memories[i] for i in memory_ids if i in memories]
        origins = self.store.origins(ordered)
        now = self.clock.timestamp()
        return [Hit(m, 0.0, self.policy.retention(m, now), origins.get(m.id)) for m in ordered]

    # ---- doctor -----------------------------------------------------------------------

    def doctor(self) -> dict:
        from second_me.models import defaults, llama
        from second_me.secrets import keyring_status

        settings = self.settings
        runtime = llama.runtime_info(settings)
        versions = {"python": platform.python_version(), "second_me": _version()}
        versions.update(self.store.db.versions())
        versions["llama_cpp"] = runtime["llama_cpp_version"]
        models = {}
        for role in ("chat", "embed"):
            try:
                path = defaults.resolve_model_path(settings, role)
                models[role] = {"path": str(path), "size_mb": round(path.stat().st_size / 1e6, 1),
                                "default": not getattr(settings, f"{role}_model")}
            except SecondMeError as exc:
                models[role] = {"path": None, "error": str(exc)}
        recorded_id, recorded_dim = self.store.recorded_embedder()
        models["embed"]["store_embedder"] = {"model_id": recorded_id, "dim": recorded_dim}
        db_size = sum(p.stat().st_size for p in settings.home.glob("memory.db*") if p.is_file())
        key = self.store.db.key
        return {
            "versions": versions,
            "home": str(settings.home),
            "database": {"path": str(settings.db_path), "size_mb": round(db_size / 1e6, 2)},
            "models": models,
            "offload": {"available": runtime["gpu_offload_supported"], "n_gpu_layers": runtime["n_gpu_layers"],
                        "used": runtime["gpu_offload_supported"] and runtime["n_gpu_layers"] != 0,
                        "reason": runtime["n_gpu_layers_reason"]},
            "weights": {"use_mmap": runtime["use_mmap"], "use_mlock": runtime["use_mlock"]},
            "kv_cache": {"type_k": runtime["kv_cache_type_k"], "type_v": runtime["kv_cache_type_v"],
                         "flash_attn": runtime["flash_attn"]},
            "n_ctx": runtime["n_ctx"],
            "n_threads": runtime["n_threads"],
            "encryption": {"enabled": key.encrypted, "key_source": key.source, "keyring": keyring_status()},
            "counts": self.store.counts(),
            "indexing": self.indexing_status(),
            "platform": f"{platform.system()} {platform.machine()}",
        }

    # ---- safety: backups, keys, consistency (storage/backup.py, rekey.py, consistency.py) ----

    def backup(self, target: Path):
        from second_me.storage.backup import make_backup

        return make_backup(self.store.db, target)

    def restore_backup(self, source: Path, force: bool = False):
        from second_me.storage.backup import restore_backup

        with self._exclusive("restore"):
            return restore_backup(self.store.db, source, force)

    def rotate_key(self, new_passphrase: Optional[str]) -> str:
        from second_me.storage.rekey import rotate

        with self._exclusive("rotate the key"):
            return rotate(self.store.db, self.settings.home, new_passphrase)

    def check(self):
        from second_me.storage.consistency import check

        return check(self.store)

    def repair(self, progress: Callable[[int, int], None] | None = None):
        from second_me.memory.reembed import reembed_all
        from second_me.storage.consistency import check, repair

        with self._exclusive("repair"):
            now = self.clock.timestamp()
            before = check(self.store)
            report = repair(self.store, now, before)
            if any(p.name == "missing_vectors" for p in before.problems):
                embedder = self.embedder
                # Refuses (EmbedderMismatch) rather than mixing vectors of two models.
                self.store.use_embedder(embedder.model_id, embedder.dim, now)
                count = reembed_all(self.store, embedder, now, self.settings.embed_batch_size, progress)
                report.actions.append(f"re-embedded {count} memories that had no vector")
            return report

    def _exclusive(self, action: str):
        """Hold the home's indexer lock: no indexer or daemon may write meanwhile."""
        from contextlib import contextmanager

        from second_me.errors import StorageError

        @contextmanager
        def held():
            lock = HomeLock(self.settings.home)
            if not lock.try_acquire():
                raise StorageError(f"an indexer (pid {lock.holder_pid() or '?'}) is running in this home: "
                                   f"stop it (e.g. the daemon) and {action} again")
            try:
                yield
            finally:
                lock.release()

        return held()

    def close(self) -> None:
        for model in (self._chat, self._embedder):
            if model is not None:
                model.close()
        self.store.close()


def _version() -> str:
    from second_me import __version__

    return __version__

