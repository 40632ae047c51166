"""A query as typed → what to match, hard filters, and the time hint.

Inline filters (for the TUI's search box; the CLI has the same as flags):

    dt>=2024-01-01   dt<2024-06   dt=2024-05   since:2024-01-01   until:2024-03-01 (inclusive)
    kind:fact        kind:chunk,message         path:notes/

Dates may be a year, a year-month, a day or a full ISO time; `dt<=2024-05` includes all of
May, `dt<2024-05` stops before it. Filters are hard (memories outside are never shown);
time words in the question ("last week", "in May 2023") are soft, see timeparse.py.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

from second_me.domain import MEMORY_KINDS
from second_me.errors import InputRejected
from second_me.retrieval.timeparse import DAY, TimeHint, parse_time

_DT = re.compile(r"(?<!\S)(?:dt|date)\s*(?P<op>>=|<=|>|<|=)\s*(?P<value>\S+)", re.I)
_FIELD = re.compile(r"(?<!\S)(?P<key>path|kind|since|until):(?P<value>\S+)", re.I)


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # what is matched against memory
    since: Optional[float] = None  # hard filters, epoch seconds, [since, until)
    until: Optional[float] = None
    kinds: tuple[str, ...] = ()
    path: Optional[str] = None
    time: TimeHint = field(default_factory=TimeHint)


def value_span(value: str, what: str) -> tuple[float, float]:
    """The [start, end) of a partial ISO date: 2024 → the year, 2024-05 → May, 2024-05-03 → the day.

    The end is reckoned in seconds, not as a date: the end of 9999-12-31 is past the last date
    Python can hold, yet a fine bound.
    """
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            start = datetime(int(text), 1, 1, tzinfo=timezone.utc)
            return start.timestamp(), start.timestamp() + (366 if calendar.isleap(start.year) else 365) * DAY
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = (int(p) for p in text.split("-"))
            start = datetime(year, month, 1, tzinfo=timezone.utc)
            return start.timestamp(), start.timestamp() + calendar.monthrange(year, month)[1] * DAY
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        why = "years go from 0001 to 9999" if "year" in str(exc) else "use 2024, 2024-05, 2024-05-03 or an ISO time"
        raise InputRejected(f"invalid date {value!r} in {what}: {why}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return moment.timestamp(), moment.timestamp() + DAY
    return moment.timestamp(), moment.timestamp() + 1


def filter_range(since: Optional[str], until: Optional[str]) -> tuple[Optional[float], Optional[float]]:
    """`--since D --until D` as [start of since, end of until): both days (or months, years) included."""
    start = value_span(since, "--since")[0] if since else None
    end = value_span(until, "--until")[1] if until else None
    return start, end


def check_kinds(kinds) -> tuple[str, ...]:
    out = tuple(k.strip().lower() for k in kinds if k.strip())
    for kind in out:
        if kind not in MEMORY_KINDS:
            raise InputRejected(f"unknown kind {kind!r}: use one of {', '.join(MEMORY_KINDS)}")
    return out


def _narrow(since, until, new_since=None, new_until=None):
    if new_since is not None:
        since = new_since if since is None else max(since, new_since)
    if new_until is not None:
        until = new_until if until is None else min(until, new_until)
    return since, until


def parse_query(raw: str, now: datetime, natural_time: bool = True) -> ParsedQuery:
    """Pull inline filters out of the text, then (optionally) the time words."""
    since = until = None
    kinds: tuple[str, ...] = ()
    path = None

    def dt(match: re.Match) -> str:
        nonlocal since, until
        start, end = value_span(match.group("value"), match.group(0))
        op = match.group("op")
        bounds = {">=": (start, None), ">": (end, None), "<": (None, start), "<=": (None, end), "=": (start, end)}[op]
        since, until = _narrow(since, until, *bounds)
        return " "

    def fieldf(match: re.Match) -> str:
        nonlocal since, until, kinds, path
        key, value = match.group("key").lower(), match.group("value")
        if key == "kind":
            kinds = check_kinds(value.split(","))
        elif key == "path":
            path = value
        elif key == "since":
            since, until = _narrow(since, until, value_span(value, match.group(0))[0], None)
        else:  # until:2024-05 includes May, like --until
            since, until = _narrow(since, until, None, value_span(value, match.group(0))[1])
        return " "

    text = _DT.sub(dt, raw)
    text = _FIELD.sub(fieldf, text)
    text = re.sub(r"\s+", " ", text).strip()
    hint = TimeHint()
    if natural_time and text:
        cleaned, hint = parse_time(text, now)
        # A question made only of time words ("what happened yesterday?") still needs words to match.
        if _has_words(cleaned):
            text = cleaned
    return ParsedQuery(text, since, until, kinds, path, hint)


def _has_words(text: str) -> bool:
    from second_me.retrieval.fts import query_terms

    return bool(query_terms(text))
