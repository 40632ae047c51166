"""When to say "I don't know": no candidate is close enough to the question."""

from __future__ import annotations

from second_me.retrieval.hybrid import SearchResult


def should_abstain(result: SearchResult, min_similarity: float) -> bool:
    if not result.hits:
        return True
    if result.best_similarity is None:
        # No vectors to judge by (lexical-only search): trust that something matched.
        return False
    return result.best_similarity < min_similarity
