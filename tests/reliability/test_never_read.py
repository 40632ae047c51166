"""Never read what it must not, never write where it must not: each finding of the adversarial pass,
reproduced as it was reported (the hostile-argument table is test_hostile_arguments.py).

1. links out of the watched folder, to secrets and to system files; links deleted or unwatched;
   a store whose linked files an older version indexed under their outside path;
2. secrets inside ordinary files;
3. export to a FIFO, a folder, /proc, a device, and to `-`;
5. file names with a newline (or a byte that is not UTF-8).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import stat
import string
import subprocess
import sys
from pathlib import Path

import pytest

from second_me.models.fake import FakeChatModel, FakeEmbedder
from second_me.storage.memories import NewMemory
from tests.reliability.helpers import memory_snapshot

REPO_ROOT = Path(__file__).resolve().parents[2]
ALNUM = string.ascii_letters + string.digits


def fake(alphabet: str, length: int, seed: int = 0) -> str:
    rng = random.Random(f"{alphabet}:{length}:{seed}")
    return "".join(rng.choice(alphabet) for _ in range(length))


DASHES = "-" * 5
KEY_BODY = [fake(ALNUM + "+/", 64, seed=i) for i in range(4)]
PRIVATE_KEY = "\n".join([f"{DASHES}BEGIN OPENSSH PRIVATE KEY{DASHES}", *KEY_BODY, f"{DASHES}END OPENSSH PRIVATE KEY{DASHES}"])
AWS_KEY_ID = "AKIA" + fake(string.ascii_uppercase + string.digits, 16)
AWS_SECRET = fake(ALNUM + "+/", 40, seed=7)
GITHUB_TOKEN = "ghp_" + fake(ALNUM, 36)
PASSWORD = "Tr0ub4dor&" + fake(ALNUM, 8)
ENV_SECRET = "hunter2-" + fake(ALNUM, 16)
SECRETS = (KEY_BODY[0], AWS_KEY_ID, AWS_SECRET, GITHUB_TOKEN, PASSWORD, "Tr0ub4dor", ENV_SECRET)


def no_secret_in(text: str) -> bool:
    return not any(secret in text for secret in SECRETS)


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder next to the watched one, holding what must stay out: a .env, an ssh key, a plain note."""
    folder = tmp_path / "outside"
    (folder / ".ssh").mkdir(parents=True)
    (folder / ".env").write_text(f"SECOND_ME_PASSPHRASE={ENV_SECRET}\n")
    (folder / ".ssh" / "id_rsa").write_text(PRIVATE_KEY + "\n")
    (folder / ".ssh" / "config").write_text("Host home\n  HostName 10.0.0.2\n  User tomato-gardener\n")
    (folder / "plain.txt").write_text("The greenhouse tomatoes need water on Sundays.\n")
    return folder


def link(at: Path, to: str | Path) -> Path:
    os.symlink(to, at)
    return at


def chunk_paths(run_cli, query: str) -> set[str]:
    result = run_cli("search", query, "--json", "-k", "50")
    return {hit["source"]["path"] for hit in result.json()["results"] if hit["source"]}


def stored_paths(run_cli) -> set[str]:
    """The files every active memory came from."""
    listed = run_cli("memory", "list", "--json", "-n", "10000").json()
    return {view["source"]["path"] for view in listed if view["source"] and "path" in view["source"]}


# ---- 1. links -----------------------------------------------------------------------------------

def test_links_out_of_the_watched_folder_are_skipped_with_the_reason(run_cli, notes, outside, home):
    link(notes / "config.txt", "../outside/.env")
    link(notes / "notes2.txt", "../outside/.ssh/id_rsa")
    link(notes / "greenhouse.txt", "../outside/plain.txt")
    link(notes / "ssh-config.txt", "../outside/.ssh/config")
    result = run_cli("watch", "add", str(notes))
    assert result.code == 0, result.err
    assert not [line for line in result.err.splitlines() if "indexed" in line and "outside" in line]
    assert "skipped: links outside the watched folder are not followed 4" in result.out
    for query in ("SECOND_ME_PASSPHRASE hunter2", "OPENSSH PRIVATE KEY", "greenhouse tomatoes", "tomato-gardener"):
        assert not any("outside" in path or "config.txt" in path or "notes2" in path
                       for path in chunk_paths(run_cli, query)), query
    assert all(no_secret_in(row[2]) for row in memory_snapshot(home))
    listed = run_cli("watch", "list").out
    assert "skipped: links outside the watched folder are not followed 4" in listed
    assert f"skipped: {notes / 'config.txt'}: links outside the watched folder are not followed" in listed


