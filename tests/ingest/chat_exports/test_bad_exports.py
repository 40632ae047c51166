"""Bad, cut-short, foreign or encrypted exports: one line naming the place, before anything is read out."""

from __future__ import annotations

import json

import pytest

from second_me.errors import InputRejected, NotFoundError, UsageError
from second_me.ingest.chat_exports import read_export
from tests.ingest.chat_exports.helpers import (CHATGPT, CLAUDE, SMS, TELEGRAM_CHAT, WHATSAPP_US, write, zipped)


def rejected(path, **options) -> str:
    with pytest.raises(InputRejected) as caught:
        read_export(path, **options)
    message = str(caught.value)
    assert "\n" not in message and message.endswith("nothing was imported"), message
    return message


def _chatgpt(tmp_path, change) -> str:
    data = json.loads(CHATGPT.read_text(encoding="utf-8"))
    change(data)
    return rejected(write(tmp_path, "conversations.json", json.dumps(data)))


@pytest.mark.parametrize("source", [CHATGPT, CLAUDE, TELEGRAM_CHAT])
def test_cut_short_json_names_where_it_ends(tmp_path, source):
    data = source.read_bytes()
    message = rejected(write(tmp_path, source.name, data[:len(data) * 2 // 3]))
    assert "cut short" in message
    assert message.split(": ")[1].startswith(("conversations[", "messages["))


def test_cut_short_chatgpt_names_the_node(tmp_path):
    data = CHATGPT.read_bytes()
    cut = data.index(b"Baixa or Chiado")
    message = rejected(write(tmp_path, "conversations.json", data[:cut]))
    assert message.startswith("conversations.json: conversations[0].mapping.a-2.message.content.parts: "
                              "the JSON ends in the middle")


def test_broken_json_is_not_valid_json(tmp_path):
    message = rejected(write(tmp_path, "conversations.json", b'[{"title": "x", "mapping": {"a": nul}}]'))
    assert message.startswith("conversations.json: conversations[0].mapping.a: not valid JSON")


def test_bad_times_are_named_by_their_json_path(tmp_path):
    message = _chatgpt(tmp_path, lambda d: d[0]["mapping"]["u-1"]["message"].update(create_time="2023-07-06"))
    assert "conversations[0].mapping.u-1.message.create_time: expected seconds since 1970, found '2023-07-06'" \
        in message
    milliseconds = _chatgpt(tmp_path, lambda d: d[1].update(create_time=1688716800000))
    assert "conversations[1].create_time: expected seconds since 1970" in milliseconds

    claude = json.loads(CLAUDE.read_text(encoding="utf-8"))
    claude[1]["chat_messages"][1]["created_at"] = "yesterday"
    message = rejected(write(tmp_path, "conversations.json", json.dumps(claude)))
    assert "conversations[1].chat_messages[1].created_at: not an ISO-8601 date-time: 'yesterday'" in message

    telegram = json.loads(TELEGRAM_CHAT.read_text(encoding="utf-8"))
    del telegram["messages"][3]["date_unixtime"]
    telegram["messages"][3]["date"] = "05.11.2023 10:07"
    message = rejected(write(tmp_path, "result.json", json.dumps(telegram)))
    assert "result.json: messages[3].date: unknown date format '05.11.2023 10:07'" in message


def test_a_broken_message_tree_is_rejected(tmp_path):
    missing = _chatgpt(tmp_path, lambda d: d[0].update(current_node="nope"))
    assert "conversations[0].current_node: names node 'nope', which is not in the mapping" in missing
    orphan = _chatgpt(tmp_path, lambda d: d[0]["mapping"]["u-1"].update(parent="gone"))
    assert "conversations[0].mapping.u-1.parent: names parent 'gone'" in orphan

    def loop(data):
        data[0]["mapping"]["aaa1-root"]["parent"] = "a-3"
    assert "the message tree has a loop" in _chatgpt(tmp_path, loop)


@pytest.mark.parametrize("name, content, problem", [
    ("user.json", '{"id": "user-1", "email": "ana@example.org", "chatgpt_plus_user": false}',
     "user.json: a JSON file that is not a chat export second-me knows (its keys: id, email, "
     "chatgpt_plus_user)"),
    ("projects.json", '[{"uuid": "p1", "name": "Garden", "docs": [], "prompt_template": ""}]',
     "projects.json: conversations[0]: not a conversation of a chat export second-me knows (its keys: uuid, name, "
     "docs, prompt_template)"),
    ("conversations.json", "[]", "conversations.json: the export holds no conversations"),
    ("calls.xml", "<?xml version='1.0'?>\n<calls count=\"1\"><call number=\"1\" /></calls>",
     "calls.xml: an SMS Backup & Restore call log, not messages"),
    ("chat.html", "<!DOCTYPE html><html><body>Telegram</body></html>", "chat.html: a web page, not a data export"),
    ("notes.txt", "Shopping list\n- eggs\n", "notes.txt: not a chat export second-me knows"),
    ("empty.txt", "", "empty.txt: the file is empty"),
])
def test_wrong_kind_of_file(tmp_path, name, content, problem):
    assert rejected(write(tmp_path, name, content)).startswith(problem)


def test_forcing_the_wrong_format_says_what_the_file_is(tmp_path):
    assert rejected(CHATGPT, format="whatsapp").startswith("conversations.json: this is a chatgpt export, not whatsapp")
    prose = write(tmp_path, "notes.txt", "Dear diary,\ntoday was long.\n")
    assert rejected(prose, format="whatsapp").startswith(
        "notes.txt: line 1: not a WhatsApp message line in a known format (known: '12/31/23, 9:41 PM - Name: text'")


def test_whatsapp_in_an_unknown_locale_lists_the_known_formats(tmp_path):
    french = write(tmp_path, "chat.txt", "31 déc. 2023 à 21:41 - Sam : Bonne année\n31 déc. 2023 à 21:42 - Ana : Merci\n")
    message = rejected(french)
    assert message.startswith("chat.txt: line 1: looks like a WhatsApp chat in a date format second-me does not know")
    assert "'[31/12/2023, 21:41:05] Name: text'" in message


@pytest.mark.parametrize("lines, problem", [
    (["31/12/2023, 21:41 - A: hi", "12/31/2023, 21:42 - B: hi"],
     "line 1 writes the day first (31/12/2023) but line 2 the month first (12/31/2023)"),
    (["01/01/2024, 10:00 - A: hi", "31/31/2024, 10:00 - B: no such day"], "line 2: '31/31/2024' is not a date"),
    (["01/01/2024, 10:00 - A: hi", "30/02/2024, 10:00 - B: February 30th"], "line 2: '30/02/2024' is not a date"),
    (["01/01/2024, 25:00 - A: no such hour"], "line 1: '01/01/2024, 25:00' is not a valid date and time"),
])
def test_whatsapp_dates_that_are_no_dates(tmp_path, lines, problem):
    assert problem in rejected(write(tmp_path, "chat.txt", "\n".join(lines) + "\n"), format="whatsapp")


def test_sms_bad_date_cut_short_and_bomb(tmp_path):
    text = SMS.read_text(encoding="utf-8")
    bad = rejected(write(tmp_path, "sms.xml", text.replace('date="1719836000000"', 'date="Jul 1, 2024"')))
    assert "sms.xml: line 8: the date 'Jul 1, 2024' is not milliseconds since 1970" in bad
    cut = rejected(write(tmp_path, "sms.xml", text[:len(text) // 2]))
    assert cut.startswith("sms.xml: line ") and "the XML ends too early" in cut and "cut short?)" in cut
    broken = rejected(write(tmp_path, "sms.xml", text.replace("<mms ", "<mms <", 1)))
    assert broken.startswith("sms.xml: line 10: not well-formed (invalid token)")  # the first <mms> is on line 10
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
            '<smses count="1"><sms address="1" date="1719835200000" type="1" body="&b;" /></smses>')
    assert "declares a DOCTYPE or entities" in rejected(write(tmp_path, "sms.xml", bomb), format="sms")


def _password_protected(path):
    """The zip with its entry marked encrypted, as `zip -P` leaves it (Python's zipfile writes none)."""
    data = bytearray(path.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.index(signature) + flag_at
        data[start] |= 0x1
    path.write_bytes(bytes(data))
    return path


def test_zips_without_an_export_damaged_or_encrypted(tmp_path):
    photos = zipped(tmp_path, "holiday.zip", {"IMG_001.jpg": b"\xff\xd8\xff", "notes.txt": "packing list"})
    assert rejected(photos).startswith("holiday.zip: this zip archive holds no chat export second-me knows (it reads:")
    whole = zipped(tmp_path, "export.zip", {"conversations.json": CHATGPT}).read_bytes()
    cut = write(tmp_path, "cut.zip", whole[:len(whole) // 2])
    assert rejected(cut).startswith("cut.zip: a zip archive that cannot be opened (damaged or cut short)")
    locked = _password_protected(zipped(tmp_path, "locked.zip", {"_chat.txt": WHATSAPP_US}))
    assert rejected(locked).startswith("locked.zip: _chat.txt is encrypted (a password-protected zip)")
    broken = zipped(tmp_path, "broken.zip", {"conversations.json": b"[" + b" " * 70_000 + b"{\"mapping\": 1"})
    assert "broken.zip (conversations.json): conversations[0].mapping: expected the message tree" in rejected(broken)


def test_encrypted_backups_and_databases(tmp_path):
    signal = bytes.fromhex("0000003a") + b"\x0a\x38\x0a\x10" + bytes(range(16)) + b"\x12\x20" + bytes(32) + b"\x18\x01"
    assert "an encrypted Signal backup" in rejected(write(tmp_path, "signal-2024-01-01-10-00-00.backup", signal + bytes(200)))
    crypt = write(tmp_path, "msgstore.db.crypt14", bytes([0, 1, 2, 250, 13, 0, 99]) * 100)
    assert "a binary file, not a chat export (WhatsApp's and Signal's backups are encrypted" in rejected(crypt)
    database = write(tmp_path, "db.sqlite", b"SQLite format 3\x00" + bytes(100))
    assert "a database file, not an export" in rejected(database)


def test_me_must_be_one_of_the_speakers_and_format_must_be_known(tmp_path):
    with pytest.raises(UsageError, match=r"--me 'Anna' is not one of the speakers in .*: Sam Rivera, Ana Lima"):
        read_export(WHATSAPP_US, me="Anna")
    with pytest.raises(UsageError, match="unknown format 'signal': use one of chatgpt, claude, whatsapp"):
        read_export(WHATSAPP_US, format="signal")
    with pytest.raises(NotFoundError):
        read_export(tmp_path / "nope.txt")


def test_an_export_with_no_messages(tmp_path):
    only_system = write(tmp_path, "chat.txt", "31/12/2023, 21:41 - Messages and calls are end-to-end encrypted.\n")
    assert rejected(only_system).startswith("chat.txt: no messages in the export")
