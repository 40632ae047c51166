"""Quote-first answers: the quotes, and what may be written under them."""

import re
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from second_me.domain import Evidence, Turn
from second_me.models.fake import FakeChatModel
from second_me.retrieval.hybrid import SearchOptions
from second_me.retrieval.intent import intent_of
from second_me.retrieval.dated_answer import carried_out, when_line
from second_me.retrieval.reader_checks import (KeptToQuotes, adds_nothing_asked, names_an_assistant, names_the_asker,
                                               names_only_whom_asked, only_copies, rests_on)
from second_me.retrieval.writing import quote_first, short_line
from second_me.services.request_reading import read_for_request, whole_document

SAID = 1_688_601_600.0  # 2023-07-06
YESTERDAY = Evidence("we took the kids to the aquarium yesterday", 7, "chat · Sam · 2023-07-06", "message", "Sam",
                     score=0.9, created_at=SAID, about="2023-07-05")


def test_a_when_question_over_a_message_gets_the_date_it_tells_of_written_by_rule():
    assert when_line("When did Sam go to the aquarium?", [YESTERDAY]) == "2023-07-05 (Sam said it on 2023-07-06)."
    plain = Evidence("we went to the aquarium!", 7, "chat", "message", "Sam", created_at=SAID)
    assert when_line("when did Sam go to the aquarium", [plain]) == "Sam said it on 2023-07-06."
    # A quote saying only that it happened gives way to one telling the day it did.
    assert when_line("when did Sam go to the aquarium", [plain, YESTERDAY]) == "2023-07-05 (Sam said it on 2023-07-06)."
    # The message's one day told is of something else: no line ("2026 (Tiago said it…)." read as the answer).
    coming = Evidence("Christmas: I can come from the 23rd to the 27th. Who's hosting this year?", 8, "chat", "message",
                      "Tiago", created_at=SAID, about="2023")
    assert when_line("When is Tiago coming for Christmas?", [coming]) == ""


def test_a_quote_sharing_only_when_in_its_course_with_the_event_gives_no_day_of_it():
    """"When did Zara first smile?" was "2026-03-24 (Ife Cole said it on 2026-03-20)." over the midwife's visit."""
    weighed = Evidence("midwife came. Zara's down to 6lb 13oz, she says that's normal in the first week but wants "
                       "to weigh her again Tuesday", 9, "chat", "message", "Ife Cole", created_at=SAID, about="2023-07-11")
    assert when_line("When did Zara first smile?", [weighed]) == ""
    assert when_line("When did Zara get her first tooth?", [weighed]) == ""
    smiled = Evidence("SHE SMILED. a proper smile, at me, not wind", 10, "chat", "message", "Ife Cole", created_at=SAID)
    assert when_line("When did Zara first smile?", [smiled]) == "Ife Cole said it on 2023-07-06."
    # Saying none of the event's words, a quote may tell it in others: "had a boy on Monday. Arlo".
    born = Evidence("I'm an uncle!!! Ellie had a boy on Monday. Arlo. 3.4 kg", 11, "chat", "message", "Ruben",
                    created_at=SAID, about="2023-07-03")
    assert when_line("When was Arlo born?", [born]).startswith("2023-07-03 (")
    starts = Evidence("put our names down at Little Acorns. she starts on 5 January, three days a week", 12, "chat",
                      "message", "Ife Cole", created_at=SAID, about="2024-01-05")
    assert when_line("When does Zara start nursery?", [starts]).startswith("2024-01-05 (")  # the event's own verb


def test_asked_what_day_something_was_is_a_when_question_too():
    first_day = Evidence("first day on days was yesterday!!! I saw the sun", 8, "chat · Josie · 2023-07-06", "message",
                         "Josie", created_at=SAID, about="2023-07-05")
    assert when_line("What was my first day on day shifts?", [first_day]).startswith("2023-07-05 (")
    assert when_line("What was the date of Sam's trip to the aquarium?", [YESTERDAY]).startswith("2023-07-05 (")
    assert when_line("What was the day like?", [YESTERDAY]) == ""


def test_a_when_line_leaves_out_the_day_it_was_said_among_the_days_told_and_reads_me_as_you():
    notice = Evidence("I handed in my notice today. I start at Fernhill on 1 September.", 9, "chat", "message", "me",
                      created_at=SAID, about="2023-07-06, 2023-09-01")
    assert when_line("When do I start at Fernhill?", [notice]) == "2023-09-01 (you said it on 2023-07-06)."
    plain = Evidence("I start at Fernhill soon.", 9, "chat", "message", "me", created_at=SAID)
    assert when_line("When did I say I start at Fernhill?", [plain]) == "You said it on 2023-07-06."
    # Told no day, what is still to come is not on the day it was said: no line.
    assert when_line("When do I start at Fernhill?", [plain]) == ""


def test_asked_when_something_was_booked_the_when_line_says_the_day_it_was_said_and_what_for():
    booked = Evidence("Booked a dentist cleaning for 20 July at 10am.", 9, "chat", "message", "me",
                      created_at=SAID, about="2023-07-20")
    assert when_line("When did I book the dentist?", [booked]) == "You said it on 2023-07-06, for 2023-07-20."
    assert when_line("When is my dentist cleaning?", [booked]) == "2023-07-20 (you said it on 2023-07-06)."
    signed = Evidence("I signed up for the Tokyo marathon on 2 March", 9, "chat", "message", "Sam", created_at=SAID,
                      about="2024-03-02")
    assert when_line("When did Sam sign up for the Tokyo marathon?", [signed]) == \
        "Sam said it on 2023-07-06, for 2024-03-02."
    assert when_line("When is the Tokyo marathon?", [signed]) == "2024-03-02 (Sam said it on 2023-07-06)."


def test_asked_which_month_or_year_the_when_line_says_the_month_or_the_year():
    roof = Evidence("The roof went on over the weekend!!", 9, "chat", "message", "me", created_at=SAID + 10 * 86400,
                    about="2023-07-15 to 2023-07-16")
    assert when_line("In which month did the roof go on the house?", [roof]) == "July 2023 (you said it on 2023-07-16)."
    assert when_line("what year did the roof go on", [roof]) == "2023 (you said it on 2023-07-16)."
    june = Evidence("Roof's on!", 9, "chat", "message", "me", created_at=SAID - 10 * 86400)
    assert when_line("Which month did the roof go on?", [june]) == "June 2023 (you said it on 2023-06-26)."
    assert when_line("Which roofer did I use?", [roof]) == ""


def test_asked_when_something_was_a_later_message_on_a_day_within_its_plan_tells_the_day():
    plan = Evidence("Miriam's entered me for my Grade 1 exam in July", 3, "chat", "message", "Nina",
                    created_at=_said("2023-05-28"), about="2023-07")
    exam = Evidence("cello exam was this morning!! my bow hand shook", 4, "chat", "message", "Nina",
                    created_at=_said("2023-07-13"))
    certificate = Evidence("[photo: a certificate reading 'Grade 1 Cello - Merit']", 5, "chat", "message", "Nina",
                           created_at=_said("2023-07-24"))
    assert carried_out("When was my Grade 1 cello exam?", [plan, certificate, exam]) is exam  # the first day
    assert when_line("When was my Grade 1 cello exam?", [plan, exam]) == "Nina said it on 2023-07-13."
    assert when_line("When was my Grade 1 cello exam?", [plan]) == "2023-07 (Nina said it on 2023-05-28)."
    start = Evidence("I start in September at Cotham Park", 6, "chat", "message", "Nina",
                     created_at=_said("2023-06-20"), about="2023-09")
    first_day = Evidence("first day at Cotham Park yesterday!!", 7, "chat", "message", "Nina",
                         created_at=_said("2023-09-06"), about="2023-09-05")
    assert when_line("When did Nina start at Cotham Park?", [start, first_day]) == \
        "2023-09-05 (Nina said it on 2023-09-06)."
    # Asked "what day did…" as much as "when did…": the half run, not the month it was planned for.
    half = Evidence("Yeah, the Hackney Half is in May. Aiming for under two hours", 8, "chat", "message", "Kwame",
                    created_at=_said("2023-03-28"), about="2023-05")
    ran = Evidence("Ran the half yesterday!!", 9, "chat", "message", "Kwame", created_at=_said("2023-05-04"),
                   about="2023-05-03")
    assert when_line("what day did kwame run his half?", [half, ran]) == "2023-05-03 (Kwame said it on 2023-05-04)."
    # "Kwame!!" and "went" are no words of going to Porto, typed in lower case: the day is Porto's, not bouldering's.
    porto = Evidence("Perfect. I'll move the flights. Porto in February it is", 10, "chat", "message", "me",
                     created_at=_said("2023-11-01"), about="2024-02")
    climbed = Evidence("Kwame!! Guess what I did yesterday: I went bouldering for the first time!", 11, "chat",
                       "message", "me", created_at=_said("2023-02-07"), about="2023-02-06")
    assert when_line("when are kwame and I going to porto?", [porto, climbed]) == "2024-02 (you said it on 2023-11-01)."
    # Not asked what happened, nor a day already gone by when it was said, nor a message of something else.
    assert carried_out("When is Nina's Grade 1 cello exam?", [plan, exam]) is None
    assert carried_out("When was my Grade 1 cello exam?", [replace(plan, about="2023-05"), exam]) is None
    assert carried_out("When did Nina start at Cotham Park?", [start, replace(first_day, text="first day of term")]) \
        is None


def test_asked_the_day_of_the_week_the_when_line_names_the_weekday_of_each_day():
    assert when_line("What day of the week did Sam go to the aquarium?", [YESTERDAY]) == \
        "Wednesday 2023-07-05 (Sam said it on Thursday 2023-07-06)."
    plain = replace(YESTERDAY, text="we took the kids to the aquarium", about="")
    assert when_line("Which weekday did Sam go to the aquarium?", [plain]) == "Sam said it on Thursday 2023-07-06."
    month = replace(YESTERDAY, text="the aquarium trip is in August", about="2023-08")
    assert when_line("What day of the week is the aquarium trip?", [month]) == \
        "2023-08 (Sam said it on Thursday 2023-07-06)."  # a month has no weekday
    assert when_line("What day did Sam go to the aquarium?", [YESTERDAY]) == "2023-07-05 (Sam said it on 2023-07-06)."


def test_a_when_line_of_a_message_telling_of_two_days_gives_the_asked_events():
    stent = Evidence("Dad had chest pains on Saturday night. they put a stent in two days ago", 9, "chat", "message",
                     "me", created_at=SAID, about="2023-07-01, 2023-07-04")
    assert when_line("When did my dad get his stent?", [stent]) == "2023-07-04 (you said it on 2023-07-06)."
    assert when_line("When did Dad have chest pains?", [stent]) == "2023-07-01 (you said it on 2023-07-06)."


def test_a_when_line_reads_the_quote_telling_of_a_day_that_says_more_of_the_asked_event():
    later = Evidence("also I ran 31:02 at parkrun yesterday!", 7, "chat", "message", "Nina", created_at=SAID,
                     about="2023-07-05")
    first = Evidence("I did my first parkrun on Saturday!! Ashton Court", 8, "chat", "message", "Nina",
                     created_at=SAID - 5 * 86400, about="2023-06-24")
    undated = Evidence("my first parkrun was a shock", 9, "chat", "message", "Nina", created_at=SAID)
    assert when_line("When did Nina run her first parkrun?", [later, first]) \
        == "2023-06-24 (Nina said it on 2023-07-01)."
    assert when_line("When did Nina run her first parkrun?", [later, undated]) \
        == "2023-07-05 (Nina said it on 2023-07-06)."  # a quote telling of no day dates nothing
    assert when_line("When did Nina run at parkrun?", [later, first]).startswith("2023-07-05")  # as many: the first
    # Asked the newest time, the quotes are newest first: the first is the one asked about.
    newest = Evidence("back home, legs gone, never again", 6, "chat", "message", "Nina", created_at=SAID + 86400)
    assert when_line("When did Nina last run parkrun?", [newest, first]).startswith("2023-06-24")
    assert when_line("When did Nina last run parkrun?", [newest, first], newest_first=True) \
        == "Nina said it on 2023-07-07."


