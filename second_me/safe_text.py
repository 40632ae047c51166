"""Text from files, chats and models, made harmless for the user's terminal.

Every layer shows or stores such text (readers, answers, error lines, the app), so this
sits at the bottom, beside the domain values.
"""

from __future__ import annotations

import json
import re

# CSI/OSC/other escape sequences and C0/C1 control characters except tab and newline:
# text from files or models must never drive the user's terminal.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove terminal control sequences; keep tabs and newlines (\r\n becomes \n)."""
    return _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# What must not reach a terminal line as itself in a name: C0/C1 controls and DEL, line and
# paragraph separators, bidirectional overrides (they reorder what follows: "txt.exe" shown as
# "exe.txt"), undecodable bytes (lone surrogates from os.fsdecode), and the backslash that
# introduces an escape, so that every shown name reads back to one real name.
_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\\\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escape(match: re.Match) -> str:
    char = match.group(0)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0x7F else f"\\u{code:04x}"


def show_name(name: str) -> str:
    """A file name or path made safe for one terminal line: a newline is shown as `\\n`, other control
    characters as `\\xNN` or `\\uNNNN`, an undecodable byte as `\\xNN` (80 to ff). Unlike strip_control (which removes terminal
    sequences from text) nothing is dropped, so two different names never look alike. For display
    only: JSON output and stored keys keep the exact name."""
    return _NAME_UNSAFE.sub(_escape, name)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable_json(data, indent: int | None = None) -> str:
    """JSON that is exact and can always be written as UTF-8: a lone surrogate (an undecodable
    byte in a file name, as Python keeps it) is written as its \\u escape, which reads back as
    the same string."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
