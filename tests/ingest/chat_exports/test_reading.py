"""Detection by content, the two readings, batches, and storing: a re-import adds nothing."""

from __future__ import annotations

import os
import shutil

import pytest

from second_me.errors import InputRejected
from second_me.ingest.chat_exports import detect_format, read_export
from second_me.memory.conversations import ConversationLog
from second_me.models.fake import FakeEmbedder
from second_me.storage.store import open_store
from tests.ingest.chat_exports.helpers import (CHATGPT, CLAUDE, SMS, TELEGRAM_ACCOUNT, TELEGRAM_CHAT, WHATSAPP_CP1252,
                                               WHATSAPP_EU, WHATSAPP_IOS, WHATSAPP_US, WHATSAPP_UTF16, zipped)


@pytest.mark.parametrize("path, kind", [
    (CHATGPT, "chatgpt"), (CLAUDE, "claude"), (TELEGRAM_CHAT, "telegram"), (TELEGRAM_ACCOUNT, "telegram"),
    (SMS, "sms"), (WHATSAPP_US, "whatsapp"), (WHATSAPP_EU, "whatsapp"), (WHATSAPP_IOS, "whatsapp"),
    (WHATSAPP_UTF16, "whatsapp"), (WHATSAPP_CP1252, "whatsapp"),
])
def test_detection_is_by_content_not_name(tmp_path, path, kind):
    assert detect_format(path) == kind
    renamed = tmp_path / "export.data"
    shutil.copyfile(path, renamed)
    assert detect_format(renamed) == kind


def test_detection_inside_zips(tmp_path):
    android = zipped(tmp_path, "WhatsApp Chat with Sam Rivera.zip", {"WhatsApp Chat with Sam Rivera.txt": WHATSAPP_US,
                                                                    "IMG-20231231-WA0003.jpg": b"\xff\xd8"})
    assert detect_format(android) == "whatsapp"
    claude = zipped(tmp_path, "data-2024.zip", {"users.json": '[{"uuid": "u"}]', "projects.json": "[]",
                                                "conversations.json": CLAUDE})
    assert detect_format(claude) == "claude"


def test_reading_reports_what_the_export_holds():
    reading = read_export(WHATSAPP_US)
    assert reading.format == "whatsapp" and reading.turn_count == 9 and reading.skipped == 2
    assert reading.speakers == (("Sam Rivera", 5), ("Ana Lima", 4))
    (chat,) = reading.conversations
    assert chat.turns == 9 and chat.first_at < chat.last_at
    assert reading.undecided and not read_export(WHATSAPP_US, me="Ana Lima").undecided


def test_turns_come_in_batches_in_order():
    reading = read_export(CHATGPT)
    batches = list(reading.batches(3))
    assert [len(b) for b in batches] == [3, 3, 2]
    assert [t.external_id for b in batches for t in b] == [t.external_id for t in reading]


def test_a_file_changed_after_the_check_is_not_read(tmp_path):
    path = tmp_path / "chat.txt"
    shutil.copyfile(WHATSAPP_US, path)
    reading = read_export(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("1/3/24, 9:00\u202fAM - Sam Rivera: added later\n")
    os.utime(path, ns=(1, 1))
    with pytest.raises(InputRejected, match="the file changed since it was checked"):
        list(reading)


def test_storing_an_export_twice_adds_nothing_the_second_time(settings):
    store = open_store(settings)
    log = ConversationLog(store, lambda: FakeEmbedder(), strength_days=30.0, batch_size=4)
    try:
        for path, me in ((WHATSAPP_US, "Ana Lima"), (CHATGPT, None), (TELEGRAM_ACCOUNT, None), (SMS, "Ana")):
            reading = read_export(path, me=me)
            first = sum(log.add_turns(batch, now=0.0) for batch in reading.batches(4))
            again = sum(log.add_turns(batch, now=0.0) for batch in read_export(path, me=me).batches(4))
            assert (first, again) == (reading.turn_count, 0), path.name
        names = {info.name: info.turns for info in log.conversations()}
        assert names["WhatsApp: Sam Rivera"] == 9 and names["Telegram: Book Club [999]"] == 1
        stored = log.turns("WhatsApp: Sam Rivera")
        assert [(t.speaker, t.role) for t in stored][:2] == [("Ana Lima", "user"), ("Sam Rivera", "other")]
    finally:
        store.close()


def test_a_folder_of_several_chats_is_not_guessed(tmp_path):
    shutil.copyfile(WHATSAPP_US, tmp_path / WHATSAPP_US.name)
    shutil.copyfile(WHATSAPP_EU, tmp_path / WHATSAPP_EU.name)
    with pytest.raises(InputRejected, match="holds several chat exports .*import them one at a time"):
        detect_format(tmp_path)
    (tmp_path / "_chat.txt").write_bytes(WHATSAPP_IOS.read_bytes())  # the name an export gives its chat wins
    assert read_export(tmp_path).conversations[0].name == "WhatsApp: Mum"


def test_an_unzipped_iphone_export_takes_the_folder_name(tmp_path):
    folder = tmp_path / "WhatsApp Chat - Granny Rose"
    folder.mkdir()
    (folder / "_chat.txt").write_bytes(WHATSAPP_IOS.read_bytes())
    assert read_export(folder).conversations[0].name == "WhatsApp: Granny Rose"