def test_asked_when_something_happened_a_quote_saying_only_that_it_did_gives_way_to_one_telling_the_day():
    moved = Evidence("we HAVE moved. technically I kept my word", 8, "chat", "message", "Tariq", created_at=SAID)
    on_saturday = Evidence("WE'RE IN. moved into Bramley on Saturday", 7, "chat", "message", "Tariq",
                           created_at=SAID - 86400, about="2023-07-01")
    planned = Evidence("we're moving next month!", 6, "chat", "message", "Tariq", created_at=SAID - 40 * 86400,
                       about="2023-06")
    assert when_line("When did Tariq move house?", [moved, on_saturday]) == "2023-07-01 (Tariq said it on 2023-07-05)."
    # A plan tells of a day ahead of when it was said: not when it happened.
    assert when_line("When did Tariq move house?", [moved, planned]) == "Tariq said it on 2023-07-06."
    assert when_line("When is Tariq moving house?", [moved, on_saturday]) == ""  # what is to come: not said when


def test_a_when_question_whose_first_quote_asks_gets_the_date_its_reply_tells_of():
    asked = Evidence("dinner at yours to christen the kitchen? I'll bring wine", 8, "chat", "message", "Jonas",
                     created_at=SAID)
    reply = Evidence("yes! Saturday the 28th, I'm making arroz de pato", 9, "chat", "message", "Marta",
                     created_at=SAID + 180, about="2023-07-08")
    assert when_line("When is the dinner to christen the kitchen?", [asked, reply]) \
        == "2023-07-08 (Marta said it on 2023-07-06)."
    assert when_line("When is the dinner to christen the kitchen?", [asked]) == ""  # not the day it was asked


def test_no_date_line_for_other_questions_or_for_notes():
    assert when_line("Where did Sam take the kids?", [YESTERDAY]) == ""
    note = Evidence("Aquarium trip: 5 July.", 3, "notes/trips.md:4", "chunk", created_at=SAID)
    assert when_line("When was the aquarium trip?", [note]) == ""


def test_a_notes_saved_date_supports_no_answer_unless_the_question_asks_when_it_was_written():
    chain = Evidence("Replace it when the chain checker shows 0.5 % wear.", 3, "notes/bicycle.md:5", "chunk",
                     created_at=SAID)
    assert not rests_on("On July 6, 2023, you should replace the chain [1].", [chain],
                        "When should I replace the chain?")
    assert rests_on("When the chain checker shows 0.5 % wear [1].", [chain], "When should I replace the chain?")
    assert rests_on("On July 6, 2023 [1].", [chain], "When did I write the chain note?")
    assert rests_on("On July 6, 2023 [1].", [replace(YESTERDAY, about="")],
                    "When did Sam mention the aquarium?")  # a message's date is when it was said


def test_the_date_line_follows_the_quote_and_no_model_line_is_asked_for():
    shown = []
    question = "When did Sam go to the aquarium?"
    text = quote_first(question, intent_of(question), [YESTERDAY], {7: 1}, FakeChatModel(), shown.append)
    assert text == "Sam: “we took the kids to the aquarium yesterday” [1]\n\n2023-07-05 (Sam said it on 2023-07-06)."
    assert "".join(shown) == text


def test_a_capable_reader_answers_only_above_the_fitted_bar(services, notes):
    services.indexing.add([notes])
    bar = services.settings.reader_check
    services._chat = FakeChatModel(reply="12 to 14 hours in the fridge [1].", parameters=1_500_000_000,
                                   judge=bar + 0.05)
    answered = services.answering.ask("how long do I proof the dough?", remember=False)
    assert not answered.abstained and "12 to 14 hours" in answered.text
    services._chat = FakeChatModel(reply="12 to 14 hours in the fridge [1].", parameters=1_500_000_000,
                                   judge=bar - 0.05)
    refused = services.answering.ask("how long do I proof the dough?", remember=False)
    assert refused.abstained and refused.text.startswith("I don't know")


def test_a_capable_reader_is_given_the_quotes_to_show_before_it_reads_them(services, notes):
    # A 1.5B reader takes seconds on a CPU: the quotes it reads are handed over first, for the user to read
    # meanwhile. The small model's answer is the quotes themselves, at once: nothing is handed over before it.
    services.indexing.add([notes])
    events: list[str] = []
    services._chat = FakeChatModel(reply="12 to 14 hours in the fridge [1].", parameters=1_500_000_000,
                                   judge=lambda messages: events.append("judged") or 0.9)
    answer = services.answering.ask("how long do I proof the dough?", remember=False,
                                    on_token=lambda piece: piece and events.append("answer"),
                                    on_reading=events.append)
    assert answer.text.startswith("12 to 14 hours")
    assert events[0].startswith("“") and "12 to 14 hours" in events[0] and "[1]" in events[0]
    assert events[1:3] == ["judged", "answer"]
    services._chat = FakeChatModel()
    read: list[str] = []
    answer = services.answering.ask("how long do I proof the dough?", remember=False, on_reading=read.append)
    assert "12 to 14 hours" in answer.text and read == []


def test_a_readers_number_from_the_wrong_sentence_of_the_right_note_is_dropped(services, notes):
    # The proofing note also says "4 to 5 hours" (bulk fermentation): not what was asked, not quoted.
    services.indexing.add([notes])
    answer = _reader_answer(services, "4 to 5 hours [1].", "how long do I proof the dough?", remember=False)
    assert "4 to 5 hours" not in answer.text and "12 to 14 hours" in answer.text  # the quote stands alone


def test_a_reader_that_only_copies_a_quote_shows_the_quotes_alone_as_it_streams(services, notes):
    # "The hostel in Alfama was quiet and cheap." written out uncited is no answer of its own: the quotes
    # stand instead, and what was streamed to the terminal is that answer, not the copy followed by it.
    services.indexing.add([notes])
    services._chat = FakeChatModel(reply="The hostel in Alfama was quiet and cheap.", parameters=1_500_000_000,
                                   judge=0.9)
    shown: list[str] = []
    answer = services.answering.ask("Where did I stay in Lisbon?", on_token=shown.append, remember=False)
    assert answer.text.startswith("“") and "Alfama" in answer.text
    assert "".join(shown) == answer.text
    services._chat = FakeChatModel(reply="The hostel in Alfama was quiet and cheap. It was in Alfama [1].",
                                   parameters=1_500_000_000, judge=0.9)
    shown.clear()
    answer = services.answering.ask("Where did I stay in Lisbon?", on_token=shown.append, remember=False)
    assert answer.text.startswith("The hostel in Alfama") and "".join(shown) == answer.text  # said more: it stands


def test_a_reader_answering_in_the_questions_own_words_is_no_answer(services, notes):
    # "A car [1]." for "What car do I drive?" over the road-tyre pressures, "In Lisbon [1]." here, say
    # nothing the question did not: the quotes stand, for the user to judge. An answer adding a word stands.
    services.indexing.add([notes])
    answer = _reader_answer(services, "In Lisbon [1].", "Where did I stay in Lisbon?", remember=False)
    assert answer.text.startswith("“") and "Alfama" in answer.text and "In Lisbon" not in answer.text
    answer = _reader_answer(services, "At the hostel in Alfama [1].", "Where did I stay in Lisbon?", remember=False)
    assert answer.text.startswith("At the hostel in Alfama")


def test_a_readers_where_answer_that_only_says_when_is_no_answer(services):
    # "Where did Sam and Jo get married?" was answered "In October 22, 2023 [4].": the quotes stand instead.
    services.conversations.log.add_turns([
        Turn("chat", "Sam", "Jo and I got married on the 22nd of October!! best day of our lives", _said("2023-10-23"),
             "other", "s1")], services.clock.timestamp())
    for reply, stands in [("In October 22, 2023 [1].", False), ("On October 22, 2023 [1].", False),
                          ("They married on October 22, 2023 [1].", True)]:
        answer = _reader_answer(services, reply, "Where did Sam and Jo get married?", remember=False)
        assert answer.text.startswith(reply[:-5]) if stands else answer.text.startswith("Sam: “Jo and I got married")


def test_what_adds_only_a_time_to_a_question_not_asking_one():
    from second_me.retrieval.reader_checks import adds_only_a_time

    assert adds_only_a_time("Nina runs at parkrun on June 11, 2023.", "Which parkrun does Nina run?")
    assert adds_only_a_time("Tomorrow [1].", "What's Nina doing about the car?")
    assert not adds_only_a_time("At Ashton Court [1].", "Which parkrun does Nina run?")
    assert not adds_only_a_time("Jo came on Saturday [1].", "Who came to the party?")
    assert not adds_only_a_time("+351 912 000 111 [1].", "What's the electrician's phone number?")  # digits alone
    # The surname of the one asked of adds nothing either: what Tom is cooking is not when he cooks.
    assert adds_only_a_time("Tom Hughes is cooking the first night. [1]", "What is Tom cooking?")
    assert not adds_only_a_time("Tom Hughes is cooking his famous chilli [1].", "What is Tom cooking?")
    assert adds_only_a_time("On June 11, 2023 [1].", "How many times did I go?")  # a count, not a day
    for asks_a_time in ("When did Nina run parkrun?", "How long do I proof the dough?", "How old is Freya?",
                        "Which year did we move?", "What time is the party?",
                        "Which night does Sam play five-a-side now?"):
        assert not adds_only_a_time("On June 11, 2023 [1].", asks_a_time), asks_a_time


def test_what_adds_nothing_to_the_question():
    assert adds_nothing_asked("At work [1].", "Where does Tomás work?")
    assert adds_nothing_asked('Kate called her baby "baby" [2].', "What did Kate call her baby?")
    assert not adds_nothing_asked("$610 [1].", "How much are the monthly condo fees?")
    assert not adds_nothing_asked("Nine [1].", "How many kids come to my Saturday tutoring?")
    assert not adds_nothing_asked("Engaged [1].", "Is Nina single, dating or engaged?")  # a choice offered


def test_asked_a_name_a_sentence_naming_no_one_new_is_no_answer():
    from second_me.retrieval.reader_checks import names_no_one

    assert names_no_one("Nina's dog is a greyhound [4].", "What's Nina's dog called?")  # a 1.5B reader's
    assert not names_no_one("Gus [1].", "What's the name of the axolotl in Nina's class?")
    assert not names_no_one("The canoe is called the Prospector [1].", "What is the canoe called?")
    assert not names_no_one("It is a greyhound [1].", "What breed is Pepper?")  # no name asked
    assert not names_no_one("[2]", "What's Nina's dog called?")  # the citation of the sentence before


def test_a_line_saying_no_place_for_where_or_only_a_day_for_what_is_not_shown():
    """The 135M model's lines over texts between a couple: "The old pot cracked." for where the key is, "Ella's
    birthday is on the 21st." for what she is getting."""
    key = Evidence("spare key is under the blue pot by the back door now, the old pot cracked", 7, "SMS", "message",
                   speaker="Sam", score=0.9)
    assert short_line("The old pot cracked.", key, "Where is the spare key?") == ""
    assert short_line("Under the blue pot by the back door.", key, "Where is the spare key?") \
        == "Under the blue pot by the back door."
    kumasi = Evidence("and my grandma's 80th is next April in Kumasi, the whole family's going", 9, "chat", "message",
                      speaker="Kofi", score=0.9)
    assert short_line("Kumasi, the whole family's going.", kumasi, "Where is Kofi's grandma's 80th birthday?") \
        == "Kumasi, the whole family's going."  # the place the quote names
    booked = Evidence("and I'll book the Three Chimneys for the last night. my treat for Tom's job", 10, "WhatsApp",
                      "message", speaker="Priya Shah", score=0.9)
    assert short_line("Tom's job.", booked, "Where did I book for the last night?") == ""  # his job is no place
    row = Evidence("date: 2026-03-01; item: Allotment rent; amount: 62.00; category: garden", 11, "expenses.csv:5",
                   score=0.9)
    assert short_line("The item: Allotment rent; amount: 62.00; category: garden.", row,
                      "How much is the allotment rent?") == ""  # the row again, in pieces
    assert short_line("The Three Chimneys.", booked, "Where did I book for the last night?") == "The Three Chimneys."
    card = Evidence("Ella's birthday is on the 21st isn't it? I've put £20 in a card for her", 8, "SMS", "message",
                    speaker="Mum", score=0.9)
    assert short_line("Ella's birthday is on the 21st.", card, "What are we getting Ella for her birthday?") == ""
    assert short_line("Ella's birthday is on the 21st.", card, "How much did Mum give Ella for her birthday?") == ""


