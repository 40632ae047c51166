"""Bad chat import files: one-line error naming the line, exit 3 (2 when missing), store unchanged."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.reliability.helpers import write_chat_file

GOOD = {"conversation": "trip", "speaker": "Ana", "text": "We hiked up to the lake", "timestamp": "2024-05-01T10:00:00Z",
        "id": "n1"}


def _line(**changes) -> str:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not ...})


def _store_state(services) -> tuple[int, int, str]:
    """(memories, messages, a hash of every memory, turn and conversation row)."""
    digest = hashlib.sha256()
    with services.store.db.read() as conn:
        for table in ("memories", "messages", "conversations"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        memories = conn.execute("SELECT count(*) FROM memories").fetchone()[0]
        messages = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    return memories, messages, digest.hexdigest()


# name → (the file's bytes: a good first line, then the bad one; words the error must hold)
BAD_FILES = {
    "malformed JSON": (_line(id="x") + '\n{"conversation": "trip", "speaker": \n', "line 2: not valid JSON"),
    "malformed first line": ('{"conversation": "trip", "speaker": \n' + _line(id="x") + "\n", "line 1: not valid JSON"),
    "JSON that is no object": (_line(id="x") + "\n[1, 2]\n", "line 2: expected a JSON object"),
    "null line": (_line(id="x") + "\nnull\n", "line 2: expected a JSON object"),
    "text a number": (_line(text=42) + "\n", "line 1: 'text' must be a string"),
    "timestamp a number": (_line(timestamp=1714550400) + "\n", "line 1: 'timestamp' must be a string"),
    "id an object": (_line(id={"n": 1}) + "\n", "line 1: 'id' must be a string"),
    "id a boolean": (_line(id=True) + "\n", "line 1: 'id' must be a string"),
    "role a list": (_line(role=["user"]) + "\n", "line 1: 'role' must be one of"),
    "unknown role": (_line(id="x") + "\n" + _line(role="robot") + "\n", "line 2: 'role' must be one of user, assistant, other"),
    "missing conversation": (_line(conversation=...) + "\n", "line 1: missing 'conversation'"),
    "missing speaker": (_line(speaker=...) + "\n", "line 1: missing 'speaker'"),
    "missing text": (_line(text=...) + "\n", "line 1: missing 'text'"),
    "missing timestamp": (_line(timestamp=...) + "\n", "line 1: missing 'timestamp'"),
    "empty text": (_line(text="  \t ") + "\n", "line 1: 'text' is empty"),
    "timestamp words": (_line(timestamp="last tuesday") + "\n", "line 1: 'timestamp' 'last tuesday' is not ISO-8601"),
    "timestamp impossible date": (_line(timestamp="2024-02-30T10:00:00Z") + "\n", "'2024-02-30T10:00:00Z' is not ISO-8601"),
    "timestamp bad offset": (_line(timestamp="2024-05-01T10:00:00+25:00") + "\n", "line 1: 'timestamp'"),
    "timestamp empty": (_line(timestamp="") + "\n", "line 1: 'timestamp' '' is not ISO-8601"),
    "text over the limit": (_line(text="a" * 100_001) + "\n", "line 1: 'text' is longer than 100000 characters"),
    "10 MB single line": (_line(id="x") + "\n" + _line(text="b" * 10_000_000) + "\n", "line 2: longer than 2 MB"),
    "deeply nested JSON": ("[" * 100_000 + "\n", "not a chat export second-me knows"),
    "deeply nested JSON on line 2": (_line(id="x") + "\n" + "[" * 100_000 + "\n", "line 2: not valid JSON (nested too deeply)"),
    "lone surrogate": (_line(id="x") + '\n{"conversation": "trip", "speaker": "Ana", "text": "bad \\ud800 here", '
                       '"timestamp": "2024-05-01"}\n', "line 2: 'text' holds an invalid character"),
    "non-UTF-8 text": (_line(id="x").encode() + b'\n{"conversation": "trip", "speaker": "Ana", "text": "caf\xe9", '
                       b'"timestamp": "2024-05-01"}\n', "line 2: not UTF-8 text"),
    "empty file": ("", "the file is empty"),
    "only blank lines": ("\n  \n\t\n", "the file holds only blank lines"),
}


@pytest.fixture
def stocked(services, notes, tmp_path):
    """A store with notes and an imported chat: something a bad import must not touch."""
    services.indexing.add([notes])
    services.conversations.import_chat(write_chat_file(tmp_path / "good.jsonl", 0, days=2, turns_per_day=4))
    services.memory.summarize(60)
    return services


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_import_file_changes_nothing(stocked, run_cli, tmp_path, name):
    content, words = BAD_FILES[name]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = _store_state(stocked)

    result = run_cli("import", "chat", str(path))
    assert result.code == 3, (result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert words in result.err and "nothing was imported" in result.err, result.err
    assert result.out == ""
    assert _store_state(stocked) == before


@pytest.mark.parametrize("where, code, words", [
    ("missing.jsonl", 2, "no such file"),
    (".", 3, "this folder holds no chat export second-me knows"),
])
def test_missing_file_or_a_folder(stocked, run_cli, tmp_path, where, code, words):
    before = _store_state(stocked)
    result = run_cli("import", "chat", str(tmp_path / where))
    assert result.code == code and words in result.err and len(result.err.strip().splitlines()) == 1
    assert _store_state(stocked) == before


def test_every_bad_line_is_named_and_the_good_lines_wait(stocked, run_cli, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([_line(id="a"), "{oops", _line(id="c", role="robot"), _line(id="d"),
                               _line(id="e", timestamp="soon"), _line(id="f", text=7)]) + "\n")
    before = _store_state(stocked)
    result = run_cli("import", "chat", str(path))
    assert result.code == 3
    assert "line 2:" in result.err and "line 3:" in result.err and "line 5:" in result.err
    assert "(and 1 more bad lines)" in result.err
    assert _store_state(stocked) == before


def test_a_byte_order_mark_is_accepted(stocked, run_cli, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _line().encode() + b"\n")
    result = run_cli("import", "chat", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("imported 1 new turn of 1")
