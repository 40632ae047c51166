"""Generate second-me's third memory benchmark (Doug), deterministically.

    python bench/make_eval_doug.py      # writes second_me/data/eval/doug-benchmark.jsonl

Another person again (Doug, a chemistry teacher retiring in Nova Scotia, Canada) talks with
his assistant over 18 months about family, grandchildren, his dog, his knee, money, a house
sale, a canoe he builds and his trips, and keeps a few notes files. Written apart from the
abstention rules, to check whether they carry over to a different life and voice; the
abstention bars are fitted on all three benchmarks together (`python bench/fit_abstention.py`
shows each one scored with bars fitted on the other two). Same format and five abilities as
`bench/make_eval.py`; run it with `second-me eval --dataset doug`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import eval_history  # noqa: E402
from bench.eval_history import Life  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "second_me" / "data" / "eval" / "doug-benchmark.jsonl"
NOW = "2024-08-16T19:00:00+00:00"  # every question is asked at this moment (a Friday evening)
USER = "Doug"

# Scripted events: (date, key, what Doug says). `key` names the turn for the questions below.
EVENTS = [
    ("2023-03-04", "countdown_retire", "Counting down now. June 28th is my last day at Citadel High after 31 years of teaching chemistry. Linda says I'll be underfoot by July."),
    ("2023-03-08", "curling_lead", "curling tonight at the Mayflower club. i'm playing lead this season which mostly means sweeping till my back complains"),
    ("2023-03-19", "biscuit_age", "Biscuit turned 9 today. Gave him a bit of old cheddar as a treat. He's slowing down a little on the hills, but then so am I."),
    ("2023-03-26", "gord_loan", "Lent my brother Gord $800 to fix the transmission on his truck. He swears he'll pay it back by summer. We'll see."),
    ("2023-04-02", "bp_meds", "Dr. Mahmoud started me on blood pressure pills today. Nothing dramatic, she says, just age and too much salt."),
    ("2023-04-15", "shannon_calgary", "Long call with Shannon tonight. She's still loving Calgary, says the accounting firm works her to the bone during tax season though. Told her to come home for a rest. She laughed."),
    ("2023-04-22", "canoe_start", "Started the cedar strip canoe in the garage today!! Been wanting to do this since I was about 30. Forms are cut and the strongback is level. The plan is a 16 foot Prospector."),
    ("2023-05-06", "ella_birthday", "Ella's 7th birthday party at Mike and Aisha's: a unicorn cake, twelve screaming kids, and me in charge of the bouncy castle. Need a nap."),
    ("2023-05-13", "birding_start", "Linda got me binoculars as an early retirement present, Nikon Monarch 8x42. Went out to Hemlock Ravine this morning and saw a pileated woodpecker, first one I've ever seen up close. I think I'm hooked."),
    ("2023-05-20", "fishing_trout", "caught two brook trout at Lake Major this morning, kept one, threw the little one back"),
    ("2023-06-10", "aisha_pregnant", "Mike and Aisha told us tonight they're expecting again! Due in late November. Linda cried. I may have too."),
    ("2023-06-17", "subaru_repair", "The Subaru needed new brake pads and rotors, $640. She's a 2011 with 240,000 km on her but I'm not giving up on the old girl yet."),
    ("2023-06-28", "last_day", "Last day. Cleaned out my classroom, room 214, and the kids signed a lab coat for me. Strange feeling walking out to the parking lot for the last time."),
    ("2023-07-08", "pension", "Sorted out the pension paperwork finally. The teachers' pension comes to $4,150 a month before tax, less than I'd hoped but we'll manage fine."),
    ("2023-07-22", "newfoundland_trip", "Back from ten days in Newfoundland. Took the ferry from North Sydney to Port aux Basques, drove up to Gros Morne and hiked the Western Brook Pond trail. Then all the way across to Elliston on the Bonavista Peninsula. Linda wants to go back for the icebergs next time."),
    ("2023-07-29", "knee_pain", "my left knee is getting worse. cant do the basement stairs without grabbing the rail. booked in with the doctor"),
    ("2023-08-05", "gord_payback1", "Gord e-transferred $300 of what he owes me. Progress!"),
    ("2023-08-19", "substitute", "The school board called, I'm on the substitute list for the fall. Science classes only, I told them, nobody wants me teaching French."),
    ("2023-08-26", "house_listing", "We listed the house on Maple Drive in Dartmouth today. Asking $549,000. The realtor's name is Colleen, very upbeat, a bit much before coffee."),
    ("2023-09-06", "ella_grade2", "Ella started grade 2 this week. She informed me at the bus stop that she's too old to hold my hand now."),
    ("2023-09-09", "house_sold", "SOLD. It went for $565,000, over asking! Closing is October 31st. Now we actually have to go through 35 years of basement."),
    ("2023-09-16", "condo_bought", "We bought the condo in Bedford, the one overlooking the Basin. Two bedrooms on the fourth floor, $489,000. Linda loves the balcony."),
    ("2023-09-23", "shannon_engaged", "Shannon called with big news, she's engaged! His name is Raj, he's a geologist, they met hiking in Banff. No date set yet."),
    ("2023-10-07", "knee_consult", "Saw the orthopaedic surgeon about the knee. Dr. Pelletier says it's bone on bone, I need a total knee replacement. Waitlist is about 8 months."),
    ("2023-10-14", "canoe_stripping", "Canoe update: all the strips are on the hull. Western red cedar, with a walnut accent stripe down each side. Fibreglass next."),
    ("2023-10-21", "sub_days", "Subbed three days at Prince Andrew High this week, grade 11 chemistry. Forgot how loud teenagers are between classes."),
    ("2023-11-04", "moved_condo", "Moved in! First night in the Bedford condo. Boxes everywhere and Biscuit is very confused about the elevator."),
    ("2023-11-11", "remembrance", "Took Ella to the cenotaph for Remembrance Day and told her about my grandfather, who served in the Navy during the war."),
    ("2023-11-25", "owen_born", "Our grandson arrived last night! Owen James Fraser, 8 lb 2 oz. Aisha and the baby are both doing great. Mike looks like he hasn't slept in a week."),
    ("2023-12-06", "curling_vice", "Big promotion at the curling club, ha. I'm playing vice now, holding the broom for our skip. Still Wednesday nights."),
    ("2023-12-23", "christmas_calgary", "Flying out to Calgary for Christmas with Shannon and Raj. WestJet, leaving tomorrow at 6:40 am, ugh."),
    ("2023-12-30", "book_follett", "Linda gave me The Pillars of the Earth for Christmas. 900 pages, that should keep me busy until spring."),
    ("2024-01-06", "gord_payback2", "Gord sent another $250 toward the transmission money. Told him not to sweat the rest."),
    ("2024-01-20", "tutoring", "Started tutoring at the Keshen Goodman library on Saturday mornings. Chemistry and math for high schoolers, free of charge. Four students so far."),
    ("2024-02-03", "car_traded", "Traded in the old Subaru Outback for a Toyota RAV4 hybrid. Silver. Feels like driving a spaceship after that rust bucket."),
    ("2024-02-17", "bp_dose", "dr mahmoud bumped the amlodipine up to 10 mg. readings were still running around 150 over 90"),
    ("2024-03-02", "tutoring_more", "The tutoring group has grown to nine students! Had to ask the library for the bigger room."),
    ("2024-03-16", "canoe_done", "Final coat of varnish is on. Named her the Linda B, and Linda pretended to be embarrassed. Launch once the ice is off."),
    ("2024-04-06", "knee_surgery_date", "Got the call: knee surgery is booked for May 14th at the Halifax Infirmary. Nervous but mostly relieved."),
    ("2024-04-20", "docent", "Signed up to volunteer at the Maritime Museum of the Atlantic. I'll be giving Titanic gallery tours on Thursday afternoons starting next month."),
    ("2024-05-04", "canoe_launch", "Launched the Linda B on Lake Banook this morning. She floats, she tracks straight, and I didn't tip. Best morning in ages."),
    ("2024-05-15", "knee_surgery", "surgery done yesterday. new left knee. the nerve block has worn off and im not a fan"),
    ("2024-05-25", "physio", "Physio with Karen twice a week, Mondays and Thursdays. She is relentless. 95 degrees of bend so far, the goal is 120."),
    ("2024-06-08", "shannon_vancouver", "Shannon and Raj are moving to Vancouver! Raj got a job with a mining company out there. She'll keep working remotely for the Calgary firm."),
    ("2024-06-22", "biscuit_vet", "Took Biscuit to the vet, Dr. Chen. Arthritis in his back hips, so he's on Metacam now. The two of us are quite the pair, limping around the block."),
    ("2024-06-29", "birds_count", "Life list hit 100 species this morning!! Number 100 was a black-throated blue warbler, back at Hemlock Ravine where it all started."),
    ("2024-07-06", "walking", "Walked 2 km without the cane today. Karen says I can try getting into the canoe in August if I'm careful."),
    ("2024-07-13", "scotland_plan", "Booked it. Linda and I are going to Scotland in September for three weeks: Edinburgh first, then up to the Isle of Skye, where the Frasers supposedly came from."),
    ("2024-07-27", "knee_bend", "Karen measured 115 degrees of bend today. Almost at the goal, and I can do the stairs like a normal person again."),
    ("2024-08-05", "owen_steps", "Owen took his first steps today at the Natal Day picnic on the Dartmouth waterfront! Straight into Biscuit, who took it very well."),
    ("2024-08-10", "canoe_after_knee", "First paddle since the surgery. Just 40 minutes on Lake Banook in the Linda B, and the knee was fine getting in and out."),
    ("2024-08-14", "book_shipping", "Reading The Shipping News again, it's even better the second time. Makes me miss Newfoundland."),
    # Near misses: same topics, other people or other times.
    ("2023-06-30", "retire_party", "The staff threw me a retirement party at the Lower Deck. Principal Dunphy gave a speech that made me sound much nicer than I am."),
    ("2023-08-12", "linda_knee", "Linda's right knee is sore now too, probably from carrying boxes. She refuses to see anyone about it, of course."),
    ("2023-12-02", "aisha_mom", "Aisha's mom flew in from Toronto to help with the baby for a month. The house is full of good cooking."),
    ("2024-02-10", "mike_truck", "Mike bought himself a Ford F-150, black, which is a lot of truck for a man who lives in the city."),
    ("2024-03-09", "pickles_cat", "The neighbour's cat, Pickles, sits on our balcony railing every morning and taunts Biscuit through the glass."),
    ("2024-07-14", "gord_scotland", "Gord says he did Skye back in 2009 and it rained every single day. Very encouraging, Gord."),
    ("2024-07-20", "gord_visit", "Gord drove up from Moncton for the weekend, first time he's seen the condo. He brought lobsters from Shediac."),
]

# Everyday chatter: requests and remarks that share words with the events, on random dates.
CHATTER = [
    "What's a good way to keep an older dog's joints healthy?", "How do I get epoxy off my hands?",
    "Any tips for sweeping better in curling?", "Where are good places to go birding near Halifax in spring?",
    "How do I set up an Interac e-transfer?", "What should I read after a long historical novel?",
    "Help me write a thank-you card for my colleagues.", "How do I sharpen a block plane?",
    "What's the difference between a brook trout and a rainbow trout?", "How long do you cook a lobster for?",
    "Give me a simple chowder recipe for four people.", "What's a good exercise for weak quads?",
    "How do I explain balancing chemical equations to a teenager?", "Suggest a board game for a grandkid and a grandpa.",
    "How much should I tip a moving crew?", "What's the difference between an RRSP and a RRIF?",
    "What do I need to know about driving a hybrid in winter?", "How do I get a dog used to an elevator?",
    "Give me a packing list for a ferry road trip.", "What's a good warm-up before curling?",
    "Can you explain how a pension is taxed in Canada, briefly?", "How do I keep a canoe from scratching on the car roof?",
    "What are some good audiobooks for long drives?", "How do I clean binoculars without scratching the lenses?",
    "Tips for babysitting a toddler for a whole day?", "What's a good low-salt dinner?",
    "How do I decline a substitute teaching call politely?", "What birds are common at feeders in Nova Scotia in winter?",
    "How long does fibreglass cloth take to cure under epoxy?", "What's a good gift for a new baby?",
    "How do I write a short speech for a family dinner?", "Best way to store fishing rods in a small space?",
    "What's the difference between a Prospector and a Chestnut canoe?", "How do I make a sourdough loaf without a Dutch oven?",
    "What should I ask a realtor before signing?", "How do I stop my reading glasses from fogging up?",
    "Is it worth buying a heated windshield scraper?", "Give me some questions kids ask about the Titanic.",
    "How do I video call my daughter on a tablet?", "What's a good stretch for a stiff back after the garage?",
    "Foggy again in Halifax today.", "Linda and I watched the hockey game, the Leafs lost again.",
    "Mike dropped by to borrow the ladder.", "Gord called, we talked about nothing for an hour.",
    "Biscuit slept all afternoon in his favourite sunny spot.", "Spent the whole morning in the garage, lost track of time.",
    "Ella phoned to tell me a very long joke with no ending.", "Went for a slow walk with Biscuit along the water.",
    "Cleaned out the freezer, found fish from 2019.", "Too windy for anything outdoors today.",
    "Had a nice quiet evening, Linda made fishcakes.", "Shannon sent photos of the mountains again, showing off.",
]
REPLIES = [
    "Sounds good, I'll remember that.", "Got it.", "Thanks for telling me!", "Noted.", "That's great to hear.",
    "Here is a short answer: keep it simple and try it once.", "Good question. In short: it depends, but start small.",
    "I'd suggest trying it this weekend and seeing how it goes.", "Happy to help with that.", "Glad you shared that.",
]

# (ability, question, answer or None, evidence keys). Notes are "note:<file>".
QUESTIONS = [
    # information extraction: one fact, often asked in other words
    ("information-extraction", "Which high school did I teach at before I retired?", "Citadel High", ["countdown_retire"]),
    ("information-extraction", "what subject did i teach for 31 years", "chemistry", ["countdown_retire"]),
    ("information-extraction", "What's my dog called?", "Biscuit", ["biscuit_age"]),
    ("information-extraction", "What brand of binoculars did my wife give me?", "Nikon", ["birding_start"]),
    ("information-extraction", "How much is my pension per month before tax?", "$4,150", ["pension"]),
    ("information-extraction", "Who was the real estate agent when we put the Dartmouth house on the market?", "Colleen", ["house_listing"]),
    ("information-extraction", "What does my daughter's fiancé do for a living?", "geologist", ["shannon_engaged"]),
    ("information-extraction", "Who's the bone specialist handling my knee?", "Dr. Pelletier", ["knee_consult"]),
    ("information-extraction", "What is my grandson's middle name?", "James", ["owen_born"]),
    ("information-extraction", "How heavy was Owen when he was born?", "8 lb 2 oz", ["owen_born"]),
    ("information-extraction", "What is the canoe called?", "the Linda B", ["canoe_done"]),
    ("information-extraction", "In which hospital did I have my operation?", "Halifax Infirmary", ["knee_surgery_date"]),
    ("information-extraction", "Where do I volunteer as a tour guide?", "Maritime Museum of the Atlantic", ["docent"]),
    ("information-extraction", "What's the name of the vet who looked at Biscuit?", "Dr. Chen", ["biscuit_vet"]),
    ("information-extraction", "What medicine is the dog taking for his hips?", "Metacam", ["biscuit_vet"]),
    ("information-extraction", "Which parking space is ours at the condo?", "P2-17", ["note:condo.md"]),
    ("information-extraction", "How much are the monthly condo fees?", "$610", ["note:condo.md"]),
    ("information-extraction", "What book are my canoe plans taken from?", "Canoecraft", ["note:canoe-build.md"]),
    ("information-extraction", "What's the phone number of my pharmacy?", "902-555-0148", ["note:medications.md"]),
    ("information-extraction", "Which varnish did you recommend for my canoe?", "Epifanes", ["varnish_advice"]),
    ("information-extraction", "How long did you tell me to keep ice on my knee?", "15 to 20 minutes", ["knee_ice"]),
    ("information-extraction", "What's the name of my curling club?", "Mayflower", ["curling_lead"]),
    ("information-extraction", "what was my classroom number at school", "214", ["last_day"]),
    ("information-extraction", "What colour is the new automobile?", "silver", ["car_traded"]),
    ("information-extraction", "Whose mother flew in from Toronto to help with the new baby?", "Aisha's", ["aisha_mom"]),
    ("information-extraction", "Where did I see my first pileated woodpecker?", "Hemlock Ravine", ["birding_start"]),
    ("information-extraction", "Who is Raj working for now?", "a mining company", ["shannon_vancouver"]),
    # multi-session: combine facts from several conversations
    ("multi-session", "How many grandchildren do I have?", "2", ["ella_birthday", "owen_born"]),
    ("multi-session", "How much does my brother still owe me for the transmission?", "$250", ["gord_loan", "gord_payback1", "gord_payback2"]),
    ("multi-session", "By how much did the Maple Drive house sell over the asking price?", "$16,000", ["house_listing", "house_sold"]),
    ("multi-session", "What was left from the house sale after paying for the condo?", "$76,000", ["house_sold", "condo_bought"]),
    ("multi-session", "Which two doctors have been looking after my health?", "Dr. Mahmoud and Dr. Pelletier", ["bp_meds", "knee_consult"]),
    ("multi-session", "How many species did I add to my bird list between January and the end of June 2024?", "22", ["note:birds.md", "birds_count"]),
    ("multi-session", "On which lake did I launch the canoe I built, and what did I name it?", "the Linda B on Lake Banook", ["canoe_done", "canoe_launch"]),
    ("multi-session", "How many different ways of teaching or volunteering have I taken up since retiring?", "3", ["substitute", "tutoring", "docent"]),
    ("multi-session", "Which of my children or siblings live outside Nova Scotia?", "Shannon and Gord", ["shannon_vancouver", "gord_visit"]),
    ("multi-session", "What seabirds did I see on the trip where we took the ferry?", "Atlantic puffins", ["newfoundland_trip", "note:birds.md"]),
    ("multi-session", "How much more of a bend does my knee need to reach Karen's goal?", "5 degrees", ["physio", "knee_bend"]),
    ("multi-session", "What did the brake job on the old car cost, and what did I replace that car with?", "$640; a Toyota RAV4 hybrid", ["subaru_repair", "car_traded"]),
    # temporal: dates, order and durations, relative to `now`
    ("temporal", "How long ago did I retire?", "about 14 months", ["last_day"]),
    ("temporal", "On what date was my knee replaced?", "May 14", ["knee_surgery_date", "knee_surgery"]),
    ("temporal", "How long did I wait between seeing the surgeon and the operation?", "about 7 months", ["knee_consult", "knee_surgery"]),
    ("temporal", "How long did the canoe take, from cutting the forms to the last coat of varnish?", "about 11 months", ["canoe_start", "canoe_done"]),
    ("temporal", "Which came first: selling the house or Shannon getting engaged?", "selling the house", ["house_sold", "shannon_engaged"]),
    ("temporal", "How old is Ella now?", "8", ["ella_birthday"]),
    ("temporal", "How old is Biscuit these days?", "10", ["biscuit_age"]),
    ("temporal", "How many days after the house sold did we buy the condo?", "7", ["house_sold", "condo_bought"]),
    ("temporal", "How long have we been living in the condo?", "about 9 months", ["moved_condo"]),
    ("temporal", "What did I do last Saturday?", "first paddle since the surgery", ["canoe_after_knee"]),
    ("temporal", "How old was Owen when he started walking?", "about 8 months", ["owen_born", "owen_steps"]),
    ("temporal", "How long did it take the tutoring group to grow from four students to nine?", "6 weeks", ["tutoring", "tutoring_more"]),
    ("temporal", "What day of the week was the grandson born?", "Friday", ["owen_born"]),
    # knowledge update: the latest value wins
    ("knowledge-update", "What position do I play on my curling team?", "vice", ["curling_lead", "curling_vice"]),
    ("knowledge-update", "What dose of amlodipine am I on?", "10 mg", ["note:medications.md", "bp_dose"]),
    ("knowledge-update", "What car do I drive?", "Toyota RAV4 hybrid", ["subaru_repair", "car_traded"]),
    ("knowledge-update", "Which city does my daughter live in?", "Vancouver", ["shannon_calgary", "shannon_vancouver"]),
    ("knowledge-update", "Where's home for Linda and me now?", "Bedford", ["house_listing", "moved_condo"]),
    ("knowledge-update", "How many kids come to my Saturday tutoring?", "nine", ["tutoring", "tutoring_more"]),
    ("knowledge-update", "How many species are on my life list?", "100", ["note:birds.md", "birds_count"]),
    ("knowledge-update", "What am I reading at the moment?", "The Shipping News", ["book_follett", "book_shipping"]),
    ("knowledge-update", "How far does my new knee bend now?", "115 degrees", ["physio", "knee_bend"]),
    # abstention: memory has no answer
    ("abstention", "What breed is Biscuit?", None, []),
    ("abstention", "What does my daughter-in-law do for work?", None, []),
    ("abstention", "How much is the Scotland trip costing us?", None, []),
    ("abstention", "What's Raj's last name?", None, []),
    ("abstention", "When is Shannon's wedding?", None, []),
    ("abstention", "When is my wife's birthday?", None, []),
    ("abstention", "Which elementary school does Ella go to?", None, []),
    ("abstention", "What's my sister's name?", None, []),
    ("abstention", "What's my cat called?", None, []),
    ("abstention", "When did I go to Iceland?", None, []),
    ("abstention", "What did the RAV4 cost me?", None, []),
    ("abstention", "what's my blood type", None, []),
    ("abstention", "Who is the skip on my curling team?", None, []),
    ("abstention", "How much did Mike pay for his truck?", None, []),
    ("abstention", "Which hotel are we staying at in Edinburgh?", None, []),
    ("abstention", "What size shoes do I wear?", None, []),
    ("abstention", "How much do I get paid for a day of substitute teaching?", None, []),
    ("abstention", "What's the name of the firm Shannon works for?", None, []),
    ("abstention", "Which instrument do I play in the community band?", None, []),
    ("abstention", "What's Gord's wife called?", None, []),
    ("abstention", "What kind of fish did I catch in Newfoundland?", None, []),
    ("abstention", "At which clinic does Karen do my physio?", None, []),
    ("abstention", "When did I start taking vitamin D?", None, []),
    ("abstention", "Which hospital was Owen born in?", None, []),
]

# Events the assistant answers with something worth remembering.
ASSISTANT_EVENTS = [
    ("2023-06-03", "varnish_advice", "What varnish should I use on a cedar strip canoe?",
     "Use a marine spar varnish with UV inhibitors, such as Epifanes Clear Varnish, over the cured epoxy: "
     "at least three coats, sanding lightly between them."),
    ("2024-05-20", "knee_ice", "How long should I ice my knee after physio?",
     "About 15 to 20 minutes at a time, with a cloth between the ice pack and your skin, and at least an hour "
     "between sessions."),
]

NOTES = {
    "medications.md": ("2023-04-05", "# Medications\n\n- Amlodipine 5 mg, once a day in the morning (blood pressure). "
                       "Started April 2023.\n- Vitamin D, 1000 IU a day.\n\nFamily doctor: Dr. Samira Mahmoud.\n"
                       "Pharmacy: Lawtons on Portland Street, 902-555-0148. Refills every 90 days.\n"),
    "canoe-build.md": ("2023-04-25", "# Canoe build\n\nDesign: 16 ft Prospector, plans from Ted Moores' book Canoecraft.\n"
                       "Strips: western red cedar, 1/4 by 3/4 inch, about 70 of them. Accent stripe: walnut.\n"
                       "Fibreglass: 6 oz cloth inside and out. Epoxy: MAS, slow hardener.\n"
                       "Budget for materials: $1,800. Weight target: under 60 lb.\n"),
    "condo.md": ("2023-11-06", "# Condo, Bedford\n\nUnit 408, fourth floor. Condo fees $610 a month, due on the 1st.\n"
                 "Parking spot P2-17, storage locker 12.\nSuperintendent: Rick, 902-555-0199.\n"
                 "Garbage and recycling chutes on every floor; green bin in the P1 room on Thursdays.\n"
                 "Only electric barbecues allowed on the balconies.\n"),
    "birds.md": ("2024-01-15", "# Birds\n\nStarted birding in May 2023 with the Monarch binoculars.\n"
                 "Life list: 78 species as of January 2024.\n\n## Best sightings\n\n"
                 "- Pileated woodpecker, Hemlock Ravine, May 2023 (the first)\n"
                 "- Atlantic puffins, Elliston, Newfoundland, July 2023\n"
                 "- Snowy owl, Grand Pré dykes, December 2023\n"),
}


LIFE = Life(user=USER, seed=20240816, first_day="2023-03-01", last_day="2024-08-16", gap_days=(5, 12),
            events=EVENTS, assistant_events=ASSISTANT_EVENTS, chatter=CHATTER, replies=REPLIES, notes=NOTES,
            questions=QUESTIONS, now=NOW)


def main() -> None:
    eval_history.write(LIFE, OUT)


if __name__ == "__main__":
    main()
