"""A source preview: the file lines an answer used (with their neighbours), or the conversation turn.

Opening a source counts as recalling it: its memory gets stronger (retention.py).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from rich.syntax import Syntax
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from second_me.domain import ConversationOrigin, FileOrigin, Hit
from second_me.tui.format import bar, day, hit_label
from second_me.tui.work import ReportsWorkerErrors

CONTEXT_LINES = 3  # lines shown around the cited range
MAX_PREVIEW_BYTES = 2_000_000


class SourceScreen(ReportsWorkerErrors, ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("e", "edit", "Open in $EDITOR"),
        Binding("c", "copy", "Copy text"),
    ]

    class PreviewLoaded(Message):
        def __init__(self, preview):
            super().__init__()
            self.preview = preview

    def __init__(self, hit: Hit):
        super().__init__(classes="source-screen")
        self.hit = hit

    def compose(self) -> ComposeResult:
        memory = self.hit.memory
        with Vertical(id="source"):
            yield Label(hit_label(self.hit), id="source-title", markup=False)
            yield Label(f"{memory.kind} #{memory.id} · added {day(memory.created_at)} · retention "
                        f"{bar(self.hit.retention, 8)} {self.hit.retention:.0%} · strength {memory.strength:.0f} d · "
                        f"recalled {memory.recall_count}×" + (" · pinned" if memory.pinned else ""),
                        id="source-meta", markup=False)
            with VerticalScroll(id="source-body"):
                yield Static(memory.text, id="source-text", markup=False)
            yield Footer()

    def on_mount(self) -> None:
        self.load_preview()

    @work(thread=True, exit_on_error=False)
    def load_preview(self) -> None:
        preview = _file_preview(self.hit)
        if preview is not None:
            self.post_message(self.PreviewLoaded(preview))
        self.app.backend.services.reinforce([self.hit.memory.id])

    def on_source_screen_preview_loaded(self, message: PreviewLoaded) -> None:
        self.query_one("#source-text", Static).update(message.preview)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.hit.memory.text)
        self.notify("source text copied", timeout=2)

    def action_edit(self) -> None:
        origin = self.hit.origin
        if not isinstance(origin, FileOrigin) or not Path(origin.path).is_file():
            self.notify("this memory has no file to open", severity="warning")
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("set $EDITOR to open files (e.g. export EDITOR=nano)", severity="warning")
            return
        command = shlex.split(editor)
        if origin.start_line:
            command.append(f"+{origin.start_line}")
        command.append(origin.path)
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except (OSError, Exception) as exc:  # SuspendNotSupported, a missing editor
            self.app.report_error(exc)


def _file_preview(hit: Hit):
    """The cited lines of a file with line numbers, or None to keep the memory's own text."""
    origin = hit.origin
    if isinstance(origin, ConversationOrigin):
        return f"{origin.speaker} on {origin.timestamp[:16].replace('T', ' ')}:\n\n{hit.memory.text}"
    if not isinstance(origin, FileOrigin) or origin.start_line is None:
        return None
    path = Path(origin.path)
    try:
        if path.stat().st_size > MAX_PREVIEW_BYTES:
            return None
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return f"(the file is no longer readable; this is the remembered text)\n\n{hit.memory.text}"
    end = origin.end_line or origin.start_line
    first = max(1, origin.start_line - CONTEXT_LINES)
    last = min(len(lines), end + CONTEXT_LINES)
    code = "\n".join(lines[first - 1:last])
    lexer = Syntax.guess_lexer(str(path), code)
    return Syntax(code, lexer, line_numbers=True, start_line=first, word_wrap=True,
                  highlight_lines=set(range(origin.start_line, end + 1)), theme="ansi_dark")
