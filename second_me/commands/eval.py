"""The built-in memory benchmark: second-me eval."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from second_me.commands.common import app_context, console
from second_me.errors import InputRejected


def eval_(
    ctx: typer.Context,
    dataset: Optional[Path] = typer.Option(None, "--dataset", help="A benchmark JSONL file, or a built-in one: "
                                           "memory-benchmark (the default), noor, doug, friends, everyday, dates, "
                                           "siblings, flatmates, couple, wanjiru, colleagues, penpals, halvor, "
                                           "neighbours, cousins, bandmates, marisol, classmates or teacher."),
    json_out: Optional[Path] = typer.Option(None, "--json-out", help="Also write the full report as JSON here."),
    answers: bool = typer.Option(True, "--answers/--no-answers", help="Also answer each question with the chat model."),
    chat_model: Optional[str] = typer.Option(None, "--chat-model", help="GGUF chat model to answer with."),
    embed_model: Optional[str] = typer.Option(None, "--embed-model", help="GGUF embedding model to search with."),
    model_facts: bool = typer.Option(False, "--model-facts", help="Learn facts with the chat model too (slow); "
                                     "by default by rule only."),
):
    """Measure retrieval and answers on a benchmark (your memory is not touched)."""
    from dataclasses import replace

    from second_me.eval.dataset import load_dataset
    from second_me.eval.runner import render, run
    from second_me.services.safety import output_file

    app = app_context(ctx)
    if json_out is not None:  # checked before a run of minutes, not after it
        json_out = output_file(json_out, "the --json-out report")
    if dataset is not None and dataset.exists() and not dataset.is_file():
        raise InputRejected(f"--dataset {dataset} is not a regular file: give a benchmark JSONL file")
    data = load_dataset(dataset)
    settings = app.settings()
    settings = replace(settings, chat_model=chat_model or settings.chat_model,
                       embed_model=embed_model or settings.embed_model)
    err = console(stderr=True)

    def open_services(eval_settings, clock):
        if app.open_services is not None:
            return app.open_services(eval_settings, clock)
        from second_me.services import Services

        return Services.open(eval_settings, clock)

    with err.status("running the benchmark") as status:
        def progress(stage: str, done: int, total: int) -> None:
            status.update(f"{stage}: {done}/{total}")

        report = run(data, settings, open_services, answers=answers, progress=progress, model_facts=model_facts)
    typer.echo(render(report))
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


eval_.__name__ = "eval"
COMMANDS = [eval_]
