"""The chat screen: the chat list on the left, the conversation, the question box.

Answers are produced in a thread worker that streams pieces to the answer widget as
messages; Esc sets a cancel flag the worker checks on every token, and freezes the
answer at once. The step the model is in may still take a moment (a reader's check of the
evidence is one evaluation that cannot be cut short): a question sent meanwhile is asked as soon
as it ends, and one sent while an answer is still coming stays in the box. Every other worker
posts what it found as a message of this screen.
"""

from __future__ import annotations

import threading
from typing import Optional

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from second_me.domain import Answer, Asked, Hit
from second_me.errors import Cancelled
from second_me.services import cited_sources, evidence_entries, shown_quote
from second_me.tui.backend import one_line
from second_me.tui.format import evidence_label, hit_label
from second_me.tui.screens.dialogs import Confirm, TextPrompt
from second_me.tui.widgets.chat_list import ChatList
from second_me.tui.widgets.prompt import PromptInput
from second_me.tui.widgets.status import StatusBar
from second_me.tui.widgets.turn_log import TurnLog
from second_me.tui.widgets.turns import AnswerTurn, CitationList
from second_me.tui.work import ReportsWorkerErrors

STILL_ANSWERING = "still answering: Esc stops it"
STOPPING = "stopping the answer: a moment"


