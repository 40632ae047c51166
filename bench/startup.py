"""Start-up: `second-me --help` and the TUI's first paint, each in a fresh process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import REPO_ROOT, child_env, median

TUI_CHILD = """
import os, sys, time
from pathlib import Path
from second_me.config import load_settings
from second_me.services import Services
from second_me.tui.app import SecondMeApp

settings = load_settings(os.environ["BENCH_HOME"])


class Timed(SecondMeApp):
    CSS_PATH = str(Path(sys.modules[SecondMeApp.__module__].__file__).parent / SecondMeApp.CSS_PATH)

    def on_mount(self):
        # Called back right after the first screen is refreshed: that moment is the first paint. (Waiting
        # for the process to go idle instead, as Pilot.pause() does, also waits up to a second for the
        # memory to open and the models to load in their worker, which the app starts after this paint.)
        self.call_after_refresh(self.painted)
        super().on_mount()

    def painted(self):
        # To a file: while a model loads, llama-cpp-python points stdout at /dev/null (os.dup2).
        with open(os.environ["BENCH_OUT"], "w") as out:
            out.write(f"painted {time.time() - float(os.environ['BENCH_T0'])}")
        self.exit()


app = Timed(lambda: Services.open(settings))  # as `second-me` starts it: models load after the first paint
app.run(headless=True, size=(100, 30))
"""


def cli_help(rounds: int) -> dict:
    help_s, python_s = [], []
    for _ in range(rounds):
        help_s.append(_timed([sys.executable, "-m", "second_me", "--help"]))
        python_s.append(_timed([sys.executable, "-c", "pass"]))
    return {"cli_help_s": round(median(help_s), 3), "python_startup_s": round(median(python_s), 3)}


def _timed(argv: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=child_env(), cwd=REPO_ROOT, timeout=120)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[1:])} failed: {proc.stderr.strip()[-300:]}")
    return elapsed


def tui_first_paint(rounds: int) -> dict:
    if not (REPO_ROOT / "second_me" / "tui" / "app.py").exists():
        return {"tui_first_paint_s": None, "tui_first_paint_note": "missing: second_me/tui is not in this checkout"}
    times = []
    for _ in range(rounds):
        home = tempfile.mkdtemp(prefix="sm-bench-tui-")
        out = Path(home) / "painted.txt"
        env = child_env(BENCH_HOME=home, BENCH_OUT=str(out), BENCH_T0=repr(time.time()), SECOND_ME_PASSPHRASE="bench")
        proc = subprocess.run([sys.executable, "-c", TUI_CHILD], capture_output=True, text=True, env=env,
                              cwd=REPO_ROOT, timeout=120)
        line = out.read_text() if out.exists() else None
        shutil.rmtree(home, ignore_errors=True)
        if line is None:
            return {"tui_first_paint_s": None,
                    "tui_first_paint_note": f"the TUI did not paint: {proc.stderr.strip()[-300:]}"}
        times.append(float(line.split()[1]))
    return {"tui_first_paint_s": round(median(times), 3)}


if __name__ == "__main__":
    print(json.dumps({**cli_help(3), **tui_first_paint(3)}, indent=2))
