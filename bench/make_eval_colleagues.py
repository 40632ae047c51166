"""Generate second-me's benchmark of two former colleagues texting after one moved away, deterministically.

    python bench/make_eval_colleagues.py    # writes second_me/data/eval/colleagues-benchmark.jsonl

Declan (the user, a hydrologist at an environmental consultancy in Cork, then a Senior Engineer
in the County Council's flood resilience team) and Harriet (a coastal engineer who worked beside
him for years and moved to a port engineering firm in Rotterdam, then its project lead on a quay
wall) text from February to November 2025 in 25 sessions, mostly one to one and three times in a
group chat with Orla, who still works at their old firm and marries in September
(`bench/data/colleagues-chats.txt`). Both of them do things (sea swimming and bees, rowing and
Dutch classes, a new job and a promotion, a car, a move, stolen bikes, a cat, illnesses, two
fathers in hospital, a wedding, a visit), so a question can pin one's doing on the other.
Written, script and questions together, before anything was measured on it. Its questions are of
the friends set's kinds (`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`).
Run it with `second-me eval --dataset colleagues`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "colleagues-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "colleagues-benchmark.jsonl"
PEOPLE = {"D": ("Declan", "user"), "H": ("Harriet", "other"), "O": ("Orla", "other")}
SEED = 20251120
NOW = "2025-11-20T20:00:00+00:00"  # every question is asked at this moment (a Thursday evening)

QUESTIONS = [
    # one fact, about any of the three
    ask(IE, "Where did Harriet and I work together?", "Lee Valley Environmental", "lve",
        aliases=["Lee Valley", "LVE"]),
    ask(IE, "Which company does Harriet work for in Rotterdam?", "Havenwerk", "havenwerk"),
    ask(IE, "What's Harriet's boss called?", "Maarten", "maarten"),
    ask(IE, "What kind of dog is Mabel?", "lurcher", "lurcher", "leaf_photo", "lurcher_d", aliases=["a lurcher"]),
    ask(IE, "What's my sea swimming group called?", "the Dawn Dippers", "dippers",
        aliases=["Dawn Dippers", "the Dippers"]),
    ask(IE, "What did my Corolla fail the NCT on?", "rust", "nct_fail",
        aliases=["rust on the subframe", "the subframe", "subframe"]),
    ask(IE, "Where do Harriet's parents live?", "Shrewsbury", "shrewsbury", "christmas1"),
    ask(IE, "Where do my parents live?", "Tralee", "mam_dad", "tralee", aliases=["Kerry"]),
    ask(IE, "What does Niamh do for work?", "physio", "niamh", aliases=["physiotherapist", "a physio"]),
    ask(IE, "What's Orla's husband called?", "Cathal", "wedding_date", "cathal"),
    ask(IE, "Where did Orla get married?", "near Clonakilty", "wedding_venue",
        aliases=["Clonakilty", "a barn near Clonakilty", "in a barn"]),
    ask(IE, "What's Harriet's rowing club called?", "De Zwaluw", "rowing_join", aliases=["Zwaluw"]),
    ask(IE, "Where did I get my bees from?", "Macroom", "macroom",
        aliases=["a beekeeper in Macroom", "Donal", "Donal in Macroom"]),
    ask(IE, "What does Joost do for a living?", "sound engineer", "joost_job", aliases=["a sound engineer"]),
    ask(IE, "What's Harriet's cat called?", "Bram", "cat_name"),
    ask(IE, "What's Harriet's sister called?", "Polly", "polly", "mum_visit"),
    ask(IE, "What did the hospital do for my dad in May?", "a stent", "dad_stent",
        aliases=["stent", "put a stent in", "put in a stent"]),
    ask(IE, "Which school did Rory start at?", "St Brigid's", "school_start", aliases=["St Brigids", "St Brigid's"]),
    ask(IE, "Where did we stay in Brittany?", "near Carnac", "carnac",
        aliases=["Carnac", "a gîte near Carnac", "a gite near Carnac"]),
    ask(IE, "How far is the Kinsale harbour swim?", "2 km", "kinsale_swim",
        aliases=["2k", "two kilometres", "2 kilometres", "2km"]),
    ask(IE, "Who did Harriet bring to Orla's wedding?", "Joost", "flying_over", "joost_wedding"),
    ask(IE, "What conference did the council send me to in Rotterdam?", "Flood Resilience Europe",
        "conference_next", aliases=["a flood resilience conference"]),
    ask(IE, "Where was Harriet's first bike stolen from?", "outside the Markthal", "bike1",
        aliases=["the Markthal", "Markthal", "the market"]),
    ask(IE, "Which team did I join at the County Council?", "flood resilience", "offer", "council_ad",
        aliases=["the flood resilience team", "flood"]),
    # everything of a kind, across sessions
    ask(GATHER, "What illnesses and injuries has Harriet had this year?", "tonsillitis", "tonsils", "blisters",
        "crash", "ribs", aliases=["infected blisters", "blisters", "bruised ribs", "ribs", "bike crash"]),
    ask(GATHER, "What's been wrong with me health-wise this year?", "chest infection", "chest", "back", "weever",
        aliases=["bad back", "my back", "weever fish sting", "weever sting", "stung by a weever"]),
    ask(GATHER, "How many bikes has Harriet had stolen in Rotterdam?", "three", "bike1", "bike2", "bike3",
        aliases=["3", "three bikes", "3 bikes"]),
    ask(GATHER, "Where has Harriet travelled to this year?", "Shrewsbury", "shrewsbury", "ghent", "flying_over",
        "joost_wedding", "copenhagen",
        aliases=["Ghent", "Ireland", "Cork", "Orla's wedding", "Clonakilty", "Copenhagen"]),
    ask(GATHER, "Where have I been swimming this year?", "Myrtleville", "myrtleville", "banna", "carnac",
        "brittany_swim", "weever", "kinsale_swim",
        aliases=["Banna", "Banna Strand", "Carnac", "Brittany", "Garrettstown", "Kinsale", "Kinsale harbour"]),
    ask(GATHER, "What illnesses and injuries has Rory had this year?", "chickenpox", "chickenpox", "rory_arm", "ear",
        aliases=["broken arm", "arm", "ear infection"]),
    ask(GATHER, "Who has come to visit Harriet in Rotterdam?", "her mum and Polly", "mum_visit", "orla_visit",
        "rotterdam_visit",
        aliases=["her mum", "Polly", "her sister", "Orla", "the hen party", "me", "Declan"]),
    ask(GATHER, "What Dutch food has Harriet tried since she moved?", "bitterballen", "bitterballen", "vla",
        "herring", "kapsalon", aliases=["raw herring", "herring", "kapsalon", "vla"]),
    ask(GATHER, "What has Harriet bought for her new flat?", "a sofa", "sofa", "monstera", "record_player",
        aliases=["sofa", "mustard sofa", "monstera", "plant", "record player"]),
    ask(GATHER, "What books has Harriet told me to read?", "Tomorrow, and Tomorrow, and Tomorrow", "book1", "book2",
        "book3", aliases=["Small Things Like These", "Piranesi"]),
    ask(GATHER, "What has Mabel stolen this year?", "a ham sandwich", "mabel_sandwich", "mabel_egg",
        "mabel_sausages", aliases=["sandwich", "Easter egg", "Rory's Easter egg", "cocktail sausages", "sausages"]),
    ask(GATHER, "Which gigs has Harriet been to with Joost?", "Personal Trainer", "gig1", "gig2", "gig3",
        aliases=["Rotown", "a jazz night", "jazz", "BIRD", "Fontaines D.C.", "Fontaines", "the Ahoy"]),
    ask(GATHER, "What has Harriet taken up since she moved to Rotterdam?", "rowing", "dutch_class", "rowing_join",
        "bouldering", aliases=["Dutch classes", "Dutch", "bouldering"]),
    ask(GATHER, "What have I bought this year?", "a Nissan Leaf", "dryrobe", "leaf", "macroom", "trampoline",
        aliases=["dryrobe", "car", "Leaf", "bees", "trampoline"]),
    ask(GATHER, "What has Rory learned to do this year?", "whistle", "rory_whistle", "rory_bike", "rory_name",
        aliases=["whistling", "ride a bike", "ride his bike without stabilisers", "write his name"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did I start antibiotics for my chest infection?", When("on Monday"), "chest"),
    ask(WHEN_, "When did my Corolla fail the NCT?", When("this morning"), "nct"),
    ask(WHEN_, "When was Harriet's first bike stolen?", When("last night"), "bike1"),
    ask(WHEN_, "When was Harriet's dad's knee replacement?", When("next Thursday"), "dad_knee", "dad_knee_done"),
    ask(WHEN_, "When did Rory's chickenpox spots come out?", When("three days ago"), "chickenpox"),
    ask(WHEN_, "When was my interview for the council job?", When("next Tuesday"), "interview_date"),
    ask(WHEN_, "When did the council ring to offer me the job?", When("yesterday"), "offer"),
    ask(WHEN_, "When did my bees arrive?", When("on Sunday"), "bees_arrived"),
    ask(WHEN_, "When did my dad get his stent?", When("two days ago"), "dad_stent"),
    ask(WHEN_, "When did Harriet move into her Delfshaven flat?", When("last weekend"), "moved_in"),
    ask(WHEN_, "When was Orla's hen party?", When("two weekends ago"), "hen"),
    ask(WHEN_, "When did Rory break his arm?", When("last night"), "rory_arm"),
    ask(WHEN_, "When did Harriet come off her bike in the tram tracks?", When("on Wednesday"), "crash"),
    ask(WHEN_, "When did I get stung by a weever fish?", When("on Sunday"), "weever"),
    ask(WHEN_, "When did I take my first honey harvest?", When("last weekend"), "honey1"),
    ask(WHEN_, "When did Rory start school?", When("on Thursday"), "school_start"),
    ask(WHEN_, "When did Orla and Cathal get married?", When("yesterday"), "married", "wedding_date"),
    ask(WHEN_, "When was my conference in Rotterdam?", When("next month"), "conference_next", "rotterdam_visit"),
    # the newest of several statements
    ask(UPDATE, "What's my job now?", "Senior Engineer", "lve", "offer", "council_week1",
        aliases=["Senior Engineer at the County Council", "Senior Engineer in flood resilience",
                 "engineer at Cork County Council"]),
    ask(UPDATE, "Where does Harriet live now?", "Delfshaven", "kralingen", "delfshaven_lease", "moved_in",
        aliases=["a flat in Delfshaven", "above a bakery in Delfshaven", "on a canal in Delfshaven"]),
    ask(UPDATE, "What's Harriet's phone number now?", "06 1847 2290", "number1", "number2",
        aliases=["0618472290", "+31 6 1847 2290"]),
    ask(UPDATE, "What car do I drive now?", "a Nissan Leaf", "nct", "leaf",
        aliases=["Nissan Leaf", "a Leaf", "an electric car"]),
    ask(UPDATE, "What's Harriet's role at Havenwerk now?", "project lead", "havenwerk", "promotion",
        aliases=["project lead on the Maashaven quay wall", "project lead on a quay wall"]),
    ask(UPDATE, "How many beehives do I have now?", "two", "bees_arrived", "swarm", "two_hives", "hives_winter",
        aliases=["2", "two hives", "2 hives"]),
    ask(UPDATE, "Which level of Dutch course is Harriet doing now?", "B1", "dutch_class", "a2_pass", "b1_start",
        aliases=["a B1 course", "the B1 course"]),
    ask(UPDATE, "Where is Harriet spending Christmas this year?", "Groningen", "christmas1", "christmas2",
        aliases=["with Joost's family", "with Joost's family in Groningen", "in Groningen with Joost"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour did I paint my beehive?", "pale blue", "hive_photo", aliases=["blue"]),
    ask(PHOTO, "What's on the far bank of the canal outside Harriet's new flat?", "a windmill", "photo_view",
        aliases=["windmill"]),
    ask(PHOTO, "What colour is Bram?", "ginger", "cat_photo", "medal_photo",
        aliases=["orange", "ginger with a white paw"]),
    ask(PHOTO, "What was on Rory's lunchbox on his first day at school?", "a dinosaur", "lunchbox_photo",
        aliases=["dinosaur", "a green dinosaur"]),
    ask(PHOTO, "What flowers were on the arch at Orla's wedding?", "hydrangeas", "arch_photo",
        aliases=["blue and white hydrangeas", "hydrangea"]),
    # light reasoning over what was said
    ask(INFER, "Why did I go for the council job?", "to travel less", "council_ad", "travel_tired",
        aliases=["too much travel", "Athlone", "to be home every night", "to be home more",
                 "missing things with Rory"]),
    ask(INFER, "Why did Harriet have to leave the Kralingen flat?", "the landlord was selling", "shortlet_ends",
        aliases=["landlord selling", "the short-let ended", "short-let ending", "it was being sold"]),
    ask(INFER, "Why did Harriet miss her rowing club's first regatta?", "bruised ribs", "crash", "ribs",
        "regatta_miss", aliases=["ribs", "bike crash", "she came off her bike", "tram tracks"]),
    ask(INFER, "Why did Rory have to stay out of the sea in Brittany?", "broken arm", "rory_arm", "brittany_plan",
        "brittany_swim", aliases=["his cast", "his arm was in a cast", "he broke his arm", "cast"]),
    ask(INFER, "Why did Harriet go back to Shrewsbury in March?", "her dad's knee replacement", "dad_knee",
        "shrewsbury", aliases=["knee operation", "to look after her dad", "dad's knee", "to mind her dad"]),
    # two facts combined
    ask(MULTI, "How much less rent does Harriet pay in Delfshaven than she did in Kralingen?", "€350",
        "kralingen_rent", "delfshaven_rent", aliases=["350", "350 euro", "€350 a month"]),
    ask(MULTI, "How many jars of honey have my bees given me altogether?", "21", "honey1", "honey2",
        aliases=["21 jars", "twenty-one"]),
    ask(MULTI, "Whose dad had an operation first this year, mine or Harriet's?", "Harriet's", "dad_knee",
        "dad_knee_done", "dad_stent", aliases=["Harriet's dad", "her dad", "hers"]),
    ask(MULTI, "What did the Nissan Leaf cost me after the trade-in?", "€13,300", "leaf", "tradein",
        aliases=["13,300", "13300", "€13300"]),
    ask(MULTI, "Where did Harriet meet the man she brought to Orla's wedding?", "the rowing club", "joost_met",
        "joost_wedding", aliases=["rowing club", "De Zwaluw", "at rowing"]),
    # what one of them did, asked of another
    ask(WHO, "What's Harriet's dog called?", None, "mabel", actually="Declan"),
    ask(WHO, "When did I join the rowing club?", None, "rowing_join", actually="Harriet"),
    ask(WHO, "When was my bike stolen?", None, "bike1", "bike2", "bike3", actually="Harriet"),
    ask(WHO, "When did Harriet get stung by a weever fish?", None, "weever", actually="Declan"),
    ask(WHO, "What did I get for speaking in my A2 Dutch exam?", None, "a2_pass", actually="Harriet"),
    ask(WHO, "How many beehives does Harriet keep?", None, "bees_arrived", "swarm", "two_hives", "hives_winter",
        actually="Declan"),
    ask(WHO, "When did my dad have his knee replaced?", None, "dad_knee", "dad_knee_done", actually="Harriet"),
    ask(WHO, "Where did Harriet go on her honeymoon?", None, "japan", actually="Orla"),
    # never said
    ask(NONE, "What's Harriet's surname?", None),
    ask(NONE, "Which airline did Harriet fly to Cork with?", None),
    ask(NONE, "How old is Mabel?", None),
    ask(NONE, "Which hotel did I stay at in Rotterdam?", None),
    ask(NONE, "What does Cathal do for a living?", None),
    ask(NONE, "How much did my beehive cost?", None),
    ask(NONE, "What did Harriet give Orla and Cathal as a wedding present?", None),
    ask(NONE, "What's the name of Rory's teacher?", None),
    ask(NONE, "How much does Harriet pay for her Dutch classes?", None),
    ask(NONE, "What did Harriet's dad do before he retired?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
