"""One person's chat history and notes, turned into a benchmark file (README, "Benchmark").

The `make_eval*.py` scripts each describe a life (scripted events, everyday chatter, notes,
questions); this module lays it out the same way for all of them: sessions on the events'
days and on chatter-only days in between, chatter around the events, an assistant reply to
each user turn, notes at noon, and questions with their evidence resolved to turn ids.
Deterministic: the same life and seed give the same file, byte for byte.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

ASSISTANT = "assistant"


@dataclass(frozen=True)
class Life:
    user: str
    seed: int
    first_day: str  # chatter-only sessions run from here, every few days...
    last_day: str  # ...until here
    gap_days: tuple[int, int]  # ...at random gaps in this range
    events: list  # (date, key, what the user says)
    assistant_events: list  # (date, key, user asks, assistant answers): the answer is the memory
    chatter: list  # everyday requests and remarks
    replies: list  # the assistant's everyday replies
    notes: dict  # path → (date, text)
    questions: list  # (ability, question, answer or None, evidence keys or "note:<path>")
    now: str  # when every question is asked


def _at(date: str, hour: int, minute: int = 0) -> datetime:
    return datetime.fromisoformat(date).replace(hour=hour, minute=minute, tzinfo=timezone.utc)


def build(life: Life) -> list[dict]:
    rng = random.Random(life.seed)
    assistant_keys = {key for _, key, _, _ in life.assistant_events}
    sessions: dict[str, list[tuple[str, str, str]]] = {}  # date → [(key, user text, reply)]
    for date, key, text in life.events:
        sessions.setdefault(date, []).append((key, text, rng.choice(life.replies)))
    for date, key, text, reply in life.assistant_events:
        sessions.setdefault(date, []).append((key, text, reply))
    # Chatter-only sessions on other days, and chatter around the events.
    day, last = _at(life.first_day, 0), _at(life.last_day, 0)
    while day < last:
        sessions.setdefault(day.date().isoformat(), [])
        day += timedelta(days=rng.randint(*life.gap_days))
    rows: list[dict] = []
    keys: dict[str, str] = {}
    turn_no = 0
    for date in sorted(sessions):
        lines = [(None, rng.choice(life.chatter), rng.choice(life.replies)) for _ in range(rng.randint(1, 3))]
        for event in sessions[date]:
            lines.insert(rng.randint(0, len(lines)), event)
        moment = _at(date, rng.randint(8, 20), rng.randint(0, 59))
        for key, text, reply in lines:
            for speaker, role, said in ((life.user, "user", text), (ASSISTANT, "assistant", reply)):
                turn_no += 1
                turn_id = f"t{turn_no:04d}"
                if key and (role == "user") != (key in assistant_keys):
                    keys[key] = turn_id
                rows.append({"type": "turn", "conversation": f"chat {date}", "speaker": speaker, "role": role,
                             "text": said, "timestamp": moment.isoformat(), "id": turn_id})
                moment += timedelta(minutes=rng.randint(1, 4))
    for path, (date, text) in life.notes.items():
        rows.append({"type": "note", "path": path, "text": text, "timestamp": _at(date, 12).isoformat()})
    for number, (ability, question, answer, evidence) in enumerate(life.questions, start=1):
        ids = [e if e.startswith("note:") else keys[e] for e in evidence]
        rows.append({"type": "question", "id": f"q{number:03d}", "ability": ability, "question": question,
                     "answer": answer, "evidence": ids, "now": life.now})
    return rows


def write(life: Life, out: Path) -> None:
    write_rows(build(life), out)


def write_rows(rows: list[dict], out: Path) -> None:
    """One JSON object per line, UTF-8 kept as is; prints what was written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["type"]] = counts.get(row["type"], 0) + 1
    print(f"wrote {out.name}: " + ", ".join(f"{n} {kind}s" for kind, n in counts.items()))
