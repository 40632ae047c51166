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

from dataclasses import replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from second_me.domain import Answer, Asked, Evidence, Hit, utc_day
from second_me.errors import InputRejected, NotFoundError
from second_me.memory.conversations import USER_SPEAKER, ask_turns
from second_me.retrieval.compose import citation_numbers, judge_messages, quote_block
from second_me.retrieval.context import cited_numbers
from second_me.retrieval.dated_answer import asks_weekday
from second_me.retrieval.elapsed import (SINCE, UNTIL, ElapsedQuestion, age_now, elapsed_line, elapsed_question,
                                         event_day, newest_plan)
from second_me.retrieval.evidence import answer_sentences_first, deeds_asked
from second_me.retrieval.newest import newest_statements_first, the_newest_statement
from second_me.retrieval.hybrid import FusionWeights, HybridSearcher, SearchOptions, SearchResult
from second_me.retrieval.intent import FACT, YES_NO
from second_me.retrieval.reckoning import worked_out
from second_me.retrieval.reader_checks import KeptToQuotes, in_the_state_asked, only_copies, resting_on
from second_me.retrieval.writing import acknowledgement, quote_first, reader_answer, said_i_dont_know
from second_me.services.about_memory import about_memory
from second_me.services.catch_up import caught_up, who_they_are
from second_me.services.dated_events import EventFinder
from second_me.services.family_names import by_parents_name
from second_me.services.preparing import NOT_ANSWERED, Prepared, asks_now, prepare
from second_me.text.follow_up import asks_of_the_answer, standalone
from second_me.text.table_rows import row_in_words
from second_me.text.utterance import direct_question, tells_news
from second_me.text.words import stems

if TYPE_CHECKING:
    from second_me.services.core import Core

TokenFn = Callable[[str], None]
# The questions of a conversation asked this recently before a new one are what it may lean on
# ("and for how long?"): a question asked the next morning starts afresh.
FOLLOW_UP_SECONDS = 30 * 60


def cited_sources(answer: str, hits: Sequence[Hit]) -> list[tuple[int, Hit]]:
    """The sources an answer cites, with their [n]; all of them when it cites none explicitly."""
    cited = cited_numbers(answer, len(hits))
    numbers = sorted(cited) if cited else range(1, len(hits) + 1)
    return [(n, hits[n - 1]) for n in numbers]


def shown_quote(item: Evidence) -> str:
    """A quoted sentence as the user reads it: a table's row by its columns (`text/table_rows.py`)."""
    return row_in_words(item.text)


