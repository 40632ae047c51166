"""Generate second-me's benchmark of two former next-door neighbours texting after one moves abroad, deterministically.

    python bench/make_eval_neighbours.py    # writes second_me/data/eval/neighbours-benchmark.jsonl

Marcel (the user, a high school shop teacher in St. Boniface, Winnipeg, who becomes a carpentry
instructor at Red River College, 52, married to Denise, a dental hygienist, with a daughter of
nineteen at university in Ottawa, Chloé, a son of fifteen, Théo, and a basset hound, Gaston) and
Lieve (a pianist who lived next door to him for eight years and went back to Belgium with her
husband Pieter, an engineer, and their twins Wout and Fien in March 2024, to Leuven) text one to
one from April 2024 to February 2025 in 23 sessions, with no one else in the chat
(`bench/data/neighbours-chats.txt`). Both of them do things (a 1974 Boler trailer restored and a
kayak begun, old-timers hockey and korfball; a house in Winnipeg sold after a price cut and one
bought in Kessel-Lo; a front desk, then piano pupils and a ballet school; a truck, a furnace, a
kidney stone and a sprained wrist; a rescue terrier, a cat that flew over, a basset's teeth; an
anniversary trip to Belgium and a summer visit that changes), so a question can pin one's doing
on the other. Written, script and questions together, before anything was measured on it. Its
questions are of the friends set's kinds (`bench/make_eval_friends.py`), in its format
(`bench/eval_chats.py`). Run it with `second-me eval --dataset neighbours`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "neighbours-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "neighbours-benchmark.jsonl"
PEOPLE = {"M": ("Marcel", "user"), "L": ("Lieve", "other")}
SEED = 20250222
NOW = "2025-02-22T19:00:00+00:00"  # every question is asked at this moment (a Saturday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "Which city did Lieve and her family move to?", "Leuven", "leuven"),
    ask(IE, "what's Lieve's cat called again", "Moka", "moka"),
    ask(IE, "How much rent were they paying on the flat in Belgium?", "1,150 euros", "flat_vaartkom",
        aliases=["€1,150", "1,150", "1150", "1150 euros"]),
    ask(IE, "What's the name of the korfball club Lieve joined?", "KC Boemerang", "korfball", aliases=["Boemerang"]),
    ask(IE, "What year is my Boler from?", "1974", "boler_year", aliases=["a 1974 Boler", "'74"]),
    ask(IE, "What does the guy who bought Lieve's house do for a living?", "firefighter", "buyers",
        aliases=["a firefighter", "he's a firefighter", "fireman"]),
    ask(IE, "Where's Chloé's tree planting camp?", "near Prince George", "chloe_planting",
        aliases=["Prince George", "Prince George, BC", "BC", "British Columbia"]),
    ask(IE, "What position does Théo play in hockey?", "goalie", "theo_goalie",
        aliases=["goaltender", "in net", "goal", "net"]),
    ask(IE, "Where's my brother's cabin?", "Lake of the Woods", "kenora",
        aliases=["near Kenora", "Kenora", "on Lake of the Woods"]),
    ask(IE, "What is Pieter working on at his new firm?", "flood defences along the Dijle", "pieter_job",
        aliases=["flood defences", "flood defenses", "the Dijle", "flood defences on the Dijle"]),
    ask(IE, "Which town are Lieve's mum and dad in?", "Bruges", "parents_bruges", aliases=["Brugge"]),
    ask(IE, "What did they do to Lieve's dad in June?", "gave him a new hip", "papa_hip", "papa_op",
        aliases=["new hip", "hip replacement", "a new hip", "his hip", "hip"]),
    ask(IE, "Where did Frits come from?", "the shelter in Heverlee", "frits",
        aliases=["a shelter", "shelter", "Heverlee", "the animal shelter in Heverlee"]),
    ask(IE, "What's my old timers team called?", "the Rusty Blades", "hockey_back", aliases=["Rusty Blades"]),
    ask(IE, "Which class do I teach at the college?", "first-year carpentry", "carpentry_class",
        aliases=["first year carpentry", "carpentry", "first-years"]),
    ask(IE, "How did Lieve hurt her wrist?", "she went over the handlebars", "wrist",
        aliases=["fell off her bike", "over the handlebars", "cobbles", "the cobbles on the Oude Markt",
                 "front wheel stuck in the cobbles", "bike"]),
    ask(IE, "What did Pieter sing at Katrien's party?", "Céline Dion", "karaoke",
        aliases=["Celine Dion", "a Céline Dion song", "Céline Dion in French"]),
    ask(IE, "What time did Denise do for her first half marathon?", "2:04", "denise_half",
        aliases=["2 hours 4 minutes", "2h04", "two hours four minutes", "2:04 hours"]),
    ask(IE, "What make of piano did Lieve buy?", "Petrof", "piano", aliases=["a Petrof", "an upright Petrof"]),
    ask(IE, "What's Lieve's Saturday morning job?", "playing piano for a ballet school", "ballet",
        aliases=["ballet school", "ballet", "piano for the ballet classes", "ballet classes"]),
    ask(IE, "Which hospital did Denise take me to with my kidney stone?", "St. Boniface", "kidney",
        aliases=["St Boniface", "St. Boniface Hospital", "St Boniface Hospital"]),
    ask(IE, "How much did Chloé make planting trees last summer?", "$9,400", "chloe_back",
        aliases=["9,400", "9400", "$9400", "9,400 dollars"]),
    ask(IE, "Where did they find Moka when she went missing?", "in the baker's storeroom", "moka_found",
        aliases=["the bakery", "the baker's", "on the flour sacks", "flour sacks", "storeroom", "baker"]),
    ask(IE, "Who looked after Gaston while we were in Belgium?", "the Bergerons", "gaston_sitter",
        aliases=["Bergerons", "Luc", "Luc and Amélie", "Amélie", "the new neighbours"]),
    # everything of a kind, across sessions
    ask(GATHER, "What injuries and illnesses has Lieve had since she moved?", "a sprained wrist", "korfball_fall",
        "wrist", "back", "flu",
        aliases=["wrist", "purple knee", "knee", "bad back", "back", "flu"]),
    ask(GATHER, "What's been wrong with my health this year?", "a kidney stone", "shoulder", "physio", "strep",
        "kidney",
        aliases=["kidney stone", "shoulder", "rotator cuff", "partial tear in the rotator cuff", "strep throat",
                 "strep"]),
    ask(GATHER, "Where has Lieve been on trips since moving back?", "Texel", "texel_plan", "texel_photo",
        "katrien", "antwerp", "durbuy_plan", "durbuy_photo", "christmas_bruges",
        aliases=["Antwerp", "Durbuy", "the Ardennes", "Bruges"]),
    ask(GATHER, "What big things has Lieve bought this year?", "a cargo bike", "cargo_bike", "house_accepted",
        "piano", "bunk_beds",
        aliases=["cargo bike", "a piano", "piano", "Petrof", "a house", "bunk beds"]),
    ask(GATHER, "What have I had to buy this year?", "an F-150", "axle", "f150", "furnace", "snowblower",
        aliases=["F-150", "a truck", "truck", "axle", "a new axle", "furnace", "a new furnace", "snowblower",
                 "Toro"]),
    ask(GATHER, "What has Frits chewed up or eaten?", "the twins' school shoes", "frits_shoes", "frits_cushion",
        "sint",
        aliases=["shoes", "school shoes", "left shoes", "a sofa cushion", "cushion", "chocolate letter",
                 "Wout's chocolate letter"]),
    ask(GATHER, "Where have I taken the Boler?", "Grand Beach", "grand_beach", "grand_beach_done", "kenora",
        "clear_lake",
        aliases=["Lake of the Woods", "Kenora", "Réjean's cabin", "Riding Mountain", "Clear Lake"]),
    ask(GATHER, "What jobs has Chloé had this year?", "tree planting", "chloe_planting", "chloe_trees",
        "chloe_back", "chloe_cafe", "chloe_bookshop",
        aliases=["tree planter", "planting trees", "café", "a café on campus", "McNally Robinson",
                 "bookshop", "wrapping books"]),
    ask(GATHER, "What jobs has Lieve had since she left Winnipeg?", "front desk at the music academy",
        "academy_start", "piano_job", "teaching_start", "ballet",
        aliases=["front desk", "receptionist", "piano teacher", "teaching piano", "ballet school",
                 "piano for ballet classes"]),
    ask(GATHER, "What have I built this year?", "the Boler", "boler_start", "boler_photo", "ramp", "crokinole",
        "kayak",
        aliases=["Boler", "trailer", "a ramp for Gaston", "ramp", "crokinole board", "a crokinole board",
                 "kayak", "a cedar strip kayak"]),
    ask(GATHER, "What has Lieve sent me in the post?", "speculoos", "speculoos", "twins_drawing", "chocolates",
        aliases=["a box of speculoos", "a drawing", "the twins' drawing", "a picture", "Neuhaus chocolates",
                 "chocolates"]),
    ask(GATHER, "Which animals have lived with Lieve's family in Belgium?", "Moka", "moka", "frits", "pluisje",
        aliases=["a cat", "Frits", "a terrier", "a dog", "Pluisje", "a guinea pig"]),
    ask(GATHER, "What races has Denise run?", "the Manitoba Marathon half", "denise_half", "denise_10k",
        "santa_shuffle",
        aliases=["half marathon", "the half", "a 10k", "10k", "Santa Shuffle", "Santa Shuffle 5K", "5K"]),
    ask(GATHER, "Where have Denise and I been away to this year?", "Belgium", "grand_beach_done", "clear_lake",
        "trip_next", "leuven_photo", "bruges_day",
        aliases=["Leuven", "Bruges", "Grand Beach", "Riding Mountain", "Clear Lake"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did Lieve start at the music academy?", When("on Tuesday"), "academy_start"),
    ask(WHEN_, "What day was Lieve's first korfball practice?", When("on Thursday"), "korfball_fall"),
    ask(WHEN_, "When was the twins' 8th birthday party?", When("yesterday"), "twins_bday"),
    ask(WHEN_, "When was my interview at the college?", When("next Tuesday"), "interview_next", "interview_done"),
    ask(WHEN_, "when did Lieve sprain her wrist", When("three days ago"), "wrist"),
    ask(WHEN_, "What day did Lieve take the offer on her Winnipeg house?", When("this morning"), "house_sold"),
    ask(WHEN_, "When did Denise run her half marathon?", When("this morning"), "denise_half"),
    ask(WHEN_, "When was Lieve's audition for the teaching job?", When("on Thursday", future=True), "audition_next",
        "piano_job"),
    ask(WHEN_, "When did Gaston have his teeth pulled?", When("on Tuesday"), "gaston_teeth"),
    ask(WHEN_, "When did I buy the truck?", When("last Saturday"), "f150"),
    ask(WHEN_, "When was Katrien's 40th?", When("last weekend"), "katrien"),
    ask(WHEN_, "What was my first day at Red River College?", When("on Monday"), "rrc_first"),
    ask(WHEN_, "Which month did Denise and I go over to Belgium?", When("next month"), "trip_next"),
    ask(WHEN_, "When did Wout break his arm?", When("yesterday"), "wout_arm"),
    ask(WHEN_, "When did our furnace pack in?", When("last night"), "furnace_died"),
    ask(WHEN_, "When did I have my kidney stone?", When("on Sunday"), "kidney"),
    ask(WHEN_, "What day did Lieve get the keys to the Kessel-Lo house?", When("on Friday"), "keys"),
    ask(WHEN_, "When did Lieve's family move into their new house?", When("yesterday"), "moved"),
    # the newest of several statements
    ask(UPDATE, "What did Lieve's old place in Winnipeg sell for in the end?", "$368,000", "house_list",
        "house_drop", "house_sold", aliases=["368,000", "368000", "$368000", "368k"]),
    ask(UPDATE, "Where does Lieve live now?", "Kessel-Lo", "leuven", "flat_vaartkom", "house_kessel", "keys",
        "moved", aliases=["Kessel Lo", "a house in Kessel-Lo", "number 23"]),
    ask(UPDATE, "What does Lieve do for work these days?", "teaches piano at the music academy", "academy_start",
        "piano_job", "teaching_start", "ballet",
        aliases=["piano teacher", "teaches piano", "piano teacher at the academy", "teaching piano"]),
    ask(UPDATE, "Where am I working now?", "Red River College", "shop", "rrc_offer", "rrc_first",
        aliases=["RRC", "Red River College Polytech", "the college", "carpentry instructor"]),
    ask(UPDATE, "How many piano pupils has Lieve got now?", "22", "pupils_14", "pupils_19", "pupils_22",
        aliases=["twenty-two", "22 pupils", "twenty two"]),
    ask(UPDATE, "What's Chloé studying these days?", "kinesiology", "chloe_nursing", "chloe_switch", "chloe_kin",
        aliases=["kin", "kinesiology in Ottawa"]),
    ask(UPDATE, "When is Lieve coming to stay with us?", "9 August", "visit_july", "visit_august", "flights",
        aliases=["August 9", "9th of August", "August 9th", "the 9th of August", "August", "in August"]),
    ask(UPDATE, "What am I driving these days?", "an F-150", "corolla", "f150", "corolla_sold",
        aliases=["F-150", "F150", "a 2017 F-150", "a truck", "the truck", "Ford F-150"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What was the twins' birthday cake shaped like?", "a moose", "cake_photo", aliases=["moose"]),
    ask(PHOTO, "What colours did I paint the Boler?", "cream and turquoise", "boler_photo",
        aliases=["cream on top and turquoise below", "turquoise and cream", "turquoise"]),
    ask(PHOTO, "What colour was the lighthouse on Texel?", "red", "texel_photo", aliases=["a red lighthouse"]),
    ask(PHOTO, "Where was Frits sitting in the first picture Lieve sent of him?", "in the box of a cargo bike",
        "frits_photo", aliases=["cargo bike", "in the cargo bike", "the cargo bike", "in the box of the cargo bike",
                                "the wooden box of a cargo bike"]),
    ask(PHOTO, "How long was Théo's muskie?", "41 inches", "muskie_photo", aliases=["41", "41 in", "41\""]),
    ask(PHOTO, "What number is Lieve's new house?", "23", "house_photo", aliases=["number 23", "no. 23"]),
    # light reasoning over what was said
    ask(INFER, "Why is my trailer called La Voisine?", "it's named after Lieve", "boler_name",
        aliases=["Lieve", "after Lieve", "for Lieve", "our old neighbour Lieve"]),
    ask(INFER, "Why were the twins so wiped out by school when they first got to Belgium?",
        "it was all in Dutch and they'd only spoken English at home", "english_home", "twins_dutch",
        aliases=["Dutch", "all in Dutch", "English at home", "they didn't speak Dutch", "the language"]),
    ask(INFER, "Why isn't Pieter coming to Winnipeg this summer?", "he's in charge of testing the flood barrier",
        "visit_change", "pieter_job",
        aliases=["flood barrier", "the flood barrier near Mechelen", "can't get leave", "work", "his job"]),
    ask(INFER, "Why was Lieve worried about her audition?", "her sprained wrist", "wrist", "audition_worry",
        aliases=["wrist", "her wrist", "the brace", "she hadn't played in three weeks", "sprained wrist"]),
    ask(INFER, "Why was Gaston on soft food in July?", "he'd had four teeth out", "gaston_teeth", "soft_food",
        aliases=["teeth", "his teeth", "teeth pulled", "rotten teeth", "teeth out"]),
    # two facts combined
    ask(MULTI, "How far under the first asking price did Lieve's Winnipeg house go?", "$21,900", "house_list",
        "house_sold", aliases=["21,900", "21900", "$21900"]),
    ask(MULTI, "How much more did Gaston's dental work cost than the vet quoted?", "$160", "gaston_quote",
        "gaston_teeth", aliases=["160", "160 dollars"]),
    ask(MULTI, "What did Lieve's cargo bike and her piano come to altogether?", "5,900 euros", "cargo_bike", "piano",
        aliases=["€5,900", "5,900", "5900", "5900 euros"]),
    ask(MULTI, "How many more pupils does Lieve have now than when she started teaching?", "8", "pupils_14",
        "pupils_22", aliases=["eight", "8 more"]),
    ask(MULTI, "How much under the asking price did Lieve and Pieter get their house in Kessel-Lo?", "17,000 euros",
        "house_offer", "house_accepted", aliases=["€17,000", "17,000", "17000", "17k"]),
    ask(MULTI, "How many nights were Denise and I in Belgium?", "7", "trip_next", "flying_home",
        aliases=["seven", "7 nights", "a week", "seven nights"]),
    # what one of them did, asked of the other
    ask(WHO, "When did I sprain my wrist?", None, "wrist", actually="Lieve"),
    ask(WHO, "How many piano pupils do I have now?", None, "pupils_22", actually="Lieve"),
    ask(WHO, "When did I fall over at my first korfball practice?", None, "korfball_fall", actually="Lieve"),
    ask(WHO, "How much did my cargo bike cost me?", None, "cargo_bike", actually="Lieve"),
    ask(WHO, "When did Lieve pass a kidney stone?", None, "kidney", actually="Marcel"),
    ask(WHO, "What's the name painted on the back of Lieve's camper trailer?", None, "boler_name",
        actually="Marcel"),
    ask(WHO, "How much did Lieve's new furnace cost?", None, "furnace", actually="Marcel"),
    ask(WHO, "How many teeth did Lieve's dog have pulled?", None, "gaston_teeth", actually="Marcel"),
    # never said
    ask(NONE, "What's Lieve's last name?", None),
    ask(NONE, "What's the name of the twins' school in Leuven?", None),
    ask(NONE, "How much did the twins' bunk beds cost?", None),
    ask(NONE, "What breed is Moka?", None),
    ask(NONE, "How much does Lieve charge for a piano lesson?", None),
    ask(NONE, "What number does Théo wear on his jersey?", None),
    ask(NONE, "What did the Bergerons call their baby?", None),
    ask(NONE, "What was the name of the high school I used to teach at?", None),
    ask(NONE, "How much did Lieve pay to adopt Frits?", None),
    ask(NONE, "How much were our flights to Brussels?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
