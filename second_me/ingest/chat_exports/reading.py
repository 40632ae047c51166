"""One entry for every export: check it all, then hand its turns over in order.

`read_export` reads the whole export once, keeping only counts and names, and rejects it
(InputRejected naming the line or JSON path) before anything could be stored. Iterating the
returned ExportReading reads it a second time and yields domain Turns, so an export of any size
is stored in batches without being held in memory.

Conversation names: a conversation is named by its title ("ChatGPT: Trip to Lisbon
(2023-07-06)", "WhatsApp: Sam", "Telegram: Family", "SMS: Ana (+15550100)"), which stays the same
in a later export of the same chats, so a re-import adds nothing new (turns keep their export's
ids). Two conversations of one export with one title get the start of their own id in brackets.
A title renamed in the app since the last import names a new conversation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Iterator, Optional

from second_me.domain import Turn
from second_me.errors import InputRejected, UsageError
from second_me.ingest.chat_exports import chatgpt, claude, jsonl, sms, telegram, whatsapp
from second_me.ingest.chat_exports.base import FORMATS, ExportedMessage, ReadContext, clean_name, same_person
from second_me.ingest.chat_exports.detect import choose_source, sniff
from second_me.ingest.chat_exports.sources import Source, candidates, read_errors_rejected

READERS = {module.NAME: module.read for module in (chatgpt, claude, whatsapp, telegram, sms, jsonl)}
_ID_PREFIX = 8


@dataclass(frozen=True)
class ConversationSummary:
    name: str
    turns: int
    first_at: float
    last_at: float


@dataclass
class _Thread:
    titles: Counter = field(default_factory=Counter)
    turns: int = 0
    first_at: float = float("inf")
    last_at: float = float("-inf")


@dataclass(frozen=True)
class ExportReading:
    """A checked export: what it holds, and its turns (read again from the file) when iterated."""

    format: str
    label: str
    turn_count: int
    conversations: tuple[ConversationSummary, ...]
    speakers: tuple[tuple[str, int], ...]  # (name, turns), most turns first
    skipped: int  # system lines, deleted, hidden or empty messages
    media: int  # turns holding a photo, video, file… as a placeholder
    shortened: int  # messages cut to the longest text a memory holds
    notes: tuple[str, ...]
    me: Optional[str]
    undecided: bool  # some turns' roles depend on --me, and none was given
    _source: Source = field(repr=False)
    _names: dict[str, str] = field(repr=False)
    _tz: Optional[tzinfo] = field(repr=False)
    _fingerprint: tuple[int, int] = field(repr=False)
    _memo: dict = field(repr=False)

    def __iter__(self) -> Iterator[Turn]:
        if self._source.fingerprint() != self._fingerprint:
            raise InputRejected(f"{self.label}: the file changed since it was checked; import it again")
        ctx = ReadContext(label=self.label, me=self.me, tz=self._tz, memo=dict(self._memo))
        count = 0
        for message in _guarded(READERS[self.format](self._source, ctx), self.label):
            count += 1
            yield Turn(conversation=self._names[message.thread_key], speaker=message.speaker, text=message.text,
                       timestamp=message.timestamp, role=_role(message, self.me), external_id=message.external_id)
        if count != self.turn_count:
            raise InputRejected(f"{self.label}: the file changed while it was read ({count} turns, "
                                f"{self.turn_count} when checked)")

    def batches(self, size: int = 256) -> Iterator[list[Turn]]:
        batch: list[Turn] = []
        for turn in self:
            batch.append(turn)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch


def read_export(path: Path, format: Optional[str] = None, me: Optional[str] = None,
                tz: Optional[tzinfo] = None) -> ExportReading:
    """Check the export at `path` (file, folder or .zip) whole, and return what it holds.

    `format` forces one of FORMATS; `me` names the user among the speakers (WhatsApp, Telegram)
    or names the user's side (ChatGPT, Claude, SMS); `tz` is the zone of exports that give wall-clock
    times (WhatsApp; old Telegram exports), this machine's when None.
    """
    if format is not None and format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    path = Path(path)
    me = clean_name(me) if me else None
    if format is None:
        source, format = choose_source(path)
    else:
        source = _forced_source(path, format)
    ctx = ReadContext(label=source.label, me=me, tz=tz)
    fingerprint = source.fingerprint()
    threads: dict[str, _Thread] = {}
    speakers: Counter = Counter()
    undecided = False
    for message in _guarded(READERS[format](source, ctx), source.label):
        thread = threads.setdefault(message.thread_key, _Thread())
        thread.titles[message.thread_title] += 1
        thread.turns += 1
        thread.first_at = min(thread.first_at, message.timestamp)
        thread.last_at = max(thread.last_at, message.timestamp)
        speakers[message.speaker] += 1
        undecided = undecided or message.role is None
    total = sum(thread.turns for thread in threads.values())
    if total == 0:
        ctx.reject("", "no messages in the export")
    if me and undecided and not any(same_person(name, me) for name in speakers):
        listed = ", ".join(name for name, _ in speakers.most_common(10))
        raise UsageError(f"--me {me!r} is not one of the speakers in {source.label}: {listed}")
    names = _names(threads)
    summaries = tuple(ConversationSummary(names[key], thread.turns, thread.first_at, thread.last_at)
                      for key, thread in threads.items())
    return ExportReading(format=format, label=source.label, turn_count=total, conversations=summaries,
                         speakers=tuple(speakers.most_common()), skipped=ctx.skipped, media=ctx.media, shortened=ctx.shortened,
                         notes=tuple(ctx.notes), me=me, undecided=undecided and me is None, _source=source,
                         _names=names, _tz=tz, _fingerprint=fingerprint, _memo=ctx.memo)


def _forced_source(path: Path, format: str) -> Source:
    """The file to read as `format`: the one detection finds if it agrees, else the likeliest."""
    found = candidates(path)
    for source in found:
        try:
            kind = sniff(source)
        except InputRejected:
            kind = None
        if kind == format:
            return source
        if kind is not None and len(found) == 1:
            raise InputRejected(f"{source.label}: this is a {kind} export, not {format}; nothing was imported")
    if not found:
        raise InputRejected(f"{path.name}: holds no file a {format} export could be in; nothing was imported")
    return found[0]


def _names(threads: dict[str, _Thread]) -> dict[str, str]:
    """Each conversation's name: its most common title, made unique with the start of its id."""
    title_of = {key: thread.titles.most_common(1)[0][0] for key, thread in threads.items()}
    sharing = Counter(title_of.values())
    names: dict[str, str] = {}
    for key, title in title_of.items():
        names[key] = title if sharing[title] == 1 else f"{title} [{key[:_ID_PREFIX]}]"
    if len(set(names.values())) < len(names):  # ids alike at the start: the whole id then
        names = {key: title if sharing[title] == 1 else f"{title} [{key}]" for key, title in title_of.items()}
    return names


def _role(message: ExportedMessage, me: Optional[str]) -> str:
    if message.role is not None:
        return message.role
    return "user" if me and same_person(message.speaker, me) else "other"


def _guarded(messages: Iterator[ExportedMessage], label: str) -> Iterator[ExportedMessage]:
    with read_errors_rejected(label):
        yield from messages
