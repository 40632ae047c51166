"""What a when-question asks the day of ("get his stent" of "When did my dad get his stent?"), and
which of the moments a message tells of are that event's."""

from __future__ import annotations

import re

from second_me.text.event_dates import SENTENCE_BREAKS, DateSpan, moments_told
from second_me.text.sentences import split_sentences
from second_me.text.words import MONTHS, WEEKDAYS, content_words, stems


def dates_of_event(text: str, said_at: float, event: str) -> list[DateSpan]:
    """The moments a message tells of for one event: of a message telling of two ("Dad had chest
    pains on Saturday night. they … put a stent in two days ago"), those whose sentence (or clause,
    in a sentence with two) says most of the event's words ("get his stent"); all of them when
    none says any, or all say as many; none when they are only asked of and another sentence says them."""
    told = moments_told(text, said_at)
    wanted = {stem for word in content_words(event) for stem in stems(word)}  # not "the": "the last big thing"
    sentences = SENTENCE_BREAKS.split(text)  # as `moments_told` cuts the message
    shared = [len(wanted & stems(_with_the_sentence_before(part, sentences))) for _, part in told]
    if told and max(shared) == 0 and all(part.rstrip().endswith("?") for _, part in told) \
            and any(wanted & stems(sentence) for sentence, _ in split_sentences(text)):
        return []  # "Christmas: I can come from the 23rd to the 27th. Who's hosting this year?": not of coming
    if not told or max(shared) == 0 or min(shared) == max(shared):
        return [span for span, _ in told]
    return [span for (span, _), count in zip(told, shared) if count == max(shared)]


_TIME_ONLY = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    "last next this the on in at yesterday today tomorrow tonight morning afternoon evening night week weekend month "
    "year ago".split())


def _with_the_sentence_before(part: str, sentences: list[str]) -> str:
    """A sentence that is only a time ("I bought a truck!!! last Saturday.") tells when the one before it happened."""
    words = re.findall(r"[a-z]+", part.lower())
    if not words or not all(word in _TIME_ONLY for word in words) or part not in sentences:
        return part
    at = sentences.index(part)
    return f"{sentences[at - 1]} {part}" if at > 0 else part


# "When did my dad get his stent?": who it is about, then the event ("get his stent"). A thing
# someone has ("Pryce's letter") is part of the event.
# Someone typed in lower case is found beside "I": "when are kwame and I going to porto?".
_WHO = r"(?:I|we|you|he|she|they|(?:my|our|your|his|her|their)\s+[\w-]+|(?-i:[A-Z])[\w-]*" \
       r"|[\w-]+(?=\s+and\s+(?:I|me|we)\b))(?!['’]s)"
_WHEN_WHO = re.compile(r"^\s*(?:when|on\s+what\s+(?:date|day)|what\s+(?:date|day))\s+"
                       r"(?:did|was|were|is|are|will|do|does|has|have|had)\s+" + _WHO + r"(?:\s+and\s+" + _WHO + r")?\s+",
                       re.I)


def event_asked(question: str) -> str:
    """What a when-question asks the day of, without whom it is about: "get his stent" of "When did
    my dad get his stent?"; the whole question when it is not put that way."""
    found = _WHEN_WHO.match(question)
    return question[found.end():] if found and question[found.end():].strip(" ?") else question
