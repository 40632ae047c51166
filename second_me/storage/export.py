"""Every table that holds the user's data, as plain JSON-ready rows (for `export`).

Vectors are left out: any embedder re-derives them (`reembed`), and they would only tie the
export to one model.
"""

from __future__ import annotations

import json

from second_me.storage.db import Database

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


def export_data(db: Database, now: float) -> dict:
    """The whole store as one document: texts, kinds, times, strengths, states, links
    (turns, facts, summary children, supersession) and the event log, with row counts."""
    data: dict = {"format": FORMAT, "version": VERSION, "exported_at": now}
    with db.read() as conn:
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
