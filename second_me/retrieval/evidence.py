"""Evidence: the sentences of the retrieved memories that answer the question, and where they stand.

Every answer is built on evidence, shown quoted with its source (`path:line`, or
conversation · speaker · date). Sentences are cut from the top hits (`quotable.py`: a
Markdown heading stays as context, a wrapped line is joined, a list item stands alone) and
scored by the embedder's similarity to the question plus how much of the question's wording they share,
weighted by how rare each word is among the candidates, with a small lead for the better
search hits. A question takes its best sentence and the few that score nearly as well; a
request ("Summarize my sourdough notes") and a gathering question ("what activities…") take
more, from more memories.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Callable, Mapping, Optional, Sequence

from second_me.domain import ConversationOrigin, Evidence, Hit, told_dates
from second_me.models.base import Embedder
from second_me.retrieval.abstain import RELEVANCE_MARGIN, words_memory_lacks
from second_me.retrieval.answer_type import (AGE, ASKS_WHEN, DATE, DAY_OF_YEAR, EMAIL, LIGHT_VERBS, MONEY, PHONE,
                                             OCCUPATION, TYPE_WORDS, answer_type_words, asked_words,
                                             expected_answer, has_answer, proper_names, wanted_kind)
from second_me.retrieval.attribution import asks_the_assistant
from second_me.retrieval.dated_answer import CALLED_OFF
from second_me.retrieval.gather import occurrences_asked
from second_me.retrieval.hybrid import SearchResult
from second_me.retrieval.intent import (FACT, GATHER, REQUEST, YES_NO, Intent, asks_advice, asks_what_user_did,
                                       intent_of)
from second_me.retrieval.newest import states_kind_asked
from second_me.retrieval.note_context import worded_context
from second_me.retrieval.quotable import (Sentence, candidate_sentences, date_lead, names_missed, reading_order,
                                         said_within, source_label, with_whole_lists)
from second_me.retrieval.request_extract import request_extract
from second_me.retrieval.replies import (with_one_stating_it, with_questions_answered, with_their_replies,
                                         with_what_they_go_on_from)
from second_me.retrieval.timeparse import TimeHint
from second_me.retrieval.topics import told_vectors, topic_asked
from second_me.text.measures import MEASURE_KINDS
from second_me.text.names import fold
from second_me.text.tasks import asked_state, task_state
from second_me.text.utterance import asked_verbs, request_words, tells_before_asking
from second_me.text.words import content_words, forms, stem, stems

DERIVED_KINDS = frozenset({"fact", "summary", "portrait"})
# Sentences are looked for in this many of the best hits (the eight `ask` searches for and turns brought in around
# them): the one that answers may be the tenth ("[photo: a girl blowing out candles on a cake shaped like Saturn]"
# for "What shape was Maisie's birthday cake?", under nine turns naming Maisie).
MAX_HITS = 10
DOCUMENT_HITS = 16  # a request reads this many when the best hit's document was read whole
MAX_SENTENCES = 80  # at most this many are embedded per answer
RECKON_MARGIN = 0.3  # asked how much more or is left, an amount this close to the best is quoted too (both times)
_AMOUNT = re.compile(r"\d")
# score = semantic · similarity + lexical · shared words + search · the hit's fused score (relative to the
# best hit: it carries what sentences cannot see, such as time and which fact is current) + answer shape.
SEMANTIC_WEIGHT, LEXICAL_WEIGHT, SEARCH_WEIGHT, SHAPE_LEAD = 0.45, 0.35, 0.2, 0.15
QUESTION_PENALTY = 0.2  # a question or a request rarely answers anything (its reply may)
CHATTER_PENALTY = 0.1  # nor does a sentence of one or two words ("Got it.")
ADVICE_PENALTY = 0.2  # asked what the user did, an assistant's suggestion is not it (asked advice, it is)
ORDER_LEAD = 0.15  # "now", "currently", "the first time": the newest (or oldest) memory leads
NAME_LEAD = 0.15  # a note's line saying the names asked about ("in Kyoto") leads its lines saying fewer
# How many sentences each kind of question takes, and how close to the best they must score.
TAKE = {FACT: (2, 0.08), YES_NO: (2, 0.08), GATHER: (6, 0.15), REQUEST: (8, 0.35)}
# A capable reader weighs several memories itself (an older statement and the newer one that
# replaces it, a loan and a repayment): it is given more, and cites the ones it answers from.
READER_TAKE = {FACT: (8, 0.35), YES_NO: (4, 0.35), GATHER: (8, 0.25), REQUEST: (8, 0.35)}


def _question_terms(question: str) -> dict[str, set[str]]:
    """Content word → the stems it may take in a sentence; request and answer-type words left out, and how a
    job is asked ("he's a living thing Leah" says nothing of what Kofi does for a living)."""
    skip = request_words(question) | TYPE_WORDS | ({"living"} if expected_answer(question) == OCCUPATION else set())
    return {word: forms(word) for word in content_words(question, frozenset(skip))}


def _lexical_scores(question: str, sentences: Sequence[Sentence]) -> list[float]:
    """Share of the question's words a sentence (with its context) has, each weighted by rarity."""
    terms = _question_terms(question)
    if not terms or not sentences:
        return [0.0] * len(sentences)
    sentence_stems = [stems(f"{s.goes_on_from} {s.answers} {s.text}") | {stem(w) for w in s.context.split()}
                      for s in sentences]
    weights = {}
    for word, word_forms in terms.items():
        df = sum(1 for found in sentence_stems if found & word_forms)
        weights[word] = math.log(1 + len(sentences) / (1 + df))
    total = sum(weights.values()) or 1.0
    return [sum(weights[w] for w, word_forms in terms.items() if found & word_forms) / total
            for found in sentence_stems]


