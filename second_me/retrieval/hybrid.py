"""Hybrid search: BM25 (FTS5) ∪ vector KNN (sqlite-vec), fused by reciprocal rank, then the retention prior.

score = Σ_side weight / (rrf_k + rank_side) · (floor + (1 − floor) · R)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from second_me.domain import Hit
from second_me.memory.retention import RetentionPolicy, validity_prior
from second_me.models.base import Embedder
from second_me.retrieval.fts import match_expression
from second_me.storage.store import MemoryStore


@dataclass(frozen=True)
class SearchOptions:
    k: int = 8
    kinds: tuple[str, ...] = ()
    since: Optional[float] = None
    until: Optional[float] = None
    use_bm25: bool = True
    use_vectors: bool = True
    use_decay: bool = True


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    best_similarity: Optional[float]  # best cosine of any candidate with the query
    candidates: int = 0
    timings_ms: dict = field(default_factory=dict)


def rrf_fuse(rankings: Sequence[Sequence[int]], weights: Sequence[float], k: int) -> dict[int, float]:
    """Reciprocal rank fusion: each list contributes weight / (k + rank), ranks from 1."""
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, memory_id in enumerate(ranking, start=1):
            scores[memory_id] = scores.get(memory_id, 0.0) + weight / (k + rank)
    return scores


class HybridSearcher:
    def __init__(self, store: MemoryStore, embedder: Embedder, policy: RetentionPolicy, rrf_k: int = 60,
                 candidates: int = 50, bm25_weight: float = 1.0, vector_weight: float = 1.0):
        self.store = store
        self.embedder = embedder
        self.policy = policy
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.bm25_weight = bm25_weight
        self.vector_weight = vector_weight

    def search(self, query: str, options: SearchOptions, now: float) -> SearchResult:
        import time

        timings: dict[str, float] = {}
        started = time.perf_counter()
        pool = max(self.candidates, options.k)
        lexical: list[tuple[int, float]] = []
        semantic: list[tuple[int, float]] = []
        if options.use_bm25:
            lexical = self.store.fts_search(match_expression(query), pool, options.kinds, options.since, options.until)
        timings["bm25"] = (time.perf_counter() - started) * 1000
        similarity: dict[int, float] = {}
        if options.use_vectors and self.store.has_vectors:
            t0 = time.perf_counter()
            vector = self.embedder.embed_one(query)
            timings["embed"] = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            semantic = self.store.vector_search(vector, pool, options.kinds, options.since, options.until)
            timings["knn"] = (time.perf_counter() - t0) * 1000
            similarity = dict(semantic)
        fused = rrf_fuse([[i for i, _ in lexical], [i for i, _ in semantic]],
                         [self.bm25_weight, self.vector_weight], self.rrf_k)
        memories = self.store.get_many(list(fused))
        ranked: list[Hit] = []
        lexical_rank = {memory_id: rank for rank, (memory_id, _) in enumerate(lexical, start=1)}
        vector_rank = {memory_id: rank for rank, (memory_id, _) in enumerate(semantic, start=1)}
        for memory_id, rrf in fused.items():
            memory = memories.get(memory_id)
            if memory is None or memory.state != "active":
                continue
            retention = self.policy.retention(memory, now)
            score = rrf * (self.policy.prior(retention) if options.use_decay else 1.0)
            score *= validity_prior(memory, options.since, options.until)
            ranked.append(Hit(memory, score, retention, None, similarity.get(memory_id),
                              lexical_rank.get(memory_id), vector_rank.get(memory_id)))
        ranked.sort(key=lambda hit: hit.score, reverse=True)
        top = ranked[:options.k]
        origins = self.store.origins([hit.memory for hit in top])
        hits = tuple(Hit(h.memory, h.score, h.retention, origins.get(h.memory.id), h.similarity, h.bm25_rank,
                         h.vector_rank) for h in top)
        timings["total"] = (time.perf_counter() - started) * 1000
        best = max(similarity.values()) if similarity else None
        return SearchResult(hits, best, len(fused), timings)
