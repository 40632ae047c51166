"""A table of hostile arguments against every command of the CLI, read from the typer app itself, so a
new command is covered without touching this file: each run exits 0, 2 or 3, an error is one line on
stderr, and nothing is ever "unexpected".

Each argument gets values of its own type that are out of range or odd (huge ids, -k 5000, NaN
budgets, dates at the ends of the calendar, NUL, newlines, undecodable bytes, FIFOs, folders, /proc,
"-"), the other arguments keeping an ordinary value.
"""

from __future__ import annotations

import inspect
import io
import os
import sys
import typing
from pathlib import Path

import pytest
import typer.main

from second_me.cli import app

# These run until stopped (the terminal app, the foreground watcher): not something a table can run.
RUN_UNTIL_STOPPED = {("chat",), ("daemon",)}
# An ordinary value where a type default would start long work (the whole built-in benchmark), or
# where an optional argument is needed (a query).
ORDINARY = {("eval",): {"dataset": "/no/such/dataset.jsonl"}, ("search",): {"query": "tomato"}}
# Arguments that exclude another one: the other is left out when the first is hostile.
EXCLUSIVE = {("search",): {"batch": "query"}}

HOSTILE_INTS = ["0", "-1", "4097", "5000", str(2**63), "99999999999999999999999", str(-(2**63) - 1)]
HOSTILE_FLOATS = ["0", "-1", "nan", "inf", "-inf", "1e309"]
HOSTILE_TEXTS = ["", " ", "\n", "a\x00b", "\x1b[2J\x1b]0;title\x07", "\udcff", "9999-12-31", "0001-01-01",
                 "3 days ago", "x" * 5000, "-"]


def _commands():
    """(words, click command, its callback's type hints) for every command, sub-commands included."""
    found = []

    def visit(command, words):
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in sorted(subcommands.items()):
                visit(sub, (*words, name))
            if command.callback is None or not [p for p in command.params if p.name != "help"]:
                return
        found.append((words, command))

    visit(typer.main.get_command(app), ())
    return found


COMMANDS = [(words, command) for words, command in _commands() if words and words not in RUN_UNTIL_STOPPED]


def _hints(command) -> dict:
    return typing.get_type_hints(inspect.unwrap(command.callback))


def _kind(hint) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if args else hint
    if typing.get_origin(base) in (list, typing.List):
        base = typing.get_args(base)[0]
    return {int: "int", float: "float", bool: "bool", Path: "path"}.get(base, "text")


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("hostile")
    fifo = base / "fifo"
    os.mkfifo(fifo)
    (base / "folder").mkdir()
    ordinary = base / "ordinary.md"
    ordinary.write_text("# Tomato\n\nTomatoes like sun.\n")
    newline = base / "new\nline.md"
    newline.write_text("# Soup\n\nTomato soup.\n")
    # Missing, but under the test's own folder: `--home` makes a home where it is told to.
    missing = base / "no" / "such" / "file"
    return {"base": base, "fifo": fifo, "folder": base / "folder", "ordinary": ordinary, "newline": newline,
            "missing": missing}


def _values(kind: str, places: dict) -> list[str]:
    if kind == "int":
        return HOSTILE_INTS
    if kind == "float":
        return HOSTILE_FLOATS
    if kind == "path":
        return ["", str(places["fifo"]), str(places["folder"]), "/proc/self/environ", "/dev/null", "-",
                str(places["missing"]), str(places["newline"]), "\udcff"]
    return HOSTILE_TEXTS


def _ordinary(kind: str, places: dict) -> str:
    return {"int": "1", "float": "1", "path": str(places["ordinary"])}.get(kind, "tomato")


def _invocations(words, command, places):
    """(args, which argument is hostile) for the command: the ordinary run, then one value at a time."""
    hints = _hints(command)
    params = [p for p in command.params if p.name in hints and _kind(hints[p.name]) != "bool"]
    ordinary = {p.name: ORDINARY.get(words, {}).get(p.name, _ordinary(_kind(hints[p.name]), places))
                for p in params if p.required or p.name in ORDINARY.get(words, {})}

    def args(values: dict) -> list[str]:
        out = list(words)
        for p in params:
            if p.name not in values:
                continue
            value = values[p.name]
            if p.param_type_name == "argument":
                out += ["--", value] if value.startswith("-") and value != "-" else [value]
            else:
                out += [p.opts[0], value]
        return out

    yield args(ordinary), "(ordinary values)"
    for p in params:
        others = {name: value for name, value in ordinary.items() if name != EXCLUSIVE.get(words, {}).get(p.name)}
        for value in _values(_kind(hints[p.name]), places):
            yield args({**others, p.name: value}), f"{p.name}={value[:20]!r}"


@pytest.fixture
def run_hostile(run_cli, notes, monkeypatch, places, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # a file named by a hostile value lands here
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"tomato soup\n\n")))
    monkeypatch.setenv("SECOND_ME_NEW_PASSPHRASE", "another test passphrase")  # for `key rotate`
    assert run_cli("add", str(notes)).code == 0
    return run_cli


def _check(result, args, what):
    shown = f"{args!r} ({what}): exit {result.code}\nstdout: {result.out[-500:]}\nstderr: {result.err[-500:]}"
    assert result.code in (0, 2, 3), shown
    for stream in (result.out, result.err):
        assert "unexpected" not in stream and "Traceback" not in stream, shown
    if result.code:
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), shown


@pytest.mark.parametrize("words, command", COMMANDS, ids=[" ".join(w) for w, _ in COMMANDS])
def test_hostile_arguments_get_a_clear_answer(run_hostile, places, words, command):
    for args, what in _invocations(words, command, places):
        _check(run_hostile(*args), args, what)


def test_the_global_options_too(run_hostile, places):
    for home in _values("path", places):
        _check(run_hostile("memory", "list", home_path=Path(home)), ["--home", home, "memory", "list"], "--home")


def test_every_command_is_in_the_table():
    """The two left out run until stopped; everything else, today's commands and any added later, is run."""
    names = {" ".join(words) for words, _ in _commands() if words}
    covered = {" ".join(words) for words, _ in COMMANDS}
    assert names - covered == {"chat", "daemon"}
    assert {"search", "ask", "export", "memory show", "summarize", "watch add", "restore", "key rotate"} <= covered


@pytest.mark.parametrize("args, code, words", [
    (("search", "tomato", "-k", "5000"), 3, "-k must be between 1 and 4096"),
    (("search", "tomato", "--until", "9999-12-31"), 0, ""),
    (("search", "3 days ago tomato", "--now", "0001-01-01"), 0, ""),
    (("memory", "show", "99999999999999999999999"), 3, "ID must be a memory id"),
    (("summarize", "--budget", "nan"), 3, "--budget must be"),
    (("memory", "list", "--limit", str(2**63)), 3, "--limit must be"),
])
def test_the_reported_arguments(run_hostile, args, code, words):
    """The exact reproductions of the report: what was an OverflowError or sqlite-vec's own message."""
    result = run_hostile(*args)
    assert result.code == code, (result.out, result.err)
    assert words in result.err and "unexpected" not in result.err
