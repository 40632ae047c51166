"""Indexing commands: add, reembed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import List

import typer

from second_me.commands.common import app_context, console, safe


def add(ctx: typer.Context, paths: List[Path] = typer.Argument(..., help="Files or folders to index.")):
    """Index files and folders now, with a progress bar. Idempotent."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    services = app_context(ctx).services()
    err = console(stderr=True)
    started = time.monotonic()
    try:
        with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                      TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[chunks]} chunks"),
                      TimeRemainingColumn(), console=err, transient=True) as bar:
            task = bar.add_task("index", total=None, rate="", chunks=0)

            def on_progress(p):
                elapsed = max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=p.done, total=p.total, chunks=p.chunks,
                           rate=f"{p.done / elapsed:.1f} files/s")

            def on_wait(pid):
                err.print(f"another indexer (pid {pid}) is running: handed the files to it, waiting…")

            report = services.add(paths, progress=on_progress, on_wait=on_wait)
    finally:
        services.close()
    elapsed = time.monotonic() - started
    typer.echo(f"indexed {report.files} files: {report.chunks} chunks, {report.skipped} skipped, "
               f"{report.errors} errors, {report.removed} removed chunks ({elapsed:.1f} s)")
    for message in report.error_messages[:20]:
        typer.echo(f"  error: {safe(message)}", err=True)
    if report.errors and not report.files:
        raise typer.Exit(3)


def reembed(ctx: typer.Context):
    """Re-embed every memory with the configured embedding model (after changing embed_model)."""
    services = app_context(ctx).services()
    try:
        count = services.reembed()
        model_id = services.embedder.model_id
    finally:
        services.close()
    typer.echo(f"re-embedded {count} memories with {model_id}")


COMMANDS = [add, reembed]
