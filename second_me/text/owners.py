"""Whose a thing a text tells of is: "the neighbour's cat", "her car", "Ella's birthday".

Asked about "my cat", a memory of the neighbour's cat is about someone else's; asked "When is Sam's
birthday?", a turn saying "Ella's birthday is on the 21st" tells of Ella's, whoever was named in the
turns before it.
"""

from __future__ import annotations

import re

from second_me.text.names import fold

_ANYONES = re.compile(r"(?:\w['’]s|\bhis|\bher|\btheir|\byour)\s+(?:[a-z]+\s+)?$", re.I)
_NAMED = re.compile(r"\b([A-Z][\w-]*)['’]s\s+(?:[a-z]+\s+)?$")


def _mentions(text: str, things: set[str]) -> list[re.Match]:
    return [m for thing in things for m in re.finditer(rf"\b{re.escape(thing)}s?\b", text, re.I)]


def someone_elses(text: str, things: set[str]) -> bool:
    """Every mention of one of `things` in `text` is someone else's: "the neighbour's cat", "her car"."""
    mentions = _mentions(text, things)
    return bool(mentions) and all(_ANYONES.search(text[:m.start()]) for m in mentions)


def named_others(text: str, things: set[str], names: set[str]) -> bool:
    """Every mention of one of `things` in `text` is owned by a name other than `names` (folded):
    "Ella's birthday" when Sam's is asked."""
    mentions = _mentions(text, things)
    owners = [_NAMED.search(text[:m.start()]) for m in mentions]
    return bool(mentions) and all(owner is not None and fold(owner.group(1)) not in names for owner in owners)


# Whose yearly day a text tells of: "your grandma's birthday", "Bea's 8th", "Nana turns 80" (not "it's", "that's").
_OWNER = r"\b(?!(?:it|that|there|here|what|who|where|how|he|she|let)['’]s)([\w-]+)['’]s\s+"
_OWNED_OCCASION = re.compile(_OWNER + r"(?:\d+(?:st|nd|rd|th)\s+)?(?:birthday|b-?day|wedding|anniversary)s?\b"
                             r"|" + _OWNER + r"\d+(?:st|nd|rd|th)\b|\b((?-i:[A-Z])[\w-]*)\s+turn(?:s|ed|ing)?\s+\d+",
                             re.I)


def occasions_of_others(text: str, asked: set[str]) -> bool:
    """Does `text` tell of a yearly day only as someone's the question does not name (`asked`: its words,
    folded)? "Yes, Nana turns 80 on the 11th of April" is no day of Kwame's asked "When is Kwame's birthday?"."""
    owners = {fold(next(group for group in match.groups() if group)) for match in _OWNED_OCCASION.finditer(text)}
    return bool(owners) and not owners & asked