def test_links_to_system_files_are_never_read_whatever_the_setting(run_cli, notes, home):
    for name, target in (("passwd.txt", "/etc/passwd"), ("hostname.txt", "/etc/hostname"),
                         ("cpu.txt", "/proc/cpuinfo"), ("environ.txt", "/proc/self/environ")):
        link(notes / name, target)
    (home / "config.toml").write_text('follow_symlinks = "always"\n')
    result = run_cli("add", str(notes), "--json")
    report = result.json()
    assert report["skipped_by_reason"]["a special file"] == 2  # /proc: never, even with "always"
    stored = " ".join(row[2] for row in memory_snapshot(home))
    assert "test-passphrase" not in stored and "SECOND_ME_" not in stored and "processor" not in stored
    (home / "config.toml").write_text("")  # the default, "inside": /etc is outside the folder
    report = run_cli("add", str(notes), "--json").json()
    assert report["skipped_by_reason"] == {"links outside the watched folder are not followed": 2}
    assert report["removed_chunks"] >= 2  # what "always" stored from /etc leaves, and the summary says so
    assert "root:" not in " ".join(row[2] for row in memory_snapshot(home) if row[6] == "active")
    assert run_cli("add", "/proc/self/environ").code == 3


def test_a_link_inside_the_folder_is_followed_and_its_memories_are_the_links(run_cli, notes, home):
    link(notes / "bread.md", "sourdough.md")
    run_cli("watch", "add", str(notes))
    assert {str(notes / "bread.md"), str(notes / "sourdough.md")} <= stored_paths(run_cli)
    (notes / "bread.md").unlink()
    result = run_cli("index")
    assert "removed chunks" in result.out and str(notes / "bread.md") not in stored_paths(run_cli)
    assert str(notes / "sourdough.md") in stored_paths(run_cli)


def test_followed_links_leave_memory_with_the_link_and_with_the_folder(run_cli, notes, outside, home):
    (home / "config.toml").write_text('follow_symlinks = "always"\n')
    link(notes / "greenhouse.txt", outside / "plain.txt")
    link(notes / "ssh", outside / ".ssh")  # a folder link: its name filter still applies to the target
    run_cli("watch", "add", str(notes))
    linked = str(notes / "greenhouse.txt")
    assert linked in stored_paths(run_cli) and not any("outside" in path for path in stored_paths(run_cli))
    assert all(no_secret_in(row[2]) for row in memory_snapshot(home))
    (notes / "greenhouse.txt").unlink()  # the link goes: so do its memories
    run_cli("index")
    assert linked not in stored_paths(run_cli)
    link(notes / "greenhouse.txt", outside / "plain.txt")
    run_cli("index")
    assert linked in stored_paths(run_cli)
    result = run_cli("watch", "remove", str(notes))  # unwatched: they go too
    assert result.code == 0 and not stored_paths(run_cli)


def test_follow_symlinks_never_follows_none(run_cli, notes, home):
    (home / "config.toml").write_text('follow_symlinks = "never"\n')
    link(notes / "bread.md", "sourdough.md")
    report = run_cli("add", str(notes), "--json").json()
    assert report["skipped_by_reason"] == {"links are not followed": 1} and report["files"] == 3
    (home / "config.toml").write_text('follow_symlinks = "sometimes"\n')
    bad = run_cli("add", str(notes))
    assert bad.code == 3 and "follow_symlinks" in bad.err


def _as_an_older_version_left_it(services, notes: Path, outside_file: Path) -> None:
    """What an older second-me stored for a link in `notes`: the target's path, the folder as root,
    the file's text as it was (secrets included), and no trace of a secret scan."""
    text = outside_file.read_text()
    vector = services.embedder.embed([text])[0]
    services.store.use_embedder(services.embedder.model_id, services.embedder.dim, 1.7e9)
    st = outside_file.stat()
    services.store.sources.replace(str(outside_file), str(notes), hashlib.sha256(text.encode()).hexdigest(),
                                   st.st_mtime, st.st_size, "text",
                                   [NewMemory("chunk", text, vector, st.st_mtime, 30.0, start_line=1, end_line=1)],
                                   1.7e9)


