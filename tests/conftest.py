"""Shared fixtures: a home in a tmp dir, services on fake models, a CLI runner, the real models."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from second_me.clock import FixedClock
from second_me.config import load_settings
from second_me.models.fake import FakeChatModel, FakeEmbedder
from second_me.services import Services
from second_me.storage.store import open_store

EXAMPLE_NOTES = Path(__file__).resolve().parent.parent / "examples" / "notes"
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", default=False, help="also run long (slow) variants")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def _models_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory, _models_folder):
    """No test sees the developer's real home, keyring or SECOND_ME_* settings.

    The built-in chat model answers whatever extras the machine has (tests of the reader
    extra build their own), and no model file is written outside a tmp dir."""
    for name in list(os.environ):
        if name.startswith("SECOND_ME_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SECOND_ME_PASSPHRASE", "test-passphrase")
    monkeypatch.setenv("SECOND_ME_HOME", str(tmp_path_factory.mktemp("default-home")))
    monkeypatch.setenv("SECOND_ME_CHAT_MODEL", "builtin")
    monkeypatch.setenv("SECOND_ME_MODELS_DIR", str(_models_folder))


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


# The fake embedder's similarities are lower than a real model's: a matching
# question scores ~0.25, an unrelated one < 0.1. The bar for questions with a word no memory
# has is the same here; tests of that rule set their own.
FAKE_ABSTAIN_SIMILARITY = 0.15


@pytest.fixture
def settings(home):
    return load_settings(home, abstain_similarity=FAKE_ABSTAIN_SIMILARITY,
                         abstain_unknown_similarity=FAKE_ABSTAIN_SIMILARITY)


@pytest.fixture
def clock():
    return FixedClock(T0)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture
def fake_chat():
    return FakeChatModel()


@pytest.fixture
def services(settings, fake_embedder, fake_chat, clock):
    svc = Services(settings, open_store(settings), fake_embedder, fake_chat, clock)
    yield svc
    svc.close()


@pytest.fixture
def notes(tmp_path) -> Path:
    """A copy of the example notes, free to change."""
    import shutil

    target = tmp_path / "notes"
    shutil.copytree(EXAMPLE_NOTES, target)
    return target


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self):
        import json

        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys, home):
    """Run `second-me ARGS` in-process on fake models (or real ones with real=True)."""
    from second_me.cli import AppContext, main

    models = {}

    def open_fake(settings, clock):
        from dataclasses import replace

        settings = replace(settings, abstain_similarity=FAKE_ABSTAIN_SIMILARITY,
                           abstain_unknown_similarity=FAKE_ABSTAIN_SIMILARITY)
        models.setdefault("embed", FakeEmbedder())
        models.setdefault("chat", FakeChatModel())
        return Services(settings, open_store(settings), models["embed"], models["chat"], clock)

    def run(*args: str, real: bool = False, home_path: Path | None = None) -> CliResult:
        argv = ["--home", str(home_path or home), *args]
        capsys.readouterr()
        try:
            main(argv, AppContext(open_services=None if real else open_fake))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    run.models = models
    return run
