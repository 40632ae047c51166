"""What a question asks for, and the abstention checks built on it."""

import pytest

from second_me.retrieval.abstain import Signals, decide
from second_me.retrieval.answer_type import (AGE, ASKS_WHEN, DATE, DAY_OF_YEAR, EMAIL, LODGING, MONEY, NAME, NUMBER,
                                             OCCUPATION, PHONE,
                                             answer_type_words, expected_answer, has_answer, lacks_answer,
                                             names_and_details, proper_names, says_little, wanted_kind)
from second_me.text.categories import BREED, COLOUR, STREET


@pytest.mark.parametrize("question, kind", [
    ("What is my dentist's name?", NAME),
    ("What is Lena's husband called?", NAME),
    ("What did I call my sourdough starter?", NAME),
    ("When is Tomás's birthday?", DAY_OF_YEAR),
    ("When is the team offsite?", DATE),
    ("On which day of the month is the rent due?", DATE),
    ("How much did I pay for the bike?", MONEY),
    ("What did the RAV4 cost me?", MONEY),
    ("How much are tickets for the reunion show?", MONEY),
    ("How much was Bunsen's vet bill?", MONEY),
    ("How much is the dose of ibuprofen?", NUMBER),
    ("How much faster was my 10k than the time trial?", NUMBER),
    ("How old is my mother?", AGE),
    ("What time is the standup?", NUMBER),
    ("How long do I bake the plum cake?", NUMBER),
    ("How many children does Priya have?", NUMBER),
    ("What is my shoe size?", NUMBER),
    ("When is the on-call handbook due?", DATE),  # a date, not what something is called
    ("What is the plumber's phone number?", PHONE),
    ("What's Sofia's email?", EMAIL),
    ("Which hotel are we staying at in Edinburgh?", LODGING),
    ("what airbnb did we book in Porto", LODGING),
    # answered from when memories happened, or by counting them: nothing to find in the text
    ("When did I go skiing?", None),
    ("How long have I lived in Berlin?", None),
    ("How many concerts have I been to?", None),
    ("What day is my Spanish lesson?", DATE),
    # a day rate, a day trip, a year group: things named by a time word, not a date
    ("What's my day rate for Brightwater?", None),
    ("What day trip did we take from Kyoto?", None),
    ("Which year group is Maisie in?", None),
    # open answers
    ("Who is Miso afraid of?", None),
    ("Where did I go two days ago?", None),
    ("Which city does my best friend live in?", None),
])
def test_expected_answer(question, kind):
    assert expected_answer(question) == kind


def test_a_day_rate_asks_no_day():
    """"What's my day rate for Brightwater?" was answered "£420" under "2026-11-18 (your note of that day)."."""
    assert not ASKS_WHEN.match("What's my day rate for Brightwater?")
    assert not ASKS_WHEN.match("What day trip did we take from Kyoto?")
    assert ASKS_WHEN.match("What day is my Spanish lesson?")
    assert ASKS_WHEN.match("What was the date of Sam's last shift?")
    assert ASKS_WHEN.match("what night did Kwame see the northern lights?")
    assert not ASKS_WHEN.match("What night bus goes to Peckham?")
    assert not ASKS_WHEN.match("Which night do I play five-a-side?")  # a weekday, every week


@pytest.mark.parametrize("question, words", [
    ("Which city does my best friend live in?", {"city"}),
    ("On which day of the month is the rent due?", {"day"}),
    ("What kind of bicycle do I ride?", {"bicycle"}),
    ("Which football team do I support?", {"team"}),
    ("What is my current job title?", {"title"}),
    ("What's my current job title?", {"title"}),
    ("What's the electrician's phone number?", {"phone", "number"}),
    ("What is my brother's name?", {"name"}),
    ("What is the name of Miso's vet?", {"name"}),
    ("What is Lena's husband called?", set()),  # a name is asked for: the husband is the subject
    ("Who was my first boss?", set()),
    ("Where did I go scuba diving?", set()),
    ("How often should I check the tyre pressure?", {"often"}),  # memory says "before every ride"
    ("How far is the beach from the flat?", {"far"}),
    ("How fast did I run the 10k?", {"fast"}),  # memory says "in 58 minutes"
])
def test_answer_type_words(question, words):
    assert answer_type_words(question) == words


@pytest.mark.parametrize("question, words", [
    ("What health problems have I had this year?", {"health", "problems"}),
    ("What illnesses and injuries has Owen had this year?", {"illnesses", "injuries"}),
    ("What tests and exams has Tariq sat?", {"tests", "exams"}),
    ("Which Italian restaurants have we been to?", {"restaurants"}),  # a name is no kind: memory must say it
    ("What is Lena's husband called?", set()),
])
def test_all_that_a_question_asks_for(question, words):
    assert answer_type_words(question, whole=True) == words


def test_proper_names_skip_the_first_question_word():
    assert proper_names("What time did I run the Paris marathon in?") == ["Paris"]
    assert proper_names("What did I buy on Black Friday?") == ["Black"]  # months and weekdays are time words
    assert proper_names("What novel did I start at the end of August?") == []
    assert proper_names("Lena's husband: what is he called?") == ["Lena"]
    assert proper_names("How do I fix it?") == []
    assert proper_names("WHAT IS MY CAT'S NAME?") == [] and proper_names("What Is My Cat's Name?") == []


