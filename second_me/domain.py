"""Plain values shared by every layer. No behaviour beyond small conveniences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Iterable, Optional

MEMORY_KINDS: tuple[str, ...] = ("chunk", "message", "fact", "summary", "portrait")


def utc_day(timestamp: float) -> str:
    """The UTC date of an instant, "2023-07-06": the same in any time zone."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")


def day_span(first: float, last: float) -> str:
    """When something went on, as the user reads it: "on 2026-10-05", or "2026-04-02 to 2026-10-12"."""
    start, end = utc_day(first), utc_day(last)
    return f"on {start}" if start == end else f"{start} to {end}"


@dataclass(frozen=True)
class Chunk:
    """A piece of a document, with where it came from."""

    text: str
    start_line: int
    end_line: int
    heading: str = ""
    page: Optional[int] = None


def chunk_key(file_name: str, heading: str, text: str, language: Optional[str] = None) -> str:
    """The text a file chunk is embedded as: its file name (and language, for code) and its
    heading give it context. Indexing and re-embedding both use this, so a chunk gets the
    same vector either way."""
    label = file_name + (f" ({language})" if language else "")
    return label + (f" — {heading}" if heading else "") + "\n" + text


@dataclass(frozen=True)
class Memory:
    id: int
    kind: str
    text: str
    created_at: float
    last_recalled_at: Optional[float]
    strength: float
    recall_count: int
    pinned: bool
    state: str
    source_id: Optional[int] = None
    message_id: Optional[int] = None
    start_line: Optional[int] = None
    end_line: Optional[int] = None
    superseded_by: Optional[int] = None
    valid_from: Optional[float] = None
    valid_to: Optional[float] = None
    parent_id: Optional[int] = None
    speaker: Optional[str] = None  # who said it (a turn), or whom a fact is about
    # When what it tells of happened, when the memory says so ("yesterday" in a message):
    # [start, end) spans in epoch seconds, whole UTC days.
    about: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class FileOrigin:
    path: str
    start_line: Optional[int]
    end_line: Optional[int]
    page: Optional[int] = None

    def as_json(self) -> dict:
        out = {"path": self.path, "start_line": self.start_line, "end_line": self.end_line}
        if self.page is not None:
            out["page"] = self.page
        return out

    def label(self) -> str:
        if self.start_line is None:
            return self.path
        if self.start_line == self.end_line:
            return f"{self.path}:{self.start_line}"
        return f"{self.path}:{self.start_line}-{self.end_line}"


@dataclass(frozen=True)
class TurnRef:
    """A turn a derived memory (a fact, a summary) was made from."""

    conversation: str
    external_id: Optional[str]
    speaker: str

    def as_json(self) -> dict:
        return {"conversation": self.conversation, "external_id": self.external_id, "speaker": self.speaker}


@dataclass(frozen=True)
class ConversationOrigin:
    conversation: str
    external_id: Optional[str]
    speaker: str
    timestamp: str
    # For a fact: every turn it was learnt from (who said each), beyond the first one above.
    turns: tuple[TurnRef, ...] = ()
    more: int = 0

    def as_json(self) -> dict:
        out = {
            "conversation": self.conversation,
            "external_id": self.external_id,
            "speaker": self.speaker,
            "timestamp": self.timestamp,
        }
        if self.turns:
            out["from"] = [turn.as_json() for turn in self.turns]
        if self.more:
            out["more"] = self.more
        return out

    def label(self) -> str:
        return f"{self.conversation} · {self.speaker} · {self.timestamp[:16].replace('T', ' ')}"


@dataclass(frozen=True)
class DerivedOrigin:
    """Where a fact or summary came from: the turns it was learnt or written from (a fact learnt
    from someone else's words names who said them)."""

    turns: tuple[TurnRef, ...]
    more: int = 0  # turns left out of `turns` (a long summary's)

    def as_json(self) -> dict:
        out: dict = {"from": [turn.as_json() for turn in self.turns]}
        if self.more:
            out["more"] = self.more
        return out

    def label(self) -> str:
        first = self.turns[0]
        others = len(self.turns) - 1 + self.more
        return f"from {first.conversation} · {first.speaker}" + (f" (+{others} turns)" if others else "")


Origin = FileOrigin | ConversationOrigin | DerivedOrigin | None


@dataclass(frozen=True)
class Neighbour:
    """A turn around a chat turn hit, shown with it (`--context N`)."""

    speaker: str
    text: str
    timestamp: float
    external_id: Optional[str]
    memory_id: Optional[int]
    is_hit: bool = False  # the hit itself

    def as_json(self) -> dict:
        return {"speaker": self.speaker, "text": self.text, "external_id": self.external_id,
                "timestamp": datetime.fromtimestamp(self.timestamp, timezone.utc).isoformat(),
                "memory_id": self.memory_id, "hit": self.is_hit}


