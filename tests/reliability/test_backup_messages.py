"""Backup, restore and key messages say what happened and what to do, in one line, with the right exit code."""

from __future__ import annotations

import os

import pytest

from tests.reliability.helpers import memory_snapshot


def _one_line(result, code: int, words: str) -> None:
    assert result.code == code, (result.out, result.err)
    assert len(result.err.strip().splitlines()) == 1 and words in result.err, result.err
    assert "Traceback" not in result.err and "unexpected" not in result.err


def _corrupt(path, start_fraction: float = 0.5, length: int = 3000) -> None:
    data = bytearray(path.read_bytes())
    start = int(len(data) * start_fraction)
    for offset in range(start, min(start + length, len(data))):
        data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def test_a_damaged_backup_is_named_damaged_in_one_whole_sentence(run_cli, notes, home, tmp_path):
    run_cli("add", str(notes))
    backup = tmp_path / "b.db"
    assert run_cli("backup", str(backup)).code == 0
    before = memory_snapshot(home)
    _corrupt(backup)
    result = run_cli("restore", str(backup), "--force")
    _one_line(result, 5, f"{backup} is damaged (it failed its integrity check): it cannot be restored; "
                         "restore another backup")
    assert "***" not in result.err
    assert memory_snapshot(home) == before


def test_an_empty_file_is_not_called_a_database(run_cli, notes, home, tmp_path):
    run_cli("add", str(notes))
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    _one_line(run_cli("restore", str(empty)), 3, f"{empty} is empty: it is not a second-me backup")


def test_a_folder_is_not_a_missing_file(run_cli, notes, home, tmp_path):
    run_cli("add", str(notes))
    _one_line(run_cli("restore", str(tmp_path)), 3, f"{tmp_path} is a folder: give the backup file")
    _one_line(run_cli("restore", str(tmp_path / "missing.db")), 2, "no such backup file")


def test_a_fifo_is_refused_without_waiting_for_a_writer(run_cli, notes, home, tmp_path):
    run_cli("add", str(notes))
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    _one_line(run_cli("restore", str(fifo)), 3, "is not a regular file")


def test_rotating_to_the_same_passphrase_changes_nothing_and_says_so(run_cli, notes, home, monkeypatch):
    run_cli("add", str(notes))
    before = memory_snapshot(home)
    monkeypatch.setenv("SECOND_ME_NEW_PASSPHRASE", os.environ["SECOND_ME_PASSPHRASE"])
    result = run_cli("key", "rotate")
    _one_line(result, 3, "the new passphrase is the current one: nothing was changed")
    assert "rotated" not in result.out
    assert memory_snapshot(home) == before


@pytest.mark.parametrize("fraction", [0.2, 0.9])
def test_damage_anywhere_in_a_backup_gives_the_same_message(run_cli, notes, home, tmp_path, fraction):
    run_cli("add", str(notes))
    backup = tmp_path / "b.db"
    run_cli("backup", str(backup))
    _corrupt(backup, fraction, length=200)
    result = run_cli("restore", str(backup), "--force")
    assert result.code == 5 and len(result.err.strip().splitlines()) == 1
    assert f"{backup} is damaged" in result.err, result.err