def test_names_and_details():
    assert names_and_details("What does Tilly do for work?") == (["Tilly"], ["work"])
    assert names_and_details("Which vet clinic does Biscuit go to?") == (["Biscuit"], ["vet", "go"])
    assert names_and_details("Where did Karim and Hana go on their honeymoon?") == (["Karim", "Hana"], ["go", "honeymoon"])
    assert names_and_details("What is my brother's name?") == ([], ["brother"])
    assert says_little(["spend"]) and says_little([]) and not says_little(["spend", "honeymoon"])
    assert says_little(["buy"])  # "What did I buy at Waterstones?": "shop: Waterstones; category: books"
    # "What did Karl say about the budget?": the budget is what is asked; "say" proves nothing.
    assert says_little(names_and_details("What did Karl say about the budget?")[1])
    assert says_little(names_and_details("Which walks did I plan on Skye?")[1])


@pytest.mark.parametrize("kind, text, found", [
    (NAME, "Maya: Our landlord is called Mr. Hoffmann, he seems strict.", True),
    (NAME, "Landlord: Mr. Hoffmann. Plumber: Herr Yilmaz.", True),
    (NAME, "Maya: my dentist is called smith, nice guy", True),  # lower case after "called"
    (NAME, "Maya: Went to the dentist today, one small filling.", False),  # capital only at the sentence start
    (NAME, "Maya: My sister's birthday is on March 14th.", False),  # a month is not a name
    (NAME, "Maya: We adopted a cat, she's called Miso.", False),  # the question already says Miso
    (NUMBER, "The rent is 1,480 euros warm.", True),
    (AGE, "She is two years old.", True),
    (AGE, "I can see the telly properly for the first time in two years!", False),  # how long, not how old
    (AGE, "we moved here 5 years ago", False),
    (AGE, "Lunch for Mum's 65th birthday.", True),
    (AGE, "The vet visit cost 120 dollars.", False),
    (AGE, "she's 4 and retired from racing", True),
    (AGE, "my niece! she's 6", True),
    (AGE, "she's 4 minutes away", False),
    (AGE, "he's 6 foot and still growing", False),
    (AGE, "they're 3 of the best", False),
    (NUMBER, "She is two years old.", True),
    (NUMBER, "My bike is a green Surly I bought second hand.", False),
    (DATE, "Lena's birthday is on March 14th.", True),
    (DATE, "Rent is due on the 3rd of each month.", True),
    (DATE, "I lent Tomás 200 euros for his flight home.", False),
    (DAY_OF_YEAR, "Her birthday is the 3rd of May.", True),
    (DAY_OF_YEAR, "We met on a Saturday in 2011.", False),
    (MONEY, "The rent is 1,480 euros warm.", True),
    (MONEY, "It was $350 in the sale.", True),
    (MONEY, "A 7'6 board, two years old.", False),
    (MONEY, "My rent went up to 1450 a month.", True),  # a rate is an amount, currency or not
    (MONEY, "I run 3 times a week.", False),
    # To the cent, as a payslip or a spreadsheet writes an amount; not a time or a measure.
    (MONEY, "Income tax: 437.20", True),
    (MONEY, "date: 2025-03-02; shop: Tesco; amount: 54.20", True),
    (MONEY, "Meet at 10.30 by the clock.", False),
    (MONEY, "It weighs 1.25 kg.", False),
    (MONEY, "Finished in 52.10 minutes.", False),
    # Other currencies, and a grouped amount sent or paid without one, as people write it at home.
    (MONEY, "Ksh 4,800 for the injections", True),
    (MONEY, "Dinner was 450 kr for the two of us.", True),
    (MONEY, "Sent my cousin Kimani 45,000 on M-Pesa for the deposit", True),
    (MONEY, "Sold the old Premio to a guy in Kiserian for 780,000.", True),
    (MONEY, "I walked 12,000 steps today.", False),
    (MONEY, "A town of 45,000 people.", False),
    (MONEY, "The budget is 2.5m, give or take.", True),  # millions
    (MONEY, "Took me up Roque Nublo, 1,813 m, and the knee didn't complain.", False),  # a height
    (AGE, "Birthday number 44 today!", True),
    (AGE, "I am 43 and today I feel 70", True),
    (AGE, "I'm 30 minutes away", False),
])
def test_has_answer(kind, text, found):
    assert has_answer(kind, text, {"miso", "dentist", "landlord"}) is found


def test_asked_which_hotel_a_trip_with_no_place_to_stay_says_none():
    trip = ["Booked it. Linda and I are going to Scotland in September: Edinburgh first, then the Isle of Skye."]
    assert lacks_answer("Which hotel are we staying at in Edinburgh?", trip, ()) == LODGING
    stay = ["Edinburgh booked: three nights at the Balmoral hotel, then the Isle of Skye."]
    assert lacks_answer("Which hotel are we staying at in Edinburgh?", stay, ()) is None


