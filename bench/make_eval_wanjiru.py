"""Generate second-me's benchmark of Wanjiru, deterministically.

    python bench/make_eval_wanjiru.py    # writes second_me/data/eval/wanjiru-benchmark.jsonl

Wanjiru (43, then 44) is a quantity surveyor at a construction firm in Nairobi, Kenya, promoted
to its Commercial Manager halfway through. Over 17 months (January 2024 to May 2025) she tells
her assistant about building the family's house in Kitengela and moving out of a rented one in
Ongata Rongai, her husband Otieno and their children Baraka (at boarding school) and Njeri, her
mother in Othaya, a cousin paying back a loan in parts, her chama (a savings group), her blood
sugar and the diet that follows, running with a club in Karura Forest up to a half marathon,
a book club, a dog, chickens, a car, and trips to Kigali, Diani and Johannesburg; she keeps
five notes files. She writes in Kenyan English, now and then in lowercase or with a Swahili
word. Near misses put the same topics on other people (Otieno's blood pressure and book, a
cousin's brother asking for a loan, a sister's 10 km) or other times. Written, life and
questions together, before anything was measured on it. Same format and five abilities as
`bench/make_eval_noor.py` (`bench/eval_history.py` lays it out); run it with
`second-me eval --dataset wanjiru`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402
from bench.eval_history import Life  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "second_me" / "data" / "eval" / "wanjiru-benchmark.jsonl"
NOW = "2025-05-23T17:00:00+00:00"  # every question is asked at this moment (a Friday, 8 pm in Nairobi)
USER = "Wanjiru"

# Scripted events: (date, key, what Wanjiru says). `key` names the turn for the questions.
EVENTS = [
    ("2024-01-07", "baraka_form3", "Drove Baraka back to Kagumo High in Nyeri today, he's in Form 3 now. The boarding school shopping list alone was Ksh 23,500, and that's before fees. Eish."),
    ("2024-01-08", "job_intro", "Back at Kisima Builders today after the Christmas break. 11 years there this year and still 'Senior Quantity Surveyor' on my business card haha. My main project for 2024 is Riverside Towers in Kilimani."),
    ("2024-01-13", "rent_rongai", "landlord has sent a message: rent for our house in Ongata Rongai goes up from 35,000 to 38,000 from February. another reason to finish the Kitengela house fast"),
    ("2024-01-18", "njeri_school", "Njeri is 9 and in Grade 4 at Rongai Preparatory, and today she came home with a project: a model of the water cycle, due on Monday. I know what my weekend looks like."),
    ("2024-02-03", "chama_join", "Chama meeting today at Mama Shiku's. We are 12 members, each puts in 5,000 every month and one person takes the whole pot. My turn is in June."),
    ("2024-02-05", "plot_foundation", "Fundi Onyango started digging the foundation on our plot in Kitengela today!! He says the slab will be done by the end of the month if the rain keeps off."),
    ("2024-02-15", "medical", "The results from the work medical came back. Blood sugar is borderline, HbA1c of 6.3, so I'm 'prediabetic'. They've referred me to Dr. Achieng at the Aga Khan. I am 43 and today I feel 70."),
    ("2024-02-22", "diet_start", "Saw Dr Achieng. New rules: no sugar in my chai, brown bread, and millet ugali instead of the white one. Otieno says millet ugali tastes like punishment."),
    ("2024-03-02", "running_start", "Joined a running group that meets in Karura Forest on Saturday mornings, the Karura Kimbia Club. Did 5 km and walked half of it. My legs are shouting at me."),
    ("2024-03-07", "kimani_loan", "Sent my cousin Kimani 45,000 on M-Pesa for the deposit on a motorbike, he wants to do boda boda deliveries. He says he'll pay me back in three months. We shall see."),
    ("2024-03-19", "slab_done", "The slab is done at Kitengela! The foundation came to 1,100,000 in the end, more than I budgeted. A QS who goes over budget on her own house, don't tell anyone."),
    ("2024-03-24", "book_riverbetween", "book club this month is The River Between by Ngũgĩ. I read it in form 2 and remember absolutely nothing"),
    ("2024-04-09", "kigali_trip", "In Kigali for three days for a tender, a hospital extension in Kacyiru. The city is so clean I feel guilty dropping a receipt."),
    ("2024-04-16", "otieno_shop", "Otieno's hardware shop in Kitengela had its best month ever. The rains mean everybody suddenly needs gutters and cement."),
    ("2024-04-22", "simba_vet", "Took Simba to the vet, tick fever. Ksh 4,800 for the injections and now he's sulking in his kennel like I did it to him."),
    ("2024-04-29", "floods", "The site at Kitengela has been under water since the weekend. Fundi says we lose at least a week, and the murram road is a river."),
    ("2024-05-05", "mwangi_call", "Long call with my brother Mwangi in Dallas. He's driving trucks across Texas now and says he'll send 20,000 every month for Mum's upkeep. Finally."),
    ("2024-05-14", "kimani_pay1", "Kimani sent 15,000 back! The boda is making money apparently."),
    ("2024-05-21", "walls", "Walls are up to the lintel at Kitengela. The machine-cut stone and the labour for walling cost us 850,000."),
    ("2024-05-25", "running_10k", "ran 10 km at Karura without walking once!!! 1 hour 14 minutes. the club clapped for me at the end, I almost cried"),
    ("2024-06-01", "chama_pot", "It was my turn for the chama pot today: 60,000. Most of it is going straight to iron sheets for the roof."),
    ("2024-06-11", "book_dust", "Finished The River Between. The next book club pick is Dust by Yvonne Adhiambo Owuor, 400 pages, pray for me."),
    ("2024-06-23", "njeri_swimming", "Njeri passed level 2 at swimming, she's now allowed in the deep end of the Rongai pool and she's unbearable about it."),
    ("2024-06-29", "otieno_kampala", "Otieno is in Kampala until Tuesday to see a supplier of PVC pipes. The house is very quiet without his radio."),
    ("2024-07-06", "mum_cataract", "Mum had her cataract operation yesterday at the Kikuyu Eye Unit, the left eye. She says the colours are too bright now, haha."),
    ("2024-07-15", "roofing", "The roof went on over the weekend!! Pre-painted maroon iron sheets, it looks like a real house now. Roofing total: 620,000."),
    ("2024-07-27", "njeri_10", "Njeri turned 10 today. She wanted a pink cake and a sleepover with Zawadi, her best friend since Grade 1. The girls were awake until 2am."),
    ("2024-08-03", "baraka_16", "Baraka is home for the August holidays. 16 years old, taller than his father, and he finished everything in the fridge in two days."),
    ("2024-08-10", "kisumu_memorial", "In Kisumu for the memorial of Otieno's father, one year since mzee passed. Lots of fish, lots of relatives, and the lake at sunset."),
    ("2024-08-17", "wambui_baby", "My sister Wambui had her baby last night in Nakuru!! A boy, Gitau, 3.4 kg. Mother and baby doing well, auntie is crying in the office."),
    ("2024-08-26", "njoroge_loan", "Kimani's brother Njoroge called asking to borrow 30,000 for school fees. I said no this time, I'm not a bank."),
    ("2024-09-09", "fasting", "Started eating only between 10am and 6pm on weekdays, Dr Achieng okayed it. Skipping breakfast is hard when the office does mandazi on Fridays."),
    ("2024-09-14", "birthday", "Birthday number 44 today! Otieno and Njeri made me a sugar-free carrot cake. It tasted of love and not much else."),
    ("2024-09-20", "kimani_pay2", "kimani paid another 10,000. so far so good with him"),
    ("2024-09-28", "running_18k", "Longest run yet: 18 km at Karura this morning. I think I'm ready for the half marathon next month."),
    ("2024-10-04", "promotion", "BIG NEWS: I've been promoted to Commercial Manager at Kisima Builders, starting November 1st! The whole QS team reports to me now, 9 people."),
    ("2024-10-19", "otieno_bp", "Otieno's blood pressure was 150 over 95 at the chemist. He has finally agreed to see a doctor, it only took me two years."),
    ("2024-10-27", "half_marathon", "Finished the Nairobi half marathon this morning in 2 hours 38 minutes!! Njeri made a sign: GO MUM GO, NOT TOO SLOW."),
    ("2024-11-01", "brian_senior", "First day in the new office. Brian Mutua takes over from me as Senior QS on Riverside Towers, well deserved."),
    ("2024-11-12", "hba1c_2", "Good news from Dr Achieng: my HbA1c is down to 5.8. She says keep doing whatever I'm doing. Millet ugali wins."),
    ("2024-11-16", "car_sold", "Sold the old Premio to a guy in Kiserian for 780,000. 14 years together, I patted the bonnet goodbye."),
    ("2024-11-23", "car_bought", "Picked up our 'new' car today, a 2016 Mazda CX-5, grey, from a yard on Ngong Road. 2,350,000. The Commercial Manager must arrive in style haha."),
    ("2024-11-28", "njeri_new_school", "Njeri got a place at Kitengela Greenfields School for January, Grade 5. She's sad about leaving Zawadi behind at Rongai Prep."),
    ("2024-12-07", "move_in", "We moved into our own house in Kitengela today!!! No more rent, ever. Simba ran around the compound like a mad dog."),
    ("2024-12-14", "solar", "Put a solar water heater on the roof, 145,000 including the fundi. Hot showers without buying KPLC tokens, finally."),
    ("2024-12-21", "diani", "On the Madaraka Express to Mombasa, then a week in Diani. Baraka has had his headphones on since Nairobi and has not said one word."),
    ("2024-12-28", "diani_back", "Back from Diani. Njeri saw dolphins on the boat trip to Kisite and has not stopped talking about them since."),
    ("2024-12-30", "book_americanah", "Finally finished Dust (6 months, don't judge). Now reading Americanah by Chimamanda over the holidays, I've been saving it."),
    ("2025-01-04", "chama_raise", "Chama agreed today: the monthly contribution goes up to 7,000 from this month. We also want to start buying land together."),
    ("2025-01-08", "chickens", "Bought 15 kienyeji chickens from a farmer in Isinya for the new compound, 900 each. Otieno built the coop himself."),
    ("2025-01-13", "baraka_form4", "Baraka is in Form 4 now, KCSE at the end of the year. He wants to do engineering at JKUAT. 'Building things, not counting them', he says to his mother. Cheeky."),
    ("2025-01-27", "housewarming", "the housewarming last Saturday was something else. about 60 people, Otieno's uncles roasted two goats and Pastor Mbugua blessed the house. Still finding plates in the garden"),
    ("2025-02-01", "kimani_pay3", "Kimani sent 10,000 more. He says the rest will come after Easter."),
    ("2025-02-12", "chickens_hawk", "a hawk took 3 of the chickens this week. 12 left. Otieno is putting a net over the run"),
    ("2025-02-22", "garden", "Planted a kitchen garden behind the house: sukuma wiki, managu, spinach and 20 tomato seedlings."),
    ("2025-03-03", "team_grows", "Two new graduate QSs started today, so my team is 11 people now. I remember being that nervous in 2013."),
    ("2025-03-05", "neighbour_chickens", "Our neighbour Mama Tumaini lost 6 of her chickens to a mongoose. So it's not just us."),
    ("2025-03-09", "joburg", "Flying to Joburg tomorrow morning for the congress of the Africa Association of Quantity Surveyors. I'm presenting on cost overruns in high-rise projects. Slides are 80% done."),
    ("2025-03-25", "eating_window", "Dr Achieng says the numbers are good enough to relax a bit, so my eating window is now 9am to 7pm. Dinner with the family again!"),
    ("2025-04-07", "chicks", "Eight chicks hatched over the weekend!! So we're at 20 chickens now. Njeri has named every one of them."),
    ("2025-04-14", "book_dragonfly", "Book club picked The Dragonfly Sea for April, Owuor again. Much easier going than Dust so far."),
    ("2025-04-19", "otieno_book", "Otieno is reading a fat biography of Raila Odinga and reads bits of it out loud to me in bed."),
    ("2025-04-29", "simba_vet2", "Simba's rabies jab and deworming today, 3,500. He tried to hide under the car."),
    ("2025-05-06", "riverside_handover", "Riverside Towers handed over to the client today! 14 floors, two years, final account at 1.92 billion, 4% over the contract sum. I'll take it."),
    ("2025-05-10", "mum_70", "Mum's 70th birthday party at home in Othaya today. All of us came, even Mwangi flew in from Dallas. She cried when she saw him at the gate."),
    ("2025-05-17", "ten_k_best", "10 km at Karura this morning in 61 minutes, my best time ever!! The club made me buy mandazi for everyone."),
    ("2025-05-19", "wambui_10k", "Wambui texted that she ran the Nakuru 10k in 58 minutes. Three months after starting. Showing off."),
    ("2025-05-22", "braces", "Took Njeri for her braces fitting at the orthodontist in Kitengela. 120,000 for the whole treatment, paid in instalments. She's not smiling at me today."),
]

# Everyday chatter: requests and remarks that share words with the events, on random dates.
CHATTER = [
    "how do I get rid of ticks on a dog without harsh chemicals?", "What's a good marinade for tilapia?",
    "How long should I boil githeri so the maize is soft?", "Help me write a WhatsApp reminder to the chama about contributions.",
    "Explain the difference between a BOQ and a cost plan in simple words.", "whats the best way to stop a mabati roof rusting",
    "How do I work out the volume of concrete for a slab?", "Suggest a low-sugar snack I can keep at the office.",
    "How many km is a half marathon exactly?", "What stretches help tight calves after a long run?",
    "Roughly how many Rwandan francs to a Kenyan shilling?", "Give me a packing list for a week at the coast.",
    "How often should I deworm a dog?", "What do kienyeji chickens eat apart from maize?",
    "How do I explain fractions to a 9 year old?", "Help me write a polite message to the landlord about a leaking tap.",
    "What's a good novel if I liked Half of a Yellow Sun?", "How do I make chapati soft?",
    "is brown rice better than white rice for blood sugar", "What should I ask a car dealer before buying a used car?",
    "how to remove mould from a bathroom ceiling", "Ideas for a child's birthday party on a small budget?",
    "What's the difference between a SACCO loan and a bank loan?", "How do I stop tomatoes getting blight in the rains?",
    "Write a short thank-you note to the fundi and his team.", "How long does cement plaster take to cure?",
    "How do I set up a monthly budget in a spreadsheet?", "A healthy dinner for four for under 1,000 bob?",
    "How do I stop a dog barking at the gate at night?", "tips for presenting to a room full of engineers",
    "How do I handle a team member who keeps missing deadlines?", "What's a good stretch for my lower back after a long drive?",
    "How do I make mandazi with less sugar?", "What should I ask at a parents' meeting?",
    "best way to store maize flour so weevils dont get in", "How do I write a short speech for a family celebration?",
    "Traffic on Mombasa Road was terrible today, 2 hours to get home.", "KPLC cut the power again this evening.",
    "It rained the whole afternoon, the roads are rivers.", "Long day of site meetings, my feet are finished.",
    "Otieno made fish for dinner, the kids finished everything.", "Njeri wants a phone. Njeri is not getting a phone.",
    "Simba barked at a cat for an hour.", "Mum called to complain about the neighbour's cows again.",
    "slept badly, the neighbour's generator was on all night", "Church was long today, the pastor was in his element.",
    "The matatu music this morning was too loud for 7am.", "Quiet evening, just chai and the news.",
    "Baraka called from school asking for pocket money, of course.", "Spent the whole Sunday doing laundry.",
    "The office aircon broke, everyone is melting.", "so tired today. early night",
]
REPLIES = [
    "Noted, I'll remember that.", "Got it.", "Thanks for telling me!", "Okay, noted.", "Thanks for sharing that.",
    "Short answer: start simple and adjust as you go.", "Good question. In short, it depends, but the simple option usually works.",
    "I'd try that this week and see how it goes.", "Happy to help with that.", "I'll keep that in mind.",
]

# (ability, question, answer or None, evidence keys). Notes are "note:<file>".
QUESTIONS = [
    # information extraction: one fact, often asked in other words
    ("information-extraction", "Which company do I work for?", "Kisima Builders", ["job_intro"]),
    ("information-extraction", "What's the name of the big building job in Kilimani?", "Riverside Towers", ["job_intro"]),
    ("information-extraction", "How many storeys is Riverside Towers?", "14", ["riverside_handover"]),
    ("information-extraction", "What did the Riverside Towers final account come to?", "1.92 billion", ["riverside_handover"]),
    ("information-extraction", "what was wrong with the dog when I took him to the vet", "tick fever", ["simba_vet"]),
    ("information-extraction", "Who is the doctor looking after my blood sugar?", "Achieng", ["medical", "diet_start", "note:contacts.md"]),
    ("information-extraction", "Which school does my son board at?", "Kagumo", ["baraka_form3", "note:contacts.md"]),
    ("information-extraction", "What did Kimani borrow the money for?", "motorbike", ["kimani_loan"]),
    ("information-extraction", "What does my husband do for a living?", "hardware", ["otieno_shop"]),
    ("information-extraction", "How much did Mwangi promise to send every month for Mum?", "20,000", ["mwangi_call"]),
    ("information-extraction", "What is my nephew called?", "Gitau", ["wambui_baby"]),
    ("information-extraction", "Where were we going on the boat when Njeri saw dolphins?", "Kisite", ["diani_back", "note:diani-december.md"]),
    ("information-extraction", "What colour is the roof on our house?", "maroon", ["roofing"]),
    ("information-extraction", "whats the fundi's phone number", "0722 418 903", ["note:contacts.md"]),
    ("information-extraction", "Who prayed over the house at the housewarming?", "Pastor Mbugua", ["housewarming"]),
    ("information-extraction", "What was my talk at the Johannesburg congress about?", "cost overruns", ["joburg"]),
    ("information-extraction", "Who is Njeri's best friend?", "Zawadi", ["njeri_10", "njeri_new_school"]),
    ("information-extraction", "In which town does my mother live?", "Othaya", ["mum_70", "note:contacts.md"]),
    ("information-extraction", "What did you suggest I eat for breakfast instead of eggs?", "arrowroots", ["breakfast_advice"]),
    ("information-extraction", "What did you say to put under the iron sheets to keep the house cool?", "reflective foil", ["roof_advice"]),
    ("information-extraction", "What pace per km did you tell me to run the half marathon at?", "7:40", ["pace_advice"]),
    ("information-extraction", "What did you tell me to stretch over the bowl for Njeri's water cycle model?", "cling film", ["water_cycle_advice"]),
    ("information-extraction", "Who keeps the money in my chama?", "Akinyi", ["note:chama.md"]),
    ("information-extraction", "What was the name of the place we stayed at in Diani?", "Baobab Sands", ["note:diani-december.md"]),
    ("information-extraction", "Which SACCO lent us money for the house?", "Stima", ["note:kitengela-house.md"]),
    ("information-extraction", "What running shoes do I have?", "Asics", ["note:half-marathon-plan.md"]),
    ("information-extraction", "What is Otieno reading?", "Raila Odinga", ["otieno_book"]),
    # multi-session: combine facts from several conversations
    ("multi-session", "How much does Kimani still owe me?", "10,000", ["kimani_loan", "kimani_pay1", "kimani_pay2", "kimani_pay3"]),
    ("multi-session", "How much has Kimani paid back so far?", "35,000", ["kimani_pay1", "kimani_pay2", "kimani_pay3"]),
    ("multi-session", "What did the foundation, the walls and the roof of the house cost altogether?", "2,570,000", ["slab_done", "walls", "roofing"]),
    ("multi-session", "By how much did the foundation go over what I budgeted for it?", "150,000", ["note:kitengela-house.md", "slab_done"]),
    ("multi-session", "How much more did the Mazda cost than I got for the Premio?", "1,570,000", ["car_sold", "car_bought"]),
    ("multi-session", "How much has my HbA1c come down since the work medical?", "0.5", ["medical", "hba1c_2"]),
    ("multi-session", "by how many minutes did I beat my half marathon goal", "7 minutes", ["note:half-marathon-plan.md", "half_marathon"]),
    ("multi-session", "How big is the chama pot now when it's someone's turn?", "84,000", ["chama_join", "chama_raise", "note:chama.md"]),
    ("multi-session", "How many times have I been out of the country since January 2024?", "2", ["kigali_trip", "joburg"]),
    ("multi-session", "What have Simba's vet visits cost me in total?", "8,300", ["simba_vet", "simba_vet2"]),
    ("multi-session", "How many years older is Baraka than Njeri?", "6", ["njeri_10", "baraka_16"]),
    ("multi-session", "What are my brother and sister called?", "Wambui", ["mwangi_call", "wambui_baby"]),
    ("multi-session", "Which books have we read in my book club?", "The River Between", ["book_riverbetween", "book_dust", "book_dragonfly"]),
    ("multi-session", "How much a month are we saving on rent now that we live in our own house?", "38,000", ["rent_rongai", "move_in"]),
    ("multi-session", "How much faster is my 10 km now than the first time I ran it without walking?", "13 minutes", ["running_10k", "ten_k_best"]),
    # temporal: dates, order and durations, relative to the message or to now
    ("temporal", "When did Mum have her cataract operation?", "July 5", ["mum_cataract"]),
    ("temporal", "What day was Wambui's baby born?", "August 16", ["wambui_baby"]),
    ("temporal", "When was our housewarming party?", "January 25", ["housewarming"]),
    ("temporal", "what date did I fly to Johannesburg", "March 10", ["joburg"]),
    ("temporal", "What did I do yesterday?", "braces", ["braces"]),
    ("temporal", "What did I get up to last Saturday morning?", "Karura", ["ten_k_best"]),
    ("temporal", "When did we move into the Kitengela house?", "December 7", ["move_in"]),
    ("temporal", "On what date did I run the half marathon?", "October 27", ["half_marathon", "note:half-marathon-plan.md"]),
    ("temporal", "What was the book club reading in June 2024?", "Dust", ["book_dust"]),
    ("temporal", "Where did I go for work in April 2024?", "Kigali", ["kigali_trip"]),
    ("temporal", "Which work trip came first, Kigali or Johannesburg?", "Kigali", ["kigali_trip", "joburg"]),
    ("temporal", "Which club did I join in March last year?", "Karura Kimbia", ["running_start"]),
    ("temporal", "Where were we for Christmas 2024?", "Diani", ["diani", "diani_back"]),
    ("temporal", "When did Kimani last send me money?", "February 1", ["kimani_pay3"]),
    ("temporal", "What happened to the chickens in February?", "hawk", ["chickens_hawk"]),
    ("temporal", "How many weeks after we moved in was the housewarming?", "7 weeks", ["move_in", "housewarming"]),
    ("temporal", "How long ago did I run the half marathon?", "7 months", ["half_marathon"]),
    ("temporal", "How long did it take me to get through Dust?", "6 months", ["book_americanah"]),
    ("temporal", "When was Mum's 70th birthday party?", "May 10", ["mum_70"]),
    ("temporal", "What was I celebrating on September 14 last year?", "birthday", ["birthday"]),
    ("temporal", "In which month did the roof go on the house?", "July", ["roofing"]),
    # knowledge update: what is true now, after a change
    ("knowledge-update", "What's my job title now?", "Commercial Manager", ["job_intro", "promotion"]),
    ("knowledge-update", "Where do we live these days?", "Kitengela", ["rent_rongai", "move_in"]),
    ("knowledge-update", "What car do I drive?", "Mazda", ["car_sold", "car_bought"]),
    ("knowledge-update", "what book am I reading at the moment", "The Dragonfly Sea", ["book_riverbetween", "book_dust", "book_americanah", "book_dragonfly"]),
    ("knowledge-update", "What was my last HbA1c result?", "5.8", ["medical", "hba1c_2"]),
    ("knowledge-update", "How much is the monthly chama contribution now?", "7,000", ["chama_join", "chama_raise", "note:chama.md"]),
    ("knowledge-update", "Which school is Njeri at now?", "Kitengela Greenfields", ["njeri_school", "njeri_new_school"]),
    ("knowledge-update", "What form is Baraka in?", "Form 4", ["baraka_form3", "baraka_form4"]),
    ("knowledge-update", "How many chickens do we have now?", "20", ["chickens", "chickens_hawk", "chicks"]),
    ("knowledge-update", "By what time do I have to finish eating in the evening these days?", "7pm", ["fasting", "eating_window"]),
    ("knowledge-update", "How many people are in my team?", "11", ["promotion", "team_grows"]),
    ("knowledge-update", "How old am I?", "44", ["medical", "birthday"]),
    ("knowledge-update", "What's my best time for 10 km?", "61 minutes", ["running_10k", "ten_k_best"]),
    ("knowledge-update", "How old is Njeri now?", "10", ["njeri_school", "njeri_10"]),
    # abstention: the memories hold no answer (many are near misses)
    ("abstention", "What make is Kimani's motorbike?", None, []),
    ("abstention", "What's Wambui's husband called?", None, []),
    ("abstention", "When is Otieno's birthday?", None, []),
    ("abstention", "What did Mwangi give Mum for her 70th?", None, []),
    ("abstention", "What was my time in the 2023 Nairobi half marathon?", None, []),
    ("abstention", "Which university did I study at?", None, []),
    ("abstention", "What's the name of Njeri's orthodontist?", None, []),
    ("abstention", "What's the name of Simba's vet?", None, []),
    ("abstention", "How much are Baraka's school fees per term?", None, []),
    ("abstention", "What grade did Baraka get in his KCSE?", None, []),
    ("abstention", "What's Otieno's hardware shop called?", None, []),
    ("abstention", "When did I go to Kampala?", None, []),
    ("abstention", "What was Otieno's late father's name?", None, []),
    ("abstention", "Which hospital was Gitau born in?", None, []),
    ("abstention", "what's my blood pressure these days", None, []),
    ("abstention", "What's the plot number of our land in Kitengela?", None, []),
    ("abstention", "What's my cat called?", None, []),
    ("abstention", "When did I travel to Dubai?", None, []),
    ("abstention", "Which hotel did I stay at in Kigali?", None, []),
    ("abstention", "How much is the insurance on the Mazda?", None, []),
    ("abstention", "Who coaches the running club at Karura?", None, []),
    ("abstention", "What was my time in the Nakuru 10k?", None, []),
    ("abstention", "How much did the housewarming cost us?", None, []),
    ("abstention", "What is Zawadi's mum's name?", None, []),
    ("abstention", "How many eggs do our hens lay a day?", None, []),
]

# Events the assistant answers with something worth remembering.
ASSISTANT_EVENTS = [
    ("2024-01-20", "water_cycle_advice", "how do i make a water cycle model with a 9 year old? due monday",
     "Put warm water in a clear glass bowl, stretch cling film tightly over the top and put a few ice cubes on the cling film. "
     "Set it in the sun: the water evaporates, condenses under the cold film and drips back down like rain."),
    ("2024-02-26", "breakfast_advice", "what can I eat for breakfast that won't spike my sugar? tired of eggs every day",
     "Try boiled arrowroots (nduma) or a small sweet potato with avocado and a handful of groundnuts. They release sugar "
     "slowly, and the fat and fibre keep you full. Keep the chai without sugar."),
    ("2024-06-04", "roof_advice", "the Kitengela house will have an iron sheet roof, how do we stop it being an oven inside?",
     "Lay reflective foil insulation under the iron sheets before they go on, leave vents at the eaves so hot air can escape, "
     "and put in a ceiling. Light-coloured sheets also help."),
    ("2024-08-28", "pace_advice", "what pace should I run the half marathon at if I want to finish under 2:45?",
     "About 7:40 per km. That brings you in around 2 hours 42 minutes; hold back a little for the first 5 km and drink at "
     "every water station."),
]

NOTES = {
    "contacts.md": ("2024-02-05", "# Contacts\n\n## House (Kitengela)\n\n- Fundi Onyango (builder): 0722 418 903\n"
                    "- Peter Kiprono (electrician): 0711 562 047\n- Juma (plumber): 0733 905 118\n\n## Family and health\n\n"
                    "- Dr. Grace Achieng, diabetes clinic, Aga Khan: 0730 011 888\n"
                    "- Rongai Preparatory, school office: 0722 300 412\n- Kagumo High, bursar: 0720 604 377\n"
                    "- Mum (Othaya): 0726 118 540\n"),
    "chama.md": ("2024-02-12", "# Chama: Wamama wa Rongai\n\nWe meet on the first Saturday of the month, at a different "
                 "house each time.\nContribution: Ksh 5,000 a month by M-Pesa to the treasurer before the meeting. "
                 "Late: 500 fine.\n\nChair: Mama Shiku (Wanjiku Mwaura). Treasurer: Akinyi Odhiambo. Secretary: me.\n\n"
                 "## Merry-go-round 2024\n\nJan Akinyi, Feb Mama Shiku, Mar Njambi, Apr Fatuma, May Chebet, Jun me, "
                 "Jul Nduta, Aug Halima, Sep Rose, Oct Mumbi, Nov Jepkosgei, Dec Auma.\n"),
    "half-marathon-plan.md": ("2024-07-01", "# Nairobi half marathon plan\n\nRace day: Sunday 27 October.\n"
                              "Goal: finish in under 2 hours 45 minutes.\n\n- Tuesday and Thursday: 5 km easy around the "
                              "estate\n- Saturday: long run at Karura with the club\n- July 12 km, August 14 to 16 km, "
                              "September 18 km, October taper\n\nShoes: Asics Gel-Nimbus, bought at Sarit Centre.\n"
                              "Race number collection: Friday before, at Nyayo Stadium.\n"),
    "kitengela-house.md": ("2024-09-10", "# Kitengela house\n\nPlot: 50 by 100 ft, off Namanga Road, bought in 2019.\n"
                           "Three-bedroom bungalow, master en-suite, detached kitchen store.\n\n## Budget (Ksh)\n\n"
                           "- Foundation: 950,000\n- Walling: 850,000\n- Roofing: 600,000\n"
                           "- Finishes (plaster, tiles, doors, windows): 1,700,000\n- Plumbing and electrical: 600,000\n"
                           "- Gate, perimeter wall and septic tank: 800,000\n- Contingency: 1,000,000\n\n"
                           "Total: 6,500,000\n\n## Money\n\n- Our savings: 2,800,000\n"
                           "- Stima Sacco loan: 2,500,000 over 6 years\n- The rest from the chama and Otieno's shop\n"),
    "diani-december.md": ("2024-11-18", "# Diani, December\n\n- Train: Madaraka Express, Nairobi Terminus to Mombasa, "
                          "Saturday 21 December, 3 pm\n- Stay: Baobab Sands Cottages, 21 to 27 December, two-bedroom "
                          "cottage, Ksh 14,000 a night, half board\n- Kisite boat trip (dolphins, snorkelling): book with "
                          "Captain Ali at the beach\n- Pack: sunscreen, Njeri's goggles, Otieno's hat, the card games\n"),
}


LIFE = Life(user=USER, seed=20250523, first_day="2024-01-06", last_day="2025-05-23", gap_days=(5, 12),
            events=EVENTS, assistant_events=ASSISTANT_EVENTS, chatter=CHATTER, replies=REPLIES, notes=NOTES,
            questions=QUESTIONS, now=NOW)


def main() -> None:
    eval_history.write(LIFE, OUT)


if __name__ == "__main__":
    main()
