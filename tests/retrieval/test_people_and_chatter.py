"""People are a signal, not a word; chatter is held back; gathering questions spread over sessions of talk."""

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from second_me.domain import Hit, Memory, Turn
from second_me.errors import InputRejected, NotFoundError
from second_me.retrieval.chatter import information_prior, says_nothing_asked
from second_me.retrieval.gather import spread_over_sessions
from second_me.retrieval.hybrid import FusionWeights, SearchOptions
from second_me.retrieval.people import (by_or_about, names_a_speaker, people_in, says_of_themselves, speaks_of_oneself,
                                        the_users_own, told_of_in_reply, without_names)
from second_me.services import search_options
from second_me.services.turn_replies import with_replies, with_turns_nearby


def _ts(day: str, hour: int = 10, minute: int = 0) -> float:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=timezone.utc).timestamp()


def _message(text: str, speaker: str = "Sam", memory_id: int = 1) -> Memory:
    return Memory(memory_id, "message", f"{speaker}: {text}", 0.0, None, 7.0, 0, False, "active", speaker=speaker)


def test_short_acknowledgements_and_questions_back_are_held_back():
    assert information_prior(_message("haha nice")) < 1
    assert information_prior(_message("How did you get into that?")) < 1
    assert information_prior(_message("I sprained my ankle at parkrun on Saturday")) == 1
    note = Memory(2, "chunk", "ok", 0.0, None, 7.0, 0, False, "active")
    assert information_prior(note) == 1  # only chat turns are judged


def test_a_question_back_is_one_however_it_ends_and_whatever_it_leaves_out():
    assert information_prior(_message("a wood oven in a van?!")) < 1
    assert information_prior(_message("how was it? 😂")) < 1
    assert information_prior(_message("why parkrun all of a sudden")) < 1
    assert information_prior(_message("a wood oven in a van!")) == 1


def test_a_turn_that_tells_something_before_it_asks_is_not_held_back():
    # How people write to an assistant: the news, then the question.
    told = "My dog Biscuit is limping on his back left leg after chasing a ball. Should I worry?"
    assert information_prior(_message(told, "me")) == 1
    assert information_prior(_message("haha yes. how did you get into that?")) < 1
    assert information_prior(_message("we went to Crete last week, how was yours?")) < 1  # one sentence, asking


def test_a_short_turn_sharing_no_word_with_the_question_is_not_read_as_its_answer():
    """"Got it." may be the closest thing to "What's my job title now?" when nothing says it;
    quoted, it tells the user nothing."""
    asked = "What's my job title now?"
    assert says_nothing_asked(_message("Got it.", "assistant"), asked)
    assert says_nothing_asked(_message("Happy to help with that.", "assistant"), asked)
    assert says_nothing_asked(_message("haha nice"), asked)
    assert not says_nothing_asked(_message("Bram!"), "What's Harriet's cat called?")  # a name answers
    assert not says_nothing_asked(_message("3.2 kg"), "How much did Iris weigh?")  # so does a number
    assert not says_nothing_asked(_message("new job title!!"), asked)  # it says what is asked about
    assert not says_nothing_asked(_message("Promoted to Commercial Manager at last, from November"), asked)
    note = Memory(2, "chunk", "ok", 0.0, None, 7.0, 0, False, "active")
    assert not says_nothing_asked(note, asked)  # only chat turns are judged


def test_people_a_question_names():
    known = ["Sam", "Nina", "me"]
    assert people_in("when did sam sprain his ankle?", known) == ("Sam",)
    assert people_in("What did Nina tell Jo about Copenhagen?", known)[:1] == ("Nina",)
    assert "Jo" in people_in("What did Nina tell Jo about Copenhagen?", known)
    assert without_names("What is Sam's dog called?", ["Sam"]) == "What is dog called?"
    assert without_names("Sam?", ["Sam"]) == "Sam?"  # nothing left: the name is the question


def test_by_or_about_someone():
    assert by_or_about(_message("I'm off to Leeds", "Sam"), ["sam"])
    assert by_or_about(_message("Sam got the job!", "Nina"), ["Sam"])
    assert not by_or_about(_message("Samphire is lovely", "Nina"), ["Sam"])
    assert not by_or_about(_message("anything", "Nina"), [])



def _told_of(memories, people, question, replies):
    """`told_of_in_reply` given the memories by or about them, as search finds them."""
    named = {memory_id for memory_id, memory in memories.items() if by_or_about(memory, people)}
    return told_of_in_reply(memories, named, people, question, replies)


