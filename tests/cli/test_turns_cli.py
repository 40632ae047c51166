"""search --person / --context and the dates a message tells of, as the user sees them."""

import json

from second_me.domain import Hit, Memory, describe_span
from second_me.retrieval.context import format_memory


def _import(run_cli, tmp_path):
    records = [
        {"conversation": "weekend", "speaker": "Sam", "text": "how was the weekend?", "timestamp": "2023-07-06T09:00:00Z", "id": "1"},
        {"conversation": "weekend", "speaker": "Nina", "text": "We climbed Pen y Fan yesterday, my legs are gone",
         "timestamp": "2023-07-06T09:05:00Z", "id": "2"},
        {"conversation": "weekend", "speaker": "Sam", "text": "legend", "timestamp": "2023-07-06T09:06:00Z", "id": "3"},
    ]
    path = tmp_path / "chat.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert run_cli("import", "chat", str(path)).code == 0


def test_search_shows_a_hits_neighbours_and_the_date_it_tells_of(run_cli, tmp_path):
    _import(run_cli, tmp_path)
    out = run_cli("search", "Pen y Fan climb", "--context", "1", "-k", "1").out
    assert "about 2023-07-05" in out
    assert "Sam: how was the weekend?" in out and "> Nina: We climbed Pen y Fan" in out and "Sam: legend" in out
    found = run_cli("search", "Pen y Fan climb", "--context", "1", "-k", "1", "--json").json()["results"][0]
    assert [turn["speaker"] for turn in found["context"]] == ["Sam", "Nina", "Sam"]


def test_person_filters_and_an_unknown_person_is_not_found(run_cli, tmp_path):
    _import(run_cli, tmp_path)
    results = run_cli("search", "weekend", "--person", "sam", "--json").json()["results"]
    assert results and {r["source"]["speaker"] for r in results} == {"Sam"}
    missing = run_cli("search", "weekend", "--person", "Gary")
    assert missing.code == 2 and "Gary" in missing.err
    assert run_cli("search", "weekend", "--context", "-1").code == 3


def test_memory_show_tells_the_date_a_message_is_about(run_cli, tmp_path):
    _import(run_cli, tmp_path)
    found = run_cli("search", "Pen y Fan climb", "-k", "1", "--json").json()["results"][0]
    shown = run_cli("memory", "show", str(found["id"]))
    assert "tells of: 2023-07-05" in shown.out
    assert run_cli("memory", "show", str(found["id"]), "--json").json()["about"] == "2023-07-05"


def _nina(text: str) -> Memory:
    """Nina's message said on 2023-07-06 09:00 UTC, telling of the day before."""
    said = 1688634000.0
    return Memory(1, "message", f"Nina: {text}", said, None, 7.0, 0, False, "active", speaker="Nina",
                  about=((said - 9 * 3600 - 86400, said - 9 * 3600),))


def test_the_reader_sees_when_a_message_was_said_and_what_day_it_is_about():
    memory = _nina("We climbed Pen y Fan yesterday")
    assert format_memory(1, Hit(memory, 1.0, 1.0, None)).startswith("[1] (said 2023-07-06, about 2023-07-05) Nina:")


def test_the_reader_reads_the_day_in_place_of_the_words_that_tell_of_it():
    # A 1.5B reader told "said July 9, about November 2023, July 8" answered "When did Olu hand in his
    # notice?" with "Yesterday"; so it did with "yesterday (July 8, 2023)". It reads the day itself.
    said = 1688898240.0  # 2023-07-09 10:24 UTC
    day = 86400
    july_8 = said - 10 * 3600 - 24 * 60 - day
    november = (1698796800.0, 1701388800.0)  # 2023-11
    memory = Memory(1, "message", "Olu: moving in November. handed my notice in yesterday", said, None, 7.0, 0,
                    False, "active", speaker="Olu", about=(november, (july_8, july_8 + day)))
    assert format_memory(1, Hit(memory, 1.0, 1.0, None), spoken=True) == (
        "[1] (said July 9, 2023) Olu: moving in November 2023. handed my notice in on July 8, 2023")
    # What is shown to the user, and a day the memory does not hold, stay as they were.
    assert format_memory(1, Hit(memory, 1.0, 1.0, None)).startswith("[1] (said 2023-07-09, about 2023-11, 2023-07-08) Olu:")
    only_november = Memory(1, "message", memory.text, said, None, 7.0, 0, False, "active", speaker="Olu",
                           about=(november,))
    assert format_memory(1, Hit(only_november, 1.0, 1.0, None), spoken=True).endswith(
        "moving in November 2023. handed my notice in yesterday")


def test_the_reader_is_told_what_it_could_not_be_shown_in_place():
    memory = _nina("We went up Pen y Fan")
    assert format_memory(1, Hit(memory, 1.0, 1.0, None), spoken=True).startswith(
        "[1] (said July 6, 2023, about July 5, 2023) Nina: We went up Pen y Fan")


