"""How thread workers report back: with messages, never by reaching into widgets.

A worker posts its result as a message of the screen that started it (`post_message` is
safe from any thread) and the screen's handler shows it. A worker that fails simply
raises: `ReportsWorkerErrors` turns that into one `WorkFailed`, which the app shows as a
notification. A worker that must go on after an error (a poll loop) posts `WorkFailed`
itself.
"""

from __future__ import annotations

from textual.message import Message
from textual.worker import Worker, WorkerState


class WorkFailed(Message):
    """Something the user should know failed; bubbles up to the app, which shows it once."""

    def __init__(self, error: BaseException):
        super().__init__()
        self.error = error


class ReportsWorkerErrors:
    """For screens: a worker of theirs that raised becomes a `WorkFailed` notification, not a crash."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.error))
