"""Read a file into text, by format. Each format's reader lives in one place, chosen by suffix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from second_me.ingest.text import decode, looks_binary, strip_control


class SkipFile(Exception):
    """The file is deliberately not indexed (binary, too big, unsupported): not an error."""


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str
    markdown: bool = False
    note: Optional[str] = None  # e.g. "not valid UTF-8; bytes replaced"


TEXT_FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text", ".org": "text", ".log": "text", "": "text",
}

Reader = Callable[[Path, bytes], Extracted]


def _read_plain(path: Path, data: bytes) -> Extracted:
    if looks_binary(data[:8192]):
        raise SkipFile("binary file")
    text, note = decode(data)
    fmt = TEXT_FORMATS.get(path.suffix.lower(), "text")
    return Extracted(strip_control(text), fmt, markdown=fmt == "markdown", note=note)


READERS: dict[str, Reader] = {suffix: _read_plain for suffix in TEXT_FORMATS}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def extract(path: Path, data: bytes) -> Extracted:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SkipFile(f"unsupported file type {path.suffix or '(none)'}")
    return reader(path, data)
