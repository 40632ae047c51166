"""Keeping memories safe: backups and restoring one, key rotation, consistency checks and
repair, and the plaintext export.

Restore, repair and key rotation hold the home's indexer lock: no indexer or daemon
writes meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from second_me.errors import InputRejected
from second_me.memory.export import write_export
from second_me.memory.export_target import check_target
from second_me.memory.reembed import reembed_all
from second_me.secrets import PASSPHRASE_ENV
from second_me.storage.backup import BackupInfo, RestoreInfo, make_backup, restore_backup
from second_me.storage.consistency import CheckReport, RepairReport, check, repair
from second_me.storage.rekey import NEW_PASSPHRASE_ENV, rotate

if TYPE_CHECKING:
    from second_me.services.core import Core

__all__ = ["NEW_PASSPHRASE_ENV", "PASSPHRASE_ENV", "Safety", "output_file"]


def output_file(path: Path | str, what: str) -> Path:
    """Where a file second-me writes (a backup, a report) may go: a new file or a regular file it
    replaces, never a folder, FIFO, device, socket, link or anything under /proc, /sys or /dev."""
    target = check_target(path, force=True, what=what)
    if target.path is None:
        raise InputRejected(f"{what} needs a file name: it cannot go to standard output")
    return target.path


class Safety:
    def __init__(self, core: "Core"):
        self.core = core

    @property
    def encrypted(self) -> bool:
        return self.core.store.db.key.encrypted

    @property
    def key_source(self) -> str:
        """Where the database key comes from: "keyring", "passphrase" or "none"."""
        return self.core.store.db.key.source

    def backup(self, target: Path) -> BackupInfo:
        return make_backup(self.core.store.db, output_file(target, "a backup"))

    def restore(self, source: Path, force: bool = False) -> RestoreInfo:
        with self.core.exclusive("restore"):
            return restore_backup(self.core.store.db, source, force)

    def rotate_key(self, new_passphrase: Optional[str]) -> str:
        """Re-key the store; returns where the new key lives ("keyring" | "passphrase")."""
        with self.core.exclusive("rotate the key"):
            return rotate(self.core.store.db, self.core.settings.home, new_passphrase)

    def check(self) -> CheckReport:
        return check(self.core.store)

    def repair(self, progress: Callable[[int, int], None] | None = None) -> RepairReport:
        """Rebuild what is derived from the memories, and re-embed memories that lost their vector."""
        core = self.core
        with core.exclusive("repair"):
            now = core.now()
            before = check(core.store)
            report = repair(core.store, now, before)
            if any(p.name == "missing_vectors" for p in before.problems):
                embedder = core.embedder
                # Refuses (EmbedderMismatch) rather than mixing vectors of two models.
                core.store.use_embedder(embedder.model_id, embedder.dim, now)
                count = reembed_all(core.store, embedder, now, core.settings.embed_batch_size, progress)
                report.actions.append(f"re-embedded {count} memories that had no vector")
            return report

    def export(self, path: Path | str, overwrite: bool = False) -> dict:
        """Everything remembered as plaintext JSON (readable by the owner only; "-": standard output);
        returns the counts."""
        return write_export(self.core.store, path, self.core.now(), overwrite)
