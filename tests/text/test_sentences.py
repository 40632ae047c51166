"""Sentences as people write them: notes capitalised, chat often not."""

from second_me.text.sentences import split_sentences


def _split(text: str, lower_case_starts: bool = False) -> list[str]:
    return [sentence for sentence, _ in split_sentences(text, lower_case_starts)]


def test_chat_typed_in_lower_case_splits_when_asked_to():
    text = "we booked Porto for May 19. we like food and wine, what should we do?"
    assert _split(text) == [text]  # a quote keeps the turn's pieces together
    assert _split(text, lower_case_starts=True) == ["we booked Porto for May 19.",
                                                    "we like food and wine, what should we do?"]
    assert _split("wow! that was great", lower_case_starts=True) == ["wow!", "that was great"]


def test_abbreviations_and_trailing_off_end_no_sentence_before_a_lower_case_word():
    assert _split("meet at 3 p.m. tomorrow ok?", lower_case_starts=True) == ["meet at 3 p.m. tomorrow ok?"]
    assert _split("add 2 tbsp. of honey. then bake", lower_case_starts=True) == ["add 2 tbsp. of honey.", "then bake"]
    assert _split("so... we went anyway", lower_case_starts=True) == ["so... we went anyway"]
    assert _split("check e.g. the tyres", lower_case_starts=True) == ["check e.g. the tyres"]


def test_an_abbreviation_in_brackets_ends_no_sentence():
    assert _split("GP (Dr. Okafor) thinks it is screen time. Prescribed sumatriptan.") == [
        "GP (Dr. Okafor) thinks it is screen time.", "Prescribed sumatriptan."]


def test_offsets_point_at_each_sentence():
    text = "got the job. starting in May"
    assert split_sentences(text, lower_case_starts=True) == [("got the job.", 0), ("starting in May", 13)]
