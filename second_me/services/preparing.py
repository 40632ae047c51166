"""What an answer is written from, prepared before any writing: the search, the rule checks that
can refuse it (retrieval/abstain.py), the evidence sentence by sentence (retrieval/evidence.py),
the turns and replies read beside the hits (services/turn_replies.py), and whose the evidence is
(retrieval/attribution.py). services/answering.py writes the answer from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Optional

from second_me.domain import Evidence, Hit
from second_me.models.base import RememberingEmbedder
from second_me.retrieval.abstain import decide, only_words_doubt, relevant_hits, signals
from second_me.retrieval.attribution import asks_the_assistant, attribute_quotes, subject_of, the_assistants_words
from second_me.retrieval.chatter import says_nothing_asked
from second_me.retrieval.dated_answer import carried_out, how_it_went
from second_me.retrieval.elapsed import elapsed_question
from second_me.retrieval.evidence import evidence_choices, select_evidence, with_sentence_similarity
from second_me.retrieval.happened import asks_what_happened, of_then, told_then
from second_me.retrieval.hybrid import SearchOptions, SearchResult
from second_me.retrieval.intent import FACT, GATHER, YES_NO, Intent, asks_advice, intent_of
from second_me.retrieval.newest import told_again
from second_me.services.request_reading import read_for_request
from second_me.services.same_day import with_the_day_told
from second_me.services.turn_replies import replied_words, said_before, with_replies, with_turns_nearby
from second_me.text.utterance import answers_yes, is_question, tells_before_asking

if TYPE_CHECKING:
    from second_me.services.core import Core

Search = Callable[[str, SearchOptions], SearchResult]
NOT_ANSWERED = "the memories closest to that question don't answer it."
NOTHING_THEN = "nothing in your memory is from then."


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


def prepare(core: "Core", search: Search, question: str, options: SearchOptions) -> Prepared:
    """Everything before writing: the search, the rule checks, the evidence, whose it is."""
    settings = core.settings
    embedder = RememberingEmbedder(core.embedder)  # the closest-sentence check and the evidence share sentences
    intent = intent_of(question)
    # Another's own news is where whose a thing was is found ("That was you, not Sam: …"): only a
    # question gathering everything of someone's holds it back.
    options = replace(options, others_news=options.others_news and intent.kind == GATHER)
    result = with_sentence_similarity(search(question, options), question, embedder,
                                      settings.abstain_unknown_similarity)
    seen = signals(result, question, replied_words(core, result.hits), said_before(core, result.hits))
    time_hint = result.parsed.time if result.parsed is not None else None
    # "What did I do on 22 February?" says nothing but when: how close memories are to its words
    # says nothing either (`retrieval/happened.py`); whether memory holds anything from then does.
    happened = time_hint is not None and time_hint.has_window and asks_what_happened(question)
    if happened and not any(of_then(hit.memory, time_hint.since, time_hint.until) for hit in result.hits):
        return Prepared(intent, [], [], reason=NOTHING_THEN)
    bar = settings.abstain_similarity
    # Nor does a follow-up's ("who asked for it?", asked of what the answer before it quoted: `only`): its
    # memories were found for the question before it.
    bars = (0.0, None) if happened or options.only else (bar, settings.abstain_unknown_similarity)
    reason = decide(seen, *bars)
    doubt = ""
    capable = core.chat_model.profile.capable_reader
    if reason and capable and not intent.is_request \
            and not elapsed_question(question) \
            and only_words_doubt(seen, bar, settings.abstain_unknown_similarity):
        reason, doubt = "", reason  # the reader judges it, and must be surer (`reader_check_doubted`)
    # No amount in the memories about Lea's car inspection, but Marta's says what hers cost: whose it
    # was is said, when the evidence is hers alone; otherwise the refusal stands.
    whose_instead = bool(reason) and seen.stated_by_others and not intent.is_request \
        and decide(replace(seen, lacking=None), *bars) is None
    if reason and not whose_instead:
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
    quoted, wider = the_assistants_words(question, quoted, wider, assistants)
    order = "last" if order is None and told_again(question, intent, time_hint, wider, assistants) else order
    # A capable reader is given more; so is a question about what is true now, which weighs an
    # older statement against newer ones, whichever model answers.
    evidence = wider if capable or asks_now(intent, order) else quoted
    if intent.kind == YES_NO and evidence and all(item.derived for item in evidence):
        hits, evidence = _with_sources(core, question, hits, evidence, intent, time_hint)
    subject = subject_of(question, [name for name, _ in speakers], users)
    attribution = attribute_quotes(quoted if evidence is wider else evidence, evidence, subject, users, assistants)
    # "That was Tomás, not you" says whose a thing done was: a request to sum something up ("Summarize my
    # chat with Tomás about Porto") or a question of what to do ("What should I bring camping?") asks neither.
    if attribution.other is not None and not (intent.is_request or asks_advice(question)
                                              or asks_the_assistant(question, assistants)):
        return Prepared(intent, hits, [attribution.other], not_theirs=attribution.message, doubt=doubt)
    if whose_instead:
        return Prepared(intent, [], [], reason=reason)
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


def _with_sources(core: "Core", question: str, hits: list[Hit], evidence: list[Evidence], intent: Intent,
                  time_hint) -> tuple[list[Hit], list[Evidence]]:
    """A yes/no question about the user is not settled by what second-me derived alone: bring in
    the turns and notes the fact or summary came from, and quote them beside it."""
    sources: list[int] = []
    for item in evidence:
        links = core.store.states.links(item.memory_id)
        sources += [i for i in links.turns + links.children if i not in sources]
    if not sources:
        return hits, evidence
    low = min(hit.score for hit in hits)
    extra = [replace(hit, score=low) for hit in core.hits_for(sources)]
    own = [item for item in select_evidence(question, extra, core.embedder, intent, time_hint)
           if not item.derived]
    return hits + extra, own + evidence if own else evidence


def asks_now(intent: Intent, order: Optional[str]) -> bool:
    """A question of one fact about what is true now ("now", "these days", "currently"). ("The
    first…" is not turned around by date: "the very first time" is a statement's words, not its date.)"""
    return order == "last" and intent.kind == FACT
