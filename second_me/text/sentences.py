"""Sentences of a paragraph: an end mark followed by a capital starts the next one; abbreviations
("e.g.", "Dr.") and decimals ("6.5 bar") do not end one. Chat is often typed in lower
case ("got the job. starting in May. what should I wear?"): asked to, a lower-case word after an end
mark starts a sentence too, but not after a trailing-off "..." ("so... we went anyway")."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset("e.g i.e etc vs approx dr mr mrs ms prof st no fig ca cf mt ft".split())
# Before a lower-case word these end no sentence either ("at 3 p.m. tomorrow", "2 tbsp. of honey").
_MID_SENTENCE_ABBREVIATIONS = _ABBREVIATIONS | frozenset("a.m p.m jr sr inc ltd co corp dept incl min hr hrs sec tsp "
                                                         "tbsp oz lb lbs pp vol al".split())
_TRAILING_OFF = re.compile(r"^(?:\.\.|…)")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


def _starts_sentence(first: str, end_mark: str, last_word: str, lower_case_starts: bool) -> bool:
    if first.isupper() or first.isdigit() or first in "\"'“‘([*-":
        return True
    return lower_case_starts and first.isalpha() and not _TRAILING_OFF.match(end_mark) \
        and not (end_mark.startswith(".") and last_word in _MID_SENTENCE_ABBREVIATIONS)


def split_sentences(text: str, lower_case_starts: bool = False) -> list[tuple[str, int]]:
    """(sentence, offset) for each sentence of a paragraph; abbreviations and decimals do not end one.
    `lower_case_starts`: a lower-case word after an end mark begins a sentence, as chat is typed.
    What a turn tells and asks is judged so; a quote keeps such a turn's pieces together, where
    each says more beside the others ("the Millport people were lovely. and cycling round Cumbrae
    after was the best day")."""
    out: list[tuple[str, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        before = text[start:match.start()].split()
        last = before[-1].lower().rstrip(".").lstrip("([\"'“‘") if before else ""  # "GP (Dr. Okafor)"
        if match.group(0).startswith(".") and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        if match.group(0) == "." and len(before) == 1 and last.isdigit():
            continue  # "1. Schema freeze": a list's number, not a sentence of its own
        following = text[end:].lstrip()
        if following and not _starts_sentence(following[0], match.group(0), last, lower_case_starts):
            continue
        piece = text[start:end].strip()
        if piece:
            out.append((piece, start + (len(text[start:end]) - len(text[start:end].lstrip()))))
        start = end
    rest = text[start:].strip()
    if rest:
        out.append((rest, start + (len(text[start:]) - len(text[start:].lstrip()))))
    return out
