"""Text messages saved by the Android app "SMS Backup & Restore": its documented XML file.

Why this one: it is the common way to keep phone texts and its format is public (`<smses>` of
`<sms address date type body contact_name>` and `<mms>` with `<part>`s), while Signal's backups
are encrypted with a passphrase and WhatsApp's with a key held by the phone, so neither can
be read (they are rejected with a message saying so; WhatsApp's "Export chat" text is read).

One conversation per phone number (group texts: per set of numbers). Received texts are
spoken by the contact, sent ones by the user. Drafts, queued and failed texts are skipped.
The file streams through the XML parser in blocks; a DOCTYPE or entity declaration (never in
these files, and the way XML bombs work) rejects the file.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Iterator, Optional
from xml.parsers import expat

from second_me.ingest.chat_exports.base import (ExportedMessage, Occurrences, ReadContext, clean_name,
                                                epoch_seconds, shown, stable_id)
from second_me.ingest.chat_exports.sources import Source

NAME = "sms"
BLOCK_BYTES = 256 * 1024
_RECEIVED, _SENT = "1", "2"  # sms `type` and mms `msg_box`
_UNKNOWN_CONTACT = ("", "(unknown)", "null")
_PART_LABELS = (("image/", "[photo]"), ("video/", "[video]"), ("audio/", "[audio]"), ("text/x-vcard", "[contact]"))


class _Refused(Exception):
    """Raised from inside the XML parser's callbacks: the reason the file is rejected."""


class _Reader:
    def __init__(self, parser: expat.XMLParserType, ctx: ReadContext):
        self.parser = parser
        self.ctx = ctx
        self.ready: deque[ExportedMessage] = deque()
        self.root: Optional[str] = None
        self.mms: Optional[dict] = None
        self.parts: list[str] = []
        self.senders: list[str] = []
        self.occurrences = Occurrences()

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if self.root is None:
            self.root = tag
            if tag != "smses":
                kind = "a call log" if tag == "calls" else f"an XML file with <{tag}>"
                raise _Refused(f"{kind}, not messages (expected the <smses> of an SMS Backup & Restore file)")
        elif tag == "sms":
            self._message(attrs, attrs.get("type"), attrs.get("body") or "", attrs.get("address"))
        elif tag == "mms":
            self.mms, self.parts, self.senders = attrs, [], []
        elif tag == "part" and self.mms is not None:
            kind = (attrs.get("ct") or "").lower()
            if kind == "text/plain":
                self.parts.append(attrs.get("text") or "")
            else:
                self.parts.extend(label for prefix, label in _PART_LABELS if kind.startswith(prefix))
        elif tag == "addr" and self.mms is not None and attrs.get("type") == "137":  # 137: who sent it
            self.senders.append(attrs.get("address") or "")

    def end(self, tag: str) -> None:
        if tag == "mms" and self.mms is not None:
            mms, self.mms = self.mms, None
            sender = self.senders[0] if self.senders and mms.get("msg_box") == _RECEIVED else None
            self._message(mms, mms.get("msg_box"), " ".join(part for part in self.parts if part.strip()),
                          mms.get("address"), sender)

    def _message(self, attrs: dict[str, str], box: Optional[str], body: str, address: Optional[str],
                 sender: Optional[str] = None) -> None:
        if box not in (_RECEIVED, _SENT):
            self.ctx.skipped += 1  # drafts, outbox, failed, queued
            return
        stamp = epoch_seconds(_seconds(attrs.get("date")))
        if stamp is None:
            raise _Refused(f"line {self.parser.CurrentLineNumber}: the date {shown(attrs.get('date'))} "
                           "is not milliseconds since 1970")
        text = self.ctx.clean(body)
        if not text:
            self.ctx.skipped += 1
            return
        self.ctx.media += any(label in text for _, label in _PART_LABELS)
        key = _thread_key(address or "")
        contact = clean_name(attrs.get("contact_name") or "")
        known = contact.casefold() not in _UNKNOWN_CONTACT and "," not in contact
        number = clean_name(address or "") or "unknown number"
        title = f"SMS: {contact} ({number})" if contact.casefold() not in _UNKNOWN_CONTACT else f"SMS: {number}"
        if box == _SENT:
            speaker, role = self.ctx.me_name, "user"
        else:
            speaker, role = (contact if known else clean_name(sender or number)), "other"
        ident = stable_id("sms", key, attrs.get("date") or "", box, text)
        self.ready.append(ExportedMessage(thread_key=key, thread_title=title, speaker=speaker, text=text,
                                          timestamp=stamp, external_id=self.occurrences.number(stamp, ident),
                                          role=role))


def _seconds(millis: Optional[str]) -> Optional[float]:
    try:
        return int(millis) / 1000 if millis is not None else None
    except ValueError:
        return None


def _thread_key(address: str) -> str:
    """The same person whatever way the number was written ("+1 555-0100", "+15550100")."""
    numbers = [re.sub(r"[^\d+]", "", part) or part.strip().casefold() for part in address.split("~")]
    return "~".join(sorted(numbers)) or "unknown"


def _refuse(*_args: object) -> None:
    raise _Refused("the file declares a DOCTYPE or entities, which SMS Backup & Restore files never do")


def read(source: Source, ctx: ReadContext) -> Iterator[ExportedMessage]:
    parser = expat.ParserCreate()
    reader = _Reader(parser, ctx)
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    with source.open() as stream:
        while True:
            block = stream.read(BLOCK_BYTES)
            try:
                parser.Parse(block, not block)
            except _Refused as exc:
                ctx.reject("", str(exc))
            except expat.ExpatError as exc:
                problem = expat.ErrorString(exc.code)
                if not block:  # only the end was missing
                    problem = f"the XML ends too early ({problem}: is the file cut short?)"
                ctx.reject(f"line {exc.lineno}", problem)
            while reader.ready:
                yield reader.ready.popleft()
            if not block:
                break
    if reader.root is None:
        ctx.reject("", "the file holds no XML")
