"""What a question or request wants, and that requests are never refused for their verb."""

import pytest

from second_me.retrieval.answer_type import proper_names
from second_me.retrieval.intent import FACT, GATHER, REQUEST, YES_NO, intent_of
from second_me.text.utterance import asked_verbs, asks_something, request_words, what_it_asks


@pytest.mark.parametrize("text, kind", [
    ("Summarize my sourdough notes", REQUEST),
    ("Explain in detail how I set up the backup", REQUEST),
    ("Write a short packing list for the Lisbon trip", REQUEST),
    ("Can you compare the two laptops I looked at?", REQUEST),
    ("please list the books I want to read", REQUEST),
    ("What activities does Priya do?", GATHER),
    ("Which phones have I owned?", GATHER),
    ("how many times did I go climbing?", GATHER),
    # An amount worked out from several statements: each of them is wanted.
    ("How much does Tomás still owe me?", GATHER),
    ("What's the difference between my old and new rent?", GATHER),
    ("By how many km a week has my cycling gone up?", GATHER),
    ("How much did I pay for my surfboard?", FACT),
    # An everyday topic over a stretch of time gathers too; asked of one thing, it does not.
    ("What's been wrong with Bea's health this past year?", GATHER),
    ("What did I buy in 2025?", GATHER),
    ("Where did we go away to since April?", GATHER),
    ("What did I buy at the garden centre?", FACT),
    ("Did I buy the bike in 2025?", YES_NO),
    ("How many km did I run up the hill?", FACT),
    ("did I grow up on a farm?", YES_NO),
    ("Am I still vegetarian?", YES_NO),
    ("and did I send it on time?", YES_NO),  # a follow-up's "and" is no question word
    ("how long do I proof the dough?", FACT),
    ("What does Jonas do for work now?", FACT),
    ("What did Karl say about the budget?", FACT),
    ("What did I say about Belém?", FACT),
    ("What do my notes say about the starter, proofing the dough and baking the bread?", REQUEST),
    ("what did I write about Lisbon?", REQUEST),
    ("What have I written about the canoe?", REQUEST),
    # A request without its verb; a statement about tips is none.
    ("tips for reading more when ur tired all the time", REQUEST),
    ("any recs for a podcast on the drive", REQUEST),
    ("Tips for the waiter were 15%, fine", FACT),
])
def test_intent(text, kind):
    assert intent_of(text).kind == kind
    assert intent_of(text).reckons == (text in ("How much does Tomás still owe me?",
                                                "What's the difference between my old and new rent?",
                                                "By how many km a week has my cycling gone up?"))


def test_a_request_names_its_instruction_words():
    assert {"summarize", "notes"} <= request_words("Summarize my sourdough notes")
    assert "sourdough" not in request_words("Summarize my sourdough notes")
    # The memories themselves, named in a request: no memory says "chats".
    assert request_words("Summarize my chats with Tom") >= {"summarize", "chats"}
    assert "tom" not in request_words("Summarize my chats with Tom")
    assert request_words("what is in my sourdough notes?") == frozenset()
    # A summary asked as a question: what a note must say is the topic, not "written".
    assert intent_of("What have I written about the canoe?").wants_extract
    assert request_words("What have I written about the canoe?") >= {"written", "about"}
    assert "canoe" not in request_words("What have I written about the canoe?")


@pytest.mark.parametrize("text", ["Summarize my notes", "Explain in detail how it works", "Write a packing list",
                                  "Compare the laptops", "Tilly does what for work?"])
def test_a_capitalised_first_word_is_no_name(text):
    assert proper_names(text) == []


def test_a_possessive_first_word_is_a_name():
    assert proper_names("Lena's husband: what is he called?") == ["Lena"]


def test_ago_is_a_time_word_not_one_memory_must_contain():
    from second_me.text.words import content_words

    assert "ago" not in content_words("How long ago did I retire?")


def test_the_pieces_of_contractions_and_us_are_not_content_words():
    from second_me.text.words import content_words

    assert content_words("what's the best book I've read, and what'll we do, how much did it cost us") == \
        ["best", "book", "read", "cost"]
    # A negation is no word a memory is found by: "couldn't" had been the unknown word "couldn" and refused.
    assert content_words("Why couldn't Ellie come? she didn’t say, won't say") == ["ellie", "come", "say"]
    assert content_words("Who won the race?") == ["won", "race"]


@pytest.mark.parametrize("turn, asks", [
    ("any podcast recs for the drive to Mum's? it's about an hour each way", True),  # lower case, "?" inside
    ("Hurt my knee at physio. How long should I ice it", True),
    ("Give me a five minute vocal warm-up for choir.", True),  # a request is answered too
    ("see https://example.org/?page=2 for the list", False),  # a "?" in an address asks nothing
    ("I moved to Berlin last week.", False),
    ("ok thanks", False),
    ("OMG what's his name", True),  # a word said before the question is not part of it
    ("oh what a day", False),
    ("did it!! 1:52:30 yesterday", False),  # done and exclaimed, not asked
    ("did the Cardiff half yesterday. 1:58:40!!! under 2 hours", False),
    ("did it?", True),
    ("Had my flu jab at the chemist this morning, arm's a bit sore", False),  # done, the "I" left out
    ("Had the boiler serviced today", False),
    ("had you heard about Tom", True),
])
def test_a_chat_turn_that_asks_something(turn, asks):
    assert asks_something(turn) is asks


def test_what_a_turn_asks_is_what_a_reply_to_it_answers():
    assert what_it_asks("My dad turns 70 in March. He loves jazz. Gift ideas?") == "Gift ideas?"
    assert what_it_asks("who's Ines again?") == "who's Ines again?"
    assert what_it_asks("Ok see you then") == "Ok see you then"  # asks nothing on its own: all of it


@pytest.mark.parametrize("question, verbs", [
    ("When was Arlo born?", {"born"}),
    ("Why did Ruben need to borrow money off me?", {"need", "borrow"}),
    ("How much did Ruben still owe me?", {"owe"}),
    ("What has Owen cooked this year?", {"cooked"}),
    ("What knocked Kofi off his bike?", {"knocked"}),
    ("Which doctors have I been registered with?", {"registered"}),
    ("How much did Mei's visa cost?", {"cost"}),
    ("What colour sari was Mum wearing at her party?", {"wearing"}),
    # Typed in lower case, a name is still the subject, and the word after it the verb.
    ("when did owen cook haggis", {"cook"}),
    ("Who was born in 1990?", {"born"}),
    # The verb of a clause telling of another event, and one going on in its -ing form.
    ("How old was Owen when he started walking?", {"started", "walking"}),
    ("How old was Ella when she lost her first tooth?", {"lost"}),
    ("How long ago did I give up smoking?", {"give", "smoking"}),
    # The nouns name the thing: never a verb.
    ("What breed is Dev's dog?", set()),
    ("When was Tariq's 34th birthday?", set()),
    ("What's my sister's name?", set()),
    ("How old was Owen when he started school?", {"started"}),
    ("Which town are Lieve's mum and dad in?", set()),
    # After "did the GP", the word before a preposition (or the end) is the verb; before another, a noun.
    ("What did the GP prescribe for my migraines?", {"prescribe"}),
    ("What did the physio appointment cost?", set()),
])
def test_a_questions_verbs_are_found_after_its_subject(question, verbs):
    assert asked_verbs(question) == verbs
