"""Which folders are kept in step with memory: adding one (it replaces the watched folders
inside it), removing one (its files leave memory unless kept), and marking them indexed."""

from __future__ import annotations

from pathlib import Path

from second_me.errors import InputRejected, NotFoundError
from second_me.ingest.paths import special_reason
from second_me.storage.store import MemoryStore
from second_me.storage.watched import WatchedFolder


def _inside(path: Path, folder: Path) -> bool:
    return str(path).startswith(str(folder).rstrip("/") + "/")


class WatchedFolders:
    def __init__(self, store: MemoryStore):
        self.store = store

    def roots(self) -> list[Path]:
        return self.store.watched.roots()

    def add(self, path: Path, now: float) -> tuple[Path, list[Path]]:
        """Watch a folder. Returns (the folder, watched folders it replaces because it contains them)."""
        path = Path(path).expanduser()
        if special_reason(path):
            raise InputRejected(f"{path} is a system folder (/proc, /sys and /dev are never read): "
                                "watch a folder of yours")
        if not path.exists():
            raise NotFoundError(f"no such folder: {path}")
        if not path.is_dir():
            raise InputRejected(f"{path} is a file: watch its folder, or index it once with `second-me add`")
        path = path.resolve()
        roots = self.roots()
        for root in roots:
            if path == root or _inside(path, root):
                raise InputRejected(f"{path} is already watched (as part of {root})")
        inner = [r for r in roots if _inside(r, path)]
        self.store.watched.add(str(path), [str(r) for r in inner], now)
        return path, inner

    def remove(self, path: Path, forget: bool) -> tuple[Path, int]:
        """Stop watching. With `forget`, the folder's files leave memory. Returns (folder, chunks removed)."""
        target = str(Path(path).expanduser().resolve()) if Path(path).expanduser().exists() else str(path).rstrip("/")
        if not self.store.watched.contains(target):
            raise NotFoundError(f"{target} is not watched (see `second-me watch list`)")
        removed = 0
        if forget:
            for source in self.store.sources.belonging_to(target):
                removed += self.store.sources.delete(source.path)
        self.store.watched.remove(target)
        return Path(target), removed

    def mark_indexed(self, roots: list[Path], now: float) -> None:
        self.store.watched.mark_indexed(roots, now)

    def list(self, problems_per_folder: int = 20) -> list[WatchedFolder]:
        return self.store.watched.list(problems_per_folder)
