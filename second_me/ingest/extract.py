"""Read a file into text, by format. Each format's reader lives in one place, chosen by suffix.

Readers of plain text keep the file's own line numbers, so a chunk's line range points into
the file; PDF keeps pages. Every reader strips terminal control sequences.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from second_me.ingest import formats, pdf
from second_me.ingest.text import Extracted, SkipFile, decode_text

TEXT_FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text", ".org": "text", ".log": "text", "": "text",
    ".toml": "text", ".ini": "text", ".cfg": "text", ".conf": "text", ".tex": "text", ".xml": "text",
}

Reader = Callable[[Path, bytes], Extracted]


def _read_plain(path: Path, data: bytes) -> Extracted:
    text, note = decode_text(data)
    fmt = TEXT_FORMATS.get(path.suffix.lower(), "text")
    return Extracted(text, fmt, markdown=fmt == "markdown", note=note)


READERS: dict[str, Reader] = {
    **{suffix: _read_plain for suffix in TEXT_FORMATS},
    **formats.READERS,
    ".pdf": pdf.read_pdf,
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def extract(path: Path, data: bytes) -> Extracted:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SkipFile(f"unsupported file type {path.suffix or '(none)'}")
    return reader(path, data)
