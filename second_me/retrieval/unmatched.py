"""What a question says that memory does not: words no memory holds, and names no memory mentions
together with anything else the question says (both read by the abstention checks, `abstain.py`)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from second_me.retrieval.answer_type import NAMING_WORDS, answer_type_words, names_and_details, says_little
from second_me.retrieval.fts import match_expression, query_terms
from second_me.retrieval.people import each_named_with
from second_me.storage.store import MemoryStore
from second_me.text.names import fold
from second_me.text.utterance import asked_verbs

NEAR_TURNS = 2  # a chat goes on about someone for a turn or two without naming them again


def unknown_terms(store: MemoryStore, text: str, speakers: Sequence[str]) -> tuple[str, ...]:
    """Content words (time words already taken out) that appear in no memory at all, stemmed as the
    index does. Who said a turn is known, though the index holds only what they said."""
    said_by = {term for speaker in speakers for term in query_terms(speaker)}
    return tuple(term for term in query_terms(text)
                 if term not in said_by and not store.fts_any(match_expression(term)))


def detached_names(store: MemoryStore, text: str, unknown: tuple[str, ...], joins_events: bool = False) -> tuple[str, ...]:
    """The question's names when no memory mentions them together with any other word of the
    question: "what does Tilly do for work?" when Tilly is never mentioned with work; never a name
    said in a chat with another person. A question joining two events ("what happened first: Tomas
    being born or me starting Japanese?") finds them in two memories, which a summary puts side by side."""
    names, details = names_and_details(text)
    # How it happened is told in other verbs ("had a little girl last night… Tuva" for "when was Tuva
    # born?"): a verb said with the name counts, one never said with it is no reason.
    verbs = asked_verbs(text)
    if not names or says_little([word for word in details if word.lower() not in verbs]) \
            or unknown_names(names, unknown):
        return ()  # a name no memory has at all is a stronger reason, found elsewhere
    # Between people a chat refers back without naming again, and asks in other words: "she's here!!!
    # Iris arrived on Tuesday, 3.2 kg" tells how much Iris weighed when she was born, in none of those
    # words. What the user tells an assistant, or writes in a note, says the thing next to the name.
    if all(store.said_between_people(name) for name in names):
        return ()
    together = " AND ".join('"' + name.replace('"', '""') + '"' for name in names)
    for word in details:
        expression = match_expression(word)
        if expression and (store.fts_any_by_or_naming(names, expression)
                           or store.fts_near_naming(names, expression, NEAR_TURNS)):
            return ()
        # A note names its subject once, in its title ("# Project Atlas"), and its sections go on without it.
        if expression and store.fts_in_one_document(together, expression):
            return ()
    # The word asked for counts when one memory says it with the name ("Back from Porto. Graham's was
    # the highlight" for "what was the highlight of the Porto trip?"); "name" or "called" never does.
    asked = [match_expression(word) for word in sorted(answer_type_words(text) - NAMING_WORDS)]
    if any(expression and store.fts_any_by_or_naming(names, expression) for expression in asked):
        return ()
    summaries = store.fts_summaries_by_or_naming(names, match_expression(" ".join(details)))
    if any(joins_events or each_named_with(summary, names, details) for summary in summaries):
        return ()
    return tuple(names)


def as_written(question: str, names: Iterable[str]) -> tuple[str, ...]:
    """Names side by side in the question as one: ("Little", "Fires", "Kirkgate", "Market") in "does
    Little Fires start at Kirkgate Market?" → ("Little Fires", "Kirkgate Market")."""
    out: list[str] = []
    for name in names:
        joined = f"{out[-1]} {name}" if out else ""
        if joined and re.search(r"(?<![\w'’])" + re.escape(joined) + r"(?![\w'’])", question):
            out[-1] = joined
        else:
            out.append(name)
    return tuple(out)


def unknown_names(names: Iterable[str], unknown_terms: Iterable[str]) -> tuple[str, ...]:
    """The names that no memory contains (the search's unknown terms, compared folded)."""
    unknown = {fold(term) for term in unknown_terms}
    return tuple(name for name in names if fold(name) in unknown)
