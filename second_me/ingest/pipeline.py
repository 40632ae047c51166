"""The indexer: drains the queue — extract, chunk, embed in batches across files, store.

Work is skipped whenever it can be: same mtime and size → nothing is read; same content
hash → nothing is embedded; same hash at a new path → the rows move (a rename). Chunks of
many small files are embedded together, so the model always gets full batches.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.domain import Chunk, IndexReport, added_counts, chunk_key, count_by, reason_group
from second_me.ingest.chunking import chunks_for
from second_me.ingest.extract import extract
from second_me.ingest.paths import GONE, NotRegularFile, decide_file, read_regular
from second_me.ingest.scanning import QueueRow, link_roots, scan
from second_me.ingest.secret_scan import SecretFound
from second_me.ingest.secret_screen import describe, kinds_count, screen_extracted, screening
from second_me.ingest.text import CorruptFile, Extracted, SkipFile
from second_me.models.base import Embedder
from second_me.storage.queue import QueueItem
from second_me.storage.store import MemoryStore, NewMemory
from second_me.text.note_days import note_dates

@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    path: str
    chunks: int  # chunks written so far in this run
    outcome: str  # "indexed" | "unchanged" | "moved" | "skipped" | "error" | "removed"
    detail: str = ""
    file_chunks: int = 0  # chunks of this file


ProgressFn = Callable[[Progress], None]
Outcome = tuple[str, int, str]  # (outcome, chunks written or removed, detail)


@dataclass
class _Prepared:
    """A file read and chunked, waiting for its vectors."""

    item: QueueItem
    path: str
    root: Optional[str]
    content_hash: str
    mtime: float
    size: int
    extracted: Extracted
    chunks: list[Chunk]
    keys: list[str]
    found: tuple[SecretFound, ...] = ()  # secrets redacted from the chunks
    vectors: list[list[float]] = field(default_factory=list)

    @property
    def embedded(self) -> bool:
        return len(self.vectors) == len(self.keys)


@dataclass
class _Tally:
    files: int = 0
    chunks: int = 0
    skipped: int = 0
    errors: int = 0
    removed: int = 0
    done: int = 0
    messages: list[str] = field(default_factory=list)
    skip_reasons: list[str] = field(default_factory=list)
    redacted: list[dict[str, int]] = field(default_factory=list)

    def count(self, item: QueueItem, outcome: str, written: int, detail: str,
              found: tuple[SecretFound, ...] = ()) -> None:
        self.done += 1
        if outcome in ("indexed", "moved", "unchanged"):
            self.files += 1
            self.chunks += written
            if found:
                self.redacted.append(kinds_count(found))
        elif outcome == "skipped":
            self.skipped += 1
            self.skip_reasons.append(reason_group(detail))
        elif outcome == "error":
            self.errors += 1
            self.messages.append(f"{item.path}: {detail}")
        if outcome in ("skipped", "error", "removed"):  # a skipped or failed file's old chunks leave too
            self.removed += written

    def report(self) -> IndexReport:
        return IndexReport(files=self.files, chunks=self.chunks, skipped=self.skipped, errors=self.errors,
                           removed=self.removed, error_messages=tuple(self.messages),
                           skipped_by_reason=count_by(self.skip_reasons), redacted=added_counts(self.redacted),
                           redacted_files=len(self.redacted))


class Indexer:
    """Drains the index queue. The embedder is loaded only when a file really needs embedding."""

    def __init__(self, store: MemoryStore, embedder: Callable[[], Embedder] | Embedder, settings: Settings,
                 clock: Clock | None = None):
        self.store = store
        self.queue = store.queue
        self.settings = settings
        self.clock = clock or Clock()
        self._embedder_factory = embedder if callable(embedder) and not isinstance(embedder, Embedder) else (lambda: embedder)
        self._embedder: Optional[Embedder] = None
        # A model handed in belongs to the caller; one this indexer loaded is its own to free.
        self._owns_embedder = not isinstance(embedder, Embedder)
        self.last_used = time.monotonic()
        self._link_roots: dict[Optional[str], list[Path]] = {}

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = self._embedder_factory()
            self.store.use_embedder(self._embedder.model_id, self._embedder.dim, self.clock.timestamp())
        self.last_used = time.monotonic()
        return self._embedder

    @property
    def embedder_loaded(self) -> bool:
        return self._embedder is not None

    # ---- enqueueing -------------------------------------------------------------------

    def scan(self, folder: Path, root: Optional[str] = None, filtered: Optional[Counter] = None) -> list[QueueRow]:
        """Queue rows that bring `folder` up to date (see scanning.scan)."""
        return scan(self.store, self.settings, folder, root, filtered)

    def queue_changes(self, folders: Iterable[Path], filtered: Optional[Counter] = None) -> list[str]:
        """Scan `folders` (each a root, or a file) and queue what brings memory up to date
        with them; returns the paths queued. `filtered` counts the names passed over, by reason;
        a watched folder among `folders` records its own count (`watch list` shows it)."""
        items = []
        for folder in folders:
            passed_over: Counter = Counter()
            items.extend(self.scan(Path(folder), filtered=passed_over))
            self.store.watched.record_left_out(str(folder), count_by(passed_over.elements()))
            if filtered is not None:
                filtered.update(passed_over)
        self.queue.enqueue(items, self.clock.timestamp())
        return [path for path, _, _ in items]

    # ---- draining ---------------------------------------------------------------------

    def drain(self, progress: ProgressFn | None = None, stop: threading.Event | None = None,
              watcher_reports_deletes: bool = False) -> IndexReport:
        """Process the queue until it is empty (or `stop` is set). Safe to kill at any point:
        a queue row goes only after its file's rows are committed, and redoing a file is a no-op.

        With `watcher_reports_deletes`, a file queued for a change but gone when read keeps its
        rows: the watcher reports its delete or rename next, and a rename then moves the rows
        instead of embedding the file again under its new name."""
        tally = _Tally()
        self._link_roots = {}
        total = self.queue.size()
        stopped = (lambda: stop.is_set()) if stop else (lambda: False)

        def finished(item: QueueItem, outcome: Outcome, found: tuple[SecretFound, ...] = ()) -> None:
            nonlocal total
            self.queue.done(item)
            tally.count(item, *outcome, found)
            total = max(total, tally.done + self.queue.size())
            if progress:
                progress(Progress(tally.done, total, item.path, tally.chunks, outcome[0], outcome[2], outcome[1]))

        while not stopped():
            batch = self.queue.pending(limit=200)
            if not batch:
                break
            waiting: list[_Prepared] = []
            for item in batch:
                if stopped():
                    break
                prepared = self._prepare(item, watcher_reports_deletes)
                if isinstance(prepared, _Prepared):
                    waiting.append(prepared)
                    if sum(len(p.keys) for p in waiting) >= self.settings.embed_batch_size:
                        self._embed_and_store(waiting, finished, stopped)
                        waiting = []
                else:
                    finished(item, prepared)
            self._embed_and_store(waiting, finished, stopped)
        self.store.tune_vector_index()  # (re)trains the vector index once the store has grown enough
        return tally.report()

    def _embed_and_store(self, waiting: list[_Prepared], finished, stopped) -> None:
        """Embed the chunks of several files in full batches, then commit each file."""
        keys = [(p, k) for p in waiting for k in p.keys]
        size = self.settings.embed_batch_size
        for start in range(0, len(keys), size):
            if stopped():
                break  # files not fully embedded stay queued; the next run redoes them
            part = keys[start:start + size]
            for (prepared, _), vector in zip(part, self.embedder.embed([k for _, k in part])):
                prepared.vectors.append(vector)
        for prepared in waiting:
            if prepared.embedded:
                finished(prepared.item, self._store(prepared), prepared.found)

    # ---- one file -----------------------------------------------------------------------

    def _prepare(self, item: QueueItem, gone_waits_for_event: bool) -> _Prepared | Outcome:
        """Everything before embedding. Returns the finished outcome when nothing needs embedding.
        `gone_waits_for_event`: see `drain`'s `watcher_reports_deletes`."""
        if item.event == "delete":
            return "removed", self.store.sources.delete(item.path), ""
        root, key = item.root, item.path
        now = self.clock.timestamp()
        if root not in self._link_roots:  # once per drain: the watched folders do not change mid-run
            self._link_roots[root] = link_roots(self.store, root)
        decision = decide_file(Path(key), self._link_roots[root], self.settings.follow_symlinks, self.settings.ignore)
        if not decision.readable:
            if decision.skip_reason == GONE:
                return self._gone(key, gone_waits_for_event)
            status = "error" if decision.failed else "skipped"
            return self._problem(key, root, status, decision.skip_reason or "not readable", None, None, now)
        try:
            st = os.stat(decision.read_from)
        except FileNotFoundError:
            return self._gone(key, gone_waits_for_event)
        except OSError as exc:
            return self._problem(key, root, "error", _os_reason(exc), None, None, now)
        known = self.store.sources.by_path(key)
        screened_with = screening(self.settings.secrets)
        if (known and known.status == "indexed" and known.mtime == st.st_mtime and known.size == st.st_size
                and known.screened == screened_with):
            return "unchanged", 0, ""
        limit = self.settings.max_file_mb * 1024 * 1024
        if st.st_size > limit:
            return self._problem(key, root, "skipped", f"larger than {self.settings.max_file_mb:g} MB",
                                 st.st_mtime, st.st_size, now)
        try:
            data = read_regular(decision, int(limit))
        except FileNotFoundError:  # vanished between stat and read
            return self._gone(key, gone_waits_for_event)
        except NotRegularFile as reason:  # swapped for a link, a FIFO... since it was looked at
            return self._problem(key, root, "skipped", str(reason), st.st_mtime, st.st_size, now)
        except OSError as exc:
            return self._problem(key, root, "error", _os_reason(exc), st.st_mtime, st.st_size, now)
        content_hash = hashlib.sha256(data).hexdigest()
        same_content = known is not None and known.status == "indexed" and known.content_hash == content_hash
        if same_content and known.screened == screened_with:
            self.store.sources.touch(known.id, st.st_mtime, st.st_size, now)
            return "unchanged", 0, ""
        if not known:
            moved_from = self._moved_from(content_hash, screened_with)
            if moved_from:
                self.store.sources.move(moved_from, key, root, st.st_mtime, st.st_size, now)
                return "moved", 0, moved_from
        path = Path(key)  # the name as met chooses the reader, as it chose the file
        try:
            extracted = extract(path, data)
        except SkipFile as reason:
            return self._problem(key, root, "skipped", str(reason), st.st_mtime, st.st_size, now)
        except CorruptFile as reason:
            return self._problem(key, root, "error", str(reason), st.st_mtime, st.st_size, now)
        except Exception as exc:  # a reader bug or an odd file: record it, go on
            reason = f"cannot read: {type(exc).__name__}: {exc}".splitlines()[0]
            return self._problem(key, root, "error", reason, st.st_mtime, st.st_size, now)
        document, screened = screen_extracted(extracted, self.settings.secrets)
        if document is None:
            return self._problem(key, root, "skipped", screened.skip_reason or "holds a secret",
                                 st.st_mtime, st.st_size, now)
        if same_content and not screened.found and not known.redactions:
            # Read again by a newer scan (or another mode) and nothing changes: no re-embedding.
            self.store.sources.touch(known.id, st.st_mtime, st.st_size, now, screened_with)
            return "unchanged", 0, ""
        chunks = chunks_for(document, self.settings.chunk_chars)
        keys = [chunk_key(path.name, c.heading, c.text, document.language) for c in chunks]
        return _Prepared(item, key, root, content_hash, st.st_mtime, st.st_size, document, chunks, keys,
                         screened.found)

    def _store(self, p: _Prepared) -> Outcome:
        # A chunk's time is its file's modification time: when that text was written.
        fmt = p.extracted.format
        base = {"format": fmt}
        if p.extracted.language:
            base["language"] = p.extracted.language
        memories = [
            NewMemory(kind="chunk", text=c.text, vector=v, created_at=p.mtime,
                      strength=self.settings.strength_file_days, start_line=c.start_line, end_line=c.end_line,
                      page=c.page, content_hash=hashlib.sha256(c.text.encode()).hexdigest(),
                      meta={**base, "heading": c.heading} if c.heading else base,
                      about=note_dates(os.path.basename(p.path), c.text, c.heading, p.mtime))
            for c, v in zip(p.chunks, p.vectors)
        ]
        self.store.sources.replace(p.path, p.root, p.content_hash, p.mtime, p.size, fmt, memories,
                                   self.clock.timestamp(), kinds_count(p.found), screening(self.settings.secrets))
        return "indexed", len(memories), "; ".join(part for part in (p.extracted.note, describe(p.found)) if part)

    def _gone(self, key: str, waits_for_event: bool) -> Outcome:
        if waits_for_event:
            return "unchanged", 0, "gone; its delete or rename follows"
        return "removed", self.store.sources.delete(key), ""

    def _moved_from(self, content_hash: str, screened_with: str) -> Optional[str]:
        for candidate in self.store.sources.with_hash(content_hash):
            if (candidate.status == "indexed" and candidate.screened == screened_with
                    and not os.path.lexists(candidate.path)):
                return candidate.path
        return None

    def _problem(self, path: str, root, status: str, reason: str, mtime, size, now) -> Outcome:
        removed = self.store.sources.record_problem(path, root, status, reason, mtime, size, now,
                                                    screening(self.settings.secrets))
        return status, removed, reason

    def release_embedder(self) -> None:
        """Free the embedding model (the daemon does this after an idle period)."""
        if self._embedder is not None:
            if self._owns_embedder:
                self._embedder.close()
            self._embedder = None

    def close(self) -> None:
        self.release_embedder()


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
