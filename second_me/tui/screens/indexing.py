"""The indexing screen: watched folders, live progress (files/s, ETA), per-file problems, and
importing a chat export.

Progress comes from the app's `indexing` view, whoever indexes: the in-app watcher, a
daemon in another process, or a one-off add/index run started here.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar

from second_me.domain import left_out_lines
from second_me.tui.format import day, display_path, one_line_text
from second_me.tui.indexing_progress import IndexingView
from second_me.tui.screens.dialogs import Confirm, TextPrompt
from second_me.tui.widgets.status import StatusBar
from second_me.tui.work import ReportsWorkerErrors, WorkFailed


class IndexingScreen(ReportsWorkerErrors, Screen):
    BINDINGS = [
        Binding("w", "watch", "Watch folder"),
        Binding("delete,x", "unwatch", "Stop watching"),
        Binding("a", "add", "Add once"),
        Binding("i", "index", "Index now"),
        Binding("c", "import_chat", "Import chat", show=False),
        Binding("ctrl+r", "reload", "Refresh", show=False),
    ]

    class Watched(Message):
        def __init__(self, folder: Path, replaced: list[Path]):
            super().__init__()
            self.folder, self.replaced = folder, replaced

    class Unwatched(Message):
        def __init__(self, folder: Path, removed: int):
            super().__init__()
            self.folder, self.removed = folder, removed

    class RunFinished(Message):
        """A one-off add/index run ended (`summary` None: it failed, and said so)."""

        def __init__(self, summary: str | None = None, had_errors: bool = False):
            super().__init__()
            self.summary, self.had_errors = summary, had_errors

    class Waiting(Message):
        """Another process is the indexer: it indexes what this run queued."""

        def __init__(self, pid: int):
            super().__init__()
            self.pid = pid

    class ImportProgressed(Message):
        """How far a chat import is (`progress` None: still checking the export)."""

        def __init__(self, progress=None):
            super().__init__()
            self.progress = progress

    class ImportFinished(Message):
        """A chat import ended (`summary` None: it failed, and said so)."""

        def __init__(self, summary: str | None = None):
            super().__init__()
            self.summary = summary

    class TablesLoaded(Message):
        def __init__(self, folders: list, problems: list):
            super().__init__()
            self.folders, self.problems = folders, problems

    def __init__(self):
        super().__init__()
        self.running = False  # a one-off add/index run started from this screen
        self.importing = False  # a chat import started from this screen
        self.folders: list = []
        self.problems: list = []

    def compose(self) -> ComposeResult:
        yield Label("Watched folders", classes="pane-title")
        yield DataTable(id="watched", cursor_type="row", zebra_stripes=True)
        yield Label("no folders are watched yet: press w to watch one", id="watched-empty", markup=False)
        yield Label("", id="folder-detail", markup=False)
        yield Label("", id="indexer-line", markup=False)
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Label("idle", id="progress-line", markup=False)
        yield Label("", id="import-line", markup=False)
        yield Label("Files with problems", classes="pane-title")
        yield DataTable(id="files", cursor_type="row", zebra_stripes=True)
        yield Label("", id="problem-detail", markup=False)
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        watched = self.query_one("#watched", DataTable)
        watched.add_column("folder")
        for name in ("files", "chunks", "skipped", "errors", "redacted"):
            watched.add_column(name, width=8 if name == "redacted" else 7)
        watched.add_column("last indexed", width=16)
        self.query_one("#files", DataTable).add_columns("file", "status", "reason")
        self.query_one("#import-line").display = False
        self.watch(self.app, "indexing", self._show_indexing)
        self.action_reload()

    # ---- live progress ------------------------------------------------------------------

    def _show_indexing(self, before: IndexingView, view: IndexingView) -> None:
        self.query_one("#indexer-line", Label).update(view.who_line())
        bar = self.query_one(ProgressBar)
        if view.busy:
            bar.update(total=view.total or None, progress=view.done)
        else:
            bar.update(total=1, progress=1 if view.runs else 0)
        self.query_one("#progress-line", Label).update(view.progress_line())
        if view.problems != before.problems or view.runs != before.runs:
            self.action_reload()

    # ---- watched folders ----------------------------------------------------------------

    def action_watch(self) -> None:
        def done(path: str | None) -> None:
            if path:
                self.watch_folder(Path(path).expanduser())

        self.app.push_screen(TextPrompt("Watch a folder: it is indexed now and kept up to date",
                                        placeholder="~/notes"), done)

    @work(thread=True, exit_on_error=False, group="index")
    def watch_folder(self, path: Path) -> None:
        folder, replaced = self.app.backend.services.indexing.watch(path)
        self.post_message(self.Watched(folder, replaced))

    def on_indexing_screen_watched(self, message: Watched) -> None:
        backend = self.app.backend
        note = f"watching {display_path(str(message.folder))}"
        if message.replaced:
            note += f" (replaces {', '.join(display_path(str(r)) for r in message.replaced)})"
        self.notify(note, timeout=4)
        self.action_reload()
        if backend.watcher is not None:
            backend.wake_watcher()  # it picks the folder up and catches up on it at once
        elif self.app.indexing.who != "daemon":  # no watcher at all (not started yet): index it once
            folder = message.folder
            self._run_once(lambda **kw: backend.services.indexing.index(roots=[folder], **kw), "index")

    def action_unwatch(self) -> None:
        folder = self.selected_folder
        if folder is None:
            self.notify("select a watched folder first", severity="warning")
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.unwatch_folder(folder.path)

        self.app.push_screen(Confirm(f"Stop watching {display_path(folder.path)}? What was indexed from it "
                                     f"leaves memory (the files themselves stay)."), done)

    @work(thread=True, exit_on_error=False, group="index")
    def unwatch_folder(self, path: str) -> None:
        folder, removed = self.app.backend.services.indexing.unwatch(Path(path), forget=True)
        self.app.backend.wake_watcher()
        self.post_message(self.Unwatched(folder, removed))

    def on_indexing_screen_unwatched(self, message: Unwatched) -> None:
        self.notify(f"stopped watching {display_path(str(message.folder))}; {message.removed} chunks left memory",
                    timeout=4)
        self.action_reload()
        self.app.refresh_status()

    @property
    def selected_folder(self):
        table = self.query_one("#watched", DataTable)
        if not self.folders or table.cursor_row is None or table.cursor_row >= len(self.folders):
            return None
        return self.folders[table.cursor_row]

    # ---- one-off runs: add a file or folder without watching it, catch up now -------------

    def action_add(self) -> None:
        if self.running:
            self.notify("already indexing: wait for it to finish", severity="warning")
            return

        def done(path: str | None) -> None:
            if path:
                services = self.app.backend.services
                target = Path(path).expanduser()
                self._run_once(lambda **kw: services.indexing.add([target], **kw), f"indexing {display_path(str(target))}")

        self.app.push_screen(TextPrompt("Add a file or folder to your memory (once, not watched)",
                                        placeholder="~/notes"), done)

    def action_index(self) -> None:
        if self.running:
            self.notify("already indexing: wait for it to finish", severity="warning")
            return
        services = self.app.backend.services
        self._run_once(lambda **kw: services.indexing.index(**kw), "catching up on watched folders")

    def _run_once(self, run, what: str) -> None:
        self.running = True
        self.index_once(run, what)

    @work(thread=True, exit_on_error=False, group="index")
    def index_once(self, run, what: str) -> None:
        import time

        monitor = self.app.monitor
        started = time.monotonic()
        monitor.run_started("once")

        def on_wait(pid: int) -> None:
            self.post_message(self.Waiting(pid))

        try:
            report = run(progress=lambda p: monitor.progress(p, "once"), on_wait=on_wait)
        except Exception as exc:
            monitor.run_finished("once", "stopped")
            self.post_message(WorkFailed(exc))
            self.post_message(self.RunFinished())
            return
        monitor.run_finished("once")
        elapsed = time.monotonic() - started
        summary = (f"{what}: {report.files} files, {report.chunks} chunks, {report.skipped} skipped, "
                   f"{report.errors} errors ({elapsed:.1f} s)")
        details = [f"{title}: {what}" for title, what in
                   left_out_lines(report.skipped_by_reason, report.redacted, report.redacted_files, report.filtered)]
        self.post_message(self.RunFinished("\n".join([summary, *details]), bool(report.errors)))

    def on_indexing_screen_waiting(self, message: Waiting) -> None:
        self.notify(f"another indexer (pid {message.pid}) runs: it indexes these files", timeout=4)

    def on_indexing_screen_run_finished(self, message: RunFinished) -> None:
        if message.summary:
            self.notify(message.summary, severity="warning" if message.had_errors else "information", timeout=6)
        self.running = False
        self.action_reload()
        self.app.refresh_status()

    # ---- importing a chat export ---------------------------------------------------------

    def action_import_chat(self) -> None:
        if self.importing:
            self.notify("already importing a chat: wait for it to finish", severity="warning")
            return

        def got_path(path: str | None) -> None:
            if path:
                self.app.push_screen(TextPrompt("Which speaker are you in this chat, as the export names you? "
                                                "(Enter with nothing: none of them)", placeholder="Ana Lima"),
                                     lambda me: self._start_import(Path(path).expanduser(), me))

        self.app.push_screen(TextPrompt("Import a chat export (ChatGPT, Claude, WhatsApp, Telegram, SMS): "
                                        "the file, the folder holding it, or the app's .zip",
                                        placeholder="~/Downloads/WhatsApp Chat with Sam.txt"), got_path)

    def _start_import(self, path: Path, me: str | None) -> None:
        self.importing = True
        self.import_chat(path, me)

    @work(thread=True, exit_on_error=False, group="import")
    def import_chat(self, path: Path, me: str | None) -> None:
        self.post_message(self.ImportProgressed())
        try:
            report = self.app.backend.services.conversations.import_chat(
                path, me=me, progress=lambda p: self.post_message(self.ImportProgressed(p)))
        except BaseException:
            self.post_message(self.ImportFinished())
            raise
        summary = (f"imported {report.added} new turns of {report.turns} from {report.source} "
                   f"({report.conversations} conversation{'' if report.conversations == 1 else 's'}, {report.seconds:.1f} s)")
        if report.undecided:
            summary += "; no speaker is marked as you: import it again naming yourself"
        self.post_message(self.ImportFinished(summary))

    def on_indexing_screen_import_progressed(self, message: ImportProgressed) -> None:
        line = self.query_one("#import-line", Label)
        line.display = True
        p = message.progress
        line.update("importing a chat: checking the export…" if p is None else
                    f"importing a chat: {p.done}/{p.total} turns ({p.added} new)")

    def on_indexing_screen_import_finished(self, message: ImportFinished) -> None:
        self.importing = False
        self.query_one("#import-line").display = False
        if message.summary:
            self.notify(message.summary, timeout=8)
        self.app.refresh_status()

    # ---- tables -------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.load_tables()

    @work(thread=True, exit_on_error=False, exclusive=True, group="index-tables")
    def load_tables(self) -> None:
        indexing = self.app.backend.services.indexing
        self.post_message(self.TablesLoaded(indexing.watched(), indexing.problems()))

    def on_indexing_screen_tables_loaded(self, message: TablesLoaded) -> None:
        self.folders, self.problems = folders, problems = message.folders, message.problems
        watched = self.query_one("#watched", DataTable)
        row = watched.cursor_row
        watched.clear()
        for f in folders:
            name = display_path(f.path) + ("" if f.exists else "  [missing]")
            last = day(f.last_indexed_at) if f.last_indexed_at else "never"
            watched.add_row(one_line_text(name, 40), str(f.files), str(f.chunks), str(f.skipped), str(f.errors),
                            str(sum(f.redacted.values())), last, key=f.path)
        if folders:
            watched.move_cursor(row=min(row or 0, len(folders) - 1))
            self._folder_detail(folders[min(row or 0, len(folders) - 1)])
        else:
            self.query_one("#folder-detail", Label).update("")
        watched.display = bool(folders)
        self.query_one("#watched-empty").display = not folders
        files = self.query_one("#files", DataTable)
        files.clear()
        for problem in problems:
            files.add_row(one_line_text(display_path(problem.path), 40), problem.status,
                          one_line_text(problem.reason, 80))
        if not problems:
            self.query_one("#problem-detail", Label).update("no problems")

    @on(DataTable.RowHighlighted, "#watched")
    def _watched_detail(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.folders):
            self._folder_detail(self.folders[event.cursor_row])

    def _folder_detail(self, folder) -> None:
        """Why files of the folder were left out, and which secrets were redacted from what it holds."""
        parts = [f"{title}: {what}" for title, what in
                 left_out_lines(folder.skipped_by_reason, folder.redacted, folder.redacted_files, folder.left_out_by_name)]
        self.query_one("#folder-detail", Label).update(" · ".join(parts))

    @on(DataTable.RowHighlighted, "#files")
    def _problem_detail(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.problems):
            p = self.problems[event.cursor_row]
            self.query_one("#problem-detail", Label).update(f"{display_path(p.path)}: {p.status}: {p.reason}")