def test_asked_who_a_line_naming_no_one_the_quote_names_is_not_shown():
    # The 135M model's line for "Who am I mentoring?" left out the one name that answers.
    best = Evidence("- Karl wants me to mentor Aisha, the new backend hire who starts on 10 November.", 4,
                    "notes/work/1on1.md:5", "chunk", score=0.9)
    assert short_line("The new backend hire who starts on 10 November.", best, "Who am I mentoring?") == ""
    assert short_line("Aisha, the new backend hire.", best, "Who am I mentoring?") == "Aisha, the new backend hire."
    assert short_line("Aisha.", best, "Who do I mentor?") == "Aisha."
    # Nor one naming only whom the question asks of: the quote's "my sister Lena" is the sister.
    lena = Evidence("my sister Lena is getting married in Freiburg to Mathis, a chef", 5, "chat", "message", score=0.9)
    assert short_line("Lena.", lena, "Who is my sister marrying?") == ""
    assert short_line("Mathis.", lena, "Who is my sister marrying?") == "Mathis."
    assert short_line("Lena.", lena, "Who is my sister?") == "Lena."
    # With the reader: "Lena [1]." for whom the sister marries (the quotes stand); her name for who the sister is.
    assert names_only_whom_asked("Lena [1].", [lena.text], "Who is my sister marrying?")
    # "Who is Mum's new neighbour?" asks who the neighbour is: her name answers it.
    brenda = "I can see the telly properly for the first time in two years! The new neighbour Brenda brought scones"
    assert not names_only_whom_asked("Brenda [1].", [brenda], "Who is Mum's new neighbour?")
    assert not names_only_whom_asked("Mathis [1].", [lena.text], "Who is my sister marrying?")
    assert not names_only_whom_asked("Lena [1].", [lena.text], "Who is my sister?")
    partner = Evidence("My partner Tiago got a job at the hospital.", 4, "notes/us.md:1", "chunk", score=0.9)
    assert short_line("My partner.", partner, "Who is Tiago?") == "My partner."  # who someone is: not a name


def test_a_line_that_hands_the_question_back_is_not_shown():
    best = Evidence("About 15 to 20 minutes at a time, with a cloth between the ice pack and your skin.", 4,
                    "chat", "message", "assistant", score=0.9)
    question = "How long did you tell me to keep ice on my knee?"
    assert short_line("How long did you tell me to keep ice on my knee?", best, question) == ""
    assert short_line("You told me to keep ice on my knee.", best, question) == ""
    assert short_line("About 15 to 20 minutes at a time.", best, question) == "About 15 to 20 minutes at a time."


def test_a_line_that_is_one_item_of_a_list_the_quote_gives_is_not_shown():
    best = Evidence("Passport, charger, adapter plug, headphones, and the reusable water bottle.", 4,
                    "notes/travel.md:1", "chunk", score=0.9)
    assert short_line("The reusable water bottle.", best, "What do I need to pack?") == ""
    assert short_line("Adapter plug.", best, "What do I need to pack?") == ""
    tyres = Evidence("Road tyres: 6.5 bar front, 7 bar rear.", 5, "notes/bicycle.md:8", "chunk", score=0.9)
    assert short_line("7 bar rear.", tyres, "What pressure for the rear tyre?") == "7 bar rear."  # one of two
    # The measure asked is no item of a list, however many commas the sentence has.
    proof = Evidence("After shaping, proof the dough in the fridge overnight, 12 to 14 hours.", 4,
                     "notes/sourdough.md:11", "chunk", score=0.9)
    assert short_line("12 to 14 hours.", proof, "how long do I proof the dough?") == "12 to 14 hours."


def test_a_lines_number_from_the_part_of_the_quote_not_asked_about_is_not_shown():
    # "25 minutes." for "How long do I bake with the lid on?": the 135M model took the other part's number.
    best = Evidence("Bake in a preheated Dutch oven at 250 °C: 20 minutes with the lid on, then 25 minutes without.", 4,
                    "notes/sourdough.md:15", "chunk", score=0.9)
    assert short_line("25 minutes.", best, "How long do I bake with the lid on?") == ""
    assert short_line("20 minutes.", best, "How long do I bake with the lid on?") == "20 minutes."
    assert short_line("25 minutes.", best, "How long do I bake without the lid?") == "25 minutes."
    tyres = Evidence("Road tyres: 6.5 bar front, 7 bar rear.", 5, "notes/bicycle.md:8", "chunk", score=0.9)
    assert short_line("6.5 bar.", tyres, "What tyre pressure do I run?") == "6.5 bar."  # no part tells of the asked


def test_a_lines_name_or_day_from_the_part_of_the_quote_not_asked_about_is_not_shown():
    # The 135M model's "Lorna Price." for "Who recommended the electrician?" and "August." for "What day does
    # Stefan come?": a name or a time from the other part of the quote reads like the answer.
    contact = Evidence("Electrician: Lorna Price. Recommended by our neighbour Graham at number 14.", 4,
                       "notes/contacts.md:3", "chunk", score=0.9)
    assert short_line("Lorna Price.", contact, "Who recommended the electrician?") == ""
    assert short_line("Our neighbour Graham.", contact, "Who recommended the electrician?") == "Our neighbour Graham."
    assert short_line("Lorna Price.", contact, "Who is Graham?") == ""  # someone else's name is not who he is
    assert short_line("Lorna Price.", contact, "Who is my electrician?") == "Lorna Price."
    plumber = Evidence("Plumber: Stefan. Comes on Tuesdays only. Fixed the boiler pressure in August.", 5,
                       "notes/contacts.md:4", "chunk", score=0.9)
    assert short_line("August.", plumber, "What day does Stefan come?") == ""
    assert short_line("Tuesdays.", plumber, "What day does Stefan come?") == "Tuesdays."
    museum = Evidence("I got the job at the museum!! no, the Museo del Traje", 6, "chat · Ines", "message", score=0.9)
    assert short_line("The Museo del Traje.", museum, "Which museum does Ines work at?") == "The Museo del Traje."


def test_a_line_that_is_the_quote_again_or_a_word_it_exclaims_is_not_shown():
    best = Evidence("Amazing. We ate way too many pastéis de nata. Ines loved the tram 28", 4,
                    "chat", "message", "Jon", score=0.9)
    assert short_line("Amazing.", best, "Who is Ines?") == ""
    assert short_line("Amazing!", best, "Who is Ines?") == ""
    # A sentence of the quote that answers is kept: it points at the answer within the quote.
    pointed = "We ate way too many pastéis de nata"
    assert short_line(pointed, best, "What did we eat?") == pointed
    whole = Evidence("Bake 45 minutes at 180 °C, until the top is golden.", 5, "notes", "chunk", None, score=0.9)
    assert short_line("Bake 45 minutes at 180 °C until the top is golden.", whole, "How long do I bake it?") == ""
    assert short_line("Tram 28.", best, "Which tram did Ines love?") == "Tram 28."
    typed = Evidence("good! busy. I finally started bouldering, went to the climbing wall yesterday", 6, "chat",
                     "message", "Ana", score=0.9)  # chat typed in lower case: "good!" is a sentence of its own
    assert short_line("Good!", typed, "What grade did I climb?") == ""
    team = Evidence("I've joined an ultimate frisbee team. the Hucking Cows. we're terrible", 7, "chat", "message",
                    "Ruben", score=0.9)
    assert short_line("The Hucking Cows.", team, "What's Ruben's frisbee team called?") == "The Hucking Cows."


FELIX = "amazing. my brother Felix says Leith has the best coffee in Edinburgh"
LISBON = "Flew to Lisbon for a long weekend, ate pastéis de nata every morning."
MORAG = "first week at Shelter done. my manager Morag is lovely"
PICKLE = "adopted a dog yesterday. a greyhound called Pickle"
PENSION = "Sorted out the pension paperwork finally. It comes to $4,150 a month before tax."
ALFRED = "Started at the Alfred on Monday. No more night shifts ever."
TIAGO = "My partner Tiago got a job at a hospital there, Santa Maria."
CLARA = "my sister Clara is getting married in September! in Porto"


@pytest.mark.parametrize("quote, question, line, shown", [
    # A run of the quote's own words, or nothing: a 135M model rewriting a quote garbles it.
    (FELIX, "Who is Felix?", "Leith is Felix.", False),
    (FELIX, "What does Felix say about Leith?", "The best coffee in Edinburgh.", True),
    (LISBON, "What did I eat every morning in Lisbon?",
     "Flew to Lisbon for a long weekend, ate pastebin every morning.", False),
    (MORAG, "What's my manager's name?", "Morag is my manager.", False),  # the user's "my" as its own
    (MORAG, "What's my manager's name?", "Morag.", True),
    # A name question's line states a name the quote gives.
    (PICKLE, "What's my dog called?", "A greyhound.", False),
    (PICKLE, "What's my dog called?", "A greyhound called Pickle.", True),
    (PICKLE, "What's my dog called?", "Pickle.", True),
    # The kind of answer asked for; a whole sentence of the quote only when it is about the question.
    (PENSION, "How much is my pension per month before tax?", "Sorted out the pension paperwork finally.", False),
    (PENSION, "How much is my pension per month before tax?", "$4,150 a month before tax.", True),
    (ALFRED, "Where do I work these days?", "No more night shifts ever.", False),
    (ALFRED, "Where do I work these days?", "At the Alfred.", True),
    # Asked who someone is, another name is no answer; how the quote relates them is.
    (TIAGO, "Who is Tiago?", "Santa Maria.", False),
    (TIAGO, "Who is Tiago?", "My partner Tiago.", True),
    (TIAGO, "Where does Tiago work?", "Santa Maria.", True),
    # Asked who someone is, a line that says only when says nothing of who.
    (CLARA, "Who is Clara?", "In September.", False),
    (CLARA, "When is Clara getting married?", "In September.", True),
    (CLARA, "Who is Clara?", "My sister Clara.", True),
    ("Christmas: I can come from the 23rd to the 27th. Who's hosting this year?", "Who is hosting Christmas?",
     "The 23rd to the 27th.", False),  # a span of days is a time too
    # Nor asked where: "4 May, a Monday." of "4 May, a Monday, so party on Saturday 2 May" for "Where is Dad's party?".
    (CLARA, "Where is Clara getting married?", "In September.", False),
    (TIAGO, "Where does Tiago work?", "At a hospital there, Santa Maria.", True),
])
def test_the_built_in_models_line_is_the_quotes_own_words_and_says_what_was_asked(quote, question, line, shown):
    best = Evidence(quote, 1, "chat", "message", "Lena Hart", score=0.9)
    assert short_line(line, best, question) == (line if shown else "")


def test_a_request_whose_best_match_is_the_documents_summary_quotes_the_document(services, notes):
    """"Summarize my health notes" matches the summary of the note best ("Summary of…"); the answer
    still quotes the note itself, line by line, not the summary's run-on text."""
    services.indexing.add([notes])
    services.memory.refresh_summaries(budget_seconds=60)
    found = services.answering.search("sourdough", SearchOptions(k=20, kinds=("summary",))).hits
    summary = next(hit for hit in found if "sourdough" in hit.memory.text.lower())
    hits = whole_document(services, [summary])
    assert hits[0].memory.kind == "chunk" and "sourdough" in hits[0].origin.path
    assert hits[-1] is summary  # read after the document


def test_a_request_whose_best_match_is_a_conversations_summary_quotes_its_turns(services):
    """"Summarize my Lisbon trip" matches the summary of the chat best; quoted, its run-on text
    ("Summary of conversation …: me: …") tells less than the turns it was made from."""
    said = ["I'm going to Lisbon with my sister Clara in May.", "Walk Alfama and take tram 28 early in Lisbon.",
            "we booked a flat in Graça in Lisbon for 5 nights, 640 euros total", "Graça is a great base in Lisbon."]
    services.conversations.log.add_turns([Turn("Lisbon trip", "me" if n % 2 == 0 else "assistant", text,
                                               services.clock.timestamp() - 3600 + 60 * n,
                                               "user" if n % 2 == 0 else "assistant", str(n))
                                          for n, text in enumerate(said)], services.clock.timestamp())
    services.memory.refresh_summaries(budget_seconds=60)
    found = services.answering.search("Lisbon trip", SearchOptions(k=20, kinds=("summary",))).hits
    summary = next(hit for hit in found if "Lisbon trip" in hit.memory.text)
    hits = read_for_request(services, [summary])
    assert [hit.memory.text.split(": ", 1)[1] for hit in hits] == said  # the turns, in the order said
    answer = services.answering.ask("Summarize my Lisbon trip", remember=False)
    assert answer.evidence and all(item.kind == "message" for item in answer.evidence)
    assert "Summary of" not in answer.text


