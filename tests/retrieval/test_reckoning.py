"""Amounts worked out by rule: a difference, a sum, what is still owed; only when the evidence
leaves no doubt which amounts count."""

from datetime import datetime, timezone

import pytest

from second_me.domain import Evidence, Turn
from second_me.retrieval.reckoning import adds_up, worked_out


def _line(question: str, *said: str):
    found = worked_out(question, [Evidence(text, number, "chat") for number, text in enumerate(said)])
    return found[1] if found else None


@pytest.mark.parametrize("question, said, line", [
    ("What's the difference between my old and new rent?",
     ["Rent is 1,150 euros warm, due on the 3rd of each month.", "The rent for the new flat is 1,480 euros warm."],
     "1,480 euros − 1,150 euros = 330 euros."),
    # A loan less what came back; "he'll pay me back soon" is said with the loan, not a payment.
    ("How much money does Tomás still owe me?",
     ["Tomás paid back 120 euros of the money I lent him.", "I lent Tomás 200 euros, he said he'll pay me back soon."],
     "200 euros − 120 euros = 80 euros."),
    ("How much does my brother still owe me?",
     ["Lent my brother Gord $800 for his truck.", "Gord sent another $250.", "Gord e-transferred $300 of what he owes."],
     "$800 − $250 − $300 = $250."),
    # A loan told with its promise, paid back in parts; a loan refused is none.
    ("How much does Kimani still owe me?",
     ["Sent my cousin Kimani 45,000 for a motorbike. He says he'll pay me back in three months.",
      "kimani paid another 10,000", "Kimani sent 15,000 back!", "Kimani's brother asked to borrow 30,000. I said no"],
     "45,000 − 10,000 − 15,000 = 20,000."),
    # The unit the question names counts, whatever else is said ("a week", "1 hour 52 minutes", "67").
    ("By how many km a week has my cycling gone up?", ["up to about 90 km a week now", "roughly 60 km a week"],
     "90 km − 60 km = 30 km."),
    ("How many km did I ski altogether this winter?", ["Back on skis!! 8 km classic", "15 km, 1 hour 52 minutes at 67"],
     "8 km + 15 km = 23 km."),
    ("How many jars of honey have I got altogether?", ["first harvest: 12 jars", "9 more jars from the swarm hive"],
     "12 jars + 9 jars = 21 jars."),
    ("How many flatbreads did Sam sell at the launch and in his first week at Kirkgate, together?",
     ["first week at Kirkgate done. 600 flatbreads", "launch yesterday at Kirkstall, 140 flatbreads"],
     "600 flatbreads + 140 flatbreads = 740 flatbreads."),
    # A memory saying nothing of the things named (a trial run) holds none of the amounts to add.
    ("How many flatbreads did Sam sell at the launch and in his first week at Kirkgate, together?",
     ["first week at Kirkgate done. 600 flatbreads", "launch yesterday at Kirkstall, 140 flatbreads",
      "we did our first trial run yesterday, 60 flatbreads"], "600 flatbreads + 140 flatbreads = 740 flatbreads."),
    # What was added between two days is what the totals told then and later differ by.
    ("How many species did I add to my bird list between January and the end of June?",
     ["Life list hit 100 species this morning!!", "Life list: 78 species as of January 2024."],
     "100 species − 78 species = 22 species."),
    ("How many kilos have I lost since New Year?", ["weighed 91 kilos on New Year's Day", "down to 84 kilos"],
     "91 kilos − 84 kilos = 7 kilos."),
    # Grouped amounts without a currency, as people write them at home; a model year is no amount.
    ("How much more did the Mazda cost than I got for the Premio?",
     ["Sold the old Premio for 780,000. 14 years together.", "Picked up a 2016 Mazda CX-5 today. 2,350,000."],
     "2,350,000 − 780,000 = 1,570,000."),
    ("How much more an hour do I get now?", ["pay raised to 275 kr an hour", "250 kr an hour to start"],
     "275 kr − 250 kr = 25 kr."),
    # The same amount told twice is one amount.
    ("By how much did the service charge go up?", ["Service charge: 3,850 a month.", "going up from 3,850 to 4,120"],
     "4,120 − 3,850 = 270."),
    # Things told with a price each come to the count times the price.
    ("How much did I make selling mugs at the market?",
     ["Sold three of my mugs at the Footscray makers market for $25 each!! actual strangers paid money"],
     "three × $25 = $75."),
    ("How much did the concert tickets cost me in total?", ["Bought 4 concert tickets at £65.50 apiece."],
     "4 × £65.50 = £262.00."),
    # Asked what the things named cost together: their amounts told with a currency, not a list's bare copy.
    ("What did the new tyres and the brake pads cost together?",
     ["Got four new tyres fitted, 2,400 kr with balancing.", "Brake pads done at the garage, 1,150 kr.",
      "- Tyres: 2,400"], "2,400 kr + 1,150 kr = 3,550 kr."),
    # A measure told bare right after its name, then and now; the dose told with its unit is none of it.
    ("How much has my HbA1c dropped since I started on metformin?",
     ["Check-up: HbA1c 7.9. Starting metformin, 500 mg twice a day.", "New test, HbA1c down to 6.8."],
     "7.9 − 6.8 = 1.1."),
    ("How much has my cholesterol dropped since the first check-up?",
     ["Blood pressure 148/95, cholesterol 6.2.", "Cholesterol down to 5.1, blood pressure 132/84.",
      "Booked the car in for new brake discs: 3,200 kr."], "6.2 − 5.1 = 1.1."),
])
def test_what_the_amounts_come_to_is_written_with_every_operand(question, said, line):
    assert _line(question, *said) == line
    assert adds_up(line)


