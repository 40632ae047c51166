"""Safety by default, the bad-input corpus, summaries marked dirty, one indexer per home."""

import os
import threading

from second_me.storage.home_lock import HomeLock
from tests.ingest.samples import pdf_bytes


def statuses(services):
    with services.store.db.read() as conn:
        return {os.path.basename(p): (s, e) for p, s, e in conn.execute("SELECT path, status, error FROM sources")}


def test_gitignore_tool_folders_and_secrets_are_never_read(services, tmp_path):
    root = tmp_path / "proj"
    for folder in ("node_modules/pkg", ".git", "venv", "build", "notes", "logs", ".ssh", "myenv"):
        (root / folder).mkdir(parents=True)
    (root / "myenv" / "pyvenv.cfg").write_text("home = /usr")
    (root / "myenv" / "lib.py").write_text("print('venv')")
    (root / ".gitignore").write_text("logs/\nsecret-*.md\n")
    (root / "notes" / ".gitignore").write_text("draft.md\n")
    for rel in ("node_modules/pkg/readme.md", ".git/config.md", "venv/x.md", "build/out.md", "logs/app.log",
                "secret-plan.md", "notes/draft.md", ".ssh/id_rsa", "server.pem", "keys.kdbx", ".env.local",
                "notes/keep.md", "main.py"):
        (root / rel).write_text("words about things")
    services.indexing.add([root])
    assert sorted(statuses(services)) == ["keep.md", "main.py"]


def test_bad_input_corpus_is_recorded_and_the_run_goes_on(services, tmp_path, settings):
    from dataclasses import replace

    services.settings = replace(settings, max_file_mb=0.001)  # ~1 KB cap for the "too big" case
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "good.md").write_text("# Fine\n\nTea is good.\n")
    (bad / "empty.md").write_bytes(b"")
    (bad / "invalid.txt").write_bytes(b"caf\xe9 au lait")
    (bad / "nul.txt").write_bytes(b"\x00\x01binary")
    (bad / "big.md").write_text("x " * 2000)
    (bad / "corrupt.pdf").write_bytes(pdf_bytes(["ok"])[:60])
    (bad / "corrupt.docx").write_bytes(b"PK\x03\x04garbage")
    (bad / "escape.md").write_text("\x1b[31mred\x1b[0m and \x1b]0;title\x07 text")
    (bad / "dangling.md").symlink_to(bad / "nowhere.md")
    (bad / "loop").symlink_to(bad)
    locked = bad / "locked.md"
    locked.write_text("private")
    locked.chmod(0)
    report = services.indexing.add([bad])
    got = statuses(services)
    assert got["good.md"][0] == "indexed" and got["empty.md"][0] == "indexed"
    assert got["invalid.txt"][0] == "indexed"
    assert got["nul.txt"] == ("skipped", "binary file")
    assert got["big.md"][0] == "skipped" and "larger than" in got["big.md"][1]
    assert got["corrupt.pdf"][0] == "error" and "damaged PDF" in got["corrupt.pdf"][1]
    assert got["corrupt.docx"][0] == "error" and "damaged DOCX" in got["corrupt.docx"][1]
    if os.geteuid() != 0:
        assert got["locked.md"] == ("error", "permission denied")
    with services.store.db.read() as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM memories")]
    assert any("red and" in t for t in texts) and not any("\x1b" in t for t in texts)
    assert report.errors >= 2 and report.files >= 4
    folders = services.indexing.watched()  # not watched: errors still show in doctor's status
    assert folders == []
    errors = {os.path.basename(e["path"]) for e in services.indexing.status()["file_errors"]}
    assert {"corrupt.pdf", "corrupt.docx"} <= errors


def test_watch_list_shows_counts_and_errors(services, tmp_path):
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "a.md").write_text("apples")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4 broken")
    services.indexing.watch(folder)
    services.indexing.index()
    [info] = services.indexing.watched()
    assert (info.files, info.errors) == (1, 1) and info.last_indexed_at is not None
    assert info.problems[0].path.endswith("b.pdf")


def test_changed_or_deleted_file_marks_its_summaries_dirty(services, notes):
    services.indexing.add([notes])
    with services.store.db.transaction() as conn:
        ids = [r[0] for r in conn.execute("SELECT m.id FROM memories m JOIN sources s ON s.id = m.source_id "
                                          "WHERE s.path LIKE '%travel.md'")]
        conn.execute("INSERT INTO summary_nodes(id, level, key, dirty) VALUES (1, 'doc', 'travel', 0)")
        conn.executemany("INSERT INTO summary_children(node_id, memory_id) VALUES (1, ?)", [(i,) for i in ids])
    (notes / "travel.md").write_text("# Travel\n\nNew plans.\n")
    services.indexing.add([notes])
    with services.store.db.read() as conn:
        assert conn.execute("SELECT dirty FROM summary_nodes WHERE id = 1").fetchone()[0] == 1


def test_second_indexer_hands_work_to_the_lock_holder_and_waits(services, notes, settings):
    """While another process holds the indexer lock, `add` only enqueues and waits for it."""
    holder = HomeLock(settings.home)
    assert holder.try_acquire()
    waited = threading.Event()
    result = {}

    def second_add():
        result["report"] = services.indexing.add([notes], on_wait=lambda pid: waited.set())

    thread = threading.Thread(target=second_add)
    thread.start()
    assert waited.wait(10)
    assert services.store.counts()["queued"] == 3 and services.store.counts()["chunks"] == 0
    holder.release()  # the "daemon" stops: the waiting add takes over the queue itself
    thread.join(20)
    assert result["report"].files == 3 and services.store.counts()["queued"] == 0
