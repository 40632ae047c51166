"""Generate second-me's benchmark of two people who met on a long-distance walk and keep texting, deterministically.

    python bench/make_eval_penpals.py    # writes second_me/data/eval/penpals-benchmark.jsonl

Bronwen (the user, a labour ward midwife in Swansea, then a community midwife on the Gower, 44,
married to Gareth, a plumber, with a son of fifteen, Rhys) and Tariq (a bus driver in Leeds who
becomes a student paramedic, 33, engaged to Hannah, a primary teacher), who walked the West
Highland Way together in September 2023, text one to one from March 2024 to January 2025 in 25
sessions, with no one else in the chat (`bench/data/penpals-chats.txt`). Both of them do things
(a charity swim and pottery, an allotment and a rescue greyhound, then a second; a house that fell
through and one bought, a licence failed and passed, exams, a sister's wedding in Lahore, a new
job each; Bronwen's mother's dementia and her move into a care home, a son who changes his mind),
so a question can pin one's doing on the other. Written, script and questions together, before
anything was measured on it. Its questions are of the friends set's kinds (`bench/make_eval_friends.py`),
in its format (`bench/eval_chats.py`). Run it with `second-me eval --dataset penpals`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "penpals-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "penpals-benchmark.jsonl"
PEOPLE = {"B": ("Bronwen", "user"), "T": ("Tariq", "other")}
SEED = 20250125
NOW = "2025-01-25T19:00:00+00:00"  # every question is asked at this moment (a Saturday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "Which walk were Tariq and I on when we met?", "the West Highland Way", "whw",
        aliases=["West Highland Way", "the WHW", "Fort William"]),
    ask(IE, "Which hospital do I work at?", "Singleton", "ward", aliases=["Singleton Hospital"]),
    ask(IE, "Which bus did Tariq drive?", "the number 6", "bus_route",
        aliases=["6", "number 6", "the 6", "Holt Park"]),
    ask(IE, "What was Peggy called when she was racing?", "Ballymac Dawn", "peggy_name"),
    ask(IE, "What's the name of the place where I do pottery?", "Mudlarks", "mudlarks", "helping_out"),
    ask(IE, "What does Gareth do for work?", "plumber", "gareth_job", aliases=["a plumber", "boilers"]),
    ask(IE, "Where's Tariq's allotment?", "Meanwood", "allotment", aliases=["plot 22 at Meanwood", "plot 22"]),
    ask(IE, "Where did Tariq go for his ambulance service assessment day?", "Wakefield", "assessment_next",
        aliases=["YAS headquarters", "YAS headquarters in Wakefield"]),
    ask(IE, "What level did Tariq get to on the bleep test?", "9", "assessment_done", aliases=["level 9", "nine"]),
    ask(IE, "What did Tariq cut his hand on?", "a broken cold frame", "stitches",
        aliases=["cold frame", "a cold frame"]),
    ask(IE, "Which university runs Tariq's paramedic degree?", "Sheffield Hallam", "hallam",
        aliases=["Hallam", "Sheffield Hallam University"]),
    ask(IE, "What went wrong on Tariq's first C1 test?", "he clipped the kerb", "c1_kerb",
        aliases=["clipped the kerb", "the kerb", "the reverse", "reversing into the bay"]),
    ask(IE, "Where does Hannah teach?", "a primary in Armley", "hannah_job",
        aliases=["Armley", "a primary school in Armley", "year 2"]),
    ask(IE, "Where does Rhys work on Saturdays?", "a chippy in Mumbles", "rhys_chippy",
        aliases=["the chippy", "chippy", "chip shop", "Newton Road", "Mumbles"]),
    ask(IE, "Which campsite did Tariq and Hannah book on the Gower?", "Hillend", "hillend",
        aliases=["Hillend in Llangennith", "Llangennith"]),
    ask(IE, "How did Tariq do at the allotment show?", "second prize", "show_result",
        aliases=["second", "2nd", "second place", "came second"]),
    ask(IE, "How long did it take me to swim the 5k?", "2 hours 11 minutes", "swim_done",
        aliases=["2h11", "2 hours 11", "2:11", "two hours eleven minutes"]),
    ask(IE, "What does Tariq's sister's husband do for a living?", "dentist", "bilal", aliases=["a dentist"]),
    ask(IE, "Which ambulance station is Tariq working out of?", "Seacroft", "station",
        aliases=["Seacroft station"]),
    ask(IE, "What's the name of the hen that sits on my mum's lap?", "Doris", "doris"),
    ask(IE, "What did the vet find wrong with Dai?", "an overactive thyroid", "dai_vet",
        aliases=["thyroid", "overactive thyroid", "hyperthyroidism"]),
    ask(IE, "Where did Gareth take me for our 20th anniversary?", "Bath", "bath_booked", "bath"),
    ask(IE, "What present did the bus drivers give Tariq when he left?", "a toy ambulance", "last_bus",
        aliases=["toy ambulance", "a card signed by 60 drivers"]),
    ask(IE, "Where has Kirsty moved to?", "Skye", "kirsty", aliases=["the Isle of Skye"]),
    ask(IE, "Who does Tariq crew with on the ambulance?", "Dave and Precious", "station",
        aliases=["Dave", "Precious"]),
    # everything of a kind, across sessions
    ask(GATHER, "What have I made in my pottery class?", "a mug", "pinch_pot", "mug_photo", "fruit_bowl", "planter",
        "baubles", "parcel",
        aliases=["pinch pot", "fruit bowl", "planter", "baubles", "Christmas baubles"]),
    ask(GATHER, "What's Tariq been growing on his allotment?", "chillies", "chillies", "potatoes", "slugs",
        "allot_glut", "shallots",
        aliases=["scotch bonnets", "jalapeños", "potatoes", "courgettes", "shallots"]),
    ask(GATHER, "Where has Tariq been away to this year?", "Whitby", "whitby_plan", "whitby_photo", "hillend",
        "gower_photo", "lahore_next", "sherwani_photo",
        aliases=["Robin Hood's Bay", "the Gower", "Gower", "Llangennith", "Lahore", "Pakistan"]),
    ask(GATHER, "What health problems have I had this year?", "plantar fasciitis", "foot", "jelly", "covid",
        aliases=["foot", "jellyfish sting", "jellyfish", "covid"]),
    ask(GATHER, "What illnesses and injuries has Tariq had this year?", "stitches in his hand", "allotment",
        "stitches", "food_poisoning", "flu",
        aliases=["cut hand", "4 stitches", "bad back", "back", "food poisoning", "flu"]),
    ask(GATHER, "What has Peggy stolen or eaten that she shouldn't have?", "a slipper", "peggy_slipper", "peggy_cod",
        "peggy_loaf", "peggy_spelling",
        aliases=["Hannah's slipper", "cod", "battered cod", "a fish", "a loaf", "bread", "spelling tests"]),
    ask(GATHER, "What tests and exams has Tariq sat this year?", "the bleep test", "assessment_done", "c1_fail",
        "c1_pass", "osce_pass", "bluelight_pass",
        aliases=["bleep test", "maths test", "assessment day", "C1", "C1 test", "OSCE", "blue light course"]),
    ask(GATHER, "What have I bought this year?", "a wetsuit", "wetsuit", "wheel", "kiln", "skoda",
        aliases=["wetsuit", "pottery wheel", "wheel", "kiln", "Skoda", "Skoda Octavia", "a car"]),
    ask(GATHER, "Where have I swum this year?", "the LC", "swim_lc", "langland1", "caswell", "jelly", "swim_sat",
        aliases=["the leisure centre", "Langland", "Langland Bay", "Caswell", "Llyn Padarn"]),
    ask(GATHER, "What's been wrong with my mum this year?", "Alzheimer's", "mum_diag", "mum_wander", "mum_fall",
        "mum_uti",
        aliases=["dementia", "wandering at night", "a fall", "broken wrist", "UTI"]),
    ask(GATHER, "What have I sent Tariq in the post?", "Welsh cakes", "welsh_cakes", "fair_post", "parcel",
        "parcel_came", aliases=["baubles", "pottery baubles", "a mug"]),
    ask(GATHER, "Which of the people we walked with in Scotland have been in touch this year?", "Graham", "graham",
        "joris", "whw_sue", "kirsty", aliases=["Sue", "Graham and Sue", "Joris", "Kirsty"]),
    ask(GATHER, "What jobs has Rhys had this year?", "a Saturday job at a chippy", "rhys_chippy", "rhys_chippy2",
        "rhys_wexp",
        aliases=["chippy", "chip shop", "the fryer", "work experience with an electrician", "Huw", "electrician"]),
    ask(GATHER, "What has Tariq bought this year?", "a tent", "tent", "stethoscope", "house_stuff", "sofa",
        aliases=["tent", "stethoscope", "a Littmann", "fridge freezer", "dog bed", "lawnmower", "sofa"]),
    ask(GATHER, "Where has Tariq been on placement for his course?", "A&E at St James's", "placements", "ae",
        "first_shift", "station",
        aliases=["A&E", "Jimmy's", "St James's", "an ambulance", "Seacroft", "Seacroft station"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did Tariq and Hannah bring Peggy home?", When("on Saturday"), "peggy_came"),
    ask(WHEN_, "When did I go to my first pottery class?", When("on Tuesday"), "pottery_start"),
    ask(WHEN_, "What day was Tariq's assessment for the ambulance service?", When("next Tuesday"), "assessment_next",
        "assessment_done"),
    ask(WHEN_, "When did Tariq end up in A&E with his hand?", When("yesterday"), "stitches"),
    ask(WHEN_, "When did Rhys break his collarbone?", When("three days ago"), "rhys_collar"),
    ask(WHEN_, "When did my mum break her wrist?", When("on Tuesday"), "mum_fall"),
    ask(WHEN_, "When did Tariq pull out of buying the Kirkstall house?", When("on Friday"), "pulled_out"),
    ask(WHEN_, "When did Tariq fail his C1?", When("this morning"), "c1_fail"),
    ask(WHEN_, "When did I get stung by a jellyfish?", When("last weekend"), "jelly"),
    ask(WHEN_, "When was Tariq's 34th birthday?", When("yesterday"), "birthday"),
    ask(WHEN_, "What day did my mum move into her care home?", When("on Monday"), "mum_moved", "mum_movedate"),
    ask(WHEN_, "When did I find out I had covid?", When("this morning"), "covid"),
    ask(WHEN_, "When did Tariq start his paramedic course?", When("today"), "course_day1"),
    ask(WHEN_, "When did I do the Llyn Padarn swim?", When("on Saturday", future=True), "swim_sat", "swim_done"),
    ask(WHEN_, "When did Gareth and I have our anniversary weekend away?", When("two weekends ago"), "bath"),
    ask(WHEN_, "When did Tariq move house?", When("on Saturday"), "moved", "completion"),
    ask(WHEN_, "When was Tariq's first ambulance shift?", When("on Thursday"), "first_shift"),
    ask(WHEN_, "When was Tariq's sister's wedding?", When("next month"), "lahore_next", "amira"),
    # the newest of several statements
    ask(UPDATE, "Where does my mum live now?", "Bryn Haul", "mum_home", "carehome_plan", "brynhaul", "mum_moved",
        aliases=["Bryn Haul in Burry Port", "a care home in Burry Port", "Burry Port"]),
    ask(UPDATE, "Where do Tariq and Hannah live now?", "Bramley", "headingley", "kirkstall_offer", "bramley_offer",
        "moved", aliases=["an end terrace in Bramley", "Bramley, Leeds"]),
    ask(UPDATE, "What does Tariq do for a living now?", "student paramedic", "bus_route", "offer_yas", "last_bus",
        "course_day1",
        aliases=["trainee paramedic", "paramedic student", "a student paramedic with Yorkshire Ambulance Service"]),
    ask(UPDATE, "How much did I end up raising with my swim?", "£2,215", "justgiving1", "justgiving2",
        "justgiving3", "justgiving_final", aliases=["2,215", "2215", "£2215"]),
    ask(UPDATE, "When are Tariq and Hannah getting married now?", "24 May 2025", "wedding_date_old", "wedding_new",
        aliases=["24 May", "May 24", "24th May", "May 2025"]),
    ask(UPDATE, "What does Rhys want to do after his GCSEs now?", "an electrician apprenticeship", "rhys_alevels",
        "rhys_sparky", "rhys_interview",
        aliases=["electrician", "an apprenticeship", "apprenticeship with the council electricians"]),
    ask(UPDATE, "How many greyhounds does Tariq have now?", "two", "peggy_came", "second_dog", "biscuit",
        "biscuit_keep", aliases=["2", "two greyhounds", "Peggy and Biscuit"]),
    ask(UPDATE, "Which team do I work in now?", "the Gower community midwifery team", "ward", "community_apply",
        "community_offer", "community_start",
        aliases=["community", "community midwife", "the Gower team", "Gower"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour glaze is on the first mug I made?", "sea green", "mug_photo",
        aliases=["sea-green", "green"]),
    ask(PHOTO, "What colour jumper was Peggy wearing in the first picture Tariq sent of her?", "red", "peggy_photo",
        aliases=["a red fleece", "red fleece"]),
    ask(PHOTO, "What colour is Tariq's allotment shed?", "bright yellow", "shed_photo", aliases=["yellow"]),
    ask(PHOTO, "What was my swim medal shaped like?", "a dragon", "swim_photo", aliases=["dragon", "a Welsh dragon"]),
    ask(PHOTO, "What colour is the front door of Tariq's new house?", "dark green", "door_photo",
        aliases=["green"]),
    ask(PHOTO, "What colour sherwani did Tariq wear at his sister's wedding?", "cream", "sherwani_photo",
        aliases=["cream with gold embroidery", "cream and gold"]),
    # light reasoning over what was said
    ask(INFER, "Why was Rhys watching the cup final instead of playing in it?", "he'd broken his collarbone",
        "rhys_collar", "cup_final_watch",
        aliases=["broken collarbone", "collarbone", "his collarbone", "his arm was strapped up"]),
    ask(INFER, "Why did I do my swim for the Alzheimer's Society?", "because of my mum's Alzheimer's", "mum_diag",
        "swim_signup", aliases=["my mum", "mum", "mum's dementia", "mum's diagnosis", "Alzheimer's"]),
    ask(INFER, "Why didn't Tariq buy the house in Kirkstall?", "subsidence", "kirkstall_fail", "pulled_out",
        aliases=["the survey found subsidence", "a crack in the back wall", "the survey"]),
    ask(INFER, "Why did Tariq go to Pakistan in November?", "his sister's wedding", "amira", "lahore_next",
        aliases=["Amira's wedding", "sister's wedding", "a wedding"]),
    ask(INFER, "Why did I go for the community midwife job?", "to stop doing nights", "community_apply",
        "done_nights", aliases=["no nights", "done with nights", "nights", "weekends for mum", "more time for mum"]),
    # two facts combined
    ask(MULTI, "How much less was the Bramley house than the one Tariq first offered on?", "£15,050",
        "kirkstall_offer", "bramley_offer", aliases=["15,050", "15050", "£15050"]),
    ask(MULTI, "What did my pottery wheel and kiln come to altogether?", "£530", "wheel", "kiln",
        aliases=["530", "530 pounds"]),
    ask(MULTI, "How many goes did it take Tariq to pass his C1?", "two", "c1_fail", "c1_pass",
        aliases=["2", "twice", "two attempts", "second time"]),
    ask(MULTI, "How old was my mum when she went into the care home?", "78", "mum_moved", "mum_79",
        aliases=["seventy-eight", "78 years old"]),
    ask(MULTI, "By how much did I beat my first fundraising target for the swim?", "£1,215", "justgiving1",
        "justgiving_final", aliases=["1,215", "1215", "£1215"]),
    # what one of them did, asked of the other
    ask(WHO, "When did I need stitches in my hand?", None, "stitches", actually="Tariq"),
    ask(WHO, "What's Tariq's cat called?", None, "dai", actually="Bronwen"),
    ask(WHO, "How much money did Tariq raise swimming?", None, "justgiving_final", actually="Bronwen"),
    ask(WHO, "What did my shallots win at the allotment show?", None, "show_result", actually="Tariq"),
    ask(WHO, "When did I pass my C1 licence?", None, "c1_pass", actually="Tariq"),
    ask(WHO, "Which care home did Tariq's mum go into?", None, "mum_moved", actually="Bronwen"),
    ask(WHO, "How many greyhounds have I got?", None, "biscuit_keep", actually="Tariq"),
    ask(WHO, "When did Tariq get stung by a jellyfish?", None, "jelly", actually="Bronwen"),
    # never said
    ask(NONE, "What's Tariq's surname?", None),
    ask(NONE, "What's my pottery teacher called?", None),
    ask(NONE, "What did Rhys get in his mocks?", None),
    ask(NONE, "What colour is Hannah's wedding dress?", None),
    ask(NONE, "Which airline did Tariq fly to Lahore with?", None),
    ask(NONE, "How much did it cost to adopt Peggy?", None),
    ask(NONE, "What was Biscuit's racing name?", None),
    ask(NONE, "Which rugby club does Rhys play for?", None),
    ask(NONE, "How much does Tariq get paid as a student paramedic?", None),
    ask(NONE, "How big a deposit did Tariq put down on the Bramley house?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
