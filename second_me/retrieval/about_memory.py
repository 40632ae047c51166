"""Questions about the memory itself, not about what it holds: "What's in my notes?", "What do you
know about me?", and a greeting, a thanks or a call for help. No memory answers them by its words
("My notes from baking the weekend loaf." for "What's in my notes?"), and none should be refused
with "nothing in your memory matches that question": the first thing a new user types is often "hi".
"""

from __future__ import annotations

import re
from typing import Optional

from second_me.text.small_talk import GREETING, HELP, THANKS, small_talk

OVERVIEW, ABOUT_ME, NOTES_SUMMED = "overview", "about me", "notes summed up"

_END = r"\s*[?.!]*\s*$"
_ASKED = (
    (ABOUT_ME, re.compile(
        r"^\s*(?:what\s+(?:do|did)\s+you\s+(?:know|remember|learn(?:ed|t)?)\s+about\s+me"
        r"|what\s+have\s+you\s+(?:learn(?:ed|t)|found\s+out|got)\s+(?:about|on)\s+me"
        r"|tell\s+me\s+about\s+(?:me|myself)|who\s+am\s+i|describe\s+me)" + _END, re.I)),
    (OVERVIEW, re.compile(
        r"^\s*(?:what(?:['’]s|\s+is)\s+in\s+(?:my|your|the)\s+(?:notes|memory|files|documents)"
        r"|what\s+(?:are|were)\s+my\s+(?:notes|files|documents|chats|conversations)\s+about"
        r"|what\s+do\s+you\s+(?:know|remember|have)"
        r"|what\s+(?:notes|files|documents|chats|conversations|memories)\s+do\s+(?:i|you)\s+have"
        r"|what\s+have\s+(?:i|you)\s+(?:saved|added|indexed|stored|imported|read))" + _END, re.I)),
    # All of them, not one: "Summarize my notes on the boiler" names which, and is searched.
    (NOTES_SUMMED, re.compile(
        r"^\s*(?:please\s+)?(?:summari[sz]e|sum\s+up|recap|give\s+me\s+(?:a|an)\s+(?:summary|overview|recap)\s+of"
        r"|(?:a|an)\s+(?:summary|overview)\s+of)\s+(?:all\s+(?:of\s+)?)?(?:my|the)\s+(?:notes|files|documents)"
        + _END, re.I)),
)

HELP_TEXT = ("Ask me what your notes and chats can answer (\"how long do I proof the dough?\", \"what did Sam say "
             "about the move?\", \"summarize my notes on the boiler\"): I answer by quoting your memory, with where "
             "each quote comes from, and say \"I don't know\" when it holds nothing. \"What's in my notes?\" lists "
             "what I have read.")
REPLIES = {GREETING: "Hello! " + HELP_TEXT, THANKS: "You're welcome.", HELP: HELP_TEXT}


def memory_question(question: str) -> Optional[str]:
    """What a question about the memory itself asks (OVERVIEW, ABOUT_ME, NOTES_SUMMED, GREETING, THANKS,
    HELP), or None."""
    return next((kind for kind, pattern in _ASKED if pattern.match(question)), None) or small_talk(question)


def title_of(text: str, most: int = 60) -> str:
    """What a note is called: its first heading, else its first line, cut to `most` characters."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    heading = next((line for line in lines if line.startswith("#")), None)
    title = (heading or lines[0]).lstrip("#").strip()
    return title if len(title) <= most else title[:most - 1].rstrip() + "…"
