"""Numbered schema migrations on PRAGMA user_version.

A migration, once released, is never edited: add a new function to MIGRATIONS instead.
The vector tables' dimension depends on the embedder, so the store creates them when the
first embedding model is recorded (MemoryStore.use_embedder, vector_index.create_tables);
migration 3 moves a store made before that split to them.
"""

from __future__ import annotations

from typing import Callable

from second_me.errors import StorageError
from second_me.storage.db import complete_statement
from second_me.storage.migrations_reread import (_m9_dates_read_again, _m10_days_of_the_month_read_again,
                                                 _m11_summaries_written_again, _m12_months_of_a_year_read_again,
                                                 _m13_dated_days_read_again, _m14_titles_and_word_headings_read_again,
                                                 _m15_weekdays_of_dates_read_again, _m16_counts_ago_read_again,
                                                 _m17_days_a_plan_was_moved_to_read_again,
                                                 _m19_daily_notes_dated_by_their_names,
                                                 _m20_what_can_be_done_read_ahead, _m21_plans_and_deadlines_read_again,
                                                 _m22_assistant_chats_searched_by_their_titles,
                                                 _m23_portraits_in_the_users_own_words,
                                                 _m24_journal_sections_dated_by_their_headings,
                                                 _m25_stays_next_year_and_days_soon_read_again,
                                                 _m26_dates_in_figures_read, _m27_last_of_a_run_read_again)


