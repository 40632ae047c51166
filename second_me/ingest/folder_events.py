"""Watching folders for changes: the one module that imports watchdog.

Native observers (inotify, FSEvents, ReadDirectoryChangesW) where they work; a polling
observer where they don't (network filesystems, inotify limits) or when asked to. Events
are debounced: an editor saving a file ten times in a second yields one change, reported
once the file has been quiet for `debounce` seconds (or at the latest after `max_delay`).
Watchers only report changes; they never index.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Optional, Sequence

from second_me.ingest.extract import supported
from second_me.ingest.ignore import IgnoreRules

# A change: (path, kind, root) with kind "upsert" (a file), "delete" (a file) or
# "tree" (a folder appeared, vanished or moved: rescan everything under it).
Change = tuple[str, str, str]
BATCH_SLACK_S = 0.05
ChangesFn = Callable[[list[Change]], None]


class Debouncer:
    """Collects changes per path and hands them on once each path has been quiet for a while."""

    def __init__(self, deliver: ChangesFn, debounce: float = 1.0, max_delay: float = 10.0):
        self.deliver = deliver
        self.debounce = debounce
        self.max_delay = max_delay
        self._pending: dict[str, tuple[str, str, float, float]] = {}  # path -> (kind, root, first, last)
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="second-me-debounce", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def add(self, path: str, kind: str, root: str) -> None:
        now = time.monotonic()
        with self._cond:
            first = self._pending[path][2] if path in self._pending else now
            self._pending[path] = (kind, root, first, now)
            self._cond.notify()

    def _due(self, now: float) -> tuple[list[Change], Optional[float]]:
        due, next_deadline = [], None
        for path, (kind, root, first, last) in list(self._pending.items()):
            deadline = min(last + self.debounce, first + self.max_delay)
            # Changes due within a moment of each other go together: a rename's delete and
            # create must reach the queue in one batch, or the delete is drained first and
            # the renamed file is embedded again.
            if deadline <= now + BATCH_SLACK_S:
                due.append((path, kind, root))
                del self._pending[path]
            else:
                next_deadline = deadline if next_deadline is None else min(next_deadline, deadline)
        return due, next_deadline

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._stopping:
                    return
                due, next_deadline = self._due(time.monotonic())
                if not due:
                    # Sleep until the next path is due; with nothing pending, until woken.
                    self._cond.wait(None if next_deadline is None else max(next_deadline - time.monotonic(), 0.01))
                    continue
            self.deliver(due)

    def flush(self) -> None:
        """Hand on everything pending now (used at shutdown, so no change is lost)."""
        with self._cond:
            due = [(path, kind, root) for path, (kind, root, _, _) in self._pending.items()]
            self._pending.clear()
        if due:
            self.deliver(due)

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout=2)


class FolderWatcher:
    """Watches a set of folders and reports debounced changes of files that may be indexed."""

    def __init__(self, on_changes: ChangesFn, user_globs: Sequence[str] = (), debounce: float = 1.0,
                 polling: bool = False, poll_interval: float = 5.0, exclude: Sequence[Path] = ()):
        self.user_globs = tuple(user_globs)
        self.force_polling = polling
        self.poll_interval = poll_interval
        self.exclude = tuple(str(p) for p in exclude)
        self.debouncer = Debouncer(on_changes, debounce, max_delay=max(10 * debounce, 5.0))
        self.mode = "stopped"  # "native" | "polling" | "stopped"
        self._observer = None
        self._watches: dict[str, object] = {}
        self._rules: dict[str, IgnoreRules] = {}
        self._lock = threading.Lock()

    # ---- lifecycle ----------------------------------------------------------------------

    def start(self, roots: Sequence[Path]) -> None:
        self.debouncer.start()
        if not self.force_polling:
            try:
                self._start_observer(native=True, roots=roots)
                return
            except OSError:  # e.g. the inotify watch limit: polling still works
                self._stop_observer()
        self._start_observer(native=False, roots=roots)

    def _start_observer(self, native: bool, roots: Sequence[Path]) -> None:
        if native:
            from watchdog.observers import Observer

            observer = Observer()
        else:
            from watchdog.observers.polling import PollingObserver

            observer = PollingObserver(timeout=self.poll_interval)
        observer.daemon = True
        self._observer = observer
        self.mode = "native" if native else "polling"
        observer.start()
        for root in roots:
            self._schedule(Path(root))

    def _stop_observer(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=2)
        self._observer = None
        self._watches.clear()

    def stop(self) -> None:
        self._stop_observer()
        self.debouncer.flush()
        self.debouncer.stop()
        self.mode = "stopped"

    # ---- roots --------------------------------------------------------------------------

    @property
    def roots(self) -> list[str]:
        return sorted(self._watches)

    def set_roots(self, roots: Sequence[Path]) -> None:
        wanted = {str(Path(r)) for r in roots}
        with self._lock:
            for gone in set(self._watches) - wanted:
                watch = self._watches.pop(gone)
                self._rules.pop(gone, None)
                try:
                    self._observer.unschedule(watch)
                except (KeyError, ValueError):
                    pass
        for root in sorted(wanted - set(self._watches)):
            self._schedule(Path(root))

    def _schedule(self, root: Path) -> None:
        if not root.is_dir():
            return  # an unmounted drive: rescheduled when the roots are refreshed
        from watchdog.events import FileSystemEventHandler

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                watcher._on_event(str(root), event)

        with self._lock:
            self._rules[str(root)] = IgnoreRules(root, self.user_globs)
            self._watches[str(root)] = self._observer.schedule(Handler(), str(root), recursive=True)

    # ---- events -------------------------------------------------------------------------

    def _on_event(self, root: str, event) -> None:
        kind = event.event_type
        if kind in ("opened", "closed_no_write"):
            return
        src = _text(event.src_path)
        if kind == "moved":
            self._report(root, src, "delete", event.is_directory)
            self._report(root, _text(event.dest_path), "upsert", event.is_directory)
        elif kind == "deleted":
            self._report(root, src, "delete", event.is_directory)
        else:  # created, modified, closed (after a write)
            if event.is_directory and kind == "modified":
                return  # a folder's mtime changes with every file in it: the file events say more
            self._report(root, src, "upsert", event.is_directory)

    def _report(self, root: str, path: str, kind: str, is_dir: bool) -> None:
        if not (path == root or path.startswith(root.rstrip("/") + "/")):
            return  # moved out of (or in from outside) this root
        if any(path == ex or path.startswith(ex.rstrip("/") + "/") for ex in self.exclude):
            return
        candidate = Path(path)
        if candidate.name == ".gitignore" and not is_dir:  # what may be indexed under this folder changed
            self.debouncer.add(str(candidate.parent), "tree", root)
            return
        rules = self._rules.get(root)
        if rules is not None and rules.reason(candidate, is_dir=is_dir) is not None:
            return
        if is_dir:
            self.debouncer.add(path, "tree", root)
        elif supported(candidate):
            self.debouncer.add(path, kind, root)


def _text(path) -> str:
    return path.decode() if isinstance(path, bytes) else str(path)
