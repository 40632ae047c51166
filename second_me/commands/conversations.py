"""Conversations: `import chat FILE.jsonl` and `conversations list|show|delete`."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import typer

from second_me.commands.common import app_context, safe

import_app = typer.Typer(help="Import memories from other tools.", no_args_is_help=True, rich_markup_mode=None)
conversations_app = typer.Typer(help="List, show and delete conversations.", no_args_is_help=True,
                                rich_markup_mode=None)


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d %H:%M")


@import_app.command("chat")
def import_chat(ctx: typer.Context, path: Path = typer.Argument(..., help="A JSONL file, one turn per line.")):
    """Import a chat export: {"conversation", "speaker", "text", "timestamp", "id"?, "role"?} per line."""
    services = app_context(ctx).services()
    try:
        report = services.conversations.import_chat(path)
    finally:
        services.close()
    rate = report.added / max(report.seconds, 1e-6) * 60
    typer.echo(f"imported {report.added} new turns of {report.turns} in {report.conversations} conversations "
               f"({report.turns - report.added} already known; {report.seconds:.1f} s, {rate:.0f} turns/min)")


@conversations_app.command("list")
def list_conversations(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Conversations, most recently active first."""
    services = app_context(ctx).services()
    try:
        listed = services.conversations.list()
    finally:
        services.close()
    if as_json:
        typer.echo(json.dumps([{"name": c.name, "turns": c.turns, "created_at": c.created_at,
                                "updated_at": c.updated_at} for c in listed], ensure_ascii=False))
        return
    if not listed:
        typer.echo("no conversations")
    for c in listed:
        typer.echo(f"{_when(c.updated_at)}  {c.turns:>5} turns  {safe(c.name)}")


@conversations_app.command("show")
def show_conversation(ctx: typer.Context, name: str = typer.Argument(..., help="The conversation's name."),
                      as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Every turn of a conversation, in order."""
    services = app_context(ctx).services()
    try:
        turns = services.conversations.turns(name)
    finally:
        services.close()
    if as_json:
        typer.echo(json.dumps([{"speaker": t.speaker, "role": t.role, "text": t.text, "timestamp": t.timestamp,
                                "id": t.external_id, "memory_id": t.memory_id} for t in turns], ensure_ascii=False))
        return
    for t in turns:
        typer.echo(f"[{_when(t.timestamp)}] {safe(t.speaker)}: {safe(t.text)}")


@conversations_app.command("delete")
def delete_conversation(ctx: typer.Context, name: str = typer.Argument(..., help="The conversation's name.")):
    """Delete a conversation, its turns and what was learnt only from them."""
    services = app_context(ctx).services()
    try:
        count = services.conversations.delete(name)
    finally:
        services.close()
    typer.echo(f"deleted {safe(name)!r}: {count} turns")


SUB_APPS = [(import_app, "import"), (conversations_app, "conversations")]
