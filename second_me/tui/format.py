"""Small text helpers shared by the screens: paths, labels, bars, dates."""

from __future__ import annotations

import os
from pathlib import Path

from second_me.clock import minute
from second_me.domain import ConversationOrigin, FileOrigin, Hit
from second_me.safe_text import show_name


def display_path(path: str) -> str:
    """A path as short as it can be (relative to where the app runs, else from ~), on one line:
    newlines and control characters in names shown escaped."""
    return show_name(_shortened(path))


def _shortened(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        pass
    home = os.path.expanduser("~")
    if home not in ("", "/") and path.startswith(home + os.sep):
        return "~" + path[len(home):]
    return path


def evidence_label(source: str, quote: str = "") -> str:
    """Where a quoted sentence stands (path:line, the path shortened), and the quote when it is not shown above."""
    path, sep, line = source.rpartition(":")
    where = display_path(path) + sep + line if sep and line.replace("-", "").isdigit() else show_name(source)
    return f"{where} — “{one_line_text(quote, 70)}”" if quote else where


def hit_label(hit: Hit) -> str:
    origin = hit.origin
    if isinstance(origin, FileOrigin):
        where = display_path(origin.path)
        if origin.start_line is None:
            return where
        if origin.start_line == origin.end_line:
            return f"{where}:{origin.start_line}"
        return f"{where}:{origin.start_line}-{origin.end_line}"
    if isinstance(origin, ConversationOrigin):
        return show_name(origin.label())
    return f"{hit.memory.kind} #{hit.memory.id}"


def bar(fraction: float, width: int = 10) -> str:
    """A horizontal bar for retention and progress: ▰▰▰▱▱."""
    fraction = min(max(fraction, 0.0), 1.0)
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


def day(timestamp: float | None) -> str:
    if timestamp is None:
        return "never"
    return minute(timestamp)


def one_line_text(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
