"""`second-me import chat` end to end on the hand-written exports: each format imports, a second
import adds nothing, bad exports exit 3 naming the place and leave the memory as it was."""

from __future__ import annotations

import hashlib
import json
from datetime import timezone

import pytest

from second_me.ingest.chat_exports import read_export
from tests.ingest.chat_exports.helpers import (CHATGPT, CLAUDE, SMS, TELEGRAM_ACCOUNT, TELEGRAM_CHAT, WHATSAPP_CP1252,
                                               WHATSAPP_EU, WHATSAPP_IOS, WHATSAPP_US, WHATSAPP_UTF16, write, zipped)

JSONL = "\n".join(json.dumps(line) for line in [
    {"conversation": "trip", "speaker": "Ana", "text": "We hiked up to the lake at dawn", "timestamp": "2024-05-01T10:00:00Z"},
    {"conversation": "trip", "speaker": "Bo", "text": "The water was freezing", "timestamp": "2024-05-01T10:02:00Z",
     "role": "other"},
    {"conversation": "work", "speaker": "Ana", "text": "Quarterly report is due Friday", "timestamp": "2024-05-02T09:00:00Z",
     "id": "w1"},
]) + "\n"


def state(home) -> tuple[int, int, int, str]:
    """(conversations, turns, memories, a digest of every one of their rows): what an import may change."""
    from second_me.config import load_settings
    from second_me.storage.store import open_store

    store = open_store(load_settings(home))
    try:
        digest = hashlib.sha256()
        counts = []
        with store.db.read() as conn:
            for table in ("conversations", "messages", "memories"):
                rows = conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                counts.append(len(rows))
                digest.update(repr(rows).encode())
    finally:
        store.close()
    return (*counts, digest.hexdigest())


def _exports(tmp_path):
    return {
        "chatgpt": CHATGPT, "chatgpt zip": zipped(tmp_path, "chatgpt-export.zip", {"conversations.json": CHATGPT,
                                                                                  "chat.html": "<html></html>"}),
        "claude": CLAUDE, "whatsapp android us": WHATSAPP_US, "whatsapp android eu": WHATSAPP_EU,
        "whatsapp iphone zip": zipped(tmp_path, "WhatsApp Chat - Sam.zip", {"_chat.txt": WHATSAPP_IOS}),
        "whatsapp utf-16": WHATSAPP_UTF16, "whatsapp windows-1252": WHATSAPP_CP1252,
        "telegram chat": TELEGRAM_CHAT, "telegram account": TELEGRAM_ACCOUNT, "sms": SMS,
        "jsonl": write(tmp_path, "turns.jsonl", JSONL),
    }


@pytest.mark.parametrize("name", ["chatgpt", "chatgpt zip", "claude", "whatsapp android us", "whatsapp android eu",
                                  "whatsapp iphone zip", "whatsapp utf-16", "whatsapp windows-1252", "telegram chat",
                                  "telegram account", "sms", "jsonl"])
def test_each_format_imports_and_a_second_import_adds_nothing(run_cli, home, tmp_path, name):
    export = _exports(tmp_path)[name]
    reading = read_export(export, tz=timezone.utc)
    names = {c.name: c.turns for c in reading.conversations}

    first = run_cli("import", "chat", str(export), "--tz", "UTC")
    assert first.code == 0, first.err
    assert first.out.startswith(f"imported {reading.turn_count} new turns of {reading.turn_count} "
                                f"in {len(names)} conversation{'' if len(names) == 1 else 's'} (")
    listed = run_cli("conversations", "list", "--json").json()
    assert {c["name"]: c["turns"] for c in listed} == names
    conversations, turns, memories, _ = after = state(home)
    assert (conversations, turns) == (len(names), reading.turn_count) and memories == turns

    again = run_cli("import", "chat", str(export), "--tz", "UTC")
    assert again.code == 0, again.err
    assert again.out.startswith(f"imported 0 new turns of {reading.turn_count}")
    assert state(home) == after


def test_the_summary_says_where_from_who_spoke_and_what_was_left_out(run_cli):
    result = run_cli("import", "chat", str(WHATSAPP_US), "--tz", "UTC")
    lines = result.out.splitlines()
    assert lines[1] == "from WhatsApp Chat with Sam Rivera.txt: WhatsApp 'Export chat' text"
    assert lines[2] == "speakers: Sam Rivera (5), Ana Lima (4)"
    assert lines[3] == "skipped: 2 (system lines, deleted or empty messages); media kept as placeholders: 2"
    assert lines[4].startswith("note: no speaker is marked as you: import it again with --me NAME")

    as_json = run_cli("import", "chat", str(SMS), "--json").json()
    assert as_json["format"] == "sms" and as_json["added"] == as_json["turns"] == 6
    assert as_json["speakers"] == {"Dana Park": 3, "me": 2, "55123": 1} and as_json["media"] == 1


