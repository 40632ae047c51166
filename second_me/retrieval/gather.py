"""Gathering questions ("what activities does Priya do?", "how many times…") want one answer from
each of many sessions of talk, not ten near-duplicates from one.

A session is a run of talk in one conversation with no long pause: a chat exported whole (a
WhatsApp group over a year) is one conversation of many sessions. The top places are filled
greedily (maximal marginal relevance, with "same session" as the redundancy): each candidate's
score is discounted by SAME_SESSION for every hit already chosen from its session, so a
session's best turn keeps its place and its second-best waits behind other sessions' best ones.
"""

from __future__ import annotations

import re
from typing import Callable, Hashable, Mapping, Optional, Sequence

from second_me.domain import Hit
from second_me.retrieval.answer_type import LIGHT_VERBS, TIME_WORDS, proper_names
from second_me.text.utterance import asking_words
from second_me.text.words import content_words, forms, stems

SAME_SESSION = 0.6  # score kept per hit already chosen from the same session
POOL_FACTOR = 4  # how far down the ranking candidates are drawn from


def spread_over_sessions(ranked: Sequence[Hit], session_of: Mapping[int, Hashable], depth: int,
                         same_session: float | None = None) -> list[Hit]:
    """The first `depth` places re-chosen across sessions; the rest after them in their order.
    Memories outside any conversation (notes, facts, summaries) are each a session of their own."""
    same_session = SAME_SESSION if same_session is None else same_session
    pool = list(ranked[:depth * POOL_FACTOR])
    chosen: list[Hit] = []
    taken: dict[Hashable, int] = {}
    while pool and len(chosen) < depth:
        def discounted(hit: Hit) -> float:
            session = session_of.get(hit.memory.id)
            return hit.score * (same_session ** taken.get(session, 0) if session is not None else 1.0)

        best = max(pool, key=discounted)
        pool.remove(best)
        chosen.append(best)
        session = session_of.get(best.memory.id)
        if session is not None:
            taken[session] = taken.get(session, 0) + 1
    kept = {hit.memory.id for hit in chosen}
    return chosen + [hit for hit in ranked if hit.memory.id not in kept]


ASKS_TIMES = re.compile(r"^\s*how\s+many\s+times\b", re.I)


def occurrences_asked(question: str) -> Optional[Callable[[str], bool]]:
    """Asked how many times something happened ("How many times did I go bouldering?"), whether a
    text tells of it by its word: each time is quoted, however much closer one of them is to the
    question ("went bouldering again on Sunday" beside "I finally started bouldering"), for the user
    to count. None for other questions, and when the question names no such word."""
    if not ASKS_TIMES.match(question):
        return None
    names = {name.lower() for name in proper_names(question)}
    skip = frozenset(LIGHT_VERBS | TIME_WORDS | asking_words(question) | {"times", "many"})
    told = [forms(word) for word in content_words(question, skip) if word.lower() not in names]
    return (lambda text: any(word & stems(text) for word in told)) if told else None
