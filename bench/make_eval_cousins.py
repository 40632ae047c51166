"""Generate second-me's benchmark of two cousins texting across the world, deterministically.

    python bench/make_eval_cousins.py    # writes second_me/data/eval/cousins-benchmark.jsonl

Josie (the user, a medical laboratory scientist on night shifts in the blood bank at Dunedin
Hospital, New Zealand, who becomes a senior scientist in transfusion on days, 38 and then 39,
with her partner Tane, an arborist for the city council, a daughter of nine and then ten, Mila,
and a huntaway cross, Tui; her parents Glenys and Neville in Oamaru) and her cousin Ruben (30
and then 31, a PhD student in glaciology at ETH Zurich measuring the melt of the Gorner Glacier,
who lives with his partner Noemi, a sound engineer from Lugano; his parents Robyn and Graeme in
Nelson and his sister Ellie in Wellington) text one to one from April 2025 to January 2026 in
24 sessions, with no one else in the chat (`bench/data/cousins-chats.txt`). Both of them do
things (netball and penguin counts, ultimate frisbee, an alphorn and ski touring; a flat found
in Oerlikon with money lent and paid back in three parts, a family crib sold after a sale falls
through; a day job won, a thesis put back and a postdoc back home; a heat pump, a car, a bike
and a raclette grill; a dislocated finger, shingles, a concussion and Lyme disease; a dieting
dog, a shelter cat, a pacemaker, a new baby; Rarotonga, a glacier camp, Innsbruck and a trip home
moved from Christmas to February), so a question can pin one's doing on the other. Written,
script and questions together, before anything was measured on it. Its questions are of the
friends set's kinds (`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`). Run
it with `second-me eval --dataset cousins`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "cousins-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "cousins-benchmark.jsonl"
PEOPLE = {"J": ("Josie", "user"), "R": ("Ruben", "other")}
SEED = 20260124
NOW = "2026-01-24T19:00:00+00:00"  # every question is asked at this moment (a Saturday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "Which glacier is Ruben measuring for his PhD?", "the Gorner Glacier", "gorner",
        aliases=["Gorner Glacier", "Gorner", "the Gorner", "Gornergletscher"]),
    ask(IE, "what does Noemi do for work", "sound engineer at the Tonhalle", "noemi_job",
        aliases=["sound engineer", "a sound engineer", "Tonhalle", "sound engineer at a concert hall"]),
    ask(IE, "Where did Noemi grow up?", "Lugano", "noemi_lugano", aliases=["in Lugano", "Ticino"]),
    ask(IE, "What's Ruben's frisbee team called?", "the Hucking Cows", "frisbee", aliases=["Hucking Cows"]),
    ask(IE, "what breed is Tui", "a huntaway cross", "tui_weight",
        aliases=["huntaway cross", "huntaway", "a huntaway", "huntaway mix"]),
    ask(IE, "Where's the family crib that Dad sold?", "Moeraki", "crib_sale", aliases=["at Moeraki", "in Moeraki"]),
    ask(IE, "What does Tane do for a living?", "arborist", "tane_job",
        aliases=["an arborist", "arborist for the council", "tree surgeon", "climbs trees for the council",
                 "he climbs trees"]),
    ask(IE, "Which instrument did Mila pick for the school band?", "the cornet", "mila_band",
        aliases=["cornet", "a cornet"]),
    ask(IE, "What position do I play in netball?", "goal keep", "netball",
        aliases=["GK", "goalkeeper", "goal keeper", "keeper", "goalkeep"]),
    ask(IE, "How much did I lend Ruben for the flat?", "$4,000", "lend",
        aliases=["4,000", "4000", "$4000", "4,000 dollars", "four thousand dollars", "four thousand"]),
    ask(IE, "How much rent do Ruben and Noemi pay for the Oerlikon flat?", "2,380 francs a month", "rent",
        aliases=["2,380 francs", "CHF 2,380", "2,380", "2380", "2380 francs", "2,380 CHF"]),
    ask(IE, "How much did our heat pump cost?", "$3,200", "heat_pump",
        aliases=["3,200", "3200", "$3200", "3,200 dollars"]),
    ask(IE, "how much did Arlo weigh when he was born", "3.4 kg", "arlo", aliases=["3.4kg", "3.4", "3.4 kilos"]),
    ask(IE, "Where was Nana's 90th party held?", "the bowling club in Oamaru", "nana_90", "nana_party",
        aliases=["bowling club", "at the bowling club", "Oamaru bowling club", "the bowls club"]),
    ask(IE, "Who is Ruben's PhD supervisor?", "Professor Baumgartner", "supervisor",
        aliases=["Baumgartner", "Prof Baumgartner", "Prof. Baumgartner"]),
    ask(IE, "Where did Ruben and Noemi get Gnocchi from?", "the animal shelter in Zurich", "gnocchi",
        aliases=["animal shelter", "a shelter", "shelter", "Zurich animal shelter", "the shelter"]),
    ask(IE, "How did Ruben get his concussion?", "his head hit a teammate's going for a disc", "concussion",
        aliases=["teammate", "a teammate", "collided with a teammate", "clashed heads", "heads met",
                 "went for a disc", "frisbee", "playing frisbee"]),
    ask(IE, "What was the vet bill for Tui's tennis ball?", "$2,100", "tui_surgery",
        aliases=["2,100", "2100", "$2100", "2,100 dollars"]),
    ask(IE, "Where did Tane place at the tree climbing champs?", "4th", "tane_4th",
        aliases=["fourth", "4th out of 23", "fourth place", "4th place"]),
    ask(IE, "What did Uncle Graeme get from the port when he retired?", "a ship's bell", "graeme_retire",
        aliases=["ship's bell", "ships bell", "a bell", "bell"]),
    ask(IE, "Where did Ruben get food poisoning?", "Innsbruck", "food_poisoning",
        aliases=["in Innsbruck", "a kebab at the station", "the station", "kebab", "station in Innsbruck"]),
    ask(IE, "What did Mum have put in in July?", "a pacemaker", "pacemaker", aliases=["pacemaker"]),
    ask(IE, "Which university offered Ruben a postdoc?", "the University of Canterbury", "postdoc",
        aliases=["University of Canterbury", "Canterbury", "UC", "in Christchurch", "Christchurch"]),
    ask(IE, "Which beach do I count penguins at?", "Sandfly Bay", "penguins", aliases=["Sandfly"]),
    # everything of a kind, across sessions
    ask(GATHER, "What's been wrong with Ruben's health over the last year?", "a concussion", "concussion", "tick",
        "lyme", "food_poisoning",
        aliases=["concussion", "concussed", "Lyme", "Lyme disease", "tick bite", "a tick", "food poisoning",
                 "kebab"]),
    ask(GATHER, "what health stuff have I had in the past year", "a dislocated finger", "finger", "shingles", "tooth",
        aliases=["dislocated finger", "finger", "ring finger", "shingles", "wisdom tooth", "a wisdom tooth out"]),
    ask(GATHER, "What has Ruben bought in 2025?", "a road bike", "bike", "raclette", "ski",
        aliases=["road bike", "bike", "Colnago", "raclette grill", "a raclette grill", "raclette",
                 "ski touring skis", "skis"]),
    ask(GATHER, "What big things did we buy in 2025?", "a heat pump", "heat_pump", "car", "mila_bike",
        aliases=["heat pump", "a car", "car", "Outlander", "Mitsubishi Outlander", "mountain bike",
                 "a mountain bike", "bike"]),
    ask(GATHER, "How much has Ruben sent me each time he's paid me back?", "$1,500", "repay_1", "repay_2",
        "repay_3", aliases=["1,500", "1500", "$1500", "$1,000", "1,000", "1000", "$1000"]),
    ask(GATHER, "Where has Ruben been away to in the last year?", "the Gorner Glacier", "field_next", "glacier_camp",
        "field_done", "basel", "innsbruck_plan", "food_poisoning",
        aliases=["Gorner Glacier", "the glacier", "Zermatt", "Basel", "Innsbruck", "glacier camp"]),
    ask(GATHER, "Where did we go away to in 2025?", "the Catlins", "catlins", "nana_party", "raro_booked",
        "raro_back", "xmas_work",
        aliases=["Catlins", "Purakaunui Falls", "Rarotonga", "Raro", "Muri", "Oamaru"]),
    ask(GATHER, "what has Tui got up to since she went on her diet", "rolled in a dead seal", "tui_diet", "tui_seal",
        "tui_35", "tui_ball",
        aliases=["dead seal", "a seal", "swallowed a tennis ball", "tennis ball", "stole Mila's lunch",
                 "Mila's lunch", "ate the sticker", "sticker", "jumped the gate", "gate"]),
    ask(GATHER, "What has Gnocchi done since Ruben and Noemi got her?", "ate a hair tie", "gnocchi_photo",
        "gnocchi_vase", "gnocchi_hairtie", "snow_zurich",
        aliases=["hair tie", "knocked a vase off the shelf", "vase", "slept in a bike helmet", "helmet",
                 "attacked the window", "window"]),
    ask(GATHER, "What has Ruben taken up since April?", "the alphorn", "frisbee", "swiss_german", "alphorn",
        "alphorn_first", "ski",
        aliases=["alphorn", "alphorn lessons", "ultimate frisbee", "frisbee", "Swiss German", "ski touring"]),
    ask(GATHER, "What's happened in Ruben's family back home over the past year?", "Ellie had a baby", "ellie_due",
        "arlo", "graeme_retire", "robyn_next", "robyn_here",
        aliases=["Arlo", "a baby", "baby", "Graeme retired", "his dad retired", "retired", "his mum visited",
                 "Robyn visited", "visited Zurich"]),
    ask(GATHER, "What has Mila been up to since April?", "joined the school band", "mila_band", "chickenpox",
        "raro_photo", "mila_party", "mila_speech",
        aliases=["school band", "cornet", "chickenpox", "snorkelling", "turtle", "turned 10", "10th birthday",
                 "birthday party", "speech", "speech about Switzerland"]),
    ask(GATHER, "What has Noemi been up to since April?", "got a job with the Christchurch Symphony Orchestra",
        "move_next", "alphorn", "noemi_mahler", "noemi_yes",
        aliases=["Christchurch Symphony Orchestra", "a job in Christchurch", "alphorn lessons", "alphorn",
                 "recorded the opening concert", "Mahler", "moved in with Ruben", "moved", "Oerlikon"]),
    ask(GATHER, "What's been going on with Mum and Dad in the last year?", "Mum got a pacemaker", "nana_90",
        "crib_sale", "pacemaker", "crib_sold", "mum_check",
        aliases=["pacemaker", "sold the crib", "the crib", "crib", "Moeraki", "Nana's party", "party"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did Ruben get concussed?", When("on Saturday"), "concussion"),
    ask(WHEN_, "when did I dislocate my finger", When("last Tuesday"), "finger"),
    ask(WHEN_, "When was Nana's 90th party?", When("yesterday"), "nana_party"),
    ask(WHEN_, "What day did Ruben and Noemi move into the Oerlikon flat?", When("on Saturday", future=True),
        "move_next", "flat_photo"),
    ask(WHEN_, "When was my interview for the day job?", When("next Wednesday"), "interview_next",
        "interview_done"),
    ask(WHEN_, "When was Arlo born?", When("on Monday"), "arlo"),
    ask(WHEN_, "When is Ruben's birthday?", When("yesterday"), "birthday"),
    ask(WHEN_, "When did Mum get her pacemaker?", When("on Thursday"), "pacemaker"),
    ask(WHEN_, "What was my first day on day shifts?", When("yesterday"), "first_day"),
    ask(WHEN_, "When did we buy the Outlander?", When("on Saturday"), "car"),
    ask(WHEN_, "When was Ruben diagnosed with Lyme disease?", When("two days ago"), "lyme"),
    ask(WHEN_, "When did Ruben and Noemi get Gnocchi?", When("on Saturday"), "gnocchi"),
    ask(WHEN_, "When did Aunty Robyn get to Zurich?", When("on Tuesday", future=True), "robyn_next", "robyn_here"),
    ask(WHEN_, "what day did the crib sell", When("this morning"), "crib_sold"),
    ask(WHEN_, "When was Mila's 10th birthday party?", When("last weekend"), "mila_party"),
    ask(WHEN_, "When did my shingles come up?", When("three days ago"), "shingles"),
    ask(WHEN_, "When were the tree climbing champs Tane did?", When("two weekends ago"), "tane_4th"),
    ask(WHEN_, "Which month was Ruben's workshop in Innsbruck?", When("next month"), "innsbruck_next",
        "food_poisoning"),
    # the newest of several statements
    ask(UPDATE, "Where do Ruben and Noemi live now?", "Oerlikon", "wg", "flat_hunt", "flat_got", "move_next",
        aliases=["in Oerlikon", "a flat in Oerlikon", "Zurich Oerlikon", "Oerlikon, Zurich"]),
    ask(UPDATE, "When is Ruben's thesis due?", "the end of June 2026", "phd_year", "thesis_june",
        aliases=["end of June", "June", "June 2026", "June next year", "the end of June"]),
    ask(UPDATE, "How many chapters of his thesis has Ruben finished?", "4", "chapters_2", "chapters_3",
        "chapters_4", aliases=["four", "4 of 5", "4 out of 5", "four out of five", "4 chapters"]),
    ask(UPDATE, "When is Ruben getting here?", "14 February", "xmas_plan", "xmas_cancel", "feb_flights",
        aliases=["February 14", "14th of February", "February 14th", "Feb 14", "Valentine's Day", "14 Feb",
                 "February", "in February"]),
    ask(UPDATE, "What did the crib sell for in the end?", "$462,000", "crib_list", "crib_fell", "crib_relist",
        "crib_sold", aliases=["462,000", "462000", "$462000", "462k", "$462k"]),
    ask(UPDATE, "How heavy is Tui these days?", "33 kg", "tui_weight", "tui_diet", "tui_35", "tui_34", "tui_33",
        aliases=["33kg", "33 kilos", "33", "33 kilograms"]),
    ask(UPDATE, "What's my job at the hospital now?", "senior scientist in transfusion", "nights", "job_got",
        "first_day",
        aliases=["senior scientist", "transfusion", "senior scientist in the transfusion lab", "day shifts",
                 "on days"]),
    ask(UPDATE, "How much does Ruben still owe me?", "nothing", "lend", "repay_1", "repay_2", "repay_3",
        aliases=["none", "$0", "0", "zero", "paid it all back", "paid you back", "paid back in full", "in full",
                 "square", "owes you nothing"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour were the flowers on Ruben's balcony?", "red", "flat_photo",
        aliases=["red geraniums", "geraniums"]),
    ask(PHOTO, "What was Nana's 90th cake made to look like?", "a bowling green", "nana_cake",
        aliases=["bowling green", "a bowls green", "lawn bowls", "bowls", "green with bowls on top"]),
    ask(PHOTO, "what colour were the tents at Ruben's glacier camp", "orange", "glacier_camp",
        aliases=["orange tents", "three orange tents"]),
    ask(PHOTO, "What did Mila have on her head at Purakaunui Falls?", "a yellow beanie", "catlins_photo",
        aliases=["yellow beanie", "beanie", "yellow hat", "a yellow hat"]),
    ask(PHOTO, "Where was Gnocchi asleep in the photo Ruben sent?", "in a bicycle helmet", "gnocchi_photo",
        aliases=["bike helmet", "helmet", "bicycle helmet", "a blue bicycle helmet", "upturned blue bicycle helmet",
                 "in Ruben's helmet"]),
    ask(PHOTO, "What swam under Mila when she was snorkelling in Rarotonga?", "a green sea turtle", "raro_photo",
        aliases=["turtle", "a turtle", "sea turtle", "green turtle"]),
    # light reasoning over what was said
    ask(INFER, "Why is one of Ruben's glacier stakes called J?", "it's named after me, Josie", "stake_josie",
        aliases=["Josie", "after you", "named after you", "for you", "after me", "his cousin"]),
    ask(INFER, "Why did I decide to come off nights?", "Mila drew me asleep in bed in her family picture",
        "mila_drawing", "dayjob_think",
        aliases=["Mila's drawing", "drawing", "the drawing", "asleep in bed", "asleep", "picture",
                 "to see Mila"]),
    ask(INFER, "Why did Ruben need to borrow money off me?", "the flat's deposit was three months' rent",
        "deposit", "lend",
        aliases=["deposit", "the deposit", "rental deposit", "three months' rent", "three months rent",
                 "bond"]),
    ask(INFER, "Why isn't Ruben coming home for Christmas any more?",
        "his supervisor wants a full draft of the thesis by mid-January", "supervisor_draft", "xmas_cancel",
        aliases=["draft", "full draft", "the thesis", "thesis", "Baumgartner", "his supervisor",
                 "the numbers from the ice aren't finished"]),
    ask(INFER, "Why does Ruben carry a tick remover around?", "he got Lyme disease from a tick bite",
        "tick_remover", "lyme", "tick",
        aliases=["Lyme", "Lyme disease", "tick bite", "a tick", "he got bitten by a tick"]),
    # two facts combined
    ask(MULTI, "How much less than the first asking price did the crib go for?", "$33,000", "crib_list",
        "crib_sold", aliases=["33,000", "33000", "$33000", "33k", "$33k"]),
    ask(MULTI, "How much did Ruben still owe me after his second payment?", "$1,500", "lend", "repay_1",
        "repay_2", aliases=["1,500", "1500", "$1500", "1,500 dollars"]),
    ask(MULTI, "How much weight has Tui lost since the vet put her on a diet?", "5 kg", "tui_weight", "tui_33",
        aliases=["5kg", "5 kilos", "five kilos", "5 kilograms"]),
    ask(MULTI, "How many years older am I than Ruben?", "8", "birthday", "birthday_39",
        aliases=["eight", "8 years", "eight years"]),
    ask(MULTI, "How many more penguin nests were there this season than last?", "6", "hoiho_last", "hoiho_17",
        aliases=["six", "6 more", "six more"]),
    ask(MULTI, "How big was the deposit on Ruben and Noemi's flat?", "7,140 francs", "rent", "deposit",
        aliases=["7,140", "7140", "CHF 7,140", "7140 francs", "7,140 CHF"]),
    # what one of them did, asked of the other
    ask(WHO, "When did I get concussed playing frisbee?", None, "concussion", actually="Ruben"),
    ask(WHO, "When did I get Lyme disease?", None, "lyme", actually="Ruben"),
    ask(WHO, "Who booked my alphorn lessons?", None, "alphorn", actually="Ruben"),
    ask(WHO, "How many chapters of my thesis have I written?", None, "chapters_4", actually="Ruben"),
    ask(WHO, "When did Ruben dislocate his finger?", None, "finger", actually="Josie"),
    ask(WHO, "How much did Ruben pay for his Outlander?", None, "car", actually="Josie"),
    ask(WHO, "When did Ruben come down with shingles?", None, "shingles", actually="Josie"),
    ask(WHO, "What did Ruben's dog swallow?", None, "tui_ball", actually="Josie"),
    # never said
    ask(NONE, "What's Noemi's last name?", None),
    ask(NONE, "How much did Ruben's road bike cost?", None),
    ask(NONE, "What's the name of Mila's school?", None),
    ask(NONE, "How much were our flights to Rarotonga?", None),
    ask(NONE, "What's Ellie's partner called?", None),
    ask(NONE, "How much did Noemi pay for Ruben's alphorn lessons?", None),
    ask(NONE, "What breed is Gnocchi?", None),
    ask(NONE, "Who won the tree climbing champs Tane was in?", None),
    ask(NONE, "What was the score in Net Gains' grand final?", None),
    ask(NONE, "What street is Ruben and Noemi's flat on?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
