"""Finding and answering: search, ask."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from second_me.commands.common import app_context, console, positive_k, safe


def render_hits(hits, out) -> None:
    from datetime import datetime, timezone

    from rich.text import Text

    if not hits:
        out.print("no matching memories")
        return
    for number, hit in enumerate(hits, start=1):
        date = datetime.fromtimestamp(hit.memory.created_at, timezone.utc).strftime("%Y-%m-%d")
        head = Text(f"{number}. ", style="bold")
        head.append(safe(hit.label()), style="cyan")
        head.append(f"  {hit.memory.kind} · {date} · score {hit.score:.4f}", style="dim")
        out.print(head)
        lines = [line for line in safe(hit.memory.text).splitlines() if line.strip()][:3]
        for line in lines:
            out.print(Text("   " + line[:160]))


def _kinds(kind: Optional[str]) -> tuple[str, ...]:
    """`--kind summary` includes the portrait, the top of the summary tree."""
    from second_me.domain import MEMORY_KINDS
    from second_me.errors import InputRejected

    if kind is None:
        return ()
    if kind not in MEMORY_KINDS:
        raise InputRejected(f"--kind must be one of {', '.join(MEMORY_KINDS)}, not {kind!r}")
    return ("summary", "portrait") if kind == "summary" else (kind,)


def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="What to look for."),
    k: int = typer.Option(8, "-k", help="How many results."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (DESIGN §6 shape)."),
    now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind: chunk, message, fact, summary, portrait."),
):
    """Search memories (BM25 + vectors, fused)."""
    from second_me.retrieval.hybrid import SearchOptions

    kinds = _kinds(kind)
    services = app_context(ctx).services(now)
    try:
        result = services.search(query, SearchOptions(k=positive_k(k), kinds=kinds))
    finally:
        services.close()
    if as_json:
        typer.echo(json.dumps({"query": query, "results": [hit.as_json() for hit in result.hits]}, ensure_ascii=False))
    else:
        render_hits(result.hits, console())


def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="A question about what you wrote or said."),
    k: int = typer.Option(8, "-k", help="How many memories to consider."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (DESIGN §6 shape)."),
    now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time."),
    conversation: Optional[str] = typer.Option(None, "--conversation",
                                               help="Store this exchange in this conversation (default: ask YYYY-MM-DD)."),
):
    """Answer from memory, citing sources — or say it does not know."""
    services = app_context(ctx).services(now)

    def on_token(piece: str) -> None:
        sys.stdout.write(safe(piece))
        sys.stdout.flush()

    try:
        name = conversation or "ask " + services.clock.now().strftime("%Y-%m-%d")
        answer = services.ask(question, k=positive_k(k), on_token=None if as_json else on_token,
                              conversation=name)
    except KeyboardInterrupt:
        sys.stdout.write("\n")
        typer.echo("stopped.", err=True)
        raise typer.Exit(130)
    finally:
        services.close()
    if as_json:
        typer.echo(json.dumps(answer.as_json(), ensure_ascii=False))
        return
    sys.stdout.write("\n")
    if answer.citations:
        out = console()
        out.print("\nSources:", style="bold")
        for number, hit in enumerate(answer.citations, start=1):
            out.print(f"  [{number}] {safe(hit.label())}", markup=False)


COMMANDS = [search, ask]
