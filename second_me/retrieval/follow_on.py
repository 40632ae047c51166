"""What a chat turn found brings along: people say one thing over several turns.

A question found ("how's Crete otherwise?") brings the replies to it that say something: the
answer rarely repeats the question's words ("amazing. 34 degrees, a little apartment in Chania").
A turn found among the best brings what its speaker said in the next turn or two: people text a
thought in pieces ("Bunsen had to go to the vet yesterday. he'd swallowed a hair tie", then "he's
fine, home in a cone. £640 though" after the other asked how he was), and the piece that answers
often shares no word with the question; a short turn is often the start ("the name!!", then where
it came from); a photo sent next shows what was just told. Each ranks at a share of the
similarity of the turn it follows, when that is more than its own; a turn that says little
(`information_prior`) is never brought along.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from second_me.retrieval.chatter import information_prior
from second_me.retrieval.people import own_words
from second_me.storage.store import MemoryStore
from second_me.text.utterance import is_question

REPLY_SHARE = 0.7  # of a question's similarity, given to the replies to it that say something
GOES_ON_SHARE = 0.5  # of a turn's similarity, given to what its speaker says next
GOES_ON_FROM = 10  # only the best this many turns bring their speaker's next ones...
GOES_ON_TURNS = 2  # ...from this many turns after each (the other's reply may sit between)
# A pause this long in one chat starts another talk (an exported chat's whole history is one
# conversation): a piece said after it goes on from nothing before it, a reply after it answers
# nothing before it, and a catch-up counts it as another conversation.
TALK_PAUSE_SECONDS = 6 * 3600
# A photo sent next shows what its sender just told ("we went camping at Manzanita last weekend", then
# "[photo: Eli kneeling by a sand ambulance]"): it is ranked nearly as the turn it follows.
PHOTO_SHARE = 0.9
_PHOTO = re.compile(r"^\s*\[(?:photo|image|picture|pic)\b", re.I)

Ranked = list[tuple[int, float]]  # (memory id, similarity), best first


def with_replies(store: MemoryStore, found: Ranked, among: Optional[Sequence[int]]) -> Ranked:
    """`found` with the replies to the questions in it that say something, ranked at REPLY_SHARE of
    their question's similarity if that is more; as long as `found`."""
    if not found:
        return found
    parents = store.get_many([memory_id for memory_id, _ in found])
    questions = [i for i, m in parents.items() if m.kind == "message" and is_question(own_words(m))]
    pairs = store.messages.replies(questions) if questions else []
    similarity = dict(found)
    return _inherit(store, found, {reply: REPLY_SHARE * similarity[parent] for reply, parent in pairs}, among)


def with_what_follows(store: MemoryStore, found: Ranked, among: Optional[Sequence[int]]) -> Ranked:
    """`found` with what the speaker of each of its best GOES_ON_FROM turns said in the next
    GOES_ON_TURNS turns of the conversation, ranked at GOES_ON_SHARE of that turn's similarity if
    that is more; as long as `found`."""
    if not found:
        return found
    similarity = dict(found)
    best = store.get_many([memory_id for memory_id, _ in found[:GOES_ON_FROM]])
    turns = {m.message_id: m for m in best.values() if m.kind == "message" and m.message_id is not None}
    around = store.messages.neighbours(list(turns), GOES_ON_TURNS) if turns else {}
    offered: dict[int, float] = {}
    for message_id, stored in around.items():
        said = turns[message_id]
        at = next((i for i, turn in enumerate(stored) if turn.message_id == message_id), None)
        for turn in stored[at + 1:] if at is not None else ():
            if turn.speaker == said.speaker and turn.memory_id is not None:
                share = PHOTO_SHARE if _PHOTO.match(turn.text) else GOES_ON_SHARE
                offered[turn.memory_id] = max(offered.get(turn.memory_id, 0.0), share * similarity[said.id])
    return _inherit(store, found, offered, among)


def _inherit(store: MemoryStore, found: Ranked, offered: dict[int, float], among) -> Ranked:
    """`found` with each offered memory at its offered similarity when that is more than its own,
    if it says something and is allowed; re-ranked, cut to the length of `found`."""
    if not offered:
        return found
    similarity = dict(found)
    memories = store.get_many(list(offered))
    allowed = set(among) if among is not None else None
    for memory_id, inherited in offered.items():
        memory = memories.get(memory_id)
        if memory is None or information_prior(memory) < 1 or (allowed is not None and memory_id not in allowed):
            continue
        if inherited > similarity.get(memory_id, -1.0):
            similarity[memory_id] = inherited
    return sorted(similarity.items(), key=lambda pair: pair[1], reverse=True)[:len(found)]
