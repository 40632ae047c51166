"""Generate second-me's second memory benchmark (Noor), deterministically.

    python bench/make_eval_noor.py    # writes second_me/data/eval/noor-benchmark.jsonl

A second person, written apart from the abstention rules to check whether they carry over
(`python bench/fit_abstention.py` scores each benchmark with bars fitted on the others): Noor, an ICU nurse in
Melbourne, Australia, talks with her assistant over 18 months (March 2023 to August 2024)
and keeps a few notes files. Scripted events carry the answers; everyday chatter around
them (with the same words: shifts, Biscuit the dog, surfing, pottery, choir, cycling, rent)
makes retrieval work for it. Near misses share topics with the events but differ in person
or time. Questions cover LongMemEval's five abilities: information extraction,
multi-session reasoning, temporal reasoning, knowledge updates and abstention; many of the
unanswerable ones ask for a detail of something that *is* in memory. Same format as
`bench/make_eval.py` (README, "Benchmark"); run it with `second-me eval --dataset noor`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402
from bench.eval_history import Life  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "second_me" / "data" / "eval" / "noor-benchmark.jsonl"
NOW = "2024-08-30T18:00:00+00:00"  # every question is asked at this moment (a Friday evening)
USER = "Noor"

# Scripted events: (date, key, what Noor says). `key` names the turn for the questions below.
EVENTS = [
    ("2023-03-06", "job_rmh", "First week back on the roster. Being an ICU nurse at the Royal Melbourne is full on, four 12-hour nights in a row and my body has no idea what time it is."),
    ("2023-03-11", "sharehouse_brunswick", "the possum is back in the roof of our share house in Brunswick. five of us, one bathroom, and now a possum. at least my share of the rent is only $245 a week"),
    ("2023-03-19", "dog_biscuit", "Sam and I adopted a rescue dog today!!! She's a red kelpie cross called Biscuit and she has already claimed the couch"),
    ("2023-03-25", "mum_birthday", "Mum's birthday is June 2, she always says she wants 'nothing' so I need to start thinking now."),
    ("2023-04-01", "choir_northcote", "joined a community choir!! we rehearse wednesday nights at Northcote Town Hall. turns out im an alto, who knew"),
    ("2023-04-09", "car_mazda", "My car is a silver 2011 Mazda 3 with 210,000 km on the clock. It rattles over 80 but it's paid off so I love it."),
    ("2023-04-15", "book_lessons", "Reading Lessons in Chemistry by Bonnie Garmus on my breaks, Elizabeth Zott is my hero"),
    ("2023-04-22", "camping_grampians", "Camping in the Grampians with Sam this weekend (Biscuit's staying at Mum's). We hiked up to the Pinnacle and it was freezing at the top."),
    ("2023-04-29", "allergy_shellfish", "So it turns out I'm allergic to shellfish. Had two prawns at Karim's engagement party and my lips blew up like a cartoon. EpiPen lives in my bag now."),
    ("2023-05-06", "karim_pharmacist", "My brother Karim has been a pharmacist in Adelaide for eight years now, he basically runs the chemist on King William St."),
    ("2023-05-13", "surf_lesson", "Had my first ever surf lesson at Torquay today. Stood up once, for maybe two seconds. Counts."),
    ("2023-05-16", "locker_code", "note to self bc I keep forgetting: locker code at work is 4471"),
    ("2023-05-27", "trip_tasmania", "Back from 5 days in Tasmania! Cradle Mountain had snow and we saw a wombat just sitting on the boardwalk like he owned it"),
    ("2023-06-03", "sam_cabinetmaker", "Sam started a new job with a cabinet maker in Collingwood, he comes home covered in sawdust and very happy."),
    ("2023-06-10", "pottery_start", "started pottery classes on saturday mornings at Clay Corner in Fitzroy. my first attempt at a bowl came out as a plate lol"),
    ("2023-06-17", "gp_nguyen", "Finally found a GP I like: Dr. Nguyen at the clinic on Sydney Road. Bulk bills too."),
    ("2023-06-24", "concert_missy", "Saw Missy Higgins at the Forum last night and I cried during Scar, no shame at all"),
    ("2023-07-01", "health_check", "Did the staff health check at work. Resting heart rate 58, which the nurse said is 'suspiciously athletic' for someone who lives on hospital biscuits."),
    ("2023-07-08", "study_deakin", "I enrolled in a Graduate Certificate in Clinical Education at Deakin, part time and online. First unit starts this month, wish me luck"),
    ("2023-07-15", "lend_jess", "Lent Jess $350 to cover her car rego, she'll pay me back after payday."),
    ("2023-07-22", "movie_oppenheimer", "Saw Oppenheimer at the cinema, 3 hours!! my bum went numb but it was worth it"),
    ("2023-07-29", "jess_paramedic", "Jess is a paramedic with Ambulance Victoria, her shifts are even worse than mine. We barely overlap."),
    ("2023-08-05", "trip_sydney", "In Sydney for a sepsis conference. It's mostly lanyards and bad coffee but I've had dumplings in Haymarket every night."),
    ("2023-08-12", "concert_tame", "Tame Impala at Rod Laver Arena with Jess. Ears still ringing the next morning."),
    ("2023-08-19", "surfboard", "Bought my own surfboard!! An 8 foot blue foamie. Sam says it's basically a canoe."),
    ("2023-08-26", "book_maali", "Started The Seven Moons of Maali Almeida by Shehan Karunatilaka, it's dark and funny at the same time"),
    ("2023-09-02", "dinner_tilly", "Dinner with Tilly at the Sri Lankan place on Sydney Road, the egg hoppers were unreal"),
    ("2023-09-16", "jess_payback", "Jess paid back $200 of the rego money, the rest after her next pay."),
    ("2023-09-30", "karim_wedding", "Karim and Hana got married in Adelaide today!! I did a reading and held it together until the speeches"),
    ("2023-10-07", "choir_showcase", "Our choir did its spring showcase at St Michael's, we sang Hallelujah and a Sia arrangement and nobody fell off the risers"),
    ("2023-10-15", "ride_bay", "Rode Around the Bay today, the 100 km route, in 4 hours 40. My legs are concrete."),
    ("2023-10-21", "phone_samsung", "dropped my phone off the rocks at Torquay. RIP. got a Samsung Galaxy S23 to replace it, at least the camera is nicer"),
    ("2023-10-28", "pottery_mug", "Glazed my first proper mug at pottery, speckled green, and I'm drinking tea out of it right now"),
    ("2023-11-18", "book_demon", "Reading Demon Copperhead by Barbara Kingsolver, it's brutal but I can't stop"),
    ("2023-11-25", "moved_footscray", "We moved!! Sam and I have our own place in Footscray now, no housemates, two bedrooms and a little courtyard for Biscuit"),
    ("2023-11-26", "rent_footscray", "Rent on the Footscray unit is $620 a week. Ouch, but split between the two of us it's $310 each, fine."),
    ("2023-12-02", "property_manager", "Our property manager at Westside Realty is called Gemma, she replied to my email in 10 minutes, suspicious"),
    ("2023-12-25", "christmas_geelong", "Christmas at Mum's in Geelong. She did her slow roasted lamb and Karim and Hana drove over from Adelaide, full house."),
    ("2024-01-06", "trip_bali", "Home from 10 days in Bali with Sam. Ubud was my favourite, the Tegallalang rice terraces at 6am before the crowds"),
    ("2024-01-13", "cook_nasigoreng", "First thing I cooked after Bali was nasi goreng, trying to copy the warung in Ubud. Pretty close tbh"),
    ("2024-01-20", "worry_interview", "so nervous. interview for a clinical nurse educator job at the Alfred on thursday. what if they ask me about the budget stuff"),
    ("2024-02-03", "offer_alfred", "I GOT THE JOB!! Clinical Nurse Educator at the Alfred, starting in March. no more night shifts ever"),
    ("2024-02-10", "car_corolla", "Traded the old Mazda in for a white 2022 Toyota Corolla hybrid. It's so quiet I keep thinking it's switched off."),
    ("2024-02-24", "camping_prom", "Camped at Tidal River at Wilsons Prom, swam at Squeaky Beach, Sam got sunburnt in the shape of his singlet."),
    ("2024-03-11", "start_time", "New job routine: start at 7:30, home by 4. Having evenings feels illegal."),
    ("2024-03-16", "choir_yarraville", "left the Northcote choir, it's a trek from Footscray. joined the Yarraville Community Choir instead, they meet monday nights"),
    ("2024-03-23", "gp_adeyemi", "Switched GPs to Dr. Adeyemi in Seddon, Sydney Road is too far now."),
    ("2024-03-30", "concert_royel", "Royel Otis at the Corner Hotel last night, tiny sweaty room, perfect gig"),
    ("2024-04-13", "book_beesting", "Now reading The Bee Sting by Paul Murray on the train to work, the Barnes family is a mess"),
    ("2024-04-20", "pottery_thursday", "moved my pottery class to thursday evenings since saturday mornings are for surfing now"),
    ("2024-04-27", "dinner_hana", "Hana was in Melbourne for work so we had dinner at a Lebanese place in Brunswick, she's lovely"),
    ("2024-05-04", "green_wave", "CAUGHT MY FIRST GREEN WAVE at Jan Juc!!! rode it all the way to the sand"),
    ("2024-05-11", "biscuit_teeth", "Biscuit had her teeth cleaned at the vet, $480. She's fine, my wallet isn't."),
    ("2024-05-18", "ride_60", "I've been riding to work most days, roughly 60 km a week."),
    ("2024-06-02", "mum_65", "Took Mum out for her 65th birthday lunch at a winery on the Bellarine, she pretended not to be delighted"),
    ("2024-06-15", "biscuit_raincoat", "Bought Biscuit a yellow raincoat for winter, she looks ridiculous and I love it"),
    ("2024-07-06", "trip_queenstown", "Back from a week in Queenstown, New Zealand! Did the Ben Lomond track, Sam bungee jumped, I watched from solid ground."),
    ("2024-07-13", "gradcert_done", "Submitted my final assignment for the grad cert, I'm officially done with Deakin!!"),
    ("2024-07-20", "ride_90", "Cycling update: up to about 90 km a week now, mostly the commute plus a long ride on Sundays."),
    ("2024-07-27", "sam_joinery", "Sam quit the cabinet maker! He's started his own business, Hartley Joinery, working out of a shed in Brooklyn."),
    ("2024-08-03", "book_james", "Started James by Percival Everett, it's Huck Finn from Jim's side and it's brilliant"),
    ("2024-08-10", "market_mugs", "Sold three of my mugs at the Footscray makers market for $25 each!! actual strangers paid money"),
    ("2024-08-24", "movie_insideout", "Watched Inside Out 2 with Sam on Saturday night, Anxiety was way too relatable"),
    ("2024-08-28", "physio", "Saw the physio about my shoulder today, she reckons it's from paddling and gave me band exercises"),
    ("2024-08-29", "dinner_jess", "Dinner with Jess tonight at the Korean BBQ place on Little Bourke, we smelled like smoke for hours"),
    # Near misses: same topics, other times or other people.
    ("2024-07-30", "physio_reminder", "my shoulder's been clicking, should probably book a physio at some point"),
    ("2023-12-16", "karim_moving", "Karim rang, he and Hana are thinking about moving to Melbourne one day. Mum will be insufferable if they do."),
    ("2024-06-22", "movie_home", "Rewatched The Castle on the couch with Biscuit, still the best Australian film ever made"),
]

# Everyday chatter: requests and remarks that share words with the events, on random dates.
CHATTER = [
    "whats a good stretch for tight shoulders after surfing?", "How do I get coffee stains out of navy scrubs?",
    "any tips for sleeping during the day after a run of nights", "Suggest a quick dinner I can make after a 12 hour shift.",
    "How do I stop a kelpie getting bored while I'm at work?", "What's a good beginner glaze that doesn't run?",
    "How often should I wax a surfboard?", "Explain the difference between a cabinet maker and a joiner.",
    "Give me a five minute vocal warm-up for choir.", "how do i stop my voice cracking on the high notes",
    "What should I pack for a weekend camping trip in autumn?", "how long do you boil eggs for jammy yolks",
    "Give me three gift ideas for someone who says they want nothing.", "Is it bad to give dogs cheese?",
    "what's a good book for a long flight", "Help me write an email to my property manager about a leaking tap.",
    "How do I change a bike tyre on the side of the road?", "What's the best way to study when you work shifts?",
    "Remind me what the qSOFA criteria are.", "How much protein should I eat if I ride a lot?",
    "What's a good podcast about history?", "How do I politely chase a friend for money they owe me?",
    "ideas for a rainy sunday with a dog", "What's a cheap way to keep a rental warm in winter?",
    "How do I make chai from scratch?", "Write a two-line birthday message for my brother.",
    "What's a good plant for a shady courtyard?", "How do I get sand out of car carpet?",
    "What should I look for when buying a used car?", "How do I descale a kettle?",
    "Any tips for presenting to a room of new grad nurses?", "how do i make my mugs less heavy on the wheel",
    "tips for reading more when ur tired all the time", "Is an e-bike worth it for a 10 km commute?",
    "What's the etiquette for tipping in Bali?", "Explain how a hybrid car charges its battery.",
    "How do I write a reflective essay for uni?", "What's a good warm-up before a surf?",
    "How do I clean a dog's ears without upsetting her?", "Give me a packing list for a beach holiday.",
    "What's an easy way to track my monthly spending?", "How do I ask for a day off without feeling guilty?",
    "What are some good stretches for sore calves after cycling?", "How long does a bought loaf of sourdough keep?",
    "Melbourne did four seasons in one day again.", "Long shift today, my feet are wrecked.",
    "Biscuit rolled in something disgusting at the dog park.", "Mum rang and we talked for an hour about her neighbours.",
    "so tired this week. bed at 8 tonight", "Sam made a spag bol, the kitchen looks like a crime scene.",
    "need to clean the house this weekend, it's feral", "the coffee at work is getting worse, if that's possible",
    "had a quiet one at home, just tea and the crossword", "Windy ride home today, felt like pedalling through soup.",
    "Biscuit stole a whole sausage off the bench.", "The choir director made us do scales for twenty minutes.",
    "nothing much today, just work and the couch", "ugh, traffic on the Westgate was a nightmare",
]
REPLIES = [
    "Got it, I'll remember that.", "Noted.", "Thanks for letting me know!", "Okay.", "That sounds lovely.",
    "Short version: start simple and see how it goes.", "Good question. It depends, but small steps usually work.",
    "I'd try it this week and adjust from there.", "Happy to help.", "Oh no! Hope tomorrow is better.",
]

# (ability, question, answer or None, evidence keys). Notes are "note:<file>".
QUESTIONS = [
    # information extraction: one fact, asked in other words
    ("information-extraction", "When is Mum's birthday?", "June 2", ["mum_birthday"]),
    ("information-extraction", "What breed is our dog?", "kelpie", ["dog_biscuit"]),
    ("information-extraction", "What's the combination for my locker at the hospital?", "4471", ["locker_code"]),
    ("information-extraction", "Which foods do I have to avoid because of an allergy?", "shellfish", ["allergy_shellfish"]),
    ("information-extraction", "What does my brother do for a living?", "pharmacist", ["karim_pharmacist"]),
    ("information-extraction", "Which voice part do I sing?", "alto", ["choir_northcote"]),
    ("information-extraction", "Where did I take my very first surfing lesson?", "Torquay", ["surf_lesson"]),
    ("information-extraction", "What was my resting pulse at the staff health check?", "58", ["health_check"]),
    ("information-extraction", "Which town does my mother live in?", "Geelong", ["christmas_geelong"]),
    ("information-extraction", "What animal did we spot on the boardwalk at Cradle Mountain?", "wombat", ["trip_tasmania"]),
    ("information-extraction", "who's the property manager for our unit?", "Gemma", ["property_manager", "note:unit-footscray.md"]),
    ("information-extraction", "What's the name of the studio where I do pottery?", "Clay Corner", ["pottery_start"]),
    ("information-extraction", "Which podcast did you suggest for the drive to Mum's?", "Conversations", ["recommend_podcast"]),
    ("information-extraction", "Why does Biscuit bark at the front window in the afternoons?", "postie", ["biscuit_bark"]),
    ("information-extraction", "How long does Mum's harira need to simmer?", "90 minutes", ["note:recipes.md"]),
    ("information-extraction", "At what oven temperature do I bake Anzac biscuits?", "160", ["note:recipes.md"]),
    ("information-extraction", "What's my student number at Deakin?", "221847305", ["note:gradcert.md"]),
    ("information-extraction", "What colour is the tent we take camping?", "green", ["note:camping-checklist.md"]),
    ("information-extraction", "What's the electrician's phone number?", "0491 570 110", ["note:unit-footscray.md"]),
    ("information-extraction", "What is Jess's job?", "paramedic", ["jess_paramedic"]),
    ("information-extraction", "What name did you come up with for my pottery Instagram?", "Wonky Mugs", ["pottery_name"]),
    ("information-extraction", "What is Sam's business called?", "Hartley Joinery", ["sam_joinery"]),
    ("information-extraction", "At which beach did I ride my first unbroken wave?", "Jan Juc", ["green_wave"]),
    ("information-extraction", "How much did Biscuit's dental clean set me back?", "480", ["biscuit_teeth"]),
    ("information-extraction", "Who's my boss at the Alfred?", "Deb", ["note:work-alfred.md"]),
    ("information-extraction", "What was my capstone project about?", "ventilator alarms", ["note:gradcert.md"]),
    # multi-session: the answer needs several memories
    ("multi-session", "How many artists have I seen play live?", "3", ["concert_missy", "concert_tame", "concert_royel"]),
    ("multi-session", "How much money does Jess still owe me?", "150", ["lend_jess", "jess_payback"]),
    ("multi-session", "How many overseas trips have I taken?", "2", ["trip_bali", "trip_queenstown"]),
    ("multi-session", "Where have Sam and I gone camping?", "Grampians", ["camping_grampians", "camping_prom"]),
    ("multi-session", "Which novels have I been reading?", "Demon Copperhead",
     ["book_lessons", "book_maali", "book_demon", "book_beesting", "book_james"]),
    ("multi-session", "Which suburbs have I lived in?", "Brunswick", ["sharehouse_brunswick", "moved_footscray"]),
    ("multi-session", "Which choirs have I sung with?", "Northcote", ["choir_northcote", "choir_yarraville"]),
    ("multi-session", "Who have I gone out to dinner with?", "Tilly", ["dinner_tilly", "dinner_hana", "dinner_jess"]),
    ("multi-session", "Which cars have I owned?", "Mazda", ["car_mazda", "car_corolla"]),
    ("multi-session", "Where has Sam worked?", "cabinet maker", ["sam_cabinetmaker", "sam_joinery"]),
    ("multi-session", "How much did I make selling mugs at the market?", "75", ["market_mugs"]),
    ("multi-session", "How much more rent do I pay per week now than in the share house?", "65",
     ["sharehouse_brunswick", "rent_footscray"]),
    ("multi-session", "By how many km a week has my cycling gone up?", "30", ["ride_60", "ride_90"]),
    ("multi-session", "Which hospitals have I worked at?", "Royal Melbourne", ["job_rmh", "offer_alfred"]),
    ("multi-session", "At which beaches have I surfed?", "Jan Juc", ["surf_lesson", "green_wave"]),
    ("multi-session", "What's my sister-in-law's name?", "Hana", ["karim_wedding", "karim_pharmacist"]),
    ("multi-session", "Which doctors have I been registered with?", "Nguyen", ["gp_nguyen", "gp_adeyemi"]),
    # temporal reasoning: the time in the question picks the memory
    ("temporal", "What was I reading in April 2023?", "Lessons in Chemistry", ["book_lessons"]),
    ("temporal", "Which book was I into in November 2023?", "Demon Copperhead", ["book_demon"]),
    ("temporal", "What novel did I start at the end of August 2023?", "The Seven Moons of Maali Almeida", ["book_maali"]),
    ("temporal", "Who did I have dinner with yesterday?", "Jess", ["dinner_jess"]),
    ("temporal", "What film did Sam and I watch last Saturday?", "Inside Out 2", ["movie_insideout"]),
    ("temporal", "What appointment did I have on Wednesday?", "physio", ["physio"]),
    ("temporal", "Where did I go on holiday in May 2023?", "Tasmania", ["trip_tasmania"]),
    ("temporal", "Which band did I see in August 2023?", "Tame Impala", ["concert_tame"]),
    ("temporal", "who did i see live in march?", "Royel Otis", ["concert_royel"]),
    ("temporal", "Which suburb did I live in before Footscray?", "Brunswick", ["sharehouse_brunswick"]),
    ("temporal", "What did I cook once we got back from Bali?", "nasi goreng", ["cook_nasigoreng"]),
    ("temporal", "Where did I go camping in April last year?", "Grampians", ["camping_grampians"]),
    ("temporal", "What was I stressed about in January?", "interview", ["worry_interview"]),
    ("temporal", "Where did I spend last Christmas?", "Geelong", ["christmas_geelong"]),
    ("temporal", "Why was I in Sydney in August 2023?", "conference", ["trip_sydney"]),
    ("temporal", "What movie did I see at the cinema in July 2023?", "Oppenheimer", ["movie_oppenheimer"]),
    ("temporal", "What did I drive before the Corolla?", "Mazda 3", ["car_mazda"]),
    ("temporal", "Which choir was I in before Yarraville?", "Northcote", ["choir_northcote"]),
    ("temporal", "Who got married in September 2023?", "Karim", ["karim_wedding"]),
    ("temporal", "What did I sell this month?", "mugs", ["market_mugs"]),
    ("temporal", "Where did I travel in July?", "Queenstown", ["trip_queenstown"]),
    ("temporal", "What was the first gig I went to?", "Missy Higgins", ["concert_missy"]),
    ("temporal", "What long bike ride did I do in October 2023?", "Around the Bay", ["ride_bay"]),
    # knowledge updates: the newest statement wins
    ("knowledge-update", "Where do I work these days?", "Alfred", ["offer_alfred"]),
    ("knowledge-update", "What's my current job title?", "Clinical Nurse Educator", ["offer_alfred"]),
    ("knowledge-update", "Which suburb do we live in now?", "Footscray", ["moved_footscray"]),
    ("knowledge-update", "What automobile do I drive now?", "Corolla", ["car_corolla"]),
    ("knowledge-update", "Which choir do I currently sing with?", "Yarraville", ["choir_yarraville"]),
    ("knowledge-update", "How many km a week am I cycling at the moment?", "90", ["ride_90"]),
    ("knowledge-update", "What book am I reading right now?", "James", ["book_james"]),
    ("knowledge-update", "What does Sam do for work now?", "joinery", ["sam_joinery"]),
    ("knowledge-update", "What time does my workday start now?", "7:30", ["start_time"]),
    ("knowledge-update", "Which mobile am I using these days?", "Galaxy S23", ["phone_samsung"]),
    ("knowledge-update", "How old is my mother?", "65", ["mum_65"]),
    ("knowledge-update", "What night is my pottery class on now?", "Thursday", ["pottery_thursday"]),
    ("knowledge-update", "Who is my GP now?", "Adeyemi", ["gp_adeyemi"]),
    ("knowledge-update", "How many bedrooms does our place have?", "two", ["moved_footscray"]),
    # abstention: never told (many are near misses: the thing is in memory, the detail is not)
    ("abstention", "What's my dad's name?", None, []),
    ("abstention", "How old is Biscuit?", None, []),
    ("abstention", "What does Tilly do for work?", None, []),
    ("abstention", "How much did the Bali trip cost us?", None, []),
    ("abstention", "Which vet clinic does Biscuit go to?", None, []),
    ("abstention", "When is Sam's birthday?", None, []),
    ("abstention", "What is Hana's job?", None, []),
    ("abstention", "How much did I pay for my surfboard?", None, []),
    ("abstention", "What's the number plate on the Corolla?", None, []),
    ("abstention", "Which hospital did I work at before the Royal Melbourne?", None, []),
    ("abstention", "What mark did I get for my capstone?", None, []),
    ("abstention", "What's my pottery teacher called?", None, []),
    ("abstention", "Where did Karim and Hana go on their honeymoon?", None, []),
    ("abstention", "When did I visit Perth?", None, []),
    ("abstention", "What is my sister's name?", None, []),
    ("abstention", "Did I see a show at the Sydney Opera House?", None, []),
    ("abstention", "When did I see Taylor Swift?", None, []),
    ("abstention", "What's my cat called?", None, []),
    ("abstention", "Where did I do my nursing degree?", None, []),
    ("abstention", "What was my blood pressure at the health check?", None, []),
    ("abstention", "how much was the physio appointment", None, []),
    ("abstention", "What was the winery called where we took Mum for her birthday?", None, []),
    ("abstention", "What's the name of Jess's partner?", None, []),
    ("abstention", "What was my time in the Melbourne Marathon?", None, []),
    ("abstention", "Is Karim's chemist open on Sundays?", None, []),
    ("abstention", "Which footy team does Sam barrack for?", None, []),
]

# Events the assistant answers with something worth remembering.
ASSISTANT_EVENTS = [
    ("2023-09-23", "recommend_podcast", "any podcast recs for the drive to Mum's? it's about an hour each way",
     "Try Conversations from the ABC: long, warm interviews with people who have lived interesting lives. One episode fits the drive nicely."),
    ("2024-03-02", "pottery_name", "I want to start an Instagram for my pottery, got any name ideas?",
     "How about Wonky Mugs Studio? It's friendly, honest about handmade pieces, and easy to remember."),
    ("2024-05-25", "biscuit_bark", "Why does Biscuit go nuts barking at the front window every afternoon?",
     "Most likely the postie: the mail comes at the same time each day, Biscuit barks, and the postie leaves, so to her the barking works."),
]

NOTES = {
    "recipes.md": ("2023-08-20", "# Recipes\n\n## Mum's harira\n\nSoak 1 cup chickpeas overnight. Onion, celery, diced lamb shoulder, "
                   "tomatoes, red lentils, coriander, cinnamon, ginger.\nSimmer 90 minutes, thicken with a flour-and-water "
                   "tadwira, squeeze of lemon at the end.\n\n## Anzac biscuits\n\nRolled oats, plain flour, desiccated coconut, "
                   "golden syrup, butter, bicarb.\nBake 15 minutes at 160 °C; they firm up as they cool.\n"),
    "camping-checklist.md": ("2023-04-18", "# Camping checklist\n\nTent (the green 3-person one), 2 sleeping mats, sleeping bags, "
                             "gas stove + 2 canisters, 20 L water drum, head torches, first aid kit, insect repellent, "
                             "thermals (it gets cold at night), park booking printout.\n"),
    "gradcert.md": ("2023-07-10", "# Grad Cert in Clinical Education (Deakin)\n\nStudent ID: 221847305\n"
                    "Units: Teaching in clinical settings; Assessment and feedback; Simulation-based learning; Capstone project.\n"
                    "Capstone topic: teaching ventilator alarms to new grad nurses.\nSupervisor: Dr. Helen Marsh.\n"),
    "unit-footscray.md": ("2023-11-28", "# Footscray unit\n\nRent: $620 a week, paid fortnightly by direct debit on Thursdays.\n"
                          "Bond: $2,480 (lodged with the RTBA).\nProperty manager: Gemma, Westside Realty, 03 5550 1234.\n"
                          "Electrician: Dave Kowalski, 0491 570 110.\nBins: red bin every Tuesday night; yellow and green "
                          "bins on alternate weeks.\nInternet: router in the hall cupboard.\n"),
    "work-alfred.md": ("2024-03-04", "# Alfred: educator notes\n\nManager: Deb O'Connell (ICU education lead).\n"
                       "My portfolio: new grad program, ALS refresher, ventilator competencies.\n"
                       "ALS refresher: 12 September, Level 3 seminar room, 8:00–12:00.\n"
                       "Staff car park P2, permit 7715.\nNew grad orientation runs on the first Monday of each month.\n"),
}


LIFE = Life(user=USER, seed=20240830, first_day="2023-03-02", last_day="2024-08-30", gap_days=(4, 11),
            events=EVENTS, assistant_events=ASSISTANT_EVENTS, chatter=CHATTER, replies=REPLIES, notes=NOTES,
            questions=QUESTIONS, now=NOW)


def main() -> None:
    eval_history.write(LIFE, OUT)


if __name__ == "__main__":
    main()
