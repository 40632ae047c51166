"""Date arithmetic by rule: which questions ask it, the span written, and the answer it makes."""

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from second_me.clock import FixedClock
from second_me.domain import Evidence, Turn
from second_me.eval.answers import unsupported_claims
from second_me.retrieval.elapsed import (AGE, BETWEEN, FIRST, SINCE, UNTIL, age_line, age_question, birthday_age,
                                       elapsed_line, elapsed_question, event_day, names_whom, says_own_words, span_text,
                                       tells_birth)


def _said(day: str) -> float:
    return datetime.fromisoformat(day).replace(hour=19, tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize("question, kind, events", [
    ("How long ago did I retire?", SINCE, ("I retire",)),
    ("how long have we been living in the condo", SINCE, ("we been living in the condo",)),
    ("Which came first: selling the house or Shannon getting engaged?", FIRST,
     ("selling the house", "Shannon getting engaged")),
    ("How many days after the house sold did we buy the condo?", BETWEEN, ("the house sold", "did we buy the condo")),
    ("How long did I wait between seeing the surgeon and the operation?", BETWEEN,
     ("seeing the surgeon", "the operation")),
    ("How long did the canoe take, from cutting the forms to the last coat of varnish?", BETWEEN,
     ("the canoe cutting the forms", "the canoe the last coat of varnish")),
    ("How long did I keep going to pottery before I quit?", BETWEEN, ("going to pottery", "I quit going to pottery")),
    ("How long did Sam keep working at The Swan after handing in his notice?", BETWEEN,
     ("handing in his notice", "last working at The Swan")),
    ("How many days between my stay in Lisbon and the wedding?", BETWEEN, ("my stay in Lisbon", "the wedding")),
    ("How old was Owen when he started walking?", AGE, ("Owen was born", "Owen started walking")),
    ("How old was my granddaughter when we moved?", AGE, ("my granddaughter was born", "we moved")),
    ("How many days until the wedding?", UNTIL, ("the wedding",)),
    ("How long have I got until the tax return is due?", UNTIL, ("the tax return is due",)),
])
def test_questions_of_date_arithmetic_and_their_events(question, kind, events):
    form = elapsed_question(question)
    assert form is not None and (form.kind, form.events) == (kind, events)


@pytest.mark.parametrize("question", ["How long do I proof the dough?", "How long does the loaf bake with the lid on?",
                                      "When did I retire?", "What came with the flat?",
                                      "How many days before the reunion show does Tidewalker come out?",
                                      "How long did it take to drive from Leeds to York?",
                                      "How old was I when we moved to Leeds?"])  # no chat tells of the user's birth
def test_other_questions_ask_no_arithmetic(question):
    assert elapsed_question(question) is None


def test_events_said_of_one_thing_keep_what_tells_them_apart():
    form = elapsed_question("How long did it take the tutoring group to grow from four students to nine?")
    assert form.own == ("four students", "nine")
    assert says_own_words("four students", "Started tutoring at the library. Four students so far.") == 2
    assert says_own_words("four students", "The tutoring group has grown to nine students!") == 1


def test_a_birth_is_told_with_a_word_of_birth_and_the_name():
    assert tells_birth("Our grandson arrived last night! Owen James Fraser, 8 lb 2 oz.", "Owen")
    assert tells_birth("Our grandson arrived last night!", "my grandson")
    assert not tells_birth("Owen took his first steps today!", "Owen")
    assert not tells_birth("Rita's baby was born on Tuesday.", "Owen")
    # The event of someone's own ("Owen started walking") is told by a message naming them.
    assert names_whom("Owen", "Owen started walking", "Owen took his first steps today!")
    assert not names_whom("Owen", "Owen started walking", "Went for a slow walk with Biscuit.")
    assert names_whom("Owen", "we moved", "Moved in! First night in the condo.")


def test_an_age_then_is_counted_from_the_birth():
    born = Evidence("Our grandson arrived last night! Owen James Fraser.", 1, "chat", "message", "Doug",
                    created_at=_said("2023-11-25"), about="2023-11-24")
    steps = Evidence("Owen took his first steps today!", 2, "chat", "message", "Doug", created_at=_said("2024-08-05"))
    form = elapsed_question("How old was Owen when he started walking?")
    assert elapsed_line(form, [born, steps], date(2024, 8, 16)) == (
        "Owen was about 8 months (8 months and 12 days) old: born 2023-11-24, said on 2023-11-25, and Owen started "
        "walking on 2024-08-05.")
    assert elapsed_line(form, [steps, born], date(2024, 8, 16)) == ""  # told of before the birth: not it


def test_spans_read_as_a_person_says_them():
    assert span_text(date(2024, 6, 8), date(2024, 7, 2)) == "24 days"
    assert span_text(date(2024, 9, 12), date(2024, 9, 26)) == "14 days (2 weeks)"
    assert span_text(date(2024, 1, 20), date(2024, 11, 15)) == "about 10 months (9 months and 26 days)"
    assert span_text(date(2024, 4, 14), date(2024, 11, 14)) == "7 months"
    assert span_text(date(2021, 1, 31), date(2024, 3, 1)) == "about 3 years (3 years and 1 month)"
    assert span_text(date(2024, 7, 2), date(2024, 6, 8)) == "24 days"  # either order


def test_a_message_tells_of_its_own_day_or_the_day_it_names():
    yesterday = Evidence("Yesterday I passed my driving test!", 1, "chat", "message", "Ines",
                         created_at=_said("2024-03-02"), about="2024-03-01")
    note = Evidence("Driving test passed.", 2, "notes/car.md:3", "chunk", created_at=_said("2024-03-02"))
    assert event_day(yesterday) == date(2024, 3, 1)
    assert event_day(note) is None  # a file's time is not when its events were
    line = elapsed_line(elapsed_question("How long ago did I pass my driving test?"), [yesterday], date(2024, 11, 15))
    assert line == "That was about 9 months (8 months and 14 days) ago: 2024-03-01, said on 2024-03-02."
    assert elapsed_line(elapsed_question("How long ago did I pass my driving test?"), [note], date(2024, 11, 15)) == ""


def test_which_came_first_names_the_earlier_whichever_the_question_put_first():
    cat = Evidence("We adopted a cat today, Pixel.", 1, "chat", "message", "Ines", created_at=_said("2024-01-20"))
    pottery = Evidence("Signed up for pottery.", 2, "chat", "message", "Ines", created_at=_said("2024-02-11"))
    form = elapsed_question("Which came first, signing up for pottery or adopting Pixel?")
    assert elapsed_line(form, [pottery, cat], date(2024, 11, 15)) == (
        "The first was adopting Pixel (2024-01-20), then signing up for pottery (2024-02-11), 22 days later.")


def test_the_answer_quotes_both_messages_and_counts_the_days_between(services):
    services.conversations.log.add_turns([
        Turn("c1", "Ines", "Booked the flights to Tokyo for September, finally happening.", _said("2024-06-08"),
             "user", "a"),
        Turn("c2", "Ines", "My sister Rita had her baby last night, a boy called Tomas!", _said("2024-07-03"),
             "user", "b"),
        Turn("c3", "Ines", "Made miso soup for dinner, it was fine.", _said("2024-07-20"), "user", "c"),
    ], services.clock.timestamp())
    answer = services.answering.ask("How many days after booking the flights did Rita have her baby?", remember=False)
    assert not answer.abstained
    assert "“Booked the flights" in answer.text and "“My sister Rita" in answer.text
    assert answer.reckoned == "24 days apart: 2024-06-08, and 2024-07-02, said on 2024-07-03."
    assert answer.text.endswith(answer.reckoned) and len(answer.evidence) == 2


def test_an_event_is_the_message_saying_its_verb_on_the_day_it_says_it(services):
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "We listed the house on Maple Drive today. Asking $549,000.", _said("2023-08-20"), "user", "a"),
        Turn("c2", "Doug", "SOLD. It went for $565,000, over asking! Closing is October 31st.", _said("2023-09-09"),
             "user", "b"),
        Turn("c3", "Doug", "We bought the condo in Bedford, two bedrooms on the fourth floor.", _said("2023-09-16"),
             "user", "c"),
    ], services.clock.timestamp())
    answer = services.answering.ask("How many days after the house sold did we buy the condo?", remember=False)
    # Listing the house is another event of the same house; the closing is another day of the sale's message.
    assert "“SOLD." in answer.text and "“We listed" not in answer.text
    assert answer.reckoned == "7 days apart: 2023-09-09, and 2023-09-16."
    sold = Evidence("SOLD. It went for $565,000! Closing is October 31st.", 1, "chat", "message", "Doug",
                    created_at=_said("2023-09-09"), about="2023-10-31")
    assert event_day(sold, "the house sold") == date(2023, 9, 9)
    assert event_day(sold, "the closing") == event_day(sold) == date(2023, 10, 31)


