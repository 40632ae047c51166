"""Which measure a question asks for, and whether a text states a number with its unit."""

import pytest

from second_me.retrieval.answer_type import NUMBER, has_answer, wanted_kind
from second_me.text.measures import DISTANCE, DURATION, LENGTH, REACH, SIZE, WEIGHT, asked_measure, states_measure


@pytest.mark.parametrize("question, measure", [
    ("How long did Lights and Sirens take to do Hood to Coast?", DURATION),
    ("How long were Rhys and I together?", DURATION),
    ("How long do I bake it for?", DURATION),
    ("How long is the canoe I'm building?", LENGTH),
    ("How far is the cabin from the lake?", DISTANCE),
    ("How far do you live from the station?", DISTANCE),
    ("How far did I run on Sunday?", REACH),
    ("How far does my new knee bend now?", REACH),
    ("How tall is Eli now?", LENGTH),
    ("How much did Isla weigh when she was born?", WEIGHT),
    ("How big was my kidney stone?", SIZE),
    ("How much was the vet bill?", None),
    ("How many people came?", None),
    # Someone's time at a race is how long it took ("in 1:52:40"), not what time of day it was.
    ("What was my half marathon time?", DURATION),
    ("What was my time on the 8 km at Kvamskogen?", DURATION),
    ("What's Sam's parkrun time?", DURATION),
    ("What time is my flight?", None),
    ("What do I do in my spare time?", None),
])
def test_the_measure_a_question_asks_for(question, measure):
    assert asked_measure(question) == measure


@pytest.mark.parametrize("measure, text, stated", [
    (DURATION, "our team took 29 hours 12 minutes", True),
    (DURATION, "two years and it ended in a Wetherspoons", True),
    (DURATION, "it took an hour and a half", True),
    (DURATION, "finished in 2:11, legs gone", True),
    (DURATION, "a relay from the mountain to the ocean, 12 of us, 200 miles", False),
    (LENGTH, "she's a 17-foot canoe", True),
    (DISTANCE, "it's 3 km, or 20 mins on the bike", True),
    (REACH, "Knee bends to 85 degrees. The goal is 120.", True),  # how far a knee bends
    (REACH, "ran 12k this morning", True),
    (REACH, "First paddle since the surgery. Just 40 minutes on Lake Banook", False),  # how long, not how far
    (WEIGHT, "7lb 2oz and very loud", True),
    (WEIGHT, "we had 7 visitors", False),
    (SIZE, "fine. it was 4 millimetres", True),
    (SIZE, "I've given people morphine for this a hundred times", False),
])
def test_a_measure_is_a_number_with_its_unit(measure, text, stated):
    assert states_measure(measure, text) is stated


def test_a_measure_question_ranks_by_its_unit_and_is_still_a_number_for_the_refusal_checks():
    assert wanted_kind("How big was my kidney stone?") == SIZE
    assert not has_answer(SIZE, "a hundred times", set()) and has_answer(NUMBER, "a hundred times", set())
    assert wanted_kind("How much did the brakes cost?") != SIZE
    # "What was my half marathon time?" ranks "in 1:52:40" above "training for the half marathon, 14 km".
    assert wanted_kind("What was my half marathon time?") == DURATION
    assert not has_answer(DURATION, "about 14 km. I'm 41 and training for the Leeds half marathon", set())
