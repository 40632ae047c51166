"""The background runner: the watch loop (watcher + indexer) and the idle memory worker
(facts and summaries while indexing is quiet), started and stopped together.

The daemon runs one in the foreground; the app runs one beside its screens unless a
daemon already watches the home (one daemon per home, `daemon.lock`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable, Optional

from second_me.errors import UsageError
from second_me.ingest.pipeline import ProgressFn
from second_me.ingest.watch_loop import WatchStatus
from second_me.memory.background import IdleMemoryWorker
from second_me.storage.home_lock import DAEMON, HomeLock

if TYPE_CHECKING:
    from pathlib import Path

    from second_me.services import Services

LogFn = Callable[[str], None]


def daemon_pid(home: "Path") -> Optional[int]:
    """The pid of a `second-me daemon` running for this home (0 if unknown), else None."""
    lock = HomeLock(home, DAEMON)
    if lock.try_acquire():
        lock.release()
        return None
    return lock.holder_pid() or 0


def claim_daemon(home: "Path") -> HomeLock:
    """The daemon's lock for this home, held; refused when a daemon already runs."""
    lock = HomeLock(home, DAEMON)
    if not lock.try_acquire():
        raise UsageError(f"a daemon is already running for this home (pid {lock.holder_pid() or '?'})")
    return lock


class BackgroundRunner:
    def __init__(self, services: "Services", log: LogFn | None = None, on_progress: ProgressFn | None = None,
                 on_status: Callable[[WatchStatus], None] | None = None, free_models: bool = False,
                 also_busy: Callable[[], bool] | None = None):
        """`free_models=True` frees the chat model and the embedder after `embed_idle_unload_s`
        without memory work — only where nothing else in the process uses them (the daemon);
        the app keeps them for its chat. `also_busy()` adds reasons for the memory worker to
        hold back (e.g. an answer being written: both would share the chat model)."""
        self.watch = services.indexing.watch_loop(on_progress, on_status, log)
        queue = services.store.queue
        watch = self.watch

        def busy() -> bool:
            # This process's indexing counts as busy, as do files queued by any process.
            return watch.busy() or (also_busy is not None and also_busy()) or queue.size() > 0

        s = services.settings
        self.memory = IdleMemoryWorker(services.memory, busy, s.background_idle_s, s.background_budget_s,
                                       s.embed_idle_unload_s, log, free_models)

    def start(self) -> None:
        self.watch.start()
        self.memory.start()

    def wake(self) -> None:
        """Look at the queue and the watched folders now (after a change made in this process)."""
        self.watch.wake()

    def indexer_pid(self) -> Optional[int]:
        """The pid of the process holding the indexer lock, when the loop waits for another indexer."""
        return self.watch.lock.holder_pid()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop both; True when both ended within `timeout`. A model call in progress finishes
        first: leaving without waiting is safe (unfinished files stay queued, unfinished memory
        work stays dirty; every write is one transaction)."""
        deadline = time.monotonic() + timeout
        self.memory.stop(timeout=0)  # both stop at once: the memory worker at its next step
        watch_stopped = self.watch.stop(timeout)
        return self.memory.stop(timeout=max(0.0, deadline - time.monotonic())) and watch_stopped
