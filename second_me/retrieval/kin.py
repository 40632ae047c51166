"""Whom the user calls Mum or Dad. A family chat's export names each person as the phone saved them
("João", "Rita"), while the user asks "When is Dad's hip operation?": no memory says "Dad" beside
what João said of his hip. The user's own turns tell who it is: "That's great news Pai!", said
just after João's turn, calls him by it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from second_me.retrieval.attribution import someone_elses
from second_me.text.word_forms import PARENT_WORDS, synonyms
from second_me.text.words import plain

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The user's own, as a question asks of it: "Dad's hip", "my mum", "Grandma" (not "Bea's dad", "her mum").
_MY = re.compile(r"\bmy\s+$", re.I)
# Before a word calling someone, a word it could be the object of ("love you Mum" calls her; "with Mum",
# "and Pai" tell of them).
_TELLS_OF = frozenset("""my your his her their our the a an and or with to for of from about by at like is was
told tell met saw see asked ask called call visit visited texted phoned rang help helped miss missed
than as in on""".split())
# What a word calling someone is followed by: the end of a clause ("great news Pai!", "Mum, can you…").
_CLOSES_A_CLAUSE = re.compile(r"\s*(?:[,!?.…:;)]|$|[^\w\s'’])")
MOST_TURNS = 200  # of the user's turns naming a parent, read to tell whom they call so


def parent_asked(question: str) -> Optional[re.Match]:
    """The word for a parent the question asks about as the user's own: "Dad" written as a name
    ("When is Dad's operation?", "Mum's birthday is when?"), or after "my" in any case ("how is my
    mum"); else None. Not "Bea's dad", "her mum", nor a first word, capitalised as any ("Mum, …")."""
    for match in _WORD.finditer(question):
        word = match.group(0)
        if plain(word) not in PARENT_WORDS:
            continue
        if someone_elses(question[:match.start()]):
            continue  # "Bea's Mum", "her Dad"
        possessive = question[match.end():match.end() + 2] in ("'s", "’s")
        if _MY.search(question[:match.start()]) or (word[0].isupper() and (match.start() > 0 or possessive)):
            return match
    return None


def calls_by(text: str, words: Iterable[str]) -> bool:
    """Does a turn call the one it speaks to by one of these words ("That's great news Pai!", "Mum,
    can you…", "love you Mãe")? Not when it tells of them ("Me, you and Pai", "Pai is out of surgery")."""
    wanted = {plain(word) for word in words}
    for match in _WORD.finditer(text):
        if plain(match.group(0)) not in wanted or not _CLOSES_A_CLAUSE.match(text, match.end()):
            continue
        before = re.findall(r"[\w'’]+", text[:match.start()])
        if not before or before[-1].lower() not in _TELLS_OF:
            return True
    return False


def called_so(turns: Iterable[tuple[str, Optional[str]]], word: str) -> Optional[str]:
    """Whom the user calls by this word: of the user's turns (each with who spoke just before it), the
    one spoken to most by it, when at least twice as often as anyone else."""
    forms = synonyms(plain(word))
    votes = Counter(before for text, before in turns if before and calls_by(text, forms))
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def with_name_for(question: str, asked: re.Match, name: str) -> str:
    """The question asking about `name` where it said the parent: "When is João's hip operation?"."""
    start = asked.start()
    mine = _MY.search(question[:start])
    if mine:
        start = mine.start()
    return question[:start] + name + question[asked.end():]
