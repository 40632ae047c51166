"""A plan told with its day and how it went, told after it: "I'm training for the Lisbon half
marathon, it's on the 24th of May", and on the 25th "did it!! 1:52:30 yesterday"."""

from dataclasses import replace
from datetime import datetime, timezone

from second_me.domain import ConversationOrigin, Evidence, Hit, Memory, Turn
from second_me.retrieval.dated_answer import how_it_went
from second_me.retrieval.quotable import candidate_sentences
from second_me.retrieval.replies import with_what_they_go_on_from


def _ts(day: str, hour: int = 9) -> float:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc).timestamp()


def _day(day: str) -> tuple[float, float]:
    return _ts(day, 0), _ts(day, 0) + 86400


PLAN = Evidence("I'm training for the Lisbon half marathon, it's on the 24th of May", 1, "chat", "message", "Tomás",
                created_at=_ts("2026-04-02"), about="2026-05-24")
HOPE = Evidence("under 2 hours would make me happy", 2, "chat", "message", "Tomás", created_at=_ts("2026-04-02"))
WENT = Evidence("did it!! 1:52:30 yesterday", 3, "chat", "message", "Tomás", created_at=_ts("2026-05-25"),
                about="2026-05-24")


def test_asked_of_something_gone_by_the_message_telling_of_its_day_again_says_how_it_went():
    assert how_it_went("What was Tomás's half marathon time?", [PLAN, HOPE], [PLAN, HOPE, WENT]) == (1, WENT)
    assert how_it_went("Did Tomás get under 2 hours?", [HOPE, PLAN], [HOPE, PLAN, WENT]) == (2, WENT)
    # The plan read and not quoted (the hope states the time asked for): the message comes after the quotes.
    assert how_it_went("What was Tomás's half marathon time?", [HOPE], [HOPE, PLAN, WENT]) == (1, WENT)
    # Asked when: the plan's day answers. Someone else's day, a day already gone by, a month: no plan.
    assert how_it_went("When is Tomás's half marathon?", [PLAN], [PLAN, WENT]) is None
    assert how_it_went("What was his time?", [PLAN], [PLAN, replace(WENT, speaker="Ana")]) is None
    assert how_it_went("What was his time?", [replace(PLAN, created_at=_ts("2026-05-26"))], [WENT]) is None
    assert how_it_went("What was his time?", [replace(PLAN, about="2026-05")], [replace(WENT, about="2026-05")]) \
        is None


def _hit(memory_id: int, text: str, said: float, days: tuple = ()) -> Hit:
    memory = Memory(memory_id, "message", f"Tomás: {text}", said, None, 30.0, 0, False, "active", speaker="Tomás",
                    message_id=memory_id * 10, about=days)
    return Hit(memory, 1.0, 1.0, ConversationOrigin(f"chat {memory_id}", str(memory_id), "Tomás", "2026-04-02"))


def test_a_turn_telling_of_the_same_day_as_an_earlier_one_is_scored_with_it():
    plan = _hit(1, PLAN.text, PLAN.created_at, (_day("2026-05-24"),))
    went = _hit(2, WENT.text, WENT.created_at, (_day("2026-05-24"),))
    other = _hit(3, "did the Porto 10k on Sunday, 51 minutes", _ts("2026-09-05"), (_day("2026-08-30"),))
    read = {s.hit.memory.id: s.goes_on_from for s in with_what_they_go_on_from(
        candidate_sentences([plan, went, other]), [plan, went, other], ())}
    assert read == {1: "", 2: PLAN.text, 3: ""}
    # A turn saying enough itself stands on its own words; pieces of one chat weeks apart are two talks.
    full = _hit(4, "ran the Lisbon half yesterday in 1:52:30, legs destroyed, so happy", WENT.created_at,
                (_day("2026-05-24"),))
    hope = _hit(5, "under 2 hours would make me happy", _ts("2026-05-20"))
    hope = replace(hope, memory=replace(hope.memory, message_id=full.memory.message_id - 1),
                   origin=full.origin)
    read = {s.hit.memory.id: s.goes_on_from for s in with_what_they_go_on_from(
        candidate_sentences([plan, hope, full]), [plan, hope, full], ())}
    assert read == {1: "", 5: "", 4: ""}
    # Two turns saying "today" on one day are not a plan and how it went.
    relay = _hit(6, "won the relay today!!", _ts("2026-02-10", 18), (_day("2026-02-10"),))
    engine = _hit(7, "took the engine out today", _ts("2026-02-10", 20), (_day("2026-02-10"),))
    read = {s.hit.memory.id: s.goes_on_from for s in with_what_they_go_on_from(
        candidate_sentences([engine, relay]), [engine, relay], ())}
    assert read == {7: "", 6: ""}


def test_asked_how_a_plan_went_the_message_after_its_day_is_quoted(services):
    turns = [Turn("Telegram: Tomás", speaker, words, at, "user" if speaker == "Ana" else "other", str(n))
             for n, (speaker, words, at) in enumerate([
                 ("Tomás", "haha. I'm training for the Lisbon half marathon, it's on the 24th of May",
                  _ts("2026-04-02")),
                 ("Tomás", "under 2 hours would make me happy", _ts("2026-04-02", 10)),
                 ("Ana", "I finally started bouldering, went to the climbing wall yesterday", _ts("2026-05-02")),
                 ("Tomás", "did it!! 1:52:30 yesterday", _ts("2026-05-25")),
                 ("Ana", "TOMÁS. so proud", _ts("2026-05-25", 10))])]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    answer = services.answering.ask("What was Tomás's half marathon time?", remember=False)
    assert "did it!! 1:52:30 yesterday" in [item.text for item in answer.evidence]


def test_asked_what_happened_someone_elses_message_after_its_day_is_quoted(services):
    # In a group the plan is Tom's, how it went Aisha's: both name the AGM.
    turns = [Turn("Telegram: Plot 14", speaker, words, at, "other", str(n)) for n, (speaker, words, at) in enumerate([
        ("Tom", "AGM is on the 21st at the community centre, 7pm. someone has to fight about the water rates",
         _ts("2026-11-07")),
        ("Pete", "not it", _ts("2026-11-07", 10)),
        ("Pete", "back from the tip, the van is empty at last", _ts("2026-11-22")),
        ("Aisha", "went to the AGM last night. rates going up to £25 a plot, and we're getting a composting toilet",
         _ts("2026-11-22", 10))])]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    answer = services.answering.ask("What happened at the AGM?", remember=False)
    assert any(item.text.startswith("went to the AGM last night") for item in answer.evidence), answer.text
    assert not any(item.text.startswith("back from the tip") for item in answer.evidence)
