"""Asked what is so now: the newer statement is read, and quoted first, even when it says less."""

from datetime import datetime, timezone

from second_me.domain import Evidence, Hit, Memory
from second_me.retrieval.abstain import relevant_hits
from second_me.retrieval.hybrid import SearchResult
from second_me.retrieval.newest import newest_statements_first
from second_me.retrieval.query import ParsedQuery
from second_me.retrieval.timeparse import TimeHint


def _ts(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp()


def _hit(memory_id: int, text: str, similarity: float, bm25_rank: int) -> Hit:
    memory = Memory(memory_id, "message", f"Ines: {text}", _ts("2026-05-02"), None, 7.0, 0, False, "active",
                    speaker="Ines")
    return Hit(memory, 1.0, 1.0, None, similarity=similarity, bm25_rank=bm25_rank)


def test_asked_what_is_so_now_a_turn_found_by_its_words_is_read_from_further_down():
    """"Knee bends to 110 now" is far from the question in meaning and fifth by its words, under the
    older statements and the exercise notes."""
    hits = (_hit(1, "Knee bends to 85 degrees at physio", 0.62, 2), _hit(2, "any exercise to bend the knee?", 0.6, 1),
            _hit(3, "knee exercises: heel slides", 0.5, 3), _hit(4, "knee bends sitting on a chair", 0.48, 4),
            _hit(5, "New physio in town. Knee bends to 110 now", 0.33, 5), _hit(6, "walked the dog", 0.31, 9))
    asked_now = SearchResult(hits, 0.62, parsed=ParsedQuery("how far does my knee bend", time=TimeHint(order="last")))
    asked = SearchResult(hits, 0.62, parsed=ParsedQuery("how far does my knee bend"))
    assert 5 in [h.memory.id for h in relevant_hits(asked_now, 0.3)]
    assert 6 not in [h.memory.id for h in relevant_hits(asked_now, 0.3)]
    assert 5 not in [h.memory.id for h in relevant_hits(asked, 0.3)]  # not asked what is so now: as it was


def test_asked_what_is_so_now_a_number_told_without_its_unit_is_newest_first():
    """The unit is said once, in the older statement: the newer "110 now" answers a measure asked as well."""
    older = Evidence("Physio twice a week now. Knee bends to 85 degrees. The goal is 120.", 1, "chat", "message",
                     speaker="Halla", created_at=_ts("2024-10-12"))
    newer = Evidence("New physio here in town. Knee bends to 110 now, ahead of schedule.", 2, "chat", "message",
                     speaker="Halla", created_at=_ts("2024-11-30"))
    paddled = Evidence("Paddled the lake on the new knee, just 40 minutes.", 3, "chat", "message", speaker="Halla",
                       created_at=_ts("2024-12-10"))
    ordered = newest_statements_first([older, newer, paddled], (), "How far does my knee bend now?")
    assert [item.memory_id for item in ordered][:2] == [2, 1]