def test_a_summary_is_the_notes_own_words_with_either_reader_and_a_writing_request_is_the_readers(services, notes):
    """A reader retelling a note dropped its bake step and reworded the rest; a summary, outline or
    list quotes the note, every step with its line. "Write…" is still the reader's to answer."""
    services.indexing.add([notes])
    summary = _reader_answer(services, "Feed the starter and proof it [1].",
                             "Summarize my sourdough notes", remember=False)
    assert "“Bake in a preheated Dutch oven at 250 °C" in summary.text and "Feed the starter and proof" not in summary.text
    assert "“After shaping, proof the dough in the fridge overnight, 12 to 14 hours.”" in summary.text
    written = services.answering.ask("Write a short note about my sourdough bread", remember=False)
    assert "Feed the starter and proof it" in written.text


@pytest.mark.parametrize("sentence, question, dropped", [
    ("Maya [1].", "Who did I have dinner with yesterday?", True),
    ("Maya went hill-walking with Maya.", "Who do I go hill-walking with?", True),
    ("Maya had dinner with Priya [1].", "Who did I have dinner with yesterday?", False),
    ("Priya [1].", "Who did I have dinner with yesterday?", False),
    ("Maya [1].", "Who is Priya's sister?", False),  # the question asks of someone else
])
def test_asked_who_the_user_did_something_with_a_reader_naming_the_user_alone_is_not_shown(sentence, question, dropped):
    assert names_the_asker(sentence, question, ["Maya Schmidt"]) is dropped


def test_asked_the_difference_between_two_amounts_of_one_note_both_are_quoted(services, notes):
    services.indexing.add([notes])
    answer = services.answering.ask("What's the difference between the bulk fermentation time and the proofing time?",
                                    remember=False)
    assert "“Bulk fermentation takes about 4 to 5 hours" in answer.text
    assert "“After shaping, proof the dough in the fridge overnight, 12 to 14 hours.”" in answer.text


def test_a_summary_of_a_short_document_quotes_all_of_it(services, tmp_path):
    """Cut at eight quotes, a payslip's summary lost its last lines: the net pay."""
    folder = tmp_path / "pay"
    folder.mkdir()
    lines = ["Nant Software Ltd payslip", "Employee number: NS-0417", "Pay date: 31 October 2025",
             "Basic salary: 3,250.00", "Income tax: 437.20", "National Insurance: 167.48", "Pension: 162.50",
             "Total deductions: 767.18", "Net pay: 2,482.82", "Year to date gross: 22,750.00"]
    (folder / "payslip.txt").write_text("\n".join(lines) + "\n")
    services.indexing.add([folder])
    summary = services.answering.ask("Summarize my payslip", remember=False)
    assert all(f"“{line}”" in summary.text for line in lines), summary.text


def test_a_writing_request_is_not_refused_by_the_readers_yes_no_check(services, notes):
    """"Does this text answer the question?" is no for "Write a shopping list…": the note is what the
    list is made from. Requests are refused by the rules alone (nothing in memory about them)."""
    services.indexing.add([notes])
    services._chat = FakeChatModel(reply="50 g flour, 50 g water [1].", parameters=1_500_000_000, judge=0.01)
    written = services.answering.ask("Write a short shopping list for my sourdough", remember=False)
    assert not written.abstained and "50 g flour" in written.text
    asked = services.answering.ask("how long do I proof the dough?", remember=False)
    assert asked.abstained  # a question still goes through the check


def test_a_writing_request_the_reader_will_not_write_gets_the_notes_quoted(services, notes):
    services.indexing.add([notes])
    written = _reader_answer(services, "I don't know.", "Write a short shopping list for my sourdough", remember=False)
    assert not written.abstained and "“Feed the starter the night before" in written.text


def test_a_reader_saying_it_does_not_know_when_the_check_found_an_answer_leaves_the_quotes(services, notes):
    """The check (P(yes) from the same model, over the quotes) is fitted; a reader that declines over
    the evidence the check passed leaves the user the quotes to read, not a refusal."""
    services.indexing.add([notes])
    bar = services.settings.reader_check
    services._chat = FakeChatModel(reply="I don't know.", parameters=1_500_000_000, judge=bar + 0.05)
    answer = services.answering.ask("how long do I proof the dough?", remember=False)
    assert not answer.abstained and "I don't know" not in answer.text
    assert "“After shaping, proof the dough in the fridge overnight, 12 to 14 hours.”" in answer.text
    services._chat = FakeChatModel(reply="I don't know.", parameters=1_500_000_000, judge=bar - 0.05)
    assert services.answering.ask("how long do I proof the dough?", remember=False).abstained


def _said(day: str) -> float:
    return datetime.fromisoformat(day).replace(hour=18, tzinfo=timezone.utc).timestamp()


def _phones(services) -> None:
    services.conversations.log.add_turns([
        Turn("c1", "Maya", "Got a new phone, a Pixel 7. The camera is so much better than my old one.",
             _said("2023-03-25"), "user", "c"),
        Turn("c2", "Maya", "Switched phone to an iPhone 15, the Pixel's battery had died for good.",
             _said("2024-03-23"), "user", "c"),
        Turn("c4", "assistant", "Good question: a new phone is a big choice.", _said("2024-05-01"),
             "assistant", "d"),
    ], services.clock.timestamp())


def test_a_capable_reader_asked_what_is_true_now_reads_the_newest_memory_and_all_are_quoted(services):
    _phones(services)
    reader = FakeChatModel(reply="An iPhone 15 [1].", parameters=1_500_000_000, judge=0.9)
    services._chat = reader
    answer = services.answering.ask("What phone do I use these days?", remember=False)
    assert reader.prompts, answer.text
    prompt = reader.prompts[-1][-1].content
    # An older "Got a new phone" reads like the answer; a newer reply by the assistant says nothing of now.
    assert "iPhone 15" in prompt and "Pixel 7" not in prompt and "big choice" not in prompt
    assert 'I am Maya: "I", "me" and "my" in the question mean me.' in prompt
    assert "Today is " in prompt
    # Days in words, as the reader should write them ("(March 23, 2024)"), never "2024-03-23".
    assert "(March 23, 2024)" in prompt and "2024-03-23" not in prompt
    assert answer.text == "An iPhone 15 [1]."
    assert [item.text[:12] for item in answer.evidence][:2] == ["Switched pho", "Got a new ph"]  # newest first
    assert any("big choice" in item.text for item in answer.evidence[2:])  # the others are quoted after



def test_asked_what_is_so_now_a_logs_newest_entry_is_quoted_first_and_read_alone(services, tmp_path):
    """"What physio exercises am I doing now?" was answered from the first entry, whose wall slides the
    next one stops: both are in one note, saved the same day."""
    (tmp_path / "health.md").write_text(
        "# Health log\n\n2026-08-03: Physio for the shoulder, first session. Exercises: band pull-aparts 3x15, "
        "wall slides 3x10, daily.\n2026-08-24: Physio again. Shoulder better; stop the wall slides, add face "
        "pulls 3x12.\n")
    services.indexing.add([tmp_path])
    answer = services.answering.ask("What physio exercises am I doing now?", remember=False)
    assert answer.evidence[0].text.startswith("2026-08-24: Physio again")
    # The reader is shown the note, and told which of its sentences matter most: the newest entry's.
    pointed_to = _read_by_reader(services, "What physio exercises am I doing now?").split("matter most")[1]
    assert "2026-08-24: Physio again" in pointed_to and "2026-08-03" not in pointed_to


def _told(services, speaker: str, *said: tuple[str, str]) -> None:
    """One speaker's chat turns, each (text, day), each in its own conversation."""
    services.conversations.log.add_turns([Turn(f"c{n}", speaker, text, _said(day), "user", f"t{n}")
                                          for n, (text, day) in enumerate(said, 1)], services.clock.timestamp())


def _reader_answer(services, reply, *question, **options):
    """What `ask` answers when a capable reader (1.5B, sure the evidence answers) writes `reply`."""
    services._chat = FakeChatModel(reply=reply, parameters=1_500_000_000, judge=0.9)
    return services.answering.ask(*question, **options)


def _read_by_reader(services, question: str) -> str:
    """What a capable reader is shown when asked this."""
    _reader_answer(services, "[1].", question, remember=False)
    return services._chat.prompts[-1][-1].content


def test_asked_what_is_so_now_the_newest_statement_that_answers_it_is_read_not_the_newest_mention(services):
    """"How heavy is Biscuit these days?": a walk with Biscuit told later says nothing of his weight."""
    _told(services, "Doug", ("Biscuit weighed in at 31 kg at the vet, he needs fewer treats.", "2023-06-02"),
          ("Long walk with Biscuit around the lake, he loved the ducks.", "2024-05-10"))
    prompt = _read_by_reader(services, "How heavy is Biscuit these days?")
    assert "31 kg" in prompt and "ducks" not in prompt
    services._chat = FakeChatModel(reply="", parameters=135_000_000)
    quoted = services.answering.ask("How heavy is Biscuit these days?", remember=False)
    assert quoted.text.index("31 kg") < quoted.text.index("ducks")
    prompt = _read_by_reader(services, "Where did I walk Biscuit these days?")  # no number asked: the newest
    assert "ducks" in prompt and "31 kg" not in prompt


def test_asked_where_or_who_now_the_newest_statement_naming_someone_or_somewhere_is_read(services):
    """"Where do I work these days?": a newer day at work names no place."""
    _told(services, "Noor", ("I GOT THE JOB!! I work at the Alfred from March, as a nurse educator.", "2024-01-20"),
          ("Work was long today, home by 4 and straight to the couch.", "2024-03-12"))
    prompt = _read_by_reader(services, "Where do I work these days?")
    assert "the Alfred" in prompt and "couch" not in prompt


def test_a_question_in_the_present_whose_subject_two_days_speak_of_reads_the_newer(services):
    """A dose raised is a knowledge update: "what dose am I on?" says no "now", but asks what is so;
    the 1.5B reader answered "5 mg" from the older statement when it read both."""
    _told(services, "Doug", ("Started on amlodipine, 5 mg once a day in the morning.", "2023-04-02"),
          ("dr mahmoud bumped the amlodipine up to 10 mg, readings still high", "2024-02-10"))
    prompt = _read_by_reader(services, "What dose of amlodipine am I on?")
    assert "10 mg" in prompt and "5 mg" not in prompt
    prompt = _read_by_reader(services, "What dose of amlodipine did I start on?")  # the past: both are read
    assert "10 mg" in prompt and "5 mg" in prompt


def test_asked_when_a_plan_is_after_it_was_moved_the_day_it_was_moved_to_answers(services):
    """Booked for 20 December, then moved to the 18th: "When is my dentist appointment?" had answered
    with the first booking, and the 18th, told in the past tense ("moved"), had been read as last year's."""
    from second_me.clock import FixedClock

    _told(services, "me", ("Booked a dentist cleaning for 20 December at 10am with Dr. Alvarez.", "2026-11-20"),
          ("The dentist called and moved my cleaning to 18 December, same time.", "2026-12-02"))
    services.clock = FixedClock(datetime(2026, 12, 5, 12, tzinfo=timezone.utc))
    services.settings = replace(services.settings, abstain_similarity=0.0)  # the fake embedder's closeness aside
    for question in ("When is my dentist cleaning?", "When is my dentist appointment?"):
        answer = services.answering.ask(question, remember=False).text
        assert answer.endswith("2026-12-18 (you said it on 2026-12-02)."), answer


def test_asked_when_a_plan_is_after_it_was_called_off_the_answer_says_so(services):
    """"Tom cancelled lunch, he's sick" shares fewer of the question's words than the plan, and tells of
    no day: it had been left out, and the plan's Friday given as the answer."""
    from second_me.clock import FixedClock

    _told(services, "me", ("Lunch with Tom on Friday at the Thai place.", "2026-11-30"),
          ("Tom cancelled lunch, he's sick.", "2026-12-03"), ("Lunch with Priya went well.", "2026-11-02"))
    services.clock = FixedClock(datetime(2026, 12, 5, 12, tzinfo=timezone.utc))
    services.settings = replace(services.settings, abstain_similarity=0.0)  # the fake embedder's closeness aside
    for question in ("When is lunch with Tom?", "When am I having lunch with Tom?"):
        answer = services.answering.ask(question, remember=False).text
        assert answer.endswith("Called off: you said so on 2026-12-03."), answer
    cancelled = Evidence("Tom cancelled lunch, he's sick.", 2, "c", "message", "me", created_at=_said("2026-12-03"))
    assert when_line("When is lunch with Tom?", [cancelled], newest_first=True) == \
        "Called off: you said so on 2026-12-03."
    assert when_line("When did Tom cancel lunch?", [cancelled]) == "You said it on 2026-12-03."


