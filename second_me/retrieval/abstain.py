"""When to say "I don't know", and which hits are worth showing the model.

The checks, each with the reason the user is told:

1. nothing found, or nothing close: the best cosine similarity of any memory with the
   question is below `min_similarity` (similarity is comparable across questions, unlike
   fused rank scores; a note is as close as its closest sentence, `with_sentence_similarity`);
2. the question names someone or something (a capitalised word: Paris, Netflix) that no
   memory contains: it is about something never mentioned;
3. it names someone memory knows, but no memory mentions them together with anything else
   the question says ("what does Tilly do for work?" when Tilly is never mentioned with work);
4. the question uses a word no memory contains ("cholesterol", "vet") and no memory is
   clearly close in meaning (a paraphrase: "bicycle" for "bike") — the bar is then
   `unknown_similarity`. The word the question asks for ("which *city*") does not count:
   memory says "Valencia", not "city";
5. the question wants a name, amount, age, date or number, and no memory about its subject
   states one ("what is my dentist's name?" when memory only says "went to the dentist"),
   see `answer_type.py`.

Checks 1 and 4 judge by similarity; a question about names alone that one of the first hits has
("what did I say about Belém?") is not refused by them, whatever the embedder makes of a name.

Both bars are fitted on the three built-in benchmarks together (`bench/fit_abstention.py`,
which also scores each benchmark with bars fitted on the other two).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Mapping, Optional, Sequence

from second_me.domain import FileOrigin, Hit, told_dates, utc_day
from second_me.retrieval.answer_type import (LIGHT_VERBS, MONEY, NAMING_WORDS, OCCUPATION, TIME_WORDS, WITH_ARTICLE,
                                             answer_type_words, expected_answer, lacks_answer, proper_names)
from second_me.retrieval.chatter import information_prior
from second_me.retrieval.context import spoken_dates
from second_me.retrieval.elapsed import elapsed_question
from second_me.retrieval.expand import SUMMARY_KINDS
from second_me.retrieval.gather import ASKS_TIMES
from second_me.retrieval.hybrid import SearchResult
from second_me.retrieval.intent import GATHER, intent_of
from second_me.retrieval.people import OWNED, by_or_about
from second_me.retrieval.unmatched import as_written, unknown_names
from second_me.retrieval.when_told import WHEN, untold_when
from second_me.text.names import MONTHS, WEEKDAYS, fold, name_asked_of_mine, named_beside
from second_me.text.sentences import split_sentences
from second_me.text.stated import PAYING_WORDS
from second_me.text.support import asks_to_reckon
from second_me.text.table_rows import RECORD
from second_me.text.utterance import asked_verbs, asking_words, request_words
from second_me.text.word_forms import RELATIVES
from second_me.text.words import content_words, forms, name_forms, plain, stems

COVERING_HITS = 3  # the first hits looked at for the names a question is about
# A memory this close to a sentence telling of a gathering question's everyday topic tells of one: "bad news,
# I broke my wrist on Saturday" is 0.21 from "What's been wrong with Tomás's health this year?", below any bar.
TOLD_OF_TOPIC = 0.6
# As close to a sentence telling of a new job or a move (`topics.NOW_TOPICS`), for a question of someone's job
# or home: "I start at the hospital pharmacy on Monday" (0.49) for "When does Aisha start her new job?". Fitted
# on the sixteen read sets: no question there that memory cannot answer has a first hit closer than 0.474.
TOLD_OF_NEW_JOB_OR_HOME = 0.48
# How close (cosine, the question's names left out) a memory naming them must be to count as saying
# what the question asks of them in other words (`_close_naming`).
NAMED_CLOSE = 0.6
# A hit this far below the best one is noise to a small model, even above the threshold.
RELEVANCE_MARGIN = 0.2
LEXICAL_KEPT = 3  # ...but one found by its words is read when ranked this high (`_found_by_words`)
# ...and a chat turn or note saying something, among search's first this many, is read below the bar when
# within RELEVANCE_MARGIN of the best: a short turn sits far from any question ("being a trainee accountant
# at Morgan Hale is 80% other people's receipts", 0.21 from "What does Kofi do for a living?", second in search).
NEAR_KEPT = 5
ORDERED_LEXICAL_KEPT = 5  # ...or this high when the newest or the oldest is asked
# A question gathering everything of a kind keeps things further from the closest, whatever the bar: "I started
# pottery classes" is 0.40 from "What hobbies have I taken up this year?", "I signed up for Spanish classes" 0.15.
GATHERING_MARGIN = 0.3
NOTHING_MATCHES = "nothing in your memory matches that question."
# A question asking for everything of a kind ("What hobbies have I taken up this year?") is further from
# each thing memory tells of ("I finally started bouldering", 0.23) than a question from its one answer:
# its bar is this much lower.
GATHERING_ALLOWANCE = 0.03
# How a question of date arithmetic asks ("how *long* after…", "which came *first*"): never memory's words.
SPAN_WORDS = frozenset("long first day days week weeks month months year years".split())
# A whole kind that memory tells of by its members: "What's been wrong with my health this year?" (or
# "health-wise") is answered by "tonsillitis" and "a kidney stone"; no memory says "health". Nor does
# memory call what it holds "things" ("What did I pay for health things this year?").
KIND_WORDS = frozenset({"health", "thing", "things", "stuff"})
# What a measurement is asked as: "What was my vitamin D level?" is answered by "Vitamin D low (18 ng/ml)",
# "What size towel rail do I need?" by "Towel rail, 500mm wide".
MEASUREMENT_WORDS = frozenset({"level", "levels", "rate", "reading", "readings", "size", "sizes", "dimensions"})
# How new a thing is: "When does Lena start her new job?" is answered by "assistant curator at the National
# Museum, starting 4 May", which says "job" at most; a chat rarely calls a thing new, or current.
NEWNESS_WORDS = frozenset({"new", "current"})
_WISE = re.compile(r"\w-wise\b", re.I)


@dataclass(frozen=True)
class Signals:
    """What the checks look at, taken from one search (the bars are applied later, so a fit can try many)."""

    found: bool
    best_similarity: Optional[float]
    never_named: tuple[str, ...]  # names in the question that no memory contains
    detached: tuple[str, ...]  # names no memory mentions together with anything else the question says
    unknown_words: tuple[str, ...]  # other words no memory contains, except the one asked for
    lacking: Optional[str]  # the kind of answer (name, amount, age, date, number) no memory about the subject states
    covered: bool = False  # the question is about names alone, and one of the first hits has them ("Belém"),
    # or it asks the name of the user's own someone, and one of them names them ("with my sister Clara"),
    # or it gathers an everyday topic, and one of them tells of one ("I broke my wrist on Saturday")
    # A relative by marriage no memory names ("my daughter-in-law", "my stepson"): someone other than
    # the daughter or son memory tells of; or someone's thing no memory tells of ("Tom's flights").
    unknown_of_someone: bool = False
    gathers_things: bool = False  # everything of a kind is asked for: held to a bar GATHERING_ALLOWANCE lower
    # `lacking`, but a memory about the thing asked, someone else's, states it: "What did Lea's car
    # inspection cost?" over Marta's "my car failed its inspection… 480 euros". Whose it is may be said.
    stated_by_others: bool = False


def words_memory_lacks(result: SearchResult, asked: str = "") -> tuple[str, ...]:
    """The question's words no memory contains, as check 4 counts them: not the word naming what is
    asked, a month or weekday (matched against when memories happened), a light verb ("where did I
    *put*…": notes say where things are, not that they were put), how an amount is asked for ("what did it
    *cost*": an expenses table says "149.00"), how a name is asked for ("what is
    Tom's cat *called*?": a chat says "her name is Miso", or just "Miso"), a request's or an indirect
    question's own words, the span words of date arithmetic, nor a word for a whole kind ("health")."""
    question = result.parsed.text if result.parsed is not None else ""
    arithmetic = elapsed_question(asked or question) is not None
    reckons = asks_to_reckon(asked or question) is not None  # "…cost together?": memory says each amount
    # Asked for everything of a kind ("What health problems have I had?"), memory names each thing, not the kind.
    gathers = intent_of(asked or question).kind == GATHER
    asked_for = {fold(word) for word in answer_type_words(question, whole=gathers)}
    # How it happened is told in other verbs ("had the baby" for "born"); the nouns name the thing.
    skip = request_words(question) | LIGHT_VERBS | NAMING_WORDS | KIND_WORDS | asking_words(asked or question) \
        | asked_verbs(asked or question) | ({"wise"} if _WISE.search(asked or question) else set()) \
        | _someones_relatives(asked or question) | NEWNESS_WORDS | MEASUREMENT_WORDS \
        | ({"times"} if ASKS_TIMES.match(asked or question) else set()) \
        | (PAYING_WORDS if expected_answer(asked or question) == MONEY else set())
    # "How many times did I go running?"; "How much did my glasses cost?" over "Glasses (Specsavers), 149.00":
    # memory states the amount, not that it was paid.
    titled = _next_to_a_file_name(question, result.hits)
    # A question of time alone keeps its time words to search with ("What did I do on 17 May 2025?"):
    # they say when, and a memory need not contain them.
    timed = {word for phrase in (result.parsed.time.phrases if result.parsed is not None else ())
             for word in re.findall(r"\w+", phrase.lower())}
    return tuple(term for term in result.unknown_terms
                 if fold(term) not in asked_for and term not in MONTHS | WEEKDAYS and term.lower() not in skip
                 and not (arithmetic and term.lower() in SPAN_WORDS) and term.lower() not in titled | timed
                 and not (reckons and term.lower() in RECKONING_WORDS))


# How a sum or a difference is asked, and what of: memory states the amounts ("quoted 320 euro"), not these;
# nor what is still to go to a goal ("How much more do I need to save to reach my target?").
RECKONING_WORDS = frozenset("together altogether combined total difference more less fewer reach hit need go"
                            .split()) | PAYING_WORDS


def _someones_relatives(question: str) -> set[str]:
    """"Orla's *husband*", "my *nephew*", "my daughter's *fiancé*": memory names them instead. Not an
    in-law: whose sister's husband, or husband's sister, memory seldom says even by name."""
    words = re.findall(r"[\w'’-]+", question.lower())
    return {re.sub(r"['’]s$", "", word) for before, word in zip(words, words[1:])
            if (before in ("my", "your", "his", "her", "our", "their") or re.search(r"\w['’]s$", before))
            and re.sub(r"['’]s$", "", word) in RELATIVES}


_FILE_WORDS = frozenset("notes note list lists todo misc readme index draft drafts new old copy final".split())


def _next_to_a_file_name(question: str, hits: Sequence[Hit]) -> set[str]:
    """A word a found note's file is named by, and the question's words next to it: "What do I still
    need for my *tax return*?" over finance/tax-2023-24.md, titled "Self-assessment". The user named
    the file for what it is about, and calls it other things when asking."""
    named = {fold(word) for hit in hits if isinstance(getattr(hit, "origin", None), FileOrigin)
             for word in re.findall(r"[a-z]{3,}", PurePath(hit.origin.path).stem.lower()) if word not in _FILE_WORDS}
    words = [word.lower() for word in re.findall(r"[\w'’-]+", question)]
    return {words[i + step] for i, word in enumerate(words) if fold(word) in named
            for step in (-1, 0, 1) if 0 <= i + step < len(words)}


def _as_checked(hit: Hit, replied: Mapping[int, str], before: Mapping[int, str]) -> list[tuple[str, str]]:
    """What a hit is checked as for the kind of answer asked: a summary sentence by sentence (they
    come from different memories: "Lena's birthday is on March 14th" beside a sentence naming Tomás
    says nothing of his birthday); a turn with what it replies to and the days it tells of ("it's
    on the 19th", said on 4 May, says when). Each on a line of its own: "Sam:" after the turn Sam
    replies to begins a line, and is no name the turn states. With each, what was said just before
    it, which tells what it is about and states nothing ("she's called Mango" after "I adopted a cat")."""
    if hit.memory.kind in SUMMARY_KINDS:
        return [(sentence, "") for sentence, _ in split_sentences(hit.memory.text)]
    lines = hit.memory.text.split("\n") if hit.memory.kind == "chunk" else []
    if any(RECORD.match(line) for line in lines):
        # A spreadsheet's rows are each their own: "Kwik Fit" of the tyres' row names no dentist.
        return [(line, "") for line in lines if line.strip()]
    # "HAPPY BIRTHDAY!!! 37!!" is said on the day: it states that day as a date a line of it would.
    on_the_day = utc_day(hit.memory.created_at) if hit.memory.kind == "message" and not hit.memory.about \
        and _GREETS_THE_DAY.search(hit.memory.text) else ""
    said = (replied.get(hit.memory.id), hit.memory.text, spoken_dates(told_dates(hit.memory) or on_the_day))
    return [("\n".join(filter(None, said)), before.get(hit.memory.id, ""))]


_GREETS_THE_DAY = re.compile(r"\bhappy\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:birthday|b-?day|anniversary)\b", re.I)


def signals(result: SearchResult, asked: str = "", replied: Mapping[int, str] | None = None,
            before: Mapping[int, str] | None = None) -> Signals:
    """`asked`: the question as typed, before search took its time words out. `replied`: for a chat
    turn among the hits that replies to another among them, that turn's words ("got any name ideas
    for my pottery Instagram?" → "How about Wonky Mugs Studio?": the answer, told without its subject).
    `before`: for a chat turn among the hits, the turns said just before it (`services/turn_replies.py`)."""
    question = result.parsed.text if result.parsed is not None else ""
    # "How long ago did I retire?" wants a span no memory states: the days its messages were said give it.
    arithmetic = elapsed_question(asked or question) is not None
    never_named = unknown_names(proper_names(question), result.unknown_terms)
    asked_for = {fold(word) for word in answer_type_words(question)}
    # A request's own words ("summarize", "in detail", "a short list") say what to do, not what about.
    instructions = request_words(question)
    unknown_words = words_memory_lacks(result, asked)
    replied = replied or {}

    def texts():  # read twice: for the one asked about, and for whoever it was
        return (text for hit in result.hits for text in _as_checked(hit, replied, before or {}))
    lacking = lacks_answer(question, texts(), result.unknown_terms) \
        if result.hits and not instructions and not arithmetic else None
    stated_by_others = lacking is not None and bool(proper_names(question)) \
        and lacks_answer(question, texts(), result.unknown_terms, whoever=True) is None
    if lacking is None and not instructions and not arithmetic and untold_when(asked or question, result.hits):
        lacking = WHEN  # "When did I start taking vitamin D?" over an undated medication note
    # A request names a topic to work on ("a packing list for Lisbon"), not a fact to find next to a name.
    # Amounts added or compared are told of apart ("the house and the Volvo together"): their names are too.
    detached = () if instructions or asks_to_reckon(question) or _close_naming(result) \
        else as_written(question, result.detached_names)
    about = content_words(question, frozenset(asked_for | instructions | LIGHT_VERBS | TIME_WORDS
                                              | asking_words(asked or question)))
    # Only a question about names alone: "what mark did I get for my capstone?" has every word in
    # a note about the capstone, and is rightly refused by how far that note is.
    names = {plain(name) for name in proper_names(question)}
    covered = bool(about) and set(about) <= names \
        and any(all(forms(word) & stems(hit.memory.text) for word in about) for hit in result.hits[:COVERING_HITS])
    # "What's my sister's name?" is far from "I'm going to Lisbon with my sister Clara…", which answers it.
    mine = name_asked_of_mine(asked or question)
    covered = covered or bool(mine) and any(named_beside(hit.memory.text, mine) for hit in result.hits[:COVERING_HITS])
    # "What does Lena do for work now?" is far from "I'm the new head chef at Fyr from April" (0.15): a job
    # stated in her own turn, among the first hits, answers it.
    covered = covered or (lacking is None and bool(names) and expected_answer(question) == OCCUPATION
                          and lacks_answer(question, (hit.memory.text for hit in result.hits[:COVERING_HITS]), ())
                          is None)
    gathers = intent_of(asked or question).gathers_things
    bar = TOLD_OF_TOPIC if gathers else TOLD_OF_NEW_JOB_OR_HOME
    people = _people_named(names, result.hits)  # "Sam", not "Toronto", of "Which job did Sam get in Toronto?"
    covered = covered or bool(result.told_of_topic) and any(
        result.told_of_topic.get(hit.memory.id, 0.0) >= bar
        and (gathers or not people or by_or_about(hit.memory, people)) for hit in result.hits[:COVERING_HITS])
    return Signals(bool(result.hits), result.best_similarity, never_named, detached, unknown_words,
                   lacking, covered, bool(_untold_of_someone(asked or question) & set(unknown_words)),
                   gathers, stated_by_others)


def _people_named(names: set[str], hits: Sequence[Hit]) -> list[str]:
    """Of the names a question says, those of people who speak among the hits (all of them, when none does)."""
    speaking = [name for name in sorted(names) if any(name in name_forms(hit.memory.speaker) for hit in hits
                                                      if hit.memory.speaker)]
    return speaking or sorted(names)


_IN_LAW = re.compile(r"\b\w+-in-(law)\b|\b(step(?:son|daughter|mother|father|brother|sister|mum|dad|child|kids?))\b",
                     re.I)


def _untold_of_someone(question: str) -> set[str]:
    """The word telling a relative by marriage from a blood relative ("law" of "daughter-in-law", "stepson"),
    and the thing a question asks of someone ("flights" of "How much did Tom's flights cost?")."""
    return {(match[1] or match[2]).lower() for match in _IN_LAW.finditer(question)} \
        | {match[2] for match in OWNED.finditer(question)}


def _close_naming(result: SearchResult) -> bool:
    """A hit naming everyone the question names is as close to it as a paraphrase: their words are
    not the question's, their meaning is ("from next month Little Fires has a permanent pitch at
    Kirkgate Market" for "When does Little Fires start at Kirkgate Market?"), so the names are not
    detached from what is asked."""
    names = result.detached_names
    return bool(names) and any((hit.similarity or 0.0) >= NAMED_CLOSE and all(by_or_about(hit.memory, [name])
                                                                               for name in names)
                               for hit in result.hits)


def decide(seen: Signals, min_similarity: float, unknown_similarity: float | None = None) -> Optional[str]:
    """Why memory cannot answer (one line for the user), or None when it may."""
    if not seen.found:
        return NOTHING_MATCHES
    if seen.never_named:
        return f"nothing in your memory mentions {' '.join(seen.never_named)}."
    if seen.detached:
        return f"nothing in your memory about {' and '.join(seen.detached)} says that."
    # Lexical-only search has no similarity to judge by; and a question about names alone matches a
    # memory that has them, however far its vector ("what did I say about Belém?": a name the
    # embedder barely knows, in a note about Lisbon).
    if seen.best_similarity is not None and not seen.covered:
        # A kind is further from each thing of it than a question from its one answer.
        if seen.best_similarity < min_similarity - (GATHERING_ALLOWANCE if seen.gathers_things else 0.0):
            return NOTHING_MATCHES
        if seen.unknown_words and unknown_similarity is not None and seen.best_similarity < unknown_similarity:
            return f"nothing in your memory mentions {', '.join(repr(w) for w in seen.unknown_words)}."
    if seen.lacking:
        return f"the memories about that don't say {WITH_ARTICLE.get(seen.lacking, seen.lacking)}."
    return None


def only_words_doubt(seen: Signals, min_similarity: float, unknown_similarity: float | None = None) -> bool:
    """Only check 4 would refuse: something close was found, but the question has a word no memory
    holds. People say things in other words ("registered with" for "my GP is", "travel" for "flew
    to"): a capable reader may judge it (services/answering.py). Checks 3 and 5 stay refusals: given
    a name said only apart from the question's words, or no number where one is asked, a 1.5B
    reader judged the evidence good and answered from someone else's news or any number in it
    ("What's Raj's last name?" → "Raj"; "How much did Mike pay for his truck?" → "$800"). So does a
    relative by marriage no memory names: asked what "my daughter-in-law" does, it answered with the
    daughter's job. And so does someone's thing no memory tells of: asked what Tom's flights cost, it
    answered with what his car hire did (its yes 0.70, against 0.60 for a right answer asked of "dinner")."""
    if seen.unknown_of_someone:
        return False
    return decide(replace(seen, unknown_words=()), min_similarity, unknown_similarity) is None


def relevant_hits(result: SearchResult, min_similarity: float, request: bool = False,
                  gathering: bool = False) -> list[Hit]:
    """The hits close enough to the question to put in front of the model, best first. A request
    says what to do more than what about ("Summarize my chats with Tom" is close to no turn of
    them): when no hit is close, it works from all that search found, in its order. A question
    gathering everything of a kind is far from most things of it ("started baking sourdough" 0.15
    from "What hobbies have I taken up?"): it keeps what is within GATHERING_MARGIN of the closest.
    Asked what is so now (`ordered`), the newest memory read leads: one only ranked high (NEAR_KEPT) is
    not read, or it would lead ("Switched GPs…" before the phone asked of by "Which mobile am I using
    these days?")."""
    if result.best_similarity is None:
        return list(result.hits)
    bar = result.best_similarity - GATHERING_MARGIN if gathering \
        else max(min_similarity, result.best_similarity - RELEVANCE_MARGIN)
    ordered = result.parsed is not None and result.parsed.time.order is not None
    # So is a first hit telling of the new job or the move asked of, in words far from the question's.
    told = TOLD_OF_TOPIC if gathering else TOLD_OF_NEW_JOB_OR_HOME
    near = result.best_similarity - RELEVANCE_MARGIN
    kept = [h for position, h in enumerate(result.hits)
            if (h.similarity is not None and h.similarity >= bar)
            or (position < NEAR_KEPT and h.similarity is not None and h.similarity >= near
                and not (gathering or request or ordered) and information_prior(h.memory) >= 1)
            or _found_by_words(h, position, ordered, request)
            or (position < COVERING_HITS and result.told_of_topic.get(h.memory.id, 0.0) >= told)]
    return kept or list(result.hits if request else result.hits[:1])


def _found_by_words(hit: Hit, position: int, ordered: bool, request: bool) -> bool:
    """A hit found by its words alone is read when they rank it high, or when search ranks it among
    its first few for what similarity cannot see. So is a chat message both rank high, however far
    its vector: a short turn in its own words sits far from any question ("the Millport people were
    lovely. and cycling round Cumbrae after" is 0.22 from "Which island did Owen and Mei cycle round
    in April?"; "Switched GPs to Dr. Adeyemi, Sydney Road is too far now" 0.24 from "who is my GP
    now?"), and it is the answer. Unless the newest or the oldest is asked (`ordered`), only a turn
    that says something (`information_prior`): "Sam, Olu: how is everyone doing?" names Sam, and
    tells nothing of "Which job did Sam get?"; nor for a request, whose words say what to do
    ("compare it with diff -r" for "Compare the two laptops"). Not a note: its file's date is not
    when what it says was so ("Cottage booked in Portree" for "which book am I reading at the
    moment?"), and it is as close as its closest sentence already."""
    # Asked what is so now, the newer statement may say it in fewer of the question's words than the
    # older ones ("Knee bends to 110 now" after "Knee bends to 85 degrees. The goal is 120."): read further down.
    kept = ORDERED_LEXICAL_KEPT if ordered else LEXICAL_KEPT
    if hit.similarity is None:
        return (hit.bm25_rank or 99) <= LEXICAL_KEPT or position < LEXICAL_KEPT
    if hit.memory.kind != "message" or (hit.bm25_rank or 99) > kept or position >= kept:
        return False
    return ordered or (not request and information_prior(hit.memory) >= 1)
