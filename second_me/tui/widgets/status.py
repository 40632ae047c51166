"""The status bar: model, offload, KV cache, memory counts, and what the app is doing."""

from __future__ import annotations

from textual.widgets import Static

from second_me.tui.backend import Status


class StatusBar(Static):
    def show(self, status: Status) -> None:
        parts = [status.state, status.model, status.offload, status.kv_cache]
        indexing = self.app.indexing.short()
        if indexing:
            parts.insert(1, indexing)
        counts = status.counts
        if counts is not None:
            active = counts.get("memories", 0) - counts.get("forgotten", 0)
            parts.append(f"{active} memories · {counts.get('files', 0)} files")
            if counts.get("queued") and not indexing:
                parts.append(f"{counts['queued']} queued")
        self.update(" · ".join(parts))
        self.set_class(status.state.startswith("error"), "-error")
        self.set_class(status.state != "ready" and not status.state.startswith("error"), "-busy")

    def on_mount(self) -> None:
        self.watch(self.app, "status", self.show)
        self.watch(self.app, "indexing", lambda _: self.show(self.app.status), init=False)
