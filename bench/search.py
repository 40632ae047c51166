"""Search at scale: hybrid search latency and vector recall on synthetic memories (bench/corpus.py).

One encrypted store grows from 10k to 100k (and 1M with --full) memories under a temporary
directory; at each size the same queries are timed through HybridSearcher (BM25 ∪ KNN, RRF,
retention), and the vector side's top 10 is compared with an exact brute-force top 10.
The query vector comes with the query (the corpus embeds it), so the figure is the store's
and the fusion's time; embedding a query with the real model is measured by ask_overhead_ms.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from bench.common import median, percentile
from bench.corpus import SyntheticCorpus, exact_top_k

N_QUERIES = 40
STRENGTH_DAYS = 30.0


class CorpusEmbedder:
    """Embeds the benchmark's queries with the corpus's own vectors (same space as the memories)."""

    def __init__(self, model_id: str, vectors: dict[str, np.ndarray]):
        self.model_id = model_id
        self.vectors = vectors
        self.dim = 384

    def embed(self, texts):
        return [self.vectors[t] for t in texts]

    def embed_one(self, text):
        return self.vectors[text]

    def close(self):
        pass


def _grow(store, corpus: SyntheticCorpus, have: int, want: int) -> float:
    from second_me.storage.store import NewMemory

    started = time.perf_counter()
    for start in range(have, want, 10_000):
        batch = corpus.batch(start, min(10_000, want - start))
        store.add_memories([NewMemory(kind=k, text=t, vector=v, created_at=float(c), strength=STRENGTH_DAYS)
                            for k, t, v, c in zip(batch.kinds, batch.texts, batch.vectors, batch.created_at)])
        store.tune_vector_index()
    return time.perf_counter() - started


def _db_bytes(store) -> tuple[int, int]:
    """(file bytes after a WAL checkpoint, bytes in use: pages minus free pages left by rebuilds)."""
    with store.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages, free, size = (int(conn.execute(f"PRAGMA {name}").fetchone()[0])
                             for name in ("page_count", "freelist_count", "page_size"))
    return pages * size, (pages - free) * size


def run(quick: bool, model_id: str = "synthetic", at_10k: Optional[Callable] = None) -> dict:
    from second_me.config import load_settings
    from second_me.retention import RetentionPolicy
    from second_me.retrieval.hybrid import HybridSearcher, SearchOptions
    from second_me.storage.store import open_store

    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    corpus = SyntheticCorpus()
    queries = [corpus.query(i) for i in range(N_QUERIES)]
    query_matrix = np.stack([v for _, v in queries])
    workdir = Path(tempfile.mkdtemp(prefix="sm-bench-search-"))
    home = workdir / "home"
    settings = load_settings(home, environ={})
    store = open_store(settings, {"SECOND_ME_PASSPHRASE": "bench"})
    out: dict = {}
    try:
        now = corpus.start_time + sizes[-1] * 600.0
        store.use_embedder(model_id, 384, now)
        embedder = CorpusEmbedder(model_id, {text: vector for text, vector in queries})
        searcher = HybridSearcher(store, embedder, RetentionPolicy(settings.retention_floor, settings.recall_growth),
                                  settings.rrf_k, settings.candidates)
        have = 0
        for size in sizes:
            build_s = _grow(store, corpus, have, size)
            have = size
            label = {10_000: "10k", 100_000: "100k", 1_000_000: "1m"}[size]
            options = SearchOptions(k=settings.search_k)
            for text, _ in queries[:5]:  # warm caches
                searcher.search(text, options, now)
            latencies, knn, bm25 = [], [], []
            for text, _ in queries:
                started = time.perf_counter()
                result = searcher.search(text, options, now)
                latencies.append((time.perf_counter() - started) * 1000)
                knn.append(result.timings_ms.get("knn", 0.0))
                bm25.append(result.timings_ms.get("bm25", 0.0))
            exact = exact_top_k(corpus, size, query_matrix, 10)
            recalls = []
            for (text, vector), truth in zip(queries, exact):
                found = [memory_id for memory_id, _ in store.vector_search(vector, settings.candidates)[:10]]
                recalls.append(len(set(found) & {i + 1 for i in truth}) / 10)  # memory ids start at 1
            out[f"search_p95_ms_{label}"] = round(percentile(latencies, 95), 1)
            out[f"search_p50_ms_{label}"] = round(median(latencies), 1)
            out[f"search_knn_p50_ms_{label}"] = round(median(knn), 1)
            out[f"search_bm25_p50_ms_{label}"] = round(median(bm25), 1)
            out[f"search_recall10_vs_exact_{label}"] = round(float(np.mean(recalls)), 3)
            out[f"build_s_{label}"] = round(build_s, 1)
            file_bytes, live_bytes = _db_bytes(store)
            out[f"db_mb_{label}"] = round(live_bytes / 2**20, 1)
            out[f"db_file_mb_{label}"] = round(file_bytes / 2**20, 1)
            if size == 10_000 and at_10k is not None:
                out.update(at_10k(settings, store))
        largest = sizes[-1]
        label = {100_000: "100k", 1_000_000: "1m"}[largest]
        out["search_recall10_vs_exact"] = out[f"search_recall10_vs_exact_{label}"]
        out["db_mb_per_100k"] = round(out[f"db_mb_{label}"] / (largest / 100_000), 1)
    finally:
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return out


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run("--full" not in sys.argv), indent=2))
