"""Claude's data export: conversations.json, alone or inside the export's .zip.

A conversation (`uuid`, `name`, `created_at`) holds its `chat_messages` in order; a message's
words are its `text` content blocks (or its flat `text`), thinking and tool blocks are skipped,
and attached files are named ("[attachment: notes.pdf]"). The human is the user.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from second_me.ingest.chat_exports.base import (ExportedMessage, ReadContext, clean_name, conversation_title,
                                                iso_instant, shown)
from second_me.ingest.chat_exports.json_stream import JsonWalk, each_conversation
from second_me.ingest.chat_exports.sources import Source

NAME = "claude"
ASSISTANT = "Claude"
_ROLES = {"human": "user", "assistant": "assistant"}


def read(source: Source, ctx: ReadContext) -> Iterator[ExportedMessage]:
    return each_conversation(source, ctx, _conversation)


def _conversation(walk: JsonWalk, ctx: ReadContext, index: int) -> Iterator[ExportedMessage]:
    key: Optional[str] = None
    title: Optional[str] = None
    created: Optional[float] = None
    said: Optional[list[tuple[str, str, float, str]]] = None  # one conversation's messages, small once read
    for field in walk.keys("a conversation (an object)"):
        if field == "uuid":
            key = walk.text()
        elif field == "name":
            title = walk.text()
        elif field == "created_at":
            created = _instant(walk, walk.value())
        elif field == "chat_messages":
            said = []
            for number in walk.items("a list of messages"):
                message = walk.value()
                if not isinstance(message, dict):
                    walk.reject(f"expected a message (an object), found {shown(message)}")
                one = _said(walk, ctx, message, number)
                if one is None:
                    ctx.skipped += 1
                else:
                    said.append(one)
        else:
            walk.skip()
    if said is None:
        walk.reject("has no 'chat_messages': not a Claude conversation")
    day_of = created if created is not None else (said[0][2] if said else None)
    name = conversation_title(ASSISTANT, title, day_of)
    for role, text, stamp, external_id in said:
        yield ExportedMessage(thread_key=key or f"conversation-{index}", thread_title=name,
                              speaker=ctx.me_name if role == "user" else ASSISTANT, text=text, timestamp=stamp,
                              external_id=external_id, role=role)


def _instant(walk: JsonWalk, raw: Any, *where: str) -> Optional[float]:
    if raw is None:
        return None
    stamp = iso_instant(raw)
    if stamp is None:
        walk.reject(f"not an ISO-8601 date-time: {shown(raw)}", *where)
    return stamp


def _said(walk: JsonWalk, ctx: ReadContext, message: dict, number: int) -> Optional[tuple[str, str, float, str]]:
    role = _ROLES.get(message.get("sender"))
    if role is None:
        return None
    blocks = message.get("content")
    pieces: list[str] = []
    if isinstance(blocks, list) and blocks:
        pieces = [block["text"] for block in blocks
                  if isinstance(block, dict) and block.get("type") == "text" and isinstance(block.get("text"), str)]
    elif isinstance(message.get("text"), str):
        pieces = [message["text"]]
    attached = [item.get("file_name") for field in ("attachments", "files") for item in message.get(field) or []
                if isinstance(item, dict)]
    for file_name in dict.fromkeys(clean_name(name) for name in attached if isinstance(name, str)):
        if file_name:
            pieces.append(f"[attachment: {file_name}]")
    text = ctx.clean("\n\n".join(piece for piece in pieces if piece.strip()))
    if not text:
        return None
    stamp = _instant(walk, message.get("created_at"), "created_at")
    if stamp is None:
        walk.reject("the message has no created_at time", "created_at")
    external_id = message.get("uuid")
    return role, text, stamp, external_id if isinstance(external_id, str) and external_id else f"message-{number}"
