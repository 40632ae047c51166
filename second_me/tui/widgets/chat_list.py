"""The list of chats beside the conversation: the open one highlighted, Enter opens another."""

from __future__ import annotations

from typing import Optional, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from second_me.tui.format import one_line_text

TITLE_WIDTH = 25


class ChatList(Vertical):
    class Opened(Message):
        """The user picked a chat."""

        def __init__(self, name: str):
            super().__init__()
            self.name = name

    def compose(self) -> ComposeResult:
        yield Label("Chats", classes="pane-title")
        yield OptionList(id="conversations")

    @property
    def options(self) -> OptionList:
        return self.query_one("#conversations", OptionList)

    def show(self, chats: Sequence, current: Optional[str]) -> None:
        """`chats`: conversations with a name and a title (untitled ones show their name)."""
        self.options.clear_options()
        self.options.add_options([Option(one_line_text(c.title or c.name, TITLE_WIDTH), id=c.name) for c in chats])
        self.highlight(current)

    def highlight(self, current: Optional[str]) -> None:
        options = self.options
        if current is None:
            options.highlighted = None
            return
        try:
            options.highlighted = options.get_option_index(current)
        except Exception:  # not in the list yet
            pass

    def title_of(self, name: str) -> str:
        try:
            return str(self.options.get_option(name).prompt)
        except Exception:
            return ""

    def selected(self) -> Optional[str]:
        """The chat the cursor is on, while the list has the focus."""
        options = self.options
        if options.has_focus and options.highlighted is not None:
            return options.get_option_at_index(options.highlighted).id
        return None

    @on(OptionList.OptionSelected, "#conversations")
    def _opened(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(event.option.id))