def test_a_reply_saying_her_thing_after_a_turn_naming_her_is_about_her_thing():
    """"Yes the 21st! Her party is Saturday the 22nd" after Mum's "Ella's birthday is on the 21st isn't it?"."""
    asked = _message("Ella's birthday is on the 21st isn't it?", "Mum", 1)
    reply = _message("Yes the 21st! Her party is Saturday the 22nd at the trampoline park", "me", 2)
    other = _message("Yes the 21st! she's called Mango", "me", 3)
    memories = {1: asked, 2: reply, 3: other}
    replies = lambda ids: [(2, 1), (3, 1)] if 1 in ids else []
    assert _told_of(memories, ["Ella"], "Where was Ella's party?", replies) == {2}  # "she" of a cat
    assert _told_of(memories, ["Ella"], "What's Ella's cat called?", replies) == set()
    assert _told_of(memories, ["Sam"], "Where was Sam's party?", replies) == set()
    assert _told_of(memories, [], "Where was the party?", replies) == set()
    # A word the question asks of, said in reply to a turn naming her; not in reply to a turn she said.
    team = _message("Ella made the U11 team!! Training is Tuesdays 5 till 6:30", "Sam", 4)
    pick_up = _message("amazing!! I'll do the Tuesday pick up if you do Thursdays", "me", 5)
    hers = _message("I got into the team too", "Ella", 6)
    mine = _message("I'm doing the pick up on Tuesday", "me", 7)
    memories = {4: team, 5: pick_up, 6: hers, 7: mine}
    replies = lambda ids: [(5, 4), (7, 6)]
    assert _told_of(memories, ["Ella"], "Who picks Ella up from football on Tuesdays?", replies) == {5}


def test_a_speaker_named_in_full_is_found_by_their_first_name():
    """Chat exports name a speaker in full ("Tom Reed"); people ask about "Tom"."""
    known = ["Tom Reed", "Ana Lima", "Bill Jones"]
    assert people_in("What is Tom's cat called?", known) == ("Tom Reed",)
    assert people_in("what is tom's cat called", known) == ("Tom Reed",)  # typed all in lower case
    assert people_in("What did Tom Reed say about Leith?", known)[:1] == ("Tom Reed",)
    assert "Reed" not in people_in("What did Tom Reed say about Leith?", known)
    assert people_in("How much was the bill?", known) == ()  # a word here, not Bill Jones
    assert without_names("What is Tom's cat called?", ["Tom Reed"]) == "What is cat called?"
    assert by_or_about(_message("yesterday we adopted a cat", "Tom Reed"), ["Tom Reed"])
    assert by_or_about(_message("Tom adopted a cat", "Ana Lima"), ["Tom Reed"])
    assert not by_or_about(_message("we adopted a cat", "Tom Hardy"), ["Tom Reed"])
    assert by_or_about(_message("we adopted a cat", "Tom Hardy"), ["Tom"])

def test_another_speakers_own_news_is_not_about_whom_the_question_asks():
    speakers = ["Sam", "Nina"]
    assert says_of_themselves(_message("I've also built a bench for the garden", "Sam"), ["Nina"])
    assert says_of_themselves(_message("we went to Whitby, my first caravan", "Sam"), ["Nina"])
    assert not says_of_themselves(_message("I built a bench", "Nina"), ["Nina"])  # hers
    assert not says_of_themselves(_message("I told Nina about the bench", "Sam"), ["Nina"])  # names her
    assert not says_of_themselves(_message("the bench is finished", "Sam"), ["Nina"])  # no "I"
    # Only a speaker's news is someone else's: Sam's "I took her" may well be about his daughter Maisie.
    assert names_a_speaker(["Nina"], speakers) and not names_a_speaker(["Maisie"], speakers)
    assert speaks_of_oneself("How much did I lend Ruben?") and not speaks_of_oneself("What has Sam built?")


def test_asked_about_someone_another_speakers_own_news_is_held_back(services):
    _told(services, "c1", "2023-06-10",
          ("Nina", "I built a garden bench this year, my first real woodwork build, took all spring"),
          ("Sam", "finished the treehouse for the kids at last"))
    # Held back in search; an answer keeps it (whose a thing was is found there), and so does a question
    # asked with "I", which asks about the user too.
    def nina_score(question: str, **options) -> float:
        hits = services.answering.search(question, SearchOptions(k=5, **options)).hits
        return next(hit.score for hit in hits if hit.memory.speaker == "Nina")
    asked = "What woodwork has Sam built this year?"
    assert nina_score(asked) < nina_score(asked, others_news=False)
    asked = "What woodwork have Sam and I built this year?"
    assert nina_score(asked) == nina_score(asked, others_news=False)


def test_an_answer_keeps_anothers_own_news_unless_it_gathers(services):
    """"Where did Sam get engaged?" is answered "That was you, not Sam: …" from Nina's own news."""
    from second_me.services.preparing import prepare
    _chat(services)
    kept = []
    def search(question: str, options: SearchOptions):
        kept.append(options.others_news)
        return services.answering.search(question, options)
    for question in ("Where did Sam get engaged?", "What has Sam built this year?"):
        prepare(services.answering.core, search, question, SearchOptions(k=5))
    assert kept == [False, True]


def _hit(memory_id: int, score: float) -> Hit:
    return Hit(_message("words", memory_id=memory_id), score, 1.0, None)


def test_gathering_spreads_the_top_places_over_sessions():
    ranked = [_hit(1, 1.0), _hit(2, 0.9), _hit(3, 0.8), _hit(4, 0.6)]
    sessions = {1: "a", 2: "a", 3: "a", 4: "b"}
    spread = [h.memory.id for h in spread_over_sessions(ranked, sessions, depth=2)]
    assert spread[:2] == [1, 4] and sorted(spread) == [1, 2, 3, 4]
    alone = [h.memory.id for h in spread_over_sessions(ranked, {}, depth=2)]
    assert alone == [1, 2, 3, 4]  # outside conversations, nothing is discounted


