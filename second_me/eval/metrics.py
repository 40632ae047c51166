"""Retrieval and answer metrics: Recall@k and NDCG@k of evidence, abstention P/R/F1, answer match."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Sequence


def evidence_ranks(retrieved: Sequence[set[str]], evidence: Sequence[str]) -> list[int]:
    """For each retrieved memory (its evidence ids), the rank at which a *new* evidence id appears."""
    wanted, seen, ranks = set(evidence), set(), []
    for rank, ids in enumerate(retrieved, start=1):
        fresh = (ids & wanted) - seen
        if fresh:
            seen |= fresh
            ranks.extend([rank] * len(fresh))
    return ranks


def recall_at(ranks: Sequence[int], n_evidence: int, k: int) -> float:
    """Share of the evidence found in the top k."""
    return sum(1 for r in ranks if r <= k) / n_evidence if n_evidence else 0.0


def ndcg_at(ranks: Sequence[int], n_evidence: int, k: int) -> float:
    """Binary-relevance NDCG: each evidence id counts once, at the first rank it shows up."""
    if not n_evidence:
        return 0.0
    dcg = sum(1 / math.log2(r + 1) for r in ranks if r <= k)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(n_evidence, k) + 1))
    return dcg / ideal


def prf(predicted: Sequence[bool], actual: Sequence[bool]) -> dict:
    tp = sum(p and a for p, a in zip(predicted, actual))
    fp = sum(p and not a for p, a in zip(predicted, actual))
    fn = sum(a and not p for p, a in zip(predicted, actual))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", text)  # "May 14th" is "May 14"
    return " ".join(re.findall(r"[a-z0-9]+", text))


IDK = re.compile(r"\b(don'?t|do not|cannot|can'?t) (know|tell|find)|\bno (information|memory|record)", re.I)


def answer_correct(response: str, gold: str | None, abstained: bool, aliases: Sequence[str] = ()) -> bool:
    """Unanswerable: right when it said it doesn't know. Otherwise the gold answer, or one of its
    other accepted forms, must appear."""
    if gold is None:
        return abstained or bool(IDK.search(response))
    if abstained:
        return False
    said = f" {normalise(response)} "
    return any(f" {normalise(form)} " in said for form in (gold, *aliases))
