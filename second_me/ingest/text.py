"""Turning raw bytes into safe text: decoding, binary detection, terminal-control stripping."""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences and C0/C1 control characters except tab and newline:
# text from files or models must never drive the user's terminal.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove terminal control sequences; keep tabs and newlines (\r\n becomes \n)."""
    return _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


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
