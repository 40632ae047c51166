"""A plan told with its day and how it went, told after it, are about one thing and share no word:
"I'm training for the Lisbon half marathon, it's on the 24th of May" and, said on the 25th, "did
it!! 1:52:30 yesterday". Each of the first chat turns read that plans a day brings along its
speaker's later turns telling of that day, read right after it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from second_me.domain import Hit
from second_me.retrieval.replies import days_told, plan_and_report

if TYPE_CHECKING:
    from second_me.services.core import Core

DAY_TOLD_HITS = 3  # the first hits read whose day brings their speaker's other turns about it
DAY_TOLD_TURNS = 2  # at most this many turns brought along by one hit


def with_the_day_told(core: "Core", hits: Sequence[Hit]) -> tuple[list[Hit], int]:
    """The hits, each of the first DAY_TOLD_HITS chat turns planning a day followed by its speaker's
    later turns telling of that day, said on or after it (how it went; not two turns saying "today",
    nor the plan brought for a turn saying how it went, which tells it already), not already read, in
    the order said; and how many were brought in (read beyond the usual number of hits, so that none
    ranked is pushed out)."""
    present = {hit.memory.id for hit in hits}
    brought: dict[int, list[Hit]] = {}
    for hit in hits[:DAY_TOLD_HITS]:
        days = days_told(hit.memory) if hit.memory.kind == "message" and hit.memory.speaker else []
        ids = [memory_id for start, end in days for memory_id in core.store.told_between(start, end, ("message",))
               if memory_id not in present]
        later = sorted((other for other in core.store.get_many(sorted(set(ids))).values()
                        if other.speaker == hit.memory.speaker and other.created_at > hit.memory.created_at
                        and any(plan_and_report(hit.memory, other, day) for day in days)),
                       key=lambda other: other.created_at)[:DAY_TOLD_TURNS]
        if later:  # only those read become hits (their origins looked up)
            brought[hit.memory.id] = core.hits_for([other.id for other in later])
            present |= {other.memory.id for other in brought[hit.memory.id]}
    return [read for hit in hits for read in (hit, *brought.get(hit.memory.id, ()))], \
        sum(len(turns) for turns in brought.values())
