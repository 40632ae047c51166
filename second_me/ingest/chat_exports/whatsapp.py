"""WhatsApp's "Export chat" text, from Android or iPhone: the .txt, or the .zip holding it.

The file is read twice, line by line (memory stays small at any length): once to learn its
encoding, line format and day/month order (see whatsapp_dates), once to read the messages.
A line that does not start a message continues the one before (multi-line messages).
Media placeholders become "[photo]", "[video]", "[audio]", "[sticker]", "[document: name]" or
"[media]" (a caption follows them), "<This message was edited>" marks are dropped, and deleted
messages and system lines (the encryption notice, "X added Y", subject changes, calls) are
skipped; these words are recognised in English. Times are local wall-clock times without a
zone. Text is UTF-8 (with or without a byte-order mark) or UTF-16 with one; a file that is not
valid UTF-8 is read as Windows-1252, as old phones wrote it. The chat's name comes from the
export's file name ("WhatsApp Chat with Sam.txt"), else from the iPhone's system lines, else
from who speaks.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Iterator, Optional

from second_me.ingest.chat_exports.base import (ExportedMessage, MAX_TEXT_CHARS, Occurrences, ReadContext,
                                                clean_name, shown, stable_id)
from second_me.ingest.chat_exports.sources import Source
from second_me.ingest.chat_exports.whatsapp_dates import (HEADER, KNOWN_FORMATS, DateOrder, Shape, shape_of,
                                                          stamp_of)

NAME = "whatsapp"
MAX_LINE_CHARS = 1_000_000  # a longer line is read in pieces, never whole
_NAMING_LINES = 5_000  # who speaks, for a chat's name when its file name gives none, is learnt from these
_MARKS = "\u200e\u200f\u202a\u202c\ufeff"
_EDITED = "<This message was edited>"
_DELETED = ("this message was deleted", "you deleted this message", "waiting for this message")
_SYSTEM = re.compile(r" (?:added|removed|left|joined using|created group|created this group|changed the subject"
                     r"|changed this group's|changed the group|changed their phone number|changed to"
                     r"|deleted this group's|is now an admin|pinned a message|turned (?:on|off) disappearing"
                     r"|started a (?:voice |video )?call)\b", re.I)
_PLACEHOLDERS = {"<media omitted>": "media", "image omitted": "photo", "video omitted": "video",
                 "audio omitted": "audio", "sticker omitted": "sticker", "gif omitted": "GIF",
                 "document omitted": "document", "contact card omitted": "contact"}
_ATTACHED = re.compile(r"^<attached: (?P<file>[^>]+)>(?P<rest>.*)$", re.S)
_FILE_ATTACHED = re.compile(r"^(?P<file>[^\n]+?\.\w{1,5}) \(file attached\)(?P<rest>.*)$", re.S)
_DOCUMENT_OMITTED = re.compile(r"^(?P<file>.+?)\s*document omitted$", re.I)
_KINDS = ((re.compile(r"^IMG-|-PHOTO-|\.(?:jpe?g|png|heic)$", re.I), "photo"),
          (re.compile(r"^VID-|-VIDEO-|\.(?:mp4|mov|3gp)$", re.I), "video"),
          (re.compile(r"^PTT-", re.I), "voice message"),
          (re.compile(r"^AUD-|-AUDIO-|\.(?:opus|m4a|mp3|aac|ogg)$", re.I), "audio"),
          (re.compile(r"^STK-|-STICKER-|\.webp$", re.I), "sticker"),
          (re.compile(r"-GIF-|\.gif$", re.I), "GIF"))
_FILE_TITLE = re.compile(r"^(?:WhatsApp[ _-]?Chat|Chat de WhatsApp|Conversa do WhatsApp|Discussion WhatsApp)"
                         r"\s*(?:with|mit|con|com|avec|met|-|\u2013)\s+(?P<name>.+?)(?:\s*\(\d+\))?$", re.I)


@dataclass
class _Plan:
    encoding: str
    shape: Shape
    day_first: bool
    title: str


@dataclass
class _Pending:
    """A message whose lines are still being read."""

    number: int
    match: re.Match
    lines: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, line: str) -> None:
        if self.size <= MAX_TEXT_CHARS:  # the rest would be cut anyway
            self.lines.append(line)
            self.size += len(line)


def read(source: Source, ctx: ReadContext) -> Iterator[ExportedMessage]:
    plan = ctx.memo.get(NAME) or _plan(source, ctx)
    ctx.memo[NAME] = plan  # the second reading of an unchanged file needs no second look
    occurrences = Occurrences()
    pending: Optional[_Pending] = None
    for number, line in _lines(source, plan.encoding):
        match = plan.shape.pattern.match(line)
        if match:
            if pending is not None:
                yield from _message(pending, plan, ctx, occurrences)
            pending = _Pending(number, match)
        elif pending is not None:
            pending.add(line)
    if pending is not None:
        yield from _message(pending, plan, ctx, occurrences)


def chat_lines(head: bytes) -> list[str]:
    """The first lines of a file's head, decoded as this reader would (for telling formats apart)."""
    text = head.decode(_marked_encoding(head) or "utf-8", errors="replace")
    lines = [line for line in text.splitlines()[:-1] or text.splitlines() if line.strip(" \t" + _MARKS)]
    return lines[:5]


