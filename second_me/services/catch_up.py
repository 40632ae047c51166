"""A catch-up on someone ("What has Tomás been up to?"): their news, a turn from each of their
newest conversations, quoted (retrieval/catch_up.py chooses them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable, Optional

from second_me.domain import Answer, Evidence, Memory, day_span, told_dates, utc_day
from second_me.retrieval.catch_up import (TURNS_READ, CatchUp, catch_up_question, chats_named, newsiest_turns,
                                          quoted_part, speakers_named, who_asked)
from second_me.retrieval.compose import citation_numbers, quote_block
from second_me.retrieval.quotable import source_label

if TYPE_CHECKING:
    from second_me.services.core import Core


def caught_up(core: "Core", question: str, on_token: Optional[Callable[[str], None]],
              remember: bool) -> Optional[Answer]:
    """The answer to a catch-up question, or None when the question is none, or names no one who
    speaks in memory (then it is searched as any question is)."""
    asked = catch_up_question(question, datetime.fromtimestamp(core.now(), timezone.utc))
    if asked is None:
        return None
    if asked.chat_named:
        return _chat_recapped(core, asked, on_token, remember)
    speakers = core.store.messages.speakers()
    users = [name for name, role in speakers if role == "user"]
    names = users if asked.me else speakers_named(asked.who, [name for name, role in speakers if role != "user"])
    if not names:
        return None
    turns = core.store.messages.said_by(names, asked.time.since, asked.time.until, TURNS_READ)
    if asked.chats:  # both sides, in the conversations they speak in
        theirs = {conversation for _, conversation in turns}
        turns = [(memory_id, conversation) for memory_id, conversation
                 in core.store.messages.said_by(names + users, asked.time.since, asked.time.until, TURNS_READ)
                 if conversation in theirs]
    chosen = _newsiest(core, turns, asked)
    if not chosen:
        who = "you" if asked.me else f"you and {names[0]}" if asked.chats else names[0]
        text = f"I don't know: {who} told nothing in your memory from then." if asked.time.has_window \
            else f"I don't know: nothing {who} said in your memory tells news."
        return _said(text, on_token)
    advisers = {name for name, role in speakers if role == "assistant"}
    whose = f"Your chats with {names[0]}," if asked.chats else "Your news," if asked.me \
        else f"What {names[0]} told you," if names[0] in advisers else f"{names[0]}'s news,"  # an assistant has none
    return _quoted(core, chosen, whose, on_token, remember)


def _chat_recapped(core: "Core", asked: CatchUp, on_token: Optional[Callable[[str], None]],
                   remember: bool) -> Optional[Answer]:
    """"Summarize the family chat": the chat called so, both sides, a turn from each of its newest
    conversations; None when no chat is called so (the question is then searched as any is)."""
    chats = chats_named(asked.who, [(chat.id, chat.name, chat.title or "") for chat in core.store.messages.list()])
    if not chats:
        return None
    turns = core.store.messages.said_by((), asked.time.since, asked.time.until, TURNS_READ,
                                        conversations=[chat_id for chat_id, _ in chats])
    chosen = _newsiest(core, turns, asked)
    called = f"“{chats[0][1]}”" if len(chats) == 1 else f"{len(chats)} chats called {asked.who}"
    if not chosen:
        when = " from then" if asked.time.has_window else ""
        return _said(f"I don't know: nothing in your chat {called}{when} tells news.", on_token)
    return _quoted(core, chosen, f"Your chat {called}," if len(chats) == 1 else f"Your {called},", on_token, remember)


def _newsiest(core: "Core", turns: list[tuple[int, int]], asked: CatchUp) -> list[Memory]:
    memories = core.store.get_many([memory_id for memory_id, _ in turns])
    return newsiest_turns([(memories[memory_id], conversation) for memory_id, conversation in turns
                           if memory_id in memories], spread=asked.time.has_window or asked.whole)


def _said(text: str, on_token: Optional[Callable[[str], None]]) -> Answer:
    if on_token:
        on_token(text)
    return Answer(text, (), abstained=True)


def _quoted(core: "Core", chosen: list[Memory], whose: str, on_token: Optional[Callable[[str], None]],
            remember: bool) -> Answer:
    """The chosen turns quoted under a heading saying whose they are and from when."""
    hits = core.hits_for([memory.id for memory in chosen])
    evidence = [Evidence(quoted_part(hit.memory), hit.memory.id, source_label(hit, None), hit.memory.kind,
                         hit.memory.speaker, False, 0.0, hit.memory.created_at, told_dates(hit.memory))
                for hit in hits]
    cited, numbers = citation_numbers(evidence, hits)
    text = _heading(whose, evidence) + "\n\n" + quote_block(evidence, numbers)
    if on_token:
        on_token(text)
    if remember:
        core.reinforce([hit.memory.id for hit in cited])
    return Answer(text, tuple(cited), abstained=False, evidence=tuple(evidence))


def _heading(whose: str, evidence: list[Evidence]) -> str:
    """What the quotes are: "Tomás's news, a message from each of 8 conversations, 2026-04-14 to 2026-10-12:"."""
    first, last = utc_day(evidence[0].created_at), utc_day(evidence[-1].created_at)
    if len(evidence) == 1:
        return f"{whose} from one conversation on {first}:"
    return f"{whose} a message from each of {len(evidence)} conversations, {first} to {last}:"


@dataclass(frozen=True)
class Speaking:
    """Someone the user chats with, as "Who is Tomás?" asks: where and how much they have talked."""

    names: tuple[str, ...]  # their names as speakers
    line: str  # "Tomás is someone you chat with: 30 messages from them in Telegram: Tomás, 2026-04-02 to 2026-10-12."
    more: str  # how to ask for their news


def who_they_are(core: "Core", question: str) -> Optional[Speaking]:
    """For "Who is Tomás?" when Tomás speaks in memory's chats (not the user, not an assistant): where
    they talk. Their own turns rarely say who they are ("fell off my bike on the way to work")."""
    who = who_asked(question)
    if who is None:
        return None
    names = speakers_named(who, [name for name, role in core.store.messages.speakers() if role == "other"])
    spoken = core.store.messages.spoken_in(names) if names else []
    if not spoken:
        return None
    count = sum(messages for _, messages, _, _ in spoken)
    named = ", ".join(row[0] for row in spoken[:3]) + (", …" if len(spoken) > 3 else "")
    where = spoken[0][0] if len(spoken) == 1 else f"{len(spoken)} conversations ({named})"
    when = day_span(min(row[2] for row in spoken), max(row[3] for row in spoken))
    messages = f"{count} message{'' if count == 1 else 's'} from them"
    line = f"{names[0]} is someone you chat with: {messages} in {where}, {when}."
    return Speaking(tuple(names), line, f"Ask \"What has {names[0].split()[0]} been up to?\" for their news.")
