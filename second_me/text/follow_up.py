"""A question that leans on the one before it in a chat, asked as a question of its own.

People ask on from their last question: "What temperature do I bake the bread at?", then "and for
how long?"; "What does Nina do for work?", then "and Sam?"; "When was the boiler last serviced?",
then "how much was it?". Asked alone, "and for how long?" finds whatever says how long (the bulk
fermentation's 4 to 5 hours). Read with the question before it, it is that question with its new
part put in: "For how long do I bake the bread?", "What does Sam do for work?", "How much was the
boiler?". Only these shapes are rewritten — a bare question phrase; a name, place or thing put in
place of the last one's; "he", "she" or "they" for the one person asked about; "it" for the thing —
and anything else is asked as it is, so a question that stands on its own ("and where did I park?")
is never changed. A bare phrase, or a short question referring back, also asks more of what was just
answered (`asks_of_the_answer`, read by services/answering.py).
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from second_me.text.word_forms import is_said_of_one

_LEAD = re.compile(r"^\s*(?:(?:and|but|so|also|ok(?:ay)?|then|right)\b[\s,]*)+", re.I)
_WH = r"(?:what|which|whose|who|whom|where|when|why|how(?:\s+(?:long|much|many|often|far|old|big|soon))?)"
_AUXILIARY = r"(?:do|does|did|is|are|was|were|am|have|has|had|can|could|will|would|should|shall|may|might|must)"
_AUX = rf"(?:{_AUXILIARY}|what['’]s|where['’]s|who['’]s|when['’]s|how['’]s)"
_PREPOSITION = r"(?:for|in|at|on|to|from|with|since|until|by|after|before|during|about)"
# A question's opening: its question phrase ("what temperature", "for how long"), then the rest,
# which starts with an auxiliary ("do I bake the bread at?").
_OPENING = re.compile(rf"^\s*(?P<phrase>(?:{_PREPOSITION}\s+)?{_WH}(?:\s+(?!{_AUX}\b)[\w'’-]+){{0,2}}?)"
                      rf"\s+(?P<rest>{_AUXILIARY}\b.*)$", re.I)
# "what's X's dad called?": the auxiliary joined to the question word.
_JOINED = re.compile(rf"^\s*(?P<phrase>{_WH})['’]s\s+(?P<rest>.*)$", re.I)
_YES_NO = re.compile(rf"^\s*{_AUXILIARY}\b", re.I)
# A follow-up that is only a question phrase: "when?", "for how long?", "and at what temperature?".
# Only "what", "which", "whose", "how many" and "how much" take a noun ("which day?"); after the others a
# word is a verb ("who covers?"), and the follow-up a question of its own.
_BARE_PHRASE = re.compile(rf"^(?:{_PREPOSITION}\s+)?(?:(?:what|which|whose|how\s+(?:many|much))"
                          rf"(?P<words>(?:\s+(?!{_AUX}\b)[\w'’-]+){{0,2}})"
                          rf"|{_WH}(?:\s+(?:exactly|else|again|then))?)\s*$", re.I)


def _bare(rest: str) -> bool:
    """A bare question phrase ("which day?", "how much money?"); not a question with a verb after its
    noun ("which knee hurts?", "which film won?"), which is a question of its own."""
    bare = _BARE_PHRASE.match(rest)
    after = (bare["words"] or "").split() if bare else []
    return bool(bare) and not (len(after) == 2 and is_said_of_one(after[-1]))


_DID_WHAT = re.compile(r"^((?:do|does|did)\s+(?:\S+\s+){1,2}?do)\b(?!\s+(?:that|it)\b)", re.I)
_ABOUT = re.compile(r"^(?:what|how)\s+about\s+(?P<thing>.+)$", re.I)
# "the spare key", not "the insurance due" ("When is the insurance due?").
_AFTER_A_THING = r"(?:due|now|today|tomorrow|yesterday|again|called|named|there|here|like|ready|done|open|left)\b"
_DETERMINER = r"(?:the|my|our|your|his|her|their|a|an)"
_WHOLE = r"(?![\w'’-])"  # the end of a whole word: "on" is no part of "the on-call handbook"
_DETERMINED = re.compile(rf"\b{_DETERMINER}\s+[\w'’-]+(?:\s+(?!(?:{_AFTER_A_THING}|{_PREPOSITION}){_WHOLE})"
                         rf"[\w'’-]+)?", re.I)
_NAME = re.compile(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_SELF = re.compile(r"\b(?:I|me|my)\b")
_POSSESSIVE = re.compile(r"^(?P<name>.+?)['’]s$")
_VERB_LIKE = re.compile(rf"\b{_AUX}\b|\b\w{{3,}}ed\b", re.I)  # "the shed" and "the wedding" are things
_PERSONAL = re.compile(r"\b(?P<word>he|she|him|his|her|they|them|their)\b(?P<next>\s+[\w'’-]+)?", re.I)
# After "her", a word that is not a noun: "what did Sam give her for her birthday?"
_NOT_A_NOUN = re.compile(rf"^\s+(?:{_PREPOSITION}|{_AUXILIARY}|and|or|but|that|to|a|an|the|back|again|up)$", re.I)
# "and how much was it?", "who asked for it?", "when do they go out?": what was just answered, referred back to.
_REFERS_BACK = re.compile(r"\b(?:it|its|they|them|that|this|there|those|these)\b", re.I)
MAX_REFERRING_WORDS = 8
_IT = re.compile(r"\bit(?P<owns>s)?\b", re.I)
# A thing named with its determiner, up to where something else is said of it ("the boiler" of "was the
# boiler last serviced", "my car insurance" of "does my car insurance renew").
_NOT_OF_THE_THING = (r"(?:last|first|ever|just|still|already|really|usually|now|due|today|called|named|there|here"
                     r"|ready|done|left|for|in|at|on|to|from|with|by|after|before|during|about|of)")
_THING = re.compile(rf"\b{_DETERMINER}(?:\s+(?!{_NOT_OF_THE_THING}{_WHOLE})[\w'’-]+){{1,2}}", re.I)
_PERSON_OF = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she",
              "they": "they", "them": "they", "their": "they"}
MAX_LEANING = 8  # a chain of follow-ups is read this far back; a long chat's first questions are long gone
MAX_THING_WORDS = 4  # "what about the flat in Porto?" puts in a thing; a longer follow-up says more than that


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _asked(question: str) -> str:
    return question.strip().rstrip("?!. ").strip()


def _split(question: str) -> Optional[tuple[str, str]]:
    """A question's question phrase and the rest ("What temperature", "do I bake the bread at"); a
    yes/no question has no phrase ("", "did I pay the deposit")."""
    text = _asked(question)
    match = _OPENING.match(text)
    if match:
        return match["phrase"], match["rest"]
    match = _JOINED.match(text)
    if match:
        return match["phrase"], "is " + match["rest"]
    if _YES_NO.match(text):
        return "", text[:1].lower() + text[1:]
    return None


def _put_in(thing: str, earlier: str) -> Optional[str]:
    """`earlier` with `thing` in place of the part it stands for: a place after the same
    preposition, a name for a name (kept possessive), a thing for the last thing."""
    words = thing.split()
    if not words or len(words) > MAX_THING_WORDS or _VERB_LIKE.search(thing):
        return None
    preposition = re.match(rf"^{_PREPOSITION}\b", thing, re.I)
    if preposition:
        spans = list(re.finditer(rf"\b{preposition.group(0)}\s+[\w'’ -]+?(?=\s+{_PREPOSITION}\b|$)", earlier, re.I))
        return earlier[:spans[-1].start()] + thing + earlier[spans[-1].end():] if spans else None
    if thing[:1].isupper() and not _DETERMINED.match(thing):
        owner = _POSSESSIVE.match(thing)
        plain = owner["name"] if owner else thing
        names = [m for m in _NAME.finditer(earlier) if m.start() > 0 and m.group(0) != "I"]
        if names:
            return earlier[:names[0].start()] + plain + earlier[names[0].end():]
        # "Where did I go on holiday?", then "what about Leo?": Leo put in for the asker.
        asker = _SELF.search(earlier)
        if asker is None:
            return None
        said = {"I": plain, "me": plain, "my": plain + "'s"}[asker.group(0)]
        return earlier[:asker.start()] + said + earlier[asker.end():]
    if _DETERMINED.fullmatch(thing):
        things = list(_DETERMINED.finditer(earlier))
        return earlier[:things[-1].start()] + thing + earlier[things[-1].end():] if things else None
    return None


def _subject(earlier: str) -> Optional[str]:
    """The one person a question asks about, by name, right after its auxiliary ("When did Leo go to
    Lisbon?"); not someone's relative ("What's Sam's dad called?": "he" is the dad), nor one of two."""
    split = _split(earlier)
    found = re.match(r"^\S+\s+(?P<name>[A-Z][\w-]*)(?P<after>['’]s\b|\s+and\b)?", split[1]) if split else None
    return found["name"] if found and not found["after"] and found["name"] != "I" else None


def _named(rest: str, earlier: str) -> Optional[str]:
    """"where did he stay?" after "When did Leo go to Lisbon?": the person asked about before, for the
    pronoun; None when the follow-up names someone itself or uses no pronoun."""
    name = _subject(earlier)
    said = {_PERSON_OF[match["word"].lower()] for match in _PERSONAL.finditer(rest)}
    # "what did he give her?" speaks of two people, and only one was asked about.
    if name is None or len(said) != 1 or any(m.group(0) != "I" for m in _NAME.finditer(rest[1:])):
        return None

    def by_name(match: re.Match) -> str:
        word, after = match["word"].lower(), match["next"] or ""
        owns = word in ("his", "their") or (word == "her" and after and not _NOT_A_NOUN.match(after))
        return (name + "'s" if owns else name) + after

    return _capitalised(_PERSONAL.sub(by_name, rest)) + "?"


def _it_for(rest: str, earlier: str) -> Optional[str]:
    """"how much was it?" after "When was the boiler last serviced?": the thing asked about before, for
    "it" — the one right after the question's auxiliary, or, asked who or what did something, the last one
    it names."""
    if not _IT.search(rest):
        return None
    split = _split(earlier)
    if split is None:  # "Who fitted the replacement wing mirror?": what it did it to
        things = list(_THING.finditer(earlier))
        thing = things[-1] if things else None
    else:  # "When was the boiler last serviced?": its subject, not "my birthday" of "What did Leo give me for…"
        thing = _THING.match(split[1], len(split[1].split()[0]) + 1) if split[1].split() else None
    if thing is None:
        return None
    name = thing.group(0)
    return _capitalised(_IT.sub(lambda m: name + "'s" if m["owns"] else name, rest)) + "?"


def follow_up(question: str, earlier: str) -> Optional[str]:
    """`question` asked as a question of its own, read with the `earlier` one it leans on; None when
    it does not lean on it in a shape this reads."""
    text = _asked(question)
    led = _LEAD.match(text)
    rest = text[led.end():] if led else text
    if not rest:
        return None
    before = _asked(earlier)
    about = _ABOUT.match(rest)
    if not about and _bare(rest):
        split = _split(before)
        # "what happened?" asks of the answer too, but its verb has no place in the question before.
        if split is None or re.search(r"\b\w{3,}ed\b", rest):
            return None
        # "What temperature do I bake the bread at?": its "at" went with "what temperature".
        kept = re.sub(rf"\s+{_PREPOSITION}$", "", split[1], flags=re.I)
        if split[0].lower() == "what":  # "What did Leo do in Lisbon?", then "when?": when he did that
            kept = _DID_WHAT.sub(r"\1 that", kept)
        # "What oil did I use?", then "how much?": how much oil.
        thing = re.match(r"^(?:what|which)\s+(?P<noun>.+)$", split[0], re.I)
        if thing and re.fullmatch(r"how\s+(?:much|many)", rest, re.I):
            rest = f"{rest} {thing['noun']}"
        return _capitalised(f"{rest} {kept}") + "?"
    if about or (led and not re.match(rf"^{_WH}\b", rest, re.I)):
        thing = (about["thing"] if about else rest).strip()
        put = _put_in(thing, before)
        if put:
            return _capitalised(put) + "?"
    return _it_for(rest, before) or _named(rest, before)


def asks_of_the_answer(question: str) -> bool:
    """A bare question phrase ("and when?", "for how long?"), or a short question referring back
    ("and how much was it?", "who asked for it?") and naming no one, asks more of what was just answered."""
    text = _asked(question)
    led = _LEAD.match(text)
    rest = text[led.end():] if led else text
    if not rest or _ABOUT.match(rest):
        return False
    if _bare(rest):
        return True
    return bool(_REFERS_BACK.search(rest)) and len(rest.split()) <= MAX_REFERRING_WORDS \
        and not any(m.group(0) != "I" for m in _NAME.finditer(rest[1:]))


def standalone(question: str, earlier: Sequence[str]) -> str:
    """The question as a question of its own, read with the questions asked before it in the same
    chat (oldest first): each one read with those before it, so "and Sam?" after "and for how
    long?" leans on what that one was taken to ask."""
    before = ""
    for past in earlier[-MAX_LEANING:]:
        before = (follow_up(past, before) or past) if before else past
    return (follow_up(question, before) or question) if before else question
