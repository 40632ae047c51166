import os
import stat

import pytest

from second_me.errors import EmbedderMismatch, KeyUnavailable, NotFoundError, StorageError
from second_me.secrets import DatabaseKey, database_key
from second_me.storage.db import Database
from second_me.storage.migrations import MIGRATIONS, schema_version
from second_me.storage.store import MemoryStore, NewMemory, open_store


def _memory(text, vector, **kw):
    return NewMemory(kind="chunk", text=text, vector=vector, created_at=kw.pop("created_at", 1000.0),
                     strength=30.0, **kw)


@pytest.fixture
def store(tmp_path):
    s = MemoryStore(Database(tmp_path / "memory.db", DatabaseKey("passphrase", "'secret'")))
    s.use_embedder("fake", 3, 0.0)
    yield s
    s.close()


def test_migrations_set_user_version(store):
    with store.db.read() as conn:
        assert schema_version(conn) == len(MIGRATIONS)


def test_fts_and_vectors_follow_memories(store):
    store.sources.replace("/n/a.md", "/n", "h1", 1.0, 10, "markdown",
                         [_memory("sourdough proofing overnight", [1, 0, 0]), _memory("bike chain lube", [0, 1, 0])], 5.0)
    assert [i for i, _ in store.fts_search('"proofing"', 5)] == [1]
    assert store.vector_search([1, 0, 0], 1)[0][0] == 1
    # Replacing a file's chunks removes the old rows from both indexes.
    store.sources.replace("/n/a.md", "/n", "h2", 2.0, 11, "markdown", [_memory("rye bread", [0, 0, 1])], 6.0)
    assert store.fts_search('"proofing"', 5) == []
    assert {i for i, _ in store.vector_search([1, 0, 0], 10)} == {3}
    assert store.counts()["chunks"] == 1


def test_delete_source_leaves_no_rows(store):
    store.sources.replace("/n/a.md", "/n", "h", 1.0, 1, "text", [_memory("alpha", [1, 0, 0])], 1.0)
    assert store.sources.delete("/n/a.md") == 1
    assert store.fts_search('"alpha"', 5) == [] and store.vector_search([1, 0, 0], 5) == []
    with pytest.raises(NotFoundError):
        store.get(1)


def test_move_keeps_rows(store):
    store.sources.replace("/n/a.md", "/n", "h", 1.0, 1, "text", [_memory("alpha", [1, 0, 0])], 1.0)
    store.sources.move("/n/a.md", "/n/b.md", "/n", 2.0, 1, 2.0)
    assert store.sources.by_path("/n/a.md") is None
    moved = store.sources.by_path("/n/b.md")
    assert moved is not None and store.sources.report_for(["/n/b.md"]).chunks == 1


def test_time_and_kind_filters(store):
    store.add_memories([_memory("old note", [1, 0, 0], created_at=100.0),
                        _memory("new note", [1, 0, 0], created_at=900.0)])
    assert [i for i, _ in store.vector_search([1, 0, 0], 5, since=500.0)] == [2]
    assert [i for i, _ in store.fts_search('"note"', 5, until=500.0)] == [1]
    assert store.fts_search('"note"', 5, kinds=("fact",)) == []


def test_another_embedder_is_refused(store):
    with pytest.raises(EmbedderMismatch, match="reembed"):
        store.use_embedder("other-model", 3, 0.0)
    with pytest.raises(EmbedderMismatch):
        store.add_memories([_memory("x", [1, 0, 0, 0])])


def test_an_embedder_recorded_by_another_process_is_learnt(tmp_path):
    key = DatabaseKey("passphrase", "'secret'")
    early = MemoryStore(Database(tmp_path / "memory.db", key))  # e.g. a daemon started on a new home
    late = MemoryStore(Database(tmp_path / "memory.db", key))
    try:
        late.use_embedder("fake", 3, 0.0)  # e.g. an `import chat` records the embedder
        early.use_embedder("fake", 3, 0.0)
        early.add_memories([_memory("written by the early one", [1, 0, 0])])
        assert late.counts()["memories"] == 1
    finally:
        early.close()
        late.close()


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(EmbedderMismatch):
        store.sources.replace("/n/a.md", "/n", "h", 1.0, 1, "text",
                             [_memory("good", [1, 0, 0]), _memory("bad", [1, 0])], 1.0)
    assert store.sources.by_path("/n/a.md") is None
    assert store.counts()["memories"] == 0


def test_encrypted_file_is_unreadable_without_key(tmp_path):
    path = tmp_path / "memory.db"
    s = MemoryStore(Database(path, DatabaseKey("passphrase", "'right'")))
    s.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(StorageError, match="wrong key"):
        Database(path, DatabaseKey("passphrase", "'wrong'"))
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_files_are_private(tmp_path):
    home = tmp_path / "home"
    s = MemoryStore(Database(home / "memory.db", DatabaseKey("none", None)))
    s.close()
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(home / "memory.db").st_mode) == 0o600


def test_no_keyring_and_no_passphrase_is_a_clear_error(tmp_path, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyUnavailable) as info:
        database_key(tmp_path, encryption=True, db_exists=False, environ={})
    message = str(info.value)
    assert "SECOND_ME_PASSPHRASE" in message and "encryption = false" in message


def test_passphrase_and_opt_out(tmp_path):
    assert database_key(tmp_path, True, False, {"SECOND_ME_PASSPHRASE": "p'q"}).pragma_value == "'p''q'"
    assert database_key(tmp_path, False, False, {}).encrypted is False


def test_open_store_with_encryption_off(settings, monkeypatch):
    from dataclasses import replace

    plain = replace(settings, encryption=False)
    store = open_store(plain)
    store.close()
    assert plain.db_path.read_bytes().startswith(b"SQLite format 3")


def test_database_from_a_newer_version_is_refused(tmp_path):
    db = Database(tmp_path / "memory.db", DatabaseKey("none", None))
    with db.transaction() as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(StorageError, match="newer second-me"):
        MemoryStore(db)


def test_garbage_file_is_a_storage_error(tmp_path):
    path = tmp_path / "memory.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError):
        MemoryStore(Database(path, DatabaseKey("none", None)))
