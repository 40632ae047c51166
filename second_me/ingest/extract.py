"""Read a file into text, by format. Each format's reader lives in one place, chosen by suffix.

Readers of plain text keep the file's own line numbers, so a chunk's line range points into
the file; PDF keeps pages. Every reader strips terminal control sequences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from second_me.ingest.text import decode, looks_binary, strip_control


class SkipFile(Exception):
    """The file is deliberately not indexed (binary, too big, unsupported): not an error."""


class CorruptFile(Exception):
    """A file of a supported format that cannot be read (damaged PDF, broken DOCX...)."""


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str
    markdown: bool = False
    note: Optional[str] = None  # e.g. "not valid UTF-8; bytes replaced"
    language: Optional[str] = None  # source code: the programming language
    pages: Optional[tuple[str, ...]] = None  # paged documents (PDF): text of each page


TEXT_FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text", ".org": "text", ".log": "text", "": "text",
    ".toml": "text", ".ini": "text", ".cfg": "text", ".conf": "text", ".tex": "text", ".xml": "text",
}

Reader = Callable[[Path, bytes], Extracted]


def decode_text(data: bytes) -> tuple[str, Optional[str]]:
    """Bytes of a text format to safe text (and a note when bytes had to be replaced)."""
    if looks_binary(data[:8192]):
        raise SkipFile("binary file")
    text, note = decode(data)
    return strip_control(text), note


def _read_plain(path: Path, data: bytes) -> Extracted:
    text, note = decode_text(data)
    fmt = TEXT_FORMATS.get(path.suffix.lower(), "text")
    return Extracted(text, fmt, markdown=fmt == "markdown", note=note)


READERS: dict[str, Reader] = {suffix: _read_plain for suffix in TEXT_FORMATS}


def _register_formats() -> None:
    from second_me.ingest import formats, pdf

    READERS.update(formats.READERS)
    READERS[".pdf"] = pdf.read_pdf


_register_formats()


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def extract(path: Path, data: bytes) -> Extracted:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SkipFile(f"unsupported file type {path.suffix or '(none)'}")
    return reader(path, data)
