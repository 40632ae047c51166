"""The summary tree (Recursively Summarizing, RAPTOR, MemoryBank): documents → folders,
conversations (sessions) → days → weeks → months, and a portrait of the user on top.

Each node is a `summary` (or `portrait`) memory, searchable like any other, that links its
children (`summary_children`, and `parent_id` on each child) so an answer can cite a
summary and drill down. A node is rebuilt only when it is dirty: flagged by the indexer,
or its children (their ids or texts) changed since it was built (`fingerprint`). Work
goes bottom-up under a time budget; whatever is left stays dirty for the next run.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import PurePath
from typing import Callable, Optional, Sequence

from second_me.models.base import ChatMessage, ChatModel, Embedder
from second_me.text.support import supported_sentences
from second_me.text.utterance import TELLING, how_much_it_tells
from second_me.storage.store import MemoryStore
from second_me.storage.summaries import fingerprint

LEVELS = ("document", "folder", "session", "day", "week", "month", "portrait")
TITLES = {"document": "Summary of {key}", "folder": "Summary of folder {key}", "session": "Summary of conversation {key}",
          "day": "Summary of {key}", "week": "Summary of week {key}", "month": "Summary of {key}",
          "portrait": "Portrait of the user"}
PROMPTS = {
    "portrait": "Describe the person from these notes in a few short lines: preferences, people, projects, routines.",
    "default": "Summarize the text in two or three short sentences. Keep names, places, dates and numbers.",
}
GROUP_CHARS = 2400  # input per model call; longer inputs are summarised map-reduce
MAX_SUMMARY_CHARS = 700
SUMMARY_TOKENS = 160
_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)", re.S)
_SPEAKER = re.compile(r"^[^:]{1,60}:\s")  # "Raj Mehta: " before a turn's words


@dataclass(frozen=True)
class SummaryReport:
    built: int = 0
    removed: int = 0
    dirty_left: int = 0

    def __add__(self, other: "SummaryReport") -> "SummaryReport":
        return SummaryReport(self.built + other.built, self.removed + other.removed, other.dirty_left)


def _day(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def _week_key(day: str) -> str:
    year, week, _ = datetime.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _month_of_week(week: str) -> str:
    """A week belongs to the month of its Thursday (as ISO weeks belong to years)."""
    year, number = week.split("-W")
    thursday = datetime.fromisocalendar(int(year), int(number), 4)
    return thursday.strftime("%Y-%m")


def extractive_summary(texts: Sequence[str], limit: int = MAX_SUMMARY_CHARS) -> str:
    """The first sentence of each text, in their order: a summary that cannot invent anything.
    When they do not all fit, those that tell the most are kept: "Raj Mehta: haha classic" and a
    question back tell nothing of a conversation, "got the job!!! senior designer at Fernwood
    Studio" does. Each ends as a sentence, so that facts ("has a dog named Pickle") do not run on."""
    firsts: list[str] = []
    for text in texts:
        flat = " ".join(text.split())
        flat = re.sub(r"^(?:Summary of [^:]{0,200}|Portrait of the user): ", "", flat)
        sentence = _first_telling(flat)
        if sentence and sentence not in firsts:
            firsts.append(sentence)
    if sum(len(s) + 1 for s in firsts) > limit:
        kept, size = set(), 0
        for index in sorted(range(len(firsts)), key=lambda i: -_telling(firsts[i])):  # stable: earlier first
            if size + len(firsts[index]) + 1 <= limit:
                kept.add(index)
                size += len(firsts[index]) + 1
        firsts = [sentence for index, sentence in enumerate(firsts) if index in kept]
    return " ".join(s if s[-1] in ".!?…" else f"{s}." for s in firsts)[:limit]


def _first_telling(flat: str) -> str:
    """The text's first sentence, with those after it while it tells little ("hey! how was the move?"
    starts with "hey!"), up to 200 characters."""
    taken = ""
    for match in _SENTENCE.finditer(flat):
        taken = flat[:match.end(1)]
        if _telling(taken) >= TELLING or len(taken) >= 200:
            break
    if not taken or (_telling(taken) < TELLING and len(flat) <= 200):
        taken = flat  # the text is one unfinished sentence, or short and telling little anyway
    return taken[:200]


def _telling(sentence: str) -> int:
    """How much a sentence tells, its speaker's name aside."""
    return how_much_it_tells(_SPEAKER.sub("", sentence))