def test_a_chat_exported_whole_is_many_sessions_of_talk(services):
    """A WhatsApp chat imports as one conversation over months: each run of talk without a long
    pause is a session of its own, so a gathering question spreads over the days it was told."""
    said = [("2024-03-02", 9, "I did pottery activities today, pottery activities all day"),
            ("2024-03-02", 10, "more pottery activities, pottery activities are the best"),
            ("2024-03-02", 11, "pottery activities again, the activities of pottery"),
            ("2024-05-09", 18, "tried climbing, new activities for me")]
    services.conversations.log.add_turns(
        [Turn("WhatsApp: Priya", "Priya", text, _ts(day, hour), "other", f"m{n}")
         for n, (day, hour, text) in enumerate(said)], services.clock.timestamp())
    hits = services.answering.search("What activities does Priya do?", SearchOptions(k=2)).hits
    assert ["climbing" in hit.memory.text for hit in hits].count(True) == 1
    message_ids = [hit.memory.message_id for hit in services.answering.search("activities", SearchOptions(k=4)).hits]
    sessions = services.store.messages.sessions_of(message_ids, pause=6 * 3600)
    assert len(set(sessions.values())) == 2 and len({conversation for conversation, _ in sessions.values()}) == 1


def test_a_long_run_of_talk_is_one_session_and_a_pause_starts_the_next(services, monkeypatch):
    from second_me.storage import messages

    start = _ts("2024-03-02", 8)
    times = [start + 60 * n for n in range(230)] + [start + 60 * 229 + 7 * 3600 + 60 * n for n in range(2)]
    services.conversations.log.add_turns([Turn("WhatsApp: Priya", "Priya", f"message number {n}", at, "other", f"m{n}")
                                          for n, at in enumerate(times)], services.clock.timestamp())
    ids = [message.message_id for message in services.store.messages.turns("WhatsApp: Priya")]
    first, last_of_run, after_pause = ids[0], ids[229], ids[230]
    sessions = services.store.messages.sessions_of([first, last_of_run, after_pause], pause=6 * 3600)
    assert sessions[first] == sessions[last_of_run] != sessions[after_pause]
    # A group that never pauses that long is read back no further than READ_BACK turns: its day is the session.
    monkeypatch.setattr(messages, "READ_BACK", 100)
    sessions = services.store.messages.sessions_of([ids[10], ids[150], ids[229]], pause=6 * 3600)
    assert sessions[ids[10]] == (sessions[ids[10]][0], start)  # the run's start, read back
    assert sessions[ids[150]] == sessions[ids[229]] == (sessions[ids[10]][0], _ts("2024-03-02", 0))


def _told(services, conversation: str, day: str, *said: tuple[str, str]) -> None:
    """(speaker, words) turns of one conversation, a minute apart from 09:00 on `day`."""
    turns = [Turn(conversation, speaker, words, _ts(day, 9, minute), "user", str(minute + 1))
             for minute, (speaker, words) in enumerate(said)]
    services.conversations.log.add_turns(turns, services.clock.timestamp())


def _chat(services):
    _told(services, "c1", "2023-05-02",
          ("Sam", "WHAT!!!! no way"), ("me", "yes, the parkrun ankle thing again"),
          ("Sam", "I sprained my ankle on the parkrun course at Woodhouse Moor"),
          ("Nina", "Jo sprained her ankle skiing once"), ("Nina", "ok"))


def test_a_name_in_the_question_prefers_what_that_person_said_not_their_short_turns(services):
    _chat(services)
    hits = services.answering.search("How did Sam sprain his ankle?", SearchOptions(k=5)).hits
    assert hits[0].memory.text.startswith("Sam: I sprained my ankle")
    # Sam's shortest turn once won any question naming Sam; it is still findable, but behind.
    shout = next(i for i, h in enumerate(hits) if h.memory.text == "Sam: WHAT!!!! no way") if any(
        h.memory.text == "Sam: WHAT!!!! no way" for h in hits) else len(hits)
    assert shout > 1


def test_person_is_a_hard_filter(services):
    _chat(services)
    hits = services.answering.search("sprained ankle", SearchOptions(k=5, person="Nina")).hits
    assert hits and all(h.memory.speaker == "Nina" or "Nina" in h.memory.text for h in hits)
    assert any("skiing" in h.memory.text for h in hits)
    with pytest.raises(NotFoundError):
        services.answering.search("sprained ankle", SearchOptions(k=5, person="Gary"))


def test_person_and_context_options_are_checked():
    with pytest.raises(InputRejected):
        search_options(5, context=-1)
    with pytest.raises(InputRejected):
        search_options(5, person="  ")
    assert search_options(5, person=" Sam ", context=2).person == "Sam"


def test_a_gathering_question_about_someone_brings_the_facts_learnt_about_them(services):
    from dataclasses import replace

    from second_me.retrieval.hybrid import FusionWeights, HybridSearcher

    services.conversations.log.add_turns(
        [Turn("c1", "Bo", "I live in Porto.", _ts("2024-03-02"), "user", "a")]
        + [Turn("c1", "Bo", f"Bo here: places {n} and more places to see, Bo says", _ts("2024-03-02", 11, n), "user",
                f"x{n}") for n in range(12)], services.clock.timestamp())
    services.memory.learn_facts(budget_seconds=60)
    (fact_id,) = services.store.memories_of_person("Bo", ("fact",))
    assert services.store.get(fact_id).speaker == "Bo"
    searcher = services.answering.searcher()

    def rank(weights: FusionWeights) -> int:
        ranked = HybridSearcher(searcher.store, searcher.embedder, searcher.policy, searcher.rrf_k,
                                searcher.candidates, weights)
        hits = ranked.search("Which places has Bo lived in?", SearchOptions(k=14), services.clock.timestamp()).hits
        return [h.memory.id for h in hits].index(fact_id)

    assert rank(searcher.weights) < rank(replace(searcher.weights, facts_about=0.0))


