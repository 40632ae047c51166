"""`memory list|show|pin|unpin|forget|restore|prune`: looking after what is remembered."""

from __future__ import annotations

import json
from typing import Optional

import typer

from second_me.clock import minute
from second_me.commands.arguments import SQLITE_INT_MAX, check_id, check_limit
from second_me.commands.common import json_text, opened, safe, shown_name
from second_me.domain import MEMORY_KINDS, told_dates
from second_me.errors import InputRejected

memory_app = typer.Typer(help="List, inspect, pin, forget, restore and prune memories.", no_args_is_help=True,
                         rich_markup_mode=None)
NOW_HELP = "Pretend it is this ISO time."
ID_HELP = f"A memory id (1 to {SQLITE_INT_MAX}), as `memory list` shows it."


def _view_json(view) -> dict:
    m = view.memory
    return {"id": m.id, "kind": m.kind, "text": m.text, "state": m.state, "pinned": m.pinned,
            "created_at": m.created_at, "last_recalled_at": m.last_recalled_at, "strength": round(m.strength, 4),
            "recall_count": m.recall_count, "retention": round(view.retention, 4),
            "superseded_by": m.superseded_by, "valid_from": m.valid_from, "valid_to": m.valid_to,
            "source": view.origin.as_json() if view.origin is not None else None,
            "speaker": m.speaker, "about": told_dates(m) or None}


def _line(view) -> str:
    m = view.memory
    flags = ("📌 " if m.pinned else "") + ("(superseded) " if m.superseded_by else "")
    text = " ".join(safe(m.text).split())[:100]
    return f"{m.id:>6}  {m.kind:<8} {minute(m.created_at)}  R={view.retention:.2f}  {flags}{text}"


@memory_app.command("list")
def list_memories(ctx: typer.Context,
                  forgotten: bool = typer.Option(False, "--forgotten", help="List the forgotten tier instead."),
                  kind: Optional[str] = typer.Option(None, "--kind", help=f"One of {', '.join(MEMORY_KINDS)}."),
                  limit: int = typer.Option(50, "--limit", "-n", help="At most this many (1 or more)."),
                  as_json: bool = typer.Option(False, "--json", help="Print JSON."),
                  now: Optional[str] = typer.Option(None, "--now", help=NOW_HELP)):
    """Memories, newest first (or the forgotten ones, most recently forgotten first)."""
    if kind is not None and kind not in MEMORY_KINDS:
        raise InputRejected(f"--kind must be one of {', '.join(MEMORY_KINDS)}, not {kind!r}")
    check_limit(limit)
    with opened(ctx, now) as services:
        views = services.memory.list(forgotten, kind, limit)
    if as_json:
        typer.echo(json_text([_view_json(v) for v in views]))
        return
    if not views:
        typer.echo("no forgotten memories" if forgotten else "no memories")
    for view in views:
        typer.echo(_line(view))


@memory_app.command("show")
def show_memory(ctx: typer.Context, memory_id: int = typer.Argument(..., metavar="ID", help=ID_HELP),
                as_json: bool = typer.Option(False, "--json", help="Print JSON."),
                now: Optional[str] = typer.Option(None, "--now", help=NOW_HELP)):
    """A memory with its source, retention and history. Opening a memory counts as recalling it."""
    check_id(memory_id)
    with opened(ctx, now) as services:
        detail = services.memory.open(memory_id)
    if as_json:
        out = _view_json(detail.view)
        out.update(events=[e.as_json() for e in detail.events], summaries=list(detail.summaries),
                   children=list(detail.children), linked_turns=list(detail.linked_turns))
        typer.echo(json_text(out))
        return
    m = detail.view.memory
    typer.echo(f"memory {m.id} · {m.kind} · {m.state}{' · pinned' if m.pinned else ''}")
    if detail.view.origin is not None:
        typer.echo(f"source: {shown_name(detail.view.origin.label())}")
    typer.echo(f"created {minute(m.created_at)} · strength {m.strength:.1f} days · recalled {m.recall_count}× · "
               f"retention {detail.view.retention:.3f}")
    if m.valid_from is not None or m.superseded_by is not None:
        until = minute(m.valid_to) if m.valid_to else "now"
        typer.echo(f"valid {minute(m.valid_from or m.created_at)} → {until}"
                   + (f" · superseded by {m.superseded_by}" if m.superseded_by else ""))
    if m.about:  # "yesterday" in a message, read against when it was sent
        typer.echo(f"tells of: {told_dates(m)}")
    for label, ids in (("summarised in", detail.summaries), ("summarises", detail.children),
                       ("learnt from", detail.linked_turns)):
        if ids:
            typer.echo(f"{label}: " + ", ".join(str(i) for i in ids))
    typer.echo("")
    typer.echo(safe(m.text))
    if detail.events:
        typer.echo("\nhistory:")
        for e in detail.events:
            typer.echo(f"  {minute(e.at)}  {e.action:<9} {safe(e.reason or '')}")


def _change(action: str):
    def command(ctx: typer.Context, memory_id: int = typer.Argument(..., metavar="ID", help=ID_HELP),
                now: Optional[str] = typer.Option(None, "--now", help=NOW_HELP)):
        check_id(memory_id)
        with opened(ctx, now) as services:
            memory = getattr(services.memory, action)(memory_id)
        typer.echo(f"memory {memory.id}: {memory.state}{', pinned' if memory.pinned else ''}")

    command.__doc__ = {
        "pin": "Pin a memory: it never decays or gets pruned.",
        "unpin": "Unpin a memory: it decays again like any other.",
        "forget": "Move a memory to the forgotten tier (out of search; `memory restore` brings it back).",
        "restore": "Bring a forgotten memory back into search.",
    }[action]
    return command


for _action in ("pin", "unpin", "forget", "restore"):
    memory_app.command(_action)(_change(_action))


@memory_app.command("prune")
def prune(ctx: typer.Context,
          dry_run: bool = typer.Option(False, "--dry-run", help="Only show what would be forgotten."),
          as_json: bool = typer.Option(False, "--json", help="Print JSON."),
          now: Optional[str] = typer.Option(None, "--now", help=NOW_HELP)):
    """Move faded memories (below the threshold, unpinned, covered by a summary) to the forgotten tier."""
    with opened(ctx, now) as services:
        pruned = services.memory.prune(dry_run)
    if as_json:
        typer.echo(json.dumps({"dry_run": dry_run, "memories": [
            {"id": c.memory.id, "kind": c.memory.kind, "retention": round(c.retention, 4),
             "summary_id": c.summary_id} for c in pruned]}))
        return
    verb = "would forget" if dry_run else "forgot"
    typer.echo(f"{verb} {len(pruned)} memories" + ("" if dry_run or not pruned else
                                                   " (bring one back with `second-me memory restore ID`)"))
    for c in pruned:
        text = " ".join(safe(c.memory.text).split())[:80]
        typer.echo(f"{c.memory.id:>6}  {c.memory.kind:<8} R={c.retention:.3f}  summary {c.summary_id}  {text}")


SUB_APPS = [(memory_app, "memory")]
