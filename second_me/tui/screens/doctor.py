"""The doctor screen: what runs where (the same facts as `second-me doctor`)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from second_me.tui.format import display_path
from second_me.tui.work import ReportsWorkerErrors


class DoctorScreen(ReportsWorkerErrors, Screen):
    class Gathered(Message):
        def __init__(self, rows: list[tuple[str, str]]):
            super().__init__()
            self.rows = rows

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back"), Binding("r", "reload", "Refresh")]

    def compose(self) -> ComposeResult:
        yield Label("Doctor · what runs where", classes="pane-title")
        with VerticalScroll():
            yield DataTable(id="doctor", show_header=False, cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("what", "value")
        table.loading = True
        self.action_reload()

    def action_reload(self) -> None:
        self.gather()

    @work(thread=True, exit_on_error=False, exclusive=True)
    def gather(self) -> None:
        self.post_message(self.Gathered(doctor_rows(self.app.backend.services.doctor())))

    def on_doctor_screen_gathered(self, message: Gathered) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for name, value in message.rows:
            table.add_row(name, value)
        table.loading = False


def doctor_rows(info: dict) -> list[tuple[str, str]]:
    rows = [("home", display_path(info["home"])),
            ("database", f"{display_path(info['database']['path'])} ({info['database']['size_mb']} MB)")]
    for role in ("chat", "embed"):
        model = info["models"][role]
        if model.get("error"):
            rows.append((f"{role} model", model["error"]))
        else:
            rows.append((f"{role} model", f"{display_path(model['path'])} ({model['size_mb'] or 'not joined yet,'} MB"
                         + (", default)" if model.get("default") else ")")))
    chat = info["models"]["chat"]
    rows.append(("answers", chat.get("answers_with", "?") + (" (writes answers)" if chat.get("capable_reader")
                                                              else " (quote-first)")))
    if info["models"].get("hint"):
        rows.append(("better answers", info["models"]["hint"]))
    offload = info["offload"]
    rows.append(("GPU offload", ("on" if offload["n_gpu_layers"] else "off") + f": {offload['reason']}"))
    weights = info["weights"]
    rows.append(("weights", f"mmap {'on' if weights['use_mmap'] else 'off'}, mlock {'on' if weights['use_mlock'] else 'off'}"))
    kv = info["kv_cache"]
    rows.append(("KV cache", f"K {kv['type_k']}, V {kv['type_v']}, flash attention {'on' if kv['flash_attn'] else 'off'}"))
    rows.append(("context", f"{info['n_ctx']} tokens, threads {info['n_threads']}"))
    enc = info["encryption"]
    rows.append(("encryption", ("on" if enc["enabled"] else "OFF") + f" (key: {enc['key_source']})"))
    for name, value in info["counts"].items():
        rows.append((name.replace("_", " "), str(value)))
    for name, value in info["versions"].items():
        rows.append((name.replace("_", "-"), str(value)))
    return rows