def test_asked_what_someone_does_for_a_living_a_memory_naming_them_at_something_else_says_nothing():
    assert expected_answer("What does Stuart do for a living?") == OCCUPATION
    assert expected_answer("What's my job now?") == OCCUPATION
    assert expected_answer("What did the brake job on the old car cost?") != OCCUPATION
    assert expected_answer("When did Tidal Games offer me the job?") != OCCUPATION
    roast = ["Catriona: Sunday lunch here next weekend? Stuart's doing a roast"]
    assert lacks_answer("What does Stuart do for a living?", roast, ()) == OCCUPATION
    for said in ("Stuart's a plumber, works for himself", "Stuart works at the café on Byres Road",
                 "Stuart runs the hardware shop", "Stuart, a dentist from Manchester"):
        assert lacks_answer("What does Stuart do for a living?", [said], ()) is None, said


def test_a_surname_is_a_name_of_two_words():
    assert lacks_answer("What's Tariq's surname?", ["Tariq: Bilal. a dentist from Manchester."], ()) == NAME
    assert lacks_answer("What's Tariq's surname?", ["the booking is under Tariq Hussain"], ()) is None


def test_a_surname_asked_of_someone_is_theirs_and_no_possessive_begins_a_name():
    noemi = ["Ruben: Noemi. she says she's round and soft and Italian", "Josie: NOEMI'S COMING?? Mila is going to explode",
             "Josie: Noemi and Mila Brown from next door came round"]
    assert lacks_answer("What's Noemi's last name?", noemi, ()) == NAME  # Mila Brown's is not hers
    assert lacks_answer("What's Noemi's surname?", noemi + ["Ruben: meet Noemi Rossi, my flatmate"], ()) is None
    assert lacks_answer("What's my wife's maiden name?", ["my wife Linda's Mum came for tea"], ()) == NAME
    assert lacks_answer("What's my wife's maiden name?", ["my wife, Linda MacLeod as was"], ()) is None


def test_lacks_answer_looks_only_at_memories_about_the_subject():
    memories = ["Maya: Went to the dentist today, one small filling.",
                "Maya: Registered with a new doctor: Dr. Okafor on Weserstraße."]
    assert lacks_answer("What is my dentist's name?", memories, ()) == NAME  # Okafor is the doctor
    assert lacks_answer("Who is my doctor?", memories, ()) is None  # an open question: not checked
    assert lacks_answer("What is my doctor's name?", memories, ()) is None
    tomas = ["I lent Tomás 200 euros.", "Lena's birthday is on March 14th."]
    assert lacks_answer("When is Tomás's birthday?", tomas, ()) == DAY_OF_YEAR  # March 14th is about Lena
    assert lacks_answer("When is Lena's birthday?", tomas, ()) is None
    assert lacks_answer("What is my brother's name?", memories, ("brother",)) == NAME  # nothing about a brother
    assert lacks_answer("What is my dentist's brother called?", memories, ("brother",)) == NAME
    sam = ["Sam fixed the car on Saturday, it is a 2011 Mazda.", "Mum's birthday is June 2."]
    assert lacks_answer("When is Sam's birthday?", sam, ()) == DAY_OF_YEAR  # a weekday or a year is not a birthday
    assert lacks_answer("When is Mum's birthday?", sam, ()) is None
    # A day someone's memories tell of is no birthday unless they tell of one: "turns 9", "her 8th", "born".
    told = [("Sam: parents evening is Thursday the 15th\nOctober 15, 2026", "")]
    assert lacks_answer("When is Sam's birthday?", told, ()) == DAY_OF_YEAR
    assert lacks_answer("When is Ella's birthday?", ["Mum: Ella turns 9 on the 21st of November"], ()) is None
    # Nor is Ella's birthday Sam's, though the turn before it named Sam.
    ellas = [("Mum: Ella's birthday is on the 21st isn't it?\nNovember 21, 2026", "Sam and Ella climbed Catbells")]
    assert lacks_answer("When is Sam's birthday?", ellas, ()) == DAY_OF_YEAR
    assert lacks_answer("When is Ella's birthday?", ellas, ()) is None
    # A wedding day is no birthday ("When is Ama's birthday?" was given her wedding's day), nor is the day
    # someone else turns 80, in lower case or not; asked of that one, it is.
    ama = ["Kwame: Ok family news: Ama and Kofi set the wedding date. 27th of December, in Accra"]
    assert lacks_answer("When is Ama's birthday?", ama, ()) == DAY_OF_YEAR
    assert lacks_answer("When is Ama's wedding?", ama, ()) is None
    nana = [("Kwame: Yes, Nana turns 80 on the 11th of April", "Lucía: Finally! For your grandma's birthday?")]
    assert lacks_answer("When is Kwame's birthday?", nana, ()) == DAY_OF_YEAR
    assert lacks_answer("when is kwame's birthday?", nana, ()) == DAY_OF_YEAR
    assert lacks_answer("When is Nana's birthday?", nana, ()) is None
    assert lacks_answer("When is Sam's birthday?", ["Sam: it's birthday week!! 14 March, finally"], ()) is None
    # A place said at a sentence's start is no name of a person nor of what is asked: "In Kisumu for…".
    memorial = ["Wanjiru: In Kisumu for the memorial of Otieno's father, one year since mzee passed."]
    assert lacks_answer("What was Otieno's late father's name?", memorial, ()) == NAME
    physio = ["Doug: Physio with Karen twice a week, Mondays and Thursdays. She is relentless."]
    assert lacks_answer("At which clinic does Karen do my physio?", physio, ()) == NAME  # weekdays name no clinic
    # A word of the subject in another form: "raised" is about "How much did I raise?".
    assert lacks_answer("How much did I raise?", ["Ben Carter: raised £640 in the end"], ()) is None
    assert lacks_answer("How much did I raise?", ["Ben Carter: the fridge broke again"], ()) == NUMBER
    alfie = ["Sam: and Alfie started nursery on Monday. he wore his knight's helmet in",
             "Sam: we took them to the Royal Armouries yesterday. Alfie walked round the whole thing"]
    assert lacks_answer("What's the name of Alfie's nursery?", alfie, ()) == NAME  # a name's form is no thing


