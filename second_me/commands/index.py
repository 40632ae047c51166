"""Indexing commands: add, index, reembed — with a live progress bar (files/s, chunks/s, ETA)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable, List

import typer

from second_me.commands.common import console, json_text, opened, shown_name
from second_me.domain import left_out_lines


def run_with_progress(run: Callable, label: str = "indexing"):
    """Call `run(progress=..., on_wait=...)` showing progress on stderr: a bar on a terminal,
    one plain line per file otherwise (logs, scripts, pipes). Returns (report, seconds)."""
    err = console(stderr=True)
    started = time.monotonic()

    def on_wait(pid):
        err.print(f"another indexer (pid {pid}) is running: handed the files to it, waiting…", markup=False)

    if not sys.stderr.isatty():
        def on_line(p):
            if p.outcome != "waiting":
                line = f"[{p.done}/{p.total}] {p.outcome} {shown_name(p.path)}{shown_name(progress_detail(p))}"
                print(line, file=sys.stderr, flush=True)

        report = run(progress=on_line, on_wait=on_wait)
        return report, time.monotonic() - started

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task(label, total=None, rate="")

        def on_progress(p):
            elapsed = max(time.monotonic() - started, 1e-6)
            rate = f"{p.done / elapsed:.1f} files/s, {p.chunks / elapsed:.1f} chunks/s" if p.outcome != "waiting" else ""
            bar.update(task, completed=p.done, total=p.total, rate=rate)

        report = run(progress=on_progress, on_wait=on_wait)
    return report, time.monotonic() - started


def progress_detail(p) -> str:
    if p.outcome == "indexed":
        return f" ({p.file_chunks} chunks" + (f"; {p.detail})" if p.detail else ")")
    return f": {p.detail}" if p.detail else ""


def report_lines(report) -> list[str]:
    """What was left out and what was redacted, by reason and by kind (under the summary line)."""
    see = {"skipped": " (see `second-me watch list`)"}
    return [f"  {title}: {what}{see.get(title, '')}" for title, what in
            left_out_lines(report.skipped_by_reason, report.redacted, report.redacted_files, report.filtered)]


def print_report(report, elapsed: float, as_json: bool = False) -> None:
    """The summary line; exit 3 only when there were errors and nothing could be indexed."""
    if as_json:
        typer.echo(json_text({"files": report.files, "chunks": report.chunks, "skipped": report.skipped,
                              "errors": report.errors, "removed_chunks": report.removed,
                              "seconds": round(elapsed, 3), "error_messages": list(report.error_messages),
                              "skipped_by_reason": report.skipped_by_reason, "redacted": report.redacted,
                              "redacted_files": report.redacted_files, "left_out_by_name": report.filtered}))
    elif not (report.files or report.skipped or report.errors or report.removed):
        typer.echo(f"up to date: nothing new, changed or deleted; 0 chunks written ({elapsed:.1f} s)")
        for line in report_lines(report):
            typer.echo(line)
    else:
        typer.echo(f"indexed {report.files} files: {report.chunks} chunks, {report.skipped} skipped, "
                   f"{report.errors} errors, {report.removed} removed chunks ({elapsed:.1f} s)")
        for line in report_lines(report):
            typer.echo(line)
        for message in report.error_messages[:20]:
            typer.echo(f"  error: {shown_name(message)}", err=True)
        if len(report.error_messages) > 20:
            typer.echo(f"  … and {len(report.error_messages) - 20} more (see `second-me watch list`)", err=True)
    if report.errors and not report.files:
        raise typer.Exit(3)


def add(ctx: typer.Context, paths: List[Path] = typer.Argument(..., help="Files or folders to index."),
        as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")):
    """Index files and folders now, with a progress bar. Idempotent."""
    with opened(ctx) as services:
        report, elapsed = run_with_progress(lambda **kw: services.indexing.add(paths, **kw))
    print_report(report, elapsed, as_json)


def index(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")):
    """Catch up every watched folder once (new, changed, moved and deleted files), with progress."""
    with opened(ctx) as services:
        if not services.indexing.watched_roots() and not services.indexing.queued():
            typer.echo("no folders are watched: add one with `second-me watch add PATH`", err=True)
            return
        report, elapsed = run_with_progress(services.indexing.index)
    print_report(report, elapsed, as_json)


def reembed(ctx: typer.Context):
    """Re-embed every memory with the configured embedding model (after changing embed_model)."""
    with opened(ctx) as services:
        count = services.indexing.reembed()
        model_id = services.embedder.model_id
    typer.echo(f"re-embedded {count} memories with {model_id}")


COMMANDS = [add, index, reembed]
