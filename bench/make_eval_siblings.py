"""Generate second-me's benchmark of a sister and brother texting, deterministically.

    python bench/make_eval_siblings.py    # writes second_me/data/eval/siblings-benchmark.jsonl

Priya (the user, a software tester in Manchester) and her brother Dev (a PhD student in
Edinburgh, then a research assistant in Oban) text from January to June 2024 in 13 sessions,
once in a family chat with their mum (`bench/data/siblings-chats.txt`). Written, script and
questions together, after the rules and prompts of 2026-12-02 were set and before anything was
measured on it: the first figures on it are held out. Its questions are of the friends set's
kinds (`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`). Run it with
`second-me eval --dataset siblings`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "siblings-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "siblings-benchmark.jsonl"
PEOPLE = {"P": ("Priya", "user"), "D": ("Dev", "other"), "M": ("Mum", "other")}
SEED = 20240630
NOW = "2024-06-30T19:00:00+00:00"  # every question is asked at this moment (a Sunday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "What is Dev's thesis about?", "octopus", "dev_thesis", aliases=["octopuses", "camouflage"]),
    ask(IE, "Who is Dev's supervisor?", "Fenwick", "supervisor"),
    ask(IE, "What instrument does Dev's flatmate play?", "bagpipes", "callum"),
    ask(IE, "Which part of Manchester is my new flat in?", "Chorlton", "flat"),
    ask(IE, "How much is the rent on my new flat?", "£950", "rent", aliases=["950"]),
    ask(IE, "What's my cat called?", "Mango", "cat"),
    ask(IE, "Where did I adopt my cat from?", "Cats Protection", "cat_adopt"),
    ask(IE, "Which restaurant was Mum's 60th party at?", "Saffron Lounge", "venue_idea", "booked"),
    ask(IE, "What kind of cake did Dev bring to Mum's party?", "carrot", "cake"),
    ask(IE, "How many people was Mum's party booked for?", "40", "booked"),
    ask(IE, "What's the octopus in Dev's lab called?", "Inky", "inky"),
    ask(IE, "What did Mango swallow?", "hair tie", "vet"),
    ask(IE, "How much was Mango's vet bill?", "£210", "vet", aliases=["210"]),
    ask(IE, "Which mountain did I climb in the Lake District?", "Helvellyn", "lakes"),
    ask(IE, "Who did I go to the Lake District with?", "Marcus", "marcus"),
    ask(IE, "How long was Dev's Lisbon talk?", "12 minutes", "poster", aliases=["12"]),
    ask(IE, "Which bakery did the cake for Mum's party come from?", "Lovecrumbs", "cake"),
    ask(IE, "Which parkrun did I do my first 5k at?", "Wythenshawe", "first5k"),
    ask(IE, "How many pages is Dev's thesis?", "212", "submitted"),
    # everything of a kind, across sessions
    ask(GATHER, "Where has Dev travelled for work this year?", "Lisbon", "lisbon_conf", "talk", "interview"),
    ask(GATHER, "What trouble has Mango caused?", "hair tie", "mango_plant", "vet"),
    ask(GATHER, "What noisy neighbours or flatmates have we had?", "bagpipes", "callum", "drums"),
    ask(GATHER, "What running goals have I reached this year?", "5k", "first5k", "tenk", "long_run"),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did I start Couch to 5k?", When("yesterday"), "c25k"),
    ask(WHEN_, "When did Dev pass his annual review?", When("on Thursday"), "review"),
    ask(WHEN_, "When did I move into the Chorlton flat?", When("last weekend"), "moved"),
    ask(WHEN_, "When did Dev hurt his wrist?", When("three days ago"), "wrist"),
    ask(WHEN_, "When was Mum's knee operation?", When("next Monday"), "knee"),
    ask(WHEN_, "When did Dev give his talk in Lisbon?", When("on Tuesday"), "talk"),
    ask(WHEN_, "When did I run my first 5k?", When("this morning"), "first5k"),
    ask(WHEN_, "When did I find out I was promoted?", When("yesterday"), "promotion"),
    ask(WHEN_, "When was Mum's surprise party?", When("on Saturday"), "party"),
    ask(WHEN_, "When did SAMS ring Dev to offer him the job?", When("two days ago"), "job_call"),
    ask(WHEN_, "When did Dev hand his thesis in?", When("on Friday"), "submitted"),
    ask(WHEN_, "When did I go to the Lake District?", When("last weekend"), "lakes"),
    ask(WHEN_, "When is Dev's viva?", When("next month"), "viva"),
    ask(WHEN_, "When was Dev's interview in Oban?", When("on Thursday", future=True), "interview"),
    # the newest of several statements
    ask(UPDATE, "What's my 5k PB now?", "28:55", "first5k", "pb2"),
    ask(UPDATE, "Is the drummer still living upstairs?", "moved out", "drums", "drums_gone"),
    ask(UPDATE, "What job does Dev have now?", "research assistant", "dev_thesis", "job"),
    ask(UPDATE, "How far is my longest run now?", "16 km", "tenk", "long_run", aliases=["16"]),
    ask(UPDATE, "Is Dev's wrist better?", "fine", "wrist", "wrist_fine"),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour sari was Mum wearing at her party?", "green", "photo_party"),
    ask(PHOTO, "What was Inky hiding in, in the photo Dev sent?", "jar", "photo_octopus"),
    ask(PHOTO, "Where was Mango asleep in the photo I sent Dev?", "laundry basket", "photo_cat"),
    ask(PHOTO, "What was in the valley below Striding Edge in my photo?", "clouds", "photo_lakes"),
    # light reasoning over what was said
    ask(INFER, "Why did Callum stop playing the bagpipes in the flat?", "landlord", "bagpipes_ban"),
    ask(INFER, "Why was Mum walking with a stick?", "knee", "knee", "mum_walk"),
    ask(INFER, "Why is Dev moving to Oban?", "job", "job", aliases=["SAMS", "research assistant"]),
    # two facts combined
    ask(MULTI, "How much faster is my 5k PB than my first 5k?", "2:45", "first5k", "pb2",
        aliases=["2 minutes 45", "two minutes and 45"]),
    ask(MULTI, "How long after his interview did SAMS ring Dev with the job?", "8 days", "interview", "job_call",
        aliases=["eight days"]),
    # what one of them did, asked of the other
    ask(WHO, "What is Priya's thesis about?", None, "dev_thesis", actually="Dev"),
    ask(WHO, "When did I hurt my wrist?", None, "wrist", actually="Dev"),
    ask(WHO, "What's Dev's cat called?", None, "cat", actually="Priya"),
    ask(WHO, "Which half marathon has Dev signed up for?", None, "half", actually="Priya"),
    ask(WHO, "What was Dev promoted to?", None, "promotion", actually="Priya"),
    ask(WHO, "Where did Dev find a flat with a bay window?", None, "flat", actually="Priya"),
    # never said
    ask(NONE, "What does Marcus do for a living?", None),
    ask(NONE, "What breed is Dev's dog?", None),
    ask(NONE, "When is Priya's birthday?", None),
    ask(NONE, "How much did Dev's flight to Lisbon cost?", None),
    ask(NONE, "What's Callum's surname?", None),
    ask(NONE, "Which school did Mum teach at?", None),
    ask(NONE, "What is the name of Dev's seagrass project?", None),
    ask(NONE, "How much is the rent on Dev's Oban flat?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
