"""The first user journey, end to end, on the real shipped models."""

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from second_me.config import load_settings
from second_me.domain import Asked
from second_me.services import Services

pytestmark = pytest.mark.real_models
REPO = Path(__file__).resolve().parents[2]
NOTES = REPO / "examples" / "notes"


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    home = tmp_path_factory.mktemp("real-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECOND_ME_PASSPHRASE", "e2e")
        services = Services.open(load_settings(home))
    services.indexing.add([NOTES])
    yield services
    services.close()


@pytest.mark.parametrize("query, expected", [
    ("sourdough proofing time", "sourdough.md"),
    ("how often should the chain be oiled?", "bicycle.md"),
    ("where did I sleep in Portugal?", "travel.md"),
])
def test_the_right_note_ranks_first(real, query, expected):
    hits = real.answering.search(query).hits
    assert hits[0].origin.path.endswith(expected)


def test_ask_cites_the_right_note(real):
    streamed = []
    answer = real.answering.ask("how long do I proof the dough?", on_token=streamed.append)
    assert not answer.abstained and answer.text
    assert "".join(streamed).strip() == answer.text
    assert answer.citations[0].origin.path.endswith("sourdough.md")
    assert "Proofing" in answer.citations[0].memory.text


def test_a_follow_up_is_answered_as_the_question_it_leans_on(real):
    # Alone, "and for how long?" finds whatever says how long: the bulk fermentation's 4 to 5 hours.
    asked = real.answering.ask("and for how long?", remember=False,
                               earlier=[Asked("What temperature do I bake the bread at?")])
    assert asked.asked_as == "For how long do I bake the bread?"
    quoted = " ".join(item.text for item in asked.evidence)  # the quotes, whichever model writes the answer
    assert "20 minutes with the lid on" in quoted and "4 to 5 hours" not in quoted + asked.text


def test_a_follow_up_asking_of_another_deed_is_not_answered_from_the_answer_before(real):
    proof = real.answering.ask("how long do I proof the dough?", remember=False)
    earlier = [Asked("how long do I proof the dough?", tuple(c.memory.id for c in proof.citations))]
    baked = real.answering.ask("and at what temperature do I bake it?", remember=False, earlier=earlier)
    quoted = " ".join(item.text for item in baked.evidence)
    assert "250 °C" in quoted and "24 °C" not in quoted  # baking, not the bulk fermentation


def test_a_request_about_a_note_reads_the_whole_note_even_when_summaries_match_it_best(real):
    # "Summarize" matches the "Summary of …" memories the summarizer writes; the note is what is asked about.
    real.memory.summarize(budget_seconds=120)
    answer = real.answering.ask("Summarize my sourdough notes", remember=False)
    assert not answer.abstained
    sources = [item.source for item in answer.evidence]
    assert all("sourdough.md" in source for source in sources), sources
    quoted = " ".join(item.text for item in answer.evidence)
    assert "12 to 14 hours" in quoted and "250 °C" in quoted


def test_a_trip_is_travel_to_the_notes(real):
    # "nothing in your memory mentions 'trip'" over the travel checklist.
    answer = real.answering.ask("What should I pack for my trip?", remember=False)
    assert not answer.abstained and "Passport, charger" in answer.text


@pytest.mark.parametrize("question", ["what is my cat's name?", "what is the capital of France?"])
def test_unrelated_questions_abstain(real, question):
    answer = real.answering.ask(question)
    assert answer.abstained and answer.citations == ()


def test_cli_journey_in_a_fresh_process(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "SECOND_ME_HOME": str(tmp_path / "home"),
           "SECOND_ME_PASSPHRASE": "cli-e2e"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "second_me", *args], env=env, capture_output=True,
                              text=True, timeout=300)

    added = run("add", str(NOTES))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("indexed 3 files:")
    asked = run("ask", "how long do I proof the dough?", "--json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["abstained"] is False
    assert answer["citations"][0]["source"]["path"].endswith("sourdough.md")
    doctor = json.loads(run("doctor", "--json").stdout)
    assert doctor["counts"]["chunks"] >= 6 and doctor["encryption"]["enabled"] is True


def test_a_name_told_in_passing_answers_whose_it_is(real):
    # "with my sister Clara" inside a long message is far from "What's my sister's name?" by meaning.
    from second_me.domain import Turn

    said = datetime(2026, 3, 10, 21, 30, tzinfo=timezone.utc).timestamp()
    real.conversations.log.add_turns([
        Turn("ChatGPT: Lisbon trip", "me", "I'm going to Lisbon with my sister Clara from May 14 to May 19. we like "
             "food and walking, not museums. what should we do?", said, "user", "1"),
        Turn("ChatGPT: Lisbon trip", "ChatGPT", "Walk Alfama and Graça, take tram 28 early and do a day trip to "
             "Sintra.", said + 60, "assistant", "2")], said + 120)
    answer = real.answering.ask("What's my sister's name?", remember=False)
    assert not answer.abstained and "Clara" in answer.evidence[0].text
    assert real.answering.ask("What's my brother's name?", remember=False).abstained
