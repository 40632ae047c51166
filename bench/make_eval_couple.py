"""Generate second-me's benchmark of a couple texting across the Atlantic, deterministically.

    python bench/make_eval_couple.py    # writes second_me/data/eval/couple-benchmark.jsonl

Owen (the user, a chemistry teacher at a secondary school in Glasgow, then its Principal
Teacher of Chemistry) and his partner Mei (a postdoc in marine biology in Halifax, Nova Scotia,
then a research fellow in Glasgow) text from January to October 2025 in 29 sessions, mostly one
to one and three times in a group chat with Owen's sister Catriona (`bench/data/couple-chats.txt`).
Both of them do things (hills and five-a-side, kayaking and ceramics, a conference, a visa, two
visits, a move, illnesses, gifts), so a question can pin one's doing on the other. Written,
script and questions together, before anything was measured on it. Its questions are of the
friends set's kinds (`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`). Run
it with `second-me eval --dataset couple`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "couple-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "couple-benchmark.jsonl"
PEOPLE = {"O": ("Owen", "user"), "M": ("Mei", "other"), "C": ("Catriona", "other")}
SEED = 20251028
NOW = "2025-10-28T20:00:00+00:00"  # every question is asked at this moment (a Tuesday evening)

QUESTIONS = [
    # one fact, about any of the three
    ask(IE, "Which university does Mei work at in Halifax?", "Dalhousie", "dalhousie",
        aliases=["Dalhousie University", "Dal"]),
    ask(IE, "What is Mei's postdoc research about?", "kelp forests", "dalhousie",
        aliases=["kelp", "disappearing kelp forests"]),
    ask(IE, "Which school do I teach at?", "Broomhill Academy", "school", aliases=["Broomhill"]),
    ask(IE, "What kind of plant is Figaro?", "fiddle-leaf fig", "figaro_kind",
        aliases=["fiddle leaf fig", "a fig"]),
    ask(IE, "What's my five-a-side team called?", "Real Madras", "real_madras"),
    ask(IE, "Which night do I play five-a-side?", "Wednesday", "real_madras",
        aliases=["Wednesdays", "Wednesday night"]),
    ask(IE, "What's Catriona's husband called?", "Stuart", "due"),
    ask(IE, "How much did Isla weigh when she was born?", "7lb 2oz", "isla_weight",
        aliases=["7 lb 2 oz", "7lbs 2oz", "7 pounds 2 ounces"]),
    ask(IE, "Where do Mei's parents live?", "Toronto", "toronto"),
    ask(IE, "Who is Mei's PI at Dalhousie?", "Ruth", "ruth"),
    ask(IE, "Who do I go hill-walking with?", "Craig", "craig", "ben_lomond"),
    ask(IE, "Where did Mei and I meet?", "Skye", "skye", aliases=["a wedding on Skye", "at a wedding", "a ceilidh"]),
    ask(IE, "Which island did Owen and Mei cycle round in April?", "Cumbrae", "interview_done",
        aliases=["Great Cumbrae", "Millport"]),
    ask(IE, "How much was Bunsen's vet bill?", "£640", "vet_bill", aliases=["640"]),
    ask(IE, "Which part of Glasgow is our new flat in?", "Dennistoun", "flat_signed"),
    ask(IE, "How much is the rent on the new flat?", "£1,150", "flat_rent", aliases=["1,150", "1150", "£1150"]),
    ask(IE, "What was the name of Mei's roommate in Halifax?", "Tomás", "tomas", aliases=["Tomas"]),
    ask(IE, "Where did Mei have to go for her biometrics appointment?", "Montreal", "biometrics",
        aliases=["Montréal"]),
    ask(IE, "What job did Mei get at the University of Glasgow?", "research fellow", "start_oct", "glasgow_ad",
        aliases=["research fellow in kelp ecology", "research fellowship"]),
    ask(IE, "Which kayak club does Mei paddle with?", "Bedford Basin Paddlers", "club"),
    ask(IE, "Where is Mei's ceramics class?", "Agricola Street", "ceramics",
        aliases=["a studio on Agricola Street"]),
    ask(IE, "Where do my parents live?", "Oban", "met_family"),
    ask(IE, "What did Mei's mum fill her freezer with?", "dumplings", "parents_here", aliases=["200 dumplings"]),
    ask(IE, "What Halifax food did Mei get me hooked on?", "donairs", "donair", aliases=["donair"]),
    # everything of a kind, across sessions
    ask(GATHER, "What presents has Mei given me?", "maple syrup", "seabird_book", "parcel", "mug", "photo_mug", "hat",
        aliases=["seabird book", "book", "socks", "knitted socks", "mug", "wool hat", "hat"]),
    ask(GATHER, "What presents has Owen given Mei?", "Harris Tweed scarf", "scarf", "tablet_sent", "hoodie",
        "compass", aliases=["scarf", "tablet", "hoodie", "Glasgow Uni hoodie", "compass"]),
    ask(GATHER, "Which Munros have I climbed this year?", "Schiehallion", "ben_lomond", "ben_vorlich",
        "schiehallion", "ben_nevis", "buachaille",
        aliases=["Ben Lomond", "Ben Vorlich", "Ben Nevis", "Buachaille Etive Mòr", "Buachaille"]),
    ask(GATHER, "Where has Mei been sea kayaking this year?", "Peggy's Cove", "lawlor", "wrist", "mahone", "mcnabs",
        aliases=["Lawlor Island", "Mahone Bay", "McNabs Island"]),
    ask(GATHER, "What has Mei made in her ceramics class?", "teapot", "bowl", "mug", "photo_mug", "plant_pot",
        "teapot",
        aliases=["bowl", "mug", "plant pot"]),
    ask(GATHER, "What illnesses and injuries has Owen had this year?", "flu", "flu", "ankle", "sunburn",
        "wisdom", "tooth_out", aliases=["sprained ankle", "ankle", "sunburn", "wisdom tooth"]),
    ask(GATHER, "Which TV shows have Mei and I watched together?", "Severance", "severance", "severance_ep",
        "slow_horses", "shetland", "bake_off",
        aliases=["Slow Horses", "Shetland", "Bake Off", "Great British Bake Off"]),
    ask(GATHER, "Who has come to see Mei in Halifax this year?", "her parents", "parents_here", "halifax_hi", "jun",
        aliases=["parents", "mum and dad", "Owen", "me", "Jun", "her brother"]),
    ask(GATHER, "What has Bunsen eaten that he shouldn't have?", "hair tie", "butter", "vet", "sausage_roll",
        aliases=["butter", "sausage roll"]),
    ask(GATHER, "Where has Mei travelled for work this year?", "Bergen", "shelf", "millport", "interview_done",
        "bergen", "huntsman", aliases=["Scotian Shelf", "research cruise", "Millport", "St Andrews", "Huntsman"]),
    ask(GATHER, "What has Owen cooked this year?", "haggis", "haggis", "tablet_sent", "stovies",
        aliases=["tablet", "stovies", "cranachan", "neeps and tatties"]),
    ask(GATHER, "What has Isla learned to do since she was born?", "roll over", "isla_smile", "rolled",
        "isla_tooth", "sat_up", aliases=["rolled over", "smile", "smiled", "first tooth", "tooth", "sit up",
                                         "sat up"]),
    ask(GATHER, "What sights did I see on my trip to Nova Scotia?", "Peggy's Cove", "photo_peggys", "lunenburg",
        "cabot", "puffins", aliases=["Lunenburg", "Cabot Trail", "Cape Breton", "Bird Islands"]),
    ask(GATHER, "How has Mei been ill or hurt this year?", "sprained wrist", "seasick", "food_poisoning", "wrist",
        "mussel", aliases=["wrist", "seasick", "seasickness", "food poisoning", "cut hand", "stitches"]),
    ask(GATHER, "What did Mei get rid of before she moved to Scotland?", "car", "car_sold", "kayak_sold",
        "figaro_tomas", aliases=["her car", "kayak", "Figaro", "fiddle-leaf fig", "plant"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did I climb Ben Lomond?", When("last Saturday"), "ben_lomond"),
    ask(WHEN_, "When did Owen cook haggis for Burns Night?", When("last night"), "haggis"),
    ask(WHEN_, "When did I come down with the flu?", When("three days ago"), "flu"),
    ask(WHEN_, "When was my interview for Principal Teacher?", When("on Thursday", future=True), "interview"),
    ask(WHEN_, "When was Isla born?", When("yesterday"), "isla_born"),
    ask(WHEN_, "When did I hear I'd got the Principal Teacher job?", When("this morning"), "pt_offer"),
    ask(WHEN_, "When did Bunsen have his operation?", When("yesterday"), "vet"),
    ask(WHEN_, "When did Glasgow offer Mei the job?", When("yesterday"), "offer"),
    ask(WHEN_, "When did Mei move to Dartmouth?", When("last weekend"), "dartmouth"),
    ask(WHEN_, "When did Owen sprain his ankle?", When("on Wednesday"), "ankle"),
    ask(WHEN_, "When did Mei give her talk in Bergen?", When("yesterday"), "talk"),
    ask(WHEN_, "When was the work barbecue where Mei ate the bad scallops?", When("on Saturday"),
        "food_poisoning"),
    ask(WHEN_, "When was Mei's biometrics appointment?", When("on Friday", future=True), "biometrics"),
    ask(WHEN_, "When did Owen climb Schiehallion?", When("two weekends ago"), "schiehallion"),
    ask(WHEN_, "When did Mei capsize off Peggy's Cove?", When("on Sunday"), "wrist"),
    ask(WHEN_, "When did I climb Ben Nevis?", When("on Saturday"), "ben_nevis"),
    ask(WHEN_, "When did I move into the Dennistoun flat?", When("last weekend"), "moved_in"),
    ask(WHEN_, "When did Mei arrive in Glasgow for good?", When("yesterday"), "landed", "flight_oct"),
    # the newest of several statements
    ask(UPDATE, "What's my job now?", "Principal Teacher of Chemistry", "school", "pt_offer", "pt_start",
        aliases=["Principal Teacher", "PT of Chemistry", "head of chemistry"]),
    ask(UPDATE, "Where does Mei live now?", "Glasgow", "north_end", "dartmouth", "dennistoun_home",
        aliases=["Dennistoun", "Scotland", "with me", "with Owen"]),
    ask(UPDATE, "What date did I fly out to Halifax in the end?", "1 July", "flight_booked", "flight_moved",
        aliases=["July 1", "1st of July", "1st July", "July 1st"]),
    ask(UPDATE, "Has Mei's visa come through?", "approved", "cos", "visa_waiting", "visa_docs", "visa_ok",
        aliases=["yes", "it came through", "granted"]),
    ask(UPDATE, "How much does Bunsen weigh now?", "6.1 kg", "bunsen_weight", "bunsen_diet", "bunsen_61",
        aliases=["6.1kg", "6.1"]),
    ask(UPDATE, "How many Munros have I bagged now?", "42", "ben_vorlich", "schiehallion", "ben_nevis",
        "buachaille", aliases=["forty-two", "forty two"]),
    ask(UPDATE, "Which night was Mei's ceramics class on in the end?", "Thursday", "ceramics", "ceramics_thu",
        aliases=["Thursdays", "Thursday nights"]),
    ask(UPDATE, "When does Mei start at the University of Glasgow?", "3 November", "start_oct", "start_nov",
        aliases=["November 3", "3rd of November", "3rd November", "November 3rd", "2025-11-03"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour hat was Isla wearing in the first photo of her?", "yellow", "photo_isla"),
    ask(PHOTO, "What's painted on the mug Mei made me?", "a kayak", "photo_mug", aliases=["kayak", "red kayak"]),
    ask(PHOTO, "What colour jacket was I wearing at Peggy's Cove?", "orange", "photo_peggys",
        aliases=["bright orange"]),
    ask(PHOTO, "What shape is the keyring on the keys to our new flat?", "thistle", "photo_keys",
        aliases=["a thistle"]),
    ask(PHOTO, "What was the title on Mei's slide in Bergen?", "Urchins Ate My Kelp", "photo_slide"),
    # light reasoning over what was said
    ask(INFER, "Why did Mei move her April visit from the 10th to the 19th?", "research cruise delayed",
        "cruise_moved", "visit_moved", aliases=["cruise", "at sea", "ship's engine"]),
    ask(INFER, "Why couldn't Mei take me kayaking while I was in Halifax?", "sprained wrist", "wrist", "splint",
        "flight_moved", aliases=["wrist", "splint"]),
    ask(INFER, "Why did Glasgow push Mei's start date back to November?", "visa delay", "start_nov", "visa_docs",
        aliases=["visa", "Home Office", "waiting for her visa"]),
    ask(INFER, "Why did I miss the five-a-side cup final?", "sprained ankle", "ankle", "cup_final",
        aliases=["ankle"]),
    ask(INFER, "Why did Mei give Figaro to Tomás?", "moving to Scotland", "figaro_tomas", "flight_oct",
        aliases=["moving to Glasgow", "she was moving", "Scotland", "Glasgow"]),
    # two facts combined
    ask(MULTI, "How much more a month is the Dennistoun flat than my old rent?", "£255", "rent_old", "flat_rent",
        aliases=["255"]),
    ask(MULTI, "How long was I in Halifax in the summer?", "three weeks", "flight_booked", "flight_moved", "home",
        aliases=["3 weeks", "21 days", "22 days"]),
    ask(MULTI, "How much weight has Bunsen lost since the vet put him on a diet?", "0.7 kg", "bunsen_weight",
        "bunsen_61", aliases=["0.7kg", "700 g", "700g", "0.7"]),
    ask(MULTI, "Who came to see Mei in Halifax first this year, her parents or me?", "her parents",
        "parents_here", "halifax_hi", aliases=["parents", "her mum and dad"]),
    # what one of them did, asked of another
    ask(WHO, "When did Mei sprain her ankle?", None, "ankle", actually="Owen"),
    ask(WHO, "When did Mei climb Schiehallion?", None, "schiehallion", actually="Owen"),
    ask(WHO, "What's Mei's cat called?", None, "bunsen", actually="Owen"),
    ask(WHO, "What have I made in my ceramics class?", None, "bowl", "mug", "photo_mug", "plant_pot", "teapot",
        actually="Mei"),
    ask(WHO, "When did I move to Dartmouth?", None, "dartmouth", actually="Mei"),
    ask(WHO, "What was Owen's talk in Bergen about?", None, "talk", actually="Mei"),
    ask(WHO, "When did I get food poisoning?", None, "food_poisoning", actually="Mei"),
    ask(WHO, "What did I name my daughter?", None, "isla_born", actually="Catriona"),
    # never said
    ask(NONE, "What's Mei's surname?", None),
    ask(NONE, "Which airline did I fly to Halifax with?", None),
    ask(NONE, "What does Stuart do for a living?", None),
    ask(NONE, "What does Mei's brother Jun do for work?", None),
    ask(NONE, "How old is Bunsen?", None),
    ask(NONE, "When is Mei's birthday?", None),
    ask(NONE, "How much did Mei's visa cost?", None),
    ask(NONE, "Which hotel did Mei stay at in Bergen?", None),
    ask(NONE, "What does Craig do for a living?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
