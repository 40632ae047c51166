"""`second-me models [--json]` and `second-me models use NAME|PATH` through the CLI, and the config edit behind it."""

from __future__ import annotations

import json

import pytest

from second_me.config import load_settings, write_setting
from second_me.errors import ConfigError
from tests.models.test_defaults import CHAT_META, write_gguf

CONFIG = '# my settings\nsearch_k = 5   # fewer hits\n\nchat_model = "old.gguf"\nn_ctx = 2048\n'


@pytest.fixture
def on_machine(machine, monkeypatch):
    """The CLI sees `machine` as the user's home; no SECOND_ME_CHAT_MODEL overrides config.toml."""
    monkeypatch.setenv("HOME", str(machine))
    for name in ("OLLAMA_MODELS", "XDG_DATA_HOME", "XDG_CACHE_HOME", "SECOND_ME_CHAT_MODEL"):
        monkeypatch.delenv(name, raising=False)
    return machine


def test_models_lists_every_source(run_cli, on_machine, no_reader):
    result = run_cli("models")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "chat models" and "embedding models" in lines
    smol = next(line for line in lines if "SmolLM2-135M-Instruct" in line)
    assert smol.lstrip().startswith("*") and "(in use)" in smol and "Q4_1" in smol and "ctx 8192" in smol
    assert any("llama3.2:latest" in line and "ollama" in line and "3.0B" in line for line in lines)
    assert any("Absent-Reader" in line and "not installed: pip install 'second-me[reader]'" in line for line in lines)
    assert any("models.example/someone/Qwen:Q8_0" in line and "unusable:" in line for line in lines)


def test_models_json(run_cli, on_machine, no_reader):
    result = run_cli("models", "--json")
    assert result.code == 0
    data = result.json()
    by_name = {m["name"]: m for m in data["models"]}
    assert by_name["nomic-embed-text:latest"]["role"] == "embed"
    assert by_name["llama3.2:latest"]["quantisation"] == "Q4_K_M"
    assert data["problems"] == []


def test_models_use_writes_chat_model_and_keeps_the_rest(run_cli, on_machine, home, no_reader):
    (home / "config.toml").write_text(CONFIG, encoding="utf-8")
    result = run_cli("models", "use", "llama3.2")
    assert result.code == 0, result.err
    assert "answers now come from llama3.2:latest" in result.out
    written = (home / "config.toml").read_text(encoding="utf-8")
    blob = str(on_machine / ".ollama" / "models" / "blobs" / "sha256-aaa")
    assert written == CONFIG.replace('chat_model = "old.gguf"', f"chat_model = {json.dumps(blob)}")
    assert load_settings(home).chat_model == blob


def test_models_use_reader_when_the_extra_is_installed(run_cli, on_machine, home, tiny_reader):
    result = run_cli("models", "use", "reader")
    assert result.code == 0, result.err
    assert (home / "config.toml").read_text(encoding="utf-8") == 'chat_model = "reader"\n'


@pytest.mark.parametrize("target, code, words", [
    ("nomic-embed-text", 4, "it cannot chat"),
    ("models.example/someone/Qwen:Q8_0", 4, "missing blob"),
    ("no-such-model", 2, "no model named"),
    ("reader", 4, "pip install 'second-me[reader]'"),
    ("./missing.gguf", 2, "does not exist"),
])
def test_models_use_refuses_in_one_line_and_leaves_config_alone(run_cli, on_machine, home, no_reader,
                                                                 target, code, words):
    (home / "config.toml").write_text(CONFIG, encoding="utf-8")
    result = run_cli("models", "use", target)
    assert result.code == code
    assert result.err.startswith("error: ") and words in result.err and result.err.count("\n") == 1
    assert "Traceback" not in result.err and "unexpected" not in result.err
    assert (home / "config.toml").read_text(encoding="utf-8") == CONFIG


def test_models_use_a_corrupt_file_exits_4(run_cli, on_machine, home, tmp_path, no_reader):
    full = write_gguf(tmp_path / "full.gguf", CHAT_META, tensor_bytes=4096)
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(full.read_bytes()[:200])
    result = run_cli("models", "use", str(cut))
    assert result.code == 4 and "is truncated" in result.err
    assert not (home / "config.toml").exists()


def test_models_use_with_a_broken_config_exits_3(run_cli, on_machine, home, no_reader):
    (home / "config.toml").write_text("chat_model = [unclosed\n", encoding="utf-8")
    result = run_cli("models", "use", "builtin")
    assert result.code == 3 and "not valid TOML" in result.err
    assert (home / "config.toml").read_text(encoding="utf-8") == "chat_model = [unclosed\n"


# --- config.toml edits ---------------------------------------------------------------------


def test_write_setting_appends_a_missing_key(tmp_path):
    (tmp_path / "config.toml").write_text("search_k = 5", encoding="utf-8")  # no final newline
    write_setting(tmp_path, "chat_model", 'C:\\models\\a "b".gguf')
    assert load_settings(tmp_path, environ={}).chat_model == 'C:\\models\\a "b".gguf'
    assert load_settings(tmp_path, environ={}).search_k == 5


def test_write_setting_creates_the_file(tmp_path):
    write_setting(tmp_path / "new-home", "chat_model", "builtin")
    assert (tmp_path / "new-home" / "config.toml").read_text(encoding="utf-8") == 'chat_model = "builtin"\n'


def test_write_setting_refuses_unknown_keys_and_leaves_no_temp_file(tmp_path):
    with pytest.raises(ConfigError, match="unknown key"):
        write_setting(tmp_path, "chat_modle", "x")
    write_setting(tmp_path, "chat_model", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]
