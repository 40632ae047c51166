"""Asked what is so now: of statements that tell one thing on different days, the newest says what
is true now. Which statements those are, newest first, and whether a question in the present tense
asks it without saying "now" (`told_again`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Callable, Optional, Sequence

from second_me.domain import Evidence, utc_day
from second_me.retrieval.answer_type import (ASKS_WHEN, LIGHT_VERBS, MONEY, NUMBER, NUMBER_WORDS, NUMERIC_NOUNS,
                                             TIME_WORDS, answer_type_words, asked_words, expected_answer, has_answer,
                                             lacks_answer, proper_names, wanted_kind)
from second_me.retrieval.abstain import NEWNESS_WORDS
from second_me.retrieval.dated_answer import CALLED_OFF, told_span
from second_me.retrieval.intent import FACT, Intent, asks_present, intent_of
from second_me.retrieval.quotable import entry_date
from second_me.retrieval.timeparse import TimeHint
from second_me.text.event_dates import PLAN_MOVED
from second_me.text.measures import MEASURE_KINDS
from second_me.text.table_rows import RECORD
from second_me.text.utterance import is_question
from second_me.text.words import HOW_MEASURES, content_words, forms, stem, stems


def newest_statements_first(evidence: list[Evidence], assistants: Sequence[str], question: str = "",
                            today: Optional[date] = None, answering_only: bool = False) -> list[Evidence]:
    """The statements among the evidence newest first, then the rest (`answering_only`: asked a number,
    only the statements about what the question names, when some are). Those that state the kind of
    answer the question wants come before those that do not: "How old is Biscuit these days?" is
    answered by "Biscuit turned 9 today", not by a newer walk with Biscuit. A plan for days still to
    come after `today` says what will be, not what is: "Where's home for Linda and me now?" is not
    answered by "Linda and I are going to Scotland in September", said in July and asked in August.
    Asked when something is ("When are Tariq and Hannah getting married now?"), a plan is what says it."""
    statements = _statements(evidence, assistants)
    expected, wanted = expected_answer(question), wanted_kind(question)
    on_topic: set[int] = set()
    if expected is not None:  # an age, an amount…: stated about the question's subject
        # Who said it is who it is about too: "Lena: I'm the new head chef" tells Lena's job. (Of two people
        # asked about, a turn naming the other is not the more about them: "When are Tariq and Hannah…")
        one = len(proper_names(question)) == 1
        answering = {id(item) for item in statements
                     if lacks_answer(question, [_as_said(item) if one else item.text], ()) is None}
        # …and a measure with its unit, where one does: "How far does my new knee bend now?" is answered
        # by "115 degrees of bend", not by a newer "just 40 minutes" paddling on the new knee.
        stating = states_kind_asked(question) if wanted in MEASURE_KINDS else None
        # So does a number told without its unit, as the unit is said once: "Knee bends to 110 now".
        measured = {id(item) for item in statements
                    if id(item) in answering and (stating(item.text) or _BARE_NUMBER.search(item.text))} \
            if stating else set()
        answering = measured or answering
    else:  # "Where do I work now?" is answered by "I GOT THE JOB!! … at the Alfred", in none of its words
        stating = states_kind_asked(question)
        answering = {id(item) for item in statements if stating is None or stating(item.text)}
        if _ASKS_HOME.match(question):  # of those, the ones telling of a move or a home, when any does
            answering = {id(item) for item in statements
                         if id(item) in answering and _TELLS_HOME.search(item.text)} or answering
        elif _ASKS_WORKPLACE.match(question):  # "I start at the hospital pharmacy on Monday", not a newer "AGM"
            work = {id(item) for item in statements if _TELLS_WORK.search(item.text)}
            answering = (work & answering) or work or answering  # "at the Alfred" before "New job routine"
    if {expected, wanted} & (MEASURE_KINDS | {NUMBER, MONEY}) or any(RECORD.match(item.text) for item in statements):
        # A number, of what the question names: "86,120 miles" of the MOT's entry in a car's log, not a newer
        # note's "Ran the Abbey Dash 10k", for "What was the mileage at the last MOT?". (A name needs none:
        # "Gerald II made his first loaf!" names Kofi's starter without saying "starter".) So is a spreadsheet's
        # row, each of which states a date: "When did I last go to the dentist?" is not the polytunnel's row.
        named = frozenset(answer_type_words(question)) | LIGHT_VERBS | TIME_WORDS | NEWNESS_WORDS
        topic = [forms(word) for word in content_words(question, named)]
        need = (len(topic) + 1) // 2  # half of it: "Blood pressure readings: 129/82", not "Meter readings"
        # (A spreadsheet's name is every row's: "expenses" tells no row from another.)
        on_topic = {id(item) for item in statements if sum(1 for word in topic if stems(
            item.text if RECORD.match(item.text) else f"{item.context} {item.text}") & word) >= need}
        if answering & on_topic:
            answering &= on_topic
        else:
            on_topic = set()
    asks_when = bool(ASKS_WHEN.match(question))
    if asks_when:  # a plan called off says when too: there is no day now ("Tom cancelled lunch")
        answering |= {id(item) for item in statements if CALLED_OFF.search(item.text)}
    today = None if asks_when else today
    # A log's entry is as new as the day it opens with, not the file it is in; the file's other lines are
    # no newer than its entries ("Dr Halloran started me on amlodipine" beside "- 2026-11-01: 129/82").
    first_entry: dict[int, float] = {}
    for item in statements:
        day = entry_date(item.text)
        if day is not None:
            first_entry[item.memory_id] = min(first_entry.get(item.memory_id, day), day)
    ordered = sorted(statements, key=lambda item: (id(item) in answering, not _still_to_come(item, today),
                                                   entry_date(item.text) or first_entry.get(item.memory_id)
                                                   or item.created_at), reverse=True)
    if answering_only and on_topic:
        return [item for item in ordered if id(item) in on_topic]
    return ordered + [item for item in evidence if item not in statements]


def _as_said(item: Evidence) -> str:
    return f"{item.speaker}: {item.text}" if item.speaker else item.text


# Where someone lives is told by a move or a home ("We bought the condo in Bedford"), not by a place
# they went: "Where's home for Linda and me now?" is not "Launched the Linda B on Lake Banook".
_ASKS_HOME = re.compile(r"\s*where(?:['’]s|\s+is)\s+home\b|\s*where\s+(?:do|does)\s+.{1,40}?\s+live\b", re.I)
# A move, a purchase, a lease: "The house is full of good cooking" tells of no home, whatever its place.
_TELLS_HOME = re.compile(r"\b(?:live[sd]?|living|moved|moving|move\s+(?:in|into|to)|bought|rent(?:s|ed|ing)?|"
                         r"settled)\b", re.I)

_ASKS_WORKPLACE = re.compile(r"\s*where\s+(?:do|does)\s+.{1,40}?\s+work\b"
                             r"|\s*where\s+(?:am|is|are)\s+.{1,40}?\s+working\b", re.I)
# A job begun or held: "got the job", "I start at the Alfred on Monday", "first shift", "they hired me".
_TELLS_WORK = re.compile(r"\b(?:jobs?|work(?:s|ed|ing)?|start(?:s|ed|ing)?\s+(?:at|as|with)|shifts?|hired|employ\w*)\b",
                         re.I)


# A number with no unit or thing after it: "bends to 110 now", "rating 1615." (not "40 minutes", "4 pollock").
_BARE_NUMBER = re.compile(r"\b\d+(?:\.\d+)?(?=\s*(?:[.,;!?)]|$)|\s+(?:now|today|yesterday|already|again|at|on|in"
                          r"|and|but|so|he|she|they|the)\b)", re.I)


def _still_to_come(item: Evidence, today: Optional[date]) -> bool:
    """Whether every day a statement tells of is after today."""
    spans = [told_span(part) for part in item.about.split(", ")] if item.about and today is not None else []
    return bool(spans) and all(span is not None and span[0].date() > today for span in spans)


def states_kind_asked(question: str) -> Optional[Callable[[str], bool]]:
    """Whether a text states the kind of answer the question wants (`wanted_kind`), when it says which."""
    kind, words = wanted_kind(question), asked_words(question)
    return (lambda text: has_answer(kind, text, words)) if kind is not None else None


def told_again(question: str, intent: Intent, time: Optional[TimeHint], evidence: Sequence[Evidence],
               assistants: Sequence[str]) -> bool:
    """A question in the present tense about something that statements of two different days tell
    differently, as if the question had said "now": the newer says what is so now.
    - How many or how much ("What dose of amlodipine am I on?"): the two give other numbers
      ("amlodipine 5 mg", then "bumped the amlodipine up to 10 mg").
    - Anything else ("What position do I play on my curling team?"): the newer says itself that
      things changed ("I'm playing lead this season", then "I'm playing vice now")."""
    if intent.kind != FACT or (time is not None and time.phrases) or not asks_present(question):
        return False
    asked = answer_type_words(question)
    number = bool(asked & (HOW_MEASURES | NUMERIC_NOUNS | {"dose"}))  # "how many…", "what dose…"
    # "come" of "how many kids come to my tutoring?" is no part of what was told twice; "kids" is
    # what is counted, which a statement may call otherwise ("grown to nine students").
    topic = [forms(word) for word in content_words(question, frozenset(asked) | LIGHT_VERBS)]
    if not topic:
        return False
    counted = _COUNTED.match(question)
    need = max(1, (len(topic) - (1 if counted else 0) + 1) // 2)  # half the subject's words, at least one
    # One thing told twice: two statements sharing more than a name ("Dinner with Jess tonight" and
    # "Jess is a paramedic" are two facts).
    said = []
    for item in _statements(evidence, assistants):
        own = stems(item.text)
        if sum(1 for word in topic if word & own) >= need:
            said.append((item.created_at, utc_day(item.created_at),
                         {stem(word) for word in content_words(item.text)}, _numbers(item.text),
                         bool(_SAYS_IT_CHANGED.search(item.text)), bool(_PLAN_CHANGED.search(item.text))))
    said.sort(key=lambda told: told[0])
    # A plan moved or called off replaces the plan told before it the same day too ("Dinner with Priya next
    # Saturday", then "Priya called off dinner, she has flu").
    return any((day != later_day or (replanned and at < later_at)) and len(words & later_words) >= 2
               and ((numbers and later_numbers and numbers != later_numbers) if number else changed)
               for i, (at, day, words, numbers, _, _) in enumerate(said)
               for later_at, later_day, later_words, later_numbers, changed, replanned in said[i + 1:])


# How a statement says it replaces an older one: "I'm playing vice now", "not at Hillfields anymore", and a
# plan moved or called off, "the dentist moved my cleaning to 18 December".
_PLAN_CHANGED = re.compile(r"\b(?:" + PLAN_MOVED + r")\b|" + CALLED_OFF.pattern, re.I)
_SAYS_IT_CHANGED = re.compile(r"\b(?:now|anymore|any\s+more|no\s+longer|switched|changed)\b|" + _PLAN_CHANGED.pattern,
                              re.I)


_COUNTED = re.compile(r"\s*how (?:many|much) \w+", re.I)


def _numbers(text: str) -> frozenset[str]:
    """The numbers a text states, in digits or words ("5 mg", "nine students")."""
    return frozenset(word for word in re.findall(r"\d+(?:[.,]\d+)?|[a-z]+", text.lower())
                     if word[0].isdigit() or word in NUMBER_WORDS)


def _statements(evidence: Sequence[Evidence], assistants: Sequence[str]) -> list[Evidence]:
    """What the evidence states: questions and requests state nothing ("Suggest a vegetarian
    dinner" says nothing of what the user eats now), nor does an assistant's reply say what is
    true of the user now."""
    return [item for item in evidence if not is_question(item.text) and not intent_of(item.text).is_request
            and item.speaker not in assistants]


def the_newest_statement(shown: Sequence[Evidence]) -> list[Evidence]:
    """Of evidence newest first, what the first statement is: its memory's sentences, and of a log, its
    entry's (a 1.5B reader given "2026-08-03: …wall slides 3x10" beside "2026-08-24: …stop the wall
    slides" answered from the older)."""
    if not shown:
        return []
    first = shown[0]
    return [item for item in shown if item.memory_id == first.memory_id
            and entry_date(item.text) == entry_date(first.text)]
