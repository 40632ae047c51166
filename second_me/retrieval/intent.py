"""What a question or request wants from memory: one fact, everything of a kind, a yes or no,
or a piece of writing made from the notes ("Summarize my sourdough notes").

A request is answered from memory like a question: its verb ("summarize", "explain",
"list") names what to do with the memories, not something memory must contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from second_me.retrieval.topics import topic_asked
from second_me.text.support import asks_to_reckon
from second_me.text.utterance import request_verb
from second_me.text.word_forms import is_past_form

FACT, GATHER, YES_NO, REQUEST = "fact", "gather", "yes/no", "request"

# "What activities does Priya do?", "which places have I been to?", "how many times…", "all the…"
_GATHER = re.compile(
    r"\b(?:what|which)\s+(?:\w+\s+){0,2}?(?:activities|places|things|hobbies|books|countries|cities|sports|games|"
    r"events|foods|movies|films|songs|artists|instruments|pets|people|friends|trips|restaurants|recipes|"
    r"projects|jobs|classes|courses|languages|gifts|items|kinds|types)\b"
    r"|\bhow many times\b|\ball (?:the|of)\b|\bevery (?:time|place)\b|\bwhat (?:are|were) (?:all|some)\b"
    # "which phones have I owned?", "what books did she read?": a plural asked for
    r"|^\s*(?:what|which)\s+(?:(?!(?:does|do|did|is|was|are|were|has|have|had|kind|sort|type)\b)(?-i:[a-z]+)\s+){0,2}?(?!(?:does|was|has|is|his|this|yes)\b)(?-i:[a-z]{2,}[a-rt-z]s)\s+(?:\w+\s+){0,2}?(?:have|has|had|did|do|does)\b"
    r"|^\s*what\s+(?:have|has)\s+(?:i|we|you|he|she|they|\w+)\s+\w+"
    # "where has Sam lived?", "who has helped with the truck?": every place or person so far
    r"|^\s*(?:where|who)\s+(?:have|has)\b", re.I)
# "What's been wrong with Bea's health?", "What did I buy in 2025?": an everyday topic over a stretch of time.
_OVER_TIME = re.compile(r"\b(?:this|the\s+(?:past|last))\s+(?:year|months?)\b|\bin\s+(?:19|20)\d\d\b|\bsince\b"
                        r"|\bso far\b|['’]s\s+been\b|\b(?:has|have)\s+been\b", re.I)
_YES_NO = re.compile(r"^\s*(?:(?:and|but|so|also|ok(?:ay)?|then)[\s,]+)?"  # "and did I send it on time?"
                     r"(?:did|do|does|is|are|was|were|have|has|had|can|could|will|would|should|am)\b", re.I)
# "What dose of amlodipine am I on?", "what position do I play?": what is so, not what was or will be.
_PRESENT = re.compile(r"\b(?:am|is|are|do|does)\b|^\s*(?:what|where|who|which|how)['’]s\b", re.I)
_NOT_PRESENT = re.compile(r"\b(?:did|was|were|had|used|will|would|going)\b", re.I)
# "How many kids come to my tutoring?": a count asked with no auxiliary at all is asked of now,
# unless a verb in it is past ("how many races I ran") or perfect ("how many times has she been").
_HOW_MANY = re.compile(r"^\s*how (?:many|much)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\b", re.I)
# "What did I do about the blight?", "where did we stay?", "have I booked…": the user's own doing; "How much am
# I saving each month?", "What's my take-home pay?": the user's own life, which an assistant's reply only repeats.
_USER_DID = re.compile(r"\b(?:did|have|had|do|am|was|were)\s+(?:I|we)\b|\b(?:my|our)\b", re.I)
# "What should I…", "how long should we…", "how do I say thank you in Portuguese?": what to do, which an
# assistant's advice tells.
_ASKS_ADVICE = re.compile(r"\bshould\s+(?:i|we)\b|^\s*how\s+(?:do|can|could)\s+(?:i|we)\b", re.I)
# "Which podcast did you suggest?": "you" in a question to one's memory is the assistant in the chats.
_ASKS_YOU = re.compile(r"\byou(?:r|rs)?\b", re.I)


# Requests whose answer is the notes' own words: a summary, an outline or a list of what a note
# says is its sentences, quoted in order (a reader retelling them drops steps and rewords them).
# Writing requests (write, draft, explain, compare, plan…) are the reader's to answer.
EXTRACT_VERBS = frozenset("summarize summarise summary outline list recap review remind collect gather show give "
                          "sum find".split())


@dataclass(frozen=True)
class Intent:
    kind: str  # FACT, GATHER, YES_NO or REQUEST
    verb: str = ""  # the request's verb ("summarize"), when it is one
    reckons: bool = False  # an amount worked out from several statements ("how much is left")

    @property
    def is_request(self) -> bool:
        return self.kind == REQUEST

    @property
    def gathers_things(self) -> bool:
        """Asks for everything of a kind ("What hobbies have I taken up?"), not amounts to work out."""
        return self.kind == GATHER and not self.reckons

    @property
    def wants_extract(self) -> bool:
        """A request answered by quoting the notes themselves ("Summarize my sourdough notes")."""
        return self.kind == REQUEST and self.verb in EXTRACT_VERBS


def intent_of(question: str) -> Intent:
    text = question.strip()
    verb = request_verb(text)
    if verb:  # "List…" gathers too; the request verb decides how to answer
        return Intent(REQUEST, verb)
    if asks_to_reckon(text):  # an amount worked out from several statements: each of them is wanted
        return Intent(GATHER, reckons=True)
    if _GATHER.search(text) or (topic_asked(text) is not None and _OVER_TIME.search(text)
                                and not _YES_NO.match(text)):
        return Intent(GATHER)
    if _YES_NO.match(text):
        return Intent(YES_NO)
    return Intent(FACT)


def asks_present(question: str) -> bool:
    """The question asks what is so now, in the present tense, without saying "now"."""
    if _NOT_PRESENT.search(question):
        return False
    return bool(_PRESENT.search(question)) or (
        bool(_HOW_MANY.search(question)) and not _PERFECT.search(question)
        and not any(is_past_form(word) for word in re.findall(r"[a-z]+", question.lower())))


def asks_about_you(question: str) -> bool:
    """The question says "you" (or "your"): it asks what the assistant in the chats wrote."""
    return bool(_ASKS_YOU.search(question))


def asks_advice(question: str) -> bool:
    """"How long should I bulk ferment my sourdough?": what to do is asked, which an assistant's reply
    tells; the user's own "I bulk ferment for 4 hours", which its words match best, is what went wrong."""
    return bool(_ASKS_ADVICE.search(question))


def asks_what_user_did(question: str) -> bool:
    """The question asks what the user did or has, not what anyone advised ("What did you suggest?" and
    "How do I…" do)."""
    return bool(_USER_DID.search(question)) and not asks_about_you(question) and not asks_advice(question)