class SummaryTree:
    def __init__(self, store: MemoryStore, embedder: Callable[[], Embedder],
                 chat_model: Optional[Callable[[], ChatModel]], strength_days: float):
        """`chat_model` None: extractive summaries only (no model load, fully deterministic)."""
        self.store = store
        self._embedder = embedder
        self._chat_model = chat_model
        self.strength_days = strength_days

    # ---- what the tree should look like -------------------------------------------------

    def _expected(self, conn, level: str, reps: dict[str, dict[str, int]],
                  speakers: Optional["Speakers"] = None) -> dict[str, list[int]]:
        """key → child memory ids for one level, from the store and the levels below. `speakers`: for
        the portrait, whose words in memory are the user's."""
        groups: dict[str, list[int]] = {}
        if level == "document":
            for path, memory_id in self.store.summaries.chunks_by_file(conn):
                groups.setdefault(path, []).append(memory_id)
        elif level == "folder":
            for path, memory_id in reps["document"].items():
                groups.setdefault(str(PurePath(path).parent), []).append(memory_id)
        elif level == "session":
            for name, memory_id in self.store.summaries.turns_by_conversation(conn):
                groups.setdefault(name, []).append(memory_id)
        elif level == "day":
            starts = self.store.summaries.conversation_starts(conn)
            for name, memory_id in sorted(reps["session"].items(), key=lambda item: starts.get(item[0], 0)):
                groups.setdefault(_day(starts.get(name, 0)).strftime("%Y-%m-%d"), []).append(memory_id)
        elif level == "week":
            for day, memory_id in sorted(reps["day"].items()):
                groups.setdefault(_week_key(day), []).append(memory_id)
        elif level == "month":
            for week, memory_id in sorted(reps["week"].items()):
                groups.setdefault(_month_of_week(week), []).append(memory_id)
        elif level == "portrait":
            folders_with_nodes = set(reps["folder"])
            loose_documents = [m for path, m in reps["document"].items()
                               if str(PurePath(path).parent) not in folders_with_nodes]
            facts = self.store.summaries.current_facts(conn)
            children = facts + list(reps["month"].values()) + list(reps["folder"].values()) + loose_documents
            # Of the user: a summary telling only what others said in a chat ("Aisha Khan: Plot 14 is ours!!") is not.
            if speakers is not None and speakers.others:
                texts = self.store.summaries.texts(conn, children)
                children = [m for m in children if in_own_words(texts.get(m, ""), speakers)]
            if children:
                groups["user"] = children
        return groups

    # ---- building ---------------------------------------------------------------------------

    def refresh(self, now: float, budget_seconds: float = 60.0,
                keep_going: Optional[Callable[[], bool]] = None) -> SummaryReport:
        """Rebuild dirty nodes bottom-up until done or out of budget. `keep_going` is asked
        before each rebuild (a background run yields when it says no; the rest stays dirty)."""
        deadline = time.monotonic() + budget_seconds
        reps: dict[str, dict[str, int]] = {}
        titles: dict[int, str] = {}  # a summary memory → its title, which a summary above it leaves out
        built = removed = dirty_left = 0
        for level in LEVELS:
            with self.store.db.read() as conn:
                speakers = self._speakers(conn) if level == "portrait" else None  # whose words the portrait keeps
                expected = self._expected(conn, level, reps, speakers)
                nodes = self.store.summaries.nodes(conn, level)
                texts = self.store.summaries.texts(conn, [m for ids in expected.values() for m in ids])
            removed += self._remove_orphans(level, [k for k in nodes if k not in expected], now)
            reps[level] = {}
            for key, children in expected.items():
                # A summary level adds nothing over a single child summary: the child stands in.
                if level not in ("document", "session", "portrait") and len(children) == 1:
                    reps[level][key] = children[0]
                    removed += self._remove_orphans(level, [key] if key in nodes else [], now)
                    continue
                pairs = [(m, texts[m]) for m in children if m in texts]
                node = nodes.get(key)
                fresh = node is not None and node[1] is not None and not node[2] and node[3] == fingerprint(pairs)
                if not fresh:
                    if time.monotonic() >= deadline or (keep_going is not None and not keep_going()):
                        dirty_left += 1
                        if node is None or node[1] is None:
                            continue
                        reps[level][key] = node[1]  # stale, but better than nothing above it
                    else:
                        reps[level][key] = self._build(level, key, pairs, now, deadline, titles, speakers)
                        built += 1
                else:
                    reps[level][key] = node[1]
                titles[reps[level][key]] = TITLES[level].format(key=key)
        return SummaryReport(built, removed, dirty_left)

    def _speakers(self, conn) -> "Speakers":
        """Who speaks in memory, and who of them is not the user."""
        said = self.store.messages.speakers_in(conn)
        users = {name for name, role in said if role == "user"}
        return Speakers(frozenset(name for name, _ in said), frozenset(name for name, _ in said if name not in users))

    def _build(self, level: str, key: str, children: list[tuple[int, str]], now: float,
               deadline: float = float("inf"), titles: Optional[dict[int, str]] = None,
               speakers: Optional["Speakers"] = None) -> int:
        """`titles`: of the children that are summaries, their titles, left out of what is summarised.
        `speakers`, for the portrait, which is of the user: what others said below it is left out."""
        title = TITLES[level].format(key=key)
        texts = [_untitled(text, (titles or {}).get(m)) for m, text in children]
        if speakers is not None:
            texts = [in_own_words(text, speakers) for text in texts]
        body = self._summarize(level, texts, deadline)
        text = f"{title}: {body}"
        embedder = self._embedder()
        self.store.use_embedder(embedder.model_id, embedder.dim, now)
        vector = embedder.embed_one(text)
        kind = "portrait" if level == "portrait" else "summary"
        return self.store.summaries.save(level, key, kind, text, vector, children, self.strength_days, now)

    def _remove_orphans(self, level: str, keys: Sequence[str], now: float) -> int:
        """Nodes whose subject is gone (file deleted, conversation deleted): they go too."""
        if not keys:
            return 0
        self.store.summaries.remove(level, keys, now)
        return len(keys)

    # ---- text ---------------------------------------------------------------------------------

    def _summarize(self, level: str, texts: Sequence[str], deadline: float) -> str:
        """Map-reduce: summarise groups that fit one call, then the summaries, until one is left.
        Past the deadline, groups get the extractive summary, so a node never overruns by much."""
        texts = [t for t in texts if t.strip()]
        while True:
            groups = _pack(texts, GROUP_CHARS)
            if len(groups) <= 1:
                return self._summarize_group(level, groups[0] if groups else [], deadline)
            texts = [self._summarize_group("default", group, deadline) for group in groups]

    def _summarize_group(self, level: str, texts: Sequence[str], deadline: float) -> str:
        """A model's summary, each sentence kept only if the texts support it; extractive when the
        model is small (a 135M model invents what it summarises), out of time, or nothing survives."""
        fallback = extractive_summary(texts)
        if self._chat_model is None or not texts or time.monotonic() >= deadline:
            return fallback
        model = self._chat_model()
        if not model.profile.capable_reader:
            return fallback
        prompt = PROMPTS.get(level, PROMPTS["default"])
        source = "\n\n".join(t[:GROUP_CHARS] for t in texts)
        output = model.complete([ChatMessage("system", prompt), ChatMessage("user", source)],
                                max_tokens=SUMMARY_TOKENS, temperature=0.0)
        faithful, _ = supported_sentences(_clean(output), texts)
        return faithful if len(faithful) >= 20 else fallback


