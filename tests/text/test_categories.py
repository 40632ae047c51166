"""Categories a question asks for one member of, and whether a text states one."""

import pytest

from second_me.text.categories import BREED, COLOUR, STREET, category_asked, colour_asked, states_category


@pytest.mark.parametrize("question, asked_for, kind", [
    ("Which airline did I fly to Osaka with?", {"airline"}, "name"),
    ("Which hospital do I work at?", {"hospital"}, "name"),
    ("What make of piano did Lieve buy?", {"make"}, "name"),
    ("What breed is Maskin?", {"breed"}, BREED),
    ("What street is the flat on?", {"street"}, STREET),
    ("what's kwame's home address?", {"address"}, STREET),  # a home address is its street ("Home!" says none)
    ("What kind of dog is Mabel?", {"dog"}, BREED),
    ("Which team did I join at the County Council?", {"team"}, None),  # "flood resilience": no name
    ("Which dog bit Alfie?", {"dog"}, None),  # a dog's name, not its breed: asked as a name elsewhere
    ("What colour is Pepper's raincoat?", {"colour"}, None),  # ranked for, never refused for
])
def test_the_category_a_question_must_find_a_member_of(question, asked_for, kind):
    assert category_asked(question, asked_for, "name") == kind


def test_a_colour_is_asked_for_by_its_word():
    assert colour_asked("What colour is Pepper's raincoat?") == COLOUR
    assert colour_asked("what color were the tents") == COLOUR
    assert colour_asked("Where did Pepper get her raincoat?") is None


@pytest.mark.parametrize("text, kind, stated", [
    ("a grey greyhound wearing a yellow raincoat", COLOUR, True),
    ("a knitted mint-green hat", COLOUR, True),
    ("the walls are a reddish brown now", COLOUR, True),
    ("something cheap that Pepper fits in the back of", COLOUR, False),
    ("She's a red kelpie cross called Biscuit", BREED, True),
    ("some kind of terrier with a beard", BREED, True),
    ("a retired greyhound, they sleep 18 hours a day", BREED, True),
    ("Maskin is my cat. Solveig named him", BREED, False),
    ("we picked her up from the animal shelter on Saturday", BREED, False),
    ("the new place is on Maple Drive", STREET, True),
    ("flat 3, 14 elm close", STREET, True),
    ("Flat 2, 7 Whiteladies Rd, Bristol", STREET, True),
    ("moved into Hofwiesenstrasse 12 on Saturday", STREET, True),
    ("a tiny café on the rue des Martyrs", STREET, True),
    ("WE GOT A FLAT!!! Oerlikon, three and a half rooms", STREET, False),
    ("stuck on the road for hours, we drive back tomorrow", STREET, False),
    ("no way, it's close to the park", STREET, False),
])
def test_a_text_states_a_colour_or_a_breed(text, kind, stated):
    assert states_category(kind, text) is stated