class ChatScreen(ReportsWorkerErrors, Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("escape", "stop", "Stop", show=False),
        Binding("ctrl+n", "new_chat", "New chat"),
        Binding("ctrl+r", "rename_chat", "Rename", show=False),
        Binding("ctrl+b", "toggle_sidebar", "Chats", show=False),
        Binding("ctrl+o", "sources", "Sources"),
        Binding("ctrl+y", "copy_answer", "Copy", priority=True, show=False),
        Binding("delete", "delete_chat", "Delete chat", show=False),
    ]

    class ChatsLoaded(Message):
        def __init__(self, chats: list, open_name: Optional[str]):
            super().__init__()
            self.chats, self.open_name = chats, open_name

    class ChatLoaded(Message):
        def __init__(self, name: str, turns: list, sources: dict):
            super().__init__()
            self.name, self.turns, self.sources = name, turns, sources

    class ChatsChanged(Message):
        """A chat was stored, renamed or deleted (`deleted`: its name): the list is reloaded."""

        def __init__(self, deleted: Optional[str] = None):
            super().__init__()
            self.deleted = deleted

    class Answered(Message):
        """The answer worker ended: with an answer, an error, or stopped (neither)."""

        def __init__(self, answer: Optional[Answer] = None, error: Optional[BaseException] = None):
            super().__init__()
            self.answer, self.error = answer, error

    def __init__(self, conversation: Optional[str] = None):
        super().__init__()
        self.initial_conversation = conversation
        self.conversation: Optional[str] = None  # the name of the open chat; None until its first question
        self.cancel: Optional[threading.Event] = None
        self.current: Optional[AnswerTurn] = None
        self.queued: Optional[str] = None  # sent while a stopped answer was letting go of the model
        self.questions: list[Asked] = []  # asked in this chat since it was opened: what a follow-up leans on

    # ---- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield ChatList(id="sidebar")
            with Vertical(id="chat"):
                yield TurnLog(id="log")
                yield PromptInput(id="prompt", placeholder="Ask your memory… (Enter sends, Ctrl+J new line)")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PromptInput).focus()
        # The app was asked to resume a conversation (`second-me chat --conversation ID`).
        self.refresh_conversations(open_key=self.initial_conversation or getattr(self.app, "initial_conversation", None))

    def on_unmount(self) -> None:
        if self.cancel is not None:  # leaving the app: stop the model, the store is about to close
            self.cancel.set()

    @property
    def log_view(self) -> TurnLog:
        return self.query_one(TurnLog)

    @property
    def chat_list(self) -> ChatList:
        return self.query_one(ChatList)

    @property
    def conversations(self):
        return self.app.backend.chats()

    def _busy(self) -> bool:
        if self.cancel is not None:
            self.notify(STOPPING if self.cancel.is_set() else STILL_ANSWERING, severity="warning")
        return self.cancel is not None

    # ---- chats --------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, exclusive=True, group="chat-list")
    def refresh_conversations(self, open_key: Optional[str] = None) -> None:
        chats = self.conversations
        opened = chats.find(open_key).name if open_key is not None else None
        self.post_message(self.ChatsLoaded(chats.list(), opened))

    def on_chat_screen_chats_loaded(self, message: ChatsLoaded) -> None:
        self.chat_list.show(message.chats, self.conversation)
        if message.open_name is not None:
            self.load_conversation(message.open_name)

    def on_chat_screen_chats_changed(self, message: ChatsChanged) -> None:
        if message.deleted is not None:
            if message.deleted == self.conversation:
                self.run_worker(self.action_new_chat())
            self.notify("chat deleted", timeout=2)
        self.refresh_conversations()

    @on(ChatList.Opened)
    def _open_selected(self, event: ChatList.Opened) -> None:
        if self._busy():
            return
        self.load_conversation(event.name)
        self.query_one(PromptInput).focus()

    @work(thread=True, exit_on_error=False, exclusive=True, group="chat-load")
    def load_conversation(self, name: str) -> None:
        turns = self.conversations.chat_turns(name)
        hits = self.app.backend.services.hits_for
        sources = {i: [(n, hit, hit_label(hit)) for n, hit in cited_sources(t.text, hits(list(t.cited)))]
                   for i, t in enumerate(turns) if t.cited}
        self.post_message(self.ChatLoaded(name, turns, sources))

    async def on_chat_screen_chat_loaded(self, message: ChatLoaded) -> None:
        self.conversation = message.name
        self.questions = []
        self.query_one(PromptInput).asked.extend(await self.log_view.show(message.turns, message.sources))
        self.chat_list.highlight(self.conversation)

    async def action_new_chat(self) -> None:
        if self._busy():
            return
        self.conversation = None
        self.questions = []
        await self.log_view.clear()
        self.chat_list.highlight(None)
        self.query_one(PromptInput).focus()

    def action_rename_chat(self) -> None:
        if self.conversation is None:
            self.notify("ask something first: a new chat is saved with its first question", severity="warning")
            return
        name = self.conversation

        def done(title: str | None) -> None:
            if title:
                self._rename(name, title)

        self.app.push_screen(TextPrompt("Rename this chat", self.chat_list.title_of(name)), done)

    @work(thread=True, exit_on_error=False, group="conversations")
    def _rename(self, name: str, title: str) -> None:
        self.conversations.rename(name, title)
        self.post_message(self.ChatsChanged())

    def action_delete_chat(self) -> None:
        target = self.chat_list.selected() or self.conversation
        if target is None:
            self.notify("no saved chat selected", severity="warning")
            return

        def done(yes: bool) -> None:
            if yes:
                self._delete(target)

        self.app.push_screen(Confirm("Delete this chat and all its turns?"), done)

    @work(thread=True, exit_on_error=False, group="conversations")
    def _delete(self, name: str) -> None:
        self.conversations.delete(name)
        self.post_message(self.ChatsChanged(deleted=name))

    def action_toggle_sidebar(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-show-sidebar")
        else:
            self.toggle_class("-hide-sidebar")

    # ---- asking -----------------------------------------------------------------------

    @on(PromptInput.Submitted)
    async def _ask(self, event: PromptInput.Submitted) -> None:
        if self.cancel is not None and self.cancel.is_set():
            self.queued = event.text  # asked when the stopped answer ends (`on_chat_screen_answered`)
            self.app.set_state("stopping… your question is next")
            return
        if self._busy():
            event.prompt.keep(event.text)  # not lost: sent again with Enter once this answer is done
            return
        await self._start(event.text)

    async def _start(self, question: str) -> None:
        waiting = "thinking…" if self.app.backend.models_ready.is_set() else "waiting for the model to load…"
        self.current = await self.log_view.ask(question, waiting)
        self.cancel = threading.Event()
        self.app.set_state("answering…")
        earlier, self.questions = self.questions, self.questions + [Asked(question)]
        self.answer(question, self.current, self.cancel, earlier)

    @work(thread=True, exit_on_error=False, group="answer")
    def answer(self, question: str, view: AnswerTurn, cancel: threading.Event, earlier: list[Asked]) -> None:
        backend = self.app.backend
        try:
            if not backend.models_ready.is_set():
                backend.load_models()
                view.post_message(AnswerTurn.State("thinking…"))
            if cancel.is_set():
                raise Cancelled("stopped")

            def on_token(piece: str) -> None:
                if cancel.is_set():
                    raise Cancelled("stopped")  # closes the model's stream inside ask()
                if piece:
                    view.post_message(AnswerTurn.Piece(piece))

            def on_reading(quotes: str) -> None:
                if cancel.is_set():
                    raise Cancelled("stopped")
                view.post_message(AnswerTurn.Reading(quotes))

            with backend.answering():
                result = backend.services.answering.ask(question, on_token=on_token, on_reading=on_reading,
                                                        earlier=earlier)
        except Cancelled:
            self._save_question(question)
            self._save_answer(view.text.strip() + " …(stopped)" if view.text.strip() else "(stopped)")
            self.post_message(self.Answered())
            return
        except Exception as exc:
            view.post_message(AnswerTurn.Finished(note=f"error: {one_line(exc)}"))
            self.post_message(self.Answered(error=exc))
            return
        # Stored after answering: a question must not be found as the source of its own answer.
        self._save_question(question)
        self._save_answer(result.text, tuple(hit.memory.id for hit in result.citations))
        rows = evidence_rows(result)
        view.post_message(AnswerTurn.Finished(result.text, rows, answer_note(result, bool(rows))))
        self.post_message(self.Answered(result))

    def _save_question(self, question: str) -> None:
        chats = self.conversations
        if self.conversation is None:
            self.conversation = chats.new_name()
        chats.add_chat_turn(self.conversation, "user", question, title_from=question)
        self.post_message(self.ChatsChanged())

    def _save_answer(self, text: str, cited: tuple[int, ...] = ()) -> None:
        if self.conversation is not None:
            self.conversations.add_chat_turn(self.conversation, "assistant", text, cited)

    async def on_chat_screen_answered(self, message: Answered) -> None:
        if message.error is not None:
            self.app.report_error(message.error)
        elif message.answer is not None:
            self.app.refresh_status()
            if self.questions:  # what it quoted is what "and when?" asks more of
                quoted = tuple(hit.memory.id for hit in message.answer.citations)
                self.questions[-1] = Asked(self.questions[-1].question, quoted)
        self.cancel = None
        self.app.set_state("ready" if self.app.backend.models_ready.is_set() else "loading model…")
        self.log_view.scroll_end(animate=False)
        if self.queued is not None:
            question, self.queued = self.queued, None
            await self._start(question)

    async def action_stop(self) -> None:
        if self.cancel is None or self.current is None:
            return
        self.cancel.set()
        await self.current.stop()
        if self.cancel is not None:  # the worker may have ended meanwhile
            self.app.set_state("stopping…")

    # ---- sources ----------------------------------------------------------------------

    @on(CitationList.Opened)
    def _open_source(self, event: CitationList.Opened) -> None:
        from second_me.tui.screens.source import SourceScreen

        self.app.push_screen(SourceScreen(event.hit))

    def action_sources(self) -> None:
        answer = self.log_view.last_answer()
        citations = answer.citations if answer else None
        if citations is None:
            self.notify("the last answer has no sources", severity="warning")
            return
        citations.focus()
        if citations.highlighted is None:
            citations.highlighted = 0

    def action_copy_answer(self) -> None:
        answer = self.log_view.last_answer()
        if answer is None or not answer.text:
            self.notify("no answer to copy yet", severity="warning")
            return
        answer.copy()


def evidence_rows(answer: Answer) -> list[tuple[int, Hit, str]]:
    """The answer's evidence under it: the quote beside its source unless the answer shows it already."""
    rows = [(n, hit, evidence_label(item.source, "" if (shown := shown_quote(item)) in answer.text else shown))
            for n, hit, item in evidence_entries(answer)]
    return rows or [(n, hit, hit_label(hit)) for n, hit in cited_sources(answer.text, list(answer.citations))]


def answer_note(result, has_sources: bool) -> str:
    """The line under an answer: how a follow-up was asked, and, when memory does not hold the answer,
    what its sources are: none, or whose words they are ("That was Kwame, not you: …" quotes his)."""
    refused = ("memory does not hold the answer; the source is whose it was" if has_sources
               else "no sources: memory does not hold the answer") if result.abstained else ""
    return " · ".join(part for part in (f"asked as “{result.asked_as}”" if result.asked_as else "", refused) if part)
