"""Scanning: what a folder (or a file) holds now, against what memory holds of it, as queue rows.

The walk follows the link policy (paths.py): files are keyed by the path they were met at,
and a file that must not be read (a link out of the watched folders, a FIFO, anything in
/proc) is queued too, so the indexer records why it was left out. Names the ignore rules
pass over (hidden, may hold secrets, .gitignore...) are only counted, by reason.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Iterator, Optional

from second_me.config import Settings
from second_me.domain import reason_group
from second_me.ingest.extract import supported
from second_me.ingest.filters import NOT_UTF8, encodable
from second_me.ingest.ignore import IgnoreRules
from second_me.ingest.paths import NOT_WALKED, PathDecision, absolute, real, walk
from second_me.ingest.secret_screen import screening
from second_me.storage.sources import SourceRecord
from second_me.storage.store import MemoryStore

QueueRow = tuple[str, str, Optional[str]]  # (path, "upsert" | "delete", watched root)


def scan_start(path: Path) -> Path:
    """Where a scan of `path` starts: a folder resolved (as `watch add` keeps it), a file as given,
    so that a link given by the user stays the key of its memories."""
    given = absolute(path)
    return real(given) if given.is_dir() else given


def walk_files(root: Path, user_globs: tuple[str, ...] = (), mode: str = "inside") -> Iterator[Path]:
    """Every file under `root` (or `root` itself) that indexing would read, as the ignore rules and
    the link policy see it."""
    top = scan_start(root)
    rules = IgnoreRules(top, user_globs)
    roots = [top] if top.is_dir() else []
    for entry in walk(top, roots, mode, lambda path, is_dir: rules.reason_here(path, is_dir) is None, user_globs):
        if entry.decision.readable and supported(entry.path):
            yield entry.path


def link_roots(store: MemoryStore, label: Optional[str]) -> list[Path]:
    """The folders a link may point into under follow_symlinks = "inside": the watched folders and
    the folder being added. A file given alone is no such folder: a link given alone is followed
    only into a watched folder."""
    roots = list(store.watched.roots())
    if label and os.path.isdir(label):
        roots.append(Path(label))
    return roots


def up_to_date(source: SourceRecord, decision: PathDecision, screened_with: str) -> bool:
    """Whether what memory holds of a file still stands: same verdict, or same file read the same way."""
    if not decision.readable:
        return source.status == "skipped" and source.error == decision.skip_reason
    if source.status not in ("indexed", "skipped") or source.screened != screened_with:
        return False
    try:
        st = os.stat(decision.read_from)
    except OSError:
        return False
    return source.mtime == st.st_mtime and source.size == st.st_size


def scan(store: MemoryStore, settings: Settings, folder: Path, root: Optional[str] = None,
         filtered: Optional[Counter] = None) -> list[QueueRow]:
    """Queue rows that bring `folder` up to date: new or changed files (by mtime and size, or with
    a recorded error to retry), and known files that are gone or now excluded.

    `root` is the watched folder `folder` lies in (default: `folder` itself, and then the files
    recorded as found through it count as known too: an older second-me stored a linked file
    under its target's path). A missing root is left alone (an unmounted drive is not the
    deletion of everything on it); a missing subfolder was deleted or moved away.
    `filtered` counts, by reason, the names passed over.
    """
    top = scan_start(folder) if root is None else absolute(folder)
    label = root or str(top)
    records = store.sources.belonging_to(label) if root is None else store.sources.under(str(top))
    known = {s.path: s for s in records}
    if not os.path.lexists(top):
        return [] if root is None else [(path, "delete", label) for path in known]
    filtered = filtered if filtered is not None else Counter()
    rules = IgnoreRules(Path(label), settings.ignore)

    def allowed(path: Path, is_dir: bool) -> bool:
        why = rules.reason_here(path, is_dir)
        if why:
            filtered[reason_group(why)] += 1
        return why is None

    if root is not None and top != Path(root) and rules.reason(top, is_dir=True) is not None:
        walked = []  # an excluded folder: what memory holds of it goes
    else:
        walked = walk(top, link_roots(store, label), settings.follow_symlinks, allowed, settings.ignore)
    screened_with = screening(settings.secrets)
    items: list[QueueRow] = []
    found: set[str] = set()
    for entry in walked:
        decision = entry.decision
        if not encodable(decision.key):
            filtered[reason_group(NOT_UTF8)] += 1
            continue
        if entry.is_dir and decision.skip_reason in NOT_WALKED:
            continue
        if not entry.is_dir and not supported(entry.path):
            continue
        found.add(decision.key)
        source = known.get(decision.key)
        if source is None or not up_to_date(source, decision, screened_with):
            items.append((decision.key, "upsert", label))
    items.extend((path, "delete", label) for path in known if path not in found)
    return items
