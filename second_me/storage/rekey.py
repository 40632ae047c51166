"""Key rotation (`second-me key rotate`), ordered so that no crash can lock the user out.

With a keyring key the steps are:
  1. the new random key is stored in the keyring as *pending*, next to the current one;
  2. the database is re-keyed (PRAGMA rekey: one transaction, either all pages or none);
  3. the pending key becomes the current key, and the pending entry is removed.
A crash before 2 leaves the old key working; a crash between 2 and 3 is healed the next
time the store opens (`open_database` tries the pending key and promotes it).

With a passphrase the new passphrase comes from SECOND_ME_NEW_PASSPHRASE or a prompt;
the user then sets SECOND_ME_PASSPHRASE to it. Backups keep the key they were made with.
"""

from __future__ import annotations

import secrets as _random
from pathlib import Path

from second_me.errors import InputRejected, KeyUnavailable, StorageError, UsageError
from second_me.secrets import (KEYRING_SERVICE, DatabaseKey, keyring_module, keyring_user, passphrase_pragma,
                               raw_key_pragma)
from second_me.storage.db import Database

PENDING_SUFFIX = "#pending-rotation"
NEW_PASSPHRASE_ENV = "SECOND_ME_NEW_PASSPHRASE"


def _pending_user(home: Path) -> str:
    return keyring_user(home) + PENDING_SUFFIX


def _pending_key(home: Path) -> str | None:
    try:
        keyring, _ = keyring_module()
        return keyring.get_password(KEYRING_SERVICE, _pending_user(home))
    except Exception:  # no keyring backend: nothing can be pending
        return None


def _forget_pending(home: Path) -> None:
    keyring, errors = keyring_module()
    try:
        keyring.delete_password(KEYRING_SERVICE, _pending_user(home))
    except errors.PasswordDeleteError:
        pass


def open_database(path: Path, key: DatabaseKey, home: Path) -> Database:
    """Open the store; if a rotation was interrupted after the re-key, finish it first."""
    try:
        return Database(path, key)
    except StorageError:
        pending = _pending_key(home) if key.source == "keyring" else None
        if not pending:
            raise
        try:
            db = Database(path, DatabaseKey("keyring", raw_key_pragma(pending)))
        except StorageError:
            raise StorageError(f"cannot open {path} with the keyring's current or pending key") from None
    keyring, _ = keyring_module()
    keyring.set_password(KEYRING_SERVICE, keyring_user(home), pending)
    _forget_pending(home)
    return db


def _rekey(db: Database, pragma_value: str) -> None:
    with db.read() as conn:
        try:
            # Re-key under a rollback journal: one self-contained transaction on the main file.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute(f"PRAGMA rekey = {pragma_value}")
            conn.execute("PRAGMA journal_mode = WAL")
        except db.errors.Error as exc:
            from second_me.storage.db import describe_sqlite_error

            raise describe_sqlite_error(exc, db.path) from exc


def rotate_keyring_key(db: Database, home: Path) -> None:
    keyring, _ = keyring_module()
    new_key = _random.token_hex(32)
    try:
        keyring.set_password(KEYRING_SERVICE, _pending_user(home), new_key)
    except Exception as exc:
        raise KeyUnavailable(f"cannot store a new key in the OS keyring ({type(exc).__name__}); nothing changed") from None
    _rekey(db, raw_key_pragma(new_key))
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(home), new_key)
    except Exception as exc:
        raise KeyUnavailable(f"re-keyed, but the OS keyring refused the new key ({type(exc).__name__}): it is kept "
                             "as the pending key and is used the next time this memory opens") from None
    _forget_pending(home)


def rotate_passphrase(db: Database, new_passphrase: str) -> None:
    if not new_passphrase:
        raise UsageError("the new passphrase is empty")
    if passphrase_pragma(new_passphrase) == db.key.pragma_value:
        raise InputRejected("the new passphrase is the current one: nothing was changed; choose another")
    _rekey(db, passphrase_pragma(new_passphrase))


def rotate(db: Database, home: Path, new_passphrase: str | None) -> str:
    """Re-key the open store. Returns where the new key lives ("keyring" | "passphrase")."""
    if not db.key.encrypted:
        raise UsageError("this memory is not encrypted (encryption = false): there is no key to rotate")
    if db.key.source == "keyring":
        rotate_keyring_key(db, home)
        return "keyring"
    if new_passphrase is None:
        raise UsageError(f"give the new passphrase in {NEW_PASSPHRASE_ENV} (or run in a terminal to be asked)")
    rotate_passphrase(db, new_passphrase)
    return "passphrase"
