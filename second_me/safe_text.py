"""Text from files, chats and models, made harmless for the user's terminal.

Every layer shows or stores such text (readers, answers, error lines, the app), so this
sits at the bottom, beside the domain values.
"""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences and C0/C1 control characters except tab and newline:
# text from files or models must never drive the user's terminal.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_control(text: str) -> str:
    """Remove terminal control sequences; keep tabs and newlines (\r\n becomes \n)."""
    return _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
