"""Disk full (simulated with SQLite's max_page_count): one-line error, store intact, work resumable."""

from __future__ import annotations

from collections import Counter

from second_me.cli import AppContext, main
from second_me.models.fake import FakeChatModel, FakeEmbedder
from second_me.services import Services
from second_me.storage.store import open_store
from tests.reliability.helpers import memory_snapshot


def _big_notes(folder, count=30):
    folder.mkdir()
    for n in range(count):
        (folder / f"note-{n:02}.md").write_text(f"# Note {n}\n" + f"paragraph {n} about rivers and hills. " * 400)
    return folder


def _open_nearly_full(extra_pages: int):
    def open_services(settings, clock):
        store = open_store(settings)
        with store.db.read() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
        return Services(settings, store, FakeEmbedder(), FakeChatModel(), clock)
    return open_services


def _cli(home, open_services, *args, capsys):
    capsys.readouterr()
    try:
        main(["--home", str(home), *args], AppContext(open_services=open_services))
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr()


def test_disk_full_is_one_line_and_resumable(run_cli, notes, home, tmp_path, capsys):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    big = _big_notes(tmp_path / "big")

    code, out = _cli(home, _open_nearly_full(20), "add", str(big), capsys=capsys)
    assert code == 5, out
    # Progress lines of the files indexed before the disk filled up, then one error line.
    errors = [line for line in out.err.splitlines() if line.startswith("error")]
    assert errors == [out.err.strip().splitlines()[-1]] and errors[0].startswith("error: no space left")
    assert "Traceback" not in out.err

    # The store is intact and holds everything it held before.
    assert run_cli("doctor", "--check").code == 0
    assert memory_snapshot(home)[:len(before)] == before
    # Space is back: the same command finishes the work, with no duplicate chunks.
    assert run_cli("add", str(big)).code == 0
    # Same chunks as an uninterrupted run: nothing lost, nothing twice.
    reference = tmp_path / "reference-home"
    reference.mkdir()
    run_cli("add", str(notes), home_path=reference)
    run_cli("add", str(big), home_path=reference)
    assert Counter(row[2] for row in memory_snapshot(home)) == Counter(row[2] for row in memory_snapshot(reference))
    assert run_cli("doctor", "--check").code == 0
    assert "note-29.md" in run_cli("search", "paragraph 29 rivers", "-k", "3").out
