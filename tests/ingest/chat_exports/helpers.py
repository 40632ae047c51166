"""Shared by the chat-export tests: where the hand-written fixtures are, and short ways to read them."""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

from second_me.ingest.chat_exports import read_export

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHATGPT = FIXTURES / "chatgpt" / "conversations.json"
CLAUDE = FIXTURES / "claude" / "conversations.json"
WHATSAPP_US = FIXTURES / "whatsapp" / "WhatsApp Chat with Sam Rivera.txt"
WHATSAPP_EU = FIXTURES / "whatsapp" / "WhatsApp Chat with Hiking Club.txt"
WHATSAPP_IOS = FIXTURES / "whatsapp" / "_chat.txt"
WHATSAPP_UTF16 = FIXTURES / "whatsapp" / "android_utf16.txt"
WHATSAPP_CP1252 = FIXTURES / "whatsapp" / "android_cp1252.txt"
TELEGRAM_CHAT = FIXTURES / "telegram_single" / "result.json"
TELEGRAM_ACCOUNT = FIXTURES / "telegram_full" / "result.json"
SMS = FIXTURES / "sms" / "sms-20240707211403.xml"


def turns(path: Path, **options):
    """Every turn of an export, read with wall-clock times taken as UTC unless told otherwise."""
    options.setdefault("tz", timezone.utc)
    return list(read_export(path, **options))


def utc(*parts: int) -> float:
    return datetime(*parts, tzinfo=timezone.utc).timestamp()


def zipped(tmp_path: Path, name: str, members: dict[str, Path | bytes | str]) -> Path:
    """A zip like an app's export, holding the given files (paths, bytes or text)."""
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            if isinstance(content, Path):
                content = content.read_bytes()
            archive.writestr(member, content)
    return target


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    target = tmp_path / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return target
