"""export: everything remembered, as plaintext JSON (to a file, or to standard output with -)."""

from __future__ import annotations

import typer

from second_me.commands.common import opened, shown_name


def export(ctx: typer.Context,
           path: str = typer.Argument(..., metavar="FILE", help="The JSON file to write (a new file, or - for "
                                      "standard output); never a folder, FIFO, device or anything in /proc."),
           force: bool = typer.Option(False, "--force", help="Replace FILE if it is an existing regular file.")):
    """Write every memory, conversation, fact, summary and event as JSON (enough to rebuild the store)."""
    to_stdout = path == "-"
    with opened(ctx) as services:
        counts = services.safety.export(path, force)
    where = "standard output" if to_stdout else shown_name(path)
    typer.echo(f"warning: the export on {where} is NOT encrypted: it holds your memories in plaintext; "
               "keep it safe or delete it", err=True)
    typer.echo(f"exported {counts['memories']} memories, {counts['messages']} turns, {counts['events']} events "
               f"to {where}", err=to_stdout)


COMMANDS = [export]
