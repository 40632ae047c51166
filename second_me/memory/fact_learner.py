"""Learning facts from conversations, in the background and under a time budget.

Each user turn is read once (`messages.facts_done_at`). Facts come from first-person
rules and, when the background model is a capable reader, from it; each becomes a `fact`
memory linked to the turns it came from (an extra search key for them). A fact about a
single-valued attribute (where the speaker lives, works...) supersedes the earlier value:
the old fact gets `valid_to` and `superseded_by`, so the timeline survives ("where did I
live in 2023?").
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from second_me.memory.fact_parsing import normalise, parse_model_facts, slot_of, statements, unique
from second_me.memory.reembed import embedding_text
from second_me.models.base import ChatMessage, ChatModel, Embedder
from second_me.storage.messages import UnreadTurn
from second_me.storage.store import MemoryStore, NewMemory
from second_me.text.support import Support
from second_me.text.utterance import states_something

EXTRACT_PROMPT = ("Write facts about the speaker from their messages, one short fact per line starting "
                  "with '- '. Only what they said.")
# One worked example: a tiny model follows a shown format far better than a described one.
EXAMPLE = ("I work as a nurse and my son Tom is five.", "- works as a nurse\n- has a son named Tom, aged five")
EXAMPLE_WORDS = "nurse son Tom five"  # its particulars: a fact using them (unsaid) is a copy
# Words a fact may use that its turns need not: how a fact is framed, not what it claims.
FACT_FRAMING = "named called aged age old years user speaker"
MAX_FACTS_PER_PROMPT = 8
TURNS_PER_PROMPT = 6
MAX_FACT_TOKENS = 96
RULES = "rules"  # a fact's `by` when a first-person rule wrote it (else the model's name)


@dataclass(frozen=True)
class FactReport:
    turns_read: int = 0
    facts_added: int = 0
    superseded: int = 0
    pending: int = 0  # turns still unread when the budget ran out


class FactLearner:
    def __init__(self, store: MemoryStore, embedder: Callable[[], Embedder], chat_model: Optional[Callable[[], ChatModel]],
                 strength_days: float):
        """`chat_model` None: rules only (fast, no model load)."""
        self.store = store
        self._embedder = embedder
        self._chat_model = chat_model
        self.strength_days = strength_days

    def pending(self, limit: int = -1) -> list[UnreadTurn]:
        return self.store.messages.unread_user_turns(limit)

    def run(self, now: float, budget_seconds: float = 30.0,
            keep_going: Optional[Callable[[], bool]] = None) -> FactReport:
        """Read unread user turns, a few at a time, until done or the budget is spent.
        `keep_going` is asked before each batch (a background run yields when it says no)."""
        deadline = time.monotonic() + budget_seconds
        read = added = superseded = 0
        while time.monotonic() < deadline:
            batch = self.pending(TURNS_PER_PROMPT)
            if not batch or (keep_going is not None and not keep_going()):
                break
            found = self._facts_of(batch)
            a, s = self._store(batch, found, now)
            read, added, superseded = read + len(batch), added + a, superseded + s
        return FactReport(read, added, superseded, len(self.pending()))

    # ---- extraction -----------------------------------------------------------------------

    def _facts_of(self, batch: Sequence[UnreadTurn]) -> list[tuple[UnreadTurn, str, str]]:
        """(turn, fact, what wrote it): rules per turn, then the model over the batch per speaker. Only
        what someone states is read: "where did I stay in Lisbon?" is no fact about anyone."""
        batch = [turn for turn in batch if states_something(turn.text)]
        pairs = [(turn, fact, RULES) for turn in batch for fact in statements(turn.text)]
        # Only a capable reader writes facts of its own: a 135M model's pass the word check and still
        # misread ("worked at Shelter Scotland" of "I want to do data work at a charity. applied to
        # Shelter Scotland"). The summary tree makes the same choice.
        model = self._chat_model() if self._chat_model is not None and batch else None
        if model is not None and model.profile.capable_reader:
            for speaker in dict.fromkeys(t.speaker for t in batch):
                turns = [t for t in batch if t.speaker == speaker]
                for fact in self._ask_model(model, turns):
                    pairs.append((self._source_turn(turns, fact), fact, model.name))
        return pairs

    def _ask_model(self, model: ChatModel, turns: Sequence[UnreadTurn]) -> list[str]:
        text = "\n".join(t.text[:400] for t in turns)
        messages = [ChatMessage("system", EXTRACT_PROMPT),
                    ChatMessage("user", f"Messages:\n{EXAMPLE[0]}\nFacts:"), ChatMessage("assistant", EXAMPLE[1]),
                    ChatMessage("user", f"Messages:\n{text}\nFacts:")]
        output = model.complete(messages, max_tokens=MAX_FACT_TOKENS, temperature=0.0)
        # A fact states only what the turns state, in their words but for how a fact is framed ("has
        # a son named Tom, aged five"): "Ella, a baby girl, is the unicorn cake" has 3 of its 5
        # words in "Ella turned 7 today, we had a unicorn cake.", enough for an answer's check.
        support = Support([t.text for t in turns], FACT_FRAMING, coverage=1.0)
        facts = [fact for fact in parse_model_facts(output, text, EXAMPLE_WORDS) if support.check(fact).supported]
        return unique(facts)[:MAX_FACTS_PER_PROMPT]

    @staticmethod
    def _source_turn(turns: Sequence[UnreadTurn], fact: str) -> UnreadTurn:
        """The turn sharing most words with the fact."""
        words = set(normalise(fact).split())
        return max(turns, key=lambda t: (len(words & set(normalise(t.text).split())), t.ts))

    # ---- storing --------------------------------------------------------------------------

    def _store(self, batch: Sequence[UnreadTurn], pairs: list[tuple[UnreadTurn, str, str]],
               now: float) -> tuple[int, int]:
        by_key: dict[tuple[str, str], tuple[UnreadTurn, str, str]] = {}
        for turn, fact, by in pairs:
            if normalise(fact):
                by_key.setdefault((turn.speaker, normalise(fact)), (turn, fact, by))
        facts = list(by_key.values())
        vectors = []
        if facts:
            embedder = self._embedder()
            self.store.use_embedder(embedder.model_id, embedder.dim, now)
            vectors = embedder.embed([embedding_text("fact", fact) for _, fact, _ in facts])
        added = superseded = 0
        with self.store.db.transaction() as conn:
            touched: set[tuple[str, str]] = set()
            for (turn, fact, by), vector in zip(facts, vectors):
                slot = slot_of(fact)
                existing = self._same_fact(conn, turn, fact, slot)
                if existing is not None:
                    self.store.facts.link(conn, existing, turn.message_id)
                    if slot:  # the fact may now start earlier: its neighbours' validity moves too
                        touched.add((turn.speaker, slot.name))
                    continue
                # What wrote it: a fact can then be checked again when the rules or the model change.
                meta = {"subject": turn.speaker, "slot": slot.name if slot else None,
                        "value": slot.value if slot else None, "by": by}
                (fact_id,) = self.store.insert_memories(conn, [NewMemory(
                    kind="fact", text=fact, vector=vector, created_at=turn.ts, strength=self.strength_days,
                    message_id=turn.message_id, meta=meta, valid_from=turn.ts, speaker=turn.speaker)])
                self.store.facts.link(conn, fact_id, turn.message_id)
                self.store.log_event(conn, fact_id, "learn", "fact from a conversation", now,
                                     {"message_id": turn.message_id})
                added += 1
                if slot:
                    touched.add((turn.speaker, slot.name))
            for subject, slot_name in touched:
                superseded += update_timeline(self.store, conn, subject, slot_name, now)
            self.store.messages.mark_read(conn, [t.message_id for t in batch], now)
        return added, superseded

    def _same_fact(self, conn, turn: UnreadTurn, fact: str, slot) -> Optional[int]:
        """An existing fact saying the same thing that holds at the turn's time, if any."""
        facts = self.store.facts
        rows = facts.of_subject(conn, turn.speaker)
        key = normalise(fact)
        for fact_id, text, meta, valid_from, valid_to in rows:
            holds = (valid_from or 0) <= turn.ts and (valid_to is None or turn.ts < valid_to)
            data = json.loads(meta) if meta else {}
            same = normalise(text) == key or (slot is not None and data.get("slot") == slot.name
                                              and data.get("value") == slot.value)
            if same and (holds or (slot is None)):
                return fact_id
            if same and turn.ts < (valid_from or 0) and not facts.other_value_between(
                    conn, turn.speaker, slot.name, slot.value, turn.ts, valid_from):
                # Said earlier than we knew (an old chat imported late): the fact starts earlier.
                facts.start_at(conn, fact_id, turn.ts)
                return fact_id
        return None


def update_timeline(store: MemoryStore, conn, subject: str, slot_name: str, now: float) -> int:
    """Order a slot's facts by validity: each is superseded by the next one with another value.

    Recomputed from scratch, so facts learnt out of order (an old export imported late)
    still end up in the right place. Returns how many facts became superseded.
    """
    rows = store.facts.timeline(conn, subject, slot_name)
    changed = 0
    for current, following in zip(rows, list(rows[1:]) + [None]):
        fact_id, _, old_successor, _ = current
        successor = following[0] if following else None
        valid_to = following[1] if following else None
        if successor != old_successor:
            store.facts.set_successor(conn, fact_id, successor, valid_to)
            if successor is not None:
                changed += 1
                store.log_event(conn, fact_id, "supersede", f"replaced by fact {successor}", now,
                                {"superseded_by": successor, "slot": slot_name})
    return changed
