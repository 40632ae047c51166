"""Follow-ups in a chat: each asked after the question it leans on, as the app and `ask` ask it, and
alone, as they were asked before follow-ups were read (text/follow_up.py).

Two small sets of notes, each with questions and a follow-up to each, the follow-ups written as people
type them ("and when?", "how much was it?", "who covers?") before any was asked. The first set was
then used to shape the rules (rows read and changed for); the second was asked once before its last
change ("it" for the thing asked about), which was shaped on it too: neither is held out any longer. A
reply is right when it contains the expected words. Built-in model by default; `--reader` uses the
reader extra. Real models, temporary homes, offline.

    python bench/follow_ups.py            # about 30 s
    python bench/follow_ups.py --reader   # about 12 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from second_me.config import load_settings  # noqa: E402
from second_me.domain import Asked  # noqa: E402

CAR_GARDEN_WORK = {
    "car.md": """# Car log: 2017 Honda Jazz

- 2025-03-14: MOT passed at Kwik Fit Headingley, advisory on rear tyres. £54.85.
- 2025-06-02: new rear tyres (Michelin CrossClimate 2), £212 for the pair.
- 2025-09-20: oil and filter change at 61,400 miles. Used 0W-20, 3.4 litres.
- 2025-11-08: wing mirror knocked off in the Sainsbury's car park. Replacement £138, fitted by Dave at Meanwood Motors.
- Insurance renews every 19 January, with Admiral. This year £486.
""",
    "garden.md": """# Garden plans 2026

The raised bed by the fence gets the most sun: tomatoes (Sungold and Black Krim) and basil there.
Potatoes go in the two grow bags by the shed, chitting from mid February, planting out around Easter.
The shady corner under the birch: ferns and hostas only, slugs ate everything else last year.
Sow sweet peas indoors in October; plant out in April against the trellis.
Compost bin needs turning every three weeks. Don't put cooked food in it (rats in 2024).
""",
    "one-on-ones.md": """# 1:1s with Priya (manager)

## 2026-01-12
- Agreed I take over the billing migration from Tom when he goes on paternity leave in March.
- Priya wants a design doc for the invoice service by 30 January.
- Asked about the senior promotion: she says the next review cycle is in June, and I need a project I lead end to end.

## 2026-02-09
- Design doc approved with two changes: keep the old webhook for 6 months, and use Postgres not DynamoDB.
- Training budget: £1,500 a year. I want to spend it on the Kafka course.
- Priya is away 16–27 February; Marcus covers.
""",
}
CAR_GARDEN_WORK_ASKED = [
    ("When does my car insurance renew?", "and how much was it?", "486"),
    ("How much were the new rear tyres?", "and when?", "2025-06-02"),
    ("Which tyres did I put on the rear?", "how much?", "212"),
    ("When was the oil changed?", "at what mileage?", "61,400"),
    ("What oil did I use?", "how much?", "3.4"),
    ("Who fitted the replacement wing mirror?", "and how much did it cost?", "138"),
    ("Where did the MOT happen?", "and when?", "2025-03-14"),
    ("What goes in the raised bed?", "and in the shady corner?", "ferns"),
    ("When do I sow sweet peas?", "and when do they go out?", "April"),
    ("When is the invoice service design doc due?", "who asked for it?", "Priya"),
    ("How much is my training budget?", "and what do I want to spend it on?", "Kafka"),
    ("When is Priya away?", "who covers?", "Marcus"),
    ("What did Priya say about the senior promotion?", "and when is the next review?", "June"),
    ("When did I get new rear tyres?", "and the oil change?", "2025-09-20"),
    ("How often does the compost bin need turning?", "what about the sweet peas, when do I sow them?", "October"),
    ("What did Priya ask for in the design doc?", "how long do we keep the old webhook?", "6 months"),
]
HOME_HEALTH = {
    "home.md": """# Home

