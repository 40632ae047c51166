"""Hybrid search: BM25 (FTS5) ∪ vector KNN (sqlite-vec), fused by reciprocal rank, then the retention prior.

score = Σ_list weight / (rrf_k + rank_in_list) · (floor + (1 − floor) · R)

The lists are BM25 and KNN over everything the hard filters allow, plus — when the question
names a time ("last week", "before I moved to Berlin") — BM25 and KNN again inside that
window, so memories from the right time are lifted without hiding the rest; a message telling
of a date in the window ("yesterday", said the day after) counts as inside it. "The first
time" / "currently" add a small bonus by date among the clearly relevant hits; a fact that
was superseded by a newer one is pushed down. Priors: a chat turn that says little
(an acknowledgement, a question back) is held back (`chatter.py`), and when the question names
someone, what they said or what names them is preferred (`people.py`; of someone no speaker is, a
baby or a pet, a turn saying "she" or "he" in a chat naming them too, and the question is searched
by meaning without their name as well); asked when, how much or
how many, what tells of a day or states an amount or a number (`chatter.py`). A turn found brings
the replies to it and its speaker's next turns (`follow_on.py`). A summary hit for a
specific question gives its place to its best children (`expand.py`); a gathering question
spreads its top places over sessions of talk (`gather.py`). Near-identical hits are shown once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Mapping, Optional, Sequence

from second_me.domain import MEMORY_KINDS, Hit, Neighbour
from second_me.retention import RetentionPolicy, validity_prior
from second_me.models.base import Embedder
from second_me.retrieval.answer_type import ASKS_WHEN, asked_words, wanted_kind
from second_me.retrieval.chatter import dated_prior, information_prior, typed_prior
from second_me.retrieval.elapsed import SINCE, UNTIL, ElapsedQuestion, elapsed_question
from second_me.retrieval.expand import SUMMARY_KINDS, expand_summaries, is_broad
from second_me.retrieval.follow_on import TALK_PAUSE_SECONDS, with_replies, with_what_follows
from second_me.retrieval.fusion import dedupe, narrow as _narrow, rrf_fuse
from second_me.retrieval.fts import match_expression
from second_me.retrieval.gather import spread_over_sessions
from second_me.retrieval.intent import GATHER, intent_of
from second_me.retrieval.people import (asked_about, by_or_about, named_as_someone, names_a_speaker, people_in,
                                        says_of_themselves, speakers_in, speaks_of_oneself, spoken_of_as_she_or_he,
                                        the_users_own, told_of_in_reply, without_names)
from second_me.retrieval.query import ParsedQuery, parse_query
from second_me.retrieval.timeparse import earlier_years
from second_me.retrieval.topics import Topic, closest_to_topic, topic_asked, topic_now
from second_me.retrieval.unmatched import detached_names, unknown_terms
from second_me.storage.store import MemoryStore


@dataclass(frozen=True)
class SearchOptions:
    k: int = 8
    kinds: tuple[str, ...] = ()
    since: Optional[float] = None  # hard filters on created_at, epoch seconds, [since, until)
    until: Optional[float] = None
    path: Optional[str] = None  # only memories from files under/containing this path
    use_bm25: bool = True
    use_vectors: bool = True
    use_decay: bool = True
    use_time: bool = True  # time words in the question → window boost, anchors, earliest/latest
    dedupe: bool = True
    expand_summaries: bool = True  # a specific question gets a summary's best children instead of it
    person: Optional[str] = None  # only memories by or about this person (a speaker, or a name they bear)
    context: int = 0  # bring each chat turn's neighbours: this many turns before and after it
    use_priors: bool = True  # chatter held back, the people a question names preferred, gathering spread
    # Asked about someone, another speaker's turns telling of themselves held back. An answer keeps them
    # where it says whose a thing was ("That was Nina, not Sam": `services/preparing.py`).
    others_news: bool = True
    # Only these memories: a follow-up ("and when?") asked of what the answer before it quoted.
    only: tuple[int, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    best_similarity: Optional[float]  # best cosine of any candidate with the query
    candidates: int = 0
    timings_ms: dict = field(default_factory=dict)
    parsed: Optional[ParsedQuery] = None
    unknown_terms: tuple[str, ...] = ()  # words of the question that no active memory contains
    detached_names: tuple[str, ...] = ()  # the question's names, when no memory mentions them with its other words
    # The topic a question gathers across, or its job or home: memory id → best similarity to a sentence of it.
    told_of_topic: Mapping[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FusionWeights:
    """How much each ranked list and bonus counts. Search is given the four user settings
    (`bm25_weight`, `vector_weight`, `time_weight`, `order_weight` in config.py, chosen with
    `second-me eval` on the built-in benchmarks); the defaults here are the same values."""

    bm25: float = 0.5
    vector: float = 1.0
    window: float = 2.0  # the lists searched inside the question's time window
    order: float = 1.0  # earliest/latest bonus among relevant hits ("the first time", "now")
    order_pool: int = 10  # at most this many of the best hits compete on date...
    order_ratio: float = 0.5  # ...those scoring at least this share of the best one
    dedupe_jaccard: float = 0.9  # word overlap above which two hits count as one
    person: float = 0.5  # a memory by or about someone the question names scores this much more
    context: float = 0.3  # BM25: a turn's context (the turn it replies to) against its own words
    facts_about: float = 0.5  # a gathering question about someone: the facts about them, ranked by meaning
    topic: float = 2.0  # a gathering question's everyday topic: the memories telling of one
    now_topic: float = 1.0  # asked where someone lives or what they do now: the memories telling of a move or a job
    event: float = 1.0  # a question comparing two events' days: each event's own ranking
    dated: float = 0.5  # asked when, a memory telling of a day scores this much more
    typed: float = 0.5  # asked how much/many/old, a chat turn stating an amount, a number, an age scores this much more
    others_news: float = 0.6  # asked about someone, another speaker's turn telling of themselves scores this much
    unnamed: float = 0.5  # asked about someone who is no speaker: the question's vector without their name


@dataclass(frozen=True)
class _Scope:
    """What one retrieval pass may return: the search's options, the kinds, someone's memories
    only (`among`), and whether a time range takes memories telling of a date inside it."""

    options: SearchOptions
    kinds: tuple[str, ...]
    among: Optional[Sequence[int]] = None
    told: bool = False


def when_it_happened(memory) -> float:
    """The start of the first date a memory tells of, else when it was made."""
    return memory.about[0][0] if memory.about else memory.created_at


class HybridSearcher:
    def __init__(self, store: MemoryStore, embedder: Embedder, policy: RetentionPolicy, rrf_k: int = 10,
                 candidates: int = 50, weights: FusionWeights | None = None):
        self.store = store
        self.embedder = embedder
        self.policy = policy
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.weights = weights or FusionWeights()

    def search(self, query: str, options: SearchOptions, now: float) -> SearchResult:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        parsed = parse_query(query, datetime.fromtimestamp(now, timezone.utc), options.use_time)
        kinds = options.kinds or parsed.kinds
        since, until = _narrow(options.since, options.until, parsed.since, parsed.until)
        path = options.path or parsed.path
        sources = self.store.sources.ids_matching(path) if path else None
        # A path filter is applied after retrieval, so look further down both lists.
        pool = max(self.candidates, options.k) * (4 if path else 1)
        use_vectors = options.use_vectors and self.store.has_vectors
        # Someone's memories only (or the few a follow-up asks of): the vector side ranks exactly among
        # them (a KNN pass would miss most); the others are left out below.
        among = self.store.memories_of_person(options.person, kinds) if options.person else None
        if options.only:
            theirs = set(among) if among is not None else None
            among = [i for i in options.only if theirs is None or i in theirs]

        speakers = self.store.people()  # also what `_unknown_terms` knows, whatever the priors
        known = speakers if options.use_priors else []
        speaking = speakers_in(parsed.text, known)
        vector = None
        if use_vectors:
            t0 = time.perf_counter()
            vector = self.embedder.embed_one(without_names(parsed.text, speaking)
                                             if options.use_priors else parsed.text)
            timings["embed"] = (time.perf_counter() - t0) * 1000
        lists, weights, similarity = [], [], {}
        scope = _Scope(options, kinds, among)
        lexical, semantic = self._retrieve(parsed.text, vector, scope, pool, since, until, lists, weights,
                                           similarity, 1.0)
        # A summary is dated when it was built, not by what it tells: it cannot date an event or sit in a window.
        dated = tuple(k for k in (kinds or MEMORY_KINDS) if k not in SUMMARY_KINDS) or kinds
        window = (parsed.time.since, parsed.time.until)
        if parsed.time.anchor:
            window = _narrow(*window, *self._anchor_window(parsed, options, dated, since, until))
        if parsed.time.yearly and not self.store.any_between(*window, dated):
            window = next((earlier for earlier in earlier_years(*window) if self.store.any_between(*earlier, dated)),
                          window)
            parsed = replace(parsed, time=replace(parsed.time, since=window[0], until=window[1]))
        if window != (None, None):
            w_since, w_until = _narrow(since, until, *window)
            if w_since is None or w_until is None or w_since < w_until:
                self._retrieve(parsed.text, vector, _Scope(options, dated, among, told=True), pool, w_since, w_until,
                               lists, weights, similarity, self.weights.window)
        elapsed = elapsed_question(query)
        if options.use_time:
            self._events_compared(elapsed, vector is not None, scope, pool, since, until, lists, weights)
        people = asked_about(parsed.text, people_in(parsed.text, known)) if options.use_priors else ()
        unspoken = [person for person in people if person not in speaking  # never a speaker: a baby, a pet
                    and named_as_someone(parsed.text, person)]
        if unspoken and vector is not None and self.weights.unnamed > 0:
            self._without_names(parsed.text, speaking + unspoken, vector, scope, pool, since, until, lists, weights,
                                similarity)
        # Whose news another's "I…" is not: asked with "I", the user is asked about too.
        news_of = people if options.others_news and not speaks_of_oneself(query) \
            and names_a_speaker(people, speakers) else ()
        asks_when = bool(ASKS_WHEN.match(query))
        kind, asked = wanted_kind(query), asked_words(query)
        gathering = options.use_priors and intent_of(query).kind == GATHER
        if gathering and people and vector is not None and "fact" in (kinds or MEMORY_KINDS):
            self._facts_about(people, vector, among, pool, lists, weights, similarity)
        narrowed = _narrow(since, until, *window)  # the filters' bounds within the question's time
        topic = topic_asked(query) if gathering and vector is not None else None
        told_of_topic = self._told_of_topic(topic, vector, scope, pool, *narrowed, lists,
                                            weights, similarity) if topic is not None and self.weights.topic > 0 else {}
        now_topic = topic_now(query) if not gathering and vector is not None and options.use_priors else None
        if now_topic is not None and parsed.time.order == "last" and self.weights.now_topic > 0:
            told_of_topic = self._told_of_topic(now_topic, vector, scope, pool, *narrowed, lists, weights,
                                                similarity, self.weights.now_topic)  # "Where do they live now?": a move
        timings["retrieve"] = (time.perf_counter() - started) * 1000

        fused = rrf_fuse(lists, weights, self.rrf_k)
        memories = self.store.get_many(list(fused))
        lexical_rank = {memory_id: rank for rank, memory_id in enumerate(lexical, 1)}
        vector_rank = {memory_id: rank for rank, memory_id in enumerate(semantic, 1)}
        about = {i for i, memory in memories.items() if by_or_about(memory, people)} if options.use_priors else set()
        about |= told_of_in_reply(memories, about, people, query, self.store.messages.replies) if about else set()
        about |= spoken_of_as_she_or_he(memories, about, self.store.conversations_of) if unspoken and about else set()
        if options.use_priors and not speaking and not unspoken:  # "What have I built this year?": the user's own
            about |= the_users_own(query, memories, self.store.messages.speakers)
        ranked: list[Hit] = []
        for memory_id, rrf in fused.items():
            memory = memories.get(memory_id)
            if memory is None or memory.state != "active":
                continue
            if sources is not None and memory.source_id not in sources:
                continue
            if options.only and memory_id not in options.only:
                continue
            retention = self.policy.retention(memory, now)
            score = rrf * (self.policy.prior(retention) if options.use_decay else 1.0)
            # A superseded fact keeps its full score only when asked about its time ("the first time" asks for it too).
            if parsed.time.order != "first":
                score *= validity_prior(memory, *narrowed)
            if options.use_priors:  # by or about whom it asks, or "her party" replying to a turn naming her
                score *= information_prior(memory) * (1 + self.weights.person * (memory_id in about)) \
                    * dated_prior(memory, asks_when, self.weights.dated) \
                    * typed_prior(memory, kind, asked, self.weights.typed) \
                    * (self.weights.others_news if says_of_themselves(memory, news_of) else 1.0)
            ranked.append(Hit(memory, score, retention, None, similarity.get(memory_id),
                              lexical_rank.get(memory_id), vector_rank.get(memory_id)))
        ranked.sort(key=lambda hit: hit.score, reverse=True)
        if parsed.time.order and ranked:
            ranked = self._prefer_by_date(ranked, parsed.time.order)
        # Asked for summaries by kind, or a broad question: the summaries themselves are the answer.
        if options.expand_summaries and not set(kinds) & set(SUMMARY_KINDS) and not is_broad(parsed.text):
            ranked = expand_summaries(ranked, self.store, options.k)
        if gathering:
            ranked = spread_over_sessions(ranked, self._sessions(ranked[:options.k * 4]), options.k)
        top = dedupe(ranked, options.k, self.weights.dedupe_jaccard) if options.dedupe else ranked[:options.k]
        origins = self.store.origins([hit.memory for hit in top])
        around = self._neighbours(top, options.context)
        hits = tuple(Hit(h.memory, h.score, h.retention, origins.get(h.memory.id), h.similarity, h.bm25_rank,
                         h.vector_rank, around.get(h.memory.id, ())) for h in top)
        unknown = unknown_terms(self.store, parsed.text, speakers) if options.use_bm25 else ()
        detached = detached_names(self.store, parsed.text, unknown, elapsed is not None) if options.use_bm25 else ()
        timings["total"] = (time.perf_counter() - started) * 1000
        best = max(similarity.values()) if similarity else None
        found = [h.memory.id for h in hits]  # "When does Aisha start her new job?": a job told in other words
        if now_topic is not None and not told_of_topic and found:
            told_of_topic = closest_to_topic(now_topic, self.embedder, lambda vector: self.store.vector_search(
                vector, len(found), among=found))
        return SearchResult(hits, best, len(fused), timings, parsed, unknown, detached,
                            {h.memory.id: told_of_topic[h.memory.id] for h in hits if h.memory.id in told_of_topic})

    def _events_compared(self, asked: Optional[ElapsedQuestion], use_vectors: bool, scope: "_Scope", pool, since,
                         until, lists, weights) -> None:
        """A question comparing the days of two events ("which came first: selling the house or Shannon getting
        engaged?", "how long between seeing the surgeon and the operation?") is searched for each event too: one
        event's words would otherwise fill the top with memories of it alone. Similarity stays the question's."""
        if asked is None or asked.kind in (SINCE, UNTIL):
            return
        for event in asked.events:
            vector = self.embedder.embed_one(event) if use_vectors else None
            self._retrieve(event, vector, scope, pool, since, until, lists, weights, {}, self.weights.event)

    def _without_names(self, text, names, question_vector, scope: "_Scope", pool, since, until, lists, weights,
                       similarity) -> None:
        """A question naming someone no speaker is, searched by meaning without the names too: a chat names
        a baby or a pet now and then and says "she" in between, and the name in the question's vector
        draws every turn saying it ("Zara slept through the speeches" before "she's crawling!!!" for "When
        did Zara start crawling?"). Similarity stays the question's own."""
        rest = without_names(text, names)
        if rest == text:
            return
        found = self._with_turns_that_follow(self.store.vector_search(
            self.embedder.embed_one(rest), pool, scope.kinds, since, until, scope.among), scope)
        lists.append([memory_id for memory_id, _ in found])
        weights.append(self.weights.unnamed)
        self._measure(question_vector, lists[-1], similarity)

    def _with_turns_that_follow(self, found, scope: "_Scope"):
        """`found` with the replies to its questions and what its speakers said next (`follow_on.py`),
        when chat turns may be found."""
        if "message" not in (scope.kinds or MEMORY_KINDS):
            return found
        return with_what_follows(self.store, with_replies(self.store, found, scope.among), scope.among)

    def _measure(self, question_vector, ranking: Sequence[int], similarity) -> None:
        """The question's own similarity for the memories of `ranking` not measured yet: the abstention
        checks judge by it, not by what found them."""
        unmeasured = [memory_id for memory_id in ranking if memory_id not in similarity]
        if unmeasured:
            similarity.update(self.store.vector_search(question_vector, len(unmeasured), among=unmeasured))

    def _facts_about(self, people, vector, among, pool, lists, weights, similarity) -> None:
        """A gathering question about someone ("what hobbies has Nina taken up?") also ranks the facts
        learnt about them, by meaning alone: they rarely share the question's words."""
        facts = {memory_id for person in people for memory_id in self.store.memories_of_person(person, ("fact",))}
        if among is not None:
            facts &= set(among)
        found = self.store.vector_search(vector, pool, among=sorted(facts)) if facts else []
        if found:
            lists.append([memory_id for memory_id, _ in found])
            weights.append(self.weights.facts_about)
            similarity.update({memory_id: score for memory_id, score in found if memory_id not in similarity})

    def _told_of_topic(self, topic: Topic, question_vector, scope: "_Scope", pool, since, until, lists, weights,
                       similarity, weight: Optional[float] = None) -> dict[int, float]:
        """A gathering question's everyday topic (or, weighted `weight`, what a question of now asks of),
        searched by the sentences that tell of it: a memory ranks by its best similarity to any of them
        (returned). The similarity kept for each is the question's own, which the abstention checks judge by."""
        best = closest_to_topic(topic, self.embedder, lambda vector: self.store.vector_search(
            vector, pool, scope.kinds, since, until, scope.among))
        if not best:
            return best
        ranking = sorted(best, key=best.get, reverse=True)[:pool]
        lists.append(ranking)
        weights.append(self.weights.topic if weight is None else weight)
        self._measure(question_vector, ranking, similarity)
        return best

    def _sessions(self, hits: Sequence[Hit]) -> dict[int, tuple[int, float]]:
        """memory id → its session (a run of talk without a long pause, in its conversation), for the chat
        turns among `hits`."""
        turns = {h.memory.id: h.memory.message_id for h in hits if h.memory.kind == "message" and h.memory.message_id}
        session_of = self.store.messages.sessions_of(list(turns.values()), TALK_PAUSE_SECONDS)
        return {memory_id: session_of[message_id] for memory_id, message_id in turns.items()
                if message_id in session_of}

    def _neighbours(self, hits: Sequence[Hit], around: int) -> dict[int, tuple[Neighbour, ...]]:
        """memory id → the turns around a chat turn hit (itself included), when asked for."""
        turns = {h.memory.message_id: h.memory.id for h in hits if around > 0 and h.memory.message_id is not None
                 and h.memory.kind == "message"}
        found = self.store.messages.neighbours(list(turns), around) if turns else {}
        return {turns[message_id]: tuple(Neighbour(t.speaker, t.text, t.timestamp, t.external_id, t.memory_id,
                                                   t.message_id == message_id) for t in stored)
                for message_id, stored in found.items()}

    def _retrieve(self, text, vector, scope: "_Scope", pool, since, until, lists, weights, similarity,
                  scale) -> tuple[list[int], list[int]]:
        """Append the BM25 and KNN rankings (memory ids, best first) for one time range; return them."""
        lexical: list[int] = []
        semantic: list[int] = []
        options, kinds = scope.options, scope.kinds
        if options.use_bm25:
            lexical = [memory_id for memory_id, _ in self.store.fts_search(
                match_expression(text), pool, kinds, since, until, options.person, scope.told, self.weights.context)]
            lists.append(lexical)
            weights.append(self.weights.bm25 * scale)
        if vector is not None:
            found = self.store.vector_search(vector, pool, kinds, since, until, scope.among)
            if scope.told and (since is not None or until is not None):
                # Turns telling of a date inside the range ("yesterday", said the day after) count as inside it.
                told = self.store.told_between(since, until, kinds)
                if scope.among is not None:
                    told = sorted(set(told) & set(scope.among))
                if told:
                    found = sorted({**dict(found), **dict(self.store.vector_search(vector, pool, among=told))}.items(),
                                   key=lambda pair: pair[1], reverse=True)[:pool]
            found = self._with_turns_that_follow(found, scope)
            semantic = [memory_id for memory_id, _ in found]
            lists.append(semantic)
            weights.append(self.weights.vector * scale)
            similarity.update(found)
        return lexical, semantic

    def _anchor_window(self, parsed: ParsedQuery, options, kinds, since, until) -> tuple:
        """Date the event a question refers to ("before I moved to Berlin") by the best memory of it."""
        vector = self.embedder.embed_one(parsed.time.anchor) if options.use_vectors and self.store.has_vectors else None
        lists, weights, similarity = [], [], {}
        self._retrieve(parsed.time.anchor, vector, _Scope(options, kinds), 10, since, until, lists, weights, similarity,
                       1.0)
        fused = rrf_fuse(lists, weights, self.rrf_k)
        if not fused:
            return None, None
        best = next(iter(self.store.get_many([max(fused, key=fused.get)]).values()))
        moment = when_it_happened(best)
        return (None, moment) if parsed.time.anchor_relation == "before" else (moment, None)

    def _prefer_by_date(self, ranked: list[Hit], order: str) -> list[Hit]:
        """Among the clearly relevant hits, the earliest (or latest) gains most: best score · weight / date rank."""
        top = ranked[0].score
        pool = [hit for hit in ranked[:self.weights.order_pool] if hit.score >= top * self.weights.order_ratio]
        by_date = sorted(pool, key=lambda h: when_it_happened(h.memory), reverse=(order == "last"))
        bonus = {h.memory.id: self.weights.order * top / rank for rank, h in enumerate(by_date, 1)}
        rescored = [Hit(h.memory, h.score + bonus.get(h.memory.id, 0.0), h.retention, h.origin, h.similarity,
                        h.bm25_rank, h.vector_rank) for h in ranked]
        rescored.sort(key=lambda hit: hit.score, reverse=True)
        return rescored
