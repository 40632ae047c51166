"""Asked when something happened, memory tells when in a chat message (the day it was said, or a day
it tells of) or in words stating a date. A note about the thing that says no date, beside a message
about something else, tells nothing of when: "When did I start taking vitamin D?" over a medication
note ("- Vitamin D, 1000 IU a day") and "Dr. Mahmoud started me on blood pressure pills today" is
not answered by the day of the pills."""

from __future__ import annotations

from typing import Sequence

from second_me.domain import Hit
from second_me.retrieval.answer_type import DATE, LIGHT_VERBS, TIME_WORDS, has_answer
from second_me.retrieval.dated_answer import ASKS_PAST
from second_me.retrieval.note_context import lines_in_context
from second_me.text.utterance import asked_verbs
from second_me.text.words import content_words, forms, stems

WHEN = "when"  # what memory does not say, as the refusal puts it (a day gone by: "when is…" may ask of a plan)


def untold_when(question: str, hits: Sequence[Hit]) -> bool:
    """Whether the memories among `hits` that mention every thing the question asks the day of (its
    nouns and names, not its verbs: "moved" is told as "First night in the condo") tell no day: none
    is a chat message or states a date. False when none mentions them all: memory may tell of it in
    other words, which the other checks judge."""
    if not ASKS_PAST.match(question):
        return False
    skip = asked_verbs(question) | LIGHT_VERBS | TIME_WORDS
    things = [forms(word) for word in content_words(question) if word not in skip]
    if not things:
        return False
    def mentions(text: str) -> bool:
        said = stems(text)
        return all(word & said for word in things)

    # A line says what its note's name and its headings say: "Retainer: £1,100 a month…, since April." under
    # "## Northfield Housing Trust" tells when the Northfield retainer started.
    lines = {hit.memory.id: lines_in_context(hit) for hit in hits}
    mentioning = [hit for hit in hits
                  if mentions(" ".join(f"{context} {line}" for line, context in lines[hit.memory.id]))]
    # A note's date is told in the line saying the thing: "Amlodipine 5 mg… Started April 2023" is not
    # when the vitamin D on the next line began.
    return bool(mentioning) and not any(
        hit.memory.kind == "message" or hit.memory.about
        or any(has_answer(DATE, line, set()) for line, context in lines[hit.memory.id] if mentions(f"{context} {line}"))
        for hit in mentioning)
