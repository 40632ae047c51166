"""summarize: background memory work on demand (facts, summaries, portrait) under a budget."""

from __future__ import annotations

from typing import Optional

import typer

from second_me.commands.arguments import MAX_BUDGET_S, check_seconds
from second_me.commands.common import opened


def summarize(ctx: typer.Context,
              budget: float = typer.Option(60.0, "--budget",
                                           help=f"Stop after about this many seconds (at most {MAX_BUDGET_S:g})."),
              now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time.")):
    """Learn facts from new conversation turns, then rebuild dirty summaries and the portrait."""
    check_seconds(budget, "--budget")
    with opened(ctx, now) as services:
        facts, summaries = services.memory.summarize(budget, on_wait=lambda pid: typer.echo(
            f"waiting for the background memory work (pid {pid or '?'}) to finish its round…", err=True))
    typer.echo(f"facts: {facts.facts_added} learnt from {facts.turns_read} turns, {facts.superseded} superseded"
               + (f", {facts.pending} turns left" if facts.pending else ""))
    typer.echo(f"summaries: {summaries.built} rebuilt, {summaries.removed} removed"
               + (f", {summaries.dirty_left} still dirty (run again or raise --budget)" if summaries.dirty_left else ""))


COMMANDS = [summarize]