def describe_span(start: float, end: float) -> str:
    """Whole UTC days [start, end) as a reader reads them: 2023-07-05, 2023-07, 2022, or 2023-04-29 to 2023-04-30."""
    first = datetime.fromtimestamp(start, timezone.utc)
    last = datetime.fromtimestamp(end, timezone.utc) - timedelta(days=1)
    if last <= first:
        return first.strftime("%Y-%m-%d")
    if first.day == 1 and first.month == 1 and last.month == 12 and last.day == 31 and first.year == last.year:
        return str(first.year)
    if first.day == 1 and (last + timedelta(days=1)).day == 1 and (first.year, first.month) == (last.year, last.month):
        return first.strftime("%Y-%m")
    return f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"


def note_dated(about: str) -> str:
    """A daily note's dates (`told_dates`: its name's day first) as shown: "note of 2026-10-05, about
    2026-10-04"."""
    day, *told = about.split(", ")
    return f"note of {day}" + (f", about {', '.join(told)}" if told else "")


def told_dates(memory: Memory) -> str:
    """The dates a memory tells of, as read: "2023-07-05, 2023-07-08 to 2023-07-09"; "" when none."""
    return ", ".join(describe_span(start, end) for start, end in memory.about)


@dataclass(frozen=True)
class Hit:
    """A search result: a memory, how well it matched, and where it came from."""

    memory: Memory
    score: float
    retention: float
    origin: Origin = None
    similarity: Optional[float] = None  # cosine with the query, when the vector side found it
    bm25_rank: Optional[int] = None
    vector_rank: Optional[int] = None
    neighbours: tuple[Neighbour, ...] = ()  # the turns around a chat turn, when asked for

    def as_json(self) -> dict:
        created = datetime.fromtimestamp(self.memory.created_at, timezone.utc).isoformat()
        out = {
            "id": self.memory.id,
            "kind": self.memory.kind,
            "text": self.memory.text,
            "score": round(self.score, 6),
            "created_at": created,
            "retention": round(self.retention, 4),
            "pinned": self.memory.pinned,
            "source": self.origin.as_json() if self.origin is not None else None,
        }
        if self.memory.about:
            out["about"] = [{"from": utc_day(start), "until": utc_day(end - 1)} for start, end in self.memory.about]
        if self.neighbours:
            out["context"] = [turn.as_json() for turn in self.neighbours]
        return out

    def label(self) -> str:
        return self.origin.label() if self.origin is not None else f"{self.memory.kind} #{self.memory.id}"


@dataclass(frozen=True)
class Evidence:
    """A sentence of a memory that an answer stands on, quoted as it is, with where it stands."""

    text: str
    memory_id: int
    source: str  # path:line, or conversation · speaker · date
    kind: str = "chunk"
    speaker: Optional[str] = None  # who said it, for a chat turn
    derived: bool = False  # from a fact, summary or portrait second-me wrote, not from the user's own words
    score: float = 0.0
    created_at: float = 0.0
    about: str = ""  # the dates its memory tells of, as read: "2023-07-05" (for "yesterday" said on 6 July)
    context: str = ""  # the headings (or list's label) it stands under in a note: "Health > Blood pressure readings"

    def dated(self) -> str:
        """"2023-07-06", or "said 2023-07-06, about 2023-07-05" when its memory tells of another date; a
        daily note's, "note of 2026-10-04" (the day its name says, not when it was saved)."""
        if self.kind == "chunk" and self.about:
            return note_dated(self.about)
        date = utc_day(self.created_at)
        return f"said {date}, about {self.about}" if self.about else date

    def as_json(self) -> dict:
        return {"text": self.text, "memory_id": self.memory_id, "source": self.source}


@dataclass(frozen=True)
class Asked:
    """A question asked earlier in a chat, and the memories its answer quoted: what a follow-up
    ("and when?") leans on."""

    question: str
    quoted: tuple[int, ...] = ()


@dataclass(frozen=True)
class Answer:
    text: str
    citations: tuple[Hit, ...] = field(default_factory=tuple)
    abstained: bool = False
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    # A span of time second-me counted by rule from the quoted messages' days ("9 months and 26 days
    # ago"), part of `text`: the days it names are in the evidence, the span itself is arithmetic.
    reckoned: str = ""
    # A follow-up in a chat ("and for how long?") as the question it was answered as ("For how long
    # do I bake the bread?", text/follow_up.py); "" when it was answered as asked.
    asked_as: str = ""

    def source_labels(self) -> list[str]:
        """For each citation [n], where its quoted sentences stand (path:line), else the memory's own label."""
        labels = []
        for hit in self.citations:
            quoted = list(dict.fromkeys(item.source for item in self.evidence if item.memory_id == hit.memory.id))
            paths = {source.rpartition(":")[0] for source in quoted}
            if len(quoted) > 1 and len(paths) == 1:  # one file: path:10, 11
                labels.append(quoted[0] + "".join(", " + source.rpartition(":")[2] for source in quoted[1:]))
            else:
                labels.append(", ".join(quoted) if quoted else hit.label())
        return labels

    def as_json(self) -> dict:
        out = {
            "answer": self.text,
            "citations": [hit.as_json() for hit in self.citations],
            "evidence": [item.as_json() for item in self.evidence],
            "abstained": self.abstained,
        }
        if self.asked_as:
            out["asked_as"] = self.asked_as
        return out


