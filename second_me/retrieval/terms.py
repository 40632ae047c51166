"""Words compared the way a reader compares them: case, accents, plurals and common endings
folded ("proofing" ~ "proof", "baked" ~ "bake"), other forms of a word included ("bought" ~
"buy", "Mum" ~ "mother"). Used to match a question to sentences and an answer to its evidence.
"""

from __future__ import annotations

import re
import unicodedata

from second_me.retrieval.fts import STOPWORDS
from second_me.retrieval.word_forms import word_forms

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "edly", "ed", "es", "ly", "s")


def plain(word: str) -> str:
    """Lower case, accents and a possessive 's off."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if not unicodedata.combining(c))
    return re.sub(r"['’]s$", "", word)


def stem(word: str) -> str:
    """A crude stem, enough to match forms of one word ("baking", "baked" → bak); at least three letters."""
    word = plain(word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopp(ed)" -> "stop"
    return word


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def content_words(text: str, also_skip: frozenset[str] = frozenset()) -> list[str]:
    """Words that carry meaning, lower case, in order, once each."""
    seen: dict[str, None] = {}
    for word in words(text):
        lower = plain(word)
        if lower not in STOPWORDS and lower not in also_skip and not lower.isdigit():
            seen.setdefault(lower, None)
    return list(seen)


def stems(text: str) -> set[str]:
    """Every word's stem, stopwords included (a sentence is matched against, not searched)."""
    return {stem(word) for word in words(text)}


def forms(word: str) -> set[str]:
    """The stems a word may take in another text: its own and its other forms' ("bought" → buy, bought)."""
    return {stem(form) for form in word_forms(plain(word))} | {stem(word)}