def in_window(hits: Sequence[Hit], since: Optional[float], until: Optional[float]) -> list[Hit]:
    """The hits from the asked-for time first ("in June 2023"), then the rest, each in search order."""
    if since is None and until is None:
        return list(hits)
    inside = [h for h in hits if (since is None or h.memory.created_at >= since)
              and (until is None or h.memory.created_at < until)]
    return inside + [h for h in hits if h not in inside]


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b))


def _tells_a_date(sentence: Sentence, question_words: set[str]) -> bool:
    memory = sentence.hit.memory
    return has_answer(DATE, sentence.text, question_words) or (memory.kind == "message" and bool(memory.about))


def verbs_asked(question: str, intent: Intent) -> set[str]:
    """The stems of the question's own verbs, but light ones: a sentence saying one answers whether it
    happened ("passed!!" for "Did I pass?") and what was done ("Prescribed sumatriptan" for "What did
    the GP prescribe?"), unless it asks for a kind of answer or a thing, which that sentence must state
    ("What temperature do I bake the bread at?": "at 250 °C", not "before baking the bread"; "Which
    race did I run in April?": "the Hamburg marathon", not "running 20 km a week")."""
    asks_a_thing = intent.kind == FACT and (not _WHAT_DID.match(question) or wanted_kind(question) is not None
                                            or bool(answer_type_words(question)))
    return _verb_stems(question) if intent.kind in (YES_NO, FACT) and not asks_a_thing else set()


def _verb_stems(question: str) -> set[str]:
    return {form for verb in asked_verbs(question) - LIGHT_VERBS for form in forms(verb)}


# "What did the GP prescribe…", "Who did I lend it to?": what was done is the answer (not "for how long
# do I bake the bread?", where "My notes from baking the weekend loaf" says the verb and no time).
_WHAT_DID = re.compile(r"\s*(?:what|who|whom)\s+(?:did|does|do|have|has|had|will|would|should|can|could)\b", re.I)


_AUXILIARY_ASKED = re.compile(r"\b(?:did|do|does|will|would|can|could|should)\s+(?:i|we|you|he|she|they)\b", re.I)


def deeds_asked(question: str) -> set[str]:
    """The stems of what a question asks someone did or does ("did I send it on time?", "at what
    temperature do I bake it?"): a memory telling of none of them tells of something else. None for
    "who asked for it?": its verb is whatever the answer says was done."""
    return _verb_stems(question) if _AUXILIARY_ASKED.search(question) else set()


