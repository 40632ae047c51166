"""The chat screen: conversations on the left, the answer log, the question box.

Answers are produced in a thread worker that streams pieces back to the event loop; Esc
sets a cancel flag the worker checks on every token, and freezes the answer at once.
"""

from __future__ import annotations

import threading
from typing import Optional

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from second_me.domain import Answer, Hit
from second_me.errors import Cancelled
from second_me.services import ChatTurn, cited_sources
from second_me.services.conversations import ConversationInfo, Conversations
from second_me.tui.backend import one_line
from second_me.tui.format import one_line_text
from second_me.tui.screens.dialogs import Confirm, TextPrompt
from second_me.tui.widgets.prompt import PromptInput
from second_me.tui.widgets.status import StatusBar
from second_me.tui.widgets.turns import AnswerTurn, CitationList, UserTurn

WELCOME = ("Ask anything about what you have told me or the files you have added. "
           "Answers cite their sources; select one to see it.")


class ChatScreen(Screen):
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

    def __init__(self, conversation: Optional[str] = None):
        super().__init__()
        self.initial_conversation = conversation
        self.conversation: Optional[str] = None  # the name of the open chat; None until its first question
        self.cancel: Optional[threading.Event] = None
        self.current: Optional[AnswerTurn] = None

    # ---- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="sidebar"):
                yield Label("Chats", classes="pane-title")
                yield OptionList(id="conversations")
            with Vertical(id="chat"):
                with VerticalScroll(id="log"):
                    yield Label(WELCOME, id="welcome")
                yield PromptInput(id="prompt", placeholder="Ask your memory… (Enter sends, Ctrl+J new line)")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#log", VerticalScroll).anchor()
        self.query_one(PromptInput).focus()
        # The app was asked to resume a conversation (`second-me chat --conversation ID`).
        select = self.initial_conversation or getattr(self.app, "initial_conversation", None)
        self.refresh_conversations(select=select)

    def on_unmount(self) -> None:
        if self.cancel is not None:  # leaving the app: stop the model, the store is about to close
            self.cancel.set()

    @property
    def log_view(self) -> VerticalScroll:
        return self.query_one("#log", VerticalScroll)

    @property
    def conversations(self) -> Conversations:
        return self.app.backend.chats()

    # ---- conversations ----------------------------------------------------------------

    @work(thread=True, exit_on_error=False, exclusive=True, group="chat-list")
    def refresh_conversations(self, select: Optional[str] = None) -> None:
        try:
            log = self.conversations
            chats = log.list()
            chosen = log.find(select) if select is not None else None
        except Exception as exc:  # shown, never a crash
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self._show_conversations, chats)
        if chosen is not None:
            self.load_conversation(chosen.name)

    def _show_conversations(self, chats: list[ConversationInfo]) -> None:
        options = self.query_one("#conversations", OptionList)
        options.clear_options()
        options.add_options([Option(one_line_text(c.title or c.name, 25), id=c.name) for c in chats])
        self._highlight_current()

    def _highlight_current(self) -> None:
        options = self.query_one("#conversations", OptionList)
        if self.conversation is None:
            options.highlighted = None
            return
        try:
            options.highlighted = options.get_option_index(self.conversation)
        except Exception:  # not in the list yet
            pass

    @on(OptionList.OptionSelected, "#conversations")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        if self.cancel is not None:
            self.notify("still answering: Esc stops it", severity="warning")
            return
        self.load_conversation(event.option.id)
        self.query_one(PromptInput).focus()

    @work(thread=True, exit_on_error=False, exclusive=True, group="chat-load")
    def load_conversation(self, name: str) -> None:
        try:
            turns = self.conversations.chat_turns(name)
            hits = {i: self.app.backend.services.hits_for(list(t.cited)) for i, t in enumerate(turns) if t.cited}
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self._show_turns, name, turns, hits)

    async def _show_turns(self, name: str, turns: list[ChatTurn], hits: dict[int, list[Hit]]) -> None:
        self.conversation = name
        log = self.log_view
        await log.remove_children()
        prompt = self.query_one(PromptInput)
        for index, turn in enumerate(turns):
            if turn.role == "user":
                await log.mount(UserTurn(turn.text))
                prompt.asked.append(turn.text)
            else:
                answer = AnswerTurn(turn.text)
                await log.mount(answer)
                numbered = cited_sources(turn.text, hits.get(index, []))
                if numbered:
                    await answer.mount(CitationList(numbered))
        if not turns:
            await log.mount(Label(WELCOME, id="welcome"))
        log.scroll_end(animate=False)
        self._highlight_current()

    async def action_new_chat(self) -> None:
        if self.cancel is not None:
            self.notify("still answering: Esc stops it", severity="warning")
            return
        self.conversation = None
        await self.log_view.remove_children()
        await self.log_view.mount(Label(WELCOME, id="welcome"))
        self._highlight_current()
        self.query_one(PromptInput).focus()

    def action_rename_chat(self) -> None:
        if self.conversation is None:
            self.notify("ask something first: a new chat is saved with its first question", severity="warning")
            return
        options = self.query_one("#conversations", OptionList)
        current = ""
        try:
            current = str(options.get_option(self.conversation).prompt)
        except Exception:
            pass

        def done(title: str | None) -> None:
            if title:
                self._rename(self.conversation, title)

        self.app.push_screen(TextPrompt("Rename this chat", current), done)

    @work(thread=True, exit_on_error=False, group="conversations")
    def _rename(self, name: str, title: str) -> None:
        try:
            self.conversations.rename(name, title)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.refresh_conversations()

    def action_delete_chat(self) -> None:
        options = self.query_one("#conversations", OptionList)
        target = self.conversation
        if options.has_focus and options.highlighted is not None:
            target = options.get_option_at_index(options.highlighted).id
        if target is None:
            self.notify("no saved chat selected", severity="warning")
            return

        def done(yes: bool) -> None:
            if yes:
                self._delete(target)

        self.app.push_screen(Confirm("Delete this chat and all its turns?"), done)

    @work(thread=True, exit_on_error=False, group="conversations")
    def _delete(self, name: str) -> None:
        try:
            self.conversations.delete(name)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        if name == self.conversation:
            self.app.call_from_thread(self.run_worker, self.action_new_chat())
        self.app.call_from_thread(self.notify, "chat deleted", timeout=2)
        self.refresh_conversations()

    def action_toggle_sidebar(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-show-sidebar")
        else:
            self.toggle_class("-hide-sidebar")

    # ---- asking -----------------------------------------------------------------------

    @on(PromptInput.Submitted)
    async def _ask(self, event: PromptInput.Submitted) -> None:
        if self.cancel is not None:
            self.notify("still answering: Esc stops it", severity="warning")
            return
        for welcome in self.query("#welcome"):
            await welcome.remove()
        log = self.log_view
        await log.mount(UserTurn(event.text))
        waiting = "thinking…" if self.app.backend.models_ready.is_set() else "waiting for the model to load…"
        self.current = AnswerTurn(state=waiting)
        await log.mount(self.current)
        log.scroll_end(animate=False)
        self.cancel = threading.Event()
        self.app.set_state("answering…")
        self.answer(event.text, self.current, self.cancel)

    @work(thread=True, exit_on_error=False, group="answer")
    def answer(self, question: str, view: AnswerTurn, cancel: threading.Event) -> None:
        call = self.app.call_from_thread
        backend = self.app.backend
        try:
            if not backend.models_ready.is_set():
                backend.load_models()
                call(view.set_state, "thinking…")
            if cancel.is_set():
                raise Cancelled("stopped")

            def on_token(piece: str) -> None:
                if cancel.is_set():
                    raise Cancelled("stopped")  # closes the model's stream inside ask()
                call(view.write, piece)

            with backend.answering():
                result = backend.services.answering.ask(question, on_token=on_token)
        except Cancelled:
            self._save_question(question)
            self._save_answer(view.text.strip() + " …(stopped)" if view.text.strip() else "(stopped)")
            call(self._answer_done)
            return
        except Exception as exc:
            call(self._answer_failed, view, exc)
            return
        # Stored after answering: a question must not be found as the source of its own answer.
        self._save_question(question)
        numbered = cited_sources(result.text, list(result.citations))
        self._save_answer(result.text, tuple(hit.memory.id for hit in result.citations))
        # The answer itself says why memory cannot answer; the note says what that means for sources.
        note = "no sources: memory does not hold the answer" if result.abstained else ""
        call(self._answer_finished, view, result, numbered, note)

    def _save_question(self, question: str) -> None:
        log = self.conversations
        if self.conversation is None:
            self.conversation = log.new_name()
        log.add_chat_turn(self.conversation, "user", question, title_from=question)
        self.refresh_conversations()

    def _save_answer(self, text: str, cited: tuple[int, ...] = ()) -> None:
        if self.conversation is not None:
            self.conversations.add_chat_turn(self.conversation, "assistant", text, cited)

    async def _answer_finished(self, view: AnswerTurn, result: Answer, numbered, note: str) -> None:
        await view.finish(result.text, numbered, note)
        self._answer_done()
        self.app.refresh_status()

    async def _answer_failed(self, view: AnswerTurn, exc: BaseException) -> None:
        await view.finish(note=f"error: {one_line(exc)}")
        self.app.report_error(exc)
        self._answer_done()

    def _answer_done(self) -> None:
        self.cancel = None
        self.app.set_state("ready" if self.app.backend.models_ready.is_set() else "loading model…")
        self.log_view.scroll_end(animate=False)

    async def action_stop(self) -> None:
        if self.cancel is None or self.current is None:
            return
        self.cancel.set()
        await self.current.stop()

    # ---- sources ----------------------------------------------------------------------

    @on(CitationList.Opened)
    def _open_source(self, event: CitationList.Opened) -> None:
        from second_me.tui.screens.source import SourceScreen

        self.app.push_screen(SourceScreen(event.hit))

    def _last_answer(self) -> Optional[AnswerTurn]:
        answers = self.query(AnswerTurn)
        return answers.last() if answers else None

    def action_sources(self) -> None:
        answer = self._last_answer()
        citations = answer.citations if answer else None
        if citations is None:
            self.notify("the last answer has no sources", severity="warning")
            return
        citations.focus()
        if citations.highlighted is None:
            citations.highlighted = 0

    def action_copy_answer(self) -> None:
        answer = self._last_answer()
        if answer is None or not answer.text:
            self.notify("no answer to copy yet", severity="warning")
            return
        answer.copy()

