"""Memory work in the background: only when indexing is quiet, in budgeted steps, one summarizer per home."""

import threading
from datetime import datetime, timezone

from second_me.domain import Turn
from second_me.models.fake import FakeChatModel
from second_me.services import Services
from second_me.storage.home_lock import SUMMARIZER, HomeLock
from second_me.storage.store import open_store


class ManualTimer:
    """Monotonic time that moves only when told to."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class SlowModel(FakeChatModel):
    """A model whose every call takes one second of the worker's time; counts its calls."""

    def __init__(self, timer: ManualTimer):
        super().__init__(lambda messages: "In short: " + " ".join(messages[-1].content.split()[-8:]) + ".",
                         parameters=1_500_000_000)  # a capable model: a small one's summaries are extractive
        self.timer = timer

    def stream(self, messages, **kwargs):
        self.timer.now += 1.0
        return super().stream(messages, **kwargs)


def _ts(day: int, hour: int) -> float:
    return datetime(2024, 5, day, hour, tzinfo=timezone.utc).timestamp()


def _chat(services, start: int = 0) -> None:
    lines = ["I moved to Lisbon in spring.", "The cardamom buns at the bakery were the best.",
             "I work at Acme Corp now.", "Cello practice went well tonight.",
             "My favourite color is green.", "Booked the train to Vienna for the concert."]
    turns = [Turn(f"chat {n % 3}", "Ana", text, _ts(6 + n % 3, 8 + n), "user", str(start + n))
             for n, text in enumerate(lines)]
    services.conversations.log.add_turns(turns, services.clock.timestamp())


def _counts(services):
    with services.store.db.read() as conn:
        facts = conn.execute("SELECT count(*) FROM memories WHERE kind = 'fact'").fetchone()[0]
        unread = conn.execute("SELECT count(*) FROM messages WHERE facts_done_at IS NULL").fetchone()[0]
        summaries = conn.execute("SELECT count(*) FROM summary_nodes WHERE memory_id IS NOT NULL").fetchone()[0]
    return facts, unread, summaries


def _worker(services, timer, **kwargs):
    from dataclasses import replace

    services.settings = replace(services.settings, background_idle_s=30, background_budget_s=kwargs.pop("budget", 60),
                                embed_idle_unload_s=120)
    worker = services.background(**kwargs).memory
    worker.timer = timer
    worker._quiet_since = timer()
    return worker


def test_work_waits_for_a_quiet_indexer_then_learns_facts_and_builds_summaries(services, clock, tmp_path):
    timer = ManualTimer()
    log: list[str] = []
    _chat(services)
    services.store.queue.enqueue([(str(tmp_path / "new.md"), "upsert", str(tmp_path))], clock.timestamp())
    worker = _worker(services, timer, log=log.append)
    timer.now += 3600
    assert worker.tick() is None  # files are queued: the indexer comes first
    assert _counts(services)[1] == 6
    services.indexing.index()  # the queue drains; the worker now waits background_idle_s of quiet
    timer.now += 29
    assert worker.tick() is None and _counts(services)[1] == 6
    timer.now += 1
    report = worker.tick()
    assert report is not None and report.finished and report.steps > 0
    facts, unread, summaries = _counts(services)
    assert facts >= 3 and unread == 0 and summaries >= 4  # sessions, a day, the portrait at least
    assert any(line.startswith("memory: ") and "fact(s) learnt from 6 turn(s)" in line for line in log)
    # Its own writes earn one more look, which finds nothing; then it only watches (and logs nothing).
    lines = len(log)
    timer.now += 60
    assert worker.tick().steps == 0
    assert worker.tick() is None and worker.tick() is None and len(log) == lines


def test_budget_is_counted_in_steps_and_the_rest_waits_for_the_next_round(settings, clock, fake_embedder):
    timer = ManualTimer()
    model = SlowModel(timer)
    services = Services(settings, open_store(settings), fake_embedder, model, clock)
    try:
        _chat(services)
        worker = _worker(services, timer, budget=3)
        timer.now += 30
        first = worker.tick()
        assert first.steps == 3 and len(model.prompts) == 3 and first.stopped_for == "budget"
        assert not first.finished
        assert worker.tick() is None  # it rests background_idle_s before the next round
        steps = [first.steps]
        while not worker.last_round.finished:
            timer.now += 30
            steps.append(worker.tick().steps)
        # One step, one model call: 1 batch of turns, 3 sessions, the week, the portrait.
        assert steps == [3, 3] and len(model.prompts) == 6 and _counts(services)[1] == 0
    finally:
        services.close()


def test_a_queued_file_pauses_a_round_between_steps(services, clock, tmp_path):
    timer = ManualTimer()
    queue = services.store.queue

    def reply(messages):  # a file arrives while the model works on the first step
        queue.enqueue([(str(tmp_path / "late.md"), "upsert", str(tmp_path))], clock.timestamp())
        return "- lives in Lisbon"

    services._chat = services._chat_source = FakeChatModel(reply, parameters=1_500_000_000)
    _chat(services)
    worker = _worker(services, timer)
    timer.now += 30
    report = worker.tick()
    assert report.steps == 1 and report.stopped_for == "other work first"
    assert _counts(services)[1:] == (0, 0)  # the turns were read; no summary was started


