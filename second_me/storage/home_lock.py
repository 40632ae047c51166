"""Locks on files in a home: one indexer, one summarizer, one daemon and one chat import per home.

An advisory lock on a file, released by the OS if the process dies; the file holds the
holder's pid so others can say who is running.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


INDEXER = "indexer.lock"  # one process drains the index queue; restore, repair and key rotation hold it too
SUMMARIZER = "summarizer.lock"  # one process learns facts and rebuilds summaries
DAEMON = "daemon.lock"  # one `second-me daemon`; the app watches only while none runs
IMPORTER = "import.lock"  # one chat import stores at a time; free while none runs (see storage/imports.py)


class HomeLock:
    def __init__(self, home: Path, name: str = INDEXER):
        self.path = home / name
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def acquire(self, timeout: float | None = None, poll: float = 0.2) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.try_acquire():
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(poll)
        return True

    def holder_pid(self) -> int | None:
        try:
            text = self.path.read_text().strip()
            return int(text) if text else None
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


try:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
except ImportError:  # Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