- Boiler: Worcester Bosch 30i, serviced every October by Gas Safe engineer Callum (07700 900123). Last service 2025-10-14, £95.
- Bins: black bin Tuesdays, green recycling every other Friday.
- WiFi router is in the hallway cupboard; the password is on the sticker underneath.
- Stopcock under the kitchen sink; turn clockwise to close.
- Council tax band C, £1,842 for 2025/26, paid by direct debit on the 1st.
""",
    "health.md": """# Health

- GP: Dr Okafor at Meadow Lane Surgery. Repeat prescriptions through the NHS app.
- Sertraline 50 mg every morning since March 2025.
- Allergic to penicillin (rash, 2019).
- Dentist: Smile Studio on King Street, check-up every 6 months; last one 2025-11-03, one small filling, £65.
- Physio for the left shoulder with Hannah, Thursdays 5pm, six sessions from 2025-09-04.
""",
}
HOME_HEALTH_ASKED = [
    ("Who services the boiler?", "and when was the last service?", "2025-10-14"),
    ("When was the boiler last serviced?", "how much was it?", "95"),
    ("Which day is the black bin collected?", "and the green one?", "Friday"),
    ("Where is the stopcock?", "which way do I turn it to close it?", "clockwise"),
    ("What council tax band are we?", "how much is it this year?", "1,842"),
    ("Who is my GP?", "at which surgery?", "Meadow Lane"),
    ("What dose of sertraline do I take?", "since when?", "March 2025"),
    ("What am I allergic to?", "what happened?", "rash"),
    ("Where is my dentist?", "when was my last check-up?", "2025-11-03"),
    ("When was my last dentist check-up?", "and what did it cost?", "65"),
    ("Who is my physio?", "what day?", "Thursday"),
    ("How many physio sessions do I have?", "starting when?", "2025-09-04"),
    ("What's the boiler model?", "and the engineer's number?", "07700"),
    ("Where's the wifi password?", "and the router?", "hallway"),
]
SETS = {"car-garden-work": (CAR_GARDEN_WORK, CAR_GARDEN_WORK_ASKED), "home-health": (HOME_HEALTH, HOME_HEALTH_ASKED)}


def run_set(notes: dict[str, str], asked: list[tuple[str, str, str]], reader: bool, show: bool) -> tuple[int, int]:
    """How many follow-ups are answered right after their question, and alone."""
    from second_me.services import Services

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "notes"
        folder.mkdir()
        for name, text in notes.items():
            (folder / name).write_text(text, encoding="utf-8")
        settings = replace(load_settings(Path(scratch) / "home", environ={}),
                           chat_model="reader" if reader else "builtin")
        os.environ.setdefault("SECOND_ME_PASSPHRASE", "bench")  # a temporary home's key
        services = Services.open(settings)
        try:
            services.indexing.add([folder])
            after = alone = 0
            for first, follow, expected in asked:
                before = services.answering.ask(first, remember=False)
                leaning = [Asked(first, tuple(hit.memory.id for hit in before.citations))]
                followed = services.answering.ask(follow, remember=False, earlier=leaning)
                single = services.answering.ask(follow, remember=False)
                right = [expected.lower() in answer.text.lower() for answer in (followed, single)]
                after, alone = after + right[0], alone + right[1]
                if show:
                    print(f"  {'+' if right[0] else '-'}{'+' if right[1] else '-'} {first!r} → {follow!r}"
                          f" as {followed.asked_as or 'asked'!r}")
        finally:
            services.close()
    return after, alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reader", action="store_true", help="answer with the reader extra")
    parser.add_argument("--show", action="store_true", help="print each follow-up: right after its question / alone")
    args = parser.parse_args()
    print(f"{'set':<18}{'n':>4}{'after its question':>20}{'alone':>8}")
    for name, (notes, asked) in SETS.items():
        after, alone = run_set(notes, asked, args.reader, args.show)
        print(f"{name:<18}{len(asked):>4}{after:>20}{alone:>8}")


if __name__ == "__main__":
    main()
