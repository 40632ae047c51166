"""Generate second-me's benchmark of a retired teacher and her former pupil texting across the world, deterministically.

    python bench/make_eval_teacher.py    # writes second_me/data/eval/teacher-benchmark.jsonl

Elspeth (the user, 67 and then 68, a retired chemistry teacher of 34 years at Ferryhill Academy in
Aberdeen, Scotland, with her husband Graham, who bakes bread, a border terrier, Bramble, a daughter
Fiona in Edinburgh with a girl of five, Isla, and then a baby, a son Alasdair in Calgary with a boy
of three, Finn, and a sister Jean in Stonehaven who sea swims) and Callum (32 and then 33, once her
pupil, an emergency department nurse at Harbourview Hospital in Auckland, New Zealand, who becomes a
charge nurse on nights, with his partner Hemi, a PE teacher, and a fat ginger cat, Tattie; his mum
in Torry) text one to one from April 2025 to February 2026 in 24 sessions, with no one else in the
chat (`bench/data/teacher-chats.txt`), mostly in her morning and his evening, 11, 12 and then 13
hours apart. Both of them do things (sea swimming, a choir and tutoring a girl for her Highers; touch
rugby, a half marathon, a volcano crossed and a surfboard; a house bid on, lost, offered on and
bought at a price that came down; a school's 50th ceilidh moved twice, a trip home moved twice and
an anniversary trip to Seville moved and dearer; a cataract operation cancelled and done, shingles
and a chest infection; a torn calf, a wisdom tooth and conjunctivitis; a hernia, a granddaughter,
a cat on a diet; Orkney, Edinburgh, Calgary, Rotorua, Wellington, the Coromandel and Tongariro),
so a question can pin one's doing on the other. Written, script and questions together, before
anything was measured on it. Its questions are of the friends set's kinds
(`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`). Run it with
`second-me eval --dataset teacher`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "teacher-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "teacher-benchmark.jsonl"
PEOPLE = {"E": ("Elspeth", "user"), "C": ("Callum", "other")}
SEED = 20260222
NOW = "2026-02-22T10:00:00+00:00"  # every question is asked at this moment (a Sunday morning in Aberdeen)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "Which hospital does Callum work at?", "Harbourview Hospital", "callum_job", aliases=["Harbourview"]),
    ask(IE, "What's Callum's cat called?", "Tattie", "tattie"),
    ask(IE, "What kind of dog is Bramble?", "a border terrier", "bramble", aliases=["border terrier", "terrier"]),
    ask(IE, "What's the name of my choir?", "the Granite City Singers", "choir", aliases=["Granite City Singers"]),
    ask(IE, "What part do I sing in the choir?", "alto", "choir", aliases=["an alto", "the alto part", "alto line"]),
    ask(IE, "How did Callum tear his calf?", "playing touch rugby", "calf",
        aliases=["touch rugby", "at touch rugby", "rugby", "playing rugby"]),
    ask(IE, "What did the house in Mt Roskill go for at the auction?", "$910,000", "outbid",
        aliases=["910,000", "910000", "$910k", "910k", "910,000 dollars"]),
    ask(IE, "What did Amal get in Higher Chemistry?", "an A", "amal_a", aliases=["A", "an A grade", "grade A"]),
    ask(IE, "What's Callum's conference poster about?", "frequent fliers in ED", "welly_plan",
        aliases=["frequent fliers", "frequent flyers", "people who come to ED a lot",
                 "people who come in 40 times a year", "frequent attenders"]),
    ask(IE, "What car did Callum buy?", "a 2013 Mazda Demio", "car",
        aliases=["Mazda Demio", "Demio", "a Mazda", "2013 Mazda Demio", "a silver Mazda"]),
    ask(IE, "How much did the sponsored swim raise for the lifeboat?", "£640", "rnli",
        aliases=["640", "640 pounds", "£640.00"]),
    ask(IE, "What's Maisie's middle name?", "Elspeth", "baby_maisie", aliases=["Maisie Elspeth"]),
    ask(IE, "How heavy was Maisie when she was born?", "7 pounds 2 ounces", "baby_born",
        aliases=["7 lb 2 oz", "7lb 2oz", "7 pounds 2", "seven pounds two ounces", "7 lbs 2 oz", "7lb 2"]),
    ask(IE, "How fast did Callum run the half marathon?", "1 hour 54", "half_done",
        aliases=["1:54", "1 hour 54 minutes", "an hour 54", "1h 54", "one hour fifty-four", "1 hr 54"]),
    ask(IE, "Who was the vet who stitched Bramble's paw?", "Kirsty Mair", "bramble_paw", aliases=["Kirsty"]),
    ask(IE, "Where did Callum order his kilt from?", "a shop in Dunedin", "kilt",
        aliases=["Dunedin", "from Dunedin", "a kilt shop in Dunedin"]),
    ask(IE, "What's Hemi's new job?", "head of PE at a school in Mt Albert", "hemi_job",
        aliases=["head of PE", "head of physical education", "head of department", "Mt Albert", "Mount Albert"]),
    ask(IE, "What did Hemi call the lemon tree?", "Lemmy", "house_ask", "lemmy"),
    ask(IE, "What does Ross Leith do now?", "he flies helicopters out to the rigs", "ross",
        aliases=["helicopter pilot", "flies helicopters", "a pilot", "pilot", "flies helicopters to the rigs",
                 "flies to the rigs"]),
    ask(IE, "Where did Callum find Tattie after she went missing?", "in the neighbour's shed", "tattie_shed",
        aliases=["neighbour's shed", "the neighbour's shed", "a shed", "the shed next door", "Trevor's shed",
                 "in a shed", "neighbor's shed"]),
    ask(IE, "What did Hemi make for Callum's birthday?", "a pavlova", "birthday_c", aliases=["pavlova", "pav"]),
    ask(IE, "How much was my changing robe?", "£95", "dryrobe", aliases=["95", "95 pounds", "£95.00"]),
    ask(IE, "What colour is my dress for the ceilidh?", "green", "dress",
        aliases=["green with a bit of sparkle", "sparkly green", "green with sparkle"]),
    ask(IE, "How much were Callum's flights home?", "$2,380", "flights",
        aliases=["2,380", "2380", "$2380", "2,380 dollars"]),
    # everything of a kind, across sessions
    ask(GATHER, "What's been wrong with my health this past year?", "a cataract", "cataract", "cataract_done",
        "shingles", "chest",
        aliases=["cataract", "cataract operation", "my eye", "shingles", "chest infection", "a chest infection"]),
    ask(GATHER, "What health problems has Callum had this year?", "a torn calf", "calf", "tooth", "tooth_done",
        "conjunctivitis",
        aliases=["torn calf", "calf", "his calf", "wisdom tooth", "tooth out", "a tooth", "conjunctivitis",
                 "pink eye"]),
    ask(GATHER, "Where have I been away to this past year?", "Orkney", "orkney_plan", "brodgar", "edinburgh_trip",
        "calgary_fly", "calgary_snow", "banff",
        aliases=["Orkney", "Ring of Brodgar", "Edinburgh", "Calgary", "Canada", "Banff", "Lake Louise"]),
    ask(GATHER, "Where has Callum been on trips this year?", "Rotorua", "rotorua", "welly_plan", "welly_done",
        "coromandel", "tongariro",
        aliases=["Rotorua", "Wellington", "the Coromandel", "Coromandel", "Tongariro", "the Tongariro crossing"]),
    ask(GATHER, "What have I bought this past year?", "a changing robe", "dryrobe", "new_phone", "dress",
        aliases=["changing robe", "a robe", "robe", "new phone", "a phone", "phone", "dress", "a green dress",
                 "a dress for the ceilidh"]),
    ask(GATHER, "What has Callum bought in the past year?", "a car", "car", "house_accepted", "kilt", "surfboard",
        aliases=["car", "Mazda", "Demio", "house", "a house", "bungalow", "kilt", "a kilt", "surfboard",
                 "a surfboard", "foam surfboard"]),
    ask(GATHER, "What has Tattie got up to?", "brought in a weta", "tattie_weta", "tattie_photo", "tattie_72",
        "tattie_missing", "tattie_shed", "tattie_64", "tattie_59",
        aliases=["weta", "a weta", "fruit bowl", "slept in the fruit bowl", "diet", "went on a diet",
                 "lost weight", "went missing", "neighbour's shed", "a shed"]),
    ask(GATHER, "What has Bramble been up to this year?", "rolled in a dead seal", "bramble_seal", "bramble_roll",
        "bramble_paw", "amal_offer",
        aliases=["dead seal", "a seal", "rolled in a seal", "bacon roll", "stole a bacon roll", "cut her paw",
                 "mussel shell", "stitches in her paw", "licked Amal's phone"]),
    ask(GATHER, "What have I done with the choir?", "sang a solo line at the Christmas concert", "choir", "concert",
        "concert_done", "choir_xmas", "concert_done2",
        aliases=["joined", "joined the choir", "a concert at St Machar's", "St Machar's", "summer concert",
                 "a solo", "solo", "solo line", "Music Hall", "In the Bleak Midwinter", "Christmas concert"]),
    ask(GATHER, "How has my sea swimming gone this year?", "swam 800 metres across Stonehaven bay", "first_swim",
        "swim_200", "swim_400", "swim_done", "swim_back", "dook_plan", "chest", "swim_feb",
        aliases=["800 metres", "sponsored swim", "across the bay", "400 metres", "Orkney", "Churchill Barriers",
                 "200 metres", "four minutes", "Stonehaven", "New Year dook", "the dook", "lobster"]),
    ask(GATHER, "What has Hemi been up to this year?", "took his girls' rugby team to the schools final",
        "hemi_semis", "hemi_final", "hemi_lost", "crayfish_photo", "hemi_job", "surfboard",
        aliases=["rugby final", "the final", "semis", "semi-final", "lost the final", "girls' rugby",
                 "head of PE", "new job", "Mt Albert", "crayfish", "dived for a crayfish", "teaching Callum to surf",
                 "surfing"]),
    ask(GATHER, "What's been happening with Fiona this year?", "she had a baby girl, Maisie", "fiona_pregnant",
        "fiona_due", "baby_born", "baby_maisie", "xmas_e", "christening",
        aliases=["a baby", "baby", "Maisie", "a baby girl", "pregnant", "christening", "Maisie was christened",
                 "Christmas in Aberdeen"]),
    ask(GATHER, "Which of Callum's old classmates have I run into?", "Kirsty Mair", "bramble_paw", "ross", "amy",
        aliases=["Kirsty", "Ross Leith", "Ross", "Amy Ogston", "Amy"]),
    ask(GATHER, "How has Callum and Hemi's house hunting gone?", "they bought a bungalow in Avondale", "open_homes",
        "auction", "outbid", "house_ask", "house_offer", "house_accepted", "moved",
        aliases=["bought a house", "Avondale", "bungalow", "open homes", "outbid", "Mt Roskill", "auction",
                 "offer accepted", "$872,000", "moved in", "lemon tree"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did I first swim at Stonehaven?", When("yesterday"), "first_swim"),
    ask(WHEN_, "When did Callum tear his calf?", When("on Tuesday"), "calf"),
    ask(WHEN_, "When did Bramble roll in the dead seal?", When("this morning"), "bramble_seal"),
    ask(WHEN_, "When did Graham have his hernia operation?", When("on Wednesday"), "graham_hernia"),
    ask(WHEN_, "When's my birthday?", When("yesterday"), "birthday_e"),
    ask(WHEN_, "When did Callum have his wisdom tooth out?", When("on Friday", future=True), "tooth_friday",
        "tooth_booked", "tooth_done"),
    ask(WHEN_, "When was the sponsored swim across Stonehaven bay?", When("last Saturday"), "swim_done",
        "sponsored_plan"),
    ask(WHEN_, "When did I have my cataract operation?", When("on Thursday"), "cataract_done", "cataract_date2"),
    ask(WHEN_, "When was Maisie born?", When("last night"), "baby_born"),
    ask(WHEN_, "When did my shingles start?", When("three days ago"), "shingles"),
    ask(WHEN_, "When did Callum run the half marathon?", When("last Sunday"), "half_done", "half_plan"),
    ask(WHEN_, "When did Callum and Hemi move into their house?", When("last weekend"), "moved", "move_plan"),
    ask(WHEN_, "When did Tattie go missing?", When("on Sunday"), "tattie_missing"),
    ask(WHEN_, "When is Callum's birthday?", When("on Wednesday"), "birthday_c"),
    ask(WHEN_, "What date did I fly to Calgary?", "2 October 2025", "calgary_fly",
        aliases=["2 October", "October 2", "2nd October", "October 2nd", "2nd of October", "2025-10-02"]),
    ask(WHEN_, "When did Callum start as a charge nurse?", "3 November 2025", "charge_got", "charge_first",
        aliases=["3 November", "November 3", "3rd November", "November 3rd", "3rd of November", "2025-11-03"]),
    ask(WHEN_, "When was my choir's first concert?", "14 June 2025", "concert", "concert_done",
        aliases=["14 June", "June 14", "14th June", "June 14th", "14th of June", "2025-06-14"]),
    ask(WHEN_, "When was settlement on Callum and Hemi's house?", "14 November 2025", "settlement", "move_plan",
        aliases=["14 November", "November 14", "14th November", "November 14th", "14th of November",
                 "2025-11-14"]),
    # the newest of several statements
    ask(UPDATE, "When is the Ferryhill Academy 50th ceilidh?", "4 April 2026", "ceilidh_first", "ceilidh_nov",
        "ceilidh_worry", "ceilidh_april", "ceilidh_final",
        aliases=["4 April", "April 4", "4th April", "April 4th", "4th of April", "Saturday 4 April",
                 "2026-04-04"]),
    ask(UPDATE, "Where is the ceilidh being held?", "the Tern Hotel", "ceilidh_first", "ceilidh_nov",
        "ceilidh_april", "ceilidh_final", aliases=["Tern Hotel", "the Tern Hotel on the beach front"]),
    ask(UPDATE, "What's Callum's job now?", "charge nurse in the emergency department, on nights", "callum_job",
        "charge_got", "charge_first", "charge_3mo",
        aliases=["charge nurse", "ED charge nurse", "night charge nurse", "charge nurse in ED",
                 "charge nurse on nights"]),
    ask(UPDATE, "How heavy is Tattie now?", "5.9 kg", "tattie_72", "tattie_64", "tattie_59",
        aliases=["5.9", "5.9kg", "5.9 kilos", "5.9 kilograms"]),
    ask(UPDATE, "What did Fiona call the baby?", "Maisie", "fiona_due", "baby_maisie", aliases=["Maisie Elspeth"]),
    ask(UPDATE, "When is Callum coming home to Scotland?", "1 April 2026", "trip_sept", "trip_xmas", "xmas_off",
        "trip_april", "flights",
        aliases=["1 April", "April 1", "1st April", "April 1st", "1st of April", "in April", "April",
                 "2026-04-01"]),
    ask(UPDATE, "What's the furthest I've swum in the sea?", "800 metres", "swim_200", "swim_400", "swim_done",
        aliases=["800 m", "800m", "800 meters", "800 metres across the bay", "across Stonehaven bay"]),
    ask(UPDATE, "How much did Callum and Hemi pay for their house?", "$872,000", "house_ask", "house_offer",
        "house_accepted", aliases=["872,000", "872000", "$872k", "872k", "872,000 dollars"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour were the hats in the photo of Jean's swimming group?", "pink", "swim_photo",
        aliases=["bright pink", "pink bobble hats"]),
    ask(PHOTO, "What was Tattie asleep in, in the photo Callum sent?", "a fruit bowl", "tattie_photo",
        aliases=["fruit bowl", "a wooden fruit bowl", "the fruit bowl", "a bowl"]),
    ask(PHOTO, "What colour was Graham's hat at the Ring of Brodgar?", "red", "brodgar_photo",
        aliases=["a red bucket hat", "red bucket hat"]),
    ask(PHOTO, "What colour is the front door of Callum and Hemi's house?", "yellow", "house_photo",
        aliases=["bright yellow", "a yellow door"]),
    ask(PHOTO, "What was Maisie's knitted hat shaped like?", "a strawberry", "maisie_photo",
        aliases=["strawberry", "a red strawberry"]),
    ask(PHOTO, "What was Hemi holding up in the New Year's Eve photo?", "a crayfish", "crayfish_photo",
        aliases=["crayfish", "a red crayfish", "a big crayfish", "a rock lobster"]),
    # light reasoning over what was said
    ask(INFER, "Why did the ceilidh have to move from September?", "asbestos was found in the school hall ceiling",
        "asbestos", "ceilidh_nov",
        aliases=["asbestos", "asbestos in the hall", "the hall was shut", "the school hall was closed"]),
    ask(INFER, "Why couldn't Callum come home for Christmas after all?",
        "new charge nurses don't get leave over Christmas, so he's on the roster", "xmas_off", "charge_got",
        aliases=["work", "the roster", "on the roster", "no leave", "he's working", "his new job",
                 "charge nurse", "the charge nurse job"]),
    ask(INFER, "Why did we move the Seville trip to May?",
        "the ceilidh moved to the same week in April, and Callum's coming home for it", "seville_clash",
        "ceilidh_april", "seville_may",
        aliases=["the ceilidh", "the ceilidh moved", "it clashed with the ceilidh", "clash", "Callum's visit",
                 "Callum coming home"]),
    ask(INFER, "Why couldn't I swim for most of September?",
        "the surgeon said no swimming for four weeks after my cataract operation", "no_swim", "cataract_done",
        aliases=["cataract", "the cataract operation", "my eye", "eye operation", "the surgeon said no swimming"]),
    ask(INFER, "Why didn't Callum and Hemi get the house in Mt Roskill?", "they were outbid at the auction",
        "outbid", "auction",
        aliases=["outbid", "they were outbid", "it went for $910,000", "someone bid more", "too expensive",
                 "they stopped at $850,000"]),
    # two facts combined
    ask(MULTI, "How much under the asking price did Callum and Hemi get their house for?", "$27,000", "house_ask",
        "house_accepted", aliases=["27,000", "27000", "$27k", "27k", "27,000 dollars"]),
    ask(MULTI, "How many years older am I than Callum?", "35", "birthday_e", "birthday_c",
        aliases=["35 years", "thirty-five", "35 years older"]),
    ask(MULTI, "How much weight has Tattie lost since the vet put her on a diet?", "1.3 kg", "tattie_72",
        "tattie_59", aliases=["1.3", "1.3kg", "1.3 kilos", "1.3 kilograms"]),
    ask(MULTI, "How many grandchildren do I have now?", "3", "fiona_pregnant", "calgary_plan", "baby_born",
        aliases=["three", "3 grandchildren", "three grandchildren"]),
    ask(MULTI, "How much more did the Seville trip cost after we moved it to May?", "£170", "seville_book",
        "seville_may", aliases=["170", "170 pounds", "£170.00"]),
    ask(MULTI, "How many days after my cataract operation did I go back in the sea?", "30", "cataract_done",
        "swim_back", aliases=["30 days", "thirty days", "thirty", "a month", "about a month"]),
    # what one of them did, asked of the other
    ask(WHO, "When did I tear my calf?", None, "calf", actually="Callum"),
    ask(WHO, "How much did I pay for my car?", None, "car", actually="Callum"),
    ask(WHO, "What time did I run the half marathon in?", None, "half_done", actually="Callum"),
    ask(WHO, "When did I get conjunctivitis?", None, "conjunctivitis", actually="Callum"),
    ask(WHO, "When did Callum have his cataract operation?", None, "cataract_done", actually="Elspeth"),
    ask(WHO, "When did Callum get shingles?", None, "shingles", actually="Elspeth"),
    ask(WHO, "How much did Callum raise for the lifeboat with his sponsored swim?", None, "swim_done", "rnli",
        actually="Elspeth"),
    ask(WHO, "Which choir did Callum join?", None, "choir", actually="Elspeth"),
    # never said
    ask(NONE, "What's Hemi's surname?", None),
    ask(NONE, "Which airline did I fly to Calgary with?", None),
    ask(NONE, "What's the name of the band playing at the ceilidh?", None),
    ask(NONE, "How much are tickets for the ceilidh?", None),
    ask(NONE, "What did Callum give me for my birthday?", None),
    ask(NONE, "What's Callum's manager called?", None),
    ask(NONE, "How long did the Tongariro crossing take Callum and Hemi?", None),
    ask(NONE, "What's Jean's swimming group called?", None),
    ask(NONE, "What does Alasdair do for work?", None),
    ask(NONE, "What does Fiona's husband do for a living?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
