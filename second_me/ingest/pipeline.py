"""The indexer: drains the queue — extract, chunk, embed in batches across files, store.

Work is skipped whenever it can be: same mtime and size → nothing is read; same content
hash → nothing is embedded; same hash at a new path → the rows move (a rename). Chunks of
many small files are embedded together, so the model always gets full batches.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.domain import Chunk, IndexReport, chunk_key
from second_me.ingest.chunking import chunks_for
from second_me.ingest.extract import extract, supported
from second_me.ingest.ignore import IgnoreRules
from second_me.ingest.text import CorruptFile, Extracted, SkipFile
from second_me.models.base import Embedder
from second_me.storage.queue import QueueItem
from second_me.storage.store import MemoryStore, NewMemory

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


def walk_files(root: Path, user_globs: tuple[str, ...] = ()) -> Iterator[Path]:
    """Every indexable file under `root` (or `root` itself), skipping what must never be read."""
    for path in IgnoreRules(root, user_globs).walk():
        if supported(path):
            yield path


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

    def count(self, item: QueueItem, outcome: str, written: int, detail: str) -> None:
        self.done += 1
        if outcome in ("indexed", "moved", "unchanged"):
            self.files += 1
            self.chunks += written
        elif outcome == "skipped":
            self.skipped += 1
        elif outcome == "error":
            self.errors += 1
            self.messages.append(f"{item.path}: {detail}")
        elif outcome == "removed":
            self.removed += written

    def report(self) -> IndexReport:
        return IndexReport(files=self.files, chunks=self.chunks, skipped=self.skipped, errors=self.errors,
                           removed=self.removed, error_messages=tuple(self.messages))


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

    def scan(self, folder: Path, root: Optional[str] = None) -> list[tuple[str, str, Optional[str]]]:
        """Queue rows that bring `folder` up to date: new or changed files (by mtime and size,
        or with a recorded error to retry) and known files that are gone or now excluded.

        `root` is the watched folder `folder` lies in (default: `folder` itself). A missing
        root is left alone (an unmounted drive is not the deletion of everything on it); a
        missing subfolder was deleted or moved away.
        """
        folder = folder.resolve() if root is None else folder
        label = root or str(folder)
        known = {s.path: s for s in self.store.sources.under(str(folder))}
        if not folder.exists():
            return [] if root is None else [(path, "delete", label) for path in known]
        items: list[tuple[str, str, Optional[str]]] = []
        found: set[str] = set()
        rules = IgnoreRules(Path(label), self.settings.ignore)
        walked = rules.walk_under(folder) if root is not None else rules.walk()
        for path in walked:
            if not supported(path):
                continue
            key = str(path.resolve()) if path.is_symlink() else str(path)
            found.add(key)
            source = known.get(key)
            if source is not None and source.status in ("indexed", "skipped"):
                try:
                    st = path.stat()
                except OSError:
                    st = None
                if st is not None and source.mtime == st.st_mtime and source.size == st.st_size:
                    continue
            items.append((key, "upsert", label))
        for path in known:
            if path not in found:
                items.append((path, "delete", label))
        return items

    def queue_changes(self, folders: Iterable[Path]) -> list[str]:
        """Scan `folders` (each a root, or a file) and queue what brings memory up to date
        with them; returns the paths queued."""
        items = [item for folder in folders for item in self.scan(Path(folder))]
        self.queue.enqueue(items, self.clock.timestamp())
        return [path for path, _, _ in items]

    # ---- draining ---------------------------------------------------------------------

    def drain(self, progress: ProgressFn | None = None, stop: threading.Event | None = None) -> IndexReport:
        """Process the queue until it is empty (or `stop` is set). Safe to kill at any point:
        a queue row goes only after its file's rows are committed, and redoing a file is a no-op."""
        tally = _Tally()
        total = self.queue.size()
        stopped = (lambda: stop.is_set()) if stop else (lambda: False)

        def finished(item: QueueItem, outcome: Outcome) -> None:
            nonlocal total
            self.queue.done(item)
            tally.count(item, *outcome)
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
                prepared = self._prepare(item)
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
                finished(prepared.item, self._store(prepared))

    # ---- one file -----------------------------------------------------------------------

    def _prepare(self, item: QueueItem) -> _Prepared | Outcome:
        """Everything before embedding. Returns the finished outcome when nothing needs embedding."""
        if item.event == "delete":
            return "removed", self.store.sources.delete(item.path), ""
        path, root, key = Path(item.path), item.root, item.path
        now = self.clock.timestamp()
        try:
            st = path.stat()
        except FileNotFoundError:
            return "removed", self.store.sources.delete(key), ""
        except OSError as exc:
            return self._problem(key, root, "error", _os_reason(exc), None, None, now)
        if not path.is_file():
            return self._problem(key, root, "skipped", "not a regular file", st.st_mtime, st.st_size, now)
        known = self.store.sources.by_path(key)
        if known and known.status == "indexed" and known.mtime == st.st_mtime and known.size == st.st_size:
            return "unchanged", 0, ""
        limit = self.settings.max_file_mb * 1024 * 1024
        if st.st_size > limit:
            return self._problem(key, root, "skipped", f"larger than {self.settings.max_file_mb:g} MB",
                                 st.st_mtime, st.st_size, now)
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # vanished between stat and read
            return "removed", self.store.sources.delete(key), ""
        except OSError as exc:
            return self._problem(key, root, "error", _os_reason(exc), st.st_mtime, st.st_size, now)
        content_hash = hashlib.sha256(data).hexdigest()
        if known and known.status == "indexed" and known.content_hash == content_hash:
            self.store.sources.touch(known.id, st.st_mtime, st.st_size, now)
            return "unchanged", 0, ""
        if not known:
            moved_from = self._moved_from(content_hash)
            if moved_from:
                self.store.sources.move(moved_from, key, root, st.st_mtime, st.st_size, now)
                return "moved", 0, moved_from
        try:
            extracted = extract(path, data)
        except SkipFile as reason:
            return self._problem(key, root, "skipped", str(reason), st.st_mtime, st.st_size, now)
        except CorruptFile as reason:
            return self._problem(key, root, "error", str(reason), st.st_mtime, st.st_size, now)
        except Exception as exc:  # a reader bug or an odd file: record it, go on
            reason = f"cannot read: {type(exc).__name__}: {exc}".splitlines()[0]
            return self._problem(key, root, "error", reason, st.st_mtime, st.st_size, now)
        chunks = chunks_for(extracted, self.settings.chunk_chars)
        keys = [chunk_key(path.name, c.heading, c.text, extracted.language) for c in chunks]
        return _Prepared(item, key, root, content_hash, st.st_mtime, st.st_size, extracted, chunks, keys)

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
                      meta={**base, "heading": c.heading} if c.heading else base)
            for c, v in zip(p.chunks, p.vectors)
        ]
        self.store.sources.replace(p.path, p.root, p.content_hash, p.mtime, p.size, fmt, memories,
                                  self.clock.timestamp())
        return "indexed", len(memories), p.extracted.note or ""

    def _moved_from(self, content_hash: str) -> Optional[str]:
        for candidate in self.store.sources.with_hash(content_hash):
            if candidate.status == "indexed" and not Path(candidate.path).exists():
                return candidate.path
        return None

    def _problem(self, path: str, root, status: str, reason: str, mtime, size, now) -> Outcome:
        self.store.sources.record_problem(path, root, status, reason, mtime, size, now)
        return status, 0, reason

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
