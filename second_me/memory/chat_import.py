"""Reading chat exports (JSON Lines, one turn per line: conversation, speaker, text,
timestamp, and optional id and role) into turns, validated line by line.

The whole file is validated before anything is written, so a bad line rejects the file
and nothing from it is half-imported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from second_me.clock import parse_instant
from second_me.errors import InputRejected, NotFoundError
from second_me.domain import ROLES, Turn



@dataclass(frozen=True)
class ChatImportReport:
    turns: int  # turns in the file
    added: int  # turns new to the store
    conversations: int
    seconds: float


MAX_TEXT_CHARS = 100_000
# A line longer than this is rejected unread (a text at the limit, JSON-escaped, fits well).
MAX_LINE_BYTES = 2_000_000
MAX_REPORTED = 3


def _problem(record: Any) -> str | None:
    """What is wrong with one parsed line, or None."""
    if not isinstance(record, dict):
        return "expected a JSON object"
    for key in ("conversation", "speaker", "text", "timestamp"):
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


def parse_line(text: str) -> Turn:
    """One line → a Turn, or ValueError naming the problem."""
    try:
        record = json.loads(text)
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
    external_id = record.get("id")
    return Turn(conversation=record["conversation"].strip(), speaker=record["speaker"].strip(),
                text=record["text"].strip(), timestamp=when.timestamp(), role=record.get("role", "user"),
                external_id=None if external_id is None else str(external_id))


def _raw_lines(handle):
    """(number, bytes) per line; bytes is None for a line over MAX_LINE_BYTES, which is skipped
    unread so a huge line never sits in memory whole."""
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


def read_chat_file(path: Path) -> list[Turn]:
    """Every turn of a JSONL chat export; InputRejected naming the bad lines if any is bad."""
    if path.is_dir():
        raise InputRejected(f"{path} is a folder: give the chat export file (JSON Lines)")
    if not path.is_file():
        raise NotFoundError(f"no such file: {path}")
    turns: list[Turn] = []
    problems: list[str] = []
    try:
        with path.open("rb") as handle:
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
                    turns.append(parse_line(line))
                except ValueError as exc:
                    problems.append(f"line {number}: {exc}")
    except OSError as exc:
        raise InputRejected(f"cannot read {path}: {exc.strerror}") from None
    if problems:
        more = f" (and {len(problems) - MAX_REPORTED} more bad lines)" if len(problems) > MAX_REPORTED else ""
        raise InputRejected(f"{path.name}: " + "; ".join(problems[:MAX_REPORTED]) + more + "; nothing was imported")
    if not turns:
        raise InputRejected(f"{path.name}: no turns in the file; nothing was imported")
    return turns
