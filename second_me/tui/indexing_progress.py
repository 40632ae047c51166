"""What the indexing screen and the status bar show about indexing, whoever does it.

The in-app watcher reports every file through callbacks (from its own thread); a daemon in
another process is only seen through the queue, polled from a worker. Both feed one
`IndexingMonitor`, which keeps the rate (files/s over a sliding window) and the ETA and
hands a fresh `IndexingView` to `post` — at most every `min_interval` seconds, except for
state changes and problems, which are always posted.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from typing import Callable, Optional

from second_me.tui.format import display_path

RATE_WINDOW_S = 15.0


@dataclass(frozen=True)
class IndexingView:
    who: str = "off"  # "app" (in-app watcher) | "daemon" | "once" (an add/index run) | "off"
    state: str = "stopped"  # "starting" | "idle" | "indexing" | "waiting" | "stopped"
    folders: int = 0
    done: int = 0
    total: int = 0
    queued: int = 0
    rate: float = 0.0
    eta: Optional[float] = None
    chunks: int = 0
    path: str = ""
    pid: Optional[int] = None
    problems: int = 0  # errors and skips seen so far: the screen reloads its table when this grows
    runs: int = 0  # finished drains: the screen reloads folder counts when this grows

    @property
    def busy(self) -> bool:
        return self.state in ("indexing", "waiting") or (self.who == "daemon" and self.queued > 0)

    def who_line(self) -> str:
        if self.who == "daemon":
            return f"the daemon (pid {self.pid or '?'}) watches {self.folders} folder(s) and indexes"
        if self.who == "off":
            return "no watcher running here: i catches up now (or run `second-me daemon`)"
        if self.state == "waiting":
            return f"another indexer (pid {self.pid or '?'}) is running: it takes the changes"
        return f"watching {self.folders} folder(s) in the app · {self.state}"

    def progress_line(self) -> str:
        if not self.busy:
            return f"up to date · {self.queued} queued" if self.queued else "up to date"
        parts = []
        if self.total:
            parts.append(f"{self.done}/{self.total} files")
        if self.queued and self.who == "daemon":
            parts.append(f"{self.queued} queued")
        parts.append(f"{self.rate:.1f} files/s")
        parts.append(f"ETA {_duration(self.eta)}" if self.eta is not None else "ETA —")
        if self.chunks:
            parts.append(f"{self.chunks} chunks")
        if self.path:
            parts.append(display_path(self.path))
        return " · ".join(parts)

    def short(self) -> str:
        """For the status bar: empty when there is nothing to say."""
        if not self.busy:
            return ""
        left = f"{self.done}/{self.total}" if self.total else f"{self.queued} queued"
        return f"indexing {left}"


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class RateMeter:
    """Files per second over the last `window` seconds of a cumulative count."""

    def __init__(self, window: float = RATE_WINDOW_S, now: Callable[[], float] = time.monotonic):
        self.window = window
        self.now = now
        self.count = 0
        self._samples: deque[tuple[float, int]] = deque()

    def add(self, files: int = 1) -> None:
        self.count += files
        self.mark()

    def mark(self) -> None:
        """A starting point (a run begins): the rate counts from here."""
        self._samples.append((self.now(), self.count))

    def rate(self) -> float:
        now = self.now()
        # Keep one sample older than the window: the rate spans the whole window.
        while len(self._samples) > 1 and now - self._samples[1][0] > self.window:
            self._samples.popleft()
        if len(self._samples) < 2:
            return 0.0
        (t0, c0), (t1, c1) = self._samples[0], self._samples[-1]
        return (c1 - c0) / (t1 - t0) if t1 > t0 else 0.0

    def eta(self, remaining: int) -> Optional[float]:
        if remaining <= 0:
            return 0.0
        rate = self.rate()
        return remaining / rate if rate > 0 else None


class IndexingMonitor:
    """Thread-safe: called from the watcher thread, indexing workers and the poll worker."""

    def __init__(self, post: Callable[[IndexingView], None], min_interval: float = 0.1,
                 now: Callable[[], float] = time.monotonic):
        self._post = post
        self._min_interval = min_interval
        self._now = now
        self._lock = threading.Lock()
        self._meter = RateMeter(now=now)
        self._view = IndexingView()
        self._posted_at = 0.0

    @property
    def view(self) -> IndexingView:
        return self._view

    def _update(self, force: bool = False, **changes) -> None:
        with self._lock:
            view = replace(self._view, **changes)
            if view.state == "indexing" or (view.who == "daemon" and view.queued):
                view = replace(view, rate=self._meter.rate(),
                               eta=self._meter.eta(max(view.total - view.done, view.queued if view.who == "daemon" else 0)))
            self._view = view
            now = self._now()
            if not force and now - self._posted_at < self._min_interval:
                return
            self._posted_at = now
        self._post(view)

    # ---- from the in-app watcher and one-off runs -----------------------------------------

    def progress(self, p, who: str = "app") -> None:
        """One file done (an ingest `Progress`)."""
        if p.outcome == "waiting":  # another process indexes the paths we asked for
            self._update(who=who, state="waiting", done=p.done, total=p.total)
            return
        self._meter.add()
        problem = p.outcome in ("error", "skipped")
        self._update(force=problem or p.done == p.total, who=who, state="indexing", done=p.done, total=p.total,
                     chunks=p.chunks, path=p.path, problems=self._view.problems + problem)

    def watcher_status(self, status, pid: Optional[int] = None) -> None:
        """A `WatchStatus` from the in-app watcher (its state changed)."""
        finished = self._view.state == "indexing" and status.state != "indexing"
        changes = dict(who="app", state=status.state, queued=status.queued, folders=len(status.roots), pid=pid)
        if status.state == "indexing":
            self._meter.mark()
            changes.update(done=0, total=status.queued, chunks=0, path="")
        if finished:
            changes.update(runs=self._view.runs + 1, path="")
        self._update(force=True, **changes)

    def run_started(self, who: str = "once") -> None:
        self._meter.mark()
        self._update(force=True, who=who, state="indexing", done=0, total=0, chunks=0, path="")

    def run_finished(self, who: str, state: str = "idle") -> None:
        self._update(force=True, who=who, state=state, path="", runs=self._view.runs + 1)

    # ---- from the poll worker (the daemon, or our own queue count) --------------------------

    def queue_polled(self, queued: int, who: Optional[str] = None, pid: Optional[int] = None,
                     folders: Optional[int] = None) -> None:
        view = self._view
        who = who or view.who
        if who == "daemon":
            # The daemon's files are seen only as the queue shrinks.
            gone = max(view.queued - queued, 0) if view.who == "daemon" else 0
            if queued and not view.queued:
                self._meter.mark()
            if gone:
                self._meter.add(gone)
            total = max(view.total, view.done + queued) if queued else 0
            done = view.done + gone if queued else 0
            state = "indexing" if queued else "idle"
            finished = view.queued > 0 and queued == 0
            self._update(force=finished or view.who != "daemon", who=who, state=state, queued=queued, done=done,
                         total=total, pid=pid, folders=folders if folders is not None else view.folders,
                         runs=view.runs + finished)
        elif queued != view.queued or (folders is not None and folders != view.folders):
            self._update(force=True, queued=queued, folders=folders if folders is not None else view.folders)