_ONE_ANSWER = frozenset({DATE, DAY_OF_YEAR, MONEY, AGE, PHONE, EMAIL})  # not a count ("my action items")


def answers_alone(question: str, intent: Intent) -> Callable[[str], bool]:
    """Whether a list's item answers without the rest of its list: when the question asks a date, a
    price or the like ("When does the billing migration happen now?"), not items or names; or when
    it says the verb asked ("I agreed to write the handbook" for "What did I agree to do for Karl?")."""
    verbs = verbs_asked(question, intent)
    # A measure is one answer too: "86,120 miles" of a car's log, for "What was the mileage at the last MOT?".
    single = bool(ASKS_WHEN.match(question)) or expected_answer(question) in _ONE_ANSWER \
        or wanted_kind(question) in MEASURE_KINDS
    return lambda text: single or bool(verbs & stems(text))


def score_sentences(question: str, sentences: Sequence[Sentence], embedder: Embedder | None,
                    order: Optional[str] = None, assistants: Sequence[str] = ()) -> list[Sentence]:
    """The sentences with their scores, best first. Asked what the user did ("Where did we stay in
    Porto?"), an assistant's turn ("In Porto you could… walk the Ribeira") comes after the user's own
    ("We booked the Casa do Rio guesthouse in Ribeira")."""
    if not sentences:
        return []
    asked = intent_of(question)
    topic = topic_asked(question) if embedder is not None and asked.gathers_things else None
    # What tells of an everyday topic shares no word with how it is asked ("what's been wrong with…",
    # "this year"): its meaning (below) and its rank in search choose.
    lexical = _lexical_scores(question, sentences) if topic is None else [0.0] * len(sentences)
    if len(sentences) > MAX_SENTENCES:  # keep the embedder's work bounded: lexical and hit rank choose
        keep = sorted(range(len(sentences)), key=lambda i: (-lexical[i], sentences[i].hit_rank))[:MAX_SENTENCES]
        sentences = [sentences[i] for i in sorted(keep)]
        lexical = [lexical[i] for i in sorted(keep)]
    semantic = [0.0] * len(sentences)
    if embedder is not None:
        vectors = embedder.embed([question] + [_as_read(s) for s in sentences])
        semantic = [_cosine(vectors[0], v) for v in vectors[1:]]
        if topic is not None:  # "had a wisdom tooth out yesterday" for "What's been wrong with Ruben's health?"
            # is as close as it is to a sentence telling of the topic.
            told = told_vectors(topic, embedder)
            semantic = [max(sem, max(_cosine(t, v) for t in told)) for sem, v in zip(semantic, vectors[1:])]
    top = max(s.hit.score for s in sentences) or 1.0
    by_date = date_lead(sentences, order)
    missed = names_missed({fold(name) for name in proper_names(question)}, sentences)
    kind = wanted_kind(question)
    # "When was Mum's birthday party?": of a note's lines, the one with the date ("Date: Saturday 24 October");
    # a chat turn tells one in its own words too ("yesterday"), read when it was stored.
    when = kind is None and bool(ASKS_WHEN.match(question))
    question_words = asked_words(question)
    # "How long should I…", "What did Claude suggest seeing in Kyoto?": their advice is asked, not the user's
    # question it answers ("We love gardens… What should we see?"), which says the question's words.
    advising = set(assistants) if asks_advice(question) or asks_the_assistant(question, assistants) else set()
    advisers = set(assistants) if asks_what_user_did(question) and not advising else set()
    tasks = asked_state(question)  # "What's still to do?": the open items of a task list, not the ticked ones
    verbs = verbs_asked(question, asked)
    scored = []
    for index, (sentence, lex, sem) in enumerate(zip(sentences, lexical, semantic)):
        lead = SEARCH_WEIGHT * max(sentence.hit.score, 0.0) / top
        says_verb = bool(verbs & stems(sentence.text))
        if (kind is not None and has_answer(kind, sentence.text, question_words)) or says_verb \
                or (when and _tells_a_date(sentence, question_words)):
            lead += SHAPE_LEAD
        if (sentence.text.rstrip().endswith("?") and not tells_before_asking(sentence.text)) \
                or intent_of(sentence.text).is_request:
            lead -= QUESTION_PENALTY  # "Write a birthday message for my brother." answers nothing either
        elif len(content_words(sentence.text)) < 3 and not sentence.answers \
                and not says_verb:  # "my niece!" answers "who's Ines?"
            lead -= CHATTER_PENALTY
        if sentence.hit.memory.speaker in advisers:
            lead -= ADVICE_PENALTY
        elif sentence.hit.memory.speaker in advising:
            lead += ADVICE_PENALTY
        state = task_state(sentence.text, question) if tasks else None
        if state is not None:
            lead += SHAPE_LEAD if state == tasks else -SHAPE_LEAD
        lead += ORDER_LEAD * by_date[index] - NAME_LEAD * missed[index]
        weight = (SEMANTIC_WEIGHT * sem + LEXICAL_WEIGHT * lex) if embedder is not None else lex
        scored.append(replace(sentence, score=weight + lead))
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored


