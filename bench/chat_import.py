"""Chat import speed and memory: `second-me import chat` on a WhatsApp export of N messages.

1. A synthetic export (bench/make_whatsapp_export.py, 50,000 messages by default) is imported by
   the real command in a subprocess (encrypted home, the shipped embedding model) with `--json`:
   its own seconds (checking the export, model load, embedding, storing) and its peak RSS
   (the child's own high-water mark, VmHWM). Goal: peak RSS ≤ 400 MB whatever the size.
2. The same command again: it must add nothing, in ≤ 5 s (`reimport_seconds`; its CPU seconds
   too, which a busy machine does not inflate).
3. Raw `Llama.embed` over exactly the texts the import embedded (the memory texts, "speaker:
   text"), in the same run, after the import: `chat_import_ratio` = import turns/s ÷ raw turns/s
   (goal ≥ 0.90; embedding is the whole cost). Every tenth text is also embedded raw before the
   import, and the machine's load average is written beside each phase: on a shared machine
   the two sides may see different loads, and the figures are indicative only.

    python bench/chat_import.py [--messages 50000] [--smoke]    # prints JSON; run(messages) returns it
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.common import reported_peak_mb, second_me_command  # noqa: E402
from bench.make_whatsapp_export import PEOPLE, write_export  # noqa: E402

GOALS = {"chat_import_ratio": 0.90, "chat_import_peak_rss_mb": 400, "chat_reimport_seconds": 5.0}
SMOKE_MESSAGES = 100
QUICK_MESSAGES = 2_000  # `python -m bench --quick`; --full imports 50,000
ME = PEOPLE[0]
RAW_CHUNK = 1024  # texts per raw embed call: the baseline's own memory stays small too


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")}
    return {**env, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home),
            "SECOND_ME_PASSPHRASE": os.environ.get("SECOND_ME_PASSPHRASE", "bench-passphrase")}


def _load() -> float:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else float("nan")


def run_import(home: Path, export: Path, work: Path) -> dict:
    """The command in a subprocess: its JSON report, wall seconds, CPU seconds and peak RSS."""
    out_path, err_path = work / "import.out", work / "import.err"
    peak = work / "import.peak"
    command = second_me_command(["import", "chat", str(export), "--me", ME, "--tz", "UTC", "--json"], peak)
    started = time.perf_counter()
    with out_path.open("w") as out, err_path.open("w") as err:
        process = subprocess.Popen(command, env=_env(home), stdout=out, stderr=err, cwd=REPO_ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"import failed ({process.returncode}): {err_path.read_text().strip()}")
    report = json.loads(out_path.read_text().strip().splitlines()[-1])
    return {"report": report, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": reported_peak_mb(peak)}


def memory_texts(export: Path) -> list[str]:
    """The exact texts the import embeds, through the same code path."""
    from datetime import timezone

    from second_me.ingest.chat_exports import read_export
    from second_me.memory.conversations import message_memory_text

    return [message_memory_text(turn) for turn in read_export(export, me=ME, tz=timezone.utc)]


def raw_embedding(texts: list[str], home: Path) -> dict:
    """Seconds of raw `Llama.embed` over `texts` (in RAW_CHUNK calls), and of loading the model."""
    from second_me.config import load_settings
    from second_me.models import llama

    settings = load_settings(home, environ=_env(home))
    started = time.perf_counter()
    embedder = llama.load_embedder(settings)
    load_s = time.perf_counter() - started
    raw = embedder._llama  # the raw llama_cpp.Llama: the baseline is its own embed()
    started = time.perf_counter()
    for start in range(0, len(texts), RAW_CHUNK):
        raw.embed(texts[start:start + RAW_CHUNK], normalize=False, truncate=True)
    raw_s = time.perf_counter() - started
    embedder.close()
    return {"seconds": raw_s, "load_seconds": load_s}


def run(messages: int = 50_000, work: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="second-me-bench-chat-") as tmp:
        work = Path(work or tmp)
        export, home = work / "WhatsApp Chat with Sam Okafor.txt", work / "home"
        home.mkdir(parents=True, exist_ok=True)
        turns = write_export(export, messages)
        export_mb = export.stat().st_size / 1e6
        texts = memory_texts(export)
        # Every tenth text before the import too: how the load moved between the two sides.
        sample = texts[::10]
        sample_before = raw_embedding(sample, home)
        load_before = _load()
        first = run_import(home, export, work)
        load_import = _load()
        again = run_import(home, export, work)
        load_raw_start = _load()
        raw = raw_embedding(texts, home)
        load_after = _load()
    report = first["report"]
    assert report["added"] == turns == len(texts), (report["added"], turns, len(texts))
    import_s = report["seconds"]
    return {
        "chat_import_messages": messages,
        "chat_import_turns": turns,
        "chat_import_export_mb": round(export_mb, 2),
        "chat_import_seconds": round(import_s, 2),
        "chat_import_wall_seconds_with_startup": round(first["wall"], 2),
        "chat_import_turns_per_s": round(turns / import_s, 1),
        "chat_import_peak_rss_mb": round(first["peak_rss_mb"], 1),
        "chat_reimport_added": again["report"]["added"],
        "chat_reimport_seconds": round(again["report"]["seconds"], 2),
        "chat_reimport_cpu_seconds": round(again["cpu"], 2),
        "chat_reimport_peak_rss_mb": round(again["peak_rss_mb"], 1),
        "chat_raw_embed_seconds": round(raw["seconds"], 2),
        "chat_raw_embed_model_load_seconds": round(raw["load_seconds"], 3),
        "chat_raw_embed_turns_per_s": round(len(texts) / raw["seconds"], 1),
        "chat_raw_embed_sample_turns_per_s_before_import": round(len(sample) / sample_before["seconds"], 1),
        "chat_import_ratio": round(raw["seconds"] / import_s, 3),
        "chat_import_ratio_vs_raw_with_load": round((raw["seconds"] + raw["load_seconds"]) / import_s, 3),
        "chat_import_load_average": {"before": load_before, "after_import": load_import,
                                     "raw_start": load_raw_start, "after_raw": load_after,
                                     "cores": os.cpu_count()},
        "chat_import_goals": GOALS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--smoke", action="store_true", help=f"{SMOKE_MESSAGES} messages: checks the benchmark runs")
    args = parser.parse_args()
    print(json.dumps(run(SMOKE_MESSAGES if args.smoke else args.messages), indent=2))


if __name__ == "__main__":
    main()