def in_own_words(text: str, speakers: "Speakers") -> str:
    """A summary's text without the turns other people said: each turn in it begins with its
    speaker's name ("Aisha Khan: went to the AGM…") and runs to the next speaker's."""
    if not speakers.others:
        return text
    names = sorted(speakers.everyone, key=len, reverse=True)
    starts = re.compile(r"(?:^|(?<=\s))(" + "|".join(re.escape(name) for name in names) + r"):\s")
    pieces, last, speaker = [], 0, None
    for match in starts.finditer(text):
        pieces.append((speaker, text[last:match.start()]))
        last, speaker = match.start(), match.group(1)
    pieces.append((speaker, text[last:]))
    if len(pieces) > 1 and _SUMMARY_TITLE.match(pieces[0][1]):
        pieces.pop(0)  # "Summary of conversation Telegram: Plot 14: " before the first turn says no one's words
    return " ".join(piece.strip() for who, piece in pieces if who not in speakers.others and piece.strip())


_SUMMARY_TITLE = re.compile(r"(?:Summary of |Portrait of the user: )")


@dataclass(frozen=True)
class Speakers:
    everyone: frozenset[str]
    others: frozenset[str]  # not the user: other people in a chat, and assistants


def _untitled(text: str, title: Optional[str]) -> str:
    """A summary's text without its title: "Summary of conversation WhatsApp: Raj Mehta: …" has
    a colon in its key, where a pattern would cut it."""
    return text[len(title) + 2:] if title and text.startswith(f"{title}: ") else text


def _pack(texts: Sequence[str], limit: int) -> list[list[str]]:
    groups: list[list[str]] = []
    size = limit + 1
    for text in texts:
        text = text[:limit]
        if size + len(text) > limit:
            groups.append([])
            size = 0
        groups[-1].append(text)
        size += len(text) + 2
    return groups


def _clean(output: str) -> str:
    """A model's summary, or "" when it is unusable (empty, tiny, or one line repeated)."""
    lines = [" ".join(line.split()) for line in output.splitlines() if line.strip()]
    lines = list(dict.fromkeys(lines))  # small models loop: drop repeated lines
    text = " ".join(lines)[:MAX_SUMMARY_CHARS].strip()
    return text if len(text) >= 20 else ""
