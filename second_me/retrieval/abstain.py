"""When to say "I don't know", and which hits are worth showing the model.

Both decisions use the cosine similarity of each hit with the question: it is comparable
across questions, unlike fused rank scores.
"""

from __future__ import annotations

from second_me.domain import Hit
from second_me.retrieval.hybrid import SearchResult

# A hit this far below the best one is noise to a small model, even above the threshold.
RELEVANCE_MARGIN = 0.2


def should_abstain(result: SearchResult, min_similarity: float) -> bool:
    if not result.hits:
        return True
    if result.best_similarity is None:
        # No vectors to judge by (lexical-only search): trust that something matched.
        return False
    return result.best_similarity < min_similarity


def relevant_hits(result: SearchResult, min_similarity: float) -> list[Hit]:
    """The hits close enough to the question to put in front of the model, best first."""
    if result.best_similarity is None:
        return list(result.hits)
    bar = max(min_similarity, result.best_similarity - RELEVANCE_MARGIN)
    kept = [h for h in result.hits
            if (h.similarity is not None and h.similarity >= bar) or (h.similarity is None and (h.bm25_rank or 99) <= 3)]
    return kept or list(result.hits[:1])
