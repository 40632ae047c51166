"""kill -9 at random points of `add`, `index`, `import chat` and `summarize`: the store stays
intact, and resuming gives exactly the memories of an uninterrupted run (no loss, no
duplicates), and search works."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from second_me.clock import FixedClock, parse_instant
from second_me.config import load_settings
from second_me.models.fake import FakeChatModel, FakeEmbedder
from second_me.services import Services
from second_me.storage.consistency import check
from second_me.storage.store import open_store
from tests.reliability.helpers import write_chat_file

REPO_ROOT = Path(__file__).resolve().parents[2]
FAKE_CLI = Path(__file__).resolve().parent / "fake_cli.py"


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")}
    return {**env, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home), "SECOND_ME_PASSPHRASE": "test-passphrase"}


def _cli(home: Path, *args: str, mark: Path | None = None, stdout=subprocess.DEVNULL) -> subprocess.Popen:
    env = _env(home) if mark is None else {**_env(home), "FAKE_CLI_WORKING_MARK": str(mark)}
    return subprocess.Popen([sys.executable, str(FAKE_CLI), "--slow", *args], env=env,
                            stdout=stdout, stderr=subprocess.PIPE, text=True)


def _write_corpus(folder: Path, files: int, version: int, rng: random.Random) -> None:
    """Files whose content depends on `version` for a random third of them (so there is work)."""
    folder.mkdir(exist_ok=True)
    for n in range(files):
        path = folder / f"topic-{n:02}.md"
        if path.exists() and rng.random() > 0.35:
            continue
        body = "\n\n".join(f"## Part {p}\nTopic {n} version {version} paragraph {p}: "
                           + " ".join(f"word{(n * 7 + p * 3 + i) % 97}" for i in range(60)) for p in range(4))
        path.write_text(f"# Topic {n}\n\n{body}\n")


def _memories(home: Path) -> Counter:
    store = open_store(load_settings(home))
    try:
        report = check(store)
        assert report.ok, report.as_json()
        with store.db.read() as conn:
            rows = conn.execute("SELECT m.kind, m.text, s.path, m.start_line, m.end_line, m.state, m.valid_from, "
                                "m.valid_to, m.superseded_by IS NULL FROM memories m "
                                "LEFT JOIN sources s ON s.id = m.source_id").fetchall()
    finally:
        store.close()
    return Counter(rows)


def _state_after_kill(home: Path) -> None:
    """Right after a kill -9: the store opens, passes integrity and consistency checks."""
    if (home / "memory.db").exists():
        _memories(home)


def _run_to_end(home: Path, *args: str) -> None:
    process = _cli(home, *args)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def _count(home: Path, sql: str) -> int:
    """A count read the way a second process would (-1 while the store is being created)."""
    from sqlcipher3 import dbapi2

    if not (home / "memory.db").exists():
        return -1
    conn = dbapi2.connect(str(home / "memory.db"), timeout=30)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = 'test-passphrase'")
        return conn.execute(sql).fetchone()[0]
    except dbapi2.Error:
        return -1
    finally:
        conn.close()


def _queued(home: Path) -> int:
    """Rows in the index queue."""
    return _count(home, "SELECT count(*) FROM queue")


def _start_working(home: Path, args: tuple[str, ...], stdout=subprocess.DEVNULL) -> subprocess.Popen:
    """Start the command and return once it has queued its work (or ended): kills then land in the work,
    not in Python's start-up, however loaded the machine is."""
    process = _cli(home, *args, stdout=stdout)
    while process.poll() is None and _queued(home) <= 0:
        time.sleep(0.02)
    return process


