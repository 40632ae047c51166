"""The summary tree, browsed down from the portrait: each summary opens onto what it
summarises, down to the file chunks and chat turns themselves."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static, Tree

from second_me.services import TreeNode
from second_me.tui.format import bar, hit_label, one_line_text
from second_me.tui.work import ReportsWorkerErrors


def _label(node: TreeNode) -> str:
    m = node.hit.memory
    what = f"{m.kind} #{m.id}" if m.kind in ("portrait", "summary") else hit_label(node.hit)
    extra = f" ({len(node.children)})" if node.children else ""
    return f"{what}{extra} · {one_line_text(m.text, 60)}"


class SummaryTreeScreen(ReportsWorkerErrors, ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("o", "open", "Open memory"),
        Binding("b", "build", "Build summaries"),
    ]

    class TopLoaded(Message):
        def __init__(self, top: list[TreeNode]):
            super().__init__()
            self.top = top

    class ChildrenLoaded(Message):
        def __init__(self, tree_node, children: list[TreeNode]):
            super().__init__()
            self.tree_node, self.children = tree_node, children

    class Built(Message):
        def __init__(self, report):
            super().__init__()
            self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-tree"):
            yield Label("Summaries · from the portrait down to the memories", classes="pane-title")
            yield Tree("memory", id="tree")
            yield Static("", id="tree-detail", markup=False)
            yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.show_root = False
        tree.focus()
        self.load_top()

    @work(thread=True, exit_on_error=False, exclusive=True, group="tree-top")
    def load_top(self) -> None:
        self.post_message(self.TopLoaded(self.app.backend.services.memory.summary_tops()))

    def on_summary_tree_screen_top_loaded(self, message: TopLoaded) -> None:
        top = message.top
        tree = self.query_one(Tree)
        tree.clear()
        if not top:
            self.query_one("#tree-detail", Static).update(
                "no summaries yet: press b to build them now (or run `second-me summarize`)")
            return
        for node in top:
            self._add(tree.root, node)
        tree.root.expand()
        tree.move_cursor(tree.root.children[0])
        if len(top) == 1:
            tree.root.children[0].expand()

    def _add(self, parent, node: TreeNode) -> None:
        if node.children:
            parent.add(_label(node), data=node)
        else:
            parent.add_leaf(_label(node), data=node)

    @on(Tree.NodeExpanded)
    def _expand(self, event: Tree.NodeExpanded) -> None:
        node = event.node
        if node.data is not None and not node.children and node.data.children:
            self.load_children(node)

    @work(thread=True, exit_on_error=False, group="tree-children")
    def load_children(self, tree_node) -> None:
        children = self.app.backend.services.memory.tree_nodes(list(tree_node.data.children))
        self.post_message(self.ChildrenLoaded(tree_node, children))

    def on_summary_tree_screen_children_loaded(self, message: ChildrenLoaded) -> None:
        tree_node = message.tree_node
        if tree_node.children:  # expanded twice while loading
            return
        for child in message.children:
            self._add(tree_node, child)

    @on(Tree.NodeHighlighted)
    def _detail(self, event: Tree.NodeHighlighted) -> None:
        node = event.node.data
        if node is None:
            return
        m, hit = node.hit.memory, node.hit
        retention = "pinned" if m.pinned else f"{bar(hit.retention, 8)} {hit.retention:.0%}"
        self.query_one("#tree-detail", Static).update(
            f"{hit_label(hit)} · retention {retention} · strength {m.strength:.0f} d\n{one_line_text(m.text, 600)}")

    def action_open(self) -> None:
        node = self.query_one(Tree).cursor_node
        if node is not None and node.data is not None:
            from second_me.tui.screens.source import SourceScreen

            self.app.push_screen(SourceScreen(node.data.hit))

    def action_build(self) -> None:
        self.query_one("#tree-detail", Static).update("building summaries…")
        self.build()

    @work(thread=True, exit_on_error=False, exclusive=True, group="tree-build")
    def build(self) -> None:
        _, report = self.app.backend.services.memory.summarize(budget_seconds=60.0)
        self.post_message(self.Built(report))

    def on_summary_tree_screen_built(self, message: Built) -> None:
        report = message.report
        self.notify(f"summaries: {report.built} built, {report.removed} removed"
                    + (f", {report.dirty_left} left for later" if report.dirty_left else ""), timeout=5)
        self.load_top()
        self.app.refresh_status()
