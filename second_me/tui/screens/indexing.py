"""The indexing screen: add files and folders, watch progress (files/s, ETA), see per-file errors."""

from __future__ import annotations

import time
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar

from second_me.tui import memories
from second_me.tui.format import display_path, one_line_text
from second_me.tui.screens.dialogs import TextPrompt
from second_me.tui.widgets.status import StatusBar


class IndexingScreen(Screen):
    BINDINGS = [Binding("a", "add", "Add file/folder"), Binding("ctrl+r", "reload", "Refresh")]

    def __init__(self):
        super().__init__()
        self.running = False

    def compose(self) -> ComposeResult:
        yield Label("Indexing · press a to add a file or folder", classes="pane-title")
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Label("idle", id="progress-line", markup=False)
        yield Label("Files with problems", classes="pane-title")
        yield DataTable(id="files", cursor_type="row", zebra_stripes=True)
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#files", DataTable).add_columns("file", "status", "reason")
        self.action_reload()

    def action_add(self) -> None:
        if self.running:
            self.notify("already indexing: wait for it to finish", severity="warning")
            return

        def done(path: str | None) -> None:
            if path:
                self.index([Path(path).expanduser()])

        self.app.push_screen(TextPrompt("Add a file or folder to your memory", placeholder="~/notes"), done)

    @work(thread=True, exit_on_error=False, exclusive=True, group="index")
    def index(self, paths: list[Path]) -> None:
        call = self.app.call_from_thread
        self.running = True
        started = time.monotonic()

        def on_progress(p) -> None:
            elapsed = max(time.monotonic() - started, 1e-6)
            rate = p.done / elapsed
            eta = (p.total - p.done) / rate if rate > 0 else 0
            call(self._progress, p.done, p.total,
                 f"{p.done}/{p.total} files · {rate:.1f} files/s · ETA {eta:.0f} s · {p.chunks} chunks · "
                 f"{display_path(p.path)}")

        try:
            call(self._progress, 0, None, f"indexing {', '.join(display_path(str(p)) for p in paths)}…")
            report = self.app.backend.services.add(
                paths, progress=on_progress,
                on_wait=lambda pid: call(self._progress, 0, None, f"another indexer (pid {pid}) runs: waiting for it…"))
        except Exception as exc:
            call(self.app.report_error, exc)
            call(self._progress, 0, 1, "failed")
        else:
            elapsed = time.monotonic() - started
            summary = (f"indexed {report.files} files: {report.chunks} chunks, {report.skipped} skipped, "
                       f"{report.errors} errors ({elapsed:.1f} s)")
            call(self._progress, 1, 1, summary)
            call(self.notify, summary, timeout=5)
        finally:
            self.running = False
        call(self.action_reload)
        call(self.app.refresh_status)

    def _progress(self, done: int, total: int | None, line: str) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#progress-line", Label).update(line)

    def action_reload(self) -> None:
        self.load_problems()

    @work(thread=True, exit_on_error=False, exclusive=True, group="index-problems")
    def load_problems(self) -> None:
        try:
            problems = memories.file_problems(self.app.backend.services)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self._show_problems, problems)

    def _show_problems(self, problems) -> None:
        table = self.query_one("#files", DataTable)
        table.clear()
        for problem in problems:
            table.add_row(one_line_text(display_path(problem.path), 40), problem.status,
                          one_line_text(problem.error, 80))
