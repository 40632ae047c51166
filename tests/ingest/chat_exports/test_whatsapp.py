"""WhatsApp's "Export chat" text: line formats, day/month order, media, edits, system lines, encodings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from second_me.ingest.chat_exports import MAX_TEXT_CHARS, read_export
from tests.ingest.chat_exports.helpers import (WHATSAPP_CP1252, WHATSAPP_EU, WHATSAPP_IOS, WHATSAPP_US,
                                               WHATSAPP_UTF16, turns, utc, write, zipped)


def test_android_us_format():
    got = turns(WHATSAPP_US, me="Ana Lima")
    assert {t.conversation for t in got} == {"WhatsApp: Sam Rivera"}
    assert [(t.speaker, t.role, t.text) for t in got] == [
        ("Ana Lima", "user", "Are you still coming to the aquarium tomorrow? 🐙"),
        ("Sam Rivera", "other", "Yes! The kids can't stop talking about the octopus\nThey even made a drawing of it\n\n"
                                "for the fridge"),
        ("Sam Rivera", "other", "[media]"),
        ("Ana Lima", "user", "Haha love it. Meet at 10 by the ticket booth"),  # edited mark dropped; deleted one gone
        ("Sam Rivera", "other", "Running 5 min late"),
        ("Sam Rivera", "other", "Running 5 min late"),
        ("Ana Lima", "user", "[photo] The jellyfish tank!"),
        ("Sam Rivera", "other", "ok"),
        ("Ana Lima", "user", "Happy new year 🎉 thanks again for Sunday")]
    assert got[0].timestamp == utc(2023, 12, 30, 21, 41)  # month first, 12-hour clock with U+202F
    assert got[-1].timestamp == utc(2024, 1, 2, 8, 5)
    assert got[4].external_id != got[5].external_id and got[5].external_id == got[4].external_id + "-2"


def test_android_day_first_group_with_system_lines():
    reading = read_export(WHATSAPP_EU, tz=timezone.utc)
    got = list(reading)
    assert [(t.speaker, t.text) for t in got] == [
        ("Priya", "Saturday: Snowdon via the Pyg track? Leaving at 7"),
        ("Tom", "Count me in\nI'll bring the flask ☕\nand the map"),
        ("Priya", "[video]"), ("Tom", "[voice message]"), ("Tom", "[document: Snowdon route.pdf]")]
    # encryption notice, group created, added, subject changed (with a colon in it), left
    assert reading.skipped == 5
    assert got[0].timestamp == utc(2024, 1, 31, 18, 25) and got[1].timestamp == utc(2024, 2, 1, 7, 5)
    assert reading.conversations[0].name == "WhatsApp: Hiking Club"
    assert reading.undecided  # nobody said which speaker is the user


def test_iphone_format_with_marks_media_and_edits():
    reading = read_export(WHATSAPP_IOS, tz=timezone.utc)
    got = list(reading)
    assert [(t.speaker, t.text) for t in got] == [
        ("Mum", "Did you remember Granddad's birthday is on the 14th?"),
        ("Ana Lima", "Yes! I ordered him the gardening book"),
        ("Mum", "[photo]"), ("Mum", "[photo]"),
        ("Mum", "The tomatoes are finally coming up 🍅"),
        ("Ana Lima", "Call you Sunday"),
        ("Mum", "Don't forget tomorrow!\nLove, Mum")]
    assert reading.skipped == 3  # encryption notice, deleted message, missed call
    assert got[0].timestamp == utc(2024, 4, 3, 8, 16, 40)  # 13/04 later in the file says: day first
    assert reading.conversations[0].name == "WhatsApp: Mum"  # the iPhone's system lines name the chat


def test_iphone_zip_takes_the_chat_name_from_the_zip(tmp_path):
    export = zipped(tmp_path, "WhatsApp Chat - Mum & Dad.zip",
                    {"_chat.txt": WHATSAPP_IOS, "00000012-PHOTO-2024-04-03-08-21-30.jpg": b"\xff\xd8\xff"})
    reading = read_export(export, tz=timezone.utc)
    assert reading.format == "whatsapp" and reading.conversations[0].name == "WhatsApp: Mum & Dad"
    assert reading.turn_count == 7


def test_utf16_with_bom_and_dotted_dates():
    got = turns(WHATSAPP_UTF16, me="ana lima")
    assert [(t.speaker, t.role) for t in got] == [("Oma Lotte", "other"), ("Ana Lima", "user"), ("Oma Lotte", "other")]
    assert got[0].text == "Frohe Weihnachten! Der Stollen ist für euch 🎄"
    assert got[0].timestamp == utc(2022, 12, 24, 19, 30)
    assert got[0].conversation == "WhatsApp: Ana Lima, Oma Lotte"  # no chat name in the file name: who speaks


def test_not_utf8_is_read_as_windows_1252():
    reading = read_export(WHATSAPP_CP1252, tz=timezone.utc)
    assert [t.text for t in reading] == ["Café at 3? We could try the crème brûlée place", "Sí, perfect"]
    assert [t.speaker for t in reading][0] == "Zoë"
    assert reading.notes == ("not UTF-8: read as Windows-1252",)


@pytest.mark.parametrize("lines, first", [
    # every number ≤ 12: the order in which the dates run forward wins (12 Jan, 1 Feb, 2 Mar)
    (["12/01/2024, 10:00 - A: one", "01/02/2024, 10:00 - B: two", "02/03/2024, 10:00 - A: three"],
     datetime(2024, 1, 12, 10, 0)),
    (["01/12/2024, 10:00 - A: one", "02/01/2024, 10:00 - B: two", "03/02/2024, 10:00 - A: three"],
     datetime(2024, 1, 12, 10, 0)),
    # both orders run forward equally: day first, except the US style (slashes, 2-digit year, 12-hour)
    (["01/02/2024, 10:00 - A: one", "01/02/2024, 10:05 - B: two"], datetime(2024, 2, 1, 10, 0)),
    (["01/02/24, 10:00\u202fAM - A: one", "01/02/24, 10:05\u202fAM - B: two"], datetime(2024, 1, 2, 10, 0)),
    (["[2024-02-01, 10:00:00] A: year first"], datetime(2024, 2, 1, 10, 0)),
    (["1.2.24 10:00 - A: dotted, no comma"], datetime(2024, 2, 1, 10, 0)),
    (["01/02/2024, 9:15 p. m. - A: Spanish clock"], datetime(2024, 2, 1, 21, 15)),
])
def test_day_and_month_order_is_decided_for_the_whole_file(tmp_path, lines, first):
    got = turns(write(tmp_path, "chat.txt", "\n".join(lines) + "\n"))
    assert got[0].timestamp == first.replace(tzinfo=timezone.utc).timestamp()


def test_times_are_read_in_the_given_zone(tmp_path):
    path = write(tmp_path, "chat.txt", "31/07/2024, 09:00 - A: hello\n")
    berlin_summer = timezone(timedelta(hours=2))
    assert turns(path, tz=berlin_summer)[0].timestamp == utc(2024, 7, 31, 7, 0)


def test_a_pasted_line_of_another_format_stays_in_its_message(tmp_path):
    path = write(tmp_path, "chat.txt", "31/07/2024, 09:00 - A: look what Bo sent\n"
                                       "[12/01/2023, 10:00:00] Bo: hi there\n31/07/2024, 09:01 - B: ha\n")
    assert [t.text for t in turns(path)] == ["look what Bo sent\n[12/01/2023, 10:00:00] Bo: hi there", "ha"]


def test_ids_are_stable_and_do_not_depend_on_the_zone(tmp_path):
    first = [t.external_id for t in turns(WHATSAPP_US)]
    assert first == [t.external_id for t in turns(WHATSAPP_US, tz=timezone(timedelta(hours=-5)))]
    assert len(set(first)) == len(first)
    longer = write(tmp_path, "WhatsApp Chat with Sam Rivera.txt",
                   WHATSAPP_US.read_text(encoding="utf-8") + "1/3/24, 9:00\u202fAM - Sam Rivera: one more\n")
    again = [t.external_id for t in turns(longer)]
    assert again[:-1] == first  # a later export of the same chat: old messages keep their ids


def test_a_very_long_message_is_cut_and_counted(tmp_path):
    long_line = "word " * 30_000  # 150,000 characters on one line, then more lines of it
    path = write(tmp_path, "chat.txt", f"31/07/2024, 09:00 - A: {long_line}\n{long_line}\n31/07/2024, 09:01 - B: short\n")
    reading = read_export(path, tz=timezone.utc)
    got = list(reading)
    assert reading.shortened == 1 and len(got) == 2
    assert len(got[0].text) == MAX_TEXT_CHARS and got[0].text.endswith(" […]") and got[1].text == "short"
