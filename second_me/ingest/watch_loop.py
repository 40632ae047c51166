"""The watch loop: memory kept in step with every watched folder, in a background thread
(the daemon's and the app's background runner, services/background.py, run it).

One indexer per home: the loop drains the queue only while it holds the indexer lock;
otherwise it just queues what its watcher sees, for whoever holds it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.domain import IndexReport
from second_me.ingest.pipeline import Indexer, Progress, ProgressFn
from second_me.ingest.watched_folders import WatchedFolders
from second_me.storage.home_lock import HomeLock
from second_me.storage.store import MemoryStore

LogFn = Callable[[str], None]
# How often the watch loop looks at the queue (work left by other processes) and the watched list.
CHECK_INTERVAL_S = 2.0


@dataclass(frozen=True)
class WatchStatus:
    state: str  # "starting" | "idle" | "indexing" | "waiting" (another process indexes) | "stopped"
    mode: str  # "native" | "polling" | "stopped"
    roots: tuple[str, ...]
    queued: int
    embedder_loaded: bool
    last_report: Optional[IndexReport] = None


class WatchLoop:
    """Watches every watched folder and keeps memory in step with it, in a background thread.

    `start()`/`stop()`, by the background runner (services/background.py). Catches up
    on start (files changed while nothing watched), loads the embedding model only when a
    file needs embedding and frees it after `embed_idle_unload_s` without work.
    """

    def __init__(self, store: MemoryStore, embedder, settings: Settings, clock: Clock | None = None,
                 on_progress: ProgressFn | None = None, on_status: Callable[[WatchStatus], None] | None = None,
                 log: LogFn | None = None):
        self.store = store
        self.settings = settings
        self.clock = clock or Clock()
        self.indexer = Indexer(store, embedder, settings, self.clock)
        self.folders = WatchedFolders(store)
        self.lock = HomeLock(settings.home)
        self.on_progress = on_progress
        self.on_status = on_status
        self.log = log or (lambda message: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._watcher = None
        self._state = "stopped"
        self._last_report: Optional[IndexReport] = None
        self._waiting_logged = False

    # ---- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Run in a background thread until `stop()`."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="second-me-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the loop to finish; True when it did within `timeout` (anything unfinished stays queued)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def wake(self) -> None:
        """Look at the queue now (e.g. after enqueueing from elsewhere in this process)."""
        self._wake.set()

    def busy(self) -> bool:
        """Catching up or indexing right now (background memory work waits for it)."""
        return self._state in ("starting", "indexing")

    def status(self) -> WatchStatus:
        watcher = self._watcher
        return WatchStatus(self._state, watcher.mode if watcher else "stopped",
                           tuple(watcher.roots) if watcher else (), self.indexer.queue.size(),
                           self.indexer.embedder_loaded, self._last_report)

    def _set_state(self, state: str) -> None:
        self._state = state
        if self.on_status:
            self.on_status(self.status())

    # ---- the loop -----------------------------------------------------------------------

    def _run(self) -> None:
        from second_me.ingest.folder_events import FolderWatcher

        self._set_state("starting")
        s = self.settings
        self._watcher = FolderWatcher(self._on_changes, s.ignore, s.watch_debounce_s, s.watch_polling,
                                      s.watch_poll_interval_s, exclude=[s.home])
        roots = [r for r in self.folders.roots()]
        try:
            # Watch first, then catch up: a change made during the catch-up is seen by one or the other.
            self._watcher.start(roots)
            self.log(f"watching {len(roots)} folder(s) ({self._watcher.mode} events)")
            self._catch_up(roots)
            self._set_state("idle")
            while not self._stop.is_set():
                self._refresh_roots()
                if self.indexer.queue.size():
                    self._drain()
                self._release_idle_embedder()
                self._wake.wait(CHECK_INTERVAL_S)
                self._wake.clear()
        finally:
            self._watcher.stop()  # hands pending changes to the queue: none is lost
            self.indexer.close()
            self._set_state("stopped")

    def _catch_up(self, roots: list[Path]) -> None:
        queued = self.indexer.queue_changes(roots)
        if queued:
            self.log(f"catching up: {len(queued)} change(s) since last run")

    def _refresh_roots(self) -> None:
        wanted = self.folders.roots()
        current = set(self._watcher.roots)
        new = [r for r in wanted if str(r) not in current and r.is_dir()]
        if new or len(current) != len([r for r in wanted if r.is_dir()]):
            self._watcher.set_roots([r for r in wanted if r.is_dir()])
            for root in new:
                self.log(f"now watching {root}")
            self._catch_up(new)

    def _on_changes(self, changes) -> None:
        """From the watcher (debounced): queue the work and wake the loop."""
        items = []
        for path, kind, root in changes:
            if kind == "tree":
                items.extend(self.indexer.scan(Path(path), root))
            else:
                items.append((path, kind, root))
        if items:
            self.indexer.queue.enqueue(items, self.clock.timestamp())
            self._wake.set()

    def _drain(self) -> None:
        if not self.lock.try_acquire():
            if not self._waiting_logged:
                self.log(f"another indexer (pid {self.lock.holder_pid() or '?'}) is running: it takes our changes")
                self._waiting_logged = True
            self._set_state("waiting")
            return
        self._waiting_logged = False
        try:
            self._set_state("indexing")
            report = self.indexer.drain(self._progress, self._stop, watcher_reports_deletes=True)
        finally:
            self.lock.release()
        self._last_report = report
        if not self.indexer.queue.size():
            self.folders.mark_indexed(self.folders.roots(), self.clock.timestamp())
        self._set_state("idle")

    def _progress(self, p: Progress) -> None:
        if p.outcome == "indexed":
            self.log(f"indexed {p.path} ({p.file_chunks} chunks)" + (f" — {p.detail}" if p.detail else ""))
        elif p.outcome == "moved":
            self.log(f"moved {p.detail} -> {p.path}")
        elif p.outcome == "removed" and p.file_chunks:
            self.log(f"removed {p.path} ({p.file_chunks} chunks)")
        elif p.outcome in ("error", "skipped"):
            self.log(f"{p.outcome} {p.path}: {p.detail}")
        if self.on_progress:
            self.on_progress(p)

    def _release_idle_embedder(self) -> None:
        idle = time.monotonic() - self.indexer.last_used
        if self.indexer.embedder_loaded and idle >= self.settings.embed_idle_unload_s:
            self.indexer.release_embedder()
            self.log(f"embedding model unloaded after {idle:.0f} s without work")
