"""Quote-first answers: the quotes, and what may be written under them."""

from second_me.domain import Evidence
from second_me.models.fake import FakeChatModel
from second_me.retrieval.hybrid import SearchOptions
from second_me.retrieval.intent import intent_of
from second_me.retrieval.writing import quote_first, when_line

SAID = 1_688_601_600.0  # 2023-07-06
YESTERDAY = Evidence("we took the kids to the aquarium yesterday", 7, "chat · Sam · 2023-07-06", "message", "Sam",
                     score=0.9, created_at=SAID, about="2023-07-05")


def test_a_when_question_over_a_message_gets_the_date_it_tells_of_written_by_rule():
    assert when_line("When did Sam go to the aquarium?", YESTERDAY) == "2023-07-05 (Sam said it on 2023-07-06)."
    plain = Evidence("we went to the aquarium!", 7, "chat", "message", "Sam", created_at=SAID)
    assert when_line("when did Sam go to the aquarium", plain) == "Sam said it on 2023-07-06."


def test_no_date_line_for_other_questions_or_for_notes():
    assert when_line("Where did Sam take the kids?", YESTERDAY) == ""
    note = Evidence("Aquarium trip: 5 July.", 3, "notes/trips.md:4", "chunk", created_at=SAID)
    assert when_line("When was the aquarium trip?", note) == ""


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


def test_a_readers_number_from_the_wrong_sentence_of_the_right_note_is_dropped(services, notes):
    # The proofing note also says "4 to 5 hours" (bulk fermentation): not what was asked, not quoted.
    services.indexing.add([notes])
    services._chat = FakeChatModel(reply="4 to 5 hours [1].", parameters=1_500_000_000, judge=0.9)
    answer = services.answering.ask("how long do I proof the dough?", remember=False)
    assert "4 to 5 hours" not in answer.text and "12 to 14 hours" in answer.text  # the quote stands alone


def test_a_line_that_hands_the_question_back_is_not_shown():
    from second_me.retrieval.writing import short_line

    best = Evidence("About 15 to 20 minutes at a time, with a cloth between the ice pack and your skin.", 4,
                    "chat", "message", "assistant", score=0.9)
    question = "How long did you tell me to keep ice on my knee?"
    assert short_line("How long did you tell me to keep ice on my knee?", best, question) == ""
    assert short_line("You told me to keep ice on my knee.", best, question) == ""
    assert short_line("About 15 to 20 minutes at a time.", best, question) == "About 15 to 20 minutes at a time."


def test_a_request_whose_best_match_is_the_documents_summary_quotes_the_document(services, notes):
    """"Summarize my health notes" matches the summary of the note best ("Summary of…"); the answer
    still quotes the note itself, line by line, not the summary's run-on text."""
    services.indexing.add([notes])
    services.memory.refresh_summaries(budget_seconds=60)
    found = services.answering.search("sourdough", SearchOptions(k=20, kinds=("summary",))).hits
    summary = next(hit for hit in found if "sourdough" in hit.memory.text.lower())
    hits = services.answering._whole_document([summary])
    assert hits[0].memory.kind == "chunk" and "sourdough" in hits[0].origin.path
    assert hits[-1] is summary  # read after the document


def test_a_summary_is_the_notes_own_words_with_either_reader_and_a_writing_request_is_the_readers(services, notes):
    """A reader retelling a note dropped its bake step and reworded the rest; a summary, outline or
    list quotes the note, every step with its line. "Write…" is still the reader's to answer."""
    services.indexing.add([notes])
    services._chat = FakeChatModel(reply="Feed the starter and proof it [1].", parameters=1_500_000_000, judge=0.9)
    summary = services.answering.ask("Summarize my sourdough notes", remember=False)
    assert "“Bake in a preheated Dutch oven at 250 °C" in summary.text and "Feed the starter and proof" not in summary.text
    assert "“After shaping, proof the dough in the fridge overnight, 12 to 14 hours.”" in summary.text
    written = services.answering.ask("Write a short note about my sourdough bread", remember=False)
    assert "Feed the starter and proof it" in written.text


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
    services._chat = FakeChatModel(reply="I don't know.", parameters=1_500_000_000, judge=0.9)
    written = services.answering.ask("Write a short shopping list for my sourdough", remember=False)
    assert not written.abstained and "“Feed the starter the night before" in written.text