def test_a_question_turn_brings_the_turn_that_answers_it(services):
    """Asked what the assistant said, the words match the user's own question turn; the answer is
    in the reply, which shares none of them: it is read right after the question, found or not."""
    turns = [
        Turn("knee", "me", "How long should I ice my knee after physio?", _ts("2024-05-20", 19, 33), "user", "q"),
        Turn("knee", "assistant", "About 15 to 20 minutes at a time, with a cloth between the pack and your skin.",
             _ts("2024-05-20", 19, 34), "assistant", "a"),
        Turn("knee", "me", "I sprained my ankle", _ts("2024-05-21", 9), "user", "s"),
    ]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    asked, reply, other = sorted(services.store.memories_of_person("me") + services.store.memories_of_person("assistant"))
    question_turn, reply_turn, other_turn = services.hits_for([asked, reply, other])
    for hits in ([question_turn], [question_turn, other_turn, reply_turn]):
        placed, replies = with_replies(services.answering.core, hits)
        assert [hit.memory.id for hit in placed][:2] == [asked, reply] and replies == {asked: [reply]}
        assert len(placed) == len({hit.memory.id for hit in placed})  # each hit once


def test_a_turn_after_a_long_pause_is_no_reply_to_the_question_before_it(services):
    """Rita's thanks for the party, two weeks after her answer, is the next turn after João's
    question by someone else: it was quoted, second, as an answer to "where is the spare key?"."""
    turns = [Turn("family", "João", "Does anyone know where the spare key for the shed is?",
                  _ts("2026-10-12", 7, 55), "other", "q"),
             Turn("family", "Rita", "In the blue tin on top of the fridge", _ts("2026-10-12", 8, 20), "other", "a"),
             Turn("family", "Rita", "Thank you my darlings for last night. Best birthday of my life",
                  _ts("2026-10-25", 10, 12), "other", "t")]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    asked, answer, thanks = sorted(services.store.memories_of_person("João")
                                   + services.store.memories_of_person("Rita"))
    placed, replies = with_replies(services.answering.core, services.hits_for([asked, thanks]))
    assert replies == {asked: [answer]}
    assert [hit.memory.id for hit in placed] == [asked, answer, thanks]


def test_a_text_answered_the_next_day_with_a_yes_is_its_reply(services):
    """"Yes the 21st! Her party is Saturday the 22nd…", texted the morning after Mum's "Ella's birthday is on the
    21st isn't it?", answers it; a reply that next day saying no yes, or one a week on, answers nothing asked."""
    def read_as_reply(reply: str, day: str) -> bool:
        conversation = f"sms {reply[:8]} {day}"
        turns = [Turn(conversation, "Mum", "Ella's birthday is on the 21st isn't it?", _ts("2026-11-02", 10, 0),
                      "other", "q"),
                 Turn(conversation, "me", reply, _ts(day, 8, 15), "user", "a")]
        services.conversations.log.add_turns(turns, services.clock.timestamp())
        asked = max(services.store.memories_of_person("Mum"))
        answer = max(services.store.memories_of_person("me"))
        return answer in with_replies(services.answering.core, services.hits_for([asked]))[1].get(asked, [])

    assert read_as_reply("Yes the 21st! Her party is Saturday the 22nd", "2026-11-03")
    assert not read_as_reply("Yes the 21st! Her party is Saturday the 22nd", "2026-11-09")
    assert not read_as_reply("the car's making that noise again", "2026-11-03")


def test_in_a_group_each_one_asked_answers_the_question(services):
    """Stored as replying to Jonas's "I'm in", Ibrahim's "can't" answers Carla's question too; a third
    person's turn on something else ("choir concert…") answers nothing asked."""
    turns = [Turn("g", "Carla", "next one: New Year in the Cairngorms? Aviemore, 30 Dec to 2 Jan",
                  _ts("2026-11-02", 8, 30), "other", "1"),
             Turn("g", "Jonas", "I'm in if there's a sauna", _ts("2026-11-02", 9, 0), "user", "2"),
             Turn("g", "Ibrahim", "can't, I'm working New Year's Eve. night shift at the Royal London",
                  _ts("2026-11-02", 9, 15), "other", "3"),
             Turn("g", "Carla", "results in January? I think I passed", _ts("2026-11-03", 8, 0), "other", "4"),
             Turn("g", "Jonas", "you passed. I can feel it", _ts("2026-11-03", 8, 5), "user", "5"),
             Turn("g", "Ibrahim", "choir concert is on Saturday at 7", _ts("2026-11-03", 8, 9), "other", "6")]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    ids = sorted(services.store.memories_of_person("Carla") + services.store.memories_of_person("Jonas")
                 + services.store.memories_of_person("Ibrahim"))
    placed, replies = with_replies(services.answering.core, services.hits_for([ids[0], ids[3]]))
    assert replies == {ids[0]: [ids[1], ids[2]], ids[3]: [ids[4]]}
    assert [hit.memory.id for hit in placed] == ids[:5]


