"""Asked when something happened: a note about the thing that tells no date, beside a message about
something else, tells nothing of when."""

from dataclasses import replace
from datetime import datetime, timezone

from second_me.domain import Turn


def _said(day: str) -> float:
    return datetime.fromisoformat(day).replace(hour=19, tzinfo=timezone.utc).timestamp()


def test_when_is_told_by_a_dated_memory_of_the_thing_asked_about(services, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "medications.md").write_text("# Medications\n\n- Amlodipine 5 mg, once a day (blood pressure). "
                                           "Started April 2023.\n- Vitamin D, 1000 IU a day.\n")
    services.indexing.add([folder])
    services.conversations.log.add_turns([
        Turn("c1", "Doug", "Dr. Mahmoud started me on blood pressure pills today, just age and too much salt.",
             _said("2023-04-02"), "user", "a"),
    ], services.clock.timestamp())
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    untold = services.answering.ask("When did I start taking vitamin D?", remember=False)
    assert untold.abstained and untold.text == "I don't know: the memories about that don't say when."
    # The line saying the thing tells its date; a message about it tells the day it was said.
    told = services.answering.ask("When did I start taking amlodipine?", remember=False)
    assert not told.abstained
    services.conversations.log.add_turns([
        Turn("c2", "Doug", "Started on the vitamin D today, the doctor says my levels are low.", _said("2023-11-03"),
             "user", "b"),
    ], services.clock.timestamp())
    assert not services.answering.ask("When did I start taking vitamin D?", remember=False).abstained
