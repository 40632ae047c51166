"""One encrypted SQLite connection per process, with sqlite-vec loaded: the one module that imports sqlcipher3.

The connection is shared by the threads of one process behind a lock; writes go through
`transaction()` (BEGIN IMMEDIATE) so a writer waits for the lock up front instead of
failing half-way with "database is locked".
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from second_me.errors import StorageError
from second_me.secrets import DatabaseKey

BUSY_TIMEOUT_MS = 30_000
# SQLCipher decrypts (and authenticates) every page it reads into its cache; with SQLite's
# default 2 MiB cache a vector search re-decrypts the same pages on every query (~7x slower
# than plaintext). The cache only grows as pages are read; 384 MiB holds the full-text index
# and most of the int8 vectors that rescoring reads at a million memories (storage/vector_index.py).
CACHE_KIB = 384 * 1024


def _dbapi():
    from sqlcipher3 import dbapi2

    return dbapi2


def sqlite_error() -> type[Exception]:
    """The exception class every SQLite failure raises (for code that opens other files, like backups)."""
    return _dbapi().Error


def complete_statement(sql: str) -> bool:
    """Whether `sql` ends a whole SQL statement (migrations split scripts with it)."""
    return _dbapi().complete_statement(sql)


def connect_keyed(path: Path, key: DatabaseKey, read_only: bool = False):
    """A plain connection to another database file (a backup), keyed like the store."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    conn = _dbapi().connect(target, uri=read_only, isolation_level=None, timeout=30)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key.pragma_value is not None:
        conn.execute(f"PRAGMA key = {key.pragma_value}")
    return conn


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass


def _make_private(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = Path(str(db_path) + suffix)
        if candidate.exists():
            try:
                os.chmod(candidate, 0o600)
            except OSError:
                pass


def describe_sqlite_error(exc: Exception, db_path: Path) -> StorageError:
    """Turn a sqlite exception into a one-line message a user can act on."""
    text = str(exc)
    lower = text.lower()
    if "locked" in lower or "busy" in lower:
        return StorageError(f"{db_path} is locked by another process; try again when it finishes")
    if "file is not a database" in lower or "encrypted" in lower:
        return StorageError(
            f"cannot open {db_path}: wrong key, or not a second-me database "
            "(check SECOND_ME_PASSPHRASE / the keyring, or the encryption setting)")
    if "disk is full" in lower or "database or disk is full" in lower:
        return StorageError(f"no space left to write {db_path}: free some disk space and run the command again")
    if "readonly" in lower or "read-only" in lower or "unable to open" in lower:
        return StorageError(f"cannot write {db_path}: check its permissions and free space ({text})")
    if "malformed" in lower or "corrupt" in lower:
        return StorageError(f"{db_path} is damaged ({text}): run `second-me doctor --check`")
    return StorageError(f"storage error on {db_path}: {text}")


class Database:
    """A keyed SQLite connection. Use `read()` for queries and `transaction()` for writes."""

    def __init__(self, path: Path, key: DatabaseKey):
        self.path = path
        self.key = key
        self._lock = threading.RLock()
        self._conn = self._connect()

    def _connect(self):
        dbapi = _dbapi()
        ensure_private_dir(self.path.parent)
        old_umask = os.umask(0o077)
        try:
            conn = dbapi.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000,
                                 isolation_level=None, check_same_thread=False)
            # SQLCipher logs a wrong key to stderr; the one-line error below says it instead.
            conn.execute("PRAGMA cipher_log_level = NONE")
            if self.key.pragma_value is not None:
                conn.execute(f"PRAGMA key = {self.key.pragma_value}")
            # Reading the schema proves the key is right before anything is written.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            conn.execute("PRAGMA foreign_keys = ON")
            self._load_vec(conn)
        except dbapi.Error as exc:
            raise describe_sqlite_error(exc, self.path) from exc
        finally:
            os.umask(old_umask)
        _make_private(self.path)
        return conn

    @staticmethod
    def _load_vec(conn) -> None:
        import sqlite_vec

        conn.enable_load_extension(True)
        try:
            sqlite_vec.load(conn)
        finally:
            conn.enable_load_extension(False)

    @property
    def errors(self):
        return _dbapi()

    @contextmanager
    def read(self) -> Iterator:
        """The connection, for reads (serialised with writers of this process)."""
        with self._lock:
            try:
                yield self._conn
            except self.errors.Error as exc:
                raise describe_sqlite_error(exc, self.path) from exc

    @contextmanager
    def snapshot(self) -> Iterator:
        """Several reads that all see one state of the database, even while other processes
        write (a read transaction: WAL keeps the snapshot for us, writers are not blocked)."""
        with self._lock:
            conn = self._conn
            if conn.in_transaction:
                yield conn
                return
            try:
                conn.execute("BEGIN")
            except self.errors.Error as exc:
                raise describe_sqlite_error(exc, self.path) from exc
            try:
                yield conn
            finally:
                self._rollback(conn)  # nothing was written: ending the read is all that is left

    @contextmanager
    def transaction(self) -> Iterator:
        """An IMMEDIATE transaction: committed on success, rolled back on any error."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except self.errors.Error as exc:
                raise describe_sqlite_error(exc, self.path) from exc
            try:
                yield conn
            except BaseException as exc:
                self._rollback(conn)
                if isinstance(exc, self.errors.Error):
                    raise describe_sqlite_error(exc, self.path) from exc
                raise
            else:
                try:
                    conn.execute("COMMIT")
                except self.errors.Error as exc:
                    self._rollback(conn)
                    raise describe_sqlite_error(exc, self.path) from exc

    @contextmanager
    def cache_limited(self, kib: int) -> Iterator[None]:
        """A smaller page cache for a while: a long write (an import) keeps every page it wrote in
        the cache, which would grow the process to CACHE_KIB; searches want it large again after."""
        with self.read() as conn:
            conn.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            with self.read() as conn:
                conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")

    def _rollback(self, conn) -> None:
        # SQLite may already have rolled back (e.g. on disk full); that is fine.
        try:
            conn.execute("ROLLBACK")
        except self.errors.Error:
            pass

    def versions(self) -> dict[str, str]:
        with self.read() as conn:
            sqlite_version, vec_version = conn.execute("SELECT sqlite_version(), vec_version()").fetchone()
            cipher = conn.execute("PRAGMA cipher_version").fetchone()
        return {"sqlite": sqlite_version, "sqlcipher": cipher[0] if cipher else "", "sqlite_vec": vec_version}

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.close()
            except self.errors.Error:
                pass
