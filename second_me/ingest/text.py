"""Turning a file's raw bytes into safe text, and what every reader returns.

Readers (extract.py, formats.py, pdf.py) share these pieces; they live here, below all of
them, so no reader imports another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from second_me.safe_text import strip_control


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


def looks_binary(head: bytes) -> bool:
    """A NUL byte in the first block is the classic, reliable sign of a binary file."""
    if b"\x00" in head:
        # UTF-16 text has NULs too; its BOM says so.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    return False


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as text; returns (text, note) where note says if bytes were replaced."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        return text, f"not valid UTF-8 (first bad byte at offset {exc.start}); undecodable bytes replaced"


def decode_text(data: bytes) -> tuple[str, Optional[str]]:
    """Bytes of a text format to safe text (and a note when bytes had to be replaced)."""
    if looks_binary(data[:8192]):
        raise SkipFile("binary file")
    text, note = decode(data)
    return strip_control(text), note