@pytest.mark.parametrize("how", ["index", "watch remove"])
def test_a_store_with_linked_files_from_an_older_version_is_cleaned(run_cli, services, notes, outside, home, how):
    services.indexing.watch(notes)
    services.indexing.index()
    _as_an_older_version_left_it(services, notes, outside / ".env")
    assert any(ENV_SECRET in row[2] for row in memory_snapshot(home))
    services.close()
    result = run_cli(*(("index",) if how == "index" else ("watch", "remove", str(notes))))
    assert result.code == 0, result.err
    assert not any(ENV_SECRET in row[2] for row in memory_snapshot(home))
    assert str(outside / ".env") not in stored_paths(run_cli)


def test_a_store_from_before_the_secret_scan_is_migrated_and_read_again(run_cli, secret_notes, home, monkeypatch):
    """The schema gains what the scan did to each file; files read before it are read again by the next run."""
    from second_me.config import load_settings
    from second_me.storage import migrations
    from second_me.storage.store import open_store

    monkeypatch.setenv("SECOND_ME_SECRETS", "off")  # what a version before the scan stored
    run_cli("watch", "add", str(secret_notes))
    monkeypatch.delenv("SECOND_ME_SECRETS")
    number = next(i for i, step in enumerate(migrations.MIGRATIONS, start=1) if step.__name__ == "_m5_screened_sources")
    store = open_store(load_settings(home))
    with store.db.transaction() as conn:  # and the schema it had
        conn.execute("ALTER TABLE sources DROP COLUMN redactions")
        conn.execute("ALTER TABLE sources DROP COLUMN screened")
        conn.execute(f"PRAGMA user_version = {number - 1}")
    store.close()
    store = open_store(load_settings(home))
    with store.db.read() as conn:
        assert migrations.schema_version(conn) == len(migrations.MIGRATIONS)
        assert conn.execute("SELECT count(*) FROM sources WHERE screened IS NULL").fetchone()[0] == 7
    store.close()
    assert any(GITHUB_TOKEN in row[2] for row in memory_snapshot(home))
    assert run_cli("index").code == 0
    assert all(no_secret_in(row[2]) for row in memory_snapshot(home))


