"""Generate second-me's built-in memory benchmark, deterministically.

    python bench/make_eval.py            # writes second_me/data/eval/memory-benchmark.jsonl

One person (Maya, a designer in Germany) talks with her assistant over 18 months, and keeps
a few notes files. Scripted events carry the answers; everyday chatter around them (with
the same words: coffee, books, running, family) makes retrieval work for it. Questions
cover LongMemEval's five abilities: information extraction, multi-session reasoning,
temporal reasoning, knowledge updates and abstention. The format is documented in README
("Benchmark"); `second-me eval --dataset FILE` runs the same on any file of that format.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402
from bench.eval_history import Life  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "second_me" / "data" / "eval" / "memory-benchmark.jsonl"
NOW = "2024-06-21T18:00:00+00:00"  # every question is asked at this moment (a Friday evening)
USER = "Maya"

# Scripted events: (date, key, what Maya says). `key` names the turn for the questions below.
EVENTS = [
    ("2023-01-09", "job_zalando", "Back at work after the holidays. Being a UX designer at Zalando is fine, but the checkout redesign is dragging on."),
    ("2023-01-14", "leipzig_packing", "Still packing up my flat in Leipzig, the movers come in April and I have way too many books."),
    ("2023-01-22", "vegetarian", "New year thing: I've gone fully vegetarian since January 1st and honestly I don't miss meat."),
    ("2023-02-03", "lena_birthday", "My sister Lena's birthday is on March 14th, remind me to order flowers early this time."),
    ("2023-02-11", "book_piranesi", "I'm reading Piranesi by Susanna Clarke at the moment, the house with the endless halls is so strange."),
    ("2023-02-19", "cat_miso", "We adopted a cat! She's called Miso, a grey tabby, two years old, and she already owns the sofa."),
    ("2023-03-02", "wifi_parents", "Note to self: the wifi password at my parents' house is bluefalcon77."),
    ("2023-03-11", "first_bouldering", "Went bouldering for the very first time today, at Ostbloc. My forearms are dead but I loved it."),
    ("2023-03-18", "concert_bonobo", "Saw Bonobo live at Columbiahalle last night, the light show was unreal."),
    ("2023-03-25", "phone_pixel", "Got a new phone, a Pixel 7. The camera is so much better than my old one."),
    ("2023-04-02", "race_half", "I ran the Berlin half marathon today in 1:58! Legs are jelly."),
    ("2023-04-10", "moved_berlin", "We finally moved to Berlin! The flat in Neukölln is tiny but the street has three bakeries."),
    ("2023-04-16", "landlord", "Our landlord is called Mr. Hoffmann, he seems strict but fair about the flat."),
    ("2023-04-23", "doctor", "Registered with a new doctor in Berlin: Dr. Okafor at the practice on Weserstraße."),
    ("2023-05-06", "trip_lisbon", "Flew to Lisbon for a long weekend, ate pastéis de nata every single morning."),
    ("2023-05-13", "tutor_beatriz", "I started Portuguese lessons on Tuesdays, my tutor is called Beatriz and she is very patient."),
    ("2023-05-20", "plant_monstera", "Bought a monstera for the living room, it's huge."),
    ("2023-05-27", "10k_52", "Did a 10k time trial along the canal: 52:10, that's my best 10k so far."),
    ("2023-06-08", "book_hailmary", "Started Project Hail Mary by Andy Weir last night and I can't put it down."),
    ("2023-06-17", "allergy", "The pharmacist double-checked because I'm allergic to penicillin, I found that out as a kid."),
    ("2023-06-24", "jonas_bakery", "Jonas is working early shifts at the bakery on Sonnenallee, so he is asleep by nine."),
    ("2023-07-08", "concert_khruangbin", "Saw Khruangbin live at the Zitadelle, best concert of the summer."),
    ("2023-07-22", "holiday_sardinia", "Back from two weeks of holiday in Sardinia, the water was unbelievably clear."),
    ("2023-07-29", "cook_after_sardinia", "First thing I cooked after the trip was a big pot of fregola with clams, like in Cagliari."),
    ("2023-08-05", "bike", "My bike is a green Surly Cross-Check I bought second hand, it finally has new brakes."),
    ("2023-08-12", "plant_snake", "Got a snake plant for the bedroom, apparently impossible to kill."),
    ("2023-08-19", "lend_tomas", "I lent Tomás 200 euros for his flight home, he said he'll pay me back soon."),
    ("2023-08-26", "tomas_valencia", "My best friend Tomás lives in Valencia now, he moved there for a job at the port."),
    ("2023-09-03", "offer_n26", "I accepted the offer from N26! Starting in October as a senior product designer."),
    ("2023-09-10", "race_10k", "Ran the Citylauf 10k today in 49:30, a new personal best for 10k!"),
    ("2023-09-23", "brunch_frenchtoast", "Made French toast for Sunday brunch, Jonas had three slices."),
    ("2023-10-07", "trip_prague", "Spent a weekend in Prague, walked over the Charles Bridge at sunrise."),
    ("2023-10-14", "blood_type", "Donated blood for the first time, they told me my blood type is O negative."),
    ("2023-10-21", "tomas_payback", "Tomás paid back 120 euros of the money I lent him."),
    ("2023-11-04", "book_overstory", "Reading The Overstory now, it's making me look at every tree in the park differently."),
    ("2023-11-11", "standup", "At N26 our team standup is at 9:45 every morning, which suits me."),
    ("2023-11-18", "tattoo", "I got a tattoo! A small fern on my left forearm."),
    ("2023-12-02", "boardgame", "Played Wingspan again with Lena, it's still my favourite board game."),
    ("2023-12-09", "starter", "I named my sourdough starter Bubbles, it's alive and bubbling on the shelf."),
    ("2023-12-16", "plant_fig", "Bought a fiddle leaf fig, which makes three plants now. Miso keeps chewing it."),
    ("2024-01-13", "brunch_pancakes", "Made banana pancakes for brunch on Sunday, the good kind with crispy edges."),
    ("2024-01-20", "worry_interview", "Nervous about the internal promotion interview at work next week."),
    ("2024-01-27", "pescatarian", "Update on food: I'm pescatarian now, I started eating fish again for the omega-3."),
    ("2024-02-03", "gym_switch", "I switched climbing gyms: I go to Boulderklub Kreuzberg now, it's so much closer than Ostbloc."),
    ("2024-02-10", "moved_prenzlauer", "We moved into the new flat in Prenzlauer Berg! Finally a second bedroom."),
    ("2024-02-11", "rent_new", "The rent for the new flat is 1,480 euros warm, more than before but worth it."),
    ("2024-02-24", "concert_feverray", "Caught Fever Ray at Tempodrom, what a show."),
    ("2024-03-09", "trip_valencia", "Visiting Tomás in Valencia this week, we rode bikes along the Turia park."),
    ("2024-03-16", "tutor_carla", "I changed Portuguese tutors: Carla teaches me now, Beatriz moved back to Porto."),
    ("2024-03-23", "phone_iphone", "Switched to an iPhone 15, the Pixel's battery had died for good."),
    ("2024-04-06", "weekly_km_20", "I'm running about 20 km a week at the moment, building up slowly."),
    ("2024-04-21", "race_marathon", "I finished the Hamburg marathon in 4:21! My first full marathon."),
    ("2024-05-04", "jonas_cafe", "Big news: Jonas opened his own café in Friedrichshain, called Kaffeeklatsch."),
    ("2024-05-11", "book_tomorrow", "Now reading Tomorrow, and Tomorrow, and Tomorrow by Gabrielle Zevin, about game designers."),
    ("2024-05-25", "weekly_km_35", "Training is going well, I'm up to 35 km a week of running now."),
    ("2024-06-01", "summer_norway", "Planning this summer's holiday: probably hiking in Norway in August."),
    ("2024-06-15", "brunch_shakshuka", "Made a shakshuka for Saturday brunch, with feta and lots of cumin."),
    ("2024-06-16", "movie_pastlives", "Watched Past Lives on Sunday evening and cried at the ending."),
    ("2024-06-19", "dentist", "Went to the dentist today, one small filling, not too bad."),
    ("2024-06-20", "dinner_priya", "Had dinner with Priya at the Vietnamese place on Kastanienallee."),
    # Near misses: same topics, other times or other people.
    ("2023-08-30", "dinner_jonas", "Had dinner with Jonas's parents at a Greek place, way too much food."),
    ("2024-03-02", "movie_dune", "Watched Dune Part Two at the cinema, the sound made my seat shake."),
    ("2023-11-25", "dinner_lena", "Had dinner with Lena at the ramen shop near Hermannplatz."),
    ("2024-05-18", "dentist_reminder", "I should book a dentist appointment soon, one tooth feels sensitive."),
]

# Everyday chatter: requests and remarks that share words with the events, on random dates.
CHATTER = [
    "Can you give me a quick recipe for red lentil soup?", "What's a good stretch for tight calves after running?",
    "How do I get coffee stains out of a white shirt?", "Suggest a name for a team channel about design reviews.",
    "Remind me what the difference between espresso and ristretto is.", "Any tips for sleeping better in hot weather?",
    "What should I pack for a rainy weekend trip?", "How long should I boil eggs for a soft yolk?",
    "Give me three ideas for a birthday present for a friend who likes hiking.", "Is it okay to water plants with tap water?",
    "Explain the difference between UX and UI design in one paragraph.", "What's a good warm-up before bouldering?",
    "How do I make my sourdough crust crispier?", "What are some good podcasts about history?",
    "Help me write a polite email declining a meeting.", "How many calories does running 10 km burn roughly?",
    "What's the best way to learn Portuguese verbs?", "Recommend a board game for two players.",
    "How do I keep a cat from scratching the sofa?", "What's a good book to read on a train journey?",
    "How do I fix a squeaky bike brake?", "Can you summarise what a retrospective meeting is for?",
    "Suggest a vegetarian dinner that takes 20 minutes.", "What should I ask in a salary negotiation?",
    "How do I descale a kettle?", "Give me a packing list for a beach holiday.", "What's a good houseplant for low light?",
    "How do I clean a yoga mat?", "How do I politely remind a friend they owe me money?", "Ideas for a rainy Sunday at home?",
    "Is it worth getting a rice cooker?", "How do I make cold brew coffee at home?", "What's the etiquette for tipping in Portugal?",
    "Any tips for a first half marathon?", "How long does it take to get used to a new running shoe?",
    "What's an easy way to track my monthly spending?", "How do I prepare for a portfolio review?",
    "Suggest a weekend trip from Berlin by train.", "What's a good stretching routine for desk workers?",
    "How often should I feed a sourdough starter?", "How do I get better at small talk at parties?",
    "What's a healthy breakfast before a long run?", "How do I stop procrastinating on boring tasks?",
    "Explain what a design system is.", "How do I repot a plant without killing it?",
    "The weather in Berlin has been grey all week.", "Work was long today, too many meetings.",
    "I tried a new coffee place near the office, it was okay.", "Lena called, we talked for an hour about nothing.",
    "I'm so tired this week, going to bed early.", "Jonas and I watched a documentary about octopuses.",
    "I need to clean the flat this weekend.", "Miso knocked a glass off the table again.",
    "I finished a big presentation at work, feeling relieved.", "Went for an easy run in the park this morning.",
]
REPLIES = [
    "Sounds good, I'll remember that.", "Got it.", "Thanks for telling me!", "Noted.", "That's great to hear.",
    "Here is a short answer: keep it simple and try it once.", "Good question. In short: it depends, but start small.",
    "I'd suggest trying it this weekend and seeing how it goes.", "Happy to help with that.",
]

# (ability, question, answer or None, evidence keys). Notes are "note:<file>".
QUESTIONS = [
    # information extraction: one fact, asked in other words
    ("information-extraction", "When is Lena's birthday?", "March 14", ["lena_birthday"]),
    ("information-extraction", "What is the name of our cat?", "Miso", ["cat_miso"]),
    ("information-extraction", "What's the wifi password at my parents' place?", "bluefalcon77", ["wifi_parents"]),
    ("information-extraction", "Who is my doctor in Berlin?", "Okafor", ["doctor"]),
    ("information-extraction", "Which antibiotic am I allergic to?", "penicillin", ["allergy"]),
    ("information-extraction", "What kind of bicycle do I ride?", "Surly", ["bike"]),
    ("information-extraction", "What is my blood group?", "O negative", ["blood_type"]),
    ("information-extraction", "What time is the daily team meeting at my job?", "9:45", ["standup"]),
    ("information-extraction", "What's our landlord's name?", "Hoffmann", ["landlord"]),
    ("information-extraction", "Which board game do I like best?", "Wingspan", ["boardgame"]),
    ("information-extraction", "What did I call my sourdough starter?", "Bubbles", ["starter"]),
    ("information-extraction", "Which city does my best friend live in?", "Valencia", ["tomas_valencia"]),
    ("information-extraction", "What tattoo do I have?", "fern", ["tattoo"]),
    ("information-extraction", "Where did I see Bonobo play?", "Columbiahalle", ["concert_bonobo"]),
    ("information-extraction", "What time did I run the Berlin half marathon in?", "1:58", ["race_half"]),
    ("information-extraction", "What is the name of Jonas's café?", "Kaffeeklatsch", ["jonas_cafe"]),
    ("information-extraction", "Where did Priya and I eat?", "Vietnamese", ["dinner_priya"]),
    ("information-extraction", "Which sci-fi book did you recommend to me?", "The Dispossessed", ["recommend_book"]),
    ("information-extraction", "How long do I bake grandma's plum cake?", "45 minutes", ["note:recipes.md"]),
    ("information-extraction", "How many quickdraws do I bring on a climbing trip?", "12", ["note:packing-list.md"]),
    ("information-extraction", "On which day of the month is the rent due?", "3rd", ["note:apartment.md"]),
    ("information-extraction", "Where is the design team offsite this autumn?", "Leipzig", ["note:work.md"]),
    ("information-extraction", "What is the plumber's phone number?", "030 5551 2345", ["note:apartment.md"]),
    ("information-extraction", "What did I eat every morning in Lisbon?", "pastéis de nata", ["trip_lisbon"]),
    ("information-extraction", "Who is Miso afraid of?", "vacuum", ["miso_vacuum"]),
    # multi-session: the answer needs several memories
    ("multi-session", "How many concerts have I been to?", "3", ["concert_bonobo", "concert_khruangbin", "concert_feverray"]),
    ("multi-session", "How many houseplants have I bought?", "3", ["plant_monstera", "plant_snake", "plant_fig"]),
    ("multi-session", "How many races have I run?", "3", ["race_half", "race_10k", "race_marathon"]),
    ("multi-session", "How much money does Tomás still owe me?", "80", ["lend_tomas", "tomas_payback"]),
    ("multi-session", "How many trips abroad did I take?", "3", ["trip_lisbon", "trip_prague", "trip_valencia", "holiday_sardinia"]),
    ("multi-session", "Which books have I been reading?", "Piranesi", ["book_piranesi", "book_hailmary", "book_overstory", "book_tomorrow"]),
    ("multi-session", "How much faster was my 10k race than my canal time trial?", "2:40", ["10k_52", "race_10k"]),
    ("multi-session", "Which climbing gyms have I gone to?", "Ostbloc", ["first_bouldering", "gym_switch"]),
    ("multi-session", "Who have I had dinner with?", "Priya", ["dinner_priya", "dinner_jonas", "dinner_lena"]),
    ("multi-session", "Which phones have I owned?", "iPhone 15", ["phone_pixel", "phone_iphone"]),
    ("multi-session", "What have I made for brunch?", "shakshuka", ["brunch_frenchtoast", "brunch_pancakes", "brunch_shakshuka"]),
    ("multi-session", "Which neighbourhoods of Berlin have I lived in?", "Neukölln", ["moved_berlin", "moved_prenzlauer"]),
    ("multi-session", "Which Portuguese tutors have I had?", "Beatriz", ["tutor_beatriz", "tutor_carla"]),
    ("multi-session", "Where has Jonas worked?", "bakery", ["jonas_bakery", "jonas_cafe"]),
    ("multi-session", "What's the difference between my old and new rent?", "330", ["note:apartment.md", "rent_new"]),
    # temporal reasoning: the time in the question picks the memory
    ("temporal", "What book was I reading in June 2023?", "Project Hail Mary", ["book_hailmary"]),
    ("temporal", "What was I reading in November 2023?", "The Overstory", ["book_overstory"]),
    ("temporal", "What book was I reading in February 2023?", "Piranesi", ["book_piranesi"]),
    ("temporal", "What did I cook for brunch last week?", "shakshuka", ["brunch_shakshuka"]),
    ("temporal", "What did I make for brunch in January?", "pancakes", ["brunch_pancakes"]),
    ("temporal", "Who did I have dinner with yesterday?", "Priya", ["dinner_priya"]),
    ("temporal", "What movie did I watch last weekend?", "Past Lives", ["movie_pastlives"]),
    ("temporal", "Where did I go two days ago?", "dentist", ["dentist"]),
    ("temporal", "Where did I go on holiday last summer?", "Sardinia", ["holiday_sardinia"]),
    ("temporal", "Which city did I live in before I moved to Berlin?", "Leipzig", ["leipzig_packing"]),
    ("temporal", "What did I cook after I got back from Sardinia?", "fregola", ["cook_after_sardinia"]),
    ("temporal", "Which gym did I go to the first time I went bouldering?", "Ostbloc", ["first_bouldering"]),
    ("temporal", "What was I nervous about in January 2024?", "promotion interview", ["worry_interview"]),
    ("temporal", "Which concert did I go to in July 2023?", "Khruangbin", ["concert_khruangbin"]),
    ("temporal", "Which concert did I see in February?", "Fever Ray", ["concert_feverray"]),
    ("temporal", "Which race did I run in April 2024?", "Hamburg marathon", ["race_marathon"]),
    ("temporal", "Which city did I visit in October 2023?", "Prague", ["trip_prague"]),
    ("temporal", "What plant did I buy in May 2023?", "monstera", ["plant_monstera"]),
    ("temporal", "Who did I have dinner with in November 2023?", "Lena", ["dinner_lena"]),
    ("temporal", "Which movie did I see at the cinema in March?", "Dune", ["movie_dune"]),
    ("temporal", "What was the first concert I went to?", "Bonobo", ["concert_bonobo"]),
    ("temporal", "What phone did I have before I switched to an iPhone?", "Pixel 7", ["phone_pixel"]),
    ("temporal", "Which trip did I take in spring 2023?", "Lisbon", ["trip_lisbon"]),
    ("temporal", "What did I do for the first time in October 2023?", "donated blood", ["blood_type"]),
    # knowledge updates: the newest statement wins
    ("knowledge-update", "Where do I work now?", "N26", ["offer_n26"]),
    ("knowledge-update", "What is my current job title?", "senior product designer", ["offer_n26"]),
    ("knowledge-update", "Which neighbourhood do I live in?", "Prenzlauer Berg", ["moved_prenzlauer"]),
    ("knowledge-update", "What is my personal best for 10k?", "49:30", ["race_10k"]),
    ("knowledge-update", "What phone do I use these days?", "iPhone 15", ["phone_iphone"]),
    ("knowledge-update", "Which climbing gym do I go to now?", "Boulderklub", ["gym_switch"]),
    ("knowledge-update", "What is my diet now?", "pescatarian", ["pescatarian"]),
    ("knowledge-update", "What does Jonas do for work now?", "café", ["jonas_cafe"]),
    ("knowledge-update", "Who teaches me Portuguese currently?", "Carla", ["tutor_carla"]),
    ("knowledge-update", "What book am I reading at the moment?", "Tomorrow, and Tomorrow, and Tomorrow", ["book_tomorrow"]),
    ("knowledge-update", "How many kilometres a week am I running these days?", "35", ["weekly_km_35"]),
    ("knowledge-update", "How much rent do I pay now?", "1,480", ["rent_new"]),
    ("knowledge-update", "How much does Tomás owe me now?", "80", ["tomas_payback", "lend_tomas"]),
    ("knowledge-update", "Am I still vegetarian?", "pescatarian", ["pescatarian"]),
    ("knowledge-update", "What is my longest race so far?", "marathon", ["race_marathon"]),
    ("knowledge-update", "How many plants do I have now?", "3", ["plant_fig"]),
    # abstention: never mentioned (some close to things that were)
    ("abstention", "What is my brother's name?", None, []),
    ("abstention", "What's the name of my dog?", None, []),
    ("abstention", "Which university did I study at?", None, []),
    ("abstention", "What is my shoe size?", None, []),
    ("abstention", "When did I go skiing?", None, []),
    ("abstention", "What instrument do I play?", None, []),
    ("abstention", "What is my Netflix password?", None, []),
    ("abstention", "When is Tomás's birthday?", None, []),
    ("abstention", "What did I cook for Christmas dinner?", None, []),
    ("abstention", "What time did I run the Paris marathon in?", None, []),
    ("abstention", "What is my cholesterol level?", None, []),
    ("abstention", "How many children does Priya have?", None, []),
    ("abstention", "What is Lena's husband called?", None, []),
    ("abstention", "Which football team do I support?", None, []),
    ("abstention", "What car do I drive?", None, []),
    ("abstention", "What was my grade in the driving test?", None, []),
    ("abstention", "What did I buy on Black Friday?", None, []),
    ("abstention", "Who was my first boss at Zalando?", None, []),
    ("abstention", "Which language did I learn before Portuguese?", None, []),
    ("abstention", "How old is my mother?", None, []),
    ("abstention", "What is the name of Miso's vet?", None, []),
    ("abstention", "Where did I go scuba diving?", None, []),
    ("abstention", "What is my dentist's name?", None, []),
    ("abstention", "How much did I pay for the Surly bike?", None, []),
]

# Events the assistant answers with something worth remembering.
ASSISTANT_EVENTS = [
    ("2023-09-30", "recommend_book", "Can you recommend a good science fiction novel?",
     "Try The Dispossessed by Ursula K. Le Guin: a thoughtful sci-fi classic about two very different worlds."),
    ("2024-04-13", "miso_vacuum", "Why does Miso hide under the bed every Saturday morning?",
     "Probably the vacuum cleaner: many cats are afraid of its noise. Miso may just be avoiding it."),
]

NOTES = {
    "recipes.md": ("2023-05-30", "# Recipes\n\n## Grandma's plum cake\n\n500 g plums, 250 g flour, 125 g butter, 2 eggs.\n"
                   "Bake 45 minutes at 180 °C, until the top is golden.\n\n## Weeknight dal\n\n"
                   "Red lentils, onion, garlic, ginger, turmeric; simmer 25 minutes, finish with lemon.\n"),
    "packing-list.md": ("2023-06-30", "# Packing lists\n\n## Climbing trip\n\nHarness, 60 m rope, 12 quickdraws, chalk bag, "
                        "headlamp, tape.\n\n## Beach\n\nSunscreen, towel, snorkel, two books.\n"),
    "apartment.md": ("2023-04-20", "# Flat in Neukölln\n\nRent is 1,150 euros warm, due on the 3rd of each month.\n"
                     "Landlord: Mr. Hoffmann. Plumber: Herr Yilmaz, 030 5551 2345.\nBins go out on Tuesday.\n"),
    "work.md": ("2024-05-28", "# Work notes\n\nThe design team offsite this autumn is in Leipzig, 24–26 September.\n"
                "Bring the research findings on onboarding drop-off.\n"),
}


LIFE = Life(user=USER, seed=20240621, first_day="2023-01-03", last_day="2024-06-21", gap_days=(5, 12),
            events=EVENTS, assistant_events=ASSISTANT_EVENTS, chatter=CHATTER, replies=REPLIES, notes=NOTES,
            questions=QUESTIONS, now=NOW)


def main() -> None:
    eval_history.write(LIFE, OUT)


if __name__ == "__main__":
    main()
