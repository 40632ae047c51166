"""Generate second-me's benchmark of questions that need arithmetic on dates, deterministically.

    python bench/make_eval_dates.py    # writes second_me/data/eval/dates-benchmark.jsonl

Ines (the user, a front-end developer in Porto) tells her assistant about her year, one short
chat a day with something in it, from September 2023 to October 2024; between the news, the
everyday questions people ask an assistant. Some news is told the day after ("yesterday I
finally passed my driving test"). Written, with its questions and gold answers, before any
rule that answers such questions existed, to show how those rules do on questions they were
not designed on.

The questions ask how long ago something happened, how long something has been going on,
which of two things came first, and how far apart two things were. Gold answers are computed
here from the dates the chats tell of, in one convention: under eight weeks in days (weeks
accepted when whole), else whole calendar months elapsed (years too from two years). Two
questions ask about things never said. Run it with `second-me eval --dataset dates`.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "second_me" / "data" / "eval" / "dates-benchmark.jsonl"
NOW = datetime(2024, 11, 15, 10, 0, tzinfo=timezone.utc)

# (key, day said, day it happened, what Ines said, what the assistant replied)
NEWS = [
    ("job", "2023-09-04", "2023-09-04", "Started my new job at Fieldwork Studio today, front-end developer. Nervous!",
     "Congratulations on the new job! First weeks are for listening."),
    ("cat", "2024-01-20", "2024-01-20", "We adopted a cat from the shelter today, a grey tabby we called Pixel.",
     "Pixel is a lovely name. Give her a quiet room for the first days."),
    ("pottery", "2024-02-11", "2024-02-11", "Signed up for pottery classes at Clay Corner, Tuesday evenings.",
     "That sounds relaxing. Enjoy getting your hands muddy."),
    ("driving", "2024-03-02", "2024-03-01", "Yesterday I finally passed my driving test, third time lucky!",
     "Well done! Third time lucky indeed."),
    ("flat", "2024-04-14", "2024-04-14", "Moved into the new flat on Rua Azul today. Boxes everywhere.",
     "Unpack the kettle first."),
    ("race", "2024-05-25", "2024-05-25", "Ran my first 10k race this morning in 58:40, legs are gone.",
     "A sub-hour first 10k is a great time."),
    ("flights", "2024-06-08", "2024-06-08", "Booked the flights to Tokyo for September, finally happening.",
     "Exciting! Autumn is a good season there."),
    ("nephew", "2024-07-03", "2024-07-02", "My sister Rita had her baby last night, a boy called Tomas!",
     "Congratulations, auntie Ines!"),
    ("japanese", "2024-08-19", "2024-08-19", "Started learning Japanese on Duolingo, fifteen minutes a day.",
     "Little and often is the way to learn a language."),
    ("landed", "2024-09-12", "2024-09-12", "Landed in Tokyo! The jet lag is real.",
     "Welcome to Japan. Stay up until evening if you can."),
    ("home", "2024-09-26", "2024-09-26", "Back home from Japan, already missing the konbini.",
     "Welcome back!"),
    ("quit", "2024-10-05", "2024-10-05", "I quit pottery, there is no time with the new project at work.",
     "You can always go back when things calm down."),
]
# Everyday questions between the news, with what the assistant answered.
CHATTER = [
    ("2023-10-02", "What's a quick recipe for miso soup?", "Dashi, a spoon of miso off the heat, tofu and spring onion."),
    ("2023-11-20", "How do I get candle wax out of a tablecloth?", "Freeze it, scrape it, then iron it between paper."),
    ("2024-01-05", "Suggest a good podcast about design.", "Try Design Matters with Debbie Millman."),
    ("2024-03-18", "How often should I water a snake plant?", "Every two to three weeks; let the soil dry out."),
    ("2024-05-02", "What's the difference between flex and grid in CSS?", "Flex lays out one direction, grid two."),
    ("2024-07-21", "How do I descale a kettle?", "Half water, half vinegar, boil, leave an hour, rinse well."),
    ("2024-10-22", "Give me a stretching routine after running.", "Calves, hamstrings, quads, hips: 30 seconds each."),
]


def _when(day: str, minute: int) -> str:
    return datetime.fromisoformat(day).replace(hour=19, minute=minute, tzinfo=timezone.utc).isoformat()


def _months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def span(start: date, end: date) -> tuple[str, list[str]]:
    """The gold answer for the time from `start` to `end`, and its other accepted forms."""
    days = (end - start).days
    if days < 56:
        aliases = [f"{days // 7} weeks"] if days % 7 == 0 and days >= 14 else []
        return f"{days} days", aliases
    months = _months_between(start, end)
    aliases = [f"{months // 12} years"] if months >= 24 else []
    return f"{months} months", aliases


def build() -> list[dict]:
    rows: list[dict] = []
    happened: dict[str, date] = {}
    turn_of: dict[str, str] = {}
    chats = [(said, "news", key, text, reply) for key, said, _, text, reply in NEWS]
    chats += [(said, "ask", "", text, reply) for said, text, reply in CHATTER]
    for number, (said, _, key, text, reply) in enumerate(sorted(chats), start=1):
        conversation = f"chat {said}"
        ines, assistant = f"t{2 * number - 1:04d}", f"t{2 * number:04d}"
        rows.append({"type": "turn", "conversation": conversation, "speaker": "Ines", "role": "user", "text": text,
                     "timestamp": _when(said, 5), "id": ines})
        rows.append({"type": "turn", "conversation": conversation, "speaker": "assistant", "role": "assistant",
                     "text": reply, "timestamp": _when(said, 6), "id": assistant})
        if key:
            turn_of[key] = ines
    for key, _, day, _, _ in NEWS:
        happened[key] = date.fromisoformat(day)
    today = NOW.date()

    def since(qid: str, question: str, key: str) -> dict:
        gold, aliases = span(happened[key], today)
        return _question(qid, question, gold, [turn_of[key]], aliases)

    def between(qid: str, question: str, first: str, second: str) -> dict:
        gold, aliases = span(happened[first], happened[second])
        return _question(qid, question, gold, [turn_of[first], turn_of[second]], aliases)

    def first_of(qid: str, question: str, one: str, other: str, names: dict[str, str]) -> dict:
        earlier = one if happened[one] < happened[other] else other
        return _question(qid, question, names[earlier], [turn_of[one], turn_of[other]])

    rows += [
        since("d01", "How long ago did we adopt Pixel?", "cat"),
        since("d02", "How long ago did I pass my driving test?", "driving"),
        since("d03", "How long have I been working at Fieldwork Studio?", "job"),
        since("d04", "How long have I been living on Rua Azul?", "flat"),
        since("d05", "How long have I been learning Japanese?", "japanese"),
        since("d06", "How long ago was my first 10k race?", "race"),
        first_of("d07", "Which came first: passing my driving test or moving into the new flat?", "driving", "flat",
                 {"driving": "driving test", "flat": "flat"}),
        first_of("d08", "Which came first, adopting Pixel or signing up for pottery?", "pottery", "cat",
                 {"cat": "Pixel", "pottery": "pottery"}),
        first_of("d09", "What happened first: Tomas being born or me starting Japanese?", "japanese", "nephew",
                 {"nephew": "Tomas", "japanese": "Japanese"}),
        between("d10", "How long was I in Japan?", "landed", "home"),
        between("d11", "How many days after booking the flights was my nephew born?", "flights", "nephew"),
        between("d12", "How long did I keep going to pottery before I quit?", "pottery", "quit"),
        between("d13", "How long after I started at Fieldwork Studio did we adopt Pixel?", "job", "cat"),
        _question("d14", "How long ago did I run the Lisbon marathon?", None, []),
        _question("d15", "Which came first, my trip to Iceland or the new flat?", None, []),
    ]
    return rows


def _question(qid: str, question: str, answer, evidence: list[str], aliases=()) -> dict:
    row = {"type": "question", "id": qid, "ability": "temporal" if answer is not None else "abstention",
           "question": question, "answer": answer, "evidence": evidence, "now": NOW.isoformat()}
    if aliases:
        row["aliases"] = list(aliases)
    return row


def main() -> None:
    eval_history.write_rows(build(), OUT)


if __name__ == "__main__":
    main()