@pytest.mark.parametrize("question, said", [
    ("How much is the rent?", ["Rent is 1,150 euros"]),  # nothing to work out
    # Three rents for a difference of two: which two is not for a rule to guess.
    ("How much more rent do I pay now?", ["my share is $245 a week", "The unit is $620 a week, $310 each"]),
    ("How much more did I pay?", ["It was £40", "and 35 euros for the taxi"]),  # two currencies
    ("How much faster was my race than my time trial?", ["10k time trial: 52:10"]),  # times are no amounts
    # The distance the question is about is no amount of the time it asks: 18 km less 5 km is no "faster".
    ("How much faster is my 10 km now than the first time I ran it?",
     ["Ran the 10 km in 58 minutes, and 18 km on Sunday", "Did 5 km with the club and walked half of it"]),
    ("How much does Sam still owe me?", ["Sam sent £50 back", "Sam paid another £20"]),  # no loan told
    ("How much was each mug?", ["Sold three of my mugs for $25 each"]),  # the price is asked, and said
    ("How much did I make selling prints?", ["Sold three of my mugs for $25 each"]),  # not the things asked of
    # Two prices each of the things asked: which one sold is not for a rule to guess.
    ("How much did I make selling mugs?", ["Sold three mugs for $25 each", "Sold two mugs for $30 each"]),
    # A sum over the things named, of which only one memory tells: nothing to add.
    ("How many flatbreads did Sam sell at the launch and in his first week at Kirkgate, together?",
     ["first week at Kirkgate done. 600 flatbreads", "we did our first trial run yesterday, 60 flatbreads"]),    # Two amounts in one memory of the things named: which of them counts is not for a rule to guess.
    ("How much have I made from the advance and the ad money together?",
     ["the label sent the contract, a $2,000 advance split four ways, so $500 each",
      "$8,000 for the ad licence, so $2,000 each", "- Advance: 2,000"]),
    # An amount for each one, or each month: how many of it count is not said.
    ("What did the concert tickets and the train cost together?",
     ["bought the concert tickets, 1,150 kr for both of us", "I'll sort the train, it's 640 kr return each"]),
    ("How much do the boathouse and the boat cost together?", ["Boathouse rent: 1,200 kr a month", "boat: 18,000 kr"]),
    # Three readings of it: which two the change is between is not for a rule to guess.
    ("How much has my HbA1c dropped since I started on metformin?",
     ["Check-up: HbA1c 7.9.", "HbA1c 7.2 in June.", "New test, HbA1c down to 6.8."]),
])
def test_nothing_is_worked_out_when_the_amounts_leave_doubt(question, said):
    assert _line(question, *said) is None


def test_a_line_that_does_not_add_up_is_found_out():
    assert not adds_up("1,480 euros − 1,150 euros = 331 euros.")
    assert not adds_up("That was 11 months ago: 2023-09-16.")
    assert adds_up("three × $25 = $75.") and not adds_up("three × $25 = $70.")


def test_asked_what_is_still_owed_the_answer_quotes_the_loan_and_the_payment_and_works_it_out(services):
    start = datetime(2025, 3, 4, 9, tzinfo=timezone.utc).timestamp()
    said = ["I lent Tomás 200 euros for his flight home, money he says he'll pay me back soon.",
            "Tomás paid back 120 euros of the money I lent him."]
    services.conversations.log.add_turns([Turn("c1", "me", text, start + 86400 * day, "user", str(day))
                                          for day, text in enumerate(said)], services.clock.timestamp())
    answer = services.answering.ask("How much money does Tomás still owe me?", remember=False)
    assert "“I lent Tomás 200 euros" in answer.text and "“Tomás paid back 120 euros" in answer.text
    assert answer.text.endswith("\n\n200 euros − 120 euros = 80 euros.")
    assert answer.reckoned == "200 euros − 120 euros = 80 euros."