def is_chat(lines: list[str]) -> bool:
    match = HEADER.match(lines[0]) if lines else None
    return match is not None and stamp_of(match) is not None


def _marked_encoding(head: bytes) -> Optional[str]:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _lines(source: Source, encoding: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line; a line over MAX_LINE_CHARS comes in pieces of one number."""
    with source.open() as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace" if encoding == "cp1252" else "strict",
                                newline=None)
        number, whole = 0, True
        while True:
            piece = text.readline(MAX_LINE_CHARS)
            if not piece:
                return
            number += whole
            whole = piece.endswith("\n")
            yield number, piece.rstrip("\n")


def _plan(source: Source, ctx: ReadContext) -> _Plan:
    encoding = _marked_encoding(source.head(4))
    if encoding is not None:
        return _scan(source, ctx, encoding)
    try:
        return _scan(source, ctx, "utf-8")
    except UnicodeDecodeError:
        ctx.notes.append("not UTF-8: read as Windows-1252")
        return _scan(source, ctx, "cp1252")


def _scan(source: Source, ctx: ReadContext, encoding: str) -> _Plan:
    shape: Optional[Shape] = None
    order = DateOrder()
    speakers: dict[str, None] = {}
    system_speaker: Optional[str] = None
    headers = 0
    for number, line in _lines(source, encoding):
        if shape is None:
            if not line.strip(" \t" + _MARKS):
                continue
            match = HEADER.match(line)
            if match is None or shape_of(match).pattern.match(line) is None:
                ctx.reject(f"line {number}", f"not a WhatsApp message line in a known format (known: {KNOWN_FORMATS}); "
                           f"it reads {shown(line, 60)}")
            shape = shape_of(match)
        match = shape.pattern.match(line)
        if match is None:
            continue
        headers += 1
        stamp = stamp_of(match)
        header = line[:match.start("rest")].strip(" -\u2013[]" + _MARKS)
        problem = order.add(number, match["date"], stamp) if stamp else f"{header!r} is not a valid date and time"
        if problem:
            ctx.reject(f"line {number}", problem)
        if headers > _NAMING_LINES:
            continue
        speaker, text = _split(match["rest"], shape)
        if speaker and len(speakers) < 50:
            speakers.setdefault(speaker)
        if speaker and text.startswith("\u200e") and system_speaker is None and _media(text) is None:
            system_speaker = speaker  # the iPhone names the chat as the speaker of its system lines
    if shape is None:
        ctx.reject("", "the file holds no WhatsApp messages")
    conflict = order.conflict()
    if conflict:
        ctx.reject("", f"dates in two orders: {conflict}")
    return _Plan(encoding, shape, order.day_first(shape), _title(source, system_speaker, list(speakers)))


def _title(source: Source, system_speaker: Optional[str], speakers: list[str]) -> str:
    named = _FILE_TITLE.match(clean_name(source.export_name))
    if named:
        return f"WhatsApp: {named['name']}"
    if system_speaker:
        return f"WhatsApp: {system_speaker}"
    # everyone, the user too: a name that changed with --me would make a re-import a new chat
    return "WhatsApp: " + ", ".join(sorted(speakers)[:3]) + (" and others" if len(speakers) > 3 else "")


def _split(rest: str, shape: Shape) -> tuple[Optional[str], str]:
    """(speaker, first line of text) of a header's rest, or (None, rest) for a system line."""
    cut = rest.find(": ")
    if cut < 0 and rest.rstrip().endswith(":"):
        cut = len(rest.rstrip()) - 1
    if cut < 0:
        return None, rest
    speaker = _speaker_name(rest[:cut])
    if not speaker or len(speaker) > 100 or (not shape.bracketed and _SYSTEM.search(rest[:cut])):
        return None, rest
    return speaker, rest[cut + 1:].removeprefix(" ")


@lru_cache(maxsize=4096)
def _speaker_name(raw: str) -> str:
    return clean_name(raw)


def _message(pending: _Pending, plan: _Plan, ctx: ReadContext, occurrences: Occurrences
             ) -> Iterator[ExportedMessage]:
    speaker, first = _split(pending.match["rest"], plan.shape)
    text = _content("\n".join([first, *pending.lines])) if speaker else None
    text = ctx.clean(text) if text else ""
    if not text:
        ctx.skipped += 1
        return
    if text.startswith("[") and _media(first) is not None:
        ctx.media += 1
    moment = stamp_of(pending.match).moment(plan.day_first)
    if moment is None:
        ctx.reject(f"line {pending.number}", f"{pending.match['date']!r} is not a date "
                   f"(the file writes the {'day' if plan.day_first else 'month'} first)")
    local = moment.isoformat()
    yield ExportedMessage(thread_key=plan.title, thread_title=plan.title, speaker=speaker, text=text,
                          timestamp=ctx.local_time(moment),
                          external_id=occurrences.number(local, stable_id("wa", local, speaker, text)))


def _content(text: str) -> Optional[str]:
    """What a message says, with media as placeholders; None for deleted messages and system lines."""
    marked = text.lstrip().startswith("\u200e")
    text = text.strip().strip(_MARKS).strip()
    if text.endswith(_EDITED):
        text = text[:-len(_EDITED)].rstrip().rstrip(_MARKS).rstrip()
    if text.casefold().rstrip(".").startswith(_DELETED):
        return None
    media = _media(text)
    if media is None:
        return None if marked else text  # the iPhone marks its system lines
    label, caption = media
    return f"[{label}] {caption}" if caption else f"[{label}]"


def _media(text: str) -> Optional[tuple[str, str]]:
    """(placeholder label, caption) when the text stands for a photo, video, file…"""
    text = text.strip().strip(_MARKS)
    first, _, more = text.partition("\n")
    if "omitted" not in first and "attached" not in first:  # every placeholder says one of these
        return None
    label = _PLACEHOLDERS.get(first.strip().strip(_MARKS).casefold())
    if label:
        return label, more.strip()
    for pattern in (_ATTACHED, _FILE_ATTACHED):
        found = pattern.match(text)
        if found:
            return _file_kind(found["file"].strip()), found["rest"].strip().strip(_MARKS).strip()
    found = _DOCUMENT_OMITTED.match(first.strip())
    if found:
        return f"document: {clean_name(found['file'])}", more.strip()
    return None


def _file_kind(name: str) -> str:
    base = PurePosixPath(name).name
    for pattern, kind in _KINDS:
        if pattern.search(base):
            return kind
    return f"document: {clean_name(base)}"
