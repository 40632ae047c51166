"""What a request reads ("Summarize my sourdough notes", "Summarize my Lisbon trip"): a document
whole, and a conversation as its turns, not as the summary second-me wrote of it.

Summaries often match a request best ("summarize" and "Summary of…"), but what it asks about is
the document or the chat: quoted, a summary's run-on text ("Summary of conversation ChatGPT: Lisbon
trip (2026-03-10): me: I'm going to Lisbon…") tells the user less than the turns it was made from.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from second_me.domain import Hit
from second_me.retrieval.evidence import MAX_HITS

if TYPE_CHECKING:
    from second_me.services.core import Core

DOCUMENT_CHUNKS = 40  # a request about a document reads at most this many of its chunks
CONVERSATION_TURNS = 40  # ...and at most this many turns of a conversation summed up


def read_for_request(core: "Core", hits: list[Hit]) -> list[Hit]:
    """The hits a request is answered from: the best document whole, then each conversation's
    summary among the first hits as the turns it sums up."""
    return _conversations_as_turns(core, whole_document(core, hits))


def whole_document(core: "Core", hits: list[Hit]) -> list[Hit]:
    """The whole file of the best chunk (or document summary) among the first hits, in file order,
    before the other hits."""
    source = next((source for source in (_document_of(core, hit) for hit in hits[:MAX_HITS]) if source), None)
    if source is None:
        return hits
    found = {hit.memory.id: hit for hit in hits}
    chunk_ids = core.store.sources.chunk_ids(source, DOCUMENT_CHUNKS)
    low = min(hit.score for hit in hits)
    fetched = {hit.memory.id: replace(hit, score=low * 0.9)
               for hit in core.hits_for([i for i in chunk_ids if i not in found])}
    document = [found.get(i) or fetched[i] for i in chunk_ids if i in found or i in fetched]
    return document + [hit for hit in hits if hit.memory.id not in set(chunk_ids)]


def _document_of(core: "Core", hit: Hit) -> Optional[int]:
    """The file a hit is part of, or sums up (a document's summary: its chunks are its children)."""
    if hit.memory.kind == "chunk":
        return hit.memory.source_id
    if hit.memory.kind != "summary":
        return None
    children = core.store.states.links(hit.memory.id).children
    first = core.store.get_many(list(children[:1])).get(children[0]) if children else None
    return first.source_id if first is not None and first.kind == "chunk" else None


def _conversations_as_turns(core: "Core", hits: list[Hit]) -> list[Hit]:
    """Each summary of a conversation among the first hits (its children are turns) gives way to
    those turns, in the order they were said, where it stood."""
    placed: list[Hit] = []
    read: set[int] = set()
    for position, hit in enumerate(hits):
        if hit.memory.id in read:
            continue  # read already, with the conversation it is part of
        turn_ids = _turns_summed_up(core, hit) if position < MAX_HITS else []
        taken = [replace(turn, score=hit.score) for turn in core.hits_for([i for i in turn_ids if i not in read])] \
            if turn_ids else [hit]
        placed += taken
        read.update(taken_hit.memory.id for taken_hit in taken)
    return placed


def _turns_summed_up(core: "Core", hit: Hit) -> list[int]:
    """The turns a conversation's summary was made from, oldest first; none for any other memory."""
    if hit.memory.kind != "summary":
        return []
    children = list(core.store.states.links(hit.memory.id).children[:CONVERSATION_TURNS])
    memories = core.store.get_many(children)
    turns = [memories[i] for i in children if i in memories]
    if not turns or any(memory.kind != "message" for memory in turns):
        return []
    return [memory.id for memory in sorted(turns, key=lambda memory: memory.created_at)]
