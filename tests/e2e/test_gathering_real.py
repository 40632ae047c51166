"""A question gathering an everyday topic across months of chat, on the real shipped embedder."""

from datetime import datetime, timezone

import pytest

from second_me.retrieval.hybrid import SearchOptions
from tests.e2e.weekly_chat import weekly_chat

pytestmark = pytest.mark.real_models

START = datetime(2025, 4, 6, 20, 0, tzinfo=timezone.utc)
# A week apart, Josie and her cousin Ruben. His health is told three times, never in the question's words.
WEEKS = [
    ("Ruben", "got concussed at frisbee on Saturday. went for a disc at the same time as a teammate"),
    ("Josie", "oh no. what went wrong with the new boss this year, is he still making you redo everything?"),
    ("Ruben", "the boss is fine. what's wrong is the weather, it's been raining all year"),
    ("Ruben", "had a wisdom tooth out yesterday. I look like a hamster"),
    ("Ruben", "the thesis is going well, chapter three is with my supervisor"),
    ("Josie", "we painted the kitchen yellow over the weekend"),
    ("Ruben", "found a tick behind my knee after the walk down from Zermatt, the doctor says it's Lyme"),
    ("Ruben", "Noemi's parents came for dinner. her dad brought his own cheese"),
    ("Josie", "Mila started at the new school. she loves her teacher"),
    ("Ruben", "my bike got a flat tyre on the way to the institute, what a year"),
    ("Ruben", "we're thinking of getting a cat. Noemi wants a ginger one"),
    ("Josie", "the car's making a noise again. something's wrong with the gearbox"),
]
HEALTH = {"concussed", "wisdom tooth", "tick"}


@pytest.fixture(scope="module")
def cousins(tmp_path_factory):
    services = weekly_chat(tmp_path_factory, START, WEEKS, "Josie", "chat with Ruben")
    yield services
    services.close()


def test_what_tells_of_a_topic_is_gathered_without_its_words(cousins):
    hits = cousins.answering.search("What's been wrong with Ruben's health this year?", SearchOptions(k=5)).hits
    found = {said for said in HEALTH for hit in hits if said in hit.memory.text}
    assert found == HEALTH, [hit.memory.text for hit in hits]


def test_the_quotes_are_what_tells_of_the_topic(cousins):
    # Not only "what's wrong is the weather, it's been raining all year", which has the question's words.
    answer = cousins.answering.ask("What's been wrong with Ruben's health this year?", remember=False)
    assert not answer.abstained, answer.text
    assert {said for said in HEALTH if said in answer.text} == HEALTH, answer.text
