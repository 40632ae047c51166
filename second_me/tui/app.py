"""The second-me terminal app: chat, memory and indexing screens over one memory.

The first paint needs nothing but Textual: the memory is opened and the models are loaded
in a background thread, while the question box is already usable.
"""

from __future__ import annotations

import threading
from typing import Callable, Iterable, Optional

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from second_me.tui.backend import Backend, Status, one_line
from second_me.tui.indexing_progress import IndexingMonitor, IndexingView
from second_me.tui.screens.chat import ChatScreen
from second_me.tui.work import WorkFailed

THEMES = ("textual-dark", "textual-light")
POLL_S = 1.0  # how often the queue is looked at (a daemon's progress is only seen there)
DAEMON_CHECK_EVERY = 5  # polls between looks at the daemon's lock
QUIT_WAIT_S = 1.0  # quitting waits this long for the watcher, then leaves its batch queued


class IndexingChanged(Message):
    """Posted from any thread when indexing moved on."""

    def __init__(self, view: IndexingView):
        super().__init__()
        self.view = view


class StatusChanged(Message):
    """What the status bar shows changed (posted by the workers that find out)."""

    def __init__(self, status: Status):
        super().__init__()
        self.status = status


class Opened(Message):
    """The memory is open (and the models loaded, unless the app was told not to)."""

    def __init__(self, hint: str = ""):
        super().__init__()
        self.hint = hint  # how to get better answers, said once


def _screen(module: str, name: str) -> Screen:
    """Screens other than chat are imported when first shown, keeping startup short."""
    from importlib import import_module

    return getattr(import_module(f"second_me.tui.screens.{module}"), name)()