@pytest.mark.parametrize("text", ["I've been vegetarian for five years now.", "Living here since 2019, still love it.",
                                  "Three years ago I went vegetarian."])
def test_a_message_that_gives_its_own_span_is_not_counted_from_its_day(text):
    said = Evidence(text, 1, "chat", "message", "Ines", created_at=_said("2024-03-02"))
    assert elapsed_line(elapsed_question("How long have I been vegetarian?"), [said], date(2024, 11, 15)) == ""


@pytest.mark.parametrize("question, who", [
    ("How old is Ella now?", "Ella"), ("how old's Biscuit these days?", "Biscuit"), ("How old is my mother?", "my mother"),
    ("How old was Owen when he started walking?", None), ("How old will Ella be in 2030?", None),
    ("How old is my dad turning?", None),  # the age the birthday brings: the message says it
])
def test_an_age_asked_in_the_present(question, who):
    assert age_question(question) == who


@pytest.mark.parametrize("text, age", [
    ("Biscuit turned 9 today.", 9), ("Ella's 7th birthday party at Mike and Aisha's", 7),
    ("Maisie's birthday is on the 14th, she's turning seven.", 7), ("The oven turned 200 degrees", None),
    ("She is 7 years old and loves dinosaurs", None),  # no day the age began
])
def test_a_birthday_tells_the_age_it_brought(text, age):
    assert (birthday_age(text) or (None,))[0] == age


