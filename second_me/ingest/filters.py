"""Which paths are never read: hidden and tool folders, secrets, and the user's own globs."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Sequence

TOOL_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "env", ".tox", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".cache", "site-packages", "dist", "build", ".idea", ".vscode",
})
SECRET_DIRS = frozenset({
    ".ssh", ".gnupg", ".password-store", "keyrings", ".mozilla", "google-chrome", "chromium", "BraveSoftware",
})
SKIPPED_DIRS = TOOL_DIRS | SECRET_DIRS
SECRET_GLOBS = (".env*", "*.pem", "*.key", "id_rsa*", "id_dsa*", "id_ecdsa*", "id_ed25519*", "*.kdbx", "*.keychain*",
                "*.p12", "*.pfx", "*.gpg", ".netrc", ".pgpass", "credentials*", "*.keyring")


NOT_UTF8 = "its name is not valid UTF-8 (rename it to index it)"


def encodable(name: str) -> bool:
    """Whether a name (as os.fsdecode gives it) is valid UTF-8: an undecodable byte cannot be stored."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def skip_reason(path: Path, user_globs: Sequence[str] = (), is_dir: bool | None = None) -> str | None:
    """Why `path` (a file or folder) must not be indexed, or None when it may be.

    `is_dir` may be given when the path no longer exists (a deletion seen by the watcher).
    """
    name = path.name
    if not encodable(name):
        return NOT_UTF8
    if is_dir is None:
        is_dir = path.is_dir()
    if is_dir and name in SECRET_DIRS:
        return "may hold secrets"
    if name.startswith("."):
        return "hidden" if not any(fnmatch.fnmatch(name, g) for g in SECRET_GLOBS) else "may hold secrets"
    if is_dir and name in SKIPPED_DIRS:
        return "tool or cache folder"
    if any(fnmatch.fnmatch(name, g) for g in SECRET_GLOBS):
        return "may hold secrets"
    for glob in user_globs:
        if fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(str(path), glob):
            return f"matches ignore pattern {glob!r}"
    return None
