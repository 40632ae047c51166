"""Errors a user can act on. Each class maps to one CLI exit code: 0 ok, 1 usage, 2 not found,
3 input rejected, 4 model problem, 5 storage problem (130 when the user stopped it)."""

from __future__ import annotations


class SecondMeError(Exception):
    """Base class: the message is one line that tells the user what to do."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(SecondMeError):
    exit_code = 1


class NotFoundError(SecondMeError):
    exit_code = 2


class InputRejected(SecondMeError):
    """Bad input: a file, a config value, an import line."""

    exit_code = 3


class ConfigError(InputRejected):
    pass


class ModelError(SecondMeError):
    """A model file is missing, corrupt, or of the wrong kind for its role."""

    exit_code = 4


class StorageError(SecondMeError):
    """The database is locked, foreign, corrupt, or cannot be opened with the key."""

    exit_code = 5


class KeyUnavailable(StorageError):
    """No way to get the database key (no keyring backend and no passphrase)."""


class EmbedderMismatch(StorageError):
    """The store holds vectors from another embedding model."""


class Cancelled(SecondMeError):
    """The user stopped an operation (Ctrl-C, Esc)."""

    exit_code = 130