def test_asked_how_much_was_paid_for_something_an_amount_paid_for_something_else_says_nothing():
    asked = "How much did I pay for my surfboard?"
    said = ["Bought my own surfboard!! An 8 foot blue foamie.", "Jess paid back $200 of the rego money."]
    assert lacks_answer(asked, said, []) == MONEY
    assert lacks_answer(asked, said + ["The surfboard was $450 in the end."], []) is None
    # Someone's amount for another thing of theirs is no more an answer.
    ruben = ["Ruben: I bought a second hand road bike. a blue Colnago from a guy at the institute.",
             "Ruben: I bought ski touring skis. second hand, 450 francs."]
    assert lacks_answer("How much did Ruben's road bike cost?", ruben, ()) == MONEY
    assert lacks_answer("How much did Ruben's skis cost?", ruben, ()) is None
    # Nor an amount paid for something else of the owners': the twins' cargo bike is not their bunk beds.
    twins = ["Lieve: a second hand cargo bike, 2,100 euros. the twins ride in the box at the front",
             "Lieve: we got bunk beds for the twins so they'd share"]
    assert lacks_answer("How much did the twins' bunk beds cost?", twins, ()) == MONEY
    assert lacks_answer("How much did the twins' cargo bike cost?", twins, ()) is None


def test_what_was_said_just_before_a_memory_tells_what_it_is_about_never_the_answer():
    called = "Priya: she's called Mango, she's a 3 year old tabby with a bent ear"
    assert lacks_answer("What's my cat called?", [called], ()) == NAME  # no cat in its words
    assert lacks_answer("What's my cat called?", [(called, "I adopted a cat from Cats Protection")], ()) is None
    # The turn before names a cat; the name it states does not answer.
    assert lacks_answer("What's my dog called?", [("Priya: the dog barked all night", "Mango the cat is fine")],
                        ()) == NAME
    # A reply to "what's his name?" gives the name first, capitalised as any sentence begins.
    biscuit = "Lena: Biscuit. He's a 2 year old beagle from the shelter in Leith"
    assert lacks_answer("What is Lena's dog called?", [(biscuit, "we adopted the dog btw\nOMG what's his name")],
                        ()) is None
    assert lacks_answer("What is Lena's dog called?", [(biscuit, "we adopted the dog btw\nhow old is he?")],
                        ()) == NAME


def test_asked_the_name_of_a_thing_a_name_after_in_or_from_is_a_place():
    shop = ["Wanjiru: Otieno's hardware shop in Kitengela had its best month ever."]
    assert lacks_answer("What's Otieno's hardware shop called?", shop, ()) == NAME
    assert lacks_answer("What's Otieno's hardware shop called?", shop + ["Wanjiru: Otieno's hardware shop, "
                        "Mwangaza Hardware, is busy"], ()) is None
    assert lacks_answer("What's the name of the town Otieno's shop is in?", shop, ()) is None  # a place is asked
    winery = ["Noor: Took Mum out for her 65th birthday lunch at a winery on the Bellarine"]
    assert lacks_answer("What was the winery called where we took Mum for her birthday?", winery, ()) == NAME


def test_asked_about_my_thing_a_memory_of_someone_elses_is_not_about_it():
    pickles = ["Doug: The neighbour's cat, Pickles, sits on our balcony railing every morning"]
    assert lacks_answer("What's my cat called?", pickles, ()) == NAME
    assert lacks_answer("What's my cat called?", ["Doug: our cat, Pickles, sits on the balcony"], ()) is None
    assert lacks_answer("What's the neighbour's cat called?", pickles, ()) is None


def test_the_words_a_job_is_asked_with_are_not_what_memory_must_hold():
    jo = ["Nina: Jo's work do was wild, she sang Abba", "Nina: how's Jo?\nSam: on nights again, midwifery is brutal"]
    assert lacks_answer("What does Jo do for work?", jo, ()) is None  # not only the turn saying "work"
    assert lacks_answer("What does Jo do for work?", jo[:1], ()) == OCCUPATION


