"""Export: every memory, conversation, fact, summary and event as one JSON document.

Enough to rebuild the store: texts, kinds, times, strengths, states, links (turns, facts,
summary children, supersession) and the event log. Vectors are left out: any embedder
re-derives them (`reembed`), and they would only tie the export to one model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from second_me.errors import InputRejected
from second_me.storage.store import MemoryStore

FORMAT = "second-me-export"
VERSION = 1
TABLES = {
    "sources": "SELECT id, path, root, content_hash, mtime, size, format, status, error, indexed_at FROM sources ORDER BY id",
    "conversations": "SELECT id, name, title, created_at, updated_at FROM conversations ORDER BY id",
    "messages": "SELECT id, conversation_id, speaker, role, text, ts, external_id, facts_done_at FROM messages ORDER BY id",
    "memories": "SELECT id, kind, text, source_id, message_id, start_line, end_line, page, created_at, last_recalled_at, "
                "strength, recall_count, pinned, state, superseded_by, valid_from, valid_to, parent_id, content_hash, "
                "meta FROM memories ORDER BY id",
    "fact_links": "SELECT fact_id, message_id FROM fact_links ORDER BY fact_id, message_id",
    "summary_nodes": "SELECT id, level, key, memory_id, dirty, updated_at FROM summary_nodes ORDER BY id",
    "summary_children": "SELECT node_id, memory_id FROM summary_children ORDER BY node_id, memory_id",
    "events": "SELECT id, memory_id, action, reason, at, detail FROM events ORDER BY id",
}
JSON_COLUMNS = {"meta", "detail"}


def export_data(store: MemoryStore, now: float) -> dict:
    data: dict = {"format": FORMAT, "version": VERSION, "exported_at": now}
    with store.db.read() as conn:
        for name, sql in TABLES.items():
            cursor = conn.execute(sql)
            columns = [c[0] for c in cursor.description]
            rows = []
            for row in cursor.fetchall():
                record = dict(zip(columns, row))
                for column in JSON_COLUMNS & record.keys():
                    if record[column]:
                        record[column] = json.loads(record[column])
                rows.append(record)
            data[name] = rows
    data["counts"] = {name: len(data[name]) for name in TABLES}
    return data


def write_export(store: MemoryStore, path: Path, now: float, overwrite: bool = False) -> dict:
    """Write the export readable by the owner only; returns the counts."""
    path = Path(path).expanduser()
    if path.exists() and not overwrite:
        raise InputRejected(f"{path} exists: choose another file or pass --force")
    if not path.parent.is_dir():
        raise InputRejected(f"no such folder: {path.parent}")
    data = export_data(store, now)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
    os.replace(partial, path)
    return data["counts"]
