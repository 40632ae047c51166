"""Watched folders (`watch add|remove|list`) and the foreground watcher (`daemon`)."""

from __future__ import annotations

import os
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path

import typer

from second_me.clock import minute
from second_me.commands.common import app_context, json_text, opened, shown_name
from second_me.commands.index import print_report, run_with_progress
from second_me.domain import left_out_lines

app = typer.Typer(help="Folders kept in step with memory.", no_args_is_help=True, rich_markup_mode=None)


@app.command("add")
def watch_add(ctx: typer.Context, path: Path = typer.Argument(..., help="A folder to keep in memory."),
              no_index: bool = typer.Option(False, "--no-index", help="Only register it; the daemon or "
                                                                      "`second-me index` reads it later.")):
    """Watch a folder: index it now, then the daemon (or the TUI) keeps it up to date."""
    with opened(ctx) as services:
        folder, replaced = services.indexing.watch(path)
        typer.echo(f"watching {shown_name(str(folder))}")
        for inner in replaced:
            typer.echo(f"  (replaces {shown_name(str(inner))}, which it contains)")
        if not no_index:
            report, elapsed = run_with_progress(lambda **kw: services.indexing.index(roots=[folder], **kw))
            print_report(report, elapsed)


@app.command("remove")
def watch_remove(ctx: typer.Context, path: Path = typer.Argument(..., help="A watched folder."),
                 keep: bool = typer.Option(False, "--keep", help="Keep what was indexed from it in memory.")):
    """Stop watching a folder; its files leave memory unless --keep (the files themselves are untouched)."""
    with opened(ctx) as services:
        folder, removed = services.indexing.unwatch(path, forget=not keep)
    removed_text = "" if keep else f"; {removed} chunks removed from memory"
    typer.echo(f"stopped watching {shown_name(str(folder))}{removed_text}")


@app.command("list")
def watch_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Watched folders: files, chunks, last indexed, and the files that could not be read."""
    with opened(ctx) as services:
        folders = services.indexing.watched()
        queued = services.indexing.queued()
    if as_json:
        typer.echo(json_text({"folders": [f.as_json() for f in folders], "queued": queued}, indent=2))
        return
    if not folders:
        typer.echo("no folders are watched: add one with `second-me watch add PATH`")
        return
    for f in folders:
        last = minute(f.last_indexed_at) if f.last_indexed_at else "never"
        missing = "" if f.exists else "  [MISSING: not mounted or deleted]"
        typer.echo(f"{shown_name(f.path)}{missing}")
        typer.echo(f"    {f.files} files, {f.chunks} chunks, {f.skipped} skipped, {f.errors} errors; last indexed {last}")
        for title, what in left_out_lines(f.skipped_by_reason, f.redacted, f.redacted_files, f.left_out_by_name):
            typer.echo(f"    {title}: {what}")
        for problem in f.problems:
            typer.echo(f"    {problem.status}: {shown_name(problem.path)}: {shown_name(problem.reason)}")
    if queued:
        typer.echo(f"{queued} changes waiting in the queue (run `second-me index` or the daemon)")


def daemon(ctx: typer.Context, quiet: bool = typer.Option(False, "--quiet", help="Log only errors and lifecycle.")):
    """Watch every watched folder in the foreground until SIGINT/SIGTERM (for systemd / launchd)."""
    from second_me.errors import UsageError
    from second_me.services import claim_daemon

    services = app_context(ctx).services()  # opening the memory makes its home
    try:
        single = claim_daemon(services.settings.home)
    except UsageError:
        services.close()
        raise

    def log(message: str) -> None:
        if quiet and message.split(" ", 1)[0] in ("indexed", "moved", "removed", "skipped", "memory:"):
            return
        print(f"{datetime.now().strftime('%Y-%m-%d %H:%M:%S')} {shown_name(message)}", flush=True)

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    # Facts and summaries when indexing is quiet; nothing else here uses its models, so it frees them.
    runner = services.background(log=log, free_models=True)
    log(f"second-me daemon started (pid {os.getpid()}, home {services.settings.home})")
    runner.start()
    while not stop.wait(1.0):
        pass
    log("stopping…")
    if runner.stop(timeout=1.5):
        services.close()
        single.release()
        log("stopped")
        return
    # A model call is in progress: leaving now is safe (unfinished files stay queued,
    # unfinished memory work stays dirty; every write is one transaction).
    log("stopped (unfinished work stays queued for next time)")
    sys.stdout.flush()
    os._exit(0)


COMMANDS = [daemon]
