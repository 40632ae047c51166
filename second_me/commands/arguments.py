"""Command-line values checked at the edge: one out of range is refused with a message naming the
argument (InputRejected, exit 3) before any storage or model is touched.

The ranges, as documented in the commands' help and the README:
  -k (search, ask)        1 to MAX_K (4096: the most neighbours sqlite-vec returns for one query)
  --limit / -n            1 to SQLITE_INT_MAX
  memory IDs              1 to SQLITE_INT_MAX (SQLite's largest integer; ids start at 1)
  --budget                more than 0 and at most MAX_BUDGET_S seconds (a day)
  dates                   in the years 1 to 9999, in UTC (see clock.parse_instant and
                          retrieval.query.value_span for --now, --since, --until)
"""

from __future__ import annotations

import math

from second_me.errors import InputRejected

MAX_K = 4096
SQLITE_INT_MAX = 2**63 - 1
MAX_BUDGET_S = 24 * 3600.0


def check_k(k: int, name: str = "-k") -> int:
    if not 1 <= k <= MAX_K:
        raise InputRejected(f"{name} must be between 1 and {MAX_K}, not {k}")
    return k


def check_limit(limit: int, name: str = "--limit") -> int:
    if not 1 <= limit <= SQLITE_INT_MAX:
        raise InputRejected(f"{name} must be a positive number up to {SQLITE_INT_MAX}, not {limit}")
    return limit


def check_id(value: int, name: str = "ID") -> int:
    if not 1 <= value <= SQLITE_INT_MAX:
        raise InputRejected(f"{name} must be a memory id from 1 to {SQLITE_INT_MAX}, not {value}")
    return value


def check_seconds(value: float, name: str, maximum: float = MAX_BUDGET_S) -> float:
    if not (math.isfinite(value) and 0 < value <= maximum):
        raise InputRejected(f"{name} must be a number of seconds above 0 and at most {maximum:g}, not {value}")
    return value
