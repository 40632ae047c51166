"""A chat turn's memory keeps its speaker, the turn it replies to and the dates it tells of."""

from datetime import datetime, timezone

import pytest

from second_me.domain import DerivedOrigin, Turn, told_dates
from second_me.retrieval.hybrid import SearchOptions
from second_me.storage import migrations
from second_me.storage.store import open_store


def _ts(day: str, hour: int = 10) -> float:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc).timestamp()


def _chat():
    return [
        Turn("kids", "Sam", "what are the kids into at the moment?", _ts("2023-07-06"), "user", "a"),
        Turn("kids", "Nina", "They couldn't stop talking about the dinosaur bones at the museum yesterday!",
             _ts("2023-07-06", 11), "user", "b"),
        Turn("kids", "Sam", "haha", _ts("2023-07-06", 12), "user", "c"),
    ]


def _memory_of(services, external_id):
    turn = next(t for t in services.conversations.turns("kids") if t.external_id == external_id)
    return services.store.get(turn.memory_id)


def test_a_turn_keeps_its_speaker_the_turn_it_replies_to_and_its_dates(services, clock):
    services.conversations.log.add_turns(_chat(), clock.timestamp())
    question, reply = _memory_of(services, "a"), _memory_of(services, "b")
    assert (question.speaker, reply.speaker) == ("Sam", "Nina")
    assert told_dates(reply) == "2023-07-05" and question.about == ()
    # The reply is found by the words of the question it answers (its context key)...
    found = services.store.fts_search('"kids"', 10, ("message",))
    assert reply.id in [memory_id for memory_id, _ in found]
    # ...but a speaker's name is no longer among a turn's searchable words.
    assert services.store.fts_search('"sam"', 10) == []


def test_turns_added_in_separate_batches_still_know_what_they_reply_to(services, clock):
    first, second, _ = _chat()
    services.conversations.log.add_turns([first], clock.timestamp())
    services.conversations.log.add_turns([second], clock.timestamp())
    reply = _memory_of(services, "b")
    assert reply.id in [memory_id for memory_id, _ in services.store.fts_search('"kids"', 10)]
    assert services.store.messages.replies([_memory_of(services, "a").id]) == [(reply.id, _memory_of(services, "a").id)]


def test_a_search_by_date_finds_the_message_telling_of_it(services, clock):
    services.conversations.log.add_turns(_chat(), clock.timestamp())
    told = services.store.told_between(_ts("2023-07-05", 0), _ts("2023-07-06", 0))
    assert told == [_memory_of(services, "b").id]


def test_neighbours_come_with_a_hit_when_asked_for(services, clock):
    services.conversations.log.add_turns(_chat(), clock.timestamp())
    result = services.answering.search("dinosaur bones museum", SearchOptions(k=3, context=1))
    hit = next(h for h in result.hits if h.memory.speaker == "Nina")
    assert [(n.speaker, n.is_hit) for n in hit.neighbours] == [("Sam", False), ("Nina", True), ("Sam", False)]
    shown = hit.as_json()
    assert [turn["hit"] for turn in shown["context"]] == [False, True, False]
    assert shown["about"] == [{"from": "2023-07-05", "until": "2023-07-05"}]
    plain = services.answering.search("dinosaur bones museum", SearchOptions(k=3))
    assert all(h.neighbours == () for h in plain.hits)


def test_a_store_from_before_keeps_its_turns_and_gains_their_keys(services, settings, clock):
    services.conversations.log.add_turns(_chat(), clock.timestamp())
    last = len(migrations.MIGRATIONS)
    number = next(i for i, step in enumerate(migrations.MIGRATIONS, start=1)
                  if step.__name__ == "_m7_turns_as_speakers_and_context")
    with services.store.db.transaction() as conn:  # as a second-me without speakers and dates left it
        conn.execute("UPDATE memories SET speaker = NULL, context = NULL, reply_to = NULL")
        conn.execute("DELETE FROM memory_dates")
        conn.execute(f"PRAGMA user_version = {number - 1}")
    services.store.close()
    store = open_store(settings)
    try:
        with store.db.read() as conn:
            assert migrations.schema_version(conn) == last
            rows = conn.execute("SELECT speaker, context IS NOT NULL FROM memories WHERE kind = 'message' "
                                "ORDER BY created_at").fetchall()
        assert rows == [("Sam", 0), ("Nina", 1), ("Sam", 1)]
        # Its own words count more than the words of the turn it replies to ("haha" after it).
        reply_id, after_id = [memory_id for memory_id, _ in store.fts_search('"dinosaur"', 10)]
        assert (store.get(reply_id).speaker, store.get(after_id).speaker) == ("Nina", "Sam")
        assert told_dates(store.get(reply_id)) == "2023-07-05"
    finally:
        store.close()


def test_a_fact_names_the_turns_it_was_learnt_from_and_who_said_them(services):
    services.conversations.log.add_turns([Turn("c1", "Ana", "I live in Berlin now, near the canal.",
                                               _ts("2022-06-01"), "user", "t1")], services.clock.timestamp())
    services.memory.learn_facts(budget_seconds=60)
    hit = services.answering.search("where do I live?", SearchOptions(kinds=("fact",))).hits[0]
    source = hit.as_json()["source"]
    assert source["from"] == [{"conversation": "c1", "external_id": "t1", "speaker": "Ana"}]


