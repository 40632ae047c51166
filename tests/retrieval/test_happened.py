"""What happened at a time: a question that names only a time reads what the user told of it."""

from datetime import datetime, timezone

from second_me.domain import Hit, Memory, Turn
from second_me.retrieval.happened import asks_what_happened, told_then

def _ts(day: str, hour: int = 10) -> float:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc).timestamp()


def test_questions_asking_what_happened_at_a_time():
    for question in ("What did I do last Saturday?", "what did we get up to yesterday", "What happened on Monday?",
                     "what have I been doing this week", "What was I up to last weekend?"):
        assert asks_what_happened(question), question
    for question in ("What did I buy last Saturday?", "Where did I go yesterday?", "What did Sam do on Friday?"):
        assert not asks_what_happened(question), question


def _turn(text: str, at: float, speaker: str = "me", about=()) -> Memory:
    return Memory(1, "message", f"{speaker}: {text}", at, None, 7.0, 0, False, "active", speaker=speaker, about=about)


def test_what_was_told_of_a_time_is_the_users_turns_said_then_or_telling_of_it():
    since, until = _ts("2025-02-22", 0), _ts("2025-02-23", 0)
    turns = [_turn("Took the kids to the aquarium in Plymouth, the octopus was the star", _ts("2025-02-22")),
             _turn("Sounds lovely, glad you had fun!", _ts("2025-02-22"), "assistant"),
             _turn("how long should I boil an egg for a runny yolk?", _ts("2025-02-22")),
             _turn("Last day at the old job. Cleared out my desk", _ts("2025-01-10")),
             _turn("the swim at the lido yesterday was freezing", _ts("2025-02-23"), about=((since, until),)),
             _turn("I can try the canoe again in February, the physio says", _ts("2025-01-11"),
                   about=((_ts("2025-02-01", 0), _ts("2025-03-01", 0)),))]
    hits = [Hit(memory, 1.0, 1.0) for memory in turns]
    told = [hit.memory.text for hit in told_then(hits, since, until, ["me"])]
    assert told == ["me: Took the kids to the aquarium in Plymouth, the octopus was the star",
                    "me: the swim at the lido yesterday was freezing"]
    assert told_then(hits, None, None, ["me"]) == []


def test_what_did_i_do_last_saturday_is_answered_with_what_was_told_of_it(services):
    turns = [("Last day at the old job. Cleared out my desk and said goodbye to everyone", "2025-01-10"),
             ("Took the kids to the aquarium in Plymouth, the octopus was the star", "2025-02-22"),
             ("how long should I boil an egg for a runny yolk?", "2025-02-22")]
    services.conversations.log.add_turns([Turn(f"c{n}", "me", text, _ts(day, 15), "user", str(n))
                                          for n, (text, day) in enumerate(turns)], services.clock.timestamp())
    answer = services.answering.ask("What did I do last Saturday?", remember=False)
    assert "aquarium" in answer.text and "Last day" not in answer.text and "egg" not in answer.text


def test_a_day_named_in_full_is_searched_and_a_day_memory_has_nothing_of_is_said_so(services):
    services.conversations.log.add_turns([
        Turn("c1", "me", "Took the kids to the aquarium in Plymouth, the octopus was the star", _ts("2025-02-22", 15),
             "user", "1"),
        Turn("c2", "me", "Last day at the old job. Cleared out my desk and said goodbye", _ts("2025-01-10", 15),
             "user", "2")], services.clock.timestamp())
    answer = services.answering.ask("What did I do on 22 February 2025?", remember=False)
    assert "aquarium" in answer.text  # "22", "2025" say when; no memory needs to contain them
    answer = services.answering.ask("What did I do on 3 January 2025?", remember=False)
    assert answer.abstained and answer.text == "I don't know: nothing in your memory is from then."
