"""A chat turn and its replies: a friend's reply often answers with none of the question's words
("my niece! she's 6" after "who's Ines again?"), so it is scored with what the turn it answers
asks, and quoted together with that turn; a turn going on from its speaker's turn before it is scored
with that one too; and the turn beside a quote that says how much or when."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping, Sequence

from second_me.domain import ConversationOrigin, FileOrigin, Hit, Memory
from second_me.retrieval.answer_type import asked_words, expected_answer, has_answer, wanted_kind
from second_me.retrieval.chatter import FULL_WORDS
from second_me.retrieval.follow_on import GOES_ON_TURNS, TALK_PAUSE_SECONDS
from second_me.retrieval.unmatched import NEAR_TURNS
from second_me.retrieval.intent import FACT, Intent
from second_me.retrieval.people import own_words
from second_me.retrieval.quotable import Sentence
from second_me.text.utterance import asks_something, what_it_asks
from second_me.text.words import content_words


def with_questions_answered(sentences: list[Sentence], hits: Sequence[Hit], replies: Mapping[int, Sequence[int]],
                            assistants: Sequence[str]) -> list[Sentence]:
    """A reply is scored with what the turn it answers asks ("my niece!" after "who's Ines again?"). A
    turn told more of when asked ("which one?") asks nothing: its speaker's answer is quoted after it,
    scored as what it says."""
    asking = {hit.memory.id: what_it_asks(own_words(hit.memory)) for hit in hits
              if hit.memory.id in replies and asks_something(own_words(hit.memory))}
    answers = {reply: asking[question] for question, ids in replies.items() if question in asking for reply in ids}
    return [replace(s, answers=answers[s.hit.memory.id])
            if s.hit.memory.id in answers and s.hit.memory.speaker not in assistants else s for s in sentences]


def with_what_they_go_on_from(sentences: list[Sentence], hits: Sequence[Hit],
                              assistants: Sequence[str]) -> list[Sentence]:
    """A chat turn is scored with its speaker's turn just before it among the hits, as far back as
    search brings a turn along from (`follow_on.GOES_ON_TURNS`): people text a thought in pieces ("I
    adopted a cat from Cats Protection this morning", then "she's called Mango"), and the piece that
    answers often shares no word with the question."""
    turns = {(hit.origin.conversation, hit.memory.message_id): hit.memory for hit in hits
             if isinstance(hit.origin, ConversationOrigin) and hit.memory.message_id is not None
             and hit.memory.speaker and hit.memory.speaker not in assistants}
    before: dict[int, str] = {}
    for (conversation, message_id), memory in turns.items():
        # The nearest of the speaker's turns before it among the hits: the other's reply may sit between.
        keys = [(conversation, message_id - back) for back in range(1, GOES_ON_TURNS + 1)]
        earlier = next((turns[key] for key in keys if key in turns and turns[key].speaker == memory.speaker
                        and memory.created_at - turns[key].created_at <= TALK_PAUSE_SECONDS), None)
        if earlier is not None:
            before[memory.id] = own_words(earlier)
    # Or, saying little itself, one telling of the same day, however long after ("did it!! 1:52:30
    # yesterday", said the day after "I'm training for the Lisbon half marathon, it's on the 24th of
    # May"). A turn saying enough stands on its own words: read with the plan, it reads as the plan.
    for memory in turns.values():
        says_little = len(content_words(own_words(memory))) <= FULL_WORDS
        days = set(days_told(memory)) if memory.id not in before and says_little else set()
        earlier = [other for other in turns.values() if days and other.speaker == memory.speaker
                   and other.created_at < memory.created_at
                   and any(plan_and_report(other, memory, day) for day in days)]
        if earlier:
            before[memory.id] = own_words(max(earlier, key=lambda other: other.created_at))
    return [replace(s, goes_on_from=before[s.hit.memory.id]) if s.hit.memory.id in before and not s.answers else s
            for s in sentences]


ONE_DAY = 86400.0  # a day told, not a month: "in October" tells of too much to join two turns by


def days_told(memory: Memory) -> list[tuple[float, float]]:
    """The single days a memory tells of ("yesterday", "on the 24th of May"), as [start, end) epochs."""
    return [(start, end) for start, end in memory.about if end - start <= ONE_DAY]


def plan_and_report(one: Memory, other: Memory, day: tuple[float, float]) -> bool:
    """Do both tell of this day, one said before it and the other on or after it: a plan and how it
    went ("it's on the 24th of May", said in April; "did it!! 1:52:30 yesterday")? Two turns saying
    "today" on one day are not one thing."""
    if day not in days_told(one) or day not in days_told(other):
        return False
    return (one.created_at < day[0]) != (other.created_at < day[0])


_ASKED = re.compile(r"\?(?=\s|$)")  # a question asked in so many words, not advice in the imperative ("Put…")


def with_their_replies(chosen: list[Sentence], scored: Sequence[Sentence],
                       replies: Mapping[int, Sequence[int]]) -> list[Sentence]:
    """"any podcast recs for the drive?" is close to "Which podcast did you suggest for the drive?",
    but the answer is the reply, which shares few of its words: a turn that asks something is
    quoted with the best sentence of its reply right after it, and a reply with the turn it answers
    right before it ("my niece!" says whose niece only after "who's Ines again?")."""
    asked_in = {reply: question for question, ids in replies.items() for reply in ids}
    out: list[Sentence] = []
    for sentence in chosen:
        if any(o is sentence for o in out):
            continue  # a question chosen after its reply, already put before it
        question = asked_in.get(sentence.hit.memory.id) if sentence.answers else None  # not advice: it stands alone
        asking = next((s for s in scored if s.hit.memory.id == question), None) if question is not None else None
        # A question chosen after its reply comes before it ("Ella's birthday is on the 21st isn't it?" before
        # "Yes the 21st!"); a turn telling something that a reply goes on from keeps its place.
        ahead = next((s for s in chosen if s.hit.memory.id == question and _ASKED.search(s.hit.memory.text)), None)
        if ahead is not None and not any(o.hit.memory.id == question for o in out):
            out.append(ahead)
        elif asking is not None and not any(o.hit.memory.id == question for o in (*chosen, *out)):
            out.append(asking)
        out.append(sentence)
        for reply in replies.get(sentence.hit.memory.id, ()):
            best = next((s for s in scored if s.hit.memory.id == reply), None)  # scored is best first
            if best is not None and not any(o.hit.memory.id == reply for o in (*chosen, *out)):
                out.append(best)
    return out


def with_one_stating_it(question: str, intent: Intent, quoted: list[Sentence],
                        scored: Sequence[Sentence]) -> list[Sentence]:
    """Asked how much, when or how many, quotes that state none are followed by the best sentence
    that does and is told beside them: "Lisbon rents are higher than Porto's" shares the
    words of "How much is our rent in Lisbon?"; the reply to it, "We found a flat in Alvalade, 1,350
    euros a month", says how much. Not an amount said of something else, anywhere in memory."""
    kind = wanted_kind(question) if expected_answer(question) is not None else None  # a measure's own unit
    if intent.kind != FACT or kind is None or not quoted:
        return quoted
    words = asked_words(question)
    if any(has_answer(kind, s.text, words) for s in quoted):
        return quoted
    # Or on from the quote by way of its speaker's turn between: "passed a kidney stone on Tuesday",
    # "oh no!", "I've given people morphine for this…", "are you ok now", "fine. it was 4 millimetres".
    beside = quoted + [s for s in scored if s.hit.memory.speaker
                       and any(s.hit.memory.speaker == q.hit.memory.speaker and _told_beside(s.hit, [q])
                               for q in quoted)]
    stating = next((s for s in scored if has_answer(kind, s.text, words) and _told_beside(s.hit, beside)), None)
    return quoted + [stating] if stating is not None else quoted


def _told_beside(hit: Hit, quoted: Sequence[Sentence]) -> bool:
    """In the same memory or note as a quoted sentence, or a turn or two from one in its conversation."""
    for other in (sentence.hit for sentence in quoted):
        if hit.memory.id == other.memory.id:
            return True
        if isinstance(hit.origin, FileOrigin) and isinstance(other.origin, FileOrigin):
            if hit.origin.path == other.origin.path:
                return True
        elif isinstance(hit.origin, ConversationOrigin) and isinstance(other.origin, ConversationOrigin) \
                and hit.origin.conversation == other.origin.conversation \
                and hit.memory.message_id is not None and other.memory.message_id is not None \
                and abs(hit.memory.message_id - other.memory.message_id) <= NEAR_TURNS:
            return True
    return False
