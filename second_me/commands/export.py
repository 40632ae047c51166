"""export: everything remembered, as plaintext JSON."""

from __future__ import annotations

from pathlib import Path

import typer

from second_me.commands.common import opened


def export(ctx: typer.Context, path: Path = typer.Argument(..., help="The JSON file to write."),
           force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists.")):
    """Write every memory, conversation, fact, summary and event as JSON (enough to rebuild the store)."""
    with opened(ctx) as services:
        counts = services.safety.export(path, force)
    typer.echo(f"warning: {path} is NOT encrypted: it holds your memories in plaintext; keep it safe or delete it",
               err=True)
    typer.echo(f"exported {counts['memories']} memories, {counts['messages']} turns, {counts['events']} events to {path}")


COMMANDS = [export]
