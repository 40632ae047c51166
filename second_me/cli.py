"""The `second-me` command line: the app, its global options, and one-line errors.

Commands live in `second_me.commands.*` (one module per area) and are registered here.
Heavy libraries (llama_cpp, textual, watchdog) are imported only by the commands that
need them, so `second-me --help` starts fast.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer

from second_me.commands import chat, doctor, index, search, watch
from second_me.commands.common import AppContext
from second_me.errors import SecondMeError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="second-me: a personal memory that lives entirely on your machine.",
    rich_markup_mode=None,
)

for module in (chat, index, search, doctor, watch):
    for command in module.COMMANDS:
        app.command()(command)
app.add_typer(watch.app, name="watch")


@app.callback()
def _global(
    ctx: typer.Context,
    home: Optional[str] = typer.Option(None, "--home", envvar="SECOND_ME_HOME", help="Home folder of this memory."),
    verbose: bool = typer.Option(False, "--verbose", help="Show full tracebacks on errors."),
):
    base = ctx.obj if isinstance(ctx.obj, AppContext) else AppContext()
    ctx.obj = AppContext(home=home or base.home, verbose=verbose, open_services=base.open_services)
    if ctx.invoked_subcommand is None:  # `second-me` alone opens the app
        ctx.invoke(chat.chat, ctx, conversation=None)


def main(argv: Optional[list[str]] = None, obj: Optional[AppContext] = None) -> None:
    """Run the CLI; every error becomes one line and an exit code (DESIGN §6)."""
    import click

    args = sys.argv[1:] if argv is None else argv
    verbose = "--verbose" in args
    try:
        app(args=args, prog_name="second-me", standalone_mode=False, obj=obj or AppContext())
    except SecondMeError as exc:
        _fail(str(exc), exc.exit_code, verbose)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.UsageError as exc:
        _fail(exc.format_message(), 1, verbose=False, prefix="usage error")
    except click.exceptions.ClickException as exc:
        _fail(exc.format_message(), 1, verbose)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _fail("interrupted", 130, verbose=False)
    except Exception as exc:  # a bug: still one line, with the traceback on --verbose
        _fail(f"unexpected {type(exc).__name__}: {exc} (run with --verbose for details)", 1, verbose)


def _fail(message: str, code: int, verbose: bool, prefix: str = "error") -> None:
    if verbose:
        import traceback

        traceback.print_exc()
    first_line = message.strip().splitlines()[0] if message.strip() else prefix
    print(f"{prefix}: {first_line}", file=sys.stderr)
    sys.exit(code)
