"""The terminal app's feel: time to first paint, and keystroke echo while it works.

1. First paint: `python -m second_me` is launched in a detached tmux window (80×24, a fresh
   encrypted home) and the pane is polled every 10 ms until the question box's placeholder
   shows. The time includes interpreter start-up and imports: what a person waits for.
   Goal ≤ 1.5 s on 2 cores. Skipped (None) when tmux is not installed.
2. Keystroke echo (Pilot, headless): time from a key press to the question box holding the
   new character, over many keys, p95 in ms — idle; while an answer streams (a fake chat
   model writing a word every 20 ms); and while a real indexing run (the shipped embedding
   model, a generated corpus) works in a thread worker. Goal: streaming and indexing p95
   close to idle.

    python bench/tui_echo.py [--quick]      # prints JSON; `run(quick)` returns the same dict
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

PLACEHOLDER = "Ask your memory"
TEXT = "what did i write about the garden and the budget last spring "


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# ---- 1. first paint in a real terminal -------------------------------------------------------

def first_paint(runs: int = 3, timeout: float = 20.0) -> dict:
    """Median seconds from launch to the question box on screen, over `runs` launches."""
    if shutil.which("tmux") is None:
        return {"tui_first_paint_s": None, "tui_first_paint_note": "tmux not installed"}
    times = []
    for n in range(runs):
        with tempfile.TemporaryDirectory(prefix="second-me-paint-") as tmp:
            session = f"second-me-paint-{os.getpid()}-{n}"
            env = (f"SECOND_ME_HOME={tmp}/home SECOND_ME_PASSPHRASE=bench PYTHONPATH={REPO_ROOT} "
                   f"{sys.executable} -m second_me")
            started = time.monotonic()
            subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", env], check=True)
            try:
                while time.monotonic() - started < timeout:
                    screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                            capture_output=True, text=True).stdout
                    if PLACEHOLDER in screen:
                        times.append(time.monotonic() - started)
                        break
                    time.sleep(0.01)
                # Let it settle, then quit as a person would (the background start-up finishes first).
                time.sleep(0.5)
                subprocess.run(["tmux", "send-keys", "-t", session, "C-q"], capture_output=True)
                time.sleep(1.0)
            finally:
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return {"tui_first_paint_s": round(statistics.median(times), 3) if times else None,
            "tui_first_paint_runs_s": [round(t, 3) for t in times]}


# ---- 2. keystroke echo ------------------------------------------------------------------------

async def _type(pilot, keys: int) -> list[float]:
    """Milliseconds from each key press to the question box holding it.

    Keys go in as the terminal driver sends them (not through `pilot.press`, which also waits
    for the whole app to be idle — never the case while an answer streams)."""
    from textual import events

    from second_me.tui.widgets.prompt import PromptInput

    app = pilot.app
    prompt = app.screen.query_one(PromptInput)
    prompt.focus()
    prompt.clear()
    await pilot.pause()
    latencies = []
    for char in (TEXT * (keys // len(TEXT) + 1))[:keys]:
        before = prompt.text
        event = events.Key("space" if char == " " else char, char)
        event.set_sender(app)
        started = time.perf_counter()
        app._driver.send_message(event)
        while prompt.text == before:
            await asyncio.sleep(0.0005)
        latencies.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.03)  # a fast typist: ~30 keys/s
    prompt.clear()
    return latencies


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2)


def _services(home: Path, real_embedder: bool, delay: float):
    from second_me.config import load_settings
    from second_me.models.fake import FakeChatModel, FakeEmbedder
    from second_me.services import Services
    from second_me.storage.store import open_store

    os.environ.setdefault("SECOND_ME_PASSPHRASE", "bench")
    settings = load_settings(home, abstain_similarity=0.0)
    if real_embedder:
        from second_me.models import llama

        embedder = lambda: llama.load_embedder(settings)  # noqa: E731 - loaded in the worker
    else:
        embedder = FakeEmbedder()
    long_answer = " ".join(f"word{n}" for n in range(2000))
    return Services(settings, open_store(settings), embedder, FakeChatModel(long_answer, delay=delay))


async def _echo_idle_and_streaming(tmp: Path, keys: int) -> dict:
    from second_me.tui.app import SecondMeApp
    from second_me.tui.widgets.prompt import PromptInput
    from second_me.tui.widgets.turns import AnswerTurn

    services = _services(tmp / "chat-home", real_embedder=False, delay=0.02)
    services.indexing.add([REPO_ROOT / "examples" / "notes"])
    app = SecondMeApp(lambda: services, watch=False)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            while app.status.state != "ready":
                await pilot.pause(0.05)
            idle = await _type(pilot, keys)
            prompt = app.screen.query_one(PromptInput)
            prompt.insert("how often do I feed the sourdough starter")
            await pilot.press("enter")
            while not (app.screen.query(AnswerTurn) and len(app.screen.query(AnswerTurn).last().text) > 20):
                await pilot.pause(0.02)
            streaming = await _type(pilot, keys)
            still = not app.screen.query(AnswerTurn).last().finished
            await pilot.press("escape")
            await pilot.pause(0.2)
    finally:
        services.close()
    return {"tui_echo_p95_ms_idle": _p95(idle), "tui_echo_p95_ms_streaming": _p95(streaming),
            "tui_echo_median_ms_idle": round(statistics.median(idle), 2),
            "tui_echo_median_ms_streaming": round(statistics.median(streaming), 2),
            "tui_echo_streamed_throughout": still}


async def _echo_indexing(tmp: Path, keys: int, files: int) -> dict:
    from bench.ingest import make_corpus
    from second_me.tui.app import SecondMeApp

    corpus = tmp / "corpus"
    make_corpus(corpus, files)
    services = _services(tmp / "index-home", real_embedder=True, delay=0.0)
    app = SecondMeApp(lambda: services, load_models=False, watch=False)
    progressed = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            while app.status.state != "ready":
                await pilot.pause(0.05)

            stop = threading.Event()

            def index() -> None:
                from second_me.ingest.pipeline import Indexer

                def progress(p) -> None:
                    progressed.append(p.done)
                    app.monitor.progress(p, "once")

                indexer = Indexer(services.store, lambda: services.embedder, services.settings, services.clock)
                indexer.queue.enqueue(indexer.scan(corpus), services.clock.timestamp())
                app.monitor.run_started("once")
                indexer.drain(progress, stop)  # stopped once the typing is measured
                app.monitor.run_finished("once")

            worker = app.run_worker(index, thread=True, group="bench-index")
            while not progressed:  # the model is loaded and the first batch is in
                await pilot.pause(0.05)
            latencies = await _type(pilot, keys)
            indexing_throughout = worker.is_running
            stop.set()
            await worker.wait()
    finally:
        services.close()
    return {"tui_echo_p95_ms_indexing": _p95(latencies),
            "tui_echo_median_ms_indexing": round(statistics.median(latencies), 2),
            "tui_echo_indexed_throughout": indexing_throughout, "tui_echo_indexing_files": files}


def run(quick: bool = False) -> dict:
    keys = 30 if quick else 80
    result = {"load_average_before": _load()}
    result.update(first_paint(runs=2 if quick else 5))
    with tempfile.TemporaryDirectory(prefix="second-me-echo-") as tmp:
        result.update(asyncio.run(_echo_idle_and_streaming(Path(tmp), keys)))
        result.update(asyncio.run(_echo_indexing(Path(tmp), keys, files=200)))
    result["tui_first_paint_goal_s"] = 1.5
    result["load_average_after"] = _load()
    return result


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=2))
