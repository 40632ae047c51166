"""A catch-up on someone: "What has Tomás been up to?", "What's new with Lena?", "Catch me up on
Sam", "What have I been up to lately?".

Such a question names a person and asks for their news, not for a fact: its words ("up to",
"new") are close to any turn, and search fills the top with whatever shares them ("I can
supervise. I'm very good at pointing"), or with the user's own news when the person is the one
the user talks to. The answer is instead what the person told, one turn from each of their newest
conversations: the one of each that says the most (a statement, not a question back or a reaction),
oldest first. A time the question names ("this year", "since August") bounds it. A chat called by
its name ("Summarize the family chat") is read so too, from all who speak in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Optional, Sequence

from second_me.domain import Memory
from second_me.retrieval.chatter import REACTION_WORDS, information_prior
from second_me.retrieval.follow_on import TALK_PAUSE_SECONDS
from second_me.retrieval.people import own_words
from second_me.retrieval.timeparse import TimeHint, parse_time
from second_me.text.sentences import split_sentences
from second_me.text.utterance import is_bare_media, is_question
from second_me.text.words import content_words, plain

MOST_SESSIONS = 8  # conversations quoted, the newest
TURNS_READ = 2000  # a person's newest turns looked at
QUOTE_CHARS = 280  # a long turn is quoted by its first sentences up to this length

# A chat called by its name: "the family chat", "our Book club group", "the Porto trip thread".
_CHAT_WORD = r"(?:group\s+chat|chat|group|conversation|thread)"
_CATCH_UP = re.compile(
    r"^\s*(?:(?:please|can\s+you|could\s+you)\s+)?(?:(?:summari[sz]e|tell\s+me|remind\s+me(?:\s+of)?)\s+)?(?:"
    r"(?:summari[sz]e|sum\s+up|recap|go\s+over|(?:catch|fill)\s+me\s+(?:up|in)\s+on)\s+(?:my|our|the)\s+"
    r"(?P<chat_named>.+?)\s+" + _CHAT_WORD +
    r"|what(?:['’]s|\s+has|\s+is)\s+(?:been\s+)?(?:new|going\s+on|happening)\s+in\s+(?:my|our|the)\s+"
    r"(?P<chat_in>.+?)\s+" + _CHAT_WORD +
    r"|what\s+(?:have|did)\s+we\s+(?:been\s+)?(?:talk(?:ed|ing)?|chat(?:ted|ting)?)\s+about\s+in\s+"
    r"(?:(?:my|our|the)\s+)?"
    r"(?P<talked_in>.+?)(?:\s+" + _CHAT_WORD + r")?"
    r"|"
    r"what(?:['’]s|\s+has|\s+have|\s+is|\s+are)\s+(?P<up_to>.+?)\s+(?:been\s+)?(?:up\s+to|doing\s+lately)"
    r"|what(?:['’]s|\s+has|\s+have)\s+(?P<doing>.+?)\s+been\s+doing"
    r"|what\s+(?P<told>.+?)\s+(?:has|have|is|are)\s+(?:been\s+)?(?:up\s+to|doing\s+lately)"
    r"|what(?:['’]s|\s+is)\s+(?:new|going\s+on|happening)\s+(?:with|in)\s+(?P<new_with>.+?)(?:['’]s\s+life)?"
    r"|(?:catch|fill|bring|get)\s+(?:me|us)\s+(?:up|in)\s+(?:to\s+speed\s+)?(?:on|with|about)\s+(?P<catch>.+?)"
    r"|(?:update\s+(?:me|us)|(?:any|the)\s+(?:latest\s+)?news)\s+(?:on|from|of|about)\s+(?P<news>.+?)"
    r"|what\s+(?:(?:has|have|did)\s+)?(?P<told_me>.+?)\s+(?:(?:has|have)\s+)?"
    r"(?:told|tell|said\s+to|say\s+to)\s+(?:me|us)"
    r"|(?P<chats>)(?:summari[sz]e|sum\s+up|recap|go\s+over)\s+(?:my|our|the)\s+"
    r"(?:chats?|conversations?|messages|texts|talks?|chat\s+history)\s+with\s+(?P<chats_with>.+?)"
    r"|(?P<talked>)what\s+(?:have|did)\s+(?:(?P<talked_and>.+?)\s+and\s+(?:i|me)|(?:i|we))\s+(?:been\s+)?"
    r"(?:talk(?:ed|ing)?|chat(?:ted|ting)?)\s+about(?:\s+with\s+(?P<talked_with>.+?))?"
    r")\s*[?.!]*\s*$", re.I)
# "Who is Tomás?", "who's Lena": one or two words, which may be someone the user chats with.
_WHO_IS = re.compile(r"^\s*who(?:['’]s|\s+is|\s+was)\s+(?P<who>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)"
                     r"\s*[?.!]*\s*$", re.I)
_NUMBER = re.compile(r"\d")
# A summary asks for all of it: "Summarize my chats with Maya" is of the trip in May as of the baby in December.
_SUMS_UP = re.compile(r"^\s*(?:(?:please|can\s+you|could\s+you)\s+)?(?:summari[sz]e|sum\s+up|recap|go\s+over)\b", re.I)
_ME = frozenset({"i", "me", "myself", "my life"})


@dataclass(frozen=True)
class CatchUp:
    who: str  # as asked: a name, or "I"
    me: bool  # the user's own news
    time: TimeHint
    chats: bool = False  # the user's chats with them, both sides ("Summarize my chats with Tomás")
    chat_named: bool = False  # `who` is the name of a chat ("Summarize the family chat"), not a person
    whole: bool = False  # all of it asked ("Summarize…", "What have we talked about…"), not the newest news


def catch_up_question(question: str, now: datetime) -> Optional[CatchUp]:
    """The person a catch-up question asks about, and the time it names; None for other questions."""
    rest, time = parse_time(question, now)
    match = _CATCH_UP.match(" ".join(rest.split()))
    if match is None:
        return None
    whole = bool(_SUMS_UP.match(question)) or bool(match["talked_in"]) or match["talked"] is not None
    named = match["chat_named"] or match["chat_in"] or match["talked_in"]
    if named:
        return CatchUp(named.strip(), False, time, chats=True, chat_named=True, whole=whole)
    chats = match["chats"] is not None or match["talked"] is not None
    who = next((value for value in match.groupdict().values() if value), None)
    if who is None or chats and re.search(r"\babout\b", who, re.I):
        return None  # with whom is not said ("What have I talked about?"), or a topic is ("…with Tomás about Porto")
    return CatchUp(who.strip(), not chats and who.strip().lower() in _ME, time, chats, whole=whole)


def chats_named(name: str, chats: Sequence[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """The chats (id, name, title) a name asked for is (id, name): every word of it in the chat's name or
    title, in any case and with or without accents ("family" is "WhatsApp: Family 🏡")."""
    asked = {plain(word) for word in re.findall(r"[^\W_]+", name)} - _CHAT_FILLER
    return [(chat_id, chat) for chat_id, chat, title in chats
            if asked and asked <= {plain(word) for word in re.findall(r"[^\W_]+", f"{chat} {title}")}]


_CHAT_FILLER = frozenset({"my", "our", "the", "whole"})


def who_asked(question: str) -> Optional[str]:
    """Who "Who is Tomás?" asks about, as written; None for other questions."""
    match = _WHO_IS.match(question)
    return match["who"] if match else None


def speakers_named(who: str, speakers: Sequence[str]) -> list[str]:
    """The speakers in memory a name asked about is: the same name, or its first name ("Tomás" is
    "Tomás Silva"), in any case and with or without accents."""
    asked = [plain(word) for word in who.split()]
    return [name for name in speakers if [plain(word) for word in name.split()][:len(asked)] == asked]


def newsiest_turns(turns: Sequence[tuple[Memory, int]], most: int = MOST_SESSIONS,
                   spread: bool = False) -> list[Memory]:
    """Of a person's turns (with their conversation's id), oldest first: from each of the newest
    `most` conversations that tell something, the turn saying the most, oldest first. `spread`
    (a time was asked): from the `most` conversations whose turn says the most, wherever they fall."""
    sessions: list[list[Memory]] = []
    open_session: dict[int, int] = {}  # conversation id → its session being read
    for memory, conversation in turns:
        current = open_session.get(conversation)
        if current is None or memory.created_at - sessions[current][-1].created_at > TALK_PAUSE_SECONDS:
            sessions.append([])
            current = open_session[conversation] = len(sessions) - 1
        sessions[current].append(memory)
    told = [max(telling, key=_news_weight) for telling in ([m for m in session if _tells(m)] for session in sessions)
            if telling]
    # Over a time asked ("this year"), the conversations that tell the most; else the newest.
    kept = sorted(told, key=_news_weight)[-most:] if spread else told[-most:]
    return sorted(kept, key=lambda m: m.created_at)


def _tells(memory: Memory) -> bool:
    """A turn with news of its own, however short ("did it!! 1:52:30 yesterday"): not a question
    back, a reaction ("haha", "told you") or a bare photo."""
    text = own_words(memory)
    said = [word for word in content_words(text) if word not in REACTION_WORDS]
    return not is_question(text) and not is_bare_media(text) and len(said) + bool(_NUMBER.search(text)) >= 2


def _news_weight(memory: Memory) -> tuple:
    """What a turn tells: a full statement before a short one, then its words, a number or time
    counting as two more ("did it!! 1:52:30 yesterday" over "my legs are not speaking to me"); the
    later of equals."""
    text = own_words(memory)
    told = len(content_words(text)) + 2 * bool(_NUMBER.search(text))
    return (information_prior(memory) >= 1, told, memory.created_at)


def quoted_part(memory: Memory) -> str:
    """A turn as quoted: whole, or its first sentences when it is long."""
    text = own_words(memory).strip()
    if len(text) <= QUOTE_CHARS:
        return text
    kept = ""
    for sentence, _ in split_sentences(text):
        if kept and len(kept) + len(sentence) > QUOTE_CHARS:
            break
        kept = f"{kept} {sentence}".strip()
    return kept