def crash_harness(tmp_path: Path, kills: int, files: int, seed: int, command: tuple[str, ...] = ("add", "{corpus}"),
                  setup: tuple[str, ...] = ()) -> int:
    """Run `command CORPUS` again and again, SIGKILLing it at random moments of its work; returns how
    many kills left work queued. Other resumable commands plug in via `command`."""
    rng = random.Random(seed)
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    _write_corpus(corpus, files, 0, rng)
    command = tuple(arg.replace("{corpus}", str(corpus)) for arg in command)
    setup = tuple(arg.replace("{corpus}", str(corpus)) for arg in setup)
    for each in (home, tmp_path / "timing-home", tmp_path / "reference-home"):
        each.mkdir()
        if setup:
            _run_to_end(each, *setup)
    timing = _start_working(tmp_path / "timing-home", command, stdout=subprocess.PIPE)
    started = time.monotonic()
    timing.stdout.readline()  # the report, printed once the work is committed (progress goes to stderr)
    work_time = time.monotonic() - started
    _, err = timing.communicate(timeout=300)
    assert timing.returncode == 0, err

    done_kills = version = 0
    interrupted_mid_work = 0
    # On a loaded machine start-up takes more of each run, and a kill may land before any work is
    # queued: up to 4× the kills are tried until one lands mid-work (else the harness tested nothing).
    while done_kills < kills or (not interrupted_mid_work and done_kills < 4 * kills):
        version += 1
        _write_corpus(corpus, files, version, rng)
        process = _start_working(home, command)
        time.sleep(rng.uniform(0, work_time))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            done_kills += 1
        else:
            assert process.returncode == 0, process.stderr.read()
        _state_after_kill(home)
        interrupted_mid_work += _queued(home) > 0

    _run_to_end(home, *command)  # restart: resumes and finishes
    reference = tmp_path / "reference-home"
    _run_to_end(reference, *command)
    assert _memories(home) == _memories(reference)
    search = subprocess.run([sys.executable, str(FAKE_CLI), "search", "topic 3 paragraph 2", "--json"],
                            env=_env(home), capture_output=True, text=True, timeout=120)
    assert search.returncode == 0 and "topic-03.md" in search.stdout
    return interrupted_mid_work


NOW = "2024-06-01T00:00:00+00:00"  # summarize --now: summaries are stamped alike in every run
SUMMARIZE = ("summarize", "--budget", "600", "--now", NOW)  # a budget never reached: same summaries as a full run
# Work a summarize leaves when killed: turns not read for facts, conversations not summarised
# yet, current facts the portrait (built last) does not cover yet.
WORK_LEFT = ("SELECT (SELECT count(*) FROM messages WHERE role = 'user' AND facts_done_at IS NULL) + "
             "(SELECT count(*) FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM summary_nodes n "
             "WHERE n.level = 'session' AND n.key = c.name AND n.memory_id IS NOT NULL AND n.dirty = 0)) + "
             "(SELECT count(*) FROM memories f WHERE f.kind = 'fact' AND f.state = 'active' AND f.superseded_by IS NULL "
             "AND f.id NOT IN (SELECT c.memory_id FROM summary_children c JOIN summary_nodes n ON n.id = c.node_id "
             "WHERE n.level = 'portrait'))")


def _messages(home: Path) -> Counter:
    """Every stored turn, with its conversation (a duplicate would count twice)."""
    store = open_store(load_settings(home))
    try:
        with store.db.read() as conn:
            return Counter(conn.execute("SELECT c.name, m.external_id, m.speaker, m.role, m.text, m.ts FROM messages m "
                                        "JOIN conversations c ON c.id = m.conversation_id").fetchall())
    finally:
        store.close()


def _start_marked(home: Path, mark: Path, args: tuple[str, ...], stdout=subprocess.DEVNULL) -> subprocess.Popen:
    """Start the command and return once its first model call has begun (or it ended)."""
    mark.unlink(missing_ok=True)
    process = _cli(home, *args, mark=mark, stdout=stdout)
    while process.poll() is None and not mark.exists():
        time.sleep(0.02)
    return process


def _timed_run(home: Path, mark: Path, args: tuple[str, ...]) -> float:
    """Run to the end; seconds from its first model call to its report line (printed once the
    work is committed, so the time left for closing and exiting is not counted)."""
    process = _start_marked(home, mark, args, stdout=subprocess.PIPE)
    started = time.monotonic()
    process.stdout.readline()
    work_time = time.monotonic() - started
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return work_time


def _kill_at_random(process: subprocess.Popen, rng: random.Random, work_time: float) -> bool:
    """SIGKILL the process at a random moment of its work; False if it finished first."""
    time.sleep(rng.uniform(0, work_time))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    assert process.returncode == 0, process.stderr.read()
    return False


