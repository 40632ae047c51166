"""Summary hits give way to their best children for a specific question; a broad one keeps them."""

from datetime import datetime, timezone

import pytest

from second_me.domain import Turn
from second_me.memory.summary_tree import SummaryTree
from second_me.models.fake import FakeChatModel
from second_me.retrieval.expand import is_broad
from second_me.retrieval.hybrid import SearchOptions


def _ts(text):
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


@pytest.fixture
def summarised(services, clock):
    turns = [
        Turn("saturday", "Ana", "I baked cardamom buns with Lena in the morning.", _ts("2024-05-04T09:00"), "user", "1"),
        Turn("saturday", "Ana", "The oven runs hot, so 200 degrees is plenty.", _ts("2024-05-04T09:30"), "user", "2"),
        Turn("sunday", "Ana", "Planted tomatoes and basil on the balcony.", _ts("2024-05-05T10:00"), "user", "3"),
        Turn("monday", "Ana", "Long meeting about the quarterly budget.", _ts("2024-05-06T10:00"), "user", "4"),
    ]
    services.conversations.log.add_turns(turns, clock.timestamp())
    # Every summary says it all at once, in the question's words: it outranks any single turn.
    model = FakeChatModel(lambda messages: "Weekends: baked cardamom buns with Lena, planted tomatoes and basil, "
                                           "usually on weekends.", parameters=1_500_000_000)
    SummaryTree(services.store, lambda: services.embedder, lambda: model, 30.0).refresh(clock.timestamp())
    return services


def _kinds(result):
    return [h.memory.kind for h in result.hits]


def test_specific_question_gets_the_children_of_a_summary(summarised):
    question = "when did I bake cardamom buns with Lena?"
    plain = summarised.answering.search(question, SearchOptions(k=3, expand_summaries=False))
    assert plain.hits[0].memory.kind in ("summary", "portrait")  # the summary wins unexpanded...
    expanded = summarised.answering.search(question, SearchOptions(k=3))
    assert "summary" not in _kinds(expanded) and "portrait" not in _kinds(expanded)  # ...and gives way
    assert expanded.hits[0].memory.text.startswith("Ana: I baked cardamom buns")
    assert [h.score for h in expanded.hits] == sorted((h.score for h in expanded.hits), reverse=True)


def test_broad_question_and_kind_filter_keep_summaries(summarised):
    broad = summarised.answering.search("what do I usually do on weekends, baking and planting?", SearchOptions(k=3))
    assert broad.hits[0].memory.kind in ("summary", "portrait")
    asked = summarised.answering.search("cardamom buns Lena", SearchOptions(k=3, kinds=("summary",)))
    assert asked.hits and set(_kinds(asked)) == {"summary"}


@pytest.mark.parametrize("question, broad", [
    ("What do I usually do on weekends?", True),
    ("Describe my routines", True),
    ("What kind of books do I like?", True),
    ("When did I bake cardamom buns?", False),
    ("What is my cat called?", False),
])
def test_broad_questions(question, broad):
    assert is_broad(question) is broad


def test_summaries_stay_out_of_time_windows(summarised):
    """A summary is dated when it was built (now), not by the days it tells of: a window around now lifts it not."""
    def summary_scores(question):
        found = summarised.answering.search(question, SearchOptions(k=10, expand_summaries=False))
        return found, {h.memory.id: h.score for h in found.hits if h.memory.kind == "summary"}

    plain, before = summary_scores("cardamom buns Lena")
    timed, during = summary_scores("cardamom buns Lena this month")
    assert timed.parsed.time.since is not None and timed.parsed.text == plain.parsed.text
    assert before and during == pytest.approx(before)


def test_a_summary_whose_children_were_not_found_comes_after_direct_memories():
    from second_me.domain import Hit, Memory
    from second_me.retrieval.expand import expand_summaries

    class Store:  # a leaf whose parent is summary 10; summary 20 covers nothing found
        def get_many(self, ids):
            return {}

    def hit(memory_id, kind, score, parent=None):
        memory = Memory(memory_id, kind, f"m{memory_id}", 0.0, None, 1.0, 0, False, "active", parent_id=parent)
        return Hit(memory, score, 1.0, None, None, None, None)

    ranked = [hit(20, "summary", 0.9), hit(10, "summary", 0.8), hit(1, "message", 0.7, parent=10),
              hit(2, "message", 0.6)]
    assert [h.memory.id for h in expand_summaries(ranked, Store(), 4)] == [1, 2, 20]
