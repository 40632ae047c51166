"""Ingest throughput and the idle daemon's footprint.

1. `second-me index` on a generated corpus (a real subprocess, encrypted home, the shipped
   embedding model) against raw `Llama.embed` over exactly the same chunk texts, in the
   same run: `ingest_ratio` = index chunks/s ÷ raw chunks/s (goal ≥ 0.90). The index side
   counts everything the command does (model load, walking, reading, chunking, hashing,
   SQLite + vec0 + FTS writes); process start-up is reported separately.
2. The same tree indexed again, unchanged (nothing to embed: every file has the mtime and size
   it was indexed with): wall time of the whole command, process start-up included
   (`reindex_unchanged_s`; `reindex_unchanged_10k_s` with --files 10000, goal ≤ 10 s). The
   index command's peak RSS (`ingest_peak_rss_mb`) is the largest of the subprocesses so far,
   from getrusage; the index is the largest of them.
3. `second-me daemon` idle on that indexed home, once its memory work is done too (summaries
   built beforehand by `second-me summarize`, extractive for speed): CPU% and RSS over 60 s
   (10 s with --quick), which include the background worker's looks; goal ≤ 1 % CPU and
   ≤ 150 MB RSS (no model is loaded while there is no work).

    python bench/ingest.py [--quick] [--files N] [--save]   # prints JSON; `run(quick)` returns the same dict

--save merges the figures into bench/results/latest.json (a 10,000-file run takes a while:
embedding ~25k chunks, twice, for the baseline). `--reindex-only` measures only the re-index
of the unchanged tree: the first index then runs in process with a stand-in embedder (a hash
of the text), since what is measured is the second run, where nothing is embedded and no
model is loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.common import reported_peak_mb, second_me_command  # noqa: E402

WORDS = ("river garden kettle morning letter budget planning travel recipe bicycle meeting doctor "
         "invoice holiday sister station window project deadline coffee weather museum library "
         "piano runner market harbour lantern orchard ticket village").split()


def make_corpus(folder: Path, files: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for n in range(files):
        sub = folder / f"folder{n % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        sections = []
        for s in range(rng.randint(1, 4)):
            paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 90))).capitalize() + "."
                          for _ in range(rng.randint(1, 4))]
            sections.append(f"## Section {s}\n\n" + "\n\n".join(paragraphs))
        (sub / f"note{n}.md").write_text(f"# Note {n}\n\n" + "\n\n".join(sections) + "\n")


def _env(home: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT), "SECOND_ME_HOME": str(home),
            "SECOND_ME_PASSPHRASE": os.environ.get("SECOND_ME_PASSPHRASE", "bench-passphrase")}


def _cli(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "second_me", *args], env={**_env(home), **(env or {})},
                          capture_output=True, text=True, check=True)


def chunk_texts(corpus: Path, settings) -> list[str]:
    """The exact texts the indexer embeds, through the same code path."""
    from second_me.domain import chunk_key
    from second_me.ingest.chunking import chunks_for
    from second_me.ingest.extract import extract
    from second_me.ingest.scanning import walk_files

    texts = []
    for path in walk_files(corpus, settings.ignore):
        extracted = extract(path, path.read_bytes())
        texts.extend(chunk_key(path.name, c.heading, c.text, extracted.language)
                     for c in chunks_for(extracted, settings.chunk_chars))
    return texts


class StandInEmbedder:
    """Vectors from a hash of the text: fills a home fast when only re-indexing it is measured."""

    model_id = "bench-stand-in"
    dim = 384

    def embed(self, texts):
        import hashlib

        import numpy as np

        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            vector = np.random.default_rng(seed).standard_normal(self.dim)
            out.append((vector / np.linalg.norm(vector)).tolist())
        return out

    def embed_one(self, text):
        return self.embed([text])[0]

    def close(self):
        pass


def measure_reindex_only(files: int, work: Path) -> dict:
    """Index the tree in process with the stand-in embedder, then time `second-me index` on it unchanged."""
    from second_me.config import load_settings
    from second_me.ingest.pipeline import Indexer
    from second_me.models.base import Embedder
    from second_me.storage.store import open_store

    corpus, home = work / "corpus", work / "home"
    make_corpus(corpus, files)
    _cli(home, "watch", "add", "--no-index", str(corpus))
    settings = load_settings(home, environ=_env(home))
    store = open_store(settings, _env(home))
    try:
        Embedder.register(StandInEmbedder)
        indexer = Indexer(store, StandInEmbedder(), settings)
        indexer.queue_changes([corpus])
        report = indexer.drain()
    finally:
        store.close()
    return {"ingest_files": report.files, "ingest_chunks": report.chunks, **_reindex(home, files)}


def _reindex(home: Path, files: int) -> dict:
    """`second-me index` on the unchanged tree: wall time, and the CPU time it used (what a loaded
    machine does not inflate)."""
    cpu_before = _children_cpu_s()
    started = time.perf_counter()
    again = json.loads(_cli(home, "index", "--json").stdout.strip().splitlines()[-1])
    reindex_s = time.perf_counter() - started
    if again["chunks"]:
        raise RuntimeError(f"re-indexing the unchanged tree embedded {again['chunks']} chunks")
    return {"reindex_unchanged_s": round(reindex_s, 2), "reindex_unchanged_cpu_s": round(_children_cpu_s() - cpu_before, 2),
            **({"reindex_unchanged_10k_s": round(reindex_s, 2)} if files == 10_000 else {})}


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_index(files: int, work: Path) -> dict:
    from second_me.config import load_settings
    from second_me.models import llama

    corpus, home = work / "corpus", work / "home"
    make_corpus(corpus, files)
    _cli(home, "watch", "add", "--no-index", str(corpus))
    started = time.perf_counter()
    peak = work / "index.peak"
    result = subprocess.run(second_me_command(["index", "--json"], peak), env=_env(home), capture_output=True,
                            text=True, check=True)
    wall = time.perf_counter() - started
    peak_rss_mb = reported_peak_mb(peak)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    reindex = _reindex(home, files)

    settings = load_settings(home, environ=_env(home))
    texts = chunk_texts(corpus, settings)
    assert len(texts) == report["chunks"], (len(texts), report["chunks"])
    load_started = time.perf_counter()
    embedder = llama.load_embedder(settings)
    load_s = time.perf_counter() - load_started
    raw = embedder._llama  # the raw llama_cpp.Llama: the baseline is its own embed()
    tokens = sum(min(len(raw.tokenize(t.encode(), add_bos=True)), llama.EMBED_MAX_TOKENS) for t in texts)
    started = time.perf_counter()
    raw.embed(texts, normalize=False, truncate=True)
    raw_s = time.perf_counter() - started
    embedder.close()

    index_s = report["seconds"]
    return {
        "ingest_files": report["files"],
        "ingest_chunks": report["chunks"],
        "ingest_tokens": tokens,
        "ingest_seconds": round(index_s, 3),
        "ingest_wall_seconds_with_startup": round(wall, 3),
        "ingest_chunks_per_s": round(report["chunks"] / index_s, 1),
        "ingest_tokens_per_s": round(tokens / index_s, 1),
        "ingest_files_per_s": round(report["files"] / index_s, 1),
        "raw_embed_seconds": round(raw_s, 3),
        "raw_embed_model_load_seconds": round(load_s, 3),
        "raw_embed_chunks_per_s": round(len(texts) / raw_s, 1),
        "raw_embed_tokens_per_s": round(tokens / raw_s, 1),
        "ingest_ratio": round((report["chunks"] / index_s) / (len(texts) / raw_s), 3),
        "ingest_ratio_vs_raw_with_load": round((report["chunks"] / index_s) / (len(texts) / (raw_s + load_s)), 3),
        "ingest_peak_rss_mb": round(peak_rss_mb, 1),
        **reindex,
    }


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_daemon_idle(home: Path, seconds: float, settle: float = 3.0) -> dict:
    """CPU% and RSS of an idle daemon (Linux /proc), after its start-up catch-up."""
    if not Path("/proc/self/stat").exists():
        return {"daemon_idle_cpu_pct": None, "daemon_idle_rss_mb": None}
    proc = subprocess.Popen([sys.executable, "-m", "second_me", "daemon"], env=_env(home),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in proc.stdout:
            if "watching" in line:
                break
        time.sleep(settle)  # let the catch-up scan (nothing changed) finish
        cpu0, t0 = _cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        cpu1, t1 = _cpu_seconds(proc.pid), time.monotonic()
        rss = _rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return {"daemon_idle_seconds": seconds, "daemon_idle_cpu_pct": round(100 * (cpu1 - cpu0) / (t1 - t0), 3),
            "daemon_idle_rss_mb": round(rss, 1)}


def run(quick: bool = False, smoke: bool = False, files: int | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="second-me-bench-") as tmp:
        work = Path(tmp)
        figures = measure_index(files or (5 if smoke else 30 if quick else 200), work)
        # Idle means nothing left to do, memory work included (else the daemon would rightly start it).
        _cli(work / "home", "summarize", "--budget", "3600", env={"SECOND_ME_SUMMARIES_WITH_MODEL": "false"})
        figures.update(measure_daemon_idle(work / "home", 1 if smoke else 10 if quick else 60, 1 if smoke else 3))
    figures["ingest_ratio_goal"] = 0.90
    figures["daemon_idle_goals"] = {"cpu_pct": 1.0, "rss_mb": 150}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description="ingest throughput, re-index of an unchanged tree, idle daemon")
    parser.add_argument("--quick", action="store_true", help="30 files, 10 s of idle daemon")
    parser.add_argument("--files", type=int, help="files in the generated tree (default 200, 30 with --quick)")
    parser.add_argument("--save", action="store_true", help="merge the figures into bench/results/latest.json")
    parser.add_argument("--reindex-only", action="store_true",
                        help="only the re-index of the unchanged tree (first index with a stand-in embedder)")
    args = parser.parse_args()
    if args.reindex_only:
        with tempfile.TemporaryDirectory(prefix="second-me-bench-") as tmp:
            figures = measure_reindex_only(args.files or 200, Path(tmp))
    else:
        figures = run(quick=args.quick, files=args.files)
    figures["ingest_load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(figures, indent=2))
    if args.save:
        latest = REPO_ROOT / "bench" / "results" / "latest.json"
        results = json.loads(latest.read_text()) if latest.exists() else {}
        results.update(figures)
        results["ingest_date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        latest.write_text(json.dumps(results, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
