"""`models`: the chat and embedding models second-me can use, and `models use` to pick the one that answers."""

from __future__ import annotations

import json
import os

import typer

from second_me.commands.common import app_context, console, safe

models_app = typer.Typer(help="Models second-me can use: built-in, the reader extra, and GGUF files on this machine.",
                         invoke_without_command=True, rich_markup_mode=None)


@models_app.callback()
def models(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """List every chat and embedding model second-me can use (read from file headers; nothing is loaded)."""
    if ctx.invoked_subcommand is not None:
        return
    from second_me.services.models import model_catalog

    catalog = model_catalog(app_context(ctx).settings())
    if as_json:
        typer.echo(json.dumps({"models": [e.as_dict() for e in catalog.entries], "problems": catalog.problems},
                              indent=2))
        return
    out = console()
    for role, title in (("chat", "chat models"), ("embed", "embedding models")):
        entries = [e for e in catalog.entries if e.role == role]
        if not entries:
            continue
        out.print(title, markup=False)
        width = max(len(e.name) for e in entries)
        for entry in entries:
            out.print(_row(entry, width), markup=False)
    for problem in catalog.problems:
        out.print(f"warning: {safe(problem)}", markup=False)
    out.print("pick the model that answers: second-me models use NAME|PATH", markup=False)


def _size(size: int) -> str:
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{round(size / 1e6)} MB"


def _row(entry, width: int) -> str:
    from second_me.services.models import parameters_text

    mark = "*" if entry.in_use else " "
    head = f"  {mark} {safe(entry.name):<{width}}  {entry.source:<12}"
    if entry.error:
        return f"{head}  unusable: {safe(entry.error)}"
    facts = [entry.architecture or "?", parameters_text(entry.parameters), entry.quantisation or "?",
             f"ctx {entry.context_length or '?'}", _size(entry.size)]
    row = f"{head}  " + "  ".join(facts)
    if not entry.installed:
        row += f"  not installed: {entry.note}"
    elif entry.in_use:
        row += "  (in use)"
    return row


@models_app.command("use")
def models_use(ctx: typer.Context,
               target: str = typer.Argument(..., metavar="NAME|PATH",
                                            help="builtin, reader, a name `second-me models` lists, or a GGUF path.")):
    """Make NAME (or the GGUF file at PATH) the model that answers: writes chat_model to config.toml."""
    from second_me.services.models import use_chat_model

    name, value, path = use_chat_model(app_context(ctx).settings(), target)
    typer.echo(f"answers now come from {safe(name)} (chat_model = {safe(value)} in {path})")
    if os.environ.get("SECOND_ME_CHAT_MODEL"):
        typer.echo("note: SECOND_ME_CHAT_MODEL is set in the environment and takes precedence over config.toml",
                   err=True)


SUB_APPS = [(models_app, "models")]
