"""The `second-me` command line: parses arguments, calls Services, renders results.

Heavy libraries (llama_cpp, textual, watchdog) are imported only by the commands that
need them, so `second-me --help` starts fast.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional

import typer

from second_me.errors import InputRejected, SecondMeError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="second-me: a personal memory that lives entirely on your machine.",
    rich_markup_mode=None,
)


@dataclass
class AppContext:
    """What every command needs; tests pass their own `open_services` (fake models)."""

    home: Optional[str] = None
    verbose: bool = False
    open_services: Optional[Callable] = None

    def settings(self):
        from second_me.config import load_settings

        return load_settings(self.home)

    def services(self, now: Optional[str] = None):
        from second_me.clock import clock_from_option
        from second_me.services import Services

        settings = self.settings()
        clock = clock_from_option(now)
        if self.open_services is not None:
            return self.open_services(settings, clock)
        return Services.open(settings, clock)


def _ctx(ctx: typer.Context) -> AppContext:
    return ctx.obj


@app.callback()
def _global(
    ctx: typer.Context,
    home: Optional[str] = typer.Option(None, "--home", envvar="SECOND_ME_HOME", help="Home folder of this memory."),
    verbose: bool = typer.Option(False, "--verbose", help="Show full tracebacks on errors."),
):
    base = ctx.obj if isinstance(ctx.obj, AppContext) else AppContext()
    ctx.obj = AppContext(home=home or base.home, verbose=verbose, open_services=base.open_services)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _safe(text: str) -> str:
    """Text from memory or a model, made harmless for the terminal."""
    from second_me.ingest.text import strip_control

    return strip_control(text)


def _check_k(k: int) -> int:
    if k <= 0:
        raise InputRejected(f"-k must be a positive number, not {k}")
    return k


# ---- add ---------------------------------------------------------------------------------


@app.command()
def add(ctx: typer.Context, paths: List[Path] = typer.Argument(..., help="Files or folders to index.")):
    """Index files and folders now, with a progress bar. Idempotent."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    services = _ctx(ctx).services()
    err = _console(stderr=True)
    started = time.monotonic()
    try:
        with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                      TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[chunks]} chunks"),
                      TimeRemainingColumn(), console=err, transient=True) as bar:
            task = bar.add_task("index", total=None, rate="", chunks=0)

            def on_progress(p):
                elapsed = max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=p.done, total=p.total, chunks=p.chunks, rate=f"{p.done / elapsed:.1f} files/s")

            def on_wait(pid):
                err.print(f"another indexer (pid {pid}) is running: handed the files to it, waiting…")

            report = services.add(paths, progress=on_progress, on_wait=on_wait)
    finally:
        services.close()
    elapsed = time.monotonic() - started
    typer.echo(f"indexed {report.files} files: {report.chunks} chunks, {report.skipped} skipped, "
               f"{report.errors} errors, {report.removed} removed chunks ({elapsed:.1f} s)")
    for message in report.error_messages[:20]:
        typer.echo(f"  error: {_safe(message)}", err=True)
    if report.errors and not report.files:
        raise typer.Exit(3)


# ---- search ------------------------------------------------------------------------------


def _render_hits(hits, console) -> None:
    from datetime import datetime, timezone

    from rich.text import Text

    if not hits:
        console.print("no matching memories")
        return
    for number, hit in enumerate(hits, start=1):
        date = datetime.fromtimestamp(hit.memory.created_at, timezone.utc).strftime("%Y-%m-%d")
        head = Text(f"{number}. ", style="bold")
        head.append(_safe(hit.label()), style="cyan")
        head.append(f"  {hit.memory.kind} · {date} · score {hit.score:.4f}", style="dim")
        console.print(head)
        lines = [line for line in _safe(hit.memory.text).splitlines() if line.strip()][:3]
        for line in lines:
            console.print(Text("   " + line[:160]))


@app.command()
def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="What to look for."),
    k: int = typer.Option(8, "-k", help="How many results."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (DESIGN §6 shape)."),
    now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time."),
):
    """Search memories (BM25 + vectors, fused)."""
    from second_me.retrieval.hybrid import SearchOptions

    services = _ctx(ctx).services(now)
    try:
        result = services.search(query, SearchOptions(k=_check_k(k)))
    finally:
        services.close()
    if as_json:
        typer.echo(json.dumps({"query": query, "results": [hit.as_json() for hit in result.hits]}, ensure_ascii=False))
    else:
        _render_hits(result.hits, _console())


# ---- ask ---------------------------------------------------------------------------------


@app.command()
def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="A question about what you wrote or said."),
    k: int = typer.Option(8, "-k", help="How many memories to consider."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (DESIGN §6 shape)."),
    now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time."),
):
    """Answer from memory, citing sources — or say it does not know."""
    services = _ctx(ctx).services(now)
    console = _console()

    def on_token(piece: str) -> None:
        sys.stdout.write(_safe(piece))
        sys.stdout.flush()

    try:
        answer = services.ask(question, k=_check_k(k), on_token=None if as_json else on_token)
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
        console.print("\nSources:", style="bold")
        for number, hit in enumerate(answer.citations, start=1):
            console.print(f"  [{number}] {_safe(hit.label())}", markup=False)


# ---- doctor ------------------------------------------------------------------------------


@app.command()
def doctor(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """What runs where: versions, paths, models, offload, KV cache, encryption, counts."""
    services = _ctx(ctx).services()
    try:
        info = services.doctor()
    finally:
        services.close()
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    console = _console()
    v = info["versions"]
    rows = [
        ("versions", ", ".join(f"{name} {value}" for name, value in v.items())),
        ("home", info["home"]),
        ("database", f"{info['database']['path']} ({info['database']['size_mb']} MB)"),
    ]
    for role in ("chat", "embed"):
        model = info["models"][role]
        rows.append((f"{role} model", model.get("error") or f"{model['path']} ({model['size_mb']} MB"
                     + (", built-in default)" if model.get("default") else ")")))
    offload = info["offload"]
    rows.append(("offload", f"n_gpu_layers={offload['n_gpu_layers']}: {offload['reason']}"))
    weights = info["weights"]
    rows.append(("weights", f"mmap={'on' if weights['use_mmap'] else 'off'}, mlock={'on' if weights['use_mlock'] else 'off'}"))
    kv = info["kv_cache"]
    rows.append(("kv cache", f"K={kv['type_k']}, V={kv['type_v']}, flash attention {'on' if kv['flash_attn'] else 'off'}"))
    enc = info["encryption"]
    rows.append(("encryption", ("on" if enc["enabled"] else "OFF") + f" (key: {enc['key_source']}; keyring: {enc['keyring']})"))
    counts = info["counts"]
    rows.append(("memories", ", ".join(f"{name} {value}" for name, value in counts.items())))
    for name, value in rows:
        console.print(f"{name:>12}  {value}", markup=False)


# ---- reembed -----------------------------------------------------------------------------


@app.command()
def reembed(ctx: typer.Context):
    """Re-embed every memory with the configured embedding model (after changing embed_model)."""
    services = _ctx(ctx).services()
    try:
        count = services.reembed()
    finally:
        services.close()
    typer.echo(f"re-embedded {count} memories with {services.embedder.model_id}")


# ---- entry point -------------------------------------------------------------------------


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
