"""Names a text states: capitalised words where a sentence does not begin, words after "called".

"What is my dentist's name?" is answered by a memory stating a name the question does not: "Dr
Okafor", "a vet called Priya". A capital that begins a sentence, a month, a weekday, "I", a
title and a common word in capitals ("GP") say nothing. Words are compared folded (`fold`): lower
case, possessive and plural off.
"""

from __future__ import annotations

import re

from second_me.text.word_forms import FORMS
from second_me.text.words import MONTHS as MONTH_NUMBERS, STOPWORDS, WEEKDAYS as WEEKDAY_NUMBERS, plain

MONTHS = frozenset(MONTH_NUMBERS)  # names and abbreviations, lower case
WEEKDAYS = frozenset(WEEKDAY_NUMBERS)
TITLES = frozenset("mr mrs ms dr prof herr frau sir".split())
TOKEN = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)
_NAMING = re.compile(r"\b(?:called|named|name is|names are|known as)\s+([^\W\d_][\w'’-]*)", re.I | re.UNICODE)


def fold(word: str) -> str:
    """Lower case, possessive and plural s off: the form two mentions of a word are compared in."""
    word = plain(word)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def names_in(text: str, question_words: set[str] = frozenset()) -> set[str]:
    """The names `text` states that the question does not (folded): a word after "called" or "named",
    or capitalised where a sentence does not begin (not a month, a weekday, "I" or a title)."""
    found = {fold(m.group(1)) for m in _NAMING.finditer(text)}
    for token, starts_sentence in _tokens_and_starts(text):
        word = re.sub(r"['’]s$", "", token.rstrip(".'’-"))
        # A sentence may begin with a name no English word is spelt like: "Grünerløkka life".
        if (word and word[0].isupper() and (not starts_sentence or not word.isascii())
                and re.split(r"['’]", word.lower())[0] not in MONTHS | WEEKDAYS | {"i"}  # nor "I'm"
                and fold(word) not in WEEKDAYS  # "Training is Tuesdays"
                and word.lower().rstrip(".") not in TITLES and not _common_abbreviation(word)):
            found.add(fold(word))
    return found - question_words


def _common_abbreviation(word: str) -> bool:
    """"GP" (a doctor) is written in capitals, and names no one ("Booked a GP appointment", "Switched GPs");
    nor does a little word in capitals ("IT band syndrome"), but "the US"."""
    single = word[:-1] if word.endswith("s") and len(word) > 2 else word
    return len(single) > 1 and single.isupper() and (single.lower() in FORMS or word.lower() in STOPWORDS - {"us"})


_ASKS_A_NAME = re.compile(r"\bwhat(?:['’]?s|\s+is|\s+was)\s+(?:(?:his|her|their|its|the)\s+name"
                          r"|(?:he|she|it)\s+called)\b", re.I)
_FIRST_WORD = re.compile(r"^(?:[^:\n]{1,40}:\s+)?([A-Z][\w'’-]*)")  # after the "Lena: " of a chat turn


def named_when_asked(text: str, before: str) -> bool:
    """Does a reply to "what's his name?" name the answer first, capitalised as any sentence begins
    ("Biscuit. He's a 2 year old beagle"), which `names_in` cannot tell from a sentence's first word?"""
    asked = before.strip().splitlines()[-1] if before.strip() else ""
    first = _FIRST_WORD.match(text) if _ASKS_A_NAME.search(asked) else None
    return first is not None and first.group(1).lower() not in STOPWORDS


def has_name_of(text: str, words: int, first: str = "") -> bool:
    """A name of at least this many capitalised words ("Owen James Fraser" for a middle name),
    beginning with `first` when given, in any case ("Noemi Rossi" for Noemi's surname). Only its
    last word may be possessive: "NOEMI'S COMING" and "Mei's Mum" are no one's names."""
    head = f"(?i:{re.escape(first)})" if first else _NAME_WORD
    pattern = r"(?<![\w'’])%s(?:\s+%s){%d,}\s+[A-Z][\w'’-]*" % (head, _NAME_WORD, max(words - 2, 0))
    return re.search(pattern, text) is not None


_NAME_WORD = r"[A-Z](?:[\w-]|['’](?![sS]\b))*"  # "O'Brien", not "Noemi's"


def _tokens_and_starts(text: str) -> list[tuple[str, bool]]:
    """(token, does it begin a sentence) — a line, or after "Maya:" too: there capitals say nothing."""
    out, start = [], True
    for match in TOKEN.finditer(text):
        token = match.group(0)
        out.append((token, start))
        end = text[match.end():match.end() + 2]
        is_title = token.rstrip(".").lower() in TITLES
        start = (not is_title and (token.endswith(".") or end[:1] in (".", "!", "?", ":", "\n")
                                   or end.startswith((". ", "! ", "? ", ": "))))
    return out


# "What's my sister's name?", "What is my manager called?", "the name of my dog": a name asked of the user's own.
_NAME_OF_MINE = re.compile(r"\bmy\s+([a-z]+)(?:['’]s\s+name\b|\s+(?:called|named)\b)|\bname\s+of\s+my\s+([a-z]+)\b",
                           re.I)


def name_asked_of_mine(question: str) -> str:
    """What of the user's a question asks the name of ("sister" of "What's my sister's name?"), or ""."""
    asked = _NAME_OF_MINE.search(question)
    return (asked.group(1) or asked.group(2)).lower() if asked else ""


def named_beside(text: str, thing: str) -> bool:
    """Does `text` name the user's `thing` right beside it: "with my sister Clara", "my manager is
    called Priya", "our dog, Biscuit"? Not a month, a weekday or a small word ("my sister In…")."""
    pattern = (r"(?i:\b(?:my|our)\s+%s(?:['’]s\s+name\s+is|\s+is\s+(?:called|named)|\s+(?:called|named)|,)?)"
               r"\s+([A-Z][\w'’-]*)" % re.escape(thing))
    return any(word.lower() not in MONTHS | WEEKDAYS | STOPWORDS | {"i"}
               for word in (re.sub(r"['’]s$", "", m.group(1)) for m in re.finditer(pattern, text)))


_SPEAKER = re.compile(r"([^\W\d_][\w'’-]*)(?: [^\W\d_][\w'’-]*)?: ")  # "Bea: " or "Priya Shah: " before a turn
_WE = re.compile(r"\b(?:we|we['’](?:re|ve|ll|d)|our|ours|us)\b", re.I)


def said_for_them(text: str, names: set[str]) -> set[str]:
    """The (folded) names a chat turn speaks for besides its speaker's: all of `names` when its speaker is
    one of them and says "we" or "our" ("Bea: our landlord put the rent up…" is what Bea and Kenji pay)."""
    speaker = _SPEAKER.match(text)
    if speaker is None or fold(speaker.group(1)) not in names or not _WE.search(text, speaker.end()):
        return set()
    return set(names)