def test_turns_said_next_to_a_turn_read_are_read_too_in_search_order(services):
    """"he's called Bram" is far in meaning from "What's Harriet's cat called?"; it was said two turns
    after "I have a CAT", which is read: so is it. A turn said days later is not."""
    turns = [
        Turn("c", "Harriet", "meanwhile, I have a CAT. adopted him on Saturday", _ts("2025-06-02", 20, 0), "other", "1"),
        Turn("c", "Declan", "NO. name??", _ts("2025-06-02", 20, 1), "user", "2"),
        Turn("c", "Harriet", "he's called Bram. he's six and he has opinions", _ts("2025-06-02", 20, 2), "other", "3"),
        Turn("c", "Harriet", "Bram says hi", _ts("2025-06-09", 20, 0), "other", "4"),
        Turn("c", "Harriet", "Bram knocked the plant over", _ts("2025-06-09", 20, 1), "other", "5"),
        Turn("c", "Harriet", "anyway", _ts("2025-06-09", 20, 2), "other", "6"),
        Turn("c", "Harriet", "the rowing was fun", _ts("2025-06-09", 20, 3), "other", "7"),
    ]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    cat, _, name, _, _, _, rowing = sorted(services.store.memories_of_person("Harriet")
                                           + services.store.memories_of_person("Declan"))
    found = services.hits_for([rowing, cat, name])
    read = [hit for hit in found if hit.memory.id == cat]
    assert [hit.memory.id for hit in with_turns_nearby(services.answering.core, found, read)] == [cat, name]
    assert [hit.memory.id for hit in with_turns_nearby(services.answering.core, found, found[:1])] == [rowing]


def test_a_speakers_own_turn_is_memory_about_them(services):
    # "When did Sam's family move to Otley?" was refused, "nothing in your memory about Sam and Otley
    # says that": Sam's own "we moved on Saturday" does not name Sam.
    _told(services, "c2", "2023-09-04", ("Sam", "we moved on Saturday!!! we're in Otley"),
          ("Nina", "Otley has a lovely market"))
    assert services.answering.search("When did Sam's family move to Otley?", SearchOptions(k=5)).detached_names == ()
    garden = services.answering.search("How big is Sam's garden in Otley?", SearchOptions(k=5))
    assert garden.detached_names == ("Sam", "Otley")


def test_a_name_said_in_a_chat_with_another_person_is_never_detached_from_the_question(services):
    """Told an assistant, "Dinner with Tilly on Sydney Road" says nothing of what Tilly does for work;
    between friends, "she's here!!! Iris arrived on Tuesday, 3.2 kg" tells how much Iris weighed
    when she was born, in none of those words."""
    services.conversations.log.add_turns([
        Turn("a1", "Noor", "Dinner with Tilly on Sydney Road", _ts("2024-03-02", 19), "user", "1"),
        Turn("a1", "assistant", "Sounds lovely!", _ts("2024-03-02", 19, 1), "assistant", "2"),
        Turn("f1", "Nina", "she's here!!! Iris arrived on Tuesday, 3.2 kg", _ts("2024-03-05", 9), "user", "3"),
        Turn("f1", "Sam", "congratulations to Kate!!", _ts("2024-03-05", 9, 5), "other", "4"),
    ], services.clock.timestamp())
    search = services.answering.search
    assert search("What does Tilly do for work?", SearchOptions(k=5)).detached_names == ("Tilly",)
    assert search("How much did Iris weigh when she was born?", SearchOptions(k=5)).detached_names == ()


def test_a_chat_goes_on_about_someone_for_a_turn_or_two_without_naming_them(services):
    # "Where does Leo play?" was refused, "nothing in your memory about Leo says that": the turn
    # that answers it says "they", two turns after the one naming Leo.
    _told(services, "c1", "2024-03-02", ("Ana", "Leo joined a band!! bass, of all things"), ("me", "no way"),
          ("Ana", "they play at the Crown on Fridays, come along"), ("me", "ok"), ("me", "sure"),
          ("Ana", "also the boiler is broken again"))
    search = services.answering.search
    assert search("Where does Leo play?", SearchOptions(k=5)).detached_names == ()
    # Further on, the chat has moved on: that is not said of Leo.
    assert search("Is Leo's boiler broken?", SearchOptions(k=5)).detached_names == ("Leo",)
    _told(services, "c2", "2024-03-09", ("Ana", "Leo says hi"), ("Ana", "the Crown has a quiz on Mondays"))
    assert search("Does Leo do the quiz?", SearchOptions(k=5)).detached_names == ()
    assert search("Does Leo like the boiler?", SearchOptions(k=5)).detached_names == ("Leo",)  # another chat's


