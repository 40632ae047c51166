"""People as a signal, not a word: the people a question names, and whether a memory is by or
about them.

A question naming someone memory knows ("What is Sam's relationship status?") prefers what Sam
said and what names Sam; the name itself rewards nothing (it is no longer part of a turn's
searchable words, so Sam's shortest turns stop winning). A speaker's name is found in any case
("when did sam sprain his ankle"); other names only capitalised, as people write them.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from second_me.domain import Memory
from second_me.retrieval.answer_type import proper_names
from second_me.text.words import STOPWORDS, plain

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def speakers_in(question: str, speakers: Iterable[str]) -> list[str]:
    """The speakers memory knows that the question names, in any case."""
    words = {plain(word) for word in _WORD.findall(question)} - STOPWORDS
    return [speaker for speaker in dict.fromkeys(speakers) if plain(speaker) in words]


def people_in(question: str, speakers: Iterable[str]) -> tuple[str, ...]:
    """The people the question names: speakers memory knows (in any case), then its capitalised names."""
    found = speakers_in(question, speakers)
    known = {plain(name) for name in found}
    found += [name for name in proper_names(question) if plain(name) not in known]
    return tuple(dict.fromkeys(found))


def without_names(question: str, names: Sequence[str]) -> str:
    """The question without these names (and their possessive 's): what it asks about them. A
    chat turn's vector carries its speaker's name, so a name in the question drew that speaker's
    shortest turns ("Sam: WHAT!!!!") ahead of everything they said that answers it."""
    rest = question
    for name in names:
        rest = re.sub(r"\b" + re.escape(name) + r"(?:['’]s)?\b", " ", rest, flags=re.I)
    stripped = " ".join(rest.split())
    return stripped if _WORD.search(stripped) else question


def own_words(memory: Memory) -> str:
    """A memory's text without the "Speaker: " a turn starts with."""
    if memory.speaker and memory.text.startswith(memory.speaker + ": "):
        return memory.text[len(memory.speaker) + 2:]
    return memory.text


def by_or_about(memory: Memory, people: Sequence[str]) -> bool:
    """Said by one of them (or a fact about them), or naming one of them in its own words."""
    if not people:
        return False
    wanted = {plain(person) for person in people}
    if memory.speaker and plain(memory.speaker) in wanted:
        return True
    return bool(wanted & {plain(word) for word in _WORD.findall(own_words(memory))})