def evidence_entries(answer: Answer) -> list[tuple[int, Hit, Evidence]]:
    """Each quoted sentence with its [n] and the memory it came from, in the answer's order."""
    number = {hit.memory.id: (n, hit) for n, hit in enumerate(answer.citations, start=1)}
    return [(*number[item.memory_id], item) for item in answer.evidence if item.memory_id in number]


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
            conversation: str | None = None, on_reading: TokenFn | None = None,
            earlier: Sequence[Asked] | None = None) -> Answer:
        """Retrieve, then answer from memory with [n] citations — or abstain without guessing.

        `options` carries filters (k is taken from `k` when given); `remember=False` answers
        without strengthening the cited memories (the benchmark must not change what it measures).
        With `conversation`, the question and the answer are stored as turns of it. `on_reading` is
        given the quotes a capable reader is about to read, before it starts: it takes seconds, and
        the user can read them meanwhile (what `on_token` streams after is the answer, quotes again included).
        `earlier`: the questions asked before it in the same chat, oldest first, which a follow-up
        ("and for how long?") leans on; by default those asked in `conversation` in the last half hour.
        """
        if earlier is None:
            earlier = self._asked_before(conversation) if conversation else ()
        options = options or SearchOptions(k=self.core.settings.search_k)
        if k:
            options = replace(options, k=k)
        asked = standalone(question, [before.question for before in earlier])
        answer = None
        if earlier and earlier[-1].quoted and asks_of_the_answer(question):
            # "and when?" asks more of what was just answered: of the memories it quoted first.
            answer = self._of_the_answer(direct_question(asked), earlier[-1].quoted, on_token, options, remember,
                                         on_reading)
        if answer is None:
            answer = self._answer(direct_question(asked), on_token, options, remember, on_reading)
        if asked != question:
            answer = replace(answer, asked_as=asked)
        if conversation:
            now = self.core.now()
            turns = ask_turns(conversation, question, answer.text, now, self.core.settings.remember_max_chars)
            self.core.conversation_log().add_turns(turns, now)
            quoted = tuple(hit.memory.id for hit in answer.citations)
            if quoted and turns[-1].external_id:
                with self.core.store.db.transaction() as conn:
                    self.core.store.messages.set_cited(conn, conversation, turns[-1].external_id, quoted)
        return answer

    def _asked_before(self, conversation: str) -> list[Asked]:
        """The user's questions in `conversation` asked in the FOLLOW_UP_SECONDS before now, oldest
        first, each with the memories its answer quoted."""
        try:
            turns = self.core.conversation_log().turns(conversation)
        except NotFoundError:
            return []
        cited = self.core.store.messages.cited(conversation)
        since = self.core.now() - FOLLOW_UP_SECONDS
        asked: list[Asked] = []
        for turn in turns:
            if turn.timestamp < since:
                continue
            if turn.role == "user":
                asked.append(Asked(turn.text))
            elif asked and turn.external_id in cited:
                asked[-1] = Asked(asked[-1].question, cited[turn.external_id])
        return asked

    def _of_the_answer(self, question: str, quoted: Sequence[int], on_token: TokenFn | None,
                       options: SearchOptions, remember: bool, on_reading: TokenFn | None) -> Optional[Answer]:
        """A follow-up answered from the memories the answer before it quoted; None when they cannot
        answer it (the rule checks say so before anything is shown), to be searched afresh."""
        options = replace(options, only=tuple(quoted))
        ready = self.prepare(question, options)
        if ready.reason or ready.not_theirs:
            return None
        # "and did I send it on time?" after the day it was due asks of another event: no quote says "sent".
        deeds = deeds_asked(question)
        if deeds and not any(deeds & stems(item.text) for item in ready.evidence):
            return None
        return self._searched(question, options, on_token, remember, ready, on_reading)

    def prepare(self, question: str, options: SearchOptions) -> Prepared:
        """Everything before writing: the search, the rule checks, the evidence, whose it is."""
        return prepare(self.core, self.search, question, options)

    def reader_check(self, question: str, evidence: Sequence[Evidence]) -> float:
        """How likely a capable reader finds that the evidence answers the question (0..1)."""
        return self.core.chat_model.yes_probability(judge_messages(question, evidence))

    def _answer(self, question: str, on_token: TokenFn | None, options: SearchOptions, remember: bool,
                on_reading: TokenFn | None = None) -> Answer:
        core = self.core
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
        ready = self.prepare(question, options)
        if (ready.reason or ready.not_theirs) and not options.person:
            # "When is Dad's hip operation?", memory telling it in João's words, whom the user calls "Pai":
            # asked again by his name. Only when refused: notes saying "Dad" are found by the word.
            named = by_parents_name(core, question)
            again = self.prepare(named, options) if named else None
            if again is not None and not again.reason and not again.not_theirs:
                return self._searched(named, options, on_token, remember, again, on_reading)
        return self._searched(question, options, on_token, remember, ready, on_reading)

    def _searched(self, question: str, options: SearchOptions, on_token: TokenFn | None, remember: bool,
                  ready: Optional[Prepared] = None, on_reading: TokenFn | None = None) -> Answer:
        """The answer found by searching memory: quoted, read, worked out or refused. `ready`: the search
        and its checks, when already prepared; `on_reading`: as `ask`."""
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
        now_asked = asks_now(intent, ready.order)
        if now_asked:
            # "What phone do I use now?": of the evidence, the newest statement says what is true now,
            # and is quoted first. A 1.5B reader weighs dates poorly, and answers from the older "Got a
            # new phone, a Pixel 7" over "Switched to an iPhone 15" even when told the dates: it reads
            # that one memory, and the others are quoted after its answer.
            # The quotes alone (the built-in model) are the statements telling what is asked, newest first: not
            # "Meter readings…" nor the amlodipine beside "- 2026-11-01: 129/82" for the latest blood pressure.
            evidence = shown = newest_statements_first(evidence, ready.assistants, question, self._today(),
                                                       answering_only=not reads)
            if reads:
                evidence = the_newest_statement(shown)
        cited, numbers = citation_numbers(shown, ready.hits)
        if reads:
            if on_reading is not None:
                on_reading(quote_block(shown, numbers))
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
                                 if intent.kind in (FACT, YES_NO) and not now_asked else None)
            # Nothing the reader wrote stands, or it says it does not know when the check found that the
            # evidence answers the question ("What film did Sam and I watch last Saturday?" over "Watched
            # Inside Out 2 with Sam on Saturday night"): the quotes do, for the user to read.
            if not text or said_i_dont_know(text) or only_copies(text, evidence):
                shown = in_the_state_asked(question, shown)
                cited, numbers = citation_numbers(shown, ready.hits)
                text = quote_first(question, intent, shown, numbers, None, on_token, now_asked)
            elif now_asked:
                # Of the newest memory it read, the sentences its answer rests on ("12 to 14 hours" on the
                # cold proof's, not the bulk fermentation's beside it); the older memories after them.
                own = resting_on(text, evidence, question)
                shown = own + [item for item in shown if item.memory_id not in read] if own else shown
            elif not intent.is_request:
                # The reader is given more than it needs: what it cites (all it read, citing nothing) is
                # shown under its answer, when that alone supports what it wrote (`resting_on`).
                used = set(cited_numbers(text, len(cited)))
                own = resting_on(text, [item for item in shown if not used or numbers.get(item.memory_id) in used],
                                 question)
                shown = answer_sentences_first(own or shown, text, numbers)
        else:
            text = quote_first(question, intent, evidence, numbers, model if settings.answer_line else None, on_token,
                               now_asked)
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

    def _not_theirs(self, message: str, other: Evidence, hits: list[Hit], on_token: TokenFn | None) -> Answer:
        """The evidence is about someone else: say whose it is, quoted, instead of answering."""
        cited, numbers = citation_numbers([other], hits)
        text = f"{message}: " + quote_block([other], numbers, speakers=False)
        if on_token:
            on_token(text)
        return Answer(text, tuple(cited), abstained=True, evidence=(other,))


def _refusal(reason: str, on_token: TokenFn | None) -> Answer:
    text = f"I don't know: {reason}"
    if on_token:
        on_token(text)
    return Answer(text, (), abstained=True)
