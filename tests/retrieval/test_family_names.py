"""A question about "Dad" over a family chat naming him "João": asked again by his name, when the
user's own turns tell whom they call so (`services/family_names.py`), on a real store."""

from datetime import datetime, timezone

from second_me.domain import Turn


def _ts(day: str, hour: int = 9, minute: int = 0) -> float:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=timezone.utc).timestamp()


def _family_chat(services, calls_him: bool = True) -> None:
    said = [("João", "The surgeon called. My hip operation is booked for 14 September at the Royal Free",
             _ts("2026-08-02", 9, 40)),
            ("Ana", "That's great news Pai! I'll drive you" if calls_him else "That's great news! I'll drive you",
             _ts("2026-08-02", 9, 42)),
            ("Tiago", "Split the deposit three ways? Me, you and Pai", _ts("2026-08-20", 21, 25)),
            ("Rita", "Bolacha at the vet yesterday, she has an ear infection", _ts("2026-08-12"))]
    turns = [Turn("WhatsApp: Costa Family", speaker, words, at, "user" if speaker == "Ana" else "other", str(n))
             for n, (speaker, words, at) in enumerate(said)]
    services.conversations.log.add_turns(turns, services.clock.timestamp())


def test_whom_the_user_calls_pai_is_who_they_answered(services):
    _family_chat(services)
    assert services.store.users_turns_matching('"pai" OR "dad"', 10) == [("That's great news Pai! I'll drive you",
                                                                           "João")]


def test_a_question_about_dad_is_answered_from_what_the_one_called_so_said(services):
    _family_chat(services)
    answer = services.answering.ask("When is Dad's hip operation?", remember=False)
    assert not answer.abstained
    assert answer.evidence[0].speaker == "João" and "14 September" in answer.evidence[0].text


def test_without_a_turn_calling_him_so_dad_is_no_one_memory_knows(services):
    _family_chat(services, calls_him=False)
    answer = services.answering.ask("When is Dad's hip operation?", remember=False)
    assert answer.abstained