def test_a_summary_says_names_are_together_only_within_one_of_its_sentences(services):
    """The day's summary sets Noor's "lunch for Mum's birthday" beside Sam's move, told in another
    chat: it says nothing of Sam's birthday. Two people of one question may sit in two of its sentences."""
    from second_me.memory.summary_tree import SummaryTree

    _told(services, "c1", "2024-02-24", ("Noor", "lunch for Mum's birthday today, she loved the cake"))
    _told(services, "c2", "2024-02-24", ("Sam", "we moved on Saturday, we're in Otley now"))
    _told(services, "c3", "2024-02-24", ("Nina", "we moved to Leeds in May, finally unpacked"))
    SummaryTree(services.store, lambda: services.embedder, None, 30.0).refresh(services.clock.timestamp())
    search = services.answering.search
    assert search("When is Sam's birthday?", SearchOptions(k=5)).detached_names == ("Sam",)
    assert search("Who moved first, Nina or Sam?", SearchOptions(k=5)).detached_names == ()
    # Two events of a question of dates may share no word with it: the summary joins them.
    _told(services, "c4", "2024-07-03", ("Ines", "My sister Rita had her baby last night, a boy called Tomas!"))
    _told(services, "c5", "2024-07-03", ("Ines", "Started learning Japanese on Duolingo"))
    SummaryTree(services.store, lambda: services.embedder, None, 30.0).refresh(services.clock.timestamp())
    joined = "What happened first: Tomas being born or me starting Japanese?"
    assert search(joined, SearchOptions(k=5)).detached_names == ()


def test_the_kind_of_answer_asked_is_looked_for_in_a_summary_sentence_by_sentence(services):
    """The day's summary holds Maya's "my sister Lena's birthday is on March 14th" and a turn of
    Tomás's: no sentence of it tells Tomás's birthday."""
    from second_me.memory.summary_tree import SummaryTree
    from second_me.retrieval.abstain import signals
    from second_me.retrieval.answer_type import DAY_OF_YEAR

    _told(services, "c1", "2023-02-03", ("Maya", "My sister Lena's birthday is on March 14th, flowers again"))
    _told(services, "c2", "2023-02-03", ("Tomás", "finally fixed the birthday bike for my nephew"))
    SummaryTree(services.store, lambda: services.embedder, None, 30.0).refresh(services.clock.timestamp())
    from dataclasses import replace

    question = "When is Tomás's birthday?"
    with services.store.db.read() as conn:
        (day,) = conn.execute("SELECT memory_id FROM summary_nodes WHERE level = 'day'").fetchone()
    result = services.answering.search(question, SearchOptions(k=10))
    summary = services.hits_for([day])
    assert "March 14th" in summary[0].memory.text and "Tomás" in summary[0].memory.text
    assert signals(replace(result, hits=tuple(summary)), question).lacking == DAY_OF_YEAR


def test_each_named_with_reads_sentence_by_sentence():
    from second_me.retrieval.people import each_named_with

    summary = "Summary of c1: Noor: lunch for Mum's birthday today. Sam: We hiked up to the Pinnacle."
    assert not each_named_with(summary, ["Sam"], ["birthday"])
    assert each_named_with(summary, ["Sam"], ["hike"])
    assert each_named_with(summary, ["Noor", "Sam"], ["birthday", "hike"])


def test_a_speaker_named_in_full_is_asked_about_by_first_name(services):
    from dataclasses import replace

    from second_me.retrieval.abstain import signals

    _told(services, "w1", "2024-04-20", ("Tom Reed", "yesterday we adopted a cat, her name is Miso"),
          ("Ana Lima", "omg she's tiny"), ("Ana Lima", "I got the job at the library"))
    hits = services.answering.search("cat", SearchOptions(k=5, person="Tom")).hits
    assert [h.memory.speaker for h in hits] == ["Tom Reed"]
    result = services.answering.search("What is Tom's cat called?")
    # Tom's own turn speaks of the cat; and "called" is how a name is asked for, not a word to find.
    assert result.detached_names == () and signals(result, "What is Tom's cat called?").unknown_words == ()
    services.settings = replace(services.settings, abstain_similarity=0.0, abstain_unknown_similarity=0.0)
    answer = services.answering.ask("What is Tom's cat called?", remember=False)
    assert not answer.abstained and "Miso" in answer.text


def test_a_summary_of_a_chat_quotes_what_was_told_not_the_chatter(services):
    _told(services, "c1", "2024-03-21", ("Raj", "got the job!!! senior designer at Fernwood Studio, start in April"),
          ("Lena", "RAJ!!! congratulations 🎉"), ("Raj", "haha thanks"), ("Raj", "which app do you use?"),
          ("Lena", "my car failed its MOT today, brakes again"), ("Raj", "🥹"))
    answer = services.answering.ask("Summarize my chats with Raj", remember=False)
    assert "senior designer at Fernwood Studio" in answer.text
    assert not any(chatter in answer.text for chatter in ("haha thanks", "which app", "🥹", "congratulations"))


def test_a_summary_of_chats_reads_them_in_the_order_they_were_said(services):
    # Quoted by search rank, the engagement in June came before the kitten in February.
    _told(services, "c1", "2025-02-03", ("Priya", "big news: we adopted a kitten called Sesame"))
    _told(services, "c2", "2025-03-20", ("Priya", "I got the archivist job at the Wellcome Collection"))
    _told(services, "c3", "2025-06-14", ("Priya", "Dan proposed!!!! last night, on the beach at Whitstable"))
    text = services.answering.ask("Summarize my chats with Priya", remember=False).text
    said = [text.find(words) for words in ("adopted a kitten", "archivist job", "Dan proposed")]
    assert -1 not in said and said == sorted(said)


