"""Generate second-me's benchmark of two friends chatting, deterministically.

    python bench/make_eval_friends.py    # writes second_me/data/eval/friends-benchmark.jsonl

Nina (the user, a primary school teacher in Bristol) and Sam (a chef in Leeds, her friend from
university) chat from March to October 2023 in 22 sessions, once in a group chat with their
friend Olu (`bench/data/friends-chats.txt`). Written the way friends text, not to suit any
retrieval rule: greetings, jokes and questions back between the news; answers that never
repeat the words a question would use; photos shared as captions; dates said relative to the
day a message is sent; lives that change (a new job, a move, an engagement).

Questions ask what a person would ask about such a history, in their words, sometimes in the
first person (Nina is "I"). Abilities: information-extraction (one fact about either person),
gathering (everything of a kind, across sessions; the gold answer is one item a right reply
must name, the evidence is all of them), temporal (when something happened, from a message's
date and what it says: gold computed by `bench.eval_chats.resolve`), knowledge-update (the
newest of several statements), photo (only a caption holds the answer), inference (light
reasoning over what was said), multi-session (two facts combined), attribution (what one
person did, pinned on the other: nothing to answer, `actually` names who did it) and
abstention (never said). Run it with `second-me eval --dataset friends`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              date_aliases, generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "friends-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "friends-benchmark.jsonl"
PEOPLE = {"N": ("Nina", "user"), "S": ("Sam", "other"), "O": ("Olu", "other")}
SEED = 20231028
NOW = "2023-10-28T18:00:00+00:00"  # every question is asked at this moment (a Saturday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "What's the name of the axolotl in Nina's class?", "Gus", "nina_job"),
    ask(IE, "Who was my first cello teacher?", "Miriam", "first_lesson"),
    ask(IE, "how much do I pay a month to rent the cello?", "£25", "cello_rent"),
    ask(IE, "What's Nina's dog called?", "Pepper", "pepper_adopt"),
    ask(IE, "Which charity did Nina get her greyhound from?", "Greyhound Trust", "pepper_adopt"),
    ask(IE, "What was Pepper terrified of when she first moved into the flat?", "stairs", "pepper_stairs"),
    ask(IE, "What number is my allotment plot?", "27", "allotment_offer"),
    ask(IE, "How long was Nina on the waiting list for an allotment?", "two years", "allotment_offer",
        aliases=["2 years"]),
    ask(IE, "Who has the plot next to Nina's?", "Reg", "reg"),
    ask(IE, "How many bakeries did Nina and Jamie actually get to in Copenhagen?", "11", "cph_food"),
    ask(IE, "What ride did I go on three times at Tivoli?", "wooden rollercoaster", "cph_food",
        aliases=["rollercoaster", "roller coaster"]),
    ask(IE, "Which mountain did Nina walk up in the Brecon Beacons?", "Pen y Fan", "pen_y_fan"),
    ask(IE, "Where did Pepper sleep on the camping trip?", "car", "brecons"),
    ask(IE, "Which parkrun does Nina run?", "Ashton Court", "first_parkrun"),
    ask(IE, "What's my sister's name?", "Kate", "kate_pregnant"),
    ask(IE, "how much did Iris weigh when she was born", "3.2 kg", "iris_born", aliases=["3.2kg"]),
    ask(IE, "What's Kate's partner called?", "Marcus", "marcus"),
    ask(IE, "Which pieces did Nina learn for her Grade 1 cello exam?", "Happy Farmer", "cello_exam_booked"),
    ask(IE, "What kind of cake did I make for Mum's 60th?", "lemon drizzle", "lemon_drizzle"),
    ask(IE, "Where was Nina's mum's 60th birthday party?", "Clevedon", "mum_party"),
    ask(IE, "Where did Jamie pop the question?", "Balos", "engaged"),
    ask(IE, "Where did Nina and Jamie stay in Crete?", "Chania", "crete"),
    ask(IE, "How much did the vet charge for Pepper's sock surgery?", "£480", "vet_bill"),
    ask(IE, "How long does Tom want me to practise every day?", "30 minutes", "practice"),
    ask(IE, "What's the name of the head chef at The Swan?", "Gary", "sam_job", "gary"),
    ask(IE, "What kind of van did Sam buy for the food truck?", "Citroën HY", "van_bought"),
    ask(IE, "Who came up with the name Little Fires?", "Jo", "truck_name", "name_by_jo"),
    ask(IE, "What does Jo do for work?", "midwife", "jo_midwife", aliases=["midwifery"]),
    ask(IE, "What's Maisie's hamster called?", "Nugget", "nugget"),
    ask(IE, "How many flatbreads did Little Fires sell at the launch?", "140", "launch"),
    ask(IE, "Who worked the till at Sam's launch?", "Danny", "danny_till"),
    ask(IE, "What's Sam's dad called?", "Keith", "keith"),
    ask(IE, "Where did Sam's dad catch the pike?", "Ripley", "pike"),
    ask(IE, "Which flatbread sells best at Sam's market pitch?", "halloumi", "kirkgate_week1"),
    ask(IE, "What was Sam's garden bench made from?", "church pew", "bench"),
    ask(IE, "what was maisie's line in the school play", "the sun is coming", "sun_is_coming"),
    ask(IE, "Which newspaper wrote about Little Fires?", "Yorkshire Evening Post", "newspaper"),
    ask(IE, "Where is the reunion dinner in Leeds booked?", "Spice Lantern", "reunion_place"),
    ask(IE, "What job is Olu going to do in Toronto?", "risk analyst", "olu_job"),
    ask(IE, "What did Kate call her baby?", "Iris", "iris_born"),
    ask(IE, "When is Olu's flight to Toronto?", "2023-11-18", "olu_flight", aliases=date_aliases("2023-11-18")),
    # gathering: all of something, across sessions
    ask(GATHER, "What new hobbies has Nina taken up this year?", "parkrun", "cello_signup", "allotment_offer",
        "first_parkrun"),
    ask(GATHER, "What does Sam like doing when he isn't working?", "five-a-side", "sam_football", "treehouse", "bench",
        "football_back", aliases=["football"]),
    ask(GATHER, "Where has Nina been on holiday this year?", "Crete", "copenhagen_plan", "cph_back",
        "brecons", "crete_q", "crete"),
    ask(GATHER, "Where has Sam taken the kids this year?", "Whitby", "wakefield", "armouries", "whitby"),
    ask(GATHER, "How many times has Pepper been to the vet?", "2", "sock", "vet_bill", "pepper_checkup",
        aliases=["twice", "two"]),
    ask(GATHER, "What have I grown on the allotment?", "tomatoes", "broad_beans", "courgette", "tomatoes"),
    ask(GATHER, "What has Sam built this year?", "treehouse", "hamster_cage", "treehouse", "bench"),
    ask(GATHER, "What's on the Little Fires menu?", "halloumi", "truck_concept", "menu", "wedding_gig",
        "kirkgate_week1"),
    ask(GATHER, "How many times has Sam hurt himself this year?", "2", "ankle", "burn", aliases=["twice", "two"]),
    ask(GATHER, "Who has looked after Pepper while I was away?", "Tash", "tash", "pepper_mum"),
    ask(GATHER, "Which cello teachers has Nina had?", "Miriam", "first_lesson", "miriam_leaving", "new_teacher"),
    ask(GATHER, "What parkrun times has Nina told Sam about?", "31:02", "first_parkrun", "parkrun_2", "pb"),
    ask(GATHER, "what kinds of events has Little Fires done?", "wedding", "first_trial", "launch", "july_booked",
        "wedding_gig", "kirkgate"),
    ask(GATHER, "What has Pepper eaten that she shouldn't have?", "sock", "pepper_bread", "sock",
        "pepper_recovered", "pepper_checkup"),
    ask(GATHER, "Where has Sam lived this year?", "Chapel Allerton", "house_hunt", "moved"),
    ask(GATHER, "Who has helped Sam run the truck?", "Dan", "jo_design", "danny_till", "dan"),
    ask(GATHER, "What food did Nina enjoy on her holidays?", "feta", "cph_back", "cph_food", "crete"),
    ask(GATHER, "What big firsts have Sam's kids had this year?", "nursery", "tooth", "nursery"),
    # when: the message's own date and what it says
    ask(WHEN_, "When did Nina sign up for cello lessons?", When("yesterday"), "cello_signup"),
    ask(WHEN_, "When was my first cello lesson?", When("on Thursday"), "first_lesson"),
    ask(WHEN_, "When did Nina and Jamie bring Pepper home?", When("on Saturday"), "pepper_adopt"),
    ask(WHEN_, "When did Sam hand in his notice?", When("on Friday"), "notice"),
    ask(WHEN_, "When did I find out we got the allotment?", When("yesterday"), "allotment_offer"),
    ask(WHEN_, "When did Nina fly to Copenhagen?", When("on Wednesday", future=True), "copenhagen_plan"),
    ask(WHEN_, "When did Nina get back from Copenhagen?", When("on Sunday"), "cph_back"),
    ask(WHEN_, "When did Nina plant her broad beans?", When("this morning"), "broad_beans"),
    ask(WHEN_, "What was the date of Sam's last shift at The Swan?", When("on Friday"), "last_shift"),
    ask(WHEN_, "When did Sam take the kids to the Royal Armouries?", When("yesterday"), "armouries"),
    ask(WHEN_, "when did sam sprain his ankle", When("last night"), "ankle"),
    ask(WHEN_, "When did Nina go camping in the Brecon Beacons?", When("last weekend"), "brecons"),
    ask(WHEN_, "What day did we climb Pen y Fan?", When("last weekend", plus_days=1), "brecons", "pen_y_fan"),
    ask(WHEN_, "When was Maisie's seventh birthday party?", When("yesterday"), "maisie_party"),
    ask(WHEN_, "When did Nina run her first parkrun?", When("on Saturday"), "first_parkrun"),
    ask(WHEN_, "When did my Fiesta fail its MOT?", When("on Friday"), "fiesta_mot"),
    ask(WHEN_, "When did Little Fires launch?", When("yesterday"), "launch", "launch_plan"),
    ask(WHEN_, "When was Nina's interview at Cotham Park?", When("on Thursday", future=True), "interview_plan"),
    ask(WHEN_, "When did Nina hear she'd got the Cotham Park job?", When("on Friday"), "got_job"),
    ask(WHEN_, "When was Keith's hip operation?", When("next Monday"), "dad_op_plan", "dad_op_done"),
    ask(WHEN_, "When was Iris born?", When("on Tuesday"), "iris_born"),
    ask(WHEN_, "When did Olu hand in his notice?", When("yesterday"), "olu_toronto"),
    ask(WHEN_, "When was my Grade 1 cello exam?", When("this morning"), "exam"),
    ask(WHEN_, "When was Maisie's school play?", When("yesterday"), "school_play"),
    ask(WHEN_, "When was Nina's mum's 60th birthday party?", When("two weekends ago"), "mum_party_recap", "mum_party"),
    ask(WHEN_, "When did Nugget escape?", When("three days ago"), "nugget_escape"),
    ask(WHEN_, "When did Jamie propose to Nina?", When("on Friday"), "engaged"),
    ask(WHEN_, "When did Maisie lose her first tooth?", When("on Tuesday"), "tooth"),
    ask(WHEN_, "When did Nina start at Cotham Park?", When("yesterday"), "first_day"),
    ask(WHEN_, "When did Sam's family move to Otley?", When("on Saturday"), "moved"),
    ask(WHEN_, "When did Alfie start nursery?", When("on Monday"), "nursery"),
    ask(WHEN_, "When did Pepper swallow the sock?", When("on Wednesday"), "sock"),
    ask(WHEN_, "When did I run my parkrun PB?", When("yesterday"), "pb"),
    ask(WHEN_, "When does Little Fires start at Kirkgate Market?", When("next month"), "kirkgate"),
    ask(WHEN_, "When did Keith catch the pike?", When("on Sunday"), "pike"),
    ask(WHEN_, "When was Sam's truck in the newspaper?", When("on Thursday"), "newspaper"),
    ask(WHEN_, "When did Kate and Iris come to stay with Nina?", When("last weekend"), "kate_visit", "kate_visit_plan"),
    ask(WHEN_, "When did Sam's family go to Whitby before this summer?", When("last year"), "whitby_before"),
    # the newest of several statements
    ask(UPDATE, "Which school does Nina teach at now?", "Cotham Park", "first_day"),
    ask(UPDATE, "Which year group do I teach now?", "year 6", "first_day", "start_september"),
    ask(UPDATE, "How many kids are in my class now?", "28", "first_day", "parents_evening"),
    ask(UPDATE, "What's my parkrun PB?", "29:47", "pb"),
    ask(UPDATE, "What does Sam do for work these days?", "Little Fires", "last_shift", "launch",
        aliases=["truck", "flatbreads"]),
    ask(UPDATE, "Where does Sam live now?", "Otley", "moved"),
    ask(UPDATE, "Where can I find Sam's truck these days?", "Kirkgate Market", "kirkgate", "kirkgate_week1",
        aliases=["Kirkgate"]),
    ask(UPDATE, "Is Nina single, dating or engaged?", "engaged", "engaged"),
    ask(UPDATE, "When is Nina and Jamie's wedding?", "2024-09-14", "wedding_date", aliases=date_aliases("2024-09-14")),
    ask(UPDATE, "What car does Nina drive now?", "Yaris", "new_car"),
    ask(UPDATE, "Who teaches Nina the cello now?", "Tom Hale", "new_teacher", aliases=["Hale"]),
    ask(UPDATE, "Which night does Sam play five-a-side now?", "Tuesday", "football_back", aliases=["Tuesdays"]),
    ask(UPDATE, "How old is Maisie now?", "7", "maisie_turning_seven", "maisie_party", aliases=["seven"]),
    ask(UPDATE, "How is Pepper doing after her operation?", "healed", "pepper_checkup"),
    # only a photo's caption holds the answer
    ask(PHOTO, "What colour is Pepper's raincoat?", "yellow", "pepper_photo"),
    ask(PHOTO, "What was Alfie holding in the photo from the Royal Armouries?", "wooden sword", "alfie_photo",
        aliases=["sword"]),
    ask(PHOTO, "What shape was Maisie's birthday cake?", "Saturn", "saturn_cake"),
    ask(PHOTO, "What was on the flatbread in the picture from Sam's trial run?", "pomegranate", "flatbread_photo"),
    ask(PHOTO, "What colour is the Little Fires van?", "dark green", "van_photo", aliases=["green"]),
    ask(PHOTO, "What colour hat was baby Iris wearing in my photo?", "mint green", "iris_photo", aliases=["mint"]),
    ask(PHOTO, "What colour leotard did Maisie wear as a sunflower?", "green", "sunflower_photo"),
    ask(PHOTO, "How many marks did I get in my cello exam?", "128", "certificate"),
    ask(PHOTO, "What stone is in Nina's engagement ring?", "sapphire", "ring_photo"),
    ask(PHOTO, "What colour is the roof of Sam's treehouse?", "red", "treehouse_photo"),
    ask(PHOTO, "What kind of tree is the treehouse in?", "oak", "treehouse_photo"),
    ask(PHOTO, "What's the house number of Sam's new place?", "14", "door_photo"),
    ask(PHOTO, "What plant is by Sam's front door?", "lavender", "door_photo"),
    ask(PHOTO, "What did Nina put next to the courgette to show how big it was?", "wine bottle", "courgette_photo"),
    ask(PHOTO, "Which part of Copenhagen is in the picture Nina sent?", "Nyhavn", "nyhavn"),
    ask(PHOTO, "What did Sam take a photo of in Whitby?", "abbey", "abbey_photo"),
    # light inference over what was said
    ask(INFER, "Why did Sam leave his job at The Swan?", "own thing", "truck_daydream", "jo_says_go", "notice",
        aliases=["own food", "own business", "Little Fires", "food truck", "van"]),
    ask(INFER, "What would make a good present for Alfie?", "knight", "kids_ages", "armouries", "nursery",
        aliases=["knights"]),
    ask(INFER, "What might Maisie want to be when she grows up?", "astronaut", "maisie_space"),
    ask(INFER, "Which of the two of us has kids?", "Sam", "kids_ages"),
    ask(INFER, "Does Nina enjoy exams?", "yes", "love_exams"),
    ask(INFER, "Why couldn't Nina make it to the Little Fires launch?", "baby shower", "baby_shower"),
    ask(INFER, "Why did Nina and Jamie want a greyhound?", "18 hours", "greyhound_plan", aliases=["sleep"]),
    ask(INFER, "Why are Sam and Jo moving house?", "too small", "house_hunt"),
    ask(INFER, "What kind of dog might Sam's family get?", "greyhound", "dog_question", "recommend_greyhound"),
    ask(INFER, "Who might do the food at Nina's wedding?", "Sam", "caterer", "hold_you", aliases=["Little Fires"]),
    ask(INFER, "Why did I need a new car?", "MOT", "fiesta_mot"),
    # two facts combined
    ask(MULTI, "How much did Nina's parkrun time improve from her first run to her PB?", "4:23", "first_parkrun",
        "pb", aliases=["4 minutes 23"]),
    ask(MULTI, "How many flatbreads did Sam sell at the launch and in his first week at Kirkgate, together?", "740",
        "launch", "kirkgate_week1"),
    ask(MULTI, "Which came first, Nina's engagement or Sam's move to Otley?", "engagement", "engaged", "moved",
        aliases=["engaged"]),
    ask(MULTI, "How many fewer pupils does Nina have in her new class than in her old one?", "2", "nina_job",
        "first_day", aliases=["two"]),
    ask(MULTI, "How long did Sam keep working at The Swan after handing in his notice?", "three weeks",
        "notice_period", "last_shift", aliases=["3 weeks"]),
    # attribution: what one of them did, asked about the other
    ask(WHO, "When did Nina sprain her ankle?", None, "ankle", actually="Sam"),
    ask(WHO, "What's the name of my hamster?", None, "nugget", actually="Sam"),
    ask(WHO, "What did Sam name his greyhound?", None, "pepper_adopt", actually="Nina"),
    ask(WHO, "How many times did Sam ride the rollercoaster at Tivoli?", None, "cph_food", actually="Nina"),
    ask(WHO, "What mark did Sam get in his Grade 1 cello exam?", None, "exam_result", actually="Nina"),
    ask(WHO, "What's Nina's food truck called?", None, "truck_name", actually="Sam"),
    ask(WHO, "Where did Sam get engaged?", None, "engaged", actually="Nina"),
    ask(WHO, "What's Sam's parkrun PB?", None, "pb", actually="Nina"),
    ask(WHO, "How much was Sam's vet bill when his dog swallowed a sock?", None, "vet_bill", actually="Nina"),
    ask(WHO, "When did I build the treehouse?", None, "treehouse", actually="Sam"),
    ask(WHO, "When did Nina move to Otley?", None, "moved", actually="Sam"),
    ask(WHO, "Which job did Sam get in Toronto?", None, "olu_toronto", "olu_job", actually="Olu"),
    ask(WHO, "What did my daughter wear in the school play?", None, "school_play", actually="Sam"),
    ask(WHO, "What vegetables does Sam grow on his allotment?", None, "broad_beans", "tomatoes", actually="Nina"),
    ask(WHO, "How many pupils are in Sam's class?", None, "first_day", actually="Nina"),
    ask(WHO, "How big was the pike my dad caught?", None, "pike", actually="Sam"),
    ask(WHO, "When did Nina burn her hand on the oven?", None, "burn", actually="Sam"),
    # never said
    ask(NONE, "What does Jamie do for a living?", None),
    ask(NONE, "How old is Nugget?", None),
    ask(NONE, "How much did Sam pay for the Citroën van?", None),
    ask(NONE, "When is Nina's birthday?", None),
    ask(NONE, "What's the name of Maisie's school?", None),
    ask(NONE, "What's Olu's surname?", None),
    ask(NONE, "Which football team does Sam support?", None),
    ask(NONE, "What is Iris's middle name?", None),
    ask(NONE, "Where did Sam and Jo get married?", None),
    ask(NONE, "What did I study at university?", None),
    ask(NONE, "What's the name of Tom Hale's string quartet?", None),
    ask(NONE, "What's the name of Alfie's nursery?", None),
    ask(NONE, "What colour was the hat Jamie lost on Pen y Fan?", None),
    ask(NONE, "Which hotel did we stay at in Copenhagen?", None),
    ask(NONE, "How much does Sam pay for the pitch at Kirkgate?", None),
    ask(NONE, "What did Sam give Iris as a present?", None),
    ask(NONE, "What's Gary's surname?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
