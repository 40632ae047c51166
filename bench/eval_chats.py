"""Chats between friends, written as a script, laid out as a benchmark file (README, "Benchmark").

The script is plain text, one message a line; each session is a conversation of its own:

    == 2023-03-05 19:04 | chat with Sam    a session: its first message is sent then
    N: hey stranger!!                      a message by the person coded N
    S#ankle: sprained my ankle last night   `#key` names the message for the questions
    S@07:05: sorry, fell asleep            sent at 07:05 (the next day if that time has passed)
      and a second line                    two leading spaces: the message goes on, on a new line
    # a comment

Every other message follows the one before after a pause that grows with its length, so each
has its own realistic timestamp; a session never runs past midnight unless a message says when.

Questions name their evidence by key. A when-question's gold answer is computed, never typed:
`When("last Saturday")` is the date that expression means in the evidence message, counted
from that message's own date (`resolve`). Deterministic: the same script and seed give the
same file, byte for byte.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Optional, Union

from bench.eval_history import write_rows

HEADER = re.compile(r"^== (\d{4}-\d\d-\d\d) (\d\d:\d\d) \| (.+)$")
LINE = re.compile(r"^(?P<who>[A-Z])(?:#(?P<key>\w+))?(?:@(?P<at>\d\d:\d\d))?: (?P<text>.+)$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Message:
    id: str
    session: int
    conversation: str
    speaker: str
    role: str
    text: str
    moment: datetime
    key: Optional[str]


@dataclass(frozen=True)
class When:
    """The date a relative expression in a message means. `future`: "on Thursday" is the next one,
    not the last; `plus_days`: a day counted from it ("on the Sunday" of "last weekend")."""
    phrase: str
    future: bool = False
    plus_days: int = 0


@dataclass(frozen=True)
class Ask:
    """A question: `answer` is a short gold answer, a `When`, or None (memory has no answer)."""
    ability: str
    question: str
    answer: Union[str, When, None]
    evidence: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    actually: Optional[str] = None  # who really did what the question pins on someone else


# The kinds of question a chat benchmark asks (README, "Benchmark").
IE, GATHER, WHEN_, UPDATE = "information-extraction", "gathering", "temporal", "knowledge-update"
PHOTO, INFER, MULTI, WHO, NONE = "photo", "inference", "multi-session", "attribution", "abstention"


def ask(ability: str, question: str, answer, *evidence: str, aliases=(), actually=None) -> Ask:
    return Ask(ability, question, answer, evidence, tuple(aliases), actually)


def build_rows(script: Path, people: dict[str, tuple[str, str]], seed: int, asks: list[Ask], now: str) -> list[dict]:
    """A benchmark's rows from its script file and its questions."""
    return rows(parse(script.read_text(encoding="utf-8"), people, seed), asks, now)


def generator(script: Path, people: dict[str, tuple[str, str]], seed: int, asks: list[Ask], now: str,
              out: Path) -> tuple[Callable[[], list[dict]], Callable[[], None]]:
    """A chat benchmark generator's `build` (its rows, which the tests compare with the shipped file)
    and `main` (write them to `out`)."""
    def build() -> list[dict]:
        return build_rows(script, people, seed, asks, now)

    def main() -> None:
        write_rows(build(), out)

    return build, main


