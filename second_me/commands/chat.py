"""chat: open the terminal app (also what `second-me` with no command does)."""

from __future__ import annotations

from typing import Optional

import typer

from second_me.commands.common import app_context


def chat(ctx: typer.Context,
         conversation: Optional[str] = typer.Option(None, "--conversation", help="Resume this conversation (id or name).")):
    """Open the terminal app: chat with your memory, see sources, curate what it remembers."""
    from second_me.tui.app import run

    context = app_context(ctx)
    run(context.services, conversation)


COMMANDS = [chat]
