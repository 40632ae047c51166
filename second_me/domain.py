"""Plain values shared by every layer. No behaviour beyond small conveniences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

MEMORY_KINDS: tuple[str, ...] = ("chunk", "message", "fact", "summary", "portrait")


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
class ConversationOrigin:
    conversation: str
    external_id: Optional[str]
    speaker: str
    timestamp: str

    def as_json(self) -> dict:
        return {
            "conversation": self.conversation,
            "external_id": self.external_id,
            "speaker": self.speaker,
            "timestamp": self.timestamp,
        }

    def label(self) -> str:
        return f"{self.conversation} · {self.speaker} · {self.timestamp[:16].replace('T', ' ')}"


Origin = FileOrigin | ConversationOrigin | None


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

    def as_json(self) -> dict:
        from datetime import datetime, timezone

        created = datetime.fromtimestamp(self.memory.created_at, timezone.utc).isoformat()
        return {
            "id": self.memory.id,
            "kind": self.memory.kind,
            "text": self.memory.text,
            "score": round(self.score, 6),
            "created_at": created,
            "retention": round(self.retention, 4),
            "pinned": self.memory.pinned,
            "source": self.origin.as_json() if self.origin is not None else None,
        }

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

    def as_json(self) -> dict:
        return {"text": self.text, "memory_id": self.memory_id, "source": self.source}


@dataclass(frozen=True)
class Answer:
    text: str
    citations: tuple[Hit, ...] = field(default_factory=tuple)
    abstained: bool = False
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

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
        return {
            "answer": self.text,
            "citations": [hit.as_json() for hit in self.citations],
            "evidence": [item.as_json() for item in self.evidence],
            "abstained": self.abstained,
        }


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
