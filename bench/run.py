"""Run every benchmark, print a table, write bench/results/latest.json.

    python -m bench --quick     # ≤ 5 minutes on 2 cores: search at 10k and 100k
    python -m bench --full      # adds 1M memories and more repetitions
    python -m bench --smoke     # every section at tiny sizes (≤ 90 s): do they all still run?

A section that fails is named with its reason on one line, the others still run, and the
exit code is 1; so is a section that ends without the figures it exists for.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import sys
import time
import traceback
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"

# figure -> (goal, direction): "min" means the value must be at least the goal, "max" at most.
GOALS = {
    "chat_ratio": (0.95, "min"),
    "ask_overhead_ms": (150, "max"),
    "ingest_ratio": (0.90, "min"),
    "chat_import_ratio": (0.90, "min"),
    "chat_import_peak_rss_mb": (400, "max"),
    "chat_reimport_seconds": (5.0, "max"),
    "kv_q8_bytes_ratio": (0.55, "max"),
    "kv_q4_bytes_ratio": (0.30, "max"),
    "kv_q8_top1": (0.98, "min"),
    "kv_q4_top1": (None, None),
    "mmap_load_ratio": (None, None),
    "mmap_rss_mb": (None, None),
    "nommap_rss_mb": (None, None),
    "memlimit_mmap_answered": (True, "eq"),
    "search_p95_ms_10k": (None, None),
    "search_p95_ms_100k": (30, "max"),
    "search_p95_ms_1m": (150, "max"),
    "search_recall10_vs_exact": (0.95, "min"),
    "db_mb_per_100k": (150, "max"),
    "cli_help_s": (0.3, "max"),
    "tui_first_paint_s": (1.5, "max"),
    "gpu_offload_used": (None, None),
    "secret_scan_ms_per_mb": (150, "max"),
    "secret_scan_vs_chunking": (None, None),
    "reindex_unchanged_10k_s": (10, "max"),
}

# What each section exists to measure: a run that ends without these figures is an error.
REQUIRED = {
    "offload": ("gpu_offload_used",),
    "startup": ("cli_help_s", "tui_first_paint_s"),
    "chat": ("chat_ratio",),
    "kv": ("kv_q8_top1", "kv_q8_bytes_ratio"),
    "mmap": ("mmap_load_ratio",),
    "memlimit": ("memlimit",),
    "ingest": ("ingest_ratio",),
    "chat_import": ("chat_import_ratio",),
    "search": ("search_recall10_vs_exact", "db_mb_per_100k"),
    "secrets": ("secret_scan_ms_per_mb",),
    "reader": (),  # skipped, with its reason, when the reader extra is not installed
}


def _section(name: str, fn, out: dict, errors: dict) -> None:
    started = time.perf_counter()
    print(f"· {name} …", file=sys.stderr, flush=True)
    try:
        figures = fn()
        out.update(figures)
        # Not a number is no figure: a ratio of NaN rates once hid a chat section measuring nothing.
        missing = [figure for figure in REQUIRED.get(name, ()) if figures.get(figure) is None
                   or (isinstance(figures[figure], float) and math.isnan(figures[figure]))]
        if missing:
            errors[name] = f"ended without {', '.join(missing)}"
    except Exception as exc:  # a broken benchmark is reported, the others still run
        errors[name] = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        traceback.print_exc()
    print(f"  {name} done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def _ingest(mode: str) -> dict:
    path = Path(__file__).resolve().parent / "ingest.py"
    if not path.exists():
        return {"ingest_ratio": None, "ingest_note": "missing: bench/ingest.py is not in this checkout"}
    spec = importlib.util.spec_from_file_location("bench.ingest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run(quick=mode != "full", smoke=mode == "smoke")


def _chat_import(mode: str) -> dict:
    from bench import chat_import

    return chat_import.run({"smoke": chat_import.SMOKE_MESSAGES, "quick": chat_import.QUICK_MESSAGES}.get(mode, 50_000))


def _secret_scan(quick: bool) -> dict:
    from bench import secret_scan

    return secret_scan.run(quick)


def _ask_overhead_at_10k(mode: str):
    def measure(settings, store) -> dict:
        from dataclasses import replace

        from bench.corpus import SyntheticCorpus
        from bench.models import ask_overhead
        from second_me.models import llama

        embedder = llama.load_embedder(settings)
        chat = llama.load_chat_model(replace(settings, n_ctx=2048, chat_model=settings.chat_model or "builtin"))
        try:
            corpus = SyntheticCorpus()
            among = 2_000 if mode == "smoke" else 10_000  # the memories the store holds when this runs
            questions = [corpus.query(i, among=among)[0] for i in range({"smoke": 4, "quick": 10, "full": 30}[mode])]
            return ask_overhead(replace(settings, abstain_similarity=-1.0), store, embedder, chat, questions)
        finally:
            embedder.close()
            chat.close()

    return measure


def _search(mode: str) -> dict:
    from bench import search
    from second_me.config import load_settings
    from second_me.models.defaults import check_gguf, resolve_model_path
    from second_me.models.llama import model_id_for

    settings = load_settings(Path("/nonexistent"), environ={})
    model_id = model_id_for(check_gguf(resolve_model_path(settings, "embed"), "embed"))
    return search.run(mode, model_id=model_id, at_10k=_ask_overhead_at_10k(mode))


def _memlimit() -> dict:
    from bench import memlimit
    from second_me.models.defaults import default_chat_model_path

    result = memlimit.run(default_chat_model_path())
    return {"memlimit": result,
            "memlimit_mmap_answered": bool(result.get("mmap", {}).get("answered")) if result.get("supported") else None}


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"platform": platform.platform(), "python": platform.python_version(), "cpu": cpu,
            "cores": os.cpu_count(), "memory_gib": round(mem_gib, 1)}


def verdict(name: str, value) -> str:
    goal, direction = GOALS.get(name, (None, None))
    if value is None:
        return "missing"
    if goal is None:
        return ""
    if direction == "eq":
        return "ok" if value == goal else "MISS"
    ok = value >= goal if direction == "min" else value <= goal
    return "ok" if ok else "MISS"


def table(results: dict) -> str:
    lines = [f"{'figure':<28} {'value':>14}  {'goal':>8}  verdict"]
    for name, (goal, direction) in GOALS.items():
        value = results.get(name)
        if isinstance(value, dict):
            shown = f"{value.get('after_load', {}).get('rss', '?')}/{value.get('after_answer', {}).get('rss', '?')}"
        else:
            shown = "—" if value is None else str(value)
        goal_text = "" if goal is None else ("≥" if direction == "min" else "≤" if direction == "max" else "=") + str(goal)
        lines.append(f"{name:<28} {shown:>14}  {goal_text:>8}  {verdict(name, value)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="≤ 5 minutes on 2 cores (default)")
    mode.add_argument("--full", action="store_true", help="adds 1M memories and more repetitions")
    mode.add_argument("--smoke", action="store_true", help="every section at tiny sizes: does each still run?")
    parser.add_argument("--only", default="", help="comma-separated sections: " + ",".join(REQUIRED))
    parser.add_argument("--json-out", type=Path, help="write the results here instead of bench/results/")
    args = parser.parse_args(argv)
    run_mode = "smoke" if args.smoke else "full" if args.full else "quick"
    quick, smoke = run_mode != "full", run_mode == "smoke"
    from bench import models, reader, startup

    GOALS.update(reader.GOALS)

    rounds = {"smoke": 1, "quick": 5, "full": 10}[run_mode]
    sections = {
        "offload": models.offload,
        "startup": lambda: {**startup.cli_help(rounds), **startup.tui_first_paint(max(1, rounds // 2))},
        "chat": lambda: models.chat(quick, smoke=smoke),
        "kv": lambda: models.kv_cache(quick, smoke=smoke),
        "mmap": lambda: models.mmap_weights(quick, smoke=smoke),
        "memlimit": _memlimit,
        "ingest": lambda: _ingest(run_mode),
        "chat_import": lambda: _chat_import(run_mode),
        "search": lambda: _search(run_mode),
        "secrets": lambda: _secret_scan(quick),
        "reader": lambda: reader.run(quick, smoke=smoke),
    }
    chosen = [s for s in args.only.split(",") if s] or list(sections)
    unknown = [s for s in chosen if s not in sections]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}: choose among {', '.join(sections)}")
    started = time.perf_counter()
    results: dict = {}
    errors: dict = {}
    for name in chosen:
        _section(name, sections[name], results, errors)
    results["errors"] = errors
    results["mode"] = run_mode
    results["machine"] = machine()
    results["load_average"] = [round(x, 2) for x in os.getloadavg()]
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    results["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    # Smoke figures are tiny-size ones: they never replace a real run's.
    name = "smoke.json" if smoke else "latest.json" if not args.only else "partial.json"
    written = args.json_out or RESULTS / name
    written.parent.mkdir(parents=True, exist_ok=True)
    written.write_text(json.dumps(results, indent=2, default=str) + "\n")
    if not args.only and not smoke and not args.json_out:  # per mode too: a quick run does not hide a full one
        (RESULTS / f"{results['mode']}.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(table(results))
    if smoke:
        print("(smoke sizes: these figures only show that each section runs; goals apply to --quick and --full)")
    print(f"\n{results['mode']} run in {results['elapsed_s']} s (load average {results['load_average'][0]}); "
          f"written to {written}")
    for section, reason in errors.items():
        print(f"section {section} failed: {reason}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
