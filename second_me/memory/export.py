"""Export: every memory, conversation, fact, summary and event as one JSON file, enough to
rebuild the store (see storage/export.py for what it holds). The one plaintext file
second-me writes, so it is written readable by the owner only, and whole or not at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from second_me.errors import InputRejected
from second_me.storage.export import export_data
from second_me.storage.store import MemoryStore


def write_export(store: MemoryStore, path: Path, now: float, overwrite: bool = False) -> dict:
    """Write the export readable by the owner only; returns the counts."""
    path = Path(path).expanduser()
    if path.exists() and not overwrite:
        raise InputRejected(f"{path} exists: choose another file or pass --force")
    if not path.parent.is_dir():
        raise InputRejected(f"no such folder: {path.parent}")
    data = export_data(store.db, now)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
    os.replace(partial, path)
    return data["counts"]
