"""Natural-language question → a safe FTS5 MATCH expression."""

from __future__ import annotations

import re

from second_me.text.word_forms import word_forms
from second_me.text.words import NEGATED, STOPWORDS

_TOKEN = re.compile(r"\w+", re.UNICODE)
# "Which two doctors…": how many answers are wanted, not a word they hold ("two bedrooms", "two trout").
_ANSWER_COUNT = re.compile(r"\b(which|what)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.I)


def query_terms(text: str) -> list[str]:
    """Content words of a question, lower-cased, stopwords removed, order kept, no repeats."""
    seen: dict[str, None] = {}
    for token in _TOKEN.findall(NEGATED.sub(" ", _ANSWER_COUNT.sub(r"\1", text)).lower()):
        if token not in STOPWORDS and token not in seen:
            seen[token] = None
    return list(seen)


def match_expression(text: str) -> str:
    """OR of quoted terms: any term may match, BM25 ranks documents matching more and rarer ones.
    A word brings its other forms ("buy" also matches "bought", "mother" matches "Mum")."""
    terms = [form for term in query_terms(text) for form in word_forms(term) if form == term or form not in STOPWORDS]
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in dict.fromkeys(terms))
