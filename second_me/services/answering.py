"""Answering: search memory, and answer a question from it with [n] citations — or say why
memory cannot answer, without guessing.

The answer path: search (retrieval/hybrid.py) → the abstention checks (retrieval/abstain.py)
→ the hits worth showing → the prompt (retrieval/context.py) → the chat model, streamed →
the cited memories strengthened. An answer is never stored as a memory.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from second_me.domain import Answer, Hit
from second_me.errors import InputRejected
from second_me.memory.conversations import ask_turns
from second_me.retrieval.abstain import abstention_reason, relevant_hits
from second_me.retrieval.context import build_messages, cited_numbers
from second_me.retrieval.hybrid import FusionWeights, HybridSearcher, SearchOptions, SearchResult
from second_me.retrieval.query import check_kinds, filter_range
from second_me.safe_text import strip_control

if TYPE_CHECKING:
    from second_me.services.core import Core

# A small model sometimes starts writing another prompt after its answer: stop there.
ANSWER_STOPS = ("<notes>", "</notes>", "\nQuestion:")
TokenFn = Callable[[str], None]


def search_options(k: int, kinds: Sequence[str] = (), since: Optional[str] = None, until: Optional[str] = None,
                   path: Optional[str] = None) -> SearchOptions:
    """Search filters as a user types them (`--kind`, `--since 2024-05`, ...), checked."""
    if k <= 0:
        raise InputRejected(f"-k must be a positive number, not {k}")
    start, end = filter_range(since, until)
    kinds = check_kinds([part for value in kinds for part in value.split(",")])
    if "summary" in kinds and "portrait" not in kinds:
        kinds += ("portrait",)  # the portrait is the top of the summary tree
    return SearchOptions(k=k, kinds=kinds, since=start, until=end, path=path)


def cited_sources(answer: str, hits: Sequence[Hit]) -> list[tuple[int, Hit]]:
    """The sources an answer cites, with their [n]; all of them when it cites none explicitly."""
    cited = cited_numbers(answer, len(hits))
    numbers = sorted(cited) if cited else range(1, len(hits) + 1)
    return [(n, hits[n - 1]) for n in numbers]


class Answering:
    def __init__(self, core: "Core"):
        self.core = core

    def searcher(self) -> HybridSearcher:
        s = self.core.settings
        weights = FusionWeights(bm25=s.bm25_weight, vector=s.vector_weight, window=s.time_weight, order=s.order_weight)
        return HybridSearcher(self.core.store, self.core.embedder, self.core.policy, s.rrf_k, s.candidates, weights)

    def search(self, query: str, options: SearchOptions | None = None) -> SearchResult:
        core = self.core
        if not query.strip():
            raise InputRejected("the query is empty: give some words to search for")
        options = options or SearchOptions(k=core.settings.search_k)
        if core.store.has_vectors and options.use_vectors:
            core.check_embedder()
        searcher = self.searcher()
        # One snapshot: an indexer replacing a file's chunks meanwhile cannot leave half-read hits.
        with core.store.db.snapshot():
            return searcher.search(query, options, core.now())

    def ask(self, question: str, k: int | None = None, on_token: TokenFn | None = None,
            options: SearchOptions | None = None, remember: bool = True,
            conversation: str | None = None) -> Answer:
        """Retrieve, then answer from memory with [n] citations — or abstain without guessing.

        `options` carries filters (k is taken from `k` when given); `remember=False` answers
        without strengthening the cited memories (the benchmark must not change what it measures).
        With `conversation`, the question and the answer are stored as turns of it.
        """
        answer = self._answer(question, k, on_token, options, remember)
        if conversation:
            now = self.core.now()
            self.core.conversation_log().add_turns(ask_turns(conversation, question, answer.text, now), now)
        return answer

    def _answer(self, question: str, k: int | None, on_token: TokenFn | None,
                options: SearchOptions | None, remember: bool) -> Answer:
        settings = self.core.settings
        options = options or SearchOptions(k=settings.search_k)
        if k:
            options = replace(options, k=k)
        result = self.search(question, options)
        reason = abstention_reason(result, settings.abstain_similarity, settings.abstain_unknown_similarity)
        if reason:
            text = f"I don't know: {reason}"
            if on_token:
                on_token(text)
            return Answer(text, (), abstained=True)
        model = self.core.chat_model
        relevant = relevant_hits(result, settings.abstain_similarity)
        messages, used = build_messages(question, relevant, model, settings.max_answer_tokens, settings.context_tokens)
        pieces: list[str] = []
        stream = model.stream(messages, max_tokens=settings.max_answer_tokens, temperature=settings.temperature,
                              stop=ANSWER_STOPS)
        try:
            for piece in stream:
                pieces.append(piece)
                if on_token:
                    on_token(piece)
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        # Model output is untrusted: no terminal control sequences in the stored or printed answer.
        text = strip_control("".join(pieces)).strip()
        cited = cited_numbers(text, len(used))
        if remember:
            self.core.reinforce([used[n - 1].memory.id for n in cited])
        return Answer(text, tuple(used), abstained=False)
