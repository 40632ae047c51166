"""The chat flow: ask → streamed answer → citations → source preview; Esc; conversations."""

from __future__ import annotations

import threading

import pytest

from second_me.errors import StorageError
from second_me.models.fake import FakeChatModel
from second_me.tui.app import SecondMeApp
from second_me.tui.screens.source import SourceScreen
from second_me.tui.widgets.prompt import PromptInput
from second_me.tui.widgets.turns import AnswerTurn

from .conftest import ready, wait_for

pytestmark = pytest.mark.asyncio

QUESTION = "how often do I feed the sourdough starter"


def chats(services):
    return services.conversations


def last_answer(app) -> AnswerTurn:
    return app.screen.query(AnswerTurn).last()


async def send(pilot, text: str) -> None:
    """Type a question into the box once the models are ready, and send it."""
    await wait_for(pilot, lambda: ready(pilot.app), "models")
    await pilot.click(PromptInput)
    await pilot.press(*text, "enter")


async def ask(pilot, text: str = QUESTION) -> AnswerTurn:
    app = pilot.app
    await send(pilot, text)
    await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and last_answer(app).finished, "the answer")
    return last_answer(app)


def held_reader(services) -> threading.Event:
    """A capable reader that "reads" (its check of the evidence waits) until the event is set."""
    release = threading.Event()

    def judge(messages) -> float:
        release.wait(timeout=60)
        return 0.9

    services._chat = FakeChatModel(reply="12 to 14 hours in the fridge [1].", parameters=1_500_000_000, judge=judge)
    return release


async def test_a_capable_readers_quotes_are_shown_while_it_reads_then_its_answer(make_app, indexed):
    release = held_reader(indexed)  # until the test has seen its quotes on screen
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await send(pilot, "how long do I proof the dough?")
        try:
            await wait_for(pilot, lambda: app.screen.query(AnswerTurn)
                           and "12 to 14 hours" in last_answer(app).reading, "the quotes being read")
            reading = last_answer(app)
            assert not reading.finished and reading.reading.startswith("“")
            assert "reading" in str(reading.query_one(".answer-state").render())
        finally:
            release.set()
        await wait_for(pilot, lambda: last_answer(app).finished, "the answer")
        answer = last_answer(app)
        assert answer.reading == "" and answer.text.startswith("12 to 14 hours")


async def test_ask_streams_an_answer_with_citations_and_opens_a_source(make_app, indexed):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        answer = await ask(pilot)
        # The small model's answer is the quote itself; under it, where the quote stands.
        assert answer.text.startswith("“Feed the starter the night before")
        citations = answer.citations
        assert citations is not None and "sourdough.md:" in str(citations.get_option_at_index(0).prompt)
        recalls_before = citations.hits[0].memory.recall_count

        await pilot.press("ctrl+o", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "the source preview")
        title = str(app.screen.query_one("#source-title").render())
        assert "notes/sourdough.md:" in title
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)
        await pilot.pause()

    saved = chats(indexed).list()
    assert len(saved) == 1 and saved[0].title.startswith("how often do I feed")
    turns = chats(indexed).chat_turns(saved[0].name)
    assert [t.role for t in turns] == ["user", "assistant"] and turns[1].cited
    # Opening a source is a recall: the memory got stronger.
    assert indexed.store.get(citations.hits[0].memory.id).recall_count > recalls_before


async def test_esc_stops_the_answer_at_once(make_app, indexed):
    # A capable reader writing a long answer: a sentence the note supports, then one that goes on and on
    # (a reader saying the same sentence again would be stopped by second-me itself).
    slow = FakeChatModel(reply="Feed the starter the night before. " + "It is ready when it has doubled and " * 400,
                         delay=0.01, parameters=1_500_000_000, judge=0.9)
    indexed._chat = slow
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: ready(app), "models")
        await pilot.press(*QUESTION, "enter")
        await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and "night before" in last_answer(app).text,
                       "streaming")
        await pilot.press("escape")
        answer = last_answer(app)
        shown = answer.text
        assert answer.stopped and "stopped" in str(answer.query_one(".answer-state").render())
        await wait_for(pilot, lambda: app.screen.cancel is None, "the worker to stop")
        assert answer.text == shown and "doubled" not in shown
    turns = chats(indexed).chat_turns(chats(indexed).list()[0].name)
    assert turns[-1].text.endswith("(stopped)")


async def test_a_question_sent_while_a_stopped_answer_lets_go_is_asked_next(make_app, indexed):
    # A reader's check of the evidence is one evaluation Esc cannot cut short: the answer is shown
    # stopped at once, and a question sent before the check ends is asked when it does, not dropped.
    release = held_reader(indexed)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await send(pilot, "how long do I proof the dough?")
        try:
            await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and last_answer(app).reading, "the quotes")
            await pilot.press(*"what temperature do I bake at?", "enter")
            # Still answering: the question stays in the box, to send once this answer is done.
            assert app.screen.query_one(PromptInput).text == "what temperature do I bake at?"
            assert len(app.screen.query(AnswerTurn)) == 1
            await pilot.press("escape")
            assert last_answer(app).stopped and app.status.state == "stopping…"
            await pilot.press("enter")
            assert app.screen.query_one(PromptInput).text == "" and app.status.state.startswith("stopping")
        finally:
            release.set()
        await wait_for(pilot, lambda: len(app.screen.query(AnswerTurn)) == 2 and last_answer(app).finished,
                       "the question sent while stopping")
        first, second = app.screen.query(AnswerTurn)
        assert first.stopped and "250 °C" in second.text
    turns = chats(indexed).chat_turns(chats(indexed).list()[0].name)
    assert [t.text for t in turns if t.role == "user"] == ["how long do I proof the dough?",
                                                           "what temperature do I bake at?"]