def test_a_light_verb_is_not_the_thing_an_amount_is_asked_of():
    cars = ["Wanjiru: Picked up our new car today, a 2016 Mazda CX-5, grey. 2,350,000.",
            "Wanjiru: Sold the old Premio to a guy in Ruaka for 780,000.", "Wanjiru: Njeri got a scratch on the Mazda"]
    assert lacks_answer("How much more did the Mazda cost than I got for the Premio?", cars, ()) is None


def test_asked_about_someones_thing_the_memories_mentioning_both_must_say_it():
    # The memories that mention Simba and the vet name no vet; one about Simba elsewhere names a town.
    simba = ["Wanjiru: Took Simba to the vet, tick fever. Ksh 4,800 for the injections.",
             "Wanjiru: We moved into our own house in Kitengela today!!! Simba ran around the compound."]
    assert lacks_answer("What's the name of Simba's vet?", simba, ()) == NAME
    assert lacks_answer("What's the name of Simba's vet?", simba + ["Wanjiru: Simba's vet, Dr. Kamau, says he's fine."],
                        ()) is None
    assert lacks_answer("Where does Simba sleep?", simba, ()) is None  # no name asked for: not checked
    # A speaker's own turn names them only before it, and need not repeat what it is about.
    dev = ["Priya: how's the octopus in your lab?", "Dev: the lab octopus escaped again", "Dev: this is Inky, my favourite"]
    assert lacks_answer("What's the octopus in Dev's lab called?", dev, ()) is None
    # A turn going on about them without their name is about them when the turns before it name them.
    sock = [("Nina: Pepper had her check up, the vet says the scar has healed perfectly", ""),
            ("Nina: also we had a nightmare week, Pepper swallowed a sock. she had to have surgery", ""),
            ("Nina: she's fine, sleepy, wearing a cone of shame. the vet bill was £480",
             "also we had a nightmare week, Pepper swallowed a sock. she had to have surgery\noh no!! is she ok?")]
    assert lacks_answer("How much did the vet charge for Pepper's sock surgery?", sock, ()) is None
    assert lacks_answer("How much did the vet charge for Pepper's sock surgery?", sock[:2], ()) == MONEY
    # "These days" is when, not what about.
    biscuit = ["Doug: Biscuit turned 9 today!", "Doug: Biscuit slept for days after the walk"]
    assert lacks_answer("How old is Biscuit these days?", biscuit, ()) is None


def test_first_or_last_is_what_the_question_is_about_unless_a_name_is_asked_for():
    days = ["Josie: first day on days was yesterday!!! I saw the sun 2025-08-18"]
    assert lacks_answer("What was my first day on day shifts?", days, ()) is None
    assert lacks_answer("What's Kenji's last name?", ["Ruben: Kenji says hi"], ()) == NAME


def test_two_things_compared_are_each_told_of_apart():
    venues = ["Tamsin: then a barn near Ilkley which is gorgeous but £9,500 just for the venue hire",
              "Tamsin: and then The Mill at Hebden Bridge. Rafa. I cried"]
    assert lacks_answer("How much cheaper was the Mill than the barn near Ilkley?", venues, ()) is None
    assert lacks_answer("How much did the Mill cost?", venues, ()) == MONEY  # the Mill's own price is not told
    assert lacks_answer("How much did the Mill and Ilkley cost?", venues, ()) == MONEY  # not compared: both in one


def test_a_contact_detail_is_asked_for_as_itself_and_must_be_stated():
    contacts = ["- Pedro Alves (Casa Nova Obras), builder.\n- Electrician: Sofia, +351 912 000 111."]
    question = "What's the electrician's phone number?"
    assert answer_type_words(question) == {"phone", "number"}  # memory says the number, not "phone"
    assert lacks_answer(question, contacts, ("phone",)) is None
    assert lacks_answer("What's the electrician's email address?", contacts, ("email",)) == EMAIL
    assert lacks_answer("What's the plumber's phone number?", ["Paid the plumber 1,200 euros on 2 May."], ()) == PHONE
    starter = ["Feed the starter the night before. It is ready when it has doubled and smells sweet and sour."]
    assert lacks_answer("When is the starter ready?", starter, ()) is None  # a condition answers it
    assert lacks_answer("When is the starter fed?", ["Fed when I remember, ready when it has doubled."],
                        ()) is None
    assert lacks_answer("When is the starter due?", starter, ()) == DATE  # "ready when" does not say when it is due
    board = ["Bought a 7'6 mini mal surfboard, second hand.", "Paid $350 for the wetsuit."]
    assert lacks_answer("How much did I pay for my surfboard?", board, ()) == MONEY  # a length is not a price
    assert lacks_answer("How much did I pay for the wetsuit?", board, ()) is None


