"""Generate second-me's benchmark of Halvor, deterministically.

    python bench/make_eval_halvor.py    # writes second_me/data/eval/halvor-benchmark.jsonl

Halvor (66 at the start, 68 at the end) is chief engineer on a car ferry across the Sognefjord in
western Norway; he retires in June 2024 after 31 years and becomes a guide at a maritime museum in
Bergen, two days a week and then three. Over 16 months (February 2024 to June 2025) he tells his
assistant about restoring an old wooden boat with a Sabb engine, a new left knee and the physio
after it, selling the family house in Knarvik and moving to a flat in Bergen, his cholesterol and
his weight, the chess club where he meets Gunvor, a retired librarian, his daughter Ingrid's family
in Edinburgh, his son Eirik in Tromsø and a granddaughter born there, his brother Arne in
Stavanger, a cat, a car sold and another bought, skiing again, and trips to Edinburgh and Gran
Canaria; he keeps five notes files. A widower, he writes plain English with Norwegian words in
it, now and then in lowercase or with a typo. Near misses put the same topics on other people
(Arne's hip, Ingrid's wrist, Knut's boat, Gunvor's cat and rating) or other times. Written, life
and questions together, before anything was measured on it. Same format and five abilities as
`bench/make_eval_noor.py` (`bench/eval_history.py` lays it out); run it with
`second-me eval --dataset halvor`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402
from bench.eval_history import Life  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "second_me" / "data" / "eval" / "halvor-benchmark.jsonl"
NOW = "2025-06-12T18:30:00+00:00"  # every question is asked at this moment (a Thursday, 8:30 pm in Bergen)
USER = "Halvor"

# Scripted events: (date, key, what Halvor says). `key` names the turn for the questions.
EVENTS = [
    ("2024-02-03", "ferry_job", "Another week on the MF Fjordsol done. 31 years as an engineer with Vestland Ferjer, the last 14 as chief engineer, and in June I retire. Lavik to Oppedal, 20 minutes each way, I could do it in my sleep haha"),
    ("2024-02-06", "house_knarvik", "snow again in Knarvik, shovelled the drive for an hour before breakfast. this house is too big for one old man. 5 bedrooms and me and the cat use 2 of them"),
    ("2024-02-10", "cat_maskin", "Maskin brought a mouse into the kitchen this morning and looked very pleased with himself. 12 years old and still a hunter. (Maskin is my cat. Solveig named him, she said he purrs like a diesel.)"),
    ("2024-02-14", "solveig", "Valentine's day. Kiwi is all red hearts. Solveig would have laughed at it. 5 years in March since she died and some days it still feels like last week."),
    ("2024-02-17", "boat_bought", "Well I did it. Bought an old wooden boat, a 19 foot snekke from 1962 with a Sabb engine, from a widow on Osterøy. 18,000 kr. Needs EVERYTHING. Ingrid says I've lost my mind"),
    ("2024-02-24", "knee_gp", "Left knee is bad again after skiing at Kvamskogen. My GP, Dr. Hauge, is sending me to the orthopaedic dept at Haraldsplass. She thinks it will be a new knee."),
    ("2024-03-04", "chess_rating1", "chess club night at the library. lost 2, won 1. my rating is 1420 now. Bjørn says I play like a ferry engineer, slow and steady and always on time haha"),
    ("2024-03-09", "cholesterol1", "Blood test results: LDL cholesterol 4.4. Dr Hauge wants me on statins, atorvastatin 20 mg every evening from now on. Uff."),
    ("2024-03-16", "arne_hip", "My big brother Arne had his right hip replaced at Stavanger University Hospital yesterday. He called me from the bed already complaining about the food, so he is fine."),
    ("2024-03-23", "boathouse", "Rented a place in a boathouse at Hordvik for the snekke, 1,200 kr a month. Knut (my motorman on the Fjordsol for 20 years) helped me tow her over on his trailer."),
    ("2024-03-29", "easter", "Ingrid, Callum and the kids are here for påske! Freya is 7 and wants to ski every day, Magnus is 4 and only wants to eat Kvikk Lunsj. The house is loud again, I love it."),
    ("2024-04-06", "sabb_out", "Took the Sabb engine out of the boat today with Knut and a chain hoist. It's a 1964 Sabb G, 8 hp, one cylinder. Seized solid. Ahh. A proper project!"),
    ("2024-04-13", "knee_consult", "Saw the surgeon at Haraldsplass, Dr. Mæland. The left knee gets replaced, waiting list is approx 5 months so it will be the autumn."),
    ("2024-04-18", "birthday67", "67 today! Knut and the engine room gang took me out for dinner at Bryggeloftet. Eirik phoned from Tromsø and sang. Badly."),
    ("2024-04-27", "eirik_news", "My son Eirik called tonight: Sunniva is pregnant!!! Due in October. Grandchild number 3, I had to sit down."),
    ("2024-05-04", "sabb_parts", "Ordered a piston ring set and all the gaskets for the Sabb from a man in Sweden, 3,450 kr with shipping. The cylinder can be honed luckily, no need for a new liner."),
    ("2024-05-11", "weight1", "Stepped on the scale: 96 kg. Dr Hauge says lose some before the knee op. So no more wienerbrød with the coffee, sad day"),
    ("2024-05-17", "syttende_mai", "17. mai in Knarvik. Walked behind the school band with the flag, the knee hurt the whole way but you don't skip 17. mai."),
    ("2024-05-25", "ingrid_job", "Ingrid got the job as chief pharmacist at the Western General in Edinburgh!! She has been working towards that for 2 years. Proud dad."),
    ("2024-06-07", "last_shift", "Last shift on the Fjordsol today. 31 years. The crew rang the ship's bell, captain Torstein gave a speech and they gave me a brass clock from the engine room. I didn't cry. (I did.)"),
    ("2024-06-10", "first_monday", "first monday as a pensioner. woke at 5.15 anyway like always. went to the boathouse at 7 and sanded until lunch"),
    ("2024-06-20", "pension", "First pension payment came in, 31,400 kr after tax. Less than the salary but the boat doesn't need a salary, just patience"),
    ("2024-06-26", "eirik_cert", "Eirik passed his type rating on the Sikorsky S-92, so now he's lead mechanic at the helicopter base in Tromsø. Helicopters, ferries, at least we both do engines."),
    ("2024-07-04", "edinburgh_fly", "Flying to Edinburgh tommorow morning from Flesland, two weeks with Ingrid and the family. Maskin stays with Randi next door, she spoils him."),
    ("2024-07-10", "arthurs_seat", "Edinburgh is great. Freya dragged me up Arthur's Seat yesterday, the knee said no but Freya said yes. Callum made haggis for dinner and I had seconds!"),
    ("2024-07-19", "edinburgh_back", "home again. Randi says Maskin was a perfect gentleman the whole time. I doubt it very much."),
    ("2024-07-27", "house_sale", "Decided. The house in Knarvik goes up for sale. Meeting the estate agent, Camilla Berg from DNB Eiendom, on Tuesday at 10."),
    ("2024-08-06", "sabb_runs", "THE SABB RUNS!!! first time in maybe 20 years. pop pop pop, the whole boathouse full of blue smoke, Knut and I dancing like two idiots"),
    ("2024-08-14", "knut_boat", "Knut has bought himself a brand new plastic boat, an Askeladden with a 60 hp Yamaha. Cheating, I told him. He says at least his boat floats."),
    ("2024-08-18", "chess_rapid", "Summer rapid tournament at the club today, 5 rounds. 3.5 points, shared 4th place. Rating up to 1510!"),
    ("2024-08-24", "house_sold", "SOLD!! The Knarvik house went for 4,650,000 kr after the viewing last weekend, 150,000 over asking. Takeover on 1 November."),
    ("2024-08-31", "flat_bought", "Bought a flat in Sandviken in Bergen: 2 rooms, 3rd floor, view over Byfjorden. 3,900,000. I can walk into town, no more E39 queues."),
    ("2024-09-05", "museum_start", "First day as a guide at the Hordaland Maritime Museum today! Tuesdays and Thursdays, mostly in the engine room of the old steamship Hordafjord. 250 kr an hour to talk about engines, can you believe it."),
    ("2024-09-12", "knee_letter", "Letter from Haraldsplass, I have a date for the knee op: 24 September. Finaly. Told Hilde at the museum I'll be off for a few weeks."),
    ("2024-09-24", "knee_op", "writing from the hospital bed. new knee done this morning!! the nurse said I was snoring on the table. morphine is a wonderful thing"),
    ("2024-09-28", "home_hospital", "Home from Haraldsplass since yesterday. Two crutches. Maskin is very suspicious of the crutches."),
    ("2024-10-07", "gunvor_meet", "Met a nice lady at chess club tonight, Gunvor. Retired librarian from Fana, she beat me in 31 moves. I asked if she wanted coffee some day and she said YES."),
    ("2024-10-12", "physio1", "Physio with Marte at Knarvik Fysio twice a week now. Knee bends to 85 degrees. The goal is 120."),
    ("2024-10-19", "tuva_born", "Eirik and Sunniva had a little girl last night in Tromsø!!! Tuva, 3,560 grams and 51 cm. Grandchild number 3. Very proud farfar."),
    ("2024-10-26", "gunvor_coffee", "Second coffee with Gunvor, at Godt Brød on Torgallmenningen. She has 2 grandsons in Oslo and a cat called Frøken. We talked for 3 hours and the coffee went cold."),
    ("2024-11-01", "moved", "Moved into the flat in Sandviken today! Bergen Flyttebyrå carried everything up, I carried the cat. Knee survived the stairs."),
    ("2024-11-09", "cholesterol2", "New blood test, LDL down to 3.1. Dr Hauge happy. I'm keeping her as my GP even if I live in town now, too old to change doctors."),
    ("2024-11-16", "tromso", "Up in Tromsø to meet Tuva! She has the Lunde nose, poor thing. Dark by 1 in the afternoon up here, how does anybody live like this"),
    ("2024-11-23", "volvo_sold", "Sold the old Volvo V70 two weeks ago to a young guy from Voss, 22,000 kr. In town I'll manage with the bus and my legs. The new leg and the old one."),
    ("2024-11-30", "physio2", "New physio here in town, Sindre at Sandviken Fysio. Knee bends to 110 now, he says I'm ahead of schedule. Walked up to Fløyen on Sunday, slow but all the way!"),
    ("2024-12-07", "julebord", "Museum julebord last night. The director, Hilde Sunde, asked if I want 3 days a week from January, adding Saturdays for the school groups. Ja!!"),
    ("2024-12-14", "boat_name", "Painted the name on the snekke today: SOLVEIG. White letters on the blue transom. It felt right."),
    ("2024-12-20", "fellesk", "Letter from the housing co-op: felleskostnader go up from 3,850 to 4,120 a month from January. Everything goes up except the pension haha"),
    ("2024-12-24", "christmas_arne", "God jul! Christmas Eve at Arne and Marit's in Stavanger. Pinnekjøtt AND ribbe. Arne walks without a stick now, 9 months after the hip."),
    ("2024-12-31", "nyttaar", "New Year's Eve with Gunvor, watching the fireworks from Fløyen. I think I can say she is my girlfriend now. At 67! haha"),
    ("2025-01-11", "museum_saturday", "First Saturday workshop at the museum, 14 kids from a school in Loddefjord. I let every one of them blow the steam whistle. Deaf now."),
    ("2025-01-20", "chess_rating2", "Club championship started. Won my first 2 games, rating 1580 now. Gunvor is on 1640 and never lets me forget it."),
    ("2025-01-25", "weight2", "Scale says 89 kg!! Gunvor's fish soup and walking to the museum every day."),
    ("2025-02-01", "ski_back", "Back on skis!! 8 km classic at Kvamskogen, first time with the new knee. Slow like a tanker but no pain."),
    ("2025-02-15", "hull_oil", "Sanded the whole hull of the Solveig back to bare wood and gave her the first coat of linseed oil. 4 more coats to go. Knut brought kanelboller."),
    ("2025-02-24", "ski_15", "15 km at Kvamskogen on Saturday, 1 hour 52 minutes. Not bad for 67 and a titanium knee!!"),
    ("2025-03-04", "ingrid_wrist", "Ingrid slipped on ice outside the hospital and broke her wrist. Callum has to do all the driving and the cooking. She is a terrible patient, like her father."),
    ("2025-03-08", "gc_fly", "Off to Gran Canaria with Gunvor tomorrow! One week in Puerto de Mogán. First holiday with a lady since Solveig. I packed shorts, I didn't even know I owned shorts."),
    ("2025-03-16", "gc_back", "Back from Gran Canaria, brown as a kanelbolle. Gunvor took me up Roque Nublo, 1,813 m, and the knee didn't complain once."),
    ("2025-03-19", "eirik_engaged", "Eirik proposed to Sunniva on top of Fjellheisen in Tromsø last weekend! She said yes. Wedding next summer, in Lofoten they say."),
    ("2025-03-29", "propeller", "Bought a new bronze propeller for the Solveig, 3 blades, 5,200 kr at Båtservice Åsane. Shiny!"),
    ("2025-04-05", "maskin_vet", "Maskin at the vet with a bad tooth. 2 teeth out, 3,900 kr. He's sulking on the radiator."),
    ("2025-04-12", "egolf", "Bought a car again after all: a used VW e-Golf from 2019, 129,000 kr. The bus out to the boathouse takes an hour and a half, I give up."),
    ("2025-04-18", "birthday68", "68 today. Gunvor baked a bløtkake and the museum gang sang for me in the engine room. Not bad for an old man."),
    ("2025-04-26", "chess_champ", "Finished 2nd in the club championship! 6 out of 9. Bjørn won, of course. Rating 1615 now."),
    ("2025-05-10", "launch", "LAUNCH DAY!! The Solveig went into the water at Hordvik this morning. She floats, she doesn't leak (much) and the Sabb started on the second pull. 15 months of work."),
    ("2025-05-17", "syttende_mai2", "17. mai in Bergen this year with Gunvor, buekorps drums all day long. Much better than limping behind the Knarvik band."),
    ("2025-05-21", "weight3", "87 kg this morning. Lowest since I was 50."),
    ("2025-05-24", "fishing", "First fishing trip in the Solveig with Knut, out by Alverstraumen. 4 pollock and a cod of 3.2 kg. Fish soup tonight!"),
    ("2025-05-31", "arne_visit", "Arne and Marit came up from Stavanger on the Hurtigbåt for the weekend. Took them out in the boat, Marit was seasick in the fjord haha."),
    ("2025-06-04", "museum_pay", "Hilde raised my pay to 275 kr an hour from June! She says I'm the only guide the school kids actually listen to."),
    ("2025-06-07", "vidden", "Gunvor and I walked Vidden today, Fløyen to Ulriken, 15 km in 6 and a half hours. She waited for me at the top but the knee made it!!"),
    ("2025-06-09", "freya8", "Freya turned 8 yesterday. Video call to Edinburgh, Magnus sang happy birthday in Norwegian and Freya laughed so much she cried. Ingrid's wrist is out of the cast btw."),
    ("2025-06-11", "fedje", "Took Gunvor out to Fedje in the Solveig, 2 hours each way, picnic on the rocks. Sunburn on my bald spot."),
]

# Everyday chatter: requests and remarks that share words with the events, on random dates.
CHATTER = [
    "how do I get green off old bronze fittings without wrecking them?", "What glue for a cracked plank in a wooden boat, epoxy or something traditional?",
    "Recipe for fiskesuppe the Bergen way pls", "how long do potatoes need in a fish soup",
    "Explain the Queen's Gambit in simple words.", "Tips for a rook and pawn endgame? I always mess them up",
    "Is it true you shouldn't kneel after a knee replacement?", "good stretches for the lower back after sanding all day?",
    "How do I stop condensation in a boathouse over winter?", "How long does linseed oil take to dry when it's cold?",
    "What's the difference between a 2-stroke and a 4-stroke outboard?", "how do I bleed air out of a diesel fuel line",
    "What's a good present for a 4 year old boy who likes tractors?", "Cheapest way to send money to a UK bank account?",
    "Translate 'god bedring' into proper English for a card.", "How do I do a video call on the iPad, the button is gone",
    "a good book about the history of the Hurtigruten?", "Help me write a card for a christening.",
    "What's the best way to keep a cat off the kitchen counter?", "is it ok to start strength training at my age",
    "How do I reset the router, the internet is gone again", "Remind me how to make waffles the old way.",
    "Suggest a walk in Bergen that isn't too steep.", "How do I change the ink in a Canon printer?",
    "What wine goes with pinnekjøtt?", "How do I grow potatoes in a pot on a balcony?",
    "how many calories in a skolebolle", "What's a good way to clean a cast iron pan?",
    "Explain what a type rating is, in simple terms.", "How do I write a short speech for a retirement do?",
    "What should I ask before buying a used electric car?", "how long does a wooden boat need to swell up after launching",
    "How do I make lapskaus?", "is coffee bad for cholesterol",
    "strømprisen is crazy this week", "Rain. Rain. More rain. Bergen.",
    "Maskin is asleep on my newspaper again.", "Watched Brann on TV. Lost. Again.",
    "Norway won the relay today!!", "Made lapskaus, enough for a week.",
    "Fixed the dripping tap myself. Still an engineer.", "slept badly, the knee ached all night",
    "Walked to the shop in the rain, soaked to the bone.", "quiet day, coffee and the crossword in Bergens Tidende",
    "The Hurtigruten went past this morning, still a beautiful ship.", "the snow plough woke me at 4 am",
    "Knut came by for coffee and told the same stories as always.", "Long day at the boathouse, my hands are black.",
    "Ingrid called, the kids had colds all week.", "so tired today. early night",
]
REPLIES = [
    "Noted, I'll remember that.", "Got it.", "Thanks for telling me!", "Okay, noted.", "Thanks for sharing that.",
    "Short answer: start simple and adjust as you go.", "Good question. In short, it depends, but the simple option usually works.",
    "I'd try that this week and see how it goes.", "Happy to help with that.", "I'll keep that in mind.",
]

# (ability, question, answer or None, evidence keys). Notes are "note:<file>".
QUESTIONS = [
    # information extraction: one fact, often asked in other words
    ("information-extraction", "What was the name of the ferry I worked on?", "Fjordsol", ["ferry_job", "last_shift"]),
    ("information-extraction", "which company did I work for on the ferries", "Vestland Ferjer", ["ferry_job"]),
    ("information-extraction", "How many years was I chief engineer?", "14", ["ferry_job"]),
    ("information-extraction", "What's my cat called?", "Maskin", ["cat_maskin"]),
    ("information-extraction", "Where did I buy the boat from?", "Osterøy", ["boat_bought"]),
    ("information-extraction", "What engine is in the snekke?", "Sabb G", ["sabb_out", "note:boat.md"]),
    ("information-extraction", "How much is the boathouse rent?", "1,200", ["boathouse", "note:boat.md"]),
    ("information-extraction", "Who was the surgeon for my knee?", "Mæland", ["knee_consult", "note:knee-rehab.md"]),
    ("information-extraction", "what's my GP called", "Hauge", ["knee_gp", "cholesterol1", "note:contacts.md"]),
    ("information-extraction", "Which statin am I on?", "atorvastatin", ["cholesterol1"]),
    ("information-extraction", "What did the crew give me when I retired?", "brass clock", ["last_shift"]),
    ("information-extraction", "what did Callum cook for me in Edinburgh", "haggis", ["arthurs_seat"]),
    ("information-extraction", "Who was the estate agent for the Knarvik house?", "Camilla Berg", ["house_sale"]),
    ("information-extraction", "What's the old steamship at the museum called?", "Hordafjord", ["museum_start"]),
    ("information-extraction", "Who's the director of the museum?", "Hilde Sunde", ["julebord"]),
    ("information-extraction", "What did Gunvor do for a living?", "librarian", ["gunvor_meet"]),
    ("information-extraction", "What's Gunvor's cat called?", "Frøken", ["gunvor_coffee"]),
    ("information-extraction", "How much did Tuva weigh when she was born", "3,560 grams", ["tuva_born"]),
    ("information-extraction", "Where did Eirik propose to Sunniva?", "Fjellheisen", ["eirik_engaged"]),
    ("information-extraction", "What kind of helicopter does Eirik work on?", "Sikorsky S-92", ["eirik_cert"]),
    ("information-extraction", "whats the number for the man who owns the boathouse", "952 61 884", ["note:contacts.md"]),
    ("information-extraction", "What oil did you tell me to use in the Sabb?", "SAE 30", ["sabb_oil_advice"]),
    ("information-extraction", "What exercise did you suggest for getting my knee to bend more?", "heel slides", ["knee_advice"]),
    ("information-extraction", "Where did you suggest I take Gunvor?", "Troldhaugen", ["date_advice"]),
    ("information-extraction", "Which defence did you tell me to learn against 1.e4?", "Caro-Kann", ["chess_advice"]),
    ("information-extraction", "What's the hotel in Puerto de Mogán called?", "Hotel Marina Sol", ["note:gran-canaria.md"]),
    ("information-extraction", "Where was the Solveig built?", "Kvinge", ["note:boat.md"]),
    ("information-extraction", "What's the address of my flat?", "Sandviksveien 88", ["note:flat.md"]),
    # multi-session: combine facts from several conversations
    ("multi-session", "How much did I get for the house and the Volvo together?", "4,672,000", ["house_sold", "volvo_sold"]),
    ("multi-session", "How much was left from the house money after I bought the flat?", "750,000", ["house_sold", "flat_bought"]),
    ("multi-session", "How much has my LDL dropped since I started on statins?", "1.3", ["cholesterol1", "cholesterol2"]),
    ("multi-session", "how many kilos have I lost since I started weighing myself before the knee op", "9 kg", ["weight1", "weight2", "weight3"]),
    ("multi-session", "What did the piston rings and the new propeller cost together?", "8,650", ["sabb_parts", "propeller"]),
    ("multi-session", "How many points has my chess rating gone up since March 2024?", "195", ["chess_rating1", "chess_rapid", "chess_rating2", "chess_champ"]),
    ("multi-session", "How many weeks was I away on the Edinburgh and Gran Canaria trips put together?", "3 weeks", ["edinburgh_fly", "gc_fly"]),
    ("multi-session", "How much more an hour does the museum pay me now than when I started?", "25 kr", ["museum_start", "museum_pay"]),
    ("multi-session", "By how much did the felleskostnader on the flat go up?", "270", ["note:flat.md", "fellesk"]),
    ("multi-session", "How much more did the e-Golf cost than I got for the Volvo?", "107,000", ["volvo_sold", "egolf"]),
    ("multi-session", "How many times have I been abroad since I retired?", "2", ["edinburgh_fly", "gc_fly"]),
    ("multi-session", "How many km did I ski altogether at Kvamskogen this winter?", "23 km", ["ski_back", "ski_15"]),
    ("multi-session", "how many rating points am I behind Gunvor, going by the last numbers", "25", ["chess_rating2", "chess_champ"]),
    ("multi-session", "What are my children called?", "Ingrid", ["ingrid_job", "eirik_news"]),
    ("multi-session", "What did the flat and the movers cost me together?", "3,914,500", ["flat_bought", "note:flat.md"]),
    # temporal: dates, order and durations, relative to the message or to now
    ("temporal", "When did Arne have his hip done?", "March 15", ["arne_hip"]),
    ("temporal", "what date did I fly to Edinburgh", "July 5", ["edinburgh_fly"]),
    ("temporal", "When did I climb Arthur's Seat?", "July 9", ["arthurs_seat"]),
    ("temporal", "When did I meet the estate agent about selling the house?", "July 30", ["house_sale"]),
    ("temporal", "When did I get my new knee?", "September 24", ["knee_op"]),
    ("temporal", "How many days was I in hospital for the knee?", "3 days", ["knee_op", "home_hospital"]),
    ("temporal", "When was Tuva born?", "October 18", ["tuva_born"]),
    ("temporal", "When did I sell the Volvo?", "November 9", ["volvo_sold"]),
    ("temporal", "when was the museum julebord", "December 6", ["julebord"]),
    ("temporal", "What day did I ski the 15 km at Kvamskogen?", "February 22", ["ski_15"]),
    ("temporal", "When did I fly to Gran Canaria?", "March 9", ["gc_fly"]),
    ("temporal", "When is Freya's birthday?", "June 8", ["freya8"]),
    ("temporal", "What did I do yesterday?", "Fedje", ["fedje"]),
    ("temporal", "what did I do last Saturday", "Vidden", ["vidden"]),
    ("temporal", "When did the Solveig go in the water?", "May 10", ["launch"]),
    ("temporal", "In which month did the Sabb run again for the first time?", "August", ["sabb_runs"]),
    ("temporal", "In what month did Eirik get engaged?", "March", ["eirik_engaged"]),
    ("temporal", "How long ago did I move to Sandviken?", "7 months", ["moved"]),
    ("temporal", "How long ago was Tuva born?", "8 months", ["tuva_born"]),
    ("temporal", "What happened on June 7 last year?", "Last shift", ["last_shift"]),
    ("temporal", "When did I start at the maritime museum?", "September 5", ["museum_start"]),
    ("temporal", "How many months after I retired did I start at the museum?", "3 months", ["last_shift", "museum_start"]),
    # knowledge update: what is true now, after a change
    ("knowledge-update", "What's my job these days?", "guide", ["ferry_job", "last_shift", "museum_start"]),
    ("knowledge-update", "Where do I live now?", "Sandviken", ["house_knarvik", "moved"]),
    ("knowledge-update", "What car do I have now?", "e-Golf", ["volvo_sold", "egolf"]),
    ("knowledge-update", "What's my chess rating now?", "1615", ["chess_rating1", "chess_rapid", "chess_rating2", "chess_champ"]),
    ("knowledge-update", "what was my last LDL", "3.1", ["cholesterol1", "cholesterol2"]),
    ("knowledge-update", "How much do I weigh now?", "87 kg", ["weight1", "weight2", "weight3"]),
    ("knowledge-update", "How many days a week do I work at the museum?", "3", ["museum_start", "julebord"]),
    ("knowledge-update", "How much does the museum pay me an hour?", "275", ["museum_start", "museum_pay"]),
    ("knowledge-update", "How much are the felleskostnader on my flat now?", "4,120", ["note:flat.md", "fellesk"]),
    ("knowledge-update", "Who's my physio now?", "Sindre", ["physio1", "physio2"]),
    ("knowledge-update", "How far does my knee bend now?", "110", ["physio1", "physio2"]),
    ("knowledge-update", "How old am I?", "68", ["birthday67", "birthday68"]),
    ("knowledge-update", "How many grandchildren do I have?", "3", ["easter", "eirik_news", "tuva_born"]),
    ("knowledge-update", "What's the longest I've skied since the operation?", "15 km", ["ski_back", "ski_15"]),
    # abstention: the memories hold no answer (many are near misses)
    ("abstention", "When did Gunvor's husband die?", None, []),
    ("abstention", "What does Callum do for work?", None, []),
    ("abstention", "How much did Knut pay for his Askeladden?", None, []),
    ("abstention", "What was my time on the 8 km at Kvamskogen?", None, []),
    ("abstention", "When did Arne retire?", None, []),
    ("abstention", "How much did Magnus weigh when he was born?", None, []),
    ("abstention", "What's Bjørn's chess rating?", None, []),
    ("abstention", "What's the name of Ingrid's doctor?", None, []),
    ("abstention", "When did I go to Iceland?", None, []),
    ("abstention", "What's Eirik's dog called?", None, []),
    ("abstention", "How much did the flights to Gran Canaria cost?", None, []),
    ("abstention", "What was Solveig's maiden name?", None, []),
    ("abstention", "When did I have my right knee done?", None, []),
    ("abstention", "what's my blood pressure these days", None, []),
    ("abstention", "What's the name of the guy from Voss who bought my Volvo?", None, []),
    ("abstention", "How much did the biggest pollock weigh?", None, []),
    ("abstention", "What date is Eirik and Sunniva's wedding?", None, []),
    ("abstention", "What does Marit do for work?", None, []),
    ("abstention", "What was my salary as chief engineer?", None, []),
    ("abstention", "Who operated on Arne's hip?", None, []),
    ("abstention", "What breed is Maskin?", None, []),
    ("abstention", "What did Freya get for her 8th birthday?", None, []),
    ("abstention", "Which school do Freya and Magnus go to?", None, []),
    ("abstention", "How much did the knee operation cost me?", None, []),
    ("abstention", "What did I give Gunvor for Christmas?", None, []),
]

# Events the assistant answers with something worth remembering.
ASSISTANT_EVENTS = [
    ("2024-04-08", "sabb_oil_advice", "what oil should go in an old Sabb G single cylinder diesel once I get it running again?",
     "A plain mineral SAE 30 engine oil made for diesels (API CD or CF), not a modern synthetic multigrade. Run the engine "
     "in gently and change the oil after the first 20 hours to flush out the old deposits."),
    ("2024-10-02", "knee_advice", "my new knee is stiff. any exercise to get it bending more, apart from what the physio gave me?",
     "Heel slides: lie on your back on the bed and slide the heel of the operated leg towards your bottom, hold for 5 "
     "seconds, 10 to 15 times, three times a day. An exercise bike with the seat set high helps too once you can pedal a "
     "full circle."),
    ("2024-10-20", "date_advice", "where can I take a retired librarian in Bergen that isn't just coffee? she likes books and music",
     "A lunch concert at Troldhaugen, Grieg's home by Nordåsvannet, would suit her: a short recital in the concert hall by "
     "the lake and a walk in the garden after. If she would rather stay in town, look for a reading at Litteraturhuset."),
    ("2025-01-05", "chess_advice", "i always lose with black against 1.e4. what defence should a 67 year old learn",
     "The Caro-Kann (1.e4 c6). It is solid, the pawn structure is easy to understand, and there are far fewer sharp lines "
     "to memorise than in the Sicilian."),
]

NOTES = {
    "contacts.md": ("2024-03-25", "# Contacts\n\n## Health\n\n- Dr. Liv Hauge (GP), Knarvik legesenter: 56 34 12 80\n"
                    "- Haraldsplass, orthopaedic outpatients: 55 97 85 00\n\n## Boat\n\n- Knut Vik: 917 45 062\n"
                    "- Per Hordvik (boathouse): 952 61 884\n- Båtservice Åsane: 55 19 33 40\n\n## Family and house\n\n"
                    "- Ingrid (Edinburgh): +44 7700 914 562\n- Eirik (Tromsø): 480 37 215\n- Arne (Stavanger): 913 70 448\n"
                    "- Randi next door: 470 88 139\n- Åsane Dyreklinikk (Maskin): 55 39 20 10\n"),
    "flat.md": ("2024-09-03", "# Flat in Sandviken\n\nSandviksveien 88, 3rd floor (no lift!). 2 rooms, 58 m², balcony "
                "to Byfjorden.\nPrice: 3,900,000 plus costs, paid from the Knarvik house, no loan.\n"
                "Felleskostnader: 3,850 a month, heating and internet included.\nStorage room in the basement.\n\n"
                "## Moving\n\n- Takeover: 1 November\n- Bergen Flyttebyrå, 14,500 kr, booked for 1 November at 8\n"
                "- Sell or give away: the big dining table, the garden furniture, the snow blower\n"
                "- Maskin: travel box, calming spray\n"),
    "knee-rehab.md": ("2024-09-20", "# Knee (left)\n\nOperation at Haraldsplass, Tuesday 24 September, Dr. Mæland. "
                      "Total knee replacement.\nMeet at 07:00, nothing to eat after midnight.\n\n## Goals\n\n"
                      "- Crutches for 4 to 6 weeks\n- Bend 90 degrees by 6 weeks, 120 degrees by 3 months\n"
                      "- No driving for 6 weeks\n- No skiing before February\n\n## Exercises (3 times a day)\n\n"
                      "- Ankle pumps, 20\n- Straight leg raises, 10\n- Knee bends sitting on a chair, 10\n"
                      "- Walk a little further every day\n"),
    "gran-canaria.md": ("2025-02-20", "# Gran Canaria with Gunvor\n\n- Flight: Norwegian, Bergen to Las Palmas, Sunday "
                        "9 March 10:40, back Sunday 16 March\n- Hotel: Hotel Marina Sol, Puerto de Mogán, 7 nights, sea "
                        "view, half board. 14,800 kr for both, Gunvor pays half\n- Roque Nublo with a guide on the "
                        "Wednesday (ask at the hotel)\n- Boat along the coast to Puerto Rico for a day?\n"
                        "- Pack: sun cream, hat, the knee brace, shorts (buy shorts)\n"),
    "boat.md": ("2025-05-20", "# Snekke SOLVEIG\n\nBuilt 1962 at Kvinge båtbyggeri in Os. 19 foot, larch on oak, open "
                "with a small foredeck.\nEngine: Sabb G, 8 hp, 1964, one cylinder.\nBoathouse at Hordvik: 1,200 a month. "
                "Summer berth at Hordvik småbåthavn, place 27, 6,500 a year.\n\n## Costs (kr)\n\n- Boat: 18,000\n"
                "- Piston rings and gaskets: 3,450\n- Honing the cylinder (Knut's friend in Frekhaug): 2,500\n"
                "- Planks and copper nails: 7,400\n- Linseed oil, tar and paint: 6,850\n- Propeller: 5,200\n"
                "- Trailer tyres: 1,900\n- Life jackets, anchor, rope: 4,300\n- Boathouse rent, 14 months: 16,800\n\n"
                "Total: 66,400\n"),
}


LIFE = Life(user=USER, seed=20250612, first_day="2024-02-01", last_day="2025-06-12", gap_days=(5, 12),
            events=EVENTS, assistant_events=ASSISTANT_EVENTS, chatter=CHATTER, replies=REPLIES, notes=NOTES,
            questions=QUESTIONS, now=NOW)


def main() -> None:
    eval_history.write(LIFE, OUT)


if __name__ == "__main__":
    main()