def test_asked_when_a_turn_telling_of_a_day_comes_before_one_that_only_names_the_thing(services):
    # "The Mill, Saturday 6th June 2026!!" never says "wedding"; the chatter that does rarely says when.
    _told(services, "c3", "2025-04-10", ("Tamsin", "wedding stuff again, the wedding planning never ends"),
          ("Tamsin", "the wedding venue is booked for 6 June 2026"))
    searcher = services.answering.searcher()
    now = services.clock.timestamp()

    def first(dated: float) -> str:
        searcher.weights = replace(searcher.weights, dated=dated)
        return searcher.search("When is the wedding?", SearchOptions(k=2), now).hits[0].memory.text

    assert "6 June 2026" in first(FusionWeights().dated)
    assert "6 June 2026" not in first(0.0)  # without the preference, the turn naming the wedding most


def test_a_question_asked_in_a_chat_and_never_answered_there_is_no_answer_to_it(services):
    _told(services, "c9", "2025-05-18", ("me", "whats the best way to get red wine out of a carpet"))
    answer = services.answering.ask("whats the best way to get red wine out of a carpet", remember=False)
    assert answer.abstained and "carpet" not in answer.text


def test_a_question_asked_in_a_chat_is_answered_by_the_reply_it_got_there(services):
    _told(services, "c10", "2025-05-19", ("me", "whats the best way to get red wine out of a carpet"),
          ("Tamsin", "soda water and salt! blot it, never rub"))
    answer = services.answering.ask("whats the best way to get red wine out of a carpet", remember=False)
    assert not answer.abstained and "soda water" in answer.text


def test_asked_for_everything_of_a_kind_memory_need_not_name_the_kind(services):
    """"What health problems…": memory says "plantar fasciitis", never "health"; asked one thing
    ("what's my blood pressure?"), a word no memory has still counts."""
    from second_me.retrieval.abstain import words_memory_lacks

    _told(services, "c1", "2024-03-02", ("Bronwen", "my foot's been killing me. GP says plantar fasciitis"),
          ("Tariq", "oh no. rest it"))
    _told(services, "c2", "2024-07-20", ("Bronwen", "I've got covid. tested positive this morning"))
    assert words_memory_lacks(services.answering.search("What health problems have I had this year?")) == ()
    assert words_memory_lacks(services.answering.search("What was my blood pressure at the GP?")) == ("blood",)


def test_how_it_happened_is_told_in_other_verbs_the_thing_itself_is_not(services):
    """"When was Arlo born?" over "Ellie had the baby!! Arlo": no memory says "born", and the
    question is not refused for it; nor is "What is my brother's name?" for "brother" (memory calls
    him by his name), but still for no memory naming him."""
    from second_me.retrieval.abstain import decide, signals, words_memory_lacks

    _told(services, "c11", "2025-08-05", ("Ruben", "Ellie had the baby last night!! a boy, Arlo, 3.4 kg"),
          ("Josie", "AUNTY JOSIE. send photos"))
    assert words_memory_lacks(services.answering.search("When was Arlo born?")) == ()
    brother = services.answering.search("What is my brother's name?")
    assert words_memory_lacks(brother) == ()
    assert decide(signals(brother, "What is my brother's name?"), 0.25, 0.44) is not None


def test_a_turn_is_read_with_its_speakers_turn_just_before_it(services):
    """People text a thought in pieces: the piece that answers ("she's called Mango") shares no word
    with the question, the one before it ("I adopted a cat") does."""
    _told(services, "c12", "2024-02-10", ("Priya", "I did a thing. I adopted a cat from Cats Protection this morning"),
          ("Dev", "WHAT"), ("Priya", "she's called Mango, she's a 3 year old tabby with a bent ear and no manners"))
    from second_me.retrieval.evidence import evidence_choices

    hits = services.answering.search("What's my cat called?").hits
    quoted, _ = evidence_choices("What's my cat called?", hits, None)  # by their words alone
    assert any("Mango" in item.text for item in quoted)


def test_a_turn_asked_about_at_once_is_read_with_its_speakers_answer(services):
    """"What exam am I revising for?" found "jealous. I'm stuck revising for the exam"; the answer to
    Lena's "which one?" says no "exam", and was left out. A bare photo between the turns is looked past."""
    from second_me.services.turn_replies import said_before, told_more

    _told(services, "lena", "2026-08-08", ("Lena", "back from Skye, it rained every single day"),
          ("me", "jealous. I'm stuck revising for the exam"), ("Lena", "which one?"),
          ("me", "the accountancy one, CIMA part 2, it's on the 2nd of September"),
          ("Lena", "we finally adopted the dog btw"), ("Lena", "[photo]"), ("me", "OMG what's his name"),
          ("Lena", "Biscuit. He's a 2 year old beagle from the shelter in Leith"),
          ("me", "I'm cooking for the book club"), ("Lena", "which book?"))
    services.conversations.log.add_turns([Turn("lena", "me", "Dune. the one with the sandworms",
                                               _ts("2026-08-09", 9, 0), "user", "99")], services.clock.timestamp())
    exam = services.answering.ask("What exam am I revising for?", remember=False)
    assert exam.text.index("stuck revising") < exam.text.index("CIMA part 2")
    dog = services.answering.ask("What is Lena's dog called?", remember=False)
    assert "Biscuit. He's a 2 year old beagle" in dog.text
    biscuit = [hit for hit in services.answering.search("beagle from the shelter").hits
               if "Biscuit." in hit.memory.text]
    assert said_before(services.answering.core, biscuit)[biscuit[0].memory.id] == \
        "we finally adopted the dog btw\nOMG what's his name"  # the photo between them passed over
    hits = services.answering.search("cooking for the book club").hits
    cooking = next(hit for hit in hits if "cooking" in hit.memory.text)
    assert cooking.memory.id not in told_more(services.answering.core, hits)  # answered a day later: another talk


