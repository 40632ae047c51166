"""`models`: what is on the machine, read from headers, and choosing the chat model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from second_me.config import Settings
from second_me.errors import InputRejected, ModelError, NotFoundError, UsageError
from second_me.models import catalog
from second_me.models.catalog import choose_chat_model, list_models
from tests.models.test_defaults import CHAT_META, write_gguf

def _settings(tmp_path, **values) -> Settings:
    models = tmp_path / "own-models"
    models.mkdir(exist_ok=True)
    return Settings(home=tmp_path / "sm-home", models_dir=str(models), **values)


def _list(settings, machine, env=None):
    return list_models(settings, home=machine, env=env or {}, system="Linux")


def _by_name(listing) -> dict[str, catalog.ModelEntry]:
    return {entry.name: entry for entry in listing.entries}


def test_every_tool_s_models_are_listed_with_their_header_facts(machine, tmp_path, no_reader):
    entries = _by_name(_list(_settings(tmp_path), machine))
    llama = entries["llama3.2:latest"]
    assert (llama.source, llama.role, llama.architecture, llama.parameters, llama.quantisation,
            llama.context_length) == ("ollama", "chat", "llama", 3_000_000_000, "Q4_K_M", 131072)
    assert llama.path.endswith("blobs/sha256-aaa") and llama.size == os.path.getsize(llama.path)
    assert entries["someone/custom:q4"].path == llama.path
    assert entries["nomic-embed-text:latest"].role == "embed" and entries["nomic-embed-text:latest"].use_as == ""
    assert entries["Qwen2.5-0.5B-Q8_0"].source == "lm studio" and entries["Qwen2.5-0.5B-Q8_0"].quantisation == "Q8_0"
    assert entries["Big-00001-of-00002"].source == "lm studio"
    assert entries["tiny-chat.Q4_0"].source == "gpt4all"
    assert "downloaded-tiny.Q4_K_M" not in entries  # a download cache is not searched: the app stays offline
    names = [e.name for e in _list(_settings(tmp_path), machine).entries]
    assert not any(n.startswith(("mmproj", "Big-00002", "adapter")) for n in names)
    cache = Settings(home=tmp_path / "sm-home", models_dir=str(machine / ".cache" / "model-downloads"))
    cached = [e for e in _list(cache, machine).entries if e.name == "downloaded-tiny.Q4_K_M"]
    assert [e.source for e in cached] == ["models_dir"]  # pointed at, its two snapshots of one blob list once


def test_broken_ollama_models_say_what_to_do(machine, tmp_path, no_reader):
    entries = _by_name(_list(_settings(tmp_path), machine))
    missing = entries["models.example/someone/Qwen:Q8_0"]
    assert "points at a missing blob sha256-ccc" in missing.error
    assert "ollama rm models.example/someone/Qwen:Q8_0" in missing.error and "pull" not in missing.error
    assert "not a valid manifest" in entries["broken:latest"].error


def test_built_in_models_and_the_reader_extra_are_always_listed(tmp_path, no_reader):
    listing = _list(_settings(tmp_path), tmp_path / "empty-home")
    entries = _by_name(listing)
    assert entries["SmolLM2-135M-Instruct"].use_as == "builtin" and entries["SmolLM2-135M-Instruct"].in_use
    assert entries["all-MiniLM-L6-v2"].role == "embed" and entries["all-MiniLM-L6-v2"].in_use
    absent = entries["Absent-Reader"]
    assert not absent.installed and absent.note.startswith("pip install 'second-me[reader]'")
    assert absent.error == "" and listing.problems == []


def test_the_installed_reader_is_described_before_it_is_joined(tiny_reader, tmp_path):
    entry = _by_name(_list(_settings(tmp_path), tmp_path / "empty-home"))["Tiny-Reader"]
    assert entry.installed and entry.in_use and entry.use_as == "reader"
    assert (entry.architecture, entry.parameters, entry.quantisation, entry.context_length, entry.size) == \
        ("qwen2", 1_500_000_000, "Q4_K_M", 4096, tiny_reader.spec.size)
    assert not (tmp_path / "own-models" / "Tiny-Reader.Q4_K_M.gguf").exists()


def test_models_dir_files_are_listed_and_a_corrupt_one_says_so(tmp_path, no_reader):
    settings = _settings(tmp_path)
    own = Path(settings.models_dir)
    write_gguf(own / "mine.gguf", {**CHAT_META, "general.name": "mine"})
    full = write_gguf(tmp_path / "full.gguf", CHAT_META, tensor_bytes=4096)
    (own / "cut.gguf").write_bytes(full.read_bytes()[:300])
    entries = _by_name(_list(settings, tmp_path / "empty-home"))
    assert entries["mine"].source == "models_dir" and entries["mine"].use_as == str(own / "mine.gguf")
    assert "is truncated" in entries["cut"].error


def test_folders_from_the_environment(machine, tmp_path, no_reader):
    moved = tmp_path / "elsewhere"
    os.rename(machine / ".ollama" / "models", moved)
    entries = _by_name(_list(_settings(tmp_path), machine, {"OLLAMA_MODELS": str(moved)}))
    assert "llama3.2:latest" in entries
    listing = _list(_settings(tmp_path), machine, {"OLLAMA_MODELS": str(tmp_path / "nope")})
    assert any("OLLAMA_MODELS folder" in p and "fix OLLAMA_MODELS" in p for p in listing.problems)


def test_an_unreadable_folder_is_a_warning_not_a_failure(machine, tmp_path, no_reader, monkeypatch):
    locked = machine / ".lmstudio" / "models"
    real_listdir = os.listdir

    def listdir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(catalog.os, "listdir", listdir)
    listing = _list(_settings(tmp_path), machine)
    assert any(p.startswith(f"lm studio folder {locked} cannot be read (permission denied)") for p in listing.problems)
    assert "llama3.2:latest" in _by_name(listing)  # the other folders are still listed


def test_a_missing_models_dir_is_reported(tmp_path, no_reader):
    settings = Settings(home=tmp_path / "h", models_dir=str(tmp_path / "missing"))
    assert any(p.startswith("models_dir") and "config.toml" in p for p in _list(settings, tmp_path).problems)


# --- models use ----------------------------------------------------------------------------


def _choose(settings, machine, target):
    return choose_chat_model(settings, target, home=machine, env={}, system="Linux")


def test_choosing_by_name_gives_the_path_to_write(machine, tmp_path, no_reader):
    settings = _settings(tmp_path)
    value, name = _choose(settings, machine, "llama3.2")  # Ollama's own rule: no tag means latest
    assert name == "llama3.2:latest" and value.endswith("blobs/sha256-aaa")
    assert _choose(settings, machine, "builtin") == ("builtin", "SmolLM2-135M-Instruct")


def test_choosing_by_path(tmp_path, no_reader):
    model = write_gguf(tmp_path / "my model.gguf", CHAT_META)
    assert _choose(_settings(tmp_path), tmp_path, str(model)) == (str(model), "my model")


@pytest.mark.parametrize("target, error, code, words", [
    ("nomic-embed-text", ModelError, 4, "is an embedding model"),
    ("models.example/someone/Qwen:Q8_0", ModelError, 4, "missing blob"),
    ("no-such-model", NotFoundError, 2, "`second-me models` lists"),
    ("/nowhere/model.gguf", NotFoundError, 2, "does not exist"),
    ("reader", ModelError, 4, "pip install 'second-me[reader]'"),
    ("", InputRejected, 3, "give a model name"),
])
def test_choices_that_cannot_chat_are_refused_in_one_line(machine, tmp_path, no_reader, target, error, code, words):
    with pytest.raises(error) as caught:
        _choose(_settings(tmp_path), machine, target)
    assert caught.value.exit_code == code and words in str(caught.value) and "\n" not in str(caught.value)


def test_a_corrupt_file_is_refused(tmp_path, no_reader):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\xff" * 40)
    with pytest.raises(ModelError, match="bad.gguf is not a valid GGUF file"):
        _choose(_settings(tmp_path), tmp_path, str(bad))


def test_a_name_two_tools_share_must_be_given_by_path(machine, tmp_path, no_reader):
    write_gguf(Path(_settings(tmp_path).models_dir) / "tiny-chat.Q4_0.gguf", CHAT_META)
    with pytest.raises(UsageError, match="2 models are named 'tiny-chat.Q4_0' .*give the path"):
        _choose(_settings(tmp_path), machine, "tiny-chat.Q4_0")


def test_the_hint_for_a_better_reader(tmp_path, no_reader, monkeypatch):
    assert "pip install 'second-me[reader]'" in catalog.better_reader_hint(_settings(tmp_path))
    own = write_gguf(tmp_path / "own.gguf", CHAT_META)
    assert catalog.better_reader_hint(_settings(tmp_path, chat_model=str(own))) == ""
