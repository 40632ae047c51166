"""The chat messages telling of the events a question of date arithmetic names ("How long did I wait
between seeing the surgeon and the operation?"): each event is searched for in its own words, and
the message found tells the day the span is counted from (`retrieval/elapsed.py`)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from second_me.domain import Evidence, Hit
from second_me.retrieval.abstain import relevant_hits
from second_me.retrieval.elapsed import (AGE, ElapsedQuestion, event_day, names_the_event, names_whom, says_own_words,
                                         tells_birth)
from second_me.retrieval.evidence import evidence_choices
from second_me.retrieval.hybrid import SearchOptions, SearchResult
from second_me.retrieval.intent import GATHER, Intent
from second_me.text.utterance import is_question
from second_me.text.words import content_words

if TYPE_CHECKING:
    from second_me.services.core import Core

Says = Callable[[str], bool]


class EventFinder:
    def __init__(self, search: Callable[[str, SearchOptions], SearchResult], core: "Core"):
        self.search, self.core = search, core

    def events(self, form: ElapsedQuestion, hits: Sequence[Hit], options: SearchOptions
               ) -> Optional[tuple[list[Evidence], list[Hit]]]:
        """The message telling of each event the question names, one message each, and the hits they
        were found among; None when an event is told in no chat message. `hits`: the question's own."""
        events: list[Evidence] = []
        found_among: list[Hit] = []
        for index, words in enumerate(form.events):
            own = form.own[index] if form.own else ""
            # "How old was Owen when he started walking?": his birth, told as one, then a message naming him.
            must = (partial(tells_birth, who=form.who) if index == 0 else partial(names_whom, form.who, words)) \
                if form.kind == AGE else None
            taken = {item.memory_id for item in events}
            found = self._event(words, options, taken, own, must) or self._in_context(words, hits, taken, must)
            if found is None:
                return None
            events.append(found[0])
            found_among += found[1]
        return events, found_among

    def _event(self, words: str, options: SearchOptions, taken: set[int], own: str,
               must: Optional[Says]) -> Optional[tuple[Evidence, list[Hit]]]:
        """The chat message that best tells of an event ("booking the flights"), other than those already
        `taken`, and the hits it was found among. `own`: the words telling this event from the other
        ("four students"), said by the message telling of it; `must`: what that message has to say."""
        settings = self.core.settings
        result = self.search(words, options)
        if result.best_similarity is not None and result.best_similarity < settings.abstain_similarity:
            return None
        hits = relevant_hits(result, settings.abstain_similarity)
        dated, wider = self._candidates(words, hits, taken, must)
        # "four students": said in a memory whose closest sentence may be another ("Started tutoring…").
        whole = {hit.memory.id: hit.memory.text for hit in hits}
        said = [says_own_words(own, whole.get(item.memory_id, item.text)) for item in wider] if own else []
        if any(said):
            return wider[said.index(max(said))], hits  # of those saying the most of its own words, the closest
        best = next((item for item in dated if names_the_event(words, item.text)), dated[0] if dated else None)
        return (best, hits) if best is not None else None

    def _in_context(self, words: str, hits: Sequence[Hit], taken: set[int],
                    must: Optional[Says]) -> Optional[tuple[Evidence, list[Hit]]]:
        """An event named too barely to be found alone ("the operation" finds "Got it." first): the
        message among the question's own hits that tells of it, by how close it is both to the event's
        words and to the whole question ("knee surgery is booked for May 14th", not "First paddle since
        the surgery")."""
        asked = {hit.memory.id: hit.similarity or 0.0 for hit in hits}
        dated, _ = self._candidates(words, list(hits), taken, must)
        best = max(dated, key=lambda item: item.score + asked.get(item.memory_id, 0.0), default=None)
        return (best, list(hits)) if best is not None else None

    def _candidates(self, words: str, hits: list[Hit], taken: set[int],
                    must: Optional[Says]) -> tuple[list[Evidence], list[Evidence]]:
        """Of chat messages with a day, not `taken`, the sentences closest to an event's words, best
        first: as quoted, and as a capable reader is given them (more)."""
        def of_an_event(chosen: list[Evidence]) -> list[Evidence]:
            return [item for item in sorted(chosen, key=lambda item: item.score, reverse=True)
                    if item.memory_id not in taken and event_day(item) is not None
                    and _tells_something(item.text) and (must is None or must(item.text))]
        quoted, wider = evidence_choices(words, hits, self.core.embedder, Intent(GATHER))
        return of_an_event(quoted), of_an_event(wider)


def _tells_something(text: str) -> bool:
    """A statement with some content: not "Got it." nor a question, which tell of no event."""
    return len(content_words(text)) >= 3 and not is_question(text)