def test_a_member_of_a_category_known_by_name_or_breed_must_be_stated():
    # "Which airline…" is answered by a name: flights to Lahore name none.
    lahore = ["Tariq: lahore next month!! flights booked, manchester to lahore direct"]
    assert lacks_answer("Which airline did Tariq fly to Lahore with?", lahore, ["airline"]) == NAME
    emirates = ["Tariq: flew Emirates to Lahore, 9 hours and a crying baby behind me"]
    assert lacks_answer("Which airline did Tariq fly to Lahore with?", emirates, ["airline"]) is None
    # No one is at or in an airline: a name there is a place ("the hostel in Alfama"), as it is for a person.
    lisbon = ["## Lisbon\nThe hostel in Alfama was quiet and cheap. Try the custard tarts at the bakery in Belém."]
    assert lacks_answer("Which airline did I take to Lisbon?", lisbon, ["airline"]) == NAME
    assert lacks_answer("Which school did I visit in Lisbon?", ["Lisbon: a visit to the school at Alfama"], ()) is None
    # The category's own word, and the question's other words, need not be memory's: it names the place.
    binoculars = ["Doug: Linda got me binoculars as an early retirement present, Nikon Monarch 8x42."]
    assert lacks_answer("What brand of binoculars did my wife give me?", binoculars, ["wife", "brand"]) is None
    surgery = ["Doug: knee surgery is booked for May 14th at the Halifax Infirmary."]
    assert lacks_answer("In which hospital did I have my operation?", surgery, ["operation"]) is None
    # A museum, a gallery, a theatre, a library or a hotel is known by its name too: "the museum" is none.
    museum = ["Ines: big news, I got the job at the museum!! assistant curator, starting in April"]
    assert lacks_answer("Which museum does Ines work at?", museum, ()) == NAME
    named = museum + ["Ines: no, the Museo del Traje. costume and fashion. I'm so happy"]
    assert lacks_answer("Which museum does Ines work at?", named, ()) is None
    # A breed is a breed, not the animal named.
    maskin = ["Halvor: Maskin brought a mouse in. (Maskin is my cat. Solveig named him.)"]
    assert lacks_answer("What breed is Maskin?", maskin, ()) == BREED
    biscuit = ["Noor: we adopted a rescue dog today!!! She's a red kelpie cross called Biscuit"]
    assert lacks_answer("What breed is Biscuit?", biscuit, ()) is None
    # A street by its name, not the part of town it is in.
    flat = ["Ruben: WE GOT A FLAT!!! Oerlikon, three and a half rooms", "Ruben: Noemi's family came up from Lugano"]
    assert lacks_answer("What street is Ruben and Noemi's flat on?", flat, ()) == STREET
    flat.append("Ruben: the new flat's at Hofwiesenstrasse 12, Noemi loves it")
    assert lacks_answer("What street is Ruben and Noemi's flat on?", flat, ()) is None
    assert lacks_answer("What road is the new house on?", ["The new house is 14 elm road, by the park."], ()) is None
    # A colour is never refused for: a photo shows it without saying whose it is.
    assert expected_answer("What colour hat was Isla wearing?") is None
    assert wanted_kind("What colour hat was Isla wearing?") == COLOUR
    assert decide(Signals(True, 0.5, (), (), (), BREED), 0.2, 0.47) == "the memories about that don't say a breed."


def test_someones_name_is_not_a_places_nor_a_models():
    volvo = ["Halvor: Sold the old Volvo V70 two weeks ago to a young guy from Voss, 22,000 kr."]
    asked = "What's the name of the guy from Voss who bought my Volvo?"
    assert lacks_answer(asked, volvo, ()) == NAME
    assert lacks_answer(asked, ["Halvor: Sold the old Volvo V70 to a young guy from Voss, Lars."], ()) is None
    braces = ["Wanjiru: Took Njeri for her braces fitting at the orthodontist in Kitengela."]
    assert lacks_answer("What's the name of Njeri's orthodontist?", braces, ()) == NAME
    assert lacks_answer("Which town is Njeri's orthodontist in?", braces, ()) is None  # a place asked: not checked


def test_names_side_by_side_are_told_as_one():
    from second_me.retrieval.unmatched import as_written

    question = "When does Little Fires start at Kirkgate Market?"
    assert as_written(question, proper_names(question)) == ("Little Fires", "Kirkgate Market")
    assert as_written("Did Sam and Jo go?", ["Sam", "Jo"]) == ("Sam", "Jo")


def test_decide_gives_the_reason():
    def seen(**kw):
        base = dict(found=True, best_similarity=0.5, never_named=(), detached=(), unknown_words=(), lacking=None)
        return Signals(**{**base, **kw})

    assert decide(seen(), 0.2, 0.47) is None
    assert decide(seen(found=False), 0.2, 0.47) == "nothing in your memory matches that question."
    assert decide(seen(best_similarity=0.1), 0.2, 0.47) == "nothing in your memory matches that question."
    assert decide(seen(never_named=("Paris",), best_similarity=0.9), 0.2, 0.47) == \
        "nothing in your memory mentions Paris."
    assert decide(seen(detached=("Tilly",)), 0.2, 0.47) == "nothing in your memory about Tilly says that."
    assert decide(seen(unknown_words=("vet",), best_similarity=0.4), 0.2, 0.47) == \
        "nothing in your memory mentions 'vet'."
    assert decide(seen(unknown_words=("vet",), best_similarity=0.6), 0.2, 0.47) is None  # a close paraphrase
    assert decide(seen(lacking=NAME), 0.2, 0.47) == "the memories about that don't say a name."
    # A memory with every word the question is about matches it, however far its vector ("Belém").
    assert decide(seen(best_similarity=0.1, covered=True), 0.2, 0.47) is None
    assert decide(seen(best_similarity=0.1, covered=True, never_named=("Paris",)), 0.2, 0.47) is not None
    assert decide(seen(best_similarity=0.1, covered=True, lacking=NAME), 0.2, 0.47) is not None
    # lexical-only search: no similarity to judge by, the other checks still apply
    assert decide(seen(best_similarity=None, unknown_words=("vet",)), 0.2, 0.47) is None
    assert decide(seen(best_similarity=None, never_named=("Paris",)), 0.2, 0.47) is not None


