"""The benchmark's JSONL format (documented in README, "Benchmark"): one object per line.

    {"type": "turn", "conversation", "speaker", "text", "timestamp", "id", "role"?}   a chat turn
    {"type": "note", "path", "text", "timestamp"}                                      a notes file
    {"type": "question", "id", "ability", "question", "answer", "evidence", "now"?,
     "aliases"?, "actually"?}                                                          a question

`answer` is a short gold answer, or null when memory has no answer (the right reply is to
abstain). `evidence` lists turn ids and "note:<path>" for the memories that hold the answer.
`aliases` are other acceptable forms of the answer ("5 July" for "2023-07-05"); `actually`, on
a question that pins what one person did on another, names who really did it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from second_me.clock import parse_instant
from second_me.errors import InputRejected, NotFoundError

# LongMemEval's five, then what chats between friends and everyday asks of notes add: gathering
# (everything of a kind, across sessions), photo (only a shared photo's caption holds the answer),
# inference (light reasoning over what was said), request (summaries, how-tos, lists over notes:
# never to be refused), attribution (what one person did, asked about another: nothing to answer).
ABILITIES = ("information-extraction", "multi-session", "temporal", "knowledge-update", "gathering", "photo",
             "inference", "request", "attribution", "abstention")


@dataclass(frozen=True)
class Note:
    path: str
    text: str
    timestamp: float


@dataclass(frozen=True)
class Question:
    id: str
    ability: str
    question: str
    answer: Optional[str]
    evidence: tuple[str, ...]
    now: Optional[float]
    aliases: tuple[str, ...] = ()
    actually: Optional[str] = None

    @property
    def answerable(self) -> bool:
        return self.answer is not None


@dataclass(frozen=True)
class Dataset:
    name: str
    turns: tuple  # of memory.conversations.Turn
    notes: tuple[Note, ...]
    questions: tuple[Question, ...]


# Shipped datasets by name: Maya's (the default) and two more people, Noor and Doug, written
# apart from the abstention rules to show whether results carry over (bench/fit_abstention.py);
# then two friends chatting (Nina and Sam) and everyday asks of notes, written before any
# tuning on them; then questions that need arithmetic on dates (Ines), written before the
# rules that answer them; then a sister and brother texting (Priya and Dev), written after the
# rules of 2026-12-02 and before anything was measured on it. Then a group of flatmates (Leah,
# Kofi and Rosa) in a shared group chat and one to one, written before anything was measured on it.
# Then a couple apart (Owen in Glasgow, Mei in Halifax) texting one to one and now and then with
# Owen's sister Catriona, also written before anything was measured on it. Then Wanjiru, a quantity
# surveyor in Nairobi telling her assistant of a house built, a loan paid back in parts and a half
# marathon, with her notes, written before anything was measured on it. Then two former colleagues
# (Declan in Cork, Harriet in Rotterdam) texting one to one and now and then with their old workmate
# Orla, written before anything was measured on it. Then two people who met on a walking holiday
# (Bronwen, a midwife in Swansea, and Tariq, a bus driver in Leeds turned student paramedic) texting
# one to one for ten months, with no one else in the chat, written before anything was measured on it.
# Then Halvor, a ferry engineer in western Norway who retires to guide at a maritime museum, telling
# his assistant of an old boat restored, a new knee and a move to Bergen, with his notes, written
# before anything was measured on it. Then two former next-door neighbours (Marcel, a shop teacher in
# Winnipeg turned college carpentry instructor, and Lieve, a pianist who moved back to Belgium)
# texting one to one for ten months, with no one else in the chat, written before anything was
# measured on it. Then two cousins (Josie, a night-shift laboratory scientist in Dunedin who moves to
# days, and Ruben, a glaciology PhD student in Zurich) texting one to one for nine months, with no one
# else in the chat, written before anything was measured on it. Then two old bandmates (Dom, a drummer
# turned paramedic in Portland who moves to the helicopter, and Bea, the band's bass player and singer,
# a game sound designer in Osaka) texting one to one for eleven months, with no one else in the chat,
# written before anything was measured on it. Then Marisol, a veterinary nurse in Montevideo made head
# nurse, telling her assistant of migraines, a loan to her brother paid back in parts, drumming in a
# candombe comparsa and a move to Malvín, with her notes, written before anything was measured on it.
# Then two old classmates from architecture school (Zanele, an architect in Cape Town who buys a house
# in Muizenberg, and Hugo, back in Lyon, who starts his own practice and becomes a father) texting one
# to one for ten months, with no one else in the chat, written before anything was measured on it.
# Then a retired teacher and her former pupil (Elspeth, who taught chemistry in Aberdeen, and Callum,
# an emergency nurse in Auckland who becomes a charge nurse) texting one to one for ten months, with
# no one else in the chat, written before anything was measured on it.
PEOPLE = ("memory-benchmark", "noor", "doug")
BUILTIN = {"memory-benchmark": "memory-benchmark.jsonl", "noor": "noor-benchmark.jsonl", "doug": "doug-benchmark.jsonl",
           "friends": "friends-benchmark.jsonl", "everyday": "everyday-benchmark.jsonl",
           "dates": "dates-benchmark.jsonl", "siblings": "siblings-benchmark.jsonl",
           "flatmates": "flatmates-benchmark.jsonl", "couple": "couple-benchmark.jsonl",
           "wanjiru": "wanjiru-benchmark.jsonl", "colleagues": "colleagues-benchmark.jsonl",
           "penpals": "penpals-benchmark.jsonl", "halvor": "halvor-benchmark.jsonl",
           "neighbours": "neighbours-benchmark.jsonl", "cousins": "cousins-benchmark.jsonl",
           "bandmates": "bandmates-benchmark.jsonl", "marisol": "marisol-benchmark.jsonl",
           "classmates": "classmates-benchmark.jsonl", "teacher": "teacher-benchmark.jsonl"}


def builtin_path(name: str = "memory-benchmark") -> Path:
    return Path(str(resources.files("second_me") / "data" / "eval" / BUILTIN[name]))


def load_dataset(path: Path | None = None) -> Dataset:
    """A dataset file, or a built-in one by name; the default is the built-in benchmark."""
    from second_me.domain import ROLES, Turn

    if path is None:
        path = builtin_path()
    elif str(path) in BUILTIN and not path.exists():
        path = builtin_path(str(path))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise NotFoundError(f"no such dataset: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRejected(f"cannot read dataset {path}: {exc}") from None
    turns, notes, questions = [], [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            row = json.loads(line)
            kind = row["type"]
            if kind == "turn":
                role = row.get("role", "user")
                if role not in ROLES:
                    raise ValueError(f"role must be one of {', '.join(ROLES)}")
                turns.append(Turn(str(row["conversation"]), str(row["speaker"]), str(row["text"]),
                                  _time(row["timestamp"], where), role, str(row["id"])))
            elif kind == "note":
                notes.append(Note(str(row["path"]).lstrip("/"), str(row["text"]), _time(row["timestamp"], where)))
            elif kind == "question":
                ability = row["ability"]
                if ability not in ABILITIES:
                    raise ValueError(f"ability must be one of {', '.join(ABILITIES)}")
                answer = row.get("answer")
                actually = row.get("actually")
                questions.append(Question(str(row["id"]), ability, str(row["question"]),
                                          None if answer is None else str(answer), tuple(row.get("evidence") or ()),
                                          _time(row["now"], where) if row.get("now") else None,
                                          _strings(row.get("aliases"), "aliases"),
                                          None if actually is None else str(actually)))
            else:
                raise ValueError(f"unknown type {kind!r}")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            raise InputRejected(f"{where}: {detail}") from None
    if not questions:
        raise InputRejected(f"{path.name} has no questions")
    return Dataset(path.name, tuple(turns), tuple(notes), tuple(questions))


def _strings(value, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{field} must be a list of strings")
    return tuple(str(item) for item in value)


def _time(value, where: str) -> float:
    return parse_instant(str(value), f"timestamp in {where}").timestamp()
