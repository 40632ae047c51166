"""The real watcher on tmp folders: create, modify, rename, delete, bursts; polling fallback."""

import time

import pytest

from second_me.clock import Clock


def wait_for(condition, timeout=20.0):
    """Poll until `condition()` holds (not a timing assertion: the deadline only stops a hang)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.fixture(params=["native", "polling"])
def watching(request, services, tmp_path, monkeypatch):
    from dataclasses import replace

    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "old.md").write_text("# Old\n\nAn old note about herons.\n")
    services.settings = replace(services.settings, watch_debounce_s=0.2, watch_poll_interval_s=0.3,
                                watch_polling=request.param == "polling")
    services.clock = Clock()  # real time: queue rows are ordered by it
    services.indexing.watch(folder)
    monkeypatch.setattr("second_me.ingest.watch_loop.CHECK_INTERVAL_S", 0.2)
    service = services.indexing.watch_loop()
    service.start()
    assert wait_for(lambda: service.status().state == "idle")
    yield services, folder, service
    assert service.stop(timeout=5)


def paths(services):
    with services.store.db.read() as conn:
        return {row[0].rsplit("/", 1)[-1] for row in conn.execute("SELECT path FROM sources WHERE status = 'indexed'")}


def chunk_texts(services):
    with services.store.db.read() as conn:
        return [row[0] for row in conn.execute("SELECT text FROM memories")]


def test_catch_up_on_start_then_create_modify_rename_delete(watching):
    services, folder, service = watching
    assert wait_for(lambda: "old.md" in paths(services))  # reconciled on start
    assert service.status().mode in ("native", "polling")

    (folder / "new.md").write_text("# New\n\nKayaks need paddles.\n")
    assert wait_for(lambda: "new.md" in paths(services))

    (folder / "new.md").write_text("# New\n\nCanoes need paddles too.\n")
    assert wait_for(lambda: any("Canoes" in t for t in chunk_texts(services)))
    assert not any("Kayaks" in t for t in chunk_texts(services))

    embedded = services.embedder.texts_embedded
    (folder / "new.md").rename(folder / "boats.md")
    assert wait_for(lambda: "boats.md" in paths(services) and "new.md" not in paths(services))
    assert services.embedder.texts_embedded == embedded  # a rename re-embeds nothing

    (folder / "old.md").unlink()
    assert wait_for(lambda: "old.md" not in paths(services))
    assert not any("herons" in t for t in chunk_texts(services))


def test_folder_created_and_removed(watching):
    services, folder, _ = watching
    sub = folder / "sub"
    sub.mkdir()
    (sub / "a.md").write_text("alpha note")
    (sub / "b.md").write_text("beta note")
    assert wait_for(lambda: {"a.md", "b.md"} <= paths(services))
    import shutil

    shutil.rmtree(sub)
    assert wait_for(lambda: not ({"a.md", "b.md"} & paths(services)))


def test_burst_of_saves_is_debounced_into_one_indexing(watching):
    services, folder, _ = watching
    assert wait_for(lambda: "old.md" in paths(services))
    target = folder / "draft.md"
    before = services.embedder.calls
    for n in range(200):
        target.write_text(f"# Draft\n\nVersion {n} of the draft about owls.\n")
    assert wait_for(lambda: any("Version 199" in t for t in chunk_texts(services)))
    time.sleep(0.6)  # let any straggling event through before counting
    assert services.embedder.calls - before <= 3  # not 200
    assert sum("of the draft" in t for t in chunk_texts(services)) == 1


def test_ignored_files_never_enter(watching):
    services, folder, _ = watching
    (folder / ".gitignore").write_text("private/\n*.tmp.md\n")
    (folder / "private").mkdir()
    (folder / "private" / "diary.md").write_text("secret diary")
    (folder / "x.tmp.md").write_text("scratch")
    (folder / ".env").write_text("TOKEN=1")
    (folder / "ok.md").write_text("fine")
    assert wait_for(lambda: "ok.md" in paths(services))
    time.sleep(0.5)
    assert not ({"diary.md", "x.tmp.md", ".env"} & paths(services))
