"""Generate second-me's benchmark of everyday requests over notes, deterministically.

    python bench/make_eval_everyday.py    # writes second_me/data/eval/everyday-benchmark.jsonl

Fifteen notes files one person keeps (`bench/data/everyday-notes/`: recipes, two trips, meeting
and project notes, a reading list, the home backup, house and car maintenance, health notes,
a laptop comparison, balcony plants, a tax checklist, Spanish class), and what people ask
their notes: summaries, how-tos, lists, comparisons, drafts, plain questions, with capitalised
imperative verbs. Every "request" is answerable and must not be refused; its gold answer is the
key fact a right reply contains. The "abstention" ones look like requests but no note holds
the answer. Run it with `second-me eval --dataset everyday`.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402

ROOT = Path(__file__).resolve().parent
NOTES = ROOT / "data" / "everyday-notes"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "everyday-benchmark.jsonl"
NOW = "2024-06-01T09:00:00+00:00"  # every request is made at this moment (a Saturday morning)

# When each note was last edited (its file time).
EDITED = {
    "car/octavia.md": "2024-02-09", "finance/tax-2023-24.md": "2024-05-02", "garden/balcony.md": "2024-05-18",
    "health/notes.md": "2024-04-16", "home/backup.md": "2024-05-05", "home/house.md": "2023-11-19",
    "learning/spanish.md": "2024-04-09", "reading-list.md": "2024-05-12", "recipes/sourdough.md": "2024-03-02",
    "recipes/weeknight.md": "2023-11-05", "tech/laptops.md": "2024-04-27", "trips/lisbon-2023.md": "2023-10-17",
    "trips/skye-2024.md": "2024-05-28", "work/2024-03-12-budget-meeting.md": "2024-03-12",
    "work/atlas.md": "2024-05-20",
}

BREAD, WEEKNIGHT = "recipes/sourdough.md", "recipes/weeknight.md"
LISBON, SKYE = "trips/lisbon-2023.md", "trips/skye-2024.md"
BUDGET, ATLAS, BOOKS, BACKUP = "work/2024-03-12-budget-meeting.md", "work/atlas.md", "reading-list.md", "home/backup.md"
HOUSE, CAR, HEALTH, LAPTOPS = "home/house.md", "car/octavia.md", "health/notes.md", "tech/laptops.md"
BALCONY, TAX, SPANISH = "garden/balcony.md", "finance/tax-2023-24.md", "learning/spanish.md"

# (request, gold answer, note, other acceptable forms of the answer)
REQUESTS = [
    ("Summarize my sourdough notes", "16 to 18 hours", BREAD, []),
    ("Outline the steps of my sourdough schedule", "5 to 6 hours", BREAD, []),
    ("How long does the loaf bake with the lid on?", "20 minutes", BREAD, []),
    ("What hydration is my sourdough dough?", "75 %", BREAD, []),
    ("Why did loaf 19 come out flat?", "7 hours", BREAD, ["heatwave"]),
    ("Explain in detail how I set up the backup", "restic", BACKUP, []),
    ("Show me the command to restore a folder from the backup", "restore latest", BACKUP, []),
    ("When does the nightly backup run?", "02:30", BACKUP, ["2:30"]),
    ("How much does the backup cost a month?", "$1.80", BACKUP, ["1.80"]),
    ("How often do I test the backup?", "first Sunday", BACKUP, []),
    ("Where did I put the restic password?", "1Password", BACKUP, []),
    ("List the books I want to read", "Middlemarch", BOOKS, []),
    ("Which book am I reading at the moment?", "Demon Copperhead", BOOKS, []),
    ("what's the best book I've read this year", "The Bee Sting", BOOKS, []),
    ("Compare the two laptops I looked at", "32 GB", LAPTOPS, []),
    ("Which laptop did I go for, and why?", "ThinkPad", LAPTOPS, []),
    ("Which of the laptops has the better battery?", "MacBook Air", LAPTOPS, ["Air"]),
    ("What did Karl say about the budget?", "€40k", BUDGET, ["40,000", "40 000"]),
    ("Summarize the meeting with Karl", "€40k", BUDGET, ["40,000", "40 000"]),
    ("What are my action items from the budget meeting?", "one-pager", BUDGET, []),
    ("When does Sofia have to send the revised forecast?", "15 March", BUDGET, ["March 15"]),
    ("Why is our cloud spend up?", "idle staging clusters", BUDGET, []),
    ("Draft a short email to Karl about the observability licence", "logging contract", BUDGET, []),
    ("Give me an overview of Project Atlas", "Postgres 16", ATLAS, []),
    ("When is the Atlas cutover?", "22–23 June", ATLAS, ["June 22"]),
    ("What are the risks on Atlas?", "backfill", ATLAS, []),
    ("Who's writing the reconciliation job?", "Deniz", ATLAS, []),
    ("Write a short packing list for the Skye trip", "midge net", SKYE, []),
    ("Which walks did I plan on Skye?", "Quiraing", SKYE, []),
    ("Where are we staying on Skye?", "Portree", SKYE, []),
    ("What were the highlights of the Lisbon trip?", "Quinta da Regaleira", LISBON, ["initiation well"]),
    ("How much did Lisbon cost us in total?", "€1,236", LISBON, ["1236"]),
    ("What would I do differently next time in Lisbon?", "Baixa", LISBON, []),
    ("Where did we stay in Lisbon?", "Graça", LISBON, []),
    ("Tell me how to make the miso salmon", "12 minutes", WEEKNIGHT, []),
    ("Write a shopping list for the dal", "red lentils", WEEKNIGHT, []),
    ("how do I bleed the radiators", "quarter turn", HOUSE, []),
    ("What do I do if the boiler pressure drops?", "1.5 bar", HOUSE, []),
    ("Who services the boiler?", "Phil Grant", HOUSE, ["Phil"]),
    ("Remind me when to change the smoke alarm batteries", "January", HOUSE, []),
    ("What tyre pressures does the car need?", "2.3 bar", CAR, []),
    ("Make a checklist for the car before the drive to Skye", "coolant", CAR, []),
    ("When is the car's next MOT?", "2024-11-30", CAR, ["30 November"]),
    ("Give me my knee exercises", "clamshells", HEALTH, []),
    ("Summarize my health notes", "ferritin", HEALTH, []),
    ("Remind me which hay fever tablets work for me", "cetirizine", HEALTH, []),
    ("What did my last ferritin test show?", "41", HEALTH, []),
    ("What do I still need for my tax return?", "letting agent", TAX, []),
    ("When is the self-assessment deadline?", "31 January 2025", TAX, ["31 January"]),
    ("How do the balcony plants get watered when I'm away?", "Lindqvist", BALCONY, ["spikes"]),
    ("When is my Spanish class?", "Tuesdays", SPANISH, ["Tuesday"]),
    ("Explain ser and estar from my Spanish notes", "estar", SPANISH, []),
]

# Requests no note can answer: the right reply says so.
UNANSWERABLE = [
    "Summarize my notes on the Berlin marathon",
    "Explain how I set up the home VPN",
    "Write a packing list for the Japan trip",
    "Give me my lasagne recipe",
    "Compare the two cars I test drove",
    "What did Karl say about hiring?",
    "How do I descale the coffee machine?",
    "Summarize the meeting with the landlord",
    "List the films I want to watch",
    "What dose of ibuprofen did the physio recommend?",
    "When does the dishwasher warranty run out?",
    "Explain how I set up the printer",
]


def build() -> list[dict]:
    rows: list[dict] = []
    paths = sorted(p.relative_to(NOTES).as_posix() for p in NOTES.rglob("*.md"))
    if set(paths) != set(EDITED):
        raise ValueError(f"notes and edit dates disagree: {sorted(set(paths) ^ set(EDITED))}")
    for path in paths:
        edited = datetime.fromisoformat(EDITED[path]).replace(hour=12, tzinfo=timezone.utc)
        rows.append({"type": "note", "path": path, "text": (NOTES / path).read_text(encoding="utf-8"),
                     "timestamp": edited.isoformat()})
    asks = [("request", text, answer, [f"note:{path}"], aliases) for text, answer, path, aliases in REQUESTS]
    asks += [("abstention", text, None, [], []) for text in UNANSWERABLE]
    for number, (ability, text, answer, evidence, aliases) in enumerate(asks, start=1):
        if answer is not None and answer.lower() not in (NOTES / evidence[0][5:]).read_text(encoding="utf-8").lower():
            raise ValueError(f"{text!r}: {answer!r} is not in {evidence[0]}")
        row = {"type": "question", "id": f"q{number:03d}", "ability": ability, "question": text, "answer": answer,
               "evidence": evidence, "now": NOW}
        if aliases:
            row["aliases"] = aliases
        rows.append(row)
    return rows


def main() -> None:
    eval_history.write_rows(build(), OUT)


if __name__ == "__main__":
    main()
