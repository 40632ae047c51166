"""Telegram Desktop's JSON export: result.json of one chat, or of the whole account (chats.list).

Messages stream one at a time, so a chat of any length is read in little memory. Text is a
string or a list of plain strings and entities; a photo, sticker, voice message or file becomes
"[photo]", "[sticker 😀]"… before its caption; service messages (joins, pins, calls) are skipped.
Times come from `date_unixtime`, else from `date` read as local time. In a whole-account export
the account's owner (personal_information) is the user unless `--me` names someone else; in a
one-chat export, `--me` says who.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator, Optional

from second_me.ingest.chat_exports.base import (ExportedMessage, ReadContext, clean_name, epoch_seconds, plausible,
                                                shown)
from second_me.ingest.chat_exports.json_stream import JsonWalk
from second_me.ingest.chat_exports.sources import Source

NAME = "telegram"
_MEDIA = {"sticker": "sticker", "video_file": "video", "video_message": "video message",
          "voice_message": "voice message", "audio_file": "audio", "animation": "GIF"}


@dataclass
class _Chat:
    name: Optional[str] = None
    kind: Optional[str] = None
    ident: Optional[str] = None

    def title(self, number: int) -> str:
        if self.kind == "saved_messages" and not self.name:
            return "Telegram: Saved Messages"
        return f"Telegram: {clean_name(self.name or '') or f'chat {self.ident or number}'}"


def read(source: Source, ctx: ReadContext) -> Iterator[ExportedMessage]:
    with source.open() as stream:
        walk = JsonWalk(stream, ctx)
        owner: list[str] = []  # "user<id>" of the account's owner, once personal_information is read
        yield from _chat(walk, ctx, owner, number=0, top=True)
        walk.finish()


def _chat(walk: JsonWalk, ctx: ReadContext, owner: list[str], number: int, top: bool = False
          ) -> Iterator[ExportedMessage]:
    chat = _Chat()
    chats = 0
    for field in walk.keys("a Telegram export (an object)" if top else "a chat (an object)"):
        if field in ("name", "type"):
            setattr(chat, "name" if field == "name" else "kind", walk.text())
        elif field == "id":
            value = walk.value()
            chat.ident = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
        elif field == "messages":
            yield from _messages(walk, ctx, chat, owner, number)
        elif top and field == "personal_information":
            info = walk.value()
            user_id = info.get("user_id") if isinstance(info, dict) else None
            if isinstance(user_id, (int, str)) and not isinstance(user_id, bool):
                owner.append(f"user{user_id}")
        elif top and field in ("chats", "left_chats"):
            for part in walk.keys("an object with a list of chats"):
                if part != "list":
                    walk.skip()
                    continue
                for _ in walk.items("a list of chats"):
                    chats += 1
                    yield from _chat(walk, ctx, owner, number=chats)
        else:
            walk.skip()


def _messages(walk: JsonWalk, ctx: ReadContext, chat: _Chat, owner: list[str], number: int
              ) -> Iterator[ExportedMessage]:
    key = chat.ident or f"chat-{number}"
    title = chat.title(number)
    for _ in walk.items("a list of messages"):
        message = walk.value()
        if not isinstance(message, dict):
            walk.reject(f"expected a message (an object), found {shown(message)}")
        if message.get("type") != "message":
            ctx.skipped += 1  # joins, pins, calls, title changes
            continue
        media = _media(message)
        text = ctx.clean(" ".join(piece for piece in (media, _text(walk, message.get("text"))) if piece))
        if not text:
            ctx.skipped += 1
            continue
        ctx.media += bool(media)
        ident = message.get("id")
        if not isinstance(ident, (int, str)) or isinstance(ident, bool):
            walk.reject(f"expected a message id, found {shown(ident)}", "id")
        sender = message.get("from_id")
        yield ExportedMessage(thread_key=key, thread_title=title,
                              speaker=clean_name(str(message.get("from") or "")) or "Deleted Account", text=text,
                              timestamp=_time(walk, ctx, message), external_id=str(ident),
                              # An explicit --me is the user's word and wins over the account's owner.
                              role=("user" if sender == owner[0] else "other") if owner and not ctx.me else None)


def _time(walk: JsonWalk, ctx: ReadContext, message: dict) -> float:
    if "date_unixtime" in message:
        stamp = epoch_seconds(message["date_unixtime"])
        if stamp is None:
            walk.reject(f"expected seconds since 1970, found {shown(message['date_unixtime'])}", "date_unixtime")
        return stamp
    raw = message.get("date")
    try:
        moment = datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        moment = None
    if moment is None:
        walk.reject(f"unknown date format {shown(raw)} (expected e.g. 2023-12-31T21:41:05)", "date")
    stamp = ctx.local_time(moment) if moment.tzinfo is None else moment.timestamp()
    if not plausible(stamp):
        walk.reject(f"a date out of range: {shown(raw)}", "date")
    return stamp


def _text(walk: JsonWalk, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(piece if isinstance(piece, str) else str(piece.get("text") or "")
                       for piece in value if isinstance(piece, (str, dict)))
    walk.reject(f"expected text or a list of text pieces, found {shown(value)}", "text")


def _media(message: dict) -> str:
    if "photo" in message:
        return "[photo]"
    kind = _MEDIA.get(message.get("media_type") or "")
    if kind == "sticker" and message.get("sticker_emoji"):
        return f"[sticker {message['sticker_emoji']}]"
    if kind:
        return f"[{kind}]"
    if "file" in message:
        name = message.get("file_name")
        return f"[document: {clean_name(name)}]" if isinstance(name, str) and name.strip() else "[document]"
    poll = message.get("poll")
    if isinstance(poll, dict):
        answers = " / ".join(str(a.get("text")) for a in poll.get("answers") or [] if isinstance(a, dict))
        return f"[poll] {poll.get('question') or ''}" + (f" ({answers})" if answers else "")
    if "location_information" in message:
        return "[location]"
    if "contact_information" in message:
        return "[contact]"
    return ""