def test_a_question_about_names_alone_is_covered_when_one_hit_has_them():
    from datetime import datetime, timezone

    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    note = Memory(1, "chunk", "## Lisbon\n\nTry the custard tarts at the bakery in Belém.", 0.0, None, 30.0, 0,
                  False, "active")

    def seen(question):
        return signals(SearchResult((Hit(note, 1.0, 1.0, None, similarity=0.1),), 0.1,
                                    parsed=parse_query(question, datetime(2024, 6, 1, tzinfo=timezone.utc))), question)

    assert seen("what did I say about Belém?").covered  # "say" is a light verb, "Belém" is in the note
    assert not seen("where are the custard tarts?").covered  # not names: similarity judges it
    assert not seen("what did I say about Belém and Porto?").covered
    assert not seen("what did I say?").covered  # about nothing: no words to cover


def test_a_name_asked_of_the_users_own_is_covered_by_a_hit_naming_them_beside_it():
    from datetime import datetime, timezone

    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query
    from second_me.text.names import name_asked_of_mine, named_beside

    assert name_asked_of_mine("What's my sister's name?") == "sister"
    assert name_asked_of_mine("What is my manager called?") == "manager"
    assert name_asked_of_mine("what's the name of my dog") == "dog"
    assert name_asked_of_mine("Where does my sister live?") == ""
    assert named_beside("our dog, Biscuit, is 9", "dog") and named_beside("My sister's name is Ana", "sister")
    assert not named_beside("my sister and I", "sister") and not named_beside("my sister In May", "sister")
    assert not named_beside("the neighbour's cat, Pickles", "cat")

    turn = Memory(1, "message", "me: I'm going to Lisbon with my sister Clara from May 14 to May 19. we like food "
                  "and walking. what should we do?", 0.0, None, 30.0, 0, False, "active", speaker="me")

    def seen(question):
        return signals(SearchResult((Hit(turn, 1.0, 1.0, None, similarity=0.19),), 0.19,
                                    parsed=parse_query(question, datetime(2026, 6, 1, tzinfo=timezone.utc))), question)

    assert seen("What's my sister's name?").covered  # far from the turn, which names her
    assert not seen("What's my brother's name?").covered
    assert not seen("Where does my sister live?").covered  # similarity judges it


def test_ask_says_what_it_does_not_know(services, tmp_path):
    from dataclasses import replace

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "dentist.md").write_text("Went to the dentist today, one small filling.\n")
    (folder / "flat.md").write_text("Our landlord is called Mr. Hoffmann.\n")
    services.indexing.add([folder])
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    dentist = services.answering.ask("What is my dentist's name?", remember=False)
    assert dentist.abstained and dentist.text == "I don't know: the memories about that don't say a name."
    paris = services.answering.ask("What did I do at the dentist in Paris?", remember=False)
    assert paris.abstained and paris.text == "I don't know: nothing in your memory mentions Paris."
    assert not services.answering.ask("What is our landlord's name?", remember=False).abstained
    (folder / "friends.md").write_text("Went to a pottery class with Tilly.\n\nMy shifts at the hospital are long.\n")
    services.indexing.add([folder])
    tilly = services.answering.ask("What does Tilly do for work?", remember=False)
    assert tilly.abstained and tilly.text == "I don't know: nothing in your memory about Tilly says that."
    assert not services.answering.ask("Where did I go with Tilly for pottery?", remember=False).abstained


def test_a_part_of_a_name_and_a_time_word_are_not_what_memory_must_say():
    grandson = ["Doug: Our grandson arrived last night! Owen James Fraser, 8 lb 2 oz."]
    assert answer_type_words("What is my grandson's middle name?") == {"middle", "name"}
    assert lacks_answer("What is my grandson's middle name?", grandson, ("middle",)) is None
    assert lacks_answer("What is my grandson's name?", ["Doug: The weather was grim."], ()) == NAME
    # A middle or last name needs a name long enough to have one.
    iris = ["Jamie: Iris is here! 3.2 kg, both doing well, Nina is a champion."]
    assert lacks_answer("What is Iris's middle name?", iris, ("middle",)) == NAME
    assert lacks_answer("What is Iris's first name?", iris, ()) is None
    # "last" places the question in time: Christmas is never mentioned with it, and need not be.
    assert says_little(names_and_details("Where did I spend last Christmas?")[1])
    assert not says_little(names_and_details("What would I do differently next time in Lisbon?")[1])
    assert says_little(["home"])  # "where's home for Linda and me now?": memory names the condo