def test_told_again_needs_the_present_two_days_and_another_number_or_a_change_told():
    from second_me.retrieval.newest import newest_statements_first, told_again

    def said(text: str, day: str, speaker: str = "Doug") -> Evidence:
        return Evidence(text, len(text), "c", "message", speaker, created_at=_said(day))

    old, new = said("Life list: 78 species as of January", "2024-01-04"), \
        said("Life list hit 100 species this morning!!", "2024-06-07")
    question = "How many species are on my life list?"
    assert told_again(question, intent_of(question), None, [old, new], ())
    assert not told_again(question, intent_of(question), None, [old], ())  # one day
    assert not told_again(question, intent_of(question), None, [old, replace(new, speaker="assistant")],
                          ("assistant",))  # an assistant says nothing of the user now
    past = "How many species were on my life list?"
    assert not told_again(past, intent_of(past), None, [old, new], ())
    other = said("Saw 3 herons on the lake", "2024-03-01")
    assert not told_again(question, intent_of(question), None, [old, other], ())  # not its subject
    # Told again without a number: the newer must say itself that things changed.
    position = "What do I play at the curling club?"
    lead, vice = said("curling tonight at the Mayflower club. i'm playing lead this season", "2023-10-04"), \
        said("Big promotion at the curling club, I'm playing vice now", "2024-02-07")
    assert told_again(position, intent_of(position), None, [vice, lead], ())
    assert not told_again(position, intent_of(position), None,
                          [lead, said("Big win at the curling club, I'm playing well", "2024-02-07")], ())
    # A plan moved to another day: the newer says itself that it changed.
    cleaning = "When is my dentist cleaning?"
    booked, moved = said("Booked a dentist cleaning for 20 December at 10am.", "2026-11-20"), \
        said("The dentist called and moved my cleaning to 18 December, same time.", "2026-12-02")
    assert told_again(cleaning, intent_of(cleaning), None, [booked, moved], ())
    # The same day too, when the newer says the plan was moved or called off; not when it says "now".
    dinner, off = said("Dinner with Priya next Saturday at Nandos.", "2026-12-05"), \
        replace(said("Priya called off dinner, she has flu.", "2026-12-05"), created_at=_said("2026-12-05") + 60)
    assert told_again("When is dinner with Priya?", intent_of("When is dinner with Priya?"), None, [dinner, off], ())
    assert not told_again(position, intent_of(position), None,
                          [lead, replace(vice, created_at=lead.created_at + 60)], ())
    # Asked for a name, the newest statement that states one is read first: the club is the same.
    club = "What's the name of my curling club?"
    assert newest_statements_first([lead, vice], (), club)[0] is lead
    # Asked how far something went, the newest statement of a length or an angle: not of a time.
    bend = said("Karen measured 115 degrees of bend today. Almost at the goal", "2024-06-20")
    paddle = said("First paddle since the surgery. Just 40 minutes on Lake Banook, and the knee was fine getting in"
                  " and out.", "2024-07-06")
    assert newest_statements_first([paddle, bend], (), "How far does my new knee bend now?")[0] is bend
    # A plan for days still to come says what will be, not what is.
    home = said("Moved in! First night in the Bedford condo.", "2023-10-31")
    trip = replace(said("Linda and I are going to Scotland in September for three weeks.", "2024-07-13"),
                   about="2024-09")
    assert newest_statements_first([trip, home], (), "Where are Linda and I now?", date(2024, 8, 16))[0] is home
    assert newest_statements_first([trip, home], (), "Where are Linda and I now?", date(2024, 10, 1))[0] is trip
    # Where one lives is told by a move or a home, not by a newer place one went.
    launch = said("Launched the Linda B on Lake Banook this morning.", "2024-07-20")
    visit = said("Aisha's mom flew in from Toronto to help with the baby. The house is full of good cooking.",
                 "2024-08-01")
    for asked in ("Where's home for Linda and me now?", "Where do Linda and I live these days?"):
        assert newest_statements_first([visit, launch, trip, home], (), asked, date(2024, 10, 1))[0] is home, asked
    assert newest_statements_first([launch, home], (), "Where are Linda and I now?", date(2024, 10, 1))[0] is launch
    # None telling of one, the newest naming a place still comes first, not a newer one naming none.
    nashville, songs = said("and Wes is in Nashville doing session guitar", "2024-03-01"), \
        said("Tamsin wants 14 songs. Wes wants 20. I said 14", "2024-05-01")
    assert newest_statements_first([songs, nashville], (), "Where does Wes live now?")[0] is nashville
    wedding = replace(said("Change of plan on the wedding: we've moved it to next May, the 24th.", "2024-07-01"),
                      about="2025-05-24")
    invitations = said("Wedding invitations went out, yours is in the post.", "2024-06-01")
    assert newest_statements_first([invitations, wedding], (), "When are Tariq and Hannah getting married now?",
                                   date(2024, 8, 16))[0] is wedding  # asked when: the plan says it


def test_a_count_asked_with_no_auxiliary_is_asked_of_now_and_may_be_told_in_other_words():
    from second_me.retrieval.newest import told_again
    from second_me.retrieval.intent import asks_present

    first = Evidence("Started tutoring at the library on Saturday mornings. Four students so far.", 1, "c",
                     "message", "Doug", created_at=_said("2023-09-09"))
    grown = Evidence("The tutoring group has grown to nine students! Had to ask the library for the bigger room.",
                     2, "c", "message", "Doug", created_at=_said("2023-10-21"))
    question = "How many kids come to my Saturday tutoring?"
    assert asks_present(question) and told_again(question, intent_of(question), None, [first, grown], ())
    for past in ("How many kids came to my Saturday tutoring?", "How many races have I run?",
                 "How many times has Pepper been to the vet?", "How many people turned up?"):
        assert not asks_present(past), past
    assert asks_present("How much rent do we pay?") and asks_present("How many cats live with Mia?")


def test_the_small_model_quotes_the_newest_statement_first_when_asked_what_is_true_now(services):
    _phones(services)
    answer = services.answering.ask("What phone do I use these days?", remember=False)
    assert answer.text.startswith("Maya: “Switched phone to an iPhone 15")
    assert answer.text.index("iPhone 15") < answer.text.index("Got a new phone, a Pixel 7")
    asked_before = services.answering.ask("What phone did I get in March 2023?", remember=False)
    assert asked_before.text.startswith("Maya: “Got a new phone, a Pixel 7")  # only "now" turns them around


def test_a_capable_reader_asked_about_someone_elses_news_is_told_whose_it_is(services):
    services.conversations.log.add_turns([
        Turn("group", "Nina", "Sam, Olu: how is everyone doing?", _said("2023-09-01"), "user", "g1"),
        Turn("group", "Olu", "I got a job in Toronto!! moving in November.", _said("2023-09-02"), "other", "g2"),
        Turn("group", "Sam", "my job is fine, the truck is busy every weekend", _said("2023-09-03"), "other", "g3"),
    ], services.clock.timestamp())
    services._chat = FakeChatModel(reply="Sam got a job in Toronto [1].", parameters=1_500_000_000, judge=0.9)
    ready = services.answering.prepare("Which job did Sam get in Toronto?", SearchOptions(k=8))
    answer = services.answering.ask("Which job did Sam get in Toronto?", remember=False)
    assert ready.not_theirs == "That was Olu, not Sam"
    assert answer.abstained and answer.text.startswith("That was Olu, not Sam: “I got a job in Toronto!!")


def test_someone_elses_words_that_do_not_answer_a_question_with_a_word_memory_lacks_are_not_theirs_instead(services):
    # "Where did Lena go on holiday?" (no memory says "holiday") was answered "That was you, not Lena:
    # 17 April, at a vineyard outside the city": the reader judges such a question, so it judges this too.
    from dataclasses import replace

    services.conversations.log.add_turns([
        Turn("group", "Olu", "I got a job in Toronto!! moving in November.", _said("2023-09-02"), "other", "g2"),
        Turn("group", "Sam", "my job is fine, the truck is busy every weekend", _said("2023-09-03"), "other", "g3"),
    ], services.clock.timestamp())
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.99)
    question = "Which job did Sam get in Toronto after his sabbatical?"
    doubt = "I don't know: nothing in your memory mentions 'sabbatical'."
    for judge, whose in [(services.settings.reader_check_doubted + 0.05, True),
                         (services.settings.reader_check_doubted - 0.05, False)]:
        services._chat = FakeChatModel(reply="Sam got a job in Toronto [1].", parameters=1_500_000_000, judge=judge)
        answer = services.answering.ask(question, remember=False)
        assert answer.abstained
        assert answer.text.startswith("That was Olu, not Sam: ") if whose else answer.text == doubt


def test_the_weekday_of_a_date_is_worked_out_by_rule_whichever_model_answers(services):
    services.conversations.log.add_turns([
        Turn("family", "Doug", "Our grandson was born last night! Owen James Fraser, 8 lb 2 oz.", _said("2023-11-25"),
             "user", "f1")], services.clock.timestamp())
    reader = FakeChatModel(reply="Owen was born on a Thursday [1].", parameters=1_500_000_000, judge=0.9)
    services._chat = reader
    answer = services.answering.ask("What day of the week was my grandson born?", remember=False)
    assert not reader.prompts  # the reader is not asked to work out a weekday
    assert answer.text.endswith("Friday 2023-11-24 (Doug said it on Saturday 2023-11-25).")


def test_a_readers_answer_shows_the_evidence_it_cited_and_keeps_the_numbering(services):
    services.conversations.log.add_turns([
        Turn("c1", "Maya", "My phone camera takes great photos at night, 48 megapixels.", _said("2023-03-25"), "user", "a"),
        Turn("c2", "Maya", "My phone camera cracked when it fell at the gym.", _said("2023-04-25"), "user", "b"),
    ], services.clock.timestamp())

    said = {"reply": "It cracked when it fell at the gym [{n}]."}

    def cite_the_crack(messages) -> str:
        number = re.search(r"\[(\d+)\] \([^)]*\) Maya: My phone camera cracked", messages[-1].content).group(1)
        return said["reply"].format(n=number)

    answer = _reader_answer(services, cite_the_crack, "What happened to my phone camera?", remember=False)
    assert len(answer.citations) == 2  # the reader was given both
    assert [item.text[:24] for item in answer.evidence] == ["My phone camera cracked "]
    n = [hit.memory.id for hit in answer.citations].index(answer.evidence[0].memory_id) + 1
    assert answer.text == f"It cracked when it fell at the gym [{n}]."
    # A sentence the cited memory alone does not support: everything the reader was given is shown.
    said["reply"] = "The 48 megapixel camera cracked when it fell at the gym [{n}]."
    answer = services.answering.ask("What happened to my phone camera?", remember=False)
    assert "48 megapixel" in answer.text and len(answer.evidence) == 2


def test_a_readers_answer_its_own_citation_does_not_say_is_dropped(services):
    # "Science [1]." passed a check against all the evidence (another memory says "science
    # classes"), while [1] says "chemistry": the quotes stand instead.
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Last day at Citadel High after 31 years of teaching chemistry.", _said("2023-06-20"),
             "user", "a"),
        Turn("c2", "Doug", "On the substitute list for the fall. Science classes only.", _said("2023-08-20"),
             "user", "b"),
    ], services.clock.timestamp())
    said = {"word": "Science"}

    def cite_the_last_day(messages) -> str:
        number = re.search(r"\[(\d+)\] \([^)]*\) Doug: Last day", messages[-1].content).group(1)
        return f"{said['word']} [{number}]."

    answer = _reader_answer(services, cite_the_last_day, "What subject did I teach for 31 years?", remember=False)
    assert not answer.abstained and "Science [" not in answer.text and "teaching chemistry" in answer.text
    said["word"] = "Chemistry"
    answer = services.answering.ask("What subject did I teach for 31 years?", remember=False)
    assert answer.text.startswith("Chemistry [")


@pytest.mark.parametrize("sentence, memory, kept", [
    ("Science [1].", "31 years of teaching chemistry", False),
    ("Chemistry [1].", "31 years of teaching chemistry", True),
    ("On March 9, 2021 [1].", "Got the keys yesterday!", True),  # a day the message tells of: the support check's
    ("Nine [1].", "the group has grown to 9 students", True),
    ("The subject you taught.", "31 years of teaching chemistry", True),  # no citation: not judged here
])
def test_a_readers_sentence_must_say_a_word_of_the_memory_it_cites(sentence, memory, kept):
    from second_me.retrieval.reader_checks import in_what_it_cites
    from second_me.text.words import stems

    assert in_what_it_cites(sentence, {1: stems(memory)}, "What subject did I teach for 31 years?") is kept


