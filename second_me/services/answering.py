"""Answering: search memory, and answer from it on quoted evidence — or say why memory cannot
answer, without guessing.

The answer path: search (retrieval/hybrid.py) → the abstention checks (retrieval/abstain.py)
→ the evidence, sentence by sentence (retrieval/evidence.py) → whose it is
(retrieval/attribution.py) → with a capable reader, its check that the evidence answers the
question, then its answer, each sentence support-checked (retrieval/writing.py); with the
small built-in model, the quotes themselves and at most one short supported line → the cited
memories strengthened. An answer is never stored as a memory. News the user tells is
acknowledged, with what memory holds about it quoted; it is not a question. A catch-up on
someone ("What has Tomás been up to?") is answered from their own newest turns, not searched
(services/catch_up.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from second_me.domain import Answer, Evidence, Hit, utc_day
from second_me.errors import InputRejected, NotFoundError
from second_me.memory.conversations import USER_SPEAKER, ask_turns
from second_me.models.base import RememberingEmbedder
from second_me.retrieval.abstain import decide, only_words_doubt, relevant_hits, signals
from second_me.retrieval.attribution import asks_the_assistant, attribute_quotes, subject_of, the_assistants_words
from second_me.retrieval.chatter import says_nothing_asked
from second_me.retrieval.compose import citation_numbers, judge_messages, quote_block
from second_me.retrieval.context import cited_numbers
from second_me.retrieval.dated_answer import asks_weekday, carried_out, how_it_went
from second_me.retrieval.elapsed import (SINCE, UNTIL, ElapsedQuestion, age_now, elapsed_line, elapsed_question,
                                         event_day, newest_plan)
from second_me.retrieval.evidence import (answer_sentences_first, evidence_choices, select_evidence,
                                         with_sentence_similarity)
from second_me.retrieval.newest import newest_statements_first, told_again
from second_me.retrieval.happened import asks_what_happened, of_then, told_then
from second_me.retrieval.hybrid import FusionWeights, HybridSearcher, SearchOptions, SearchResult
from second_me.retrieval.intent import FACT, YES_NO, Intent, asks_advice, intent_of
from second_me.retrieval.reckoning import worked_out
from second_me.retrieval.reader_checks import KeptToQuotes, only_copies, resting_on
from second_me.retrieval.writing import acknowledgement, quote_first, reader_answer, said_i_dont_know
from second_me.services.about_memory import about_memory
from second_me.services.catch_up import caught_up, who_they_are
from second_me.services.dated_events import EventFinder
from second_me.services.request_reading import read_for_request
from second_me.services.same_day import with_the_day_told
from second_me.services.turn_replies import replied_words, said_before, with_replies, with_turns_nearby
from second_me.text.utterance import answers_yes, direct_question, is_question, tells_before_asking, tells_news

if TYPE_CHECKING:
    from second_me.services.core import Core

TokenFn = Callable[[str], None]
NOT_ANSWERED = "the memories closest to that question don't answer it."
NOTHING_THEN = "nothing in your memory is from then."


def cited_sources(answer: str, hits: Sequence[Hit]) -> list[tuple[int, Hit]]:
    """The sources an answer cites, with their [n]; all of them when it cites none explicitly."""
    cited = cited_numbers(answer, len(hits))
    numbers = sorted(cited) if cited else range(1, len(hits) + 1)
    return [(n, hits[n - 1]) for n in numbers]


def evidence_entries(answer: Answer) -> list[tuple[int, Hit, Evidence]]:
    """Each quoted sentence with its [n] and the memory it came from, in the answer's order."""
    number = {hit.memory.id: (n, hit) for n, hit in enumerate(answer.citations, start=1)}
    return [(*number[item.memory_id], item) for item in answer.evidence if item.memory_id in number]