def test_the_age_now_is_counted_from_the_birthdays_day():
    turned = Evidence("Biscuit turned 9 today.", 1, "chat", "message", "Doug", created_at=_said("2023-03-19"))
    assert age_line(turned, date(2024, 3, 18)) == "Turned 9 on 2023-03-19: 9 years old now."
    assert age_line(turned, date(2024, 8, 16)) == "Turned 9 on 2023-03-19: 10 years old now."
    ahead = Evidence("Maisie's birthday is on the 14th, she's turning seven.", 2, "chat", "message", "Sam",
                     created_at=_said("2023-05-04"), about="2023-05-14")
    assert age_line(ahead, date(2023, 5, 10)) == "Turning seven on 2023-05-14, said on 2023-05-04: 6 years old until then."
    assert age_line(Evidence("Biscuit loves cheddar.", 3, "chat", "message", "Doug", created_at=_said("2023-03-19")),
                    date(2024, 8, 16)) == ""
    # A fact learnt from a message carries the message's day; a note's does not say when.
    learnt = Evidence("Ella turned 7 today", 4, "chat", "fact", "me", created_at=_said("2024-05-06"))
    assert age_line(learnt, date(2025, 5, 7)) == "Turned 7 on 2024-05-06: 8 years old now."
    assert age_line(Evidence("Ella turned 7 in May", 5, "notes/ella.md", "chunk", None, created_at=_said("2024-05-06")),
                    date(2025, 5, 7)) == ""
    # Said in February of a birthday in March: the age is counted from the month, not the day it was said.
    month = Evidence("My dad Henrik turns 70 in March.", 6, "chat", "message", "me", created_at=_said("2024-02-01"),
                     about="2024-03")
    assert age_line(month, date(2026, 12, 2)) == "Turns 70 in 2024-03, said on 2024-02-01: 72 years old now."
    assert age_line(month, date(2026, 2, 2)) == "Turns 70 in 2024-03, said on 2024-02-01: 71 years old now."
    assert age_line(month, date(2024, 3, 10)) == ""  # in the month itself: before or after the day?
    assert age_line(month, date(2026, 3, 20)) == ""  # 71 or 72: the same, two years on
    year = Evidence("Dad turns 70 next year.", 7, "chat", "message", "me", created_at=_said("2024-02-01"), about="2025")
    assert age_line(year, date(2026, 12, 2)) == ""


