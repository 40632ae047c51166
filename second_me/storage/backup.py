"""Backups: a consistent, encrypted copy of the store, and restoring from one.

Both use SQLite's online backup API: the copy is taken in one step inside a read
transaction, so it is a consistent snapshot even while another process (the daemon)
writes; in WAL mode those writers are not blocked. The copy is keyed with the store's
own key, so it is exactly as unreadable as the store.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from second_me.errors import InputRejected, NotFoundError, StorageError
from second_me.secrets import DatabaseKey
from second_me.storage.db import Database, connect_keyed, describe_sqlite_error, sqlite_error

BACKUP_MADE_AT = "backup_made_at"


@dataclass(frozen=True)
class ChangeMarks:
    """Counters that only grow as a store changes: memories ever written, events logged."""

    memories: int
    events: int

    def has_changes_beyond(self, other: "ChangeMarks") -> bool:
        return self.memories > other.memories or self.events > other.events


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    memories: int
    made_at: float
    size_bytes: int


def change_marks(conn) -> ChangeMarks:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'memories'").fetchone()
    events = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    return ChangeMarks(row[0] if row else 0, events)


def make_backup(db: Database, target: Path) -> BackupInfo:
    """Copy the store into `target` (replaced atomically), encrypted with the same key."""
    target = Path(target).expanduser().resolve()
    if target == db.path.resolve() or target.name.startswith(db.path.name + "-"):
        raise InputRejected(f"{target} is the live database: choose another file for the backup")
    if target.is_dir():
        raise InputRejected(f"{target} is a folder: give a file name for the backup")
    if not target.parent.is_dir():
        raise NotFoundError(f"no such folder: {target.parent}")
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    made_at = time.time()
    old_umask = os.umask(0o077)
    copy = None
    try:
        copy = connect_keyed(temporary, db.key)
        with db.read() as conn:
            conn.backup(copy)  # all pages in one step: a consistent snapshot
        # A backup is one self-contained file: no -wal beside it.
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (BACKUP_MADE_AT, repr(made_at)))
        _require_intact(copy, "the new backup failed its integrity check, so the memory itself may be damaged: "
                              "run `second-me doctor --check`")
        memories = copy.execute("SELECT count(*) FROM memories").fetchone()[0]
        copy.close()
        copy = None
        _fsync(temporary)
        os.replace(temporary, target)
    except sqlite_error() as exc:
        raise describe_sqlite_error(exc, target) from exc
    except OSError as exc:
        raise StorageError(f"cannot write the backup {target}: {exc.strerror or exc}") from exc
    finally:
        os.umask(old_umask)
        if copy is not None:
            copy.close()
        if temporary.exists():
            temporary.unlink()
    os.chmod(target, 0o600)
    return BackupInfo(target, memories, made_at, target.stat().st_size)


def _require_intact(conn, message: str) -> None:
    # quick_check answers "ok" or one row per problem, each possibly several lines long: the
    # user gets one line saying what it means, never SQLite's report.
    problems = conn.execute("PRAGMA quick_check(100)").fetchall()
    if [row[0] for row in problems] != ["ok"]:
        raise StorageError(message)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class RestoreInfo:
    memories: int
    made_at: Optional[float]
    kept_previous: Optional[Path]


def _describe_time(timestamp: Optional[float]) -> str:
    if timestamp is None:
        return "an unknown time"
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def open_backup(source: Path, key: DatabaseKey):
    """Open a backup read-only and prove it is an intact second-me store made with `key`."""
    from second_me.storage.migrations import MIGRATIONS, schema_version

    source = Path(source).expanduser()
    if not source.exists():
        raise NotFoundError(f"no such backup file: {source}")
    if source.is_dir():
        raise InputRejected(f"{source} is a folder: give the backup file made by `second-me backup`")
    if not source.is_file():
        raise InputRejected(f"{source} is not a regular file: give the backup file made by `second-me backup`")
    if source.stat().st_size == 0:
        raise InputRejected(f"{source} is empty: it is not a second-me backup")
    error = sqlite_error()
    damaged = f"{source} is damaged (it failed its integrity check): it cannot be restored; restore another backup"
    conn = None
    try:
        conn = connect_keyed(source, key, read_only=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except error:
            raise StorageError(f"cannot open {source} with this memory's key: it is not a second-me backup, "
                               "or it was made with another key (a backup keeps the key it was made with)") from None
        if schema_version(conn) > len(MIGRATIONS):
            raise StorageError(f"{source} was made by a newer second-me: upgrade second-me to restore it")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'memories'").fetchone():
            raise InputRejected(f"{source} is an SQLite database but not a second-me backup")
        _require_intact(conn, damaged)
    except error as exc:
        conn = _closed(conn)
        lower = str(exc).lower()
        if any(word in lower for word in ("locked", "busy", "unable to open", "readonly", "read-only")):
            raise describe_sqlite_error(exc, source) from exc
        # The key was right (sqlite_master was read): any other failure is a damaged page.
        raise StorageError(damaged) from exc
    except BaseException:
        _closed(conn)
        raise
    return conn


def _closed(conn) -> None:
    if conn is not None:
        conn.close()


def restore_backup(db: Database, source: Path, force: bool = False) -> RestoreInfo:
    """Replace the store's content with the backup's, keeping the previous content aside.

    Refuses (without `force`) when the store holds changes the backup lacks. The previous
    content is always saved next to the store first, so even a forced restore loses nothing.
    """
    backup = open_backup(source, db.key)
    try:
        row = backup.execute("SELECT value FROM meta WHERE key = ?", (BACKUP_MADE_AT,)).fetchone()
        made_at = float(row[0]) if row else None
        backup_marks = change_marks(backup)
        memories = backup.execute("SELECT count(*) FROM memories").fetchone()[0]
        with db.read() as conn:
            current_marks = change_marks(conn)
            current_memories = conn.execute("SELECT count(*) FROM memories").fetchone()[0]
        if current_marks.has_changes_beyond(backup_marks) and not force:
            raise InputRejected(
                f"this memory has changes made after the backup ({_describe_time(made_at)}): "
                "restoring would undo them; run again with --force (the current memory is kept aside)")
        kept = None
        if current_memories or current_marks.events:
            kept = db.path.with_name(f"{db.path.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
            make_backup(db, kept)
        with db.read() as conn:
            try:
                backup.backup(conn)
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite_error() as exc:
                raise describe_sqlite_error(exc, db.path) from exc
    finally:
        backup.close()
    return RestoreInfo(memories, made_at, kept)