def _as_read(sentence: Sentence) -> str:
    """What a sentence is embedded as: under its context, and a reply after the question it answers,
    a turn after the one it goes on from."""
    text = " ".join(filter(None, (sentence.goes_on_from, sentence.answers, sentence.text)))
    context = worded_context(sentence.context)
    return f"{context}: {text}" if context else text


def choose(scored: Sequence[Sentence], intent: Intent, wide: bool = False,
           replies: Mapping[int, Sequence[int]] | None = None, tasks: Optional[str] = None,
           stating: Optional[Callable[[str], bool]] = None,
           counted: Optional[Callable[[str], bool]] = None,
           alone: Optional[Callable[[str], bool]] = None) -> list[Sentence]:
    """The best sentence and those close to it. A request quotes the best sentences of several
    memories (of a whole document, when it was read whole), in memory order; a gathering question one
    sentence a memory, by document, the one holding the best quote first. `replies`: for a chat turn
    that asks something, the turns that reply to it; a turn quoted is followed by its reply's best sentence. `tasks`: the state of
    the task items asked for (`text/tasks.py`). `stating`: asked what is so now (or first), a sentence
    that states the kind of answer asked is taken from further down, as an amount is for a reckoning:
    "Rating 1615 now." says no "chess", and is what "What's my chess rating now?" asks. `counted`:
    asked how many times something happened, whether a sentence tells of a time (`gather.occurrences_asked`):
    each is taken, however far below the best. `alone`: whether the best sentence, an item of a list,
    answers without the rest of it (`answers_alone`)."""
    if not scored:
        return []
    most, margin = (READER_TAKE if wide else TAKE)[intent.kind]
    best = scored[0].score
    close = [s for s in scored if s.score >= best - margin
             or (intent.reckons and s.score >= best - RECKON_MARGIN and _AMOUNT.search(s.text))
             or (stating is not None and s.score >= best - RECKON_MARGIN and stating(s.text))
             or (counted is not None and counted(s.text))]
    if intent.kind == REQUEST:
        return request_extract(scored, close, most)
    chosen: list[Sentence] = []
    for sentence in close:
        if len(chosen) == most:
            break
        same = next((i for i, other in enumerate(chosen)
                     if said_within(sentence.text, other.text) or said_within(other.text, sentence.text)), None)
        if same is not None:  # a sentence quoted with the one before it is not quoted again
            if chosen[same].hit.memory.kind in DERIVED_KINDS and sentence.hit.memory.kind not in DERIVED_KINDS \
                    and said_within(chosen[same].text, sentence.text):
                chosen[same] = sentence  # the user's own words rather than the fact learnt from them
            continue
        if intent.gathers_things \
                and any(o.hit.memory.id == sentence.hit.memory.id for o in chosen) \
                and len({s.hit.memory.id for s in close}) > len(chosen):
            continue  # gathering: one sentence a memory while other memories have some
        chosen.append(sentence)
    chosen = with_their_replies(chosen, scored, replies or {})
    if intent.kind == GATHER:  # the document answering best first, whatever order documents were indexed in
        first = {}
        for index, sentence in enumerate(chosen):
            first.setdefault(sentence.hit.memory.source_id, index)
        chosen.sort(key=lambda s: (first[s.hit.memory.source_id], reading_order(s)))
    if intent.kind != FACT or (alone is not None and alone(chosen[0].text)):
        return chosen
    return with_whole_lists(chosen, scored, tasks)


