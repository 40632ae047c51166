"""Telegram Desktop's JSON export and SMS Backup & Restore's XML."""

from __future__ import annotations

import json
from datetime import timedelta, timezone

from second_me.ingest.chat_exports import read_export
from tests.ingest.chat_exports.helpers import SMS, TELEGRAM_ACCOUNT, TELEGRAM_CHAT, turns, utc, write


def test_telegram_one_chat():
    reading = read_export(TELEGRAM_CHAT, me="Ana Lima")
    got = list(reading)
    assert [(t.external_id, t.speaker, t.role, t.text) for t in got] == [
        ("102", "Sam Rivera", "other", "Did you book the climbing gym for Thursday? 🧗"),
        ("103", "Ana Lima", "user", "Yes, 7pm at https://example.org/gym\nBring chalk"),
        ("104", "Sam Rivera", "other", "[photo] New shoes!"),
        ("105", "Ana Lima", "user", "[sticker 👍]"),
        ("106", "Sam Rivera", "other", "See you there, I'll be the one with the orange bag"),
        ("107", "Sam Rivera", "other", "[document: route.pdf]"),
        ("109", "Sam Rivera", "other", "[voice message]")]
    assert reading.skipped == 2  # the call (a service message) and an empty message
    assert got[0].timestamp == 1699178700
    assert [c.name for c in reading.conversations] == ["Telegram: Sam Rivera"]


def test_telegram_whole_account_knows_its_owner_and_separates_same_named_chats():
    reading = read_export(TELEGRAM_ACCOUNT, tz=timezone(timedelta(hours=1)))
    got = list(reading)
    assert not reading.undecided
    assert [(t.conversation, t.speaker, t.role) for t in got] == [
        ("Telegram: Sam Rivera", "Ana Lima", "user"),
        ("Telegram: Sam Rivera", "Sam Rivera", "other"),
        ("Telegram: Book Club [333]", "Priya", "other"),
        ("Telegram: Book Club [333]", "Deleted Account", "other"),
        ("Telegram: Saved Messages", "Ana Lima", "user"),
        ("Telegram: Book Club [999]", "Ana Lima", "user")]  # a chat the user left
    assert got[0].timestamp == utc(2021, 6, 1, 7, 30)  # an old export's local `date`, read in the given zone


def test_telegram_whole_account_with_me_given_takes_the_users_word():
    # --me names the user whatever the export says of its owner: an export made on a shared
    # account, or one whose owner's id the messages do not carry, is still read as the user says.
    reading = read_export(TELEGRAM_ACCOUNT, me="Sam Rivera", tz=timezone(timedelta(hours=1)))
    assert {(t.speaker, t.role) for t in reading} == {
        ("Ana Lima", "other"), ("Sam Rivera", "user"), ("Priya", "other"), ("Deleted Account", "other")}


def test_telegram_folder_is_read_through_its_result_json(tmp_path):
    folder = tmp_path / "ChatExport_2023-11-06"
    folder.mkdir()
    (folder / "result.json").write_bytes(TELEGRAM_CHAT.read_bytes())
    (folder / "photos").mkdir()
    assert read_export(folder).turn_count == 7


def test_telegram_with_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "result.json", b"\xef\xbb\xbf" + TELEGRAM_CHAT.read_bytes())
    assert read_export(path).turn_count == 7


def test_sms_backup_and_restore():
    reading = read_export(SMS, me="Ana")
    got = list(reading)
    assert [(t.conversation, t.speaker, t.role, t.text) for t in got] == [
        ("SMS: Dana Park (+15550101)", "Dana Park", "other", "Are we still on for the farmers market Saturday?"),
        ("SMS: Dana Park (+15550101)", "Ana", "user", "Yes! 9am by the flower stall 🌻"),
        ("SMS: Dana Park (+15550101)", "Dana Park", "other", "Perfect.\nI'll bring the tote bags\nand coffee"),
        ("SMS: 55123", "55123", "other", "Your pharmacy order is ready for pickup"),
        ("SMS: Dana Park (+15550101)", "Dana Park", "other", "[photo] Look at these peaches 🍑"),
        ("SMS: Dana Park, Lee Wong (+15550101~+15550102)", "Ana", "user", "See you both at 9")]
    assert reading.skipped == 1  # the draft
    assert got[0].timestamp == 1719835200.0
    assert len({t.external_id for t in got}) == len(got)


def test_sms_numbers_written_differently_are_one_conversation():
    # "+1 555-0101" and "+15550101" are the same person
    assert {t.conversation for t in turns(SMS) if "Dana Park (" in t.conversation} == {"SMS: Dana Park (+15550101)"}


def test_telegram_text_pieces_of_every_kind(tmp_path):
    chat = {"name": "Bo", "type": "personal_chat", "id": 5, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "Bo", "from_id": "user5",
         "text": [{"type": "mention_name", "text": "Ana", "user_id": 1}, ", ", {"type": "custom_emoji", "text": "😀"}]},
        {"id": 2, "type": "message", "date_unixtime": "1700000001", "from": "Bo", "from_id": "user5", "text": "",
         "poll": {"question": "Pizza or curry?", "answers": [{"text": "Pizza"}, {"text": "Curry"}]}}]}
    got = turns(write(tmp_path, "result.json", json.dumps(chat)))
    assert [t.text for t in got] == ["Ana, 😀", "[poll] Pizza or curry? (Pizza / Curry)"]
