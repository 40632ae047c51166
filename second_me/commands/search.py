"""Finding and answering: search, ask."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from second_me.commands.arguments import MAX_K, check_k
from second_me.commands.common import console, json_text, opened, safe, shown_name
from second_me.errors import InputRejected, NotFoundError, UsageError


def render_hits(hits, out) -> None:
    from rich.text import Text

    from second_me.domain import told_dates, utc_day

    if not hits:
        out.print("no matching memories")
        return
    for number, hit in enumerate(hits, start=1):
        date = utc_day(hit.memory.created_at)
        head = Text(f"{number}. ", style="bold")
        head.append(shown_name(hit.label()), style="cyan")
        head.append(f"  {hit.memory.kind} · {date} · score {hit.score:.4f}", style="dim")
        out.print(head)
        lines = [line for line in safe(hit.memory.text).splitlines() if line.strip()][:3]
        if hit.memory.about:
            out.print(Text("   about " + told_dates(hit.memory), style="dim"))
        if hit.neighbours:
            for turn in hit.neighbours:
                line = f"{turn.speaker}: {' '.join(turn.text.split())}"
                out.print(Text(("   > " if turn.is_hit else "     ") + safe(line)[:160],
                               style="" if turn.is_hit else "dim"))
            continue
        for line in lines:
            out.print(Text("   " + line[:160]))


def _options(k: int, kind: Optional[List[str]], since: Optional[str], until: Optional[str], path: Optional[str],
             person: Optional[str] = None, context: int = 0):
    from second_me.services import search_options

    return search_options(check_k(k), kind or [], since, until, path, person, context)


KIND_HELP = "Only this kind of memory (chunk, message, fact, summary, portrait); repeatable."
SINCE_HELP = "Only memories from this date on (2024, 2024-05, 2024-05-03 or ISO time)."
UNTIL_HELP = "Only memories up to this date, included (2024-05 includes all of May)."
PATH_HELP = "Only memories from files whose path contains this (or starts with it, if absolute)."
PERSON_HELP = "Only memories by or about this person (what they said, facts about them, words naming them)."
CONTEXT_HELP = "Show this many turns before and after each chat turn found."


def search(
    ctx: typer.Context,
    query: Optional[str] = typer.Argument(None, help="What to look for. Inline filters: dt>=2024-01-01 kind:fact path:notes/"),
    k: int = typer.Option(8, "-k", help=f"How many results (1 to {MAX_K})."),
    as_json: bool = typer.Option(False, "--json", help="Print the results as JSON."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", help=KIND_HELP),
    since: Optional[str] = typer.Option(None, "--since", help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, "--until", help=UNTIL_HELP),
    path: Optional[str] = typer.Option(None, "--path", help=PATH_HELP),
    person: Optional[str] = typer.Option(None, "--person", help=PERSON_HELP),
    context: int = typer.Option(0, "--context", help=CONTEXT_HELP),
    batch: Optional[Path] = typer.Option(None, "--batch", help="Read one query per line from FILE ('-' = stdin); "
                                         "write one JSON object per line."),
    now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time."),
):
    """Search memories (BM25 + vectors, fused; time words like "last week" are understood)."""
    if (query is None) == (batch is None):
        raise UsageError("give a QUERY or --batch FILE (not both)")
    options = _options(k, kind, since, until, path, person, context)
    lines = _batch_lines(batch) if batch is not None else None
    with opened(ctx, now) as services:
        if lines is not None:
            _run_batch(services, lines, options)
            return
        result = services.answering.search(query, options)
    if as_json:
        typer.echo(json_text({"query": query, "results": [hit.as_json() for hit in result.hits]}))
    else:
        render_hits(result.hits, console())


def _batch_lines(batch: Path) -> list[str]:
    try:
        if str(batch) == "-":
            return sys.stdin.buffer.read().decode("utf-8").splitlines()
        if batch.is_dir():
            raise InputRejected(f"{batch} is a folder: give a file with one query per line")
        if batch.exists() and not batch.is_file():  # a FIFO would wait for a writer for ever
            raise InputRejected(f"{batch} is not a regular file: give a file with one query per line, "
                                "or - to read them from standard input")
        return batch.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise NotFoundError(f"no such batch file: {batch}") from None
    except UnicodeDecodeError as exc:
        raise InputRejected(f"the batch {batch} is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise InputRejected(f"cannot read batch file {batch}: {exc.strerror or exc}") from None


def _run_batch(services, lines: list[str], options) -> None:
    """One JSON line per non-blank query line; a rejected query gets {"query", "error"} and the run goes on."""
    rejected = 0
    for line in lines:
        query = line.strip()
        if not query:
            continue
        try:
            result = services.answering.search(query, options)
            record = {"query": query, "results": [hit.as_json() for hit in result.hits]}
        except InputRejected as exc:
            rejected += 1
            record = {"query": query, "error": str(exc)}
        sys.stdout.write(json_text(record) + "\n")
    sys.stdout.flush()
    if rejected:
        raise InputRejected(f"{rejected} of the batch's queries were rejected (see their \"error\")")


def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="A question about what you wrote or said."),
    k: int = typer.Option(8, "-k", help=f"How many memories to consider (1 to {MAX_K})."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer and its sources as JSON."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", help=KIND_HELP),
    since: Optional[str] = typer.Option(None, "--since", help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, "--until", help=UNTIL_HELP),
    path: Optional[str] = typer.Option(None, "--path", help=PATH_HELP),
    person: Optional[str] = typer.Option(None, "--person", help=PERSON_HELP),
    now: Optional[str] = typer.Option(None, "--now", help="Pretend it is this ISO time."),
    conversation: Optional[str] = typer.Option(None, "--conversation",
                                               help="Store this exchange in this conversation (default: ask YYYY-MM-DD)."),
):
    """Answer from memory, citing sources — or say it does not know."""
    options = _options(k, kind, since, until, path, person)

    # A capable reader takes seconds over the quotes: a terminal is told so meanwhile, on a line the answer replaces.
    reading_shown = False

    def on_reading(quotes: str) -> None:
        nonlocal reading_shown
        if sys.stderr.isatty():
            sys.stderr.write("reading what memory says…")
            sys.stderr.flush()
            reading_shown = True

    def on_token(piece: str) -> None:
        nonlocal reading_shown
        if piece:
            if reading_shown:
                sys.stderr.write("\r\033[K")
                sys.stderr.flush()
                reading_shown = False
            sys.stdout.write(safe(piece))
            sys.stdout.flush()

    with opened(ctx, now) as services:
        conversation = conversation or "ask " + services.clock.now().strftime("%Y-%m-%d")
        try:
            answer = services.answering.ask(question, on_token=None if as_json else on_token, options=options,
                                            conversation=conversation, on_reading=None if as_json else on_reading)
        except KeyboardInterrupt:
            sys.stdout.write("\n")
            typer.echo("stopped.", err=True)
            raise typer.Exit(130)
    if as_json:
        typer.echo(json_text(answer.as_json()))
        return
    from second_me.services import evidence_entries, shown_quote

    sys.stdout.write("\n")
    out = console()
    if answer.asked_as:  # a follow-up ("and when?"), answered as the question it leans on made it
        out.print(f"\n(asked as: {safe(answer.asked_as)})", markup=False)
    unquoted = [(n, item) for n, _, item in evidence_entries(answer) if shown_quote(item) not in answer.text]
    if unquoted:  # a reader's answer: the sentences it stands on, quoted, with where they stand
        out.print("\nEvidence:", style="bold")
        for number, item in unquoted:
            out.print(f"  [{number}] “{safe(shown_quote(item))}” — {shown_name(item.source)}", markup=False)
    elif answer.citations:
        out.print("\nSources:", style="bold")
        for number, label in enumerate(answer.source_labels(), start=1):
            out.print(f"  [{number}] {shown_name(label)}", markup=False)


COMMANDS = [search, ask]