@dataclass(frozen=True)
class Prepared:
    """What an answer is written from: the kind of question, the hits, the quoted evidence, and why
    it cannot be answered (a rule's reason), or whose the evidence is instead (`not_theirs`)."""

    intent: Intent
    hits: list[Hit]
    evidence: list[Evidence]
    reason: str = ""
    not_theirs: str = ""
    order: Optional[str] = None  # the question asks for the newest ("now") or the oldest ("first") memory
    users: tuple[str, ...] = ()  # the user's own names in chats: who "I" is
    assistants: tuple[str, ...] = ()  # the names assistants answer under in chats
    doubt: str = ""  # check 4's reason (a word no memory holds), left for a capable reader to judge
    quoted: list[Evidence] = field(default_factory=list)  # of the evidence, what the built-in model would quote


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
        if options.person and not core.store.memories_of_person(options.person, options.kinds):
            raise NotFoundError(f"no memories by or about {options.person}")
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
        answer = self._answer(direct_question(question), k, on_token, options, remember)
        if conversation:
            now = self.core.now()
            turns = ask_turns(conversation, question, answer.text, now, self.core.settings.remember_max_chars)
            self.core.conversation_log().add_turns(turns, now)
        return answer

    def prepare(self, question: str, options: SearchOptions) -> "Prepared":
        """Everything before writing: the search, the rule checks, the evidence, whose it is."""
        core, settings = self.core, self.core.settings
        embedder = RememberingEmbedder(core.embedder)  # the closest-sentence check and the evidence share sentences
        result = with_sentence_similarity(self.search(question, options), question, embedder,
                                          settings.abstain_unknown_similarity)
        seen = signals(result, question, replied_words(core, result.hits), said_before(core, result.hits))
        intent = intent_of(question)
        time_hint = result.parsed.time if result.parsed is not None else None
        # "What did I do on 22 February?" says nothing but when: how close memories are to its words
        # says nothing either (`retrieval/happened.py`); whether memory holds anything from then does.
        happened = time_hint is not None and time_hint.has_window and asks_what_happened(question)
        if happened and not any(of_then(hit.memory, time_hint.since, time_hint.until) for hit in result.hits):
            return Prepared(intent, [], [], reason=NOTHING_THEN)
        bar = settings.abstain_similarity
        reason = decide(seen, 0.0 if happened else bar, None if happened else settings.abstain_unknown_similarity)
        doubt = ""
        capable = core.chat_model.profile.capable_reader
        if reason and capable and not intent.is_request \
                and not elapsed_question(question) \
                and only_words_doubt(seen, bar, settings.abstain_unknown_similarity):
            reason, doubt = "", reason  # the reader judges it, and must be surer (`reader_check_doubted`)
        if reason:
            return Prepared(intent, [], [], reason=reason)
        # Amounts to add are each close to the question, or none is: only a gathering of things reads wider.
        hits = [hit for hit in relevant_hits(result, bar, intent.is_request, intent.gathers_things)
                if not says_nothing_asked(hit.memory, question)]
        speakers = core.store.messages.speakers()
        users = [name for name, role in speakers if role == "user"]
        assistants = tuple(name for name, role in speakers if role == "assistant")
        if happened:
            hits = told_then(result.hits, time_hint.since, time_hint.until, users) or hits
        replies: dict[int, list[int]] = {}
        brought = 0
        if intent.is_request:
            hits = read_for_request(core, hits)
        else:
            nearby = with_turns_nearby(core, result.hits, hits)
            hits, replies = with_replies(core, nearby)
            if asks_the_assistant(question, assistants) and not any(hit.memory.speaker in assistants for hit in hits):
                # Asked what an assistant said, and none of its words are read: its replies to the user's are.
                hits, replies = with_replies(core, nearby, every_turn=True)
            hits, brought = with_the_day_told(core, hits)
        order = time_hint.order if time_hint is not None else None
        quoted, wider = evidence_choices(question, hits, embedder, intent, time_hint, replies, assistants,
                                         beyond=brought)
        if capable:  # the reader's from more hits; the quotes, and whose news they are, as the small model's
            wider = evidence_choices(question, hits, embedder, intent, time_hint, replies, assistants, reader=True,
                                     beyond=brought)[1]
        quoted, wider = the_assistants_words(question, quoted, wider, assistants)
        order = "last" if order is None and told_again(question, intent, time_hint, wider, assistants) else order
        # A capable reader is given more; so is a question about what is true now, which weighs an
        # older statement against newer ones, whichever model answers.
        evidence = wider if capable or _asks_now(intent, order) else quoted
        if intent.kind == YES_NO and evidence and all(item.derived for item in evidence):
            hits, evidence = self._with_sources(question, hits, evidence, intent, time_hint)
        subject = subject_of(question, [name for name, _ in speakers], users)
        attribution = attribute_quotes(quoted if evidence is wider else evidence, evidence, subject, users, assistants)
        # "That was Tomás, not you" says whose a thing done was: a request to sum something up ("Summarize my
        # chat with Tomás about Porto") or a question of what to do ("What should I bring camping?") asks neither.
        if attribution.other is not None and not (intent.is_request or asks_advice(question)
                                                  or asks_the_assistant(question, assistants)):
            return Prepared(intent, hits, [attribution.other], not_theirs=attribution.message, doubt=doubt)
        evidence = list(attribution.evidence) if attribution.other is None else evidence
        # "When was my cello exam?": the quote may be its plan ("in July"); a later message read beyond
        # the quotes may tell the day it was ("cello exam was this morning!!"), and is quoted after it.
        later = carried_out(question, evidence[:1] + [item for item in wider if item not in evidence])
        if later is not None and later not in evidence:
            evidence.insert(1, later)
        went = how_it_went(question, evidence, wider)  # a plan quoted, and its day told of again after it
        if went is not None:
            evidence.insert(*went)
        if intent.kind == FACT and all(item.speaker and is_question(item.text) and not answers_yes(item.text)
                                       and not tells_before_asking(item.text) for item in evidence):
            # Only questions someone asked ("whats the best way to get red wine out of a carpet"): the
            # replies to them that were read answer it; with none, memory holds the asking, not an answer.
            # A turn telling something before it asks states it ("with my sister Clara… what should we do?").
            answering = {reply for item in evidence for reply in replies.get(item.memory_id, ())}
            answers = [item for item in wider if item.memory_id in answering
                       and (not is_question(item.text) or answers_yes(item.text))]
            evidence = evidence + answers if answers else []
        return Prepared(intent, hits, evidence, reason="" if evidence else (doubt or NOT_ANSWERED),
                        order=order, users=tuple(users), assistants=assistants, doubt=doubt,
                        quoted=[item for item in quoted if item in evidence] or evidence)

    def reader_check(self, question: str, evidence: Sequence[Evidence]) -> float:
        """How likely a capable reader finds that the evidence answers the question (0..1)."""
        return self.core.chat_model.yes_probability(judge_messages(question, evidence))

    def _answer(self, question: str, k: int | None, on_token: TokenFn | None,
                options: SearchOptions | None, remember: bool) -> Answer:
        core, settings = self.core, self.core.settings
        options = options or SearchOptions(k=settings.search_k)
        if k:
            options = replace(options, k=k)
        # "What's in my notes?", "What do you know about me?", "hi": about the memory itself (services/about_memory.py).
        known = about_memory(core, question, on_token) if not options.person else None
        if known is not None:
            return known
        # "What has Tomás been up to?": their news, not the turns closest to "up to" (services/catch_up.py).
        news = caught_up(core, question, on_token, remember) if not options.person else None
        if news is not None:
            return news
        # "Who is Tomás?", someone the user chats with: that first; then what memory says of him in others' words.
        speaking = who_they_are(core, question) if not options.person else None
        if speaking is not None:
            # Only what others say of him is worth writing out: his own turns first cost nothing to rule out.
            ready = self.prepare(question, options)
            others = not ready.reason and not ready.not_theirs \
                and any(item.speaker not in speaking.names for item in ready.evidence)
            told = self._searched(question, options, None, remember, ready) if others else None
            answer = Answer(speaking.line + " " + speaking.more) if told is None or told.abstained \
                else Answer(speaking.line + "\n\n" + told.text, told.citations, evidence=told.evidence)
            if on_token:
                on_token(answer.text)
            return answer
        return self._searched(question, options, on_token, remember)

    def _searched(self, question: str, options: SearchOptions, on_token: TokenFn | None, remember: bool,
                  ready: Optional[Prepared] = None) -> Answer:
        """The answer found by searching memory: quoted, read, worked out or refused. `ready`: the search
        and its checks, when already prepared."""
        core, settings = self.core, self.core.settings
        ready = ready or self.prepare(question, options)
        if tells_news(question, settings.remember_max_chars):
            return self._noted(ready, on_token)
        if ready.not_theirs:
            # Asked with a word no memory holds, someone else's words that do not answer it are not
            # theirs instead: "Where did Lena go on holiday?" is not "That was you, not Lena: 17 April,
            # at a vineyard outside the city", the day of a sister's wedding.
            if ready.doubt and self.reader_check(question, ready.evidence) < settings.reader_check_doubted:
                return _refusal(ready.doubt, on_token)
            return self._not_theirs(ready.not_theirs, ready.evidence[0], ready.hits, on_token)
        if ready.reason:
            return _refusal(ready.reason, on_token)
        form = elapsed_question(question)
        dated = self._elapsed(form, ready, options, on_token, remember) if form else \
            self._age_now(question, ready, on_token, remember)
        if dated is not None:
            return dated
        # "How much does Tomás still owe me?": the amounts quoted, and what they come to worked out under them.
        worked = worked_out(question, ready.evidence)
        if worked is not None:
            return self._reckoned(*worked, ready.hits, on_token, remember)
        intent, evidence = ready.intent, ready.evidence
        model = core.chat_model
        # The weekday of a date is worked out by rule: a 1.5B reader called 24 November 2023 a Thursday.
        reads = model.profile.capable_reader and not intent.wants_extract and not asks_weekday(question)
        shown = evidence
        if _asks_now(intent, ready.order):
            # "What phone do I use now?": of the evidence, the newest statement says what is true now,
            # and is quoted first. A 1.5B reader weighs dates poorly, and answers from the older "Got a
            # new phone, a Pixel 7" over "Switched to an iPhone 15" even when told the dates: it reads
            # that one memory, and the others are quoted after its answer.
            evidence = shown = newest_statements_first(evidence, ready.assistants, question, self._today())
            if reads:
                evidence = [item for item in shown if item.memory_id == shown[0].memory_id]
        cited, numbers = citation_numbers(shown, ready.hits)
        if reads:
            # A writing request's notes are material to work from, not an answer to it: the rules alone refuse one.
            bar = max(settings.reader_check, settings.reader_check_doubted) if ready.doubt else settings.reader_check
            if not intent.is_request and self.reader_check(question, evidence) < bar:
                return _refusal(ready.doubt or NOT_ANSWERED, on_token)
            max_tokens = min(settings.max_answer_tokens, model.profile.max_answer_tokens)
            today = utc_day(core.now())
            read = {item.memory_id for item in evidence}
            text = reader_answer(question, intent, evidence, [hit for hit in cited if hit.memory.id in read], numbers,
                                 model, max_tokens, settings.temperature, settings.context_tokens, on_token,
                                 [name for name in ready.users if name != USER_SPEAKER],  # not "I am me"
                                 today, ready.assistants, KeptToQuotes(ready.quoted, question)
                                 if intent.kind in (FACT, YES_NO) and not _asks_now(intent, ready.order) else None)
            # Nothing the reader wrote stands, or it says it does not know when the check found that the
            # evidence answers the question ("What film did Sam and I watch last Saturday?" over "Watched
            # Inside Out 2 with Sam on Saturday night"): the quotes do, for the user to read.
            if not text or said_i_dont_know(text) or only_copies(text, evidence):
                text = quote_first(question, intent, shown, numbers, None, on_token, _asks_now(intent, ready.order))
            elif not _asks_now(intent, ready.order) and not intent.is_request:
                # The reader is given more than it needs: what it cites is shown under its answer, when
                # that alone supports what it wrote (`resting_on`).
                used = set(cited_numbers(text, len(cited)))
                own = resting_on(text, [item for item in shown if numbers.get(item.memory_id) in used], question)
                shown = answer_sentences_first(own or shown, text, numbers)
        else:
            text = quote_first(question, intent, evidence, numbers, model if settings.answer_line else None, on_token,
                               _asks_now(intent, ready.order))
        if remember:
            quoted_ids = {item.memory_id for item in shown}
            core.reinforce([hit.memory.id for hit in cited if hit.memory.id in quoted_ids])
        return Answer(text, tuple(cited), abstained=False, evidence=tuple(shown))

    def _noted(self, ready: Prepared, on_token: TokenFn | None) -> Answer:
        """News the user tells: acknowledged, with what memory already holds about it quoted, never
        answered as if it were a question. Those memories are not strengthened: nobody asked for them."""
        evidence = [] if ready.reason else ready.evidence
        cited, numbers = citation_numbers(evidence, ready.hits)
        return Answer(acknowledgement(evidence, numbers, on_token), tuple(cited), evidence=tuple(evidence))

    def _elapsed(self, form: ElapsedQuestion, ready: Prepared, options: SearchOptions, on_token: TokenFn | None,
                 remember: bool) -> Optional[Answer]:
        """A question of date arithmetic ("how long ago…", "which came first…"): each event's message
        quoted, and the span between their days (or to today) written by rule under them. None when
        an event is not found in a chat message: the usual answer then stands."""
        hits = list(ready.hits)
        if form.kind == SINCE:
            events = [item for item in ready.evidence if event_day(item) is not None][:1]
        elif form.kind == UNTIL:
            events = [plan for plan in [newest_plan(ready.evidence, form.events[0])] if plan is not None]
        else:
            found = EventFinder(self.search, self.core).events(form, ready.hits, options)
            if found is None:
                return None
            events, hits = found[0], hits + found[1]
        line = elapsed_line(form, events, self._today()) if events else ""
        return self._reckoned(events, line, hits, on_token, remember) if line else None

    def _age_now(self, question: str, ready: Prepared, on_token: TokenFn | None, remember: bool) -> Optional[Answer]:
        """"How old is Ella now?": the newest birthday a message tells of her, quoted, and the age
        counted from its day to today by rule under it (`elapsed.age_now`); None when none is told."""
        told, line = age_now(question, ready.evidence, self._today())
        return self._reckoned([told], line, ready.hits, on_token, remember) if told is not None else None

    def _reckoned(self, events: list[Evidence], line: str, hits: Sequence[Hit], on_token: TokenFn | None,
                  remember: bool) -> Answer:
        """The events' messages quoted, and under them the line counted by rule from their days."""
        cited, numbers = citation_numbers(events, hits)
        text = quote_block(events, numbers) + "\n\n" + line
        if on_token:
            on_token(text)
        if remember:
            self.core.reinforce([hit.memory.id for hit in cited])
        return Answer(text, tuple(cited), abstained=False, evidence=tuple(events), reckoned=line)

    def _today(self) -> date:
        return datetime.fromtimestamp(self.core.now(), timezone.utc).date()

    def _with_sources(self, question: str, hits: list[Hit], evidence: list[Evidence], intent: Intent,
                      time_hint) -> tuple[list[Hit], list[Evidence]]:
        """A yes/no question about the user is not settled by what second-me derived alone: bring in
        the turns and notes the fact or summary came from, and quote them beside it."""
        sources: list[int] = []
        for item in evidence:
            links = self.core.store.states.links(item.memory_id)
            sources += [i for i in links.turns + links.children if i not in sources]
        if not sources:
            return hits, evidence
        low = min(hit.score for hit in hits)
        extra = [replace(hit, score=low) for hit in self.core.hits_for(sources)]
        own = [item for item in select_evidence(question, extra, self.core.embedder, intent, time_hint)
               if not item.derived]
        return hits + extra, own + evidence if own else evidence

    def _not_theirs(self, message: str, other: Evidence, hits: list[Hit], on_token: TokenFn | None) -> Answer:
        """The evidence is about someone else: say whose it is, quoted, instead of answering."""
        cited, numbers = citation_numbers([other], hits)
        text = f"{message}: " + quote_block([other], numbers, speakers=False)
        if on_token:
            on_token(text)
        return Answer(text, tuple(cited), abstained=True, evidence=(other,))


def _asks_now(intent: Intent, order: Optional[str]) -> bool:
    """A question of one fact about what is true now ("now", "these days", "currently"). ("The
    first…" is not turned around by date: "the very first time" is a statement's words, not its date.)"""
    return order == "last" and intent.kind == FACT



def _refusal(reason: str, on_token: TokenFn | None) -> Answer:
    text = f"I don't know: {reason}"
    if on_token:
        on_token(text)
    return Answer(text, (), abstained=True)
