"""`doctor --check` / `doctor --repair`: output of the store's consistency checks."""

from __future__ import annotations

import json

import typer

from second_me.commands.common import opened


def check_or_repair(ctx: typer.Context, repair: bool, as_json: bool) -> None:
    """Exit 0 when the store is (now) consistent, 5 when problems remain."""
    with opened(ctx) as services:
        before = services.safety.check()
        actions = services.safety.repair().actions if repair and not before.ok else []
        after = services.safety.check() if actions else before
    if as_json:
        out = after.as_json()
        if repair:
            out["repaired"] = actions
            out["problems_before"] = before.as_json()["problems"]
        typer.echo(json.dumps(out, indent=2))
    else:
        for action in actions:
            typer.echo(f"repaired: {action}")
        for problem in after.problems:
            typer.echo(f"problem: {problem.detail}")
        if after.ok:
            typer.echo(f"ok: integrity check passed; {after.memories} memories, {after.fts_rows} full-text rows, "
                       f"{after.vectors} vectors, all in step")
        elif not repair:
            typer.echo("run `second-me doctor --repair` to rebuild the derived indexes")
    if not after.ok:
        raise typer.Exit(5)
