"""Full-text search: exact on small stores; bounded (candidates from rare words and word pairs) on large ones."""

import pytest

from second_me.secrets import DatabaseKey
from second_me.storage import fulltext
from second_me.storage.db import Database
from second_me.storage.store import MemoryStore, NewMemory
from second_me.text.event_dates import DateSpan

DIM = 4


def _text(i: int) -> str:
    words = ["common"] if i % 2 == 0 else ["everyday"]
    if i % 3 == 0:
        words.append("frequent")
    if i % 50 == 7:
        words.append("unusual")
    if i in (123, 321):
        words.append("zeppelin")
    return " ".join(words + [f"filler{i % 17}"] * (1 + i % 4))


@pytest.fixture
def store(tmp_path):
    s = MemoryStore(Database(tmp_path / "memory.db", DatabaseKey("passphrase", "'secret'")))
    s.use_embedder("fake", DIM, 0.0)
    s.add_memories([NewMemory(kind="fact" if i % 10 == 0 else "chunk", text=_text(i), vector=[1.0, 0, 0, 0],
                              created_at=1000.0 + i, strength=30.0) for i in range(600)])
    yield s
    s.close()


def _both(store, match, limit, **filters):
    bounded = store.fts_search(match, limit, **filters)
    exact = store.fts_search(match, limit, bounded=False, **filters)
    return bounded, exact


def test_the_expressions_it_can_bound():
    assert fulltext.or_phrases('"a" OR "b ""c"""') == ['"a"', '"b ""c"""']
    assert fulltext.or_phrases('"a" AND "b"') is None
    assert fulltext.or_phrases('("a") OR "b"') is None


def test_few_matches_are_ranked_exactly(store):
    bounded, exact = _both(store, '"zeppelin" OR "unusual"', 20)
    assert bounded == exact and {124, 322} <= {i for i, _ in bounded}


def test_a_small_store_ranks_every_match_whatever_its_words(store, monkeypatch):
    monkeypatch.setattr(fulltext, "EXACT_POSTINGS", 10)  # 600 memories: below EXACT_STORE
    calls = []
    monkeypatch.setattr(fulltext, "_ranked_candidates", lambda *args: calls.append(args))
    bounded, exact = _both(store, '"unusual" OR "frequent" OR "common"', 50)
    assert bounded == exact and not calls


def test_many_matches_rank_only_the_candidates_with_the_same_scores(store, monkeypatch):
    monkeypatch.setattr(fulltext, "EXACT_STORE", 0)
    monkeypatch.setattr(fulltext, "EXACT_POSTINGS", 10)
    monkeypatch.setattr(fulltext, "SINGLES", 20)
    ranked = []
    original = fulltext._ranked

    def recording(conn, match, limit, weight, filters, params, within=None):
        ranked.append(within)
        return original(conn, match, limit, weight, filters, params, within)

    monkeypatch.setattr(fulltext, "_ranked", recording)
    bounded, exact = _both(store, '"zeppelin" OR "unusual" OR "frequent" OR "common"', 30)
    candidates = set(ranked[0].tolist())
    assert len(candidates) < 600 / 2 + 600 / 3  # not every memory with any of the words
    assert {124, 322} <= candidates  # the rarest word's memories
    others = candidates - {124, 322} - {i + 1 for i in range(600) if i % 50 == 7}
    assert others and all(i % 6 == 1 for i in others)  # otherwise two words: common and frequent
    assert bounded[:10] == exact[:10]  # the best hold rare words or several: same order, same scores
    assert len({i for i, _ in bounded} & {i for i, _ in exact}) >= 27


def test_a_word_in_too_many_memories_is_left_out(store, monkeypatch):
    monkeypatch.setattr(fulltext, "EXACT_STORE", 0)
    monkeypatch.setattr(fulltext, "EXACT_POSTINGS", 10)
    monkeypatch.setattr(fulltext, "SKIP_POSTINGS", 250)
    bounded = store.fts_search('"unusual" OR "common"', 50)  # common: 300 memories
    assert {i for i, _ in bounded} == {i + 1 for i in range(600) if i % 50 == 7}
    monkeypatch.setattr(fulltext, "SKIP_POSTINGS", 150)
    everywhere = store.fts_search('"frequent" OR "common"', 5)  # both left out: the newest with the rarer one
    assert everywhere == [(id_, 0.0) for id_ in (598, 595, 592, 589, 586)]


def test_filters_and_forgotten_memories(store, monkeypatch):
    monkeypatch.setattr(fulltext, "EXACT_STORE", 0)
    monkeypatch.setattr(fulltext, "EXACT_POSTINGS", 10)
    with store.db.transaction() as conn:
        conn.execute("UPDATE memories SET state = 'forgotten' WHERE id = 124")
    bounded, exact = _both(store, '"zeppelin" OR "common"', 50, kinds=("fact",))
    assert bounded == exact  # few facts among the candidates: ranked among all facts instead
    assert all((i - 1) % 10 == 0 for i, _ in bounded)
    assert 124 not in {i for i, _ in store.fts_search('"zeppelin" OR "common"', 50)}
    assert 322 in {i for i, _ in store.fts_search('"zeppelin" OR "common"', 50)}


def test_a_person_a_told_date_and_the_context_column_count_in_the_bounded_path_too(store, monkeypatch):
    """Turns: who said them, the words of the turn they reply to (a second column, weighted less) and
    the dates they tell of reach the bounded ranking as they reach the exact one."""
    speakers = ["Nina" if i % 2 else "Sam" for i in range(60)]
    store.add_memories([NewMemory(kind="message", text=f"{speakers[i]}: common talk {i}", speaker=speakers[i],
                                  context="zeppelin ride" if i % 3 == 0 else None, vector=[1.0, 0, 0, 0],
                                  created_at=5000.0 + i, strength=30.0,
                                  about=(DateSpan(1500.0, 1600.0, "that day"),) if i % 4 == 0 else ())
                        for i in range(60)])  # ids 601-660
    monkeypatch.setattr(fulltext, "EXACT_STORE", 0)
    monkeypatch.setattr(fulltext, "EXACT_POSTINGS", 10)
    monkeypatch.setattr(fulltext, "SINGLES", 20)
    match = '"zeppelin" OR "common"'
    by_nina, exact = _both(store, match, 20, person="Nina")
    assert by_nina == exact and {store.get(i).speaker for i, _ in by_nina} == {"Nina"}
    # Few enough to be found among the candidates (turns holding both words), filtered there.
    by_nina, exact = _both(store, match, 5, person="Nina")
    assert by_nina == exact and {store.get(i).speaker for i, _ in by_nina} == {"Nina"}
    told, exact = _both(store, match, 5, since=1400.0, until=1700.0, told=True)
    assert told == exact and {601 + i for i in range(60) if i % 12 == 0} & {i for i, _ in told}
    told, exact = _both(store, '"talk" OR "zeppelin"', 30, since=1300.0, until=1700.0, told=True)
    assert told == exact  # said at 5000 on, telling of 1500: inside the window; and 322, created in it
    assert {i for i, _ in told} == {601 + i for i in range(60) if i % 4 == 0} | {322}
    both, exact = _both(store, match, 50)
    assert both[:10] == exact[:10]
    in_context = {601 + i for i in range(60) if i % 3 == 0}
    own_words = {124, 322}  # zeppelin in their own words: above a turn replying to one about it
    assert own_words <= {i for i, _ in both[:2]} and in_context & {i for i, _ in both}
    unweighted = store.fts_search(match, 50, context_weight=0.0)
    assert not in_context & {i for i, _ in unweighted[:len(own_words) + 5]}
