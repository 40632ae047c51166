"""What every chat-export reader shares: the message it yields, the reading context,
text cleaning, stable ids and timestamp checks."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timezone, tzinfo
from typing import NoReturn, Optional

from second_me.clock import parse_instant
from second_me.domain import CHAT_EXPORT_FORMATS, assistant_chat_name, utc_day
from second_me.errors import InputRejected
from second_me.ingest.text import strip_control

FORMATS = CHAT_EXPORT_FORMATS
FORMAT_TITLES = {"chatgpt": "ChatGPT data export (conversations.json)",
                 "claude": "Claude data export (conversations.json)",
                 "whatsapp": "WhatsApp 'Export chat' text",
                 "telegram": "Telegram Desktop export (result.json)",
                 "sms": "SMS Backup & Restore XML",
                 "jsonl": "second-me's JSON Lines (one turn per line)"}

# A longer message is cut here (and counted): one memory holding a whole pasted book helps no search.
MAX_TEXT_CHARS = 100_000
_CUT = " […]"
# Who the user is when the export says so but --me gives no name.
DEFAULT_ME = "me"

# Invisible direction marks WhatsApp wraps around names, numbers and attachment lines.
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Earliest and latest instants accepted as a message's time: outside them a value is
# in the wrong unit (milliseconds) or not a time at all.
_EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc).timestamp()
_LATEST = datetime(2100, 1, 1, tzinfo=timezone.utc).timestamp()


@dataclass(frozen=True)
class ExportedMessage:
    """One message as a format reader understood it, before conversations get their final names."""

    thread_key: str  # the export's own id for the conversation (stable across exports)
    thread_title: str  # how people call the conversation, e.g. "WhatsApp: Sam"
    speaker: str
    text: str
    timestamp: float
    external_id: str
    role: Optional[str] = None  # "user"/"assistant" when the export says; None: --me decides


@dataclass
class ReadContext:
    """What a reader needs besides the bytes, and the counts it keeps while reading."""

    label: str  # how error messages name the file, e.g. "export.zip (conversations.json)"
    me: Optional[str] = None
    tz: Optional[tzinfo] = None  # zone of exports that give local times; None: this machine's
    skipped: int = 0  # system lines, deleted or hidden messages, empty ones
    media: int = 0  # photos, videos, files… kept as a placeholder ("[photo]") and any caption
    shortened: int = 0  # messages cut to MAX_TEXT_CHARS
    notes: list[str] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # what a reader learnt in the first reading, for the second

    @property
    def me_name(self) -> str:
        return self.me or DEFAULT_ME

    def reject(self, where: str, problem: str) -> NoReturn:
        place = f"{where}: " if where else ""
        raise InputRejected(f"{self.label}: {place}{problem}; nothing was imported")

    def clean(self, text: str) -> str:
        """Safe, trimmed message text (terminal controls and lone surrogates gone), cut if too long."""
        text = _SURROGATE.sub("\ufffd", strip_control(text)).strip().strip(_MARKS).strip()
        if len(text) > MAX_TEXT_CHARS:
            self.shortened += 1
            text = text[:MAX_TEXT_CHARS - len(_CUT)].rstrip() + _CUT
        return text

    def local_time(self, moment: datetime) -> float:
        """Seconds since 1970 of a wall-clock time the export gives without a zone."""
        if self.tz is None:
            return moment.timestamp()  # a naive datetime is read in this machine's zone
        return moment.replace(tzinfo=self.tz).timestamp()


def clean_name(name: str) -> str:
    """A speaker or chat name without direction marks, controls or stray spaces."""
    return " ".join(_SURROGATE.sub("\ufffd", strip_control(name)).strip(_MARKS + " \t\n").split())


@lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    return clean_name(name).casefold()


def same_person(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def stable_id(prefix: str, *parts: str) -> str:
    """An id made from a message's content, for exports that give none: same message, same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{prefix}-{digest}"


class Occurrences:
    """Tells apart identical messages at the same instant ("ok", "ok"): the second gets "-2".

    Only the current instant is remembered, so memory stays small on any export."""

    def __init__(self) -> None:
        self._instant: object = None
        self._seen: dict[str, int] = {}

    def number(self, instant: object, ident: str) -> str:
        if instant != self._instant:
            self._instant, self._seen = instant, {}
        count = self._seen.get(ident, 0) + 1
        self._seen[ident] = count
        return ident if count == 1 else f"{ident}-{count}"


def epoch_seconds(value: object) -> Optional[float]:
    """A number or numeric string of seconds since 1970 within a plausible range, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value) if _EARLIEST <= value < _LATEST else None


def plausible(timestamp: float) -> bool:
    return _EARLIEST <= timestamp < _LATEST


def conversation_title(app: str, title: Optional[str], day_of: Optional[float]) -> str:
    """"ChatGPT: Trip to Lisbon (2023-07-06)": an assistant conversation's title and the day it began."""
    return assistant_chat_name(app, clean_name(title or ''), utc_day(day_of) if day_of is not None else None)


def iso_instant(text: object) -> Optional[float]:
    """Seconds since 1970 of an ISO-8601 date-time (naive values are UTC), or None."""
    if not isinstance(text, str):
        return None
    try:
        seconds = parse_instant(text).timestamp()
    except InputRejected:
        return None
    return seconds if plausible(seconds) else None


def shown(value: object, limit: int = 40) -> str:
    """A value as an error message quotes it: short, one line."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