def reason_group(reason: str) -> str:
    """A skip reason without its particulars ("holds a secret (aws-access-key, line 3)" -> "holds a
    secret"), so that files left out for the same reason are counted together."""
    return reason.split(" (", 1)[0].strip() or reason


def added_counts(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    """Counts by name added up, most frequent first (then by name)."""
    total: dict[str, int] = {}
    for part in counts:
        for key, count in part.items():
            total[key] = total.get(key, 0) + count
    return dict(sorted(total.items(), key=lambda item: (-item[1], item[0])))


def count_by(values: Iterable[str]) -> dict[str, int]:
    """How many times each value occurs, most frequent first (then by name)."""
    return added_counts({value: 1} for value in values)


def counts_text(counts: dict[str, int]) -> str:
    """{"hidden": 2, "may hold secrets": 1} -> "hidden 2, may hold secrets 1"."""
    return ", ".join(f"{reason} {count}" for reason, count in counts.items())


def redacted_text(redacted: dict[str, int], files: int) -> str:
    """{"api key": 2} in 1 file -> "2 secrets in 1 file (api key 2)"."""
    spans = sum(redacted.values())
    return (f"{spans} secret{'s' if spans != 1 else ''} in {files} file{'s' if files != 1 else ''} "
            f"({counts_text(redacted)})")


def left_out_lines(skipped_by_reason: dict[str, int], redacted: dict[str, int], redacted_files: int,
                   left_out_by_name: dict[str, int]) -> list[tuple[str, str]]:
    """(title, what) for what an indexing run or a watched folder left out or redacted, the same
    words wherever they are shown (the CLI's index and watch list, the app's indexing screen)."""
    lines = []
    if skipped_by_reason:
        lines.append(("skipped", counts_text(skipped_by_reason)))
    if redacted:
        lines.append(("redacted", redacted_text(redacted, redacted_files)))
    if left_out_by_name:
        lines.append(("left out by name", counts_text(left_out_by_name)))
    return lines


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did, for the summary line.

    `skipped_by_reason`: files looked at and left out (recorded, see `watch list`), by reason;
    `filtered`: names passed over while walking (hidden, may hold secrets, .gitignore...), by reason;
    `redacted`: secret spans replaced in what was stored, by kind, in `redacted_files` files."""

    files: int = 0
    chunks: int = 0
    skipped: int = 0
    errors: int = 0
    removed: int = 0
    error_messages: tuple[str, ...] = ()
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    filtered: dict[str, int] = field(default_factory=dict)
    redacted: dict[str, int] = field(default_factory=dict)
    redacted_files: int = 0


ROLES = ("user", "assistant", "other")  # who spoke a chat turn
# The chat exports `import chat` reads, as `--format` names them.
CHAT_EXPORT_FORMATS = ("chatgpt", "claude", "whatsapp", "telegram", "sms", "jsonl")
UNTITLED = "Untitled"
# How a conversation with an assistant app is named when imported, and read back for its title.
_ASSISTANT_CHAT = re.compile(r"^[^\W\d_][\w ]{0,19}: (?P<title>.+?) \(\d{4}-\d{2}-\d{2}\)$")


def assistant_chat_name(app: str, title: str, day: Optional[str]) -> str:
    """"ChatGPT: Trip to Lisbon (2023-07-06)": an assistant conversation's title and the day it began."""
    return f"{app}: {title or UNTITLED}" + (f" ({day})" if day else "")


def assistant_chat_title(name: str) -> str:
    """The title of a chat with an assistant app, by its name ("Lisbon trip" of "ChatGPT: Lisbon trip
    (2026-03-10)"); "" for any other conversation's name ("WhatsApp: Family 🏡" names who is in it)."""
    match = _ASSISTANT_CHAT.match(name)
    return match["title"] if match and match["title"] != UNTITLED else ""


@dataclass(frozen=True)
class Turn:
    conversation: str
    speaker: str
    text: str
    timestamp: float
    role: str = "user"
    external_id: Optional[str] = None
    # False: kept in the conversation log but not a searchable memory (e.g. an answer
    # second-me gave, which was itself derived from memories).
    remembered: bool = True
