"""Generate second-me's benchmark of two old classmates texting between Cape Town and Lyon, deterministically.

    python bench/make_eval_classmates.py    # writes second_me/data/eval/classmates-benchmark.jsonl

Zanele (the user, 33 and then 34, an architect at Studio Lwandle in Woodstock, Cape Town, project
architect of a public library in Khayelitsha and made an associate, who buys a house in Muizenberg
with her husband Sipho, a maths teacher made deputy principal, and their ginger cat Mielie; her
grandmother Gogo in Gqeberha and her brother Themba, who moves to Johannesburg) and Hugo (35 and then
36, her classmate at architecture school in Cape Town, back home in Lyon, who leaves a big firm,
Vidal Mercier, to start his own practice, Atelier Trame, with Bastien, and whose partner Camille, a
pharmacist, has a daughter, Margaux; his father, a train driver, retires) text one to one from May
2025 to March 2026 in 24 sessions, with no one else in the chat (`bench/data/classmates-chats.txt`).
Both of them do things (surfing and the Cape Town Cycle Tour, bouldering and Mont Ventoux; a house
bought after an offer turned down and a flat renovated on a quote that grows; solar panels, a
surfboard and a road bike, a cargo bike, a drawing table and an espresso machine; a library opening
moved twice, flights to Lyon moved, a baby's name changed, a competition entered together and its
prize split two ways, a school won and a canteen won; a wisdom tooth, bruised ribs and a bluebottle
sting, a hurt finger, a broken toe and gastro; the Cederberg, Gqeberha, Johannesburg and Lyon,
Venice, Saint-Malo, Portugal and Chambéry), so a question can pin one's doing on the other. Written,
script and questions together, before anything was measured on it. Its questions are of the friends
set's kinds (`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`). Run it with
`second-me eval --dataset classmates`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "classmates-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "classmates-benchmark.jsonl"
PEOPLE = {"Z": ("Zanele", "user"), "H": ("Hugo", "other")}
SEED = 20260411
NOW = "2026-04-11T17:00:00+00:00"  # every question is asked at this moment (a Saturday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "Which practice do I work at?", "Studio Lwandle", "lwandle",
        aliases=["Lwandle", "Studio Lwandle in Woodstock"]),
    ask(IE, "What does Camille do?", "pharmacist", "camille",
        aliases=["a pharmacist", "works at a pharmacy", "at a pharmacy", "at the pharmacy", "pharmacy",
                 "she works in a pharmacy", "the pharmacy on rue de la République"]),
    ask(IE, "What subject does Sipho teach?", "maths", "sipho_job",
        aliases=["math", "mathematics", "maths at a high school in Rondebosch", "he teaches maths"]),
    ask(IE, "Who got Hugo into bouldering?", "Bastien", "climbing", aliases=["Bastien dragged him"]),
    ask(IE, "What did Monsieur Ferreira first quote for the work on Hugo's flat?", "38,000 euros", "quote",
        aliases=["€38,000", "38,000", "38000", "38 000 euros", "38,000 €", "38000 euros"]),
    ask(IE, "How much did the vet charge to get the hair tie out of Mielie?", "R3,200", "mielie_vet",
        aliases=["3,200", "3200", "R3200", "3,200 rand", "R3 200"]),
    ask(IE, "How long did it take Hugo to ride up Mont Ventoux?", "2 hours 10 minutes", "ventoux",
        aliases=["2h10", "2:10", "two hours ten minutes", "2 hours and 10 minutes", "two hours and ten minutes",
                 "2 h 10"]),
    ask(IE, "What did Hugo's dad do before he retired?", "he drove trains for the SNCF", "dad_retire",
        aliases=["train driver", "a train driver", "drove trains", "driving trains", "SNCF", "trains",
                 "a train driver for the SNCF", "the railways"]),
    ask(IE, "What did Sipho give me for my birthday?", "a wetsuit", "wetsuit",
        aliases=["wetsuit", "a new wetsuit", "a 4/3 wetsuit", "4/3 wetsuit", "a proper wetsuit"]),
    ask(IE, "How much did the solar on our house cost?", "R85,000", "solar",
        aliases=["85,000", "85000", "R85000", "R85 000", "85,000 rand"]),
    ask(IE, "What time was Margaux born?", "4:52 in the morning", "born",
        aliases=["4:52", "4:52 am", "4.52am", "4:52am", "4.52", "just before 5 in the morning", "4:52 a.m."]),
    ask(IE, "How much did Margaux weigh when she was born?", "3.2 kg", "born",
        aliases=["3.2", "3.2 kilos", "3.2kg", "3.2 kilograms", "3,2 kg"]),
    ask(IE, "How many entries were there in the Tessera competition?", "214", "tessera_result",
        aliases=["214 entries", "two hundred and fourteen"]),
    ask(IE, "Where did I buy my surfboard?", "from a guy in Kalk Bay", "surfboard",
        aliases=["Kalk Bay", "in Kalk Bay", "a guy in Kalk Bay", "a man in Kalk Bay", "secondhand in Kalk Bay"]),
    ask(IE, "Who teaches me to surf?", "Bongani", "bongani", aliases=["my instructor Bongani"]),
    ask(IE, "Where did we camp in the Cederberg?", "Sanddrif", "cederberg", aliases=["at Sanddrif"]),
    ask(IE, "How many people came to Gogo's 90th?", "120", "gogo_90",
        aliases=["120 people", "a hundred and twenty", "one hundred and twenty"]),
    ask(IE, "How did Hugo break his toe?", "he walked into the cot in the dark", "toe",
        aliases=["the cot", "walked into the cot", "into the cot", "in the dark", "at 3am", "the baby's cot",
                 "kicked the cot"]),
    ask(IE, "What was my time in the Cycle Tour?", "4 hours 38 minutes", "cycle_done",
        aliases=["4:38", "4h38", "4 hours and 38 minutes", "four hours 38", "four hours and 38 minutes"]),
    ask(IE, "Who was Atelier Trame's first client?", "a bakery in Villeurbanne", "trame_client",
        aliases=["a bakery", "bakery", "Villeurbanne", "the bakery in Villeurbanne", "a baker", "the baker"]),
    ask(IE, "Who is Themba engaged to?", "Naledi", "themba_engaged", aliases=["Naledi, a dentist", "a dentist"]),
    ask(IE, "What does Bastien wear every day?", "a yellow scarf", "bastien",
        aliases=["yellow scarf", "the yellow scarf", "scarf", "a scarf", "a grey scarf"]),
    ask(IE, "How many children is the canteen Atelier Trame won for?", "400", "canteen",
        aliases=["400 children", "four hundred", "400 kids"]),
    ask(IE, "How many bunks does our Tessera hut have?", "four", "tessera_plan",
        aliases=["4", "four bunks", "4 bunks"]),
    # everything of a kind, across sessions
    ask(GATHER, "What health problems have I had in the past year?", "a wisdom tooth out", "wisdom",
        "wisdom_done", "ribs", "bluebottle",
        aliases=["wisdom tooth", "tooth", "tooth out", "bruised ribs", "ribs", "my ribs", "bluebottle",
                 "bluebottle sting", "stung by a bluebottle", "stung", "man o' war"]),
    ask(GATHER, "What's been wrong with Hugo's health this past year?", "hurt a pulley in his finger", "pulley",
        "toe", "gastro",
        aliases=["finger", "pulley", "ring finger", "hurt his finger", "broken toe", "toe", "gastro",
                 "stomach bug"]),
    ask(GATHER, "Where has Hugo been away to in the past year?", "Venice", "venice", "ventoux", "brittany",
        "chambery",
        aliases=["Venice", "the Venice Biennale", "Biennale", "Mont Ventoux", "Ventoux", "Bédoin", "Saint-Malo",
                 "Brittany", "Chambéry", "his parents'"]),
    ask(GATHER, "Where have I travelled to in the past year?", "the Cederberg", "cederberg", "gogo_90", "jhb",
        "landed",
        aliases=["Cederberg", "Gqeberha", "Port Elizabeth", "Johannesburg", "Joburg", "Lyon", "France",
                 "Wolfberg Arch", "Sanddrif"]),
    ask(GATHER, "What have I bought in the past year?", "a house in Muizenberg", "offer_accepted", "solar",
        "surfboard", "copper_pan", "road_bike",
        aliases=["house", "a house", "the house", "solar panels", "solar", "a battery", "surfboard", "longboard",
                 "copper pan", "a copper pan", "road bike", "a bike", "a road bike"]),
    ask(GATHER, "What has Hugo bought in the past year?", "a cargo bike", "cargo_bike", "drawing_table",
        "espresso",
        aliases=["cargo bike", "drawing table", "a drawing table", "espresso machine", "an espresso machine",
                 "coffee machine"]),
    ask(GATHER, "What has Mielie got up to?", "ate a hair tie", "mielie_vet", "moved", "mielie_tree",
        "mielie_snake",
        aliases=["hair tie", "a hair tie", "under the bath", "hid under the bath", "lemon tree",
                 "sits in the lemon tree", "snake", "mole snake", "brought in a snake", "the vet"]),
    ask(GATHER, "How has the work on Hugo's flat gone?", "the beams were rotten and the quote went up", "quote",
        "quote_up", "mezzanine", "ferreira_done",
        aliases=["rotten beams", "rotten", "the quote went up", "quote went up", "mezzanine",
                 "the mezzanine is up", "bathroom", "the bathroom is finished", "44,500"]),
    ask(GATHER, "What's Hugo's dad been up to this past year?", "retired from the SNCF", "dad_retire", "camper",
        "ventoux", "dad_portugal", "dad_back", "chambery",
        aliases=["retired", "retirement", "camper van", "a camper van", "Mont Ventoux", "Ventoux", "Portugal",
                 "wooden train", "a train for Margaux", "made Margaux a wooden train"]),
    ask(GATHER, "What has Sipho been up to over the past year?", "his chess team won the provincial champs",
        "sipho_chess", "z_birthday", "sipho_interview", "deputy", "chapmans",
        aliases=["chess", "provincial champs", "chess team", "surprise party", "a surprise party",
                 "deputy principal", "promoted", "interview", "oranges", "Chapman's Peak", "new tie"]),
    ask(GATHER, "What has Margaux done since she was born?", "smiled", "margaux_smile", "chambery",
        "margaux_laugh", "cargo_snow", "margaux_roll", "camille_back",
        aliases=["smiled", "first smile", "laughed", "first laugh", "laughed at the dishwasher", "dishwasher",
                 "wooden train", "snow", "cargo bike", "rolled over", "under the sofa", "crèche", "creche",
                 "started crèche"]),
    ask(GATHER, "How has my surfing gone?", "I stood up for a whole wave", "surf", "surf_stand", "ribs",
        "surfboard", "bluebottle",
        aliases=["stood up", "a whole wave", "lessons", "bruised ribs", "ribs", "surfboard", "my own board",
                 "longboard", "Kevin", "bluebottle", "stung"]),
    ask(GATHER, "What has Atelier Trame done since it started?", "a shop front for a bakery in Villeurbanne",
        "trame_client", "shortlist", "trame_hire", "trame_won", "trame_five", "canteen_permit",
        aliases=["bakery", "shop front", "Villeurbanne", "shortlist", "shortlisted", "canteen", "school canteen",
                 "won the canteen", "Vaulx-en-Velin", "Yasmin", "hired", "five people", "building permit"]),
    ask(GATHER, "How has the Site C library come along?", "the roof slab went on", "slab", "steel",
        "steel_here", "library_april", "invites",
        aliases=["roof slab", "slab", "steel", "customs", "harbour", "the roof's going up", "contractor went bust",
                 "new contractor", "25 April", "invitations"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When was Margaux born?", When("on Tuesday"), "born"),
    ask(WHEN_, "When did we move into the Muizenberg house?", When("yesterday"), "moved"),
    ask(WHEN_, "When's my birthday?", When("on Thursday"), "z_birthday"),
    ask(WHEN_, "When is Hugo's birthday?", When("on Friday"), "hugo_birthday"),
    ask(WHEN_, "When did Hugo ride up Mont Ventoux?", When("yesterday"), "ventoux", "ventoux_moved"),
    ask(WHEN_, "When did Hugo hurt his finger climbing?", When("on Tuesday"), "pulley"),
    ask(WHEN_, "When was Gogo's 90th?", When("yesterday"), "gogo_90"),
    ask(WHEN_, "When did we send in our Tessera entry?", When("on Sunday"), "tessera_submitted"),
    ask(WHEN_, "When was I made an associate?", When("on Wednesday"), "associate"),
    ask(WHEN_, "When did Sipho's chess team win the provincial champs?", When("last Saturday"), "sipho_chess"),
    ask(WHEN_, "When did I get stung by a bluebottle?", When("on Thursday"), "bluebottle"),
    ask(WHEN_, "When did Hugo break his toe?", When("last night"), "toe"),
    ask(WHEN_, "when did I ride the Cycle Tour", When("yesterday"), "cycle_done", "cycle_tour"),
    ask(WHEN_, "When did Sipho and I go to the Cederberg?", When("last weekend"), "cederberg", "cederberg_next"),
    ask(WHEN_, "When did Hugo hand in his notice at Vidal Mercier?", When("on Monday"), "notice"),
    ask(WHEN_, "When did I have my wisdom tooth out?", When("on Thursday", future=True), "wisdom", "wisdom_done"),
    ask(WHEN_, "Which month did Margaux start crèche?", When("next month"), "creche", "camille_back"),
    ask(WHEN_, "When did Margaux first roll over?", When("three days ago"), "margaux_roll"),
    # the newest of several statements
    ask(UPDATE, "When is the Site C library opening?", "25 April", "library_sep", "library_nov", "library_april",
        "invites",
        aliases=["April 25", "25th of April", "April 25th", "Saturday 25 April", "25 April 2026",
                 "April 25, 2026", "the 25th of April"]),
    ask(UPDATE, "How much is Ferreira charging for the work on Hugo's flat?", "44,500 euros", "quote", "quote_up",
        "ferreira_done", aliases=["€44,500", "44,500", "44500", "44 500 euros", "44,500 €", "44500 euros"]),
    ask(UPDATE, "How much did we pay for the house in Muizenberg?", "R2.45 million", "house_offer",
        "offer_rejected", "offer_accepted",
        aliases=["2.45 million", "R2,450,000", "2,450,000", "R2.45m", "2.45m", "2.45", "R2 450 000"]),
    ask(UPDATE, "What are Hugo and Camille calling their daughter?", "Margaux", "name_louise", "name_change",
        "born", aliases=["Margaux"]),
    ask(UPDATE, "What day was my flight home from Lyon?", "16 December", "flights_lyon", "flights_new",
        aliases=["December 16", "16th of December", "December 16th", "the 16th", "16 December 2025",
                 "December 16, 2025"]),
    ask(UPDATE, "How many people work at Atelier Trame now?", "5", "trame", "trame_hire", "trame_five",
        aliases=["five", "5 people", "five people", "five of them"]),
    ask(UPDATE, "How long is my Duolingo streak?", "101 days", "duolingo_12", "duolingo_69", "duolingo_131",
        "duolingo_lost", "duolingo_101", aliases=["101", "a hundred and one days", "101 days in a row"]),
    ask(UPDATE, "Where does Hugo work now?", "Atelier Trame, his own practice with Bastien", "vidal", "quit_think",
        "notice", "trame",
        aliases=["Atelier Trame", "Trame", "his own practice", "his own firm", "with Bastien",
                 "his own practice with Bastien"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What flavour was the gelato Camille had in Venice?", "pistachio", "venice_photo",
        aliases=["a pistachio gelato", "pistachio gelato", "pistachio ice cream"]),
    ask(PHOTO, "What colour was the pompom on Margaux's hat in her first photo?", "red", "margaux_photo",
        aliases=["a red pompom", "red pompom", "little red pompom"]),
    ask(PHOTO, "What was behind Hugo and his dad at the top of Mont Ventoux?", "a red and white weather tower",
        "ventoux_photo",
        aliases=["weather tower", "a weather tower", "a weather station", "the weather station",
                 "red and white tower", "a striped tower", "a tower"]),
    ask(PHOTO, "What was projected on the basilica at the Fête des Lumières?", "giant blue whales", "lights_photo",
        aliases=["whales", "blue whales", "glowing whales", "glowing blue whales", "giant whales"]),
    ask(PHOTO, "What's my Cycle Tour medal shaped like?", "a protea", "cycle_photo",
        aliases=["protea", "a protea flower", "protea flower", "a flower"]),
    ask(PHOTO, "What colour is the front door of our house in Muizenberg?", "blue", "house_photo",
        aliases=["bright blue", "a blue door", "a bright blue door"]),
    # light reasoning over what was said
    ask(INFER, "Why was the library opening put back to November?",
        "the steel for the roof was stuck in customs at the harbour", "steel", "library_nov",
        aliases=["steel", "the steel", "the roof steel", "the steel was stuck", "customs", "stuck at the harbour",
                 "the harbour", "at the port", "in a container"]),
    ask(INFER, "Why aren't Hugo and Camille calling the baby Louise any more?",
        "Louise is the great-aunt nobody has talked to since a fight about a house", "name_change",
        aliases=["great-aunt", "the great-aunt", "a great-aunt", "nobody talks to her", "the family fight",
                 "the fight about the house", "a family feud", "Camille's mum"]),
    ask(INFER, "Why did I have to change my Lyon flights?",
        "Farah needed me at a pitch for a new school in Mitchells Plain on 5 December", "flights_change",
        "flights_new",
        aliases=["a pitch", "the pitch", "school pitch", "Mitchells Plain", "work", "Farah", "a new school",
                 "the school pitch"]),
    ask(INFER, "Why did the work on Hugo's flat cost more than Ferreira first said?",
        "the beams under the floor were rotten", "quote_up",
        aliases=["rotten beams", "rotten wood", "the beams were rotten", "rot", "rotten", "the beams"]),
    ask(INFER, "Why did Hugo put off his Mont Ventoux ride by a week?",
        "storms were forecast for the 19th and his mum said no", "ventoux_moved",
        aliases=["storms", "the forecast", "bad weather", "a storm", "his mum said no", "his mum", "the weather"]),
    # two facts combined
    ask(MULTI, "How much more did we pay for the Muizenberg house than we first offered?", "R150,000",
        "house_offer", "offer_accepted",
        aliases=["150,000", "150000", "R150000", "R150 000", "150 thousand", "150,000 rand"]),
    ask(MULTI, "How much did the rotten beams add to Ferreira's quote?", "6,500 euros", "quote", "quote_up",
        aliases=["€6,500", "6,500", "6500", "6 500 euros", "6500 euros"]),
    ask(MULTI, "How many years older is Hugo than me?", "2", "hugo_birthday", "z_birthday",
        aliases=["two", "2 years", "two years", "about two years"]),
    ask(MULTI, "How many days early was Margaux born?", "7", "due", "born",
        aliases=["seven", "7 days", "seven days", "a week", "one week"]),
    ask(MULTI, "What did my Lyon flights cost in the end, with the change?", "R16,700", "flights_lyon",
        "flights_new", aliases=["16,700", "16700", "R16700", "R16 700", "16,700 rand"]),
    ask(MULTI, "How far under my first Cycle Tour goal did I finish?", "22 minutes", "cycle_goal", "cycle_done",
        aliases=["22", "twenty-two minutes", "22 min", "twenty two minutes"]),
    # what one of them did, asked of the other
    ask(WHO, "When did I hurt my finger climbing?", None, "pulley", actually="Hugo"),
    ask(WHO, "How long did it take me to ride up Mont Ventoux?", None, "ventoux", actually="Hugo"),
    ask(WHO, "How much did I pay for my cargo bike?", None, "cargo_bike", actually="Hugo"),
    ask(WHO, "When did I break my toe?", None, "toe", actually="Hugo"),
    ask(WHO, "When did Hugo get stung by a bluebottle?", None, "bluebottle", actually="Zanele"),
    ask(WHO, "How much did Hugo pay for his surfboard?", None, "surfboard", actually="Zanele"),
    ask(WHO, "When did Hugo have his wisdom tooth out?", None, "wisdom", actually="Zanele"),
    ask(WHO, "When was Hugo made an associate?", None, "associate", actually="Zanele"),
    # never said
    ask(NONE, "What's Sipho's surname?", None),
    ask(NONE, "How much did Hugo and Camille pay for their flat?", None),
    ask(NONE, "How long was Margaux when she was born?", None),
    ask(NONE, "Which airline did I fly to Lyon with?", None),
    ask(NONE, "Who won first prize in the Tessera competition?", None),
    ask(NONE, "What's the bakery Atelier Trame did the shop front for called?", None),
    ask(NONE, "What's Hugo's mum called?", None),
    ask(NONE, "What was Sipho's time in the Cycle Tour?", None),
    ask(NONE, "What place did I come in the Cycle Tour?", None),
    ask(NONE, "How much did Naledi's engagement ring cost?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