async def test_a_follow_up_in_the_chat_leans_on_the_question_before(make_app, indexed):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        first = await ask(pilot, "What temperature do I bake the bread at?")
        # What it quoted is what "and for how long?" asks more of.
        assert app.screen.questions[0].quoted == tuple(hit.memory.id for hit in first.citations.hits)
        answer = await ask(pilot, "and for how long?")
        assert len(app.screen.query(AnswerTurn)) == 2
        whole = indexed.answering.ask("For how long do I bake the bread?", remember=False)
        assert answer.text == whole.text
        assert "asked as “For how long do I bake the bread?”" in str(answer.query_one(".answer-state").render())
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: not app.screen.query(AnswerTurn), "a new chat")
        fresh = await ask(pilot, "and for how long?")  # a new chat has nothing before it to lean on
        assert "asked as" not in str(fresh.query_one(".answer-state").render())


async def test_nothing_in_memory_says_i_dont_know_without_sources(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        answer = await ask(pilot, "quantum chromodynamics lattice gauge")
        assert "don't know" in answer.text
        assert answer.citations is None


async def test_prompt_history_and_multiline(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, "first question")
        prompt = app.screen.query_one(PromptInput)
        await pilot.press("up")
        assert prompt.text == "first question"
        await pilot.press("down")
        assert prompt.text == ""
        await pilot.press("a", "ctrl+j", "b")
        assert prompt.text == "a\nb"


async def test_conversations_new_rename_delete_and_resume(make_app, indexed):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "bicycle tyre pressure")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*"Bike", "enter")
        await wait_for(pilot, lambda: [c.title for c in chats(indexed).list()] == ["Bike"], "rename")
        await pilot.press("ctrl+n")
        assert not app.screen.query(AnswerTurn)
        await ask(pilot, "travel plans")
        assert len(chats(indexed).list()) == 2
        app.screen.query_one("#conversations").focus()
        await pilot.press("delete", "y")
        await wait_for(pilot, lambda: len(chats(indexed).list()) == 1, "delete")
    bike = chats(indexed).list()[0]

    app = make_app(conversation=str(bike.id))
    async with app.run_test(size=(120, 40)) as pilot:
        # The past answer's sources are mounted after its text: wait for them, not just the turn.
        await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and last_answer(app).citations is not None,
                       "the resumed answer and its sources")
        answer = last_answer(app)
        assert [hit.origin.path.rsplit("/", 1)[-1] for hit in answer.citations.hits] == ["bicycle.md"]
        assert app.screen.conversation == bike.name


async def test_errors_are_notifications_not_crashes(tmp_path):
    def broken():
        raise StorageError("cannot open memory.db: wrong key")

    app = SecondMeApp(broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.status.state.startswith("error"), "the error")
        assert any("wrong key" in n.message for n in app._notifications)
        await pilot.press(*"hello", "enter")
        await wait_for(pilot, lambda: app.screen.query(AnswerTurn) and last_answer(app).finished, "the failed answer")
        assert app.is_running


async def test_two_quotes_from_one_line_are_one_source_row():
    from second_me.tui.widgets.turns import CitationList

    rows = CitationList([(1, "hit one", "notes/travel.md:7"), (1, "hit one", "notes/travel.md:7"),
                         (2, "hit two", "notes/travel.md:4")])
    assert rows.option_count == 2 and rows.hits == ["hit one", "hit two"]


async def test_two_lines_of_one_memory_are_one_source_row():
    from second_me.tui.widgets.turns import CitationList

    rows = CitationList([(3, "proofing", "notes/sourdough.md:10"), (3, "proofing", "notes/sourdough.md:11"),
                         (4, "baking", "notes/sourdough.md:15"), (4, "baking", "chat · me · 2024-05-02")])
    assert [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)] == [
        "[3] notes/sourdough.md:10, 11", "[4] notes/sourdough.md:15", "[4] chat · me · 2024-05-02"]
    assert rows.hits == ["proofing", "baking", "baking"]
    # A quote of another memory between two of one memory's: still one row, its lines in order.
    rows = CitationList([(1, "plan", "notes/Mum 60th.md:5"), (1, "plan", "notes/Mum 60th.md:6"),
                         (2, "chat", "WhatsApp: Costa Family · Rita · 2026-10-25 10:12"),
                         (1, "plan", "notes/Mum 60th.md:8"), (1, "plan", "notes/Mum 60th.md:4")])
    assert [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)] == [
        "[1] notes/Mum 60th.md:4, 5, 6, 8", "[2] WhatsApp: Costa Family · Rita · 2026-10-25 10:12"]


async def test_the_note_under_a_refusal_says_whose_its_source_is_when_it_has_one():
    """"That was Kwame Mensah, not you: “Hot. 33 degrees hot…” [1]" was noted "no sources: memory does not hold
    the answer" above its source row: the source it shows is whose it was."""
    from second_me.domain import Answer
    from second_me.tui.screens.chat import answer_note

    assert answer_note(Answer("I don't know", abstained=True), False) == "no sources: memory does not hold the answer"
    assert answer_note(Answer("That was Kwame, not you: “…” [1]", abstained=True), True) \
        == "memory does not hold the answer; the source is whose it was"
    assert answer_note(Answer("12 to 14 hours [1].", asked_as="For how long do I proof the dough?"), True) \
        == "asked as “For how long do I proof the dough?”"