def test_me_says_which_speaker_is_the_user_even_after_the_first_import(run_cli):
    chat = "WhatsApp: Sam Rivera"
    assert run_cli("import", "chat", str(WHATSAPP_US), "--tz", "UTC").code == 0
    roles = {t["role"] for t in run_cli("conversations", "show", chat, "--json").json()}
    assert roles == {"other"}

    again = run_cli("import", "chat", str(WHATSAPP_US), "--tz", "UTC", "--me", "ana lima")
    assert again.out.startswith("imported 0 new turns of 9")
    assert "turns already stored whose role --me changed (now yours, or no longer): 4" in again.out
    turns = run_cli("conversations", "show", chat, "--json").json()
    assert {(t["speaker"], t["role"]) for t in turns} == {("Ana Lima", "user"), ("Sam Rivera", "other")}

    nobody = run_cli("import", "chat", str(WHATSAPP_US), "--me", "Anna")
    assert nobody.code == 1 and "--me 'Anna' is not one of the speakers" in nobody.err


@pytest.mark.parametrize("options, code, words", [
    (("--format", "telegram"), 3, "this is a whatsapp export, not telegram; nothing was imported"),
    (("--format", "signal"), 1, "unknown format 'signal': use one of chatgpt, claude, whatsapp, telegram, sms, jsonl"),
    (("--tz", "Mars/Olympus"), 1, "unknown time zone 'Mars/Olympus'"),
])
def test_bad_options_are_one_line_errors(run_cli, home, options, code, words):
    result = run_cli("import", "chat", str(WHATSAPP_US), *options)
    assert result.code == code and words in result.err and len(result.err.strip().splitlines()) == 1
    assert state(home)[:3] == (0, 0, 0)


def _cut(path, fraction=0.6):
    data = path.read_bytes()
    return data[:int(len(data) * fraction)]


def _telegram_bad_date() -> str:
    data = json.loads(TELEGRAM_CHAT.read_text(encoding="utf-8"))
    message = next(m for m in data["messages"] if m.get("type") == "message")
    message.pop("date_unixtime", None)
    message["date"] = "12.03.2021 19:02"
    return json.dumps(data)


# name → (file name, content, words naming the place and the problem)
BAD_EXPORTS = {
    "ChatGPT cut short": ("conversations.json", lambda: _cut(CHATGPT), "conversations.json: conversations[0]"),
    "Claude export of another kind": ("conversations.json", lambda: json.dumps([{"uuid": "u", "title": "x"}]),
                                      "conversations[0]: not a conversation of a chat export second-me knows"),
    "Telegram unknown date format": ("result.json", _telegram_bad_date, "unknown date format '12.03.2021 19:02'"),
    "WhatsApp in an unknown locale": ("chat.txt", lambda: "2024年1月2日 9:41 - Sam: 你好\n2024年1月2日 9:42 - Ana: 嗨\n",
                                      "line 1: looks like a WhatsApp chat in a date format second-me does not know "
                                      "(known: '12/31/23, 9:41 PM - Name: text'"),
    "WhatsApp with a French date": ("chat.txt", lambda: "02/01/2024 à 09:41 - Sam: salut\n",
                                    "line 1: looks like a WhatsApp chat in a date format second-me does not know"),
    "SMS cut short": ("sms.xml", lambda: _cut(SMS), "the XML ends too early"),
    "JSON Lines with a bad line": ("turns.jsonl", lambda: JSONL.replace('"role": "other"', '"role": "robot"'),
                                   "turns.jsonl: line 2: 'role' must be one of user, assistant, other"),
    "a Signal backup": ("signal.backup", lambda: b"\x00\x00\x00\x3a\x0a\x38\x0a\x10" + bytes(16) + b"\x12\x20"
                        + bytes(32) + bytes(200), "an encrypted Signal backup"),
}


@pytest.fixture
def stocked(run_cli, home):
    """A memory holding an imported chat: a rejected export must leave it exactly as it is."""
    assert run_cli("import", "chat", str(CLAUDE)).code == 0
    return state(home)


@pytest.mark.parametrize("name", sorted(BAD_EXPORTS))
def test_a_bad_export_exits_3_naming_the_place_and_stores_nothing(run_cli, home, tmp_path, stocked, name):
    file_name, content, words = BAD_EXPORTS[name]
    path = write(tmp_path, file_name, content())
    result = run_cli("import", "chat", str(path), "--tz", "UTC")
    assert result.code == 3, (result.out, result.err)
    assert words in result.err and result.err.rstrip().endswith("nothing was imported"), result.err
    assert len(result.err.strip().splitlines()) == 1 and result.out == ""
    assert state(home) == stocked


def test_a_zip_without_an_export_and_a_missing_file(run_cli, home, tmp_path, stocked):
    photos = zipped(tmp_path, "holiday.zip", {"IMG_0001.jpg": b"\xff\xd8\xff", "notes.txt": "packing list"})
    result = run_cli("import", "chat", str(photos))
    assert result.code == 3 and "holiday.zip: this zip archive holds no chat export second-me knows" in result.err
    missing = run_cli("import", "chat", str(tmp_path / "nowhere.zip"))
    assert missing.code == 2 and "no such file" in missing.err
    assert state(home) == stocked
