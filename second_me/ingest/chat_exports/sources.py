"""Where an export's bytes come from: a file, a folder holding the export, or the .zip it came in."""

from __future__ import annotations

import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterator, Optional

from second_me.errors import InputRejected, NotFoundError

HEAD_BYTES = 65_536
MAX_CANDIDATES = 30
# The names exports give their main file, most telling first; then any file of a kind one can be.
_KNOWN_NAMES = ("conversations.json", "result.json", "_chat.txt")
_KINDS = (".txt", ".xml", ".json")


@dataclass(frozen=True)
class Source:
    """One file that may hold an export: `path` itself, or `member` inside the zip `path`."""

    path: Path
    member: Optional[str] = None

    @property
    def label(self) -> str:
        return f"{self.path.name} ({self.member})" if self.member else self.path.name

    @property
    def name(self) -> str:
        return PurePosixPath(self.member).name if self.member else self.path.name

    @property
    def well_known(self) -> bool:
        """A file named as an export names its main file: a problem in it is the export's problem."""
        return self.name.lower() in _KNOWN_NAMES

    @property
    def export_name(self) -> str:
        """The name the export was saved under: for a file with an export's fixed name, the name
        of the zip or folder holding it ("WhatsApp Chat - Sam.zip" holds "_chat.txt")."""
        if self.well_known:
            return self.path.stem if self.member else self.path.parent.name
        return PurePosixPath(self.name).stem

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        if self.member is None:
            with self.path.open("rb") as handle:
                yield handle
        else:
            with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as handle:
                yield handle

    def head(self, size: int = HEAD_BYTES) -> bytes:
        with self.open() as handle:
            return handle.read(size)

    def fingerprint(self) -> tuple[int, int]:
        """Changes when the file does: reading twice must read the same export."""
        stat = self.path.stat()
        return stat.st_size, stat.st_mtime_ns


def _rank(name: str) -> tuple[int, int, str]:
    pure = PurePosixPath(name)
    lowered = pure.name.lower()
    if lowered in _KNOWN_NAMES:
        kind = _KNOWN_NAMES.index(lowered)
    else:
        kind = len(_KNOWN_NAMES) + _KINDS.index(pure.suffix.lower())
    return kind, len(pure.parts), name


def _wanted(name: str) -> bool:
    pure = PurePosixPath(name)
    return (not name.endswith("/") and "__MACOSX" not in pure.parts and not pure.name.startswith(".")
            and (pure.name.lower() in _KNOWN_NAMES or pure.suffix.lower() in _KINDS))


def candidates(path: Path) -> list[Source]:
    """The files that may hold the export at `path`, most likely first."""
    if not path.exists():
        raise NotFoundError(f"no such file: {path}")
    if path.is_dir():
        names = sorted((entry.name for entry in path.iterdir() if entry.is_file() and _wanted(entry.name)),
                       key=_rank)
        return [Source(path / name) for name in names[:MAX_CANDIDATES]]
    if not zipfile.is_zipfile(path):
        return [Source(path)]
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if _wanted(info.filename)]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputRejected(f"{path.name}: not a readable zip archive ({exc}); nothing was imported") from None
    infos.sort(key=lambda info: _rank(info.filename))
    for info in infos[:MAX_CANDIDATES]:
        if info.flag_bits & 0x1:
            raise InputRejected(f"{path.name}: {info.filename} is encrypted (a password-protected zip); "
                                "unzip it yourself and import the chat file; nothing was imported")
    return [Source(path, info.filename) for info in infos[:MAX_CANDIDATES]]


@contextmanager
def read_errors_rejected(label: str) -> Iterator[None]:
    """A failing read (a damaged zip, a disk error, bytes that are no text) as a one-line rejection."""
    try:
        yield
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise InputRejected(f"{label}: cannot be read ({reason}); nothing was imported") from None
    except UnicodeDecodeError as exc:
        raise InputRejected(f"{label}: text that cannot be decoded ({exc.reason}); nothing was imported") from None