def _turn_hit(speaker: str, words: str):
    from second_me.domain import Hit, Memory

    return Hit(Memory(1, "message", f"{speaker}: {words}", 0.0, None, 1.0, 0, False, "active", speaker=speaker), 1.0, 1.0)


def test_asked_when_a_readers_day_that_a_message_was_only_said_on_is_not_shown():
    """"May 4, 2026 [2]." for "What day did Kwame run his half marathon?" over "Ran the half yesterday!!",
    said on 4 May: the reader took the day it was said for the day it tells of."""
    from second_me.domain import Hit, Memory
    from second_me.retrieval.reader_checks import gives_the_day_it_was_said

    said, ran = datetime(2026, 5, 4, 18, tzinfo=timezone.utc).timestamp(), datetime(2026, 5, 3, tzinfo=timezone.utc)
    told = Hit(Memory(2, "message", "Kwame: Ran the half yesterday!!", said, None, 1.0, 0, False, "active",
                      speaker="Kwame", about=((ran.timestamp(), ran.timestamp() + 86400),)), 1.0, 1.0)
    question = "what day did kwame run his half marathon?"
    assert gives_the_day_it_was_said("May 4, 2026 [2].", question, [told])
    assert not gives_the_day_it_was_said("May 3, 2026 [2].", question, [told])
    assert not gives_the_day_it_was_said("May 4, 2026 [2].", "How far did Kwame run?", [told])
    plain = replace(told, memory=replace(told.memory, about=()))  # a message telling no other day: said that day
    assert not gives_the_day_it_was_said("May 4, 2026 [2].", question, [plain])


@pytest.mark.parametrize("sentence, question, taken", [
    ("Priya Shah is 5 months old [1].", "How old is Sesame?", True),  # the speaker, not the kitten
    ("Priya is 5 months old [1].", "How old is Sesame?", True),
    ("Sesame is 5 months old [1].", "How old is Sesame?", False),
    ("Priya Shah [1].", "Who is Ravi?", True),
    ("Priya Shah's brother [1].", "Who is Ravi?", False),  # whose he is: an answer
    ("Priya's brother [1].", "Who is Ravi?", False),
    ("Priya Shah [1].", "Who went to Lisbon?", False),  # who did it: the speaker may be the answer
    ("Priya Shah is 5 months old [1].", "How old is the kitten?", False),  # the question names no one
    ("Priya works at the library [1].", "Where does Priya work?", False),
])
def test_a_readers_sentence_naming_the_speaker_instead_of_whom_it_was_asked_about(sentence, question, taken):
    from second_me.retrieval.reader_checks import takes_the_speaker_for_the_answer

    said = _turn_hit("Priya Shah", "Sesame. she's 5 months old and already rules the flat")
    assert takes_the_speaker_for_the_answer(sentence, [said], question) is taken


def test_a_readers_sentence_that_asks_or_names_the_speaker_instead_is_not_shown(services):
    services.conversations.log.add_turns([
        Turn("c1", "Priya Shah", "big news: we adopted a kitten!!", _said("2025-02-03"), "user", "a"),
        Turn("c1", "Priya Shah", "Sesame. she's 5 months old and already rules the flat", _said("2025-02-03"),
             "user", "b"),
    ], services.clock.timestamp())
    for reply in ("Priya Shah is 5 months old [1].", "How old is Sesame?"):
        answer = _reader_answer(services, reply, "How old is Sesame?", remember=False)
        assert reply not in answer.text and "“Sesame. she's 5 months old" in answer.text  # the quote stands


def test_the_reader_is_told_that_you_is_the_assistant_when_the_question_says_you(services):
    _phones(services)
    reader = FakeChatModel(reply="I don't know.", parameters=1_500_000_000, judge=0.9)
    services._chat = reader
    services.answering.ask("Which phone did you tell me to get?", remember=False)
    services.answering.ask("Which phone did I get in March 2023?", remember=False)
    told, plain = (prompts[-1].content for prompts in reader.prompts[-2:])
    assert '"You" in the question means assistant, who answered me in the chats.' in told
    assert '"You" in the question' not in plain


def test_the_reader_is_not_told_i_am_me(services):
    """Questions typed to second-me itself are by "me": "I am me" tells the reader nothing."""
    _phones(services)
    reader = FakeChatModel(reply="I don't know.", parameters=1_500_000_000, judge=0.9)
    services._chat = reader
    services.answering.ask("Which phone did I get in March 2023?", conversation="ask 2024-05-02")
    services.answering.ask("Which phone did I get in March 2023?", remember=False)
    prompt = reader.prompts[-1][-1].content
    assert 'I am Maya: "I"' in prompt and "I am me" not in prompt and "Maya and me" not in prompt


def test_a_capable_reader_judges_a_word_memory_lacks_and_must_be_surer(services, tmp_path):
    # "Which doctors have I been registered with?" was refused by rule, "nothing in your memory
    # mentions 'registered'": the notes say "my GP is…". A capable reader may judge it, above a higher bar.
    from dataclasses import replace

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "health.md").write_text("My GP is Dr Marsh at the Elm Street practice.\n\n"
                                      "Went to a pottery class with Tilly.\n\nTilly is a nurse at the Royal.\n")
    services.indexing.add([folder])
    # Every question is close enough; one with a word no memory holds is not (check 4 refuses it).
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.99)
    question = "Which doctor am I registered with?"
    doubt = "I don't know: nothing in your memory mentions 'registered'."
    assert services.answering.ask(question, remember=False).text == doubt  # the built-in model: the rule decides
    for judge, answered in [(services.settings.reader_check_doubted + 0.05, True),
                            (services.settings.reader_check_doubted - 0.05, False)]:
        services._chat = FakeChatModel(reply="Dr Marsh [1].", parameters=1_500_000_000, judge=judge)
        answer = services.answering.ask(question, remember=False)
        assert (not answer.abstained and "Marsh" in answer.text) if answered else answer.text == doubt
    # A name never said with the question's other words stays a refusal, however sure the reader: a
    # 1.5B reader answers such questions from someone else's news.
    services._chat = FakeChatModel(reply="A nurse [1].", parameters=1_500_000_000, judge=0.99)
    assert services.answering.ask("Where does Tilly do her work?", remember=False).text == \
        "I don't know: nothing in your memory about Tilly says that."
    # So does a name memory has never held.
    services._chat = FakeChatModel(reply="In Paris [1].", parameters=1_500_000_000, judge=0.99)
    assert services.answering.ask("What did Tilly do in Paris?", remember=False).text == \
        "I don't know: nothing in your memory mentions Paris."
    # So does a relative by marriage no memory names: the daughter memory tells of is someone else.
    (folder / "family.md").write_text("My daughter Shannon works as an accountant in Calgary.\n")
    services.indexing.add([folder])
    services._chat = FakeChatModel(reply="An accountant [1].", parameters=1_500_000_000, judge=0.99)
    assert services.answering.ask("What does my daughter-in-law do for work?", remember=False).text == \
        "I don't know: nothing in your memory mentions 'law'."
    # And someone's thing no memory tells of: a 1.5B reader answered what Tilly's car hire cost instead.
    from second_me.domain import Turn
    services.conversations.log.add_turns([Turn("Skye", "Priya", "who's driving?", 1.0e9, "user", "1"),
                                          Turn("Skye", "Tom", "hired a 7 seater for the week. 385 pounds", 1.0e9 + 60,
                                               "other", "2")], services.clock.timestamp())
    services._chat = FakeChatModel(reply="385 pounds [1].", parameters=1_500_000_000, judge=0.99)
    assert services.answering.ask("How much did Tom's flights cost?", remember=False).text == \
        "I don't know: nothing in your memory mentions 'flights'."


def test_of_one_memorys_sentences_the_one_holding_the_readers_answer_is_shown_alone(services, notes):
    # The note's other sentence ("Try the custard tarts at the bakery in Belém.") was listed under [1] too,
    # as if it supported "Alfama [1].", as the bulk fermentation's "4 to 5 hours" did under "12 to 14 hours [1].".
    services.indexing.add([notes])
    answer = _reader_answer(services, "Alfama [1].", "What did I say about Lisbon?", remember=False)
    assert len(answer.evidence) == 1
    assert answer.text.startswith("Alfama") and answer.evidence[0].text.startswith("The hostel in Alfama")
    answer = _reader_answer(services, "Belém [1].", "What did I say about Lisbon?", remember=False)
    assert answer.text.startswith("Belém") and answer.evidence[0].text.startswith("Try the custard")
    # An answer citing nothing rests on what it was given: of that, the sentences that alone support it.
    answer = _reader_answer(services, "You stayed at the hostel in Alfama.",
                            "What did I say about Lisbon?", remember=False)
    assert answer.text == "You stayed at the hostel in Alfama."
    assert [item.text for item in answer.evidence] == ["The hostel in Alfama was quiet and cheap."]
    # Asked where I stayed, the bakery in the sentence beside the hostel's is not an answer: the quote stands.
    answer = services.answering.ask("Where did I stay in Lisbon?", remember=False)
    assert "Belém [1]" not in answer.text and answer.evidence[0].text.startswith("The hostel in Alfama")


def test_asked_what_is_so_now_of_the_memory_read_only_what_the_readers_answer_rests_on_is_shown(services, notes):
    # "how long do I proof the dough now?" listed the bulk fermentation's "4 to 5 hours" under "12 to 14 hours [1].".
    services.indexing.add([notes])
    answer = _reader_answer(services, "12 to 14 hours [1].", "how long do I proof the dough now?", remember=False)
    assert answer.text == "12 to 14 hours [1]."
    assert answer.evidence[0].text.startswith("After shaping, proof the dough in the fridge overnight")
    assert not any("Bulk fermentation" in item.text for item in answer.evidence)


def test_a_readers_citation_of_a_memory_it_was_not_given_is_taken_out(services):
    services.conversations.log.add_turns([
        Turn("c1", "me", "My partner Tiago got a job at a hospital in Lisbon, Santa Maria.", _said("2025-08-11"),
             "user", "a"),
    ], services.clock.timestamp())
    answer = _reader_answer(services, "Santa Maria [2]. He started in October [1].",
                            "Where does Tiago work?", remember=False)
    assert answer.text.startswith("Santa Maria.") and "[2]" not in answer.text


def test_a_readers_sentence_telling_an_assistants_advice_as_what_the_user_did_is_not_shown(services):
    services.conversations.log.add_turns([
        Turn("g1", "me", "What to get my mum for her birthday? She loves gardening. Ideas under 80 euros?",
             _said("2025-05-20"), "user", "a"),
        Turn("g1", "ChatGPT",
             "For her birthday, get your mum a personalised set of garden tools or a subscription box of seeds.",
             _said("2025-05-20") + 60, "assistant", "b"),
        Turn("g1", "me", "For her birthday I got my mum Felco pruning shears, 62 euros.", _said("2025-05-20") + 120,
             "user", "c"),
    ], services.clock.timestamp())
    # Asked what the user did, the user's own turn is quoted first [1], ChatGPT's suggestion after it [2].
    advice = "I got my mum a personalised set of garden tools or a subscription box of seeds [2]."
    for reply, shown in ((advice, False), ("I got her Felco pruning shears [1].", True)):
        answer = _reader_answer(services, reply, "What did I get my mum for her birthday?", remember=False)
        assert ("got her Felco pruning shears [1]." in answer.text) == shown
        assert shown or "Felco pruning shears, 62 euros" in answer.text
    # Asked what ChatGPT told, by its name as by "you", its advice is the answer.
    told = "ChatGPT told me to get my mum a personalised set of garden tools or a subscription box of seeds [2]."
    answer = _reader_answer(services, told, "What did ChatGPT tell me to get my mum for her birthday?", remember=False)
    assert answer.text.startswith("ChatGPT told you to get your mum a personalised set of garden tools")



def test_a_readers_answer_to_a_question_of_fact_keeps_to_what_the_quotes_say():
    quoted = [Evidence("The Subaru needed new brake pads and rotors, $640.", 1, "journal · Doug · 2023-03-02",
                       "message", "Doug"),
              Evidence("Traded in the old Subaru Outback for a Toyota RAV4 hybrid. Silver.", 2,
                       "journal · Doug · 2023-09-10", "message", "Doug")]
    kept = KeptToQuotes(quoted, "What colour is the new automobile?")
    assert kept.holds("The new automobile is silver [2].") and kept.holds("A silver Toyota RAV4 hybrid [2].")
    assert not kept.holds("The new automobile is black [3].")  # a friend's truck, among the wider memories
    assert not kept.holds("It cost $480 [1].")


