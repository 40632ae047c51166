"""When to say "I don't know", and which hits are worth showing the model.

Both decisions use the cosine similarity of each hit with the question: it is comparable
across questions, unlike fused rank scores. Similarity alone separates answerable from
unanswerable questions poorly (a question about "my dog" lands close to memories of the cat),
so abstention adds one lexical signal: a question using a word that appears in no memory
("Netflix", "cholesterol", "brother") asks about something never mentioned unless a memory
is clearly close in meaning (a paraphrase: "bicycle" for "bike"). Both bars were fitted on
the built-in benchmark (`second-me eval` reports the fit and a held-out check).
"""

from __future__ import annotations

from second_me.domain import Hit
from second_me.retrieval.hybrid import SearchResult

# A hit this far below the best one is noise to a small model, even above the threshold.
RELEVANCE_MARGIN = 0.2


def should_abstain(result: SearchResult, min_similarity: float, unknown_similarity: float | None = None) -> bool:
    """No hits; or the best similarity below `min_similarity`; or, when the question has a word no
    memory contains, below `unknown_similarity`."""
    if not result.hits:
        return True
    if result.best_similarity is None:
        # No vectors to judge by (lexical-only search): trust that something matched.
        return False
    bar = min_similarity
    if result.unknown_terms and unknown_similarity is not None:
        bar = max(bar, unknown_similarity)
    return result.best_similarity < bar


def relevant_hits(result: SearchResult, min_similarity: float) -> list[Hit]:
    """The hits close enough to the question to put in front of the model, best first."""
    if result.best_similarity is None:
        return list(result.hits)
    bar = max(min_similarity, result.best_similarity - RELEVANCE_MARGIN)
    kept = [h for h in result.hits
            if (h.similarity is not None and h.similarity >= bar) or (h.similarity is None and (h.bm25_rank or 99) <= 3)]
    return kept or list(result.hits[:1])