SENTENCE_CHECK_HITS = 3  # the first hits whose sentences are compared with the question one by one


def with_sentence_similarity(result: SearchResult, question: str, embedder: Embedder | None,
                             below: float) -> SearchResult:
    """A note's chunk holds several things, and its one vector is far from a question about one of
    them ("do I need an adapter plug?" and a packing list: 0.15). When nothing is closer than `below`,
    each of the first chunk hits is as close as its closest sentence, for the checks that judge by
    similarity and for which hits are read. When something is, a first chunk hit too far below it to
    be read is as close as its closest sentence, for which hits are read alone: a planting log whose
    "Planted garlic, Germidour, 15 cloves" answers "When did I plant the garlic?" is 0.4 from it, a
    chat turn asking how to plant garlic 0.75. Of a question with a word no memory has, only a sentence
    saying every other word it is about may say that one in other words: "Dentist: Smile Studio, next
    check-up 2027-01-14" (0.64) for "When is my next dentist appointment?", its note 0.27."""
    if embedder is None or result.best_similarity is None:
        return result
    close = result.best_similarity >= below
    chunks = [hit for hit in result.hits[:SENTENCE_CHECK_HITS] if hit.memory.kind == "chunk"
              and (not close or (hit.similarity or 0.0) < result.best_similarity - RELEVANCE_MARGIN)]
    sentences = candidate_sentences(chunks)
    lacking = {fold(word) for word in words_memory_lacks(result, question)}
    if lacking:
        known = [word_forms for word, word_forms in _question_terms(question).items() if fold(word) not in lacking]
        sentences = [s for s in sentences if known and all(stems(f"{s.context} {s.text}") & f for f in known)]
    if not sentences:
        return result
    vectors = embedder.embed([question] + [_as_read(s) for s in sentences])
    closest: dict[int, float] = {}
    for sentence, vector in zip(sentences, vectors[1:]):
        memory_id = sentence.hit.memory.id
        closest[memory_id] = max(closest.get(memory_id, -1.0), _cosine(vectors[0], vector))
    hits = tuple(replace(hit, similarity=max(hit.similarity or 0.0, closest[hit.memory.id]))
                 if hit.memory.id in closest else hit for hit in result.hits)
    # The abstention bars were fitted on the closest memory's similarity as search gives it, once one is close.
    best = result.best_similarity if close else max(result.best_similarity, *closest.values())
    return replace(result, hits=hits, best_similarity=best)


def select_evidence(question: str, hits: Sequence[Hit], embedder: Embedder | None,
                    intent: Intent | None = None, time: TimeHint | None = None,
                    replies: Mapping[int, Sequence[int]] | None = None) -> list[Evidence]:
    """The evidence for an answer: quoted sentences with their memory and source, best first.
    `time`: what the question's time words asked for (a window looked in first, or the newest or
    oldest memory preferred); `replies`: for a chat turn among the hits that asks something, the
    turns among them that reply to it (read beyond the usual number of hits, quoted with it)."""
    return evidence_choices(question, hits, embedder, intent, time, replies)[0]


