"""ChatGPT's data export: conversations.json, alone or inside the export's .zip.

Each conversation is a tree of nodes (`mapping`): regenerating an answer or editing a question
starts a new branch. What the user last saw is the branch from `current_node` back to the root,
and only that branch is read. System, tool and hidden nodes, messages addressed to a tool and
empty ones are skipped; an image in a message becomes "[image]". The user is the human side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional

from second_me.ingest.chat_exports.base import (ExportedMessage, ReadContext, conversation_title, epoch_seconds,
                                                shown)
from second_me.ingest.chat_exports.json_stream import JsonWalk, each_conversation
from second_me.ingest.chat_exports.sources import Source

NAME = "chatgpt"
ASSISTANT = "ChatGPT"
_READ_TYPES = ("text", "multimodal_text")


@dataclass(frozen=True)
class _Node:
    """What a node leaves behind once read: its parent, and what it said if it is kept."""

    parent: Optional[str]
    said: Optional[tuple[str, str, Optional[float]]]  # (role, text, create_time)
    hidden: bool  # a message that is not kept (system, tool, hidden, empty)


def read(source: Source, ctx: ReadContext) -> Iterator[ExportedMessage]:
    return each_conversation(source, ctx, _conversation)


def _conversation(walk: JsonWalk, ctx: ReadContext, index: int) -> Iterator[ExportedMessage]:
    title: Optional[str] = None
    created: Optional[float] = None
    key: Optional[str] = None
    current: Optional[str] = None
    nodes: Optional[dict[str, _Node]] = None
    for field in walk.keys("a conversation (an object)"):
        if field == "title":
            title = walk.text()
        elif field == "create_time":
            raw = _unset_if_zero(walk.value())
            created = epoch_seconds(raw)
            if raw is not None and created is None:
                walk.reject(f"expected seconds since 1970, found {shown(raw)}")
        elif field in ("conversation_id", "id"):
            value = walk.value()
            key = key or (value if isinstance(value, str) and value else None)
        elif field == "current_node":
            current = walk.text()
        elif field == "mapping":
            nodes = {node_id: _node(walk, ctx) for node_id in walk.keys("the message tree (an object)")}
        else:
            walk.skip()
    if nodes is None:
        walk.reject("has no 'mapping' of messages: not a ChatGPT conversation")
    branch = _branch(walk, nodes, current)
    ctx.skipped += sum(nodes[node_id].hidden for node_id in branch)
    kept = [(node_id, nodes[node_id].said) for node_id in branch if nodes[node_id].said is not None]
    day_of = created if created is not None else next((said[2] for _, said in kept if said[2] is not None), None)
    name = conversation_title(ASSISTANT, title, day_of)
    when = created
    for node_id, (role, text, stamp) in kept:
        when = stamp if stamp is not None else when  # a message without a time took place after the one before
        if when is None:
            walk.reject("a message without a time, in a conversation without one", "mapping", node_id, "message",
                        "create_time")
        yield ExportedMessage(thread_key=key or f"conversation-{index}", thread_title=name,
                              speaker=ctx.me_name if role == "user" else ASSISTANT, text=text, timestamp=when,
                              external_id=node_id, role=role)


def _node(walk: JsonWalk, ctx: ReadContext) -> _Node:
    parent: Optional[str] = None
    said = None
    hidden = False
    for field in walk.keys("a node (an object)"):
        if field == "parent":
            parent = walk.text()
        elif field == "message" and walk.peek() == "object":
            message = walk.value()
            said = _said(walk, ctx, message)
            hidden = said is None
        else:
            walk.skip()
    return _Node(parent, said, hidden)


def _said(walk: JsonWalk, ctx: ReadContext, message: dict) -> Optional[tuple[str, str, Optional[float]]]:
    """(role, text, time) of a message a person sees in the conversation, else None."""
    author = message.get("author")
    role = author.get("role") if isinstance(author, dict) else None
    metadata = message.get("metadata") if isinstance(message.get("metadata"), dict) else {}
    content = message.get("content") if isinstance(message.get("content"), dict) else {}
    if (role not in ("user", "assistant") or metadata.get("is_visually_hidden_from_conversation")
            or message.get("recipient", "all") not in (None, "all")
            or content.get("content_type") not in _READ_TYPES):
        return None
    parts = content.get("parts") or []
    if not isinstance(parts, list):
        walk.reject(f"expected a list, found {shown(parts)}", "content", "parts")
    text = ctx.clean("\n".join(piece for piece in map(_part_text, parts) if piece.strip()))
    if not text:
        return None
    raw = _unset_if_zero(message.get("create_time"))
    stamp = epoch_seconds(raw)
    if raw is not None and stamp is None:
        walk.reject(f"expected seconds since 1970, found {shown(raw)}", "create_time")
    return role, text, stamp


def _unset_if_zero(raw: Any) -> Any:
    """0 stands for "no time" in some nodes; any other number out of range is an error."""
    return None if raw == 0 and not isinstance(raw, bool) else raw


def _part_text(part: Any) -> str:
    if isinstance(part, str):
        return part
    if not isinstance(part, dict):
        return ""
    if part.get("content_type") == "image_asset_pointer":
        return "[image]"
    text = part.get("text")
    return text if isinstance(text, str) else ""  # audio arrives with its transcription as text


def _branch(walk: JsonWalk, nodes: dict[str, _Node], current: Optional[str]) -> list[str]:
    """Node ids from the root down to `current` (or, without one, to the newest kept message)."""
    if current is None:
        timed = [(node.said[2] or 0.0, node_id) for node_id, node in nodes.items() if node.said is not None]
        if not timed:
            return []
        current = max(timed)[1]
    elif current not in nodes:
        walk.reject(f"names node {shown(current)}, which is not in the mapping", "current_node")
    chain: list[str] = []
    node_id: Optional[str] = current
    while node_id is not None:
        if node_id not in nodes:
            walk.reject(f"names parent {shown(node_id)}, which is not in the mapping", "mapping", chain[-1], "parent")
        if len(chain) >= len(nodes):
            walk.reject("the message tree has a loop", "mapping", node_id, "parent")
        chain.append(node_id)
        node_id = nodes[node_id].parent
    chain.reverse()
    return chain