def test_a_readers_sentence_from_a_memory_beside_the_point_gives_way_to_the_quotes(services):
    services.conversations.log.add_turns([
        Turn("j0", "me", "My old car needed new brake pads, $640.", _said("2023-03-02"), "user", "a"),
        Turn("j1", "me", "Traded in my old car for a new car, a Toyota RAV4 hybrid. Silver.", _said("2023-09-10"),
             "user", "b"),
        Turn("j2", "me", "Mike's truck colour: black, the colour he always picks.", _said("2023-10-01"), "user", "c"),
    ], services.clock.timestamp())
    services._chat = FakeChatModel(reply="", parameters=1_500_000_000, judge=0.9)
    prepared = services.answering.prepare("What colour is my new car?", SearchOptions(k=8))
    assert any("Mike" in e.text for e in prepared.evidence) and all("Mike" not in e.text for e in prepared.quoted)
    for reply, shown in (("Your new car is black [3].", False), ("Your new car is silver [1].", True)):
        answer = _reader_answer(services, reply, "What colour is my new car?", remember=False)
        assert (reply in answer.text) == shown and (shown or "Silver" in answer.text)


def test_a_reader_saying_a_sentence_again_is_shown_it_once_and_stopped(services):
    services.conversations.log.add_turns([
        Turn("k1", "Jonas", "how long will you be without a kitchen?", _said("2025-04-03"), "other", "a"),
        Turn("k1", "me", "Pedro says five weeks. I'm living on toast and the microwave", _said("2025-04-03") + 60,
             "user", "b"),
    ], services.clock.timestamp())
    # The reader is shown Jonas's question [1] before the reply to it [2].
    loop = "Pedro says five weeks [2]. " + "Me says Pedro says five weeks [2]. " * 30
    answer = _reader_answer(services, loop, "How long will I be without a kitchen?", remember=False)
    assert answer.text.startswith("Pedro says five weeks") and answer.text.count("five weeks") == 1


def test_the_citation_of_a_readers_sentence_not_shown_is_not_shown_alone(services):
    services.conversations.log.add_turns([
        Turn("c1", "me", "Saw Fever Ray at the Columbiahalle, what a show.", _said("2023-02-10"), "user", "a"),
    ], services.clock.timestamp())
    services._chat = FakeChatModel(reply="I saw Bonobo live at the Columbiahalle. [1]", parameters=1_500_000_000,
                                   judge=0.9)
    answer = services.answering.ask("Which concert did I see at the Columbiahalle?", remember=False)
    assert answer.text.strip() != "[1]" and "Fever Ray" in answer.text
    services._chat = FakeChatModel(reply="I saw Fever Ray at the Columbiahalle. [1]", parameters=1_500_000_000,
                                   judge=0.9)
    answer = services.answering.ask("Which concert did I see at the Columbiahalle?", remember=False)
    assert answer.text.startswith("You saw Fever Ray at the Columbiahalle. [1]")


def _electrician_told(services, reply: str, question: str):
    """The reader's answer to `question` over "The electrician is Sofia…", when it writes `reply`."""
    services.conversations.log.add_turns([
        Turn("c1", "me", "The electrician is Sofia, her number is +351 912 000 111.", _said("2025-03-02"), "user", "a"),
    ], services.clock.timestamp())
    return _reader_answer(services, reply, question, remember=False)


def test_the_label_of_a_memory_written_back_by_a_reader_is_not_shown(services):
    # The prompt gives each memory as "me said (March 2, 2025): …"; a reader wrote that back before its answer.
    answer = _electrician_told(services, "me said (March 2, 2025): Sofia [1].", "Who is the electrician?")
    assert answer.text.startswith("Sofia [1].") and "said (" not in answer.text


def test_a_memorys_block_written_back_with_its_chat_by_a_reader_is_not_shown(services):
    # The block of a chat with an assistant app names the chat: "[1] (March 2, 2025, in the chat “…”) me: …".
    reply = "[1] (March 2, 2025, in the chat “New flat”) me: Sofia [1]."
    answer = _electrician_told(services, reply, "Who is the electrician?")
    assert answer.text.startswith("Sofia [1].") and "in the chat" not in answer.text


def test_a_readers_answer_naming_an_assistant_as_what_is_asked_is_not_shown(services):
    services.conversations.log.add_turns([
        Turn("c1", "me", "OK let's go with saving £300 and keeping £50 aside for the car.", _said("2026-06-14"),
             "user", "a"),
        Turn("c1", "Claude", "Sounds like a plan: £300 to savings, £50 to a car fund.", _said("2026-06-14") + 60,
             "assistant", "b"),
    ], services.clock.timestamp())
    # Claude is the other side of the chat, no one in the user's life: "Claude's car fund [1]." is no car of theirs.
    answer = _reader_answer(services, "Claude's car fund [1].", "What car do I have?", remember=False)
    assert "Claude's car fund" not in answer.text and "“" in answer.text
    assert names_an_assistant("Claude [1].", "Who is my manager at Mersey Water?", ("Claude",))
    # Named as who advised, or asked about, it stands.
    assert not names_an_assistant("Claude suggested opening with your six years [1].",
                                  "How should I open my cover letter?", ("Claude",))
    assert not names_an_assistant("Claude [1].", "Who wrote the draft opening, Claude or me?", ("Claude",))


def test_an_assistants_sentence_written_out_by_a_reader_stays_in_its_voice(services):
    services.conversations.log.add_turns([
        Turn("c1", "me", "Can you help with a cover letter for the QC analyst job?", _said("2026-07-02"), "user", "a"),
        Turn("c1", "Claude", "I'd be happy to help. Keep it to one page and lead with your audit experience.",
             _said("2026-07-02") + 60, "assistant", "b"),
    ], services.clock.timestamp())
    answer = _reader_answer(services, "Claude said to keep it to one page [1]. I'd be happy to help.",
                            "What did Claude say about my cover letter?", remember=False)
    assert answer.text.startswith("Claude said to keep it to one page [1].") and "You'd be happy" not in answer.text


def test_a_reader_copying_the_users_own_turn_shows_the_quotes_as_it_streams(services):
    # Copied and turned to "you" ("You saw a physio…"), the copy was held back and never shown, yet taken
    # for an answer: the user read nothing above the evidence.
    services.conversations.log.add_turns([
        Turn("c1", "me", "I saw a physio, she said it's ITB and gave me clamshells, 3 sets of 15.",
             _said("2026-08-30"), "user", "a"),
    ], services.clock.timestamp())
    services._chat = FakeChatModel(reply="I saw a physio, she said it's ITB and gave me clamshells, 3 sets of 15.",
                                   parameters=1_500_000_000, judge=0.9)
    shown: list[str] = []
    answer = services.answering.ask("What did the physio tell me to do?", on_token=shown.append, remember=False)
    assert answer.text.startswith("me: “I saw a physio") and "".join(shown) == answer.text


def test_a_readers_answer_of_digits_alone_is_shown(services):
    answer = _electrician_told(services, "+351 912 000 111 [1].", "What's the electrician's phone number?")
    assert answer.text.startswith("+351 912 000 111 [1].")


def test_a_reader_that_only_copies_a_sentence_of_a_memory_is_not_an_answer_of_its_own():
    raj = Evidence("Shannon and Raj are moving to Vancouver! Raj got a job with a mining company out there.", 3,
                   "chat", "message", "Doug", created_at=SAID)
    assert only_copies("Shannon and Raj are moving to Vancouver!", [raj])
    assert only_copies("shannon and raj are moving to vancouver", [raj])
    assert not only_copies("Shannon and Raj are moving to Vancouver [1].", [raj])  # cited: an answer
    assert not only_copies("Raj works for a mining company.", [raj])  # in its own words
    assert not only_copies("Shannon and Raj are moving to Vancouver! Raj got a job with a mining company", [])


def test_a_readers_answer_in_the_users_own_voice_is_said_to_the_user(services):
    # Told that "I" in the question means the user, the reader answers as them: "I play vice on my curling team."
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Big promotion at the curling club, I'm playing vice now.", _said("2025-01-15"),
             "user", "a"),
    ], services.clock.timestamp())
    answer = _reader_answer(services, "I play vice on my curling team [1].",
                            "What do I play at the curling club?", remember=False)
    assert answer.text == "You play vice on your curling team [1]."
    # Asked what "you" (an assistant in the chats) said, "I" may be that assistant: left as written.
    answer = _reader_answer(services, "I play vice [1].",
                            "What did you say I play at the curling club?", remember=False)
    assert answer.text.startswith("I play vice")


def test_a_readers_yes_to_what_memory_says_only_as_a_condition_is_not_shown(services, tmp_path):
    """"Did I lead the billing migration?" was answered "Yes [1]." over "…ready for senior if I lead the
    billing migration to the end"; memory saying it outright is a yes."""
    (tmp_path / "priya.md").write_text("# 1:1 with Priya\n\nCareer: she thinks I'm ready for senior by the spring "
                                       "cycle if I lead the billing migration to the end.\n")
    services.indexing.add([tmp_path])
    answer = _reader_answer(services, "Yes [1].", "Did I lead the billing migration?", remember=False)
    assert not answer.text.startswith("Yes") and "if I lead the billing migration" in answer.text
    (tmp_path / "priya.md").write_text("# 1:1 with Priya\n\nI led the billing migration to the end, and she "
                                       "thinks I'm ready for senior.\n")
    services.indexing.add([tmp_path])
    assert services.answering.ask("Did I lead the billing migration?", remember=False).text == "Yes [1]."


def test_a_readers_yes_against_memory_saying_no_is_not_shown(services, tmp_path):
    """"Can I claim tax relief for working from home?" was answered "Yes" over "If your employer requires
    you to work from home, you can claim…" and "Then you most likely can't claim the relief, since working
    from home is your choice"; and a reader's "No, I don't know." was shown as "No, you don't know."."""
    (tmp_path / "tax.md").write_text(
        "# Notes\n\nIf your employer requires you to work from home, you can claim a flat 6 pounds a "
        "week tax relief.\nMy contract says hybrid. I most likely can't claim the relief, since working from "
        "home is my choice.\n")
    services.indexing.add([tmp_path])
    answer = _reader_answer(services, "Yes, you can claim tax relief for working from home [1].",
                            "Can I claim tax relief for working from home?", remember=False)
    assert not answer.text.startswith("Yes") and "can't claim the relief" in answer.text
    answer = _reader_answer(services, "No, I don't know.",
                            "Can I claim tax relief for working from home?", remember=False)
    assert "know" not in answer.text and "can't claim the relief" in answer.text  # the quotes, for the user to read


def test_a_readers_yes_over_a_proposal_or_a_turn_saying_without_them_is_not_shown(services):
    """"Is Ibrahim coming to the Cairngorms?" was "Yes [3]." over Carla's proposal, which asks; "Did Ibrahim do
    Striding Edge?" was "Yes [1]." over "Striding Edge without Ibrahim" and his own "but not Striding Edge"."""
    said = datetime(2026, 11, 2, 8, 30, tzinfo=timezone.utc).timestamp()
    proposal = Turn("g", "Carla", "next one: New Year in the Cairngorms? Aviemore, 30 Dec to 2 Jan", said, "other", "1")
    climbing = Turn("g", "Ibrahim", "started climbing at the Castle on Wednesdays", said - 86400, "other", "0")
    reply = Turn("g", "Ibrahim", "can't, I'm working New Year's Eve. night shift at the Royal London", said + 900,
                 "other", "1b")
    services.conversations.log.add_turns([climbing, proposal, reply], services.clock.timestamp())
    prompt = _read_by_reader(services, "Is Ibrahim coming to the Cairngorms?")
    number = re.search(r"\[(\d+)\][^\[]*next one: New Year", prompt).group(1)
    answer = _reader_answer(services, f"Yes [{number}].", "Is Ibrahim coming to the Cairngorms?", remember=False)
    assert not answer.text.startswith("Yes") and "can't, I'm working" in answer.text
    done = Turn("g", "Carla", "Helvellyn done! Striding Edge without Ibrahim, Swirral Edge down", said + 60, "other", "2")
    services.conversations.log.add_turns([done], services.clock.timestamp())
    answer = _reader_answer(services, "Yes [1].", "Did Ibrahim do Striding Edge?", remember=False)
    assert not answer.text.startswith("Yes") and "without Ibrahim" in answer.text
    assert _reader_answer(services, "Yes [1].", "Did Carla do Striding Edge?", remember=False).text == "Yes [1]."


