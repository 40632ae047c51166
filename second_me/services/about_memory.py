"""Answers about the memory itself (retrieval/about_memory.py tells the questions): what it holds,
file by file and conversation by conversation; what it says of the user, from the portrait the
summaries build up to; and a line for a greeting, a thanks or a call for help. All are written by
rule from what is stored: nothing is generated, and nothing here becomes a memory."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from second_me.domain import Answer, Evidence, day_span, utc_day
from second_me.retrieval.about_memory import ABOUT_ME, NOTES_SUMMED, OVERVIEW, REPLIES, memory_question, title_of
from second_me.retrieval.compose import citation_numbers, quote_block
from second_me.retrieval.evidence import as_evidence
from second_me.retrieval.quotable import candidate_sentences, source_label

if TYPE_CHECKING:
    from second_me.services.core import Core

LISTED = 10  # files, and conversations, named in an overview
OPENING_SENTENCES = 2  # of each file, when the notes are summed up
PORTRAIT_PREFIX = "Portrait of the user:"
EMPTY = ("Your memory is empty: add notes with `second-me add FOLDER`, or import a chat export with "
         "`second-me import chat FILE`.")


def about_memory(core: "Core", question: str, on_token: Optional[Callable[[str], None]]) -> Optional[Answer]:
    """The answer to a question about the memory itself, or None for any other question."""
    asked = memory_question(question)
    if asked is None:
        return None
    if asked == ABOUT_ME:
        answer = _portrait(core) or Answer(_no_portrait(core))
    elif asked == OVERVIEW:
        answer = Answer(overview(core))
    elif asked == NOTES_SUMMED:
        answer = notes_summed(core)
        if answer is None:
            return None  # no notes: the request is searched, and chats may answer it
    else:
        answer = Answer(REPLIES[asked])
    if on_token:
        on_token(answer.text)
    return answer


def overview(core: "Core") -> str:
    """What memory holds: how many files and conversations, and the first of each by name."""
    files, listed_files = core.store.sources.remembered(LISTED)
    chats, listed_chats = core.store.messages.remembered(LISTED)
    if not files and not chats:
        return EMPTY
    parts = [f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in ((files, "file"), (chats, "conversation"))
             if count]
    lines = [f"Your memory holds {' and '.join(parts)}."]
    if listed_files:
        lines += ["", "Files:"] + [f"- {path}: “{title_of(first)}” ({_parts_of(chunks)})"
                                   for path, chunks, first, _ in listed_files]
        lines += [f"- and {files - len(listed_files)} more"] if files > len(listed_files) else []
    if listed_chats:
        lines += ["", "Conversations, most recent first:"] + [
            f"- {name}: {turns} message{'' if turns == 1 else 's'}, {day_span(first, last)}"
            for name, turns, first, last in listed_chats]
        lines += [f"- and {chats - len(listed_chats)} more"] if chats > len(listed_chats) else []
    return "\n".join(lines)


def notes_summed(core: "Core") -> Optional[Answer]:
    """"Summarize my notes": each file's opening sentences, quoted with where they stand (notes lead
    with what matters), where searching it as a request quoted the one best note alone. None without notes."""
    files, listed = core.store.sources.remembered(LISTED)
    hits = core.hits_for([first_id for _, _, _, first_id in listed])
    if not hits:
        return None
    by_id = {hit.memory.id: hit for hit in hits}
    evidence = [item for _, _, _, first_id in listed if first_id in by_id
                for item in as_evidence(candidate_sentences([by_id[first_id]])[:OPENING_SENTENCES])]
    cited, numbers = citation_numbers(evidence, hits)
    lead = f"Your notes, the opening lines of each of {files} file{'' if files == 1 else 's'}"
    more = f" (the first {len(listed)} by name)" if files > len(listed) else ""
    text = (f"{lead}{more}; ask about one for all of it (\"Summarize my notes on "
            f"{title_of(hits[0].memory.text).lower()}\"):\n\n" + quote_block(evidence, numbers))
    return Answer(text, tuple(cited), evidence=tuple(evidence))


def _parts_of(chunks: int) -> str:
    return "1 part" if chunks == 1 else f"{chunks} parts"


def _portrait(core: "Core") -> Optional[Answer]:
    """The newest portrait of the user, quoted with its date; None when none is built."""
    built = core.store.summaries.built("portrait")
    hits = core.hits_for(built[:1])
    if not hits:
        return None
    hit = hits[0]
    text = hit.memory.text.removeprefix(PORTRAIT_PREFIX).strip()
    users = [name for name, role in core.store.messages.speakers() if role == "user"]
    evidence = [Evidence(piece, hit.memory.id, source_label(hit, None), hit.memory.kind, None, True, 0.0,
                         hit.memory.created_at) for piece in portrait_pieces(text, users)]
    cited, numbers = citation_numbers(evidence, hits)
    lead = (f"What your memory says of you, from the portrait second-me wrote from your notes and chats on "
            f"{utc_day(hit.memory.created_at)}:")
    return Answer(lead + "\n\n" + quote_block(evidence, numbers), tuple(cited), evidence=tuple(evidence))


def portrait_pieces(text: str, users: Sequence[str]) -> list[str]:
    """A portrait as the pieces it was put together from, each quoted on its own: what each of the
    user's turns said, without "me:" before it ("works at Northwind Labs. me: My left knee hurts…"
    is "works at Northwind Labs." and "My left knee hurts…"), and each note's part without the
    Markdown marks of its headings."""
    said_by = "|".join(re.escape(name) for name in sorted(users, key=len, reverse=True))
    # A speaker's name starts a piece only after one ended ("Remind me: …" is no piece of its own).
    marks = rf"(?:^|(?<=[.!?…])\s+)(?:{said_by}):\s+|(?:^|\s)#{{1,6}}\s+" if said_by else r"(?:^|\s)#{1,6}\s+"
    return [piece.strip() for piece in re.split(marks, text) if piece.strip()] or [text]


def _no_portrait(core: "Core") -> str:
    return ("I have no portrait of you yet: second-me writes one in the background from your notes and chats "
            "(now: `second-me summarize`).\n\n" + overview(core))
