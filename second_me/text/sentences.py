"""Sentences of a paragraph: an end mark followed by a capital starts the next one; abbreviations
("e.g.", "Dr.") and decimals ("6.5 bar") do not end one."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset("e.g i.e etc vs approx dr mr mrs ms prof st no fig ca cf mt ft".split())
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")


def split_sentences(text: str) -> list[tuple[str, int]]:
    """(sentence, offset) for each sentence of a paragraph; abbreviations and decimals do not end one."""
    out: list[tuple[str, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        before = text[start:match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if match.group(0).startswith(".") and (last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())):
            continue
        if match.group(0) == "." and len(before) == 1 and last.isdigit():
            continue  # "1. Schema freeze": a list's number, not a sentence of its own
        following = text[end:].lstrip()
        if following and not (following[0].isupper() or following[0].isdigit() or following[0] in "\"'“‘([*-"):
            continue
        piece = text[start:end].strip()
        if piece:
            out.append((piece, start + (len(text[start:end]) - len(text[start:end].lstrip()))))
        start = end
    rest = text[start:].strip()
    if rest:
        out.append((rest, start + (len(text[start:]) - len(text[start:].lstrip()))))
    return out
