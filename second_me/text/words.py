"""Words compared the way a reader compares them: case, accents, plurals and common endings
folded ("proofing" ~ "proof", "baked" ~ "bake"), other forms of a word included ("bought" ~
"buy", "Mum" ~ "mother"). Used to match a question to sentences and an answer to its evidence.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata

from second_me.text.word_forms import word_forms

# Contractions typed without their apostrophe ("whats the best way to…"): stop words like the rest;
# the question words among them open a question (`utterance.is_question`).
UNAPOSTROPHISED_QUESTION_WORDS = ("whats", "wheres", "whos", "hows", "whens", "whys")
UNAPOSTROPHISED = UNAPOSTROPHISED_QUESTION_WORDS + tuple(
    "thats theres im ive id youre dont doesnt didnt isnt arent wasnt cant wont".split())
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him mine
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom whose why will
with would you your yours yourself yourselves s t don tell know remember did ever many much ago yes
us ve ll re d m might must shall
""".split()) | frozenset(UNAPOSTROPHISED)
# What "how …" asks for: a frequency, a span, a distance, an amount ("how often", "how far").
HOW_MEASURES = frozenset("often frequently long far much many old big tall heavy soon early late fast quickly".split())
# Month and weekday names (and abbreviations), lower case → number: time words, not names.
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "edly", "ed", "es", "ly", "s")


def plain(word: str) -> str:
    """Lower case, accents and a possessive 's off."""
    # Search weighs every word of every candidate turn: the same few thousand words, over and over.
    return _plain_word(word) if len(word) <= _CACHED_CHARS else _plain(word)


def _plain(word: str) -> str:
    word = word.lower()
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in word if not unicodedata.combining(c))
    return _POSSESSIVE.sub("", word)


_CACHED_CHARS = 40
_POSSESSIVE = re.compile(r"['’]s$")
_APOSTROPHE = re.compile(r"['’]")
# "couldn't", "didn't", "won't": a negation, no word a memory is found by ("couldn" is in no memory's
# words as such; "won" of "won't" is not the "won" of a race).
NEGATED = re.compile(r"\b[^\W_]+n['’]t\b", re.UNICODE)
_plain_word = functools.lru_cache(maxsize=1 << 16)(_plain)


def whole_name(name: str) -> str:
    """A name plain, its words single-spaced: "tom reed" for " Tom  Reed"."""
    return " ".join(plain(name).split())


def name_forms(name: str) -> frozenset[str]:
    """How people call someone, plain: the whole name, and its first word when it has several
    ("tom" for "Tom Reed": chat exports name a speaker in full, a question by the first name)."""
    whole = whole_name(name)
    return frozenset({whole, whole.split()[0]}) if whole else frozenset()


def stem(word: str) -> str:
    """A crude stem, enough to match forms of one word ("baking", "baked" → bak); at least three letters."""
    word = plain(word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ed", "es", "edly") and word.endswith("e"):
                return word  # "agreed", "agrees" → agre, as "agree" is below
            break
    if len(word) == 3 and word[2] == "s" and not set(word[:2]) & set("aeiousy") and word != "mrs":
        return word[:2]  # an abbreviation's plural: "GPs", "TVs", "PCs" ("Mrs" is no plural of "Mr")
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
        if lower in STOPWORDS or lower in also_skip or lower.isdigit() or NEGATED.fullmatch(lower):
            continue
        if ("'" in lower or "’" in lower) and all(part in STOPWORDS for part in _APOSTROPHE.split(lower)):
            continue  # "I've", "what'll": a contraction of stop words is one
        seen.setdefault(lower, None)
    return list(seen)


def stems(text: str) -> set[str]:
    """Every word's stem, stopwords included (a sentence is matched against, not searched)."""
    return {stem(word) for word in words(text)}


def forms(word: str) -> set[str]:
    """The stems a word may take in another text: its own and its other forms' ("bought" → buy, bought)."""
    return {stem(form) for form in word_forms(plain(word))} | {stem(word)}
