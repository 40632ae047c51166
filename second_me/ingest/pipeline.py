"""The indexer: drains the queue file by file — extract, chunk, embed in batches, store.

Work is skipped whenever it can be: same mtime and size → nothing is read; same content
hash → nothing is embedded; same hash at a new path → the rows move (a rename).
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.domain import IndexReport
from second_me.ingest.chunking import chunk_key, chunk_text
from second_me.ingest.extract import SkipFile, extract, supported
from second_me.ingest.filters import skip_reason
from second_me.ingest.queue import IndexQueue, QueueItem
from second_me.models.base import Embedder
from second_me.storage.store import MemoryStore, NewMemory

DAY = 86400.0


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    path: str
    chunks: int  # chunks written so far in this run
    outcome: str  # "indexed" | "unchanged" | "moved" | "skipped" | "error" | "removed"
    detail: str = ""


ProgressFn = Callable[[Progress], None]


def walk_files(root: Path, user_globs: tuple[str, ...] = ()) -> Iterator[Path]:
    """Every indexable file under `root` (or `root` itself), skipping what must never be read."""
    if root.is_file():
        yield root
        return
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=None):
        here = Path(folder)
        try:
            st = here.stat()
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if skip_reason(here / d, user_globs) is None)
        for name in sorted(files):
            path = here / name
            if skip_reason(path, user_globs) is None and supported(path):
                yield path


class Indexer:
    """Drains the index queue. The embedder is loaded only when a file really needs embedding."""

    def __init__(self, store: MemoryStore, embedder: Callable[[], Embedder] | Embedder, settings: Settings,
                 clock: Clock | None = None):
        self.store = store
        self.queue = IndexQueue(store)
        self.settings = settings
        self.clock = clock or Clock()
        self._embedder_factory = embedder if callable(embedder) and not isinstance(embedder, Embedder) else (lambda: embedder)
        self._embedder: Optional[Embedder] = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = self._embedder_factory()
            self.store.use_embedder(self._embedder.model_id, self._embedder.dim, self.clock.timestamp())
        return self._embedder

    # ---- enqueueing -------------------------------------------------------------------

    def enqueue_paths(self, paths: Iterable[Path]) -> int:
        """Queue every file under the given paths, plus the removal of known files that are gone."""
        items: list[tuple[str, str, Optional[str]]] = []
        for root in paths:
            root = root.resolve()
            found = {str(p.resolve()) if p.is_symlink() else str(p) for p in walk_files(root, self.settings.ignore)}
            items.extend((path, "upsert", str(root)) for path in sorted(found))
            for source in self.store.sources_under(str(root)):
                if source.path not in found and not Path(source.path).exists():
                    items.append((source.path, "delete", str(root)))
        return self.queue.enqueue(items, self.clock.timestamp())

    # ---- draining ---------------------------------------------------------------------

    def drain(self, progress: ProgressFn | None = None, stop: threading.Event | None = None) -> IndexReport:
        """Process the queue until it is empty (or `stop` is set). Safe to kill at any point."""
        files = chunks = skipped = errors = removed = 0
        messages: list[str] = []
        done = 0
        total = self.queue.size()
        while not (stop and stop.is_set()):
            batch = self.queue.pending(limit=200)
            if not batch:
                break
            for item in batch:
                if stop and stop.is_set():
                    break
                outcome, count, detail = self._process(item)
                self.queue.done(item)
                done += 1
                if outcome in ("indexed", "moved", "unchanged"):
                    files += 1
                    chunks += count
                elif outcome == "skipped":
                    skipped += 1
                elif outcome == "error":
                    errors += 1
                    messages.append(f"{item.path}: {detail}")
                elif outcome == "removed":
                    removed += count
                total = max(total, done + self.queue.size())
                if progress:
                    progress(Progress(done, total, item.path, chunks, outcome, detail))
        return IndexReport(files=files, chunks=chunks, skipped=skipped, errors=errors, removed=removed,
                           error_messages=tuple(messages))

    def _process(self, item: QueueItem) -> tuple[str, int, str]:
        if item.event == "delete":
            return "removed", self.store.delete_source(item.path), ""
        return self.index_file(Path(item.path), item.root)

    def index_file(self, path: Path, root: Optional[str]) -> tuple[str, int, str]:
        """Bring one file's memories up to date. Returns (outcome, chunks written, detail)."""
        now = self.clock.timestamp()
        key = str(path)
        try:
            st = path.stat()
        except FileNotFoundError:
            return "removed", self.store.delete_source(key), ""
        except OSError as exc:
            return self._problem(key, root, "error", _os_reason(exc), None, None, now)
        if not path.is_file():
            return self._problem(key, root, "skipped", "not a regular file", st.st_mtime, st.st_size, now)
        known = self.store.source_by_path(key)
        if known and known.status == "indexed" and known.mtime == st.st_mtime and known.size == st.st_size:
            return "unchanged", 0, ""
        limit = self.settings.max_file_mb * 1024 * 1024
        if st.st_size > limit:
            return self._problem(key, root, "skipped", f"larger than {self.settings.max_file_mb:g} MB",
                                 st.st_mtime, st.st_size, now)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return "removed", self.store.delete_source(key), ""
        except OSError as exc:
            return self._problem(key, root, "error", _os_reason(exc), st.st_mtime, st.st_size, now)
        content_hash = hashlib.sha256(data).hexdigest()
        if known and known.content_hash == content_hash:
            self.store.touch_source(known.id, st.st_mtime, st.st_size, now)
            return "unchanged", 0, ""
        if not known:
            moved_from = self._moved_from(content_hash)
            if moved_from:
                self.store.move_source(moved_from, key, root, st.st_mtime, st.st_size, now)
                return "moved", 0, moved_from
        try:
            extracted = extract(path, data)
        except SkipFile as reason:
            return self._problem(key, root, "skipped", str(reason), st.st_mtime, st.st_size, now)
        except Exception as exc:  # a corrupt file of a supported format: record it, go on
            return self._problem(key, root, "error", f"cannot read: {exc}".splitlines()[0], st.st_mtime, st.st_size, now)
        chunks = chunk_text(extracted.text, self.settings.chunk_chars, markdown=extracted.markdown)
        # A chunk's time is its file's modification time: when that text was written.
        memories = self._embed_chunks(chunks, key, st.st_mtime, extracted.format)
        self.store.replace_source(key, root, content_hash, st.st_mtime, st.st_size, extracted.format, memories, now)
        return "indexed", len(memories), extracted.note or ""

    def _embed_chunks(self, chunks, path: str, written_at: float, fmt: str) -> list[NewMemory]:
        if not chunks:
            return []
        name = Path(path).name
        keys = [chunk_key(name, c.heading, c.text) for c in chunks]
        vectors: list[list[float]] = []
        size = self.settings.embed_batch_size
        for start in range(0, len(keys), size):
            vectors.extend(self.embedder.embed(keys[start:start + size]))
        strength = self.settings.strength_file_days
        return [
            NewMemory(kind="chunk", text=c.text, vector=v, created_at=written_at, strength=strength,
                      start_line=c.start_line, end_line=c.end_line, page=c.page,
                      content_hash=hashlib.sha256(c.text.encode()).hexdigest(),
                      meta={"heading": c.heading, "format": fmt} if c.heading else {"format": fmt})
            for c, v in zip(chunks, vectors)
        ]

    def _moved_from(self, content_hash: str) -> Optional[str]:
        for candidate in self.store.sources_with_hash(content_hash):
            if candidate.status == "indexed" and not Path(candidate.path).exists():
                return candidate.path
        return None

    def _problem(self, path: str, root, status: str, reason: str, mtime, size, now) -> tuple[str, int, str]:
        self.store.record_source_problem(path, root, status, reason, mtime, size, now)
        return status, 0, reason

    def close(self) -> None:
        if self._embedder is not None:
            self._embedder.close()
            self._embedder = None


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
