"""Export: every memory, conversation, fact, summary and event as one JSON file, enough to
rebuild the store (see storage/export.py for what it holds). The one plaintext file
second-me writes, so it is written readable by the owner only, whole or not at all, and only
to a new file, a regular file it may replace, or standard output (export_target.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, TextIO

from second_me.memory.export_target import check_target, open_for_export
from second_me.safe_text import printable_json
from second_me.storage.export import export_data
from second_me.storage.store import MemoryStore


def write_export(store: MemoryStore, path: Path | str, now: float, overwrite: bool = False,
                 stdout: Optional[TextIO] = None) -> dict:
    """Write the export ("-": to standard output); returns the counts. The target is checked
    before the memory is read, and again before the finished file replaces it."""
    target = check_target(path, overwrite)
    data = export_data(store.db, now)
    with open_for_export(target, overwrite, stdout) as handle:
        handle.write(printable_json(data, indent=1) + "\n")
    return data["counts"]