def test_someone_named_as_company_is_not_who_the_question_is_about(services):
    """"Where is brunch with Lena?" preferred Lena's turns about her dog, and whose words could answer
    was judged as Lena's alone: the user's "Are we still on for brunch Sunday?" and Lena's "yes! 11 at
    Café Mila?" (a reply saying yes, though it asks back) were refused."""
    from second_me.retrieval.people import asked_about

    _told(services, "lena", "2026-03-14", ("Lena", "Biscuit ate my left shoe"), ("Lena", "Biscuit loves the beach"),
          ("me", "Are we still on for brunch Sunday?"), ("Lena", "yes! 11 at Café Mila?"), ("me", "perfect"))
    answer = services.answering.ask("Where is brunch with Lena?", remember=False)
    assert not answer.abstained and "Café Mila" in answer.text
    assert asked_about("Where is brunch with Lena?", ["Lena"]) == ()
    assert asked_about("What did Lena do with Sam?", ["Lena", "Sam"]) == ("Lena",)
    assert asked_about("Who did Lena go with?", ["Lena"]) == ("Lena",)


def test_a_turn_is_about_what_was_said_just_before_it(services):
    """"she's called Mango" names no cat: the turn before it does, and a cat from Cats Protection is
    no cat called Cats Protection."""
    _told(services, "c12", "2025-05-20", ("me", "I did a thing. I adopted a cat from Cats Protection this morning"),
          ("me", "she's called Mango, she's a 3 year old tabby with a bent ear and no manners"))
    answer = services.answering.ask("What's my cat called?", remember=False)
    assert not answer.abstained and "Mango" in answer.text


def test_a_turn_typed_in_lower_case_that_tells_before_it_asks_is_no_question_back():
    told = "we booked Porto for May 19. we like food and wine, what should we do?"
    assert information_prior(_message(told)) == 1
    assert information_prior(_message("we like food and wine, what should we do?")) < 1


def test_a_reply_saying_her_thing_ranks_as_about_the_one_asked_of(services, monkeypatch):
    """"Where was Ella's party?": the reply "her party is at the trampoline park" to Mum's turn naming Ella
    had ranked below every turn naming Ella."""
    _told(services, "c1", "2023-11-02",
          ("Mum", "Ella's birthday is on the 21st isn't it?"), ("me", "yes! her party is at the trampoline park"),
          ("Sam", "Ella is so excited, she keeps asking about the party and the cake and her friends coming"))
    def first() -> str:
        return services.answering.search("Where was Ella's party?", SearchOptions(k=4)).hits[0].memory.text
    assert first() == "me: yes! her party is at the trampoline park"
    monkeypatch.setattr("second_me.retrieval.hybrid.told_of_in_reply", lambda *args: set())
    # It says "her" and names no one in a chat naming Ella: that alone takes it for about her too.
    assert first() == "me: yes! her party is at the trampoline park"
    monkeypatch.setattr("second_me.retrieval.hybrid.spoken_of_as_she_or_he", lambda *args: set())
    assert first() != "me: yes! her party is at the trampoline park"


def test_asked_with_i_alone_the_users_own_turns_are_about_whom_it_asks():
    memories = {1: _message("new project in the garage. a cedar strip kayak", "Marcel", 1),
                2: _message("I built a ramp for the dog this year", "Lieve", 2)}
    with_a_friend = lambda: [("Marcel", "user"), ("Lieve", "other")]
    assert the_users_own("What have I built this year?", memories, with_a_friend) == {1}
    assert the_users_own("Where's my passport?", memories, with_a_friend) == {1}
    assert the_users_own("Where did we go in May?", memories, with_a_friend) == set()  # both of them
    assert the_users_own("What has Lieve built?", memories, with_a_friend) == set()
    # With an assistant alone, every turn worth finding is the user's or answers one.
    with_an_assistant = lambda: [("Marcel", "user"), ("Assistant", "assistant")]
    assert the_users_own("What have I built?", memories, with_an_assistant) == set()


def test_asked_what_i_did_the_users_turn_outranks_the_friends_telling_the_same(services):
    conversation = "Marcel and Lieve"
    services.conversations.log.add_turns(
        [Turn(conversation, "Lieve", "I built a ramp this year, built the whole thing in a year of weekends",
              _ts("2026-03-02"), "other", "1"),
         Turn(conversation, "Marcel", "new project: I built a cedar kayak", _ts("2026-03-09"), "user", "2")],
        services.clock.timestamp())
    hits = services.answering.search("What have I built this year?", SearchOptions(k=2)).hits
    assert [hit.memory.speaker for hit in hits] == ["Marcel", "Lieve"]
    hits = services.answering.search("What has anyone built this year?", SearchOptions(k=2)).hits
    assert [hit.memory.speaker for hit in hits] == ["Lieve", "Marcel"]  # without the prior: the closer match
