"""Generate second-me's benchmark of Marisol, deterministically.

    python bench/make_eval_marisol.py    # writes second_me/data/eval/marisol-benchmark.jsonl

Marisol (39 at the start, 41 at the end) is a veterinary nurse at a small-animal clinic in
Montevideo, Uruguay; she studies for a certificate in veterinary anaesthesia and is made head nurse
in January 2025. Over 16 months (March 2024 to July 2025) she tells her assistant about her
daughter Abril starting secondary school and playing handball, her partner Gonzalo and his bakery,
moving out of a rented flat in Cordón into a house in Malvín with him, migraines and the neurologist
who treats them, anaemia and iron tablets, a cracked molar, lending her brother Nicolás money for a
food truck that he pays back in parts, drumming in a candombe comparsa up to the Desfile de Llamadas,
swimming with a masters group up to a river crossing, an old dog and a three-legged cat she fosters
and keeps, saving for a car and buying one, her parents in Salto, her sister Valeria's wedding, and
trips to Buenos Aires, Florianópolis and Santiago de Chile; she keeps five notes files. She writes
English with Spanish words in it, now and then in lowercase or with a typo. Near misses put the
same topics on other people (Gonzalo's cousin's loan, her father's diabetes, her mother's pacemaker,
her dog's teeth, a colleague starting the same certificate, her sister's pregnancy) or other times.
Written, life and questions together, before anything was measured on it. Same format and five
abilities as `bench/make_eval_noor.py` (`bench/eval_history.py` lays it out); run it with
`second-me eval --dataset marisol`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402
from bench.eval_history import Life  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "second_me" / "data" / "eval" / "marisol-benchmark.jsonl"
NOW = "2025-07-10T23:15:00+00:00"  # every question is asked at this moment (a Thursday, 8:15 pm in Montevideo)
USER = "Marisol"

# Scripted events: (date, key, what Marisol says). `key` names the turn for the questions.
EVENTS = [
    ("2024-03-02", "job_intro", "Back at the Clínica Veterinaria Los Aromos after my summer holidays. 9 years as a vet nurse there now and I'm still the one they call when a cat needs a blood sample. Dr. Ferrando says I have the hands of a witch haha"),
    ("2024-03-04", "abril_liceo", "Abril started liceo today, first year at Liceo 27 in Cordón. She's 12 and made me drop her off two blocks away so nobody sees her mother. Ouch."),
    ("2024-03-07", "rent_cordon", "landlord just texted: rent for the flat in Cordón goes up from 22,000 to 24,500 pesos from April. for 2 bedrooms and a balcony that belongs to the pigeons"),
    ("2024-03-10", "comparsa_join", "Went to my first rehearsal with the comparsa Llamarada in Barrio Sur tonight! They gave me a chico to start with, the smallest of the three drums. My hands are on fire. Rehearsals are every Sunday at 7."),
    ("2024-03-14", "pancho", "Pancho is stiff on his back legs so I started him on joint supplements. (Pancho is my dog, a 9 year old mestizo nobody came to collect from the clinic, so I took him home. Abril named him.)"),
    ("2024-03-19", "migraine_gp", "Third migraine this month, I had to leave the clinic at noon with sunglasses on. My GP, Dr. Cabrera, is sending me to a neurologist at the Hospital Británico."),
    ("2024-03-23", "nico_loan", "My little brother Nicolás wants to open a food truck selling chivitos at the Parque Rodó feria. I lent him 40,000 pesos for the griddle and the gas bottles. He swears I'll have it all back by Christmas. Mmm."),
    ("2024-03-28", "turismo_salto", "Semana de Turismo! Took the bus up to Salto yesterday to see Mamá and Papá, 6 and a half hours. Papá wants to do his asado at the hot springs in Daymán on Saturday like every year."),
    ("2024-04-04", "course_signup", "Signed up for the online certificate in veterinary anaesthesia at the Facultad de Veterinaria. 8 months, 18,000 pesos, final exam in November. Dr Ferrando is paying half!!"),
    ("2024-04-09", "neurologist", "Saw the neurologist at the Británico, Dr. Sofía Larrañaga. Chronic migraine. She started me on topiramate 25 mg at night and I have to cut down the mate, 2 a day max. TWO MATES."),
    ("2024-04-11", "swim_start", "Joined the masters swimming group at Club Sirena, Tuesdays and Thursdays at 7 am. Did 1,000 metres this morning and then lay on the changing room floor like a sea lion."),
    ("2024-04-20", "hb1", "Blood test back: haemoglobin 10.2, I'm anaemic. That explains why I'm always so tired. Dr Cabrera put me on iron tablets every morning for 3 months, with orange juice, not with mate."),
    ("2024-04-27", "gonzalo_bakery", "My boyfriend Gonzalo's bakery, La Espiga in Pocitos, turned 5 today. He gave away free medialunas and they were gone by 9 am. So proud of him."),
    ("2024-05-03", "coqui_foster", "Brought a foster kitten home from the clinic, a black and white boy who lost a back leg when he was hit by a car. We're calling him Coqui. Pancho is already scared of him."),
    ("2024-05-11", "abril_handball", "Abril's handball team, the under-13s at Club Atlético Cordón, won 18 to 11 today. She scored 4 goals and is now impossible to live with."),
    ("2024-05-18", "mama_pacemaker", "Mamá got a pacemaker yesterday at the Hospital Regional in Salto. She says she feels like a robot. Papá is driving the nurses crazy with his questions."),
    ("2024-05-25", "nico_pay1", "Nico sent me 12,000 back! The chivitos are selling. I'm in shock"),
    ("2024-06-01", "module1", "Passed the first module exam of the anaesthesia course, 88 out of 100. All that studying at the kitchen table after Abril goes to bed."),
    ("2024-06-06", "swim_1500", "1,500 metres without stopping at the pool this morning! Coach Renata says I should swim the river crossing at Playa Ramírez next March."),
    ("2024-06-12", "car_savings", "Opened a savings account for a car. The plan is USD 250 every month. The bus is fine until it rains sideways."),
    ("2024-06-22", "birthday40", "40 today!!! Gonzalo baked a giant postre chajá and the girls at the clinic filled the x-ray room with balloons. Forty. Qué horror. Qué lindo."),
    ("2024-06-29", "tooth", "Cracked a molar on a caramelo. The dentist, Dr. Baldi, says I need a crown, 18,500 pesos, and she can fit it in two weeks. Ay."),
    ("2024-07-06", "winter_holidays", "Abril is on winter holidays so she comes to the clinic with me twice a week. She announced she will be a vet, NOT a nurse, thank you very much."),
    ("2024-07-20", "hb2", "haemoglobin up to 11.6! Dr Cabrera says 3 more months of iron. the tablets taste like licking a key"),
    ("2024-07-31", "winter_cold", "Coldest morning of the year, 2 degrees and the flat in Cordón has no heating worth the name. Abril and I did her homework under a blanket."),
    ("2024-07-27", "coqui_adopt", "Made it official: Coqui is adopted! Signed the papers at the clinic today. Foster fail number 2 (Pancho was number 1)."),
    ("2024-08-03", "malvin_house", "Gonzalo and I are moving in together!!! We found a house to rent in Malvín, 3 bedrooms and a little patio, 3 blocks from the beach. 34,000 pesos a month and we split it."),
    ("2024-08-09", "valeria_wedding_news", "My big sister Valeria called from Buenos Aires: the wedding is on 19 October! She wants Abril as a bridesmaid and Abril screamed."),
    ("2024-08-17", "nico_pay2", "nico sent another 10,000 today. hot chivitos sell well in winter apparently"),
    ("2024-08-31", "moved", "Moved to Malvín today!!! Gonzalo's bakers carried everything, Coqui hid inside the washing machine for 2 hours and Pancho found the patio and won't come in."),
    ("2024-09-14", "topiramate_up", "Dr Larrañaga raised the topiramate to 50 mg because I'm still getting 4 migraines a month. My fingers tingle a bit, she says that's normal."),
    ("2024-09-21", "swim_2000", "Día de la primavera! Swam 2,000 m at Club Sirena and walked home along the rambla. Malvín was the best decision."),
    ("2024-09-28", "ramiro_loan", "Gonzalo lent his cousin Ramiro 25,000 pesos for a taxi licence. I said nothing. I said nothing very loudly."),
    ("2024-10-05", "module2", "Second module exam: 94 out of 100! The cardiovascular part was the hardest. One to go."),
    ("2024-10-12", "pancho_teeth", "Pancho had 3 teeth out today and I did his anaesthetic myself. Weird to monitor your own dog. All fine, he's snoring on the sofa with his tongue out."),
    ("2024-10-16", "bsas_go", "Buquebus to Buenos Aires tommorow morning for Valeria's wedding! Abril has tried on her bridesmaid dress 6 times today."),
    ("2024-10-21", "wedding", "Back from Buenos Aires. Valeria married Facundo at a little church in San Telmo on Saturday and we danced until 5 am. Papá cried through the whole ceremony."),
    ("2024-10-26", "abril13", "Abril turned 13 yesterday! Pizza and a sleepover with 7 girls from the handball team. Zero sleep for me."),
    ("2024-11-05", "corn_cob", "Last Friday a labrador came in at 8 pm after swallowing a whole corn cob and we were in surgery until midnight. I did the anaesthetic, Dr Ferrando did the cutting. He went home today eating like nothing happened."),
    ("2024-11-09", "course_exam", "Final exam for the anaesthesia certificate this morning. 3 hours, 60 questions. I think it went ok?? My brain is soup."),
    ("2024-11-23", "course_pass", "PASSED!!! Certificate in veterinary anaesthesia, 91 out of 100. Dr Ferrando brought medialunas from La Espiga for the whole clinic."),
    ("2024-12-03", "candombe_day", "Día del Candombe! Llamarada played in Barrio Sur tonight and I did a whole hour on the chico without losing the beat. Julio, our director, said 'bien, Marisol', which from him is a medal."),
    ("2024-12-07", "head_nurse", "Dr Ferrando asked me to be head nurse from January!! 4 nurses under me and my salary goes from 48,000 to 57,000 pesos a month. SÍ."),
    ("2024-12-14", "hb3", "haemoglobin 12.9, normal again! Dr Cabrera says I can stop the iron tablets. Goodbye metallic taste."),
    ("2024-12-21", "nico_pay3", "Nico paid me 10,000 more, plus a jar of his chivito sauce as 'interest' haha"),
    ("2024-12-24", "nochebuena", "Nochebuena at Gonzalo's mother Elvira's in La Blanqueada. Vitel toné, fireworks at midnight and Pancho under the bed all night."),
    ("2024-12-31", "fin_de_ano", "Fin de año on the beach in Malvín with Gonzalo, Abril and the neighbours. Fireworks over the water and cider in plastic cups. 2025, be kind."),
    ("2025-01-06", "head_first", "First day as head nurse. Spent most of it doing the rosters on the whiteboard. Fabiana wants every Friday off, Fabiana is not getting every Friday off."),
    ("2025-01-10", "floripa_go", "Bus to Florianópolis tonight with Gonzalo and Abril, 20 hours!! 10 nights at the beach. Elvira is feeding Pancho and Coqui."),
    ("2025-01-16", "floripa", "Florianópolis is paradise. Swam at Praia da Daniela yesterday, the water is like a bath. Abril got sunburnt on day one, factor 50 and everything."),
    ("2025-01-22", "floripa_back", "Home from Brazil. Coqui ignored us for a whole day as punishment, Pancho cried with joy. Elvira fed them both far too much."),
    ("2025-01-25", "car_bought", "I have a CAR!! A red 2017 Suzuki Celerio with 84,000 km, USD 9,800 from a man in Las Piedras. The car savings and a bit of my Christmas bonus."),
    ("2025-01-30", "traje", "Paid 6,500 pesos for my Llamarada costume for the Llamadas, purple and gold with feathers on the shoulders. Gonzalo laughed for 5 minutes."),
    ("2025-02-01", "repique", "Julio moved me from chico to repique for the Llamadas!! The repique is the drum that talks to the others, big responsibility."),
    ("2025-02-07", "llamadas", "DESFILE DE LLAMADAS last night!!! We paraded down Isla de Flores for almost 2 hours, my hands are bleeding and I have never been this happy. Abril and Gonzalo were in the crowd at the corner of Minas."),
    ("2025-02-15", "hands_heal", "my hands have finally healed from the Llamadas. back in the pool on tuesday and Renata made me do 40 lengths of kicking as punishment for missing 2 weeks"),
    ("2025-03-03", "abril_2nd", "Abril started second year of liceo today. 13 and already taller than me, which isn't difficult."),
    ("2025-03-09", "crossing", "Swam the 3 km river crossing at Playa Ramírez this morning!! 1 hour 12 minutes. Coach Renata was waiting on the sand with a towel and a thermos."),
    ("2025-03-15", "migraines_down", "Only 1 migraine in February! The topiramate is finally working. Dr Larrañaga says I can have 3 mates on weekends now haha"),
    ("2025-03-22", "valeria_pregnant", "Valeria is pregnant!! Due in October. Mamá is already knitting in Salto."),
    ("2025-03-29", "nico_permit", "Nico's food truck got a permit for the rambla in Pocitos on Sundays. Now he wants a second griddle. I said pay your sister first."),
    ("2025-04-03", "santiago_go", "Flying to Santiago de Chile on Wednesday for the Latin American veterinary nursing congress. I'm giving a talk on anaesthesia monitoring in cats and the slides are half done!"),
    ("2025-04-13", "santiago_back", "Back from Santiago. 60 people came to my talk and a vet from Lima asked for my slides. The Andes from the plane, wow."),
    ("2025-04-19", "papa_insulin", "Semana de Turismo in Salto again. Papá's diabetes has got worse and his doctor put him on insulin. He pretends it's no big deal."),
    ("2025-05-03", "coqui_checkup", "Coqui's yearly check at the clinic: 5.6 kg. Dr Ferrando called him the fattest 3-legged cat in Montevideo. Diet from tomorrow."),
    ("2025-05-10", "espiga2", "Gonzalo signed the lease for a second La Espiga, on Avenida Italia here in Malvín! Opening in August if the ovens arrive."),
    ("2025-05-17", "swim_2500", "Swam 2,500 m at Club Sirena this morning. Renata wants me to try the 5 km crossing in Punta del Este next summer. Next summer Marisol will decide."),
    ("2025-05-24", "car_service", "First service on the Celerio, 4,200 pesos at the garage on Rivera. The mechanic says it's a little tank."),
    ("2025-05-31", "fabiana_course", "Fabiana signed up for the anaesthesia certificate too and I'm going to be her tutor. Revenge for the Fridays haha"),
    ("2025-06-07", "abril_selected", "Abril was picked for the Montevideo under-14 handball team!! Training 3 times a week now, I'm basically her taxi with the Celerio."),
    ("2025-06-14", "raise", "Annual review with Dr Ferrando: my salary goes up to 60,000 pesos a month from July. He also wants me to train the new nurses in anaesthesia."),
    ("2025-06-19", "abril_maths", "Abril got a 10 in her maths test! She says it's thanks to her new teacher, not to me sitting next to her every night. Fine."),
    ("2025-06-22", "birthday41", "41 today. Breakfast in bed from Abril and Gonzalo, and the night nurse left a cake in the clinic fridge with a 3-legged cat drawn on it."),
    ("2025-06-27", "rent_malvin", "Landlord in Malvín says the rent goes up to 36,500 from July. Still less than the flat in Cordón and Gonzalo's old place were together."),
    ("2025-07-05", "llamarada_asado", "End of season asado with Llamarada in Barrio Sur today. Julio gave me a repique with my name burnt into the wood, I cried into my chorizo."),
    ("2025-07-09", "abril_glasses", "Took Abril to get her first glasses today, round tortoiseshell frames. She says she looks like a librarian. She looks beautiful."),
]

# Everyday chatter: requests and remarks that share words with the events, on random dates.
CHATTER = [
    "how do I clean a cat's ears without stressing it out?", "Recipe for torta fritas for a rainy day pls",
    "How long do lentils need for a guiso?", "Help me write a message to the parents' WhatsApp group about the handball trip.",
    "Explain how a pacemaker works in simple words.", "Is it normal to feel a bit sick after starting iron tablets?",
    "what foods have the most iron apart from red meat", "How do I stop my goggles fogging up?",
    "Best stretches for my shoulders after swimming?", "How do I stop blisters on my hands from drumming?",
    "Give me a way to practise a candombe rhythm at home without annoying the neighbours.", "How many calories in a chivito?",
    "What's the difference between isoflurane and sevoflurane, simply?", "How do I work out a fluid rate for a 4 kg cat?",
    "Tips for getting a 13 year old to cook one dinner a week?", "How do I make dulce de leche from condensed milk?",
    "What's a polite way to tell a colleague she can't have every Friday off?", "How do I make a fair roster for 5 nurses?",
    "how long does a three legged cat take to get used to it", "What should I check before signing a rental contract?",
    "How do I get cat hair off a black sofa?", "Ideas for a 13th birthday sleepover?",
    "Is it better to pay with card or cash in Brazil?", "Packing tips for 20 hours on a bus with a teenager?",
    "How do I write a conference abstract in English?", "how do I stop being nervous before giving a talk",
    "What should I check on a used car before I buy it?", "How often does a small car need a service?",
    "How do I help an old dog with stiff hips?", "Is a bit of asado fat bad for dogs?",
    "How do I keep yerba fresh once the packet is open?", "A good fantasy book in Spanish for a 13 year old?",
    "How do I write something nice in a wedding card for my sister?", "How do I budget with a salary in pesos and savings in dollars?",
    "Remind me how to make milanesas crispy.", "What wine goes with an asado?",
    "Rain on the rambla all day, the bus took forever.", "Pancho ate one of Abril's socks. Again.",
    "Coqui knocked my mate off the table.", "Night shift at the clinic, 3 emergencies and one very angry parrot.",
    "Peñarol lost. Gonzalo is in mourning.", "Slept badly, the wind off the river howled all night.",
    "Gonzalo brought home bizcochos from the bakery, I ate 6.", "The clinic was full of dogs with kennel cough today.",
    "Mamá called and talked about her neighbour's garden for 40 minutes.", "Quiet Sunday, mate and the newspaper.",
    "Abril's handball bag smells like a crime scene.", "so tired today. early night",
    "Sunset on the rambla was ridiculous today.", "Abril is sulking because I said no to a second piercing.",
]
REPLIES = [
    "Noted, I'll remember that.", "Got it.", "Thanks for telling me!", "Okay, noted.", "Thanks for sharing that.",
    "Short answer: start simple and adjust as you go.", "Good question. In short, it depends, but the simple option usually works.",
    "I'd try that this week and see how it goes.", "Happy to help with that.", "I'll keep that in mind.",
]

# (ability, question, answer or None, evidence keys). Notes are "note:<file>".
QUESTIONS = [
    # information extraction: one fact, often asked in other words
    ("information-extraction", "Which clinic do I work at?", "Los Aromos", ["job_intro"]),
    ("information-extraction", "What's my dog called?", "Pancho", ["pancho"]),
    ("information-extraction", "what's the comparsa I drum with called", "Llamarada", ["comparsa_join", "candombe_day"]),
    ("information-extraction", "Who's my neurologist?", "Larrañaga", ["neurologist", "note:migraine-plan.md"]),
    ("information-extraction", "what's my GP called", "Cabrera", ["migraine_gp", "hb1"]),
    ("information-extraction", "What does Nico sell from his food truck?", "chivitos", ["nico_loan"]),
    ("information-extraction", "What's the name of Gonzalo's bakery?", "La Espiga", ["gonzalo_bakery", "espiga2"]),
    ("information-extraction", "How did Coqui lose his leg?", "hit by a car", ["coqui_foster"]),
    ("information-extraction", "Who did Valeria marry?", "Facundo", ["wedding"]),
    ("information-extraction", "Where in Buenos Aires was the wedding?", "San Telmo", ["wedding"]),
    ("information-extraction", "What's my dentist's name?", "Baldi", ["tooth"]),
    ("information-extraction", "How much was the crown for my tooth?", "18,500", ["tooth"]),
    ("information-extraction", "What did I get in the anaesthesia certificate?", "91", ["course_pass"]),
    ("information-extraction", "What was my talk in Santiago about?", "anaesthesia monitoring in cats", ["santiago_go"]),
    ("information-extraction", "What car did I buy?", "Suzuki Celerio", ["car_bought"]),
    ("information-extraction", "What's my swimming coach called?", "Renata", ["swim_1500", "crossing"]),
    ("information-extraction", "What colours is my Llamadas costume?", "purple and gold", ["traje"]),
    ("information-extraction", "How much did the anaesthesia course cost me after Dr Ferrando's half?", "9,000", ["course_signup"]),
    ("information-extraction", "What did you say to put on my fingers for drumming?", "sports tape", ["drum_advice"]),
    ("information-extraction", "How often did you tell me to breathe when I swim crawl?", "every 3 strokes", ["swim_advice"]),
    ("information-extraction", "What did you suggest I keep to find out what sets off my migraines?", "migraine diary", ["migraine_advice"]),
    ("information-extraction", "Which beach did you recommend for swimming in Florianópolis?", "Praia da Daniela", ["beach_advice"]),
    ("information-extraction", "How long does abuela's pastafrola bake?", "35 to 40 minutes", ["note:pastafrola.md"]),
    ("information-extraction", "What do I take when a migraine starts?", "sumatriptan", ["note:migraine-plan.md"]),
    ("information-extraction", "What was the pousada in Florianópolis called?", "Maré Mansa", ["note:floripa-packing.md"]),
    ("information-extraction", "What size catheter do I use for a cat's anaesthetic?", "22 G", ["note:anaesthesia-checklist.md"]),
    ("information-extraction", "How much do I pay Club Sirena a month?", "2,100", ["note:budget-2025.md"]),
    ("information-extraction", "Who's Abril's dad?", "Martín", ["note:floripa-packing.md", "note:budget-2025.md"]),
    # multi-session: combine facts from several conversations
    ("multi-session", "How much does Nico still owe me?", "8,000", ["nico_loan", "nico_pay1", "nico_pay2", "nico_pay3"]),
    ("multi-session", "How much has my haemoglobin gone up since I started on iron?", "2.7", ["hb1", "hb3"]),
    ("multi-session", "How much more do I earn a month now than before I was head nurse?", "12,000", ["head_nurse", "raise"]),
    ("multi-session", "How much is my half of the rent now?", "18,250", ["malvin_house", "rent_malvin"]),
    ("multi-session", "How much has the rent in Malvín gone up since we moved in?", "2,500", ["malvin_house", "rent_malvin"]),
    ("multi-session", "How much have Gonzalo and I lent to family between us?", "65,000", ["nico_loan", "ramiro_loan"]),
    ("multi-session", "How many times have I been abroad since March last year?", "3", ["bsas_go", "floripa_go", "santiago_go"]),
    ("multi-session", "How many more points did I get in the final anaesthesia exam than in the first module?", "3", ["module1", "course_pass"]),
    ("multi-session", "How many fewer migraines a month am I getting since the topiramate went up to 50 mg?", "3", ["topiramate_up", "migraines_down"]),
    ("multi-session", "How much further was the river crossing than my first swim at Club Sirena?", "2,000 metres", ["swim_start", "crossing"]),
    ("multi-session", "How much older am I than Abril?", "27 years", ["birthday40", "abril13"]),
    ("multi-session", "What are my brother and sister called?", "Valeria", ["nico_loan", "valeria_wedding_news"]),
    ("multi-session", "What are my pets called?", "Pancho", ["pancho", "coqui_adopt"]),
    ("multi-session", "Which drums have I played in Llamarada?", "chico", ["comparsa_join", "repique"]),
    ("multi-session", "What do my salary and Abril's child support come to a month now?", "69,000", ["raise", "note:budget-2025.md"]),
    # temporal: dates, order and durations, relative to the message or to now
    ("temporal", "When did I go up to Salto for Semana de Turismo last year?", "March 27", ["turismo_salto"]),
    ("temporal", "When did Mamá get her pacemaker?", "May 17", ["mama_pacemaker"]),
    ("temporal", "When was my appointment to have the crown fitted?", "July 13", ["tooth"]),
    ("temporal", "what date did I take the Buquebus to Buenos Aires", "October 17", ["bsas_go"]),
    ("temporal", "When was Valeria's wedding?", "October 19", ["wedding", "valeria_wedding_news"]),
    ("temporal", "When is Abril's birthday?", "October 25", ["abril13"]),
    ("temporal", "When did the labrador with the corn cob have his surgery?", "November 1", ["corn_cob"]),
    ("temporal", "When did I sit the final exam for the anaesthesia certificate?", "November 9", ["course_exam"]),
    ("temporal", "How many weeks after the final exam did I find out I'd passed?", "2 weeks", ["course_exam", "course_pass"]),
    ("temporal", "When did we leave for Florianópolis?", "January 10", ["floripa_go"]),
    ("temporal", "How many days were we away in Brazil?", "12 days", ["floripa_go", "floripa_back"]),
    ("temporal", "When was the Desfile de Llamadas?", "February 6", ["llamadas"]),
    ("temporal", "When did I swim the river crossing?", "March 9", ["crossing"]),
    ("temporal", "Which came first, the Llamadas or my river crossing?", "Llamadas", ["llamadas", "crossing"]),
    ("temporal", "What date did I fly to Santiago?", "April 9", ["santiago_go"]),
    ("temporal", "In which month did I start swimming with the masters group?", "April", ["swim_start"]),
    ("temporal", "What happened on July 27 last year?", "Coqui is adopted", ["coqui_adopt"]),
    ("temporal", "How long ago did we move to Malvín?", "10 months", ["moved"]),
    ("temporal", "How long have I been head nurse?", "6 months", ["head_first"]),
    ("temporal", "What did I do yesterday?", "glasses", ["abril_glasses"]),
    ("temporal", "What did I do last Saturday?", "asado", ["llamarada_asado"]),
    # knowledge update: what is true now, after a change
    ("knowledge-update", "What's my job title now?", "head nurse", ["job_intro", "head_nurse", "head_first"]),
    ("knowledge-update", "Where do I live now?", "Malvín", ["rent_cordon", "moved"]),
    ("knowledge-update", "What's my salary now?", "60,000", ["head_nurse", "raise"]),
    ("knowledge-update", "How much is our rent now?", "36,500", ["malvin_house", "rent_malvin"]),
    ("knowledge-update", "What dose of topiramate am I on?", "50 mg", ["neurologist", "topiramate_up", "note:migraine-plan.md"]),
    ("knowledge-update", "What was my last haemoglobin?", "12.9", ["hb1", "hb2", "hb3"]),
    ("knowledge-update", "Which drum do I play in Llamarada now?", "repique", ["comparsa_join", "repique"]),
    ("knowledge-update", "How old am I?", "41", ["birthday40", "birthday41"]),
    ("knowledge-update", "How old is Abril?", "13", ["abril_liceo", "abril13", "abril_2nd"]),
    ("knowledge-update", "How many mates can I have on weekends?", "3", ["neurologist", "migraines_down"]),
    ("knowledge-update", "What's the furthest I've swum?", "3 km", ["swim_start", "swim_1500", "swim_2000", "crossing", "swim_2500"]),
    ("knowledge-update", "Is Coqui still a foster?", "adopted", ["coqui_foster", "coqui_adopt"]),
    ("knowledge-update", "What car do I have?", "Celerio", ["car_savings", "car_bought"]),
    ("knowledge-update", "What year of liceo is Abril in?", "second year", ["abril_liceo", "abril_2nd"]),
    # abstention: the memories hold no answer (many are near misses)
    ("abstention", "How much has Ramiro paid Gonzalo back?", None, []),
    ("abstention", "What's Nico's food truck called?", None, []),
    ("abstention", "When is Gonzalo's birthday?", None, []),
    ("abstention", "What dose of insulin is Papá on?", None, []),
    ("abstention", "What did Fabiana get in the anaesthesia certificate?", None, []),
    ("abstention", "What's Valeria's baby called?", None, []),
    ("abstention", "Who coaches Abril's handball team?", None, []),
    ("abstention", "How much were the flights to Santiago?", None, []),
    ("abstention", "What was my time for the 2,000 m at Club Sirena?", None, []),
    ("abstention", "When did I go to Rio de Janeiro?", None, []),
    ("abstention", "What does Martín do for work?", None, []),
    ("abstention", "what's my cholesterol these days", None, []),
    ("abstention", "How much did it cost to set up Gonzalo's second bakery?", None, []),
    ("abstention", "How much did Coqui weigh when I first brought him home?", None, []),
    ("abstention", "Who did Mamá's pacemaker operation?", None, []),
    ("abstention", "What date is Valeria's baby due?", None, []),
    ("abstention", "How much were the Buquebus tickets to Buenos Aires?", None, []),
    ("abstention", "Which hotel did I stay at in Santiago?", None, []),
    ("abstention", "When did I have my wisdom teeth out?", None, []),
    ("abstention", "What's the name of the vet from Lima who asked for my slides?", None, []),
    ("abstention", "How much did I sell my old car for?", None, []),
    ("abstention", "What position does Abril play in handball?", None, []),
    ("abstention", "What did Nico give me for my 40th?", None, []),
    ("abstention", "What was my time in the river crossing in 2024?", None, []),
]

# Events the assistant answers with something worth remembering.
ASSISTANT_EVENTS = [
    ("2024-03-17", "drum_advice", "my hands hurt after candombe rehearsal, the chico is killing me. any tips?",
     "Warm up before you play: five minutes of slow strokes on a practice pad or your knees, then build up. Keep the "
     "wrist loose and let the stick bounce off the skin instead of pressing it in, and wrap the base of your fingers "
     "with sports tape until the skin toughens up."),
    ("2024-04-12", "swim_advice", "I get out of breath so fast in the pool. how should I breathe doing crawl?",
     "Breathe out slowly under water the whole time, then turn your head and breathe in every 3 strokes, so you breathe "
     "on both sides. If that is too much at first, breathe every 2 strokes for a length and switch back."),
    ("2024-09-16", "migraine_advice", "apart from the pills, what can I do about the migraines?",
     "Keep a migraine diary: the date, what you ate and drank, how you slept, your shifts and where you are in your "
     "cycle. After two or three months take it to Dr Larrañaga and look for your triggers together. Regular meals and "
     "regular sleep help more than most people expect."),
    ("2024-12-28", "beach_advice", "we're going to Florianópolis in January with a 13 year old. which beach is calm enough to really swim?",
     "Praia da Daniela, in the north-west of the island: the water is calm, shallow and warm, good for swimming along "
     "the shore. Jurerê next to it is calm too but more crowded, and the east coast beaches have stronger waves."),
]

NOTES = {
    "pastafrola.md": ("2024-05-26", "# Abuela Nelly's pastafrola\n\nFor a 24 cm tin.\n\n## Dough\n\n- 300 g flour\n"
                      "- 150 g cold butter\n- 120 g sugar\n- 2 eggs\n- 1 teaspoon baking powder\n- Zest of 1 lemon\n"
                      "- A splash of vanilla\n\n## Filling\n\n- 400 g dulce de membrillo, softened with 3 tablespoons of "
                      "warm water (or dulce de batata)\n\n## Method\n\n1. Rub the butter into the flour, add the sugar, "
                      "eggs, baking powder, zest and vanilla. Don't knead too much.\n2. Rest the dough in the fridge for "
                      "30 minutes.\n3. Line the tin with two thirds of the dough, spread the membrillo.\n"
                      "4. Lattice on top with the rest, brush with egg.\n5. Bake at 180°C for 35 to 40 minutes, until "
                      "golden.\n\nAbuela's rule: never open the oven in the first 20 minutes.\n"),
    "migraine-plan.md": ("2024-09-15", "# Migraine plan (Dr. Larrañaga)\n\n- Topiramate 50 mg at night (since 14 "
                         "September, was 25 mg)\n- When an attack starts: sumatriptan 50 mg, a second one after 2 hours "
                         "if needed, never more than 2 a day\n- Ibuprofen 400 mg with food, not more than 10 days a "
                         "month\n- Mate: 2 a day, none after 4 pm\n- Sleep 7 hours, don't skip breakfast\n"
                         "- Triggers so far: red wine, night shifts, bright sun without sunglasses\n\n"
                         "Next check in March, bring the diary.\nNeurology, Hospital Británico: 2487 1020\n"),
    "anaesthesia-checklist.md": ("2024-12-02", "# Anaesthesia checklist for cats (how I teach it)\n\n## Before\n\n"
                                 "1. Fast 6 hours, water until 2 hours before\n2. Weigh the cat on the day, never "
                                 "trust the file\n3. Heat mat on before the cat arrives\n4. IV catheter in the cephalic "
                                 "vein, 22 G\n\n## During\n\n- Heart rate, breathing, SpO2 and temperature every 5 "
                                 "minutes, written on the sheet\n- SpO2 should stay above 95%\n- Below 37°C: more "
                                 "heat, bubble wrap around the paws\n\n## After\n\n- Take the tube out when the cat "
                                 "swallows\n- Stay with the cat until it lifts its head\n- Temperature every 15 minutes "
                                 "until it is above 37.5°C\n"),
    "budget-2025.md": ("2025-01-02", "# Budget 2025 (pesos a month)\n\n## In\n\n- My salary as head nurse, from "
                       "January: 57,000\n- Abril's child support from Martín: 9,000\n\n## Out\n\n- Rent, my half of "
                       "the house in Malvín: 17,000\n- UTE and OSE, my half: 3,200\n- Food and the feria: 18,000\n"
                       "- Abril (liceo, handball, bus card): 5,500\n- Emergencia móvil: 1,450\n- Club Sirena: 2,100\n"
                       "- Llamarada: 800, plus the costume in January\n- Car savings: USD 250 until the car is bought\n"
                       "\n## Goals\n\n- Buy a car in January\n- Keep USD 1,000 for emergencies\n- Florianópolis: "
                       "the bus is mine, the pousada is Gonzalo's\n"),
    "floripa-packing.md": ("2025-01-04", "# Florianópolis, January\n\n- Bus: Tres Cruces terminal, Friday 10 January "
                           "at 21:30, about 20 hours. Back Tuesday 21 January at 19:00\n- Stay: Pousada Maré Mansa in "
                           "Jurerê, 10 nights, family room with breakfast\n- Documents: cédulas for the three of us "
                           "(no passport needed), Abril's travel permit signed by Martín at the notary\n\n## Pack\n\n"
                           "- Factor 50, hats, Abril's goggles\n- Reais in cash for the bus stops\n- Mate, thermos and "
                           "yerba\n- Plug adapter\n- Motion sickness pills for Gonzalo\n- Cards and a book for the "
                           "bus\n\n## Home\n\n- Elvira feeds Pancho and Coqui, food in the cupboard\n- Pancho's joint "
                           "tablets at 8 am\n"),
}


LIFE = Life(user=USER, seed=20250710, first_day="2024-03-01", last_day="2025-07-10", gap_days=(5, 12),
            events=EVENTS, assistant_events=ASSISTANT_EVENTS, chatter=CHATTER, replies=REPLIES, notes=NOTES,
            questions=QUESTIONS, now=NOW)


def main() -> None:
    eval_history.write(LIFE, OUT)


if __name__ == "__main__":
    main()
