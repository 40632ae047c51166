"""Importing a chat export (`import chat`): all of it or nothing, and never a turn twice.

The export is checked whole first (ingest/chat_exports: any problem rejects it before anything
is stored). Its turns are then read again in batches: the ones already stored are skipped, the
others are written down for the run (storage/imports.py) and stored through the conversation
log, which embeds them. Memory stays small whatever the export's size: one batch at a time.
If anything fails while storing (the model, the disk, Ctrl-C), what the run stored is removed
before the error is reported; if the process dies, the next opening of the memory removes it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from second_me.domain import Turn
from second_me.errors import SecondMeError, StorageError, UsageError
from second_me.ingest.chat_exports import FORMAT_TITLES, ExportReading, read_export

if TYPE_CHECKING:
    from second_me.services.core import Core

# Turns stored per transaction, all embedded in one call: the embedder packs short texts into
# its own token batches, and a call of a few dozen chat messages leaves them part empty (about a
# quarter slower than calls of hundreds). Small enough that a batch's vectors stay a few MB.
BATCH_TURNS = 512
# The database's page cache while importing: every page written would otherwise stay cached, and
# the process grow with the export (by ~4 MB per 1,000 turns, to the cache's 384 MB limit).
IMPORT_CACHE_KIB = 16 * 1024


@dataclass(frozen=True)
class ImportProgress:
    done: int  # turns of the export gone through
    total: int
    added: int  # of them, new to memory


@dataclass(frozen=True)
class ChatImportReport:
    format: str
    source: str  # the file as messages name it, e.g. "export.zip (conversations.json)"
    turns: int  # turns in the export
    added: int  # turns new to memory
    roles_changed: int  # turns stored before whose role --me changed (now yours, or no longer)
    conversations: int
    speakers: tuple[tuple[str, int], ...]  # (name, turns), most turns first
    skipped: int  # system lines, deleted, hidden or empty messages
    media: int  # turns holding a photo, video, file… as a placeholder
    shortened: int  # messages cut to the longest text a memory holds
    notes: tuple[str, ...]
    undecided: bool  # no speaker is the user: --me was needed and not given
    seconds: float

    @property
    def format_title(self) -> str:
        return FORMAT_TITLES.get(self.format, self.format)


Progress = Callable[[ImportProgress], None]


def time_zone(name: Optional[str]):
    """The zone `--tz` names (None: this machine's); UsageError for a name the system does not know."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone {name!r}: give an IANA name such as Europe/Berlin or America/New_York")


def import_chat(core: "Core", path: Path, format: Optional[str] = None, me: Optional[str] = None,
                tz: Optional[str] = None, progress: Optional[Progress] = None,
                batch_turns: Optional[int] = None) -> ChatImportReport:
    started = time.monotonic()
    reading = read_export(Path(path).expanduser(), format, me, time_zone(tz))
    imports = core.store.imports
    lock = imports.lock()
    if not lock.try_acquire():
        raise StorageError(f"another chat import (pid {lock.holder_pid() or '?'}) is running in this home: "
                           "import again when it has finished")
    try:
        imports.undo_unfinished(core.now())  # a run left by a process that died since the memory opened
        with core.store.db.cache_limited(IMPORT_CACHE_KIB):
            added, roles_changed = _store(core, reading, progress, batch_turns or BATCH_TURNS)
            if added:
                core.store.tune_vector_index()  # (re)trains the vector index once the store has grown enough
    finally:
        lock.release()
    return ChatImportReport(format=reading.format, source=reading.label, turns=reading.turn_count, added=added,
                            roles_changed=roles_changed,
                            conversations=len(reading.conversations), speakers=reading.speakers,
                            skipped=reading.skipped, media=reading.media, shortened=reading.shortened,
                            notes=reading.notes, undecided=reading.undecided, seconds=time.monotonic() - started)


def _store(core: "Core", reading: ExportReading, progress: Optional[Progress], batch_turns: int) -> tuple[int, int]:
    """Store the turns not stored yet as one run; (turns added, stored turns whose role changed)."""
    imports = core.store.imports
    log = core.conversation_log(embed_batch=batch_turns)
    run_id = imports.begin(reading.label, reading.format, core.now())
    added = done = roles_changed = 0
    if progress is not None:
        progress(ImportProgress(0, reading.turn_count, 0))  # the total is known before the first batch is stored
    try:
        for batch in reading.batches(batch_turns):
            fresh = _not_stored(core, batch)
            if reading.me and len(fresh) < len(batch):
                # Roles follow --me as the turns are met (an undone run leaves them: it adds nothing).
                roles_changed += _follow_me(core, batch, fresh)
            if fresh:
                imports.will_store(run_id, [(t.conversation, t.external_id) for t in fresh])
                added += log.add_turns(fresh, core.now())
            done += len(batch)
            if progress is not None:
                progress(ImportProgress(done, reading.turn_count, added))
        imports.finish(run_id, added, core.now())
    except BaseException:
        try:
            imports.undo(run_id, core.now())
        except SecondMeError:
            pass  # the run stays marked unfinished: the next opening of the memory undoes it
        raise
    return added, roles_changed


def _follow_me(core: "Core", batch: Sequence[Turn], fresh: Sequence[Turn]) -> int:
    """Turns imported before without --me (or with another) take the role --me gives them now."""
    new = {id(turn) for turn in fresh}
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for turn in batch:
        if id(turn) not in new:
            roles[turn.conversation].append((turn.external_id, turn.role))
    return sum(core.store.imports.set_roles(conversation, pairs) for conversation, pairs in roles.items())


def _not_stored(core: "Core", batch: Sequence[Turn]) -> list[Turn]:
    """The turns of a batch not in memory yet, in order (each once: an export may repeat a message)."""
    ids: dict[str, list[str]] = defaultdict(list)
    for turn in batch:
        ids[turn.conversation].append(turn.external_id)
    seen = {conversation: core.store.imports.stored_ids(conversation, wanted) for conversation, wanted in ids.items()}
    fresh: list[Turn] = []
    for turn in batch:
        if turn.external_id not in seen[turn.conversation]:
            seen[turn.conversation].add(turn.external_id)
            fresh.append(turn)
    return fresh
