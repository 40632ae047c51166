"""Asked what is so now of where someone lives or what they do, on the real shipped embedder: the
move or the new job is told in none of the question's words."""

from datetime import datetime, timezone

import pytest

from second_me.retrieval.hybrid import SearchOptions
from tests.e2e.weekly_chat import weekly_chat

pytestmark = pytest.mark.real_models

START = datetime(2025, 2, 2, 19, 0, tzinfo=timezone.utc)
# A week apart, Bronwen and her penfriend Tariq.
WEEKS = [
    ("Tariq", "still on the buses. earlies all week on the number 6, eleven trips a day"),
    ("Bronwen", "the lambing has started, I've had about four hours sleep"),
    ("Tariq", "first house. we've rented the same flat in Headingley for four years"),
    ("Tariq", "hannah's got ofsted this week so she's been up marking till midnight"),
    ("Bronwen", "mum's 79 on Sunday, we're doing a cake"),
    ("Tariq", "I GOT IT. they offered me a place, student paramedic, starting in september"),
    ("Tariq", "peggy ate a whole loaf off the counter, she's fine"),
    ("Bronwen", "swam my first 2k without stopping on Thursday"),
    ("Tariq", "WE'RE IN. moved into Bramley on Saturday"),
    ("Tariq", "had my last shift on the buses on Friday. the lads gave me a toy ambulance"),
    ("Bronwen", "how is the new job going?"),
    ("Tariq", "the weather in Leeds is grim, raining every day"),
    # Chatter in the question's words.
    ("Bronwen", "do you still live near the park? I can never remember"),
    ("Tariq", "hannah says the living room needs painting now, again"),
    ("Bronwen", "work was long today, the vet came twice"),
    ("Tariq", "what do you do for fun these days apart from swimming?"),
    ("Bronwen", "Ceri lives on toast now, honestly"),
    ("Tariq", "now that's what I call a sunset"),
    ("Bronwen", "how do you and Hannah make a living and still have time for two dogs?"),
    ("Tariq", "living the dream, mate"),
]


@pytest.fixture(scope="module")
def penpals(tmp_path_factory):
    services = weekly_chat(tmp_path_factory, START, WEEKS, "Bronwen", "chat with Tariq")
    yield services
    services.close()


@pytest.mark.parametrize("question, told", [
    ("Where do Tariq and Hannah live now?", "moved into Bramley"),
    ("What does Tariq do for a living now?", "student paramedic"),
])
def test_what_is_so_now_is_found_by_what_tells_of_it(penpals, question, told):
    hits = penpals.answering.search(question, SearchOptions(k=3)).hits
    assert any(told in hit.memory.text for hit in hits), [hit.memory.text for hit in hits]


# A week apart, Aisha, Pete and Tom on their allotment's chat: a new job told as where she starts.
PLOT = [
    ("Aisha", "Plot 14 is officially ours!! Signed the tenancy at the council office this morning"),
    ("Pete", "cleared the whole back half today. found a bath tub, two tyres and a garden gnome with no head"),
    ("Aisha", "slugs ate every single one of my lettuces last night. every one"),
    ("Aisha", "I start at the hospital pharmacy on Monday, so I can only do weekends from now on"),
    ("Pete", "bought a second hand shed off Facebook Marketplace for £150"),
    ("Aisha", "won second prize for my courgette at the show!! lost to Mrs Patel again"),
    ("Aisha", "went to the AGM last night. water rates going up to £25 a plot"),
]


@pytest.fixture(scope="module")
def plot(tmp_path_factory):
    services = weekly_chat(tmp_path_factory, datetime(2026, 5, 2, 9, 0, tzinfo=timezone.utc), PLOT, "Tom", "Plot 14")
    yield services
    services.close()


def test_a_new_job_told_in_other_words_is_quoted_not_refused(plot):
    # No memory says "job": "nothing in your memory mentions 'job'" was the answer.
    answer = plot.answering.ask("When does Aisha start her new job?", remember=False)
    assert not answer.abstained and "hospital pharmacy" in answer.text, answer.text


def test_where_someone_works_now_is_the_job_not_their_newest_news(plot):
    answer = plot.answering.ask("Where does Aisha work now?", remember=False)
    assert answer.evidence and "hospital pharmacy" in answer.evidence[0].text, answer.text


def test_a_job_nobody_told_is_not_made_up_from_a_head(plot):
    assert plot.answering.ask("What does Pete do for work?", remember=False).abstained
