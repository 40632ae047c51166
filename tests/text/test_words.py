"""The crude stemmer the sentence checks match words with."""

import pytest

from second_me.text.words import stem, stems


@pytest.mark.parametrize("word, stemmed", [
    ("baking", "bak"), ("baked", "bak"), ("stopped", "stop"), ("berries", "berry"),
    # An abbreviation's plural is its singular: "Switched GPs" is about a GP.
    ("GPs", "gp"), ("TVs", "tv"), ("PCs", "pc"),
    # Short words whose "s" is no plural stay whole.
    ("bus", "bus"), ("gas", "gas"), ("yes", "yes"), ("his", "his"), ("Mrs", "mrs"),
])
def test_stems(word, stemmed):
    assert stem(word) == stemmed


def test_a_sentence_with_a_plural_abbreviation_shares_the_questions_word():
    assert "gp" in stems("Switched GPs to Dr. Adeyemi in Seddon")
