"""Questions about the memory itself: what it holds, what it says of the user, and a greeting, a
thanks or a call for help, answered by rule, never refused, and never stored as memories."""

from datetime import datetime, timezone

from second_me.domain import Turn
from second_me.memory.summary_tree import SummaryTree
from second_me.retrieval.about_memory import ABOUT_ME, NOTES_SUMMED, OVERVIEW, memory_question, title_of
from second_me.text.small_talk import GREETING, HELP, THANKS


def _ts(day: str) -> float:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=timezone.utc).timestamp()


def test_what_a_question_about_the_memory_itself_asks():
    for asked, kind in [("What's in my notes?", OVERVIEW), ("what are my notes about", OVERVIEW),
                        ("What do you know?", OVERVIEW), ("What have I saved?", OVERVIEW),
                        ("What is in my memory?", OVERVIEW), ("What do you know about me?", ABOUT_ME),
                        ("Tell me about myself.", ABOUT_ME), ("Who am I?", ABOUT_ME), ("hi", GREETING),
                        ("Hello there!", GREETING), ("thanks!", THANKS), ("Thank you so much", THANKS),
                        ("help", HELP), ("What can you do?", HELP), ("Summarize my notes", NOTES_SUMMED),
                        ("give me a summary of all my notes.", NOTES_SUMMED), ("sum up my files", NOTES_SUMMED)]:
        assert memory_question(asked) == kind, asked
    for other in ["What do you know about Sam?", "What's in my notes on the boiler?", "Hi Sam, how was the move?",
                  "help me write a packing list", "Thanks to Jo we got the flat", "Who am I meeting on Friday?",
                  "What did I save for the deposit?", "Summarize my notes on the boiler",
                  "Summarize my sourdough notes"]:
        assert memory_question(other) is None, other


def test_my_notes_summed_up_are_each_files_opening_lines(services, notes):
    # "Summarize my notes" read the best note whole and left the others out; each file's opening is quoted now.
    services.indexing.add([notes])
    summed = services.answering.ask("Summarize my notes", remember=False)
    assert summed.text.startswith("Your notes, the opening lines of each of 3 files")
    assert {item.source.split(":")[0].rsplit("/", 1)[-1] for item in summed.evidence} == \
        {"bicycle.md", "sourdough.md", "travel.md"}
    one = services.answering.ask("Summarize my sourdough notes", remember=False)  # one note: read whole
    assert not one.text.startswith("Your notes") and "12 to 14 hours" in one.text


def test_a_note_is_called_by_its_first_heading_or_else_its_first_line():
    assert title_of("# Travel checklist\n\nPassport, charger") == "Travel checklist"
    assert title_of("\nPassport, charger, adapter plug") == "Passport, charger, adapter plug"
    assert title_of("x" * 80).endswith("…") and len(title_of("x" * 80)) == 60


def test_the_memory_says_what_it_holds_and_what_it_knows_of_the_user(services, notes, clock):
    assert services.answering.ask("What's in my notes?", remember=False).text.startswith("Your memory is empty")
    services.indexing.add([notes])
    turns = [Turn("Telegram: Tomás", speaker, words, at, "user" if speaker == "Ana" else "other", str(n))
             for n, (speaker, words, at) in enumerate([
                 ("Ana", "I finally started bouldering at the wall on Kings Road", _ts("2026-04-02")),
                 ("Tomás", "I broke my wrist on Saturday, fell off my bike", _ts("2026-07-03"))])]
    services.conversations.log.add_turns(turns, clock.timestamp())
    held = services.answering.ask("What's in my notes?", remember=False)
    assert not held.abstained and held.text.startswith("Your memory holds 3 files and 1 conversation.")
    assert "travel.md: “Travel checklist”" in held.text
    assert "- Telegram: Tomás: 2 messages, 2026-04-02 to 2026-07-03" in held.text
    unknown = services.answering.ask("What do you know about me?", remember=False)
    assert unknown.text.startswith("I have no portrait of you yet") and "Your memory holds" in unknown.text
    SummaryTree(services.store, lambda: services.embedder, None, 30.0).refresh(clock.timestamp())
    known = services.answering.ask("What do you know about me?", remember=False)
    assert known.text.startswith("What your memory says of you, from the portrait")
    assert "bouldering" in known.text and known.citations[0].memory.kind == "portrait"
    # Each piece quoted on its own; the user's own turns without "Ana:" before them, which is who "you" is.
    assert "“I finally started bouldering at the wall on Kings Road" in known.text and "Ana:" not in known.text
    assert len(known.evidence) > 1


def test_a_greeting_is_answered_and_remembered_by_nobody(services, notes):
    services.indexing.add([notes])
    before = services.store.kind_counts(("message", "chunk"))
    hello = services.answering.ask("hi", conversation="app", remember=False)
    assert hello.text.startswith("Hello!") and not hello.abstained
    assert services.answering.ask("thanks!", conversation="app", remember=False).text == "You're welcome."
    assert services.store.kind_counts(("message", "chunk")) == before
