"""Where an export may be written: a new path or, with --force, an existing regular file; "-" is stdout.

An export is every memory in plaintext, so it must never land where it could do harm or
be read by others: FIFOs, sockets, devices, folders and anything under /proc, /sys or /dev
are refused whatever --force says, and a link is refused rather than written through. The
JSON is written to `NAME.partial` beside the target (created new, owner-only) and renamed
over the target only when complete; on any failure the partial file is removed.
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, TextIO

from second_me.errors import InputRejected, NotFoundError, StorageError

STDOUT = "-"
SPECIAL_TREES = (Path("/proc"), Path("/sys"), Path("/dev"))
PARTIAL_SUFFIX = ".partial"
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISLNK, "a link"))


@dataclass(frozen=True)
class ExportTarget:
    """A checked target: a file path, or None for standard output."""

    path: Optional[Path]

    @property
    def to_stdout(self) -> bool:
        return self.path is None

    @property
    def partial(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + PARTIAL_SUFFIX)


def _kind(mode: int) -> Optional[str]:
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _special_tree(path: Path) -> Optional[Path]:
    for candidate in (path, Path(os.path.realpath(path))):
        for tree in SPECIAL_TREES:
            if candidate == tree or tree in candidate.parents:
                return tree
    return None


def _refuse_existing(path: Path, force: bool, what: str = "an export") -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputRejected(f"cannot use {path} for {what}: {exc.strerror or exc}") from None
    kind = _kind(info.st_mode)
    if kind:
        raise InputRejected(f"{path} is {kind}: {what} is written only to a new or regular file{_or_dash(what)}")
    if not force:
        raise InputRejected(f"{path} exists: choose another file or pass --force")


def _or_dash(what: str) -> str:
    return " (or - for standard output)" if what == "an export" else ""


def check_target(raw: str | Path, force: bool = False, what: str = "an export") -> ExportTarget:
    """Refuse (InputRejected, exit 3) any target but "-", a new file in an existing folder (else
    NotFoundError, exit 2), or with `force` an existing regular file. Touches nothing. `what` names
    the file in messages ("an export", "a backup"...)."""
    if str(raw) == STDOUT:
        return ExportTarget(None)
    if not str(raw).strip() or "\x00" in str(raw):
        raise InputRejected(f"{str(raw)!r} is not a file name: give the file to write{_or_dash(what)}")
    path = Path(os.path.abspath(os.path.expanduser(str(raw))))
    tree = _special_tree(path)
    if tree is not None:
        raise InputRejected(f"{path} is under {tree}: {what} is written only to a regular file{_or_dash(what)}")
    _refuse_existing(path, force, what)
    if not path.parent.is_dir():
        raise NotFoundError(f"no such folder: {path.parent}")
    return ExportTarget(path)


def _create_partial(partial: Path):
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(partial, flags, 0o600)
    except FileExistsError:
        info = os.lstat(partial)
        # What an interrupted export left behind is the user's own plaintext: replace it. Anything else stays.
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            raise InputRejected(f"{partial} is in the way and is not an earlier unfinished export: move it away") from None
        os.unlink(partial)
        return os.open(partial, flags, 0o600)


@contextmanager
def open_for_export(target: ExportTarget, force: bool = False, stdout: Optional[TextIO] = None) -> Iterator[TextIO]:
    """A text stream for the export. For a file: the partial file, renamed over the target when the
    block ends without error, removed when it does not (then the target is as it was)."""
    if target.to_stdout:
        import sys

        yield stdout or sys.stdout
        return
    path, partial = target.path, target.partial
    try:
        fd = _create_partial(partial)
    except OSError as exc:
        raise InputRejected(f"cannot write in {path.parent}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _refuse_existing(path, force)  # the target may have changed while the export was written
        os.replace(partial, path)
    except BaseException as exc:
        try:
            os.unlink(partial)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise StorageError(f"cannot write the export {path}: {exc.strerror or exc}") from None
        raise
