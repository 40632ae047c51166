"""Search with time words, filters, de-duplication, and batch output (fake models, fixed clock)."""

import json
from datetime import datetime, timezone

import pytest

from second_me.domain import Hit, Memory
from second_me.domain import Turn
from second_me.retrieval.hybrid import SearchOptions, dedupe

DAY = 86400.0


def ts(text):
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


@pytest.fixture
def books(services, clock):
    """The same topic at three times: which one is meant depends on the time in the question."""
    turns = [
        Turn("c1", "Ana", "I am reading Piranesi, a strange novel about a house.", ts("2024-01-10"), "user", "a"),
        Turn("c2", "Ana", "I am reading Dune, a novel about a desert planet.", ts("2024-06-10"), "user", "b"),
        Turn("c3", "Ana", "I am reading Middlemarch, a long novel about a town.", ts("2025-02-20"), "user", "c"),
        Turn("c4", "Ana", "I moved to Lisbon today, the flat is small.", ts("2024-06-01"), "user", "d"),
    ]
    services.conversations.log.add_turns(turns, clock.timestamp())  # clock: 2025-03-01
    return services


def top_text(services, query, **options):
    return services.answering.search(query, SearchOptions(k=3, **options)).hits[0].memory.text


@pytest.mark.parametrize("question, expected", [
    ("which novel was I reading in January 2024?", "Piranesi"),
    ("which novel was I reading in June 2024?", "Dune"),
    ("which novel was I reading last week?", "Middlemarch"),
    ("which novel was I reading before I moved to Lisbon?", "Piranesi"),
    ("what was the first novel I was reading?", "Piranesi"),
    ("which novel am I reading now?", "Middlemarch"),
])
def test_time_words_pick_the_memory_from_that_time(books, question, expected):
    assert expected in top_text(books, question)


def test_a_month_named_without_a_year_is_the_latest_one_memory_has(books):
    """Asked on 1 March 2025, "in January" is January 2025 first; memory holds nothing from then,
    so January 2024 is meant (and "in February" stays February 2025)."""
    assert "Piranesi" in top_text(books, "which novel was I reading in January?")
    assert "Middlemarch" in top_text(books, "which novel was I reading in February?")
    result = books.answering.search("which novel was I reading in January?", SearchOptions(k=3))
    assert result.parsed.time.since == ts("2024-01-01") and result.parsed.time.until == ts("2024-02-01")


def test_time_words_are_a_preference_not_a_filter(books):
    hits = books.answering.search("which novel was I reading in June 2024?", SearchOptions(k=5)).hits
    assert {"Piranesi", "Middlemarch"} <= {w for h in hits for w in h.memory.text.split(" ")[3:5]} | {
        h.memory.text.split()[4].rstrip(",") for h in hits}


def test_explicit_filters_are_hard(books):
    hits = books.answering.search("novel dt<2024-02", SearchOptions(k=5)).hits
    assert [h.memory.text for h in hits] == ["Ana: I am reading Piranesi, a strange novel about a house."]
    assert books.answering.search("novel", SearchOptions(k=5, since=ts("2025-01-01"))).hits[0].memory.text.count("Middlemarch")
    assert books.answering.search("novel kind:chunk", SearchOptions(k=5)).hits == ()


def test_a_question_comparing_two_events_is_searched_for_each(services, clock):
    """One event's words fill the top with memories of it alone ("the house" in every turn about
    the sale); the other event is found by its own search."""
    from dataclasses import replace

    from second_me.retrieval.hybrid import HybridSearcher

    turns = [Turn("c1", "Doug", f"Which came first, selling the house or painting the house? Selling, viewing {n}",
                  ts("2023-08-01") + n * DAY, "user", f"h{n}") for n in range(12)]
    turns.append(Turn("c2", "Doug", "Big news: Shannon got engaged to Raj!", ts("2023-10-01"), "user", "e"))
    services.conversations.log.add_turns(turns, clock.timestamp())
    searcher = services.answering.searcher()
    question = "Which came first: selling the house or Shannon getting engaged?"

    def found(event_weight: float) -> bool:
        ranked = HybridSearcher(searcher.store, searcher.embedder, searcher.policy, searcher.rrf_k,
                                searcher.candidates, replace(searcher.weights, event=event_weight, person=0.0))
        hits = ranked.search(question, SearchOptions(k=3), clock.timestamp()).hits
        return any("engaged" in h.memory.text for h in hits)

    assert found(searcher.weights.event) and not found(0.0)


def test_path_filter(services, notes):
    services.indexing.add([notes])
    hits = services.answering.search("notes path:travel", SearchOptions(k=8)).hits
    assert hits and all(h.origin.path.endswith("travel.md") for h in hits)


def test_near_duplicates_are_shown_once():
    def hit(i, text):
        return Hit(Memory(i, "chunk", text, 0.0, None, 1.0, 0, False, "active"), 1.0 / i, 1.0)

    hits = [hit(1, "Proof the dough overnight in the fridge."), hit(2, "proof the dough overnight in the fridge"),
            hit(3, "Feed the starter the night before.")]
    assert [h.memory.id for h in dedupe(hits, 3, 0.9)] == [1, 3]
    assert [h.memory.id for h in dedupe(hits, 1, 0.9)] == [1]


def test_batch_search_writes_one_json_line_per_query(run_cli, notes, tmp_path):
    run_cli("add", str(notes))
    queries = tmp_path / "queries.txt"
    queries.write_text("sourdough proofing\n\nchain lube dt>=2100\nx kind:memo\n")
    result = run_cli("search", "--batch", str(queries), "--json", "-k", "2", "--now", "2025-03-01")
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [line["query"] for line in lines] == ["sourdough proofing", "chain lube dt>=2100", "x kind:memo"]
    assert lines[0]["results"][0]["source"]["path"].endswith("sourdough.md") and len(lines[0]["results"]) == 2
    assert lines[1]["results"] == [] and "unknown kind" in lines[2]["error"]
    assert result.code == 3 and "1 of the batch" in result.err


@pytest.mark.parametrize("args, code, words", [
    (("search",), 1, "give a QUERY or --batch"),
    (("search", "x", "--batch", "q.txt"), 1, "not both"),
    (("search", "--batch", "/no/such/file"), 2, "no such batch file"),
    (("search", "x", "--since", "last tuesday"), 3, "invalid date"),
    (("ask", "x", "--kind", "memo"), 3, "unknown kind"),
])
def test_search_flag_errors(run_cli, args, code, words):
    result = run_cli(*args)
    assert result.code == code and words in result.err


def test_a_week_or_weekend_of_a_month_is_that_stretch_not_last_week():
    """"What did I do the last week of October?" was read as last week."""
    from second_me.retrieval.timeparse import parse_time

    now = datetime(2026, 12, 6, tzinfo=timezone.utc)

    def days(question: str) -> tuple[str, str]:
        hint = parse_time(question, now)[1]
        return tuple(datetime.fromtimestamp(moment, timezone.utc).date().isoformat()
                     for moment in (hint.since, hint.until))

    assert days("What did I do the last week of October?") == ("2026-10-25", "2026-11-01")
    assert days("Where was I in the first week of March 2025?") == ("2025-03-01", "2025-03-08")
    assert days("What did I do the first weekend in May 2025?") == ("2025-05-03", "2025-05-05")
    assert days("What did I do last week?") == ("2026-11-23", "2026-12-06")  # as before
