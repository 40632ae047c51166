"""Which export a file is, told from its content (never its name), and the files no one can read."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from second_me.errors import InputRejected
from second_me.ingest.chat_exports import jsonl, whatsapp
from second_me.ingest.chat_exports.base import FORMAT_TITLES, ReadContext
from second_me.ingest.chat_exports.json_stream import JsonWalk
from second_me.ingest.chat_exports.sources import Source, candidates, read_errors_rejected
from second_me.ingest.chat_exports.whatsapp_dates import CHAT_LIKE, KNOWN_FORMATS
from second_me.ingest.text import looks_binary

KNOWN = "; ".join(FORMAT_TITLES.values())
_EXPORTS_ARE = ("use WhatsApp's 'Export chat' (a .txt) instead of a backup, and Telegram Desktop's "
                "JSON export, not the HTML one")


def detect_format(path: Path) -> str:
    """The format name of the export at `path` (a file, a folder or a .zip); InputRejected otherwise."""
    return choose_source(path)[1]


def choose_source(path: Path) -> tuple[Source, str]:
    """The file holding the export at `path` and its format. In a folder or zip, a file named as
    exports name theirs wins; otherwise exactly one file must be an export."""
    found = candidates(path)
    if len(found) == 1 and found[0].member is None and found[0].path == path:
        kind = sniff(found[0])
        if kind is None:
            raise InputRejected(f"{path.name}: not a chat export second-me knows (it reads: {KNOWN}); "
                                "nothing was imported")
        return found[0], kind
    recognised: list[tuple[Source, str]] = []
    for source in found:
        try:
            kind = sniff(source)
        except InputRejected:
            if source.well_known:
                raise
            continue
        if kind is not None and source.well_known:
            return source, kind
        if kind is not None:
            recognised.append((source, kind))
    where = "folder" if path.is_dir() else "zip archive"
    if len(recognised) > 1:
        names = ", ".join(source.name for source, _ in recognised[:5])
        raise InputRejected(f"{path.name}: this {where} holds several chat exports ({names}); "
                            "import them one at a time; nothing was imported")
    if recognised:
        return recognised[0]
    raise InputRejected(f"{path.name}: this {where} holds no chat export second-me knows (it reads: {KNOWN}); "
                        "nothing was imported")


def sniff(source: Source) -> Optional[str]:
    """The format of one file, None if it is none of them; InputRejected for files known unreadable."""
    with read_errors_rejected(source.label):
        return _sniff(source, ReadContext(label=source.label))


def _sniff(source: Source, ctx: ReadContext) -> Optional[str]:
    head = source.head()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start:
        ctx.reject("", "the file is empty" if not head else "the file holds only blank lines")
    if head.startswith(b"SQLite format 3\x00"):
        ctx.reject("", "a database file, not an export (apps keep their own databases encrypted or private; "
                   f"{_EXPORTS_ARE})")
    if _signal_backup(head):
        ctx.reject("", "an encrypted Signal backup: Signal encrypts its backups with a passphrase and second-me "
                   "cannot read them (Signal has no plain-text export)")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        ctx.reject("", "a zip archive that cannot be opened (damaged or cut short)")
    lines = whatsapp.chat_lines(head)
    if whatsapp.is_chat(lines):  # before JSON: an iPhone chat starts with "["
        return "whatsapp"
    if start[:1] == b"{" and jsonl.looks_like(start):
        return "jsonl"
    if start[:1] in (b"[", b"{"):
        with source.open() as stream:
            return _json_format(JsonWalk(stream, ctx, root=""), ctx)
    if start[:1] == b"<":
        return _xml_format(start, ctx)
    if lines and CHAT_LIKE.match(lines[0]):
        ctx.reject("line 1", f"looks like a WhatsApp chat in a date format second-me does not know "
                   f"(known: {KNOWN_FORMATS})")
    if looks_binary(head):
        ctx.reject("", f"a binary file, not a chat export (WhatsApp's and Signal's backups are encrypted; "
                   f"{_EXPORTS_ARE})")
    return None


def _signal_backup(head: bytes) -> bool:
    """Signal's .backup starts with a length-prefixed header frame holding a 16-byte IV and 32-byte salt."""
    return len(head) >= 58 and head[:2] == b"\x00\x00" and head[4] == 0x0A and head[6:8] == b"\x0a\x10" \
        and head[24:26] == b"\x12\x20"


def _xml_format(start: bytes, ctx: ReadContext) -> Optional[str]:
    if b"<smses" in start:
        return "sms"
    if b"<calls" in start:
        ctx.reject("", "an SMS Backup & Restore call log, not messages: give its sms-….xml file")
    if b"<html" in start.lower()[:2000] or b"<!doctype html" in start.lower()[:200]:
        ctx.reject("", f"a web page, not a data export ({_EXPORTS_ARE})")
    return None


def _json_format(walk: JsonWalk, ctx: ReadContext) -> Optional[str]:
    """Reads only as far as the first conversation's keys, or the top level's for Telegram."""
    if walk.peek() == "array":
        for _ in walk.items():
            if walk.peek() != "object":
                return None
            seen = []
            for key in walk.keys():
                if key in ("mapping", "current_node"):
                    return "chatgpt"
                if key == "chat_messages":
                    return "claude"
                seen.append(key)
                walk.skip()
            ctx.reject("conversations[0]", "not a conversation of a chat export second-me knows (its keys: "
                       f"{', '.join(seen[:8]) or 'none'}); give ChatGPT's or Claude's conversations.json")
        ctx.reject("", "the export holds no conversations")
    seen = []
    for key in walk.keys():
        if key in ("messages", "chats", "left_chats", "personal_information"):
            return "telegram"
        seen.append(key)
        walk.skip()
    ctx.reject("", f"a JSON file that is not a chat export second-me knows (its keys: "
               f"{', '.join(seen[:8]) or 'none'}); it reads {KNOWN}")
