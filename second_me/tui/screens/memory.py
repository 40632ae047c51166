"""The memory screen: search what is remembered, filter by kind, state and date, see retention
and strength, curate it (pin, forget, restore), read a memory's history, open the summary tree."""

from __future__ import annotations

from typing import Optional

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Select, Static

from second_me.domain import MEMORY_KINDS, Hit, told_dates
from second_me.services import SearchOptions
from second_me.tui.periods import PERIODS, period
from second_me.tui.format import bar, day, hit_label, one_line_text
from second_me.tui.widgets.status import StatusBar
from second_me.tui.work import ReportsWorkerErrors


CONTEXT_TURNS = 2  # a chat turn found by search is shown with this many turns before and after it


def _in_context(hit: Hit) -> str:
    """A chat turn among its neighbours, the turn itself marked."""
    return "\n".join(("▶ " if turn.is_hit else "  ") + one_line_text(f"{turn.speaker}: {turn.text}", 160)
                     for turn in hit.neighbours)


class MemoryScreen(ReportsWorkerErrors, Screen):
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("p", "pin", "Pin/unpin"),
        Binding("f", "forget", "Forget"),
        Binding("r", "restore", "Restore"),
        Binding("h", "history", "History"),
        Binding("t", "tree", "Summaries"),
    ]

    class Loaded(Message):
        def __init__(self, hits: list[Hit]):
            super().__init__()
            self.hits = hits

    class Changed(Message):
        """A memory was pinned, unpinned, forgotten or restored."""

        def __init__(self, memory_id: int, action: str):
            super().__init__()
            self.memory_id, self.action = memory_id, action

    class HistoryLoaded(Message):
        def __init__(self, memory_id: int, events: list[tuple[float, str, str]]):
            super().__init__()
            self.memory_id, self.events = memory_id, events

    def __init__(self):
        super().__init__()
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="toolbar"):
            yield Input(placeholder="search memories… (Enter)", id="memory-query")
            yield Select([(k, k) for k in MEMORY_KINDS], prompt="any kind", id="kind")
            yield Select([("active", "active"), ("forgotten", "forgotten")], value="active", allow_blank=False,
                         id="state")
            yield Select([(label, label) for label, _, _ in PERIODS], prompt="any time", id="when")
        yield DataTable(id="memories", cursor_type="row", zebra_stripes=True)
        yield Static("", id="memory-detail", markup=False)
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("id", "kind", "retention", "strength", "source")
        table.focus()  # single keys (p, f, r, h, t) act on the selected memory; / goes to search
        self.reload()

    def action_search(self) -> None:
        self.query_one("#memory-query", Input).focus()

    @on(Input.Submitted, "#memory-query")
    def _searched(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    @on(Select.Changed)
    def reload(self) -> None:
        query = self.query_one("#memory-query", Input).value.strip()
        kind = self.query_one("#kind", Select).value
        state = self.query_one("#state", Select).value
        when = self.query_one("#when", Select).value
        kinds = (str(kind),) if isinstance(kind, str) else ()
        self.load(query, kinds, str(state), when if isinstance(when, str) else None)

    @work(thread=True, exit_on_error=False, exclusive=True, group="memory-load")
    def load(self, query: str, kinds: tuple[str, ...], state: str, when: Optional[str] = None) -> None:
        services = self.app.backend.services
        since, until = period(when, services.now())
        if query and state == "active":
            options = SearchOptions(k=50, kinds=kinds, since=since, until=until, context=CONTEXT_TURNS)
            hits = list(services.answering.search(query, options).hits)
        else:
            hits = services.memory.browse(state, kinds, since=since, until=until)
            if query:
                words = query.lower().split()
                hits = [h for h in hits if all(w in h.memory.text.lower() for w in words)]
        self.post_message(self.Loaded(hits))

    def on_memory_screen_loaded(self, message: Loaded) -> None:
        hits = message.hits
        table = self.query_one(DataTable)
        # After a pin or forget the list reloads: stay on the same memory, or where it was.
        kept = self.selected.memory.id if self.selected is not None else None
        row = table.cursor_row or 0
        self.hits = hits
        table.clear()
        for hit in hits:
            m = hit.memory
            retention = "pinned" if m.pinned else f"{bar(hit.retention, 6)} {hit.retention:4.0%}"
            table.add_row(str(m.id), m.kind, retention, f"{m.strength:.0f} d", one_line_text(hit_label(hit), 60),
                          key=str(m.id))
        if not hits:
            self.query_one("#memory-detail", Static).update("no memories here")
            return
        ids = [h.memory.id for h in hits]
        table.move_cursor(row=ids.index(kept) if kept in ids else min(row, len(hits) - 1))

    @on(DataTable.RowHighlighted)
    def _detail(self, event: DataTable.RowHighlighted) -> None:
        hit = self.selected
        if hit is None:
            return
        m = hit.memory
        retention = "pinned (never fades)" if m.pinned else f"{bar(hit.retention, 10)} {hit.retention:.0%}"
        self.query_one("#memory-detail", Static).update(
            f"{hit_label(hit)}\n{m.kind} #{m.id} · {m.state} · retention {retention} · strength {m.strength:.1f} d"
            f" · added {day(m.created_at)} · last recalled {day(m.last_recalled_at)} · recalled {m.recall_count}×"
            + (f" · tells of {told_dates(m)}" if m.about else "")
            + "\n\n" + (_in_context(hit) if hit.neighbours else one_line_text(m.text, 400)))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        from second_me.tui.screens.source import SourceScreen

        if self.selected is not None:
            self.app.push_screen(SourceScreen(self.selected))

    @property
    def selected(self) -> Optional[Hit]:
        table = self.query_one(DataTable)
        if not self.hits or table.cursor_row is None or table.cursor_row >= len(self.hits):
            return None
        return self.hits[table.cursor_row]

    # ---- curation (through Services, as the memory lifecycle provides it) ----------------

    def action_pin(self) -> None:
        hit = self.selected
        if hit is not None:
            self.curate("unpin" if hit.memory.pinned else "pin", hit.memory.id)

    def action_forget(self) -> None:
        if self.selected is not None:
            self.curate("forget", self.selected.memory.id)

    def action_restore(self) -> None:
        if self.selected is not None:
            self.curate("restore", self.selected.memory.id)

    @work(thread=True, exit_on_error=False, group="memory-curate")
    def curate(self, action: str, memory_id: int) -> None:
        getattr(self.app.backend.services.memory, action)(memory_id)  # pin | unpin | forget | restore
        self.post_message(self.Changed(memory_id, action))

    def on_memory_screen_changed(self, message: Changed) -> None:
        self.notify(f"memory #{message.memory_id}: {message.action} done", timeout=3)
        self.reload()
        self.app.refresh_status()

    def action_history(self) -> None:
        if self.selected is not None:
            self.show_history(self.selected.memory.id)

    @work(thread=True, exit_on_error=False, group="memory-history")
    def show_history(self, memory_id: int) -> None:
        self.post_message(self.HistoryLoaded(memory_id, self.app.backend.services.memory.history(memory_id)))

    def on_memory_screen_history_loaded(self, message: HistoryLoaded) -> None:
        lines = [f"{day(at)}  {action}  {reason}" for at, action, reason in message.events]
        self.query_one("#memory-detail", Static).update(f"history of #{message.memory_id}\n" + "\n".join(lines))

    def action_tree(self) -> None:
        from second_me.tui.screens.summaries import SummaryTreeScreen

        self.app.push_screen(SummaryTreeScreen())