def run_script(conn, script: str) -> None:
    """Run several statements inside the caller's transaction.

    (`executescript` would COMMIT first, breaking the one-transaction-per-migration rule.)
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:80]!r}")


def _m1_initial(conn) -> None:
    run_script(
        conn,
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            root TEXT,
            content_hash TEXT,
            mtime REAL,
            size INTEGER,
            format TEXT,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'indexed', 'skipped', 'error')),
            error TEXT,
            indexed_at REAL
        );
        CREATE INDEX sources_hash ON sources(content_hash);
        CREATE INDEX sources_root ON sources(root);

        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            speaker TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'other')),
            text TEXT NOT NULL,
            ts REAL NOT NULL,
            external_id TEXT,
            UNIQUE (conversation_id, external_id)
        );
        CREATE INDEX messages_conversation_ts ON messages(conversation_id, ts);

        -- AUTOINCREMENT: a memory id is never reused, so events and citations stay unambiguous.
        CREATE TABLE memories (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('chunk', 'message', 'fact', 'summary', 'portrait')),
            text TEXT NOT NULL,
            source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
            message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,
            start_line INTEGER,
            end_line INTEGER,
            page INTEGER,
            created_at REAL NOT NULL,
            last_recalled_at REAL,
            strength REAL NOT NULL,
            recall_count INTEGER NOT NULL DEFAULT 0,
            pinned INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'forgotten')),
            superseded_by INTEGER REFERENCES memories(id) ON DELETE SET NULL,
            valid_from REAL,
            valid_to REAL,
            parent_id INTEGER REFERENCES memories(id) ON DELETE SET NULL,
            content_hash TEXT,
            meta TEXT
        );
        CREATE INDEX memories_source ON memories(source_id);
        CREATE INDEX memories_message ON memories(message_id);
        CREATE INDEX memories_kind_state ON memories(kind, state);
        CREATE INDEX memories_parent ON memories(parent_id);
        CREATE INDEX memories_created ON memories(created_at);

        -- Full-text index kept in step with memories by triggers (external content).
        CREATE VIRTUAL TABLE memory_fts USING fts5(
            text, content='memories', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
            INSERT INTO memory_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
            INSERT INTO memory_fts(memory_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories BEGIN
            INSERT INTO memory_fts(memory_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO memory_fts(rowid, text) VALUES (new.id, new.text);
        END;

        CREATE TABLE embedding_model (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            model_id TEXT NOT NULL,
            dim INTEGER NOT NULL,
            recorded_at REAL NOT NULL
        );

        CREATE TABLE summary_nodes (
            id INTEGER PRIMARY KEY,
            level TEXT NOT NULL,
            key TEXT NOT NULL,
            memory_id INTEGER REFERENCES memories(id) ON DELETE SET NULL,
            dirty INTEGER NOT NULL DEFAULT 1,
            updated_at REAL,
            UNIQUE (level, key)
        );
        CREATE TABLE summary_children (
            node_id INTEGER NOT NULL REFERENCES summary_nodes(id) ON DELETE CASCADE,
            memory_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            PRIMARY KEY (node_id, memory_id)
        );

        CREATE TABLE watched (
            path TEXT PRIMARY KEY,
            added_at REAL NOT NULL,
            last_indexed_at REAL
        );
        CREATE TABLE queue (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            event TEXT NOT NULL CHECK (event IN ('upsert', 'delete')),
            root TEXT,
            enqueued_at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );

        -- Append-only: every forget/restore/supersede/prune/pin, so a change can be explained.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            memory_id INTEGER,
            action TEXT NOT NULL,
            reason TEXT,
            at REAL NOT NULL,
            detail TEXT
        );
        CREATE INDEX events_memory ON events(memory_id);

        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )


def _m2_memory_lifecycle(conn) -> None:
    run_script(
        conn,
        """
        -- Vectors of forgotten memories, kept so a restore needs no re-embedding.
        CREATE TABLE memory_archive (
            memory_id INTEGER PRIMARY KEY REFERENCES memories(id) ON DELETE CASCADE,
            embedding BLOB NOT NULL,
            model_id TEXT NOT NULL,
            archived_at REAL NOT NULL
        );
        -- Which turns a fact was learnt from (a fact is an extra key for each of them).
        CREATE TABLE fact_links (
            fact_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            PRIMARY KEY (fact_id, message_id)
        );
        CREATE INDEX fact_links_message ON fact_links(message_id);
        -- NULL until fact extraction has read the turn.
        ALTER TABLE messages ADD COLUMN facts_done_at REAL;
        CREATE INDEX events_at ON events(at);
        -- What a summary was built from (child ids and texts), so only changed nodes are rebuilt.
        ALTER TABLE summary_nodes ADD COLUMN fingerprint TEXT;
        """
    )


def _m3_coarse_vectors(conn) -> None:
    """Full vectors move to a plain table; searches run on a coarse vec0 table (see vector_index)."""
    from second_me.storage import vector_index

    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'memory_vec'").fetchone()
    if exists and conn.execute("SELECT 1 FROM embedding_model WHERE id = 1").fetchone():
        vector_index.migrate_from_vec0(conn)


def _m4_own_words_out_of_search(conn) -> None:
    """Answers second-me gave, and questions and requests typed to it, were stored as searchable
    memories by earlier versions: they come out of search (the conversation log keeps them)."""
    import time

    from second_me.storage.messages import own_words_in_search, take_out_of_search

    take_out_of_search(conn, own_words_in_search(conn), time.time())


def _m5_screened_sources(conn) -> None:
    """What the secret scan did to each file: the spans it redacted (JSON, by kind) and the
    scan that read it ("redact:1"...; NULL: read before files were scanned, so the next index
    run reads it again and redacts what it holds); and, per watched folder, the names its last
    full scan passed over, by reason (JSON)."""
    for table, columns in (("sources", ("redactions", "screened")), ("watched", ("left_out",))):
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in present:  # a store whose version was set back re-runs this: nothing to redo
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")


def _m6_chat_import_runs(conn) -> None:
    run_script(
        conn,
        """
        -- A chat import is stored in many transactions: a run not finished is undone (storage/imports.py).
        -- IF NOT EXISTS: a store whose version was set back (to rerun an earlier migration) keeps its runs.
        CREATE TABLE IF NOT EXISTS import_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            started_at REAL NOT NULL,
            finished_at REAL,
            turns INTEGER,
            state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'undone'))
        );
        -- The turns a running import is about to store, written before them; emptied when it finishes.
        CREATE TABLE IF NOT EXISTS import_turns (
            run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
            conversation TEXT NOT NULL,
            external_id TEXT NOT NULL,
            PRIMARY KEY (run_id, conversation, external_id)
        ) WITHOUT ROWID;
        """
    )


# The words a memory is found by: a turn's own words, not the "Sam: " its text starts with (a name
# there made every short turn of Sam's the best match for any question naming Sam).
_SEARCH_TEXT = ("CASE WHEN {p}speaker IS NOT NULL AND substr({p}text, 1, length({p}speaker) + 2) = {p}speaker || ': ' "
                "THEN substr({p}text, length({p}speaker) + 3) ELSE {p}text END")


def _m7_turns_as_speakers_and_context(conn) -> None:
    """Who said a turn is stored beside its text, and which turn it replies to; the full-text index
    holds a turn's own words and, as a second column, the words it replies to; the dates a message
    tells of get a table."""
    from second_me.storage.messages import backfill_turn_keys

    # Safe to run again on a store that has it already (a store whose version was set back).
    columns = {row[1] for row in conn.execute("PRAGMA table_info(memories)")}
    added = [f"ALTER TABLE memories ADD COLUMN {column};" for name, column in (
        ("speaker", "speaker TEXT"), ("context", "context TEXT"),
        ("reply_to", "reply_to INTEGER REFERENCES memories(id) ON DELETE SET NULL")) if name not in columns]
    run_script(
        conn,
        "\n".join(added) + """
        UPDATE memories SET speaker = (SELECT speaker FROM messages WHERE messages.id = memories.message_id)
            WHERE kind = 'message' AND message_id IS NOT NULL;
        UPDATE memories SET speaker = json_extract(meta, '$.subject') WHERE kind = 'fact' AND meta IS NOT NULL;
        CREATE INDEX IF NOT EXISTS memories_speaker ON memories(speaker) WHERE speaker IS NOT NULL;
        CREATE INDEX IF NOT EXISTS memories_reply_to ON memories(reply_to) WHERE reply_to IS NOT NULL;

        CREATE TABLE IF NOT EXISTS memory_dates (
            memory_id INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
            starts_at REAL NOT NULL,  -- [starts_at, ends_at): whole UTC days
            ends_at REAL NOT NULL,
            phrase TEXT
        );
        CREATE INDEX IF NOT EXISTS memory_dates_memory ON memory_dates(memory_id);
        CREATE INDEX IF NOT EXISTS memory_dates_start ON memory_dates(starts_at);
        DELETE FROM memory_dates;

        DROP TRIGGER IF EXISTS memories_fts_insert;
        DROP TRIGGER IF EXISTS memories_fts_delete;
        DROP TRIGGER IF EXISTS memories_fts_update;
        DROP TABLE IF EXISTS memory_fts;
        DROP VIEW IF EXISTS memory_search_text;
        """
    )
    backfill_turn_keys(conn)  # each turn's context and dates, before the index is made from them
    run_script(
        conn,
        f"""
        CREATE VIEW memory_search_text(id, text, context) AS
            SELECT id, {_SEARCH_TEXT.format(p="")}, context FROM memories;
        CREATE VIRTUAL TABLE memory_fts USING fts5(
            text, context, content='memory_search_text', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
            INSERT INTO memory_fts(rowid, text, context) VALUES (new.id, {_SEARCH_TEXT.format(p="new.")}, new.context);
        END;
        CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
            INSERT INTO memory_fts(memory_fts, rowid, text, context)
                VALUES ('delete', old.id, {_SEARCH_TEXT.format(p="old.")}, old.context);
        END;
        CREATE TRIGGER memories_fts_update AFTER UPDATE OF text, speaker, context ON memories BEGIN
            INSERT INTO memory_fts(memory_fts, rowid, text, context)
                VALUES ('delete', old.id, {_SEARCH_TEXT.format(p="old.")}, old.context);
            INSERT INTO memory_fts(rowid, text, context) VALUES (new.id, {_SEARCH_TEXT.format(p="new.")}, new.context);
        END;
        """
    )
    conn.execute("INSERT INTO memory_fts(memory_fts) VALUES ('rebuild')")


def _m8_compact_vectors(conn) -> None:
    """A store in the projected layout moves to the compact one (int8 vectors, bit codes); its vectors
    are converted after this transaction, in resumable batches (see vector_layout.finish_conversion)."""
    from second_me.storage import vector_layout

    vector_layout.migrate_to_codes(conn)


def _m18_small_talk_out_of_search(conn) -> None:
    """A greeting or a thanks typed to second-me ("hi", "thanks!") was kept as a memory by earlier
    versions: it states nothing, and comes out of search as questions did (the log keeps it)."""
    import time

    from second_me.storage.messages import own_words_in_search, take_out_of_search

    take_out_of_search(conn, own_words_in_search(conn), time.time())


MIGRATIONS: list[Callable] = [_m1_initial, _m2_memory_lifecycle, _m3_coarse_vectors, _m4_own_words_out_of_search,
                              _m5_screened_sources, _m6_chat_import_runs, _m7_turns_as_speakers_and_context,
                              _m8_compact_vectors, _m9_dates_read_again, _m10_days_of_the_month_read_again,
                              _m11_summaries_written_again, _m12_months_of_a_year_read_again,
                              _m13_dated_days_read_again, _m14_titles_and_word_headings_read_again,
                              _m15_weekdays_of_dates_read_again, _m16_counts_ago_read_again,
                              _m17_days_a_plan_was_moved_to_read_again, _m18_small_talk_out_of_search,
                              _m19_daily_notes_dated_by_their_names, _m20_what_can_be_done_read_ahead,
                              _m21_plans_and_deadlines_read_again, _m22_assistant_chats_searched_by_their_titles,
                              _m23_portraits_in_the_users_own_words, _m24_journal_sections_dated_by_their_headings,
                              _m25_stays_next_year_and_days_soon_read_again, _m26_dates_in_figures_read,
                              _m27_last_of_a_run_read_again]


def schema_version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db) -> int:
    """Bring the schema up to date, one migration per transaction. Returns the version."""
    with db.read() as conn:
        current = schema_version(conn)
    if current > len(MIGRATIONS):
        raise StorageError(
            f"{db.path} was written by a newer second-me (schema {current}, this one knows {len(MIGRATIONS)}): upgrade second-me")
    for number in range(current + 1, len(MIGRATIONS) + 1):
        with db.transaction() as conn:
            # Re-check inside the lock: another process may have migrated meanwhile.
            if schema_version(conn) >= number:
                continue
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)