def test_things_compared_or_added_are_told_of_apart_and_not_refused_for_it():
    """The Volvo is never told of with the e-Golf: a difference or a sum of their amounts is no
    reason to say "nothing in your memory about Volvo says that"."""
    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    sold = Memory(1, "message", "Halvor: Sold the old Volvo V70 to a young guy from Voss, 22,000 kr.", 0.0,
                  None, 7.0, 0, False, "active", speaker="Halvor")

    def detached(question):
        result = SearchResult((Hit(sold, 1.0, 1.0, None, similarity=0.3),), 0.3,
                              parsed=parse_query(question, datetime(2024, 12, 1, tzinfo=timezone.utc)),
                              detached_names=("Volvo",))
        return signals(result, question).detached

    assert detached("How much more did the e-Golf cost than I got for the Volvo?") == ()
    assert detached("How much did I get for the house and the Volvo together?") == ()
    assert detached("Who bought the Volvo from me?") == ("Volvo",)


def test_a_sum_is_not_refused_for_the_words_it_is_asked_in():
    """No memory says "cost" or "together": "Garage quoted 320 euro for discs", "Bought goggles, 18 euro"."""
    from second_me.retrieval.abstain import words_memory_lacks
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    def lacked(question, unknown):
        result = SearchResult((), 0.3, parsed=parse_query(question, datetime(2025, 12, 1, tzinfo=timezone.utc)),
                              unknown_terms=unknown)
        return words_memory_lacks(result, question)

    assert lacked("How much did the brake discs and the goggles cost together?", ("cost", "together")) == ()
    assert lacked("What did we cook together?", ("together",)) == ("together",)
    # Nor what is still to go to a goal: "Savings for the Lisbon trip: £3,200 so far, target £5,000."
    assert lacked("How much more do I need to save to reach my target?", ("reach", "need")) == ()
    assert lacked("Which trail did we take to reach the lake?", ("reach",)) == ("reach",)


def test_what_is_still_to_go_to_a_goal_is_the_goal_less_the_newest_amount_told_of_it():
    def said(text: str, day: int) -> Evidence:
        return Evidence(text, day, "chat", "message", "Doug", created_at=float(day * 86400))

    started = said("Physio with Karen twice a week. 95 degrees of bend so far, the goal is 120.", 1)
    now = said("Karen measured 115 degrees of bend today. Almost at the goal, and I can do the stairs again.", 30)
    question = "How much more of a bend does my knee need to reach Karen's goal?"
    found = worked_out(question, [now, started])
    assert found is not None and found[1] == "120 − 115 degrees = 5 degrees." and adds_up(found[1])
    assert {item.memory_id for item in found[0]} == {1, 30}
    assert _line("How much more do I need to save to reach my target?",
                 "Savings for the trip: £3,200 so far, target £5,000.") == "£5,000 − £3,200 = £1,800."
    # A newest memory telling of something else, or of two amounts, leaves doubt: nothing is worked out.
    walked = said("Walked 2 km without the cane today.", 40)
    assert worked_out(question, [walked, now, started])[1] == "120 − 115 degrees = 5 degrees."
    both = said("Bend is 117 degrees, up from 115 degrees last week.", 50)
    assert worked_out(question, [both, now, started]) is None


def test_a_lone_amount_quoted_for_a_difference_is_followed_by_one_from_further_down_told_in_the_questions_words(
        services):
    start = datetime(2023, 8, 20, 9, tzinfo=timezone.utc).timestamp()
    said = ["We listed the house on Maple Drive in Dartmouth today. Asking $549,000. The realtor's name is Colleen.",
            "Went for a slow walk with Biscuit along the water.",
            "SOLD. It went for $565,000, over asking! Closing is October 31st.",
            "Traded in the old Subaru for a Toyota RAV4 hybrid, $41,000 with the trade-in."]
    services.conversations.log.add_turns([Turn("c1", "Doug", text, start + 86400 * 10 * day, "user", str(day))
                                          for day, text in enumerate(said)], services.clock.timestamp())
    answer = services.answering.ask("By how much did the Maple Drive house sell over the asking price?",
                                    remember=False)
    assert "“SOLD. It went for $565,000, over asking!" in answer.text and "RAV4" not in answer.text
    assert answer.reckoned == "$565,000 − $549,000 = $16,000."
