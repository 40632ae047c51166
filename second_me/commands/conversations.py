"""Conversations: `import chat EXPORT` and `conversations list|show|delete`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import typer

from second_me.clock import minute
from second_me.commands.common import console, opened, safe
from second_me.domain import CHAT_EXPORT_FORMATS

SPEAKERS_SHOWN = 8

import_app = typer.Typer(help="Import memories from other tools.", no_args_is_help=True, rich_markup_mode=None)
conversations_app = typer.Typer(help="List, show and delete conversations.", no_args_is_help=True,
                                rich_markup_mode=None)


FORMAT_HELP = "The export's format, when telling it from the content is not wanted: " + ", ".join(CHAT_EXPORT_FORMATS) + "."


@import_app.command("chat")
def import_chat(ctx: typer.Context,
                path: Path = typer.Argument(..., help="The export: a file, the folder holding it, or the app's .zip."),
                format: Optional[str] = typer.Option(None, "--format", help=FORMAT_HELP),
                me: Optional[str] = typer.Option(None, "--me", help="Which speaker you are (WhatsApp, Telegram), or "
                                                 "the name your side gets (ChatGPT, Claude, SMS)."),
                tz: Optional[str] = typer.Option(None, "--tz", help="Time zone of the export's clock times (WhatsApp, "
                                                 "old Telegram exports), e.g. Europe/Berlin; default: this machine's."),
                as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")):
    """Import a chat export: ChatGPT, Claude, WhatsApp, Telegram, SMS Backup & Restore, or JSON Lines
    ({"conversation", "speaker", "text", "timestamp", "id"?, "role"?} per line). All of it or nothing;
    importing it again adds only what is new."""
    with opened(ctx) as services:
        report = _with_progress(lambda progress: services.conversations.import_chat(path, format, me, tz, progress))
    if as_json:
        typer.echo(json.dumps(_as_json(report), ensure_ascii=False))
        return
    for line in summary_lines(report):
        typer.echo(line)


def _with_progress(run: Callable):
    """A progress bar on a terminal's stderr; nothing elsewhere (the summary says it all)."""
    if not sys.stderr.isatty():
        return run(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.monotonic()
    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TextColumn("turns {task.fields[rate]}"),
                  TimeRemainingColumn(), console=console(stderr=True), transient=True) as bar:
        task = bar.add_task("importing", total=None, rate="")

        def on_progress(p) -> None:
            rate = p.done / max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=p.done, total=p.total, rate=f"({p.added} new, {rate:.0f} turns/s)")

        return run(on_progress)


def summary_lines(report) -> list[str]:
    """What an import did, in a few lines: counts, where from, who spoke, what was left out."""
    speed = f", {report.added / max(report.seconds, 1e-6) * 60:.0f} turns/min" if report.added else ""
    lines = [f"imported {report.added} new {_plural(report.added, 'turn')} of {report.turns} in "
             f"{report.conversations} {_plural(report.conversations, 'conversation')} "
             f"({report.turns - report.added} already known; {report.seconds:.1f} s{speed})",
             f"from {safe(report.source)}: {report.format_title}"]
    names = ", ".join(f"{safe(name)} ({count})" for name, count in report.speakers[:SPEAKERS_SHOWN])
    more = f" and {len(report.speakers) - SPEAKERS_SHOWN} more" if len(report.speakers) > SPEAKERS_SHOWN else ""
    lines.append(f"speakers: {names}{more}")
    left = [f"skipped: {report.skipped} (system lines, deleted or empty messages)"] if report.skipped else []
    if report.media:
        left.append(f"media kept as placeholders: {report.media}")
    if report.shortened:
        left.append(f"very long messages shortened: {report.shortened}")
    if left:
        lines.append("; ".join(left))
    if report.roles_changed:
        lines.append(f"turns already stored whose role --me changed (now yours, or no longer): {report.roles_changed}")
    lines += [f"note: {safe(note)}" for note in report.notes]
    if report.undecided:
        lines.append("note: no speaker is marked as you: import it again with --me NAME to say which one you are "
                     "(your turns feed what second-me learns about you)")
    return lines


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


def _as_json(report) -> dict:
    return {"format": report.format, "source": report.source, "turns": report.turns, "added": report.added,
            "roles_changed": report.roles_changed,
            "conversations": report.conversations, "speakers": dict(report.speakers), "skipped": report.skipped,
            "media": report.media, "shortened": report.shortened, "notes": list(report.notes),
            "undecided": report.undecided, "seconds": round(report.seconds, 3)}


@conversations_app.command("list")
def list_conversations(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Conversations, most recently active first."""
    with opened(ctx) as services:
        listed = services.conversations.list()
    if as_json:
        typer.echo(json.dumps([{"name": c.name, "turns": c.turns, "created_at": c.created_at,
                                "updated_at": c.updated_at} for c in listed], ensure_ascii=False))
        return
    if not listed:
        typer.echo("no conversations")
    for c in listed:
        typer.echo(f"{minute(c.updated_at)}  {c.turns:>5} turns  {safe(c.name)}")


@conversations_app.command("show")
def show_conversation(ctx: typer.Context, name: str = typer.Argument(..., help="The conversation's name."),
                      as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Every turn of a conversation, in order."""
    with opened(ctx) as services:
        turns = services.conversations.turns(name)
    if as_json:
        typer.echo(json.dumps([{"speaker": t.speaker, "role": t.role, "text": t.text, "timestamp": t.timestamp,
                                "id": t.external_id, "memory_id": t.memory_id} for t in turns], ensure_ascii=False))
        return
    for t in turns:
        typer.echo(f"[{minute(t.timestamp)}] {safe(t.speaker)}: {safe(t.text)}")


@conversations_app.command("delete")
def delete_conversation(ctx: typer.Context, name: str = typer.Argument(..., help="The conversation's name.")):
    """Delete a conversation, its turns and what was learnt only from them."""
    with opened(ctx) as services:
        count = services.conversations.delete(name)
    typer.echo(f"deleted {safe(name)!r}: {count} turns")


SUB_APPS = [(import_app, "import"), (conversations_app, "conversations")]
