"""Conversations: `import chat FILE.jsonl` and `conversations list|show|delete`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from second_me.clock import minute
from second_me.commands.common import opened, safe

import_app = typer.Typer(help="Import memories from other tools.", no_args_is_help=True, rich_markup_mode=None)
conversations_app = typer.Typer(help="List, show and delete conversations.", no_args_is_help=True,
                                rich_markup_mode=None)


@import_app.command("chat")
def import_chat(ctx: typer.Context, path: Path = typer.Argument(..., help="A JSONL file, one turn per line.")):
    """Import a chat export: {"conversation", "speaker", "text", "timestamp", "id"?, "role"?} per line."""
    with opened(ctx) as services:
        report = services.conversations.import_chat(path)
    rate = report.added / max(report.seconds, 1e-6) * 60
    typer.echo(f"imported {report.added} new turns of {report.turns} in {report.conversations} conversations "
               f"({report.turns - report.added} already known; {report.seconds:.1f} s, {rate:.0f} turns/min)")


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