def test_a_fifo_in_the_folder_is_skipped_and_never_blocks(tmp_path, notes):
    """In a real process: opening a FIFO to read it would wait for a writer for ever."""
    os.mkfifo(notes / "pipe.md")
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home),
           "SECOND_ME_PASSPHRASE": "test-passphrase"}
    result = subprocess.run([sys.executable, str(REPO_ROOT / "tests" / "reliability" / "fake_cli.py"),
                             "add", str(notes), "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["files"] == 3 and report["skipped_by_reason"] == {"not a regular file": 1}


# ---- 2. secrets inside ordinary files --------------------------------------------------------------

@pytest.fixture
def secret_notes(notes) -> Path:
    (notes / "notes.txt").write_text(f"# Keys\n\nMy server key:\n{PRIVATE_KEY}\nThe tomato soup recipe is elsewhere.\n")
    (notes / "aws_setup.md").write_text(f"# AWS setup\n\naws_access_key_id = {AWS_KEY_ID}\n"
                                        f"aws_secret_access_key = {AWS_SECRET}\n\nThe bucket holds tomato photos.\n")
    (notes / "github.md").write_text(f"# GitHub\n\ntoken: {GITHUB_TOKEN}\nUsed for the tomato tracker.\n")
    (notes / "secrets.yaml").write_text(f"password: {PASSWORD}\nuser: tomato\n")
    (notes / ".env").write_text(f"TOKEN={ENV_SECRET}\n")  # these two by name, as before
    (notes / "id_rsa").write_text(PRIVATE_KEY + "\n")
    return notes


class RecordingEmbedder(FakeEmbedder):
    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def embed(self, texts):
        self.seen.extend(texts)
        return super().embed(texts)


def test_secrets_inside_ordinary_files_are_redacted_everywhere(run_cli, secret_notes, home, tmp_path):
    prompts: list[str] = []

    def answer(messages):
        prompts.extend(m.content for m in messages)
        return "I don't know."

    run_cli.models["embed"] = embedder = RecordingEmbedder()
    run_cli.models["chat"] = FakeChatModel(reply=answer)
    added = run_cli("watch", "add", str(secret_notes))
    assert added.code == 0, added.err
    assert "redacted: 5 secrets in 4 files" in added.out
    assert "left out by name: may hold secrets 2" in added.out  # .env and id_rsa: counted, not "0 skipped"
    hits = run_cli("search", "tomato key token password aws", "--json", "-k", "50").json()["results"]
    texts = " ".join(hit["text"] for hit in hits)
    for kind in ("private-key", "aws-access-key", "aws-secret-key", "github-token", "password"):
        assert f"[redacted: {kind}]" in texts
    run_cli("ask", "what is my github token and my aws key?")
    exported = run_cli("export", str(tmp_path / "export.json"))
    assert exported.code == 0
    for seen in (texts, " ".join(embedder.seen), " ".join(prompts), (tmp_path / "export.json").read_text(),
                 " ".join(row[2] for row in memory_snapshot(home))):
        assert no_secret_in(seen)
    listed = run_cli("watch", "list", "--json").json()["folders"][0]
    assert listed["redacted"] == {"aws-access-key": 1, "aws-secret-key": 1, "github-token": 1, "password": 1,
                                  "private-key": 1} and listed["redacted_files"] == 4
    assert listed["left_out_by_name"] == {"may hold secrets": 2}
    assert "left out by name: may hold secrets 2" in run_cli("watch", "list").out
    # Redacting keeps the file's lines: the chunk after the key still points at its own line.
    hit = next(h for h in hits if h["source"]["path"].endswith("notes.txt"))
    assert hit["source"]["start_line"] == 1 and hit["source"]["end_line"] == 10


def test_skip_file_leaves_such_files_out_and_off_keeps_them(run_cli, secret_notes, home, monkeypatch):
    monkeypatch.setenv("SECOND_ME_SECRETS", "skip-file")
    report = run_cli("add", str(secret_notes), "--json").json()
    assert report["skipped_by_reason"] == {"holds a secret": 4} and report["files"] == 3
    assert all(no_secret_in(row[2]) for row in memory_snapshot(home))
    problems = run_cli("doctor", "--json")
    assert problems.code == 0
    monkeypatch.setenv("SECOND_ME_SECRETS", "off")
    report = run_cli("add", str(secret_notes), "--json").json()
    assert report["files"] == 7 and not report["redacted"]  # read again: the 4 now indexed, 3 unchanged
    assert any(GITHUB_TOKEN in row[2] for row in memory_snapshot(home))


def test_secrets_already_in_memory_are_redacted_by_the_next_index_run(run_cli, secret_notes, home, monkeypatch):
    """What an older version stored in plain text is read again once: redacted, and nothing else is re-embedded."""
    monkeypatch.setenv("SECOND_ME_SECRETS", "off")  # as before secrets were looked for
    run_cli("watch", "add", str(secret_notes))
    assert any(GITHUB_TOKEN in row[2] for row in memory_snapshot(home))
    monkeypatch.delenv("SECOND_ME_SECRETS")
    run_cli.models["embed"] = embedder = RecordingEmbedder()
    result = run_cli("index")
    assert result.code == 0 and "redacted: 5 secrets in 4 files" in result.out
    assert all(no_secret_in(row[2]) for row in memory_snapshot(home))
    assert embedder.seen and not any("sourdough" in text.lower() for text in embedder.seen)
    assert "up to date" in run_cli("index").out


# ---- 3. export ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "folder", "proc", "device"])
def test_export_refuses_what_is_not_a_regular_file_even_with_force(run_cli, notes, tmp_path, kind):
    run_cli("add", str(notes))
    if kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    elif kind == "folder":
        target = tmp_path / "dir"
        target.mkdir()
    elif kind == "proc":
        target = Path("/proc/x")
    else:  # as root this replaced the device node with a file of memories
        target = Path("/dev/full")
    before = os.lstat(target).st_mode if os.path.lexists(target) else None
    for args in (("export", str(target)), ("export", "--force", str(target))):
        result = run_cli(*args)
        assert result.code == 3, result.err
        assert len(result.err.strip().splitlines()) == 1 and "unexpected" not in result.err
    assert (os.lstat(target).st_mode if os.path.lexists(target) else None) == before
    assert not list(tmp_path.glob("*.partial")) and not Path(f"{target}.partial").exists()


def test_export_dash_writes_to_standard_output_with_the_warning_on_stderr(run_cli, notes, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run_cli("add", str(notes))
    result = run_cli("export", "-")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["format"] == "second-me-export" and len(data["memories"]) == 8
    assert "NOT encrypted" in result.err and "exported 8 memories" in result.err
    assert not (tmp_path / "-").exists()


def test_force_replaces_a_regular_file_only_through_an_owner_only_file(run_cli, notes, tmp_path):
    run_cli("add", str(notes))
    target = tmp_path / "export.json"
    target.write_text("old")
    assert run_cli("export", str(target)).code == 3
    assert run_cli("export", "--force", str(target)).code == 0
    assert json.loads(target.read_text())["counts"]["memories"] == 8
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and not list(tmp_path.glob("*.partial"))
    link(tmp_path / "link.json", target)  # written through, a link would land anywhere
    assert run_cli("export", "--force", str(tmp_path / "link.json")).code == 3


@pytest.mark.parametrize("command", [("backup",), ("eval", "--dataset", "noor", "--json-out")])
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_backup_and_eval_reports_refuse_what_is_not_a_regular_file(run_cli, notes, tmp_path, kind, command):
    run_cli("add", str(notes))
    target = {"device": Path("/dev/null"), "folder": tmp_path}.get(kind, tmp_path / "pipe")
    if kind == "fifo":
        os.mkfifo(target)
    before = os.lstat(target).st_mode
    result = run_cli(*command, str(target))
    assert result.code == 3 and len(result.err.strip().splitlines()) == 1, result.err
    assert "is a" in result.err or "under /dev" in result.err
    assert "export" not in result.err and "standard output" not in result.err  # names what it writes
    assert os.lstat(target).st_mode == before


# ---- 5. names are data --------------------------------------------------------------------------

def test_a_newline_in_a_file_name_stays_on_one_line_and_json_stays_exact(run_cli, notes, home, monkeypatch):
    odd = notes / "line\nbreak.md"
    odd.write_text("# Tomato\n\nTomatoes like the sun on the balcony.\n")
    (notes / "bad\npdf.pdf").write_bytes(b"%PDF-1.4 not really")
    monkeypatch.chdir(notes.parent)
    added = run_cli("watch", "add", str(notes))
    progress = [line for line in added.err.splitlines() if line.startswith("[")]
    assert len(progress) == 5 and any("line\\nbreak.md" in line for line in progress)
    search = run_cli("search", "tomatoes balcony").out
    assert search.splitlines()[0].startswith("1. ") and "line\\nbreak.md:1-3" in search.splitlines()[0]
    hits = run_cli("search", "tomatoes balcony", "--json").json()["results"]
    assert hits[0]["source"]["path"] == str(odd)  # exact, not escaped
    listed = run_cli("watch", "list").out
    assert f"error: {notes}/bad\\npdf.pdf: " in listed
    doctor = run_cli("doctor").out
    assert any(line.strip().startswith("file error") and "bad\\npdf.pdf" in line for line in doctor.splitlines())
    answer = run_cli("ask", "where do tomatoes like the sun?").out
    assert "line\\nbreak.md" in answer and "line\nbreak" not in answer
    shown = run_cli("memory", "show", str(hits[0]["id"])).out
    assert f"source: {notes}/line\\nbreak.md:1-3" in shown.splitlines()
    missing = run_cli("add", str(notes / "no\nsuch.md"))
    assert missing.code == 2 and missing.err.count("\n") == 1 and "no\\nsuch.md" in missing.err


def test_a_name_that_is_not_utf8_is_left_out_counted_and_refused_as_an_argument(run_cli, notes, home):
    with open(os.fsencode(notes) + b"/bad\xffname.md", "w") as handle:
        handle.write("# Bad\n\nA tomato note with an odd name.\n")
    report = run_cli("add", str(notes), "--json")
    assert report.code == 0, report.err
    assert report.json()["left_out_by_name"] == {"its name is not valid UTF-8": 1} and report.json()["files"] == 3
    refused = run_cli("add", os.fsdecode(os.fsencode(notes) + b"/bad\xffname.md"))
    assert refused.code == 3 and "bad\\xffname.md" in refused.err and len(refused.err.splitlines()) == 1
