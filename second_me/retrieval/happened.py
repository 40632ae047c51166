"""What happened at a time: "What did I do last Saturday?", "what did we get up to yesterday?".

Such a question says nothing but the time: its words are as close to any memory as to another
("last" is closest to "Last day. Cleaned out my classroom", in June), so closeness cannot choose
what to read. What the user told of that time can: the chat turns said in it, or telling of it
("yesterday", said the day after), that say something; not a question or a request put to an
assistant then ("best way to store maize flour?"), nor what the assistant replied.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from second_me.domain import Hit, Memory
from second_me.retrieval.people import own_words
from second_me.text.utterance import is_question, request_verb
from second_me.text.words import content_words

_WHAT_HAPPENED = re.compile(
    r"^\s*what\s+(?:(?:did|have|had)\s+(?:i|we)\s+(?:do|done|doing|been\s+(?:up\s+to|doing)|get\s+up\s+to|got\s+up\s+to)"
    r"|(?:was|were)\s+(?:i|we)\s+(?:doing|up\s+to)|happened)\b", re.I)
TOLD_WORDS = 3  # content words a turn needs to tell of something ("so tired today. early night" does)
DAY_TOLD = 3 * 86400  # a day or a weekend told of; a month or a year says no day


def asks_what_happened(question: str) -> bool:
    return bool(_WHAT_HAPPENED.match(question))


def told_then(hits: Sequence[Hit], since: Optional[float], until: Optional[float],
              users: Sequence[str]) -> list[Hit]:
    """The hits, in search order, that are the user's own chat turns said in [since, until) or telling
    of a day in it, and that tell something, or notes of a day in it (`text/note_days.note_dates`: a
    note's own time is when it was saved); none without a time."""
    if since is None and until is None:
        return []
    return [hit for hit in hits if (of_then(hit.memory, since, until) and _tells(hit.memory, users))
            or (hit.memory.kind == "chunk" and of_then(hit.memory, since, until, said=False))]


def of_then(memory: Memory, since: Optional[float], until: Optional[float], said: bool = True) -> bool:
    """Said then (unless not `said`), or telling of a day then ("yesterday"); not of a month ahead ("the
    canoe in August")."""
    spans = ((memory.created_at, memory.created_at + 1),) * said + tuple(
        (start, end) for start, end in memory.about if end - start <= DAY_TOLD)
    return any((since is None or end > since) and (until is None or start < until) for start, end in spans)


def _tells(memory: Memory, users: Sequence[str]) -> bool:
    if memory.kind != "message" or memory.speaker not in users:
        return False
    text = own_words(memory)
    return len(content_words(text)) >= TOLD_WORDS and not is_question(text) and not request_verb(text)
