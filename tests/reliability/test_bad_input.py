"""Bad input everywhere: one-line error, the right exit code, and stored memories unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from second_me.models.defaults import default_chat_model_path, default_embed_model_path
from tests.reliability.helpers import memory_snapshot

REPO_ROOT = Path(__file__).resolve().parents[2]


def _assert_one_line(result, code, words):
    assert result.code == code, (result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1 and words in result.err, result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("args, code, words", [
    (("add", "/no/such/folder"), 2, "no such file"),
    (("search", "dough", "-k", "-3"), 3, "-k must be"),
    (("search", "dough", "-k", "many"), 1, "usage error"),
    (("search", "dough", "--now", "2025-13-45"), 3, "invalid --now"),
    (("ask", "dough", "--now", "last tuesday"), 3, "invalid --now"),
    (("ask", "", "--json"), 3, "empty"),
    (("backup", "/no/such/folder/b.db"), 2, "no such folder"),
    (("restore", "/no/such/backup.db"), 2, "no such backup"),
    (("doctor", "--bogus"), 1, "No such option"),
])
def test_bad_cli_arguments(run_cli, notes, home, args, code, words):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    _assert_one_line(run_cli(*args), code, words)
    assert memory_snapshot(home) == before


@pytest.mark.parametrize("config, words", [
    ("chat_model = [unclosed", "not valid TOML"),
    ("colour = 'blue'", "unknown key 'colour'"),
    ("search_k = 'eight'", "search_k"),
    ("kv_cache_type_k = 'q3'", "kv_cache_type_k"),
    ("retention_floor = 7", "retention_floor"),
])
def test_bad_config_files(run_cli, notes, home, config, words):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    (home / "config.toml").write_text(config + "\n")
    for args in (("search", "dough"), ("add", str(notes)), ("doctor",)):
        _assert_one_line(run_cli(*args), 3, words)
    (home / "config.toml").unlink()
    assert memory_snapshot(home) == before


def test_bad_env_setting_names_the_variable(run_cli, monkeypatch):
    monkeypatch.setenv("SECOND_ME_SERACH_K", "3")
    _assert_one_line(run_cli("doctor"), 3, "SECOND_ME_SERACH_K")


@pytest.fixture(scope="module")
def real_home_template(tmp_path_factory):
    """A home indexed once with the real embedding model (copied by each test)."""
    home = tmp_path_factory.mktemp("real-template")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_PASSPHRASE": "test-passphrase",
           "SECOND_ME_HOME": str(home)}
    env = {k: v for k, v in env.items() if not k.startswith("SECOND_ME_") or k in ("SECOND_ME_PASSPHRASE", "SECOND_ME_HOME")}
    done = subprocess.run([sys.executable, "-m", "second_me", "add", str(REPO_ROOT / "examples" / "notes")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return home


def _bad_model_files(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    not_gguf = folder / "notes.gguf"
    not_gguf.write_text("this is not a model\n" * 100)
    truncated = folder / "truncated.gguf"
    truncated.write_bytes(default_chat_model_path().read_bytes()[:2_000_000])
    empty = folder / "empty.gguf"
    empty.write_bytes(b"")
    return {"missing": folder / "absent.gguf", "not_gguf": not_gguf, "truncated": truncated, "empty": empty}


@pytest.mark.real_models
@pytest.mark.parametrize("role, problem, words", [
    ("chat", "missing", "does not exist"),
    ("chat", "not_gguf", "not a valid GGUF"),
    ("chat", "truncated", "truncated"),
    ("chat", "empty", "empty"),
    ("chat", "wrong_arch", "is an embedding model"),
    ("embed", "not_gguf", "not a valid GGUF"),
    ("embed", "wrong_arch", "not an embedding model"),
])
def test_bad_model_files_exit_4_and_change_nothing(run_cli, real_home_template, tmp_path, monkeypatch,
                                                   role, problem, words):
    home = tmp_path / "home-copy"
    shutil.copytree(real_home_template, home)
    before = memory_snapshot(home)
    files = _bad_model_files(tmp_path / "models")
    files["wrong_arch"] = default_embed_model_path() if role == "chat" else default_chat_model_path()
    monkeypatch.setenv(f"SECOND_ME_{role.upper()}_MODEL", str(files[problem]))
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "fresh.md").write_text("# Fresh\nA new note about proofing dough longer in winter.\n")
    command = ("ask", "how long do I proof the dough?") if role == "chat" else ("add", str(tmp_path / "new"))
    _assert_one_line(run_cli(*command, real=True, home_path=home), 4, words)
    assert memory_snapshot(home) == before
