"""The crude stemmer the sentence checks match words with."""

import pytest

from second_me.text.names import names_in
from second_me.text.word_forms import word_forms
from second_me.text.words import name_forms, stem, stems


@pytest.mark.parametrize("word, stemmed", [
    ("baking", "bak"), ("baked", "bak"), ("stopped", "stop"), ("berries", "berry"),
    # A verb ending in "ee" keeps one form: "agreed" is "agree".
    ("agree", "agre"), ("agreed", "agre"), ("agrees", "agre"), ("agreeing", "agre"),
    # An abbreviation's plural is its singular: "Switched GPs" is about a GP.
    ("GPs", "gp"), ("TVs", "tv"), ("PCs", "pc"),
    # Short words whose "s" is no plural stay whole.
    ("bus", "bus"), ("gas", "gas"), ("yes", "yes"), ("his", "his"), ("Mrs", "mrs"),
])
def test_stems(word, stemmed):
    assert stem(word) == stemmed


def test_a_sentence_with_a_plural_abbreviation_shares_the_questions_word():
    assert "gp" in stems("Switched GPs to Dr. Adeyemi in Seddon")


@pytest.mark.parametrize("word, among", [
    # A regular form finds the listed word's other forms: "where am I flying?" finds "booked flights".
    ("flying", "flight"), ("flights", "fly"), ("working", "job"), ("worked", "job"), ("jobs", "work"),
    ("running", "ran"), ("making", "made"), ("going", "went"), ("doctors", "dr"),
    # Everyday words for the same thing: "my cat" is the kitten, "how I maintain my bike" its maintenance.
    ("cats", "kitten"), ("kitten", "cat"), ("puppy", "dog"), ("maintain", "maintenance"), ("photos", "picture"),
    ("wedding", "married"), ("marrying", "wedding"), ("weddings", "marry"), ("trips", "travel"),
    ("holiday", "trip"), ("checklist", "list"), ("baby", "born"),  # "What did they call the baby?": "born 2:14am"
    # A verb made from an adjective: "When did the first Sungold ripen?" is told "First Sungold ripe."
    ("ripen", "ripe"), ("ripened", "ripe"), ("softening", "soft"),
])
def test_a_regular_form_brings_the_forms_of_the_word_it_is_made_from(word, among):
    assert among in word_forms(word)


def test_an_ending_is_only_taken_off_a_base_form():
    assert word_forms("bored") == ("bored",)  # not "bore", the past of "bear"
    assert word_forms("things") == ("things",)


def test_a_name_is_called_in_full_or_by_its_first_word():
    assert name_forms("Tom Reed") == {"tom reed", "tom"}
    assert name_forms("Sam") == {"sam"}
    assert name_forms("  José  Silva ") == {"jose silva", "jose"}
    assert name_forms("") == frozenset()


def test_a_name_is_no_common_word_written_in_capitals():
    assert names_in("Booked a GP appointment for 9 October about the migraines.") == set()
    assert names_in("Switched GPs to Dr. Adeyemi in Seddon") == {"adeyemi", "seddon"}
    assert names_in("Lunch with JO at the NHS canteen") == {"jo", "nhs"}  # no common word: a name
    assert names_in("She said it's IT band syndrome") == set()  # a little word in capitals
    assert names_in("We flew to the US on Friday") == {"us"}
    assert names_in("Physio with Karen twice a week, Mondays and Thursdays.") == {"karen"}  # weekdays, not names
    # A sentence begins with a name no English word is spelt like; "Moved" is a word.
    assert names_in("Moved in yesterday!! Grünerløkka life") == {"grunerløkka"}
