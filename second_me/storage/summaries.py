"""The summary tree as rows: `summary_nodes` (one per level and key, with the memory that
holds its summary) and `summary_children` (what each summarises). What the tree should
look like, and how a summary is written, is memory/summary_tree.py's."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Sequence

from second_me.storage.memories import NewMemory

if TYPE_CHECKING:
    from second_me.storage.store import MemoryStore


def fingerprint(children: Sequence[tuple[int, str]]) -> str:
    """What a summary was built from (its children's ids and texts): a node whose children
    still have this fingerprint needs no rebuild."""
    digest = hashlib.sha1()
    for memory_id, text in children:
        digest.update(f"{memory_id}\0{text}\0".encode())
    return digest.hexdigest()


class SummaryNodes:
    def __init__(self, store: "MemoryStore"):
        self.store = store
        self.db = store.db

    # ---- what the levels are built from (inside the caller's read) -----------------------

    @staticmethod
    def chunks_by_file(conn) -> list[tuple[str, int]]:
        """(path, chunk memory id), in file and line order."""
        return conn.execute("SELECT s.path, m.id FROM memories m JOIN sources s ON s.id = m.source_id "
                            "WHERE m.kind = 'chunk' ORDER BY s.path, m.start_line, m.id").fetchall()

    @staticmethod
    def turns_by_conversation(conn) -> list[tuple[str, int]]:
        """(conversation name, message memory id), in conversation and time order."""
        return conn.execute("SELECT c.name, mem.id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                            "JOIN memories mem ON mem.message_id = m.id AND mem.kind = 'message' "
                            "ORDER BY c.name, m.ts, m.id").fetchall()

    @staticmethod
    def conversation_starts(conn) -> dict[str, float]:
        return dict(conn.execute("SELECT c.name, min(m.ts) FROM conversations c "
                                 "JOIN messages m ON m.conversation_id = c.id GROUP BY c.id").fetchall())

    @staticmethod
    def current_facts(conn) -> list[int]:
        """Active facts nobody superseded, in order of validity."""
        return [row[0] for row in conn.execute(
            "SELECT id FROM memories WHERE kind = 'fact' AND state = 'active' AND superseded_by IS NULL "
            "ORDER BY valid_from, id")]

    @staticmethod
    def nodes(conn, level: str) -> dict[str, tuple]:
        """key → (node id, summary memory id, dirty, fingerprint) for one level."""
        return {row[0]: row[1:] for row in conn.execute(
            "SELECT key, id, memory_id, dirty, fingerprint FROM summary_nodes WHERE level = ?", (level,))}

    @staticmethod
    def texts(conn, ids: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        ids = list(ids)
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            rows = conn.execute(f"SELECT id, text FROM memories WHERE id IN ({','.join('?' * len(part))})", part)
            out.update(dict(rows.fetchall()))
        return out

    # ---- writing ------------------------------------------------------------------------------

    def save(self, level: str, key: str, kind: str, text: str, vector: Sequence[float],
             children: list[tuple[int, str]], strength: float, now: float) -> int:
        """Write a node's summary (a new memory, or the node's memory rewritten) and its children.

        The node and its children were read before the (slow) model call; meanwhile an
        indexer or a conversation delete may have removed some children or the node, and
        another summarizer may have built it. So the node is re-read, the children still
        there are linked, and the node stays dirty if any went: the next run rebuilds it
        from what is there. Returns the summary's memory id.
        """
        meta = {"level": level, "key": key}
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id, memory_id FROM summary_nodes WHERE level = ? AND key = ?",
                               (level, key)).fetchone()
            node_id, memory_id = row if row else (None, None)
            marks = ",".join("?" * len(children))
            present = {row[0] for row in conn.execute(f"SELECT id FROM memories WHERE id IN ({marks})",
                                                      [child for child, _ in children])}
            changed_meanwhile = len(present) < len(children)
            children = [(child, child_text) for child, child_text in children if child in present]
            exists = memory_id is not None and conn.execute("SELECT 1 FROM memories WHERE id = ?",
                                                            (memory_id,)).fetchone()
            if exists:
                conn.execute("UPDATE memories SET text = ?, meta = ?, state = 'active' WHERE id = ?",
                             (text, json.dumps(meta), memory_id))
                conn.execute("DELETE FROM memory_vec WHERE rowid = ?", (memory_id,))
                conn.execute("DELETE FROM memory_archive WHERE memory_id = ?", (memory_id,))
                self.store.insert_vector(conn, memory_id, vector, kind, now)
            else:
                (memory_id,) = self.store.insert_memories(conn, [NewMemory(
                    kind=kind, text=text, vector=vector, created_at=now, strength=strength, meta=meta)])
            if node_id is None:
                node_id = conn.execute("INSERT INTO summary_nodes(level, key) VALUES (?, ?)", (level, key)).lastrowid
            conn.execute("UPDATE summary_nodes SET memory_id = ?, dirty = ?, updated_at = ?, fingerprint = ? "
                         "WHERE id = ?", (memory_id, int(changed_meanwhile), now, fingerprint(children), node_id))
            conn.execute("DELETE FROM summary_children WHERE node_id = ?", (node_id,))
            conn.executemany("INSERT INTO summary_children(node_id, memory_id) VALUES (?, ?)",
                             [(node_id, child) for child, _ in children])
            if level != "portrait":  # facts keep no parent: the portrait is not their summary
                conn.executemany("UPDATE memories SET parent_id = ? WHERE id = ?",
                                 [(memory_id, child) for child, _ in children])
            self.store.events.log(conn, memory_id, "summarize", f"{level} summary of {len(children)} memories", now,
                                  {"level": level, "key": key})
        return memory_id

    def remove(self, level: str, keys: Sequence[str], now: float) -> None:
        """Nodes whose subject is gone (file deleted, conversation deleted) go, with their summaries."""
        with self.db.transaction() as conn:
            for key in keys:
                row = conn.execute("SELECT id, memory_id FROM summary_nodes WHERE level = ? AND key = ?",
                                   (level, key)).fetchone()
                if row is None:
                    continue
                if row[1] is not None:
                    conn.execute("DELETE FROM memories WHERE id = ?", (row[1],))
                    self.store.events.log(conn, row[1], "delete", f"its {level} ({key}) is gone", now)
                conn.execute("DELETE FROM summary_nodes WHERE id = ?", (row[0],))

    # ---- browsing -----------------------------------------------------------------------------

    def built(self, level: str) -> list[int]:
        """Summary memory ids of a level's built nodes, newest key first."""
        with self.db.read() as conn:
            return [row[0] for row in conn.execute(
                "SELECT memory_id FROM summary_nodes WHERE level = ? AND memory_id IS NOT NULL "
                "ORDER BY key DESC", (level,))]

    def children(self, memory_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        """summary memory id → the memory ids it summarises (empty for anything else)."""
        with self.db.read() as conn:
            return {mid: tuple(row[0] for row in conn.execute(
                "SELECT c.memory_id FROM summary_nodes n JOIN summary_children c ON c.node_id = n.id "
                "WHERE n.memory_id = ? ORDER BY c.memory_id", (mid,))) for mid in memory_ids}
