"""What a request quotes ("Summarize my sourdough notes", "Summarize my 1:1 with Priya"): the document
it asks for, all of it when it is short, then a sentence of each other memory close to the best in turn."""

from __future__ import annotations

from typing import Sequence

from second_me.retrieval.quotable import Sentence, opening, reading_order, said_within
from second_me.text.utterance import TELLING, how_much_it_tells

WHOLE_DOCUMENT = 12  # a request quotes a document read whole of at most this many sentences all of it


def request_extract(scored: Sequence[Sentence], close: Sequence[Sentence], most: int) -> list[Sentence]:
    """An extract for a request ("Summarize my sourdough notes", "Explain how I set up the backup"): the
    document read whole for it, all of it when it is short, then the memories with a sentence close to
    the best, each read from its start (notes lead with what matters), a sentence of each in turn while
    there is room; the document first, then in reading order."""
    # A document read whole for the request comes first (services/answering.py puts it first
    # among the hits), then the other memories close to the best sentence.
    first = next((s.hit.memory for s in scored if s.hit_rank == 0), None)
    source = first.source_id if first is not None and first.kind == "chunk" else None
    document = list(dict.fromkeys(s.hit.memory.id for s in sorted(scored, key=reading_order)
                                  if source is not None and s.hit.memory.source_id == source))
    whole = sum(1 for s in scored if s.hit.memory.source_id == source and source is not None and _tells(s))
    most = max(most, whole) if whole <= WHOLE_DOCUMENT else most  # a payslip's last line is its net pay
    memories = list(dict.fromkeys([*document, *(s.hit.memory.id for s in close)]))[:most]
    # Turn by turn (every memory's first sentence, then every second one…), so that a section of three
    # sentences is not cut to two while the room holds them all. A chat turn's "haha classic" tells nothing.
    queues = [sorted((s for s in scored if s.hit.memory.id == memory_id and _tells(s)), key=lambda s: s.position)
              for memory_id in memories]
    chosen: list[Sentence] = []
    if whole and whole <= WHOLE_DOCUMENT:  # the document asked for, all of it, before anything beside it
        chosen = _in_turn([[sentence for queue in queues[:len(document)] for sentence in queue]], chosen, most)
        queues = queues[len(document):]
    chosen = _in_turn(queues, chosen, most)
    return sorted(chosen, key=lambda sentence: (source is not None and sentence.hit.memory.source_id != source,
                                                reading_order(sentence, as_told=True)))


def _in_turn(queues: list[list[Sentence]], chosen: list[Sentence], most: int) -> list[Sentence]:
    """`chosen` and a sentence of each queue in turn, while there is room."""
    while any(queues) and len(chosen) < most:
        for queue in queues:
            while queue:
                sentence = queue.pop(0)
                if any(said_within(sentence.text, o.text) or (said_within(opening(o.text), sentence.text)
                                                          and o.hit.memory.id != sentence.hit.memory.id)
                       for o in chosen):
                    continue  # already quoted; or a summary saying again what a note's sentence says
                # "It is ready when…" is quoted with the sentence it leans on: the longer quote
                # takes the place of the shorter one of its memory that it contains.
                chosen = [o for o in chosen
                          if not (o.hit.memory.id == sentence.hit.memory.id and said_within(o.text, sentence.text))]
                if len(chosen) < most:
                    chosen.append(sentence)
                break
    return chosen


def _tells(sentence: Sentence) -> bool:
    """Not chatter: a note's sentence, or a chat turn's that tells something (a request for a summary
    of a chat takes these)."""
    return sentence.hit.memory.kind != "message" or how_much_it_tells(sentence.text) >= TELLING
