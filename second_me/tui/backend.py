"""The app's link to its memory: services opened and models loaded off the event loop.

Everything here may block (database, model loading, generation), so it is called from
thread workers only. One lock makes sure a model is loaded once even when the background
loader and the first question ask for it at the same time.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Optional

from second_me.errors import SecondMeError
from second_me.safe_text import show_name, strip_control


@dataclass(frozen=True)
class Status:
    """What the status bar shows."""

    state: str = "opening memory…"  # opening memory… | loading model… | ready | thinking… | error: …
    model: str = "—"
    offload: str = "—"
    kv_cache: str = "—"
    counts: Optional[dict] = None


class Backend:
    def __init__(self, open_services: Callable[[], object]):
        self._open_services = open_services
        self._services = None
        self._open_lock = threading.Lock()
        self._embed_lock = threading.Lock()
        self._chat_lock = threading.Lock()
        self.models_ready = threading.Event()
        self._watch_lock = threading.Lock()
        self.watcher = None  # the background runner (watcher, indexer, memory worker) while it runs here
        self._quitting = False  # once the app quits, no watcher starts again
        self._answers = 0  # answers being written: the memory worker holds back meanwhile
        self._answers_lock = threading.Lock()
        self._watcher_stuck = False
        self.error: Optional[str] = None

    @property
    def services(self):
        """The services, opening them on first use (blocking: call from a worker)."""
        with self._open_lock:
            if self._services is None:
                self._services = self._open_services()
            return self._services

    @property
    def opened(self) -> bool:
        return self._services is not None

    def embedder(self):
        with self._embed_lock:
            return self.services.embedder

    def load_models(self) -> None:
        """Load both models now (the background loader, and every question, call this)."""
        self.embedder()
        with self._chat_lock:
            self.services.chat_model
        self.models_ready.set()

    def better_reader_hint(self) -> str:
        """How to get answers from a capable reader, while the small built-in model answers; else ""."""
        from second_me.services.models import answering_model, better_reader_hint

        services = self.services
        if not services.chat_loaded or services.chat_model.name != answering_model(services.settings):
            return ""  # another model than the configured one answers (one handed in, as in tests)
        return better_reader_hint(services.settings)

    def chats(self):
        """The chats (the embedder is loaded first: every turn becomes a searchable memory)."""
        self.embedder()
        return self.services.conversations

    def status(self, state: str) -> Status:
        from second_me.services import runtime as runtime_info
        from second_me.services.models import answering_model

        services = self.services
        runtime = runtime_info(services.settings)
        model = services.chat_model.name if services.chat_loaded else answering_model(services.settings)
        offload = "GPU" if runtime.get("n_gpu_layers") else "CPU"
        k, v = runtime.get("kv_cache_type_k", "?"), runtime.get("kv_cache_type_v", "?")
        kv = f"KV {k}" if k == v else f"KV {k}/{v}"
        return Status(state, _short(model), offload, kv, services.store.counts())

    # ---- the watcher: in this process unless a daemon watches this home ---------------------

    def daemon_pid(self) -> Optional[int]:
        """The pid of a `second-me daemon` running for this home (0 if unknown), else None."""
        from second_me.services import daemon_pid

        return daemon_pid(self.services.settings.home)

    @contextmanager
    def answering(self):
        """Mark an answer in progress (the chat model is shared with the memory worker)."""
        with self._answers_lock:
            self._answers += 1
        try:
            yield
        finally:
            with self._answers_lock:
                self._answers -= 1

    def start_watcher(self, on_progress=None, on_status=None) -> None:
        """Watch every watched folder in a background thread (its own embedder, loaded on work),
        and learn facts / rebuild summaries when it is quiet, as the daemon does."""
        with self._watch_lock:
            if self.watcher is None and not self._quitting:
                # free_models=False: the chat screen uses the same models.
                self.watcher = self.services.background(on_progress=on_progress, on_status=on_status,
                                                        free_models=False, also_busy=lambda: self._answers > 0)
                self.watcher.start()

    def stop_watcher(self, timeout: float = 3.0, quitting: bool = False) -> bool:
        """True when the watcher finished (unfinished files stay queued for next time). `quitting`:
        none starts again, whatever a poll that looked before the stop goes on to do."""
        with self._watch_lock:
            watcher, self.watcher = self.watcher, None
            self._quitting = self._quitting or quitting
        if watcher is None:
            return True
        stopped = watcher.stop(timeout)
        if not stopped:
            self._watcher_stuck = True
        return stopped

    def wake_watcher(self) -> None:
        if self.watcher is not None:
            self.watcher.wake()

    def queue_size(self) -> int:
        return self.services.store.queue.size()

    def close(self) -> bool:
        """Stop the watcher and close the memory; False when the watcher could not stop in time."""
        self.stop_watcher(timeout=0.5, quitting=True)
        # A watcher stuck inside a model call still uses the store: the process is ending anyway.
        if self._watcher_stuck:
            return False
        if self._services is not None:
            self._services.close()
        return True


def _short(model_id: str, width: int = 36) -> str:
    """Model ids carry a size and hash after ':'; the name is what a person recognises."""
    name = model_id.split(":")[0].strip()
    return name if len(name) <= width else name[: width - 1] + "…"


def one_line(exc: BaseException) -> str:
    """An error as the single line a notification shows."""
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, SecondMeError):  # its own one-line message: names in it stay escaped, never cut
        return show_name(text)
    return f"{type(exc).__name__}: {strip_control(text.splitlines()[0])}"
