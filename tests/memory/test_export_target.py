"""Export targets: only "-", a new file, or (with --force) a regular file; never a FIFO, device, folder, /proc."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from second_me.errors import InputRejected, NotFoundError, StorageError
from second_me.memory.export_target import ExportTarget, check_target, open_for_export


def write(target: ExportTarget, text: str, force: bool = False) -> None:
    with open_for_export(target, force) as handle:
        handle.write(text)


def test_a_new_file_is_written_through_an_owner_only_partial_file(tmp_path):
    target = check_target(tmp_path / "out.json")
    seen = {}
    with open_for_export(target) as handle:
        handle.write("{}")
        seen["mode"] = stat.S_IMODE(os.stat(target.partial).st_mode)
        assert not target.path.exists()
    assert seen["mode"] == 0o600
    assert target.path.read_text() == "{}" and not target.partial.exists()
    assert stat.S_IMODE(target.path.stat().st_mode) == 0o600


def test_an_existing_regular_file_needs_force(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old")
    with pytest.raises(InputRejected, match="exists: choose another file or pass --force"):
        check_target(path)
    write(check_target(path, force=True), "new", force=True)
    assert path.read_text() == "new"


def test_a_fifo_is_refused_even_with_force_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputRejected, match="is a FIFO: an export is written only to a new or regular file"):
        check_target(fifo, force=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_is_refused_and_no_partial_file_is_left(tmp_path):
    folder = tmp_path / "dir"
    folder.mkdir()
    with pytest.raises(InputRejected, match="is a folder"):
        check_target(folder, force=True)
    assert list(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("raw, tree", [("/dev/full", "/dev"), ("/dev/null", "/dev"), ("/proc/x", "/proc"),
                                       ("/sys/kernel/x.json", "/sys"), ("/dev", "/dev")])
def test_special_trees_are_refused_even_with_force(raw, tree):
    with pytest.raises(InputRejected, match=f"is under {tree}"):
        check_target(raw, force=True)


def test_a_link_into_dev_is_refused_as_special(tmp_path):
    (tmp_path / "full.json").symlink_to("/dev/full")
    with pytest.raises(InputRejected, match="is under /dev"):
        check_target(tmp_path / "full.json", force=True)


def test_a_link_to_a_regular_file_is_refused_not_written_through(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("mine")
    (tmp_path / "link.json").symlink_to(real)
    with pytest.raises(InputRejected, match="is a link"):
        check_target(tmp_path / "link.json", force=True)
    assert real.read_text() == "mine"


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_device_node_outside_dev_is_refused(tmp_path):
    node = tmp_path / "full"
    os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
    with pytest.raises(InputRejected, match="is a device"):
        check_target(node, force=True)
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(NotFoundError, match="no such folder"):
        check_target(tmp_path / "nope" / "out.json")


def test_dash_means_standard_output():
    target = check_target("-", force=False)
    assert target.to_stdout and target.path is None
    out = io.StringIO()
    with open_for_export(target, stdout=out) as handle:
        handle.write("{}")
    assert out.getvalue() == "{}"
    assert not Path("-").exists()


def test_a_failure_while_writing_removes_the_partial_file_and_keeps_the_old_export(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("previous export")
    target = check_target(path, force=True)
    with pytest.raises(RuntimeError):
        with open_for_export(target, force=True) as handle:
            handle.write("half")
            raise RuntimeError("the store went away")
    assert path.read_text() == "previous export" and not target.partial.exists()
    with pytest.raises(KeyboardInterrupt):
        with open_for_export(target, force=True) as handle:
            raise KeyboardInterrupt
    assert not target.partial.exists()


def test_a_target_that_became_a_folder_meanwhile_is_refused_and_cleaned_up(tmp_path):
    path = tmp_path / "out.json"
    target = check_target(path)
    with pytest.raises(InputRejected, match="is a folder"):
        with open_for_export(target) as handle:
            handle.write("{}")
            path.mkdir()
    assert not target.partial.exists() and path.is_dir()


def test_a_partial_left_by_an_interrupted_export_is_replaced(tmp_path):
    target = check_target(tmp_path / "out.json")
    target.partial.write_text("stale plaintext")
    write(target, "{}")
    assert target.path.read_text() == "{}" and not target.partial.exists()


def test_a_link_planted_at_the_partial_name_is_not_followed(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    target = check_target(tmp_path / "out.json")
    target.partial.symlink_to(victim)
    with pytest.raises(InputRejected, match="is in the way"):
        write(target, "{}")
    assert victim.read_text() == "keep me" and target.partial.is_symlink()


def test_a_write_error_is_one_storage_error(tmp_path):
    target = check_target(tmp_path / "out.json")
    with pytest.raises(StorageError, match="cannot write the export"):
        with open_for_export(target) as handle:
            handle.write("{")
            raise OSError(28, "No space left on device")
    assert not target.partial.exists() and not target.path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_a_folder_without_write_permission_is_one_input_error(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        target = check_target(folder / "out.json")
        with pytest.raises(InputRejected, match="cannot write in"):
            write(target, "{}")
    finally:
        folder.chmod(0o700)
