"""Chat turns that ask something among the hits, and the turns that reply to them (read from the
conversation log, so a reply that search did not find is brought in); turns said next to those
read."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from second_me.domain import Hit
from second_me.retrieval.chatter import information_prior
from second_me.retrieval.evidence import MAX_HITS
from second_me.retrieval.follow_on import TALK_PAUSE_SECONDS
from second_me.retrieval.people import own_words
from second_me.retrieval.unmatched import NEAR_TURNS
from second_me.text.utterance import answers_yes, asks_something, is_bare_media
from second_me.text.words import content_words, forms, stems

if TYPE_CHECKING:
    from second_me.services.core import Core
    from second_me.storage.messages import StoredTurn

# "which one?", "when exactly?", "OMG what's his name": the other person asking for more, at once.
CLARIFYING_WORDS = 6
MEDIA_BETWEEN = 2  # bare photos and stickers looked past between two turns


def replied_words(core: "Core", hits: Sequence[Hit]) -> dict[int, str]:
    """For each chat turn among the hits that replies to one of the first hits, the words it
    replies to: a reply goes on about what it answers, without naming it ("We found a flat in
    Alvalade, 1,350 euros a month" after "Lisbon rents are higher than Porto's")."""
    turns = {hit.memory.id: hit for hit in hits[:MAX_HITS] if hit.memory.kind == "message"}
    found = {hit.memory.id: hit for hit in hits}
    pairs = core.store.messages.replies(list(turns)) if turns else []
    return {reply: turns[replied].memory.text for reply, replied in pairs
            if reply in found and _after_no_pause(turns[replied], found[reply])}


NEXT_DAY_SECONDS = 36 * 3600  # a text answered the next day, saying yes first, still answers


def _after_no_pause(question: Hit, reply: Hit) -> bool:
    """A turn said after a long pause answers nothing said before it (`follow_on.TALK_PAUSE_SECONDS`):
    Rita's thanks for the party, two weeks after her "In the blue tin" to "where's the spare key for
    the shed?", is the next turn by someone other than its asker, and no answer to it. A text answered
    the next day says so first: "Yes the 21st! Her party is…" to "Ella's birthday is on the 21st isn't it?"."""
    waited = reply.memory.created_at - question.memory.created_at
    return waited <= TALK_PAUSE_SECONDS or waited <= NEXT_DAY_SECONDS and answers_yes(own_words(reply.memory))


def said_before(core: "Core", hits: Sequence[Hit]) -> dict[int, str]:
    """For each chat turn among the first hits, the turn or two said just before it: what it goes on
    about without naming ("she's called Mango" after "I adopted a cat from Cats Protection")."""
    said = {hit.memory.message_id: hit.memory.id for hit in hits[:MAX_HITS]
            if hit.memory.kind == "message" and hit.memory.message_id}
    out: dict[int, str] = {}
    for message_id, (before, _, _) in _worded_around(core, list(said), NEAR_TURNS + MEDIA_BETWEEN).items():
        if before:
            out[said[message_id]] = "\n".join(turn.text for turn in before[-NEAR_TURNS:])
    return out


def _worded_around(core: "Core", message_ids: Sequence[int], reach: int) \
        -> dict[int, tuple[list["StoredTurn"], "StoredTurn", list["StoredTurn"]]]:
    """message id → the turns said before it within `reach`, the turn, and those said after it; a bare
    photo or sticker sent between them is passed over (it tells nothing)."""
    out: dict[int, tuple[list[StoredTurn], StoredTurn, list[StoredTurn]]] = {}
    for message_id, near in (core.store.messages.neighbours(message_ids, reach) if message_ids else {}).items():
        at = next((i for i, turn in enumerate(near) if turn.message_id == message_id), None)
        if at is not None:
            out[message_id] = ([turn for turn in near[:at] if not is_bare_media(turn.text)], near[at],
                               [turn for turn in near[at + 1:] if not is_bare_media(turn.text)])
    return out


def with_replies(core: "Core", hits: list[Hit], every_turn: bool = False) -> tuple[list[Hit], dict[int, list[int]]]:
    """A chat turn that asks something ("How long should I ice my knee?") is found by the question's
    words; the answer is in the turn that replies to it, which rarely repeats them. Each question
    turn among the first hits has its replies read right after it, ranked as it is (a reply found
    further down moves up). Returns the hits and, for each such turn, the replies placed after it
    (the evidence reads that many more hits, and quotes a reply with the turn it answers).
    `every_turn`: the reply is what is asked ("What did ChatGPT say about my sourdough?" is answered
    by its reply to "my sourdough comes out flat and dense…", which asks nothing), so every turn's
    reply that says something is read ("Got it." is not)."""
    asking = {hit.memory.id: hit for hit in hits[:MAX_HITS]
              if hit.memory.kind == "message" and (every_turn or asks_something(own_words(hit.memory)))}
    telling_only = {i for i, hit in asking.items() if not asks_something(own_words(hit.memory))}
    pairs = core.store.messages.replies(list(asking)) if asking else []
    pairs += _answered_in_turn(core, asking, pairs)
    replies: dict[int, list[int]] = {}
    for reply, question in pairs:
        if reply not in asking:
            replies.setdefault(question, []).append(reply)
    telling = told_more(core, [hit for hit in hits[:MAX_HITS] if hit.memory.id not in asking])
    for told, answer in telling.items():
        replies.setdefault(told, []).append(answer.memory.id)
    if not replies:
        return hits, {}
    placed = {reply for ids in replies.values() for reply in ids}
    present = {hit.memory.id: hit for hit in hits}
    told_answers = {answer.memory.id: answer for answer in telling.values()}  # read once, by `told_more`
    found = {**{hit.memory.id: hit for hit in core.hits_for([i for i in placed
                                                             if i not in present and i not in told_answers])},
             **{i: told_answers[i] for i in placed if i in told_answers and i not in present},
             **{i: present[i] for i in placed if i in present}}
    for asked in set(replies) - set(telling):
        replies[asked] = [reply for reply in replies[asked]
                          if reply in found and _after_no_pause(asking[asked], found[reply])]
    for told in telling_only & set(replies):
        # A reply to a turn that asks nothing is read when it says something of that turn: "At 19 °C 4
        # hours is too short…" of "…bulk ferment for 4 hours at about 19 degrees", not "I'd try that this
        # week and see how it goes."
        said = stems(own_words(asking[told].memory))
        replies[told] = [reply for reply in replies[told] if reply in found
                         and information_prior(found[reply].memory) >= 1
                         and any(forms(word) & said for word in content_words(own_words(found[reply].memory)))]
    placed = {reply for ids in replies.values() for reply in ids}
    out: list[Hit] = []
    for hit in hits:
        if hit.memory.id in placed:
            continue  # read right after the turn it answers
        out.append(hit)
        # An answer to a question is ranked as the question; one telling more, as what it says itself.
        out += [found[reply] if reply in told_answers else
                replace(found[reply], score=max(found[reply].score, hit.score),
                        similarity=max(found[reply].similarity or 0.0, hit.similarity or 0.0))
                for reply in replies.get(hit.memory.id, ()) if reply in found]
    return out, {question: [r for r in ids if r in found] for question, ids in replies.items()}


def _answered_in_turn(core: "Core", asking: dict[int, Hit], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a group, each one asked answers: "New Year in the Cairngorms?" is answered by Jonas's "I'm in"
    and, stored as replying to his turn, by Ibrahim's "can't, I'm working New Year's Eve". (reply, the
    turn it answers) for a turn replying to a reply, said by neither the asker nor the first to reply, that
    says something of what was asked (Leah's "choir concert is on Saturday" answers no "results in January?")."""
    first = {reply: asked for reply, asked in pairs if reply not in asking}
    second = core.store.messages.replies(list(first)) if first else []
    if not second:
        return []
    said = core.store.get_many(sorted(set(first) | {reply for reply, _ in second}))
    out = []
    for reply, replied in second:
        answer, asked = said.get(reply), asking[first[replied]].memory
        if reply in asking or answer is None or replied not in said \
                or answer.speaker in (said[replied].speaker, asked.speaker):
            continue
        words = stems(own_words(asked))
        if any(forms(word) & words for word in content_words(own_words(answer))):
            out.append((reply, first[replied]))
    return out


def told_more(core: "Core", hits: Sequence[Hit]) -> dict[int, Hit]:
    """For a chat turn the other person asks about at once, its speaker's answer: "jealous. I'm stuck
    revising for the exam", "which one?", "the accountancy one, CIMA part 2" (what the question
    "What exam am I revising for?" asks is in the answer, which says no "exam"). Hit memory id → the
    answer, read as a hit."""
    said = {hit.memory.message_id: hit for hit in hits if hit.memory.kind == "message" and hit.memory.message_id}
    asked: dict[int, Hit] = {}  # the other's question's memory id → the turn it asks about
    for message_id, (_, told, after) in _worded_around(core, list(said), 1 + MEDIA_BETWEEN).items():
        next_turn = after[0] if after else None
        if next_turn is not None and next_turn.memory_id is not None and next_turn.memory_id not in asked \
                and not is_bare_media(told.text) and next_turn.speaker != told.speaker \
                and asks_something(next_turn.text) and len(next_turn.text.split()) <= CLARIFYING_WORDS \
                and next_turn.timestamp - told.timestamp <= TALK_PAUSE_SECONDS:
            asked[next_turn.memory_id] = said[message_id]
    pairs = core.store.messages.replies(list(asked)) if asked else []
    answers = {hit.memory.id: hit for hit in core.hits_for([reply for reply, _ in pairs])}
    out: dict[int, Hit] = {}
    for reply, question in sorted(pairs):  # the first answer, not the speaker's news a month later
        told, answer = asked[question].memory, answers.get(reply)
        if answer is not None and answer.memory.speaker == told.speaker and told.id not in out \
                and 0 < answer.memory.created_at - told.created_at <= TALK_PAUSE_SECONDS:
            out[told.id] = answer
    return out


def with_turns_nearby(core: "Core", found: Sequence[Hit], kept: Sequence[Hit]) -> list[Hit]:
    """The hits close enough to read (`kept`), and with them, in search order, the chat turns search
    found that the same person said a turn or two from one of them: people go on about a thing
    without naming it again, so the answer is often far from the question in meaning ("he's called
    Bram. he's six" after "I have a CAT", for "What's Harriet's cat called?"). Not another's: that
    would read the one the question names beside someone else's news it asks about."""
    said_by = {hit.memory.message_id: hit.memory.speaker for hit in kept
               if hit.memory.kind == "message" and hit.memory.message_id}
    around = core.store.messages.neighbours(list(said_by), NEAR_TURNS) if said_by else {}
    read = {hit.memory.id for hit in kept} | {turn.memory_id for message_id, turns in around.items()
                                              for turn in turns if turn.speaker == said_by[message_id]}
    return [hit for hit in found if hit.memory.id in read]  # `kept` is a part of `found`, in its order
