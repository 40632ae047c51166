"""Keeping memories safe: backup, restore, and `key rotate`."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import typer

from second_me.commands.common import opened


def backup(ctx: typer.Context, file: Path = typer.Argument(..., help="Where to write the backup (replaced if it exists).")):
    """Write a consistent, encrypted copy of this memory (safe while the daemon runs)."""
    with opened(ctx) as services:
        info = services.safety.backup(file)
        encrypted = services.safety.encrypted
    typer.echo(f"backed up {info.memories} memories to {info.path} ({info.size_bytes / 1e6:.2f} MB, "
               + ("encrypted with this memory's key)" if encrypted else "NOT encrypted: encryption is off)"))


def restore(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A backup made by `second-me backup`."),
    force: bool = typer.Option(False, "--force", help="Restore even if this memory changed after the backup."),
):
    """Replace this memory with a backup; the current memory is kept aside, never deleted."""
    with opened(ctx) as services:
        info = services.safety.restore(file, force)
    made = (datetime.fromtimestamp(info.made_at, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            if info.made_at else "an unknown time")
    typer.echo(f"restored {info.memories} memories from the backup made {made}")
    if info.kept_previous:
        typer.echo(f"the previous memory is kept in {info.kept_previous}")


key_app = typer.Typer(help="The database key.", no_args_is_help=True)


@key_app.command("rotate")
def rotate(ctx: typer.Context):
    """Re-encrypt this memory with a new key.

    With a keyring key: a new random key replaces it. With a passphrase: the new one is
    read from SECOND_ME_NEW_PASSPHRASE, or asked for when run in a terminal.
    """
    from second_me.services.safety import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV

    with opened(ctx) as services:
        new_passphrase = None
        if services.safety.key_source == "passphrase":
            new_passphrase = os.environ.get(NEW_PASSPHRASE_ENV) or _ask_new_passphrase()
        where = services.safety.rotate_key(new_passphrase)
    if where == "keyring":
        typer.echo("rotated: a new random key is in the OS keyring. Backups made before keep the old key.")
    else:
        typer.echo(f"rotated: set {PASSPHRASE_ENV} to the new passphrase from now on. "
                   "Backups made before keep the old passphrase.")


def _ask_new_passphrase() -> str | None:
    if not sys.stdin.isatty():
        return None
    return typer.prompt("new passphrase", hide_input=True, confirmation_prompt=True)


COMMANDS = [backup, restore]
SUB_APPS = {"key": key_app}
