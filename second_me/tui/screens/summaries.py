"""The summary tree, browsed down from the portrait: each summary opens onto what it
summarises, down to the file chunks and chat turns themselves."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static, Tree

from second_me.services import TreeNode
from second_me.tui.format import bar, hit_label, one_line_text


def _label(node: TreeNode) -> str:
    m = node.hit.memory
    what = f"{m.kind} #{m.id}" if m.kind in ("portrait", "summary") else hit_label(node.hit)
    extra = f" ({len(node.children)})" if node.children else ""
    return f"{what}{extra} · {one_line_text(m.text, 60)}"


class SummaryTreeScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("o", "open", "Open memory"),
        Binding("b", "build", "Build summaries"),
    ]

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
        try:
            top = self.app.backend.services.memory.summary_tops()
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self._show_top, top)

    def _show_top(self, top: list[TreeNode]) -> None:
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
        try:
            children = self.app.backend.services.memory.tree_nodes(list(tree_node.data.children))
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self._show_children, tree_node, children)

    def _show_children(self, tree_node, children: list[TreeNode]) -> None:
        if tree_node.children:  # expanded twice while loading
            return
        for child in children:
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
        try:
            _, report = self.app.backend.services.memory.summarize(budget_seconds=60.0)
        except Exception as exc:
            self.app.call_from_thread(self.app.report_error, exc)
            return
        self.app.call_from_thread(self.notify, f"summaries: {report.built} built, {report.removed} removed"
                                  + (f", {report.dirty_left} left for later" if report.dirty_left else ""), timeout=5)
        self.app.call_from_thread(self.load_top)
        self.app.call_from_thread(self.app.refresh_status)
