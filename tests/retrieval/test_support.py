"""The support check: what second-me writes may state only what its evidence states."""

import pytest

from second_me.text.support import Support, supported_sentences

PROOF = ["Bulk fermentation takes about 4 to 5 hours at 24 °C, with stretch and folds every 30 minutes.",
         "After shaping, proof the dough in the fridge overnight, 12 to 14 hours."]
QUESTION = "how long do I proof the dough?"


@pytest.mark.parametrize("sentence", [
    "Proof the dough in the fridge for 12 to 14 hours [2].",
    "You proof it overnight, 12-14 hours.",
    "Bulk fermentation takes four to five hours.",
    "12 to 14 hours in the fridge.",
])
def test_sentences_that_restate_the_evidence_pass(sentence):
    assert Support(PROOF, QUESTION).check(sentence).supported


@pytest.mark.parametrize("sentence, missing", [
    ("The answer is: 4 hours", "4"),  # a number taken out of the range it stands in
    ("Proof it for 12 hours.", "12"),
    ("Sam proofs the dough for 12 to 14 hours.", "Sam"),
    ("On 5 July 2023 you proofed the dough.", "07-05"),
    ("You can't bake bread at 250 °C, but a temperature converter helps.", "250"),
    ("I grew up in a family of farmers.", "3 of 3 words"),
])
def test_a_number_name_date_or_claim_absent_from_the_evidence_fails(sentence, missing):
    check = Support(PROOF, QUESTION).check(sentence)
    assert not check.supported and missing in check.missing


def test_dates_match_in_any_common_form():
    evidence = Support(["(said 2023-07-06, about 2023-07-05) we took the kids to the aquarium"])
    assert evidence.check("We took the kids to the aquarium on 5 July 2023.").supported
    assert evidence.check("We took the kids to the aquarium on July 5th.").supported
    assert not evidence.check("We took the kids to the aquarium on 6 August.").supported


def test_words_of_the_question_count_as_support_but_not_its_names_numbers_and_dates():
    evidence = ["Dr. Adeyemi at the new clinic."]
    assert Support(evidence, "who is my new doctor?").check("My new doctor is Dr. Adeyemi.").supported
    assert not Support(evidence, "who is my GP now?").check("My GP is Dr. Adeyemi.").supported
    assert Support(evidence, "who is my GP now?", question_names=True).check("My GP is Dr. Adeyemi.").supported
    assert not Support(["Went to the dentist today."], "where did I go two days ago?").check("Two days ago.").supported
    assert not Support(["Tomás moved to Valencia for a job."], "where did I live before I moved to Berlin?",
                       question_names=True).check("You lived in Berlin in 2019.").supported


def test_a_bare_yes_says_nothing_the_evidence_must_hold():
    # "Did I pass the exam?" over "passed!!": the reader's "Yes [3]." was dropped as a claim of its own.
    support = Support(["passed!!"], "Did I pass the exam?", question_names=True)
    assert support.check("Yes [3].").supported and support.check("Yes, you passed [3].").supported
    assert not support.check("Yes, with distinction [3].").supported


def test_asked_what_is_left_or_in_total_a_number_worked_out_from_two_amounts_is_stated():
    lent = ["I lent Tomás 200 euros for his flight home.", "Tomás paid back 120 euros of the money I lent him."]
    assert Support(lent, "How much does Tomás still owe me?").check("Tomás still owes you 80 euros.").supported
    assert Support(lent, "How much have I lent and been paid back in total?").check("320 euros.").supported
    assert Support(lent, "How much did Tomás pay back altogether?").check("320 euros.").supported
    # Not asked for: a number the evidence does not state is still a claim of its own.
    assert not Support(lent, "How much did I lend Tomás?").check("You lent Tomás 80 euros.").supported
    # A difference is not a total, nor the other way round, nor any other number.
    assert not Support(lent, "How much does Tomás still owe me?").check("Tomás owes you 320 euros.").supported
    assert not Support(lent, "How much does Tomás still owe me?").check("Tomás owes you 90 euros.").supported
    rent = ["The rent for the new flat is 1,480 euros warm.", "Rent was 1,150 euros warm."]
    assert Support(rent, "What's the difference between my old and new rent?").check("It is 330 euros.").supported
    venues = ["then a barn near Ilkley, £9,500 just for the venue hire", "The Mill: £6,800 for the day"]
    assert Support(venues, "How much cheaper was the Mill than the barn near Ilkley?").check("£2,700 cheaper.").supported
    assert not Support(venues, "How much water was there for the Mill?").check("£2,700.").supported
    # One of the amounts copied is not what is left or the difference; both stated beside it are fine.
    assert not Support(lent, "How much does Tomás still owe me?").check("Tomás still owes you 120 euros.").supported
    assert not Support(venues, "How much cheaper was the Mill than the barn near Ilkley?").check(
        "The Mill was £9,500 cheaper than the barn near Ilkley.").supported
    assert Support(venues, "How much cheaper was the Mill than the barn near Ilkley?").check(
        "£9,500 - £6,800 = £2,700.").supported


def test_a_code_or_a_name_is_read_as_the_evidence_writes_it():
    said = ["Parking spot P2-17, storage locker 12.",
            "Design: 16 ft Prospector, plans from Ted Moores' book Canoecraft."]
    support = Support(said, "Which parking space is ours?")
    assert support.check("P2-17 [1].").supported
    assert support.check("Ted Moores' book Canoecraft [2].").supported
    assert not support.check("P2-18 [1].").supported and not support.check("P3-17 [1].").supported
    assert not support.check("Ted Smiths' book [2].").supported


def test_a_currency_the_evidence_does_not_state_is_a_claim():
    row = ["date: 2025-03-29; shop: Tesco; category: groceries; amount: 47.10"]
    assert not Support(row, "How much did I spend at Tesco?").check("$47.10 [1].").supported
    assert Support(row, "How much did I spend at Tesco?").check("47.10 [1].").supported
    assert Support(["Tomás paid back 120 euros."]).check("He paid back €120.").supported  # the word says it
    assert not Support(["Tomás paid back 120 euros."]).check("He paid back £120.").supported


def test_unsupported_sentences_are_dropped_and_the_rest_kept():
    kept, dropped = supported_sentences("Proof it overnight, 12 to 14 hours. Then bake it for 3 hours at 300 °C.",
                                        PROOF, QUESTION)
    assert kept == "Proof it overnight, 12 to 14 hours."
    assert dropped == ["Then bake it for 3 hours at 300 °C."]
