"""Natural-language question → a safe FTS5 MATCH expression."""

from __future__ import annotations

import re

from second_me.retrieval.word_forms import word_forms

_TOKEN = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves s t don tell know remember did ever many much
""".split())


def query_terms(text: str) -> list[str]:
    """Content words of a question, lower-cased, stopwords removed, order kept, no repeats."""
    seen: dict[str, None] = {}
    for token in _TOKEN.findall(text.lower()):
        if token not in STOPWORDS and token not in seen:
            seen[token] = None
    return list(seen)


def match_expression(text: str) -> str:
    """OR of quoted terms: any term may match, BM25 ranks documents matching more and rarer ones.
    A word brings its other forms ("buy" also matches "bought", "mother" matches "Mum")."""
    terms = [form for term in query_terms(text) for form in word_forms(term) if form == term or form not in STOPWORDS]
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in dict.fromkeys(terms))