def test_how_old_someone_is_now_is_answered_from_their_newest_birthday(services):
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Ella's 6th birthday party today, a pirate cake.", _said("2022-05-07"), "user", "a"),
        Turn("c2", "Doug", "Ella's 7th birthday party at Mike and Aisha's: a unicorn cake.", _said("2023-05-06"),
             "user", "b"),
        Turn("c3", "Doug", "Biscuit turned 9 today, cheddar for a treat.", _said("2023-03-19"), "user", "c"),
    ], services.clock.timestamp())
    services.clock = FixedClock(datetime(2024, 8, 16, 12, tzinfo=timezone.utc))
    answer = services.answering.ask("How old is Ella now?", remember=False)
    assert answer.text.endswith("7th birthday on 2023-05-06: 8 years old now.") and "“Ella's 7th birthday" in answer.text
    assert [item.text[:9] for item in answer.evidence] == ["Ella's 7t"] and not unsupported_claims(answer)
    other = services.answering.ask("How old is Biscuit these days?", remember=False)
    assert other.reckoned == "Turned 9 on 2023-03-19: 10 years old now." and not unsupported_claims(other)


def test_how_old_someone_was_at_an_event_is_counted_from_their_birth(services):
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Our grandson arrived last night! Owen James Fraser, 8 lb 2 oz.", _said("2023-11-25"),
             "user", "a"),
        Turn("c2", "Doug", "Went for a slow walk with Biscuit along the water.", _said("2024-03-19"), "user", "b"),
        Turn("c3", "Doug", "Owen took his first steps today at the picnic! Straight into Biscuit.", _said("2024-08-05"),
             "user", "c"),
    ], services.clock.timestamp())
    answer = services.answering.ask("How old was Owen when he started walking?", remember=False)
    assert "“Our grandson arrived" in answer.text and "“Owen took his first steps" in answer.text
    assert answer.reckoned == ("Owen was about 8 months (8 months and 12 days) old: born 2023-11-24, said on "
                               "2023-11-25, and Owen started walking on 2024-08-05.")  # "last night"
    assert not unsupported_claims(answer)


def test_events_of_one_thing_are_the_messages_saying_their_own_words(services):
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Started tutoring at the library on Saturday mornings. Chemistry and math for high "
             "schoolers. Four students so far.", _said("2024-01-20"), "user", "a"),
        Turn("c2", "Doug", "The tutoring group has grown to nine students! Had to ask for the bigger room.",
             _said("2024-03-02"), "user", "b"),
    ], services.clock.timestamp())
    answer = services.answering.ask("How long did it take the tutoring group to grow from four students to nine?",
                                    remember=False)
    assert answer.reckoned == "42 days (6 weeks) apart: 2024-01-20, and 2024-03-02."


def test_an_event_named_too_barely_to_be_found_alone_is_found_among_the_questions_hits(services):
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Saw the orthopaedic surgeon about the knee. Waitlist is about 8 months.",
             _said("2023-10-07"), "user", "a"),
        Turn("c2", "Doug", "Got the call: knee surgery is booked for May 14th. The wait is nearly over.",
             _said("2024-04-06"), "user", "b"),
        Turn("c3", "Doug", "Made a chowder for dinner, Linda loved it.", _said("2024-06-01"), "user", "c"),
    ], services.clock.timestamp())
    answer = services.answering.ask("How long did I wait between seeing the surgeon and the operation?",
                                    remember=False)
    assert answer.reckoned == "About 7 months (7 months and 7 days) apart: 2023-10-07, and 2024-05-14, said on " \
        "2024-04-06."


def test_how_long_until_a_day_planned_is_counted_from_today_by_the_newest_plan(services):
    services.conversations.log.add_turns([
        Turn("c1", "Tariq", "we've set a date for the wedding!! 14 June next year, at the mill", _said("2024-09-01"),
             "other", "a"),
        Turn("c2", "Tariq", "change of plan on the wedding. we've moved it to 24 May 2025", _said("2024-12-01"),
             "other", "b"),
        Turn("c3", "Tariq", "booked the stag do for 3 May 2025, Whitby", _said("2024-12-02"), "other", "c"),
    ], services.clock.timestamp())
    services.clock = FixedClock(datetime(2025, 5, 1, 12, tzinfo=timezone.utc))
    services.settings = replace(services.settings, abstain_similarity=0.0)  # the fake embedder's closeness aside
    answer = services.answering.ask("How many days until the wedding?", remember=False)
    assert answer.reckoned == "In 23 days: 2025-05-24, said on 2024-12-01." and "“change of plan" in answer.text
    assert not unsupported_claims(answer)
    services.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=timezone.utc))
    assert not services.answering.ask("How many days until the wedding?", remember=False).reckoned  # gone by
