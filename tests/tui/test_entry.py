"""The command line opens the app; `--help` never imports Textual."""

from __future__ import annotations

import subprocess
import sys


def test_help_stays_fast_and_textual_free():
    code = "import sys; from second_me import cli; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_arguments_opens_the_app(run_cli, monkeypatch):
    opened = []
    monkeypatch.setattr("second_me.tui.app.run", lambda open_services, conversation=None: opened.append(conversation))
    assert run_cli().code == 0
    assert run_cli("chat", "--conversation", "chat-1").code == 0
    assert opened == [None, "chat-1"]
