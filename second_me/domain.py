"""Plain values shared by every layer. No behaviour beyond small conveniences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

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


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did, for the summary line."""

    files: int = 0
    chunks: int = 0
    skipped: int = 0
    errors: int = 0
    removed: int = 0
    error_messages: tuple[str, ...] = ()


ROLES = ("user", "assistant", "other")  # who spoke a chat turn


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
