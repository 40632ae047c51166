"""One injectable source of time, so decay, `--now` and tests agree."""

from __future__ import annotations

from datetime import datetime, timezone
from second_me.errors import InputRejected


class Clock:
    """Wall time, or a fixed instant when one is given (tests, `--now`, eval)."""

    def __init__(self, fixed: datetime | None = None):
        self._fixed = fixed

    def now(self) -> datetime:
        return self._fixed if self._fixed is not None else datetime.now(timezone.utc)

    def timestamp(self) -> float:
        return self.now().timestamp()


class FixedClock(Clock):
    """A clock tests can move forward."""

    def __init__(self, at: datetime):
        super().__init__(at)

    def advance(self, **delta) -> None:
        from datetime import timedelta

        self._fixed = self._fixed + timedelta(**delta)


def parse_instant(text: str, what: str = "time") -> datetime:
    """Parse an ISO-8601 date or date-time, returned in UTC; naive values are taken as UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputRejected(f"invalid {what} {text!r}: use ISO-8601, e.g. 2024-05-01 or 2024-05-01T09:30:00") from None
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    try:
        # In UTC it must still be a date Python can hold: 9999-12-31T23:00-05:00 is in year 10000.
        return value.astimezone(timezone.utc)
    except OverflowError:
        raise InputRejected(f"invalid {what} {text!r}: in UTC it falls outside the years 1 to 9999") from None


def minute(timestamp: float) -> str:
    """A moment as people read it in lists and histories: "2024-05-01 09:30" (UTC, like every time here)."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M")


def clock_from_option(now: str | None) -> Clock:
    return Clock(parse_instant(now, "--now") if now else None)