def test_a_summary_names_the_turns_it_was_written_from(services, clock):
    services.conversations.log.add_turns(_chat(), clock.timestamp())
    services.memory.refresh_summaries(budget_seconds=60)
    with services.store.db.read() as conn:
        summaries = [row[0] for row in conn.execute("SELECT id FROM memories WHERE kind = 'summary'")]
    assert summaries
    origin = services.store.origins([services.store.get(summaries[0])])[summaries[0]]
    assert isinstance(origin, DerivedOrigin)
    assert {turn.external_id for turn in origin.turns} <= {"a", "b", "c"} and origin.turns


@pytest.mark.parametrize("batches", [1, 2])
def test_a_turn_going_on_from_the_same_speakers_last_one_is_found_by_it(services, clock, batches):
    turns = [Turn("dog", "Nina", "[photo: a grey greyhound in a yellow raincoat]", _ts("2023-03-21"), "user", "p"),
             Turn("dog", "Nina", "MEET PEPPER. we picked her up on Saturday", _ts("2023-03-21", 11), "user", "q")]
    for part in ([turns] if batches == 1 else [turns[:1], turns[1:]]):
        services.conversations.log.add_turns(part, clock.timestamp())
    found = [services.store.get(memory_id).text for memory_id, _ in services.store.fts_search('"greyhound"', 10)]
    assert found == ["Nina: [photo: a grey greyhound in a yellow raincoat]", "Nina: MEET PEPPER. we picked her up on Saturday"]


def test_a_store_from_before_reads_titles_and_word_headings_again(services, settings, clock, tmp_path):
    from tests.ingest.samples import docx_bytes

    services.conversations.log.add_turns([Turn("books", "Maya", "Now reading Tomorrow, and Tomorrow, and Tomorrow",
                                                _ts("2024-05-11"), "user", "r")], clock.timestamp())
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "lease.docx").write_bytes(docx_bytes([("Heading1", "Deposit"), ("", "The deposit is 1,067 pounds.")]))
    services.indexing.add([folder])
    reading = next(t for t in services.conversations.turns("books")).memory_id
    number = next(i for i, step in enumerate(migrations.MIGRATIONS, start=1)
                  if step.__name__ == "_m14_titles_and_word_headings_read_again")
    with services.store.db.transaction() as conn:  # as an earlier second-me left it: "Tomorrow" a day
        conn.execute("INSERT INTO memory_dates(memory_id, starts_at, ends_at, phrase) VALUES (?, ?, ?, ?)",
                     (reading, _ts("2024-05-12", 0), _ts("2024-05-13", 0), "Tomorrow"))
        conn.execute(f"PRAGMA user_version = {number - 1}")
    services.store.close()
    store = open_store(settings)
    try:
        assert told_dates(store.get(reading)) == ""
        source = store.sources.by_path(str((folder / "lease.docx").resolve()))
        assert source.content_hash is None and source.mtime is None  # read again at its next scan
    finally:
        store.close()


def _present_chat():
    name = "ChatGPT: Birthday present for Mum (2026-04-10)"
    return [Turn(name, "me", "Mum turns 70 soon. She loves gardening. Ideas?", _ts("2026-04-10"), "user", "m1"),
            Turn(name, "ChatGPT", "A kneeler and tool set, or a garden day pass.", _ts("2026-04-10", 11),
                 "assistant", "m2"),
            Turn(name, "me", "I went with the RHS day pass plus afternoon tea, it came to £96.",
                 _ts("2026-04-10", 12), "user", "m3")]


def test_a_turn_of_a_chat_with_an_assistant_is_found_by_the_chats_title(services, clock):
    # ChatGPT names a chat by what it is about; the turn telling what was bought says none of it.
    services.conversations.log.add_turns(_present_chat(), clock.timestamp())
    found = {services.store.get(memory_id).text for memory_id, _ in services.store.fts_search('"present"', 10)}
    assert "me: I went with the RHS day pass plus afternoon tea, it came to £96." in found
    # A chat named by who is in it is not searched by its name: "Sam" would match every turn of it.
    services.conversations.log.add_turns([Turn("WhatsApp: Sam", "Sam", "the boiler works again", _ts("2026-05-01"),
                                               "other", "w1")], clock.timestamp())
    assert services.store.fts_search('"whatsapp"', 10) == []


def test_a_store_from_before_searches_assistant_chats_by_their_titles(services, settings, clock):
    services.conversations.log.add_turns(_present_chat(), clock.timestamp())
    number = next(i for i, step in enumerate(migrations.MIGRATIONS, start=1)
                  if step.__name__ == "_m22_assistant_chats_searched_by_their_titles")
    with services.store.db.transaction() as conn:  # as an earlier second-me left it: the turns' keys without titles
        conn.execute("UPDATE memories SET context = substr(context, length('Birthday present for Mum ') + 1) "
                     "WHERE context LIKE 'Birthday present for Mum %'")
        conn.execute("UPDATE memories SET context = NULL WHERE context = 'Birthday present for Mum'")
        conn.execute(f"PRAGMA user_version = {number - 1}")
    services.store.close()
    store = open_store(settings)
    try:
        assert len(store.fts_search('"present"', 10)) == 3
        with store.db.read() as conn:
            keys = [row[0] for row in conn.execute("SELECT context FROM memories WHERE kind = 'message' "
                                                   "ORDER BY created_at")]
        assert keys[0] == "Birthday present for Mum" and keys[2].startswith("Birthday present for Mum A kneeler")
    finally:
        store.close()
