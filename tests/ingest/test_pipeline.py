import os

import pytest

from second_me.errors import NotFoundError


def test_add_indexes_markdown_with_line_ranges(services, notes):
    report = services.indexing.add([notes])
    assert report.files == 3 and report.errors == 0 and report.chunks >= 6
    hits = services.answering.search("sourdough proofing").hits
    assert hits[0].origin.path.endswith("sourdough.md")
    assert hits[0].origin.start_line >= 1


def test_readding_unchanged_files_does_no_work(services, notes, fake_embedder):
    services.indexing.add([notes])
    calls = fake_embedder.texts_embedded
    report = services.indexing.add([notes])
    assert report.chunks == 0
    assert fake_embedder.texts_embedded == calls
    assert services.store.counts()["files"] == 3


def test_touched_but_unchanged_file_is_not_reembedded(services, notes, fake_embedder):
    services.indexing.add([notes])
    calls = fake_embedder.texts_embedded
    os.utime(notes / "travel.md", (1, 1))
    services.indexing.add([notes])
    assert fake_embedder.texts_embedded == calls


def test_changed_file_replaces_only_its_chunks(services, notes):
    services.indexing.add([notes])
    before = services.store.counts()["chunks"]
    (notes / "travel.md").write_text("# Travel\n\nPack the tent and the stove.\n")
    services.indexing.add([notes])
    assert services.store.counts()["chunks"] == before - 2 + 1
    assert "Lisbon" not in " ".join(h.memory.text for h in services.answering.search("Lisbon hostel").hits)


def test_deleted_file_leaves_search(services, notes):
    services.indexing.add([notes])
    (notes / "bicycle.md").unlink()
    report = services.indexing.add([notes])
    assert report.removed >= 1
    assert all("bicycle" not in h.origin.path for h in services.answering.search("chain lube tyres").hits)


def test_renamed_file_moves_without_reembedding(services, notes, fake_embedder):
    services.indexing.add([notes])
    calls = fake_embedder.texts_embedded
    (notes / "bicycle.md").rename(notes / "bike.md")
    services.indexing.add([notes])
    assert fake_embedder.texts_embedded == calls
    assert services.answering.search("chain lube").hits[0].origin.path.endswith("bike.md")



@pytest.mark.parametrize("watching", [True, False])
def test_change_queued_before_a_rename_keeps_the_rows_for_the_rename(services, notes, settings, clock,
                                                                     fake_embedder, watching):
    """A change seen just before a rename is read after it: the file is gone under its old name.
    Under the watcher its rows wait for the rename's events, which move them; a one-off run
    (no events follow) removes them."""
    from second_me.ingest.pipeline import Indexer

    indexer = Indexer(services.store, fake_embedder, settings, clock)
    indexer.queue_changes([notes])
    indexer.drain()
    calls = fake_embedder.texts_embedded
    old, new = str(notes / "bicycle.md"), str(notes / "bike.md")
    indexer.queue.enqueue([(old, "upsert", str(notes))], clock.timestamp())
    (notes / "bicycle.md").rename(notes / "bike.md")
    indexer.drain(watcher_reports_deletes=watching)
    assert (services.store.sources.by_path(old) is not None) == watching
    indexer.queue.enqueue([(old, "delete", str(notes)), (new, "upsert", str(notes))], clock.timestamp())
    indexer.drain(watcher_reports_deletes=watching)
    assert services.store.sources.by_path(old) is None and services.store.sources.by_path(new) is not None
    assert (fake_embedder.texts_embedded == calls) == watching

def test_bad_files_are_recorded_and_the_run_goes_on(services, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text("# Fine\n\nA normal note about tea.\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "latin1.txt").write_bytes(b"caf\xe9 notes about coffee")
    (folder / "empty.md").write_bytes(b"")
    locked = folder / "locked.md"
    locked.write_text("secret")
    locked.chmod(0)
    (folder / ".env").write_text("TOKEN=1")
    (folder / "id_rsa").write_text("key")
    report = services.indexing.add([folder])
    with services.store.db.read() as conn:
        rows = dict(conn.execute("SELECT path, status FROM sources").fetchall())
    names = {os.path.basename(p): s for p, s in rows.items()}
    assert names["good.md"] == "indexed" and names["latin1.txt"] == "indexed"
    assert names["binary.txt"] == "skipped"
    assert ".env" not in names and "id_rsa" not in names
    if os.geteuid() != 0:  # root reads anything
        assert names["locked.md"] == "error" and report.errors == 1
    assert "coffee" in services.answering.search("coffee").hits[0].memory.text


def test_missing_path_is_not_found(services, tmp_path):
    with pytest.raises(NotFoundError, match="no such file"):
        services.indexing.add([tmp_path / "nope"])


def test_symlink_loop_does_not_hang(services, tmp_path):
    folder = tmp_path / "loop"
    folder.mkdir()
    (folder / "a.md").write_text("loop note")
    os.symlink(folder, folder / "again")
    report = services.indexing.add([folder])
    assert report.files == 1


def test_kill_between_queue_and_commit_resumes(services, notes, settings, clock, fake_embedder, monkeypatch):
    """Rows leave the queue only after commit: a fresh indexer picks up what was left."""
    from second_me.ingest.pipeline import Indexer

    class Killed(Exception):
        pass

    def killed(item):
        raise Killed

    indexer = Indexer(services.store, fake_embedder, settings, clock)
    indexer.queue_changes([notes])
    assert indexer.queue.size() == 3
    with monkeypatch.context() as patch:
        patch.setattr(indexer.queue, "done", killed)  # "killed" after the first file's commit, before done()
        with pytest.raises(Killed):
            indexer.drain()
    assert indexer.queue.size() == 3 and services.store.counts()["files"] == 1
    report = Indexer(services.store, fake_embedder, settings, clock).drain()
    assert indexer.queue.size() == 0
    assert report.files == 3
    with services.store.db.read() as conn:
        dupes = conn.execute("SELECT count(*) - count(DISTINCT source_id || ':' || start_line) FROM memories").fetchone()[0]
    assert dupes == 0