def test_a_reply_is_read_with_the_turn_it_answers():
    from datetime import datetime, timezone

    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    def turn(memory_id, text):
        return Hit(Memory(memory_id, "message", text, 0.0, None, 1.0, 0, False, "active"), 0.5, 1.0, None, 0.6)

    question = "What name did you come up with for my pottery Instagram?"
    hits = (turn(1, "Noor: I want to start an Instagram for my pottery, got any name ideas?"),
            turn(2, "assistant: How about Wonky Mugs Studio? It's friendly and easy to remember."))
    result = SearchResult(hits, 0.6, parsed=parse_query(question, datetime(2024, 8, 16, tzinfo=timezone.utc)))
    assert signals(result, question).lacking == NAME  # the name is told without the word Instagram
    assert signals(result, question, {2: hits[0].memory.text}).lacking is None
    # The speaker before the reply begins its line: "Sam" after the turn Sam replies to is no name it states.
    question = "What's the name of Maisie's school?"
    hits = (turn(3, "Nina: how old are they now? Maisie must be at school"),
            turn(4, "Sam: Maisie is 6, in year 1. Alfie is three and a half and thinks he's a tiger"))
    result = SearchResult(hits, 0.6, parsed=parse_query(question, datetime(2024, 8, 16, tzinfo=timezone.utc)))
    assert signals(result, question, {4: hits[0].memory.text}).lacking == NAME


def test_a_request_close_to_no_memory_works_from_all_that_search_found():
    """"Summarize my chats with Tom" is close to no turn of them: not one quote, but what search found."""
    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import relevant_hits
    from second_me.retrieval.hybrid import SearchResult

    turns = [Memory(i, "message", f"Tom Reed: turn {i}", 0.0, None, 7.0, 0, False, "active", speaker="Tom Reed")
             for i in range(1, 5)]
    hits = tuple(Hit(turn, 1.0 - turn.id / 10, 1.0, similarity=0.1) for turn in turns)
    result = SearchResult(hits, best_similarity=0.3)
    assert [h.memory.id for h in relevant_hits(result, 0.25)] == [1]
    assert [h.memory.id for h in relevant_hits(result, 0.25, request=True)] == [1, 2, 3, 4]


def test_a_memory_naming_them_as_close_as_a_paraphrase_is_not_detached_from_the_question():
    """"When does Little Fires start at Kirkgate Market?" shares no word but the names with "from next
    month Little Fires has a permanent pitch at Kirkgate Market": close in meaning, it says what is
    asked; far, it does not."""
    from datetime import datetime, timezone

    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import NAMED_CLOSE, signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    question = "When does Little Fires start at Kirkgate Market?"
    told = Memory(1, "message", "Sam: from next month Little Fires has a permanent pitch at Kirkgate Market!!", 0.0,
                  None, 7.0, 0, False, "active", speaker="Sam")

    def detached(similarity):
        result = SearchResult((Hit(told, 1.0, 1.0, None, similarity=similarity),), similarity,
                              parsed=parse_query(question, datetime(2023, 8, 1, tzinfo=timezone.utc)),
                              detached_names=("Little Fires", "Kirkgate Market"))
        return signals(result, question).detached

    assert detached(NAMED_CLOSE + 0.05) == ()
    assert detached(NAMED_CLOSE - 0.15) == ("Little Fires", "Kirkgate Market")


def test_whoever_states_it_the_people_asked_about_set_aside():
    texts = ["Marta: Ugh, my car failed its inspection. Brakes again. 480 euros", "Lea: new job at the pharmacy"]
    assert lacks_answer("What did Lea's car inspection cost?", texts, ()) == "money"
    assert lacks_answer("What did Lea's car inspection cost?", texts, (), whoever=True) is None
    assert lacks_answer("What did Lea's bike repair cost?", texts, (), whoever=True) == "money"


def test_what_is_the_deposit_wants_an_amount_of_money():
    """"What's the deposit on the new flat?" quoted "Viewing at the new flat…" over "Rent £1,050 a month,
    deposit £1,211.": it asks an amount as "how much is the deposit" does (for ranking, never refusing)."""
    for question in ("What's the deposit on the new flat?", "What was the rent in Lisbon?", "What was the fee?"):
        assert wanted_kind(question) == MONEY and expected_answer(question) is None
    assert wanted_kind("What's the name of the bar?") == NAME


def test_a_speaker_saying_we_or_our_speaks_for_the_others_asked_of_with_them():
    rent = ["Bea: our landlord put the rent up by the way. 92,000 yen a month now", "Bea: Kenji's got a cold"]
    assert lacks_answer("How much rent do Bea and Kenji pay?", rent, ()) is None
    # Her own amount, said without "we" or "our", is hers alone; and another's "our" does not speak for Bea.
    assert lacks_answer("How much rent do Bea and Kenji pay?", ["Bea: my rent went up to 92,000 yen"], ()) == MONEY
    assert lacks_answer("How much rent do Bea and Kenji pay?", ["Dom: our rent is $1,900 a month"], ()) == MONEY
