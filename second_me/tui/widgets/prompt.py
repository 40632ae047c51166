"""The question box: Enter sends, Ctrl+J (or Shift/Alt+Enter) starts a new line, Up/Down walk history."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea

NEWLINE_KEYS = ("ctrl+j", "shift+enter", "alt+enter")


class PromptInput(TextArea):
    class Submitted(Message):
        def __init__(self, prompt: "PromptInput", text: str):
            super().__init__()
            self.prompt = prompt
            self.text = text

    def __init__(self, **kwargs):
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)
        self.asked: list[str] = []
        self._position: int | None = None  # index into history while walking it
        self._draft = ""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._submit()
            return
        if event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)

    def _submit(self) -> None:
        text = self.text.strip()
        if not text:
            return
        if not self.asked or self.asked[-1] != text:
            self.asked.append(text)
        self._position = None
        self.clear()
        self.post_message(self.Submitted(self, text))

    def keep(self, text: str) -> None:
        """Put back a question that was not sent, unless something new is being typed."""
        if not self.text.strip():
            self._show(text)

    def action_cursor_up(self, select: bool = False) -> None:
        if select or self.cursor_location[0] > 0 or not self.asked:
            super().action_cursor_up(select)
            return
        if self._position is None:
            self._draft = self.text
            self._position = len(self.asked)
        if self._position > 0:
            self._position -= 1
            self._show(self.asked[self._position])

    def action_cursor_down(self, select: bool = False) -> None:
        last_row = self.document.line_count - 1
        if select or self.cursor_location[0] < last_row or self._position is None:
            super().action_cursor_down(select)
            return
        self._position += 1
        if self._position >= len(self.asked):
            self._position = None
            self._show(self._draft)
        else:
            self._show(self.asked[self._position])

    def _show(self, text: str) -> None:
        self.text = text
        self.move_cursor(self.document.end)