def test_chat_model_loads_only_for_work_and_is_freed_after_idle(settings, clock, fake_embedder):
    timer = ManualTimer()
    loads = []
    services = Services(settings, open_store(settings), fake_embedder,
                        lambda: loads.append(1) or FakeChatModel(), clock)
    try:
        worker = _worker(services, timer, free_models=True)
        timer.now += 30
        worker.tick()  # nothing to do: no model
        assert not loads
        _chat(services)
        timer.now += 30
        worker.tick()
        assert loads == [1] and services.chat_loaded
        timer.now += 119
        worker.tick()
        assert services.chat_loaded
        timer.now += 1
        worker.tick()
        assert not services.chat_loaded and fake_embedder is services.embedder  # handed-in models stay
    finally:
        services.close()


def test_one_summarizer_per_home(services, clock, settings):
    timer = ManualTimer()
    _chat(services)
    worker = _worker(services, timer)
    other = HomeLock(settings.home, SUMMARIZER)  # e.g. `second-me summarize` in another process
    assert other.try_acquire()
    waited = []
    by_hand = threading.Thread(target=lambda: services.memory.summarize(60, on_wait=waited.append))
    try:
        timer.now += 30
        assert worker.tick() is None and _counts(services)[1] == 6
        by_hand.start()
        while not waited:  # the hand-run summarize is told it waits, then waits
            threading.Event().wait(0.01)
        assert _counts(services)[1] == 6
    finally:
        other.release()
    by_hand.join()
    assert _counts(services)[1] == 0
    assert worker.tick().steps == 0  # what the other summarizer did is not done twice


def test_stop_takes_effect_at_the_next_step(services, clock):
    in_call, go_on = threading.Event(), threading.Event()

    def reply(messages):
        in_call.set()
        go_on.wait(30)
        return "In short: the user wrote a few notes."

    model = FakeChatModel(reply, parameters=1_500_000_000)
    services._chat = services._chat_source = model
    _chat(services)
    from dataclasses import replace

    services.settings = replace(services.settings, background_idle_s=0.01)
    worker = services.background().memory
    worker.start()
    assert in_call.wait(30)
    stopping = threading.Thread(target=worker.stop, kwargs={"timeout": 30})
    stopping.start()
    while not worker._stop.is_set():
        threading.Event().wait(0.01)
    go_on.set()
    stopping.join()
    assert not worker.running and len(model.prompts) == 1
    assert _counts(services)[2] == 0  # the summaries wait for the next run


def test_an_idle_worker_stops_at_once(services):
    worker = services.background().memory
    worker.start()
    assert worker.stop(timeout=5) and not worker.running


def test_the_daemon_learns_from_a_chat_imported_while_it_runs(tmp_path):
    """A real `second-me daemon` process (fake models): nobody runs `summarize`."""
    import json
    import os
    import queue
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from second_me.config import load_settings

    repo = Path(__file__).resolve().parents[2]
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(repo), "SECOND_ME_HOME": str(home), "SECOND_ME_BACKGROUND_IDLE_S": "0.3"}
    fake_cli = [sys.executable, str(repo / "tests" / "reliability" / "fake_cli.py")]
    chat = tmp_path / "chat.jsonl"
    chat.write_text("".join(json.dumps({"conversation": "moving day", "speaker": "Ana", "text": text, "id": str(n),
                                        "timestamp": f"2024-05-0{n + 1}T09:00:00+00:00"}) + "\n"
                            for n, text in enumerate(["I moved to Lisbon last week.", "I work at Acme Corp now."])))
    daemon = subprocess.Popen([*fake_cli, "daemon"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in daemon.stdout], daemon=True).start()
    seen = []

    def wait_for(word):
        for _ in range(200):  # a line per event: a daemon that never gets there fails, not hangs
            line = lines.get(timeout=60)
            seen.append(line)
            if word in line:
                return line
        raise AssertionError("".join(seen))

    try:
        wait_for("watching")
        imported = subprocess.run([*fake_cli, "import", "chat", str(chat)], env=env, capture_output=True, text=True)
        assert imported.returncode == 0, imported.stderr
        learnt = wait_for("memory: ")
        assert "fact(s) learnt from 2 turn(s)" in learnt and "summaries rebuilt" in learnt
        daemon.send_signal(signal.SIGTERM)
        wait_for("stopped")
        assert daemon.wait(timeout=30) == 0
    finally:
        if daemon.poll() is None:
            daemon.kill()
    store = open_store(load_settings(home))
    try:
        with store.db.read() as conn:
            facts = [row[0] for row in conn.execute("SELECT text FROM memories WHERE kind = 'fact'")]
            nodes = {row[0] for row in conn.execute("SELECT level FROM summary_nodes WHERE memory_id IS NOT NULL")}
    finally:
        store.close()
    assert "lives in Lisbon" in facts and "works at Acme Corp" in facts, "".join(seen)
    assert {"session", "portrait"} <= nodes