def evidence_choices(question: str, hits: Sequence[Hit], embedder: Embedder | None,
                     intent: Intent | None = None, time: TimeHint | None = None,
                     replies: Mapping[int, Sequence[int]] | None = None,
                     assistants: Sequence[str] = (), beyond: int = 0) -> tuple[list[Evidence], list[Evidence]]:
    """The evidence as the quotes take it (TAKE), and as a capable reader is given it (READER_TAKE),
    from one scoring of the sentences. An assistant's reply is advice, not what the asker told: it is
    read after its question, not scored with it ("What should I read next?" for "What am I reading?").
    `beyond`: hits brought in among the ranked ones (`services/same_day.py`), read beyond the usual
    number as replies are."""
    intent, time, replies = intent or intent_of(question), time or TimeHint(), replies or {}
    most = (DOCUMENT_HITS if intent.kind == REQUEST else MAX_HITS) \
        + sum(len(ids) for ids in replies.values()) + beyond
    candidates = with_questions_answered(candidate_sentences(in_window(hits, time.since, time.until), most),
                                         hits, replies, assistants)
    candidates = with_what_they_go_on_from(candidates, hits, assistants)
    scored = score_sentences(question, candidates, embedder, time.order, assistants)
    tasks = asked_state(question)
    stating = states_kind_asked(question) if time.order is not None else None
    counted, alone = occurrences_asked(question), answers_alone(question, intent)
    quoted = with_one_stating_it(question, intent, choose(scored, intent, replies=replies, tasks=tasks,
                                                          stating=stating, counted=counted, alone=alone), scored)
    wider = with_one_stating_it(question, intent, choose(scored, intent, wide=True, replies=replies, tasks=tasks,
                                                         stating=stating, counted=counted, alone=alone), scored)
    quoted, wider = (with_plan_called_off(question, with_a_second_amount(question, intent, chosen, scored), scored)
                     for chosen in (quoted, wider))
    return as_evidence(quoted), as_evidence(wider)


def with_plan_called_off(question: str, chosen: list[Sentence], scored: Sequence[Sentence]) -> list[Sentence]:
    """Asked when something is, a newer sentence calling off the first quote's plan is read with it,
    from however far down: "Tom cancelled lunch, he's sick" after "Lunch with Tom on Friday at the Thai
    place." says there is no day now, in fewer of the question's words than the plan."""
    if not chosen or not ASKS_WHEN.match(question):
        return chosen
    plan = chosen[0]
    told = {stem(word) for word in content_words(plan.text)}
    off = next((s for s in scored if s not in chosen and s.hit.memory.created_at > plan.hit.memory.created_at
                and CALLED_OFF.search(s.text) and len(told & {stem(word) for word in content_words(s.text)}) >= 2),
               None)
    return chosen + [off] if off is not None else chosen


def with_a_second_amount(question: str, intent: Intent, quoted: list[Sentence],
                         scored: Sequence[Sentence]) -> list[Sentence]:
    """Asked for an amount worked out from others, a lone amount quoted is followed by the best sentence
    of another memory stating one in a word of the question, from however far down: "By how much did
    the house sell over the asking price?" quotes "Asking $549,000." and, less like the question,
    "SOLD. It went for $565,000, over asking!"."""
    amounts = [s for s in quoted if _AMOUNT.search(s.text)]
    if not intent.reckons or len(amounts) != 1:
        return quoted
    asked = stems(" ".join(content_words(question)))
    second = next((s for s in scored if s.hit.memory.id != amounts[0].hit.memory.id and _AMOUNT.search(s.text)
                   and asked & stems(s.text)), None)
    return quoted + [second] if second is not None else quoted


def as_evidence(chosen: Sequence[Sentence]) -> list[Evidence]:
    """The sentences as evidence: each with its memory, where it stands, who said it and when."""
    return [Evidence(s.text, s.hit.memory.id, source_label(s.hit, s.line), s.hit.memory.kind,
                     s.hit.origin.speaker if isinstance(s.hit.origin, ConversationOrigin) else None,
                     s.hit.memory.kind in DERIVED_KINDS, round(s.score, 4), s.hit.memory.created_at,
                     told_dates(s.hit.memory), s.context if s.hit.memory.kind == "chunk" else "")
            for s in chosen]


def answer_sentences_first(shown: Sequence[Evidence], answer: str, numbers: Mapping[int, int]) -> list[Evidence]:
    """The evidence in its [n] order, and of one memory's sentences, the one holding the answer's
    words first ("Alfama [1]": the hostel sentence before the custard tarts one)."""
    said = stems(answer)
    return sorted(shown, key=lambda item: (numbers.get(item.memory_id, len(numbers) + 1), -len(said & stems(item.text))))
