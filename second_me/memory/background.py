"""Memory work in the background: learn facts and rebuild dirty summaries when indexing is quiet.

The daemon and the TUI run one `IdleMemoryWorker` next to their watcher. It stays out of
the way: it starts only after the indexer has had nothing to do for `idle_s`, works in
small steps (one batch of turns, one summary node) and stops between steps as soon as
files are queued, the round's budget is spent or it is asked to stop. A round that ran
out of budget rests `idle_s` before the next one. Whether there is anything to do at all
is decided from a change counter, so an idle worker costs two cheap queries per look;
models are loaded by the work itself (only when a node or a turn needs them) and freed
after `unload_s` without work.

One summarizer per home: a round runs only while it holds the summarizer lock, so a
`second-me summarize` by hand, the TUI and the daemon never do the same work twice.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable, Hashable, Optional, Protocol

from second_me.memory.fact_learner import FactReport
from second_me.memory.summary_tree import SummaryReport

KeepGoing = Callable[[], bool]
LogFn = Callable[[str], None]
LOW_PRIORITY_NICE = 10
MAX_BACKOFF_S = 3600.0


class MemoryWork(Protocol):
    """What the worker needs from the application (Services implements it)."""

    def memory_changes(self) -> Hashable:
        """A value that changes whenever anything in the store changed (cheap to read)."""

    def try_summarize(self, budget_seconds: float,
                      keep_going: KeepGoing) -> Optional[tuple[FactReport, SummaryReport]]:
        """One round of facts + summaries, or None when another summarizer holds the lock."""

    def release_memory_models(self) -> list[str]:
        """Free the models the memory work loaded; the names of those freed."""


@dataclass(frozen=True)
class RoundReport:
    facts: FactReport
    summaries: SummaryReport
    steps: int
    stopped_for: Optional[str]  # None (finished), "other work first" (files to index...), "budget", "stop"

    @property
    def finished(self) -> bool:
        return self.stopped_for is None and not self.facts.pending and not self.summaries.dirty_left


class IdleMemoryWorker:
    def __init__(self, work: MemoryWork, busy: Callable[[], bool], idle_s: float, budget_s: float,
                 unload_s: float, log: LogFn | None = None, free_models: bool = True,
                 timer: Callable[[], float] = time.monotonic):
        """`busy()` says the indexer has work (files queued or being indexed). `free_models`
        False leaves loaded models alone (the TUI shares them with its chat). `timer` is the
        monotonic time the idle wait, the budget and the unloading are measured with."""
        self.work = work
        self.busy = busy
        self.idle_s = idle_s
        self.budget_s = budget_s
        self.unload_s = unload_s
        self.log = log or (lambda message: None)
        self.free_models = free_models
        self.timer = timer
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._quiet_since = timer()  # the indexer has been idle since then
        self._done_for: Hashable = None  # the store's change counter when all work was last done
        self._last_work: Optional[float] = None  # when a round last did something (models may be loaded)
        self._blocked_logged = False
        self.last_round: Optional[RoundReport] = None

    # ---- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Run in a background thread until `stop()`."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="second-me-memory", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Stop at the next step; True when the thread ended within `timeout` (a model call
        in progress finishes first; everything not done stays dirty for the next run)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        _lower_thread_priority()
        interval = max(0.2, min(5.0, self.idle_s / 2))
        backoff = self.idle_s
        last_error = ""
        while not self._stop.is_set():
            try:
                self.tick()
                backoff, last_error = self.idle_s, ""
            except Exception as exc:  # a failed round stays dirty; the daemon keeps watching
                if str(exc) != last_error:
                    self.log(f"memory work failed: {exc}")
                    last_error = str(exc)
                # Try again later, less and less often while it keeps failing (at most hourly).
                self._quiet_since = self.timer() + backoff
                backoff = min(2 * backoff, MAX_BACKOFF_S)
            self._stop.wait(interval)

    # ---- one look -----------------------------------------------------------------------

    def tick(self) -> Optional[RoundReport]:
        """Look once: run a round if the indexer is quiet and something changed; free idle models."""
        now = self.timer()
        if self.busy():
            self._quiet_since = now
        elif now - self._quiet_since >= self.idle_s:
            changes = self.work.memory_changes()
            if changes != self._done_for:
                return self._round_for(changes)
        self._release_idle_models(now)
        return None

    def _round_for(self, changes: Hashable) -> Optional[RoundReport]:
        report = self._round()
        if report is None:
            return None
        self.last_round = report
        if report.finished:
            # Counted before the round: what changed meanwhile (our own writes too) gets one more look.
            self._done_for = changes
        else:
            self._quiet_since = self.timer()  # rest before the next round
        if report.steps:
            self._last_work = self.timer()
            self._log_round(report)
        return report

    def _round(self) -> Optional[RoundReport]:
        started = self.timer()
        steps = 0
        stopped_for: list[str] = []

        def keep_going() -> bool:
            nonlocal steps
            if not stopped_for:
                if self._stop.is_set():
                    stopped_for.append("stop")
                elif self.busy():
                    stopped_for.append("other work first")
                elif self.timer() - started >= self.budget_s:
                    stopped_for.append("budget")
            if stopped_for:
                return False
            steps += 1
            return True

        result = self.work.try_summarize(self.budget_s, keep_going)
        if result is None:
            if not self._blocked_logged:
                self.log("memory work waits: another summarizer is running in this home")
                self._blocked_logged = True
            return None
        self._blocked_logged = False
        facts, summaries = result
        return RoundReport(facts, summaries, steps, stopped_for[0] if stopped_for else None)

    def _log_round(self, report: RoundReport) -> None:
        f, s = report.facts, report.summaries
        message = (f"memory: {f.facts_added} fact(s) learnt from {f.turns_read} turn(s)"
                   + (f", {f.superseded} superseded" if f.superseded else "")
                   + f"; {s.built} summaries rebuilt" + (f", {s.removed} removed" if s.removed else ""))
        left = f.pending + s.dirty_left
        if report.stopped_for and left:
            message += f"; paused ({report.stopped_for}), {left} left"
        self.log(message)

    def _release_idle_models(self, now: float) -> None:
        if not self.free_models or self._last_work is None or now - self._last_work < self.unload_s:
            return
        idle = now - self._last_work
        self._last_work = None
        freed = self.work.release_memory_models()
        if freed:
            self.log(f"{' and '.join(freed)} model(s) unloaded after {idle:.0f} s without memory work")


def _lower_thread_priority() -> None:
    """Background work gives way to everything else. On Linux a thread has its own nice value
    (inherited by the threads llama.cpp starts from it); elsewhere the call would name a process."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_PRIORITY_NICE)
    except (OSError, AttributeError):
        pass
