"""A chat turn and its replies: a friend's reply often answers with none of the question's words
("my niece! she's 6" after "who's Ines again?"), so it is scored with what the turn it answers
asks, and quoted together with that turn."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from second_me.domain import Hit
from second_me.retrieval.people import own_words
from second_me.retrieval.quotable import Sentence
from second_me.text.utterance import what_it_asks


def with_questions_answered(sentences: list[Sentence], hits: Sequence[Hit], replies: Mapping[int, Sequence[int]],
                            assistants: Sequence[str]) -> list[Sentence]:
    """A reply is scored with what the turn it answers asks ("my niece!" after "who's Ines again?")."""
    asking = {hit.memory.id: what_it_asks(own_words(hit.memory)) for hit in hits if hit.memory.id in replies}
    answers = {reply: asking[question] for question, ids in replies.items() if question in asking for reply in ids}
    return [replace(s, answers=answers[s.hit.memory.id])
            if s.hit.memory.id in answers and s.hit.memory.speaker not in assistants else s for s in sentences]


def with_their_replies(chosen: list[Sentence], scored: Sequence[Sentence],
                       replies: Mapping[int, Sequence[int]]) -> list[Sentence]:
    """"any podcast recs for the drive?" is close to "Which podcast did you suggest for the drive?",
    but the answer is the reply, which shares few of its words: a turn that asks something is
    quoted with the best sentence of its reply right after it, and a reply with the turn it answers
    right before it ("my niece!" says whose niece only after "who's Ines again?")."""
    asked_in = {reply: question for question, ids in replies.items() for reply in ids}
    out: list[Sentence] = []
    for sentence in chosen:
        question = asked_in.get(sentence.hit.memory.id) if sentence.answers else None  # not advice: it stands alone
        asking = next((s for s in scored if s.hit.memory.id == question), None) if question is not None else None
        if asking is not None and not any(o.hit.memory.id == question for o in (*chosen, *out)):
            out.append(asking)
        out.append(sentence)
        for reply in replies.get(sentence.hit.memory.id, ()):
            best = next((s for s in scored if s.hit.memory.id == reply), None)  # scored is best first
            if best is not None and not any(o.hit.memory.id == reply for o in (*chosen, *out)):
                out.append(best)
    return out