def test_the_support_check_accepts_the_resolved_date():
    from second_me.text.support import Support

    memory = _nina("We climbed Pen y Fan yesterday")
    support = Support([format_memory(1, Hit(memory, 1.0, 1.0, None))])
    assert support.check("Nina climbed Pen y Fan on 2023-07-05.").supported
    assert not support.check("Nina climbed Pen y Fan on 2023-07-02.").supported


def test_the_sentences_that_matter_carry_their_day_in_place_too():
    from second_me.domain import Evidence
    from second_me.models.fake import FakeChatModel
    from second_me.retrieval.compose import reader_messages
    from second_me.retrieval.intent import intent_of

    said = 1688634000.0  # 2023-07-06 09:00 UTC
    sentence = Evidence("We climbed Pen y Fan yesterday", 1, "chat · Nina · 2023-07-06", "message", "Nina",
                        created_at=said, about="2023-07-05")
    question = "When did Nina climb Pen y Fan?"
    prompt = reader_messages(question, intent_of(question), [sentence], [], {1: 1}, FakeChatModel(), 100)[1].content
    assert "- [1] Nina said (July 6, 2023): We climbed Pen y Fan on July 5, 2023" in prompt


def test_a_logs_entry_is_given_the_reader_with_its_own_day_not_its_files():
    from second_me.domain import Evidence
    from second_me.models.fake import FakeChatModel
    from second_me.retrieval.compose import reader_messages
    from second_me.retrieval.intent import intent_of

    entry = Evidence("- 2026-11-01: 129/82", 1, "health.md:7", "chunk", created_at=1796601600.0)  # saved 7 Dec
    question = "What's my latest blood pressure reading?"
    prompt = reader_messages(question, intent_of(question), [entry], [], {1: 1}, FakeChatModel(), 100)[1].content
    assert "- [1] (November 1, 2026): - 2026-11-01: 129/82" in prompt


def test_a_span_and_a_preposition_before_the_words_read_as_people_write_them():
    from second_me.retrieval.context import dates_in_place
    from second_me.text.event_dates import event_dates

    said = 1688634000.0  # Thursday 2023-07-06
    text = "we were in Whitby last weekend and it has rained since yesterday"
    told = [describe_span(span.start, span.end) for span in event_dates(text, said)]
    assert dates_in_place(text, said, told) == (
        "we were in Whitby between July 1, 2023 and July 2, 2023 and it has rained since July 5, 2023", True)
    for month in ("October", "october"):  # the day is found without its "on"
        text = f"I signed up for the Cardiff half marathon on {month} 4. I can run 12k now"
        told = [describe_span(span.start, span.end) for span in event_dates(text, said)]
        assert dates_in_place(text, said, told) == (
            "I signed up for the Cardiff half marathon on October 4, 2023. I can run 12k now", True)
    # A date in figures after "to": "moved to October 21, 2023", not "moved to on October 21, 2023".
    text = "Riverside Dental: Your appointment has been moved to 21/10/2023 at 11:00."
    told = [describe_span(span.start, span.end) for span in event_dates(text, said)]
    assert dates_in_place(text, said, told) == (
        "Riverside Dental: Your appointment has been moved to October 21, 2023 at 11:00.", True)


def test_the_reader_is_told_the_title_of_the_imported_chat_a_turn_comes_from():
    # "How much was the flat in Lisbon?" over "we booked a flat in Graça for 5 nights, 640 euros total" in
    # the ChatGPT chat "Lisbon trip": told nothing of Lisbon, a 1.5B reader said it did not know.
    from second_me.domain import ConversationOrigin
    from second_me.models.fake import FakeChatModel
    from second_me.retrieval.compose import reader_messages
    from second_me.domain import assistant_chat_title as chat_title
    from second_me.retrieval.intent import intent_of

    assert chat_title("ChatGPT: Lisbon trip (2026-03-10)") == "Lisbon trip"
    assert chat_title("Telegram: Tomás") == "" and chat_title("WhatsApp: Family 🏡") == ""  # named by who is in them
    assert chat_title("Claude: Untitled (2026-01-01)") == "" and chat_title("chat with Mei 2025-03-22") == ""
    said = 1773178380.0  # 2026-03-10 21:33 UTC
    memory = Memory(1, "message", "me: we booked a flat in Graça for 5 nights, 640 euros total", said, None, 7.0, 0,
                    False, "active", speaker="me")
    question = "How much was the flat in Lisbon?"
    titled = "(March 10, 2026, in the chat “Lisbon trip”) me:"
    for conversation, shown in [("ChatGPT: Lisbon trip (2026-03-10)", titled), ("weekend", "(March 10, 2026) me:")]:
        hit = Hit(memory, 1.0, 1.0, ConversationOrigin(conversation, "m1", "me", "2026-03-10T21:33:00+00:00"))
        prompt = reader_messages(question, intent_of(question), [], [hit], {1: 1}, FakeChatModel(), 100)[1].content
        assert f"[1] {shown} we booked a flat" in prompt
