"""A follow-up in a chat asked as the question it leans on makes it (text/follow_up.py)."""

import pytest

from second_me.text.follow_up import asks_of_the_answer, follow_up, standalone


@pytest.mark.parametrize("earlier, question, asked", [
    # A bare question phrase takes the place of the one before; a preposition left stranded goes with it.
    ("What temperature do I bake the bread at?", "and for how long?", "For how long do I bake the bread?"),
    ("Where did I stay in Lisbon?", "and when?", "When did I stay in Lisbon?"),
    ("How long do I proof the dough?", "And at what temperature?", "At what temperature do I proof the dough?"),
    ("Did I pay the deposit?", "when?", "When did I pay the deposit?"),
    ("What did I pay for the tyres?", "and how much?", "How much did I pay for the tyres?"),
    ("What did Leo do in Lisbon?", "and when?", "When did Leo do that in Lisbon?"),
    # A name for a name (kept possessive), or for the asker.
    ("What does Nina do for work?", "and Sam?", "What does Sam do for work?"),
    ("What's Sam's dad called?", "what about Nina?", "What's Nina's dad called?"),
    ("When is Leo's birthday?", "and Priya's?", "When is Priya's birthday?"),
    ("Where did I go on holiday?", "what about Leo?", "Where did Leo go on holiday?"),
    ("What's my favourite film?", "and Leo?", "What's Leo's favourite film?"),
    # A place after the same preposition; a thing for the last thing.
    ("How much was the flat in Lisbon?", "what about in Porto?", "How much was the flat in Porto?"),
    ("How long do I proof the dough?", "what about the bread?", "How long do I proof the bread?"),
    ("When is the insurance due?", "and the car?", "When is the car due?"),
    ("What did I paint the fence with?", "what about the shed?", "What did I paint the shed with?"),
    # "he", "she" or "they" for the one person the question before asked about.
    ("When did Leo go to Lisbon?", "where did he stay?", "Where did Leo stay?"),
    ("What did Nina cook?", "and did she like it?", "Did Nina like it?"),
    ("When did Tomás move?", "where is his new flat?", "Where is Tomás's new flat?"),
    # "it" for the thing asked about before: after its auxiliary, or what someone did something to.
    ("When was the boiler last serviced?", "how much was it?", "How much was the boiler?"),
    ("Who fitted the replacement wing mirror?", "and how much did it cost?", "How much did the replacement wing cost?"),
    ("When is the on-call handbook due?", "and did I send it on time?", "Did I send the on-call handbook on time?"),
])
def test_a_follow_up_is_asked_as_the_question_it_leans_on(earlier, question, asked):
    assert follow_up(question, earlier) == asked


@pytest.mark.parametrize("earlier, question", [
    ("Where did I stay in Lisbon?", "and where did I park?"),  # a question of its own
    ("Where did I stay in Lisbon?", "and how much was it?"),  # what "it" is, this does not read
    ("When is Priya away?", "who covers?"),  # a verb after "who": a question of its own
    ("What am I allergic to?", "what happened?"),  # nor after "what"
    ("What did the physio tell me to do?", "Which knee hurts?"),  # a noun and its verb: a question of its own
    ("Which film did we watch?", "which one won?"),
    ("What's my dentist called?", "Where did I stay in Lisbon?"),
    ("When did we go to Crete?", "Summarize my notes"),
    ("When did we go to Crete?", "ok thanks"),
    ("Where has Sam been on holiday this year?", "and the kids?"),  # nothing it could stand for
    ("Summarize my notes", "and when?"),  # nothing asked before it to put "when" in
    ("What's Sam's dad called?", "how old is he?"),  # the dad, whose name memory is asked for
    ("When did Leo meet Priya?", "what did he give her?"),  # two people, one asked about
    ("When did Ana and Leo meet?", "where did they go?"),
    ("When did Leo go to Lisbon?", "where did Priya stay?"),  # names its own
    ("What did Leo give me for my birthday?", "where did I put it?"),  # "it" is the answer, not a thing asked of
])
def test_anything_else_is_asked_as_it_is(earlier, question):
    assert follow_up(question, earlier) is None
    assert standalone(question, [earlier]) == question


def test_a_follow_up_of_a_follow_up_leans_on_what_that_was_taken_to_ask():
    earlier = ["Where did I stay in Lisbon?", "and when?"]
    assert standalone("what about in Porto?", earlier) == "When did I stay in Porto?"
    assert standalone("and for how long?", []) == "and for how long?"
    # A long chat is read only so far back: no question asks its way through thousands before it.
    assert standalone("and when?", ["Where did I stay in Lisbon?"] * 5000) == "When did I stay in Lisbon?"


def test_a_bare_question_phrase_or_a_short_one_referring_back_asks_more_of_the_answer_before():
    assert all(asks_of_the_answer(q) for q in ("and when?", "For how long?", "and how much was it?",
                                               "who asked for it?", "when do they go out?"))
    long_one = "what did I write about it in my notes on the Lisbon trip last year?"
    assert not any(asks_of_the_answer(q) for q in ("what about in Porto?", "and Sam?", "where did he stay?",
                                                  "Which knee hurts?",
                                                  "and what did Priya say about that?", "and", long_one))


def test_how_much_or_how_many_asks_it_of_the_thing_asked_before():
    assert follow_up("how much?", "What oil did I use?") == "How much oil did I use?"
    assert follow_up("and how many?", "Which plants did I put in the raised bed?") == \
        "How many plants did I put in the raised bed?"
