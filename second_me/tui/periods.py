"""The memory screen's date filter: labels a person picks, as [since, until) epoch seconds."""

from __future__ import annotations

from typing import Optional

DAY = 86_400.0
# (label, since days ago, until days ago); None = open.
PERIODS: tuple[tuple[str, Optional[float], Optional[float]], ...] = (
    ("last 7 days", 7, None),
    ("last 30 days", 30, None),
    ("last year", 365, None),
    ("older than 30 days", None, 30),
    ("older than a year", None, 365),
)


def period(label: object, now: float) -> tuple[Optional[float], Optional[float]]:
    """(since, until) epoch seconds for a date filter label ([since, until), as search takes them)."""
    for name, since_days, until_days in PERIODS:
        if name == label:
            return (now - since_days * DAY if since_days is not None else None,
                    now - until_days * DAY if until_days is not None else None)
    return None, None