def _reference(home: Path, files: list[Path]) -> None:
    """The uninterrupted run: every file imported, then one summarize (the product's code, in process)."""
    settings = load_settings(home)
    services = Services(settings, open_store(settings), FakeEmbedder(), FakeChatModel(),
                        FixedClock(parse_instant(NOW, "now")))
    try:
        for path in files:
            services.conversations.import_chat(path)
        services.memory.summarize(600)
    finally:
        services.close()


def chat_crash_harness(tmp_path: Path, kills: int, seed: int) -> tuple[int, int, int]:
    """Each round imports a new chat file (restarting it if killed), then summarizes, SIGKILLing
    each at a random moment of its work, until both were killed `kills` times. Returns (import kills, summarize kills,
    summarize kills that left work to do)."""
    rng = random.Random(seed)
    chats, home, mark = tmp_path / "chats", tmp_path / "home", tmp_path / "working"
    chats.mkdir()
    home.mkdir()
    files = [write_chat_file(chats / "batch-0.jsonl", 0)]
    # Round 0 runs to the end: it tells how long each command works.
    import_time = _timed_run(home, mark, ("import", "chat", str(files[0])))
    summarize_time = _timed_run(home, mark, SUMMARIZE)

    import_kills = summarize_kills = left_work = 0
    while import_kills < kills or summarize_kills < kills:
        files.append(write_chat_file(chats / f"batch-{len(files)}.jsonl", len(files)))
        command = ("import", "chat", str(files[-1]))
        before = _count(home, "SELECT count(*) FROM messages")
        killed = _kill_at_random(_start_marked(home, mark, command), rng, import_time)
        import_kills += killed
        _state_after_kill(home)
        added = _count(home, "SELECT count(*) FROM messages") - before
        assert added in (0, len(files[-1].read_text().splitlines())), "an import was stored in part"
        if killed:
            _run_to_end(home, *command)  # the restart: the same import again (idempotent by id)

        if _kill_at_random(_start_marked(home, mark, SUMMARIZE), rng, summarize_time):
            summarize_kills += 1
            left_work += _count(home, WORK_LEFT) > 0
        _state_after_kill(home)

    _run_to_end(home, *SUMMARIZE)  # the restart: summarize to the end
    reference = tmp_path / "reference-home"
    reference.mkdir()
    _reference(reference, files)
    assert _messages(home) == _messages(reference)
    assert _memories(home) == _memories(reference)

    env = _env(home)
    doctor = subprocess.run([sys.executable, str(FAKE_CLI), "doctor", "--check"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    search = subprocess.run([sys.executable, str(FAKE_CLI), "search", "where do I work now", "--kind", "fact",
                             "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert search.returncode == 0 and '"kind": "fact"' in search.stdout, search.stdout + search.stderr
    return import_kills, summarize_kills, left_work


def test_kill_9_during_import_chat_and_summarize_short(tmp_path):
    imports, summaries, left_work = chat_crash_harness(tmp_path, kills=5, seed=5)
    assert imports >= 5 and summaries >= 5
    assert left_work >= 2, "no summarize was killed in the middle of its work: the harness tested nothing"


@pytest.mark.slow
def test_kill_9_during_import_chat_and_summarize_long(tmp_path):
    imports, summaries, left_work = chat_crash_harness(tmp_path, kills=25, seed=2025)
    assert imports >= 25 and summaries >= 25 and left_work >= 10


def test_kill_9_during_indexing_short(tmp_path):
    interrupted = crash_harness(tmp_path, kills=6, files=24, seed=9)
    assert interrupted >= 1, "no kill landed while work was queued: the harness tested nothing"


def test_kill_9_during_index_of_watched_folders_short(tmp_path):
    interrupted = crash_harness(tmp_path, kills=4, files=24, seed=4, command=("index",),
                                setup=("watch", "add", "--no-index", "{corpus}"))
    assert interrupted >= 1


@pytest.mark.slow
def test_kill_9_during_index_of_watched_folders_long(tmp_path):
    interrupted = crash_harness(tmp_path, kills=30, files=60, seed=44, command=("index",),
                                setup=("watch", "add", "--no-index", "{corpus}"))
    assert interrupted >= 10


@pytest.mark.slow
def test_kill_9_during_indexing_long(tmp_path):
    interrupted = crash_harness(tmp_path, kills=40, files=60, seed=2024)
    assert interrupted >= 10
