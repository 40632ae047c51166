"""Running the indexer once, now (`add`, `index`), whoever else indexes this home.

One indexer per home: whoever holds the indexer lock drains the whole queue; everyone else
only enqueues. A second `add` while the daemon indexes hands its files to the queue and
waits for them — it never competes for the database.
"""

from __future__ import annotations

import time
from typing import Callable

from second_me.domain import IndexReport
from second_me.ingest.pipeline import Indexer, Progress, ProgressFn
from second_me.storage.home_lock import HomeLock


def index_now(indexer: Indexer, lock: HomeLock, paths: list[str], progress: ProgressFn | None = None,
              on_wait: Callable[[int], None] | None = None, poll: float = 0.3) -> IndexReport:
    """Drain the queue as this home's indexer; if another process is the indexer, wait until it
    has processed `paths` (taking over if it stops), then report what became of them."""
    if lock.try_acquire():
        try:
            return indexer.drain(progress)
        finally:
            lock.release()
    if on_wait:
        on_wait(lock.holder_pid() or 0)
    while True:
        left = indexer.queue.remaining(paths)
        if progress and paths:
            progress(Progress(len(paths) - left, len(paths), "", 0, "waiting"))
        if left == 0:
            return indexer.store.sources.report_for(paths)
        if lock.try_acquire():  # the other indexer stopped: finish the work ourselves
            try:
                return indexer.drain(progress)
            finally:
                lock.release()
        time.sleep(poll)
