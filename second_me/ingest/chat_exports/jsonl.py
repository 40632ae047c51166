"""second-me's own chat format, JSON Lines: one turn per line, an object holding
`conversation`, `speaker`, `text` and `timestamp` (ISO-8601), and optionally `id` and `role`
(user, assistant or other; "user" when absent, unless --me names the user among the speakers).

Every line is checked: the problems of the first few bad lines are named together, by line
number. A turn without an id gets one made from its content, so importing the file again adds
nothing. A line longer than MAX_LINE_BYTES is rejected unread, so a huge line never sits in memory.
"""

from __future__ import annotations

import json
import re
from typing import Any, BinaryIO, Iterator, Optional

from second_me.clock import parse_instant
from second_me.domain import ROLES
from second_me.errors import InputRejected
from second_me.ingest.chat_exports.base import MAX_TEXT_CHARS, ExportedMessage, Occurrences, ReadContext, stable_id
from second_me.ingest.chat_exports.sources import Source

NAME = "jsonl"
KEYS = ("conversation", "speaker", "text", "timestamp")
# A line longer than this is rejected unread (a text at the limit, JSON-escaped, fits well).
MAX_LINE_BYTES = 2_000_000
MAX_REPORTED = 3
_SNIFFED_LINES = 20
_KEY = re.compile(rb'"(conversation|speaker|text|timestamp)"\s*:')


def looks_like(head: bytes) -> bool:
    """Whether the start of a file reads as turns of this format: one of its first lines is an
    object with at least two of the turn's keys (a line with a problem, or cut off by the end
    of the head, counts if it names them)."""
    seen = 0
    for raw in head.split(b"\n"):
        if not raw.strip():
            continue
        seen += 1
        if seen > _SNIFFED_LINES:
            return False
        try:
            record = json.loads(raw.lstrip(b"\xef\xbb\xbf"))
        except (ValueError, RecursionError):
            if raw.lstrip(b"\xef\xbb\xbf \t").startswith(b"{") and len(set(_KEY.findall(raw))) >= 2:
                return True
            continue
        if isinstance(record, dict) and sum(key in record for key in KEYS) >= 2:
            return True
    return False


def read(source: Source, ctx: ReadContext) -> Iterator[ExportedMessage]:
    problems: list[str] = []
    occurrences = Occurrences()
    with source.open() as handle:
        for number, raw in _raw_lines(handle):
            if raw is None:
                problems.append(f"line {number}: longer than {MAX_LINE_BYTES // 1_000_000} MB")
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a byte-order mark, as some tools write
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"line {number}: not UTF-8 text")
                continue
            if not line.strip():
                continue
            try:
                message = _message(line, ctx, occurrences)
            except ValueError as exc:
                problems.append(f"line {number}: {exc}")
                continue
            if not problems:  # after a bad line only the checking goes on
                yield message
    if problems:
        more = f" (and {len(problems) - MAX_REPORTED} more bad lines)" if len(problems) > MAX_REPORTED else ""
        raise InputRejected(f"{ctx.label}: " + "; ".join(problems[:MAX_REPORTED]) + more + "; nothing was imported")


def _message(line: str, ctx: ReadContext, occurrences: Occurrences) -> ExportedMessage:
    """One line as a message, or ValueError naming its problem."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON (nested too deeply)") from None
    problem = _problem(record)
    if problem:
        raise ValueError(problem)
    try:
        when = parse_instant(record["timestamp"], "timestamp")
    except InputRejected:
        raise ValueError(f"'timestamp' {record['timestamp']!r} is not ISO-8601") from None
    conversation, speaker = record["conversation"].strip(), record["speaker"].strip()
    text, stamp = ctx.clean(record["text"]), when.timestamp()
    if not text:
        raise ValueError("'text' holds only control characters")
    given = record.get("id")
    external_id = str(given) if given is not None else occurrences.number(
        (conversation, stamp), stable_id("line", conversation, speaker, repr(stamp), text))
    role: Optional[str] = record.get("role") or ("user" if ctx.me is None else None)
    return ExportedMessage(thread_key=conversation, thread_title=conversation, speaker=speaker, text=text,
                           timestamp=stamp, external_id=external_id, role=role)


def _problem(record: Any) -> Optional[str]:
    """What is wrong with one parsed line, or None."""
    if not isinstance(record, dict):
        return "expected a JSON object"
    for key in KEYS:
        if key not in record:
            return f"missing {key!r}"
        if not isinstance(record[key], str):
            return f"{key!r} must be a string"
    for key in ("conversation", "speaker", "text"):
        if not record[key].strip():
            return f"{key!r} is empty"
    if len(record["text"]) > MAX_TEXT_CHARS:
        return f"'text' is longer than {MAX_TEXT_CHARS} characters"
    for key in ("conversation", "speaker", "text", "id"):
        if not _encodable(record.get(key)):
            # JSON allows lone surrogates ("\ud800"); they cannot be stored as UTF-8.
            return f"{key!r} holds an invalid character (a lone UTF-16 surrogate)"
    if "id" in record and record["id"] is not None and (
            isinstance(record["id"], bool) or not isinstance(record["id"], (str, int))):
        return "'id' must be a string"
    role = record.get("role", "user")
    if role not in ROLES:
        return f"'role' must be one of {', '.join(ROLES)}, not {role!r}"
    return None


def _encodable(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _raw_lines(handle: BinaryIO) -> Iterator[tuple[int, Optional[bytes]]]:
    """(number, bytes) per line; bytes is None for a line over MAX_LINE_BYTES, skipped unread."""
    number = 0
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(MAX_LINE_BYTES)
            yield number, None
        else:
            yield number, raw
