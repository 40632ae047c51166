"""The link policy and the walker: what is read, from where, under which key, and why not."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from second_me.ingest.paths import (ALREADY_WATCHED, BROKEN, NEVER, OUTSIDE, SPECIAL, NotRegularFile, decide_file,
                                    read_regular, special_reason, walk)


@pytest.fixture
def tree(tmp_path):
    """notes/ (watched) beside outside/ (not watched), with every kind of link the issue found."""
    notes, outside = tmp_path / "notes", tmp_path / "outside"
    (outside / ".ssh").mkdir(parents=True)
    (notes / "sub").mkdir(parents=True)
    (outside / ".env").write_text("TOKEN=not-a-real-one\n")
    (outside / ".ssh" / "id_rsa").write_text("not a real key\n")
    (outside / "plain.md").write_text("outside note\n")
    (notes / "a.md").write_text("inside note\n")
    (notes / "sub" / "b.md").write_text("sub note\n")
    links = {
        "config.txt": "../outside/.env",
        "notes2.txt": "../outside/.ssh/id_rsa",
        "out.md": "../outside/plain.md",
        "alias.md": "a.md",
        "passwd.txt": "/etc/passwd",
        "cpu.txt": "/proc/cpuinfo",
        "environ.txt": "/proc/self/environ",
        "null.md": "/dev/null",
        "broken.md": "no-such-file.md",
        "dirlink": "../outside",
        "loop": ".",
        "sublink": "sub",
    }
    for name, target in links.items():
        (notes / name).symlink_to(target)
    os.mkfifo(notes / "pipe.md")
    return notes, outside


def walked(notes: Path, mode: str) -> dict[str, str]:
    """name relative to notes -> "read <target relative to tmp>" or the skip reason."""
    out = {}
    for item in walk(notes, [notes], mode):
        name = str(item.path.relative_to(notes))
        decision = item.decision
        if decision.readable:
            where = decision.read_from
            out[name] = f"read {where.relative_to(notes.parent) if notes.parent in where.parents else where}"
        else:
            out[name] = decision.skip_reason
    return out


def test_inside_mode_follows_only_links_that_stay_in_the_watched_folder(tree):
    notes, _ = tree
    assert walked(notes, "inside") == {
        "a.md": "read notes/a.md",
        "alias.md": "read notes/a.md",
        "broken.md": BROKEN,
        "config.txt": OUTSIDE,
        "cpu.txt": SPECIAL,
        "dirlink": OUTSIDE,
        "environ.txt": SPECIAL,
        "loop": ALREADY_WATCHED,
        "notes2.txt": OUTSIDE,
        "null.md": SPECIAL,
        "out.md": OUTSIDE,
        "passwd.txt": OUTSIDE,
        "pipe.md": "not a regular file (a FIFO)",
        "sub/b.md": "read notes/sub/b.md",
        "sublink": ALREADY_WATCHED,
    }


def test_never_mode_follows_no_link(tree):
    notes, _ = tree
    result = walked(notes, "never")
    assert result["alias.md"] == NEVER and result["dirlink"] == NEVER and result["out.md"] == NEVER
    assert result["a.md"] == "read notes/a.md" and result["sub/b.md"] == "read notes/sub/b.md"
    assert result["cpu.txt"] == SPECIAL  # special files are refused before the link setting is asked


def test_always_mode_follows_links_out_but_never_to_secrets_or_special_files(tree):
    notes, _ = tree
    result = walked(notes, "always")
    assert result["out.md"] == "read outside/plain.md"
    assert result["passwd.txt"] == "read /etc/passwd"  # the user asked for links out to be followed
    assert result["config.txt"] == "the link's target may hold secrets"
    assert result["notes2.txt"] == "the link's target may hold secrets"
    assert result["cpu.txt"] == result["environ.txt"] == result["null.md"] == SPECIAL
    # The outside folder is walked once, through the link, and its files are keyed under the link.
    assert result["dirlink/plain.md"] == "read outside/plain.md"
    assert "dirlink/.env" not in result  # hidden names are passed over, as in any folder
    assert result["loop"] == ALREADY_WATCHED


def test_memories_are_keyed_by_the_link_not_its_target(tree):
    notes, _ = tree
    decision = decide_file(notes / "alias.md", [notes])
    assert decision.key == str(notes / "alias.md") and decision.read_from == notes / "a.md"
    assert decision.is_link


def test_a_path_given_by_the_user_gets_the_same_verdict(tree, monkeypatch):
    notes, outside = tree
    monkeypatch.chdir(notes.parent)
    assert decide_file(Path("notes/config.txt"), [notes]).skip_reason == OUTSIDE
    assert decide_file(Path("notes/config.txt"), [notes], "always").skip_reason == "the link's target may hold secrets"
    given = decide_file(Path("notes/../notes/a.md"), [notes])
    assert given.key == str(notes / "a.md") and given.readable and not given.is_link
    # A watched file given directly is its own root.
    assert decide_file(outside / "plain.md", [outside / "plain.md"]).readable


def test_the_link_name_itself_is_filtered(tree):
    notes, outside = tree
    (notes / "id_rsa_backup").symlink_to(outside / "plain.md")
    assert decide_file(notes / "id_rsa_backup", [notes], "always").skip_reason == "may hold secrets"


def test_a_link_into_a_hidden_or_ignored_part_of_the_watched_folder_is_not_a_way_around_it(tree):
    notes, _ = tree
    (notes / ".private").mkdir()
    (notes / ".private" / "diary.md").write_text("x")
    (notes / "diary.md").symlink_to(".private/diary.md")
    assert decide_file(notes / "diary.md", [notes]).skip_reason == "the link's target is hidden"
    (notes / "drafts").mkdir()
    (notes / "drafts" / "x.md").write_text("x")
    (notes / "x.md").symlink_to("drafts/x.md")
    assert decide_file(notes / "x.md", [notes], user_globs=("drafts",)).skip_reason == (
        "the link's target matches ignore pattern 'drafts'")


def test_a_link_into_another_watched_folder_is_inside(tree):
    notes, outside = tree
    assert decide_file(notes / "out.md", [notes, outside]).read_from == outside / "plain.md"
    assert walked(notes, "inside")["out.md"] == OUTSIDE  # only notes is watched there


def test_a_watched_folder_that_is_itself_a_link_is_walked_as_given(tmp_path):
    real_folder = tmp_path / "data" / "notes"
    real_folder.mkdir(parents=True)
    (real_folder / "a.md").write_text("x")
    linked_root = tmp_path / "notes"
    linked_root.symlink_to(real_folder)
    items = list(walk(linked_root, [linked_root]))
    assert [(str(i.path), i.decision.read_from) for i in items] == [(str(linked_root / "a.md"), real_folder / "a.md")]


def test_loops_of_folder_links_end(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "note.md").write_text("x")
    (a / "to_b").symlink_to(b)
    (b / "to_a").symlink_to(a)
    (b / "also_b").symlink_to(b)
    names = {str(i.path.relative_to(a)): i.decision.skip_reason for i in walk(a, [a], "always")}
    assert names == {"note.md": None, "to_b/also_b": "a link back to a folder already walked",
                     "to_b/to_a": ALREADY_WATCHED}


def test_special_trees_are_refused_as_given_and_as_resolved(tmp_path):
    assert special_reason(Path("/proc/self/environ")) == SPECIAL
    assert special_reason(Path("/sys")) == SPECIAL
    (tmp_path / "env").symlink_to("/proc/self/environ")
    assert special_reason(tmp_path / "env") == SPECIAL
    assert special_reason(tmp_path) is None
    assert decide_file(Path("/proc/self/environ"), [Path("/proc")], "always").skip_reason == SPECIAL
    assert list(walk(Path("/proc"), [Path("/proc")], "always")) == []


def test_a_socket_is_not_read(tmp_path):
    path = tmp_path / "s.md"
    if len(str(path)) > 100:
        pytest.skip("the temporary folder's path is too long for a UNIX socket")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert decide_file(path, [tmp_path]).skip_reason == "not a regular file (a socket)"
    finally:
        server.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_device_node_outside_dev_is_not_read(tmp_path):
    node = tmp_path / "full.md"
    os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    assert decide_file(node, [tmp_path]).skip_reason == "not a regular file (a device)"
    (tmp_path / "link.md").symlink_to(node)
    assert decide_file(tmp_path / "link.md", [tmp_path]).skip_reason == "not a regular file (a device)"


def test_read_regular_reads_the_decided_file(tree):
    notes, _ = tree
    assert read_regular(decide_file(notes / "alias.md", [notes])) == b"inside note\n"
    with pytest.raises(NotRegularFile, match="larger than 3 bytes"):
        read_regular(decide_file(notes / "a.md", [notes]), max_bytes=3)


def test_read_regular_refuses_a_file_swapped_after_the_decision(tree, tmp_path):
    notes, outside = tree
    decision = decide_file(notes / "a.md", [notes])
    (notes / "a.md").unlink()
    (notes / "a.md").symlink_to(outside / ".env")
    with pytest.raises(OSError):  # O_NOFOLLOW: the swapped-in link is not followed
        read_regular(decision)
    (notes / "a.md").unlink()
    os.mkfifo(notes / "a.md")
    with pytest.raises(NotRegularFile, match="FIFO"):  # and a FIFO does not block the reader
        read_regular(decision)


def test_read_regular_refuses_a_skipped_decision(tree):
    notes, _ = tree
    with pytest.raises(NotRegularFile, match="outside"):
        read_regular(decide_file(notes / "config.txt", [notes]))


def test_an_unknown_mode_is_refused(tree):
    notes, _ = tree
    with pytest.raises(ValueError, match="follow_symlinks must be one of"):
        list(walk(notes, [notes], "sometimes"))
