"""Indexing: files and folders into memory (add once, watch and keep in step), the queue's
state, and re-embedding every memory after a change of embedder."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from second_me.domain import IndexReport, count_by
from second_me.errors import InputRejected, NotFoundError
from second_me.ingest.handoff import index_now
from second_me.ingest.paths import special_reason
from second_me.ingest.pipeline import Indexer, ProgressFn
from second_me.ingest.watch_loop import WatchLoop, WatchStatus
from second_me.ingest.watched_folders import WatchedFolders
from second_me.memory.reembed import reembed_all
from second_me.storage.home_lock import HomeLock
from second_me.storage.sources import FileProblem
from second_me.storage.watched import WatchedFolder

if TYPE_CHECKING:
    from second_me.services.core import Core

WaitFn = Callable[[int], None]  # told the pid of the other indexer this run waits for


class Indexing:
    def __init__(self, core: "Core"):
        self.core = core

    def _indexer(self) -> Indexer:
        core = self.core
        return Indexer(core.store, lambda: core.embedder, core.settings, core.clock)

    def _run(self, indexer: Indexer, paths: list[str], progress: ProgressFn | None,
             on_wait: WaitFn | None) -> IndexReport:
        return index_now(indexer, HomeLock(self.core.settings.home), paths, progress, on_wait)

    def add(self, paths: Iterable[Path], progress: ProgressFn | None = None, on_wait: WaitFn | None = None) -> IndexReport:
        """Index files and folders now. If another indexer runs, hand it the work and wait."""
        paths = [Path(p).expanduser() for p in paths]
        for path in paths:
            if special_reason(path):
                raise InputRejected(f"{path} is a system file (/proc, /sys and /dev are never read)")
            if not path.exists():
                raise NotFoundError(f"no such file or folder: {path}")
        indexer = self._indexer()
        filtered: Counter = Counter()
        report = self._run(indexer, indexer.queue_changes(paths, filtered), progress, on_wait)
        return replace(report, filtered=count_by(filtered.elements()))

    def index(self, progress: ProgressFn | None = None, on_wait: WaitFn | None = None,
              roots: Iterable[Path] | None = None) -> IndexReport:
        """Catch up every watched folder (or `roots`) once, plus anything left in the queue."""
        indexer = self._indexer()
        folders = self._folders()
        roots = list(roots) if roots is not None else folders.roots()
        filtered: Counter = Counter()
        paths = indexer.queue_changes(roots, filtered) + [q.path for q in indexer.queue.pending(limit=1_000_000)]
        report = self._run(indexer, sorted(set(paths)), progress, on_wait)
        if not indexer.queue.size():
            folders.mark_indexed(roots, self.core.now())
        return replace(report, filtered=count_by(filtered.elements()))

    # ---- watched folders ---------------------------------------------------------------

    def _folders(self) -> WatchedFolders:
        return WatchedFolders(self.core.store)

    def watch(self, path: Path) -> tuple[Path, list[Path]]:
        """Keep a folder in step with memory. Returns (the folder, the watched folders it replaces)."""
        return self._folders().add(path, self.core.now())

    def unwatch(self, path: Path, forget: bool = True) -> tuple[Path, int]:
        """Stop watching; with `forget`, its files leave memory. Returns (the folder, chunks removed)."""
        return self._folders().remove(path, forget)

    def watched(self) -> list[WatchedFolder]:
        """Watched folders with their counts and the files that failed."""
        return self._folders().list()

    def watched_roots(self) -> list[Path]:
        return self._folders().roots()

    def watch_loop(self, on_progress: ProgressFn | None = None, on_status: Callable[[WatchStatus], None] | None = None,
                   log: Callable[[str], None] | None = None) -> WatchLoop:
        """The watcher + indexer loop (see services/background.py, which runs it)."""
        core = self.core
        return WatchLoop(core.store, core.embedder_source, core.settings, core.clock, on_progress, on_status, log)

    # ---- the queue and the files that failed -------------------------------------------

    def queued(self) -> int:
        return self.core.store.queue.size()

    def problems(self, limit: int = 200) -> list[FileProblem]:
        """Files that failed or were left out, newest first."""
        return self.core.store.sources.problems(("error", "skipped"), limit)

    def status(self) -> dict:
        """Watched folders, queue and per-file errors (for doctor and the app)."""
        lock = HomeLock(self.core.settings.home)
        running = not lock.try_acquire()
        lock.release()
        return {
            "watched": [f.path for f in self._folders().list(problems_per_folder=0)],
            "queued": self.queued(),
            "indexer_running": running,
            "indexer_pid": lock.holder_pid() if running else None,
            "file_errors": [{"path": p.path, "reason": p.reason} for p in self.core.store.sources.problems()],
        }

    def reembed(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Switch the store to the configured embedder: every active memory gets a new vector."""
        core = self.core
        return reembed_all(core.store, core.embedder, core.now(), core.settings.embed_batch_size, progress)
