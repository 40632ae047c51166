"""What users read, scored: token F1, and names, numbers and dates a reply states without evidence."""

from second_me.domain import Answer, Evidence
from second_me.eval.answers import token_f1, unsupported_claims

PROOF = Evidence("After shaping, proof the dough in the fridge overnight, 12 to 14 hours.", 1, "sourdough.md:11")


def test_token_f1():
    assert token_f1("12 to 14 hours", "12 to 14 hours") == 1.0
    # "the" is dropped: 4 of 8 words are the gold's, all 4 of the gold's are said
    assert abs(token_f1("The dough proofs 12 to 14 hours in the fridge.", "12 to 14 hours") - 2 / 3) < 1e-9
    assert abs(token_f1("four hours", "12 to 14 hours") - 1 / 3) < 1e-9
    assert token_f1("a tabby", "Miso") == 0.0


def test_quotes_are_evidence_and_a_line_may_only_restate_them():
    quoted = "“After shaping, proof the dough in the fridge overnight, 12 to 14 hours.” [1]"
    assert unsupported_claims(Answer(quoted + "\n\n12 to 14 hours.", evidence=(PROOF,))) == []
    assert unsupported_claims(Answer(quoted + "\n\nAbout 4 hours at 250 °C.", evidence=(PROOF,))) == ["250", "4"]
    assert unsupported_claims(Answer("Sam: " + quoted, evidence=(PROOF,))) == []
    assert unsupported_claims(Answer("I don't know: nothing matches.", abstained=True)) == []


def test_a_difference_the_question_asks_for_is_a_claim_its_evidence_supports():
    lent = (Evidence("I lent Tomás 200 euros.", 1, "chat"), Evidence("Tomás paid back 120 euros.", 2, "chat"))
    owed = Answer("Tomás still owes you 80 euros [1].", evidence=lent)
    assert unsupported_claims(owed, "How much does Tomás still owe me?") == []
    assert unsupported_claims(owed, "How much did I lend Tomás?") == ["80"]


def test_amounts_worked_out_by_rule_are_checked_operand_by_operand_and_must_add_up():
    letter = (Evidence("service charge goes up from 3,850 to 4,120 a month", 1, "chat"),)
    quoted = "“service charge goes up from 3,850 to 4,120 a month” [1]\n\n"
    # "3,850 to 4,120" reads as one range to the support check; each amount is stated all the same.
    worked = "4,120 − 3,850 = 270."
    assert unsupported_claims(Answer(quoted + worked, evidence=letter, reckoned=worked)) == []
    wrong = "4,120 − 3,850 = 207."
    assert unsupported_claims(Answer(quoted + wrong, evidence=letter, reckoned=wrong)) == ["207"]
    unstated = "4,210 − 3,850 = 360."
    assert unsupported_claims(Answer(quoted + unstated, evidence=letter, reckoned=unstated)) == ["4,210"]


def test_who_said_it_and_when_are_part_of_the_evidence():
    said = Evidence("Maisie's party was yesterday.", 1, "chat · Sam · 2023-05-15", "message", "Sam",
                    created_at=1_684_108_800.0)  # 2023-05-15
    assert unsupported_claims(Answer("On 2023-05-15, Sam said so [1].", evidence=(said,))) == []
    assert unsupported_claims(Answer("On 2023-05-14, Priya said so [1].", evidence=(said,))) == ["05-14", "Priya"]


def test_what_the_user_first_sees_is_timed_apart_from_the_reader_s_answer(services, notes):
    # A capable reader's quotes are shown while it reads: the benchmark times them (first_shown_s) apart
    # from the first text of its answer; with the small model the quotes are the answer, one time.
    from second_me.eval.answers import ask_one
    from second_me.eval.dataset import Question
    from second_me.models.fake import FakeChatModel

    services.indexing.add([notes])
    question = Question("q1", "information-extraction", "how long do I proof the dough?", "12 to 14 hours", (), None)
    services._chat = FakeChatModel(reply="12 to 14 hours in the fridge [1].", parameters=1_500_000_000,
                                   judge=0.9, delay=0.05)
    read = ask_one(services, question, services.settings)
    assert read["correct"] and read["first_shown_s"] + 0.04 < read["first_text_s"]
    services._chat = FakeChatModel()
    quoted = ask_one(services, question, services.settings)
    assert quoted["correct"] and quoted["first_shown_s"] == quoted["first_text_s"]
