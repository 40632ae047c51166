"""Who an answer speaks to. A reader told that "I" in the question means the user answers in the
user's own voice as often as not ("I play vice on my curling team."); second-me speaks to the user,
so such a sentence is turned to "you" ("You play vice on your curling team.")."""

from __future__ import annotations

import re

# First-person words and what they are said to the user; "I was" is "you were", not "you was".
_TO_YOU = {
    "i am": "you are", "i'm": "you're", "i was": "you were", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
    "am i": "are you", "was i": "were you",
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
}
_FIRST_PERSON = re.compile(r"\b(?:i\s+am|i\s+was|am\s+i|was\s+i|i['’](?:m|ve|d|ll)|i|me|my|mine|myself)\b", re.I)
# Inside a quotation "I" is its speaker's, and so it is after a verb reporting what someone said:
# "Jo says if she builds one more thing she's leaving me" is Sam's "me", not the user's.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_TOLD_TO = re.compile(r"\b(?:tells?|told|asks?|asked|texted|wr[io]te|advised|reminded|warned)\s+$", re.I)
_REPORTED = re.compile(r"\b(?:says?|said|tells?|told|asks?|asked|wr[io]tes?|written|texted|replied|answered)\b", re.I)


def to_the_user(sentence: str) -> str:
    """The sentence said to the user: its first-person words outside quotations turned to "you",
    unless it reports someone's words before them (whose "I" is theirs)."""
    quoted = [match.span() for match in _QUOTED.finditer(sentence)]
    outside = [match for match in _FIRST_PERSON.finditer(sentence)
               if not any(start <= match.start() < end for start, end in quoted) and not _numeral(match)]
    if not outside:
        return sentence
    before = sentence[:outside[0].start()]
    # "ChatGPT told me to…": told to the user, whose words follow. Not "Jo says … she's leaving me".
    told_me = outside[0].group().lower() == "me" and bool(_TOLD_TO.search(before))
    if _REPORTED.search(before) and not told_me:
        return sentence
    out, at = [], 0
    for match in outside:
        out += [sentence[at:match.start()], _turned(match)]
        at = match.end()
    return "".join(out) + sentence[at:]


def _numeral(match: re.Match) -> bool:
    """A capital "I" after a name's word is a numeral ("World War I", "Henry I"), not the user."""
    before = match.string[:match.start()].split()
    return match.group() == "I" and len(before) > 1 and before[-1][:1].isupper() and before[-1][-1:].isalpha()


def _turned(match: re.Match) -> str:
    said = match.group()
    you = _TO_YOU[re.sub(r"\s+", " ", said.lower().replace("’", "'"))]
    before = match.string[:match.start()].rstrip()
    # "I" is written capital anywhere; "you" only where a sentence starts ("My sister" → "Your sister").
    if said[0].isupper() and (said[0] != "I" or not before or before[-1] in ".!?:"):
        return you[0].upper() + you[1:]
    return you


def first_person(text: str) -> bool:
    """Does the text speak in the first person ("I", "me", "my"…)?"""
    return _FIRST_PERSON.search(text) is not None
