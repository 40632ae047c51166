"""The `second-me` command line: the app, its global options, and one-line errors.

Commands live in `second_me.commands.*` (one module per area) and are registered here;
`chat` (and `second-me` alone) opens the terminal app (`second_me.tui`).
Heavy libraries (llama_cpp, textual, watchdog) are imported only by the commands that
need them, so `second-me --help` starts fast.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer

from second_me.commands import (conversations, doctor, eval as eval_cmd, export, index, memory, models, safety, search,
                                summarize, watch)
from second_me.commands.common import AppContext, app_context
from second_me.errors import SecondMeError
from second_me.safe_text import show_name

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="second-me: a personal memory that lives entirely on your machine.",
    rich_markup_mode=None,
)


@app.command()
def chat(ctx: typer.Context,
         conversation: Optional[str] = typer.Option(None, "--conversation", help="Resume this conversation (id or name).")):
    """Open the terminal app: chat with your memory, see sources, curate what it remembers."""
    from second_me.tui.app import run

    run(app_context(ctx).services, conversation)


for module in (index, search, doctor, watch, summarize, export, eval_cmd, safety):
    for command in module.COMMANDS:
        app.command()(command)
app.add_typer(watch.app, name="watch")
for name, sub_app in safety.SUB_APPS.items():
    app.add_typer(sub_app, name=name)
for module in (conversations, memory, models):
    for sub_app, name in module.SUB_APPS:
        app.add_typer(sub_app, name=name)


@app.callback()
def _global(
    ctx: typer.Context,
    home: Optional[str] = typer.Option(None, "--home", envvar="SECOND_ME_HOME", help="Home folder of this memory."),
    verbose: bool = typer.Option(False, "--verbose", help="Show full tracebacks on errors."),
):
    base = ctx.obj if isinstance(ctx.obj, AppContext) else AppContext()
    ctx.obj = AppContext(home=home or base.home, verbose=verbose, open_services=base.open_services)
    if ctx.invoked_subcommand is None:  # `second-me` alone opens the app
        ctx.invoke(chat, ctx, conversation=None)


def main(argv: Optional[list[str]] = None, obj: Optional[AppContext] = None) -> None:
    """Run the CLI; every error becomes one line and an exit code (errors.py)."""
    click = _click_exceptions()
    args = sys.argv[1:] if argv is None else argv
    verbose = "--verbose" in args
    for arg in args:
        if not _valid_utf8(arg):
            _fail(f"the argument {arg} is not valid UTF-8: second-me reads and stores text (and "
                  "file names) as UTF-8; rename the file or retype the text", 3, verbose=False, exact=True)
        if "\x00" in arg:  # no shell passes one; a caller in Python could
            _fail(f"the argument {arg} holds a NUL character", 3, verbose=False, exact=True)
    try:
        code = app(args=args, prog_name="second-me", standalone_mode=False, obj=obj or AppContext())
        # Without standalone mode, click returns the code of a `raise typer.Exit(n)`.
        if isinstance(code, int) and code:
            sys.exit(code)
    except SecondMeError as exc:
        _fail(str(exc), exc.exit_code, verbose, exact=True)
    except click.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        _fail(exc.format_message(), 1, verbose=False, prefix="usage error")
    except click.ClickException as exc:
        _fail(exc.format_message(), 1, verbose)
    except (KeyboardInterrupt, *click.Abort):
        _fail("interrupted", 130, verbose=False)
    except Exception as exc:  # a bug: still one line, with the traceback on --verbose
        _fail(f"unexpected {type(exc).__name__}: {exc} (run with --verbose for details)", 1, verbose)


class _ClickErrors:
    """Click's exception classes, from typer's vendored copy and from click itself (whichever raise)."""

    def __init__(self, modules):
        for name in ("Exit", "UsageError", "ClickException", "Abort"):
            setattr(self, name, tuple({getattr(m, name) for m in modules if hasattr(m, name)}))


def _click_exceptions() -> _ClickErrors:
    import click.exceptions

    import typer

    modules = [click.exceptions, typer]  # typer.Exit, typer.Abort
    try:  # newer typer raises its own vendored click's exceptions
        from typer._click import exceptions as vendored

        modules.append(vendored)
    except ImportError:
        pass
    return _ClickErrors(modules)


def _valid_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # an undecodable byte, as Python keeps it from the command line
        return False
    return True


def _fail(message: str, code: int, verbose: bool, prefix: str = "error", exact: bool = False) -> None:
    """One line on stderr. `exact`: second-me's own message, shown whole, with the names in it
    escaped (a newline in a file name must not end the line); others are cut at their first line."""
    if verbose:
        import traceback

        traceback.print_exc()
    from second_me.safe_text import strip_control

    # Paths and file text in messages must not drive the terminal either.
    line = show_name(message.strip()) if exact else (strip_control(message).strip().splitlines() or [""])[0]
    print(f"{prefix}: {line or prefix}", file=sys.stderr)
    sys.exit(code)
