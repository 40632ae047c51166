"""Search at scale: hybrid search latency and the recall of each stage on synthetic memories (bench/corpus.py).

One encrypted store grows from 10k to 100k (and 1M with --full) memories under a temporary
directory; at each size the same queries are timed through HybridSearcher (BM25 ∪ KNN, RRF,
retention), and each stage is compared with an exact answer:

- the vector side's top 10 with an exact brute-force top 10 computed in numpy
  (`search_recall10_vs_exact_*`), and its coarse pass alone: the share of that exact top 10
  among the codes' candidates (`search_coarse_recall10_*`);
- the full-text side's top 10 and top 50 with FTS5 ranking every match
  (`search_bm25_recall10_*`, `search_bm25_recall50_*`).

The query vector comes with the query (the corpus embeds it), so the figure is the store's
and the fusion's time; embedding a query with the real model is measured by ask_overhead_ms.
`--smoke` runs 2k memories and 10 queries with the compact layout switched on at 1k, so every path runs.
Each query is also asked as a question gathering across an everyday topic (`search_topic_*`), which
searches by each of the topic's sentences too; `search_topic_vs_plain_p50_*` is its p50 over the plain one's.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from bench.common import median, percentile
from bench.corpus import SyntheticCorpus, exact_top_k

N_QUERIES = 40
STRENGTH_DAYS = 30.0
SIZES = {"smoke": [2_000], "quick": [10_000, 100_000], "full": [10_000, 100_000, 1_000_000]}
LABELS = {2_000: "2k", 10_000: "10k", 100_000: "100k", 1_000_000: "1m"}


class CorpusEmbedder:
    """Embeds the benchmark's queries with the corpus's own vectors (same space as the memories)."""

    def __init__(self, model_id: str, vectors: dict[str, np.ndarray]):
        self.model_id = model_id
        self.vectors = vectors
        self.dim = 384

    def embed(self, texts):
        return [self.embed_one(t) for t in texts]

    def embed_one(self, text):
        if text not in self.vectors:  # a topic's sentences (retrieval/topics.py): a fixed point of the space
            rng = np.random.default_rng(list(text.encode()))
            vector = rng.standard_normal(self.dim).astype(np.float32)
            self.vectors[text] = vector / np.linalg.norm(vector)
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


@contextmanager
def _small_thresholds(smoke: bool):
    """In a smoke run the compact vector layout and the bounded full-text path start at tiny sizes."""
    from second_me.storage import fulltext, vector_layout

    saved = vector_layout.TRAIN_AT, fulltext.EXACT_STORE, fulltext.EXACT_POSTINGS
    if smoke:
        vector_layout.TRAIN_AT, fulltext.EXACT_STORE, fulltext.EXACT_POSTINGS = 1_000, 1_000, 50
    try:
        yield
    finally:
        vector_layout.TRAIN_AT, fulltext.EXACT_STORE, fulltext.EXACT_POSTINGS = saved


def _timed(fn, queries, cpu: Optional[list] = None) -> list[float]:
    """Wall milliseconds per query; this process's CPU milliseconds go to `cpu` (a loaded machine
    inflates the wall time, much less the CPU time)."""
    for query in queries[:5]:  # warm caches
        fn(*query)
    out = []
    for query in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        fn(*query)
        out.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
    return out


def topic_questions(queries):
    """The same queries asked as a question gathering across a topic ("What illnesses have I had…")."""
    from second_me.retrieval.intent import GATHER, intent_of
    from second_me.retrieval.topics import topic_asked

    asked = [(f"What illnesses have I had with {text}?", vector) for text, vector in queries]
    if any(intent_of(text).kind != GATHER or topic_asked(text) is None for text, _ in asked):
        raise RuntimeError("the topic questions no longer take the topic path: change how they are asked")
    return asked


def _overlap(found: list[int], truth: list[int]) -> float:
    return len(set(found) & set(truth)) / max(1, len(truth))


def measure(store, searcher, corpus, queries, size: int, settings, now: float) -> dict:
    from second_me.retrieval.fts import match_expression
    from second_me.retrieval.hybrid import SearchOptions

    label = LABELS[size]
    options = SearchOptions(k=settings.search_k)
    pool = settings.candidates
    cpu: list[float] = []
    latencies = _timed(lambda text, vector: searcher.search(text, options, now), queries, cpu)
    # A question gathering across an everyday topic is also searched by each of the topic's sentences.
    topic = _timed(lambda text, vector: searcher.search(text, options, now), topic_questions(queries))
    knn = _timed(lambda text, vector: store.vector_search(vector, pool), queries)
    bm25 = _timed(lambda text, vector: store.fts_search(match_expression(text), pool), queries)
    exact = exact_top_k(corpus, size, np.stack([v for _, v in queries]), 10)
    vector_recall, coarse_recall, bm25_10, bm25_50 = [], [], [], []
    for (text, vector), truth in zip(queries, exact):
        truth = [i + 1 for i in truth]  # memory ids start at 1
        vector_recall.append(_overlap([i for i, _ in store.vector_search(vector, pool)[:10]], truth))
        coarse_recall.append(_overlap(store.vector_candidates(vector, pool), truth))
        bounded = [i for i, _ in store.fts_search(match_expression(text), pool)]
        full = [i for i, _ in store.fts_search(match_expression(text), pool, bounded=False)]
        bm25_10.append(_overlap(bounded[:10], full[:10]))
        bm25_50.append(_overlap(bounded, full))
    file_bytes, live_bytes = _db_bytes(store)
    return {
        f"search_p95_ms_{label}": round(percentile(latencies, 95), 1),
        f"search_p50_ms_{label}": round(median(latencies), 1),
        f"search_topic_p50_ms_{label}": round(median(topic), 1),
        f"search_topic_p95_ms_{label}": round(percentile(topic, 95), 1),
        f"search_topic_vs_plain_p50_{label}": round(median(topic) / max(median(latencies), 1e-9), 2),
        f"search_cpu_p50_ms_{label}": round(median(cpu), 1),
        f"search_cpu_p95_ms_{label}": round(percentile(cpu, 95), 1),
        f"search_knn_p50_ms_{label}": round(median(knn), 1),
        f"search_knn_p95_ms_{label}": round(percentile(knn, 95), 1),
        f"search_bm25_p50_ms_{label}": round(median(bm25), 1),
        f"search_bm25_p95_ms_{label}": round(percentile(bm25, 95), 1),
        f"search_recall10_vs_exact_{label}": round(float(np.mean(vector_recall)), 3),
        f"search_coarse_recall10_{label}": round(float(np.mean(coarse_recall)), 3),
        f"search_bm25_recall10_{label}": round(float(np.mean(bm25_10)), 3),
        f"search_bm25_recall50_{label}": round(float(np.mean(bm25_50)), 3),
        f"db_mb_{label}": round(live_bytes / 2**20, 1),
        f"db_file_mb_{label}": round(file_bytes / 2**20, 1),
    }


def run(mode: str = "quick", model_id: str = "synthetic", at_10k: Optional[Callable] = None) -> dict:
    from second_me.config import load_settings
    from second_me.retention import RetentionPolicy
    from second_me.retrieval.hybrid import HybridSearcher
    from second_me.storage.store import open_store

    sizes = SIZES[mode]
    corpus = SyntheticCorpus()
    queries = [corpus.query(i, among=min(10_000, sizes[0])) for i in range(10 if mode == "smoke" else N_QUERIES)]
    workdir = Path(tempfile.mkdtemp(prefix="sm-bench-search-"))
    settings = load_settings(workdir / "home", environ={})
    out: dict = {}
    with _small_thresholds(mode == "smoke"):
        store = open_store(settings, {"SECOND_ME_PASSPHRASE": "bench"})
        try:
            now = corpus.start_time + sizes[-1] * 600.0
            store.use_embedder(model_id, 384, now)
            embedder = CorpusEmbedder(model_id, {text: vector for text, vector in queries + topic_questions(queries)})
            searcher = HybridSearcher(store, embedder, RetentionPolicy(settings.retention_floor,
                                                                       settings.recall_growth),
                                      settings.rrf_k, settings.candidates)
            have = 0
            for size in sizes:
                out[f"build_s_{LABELS[size]}"] = round(_grow(store, corpus, have, size), 1)
                have = size
                out.update(measure(store, searcher, corpus, queries, size, settings, now))
                if size == sizes[0] and at_10k is not None:
                    out.update(at_10k(settings, store))
            label = LABELS[sizes[-1]]
            out["search_recall10_vs_exact"] = out[f"search_recall10_vs_exact_{label}"]
            out["db_mb_per_100k"] = round(out[f"db_mb_{label}"] / (sizes[-1] / 100_000), 1)
        finally:
            store.close()
            shutil.rmtree(workdir, ignore_errors=True)
    return out


if __name__ == "__main__":
    import json
    import sys

    mode = "full" if "--full" in sys.argv else "smoke" if "--smoke" in sys.argv else "quick"
    print(json.dumps(run(mode), indent=2))
