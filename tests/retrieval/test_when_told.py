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


def test_a_line_says_what_its_headings_say(services, tmp_path):
    """"When did I start the Northfield retainer?" was refused "the memories about that don't say when" over
    "Retainer: £1,100 a month…, since April." under "## Northfield Housing Trust"; "When did Brightwater pay
    invoice 2026-014?" over its row in "invoices.md", which the word "invoice" stood above."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "clients.md").write_text("# Clients\n\n## Brightwater Coffee\nContact: Hannah Okoye.\n\n"
                                       "## Northfield Housing Trust\nContact: Graham Petts, comms manager.\n"
                                       "Retainer: £1,100 a month for social media templates, since April.\n")
    (folder / "invoices.md").write_text("# Invoices 2026\n\n| No. | Client | Amount | Sent | Paid |\n"
                                        "|---|---|---|---|---|\n"
                                        "| 2026-013 | Northfield | £1,100 | 2026-10-01 | 2026-10-20 |\n"
                                        "| 2026-014 | Brightwater | £2,520 | 2026-10-17 | 2026-11-18 |\n")
    services.indexing.add([folder])
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    started = services.answering.ask("When did I start the Northfield retainer?", remember=False)
    assert not started.abstained and "since April" in started.text
    paid = services.answering.ask("When did Brightwater pay invoice 2026-014?", remember=False)
    assert not paid.abstained and "2026-11-18" in paid.text
