"""Run every benchmark, print a table, write bench/results/latest.json.

    python -m bench --quick     # ≤ 5 minutes on 2 cores: search at 10k and 100k
    python -m bench --full      # adds 1M memories and more repetitions
"""

from __future__ import annotations

import argparse
import importlib.util
import json
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
    "kv_q8_bytes_ratio": (0.55, "max"),
    "kv_q4_bytes_ratio": (0.30, "max"),
    "kv_q8_top1": (0.98, "min"),
    "kv_q4_top1": (None, None),
    "mmap_load_ratio": (None, None),
    "mmap_rss_mb": (None, None),
    "nommap_rss_mb": (None, None),
    "memlimit_mmap_answered": (True, "eq"),
    "search_p95_ms_10k": (None, None),
    "search_p95_ms_100k": (50, "max"),
    "search_p95_ms_1m": (150, "max"),
    "search_recall10_vs_exact": (0.95, "min"),
    "db_mb_per_100k": (None, None),
    "cli_help_s": (0.3, "max"),
    "tui_first_paint_s": (1.5, "max"),
    "gpu_offload_used": (None, None),
}


def _section(name: str, fn, out: dict, errors: dict) -> None:
    started = time.perf_counter()
    print(f"· {name} …", file=sys.stderr, flush=True)
    try:
        out.update(fn())
    except Exception as exc:  # a broken benchmark is reported, the others still run
        errors[name] = f"{type(exc).__name__}: {exc}"
        traceback.print_exc()
    print(f"  {name} done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def _ingest(quick: bool) -> dict:
    path = Path(__file__).resolve().parent / "ingest.py"
    if not path.exists():
        return {"ingest_ratio": None, "ingest_note": "missing: bench/ingest.py is not in this checkout"}
    spec = importlib.util.spec_from_file_location("bench.ingest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run(quick=quick)


def _ask_overhead_at_10k(quick: bool):
    def measure(settings, store) -> dict:
        from dataclasses import replace

        from bench.corpus import SyntheticCorpus
        from bench.models import ask_overhead
        from second_me.models import llama

        embedder = llama.load_embedder(settings)
        chat = llama.load_chat_model(replace(settings, n_ctx=2048, chat_model=settings.chat_model or "builtin"))
        try:
            corpus = SyntheticCorpus()
            questions = [corpus.query(i)[0] for i in range(10 if quick else 30)]
            return ask_overhead(replace(settings, abstain_similarity=-1.0), store, embedder, chat, questions)
        finally:
            embedder.close()
            chat.close()

    return measure


def _search(quick: bool) -> dict:
    from bench import search
    from second_me.config import load_settings
    from second_me.models.defaults import check_gguf, resolve_model_path
    from second_me.models.llama import model_id_for

    settings = load_settings(Path("/nonexistent"), environ={})
    model_id = model_id_for(check_gguf(resolve_model_path(settings, "embed"), "embed"))
    return search.run(quick, model_id=model_id, at_10k=_ask_overhead_at_10k(quick))


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
    parser.add_argument("--only", default="", help="comma-separated sections: chat,kv,mmap,memlimit,search,startup,ingest,offload,reader")
    args = parser.parse_args(argv)
    quick = not args.full
    from bench import models, reader, startup

    GOALS.update(reader.GOALS)
    sections = {
        "offload": models.offload,
        "startup": lambda: {**startup.cli_help(5 if quick else 10), **startup.tui_first_paint(3 if quick else 5)},
        "chat": lambda: models.chat(quick),
        "kv": lambda: models.kv_cache(quick),
        "mmap": lambda: models.mmap_weights(quick),
        "memlimit": _memlimit,
        "ingest": lambda: _ingest(quick),
        "search": lambda: _search(quick),
        "reader": lambda: reader.run(quick),
    }
    chosen = [s for s in args.only.split(",") if s] or list(sections)
    started = time.perf_counter()
    results: dict = {}
    errors: dict = {}
    for name in chosen:
        _section(name, sections[name], results, errors)
    results["errors"] = errors
    results["mode"] = "quick" if quick else "full"
    results["machine"] = machine()
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    results["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    RESULTS.mkdir(exist_ok=True)
    name = "latest.json" if not args.only else "partial.json"
    (RESULTS / name).write_text(json.dumps(results, indent=2, default=str) + "\n")
    if not args.only:  # kept per mode too, so a quick run does not hide the last full one
        (RESULTS / f"{results['mode']}.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(table(results))
    print(f"\n{results['mode']} run in {results['elapsed_s']} s; written to {RESULTS / name}")
    if errors:
        print("errors: " + "; ".join(f"{k}: {v}" for k, v in errors.items()))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
