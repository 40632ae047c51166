"""The database key: a random key in the OS keyring, or a passphrase, or (opt-out) none.

Never a silent plaintext fallback: when no keyring backend exists and no passphrase is
given, opening stops with a message naming both ways forward.
"""

from __future__ import annotations

import os
import secrets as _random
from dataclasses import dataclass
from pathlib import Path

from second_me.errors import KeyUnavailable

KEYRING_SERVICE = "second-me"
PASSPHRASE_ENV = "SECOND_ME_PASSPHRASE"


@dataclass(frozen=True)
class DatabaseKey:
    source: str  # "keyring" | "passphrase" | "none"
    pragma_value: str | None  # what goes after PRAGMA key = ...; None when unencrypted

    @property
    def encrypted(self) -> bool:
        return self.pragma_value is not None


def passphrase_pragma(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def raw_key_pragma(hex_key: str) -> str:
    # A raw 256-bit key skips SQLCipher's passphrase derivation (fast opens).
    return f"\"x'{hex_key}'\""


def keyring_user(home: Path) -> str:
    return str(home.resolve())


def keyring_module():
    import keyring
    import keyring.errors

    return keyring, keyring.errors


def keyring_status() -> str:
    """A short description of the keyring backend, for `doctor`."""
    try:
        keyring, _ = keyring_module()
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring raises many kinds when no backend is set up
        return f"unavailable ({type(exc).__name__})"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return "unavailable (no backend)"
    return name.replace("keyring.backends.", "")


def database_key(home: Path, encryption: bool, db_exists: bool, environ=None) -> DatabaseKey:
    env = os.environ if environ is None else environ
    if not encryption:
        return DatabaseKey("none", None)
    passphrase = env.get(PASSPHRASE_ENV)
    if passphrase:
        return DatabaseKey("passphrase", passphrase_pragma(passphrase))
    return _keyring_key(home, db_exists)


def _keyring_key(home: Path, db_exists: bool) -> DatabaseKey:
    how_to = (f"set {PASSPHRASE_ENV} to a passphrase, or set encryption = false in "
              f"{home / 'config.toml'} to keep memories unencrypted")
    try:
        keyring, errors = keyring_module()
        stored = keyring.get_password(KEYRING_SERVICE, keyring_user(home))
    except Exception as exc:
        raise KeyUnavailable(f"no OS keyring is available ({type(exc).__name__}): {how_to}") from None
    if stored:
        return DatabaseKey("keyring", raw_key_pragma(stored))
    if db_exists:
        raise KeyUnavailable(f"the key for {home} is not in the OS keyring: if it was created with a passphrase, set {PASSPHRASE_ENV}")
    new_key = _random.token_hex(32)
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(home), new_key)
    except Exception as exc:
        raise KeyUnavailable(f"cannot store a key in the OS keyring ({type(exc).__name__}): {how_to}") from None
    return DatabaseKey("keyring", raw_key_pragma(new_key))