class SecondMeApp(App):
    TITLE = "second-me"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    MODES = {
        "chat": ChatScreen,
        "memory": lambda: _screen("memory", "MemoryScreen"),
        "indexing": lambda: _screen("indexing", "IndexingScreen"),
    }
    DEFAULT_MODE = "chat"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("f2", "switch_mode('chat')", "Chat", show=False),
        Binding("f3", "switch_mode('memory')", "Memory"),
        Binding("f4", "switch_mode('indexing')", "Indexing"),
        Binding("f5", "doctor", "Doctor"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
    ]

    status: reactive[Status] = reactive(Status, init=False)
    indexing: reactive[IndexingView] = reactive(IndexingView, init=False)

    def __init__(self, open_services: Callable[[], object], conversation: Optional[str] = None,
                 load_models: bool = True, watch: bool = True):
        super().__init__()
        self.backend = Backend(open_services)
        self.initial_conversation = conversation
        self._load_models_at_start = load_models
        self._watch = watch
        self._stopping = threading.Event()
        self.monitor = IndexingMonitor(lambda view: self.post_message(IndexingChanged(view)))
        self.theme = THEMES[0]

    def on_mount(self) -> None:
        # After the first paint: opening the store and loading models would compete for the GIL.
        self.call_after_refresh(self.start)

    @work(thread=True, exit_on_error=False, group="startup")
    def start(self) -> None:
        """Open the memory, then load the models; the status bar follows along."""
        try:
            self.post_message(StatusChanged(self.backend.status("loading model…")))
            if self._load_models_at_start:
                self.backend.load_models()
            self.post_message(StatusChanged(self.backend.status("ready")))
            hint = self.backend.better_reader_hint()
        except Exception as exc:
            self.post_message(StatusChanged(Status(state=f"error: {one_line(exc)}")))
            raise  # shown by on_worker_state_changed
        self.post_message(Opened(hint))

    def on_opened(self, message: Opened) -> None:
        if message.hint:  # said once: while the small built-in model answers, how to get a better one
            self.notify(message.hint, title="answers are quote-first", timeout=12)
        if self._watch and not self._stopping.is_set():
            self.follow_indexing()

    # ---- indexing: the in-app watcher, or the daemon seen through the queue ------------------

    @work(thread=True, exit_on_error=False, group="indexing-poll")
    def follow_indexing(self) -> None:
        """Run the watcher here unless a daemon does; keep the queue count (and the daemon's
        progress) up to date until the app quits."""
        backend, polls = self.backend, 0
        daemon: Optional[int] = None
        while not self._stopping.is_set():
            try:
                if polls % DAEMON_CHECK_EVERY == 0:
                    daemon = backend.daemon_pid()
                    if daemon is not None:
                        backend.stop_watcher()  # a daemon started: one watcher per home is enough
                    elif backend.watcher is None:
                        backend.start_watcher(on_progress=self.monitor.progress, on_status=self._watcher_status)
                folders = len(backend.services.indexing.watched_roots())
                self.monitor.queue_polled(backend.queue_size(), "daemon" if daemon is not None else None,
                                          daemon, folders)
            except Exception as exc:
                if self._stopping.is_set():
                    return
                self.post_message(IndexingChanged(self.monitor.view))
                self.post_message(WorkFailed(exc))
                self._stopping.wait(POLL_S * DAEMON_CHECK_EVERY)
            polls += 1
            self._stopping.wait(POLL_S)

    def _watcher_status(self, status) -> None:
        watcher = self.backend.watcher
        pid = watcher.indexer_pid() if watcher is not None and status.state == "waiting" else None
        self.monitor.watcher_status(status, pid)

    def on_indexing_changed(self, message: IndexingChanged) -> None:
        before = self.indexing
        self.indexing = message.view
        if message.view.runs != before.runs:
            self.refresh_status()

    def on_unmount(self) -> None:
        # Quitting: the watcher leaves unfinished files queued, and the store closes after it.
        self._stopping.set()
        self.backend.stop_watcher(timeout=QUIT_WAIT_S, quitting=True)

    def on_status_changed(self, message: StatusChanged) -> None:
        self.status = message.status

    def set_state(self, state: str) -> None:
        """What the app is doing now (answering…, indexing…, ready), kept with the latest counts."""
        from dataclasses import replace

        if not self.status.state.startswith("error"):
            self.status = replace(self.status, state=state)

    @work(thread=True, exit_on_error=False, exclusive=True, group="status")
    def refresh_status(self) -> None:
        """Counts change after answers and indexing; the state stays as it is."""
        if self.backend.opened:
            self.post_message(StatusChanged(self.backend.status(self.status.state)))

    def report_error(self, exc: BaseException) -> None:
        """Every error the user should know about: one line, never a crash."""
        self.notify(one_line(exc), title="error", severity="error", timeout=8)

    def on_work_failed(self, message: WorkFailed) -> None:
        self.report_error(message.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    # ---- actions ----------------------------------------------------------------------

    def action_help(self) -> None:
        from second_me.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_doctor(self) -> None:
        from second_me.tui.screens.doctor import DoctorScreen

        if not isinstance(self.screen, DoctorScreen):
            self.push_screen(DoctorScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def _in_mode(self, mode: str, action: str) -> Callable[[], None]:
        """A palette callback: go to `mode`, then run one of its screen's actions."""

        async def run() -> None:
            if self.current_mode != mode:
                await self.switch_mode(mode)
            await self.screen.run_action(action)

        return run

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        chat = [
            ("New chat", "Start a new conversation (Ctrl+N)", "new_chat"),
            ("Rename chat", "Give this conversation a title (Ctrl+R)", "rename_chat"),
            ("Delete chat", "Delete this conversation and its turns", "delete_chat"),
            ("Stop answer", "Stop the answer being written (Esc)", "stop"),
            ("Show sources", "Go to the sources of the last answer (Ctrl+O)", "sources"),
            ("Copy last answer", "Copy the last answer to the clipboard (Ctrl+Y)", "copy_answer"),
            ("Toggle chat list", "Show or hide the list of chats (Ctrl+B)", "toggle_sidebar"),
        ]
        for title, help_text, action in chat:
            yield SystemCommand(title, help_text, self._in_mode("chat", action))
        yield SystemCommand("Chat", "The chat screen (F2)", lambda: self.switch_mode("chat"))
        yield SystemCommand("Memory", "Search and curate memories (F3)", lambda: self.switch_mode("memory"))
        yield SystemCommand("Indexing", "Add files and folders, see progress and errors (F4)",
                            lambda: self.switch_mode("indexing"))
        indexing = [
            ("Watch a folder", "Index a folder now and keep it up to date (w on Indexing)", "watch"),
            ("Stop watching a folder", "Stop watching the selected folder; its files leave memory (Del)",
             "unwatch"),
            ("Add files or folder", "Index a file or folder once, without watching it (a)", "add"),
            ("Index now", "Catch up on every watched folder now (i)", "index"),
            ("Import chat export", "ChatGPT, Claude, WhatsApp, Telegram or SMS: its turns become memories (c)",
             "import_chat"),
        ]
        for title, help_text, action in indexing:
            yield SystemCommand(title, help_text, self._in_mode("indexing", action))
        memory = [
            ("Search memories", "Search what is remembered (/ on Memory)", "search"),
            ("Pin or unpin memory", "A pinned memory never fades (p)", "pin"),
            ("Forget memory", "Move the selected memory to the forgotten tier (f)", "forget"),
            ("Restore memory", "Bring the selected forgotten memory back (r)", "restore"),
            ("Memory history", "Created, recalled, pinned, forgotten, superseded… (h)", "history"),
            ("Summary tree", "Browse the summaries down from the portrait (t)", "tree"),
        ]
        for title, help_text, action in memory:
            yield SystemCommand(title, help_text, self._in_mode("memory", action))
        yield SystemCommand("Doctor", "Models, GPU offload, KV cache, counts (F5)", self.action_doctor)
        yield SystemCommand("Help", "Key bindings (F1)", self.action_help)
        yield SystemCommand("Toggle light/dark", "Switch between light and dark themes (Ctrl+T)",
                            self.action_toggle_theme)



def run(open_services: Callable[[], object], conversation: Optional[str] = None) -> None:
    app = SecondMeApp(open_services, conversation)
    try:
        app.run()
    finally:
        closed = app.backend.close()
    if not closed:
        # The watcher is inside a model call: leaving now is safe (its files stay queued), and
        # skipping interpreter shutdown keeps the model from being freed under it.
        import os
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
