"""The forgetting curve (Ebbinghaus, as in MemoryBank): R = exp(-Δt / S).

Δt is days since the memory was last recalled (or created), S its strength in days.
Retention is a ranking prior with a floor, never a gate: a well-matching old memory wins.
Search ranks by it and the memory lifecycle prunes by it, so it sits at the bottom, beside
the domain values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from second_me.domain import Memory

DAY = 86400.0


@dataclass(frozen=True)
class RetentionPolicy:
    floor: float = 0.7
    growth: float = 2.0  # S ← S · growth on each recall

    def retention(self, memory: Memory, now: float) -> float:
        if memory.pinned:
            return 1.0
        last = memory.last_recalled_at or memory.created_at
        elapsed_days = max(0.0, (now - last) / DAY)
        strength = max(memory.strength, 1e-6)
        return math.exp(-elapsed_days / strength)

    def prior(self, retention: float) -> float:
        """The factor a search score is multiplied by: floor + (1 - floor) · R."""
        return self.floor + (1.0 - self.floor) * retention


# A superseded fact ("lived in Berlin" after "moved to Lisbon") ranks lower unless the
# question asks about a time when it still held.
SUPERSEDED_PRIOR = 0.5


def validity_prior(memory: Memory, since: float | None, until: float | None) -> float:
    if memory.valid_to is None:
        return 1.0
    if since is None and until is None:
        return SUPERSEDED_PRIOR
    starts_before_end = until is None or (memory.valid_from or memory.created_at) < until
    ends_after_start = since is None or memory.valid_to > since
    return 1.0 if starts_before_end and ends_after_start else SUPERSEDED_PRIOR
