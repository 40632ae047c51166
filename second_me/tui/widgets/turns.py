"""One chat turn on screen: the question, or the answer streaming in with its sources below."""

from __future__ import annotations

import re
from typing import Optional

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from second_me.domain import Hit


class UserTurn(Vertical):
    def __init__(self, text: str):
        super().__init__(classes="turn user-turn")
        self.text = text

    def compose(self) -> ComposeResult:
        yield Label("you", classes="speaker")
        yield Static(self.text, markup=False, classes="user-text")


class CitationList(OptionList):
    """The evidence of one answer, each with where it stands; Enter (or a click) opens its memory.

    Built from (n, hit, label) rows: the label is the quote and its source, or the source alone
    when the answer already shows the quote."""

    BINDINGS = [("c", "copy_answer", "Copy answer")]

    class Opened(Message):
        def __init__(self, hit: Hit):
            super().__init__()
            self.hit = hit

    def __init__(self, rows: list[tuple[int, Hit, str]]):
        # Two sentences quoted from one line would show the same row twice: one row says it; from
        # two lines of one memory, one row says both lines ("sourdough.md:10, 11"), even when a quote
        # of another memory stands between them.
        rows = list({(n, label): (n, hit, label) for n, hit, label in rows}.values())
        merged: list[tuple[int, Hit, str]] = []
        for n, hit, label in rows:
            for at, (number, first, shown) in enumerate(merged):
                lines = _more_lines(shown, label) if number == n else None
                if lines:
                    merged[at] = (n, first, lines)
                    break
            else:
                merged.append((n, hit, label))
        rows = merged
        super().__init__(*[Option(f"[{n}] {label}") for n, _, label in rows], classes="citations")
        self.hits = [hit for _, hit, _ in rows]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(self.hits[event.option_index]))

    def action_copy_answer(self) -> None:
        answer = self.parent
        if isinstance(answer, AnswerTurn):
            answer.copy()


_FILE_LINES = re.compile(r"^(?P<path>.+):(?P<lines>\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)$")


def _more_lines(shown: str, label: str) -> Optional[str]:
    """`shown` with the line(s) of `label` added, when both are lines of one file and nothing else."""
    first, second = _FILE_LINES.match(shown), _FILE_LINES.match(label)
    if not first or not second or first["path"] != second["path"]:
        return None
    lines = dict.fromkeys(f"{first['lines']}, {second['lines']}".split(", "))
    return f"{first['path']}:{', '.join(sorted(lines, key=lambda part: int(part.split('-')[0])))}"


def _markdown():
    """Markdown (markdown-it, pygments) is imported with the first answer, not before first paint."""
    from textual.widgets import Markdown

    return Markdown


class AnswerTurn(Vertical):
    """An answer: its state line while waiting, Markdown as it streams, then its citations.

    The worker writing the answer sends it `Piece`s, `State`s and at last `Finished` as messages
    (from its thread): one queue, so they are shown in the order they were written."""

    class Piece(Message, bubble=False):
        def __init__(self, text: str):
            super().__init__()
            self.text = text

    class State(Message, bubble=False):
        def __init__(self, state: str):
            super().__init__()
            self.state = state

    class Reading(Message, bubble=False):
        """The quotes a capable reader is reading: shown while it reads (seconds), until its answer begins."""

        def __init__(self, quotes: str):
            super().__init__()
            self.quotes = quotes

    class Finished(Message, bubble=False):
        """Sent after the last piece, so the answer settles only once every piece is shown."""

        def __init__(self, text: str | None = None, citations: list[tuple[int, Hit, str]] = (), note: str = ""):
            super().__init__()
            self.text, self.citations, self.note = text, citations, note

    def __init__(self, text: str = "", state: str = ""):
        super().__init__(classes="turn answer-turn")
        self.text = text
        self._initial_state = state
        self.finished = bool(text) and not state
        self.stopped = False
        self._stream = None

    def compose(self) -> ComposeResult:
        yield Label("second-me", classes="speaker")
        yield _markdown()(self.text, classes="answer-text")
        yield Label(self._initial_state, classes="answer-state")
        yield Static("", classes="answer-reading", markup=False)

    def on_mount(self) -> None:
        self.query_one(".answer-state", Label).display = bool(self._initial_state)
        self.query_one(".answer-reading", Static).display = False

    async def on_answer_turn_piece(self, message: Piece) -> None:
        await self.write(message.text)

    def on_answer_turn_state(self, message: State) -> None:
        self.set_state(message.state)

    def on_answer_turn_reading(self, message: Reading) -> None:
        if self.stopped or self.finished or self._stream is not None:
            return
        self.set_state("reading what memory says…")
        reading = self.query_one(".answer-reading", Static)
        reading.update(message.quotes)
        reading.display = True

    @property
    def reading(self) -> str:
        """The quotes shown while a capable reader reads them; "" once its answer is shown."""
        shown = self.query_one(".answer-reading", Static)
        return str(shown.content) if shown.display else ""

    def _done_reading(self) -> None:
        self.query_one(".answer-reading", Static).display = False

    async def on_answer_turn_finished(self, message: Finished) -> None:
        await self.finish(message.text, message.citations, message.note)

    def set_state(self, state: str) -> None:
        label = self.query_one(".answer-state", Label)
        label.update(state)
        label.display = bool(state)

    async def write(self, piece: str) -> None:
        """Append a streamed piece (ignored once the user stopped this answer)."""
        if self.stopped or self.finished:
            return
        if self._stream is None:
            self.set_state("")
            self._done_reading()
            markdown = _markdown()
            self._stream = markdown.get_stream(self.query_one(".answer-text", markdown))
        self.text += piece
        await self._stream.write(piece)

    async def finish(self, text: str | None = None, citations: list[tuple[int, Hit, str]] = (),
                     note: str = "") -> None:
        """The answer is complete: settle its text (the model's final form) and show its sources."""
        await self._end_stream()
        self._done_reading()
        if text is not None and text != self.text:
            self.text = text
            await self.query_one(".answer-text", _markdown()).update(text)
        self.set_state(note)
        if citations:
            await self.mount(CitationList(list(citations)))
        self.finished = True  # last: whoever waits for a finished answer finds its sources there too

    async def stop(self) -> None:
        """Stopped by the user: freeze what is shown, at once."""
        self.stopped = True
        await self._end_stream()
        self.set_state("stopped")

    async def _end_stream(self) -> None:
        if self._stream is not None:
            stream, self._stream = self._stream, None
            await stream.stop()

    def copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.app.notify("answer copied to the clipboard", timeout=2)

    @property
    def citations(self) -> CitationList | None:
        found = self.query(CitationList)
        return found.first() if found else None
