"""second-me's own words are not memories: its answers never, the user's questions and requests
typed to it neither; what the user states stays a memory. Older stores are cleaned by migration 4,
and `doctor --check` finds any that slip in."""

from __future__ import annotations

from second_me.domain import Turn
from second_me.memory.conversations import ask_turns, typed_turn
from second_me.storage import migrations
from second_me.storage.messages import own_words_in_search
from second_me.storage.store import open_store

T = 1_700_000_000.0


def _searchable(services, query: str) -> list[str]:
    return [hit.memory.text for hit in services.answering.search(query).hits]


def test_what_the_user_states_is_remembered_and_nothing_else(services):
    log = services.conversations
    log.add_chat_turn("chat-1", "user", "My sister Eva lives in Graz.")
    log.add_chat_turn("chat-1", "user", "where does my sister live?")
    log.add_chat_turn("chat-1", "user", "Summarize what I told you about Eva")
    log.add_chat_turn("chat-1", "assistant", "“My sister Eva lives in Graz.” [1]")
    log.add_chat_turn("chat-1", "assistant", "I don't know: nothing in your memory mentions Paris.")
    log.add_chat_turn("chat-1", "assistant", "(stopped)")
    log.add_chat_turn("chat-1", "user", "Eva " + "very " * 3000 + "long paste")
    texts = [m.text for m in services.store.states.list(kinds=("message",))]
    assert texts == ["me: My sister Eva lives in Graz."]
    assert len(log.turns("chat-1")) == 7  # the log keeps every turn for display


def test_ask_keeps_its_turns_in_the_log_only_a_statement_becomes_a_memory():
    question, answer = ask_turns("ask", "what is my cat called?", "Miso [1]", T)
    assert not question.remembered and not answer.remembered
    assert typed_turn("ask", "user", "I adopted a cat called Miso.", T).remembered
    assert not typed_turn("ask", "user", "Explain in detail how I set up the backup", T).remembered
    assert not typed_turn("ask", "user", "x" * 9000, T, max_chars=8192).remembered


def test_a_question_typed_without_its_question_mark_is_still_a_question():
    for question in ("how often do I feed the sourdough starter", "where did I stay in Lisbon",
                     "Do I need a visa for Japan", "what is my wifi password",
                     "by how many minutes did I beat my half marathon goal", "in which year did we move to Leeds",
                     "whats the best way to stop a mabati roof rusting", "how to remove mould from a bathroom ceiling"):
        assert not typed_turn("chat", "user", question, T).remembered, question
    for statement in ("When I was young I lived in Paris.", "I do like green tea",
                      "Who I met today was Ana.", "Is", "by the way I moved to Leeds",
                      "Best way to end the week: a swim at Balos"):
        assert typed_turn("chat", "user", statement, T).remembered, statement


def test_news_told_before_a_question_is_remembered_with_it():
    from second_me.text.utterance import tells_news

    told = "we finally booked the flat in Porto for June 3. any tips on what to eat?"
    assert typed_turn("chat", "user", told, T).remembered  # lower case, as chat is typed
    assert not tells_news(told)  # and the question is answered, not only noted
    assert typed_turn("chat", "user", "My dad turns 70 in March. Gift ideas?", T).remembered
    assert not typed_turn("chat", "user", "ok so. where did I stay in Lisbon?", T).remembered  # tells nothing


def test_a_question_asked_as_a_statement_is_a_question():
    from second_me.text.utterance import asking_words, direct_question

    for question in ("I wonder where I stayed in Lisbon", "I can't remember when the dentist is",
                     "I'd like to know what my cat is called", "I forgot where I parked",
                     "what subject did i teach for 31 years", "what's my blood type", "which year group do I teach"):
        assert not typed_turn("chat", "user", question, T).remembered, question
    for statement in ("I wonder.", "I don't know him", "I like to know what I eat", "What a lovely day it was",
                      "I know what you did"):
        assert typed_turn("chat", "user", statement, T).remembered, statement
    assert direct_question("I can't remember where I stayed in Lisbon.") == "where I stayed in Lisbon?"
    assert direct_question("I wonder if I locked the door") == "I wonder if I locked the door"
    assert direct_question("Where did I stay?") == "Where did I stay?"
    assert {"wonder", "if"} <= asking_words("I wonder if I locked the door")


def test_facts_are_not_read_out_of_questions(services):
    services.conversations.add_chat_turn("chat-1", "user", "where did I stay in Lisbon?")
    services.conversations.add_chat_turn("chat-1", "user", "I live in Berlin now.")
    services.memory.learn_facts()
    facts = [m.text for m in services.store.states.list(kinds=("fact",))]
    assert facts and not any("Lisbon" in fact for fact in facts)


def _polluted(services) -> None:
    """What an older second-me stored: its answers and the questions typed to it, as memories."""
    turns = [Turn("chat-1", "me", "where did I stay in Lisbon?", T, "user", "q1"),
             Turn("chat-1", "second-me", "You stayed at a hostel in Alfama [1].", T + 1, "assistant", "a1"),
             Turn("chat-1", "me", "Summarize the meeting with Karl", T + 2, "user", "q2"),
             Turn("chat-1", "me", "I moved to Berlin in May.", T + 3, "user", "s1"),
             Turn("import", "me", "what should I cook tonight?", T + 4, "user", "x1")]  # not a chat with second-me
    services.conversations.log.add_turns([Turn(t.conversation, t.speaker, t.text, t.timestamp, t.role,
                                               t.external_id, remembered=True) for t in turns], T)


def test_doctor_finds_own_words_and_repair_takes_them_out_keeping_the_log(services):
    _polluted(services)
    report = services.safety.check()
    assert [p.name for p in report.problems] == ["own_words"] and report.problems[0].count == 3
    services.safety.repair()
    left = [m.text for m in services.store.states.list(kinds=("message",))]
    assert left == ["me: what should I cook tonight?", "me: I moved to Berlin in May."]
    assert len(services.conversations.turns("chat-1")) == 4
    assert services.safety.check().ok


def test_migration_4_cleans_a_store_written_before_it(services, settings):
    _polluted(services)
    with services.store.db.transaction() as conn:
        conn.execute("PRAGMA user_version = 3")  # as an older second-me left it
    services.store.close()
    store = open_store(settings)
    try:
        with store.db.read() as conn:
            assert migrations.schema_version(conn) == len(migrations.MIGRATIONS)
            assert own_words_in_search(conn) == []
            kept = [row[0] for row in conn.execute("SELECT text FROM memories WHERE kind = 'message'")]
            assert sorted(kept) == ["me: I moved to Berlin in May.", "me: what should I cook tonight?"]
            assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 5
    finally:
        store.close()


def test_migration_18_takes_small_talk_stored_before_it_out_of_search(services, settings):
    services.conversations.log.add_turns([
        Turn("chat-2", "me", "hi", T, "user", "h1", remembered=True),
        Turn("chat-2", "second-me", "Hello! Ask me what your notes and chats can answer.", T + 1, "assistant", "h2"),
        Turn("chat-2", "me", "thanks!", T + 2, "user", "h3", remembered=True),
        Turn("chat-2", "me", "I moved to Berlin in May.", T + 3, "user", "h4", remembered=True)], T)
    with services.store.db.transaction() as conn:
        conn.execute("PRAGMA user_version = 17")  # as the version before it left it
    services.store.close()
    store = open_store(settings)
    try:
        with store.db.read() as conn:
            kept = [row[0] for row in conn.execute("SELECT text FROM memories WHERE kind = 'message'")]
            assert kept == ["me: I moved to Berlin in May."]
            assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 4  # the log keeps them
    finally:
        store.close()