def test_a_daily_note_says_when_by_its_day(services, tmp_path):
    """Notes named by their day ("2026-10-21.md", as Obsidian and Logseq keep a journal): "When did I
    buy the bike?" was refused, "the memories about that don't say when", and "What did I do on 21
    October?" got "nothing in your memory is from then"."""
    (tmp_path / "2026-10-21.md").write_text("Sensor demo went well.\nBought a new bike, a Trek FX 2, 780 euros.\n")
    (tmp_path / "2026-10-05.md").write_text("Got the keys to the flat yesterday!\n")
    (tmp_path / "2026-10-19-sync.md").write_text("- Billing migration is live as of 16 Oct.\n")
    (tmp_path / "2026-11-02.md").write_text("The search rewrite kicked off in mid November, sort of.\n")
    services.indexing.add([tmp_path])
    ask = lambda question: services.answering.ask(question, remember=False)  # noqa: E731
    bike = ask("When did I buy the bike?")
    assert "2026-10-21 (your note of that day)." in bike.text and bike.evidence[0].dated() == "note of 2026-10-21"
    assert "2026-10-04 (your note of 2026-10-05)." in ask("When did I get the keys to the flat?").text
    live = ask("When did the billing migration go live?").text
    assert "2026-10-16 (your note of 2026-10-19)." in live  # "as of 16 Oct": the day it tells of
    rewrite = ask("When did the search rewrite kick off?").text
    assert "mid November" in rewrite and "your note" not in rewrite  # a day it names but is not read: no line
    assert "Trek FX 2" in ask("What did I do on 21 October 2026?").text
    week = ask("What did I do the third week of October 2026?")  # 15 to 21 October
    notes = {item.source.split(":")[0].rsplit("/", 1)[-1] for item in week.evidence}
    assert notes == {"2026-10-19-sync.md", "2026-10-21.md"}


def test_a_journals_section_says_when_by_its_heading(services, tmp_path):
    """A month's journal with a section for each day ("## 19 October"): "When did Dad have his cataract
    operation?" quoted the sentence and said no day."""
    (tmp_path / "2026-10.md").write_text("# October 2026\n\n## 11 October\n\nRan the Abbey Dash 10k in 48:12.\n\n"
                                         "## 19 October\n\nDad had his cataract operation at St James's.\n\n"
                                         "## 21 October\n\nPriya got into the county swimming squad! Training "
                                         "Mondays and Wednesdays 6–7:30pm at the Aquatics Centre.\n")
    services.indexing.add([tmp_path])
    answer = services.answering.ask("When did Dad have his cataract operation?", remember=False)
    assert "2026-10-19 (your note of that day)." in answer.text
    # A section's sentence going on about Priya without her name is quoted, and says when: not the note's day.
    training = services.answering.ask("When does Priya have swimming training?", remember=False).text
    assert "Mondays and Wednesdays" in training and "your note" not in training


def test_a_figure_alone_after_a_sentence_is_quoted_with_it_and_times_counted_are_no_word_memory_needs(
        services, tmp_path):
    (tmp_path / "2026-10-04.md").write_text("Ran the Dublin half marathon! 2:04:51. Legs destroyed.\n")
    (tmp_path / "2026-11-12.md").write_text("Ran 10k in 58:30, a new best.\n")
    services.indexing.add([tmp_path])
    assert "“Ran the Dublin half marathon! 2:04:51.”" in services.answering.ask(
        "What was my half marathon time?", remember=False).text
    from second_me.retrieval.abstain import words_memory_lacks
    assert words_memory_lacks(services.answering.search("How many times did I go running?")) == ()
    assert words_memory_lacks(services.answering.search("How many laps did I run?")) == ("laps",)


def test_a_readers_sentence_copying_anothers_turn_in_the_first_person_is_theirs_not_the_users():
    """"What did Mum think of the cake?": a 1.5B reader copied Rita's "…I cried at Tiago's speech" as
    "I thought the cake was perfect and I cried…", shown to the user as "You thought…"."""
    from second_me.retrieval.reader_checks import speaks_as_another

    rita = _turn_hit("Rita", "Thank you my darlings for last night. The cake was perfect and I cried at Tiago's speech")
    ana = _turn_hit("Ana", "That's great news Pai! I'll drive you, I'll take that day off")
    copied = "I thought the cake was perfect and I cried at Tiago's speech."
    assert speaks_as_another(copied, [rita, ana], ["Ana"])
    assert not speaks_as_another("Rita thought the cake was perfect [1].", [rita], ["Ana"])  # no "I"
    assert not speaks_as_another("I drove Dad to the hospital and took the day off [2].", [rita, ana], ["Ana"])
    assert not speaks_as_another(copied, [rita], ["Rita"])  # the user's own turn: theirs, said back to them


def _readers_prompt(services, folder, question: str) -> str:
    """What a reader is asked for `question` over the notes in `folder` (every memory read, whatever its distance)."""
    services.indexing.add([folder])
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    reader = FakeChatModel(reply="I don't know.", parameters=1_500_000_000, judge=0.9)
    services._chat = reader
    services.answering.ask(question, remember=False)
    return reader.prompts[-1][-1].content


def test_the_reader_is_told_which_note_a_section_is_of_and_that_an_undated_note_was_only_saved(services, tmp_path):
    """Asked "When did Brightwater approve the logo?", a reader shown "[3] (December 7, 2026) # Brightwater
    rebrand… Deliverables: logo" beside the section "## 2026-10-23 … They approved the wave mark" answered
    "On December 7, 2026": the day the notes were copied in, and the note whose words the question says."""
    (tmp_path / "brightwater-rebrand.md").write_text(
        "# Brightwater rebrand\n\nBudget: £6,300. Deliverables: logo, colour palette, cup sleeve.\n\n"
        "## 2026-10-23\n\nSecond round. They approved the logo: the wave mark, with Recoleta as the wordmark.\n")
    prompt = _readers_prompt(services, tmp_path, "When did Brightwater approve the logo?")
    assert "(note of October 23, 2026, in the note “brightwater rebrand”) ## 2026-10-23" in prompt
    assert re.search(r"\(saved \w+ \d+, \d{4}, in the note “brightwater rebrand”\) # Brightwater rebrand", prompt)


def test_a_daily_notes_day_is_not_the_day_of_the_month_it_names(services, tmp_path):
    """"When are the curtains arriving?" over "…arriving the 20th" in the note of 10 November said
    "2026-11-10 (your note of that day).": the quote says when, not the note's day."""
    (tmp_path / "2026-11-10.md").write_text("# 2026-11-10\n\nViewing at the new flat with the landlord.\nOrdered "
                                            "curtains for the bedroom (John Lewis, £129, arriving the 20th).\n")
    services.indexing.add([tmp_path])
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    answer = services.answering.ask("When are the curtains arriving?", remember=False).text
    assert "arriving the 20th" in answer and "your note of that day" not in answer


def test_asked_what_is_still_to_do_a_reader_naming_no_open_item_is_not_shown(services, tmp_path):
    """"What's still to do for the move?" over the move's task list was answered "The move is still in progress."."""
    (tmp_path / "house-move.md").write_text("# House move\n\nMoving day: Friday 4 December.\n\n## To do\n"
                                            "- [x] Give notice on the old flat\n"
                                            "- [ ] Redirect post (Royal Mail, £38)\n"
                                            "- [ ] Tell the council about council tax\n")
    services.indexing.add([tmp_path])
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    for reply, shown in (("The move is still in progress.", False), ("Give notice on the old flat [1].", False),
                         ("You still need to redirect your post and tell the council [1].", True)):
        answer = _reader_answer(services, reply, "What's still to do for the move?", remember=False).text
        assert (reply in answer) is shown and ("Redirect post (Royal Mail, £38)" in answer) is not shown


def test_asked_what_has_not_been_paid_a_reader_naming_one_of_two_unpaid_invoices_is_not_shown():
    from second_me.retrieval.reader_checks import misses_a_task
    header = "| No. | Client | Amount | Sent | Paid |\n"
    rows = [Evidence(header + row, 1, "notes/invoices.md:9", 1_700_000_000.0) for row in
            ("| 2026-015 | Northfield | £1,100 | 2026-11-02 | |",
             "| 2026-016 | Brightwater | £1,680 | 2026-11-21 | |",
             "| 2026-014 | Brightwater | £2,520 | 2026-10-17 | 2026-11-18 |")]
    question = "Which invoices haven't been paid yet?"
    assert misses_a_task("Brightwater [1]", question, rows)
    assert not misses_a_task("2026-015 and 2026-016 [1].", question, rows)
    assert not misses_a_task("Northfield and Brightwater [1].", question, rows)
    assert not misses_a_task("Brightwater [1]", "Who is my contact at Brightwater?", rows)


def test_the_reader_is_not_told_a_daily_notes_name_which_is_its_date(services, tmp_path):
    """Told "(note of November 21, 2026, in the note “2026 11”)", the reader answered "When does Priya have
    swimming training?" with "On November 21, 2026" where it had said "On Mondays and Wednesdays"."""
    (tmp_path / "2026-11.md").write_text("# November 2026\n\n## 21 November\n\nPriya got into the county swimming "
                                         "squad! Training Mondays and Wednesdays 6–7:30pm at the Aquatics Centre.\n")
    prompt = _readers_prompt(services, tmp_path, "When does Priya have swimming training?")
    assert "(note of November 21, 2026" in prompt and "in the note" not in prompt


def test_the_quotes_for_a_readers_dropped_answer_leave_out_the_rows_in_the_other_state(services, tmp_path):
    """"Which invoices haven't been paid yet?": the reader's "Brightwater [1]" was dropped, and the quotes
    shown listed the paid invoices after the two unpaid ones."""
    (tmp_path / "invoices.md").write_text("# Invoices 2026\n\n| No. | Client | Amount | Sent | Paid |\n"
                                          "|---|---|---|---|---|\n"
                                          "| 2026-013 | Northfield | £1,100 | 2026-10-01 | 2026-10-20 |\n"
                                          "| 2026-014 | Brightwater | £2,520 | 2026-10-17 | 2026-11-18 |\n"
                                          "| 2026-015 | Northfield | £1,100 | 2026-11-02 | |\n"
                                          "| 2026-016 | Brightwater | £1,680 | 2026-11-21 | |\n")
    services.indexing.add([tmp_path])
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    answer = _reader_answer(services, "Brightwater [1]", "Which invoices haven't been paid yet?", remember=False).text
    assert "No.: 2026-015" in answer and "No.: 2026-016" in answer
    assert "2026-013" not in answer and "2026-014" not in answer


def test_a_text_signed_with_its_senders_name_is_quoted_once_under_it():
    from second_me.retrieval.compose import quote_block

    signed = Evidence("Riverside Dental: Your appointment has been moved to 21/10/2026 at 11:00.", 3,
                      "SMS: Riverside Dental", "message", speaker="Riverside Dental")
    assert quote_block([signed], {3: 1}) == \
        "Riverside Dental: “Your appointment has been moved to 21/10/2026 at 11:00.” [1]"
    said = Evidence("Sam: did you see this?", 4, "SMS: Mum", "message", speaker="Mum")  # another's name stays
    assert quote_block([said], {4: 1}) == "Mum: “Sam: did you see this?” [1]"


def test_a_table_stating_an_amount_answers_what_it_cost_and_is_checked_row_by_row(services, tmp_path):
    """"How much did my new glasses cost?" was refused, "nothing in your memory mentions 'cost'", over an
    expenses table's "Glasses (Specsavers),149.00": memory states the amount, not that it was paid."""
    from dataclasses import replace

    folder = tmp_path / "money"
    folder.mkdir()
    (folder / "expenses.csv").write_text("date,item,amount,category\n2026-04-22,Glasses (Specsavers),149.00,health\n"
                                         "2026-05-30,Polytunnel,329.99,garden\n")
    services.indexing.add([folder])
    # Every question is close enough; one with a word no memory holds is not (check 4 refuses it).
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.99)
    answer = services.answering.ask("How much did my new glasses cost?", remember=False)
    assert not answer.abstained and "149.00" in answer.text
    answer = services.answering.ask("What did I pay for health things this year?", remember=False)
    assert not answer.abstained and "149.00" in answer.text  # memory calls nothing "things"
    assert services.answering.ask("Which optician made my glasses frames?", remember=False).text == \
        "I don't know: nothing in your memory mentions 'optician', 'frames'."
    # Each row is its own: the tyres' "Kwik Fit" is no name of the dentist.
    (folder / "expenses.csv").write_text("date,item,amount,category\n2026-02-02,Dentist check-up,27.40,health\n"
                                         "2026-03-11,New tyres x2 (Kwik Fit),178.00,car\n")
    services.indexing.add([folder])
    assert services.answering.ask("What's the name of my dentist?", remember=False).text == \
        "I don't know: the memories about that don't say a name."
