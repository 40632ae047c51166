"""watch add|list|remove and index through the CLI; the daemon as a real process."""

import os
import signal
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_watch_add_list_index_remove(run_cli, notes, tmp_path):
    result = run_cli("watch", "add", str(notes))
    assert result.code == 0 and "watching" in result.out and "indexed 3 files" in result.out
    listed = run_cli("watch", "list", "--json").json()
    assert listed["folders"][0]["files"] == 3 and listed["folders"][0]["errors"] == 0
    (notes / "new.md").write_text("# Pottery\n\nThe kiln fires at 1200 C.\n")
    assert "indexed 1 files" in run_cli("index").out
    assert "up to date" in run_cli("index").out
    assert run_cli("watch", "add", str(notes)).code == 3  # already watched
    assert run_cli("watch", "remove", str(tmp_path / "nope")).code == 2
    removed = run_cli("watch", "remove", str(notes))
    assert removed.code == 0 and "chunks removed" in removed.out
    assert run_cli("search", "kiln", "--json").json()["results"] == []


def test_watch_add_rejects_a_file_and_a_missing_path(run_cli, notes):
    assert run_cli("watch", "add", str(notes / "travel.md")).code == 3
    assert run_cli("watch", "add", str(notes / "missing")).code == 2


def test_daemon_indexes_changes_and_stops_cleanly_on_sigterm(tmp_path, notes):
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home),
           "SECOND_ME_WATCH_DEBOUNCE_S": "0.2"}
    subprocess.run([sys.executable, "-m", "second_me", "watch", "add", "--no-index", str(notes)], env=env,
                   check=True, capture_output=True)
    proc = subprocess.Popen([sys.executable, "-m", "second_me", "daemon"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines = []
    try:
        for line in proc.stdout:  # the catch-up indexes the three notes
            lines.append(line)
            if "travel.md" in line:
                break
        (notes / "fresh.md").write_text("# Fresh\n\nA brand new note about lanterns.\n")
        for line in proc.stdout:
            lines.append(line)
            if "fresh.md" in line:
                break
        second = subprocess.run([sys.executable, "-m", "second_me", "daemon"], env=env, capture_output=True, text=True)
        assert second.returncode == 1 and "already running" in second.stderr
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    log = "".join(lines) + out
    assert proc.returncode == 0, log
    assert "indexed" in log and "fresh.md" in log and log.rstrip().endswith(("stopped", "next time)"))
