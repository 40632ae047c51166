"""Fusing ranked lists into one: reciprocal rank fusion, near-duplicates shown once, time bounds narrowed."""

from __future__ import annotations

import re
from typing import Sequence

from second_me.domain import Hit


def rrf_fuse(rankings: Sequence[Sequence[int]], weights: Sequence[float], k: int) -> dict[int, float]:
    """Reciprocal rank fusion: each list contributes weight / (k + rank), ranks from 1."""
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, memory_id in enumerate(ranking, start=1):
            scores[memory_id] = scores.get(memory_id, 0.0) + weight / (k + rank)
    return scores


_WORDS = re.compile(r"\w+")


def near_duplicate(a: str, b: str, threshold: float) -> bool:
    """Same words, near enough: Jaccard overlap of the word sets."""
    if a == b:
        return True
    wa, wb = set(_WORDS.findall(a.lower())), set(_WORDS.findall(b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= threshold


def dedupe(hits: Sequence[Hit], k: int, threshold: float) -> list[Hit]:
    """The best `k` hits, each near-identical later one dropped."""
    kept: list[Hit] = []
    for hit in hits:
        if any(near_duplicate(hit.memory.text, other.memory.text, threshold) for other in kept):
            continue
        kept.append(hit)
        if len(kept) == k:
            break
    return kept


def narrow(since, until, new_since, new_until):
    """[since, until) within [new_since, new_until) too (None: unbounded)."""
    if new_since is not None:
        since = new_since if since is None else max(since, new_since)
    if new_until is not None:
        until = new_until if until is None else min(until, new_until)
    return since, until
