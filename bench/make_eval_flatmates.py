"""Generate second-me's benchmark of three flatmates texting, deterministically.

    python bench/make_eval_flatmates.py    # writes second_me/data/eval/flatmates-benchmark.jsonl

Leah (the user, a graphic designer in Cardiff, then a UI designer at a games studio) and her
flatmates Kofi (a trainee accountant) and Rosa (a nurse from Bilbao) text from September 2024 to
March 2025 in 25 sessions: the flat's group chat, and Leah one to one with each of them
(`bench/data/flatmates-chats.txt`). Written, script and questions together, before anything was
measured on it. Its questions are of the friends set's kinds (`bench/make_eval_friends.py`), in
its format (`bench/eval_chats.py`). Run it with `second-me eval --dataset flatmates`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "flatmates-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "flatmates-benchmark.jsonl"
PEOPLE = {"L": ("Leah", "user"), "K": ("Kofi", "other"), "R": ("Rosa", "other")}
SEED = 20250323
NOW = "2025-03-23T19:00:00+00:00"  # every question is asked at this moment (a Sunday evening)

QUESTIONS = [
    # one fact, about any of the three
    ask(IE, "Which hospital does Rosa work at?", "the Heath", "heath",
        aliases=["Heath", "University Hospital of Wales"]),
    ask(IE, "What does Kofi do for a living?", "trainee accountant", "kofi_job", aliases=["accountant", "accountancy"]),
    ask(IE, "Which firm is Kofi training at?", "Morgan Hale", "kofi_job"),
    ask(IE, "What's our landlord called?", "Pryce", "landlord", aliases=["Mr Pryce"]),
    ask(IE, "Who does Waffles belong to?", "Mrs Bevan", "bevan", aliases=["Bevan"]),
    ask(IE, "What's Rosa's roller derby name?", "Bruise Almighty", "derby_name"),
    ask(IE, "Which roller derby team did Rosa join?", "Tiger Bay Brawlers", "derby_join"),
    ask(IE, "Which night does my choir rehearse?", "Wednesday", "choir", aliases=["Wednesdays"]),
    ask(IE, "What did Kofi name his sourdough starter?", "Gerald", "gerald"),
    ask(IE, "Which ACCA exam was Kofi revising for?", "Financial Reporting", "exam_plan"),
    ask(IE, "How long were Rhys and I together?", "two years", "together", aliases=["2 years"]),
    ask(IE, "What's Rosa's sister called?", "Amaia", "amaia"),
    ask(IE, "Where is Kofi's grandma's 80th birthday?", "Kumasi", "kumasi", aliases=["Ghana"]),
    ask(IE, "Where do Kofi's parents live?", "Reading", "gerald_dead"),
    ask(IE, "What job did Tidal Games offer me?", "UI designer", "offer_detail", aliases=["UI design"]),
    ask(IE, "What knocked Kofi off his bike?", "car door", "doored",
        aliases=["a car door", "someone opened a car door"]),
    ask(IE, "Where did we stay in Tenby?", "caravan", "caravan", aliases=["static caravan", "Kiln Park"]),
    ask(IE, "Where was the choir's Christmas concert?", "St German's", "concert_plan",
        aliases=["St German's church", "St Germans"]),
    ask(IE, "What was Rosa's mum sending back from Bilbao for the flat?", "jamón", "jamon",
        aliases=["jamon", "leg of ham", "ham"]),
    ask(IE, "How much was the autumn energy bill?", "£312", "energy_bill", aliases=["312"]),
    ask(IE, "Who did Pryce send round to fix the boiler?", "Dai", "dai"),
    ask(IE, "Who did I go on a date with in February?", "Iwan", "date"),
    # everything of a kind, across sessions
    ask(GATHER, "What has broken in the flat since September?", "boiler", "boiler_dead", "washer", "boiler_again",
        "leak", aliases=["washing machine", "leak", "ceiling"]),
    ask(GATHER, "What has Kofi cooked for the flat?", "jollof", "jollof", "groundnut", "loaf",
        aliases=["groundnut soup", "sourdough", "bread", "loaf"]),
    ask(GATHER, "What has Waffles got up to in our flat?", "chicken", "photo_waffles", "waffles_chicken", "mouse",
        "waffles_bed", aliases=["mouse", "helmet", "bed"]),
    ask(GATHER, "Which songs has my choir been learning?", "Calon Lân", "calon_lan", "africa", "spring_concert",
        aliases=["Calon Lan", "Africa", "Bread of Heaven"]),
    ask(GATHER, "How has Rosa been hurt at roller derby?", "black eye", "knee_bruise", "thumb", "black_eye",
        aliases=["knee", "bruise", "thumb"]),
    ask(GATHER, "Who has come to stay at the flat?", "Amaia", "mum_visit", "amaia_visit", "yaw",
        aliases=["mum", "Yaw"]),
    ask(GATHER, "Where has Rosa been since September?", "Bilbao", "tenby", "bilbao", "black_eye",
        aliases=["Tenby", "Bristol"]),
    ask(GATHER, "What plants do we have in the flat?", "chilli", "chilli", "peace_lily", "pothos",
        aliases=["chilli plant", "peace lily", "pothos"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did we go to Tenby?", When("last weekend"), "tenby"),
    ask(WHEN_, "When did the boiler break down?", When("two days ago"), "boiler_dead"),
    ask(WHEN_, "When did Rhys and I break up?", When("yesterday"), "breakup"),
    ask(WHEN_, "When did Dai fix the boiler?", When("on Monday"), "boiler_patched"),
    ask(WHEN_, "When did Waffles first come in through the kitchen window?", When("last night"), "waffles"),
    ask(WHEN_, "When did Kofi come off his bike?", When("last night"), "collarbone"),
    ask(WHEN_, "When was my interview at Tidal Games?", When("on Tuesday", future=True), "interview"),
    ask(WHEN_, "When did Kofi sit his Financial Reporting exam?", When("on Thursday", future=True), "exam"),
    ask(WHEN_, "When did Tidal Games offer me the job?", When("yesterday"), "offer"),
    ask(WHEN_, "When was the choir's Christmas concert?", When("on Saturday", future=True), "concert_plan"),
    ask(WHEN_, "When did Pryce's letter about the rent arrive?", When("three days ago"), "rent_letter"),
    ask(WHEN_, "When did Kofi get his exam results?", When("this morning"), "result"),
    ask(WHEN_, "When is Kofi going to Kumasi for his grandma's birthday?", When("next April"), "kumasi"),
    ask(WHEN_, "When was the new boiler put in?", When("on Tuesday"), "new_boiler"),
    ask(WHEN_, "When did Rosa move to the neonatal unit?", When("next month"), "neonatal"),
    # the newest of several statements
    ask(UPDATE, "How much is our rent from March?", "£1,400", "rent_letter", "rent_deal", "renewal",
        aliases=["1,400", "1400"]),
    ask(UPDATE, "Where do I work now?", "Tidal Games", "salary", "offer", "started", aliases=["Tidal"]),
    ask(UPDATE, "Which ward is Rosa on now?", "neonatal", "heath", "neonatal", "neonatal_start",
        aliases=["neonatal unit"]),
    ask(UPDATE, "What's Kofi's sourdough starter called now?", "Gerald II", "gerald", "gerald_two",
        aliases=["Gerald 2", "Gerald the second"]),
    ask(UPDATE, "How does Kofi get to work these days?", "bike", "bike_commute", "bus", "back_on_bike",
        aliases=["cycles", "cycling", "by bike"]),
    ask(UPDATE, "How much is our broadband a month now?", "£28", "broadband", "broadband_switch", aliases=["28"]),
    ask(UPDATE, "Is the boiler still playing up?", "new boiler", "boiler_dead", "boiler_patched", "boiler_again",
        "new_boiler", aliases=["replaced", "new one"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What was Kofi holding in the photo from Tenby beach?", "ice cream", "photo_tenby",
        aliases=["a 99", "99", "ice-cream"]),
    ask(PHOTO, "What error code was the boiler showing?", "F28", "photo_boiler"),
    ask(PHOTO, "Where was Waffles asleep in Kofi's picture?", "bike helmet", "photo_waffles",
        aliases=["helmet", "Kofi's helmet"]),
    ask(PHOTO, "What colour scarves did the choir wear at the Christmas concert?", "red", "photo_choir"),
    ask(PHOTO, "What mark did Kofi get in Financial Reporting?", "68", "photo_result"),
    # light reasoning over what was said
    ask(INFER, "Why did Rhys and I split up?", "Vancouver", "vancouver",
        aliases=["he moved to Vancouver", "Canada", "his job in Vancouver"]),
    ask(INFER, "Why was Kofi taking the bus to work in November?", "collarbone", "collarbone", "bus",
        aliases=["broken collarbone", "bike accident", "sling"]),
    ask(INFER, "Why can't we get a cat of our own?", "no pets", "no_pets", aliases=["tenancy", "landlord"]),
    ask(INFER, "Why did Kofi shout in the office in January?", "passed", "shout", "result", "photo_result",
        aliases=["passed his exam", "his exam results"]),
    # two facts combined
    ask(MULTI, "How much more a month is the rent going up by after the deal with Pryce?", "£50", "rent_letter",
        "rent_deal", aliases=["50"]),
    ask(MULTI, "How much more will I earn at Tidal Games than at Fathom?", "£5,000", "salary", "offer_detail",
        aliases=["5k", "£5k", "5,000", "5000"]),
    ask(MULTI, "How many days after my interview did Tidal Games offer me the job?", "7 days", "interview", "offer",
        aliases=["a week", "seven days", "one week"]),
    # what one of them did, asked of another
    ask(WHO, "When did I break my collarbone?", None, "collarbone", actually="Kofi"),
    ask(WHO, "When did Rosa and her boyfriend break up?", None, "breakup", actually="Leah"),
    ask(WHO, "Which choir did Kofi join?", None, "choir", actually="Leah"),
    ask(WHO, "Which exam did Rosa sit in December?", None, "exam_plan", actually="Kofi"),
    ask(WHO, "What's Kofi's roller derby name?", None, "derby_name", actually="Rosa"),
    ask(WHO, "Which hospital does Kofi work at?", None, "heath", actually="Rosa"),
    ask(WHO, "What did Rosa call her sourdough starter?", None, "gerald", actually="Kofi"),
    # never said
    ask(NONE, "What's Mrs Bevan's first name?", None),
    ask(NONE, "How much was the deposit on our flat?", None),
    ask(NONE, "What does Rhys do for a living?", None),
    ask(NONE, "Which airline did Rosa fly to Bilbao with?", None),
    ask(NONE, "How much did the new boiler cost?", None),
    ask(NONE, "When is Kofi's next ACCA exam?", None),
    ask(NONE, "What does Iwan do for work?", None),
    ask(NONE, "What position does Rosa play in roller derby?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