def parse(script: str, people: dict[str, tuple[str, str]], seed: int) -> list[Message]:
    """The script's messages with ids and timestamps; `people` maps a code to (name, role)."""
    rng = random.Random(seed)
    messages: list[Message] = []
    session, conversation, moment, day = 0, "", None, None
    pending: list[dict] = []

    def flush() -> None:
        for item in pending:
            messages.append(Message(f"t{len(messages) + 1:04d}", session, conversation, *item["who"],
                                    item["text"], item["moment"], item["key"]))
        pending.clear()

    for number, raw in enumerate(script.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        header = HEADER.match(raw)
        if header:
            flush()
            day_text, clock, title = header.groups()
            session += 1
            conversation = f"{title} {day_text}"
            moment = datetime.fromisoformat(f"{day_text}T{clock}").replace(second=rng.randint(0, 59),
                                                                         tzinfo=timezone.utc)
            day, first = moment.date(), True
            continue
        if raw.startswith("  ") and pending:
            pending[-1]["text"] += "\n" + raw.strip()
            continue
        line = LINE.match(raw)
        if not line or moment is None or line["who"] not in people:
            raise ValueError(f"script line {number}: not a message: {raw!r}")
        if line["at"]:
            hour, minute = map(int, line["at"].split(":"))
            sent = moment.replace(hour=hour, minute=minute, second=rng.randint(0, 59))
            moment = sent if sent > moment else sent + timedelta(days=1)
            day = moment.date()
        elif not first:
            pause = rng.randint(8, 75) + len(line["text"]) // 4
            if rng.random() < 0.08:
                pause += rng.randint(180, 1500)  # away for a while
            moment += timedelta(seconds=pause)
            if moment.date() != day:
                raise ValueError(f"script line {number}: the session runs past midnight; say when with @HH:MM")
        first = False
        pending.append({"who": people[line["who"]], "text": line["text"], "moment": moment, "key": line["key"]})
    flush()
    keys = [m.key for m in messages if m.key]
    if len(keys) != len(set(keys)):
        raise ValueError("a key names two messages: " + ", ".join(sorted({k for k in keys if keys.count(k) > 1})))
    return messages


def resolve(when: When, day: date) -> str:
    """The date `when.phrase` means when said on `day`: "2023-07-05", or "2023-07" / "2023" for a month or year."""
    phrase = when.phrase.lower()
    words = phrase.split()
    monday = day - timedelta(days=day.weekday())
    if phrase in ("today", "this morning", "tonight"):
        found = day
    elif phrase in ("yesterday", "last night"):
        found = day - timedelta(days=1)
    elif len(words) == 3 and words[1:] == ["days", "ago"]:
        found = day - timedelta(days=NUMBERS[words[0]])
    elif len(words) == 2 and words[1] in WEEKDAYS and words[0] in ("on", "last", "next"):
        target = WEEKDAYS.index(words[1])
        if words[0] == "next" or when.future:
            found = day + timedelta(days=(target - day.weekday() - 1) % 7 + 1)
        else:
            found = day - timedelta(days=(day.weekday() - target - 1) % 7 + 1)
    elif phrase == "last weekend":  # the Saturday of the weekend before this week's
        found = monday - timedelta(days=2)
    elif phrase == "two weekends ago":
        found = monday - timedelta(days=9)
    elif phrase in ("next month", "last month"):
        step = 1 if words[0] == "next" else -1
        index = day.year * 12 + day.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    elif phrase in ("next year", "last year"):
        return str(day.year + (1 if words[0] == "next" else -1))
    elif len(words) == 2 and words[0] == "next" and words[1].capitalize() in MONTHS:
        month = MONTHS.index(words[1].capitalize()) + 1
        return f"{day.year + (1 if month <= day.month else 0):04d}-{month:02d}"
    else:
        raise ValueError(f"no rule for {when.phrase!r}")
    return (found + timedelta(days=when.plus_days)).isoformat()


def date_aliases(gold: str) -> list[str]:
    """Other ways a right reply may write a resolved date: "5 July", "July 5th"; "July 2023", "July"."""
    parts = [int(p) for p in gold.split("-")]
    if len(parts) == 3:
        month, number = MONTHS[parts[1] - 1], parts[2]
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return [f"{number} {month}", f"{month} {number}", f"{number}{suffix} {month}", f"{month} {number}{suffix}"]
    if len(parts) == 2:
        return [f"{MONTHS[parts[1] - 1]} {parts[0]}", MONTHS[parts[1] - 1]]
    return []


def rows(messages: list[Message], asks: list[Ask], now: str) -> list[dict]:
    """Turn rows, then question rows with evidence keys resolved to turn ids and dates computed."""
    by_key = {m.key: m for m in messages if m.key}
    out = [{"type": "turn", "conversation": m.conversation, "speaker": m.speaker, "role": m.role, "text": m.text,
            "timestamp": m.moment.isoformat(), "id": m.id} for m in messages]
    for number, ask in enumerate(asks, start=1):
        missing = [key for key in ask.evidence if key not in by_key]
        if missing:
            raise ValueError(f"{ask.question!r}: no message named {', '.join(missing)}")
        answer, aliases = ask.answer, list(ask.aliases)
        if isinstance(answer, When):
            said = by_key[ask.evidence[0]]
            if answer.phrase.lower() not in said.text.lower():
                raise ValueError(f"{ask.question!r}: {answer.phrase!r} is not in {said.key}")
            answer = resolve(answer, said.moment.date())
            aliases = date_aliases(answer) + aliases
        row = {"type": "question", "id": f"q{number:03d}", "ability": ask.ability, "question": ask.question,
               "answer": answer, "evidence": [by_key[key].id for key in ask.evidence], "now": now}
        if aliases:
            row["aliases"] = aliases
        if ask.actually:
            row["actually"] = ask.actually
        out.append(row)
    return out
