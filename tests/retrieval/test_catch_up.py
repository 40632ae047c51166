"""A catch-up on someone ("What has Tomás been up to?") quotes their news, a turn from each of their
newest conversations; a question gathering everything of a kind is held to a lower bar."""

from datetime import datetime, timezone

from second_me.domain import Hit, Memory, Turn
from second_me.retrieval.abstain import decide, relevant_hits, signals
from second_me.retrieval.catch_up import catch_up_question, chats_named, newsiest_turns, speakers_named
from second_me.retrieval.hybrid import SearchResult
from second_me.text.utterance import request_verb, tells_news

NOW = datetime(2026, 12, 5, tzinfo=timezone.utc)


def _ts(day: str, hour: int = 9, minute: int = 0) -> float:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=timezone.utc).timestamp()


def test_a_catch_up_is_told_by_how_it_is_asked_and_names_whom():
    for asked, who in [("What has Tomás been up to?", "Tomás"), ("What's new with Lena?", "Lena"),
                       ("Catch me up on Sam", "Sam"), ("fill me in on Dom.", "Dom"), ("Any news from Lena?", "Lena"),
                       ("Summarize what Tomás has been up to this year", "Tomás"),
                       ("What has Tomás been doing since August?", "Tomás")]:
        found = catch_up_question(asked, NOW)
        assert found is not None and found.who == who and not found.me, asked
    mine = catch_up_question("What have I been up to lately?", NOW)
    assert mine is not None and mine.me
    assert catch_up_question("What has Tomás been up to since August?", NOW).time.has_window
    # A summary asks for all of it, a catch-up for the newest news.
    assert catch_up_question("Summarize my chat with Maya", NOW).whole
    assert catch_up_question("What have Maya and I talked about?", NOW).whole
    assert not catch_up_question("What's new with Maya?", NOW).whole
    assert not catch_up_question("Catch me up on the family chat", NOW).whole
    for other in ["What has Tomás been up to with the van?", "What is Sam doing for his birthday?",
                  "Where does Tomás work?", "What hobbies have I taken up?"]:
        assert catch_up_question(other, NOW) is None, other


def test_a_name_asked_is_a_speaker_by_first_name_and_without_accents():
    assert speakers_named("tomas", ["Tomás Silva", "Ana", "Tom"]) == ["Tomás Silva"]
    assert speakers_named("Lena", ["Tomás Silva", "Ana"]) == []


def test_catch_me_up_is_a_request_not_news_to_remember():
    for asked in ("Catch me up on Tomás", "Fill me in on the move", "Update me on Lena"):
        assert request_verb(asked) and not tells_news(asked)
    assert tells_news("Update: the boiler is fixed.")  # news after all
    assert tells_news("I caught up with Tom today.")


def _turn(memory_id: int, text: str, at: float, speaker: str = "Tomás") -> Memory:
    return Memory(memory_id, "message", f"{speaker}: {text}", at, None, 7.0, 0, False, "active", speaker=speaker)


def test_each_conversation_gives_the_turn_saying_the_most_and_chatter_none():
    day1, day2, day3 = _ts("2026-05-02"), _ts("2026-06-10"), _ts("2026-06-10", 20)  # day3: hours later, a new talk
    turns = [(_turn(1, "guess where I am", day1), 7), (_turn(2, "in Porto with Inês, her cousin's wedding is next "
                                                               "weekend so we came early for 4 days", day1 + 60), 7),
             (_turn(3, "haha", day2), 7), (_turn(4, "how are you?", day2 + 60), 7),  # nothing told: no quote
             (_turn(5, "ran the Porto 10k on Sunday, 51 minutes", day3), 7), (_turn(6, "so tired", day3 + 60), 7)]
    assert [m.id for m in newsiest_turns(turns)] == [2, 5]
    assert [m.id for m in newsiest_turns(turns, most=1)] == [5]  # the newest
    assert [m.id for m in newsiest_turns(turns, most=1, spread=True)] == [2]  # over a time asked: the one telling most
    race = [(_turn(8, "did it!! 1:52:30 yesterday", day1), 9),
            (_turn(9, "my legs are not speaking to me", day1 + 60), 9)]
    assert [m.id for m in newsiest_turns(race)] == [8]  # a time run says more than the legs after it
    other_chat = [(_turn(7, "the landlord finally fixed the boiler", day1 + 120), 8)]
    assert [m.id for m in newsiest_turns(turns + other_chat)] == [2, 7, 5]  # another chat is another conversation


def test_a_gathering_question_is_held_to_a_lower_bar_and_keeps_hits_near_the_closest():
    def refused(question: str, closest: float) -> bool:
        turn = Hit(_turn(1, "started bouldering", 0.0, "Ana"), 1.0, 1.0, None, similarity=closest)
        return decide(signals(SearchResult((turn,), closest), question), 0.25) is not None

    assert not refused("What hobbies have I taken up this year?", 0.23) and refused("Where does Tomás work?", 0.23)
    assert refused("How much did the bike and the helmet cost together?", 0.23)  # amounts to add: one answer each

    def hit(memory_id: int, similarity: float) -> Hit:
        return Hit(_turn(memory_id, "started bouldering", 0.0, "Ana"), 1.0, 1.0, None, similarity=similarity)

    result = SearchResult((hit(1, 0.23), hit(2, 0.16), hit(3, 0.15)), 0.23)
    assert [h.memory.id for h in relevant_hits(result, 0.22)] == [1]
    assert [h.memory.id for h in relevant_hits(result, 0.22, gathering=True)] == [1, 2, 3]
    closer = SearchResult((hit(4, 0.40), hit(1, 0.23), hit(2, 0.15)), 0.40)  # "I started pottery classes"
    assert [h.memory.id for h in relevant_hits(closer, 0.22)] == [4, 1]
    assert [h.memory.id for h in relevant_hits(closer, 0.22, gathering=True)] == [4, 1, 2]


def _ana_and_tomas(services, *more: tuple[str, str, float]) -> None:
    """A Telegram chat of Ana (the user) and Tomás over four months."""
    turns = [Turn("Telegram: Tomás", speaker, words, at, "user" if speaker == "Ana" else "other", str(n))
             for n, (speaker, words, at) in enumerate([
                 ("Ana", "I finally started bouldering, went to the climbing wall yesterday", _ts("2026-04-02")),
                 ("Tomás", "I'm training for the Lisbon half marathon, it's on the 24th of May",
                  _ts("2026-04-02", 9, 5)),
                 ("Tomás", "and I got a promotion, I'm managing the bakery side now", _ts("2026-06-10")),
                 ("Ana", "what are you up to this weekend?", _ts("2026-06-10", 9, 3)),
                 ("Tomás", "haha nothing", _ts("2026-06-10", 9, 4)),
                 ("Tomás", "I broke my wrist on Saturday, fell off my bike", _ts("2026-07-03")), *more])]
    services.conversations.log.add_turns(turns, services.clock.timestamp())


def test_a_catch_up_quotes_their_news_not_the_turns_closest_to_its_words(services):
    _ana_and_tomas(services)
    answer = services.answering.ask("What has Tomás been up to?", remember=False)
    assert not answer.abstained
    assert [item.text for item in answer.evidence] == [
        "I'm training for the Lisbon half marathon, it's on the 24th of May",
        "and I got a promotion, I'm managing the bakery side now", "I broke my wrist on Saturday, fell off my bike"]
    assert answer.text.startswith("Tomás's news, a message from each of 3 conversations, 2026-04-02 to 2026-07-03:"
                                  "\n\nTomás: “I'm training")
    mine = services.answering.ask("What have I been up to lately?", remember=False)
    assert [item.speaker for item in mine.evidence] == ["Ana"]
    # Someone who never speaks in memory is searched for as any question is.
    assert services.answering.ask("What has Lena been up to?", remember=False).abstained
    since = services.answering.ask("What has Tomás been up to since July 2026?", remember=False)
    assert [item.text for item in since.evidence] == ["I broke my wrist on Saturday, fell off my bike"]
    later = services.answering.ask("What has Tomás been up to since November 2026?", remember=False)
    assert later.abstained and later.text == "I don't know: Tomás told nothing in your memory from then."
    # Asked in the app's chat, the request is not a memory of its own.
    before = services.store.kind_counts(("message",))
    services.answering.ask("Catch me up on Tomás", conversation="app", remember=False)
    assert services.store.kind_counts(("message",)) == before


def test_chats_with_someone_are_summed_up_from_both_sides_and_what_they_told_from_theirs(services):
    _ana_and_tomas(services, ("Ana", "my Spanish exam is on the 12th of September, the teacher says I'm ready",
                              _ts("2026-08-20")))
    for asked in ("Summarize my chats with Tomás", "What have Tomás and I talked about?",
                  "What did I talk about with Tomás?"):
        answer = services.answering.ask(asked, remember=False)
        assert answer.text.startswith("Your chats with Tomás, a message from each of 4 conversations, "
                                      "2026-04-02 to 2026-08-20:"), asked
        assert {item.speaker for item in answer.evidence} == {"Ana", "Tomás"}, asked
    told = services.answering.ask("Summarize what Tomás told me", remember=False)
    assert told.text.startswith("Tomás's news, a message from each of 3 conversations")
    assert {item.speaker for item in told.evidence} == {"Tomás"}
    services.conversations.log.add_turns([
        Turn("ChatGPT: Knee pain", "me", "my knee hurts after runs", _ts("2026-02-03"), "user", "k1"),
        Turn("ChatGPT: Knee pain", "ChatGPT", "Cut your distance and add hip strengthening, clamshells and side planks",
             _ts("2026-02-03", 9, 1), "assistant", "k2")], services.clock.timestamp())
    advice = services.answering.ask("What did ChatGPT tell me?", remember=False)
    assert advice.text.startswith("What ChatGPT told you, from one conversation on 2026-02-03:")
    found = catch_up_question("Summarize my chats with Tomás about the half marathon", NOW)
    assert found is None  # a topic asked: searched as any request is


def test_a_chat_called_by_its_name_is_summed_up_from_all_its_speakers(services):
    for asked, name in [("Summarize the family chat", "family"),
                        ("What's been happening in the Family group?", "Family"),
                        ("What did we talk about in Family?", "Family"),
                        ("recap our book club group chat", "book club"),
                        ("Catch me up on the family chat", "family")]:
        found = catch_up_question(asked, NOW)
        assert found is not None and found.chat_named and found.who == name, asked
    assert not catch_up_question("Summarize my chats with Tomás", NOW).chat_named
    assert chats_named("the family", [(1, "WhatsApp: Family 🏡", ""), (2, "Telegram: Tomás", "")]) == \
        [(1, "WhatsApp: Family 🏡")]
    services.conversations.log.add_turns([
        Turn("WhatsApp: Family 🏡", speaker, words, at, "user" if speaker == "Marta" else "other", str(n))
        for n, (speaker, words, at) in enumerate([
            ("Marta", "Made this group so we can plan Dad's 70th, party on Saturday 2 May", _ts("2026-03-12")),
            ("Jonas", "Booked Zum Anker for 2 May, 7pm, back room. Deposit was 150 euros", _ts("2026-03-20")),
            ("Lea", "Started the new job at the pharmacy on Monday!", _ts("2026-04-15"))])], services.clock.timestamp())
    _ana_and_tomas(services)
    answer = services.answering.ask("Summarize the family chat", remember=False)
    assert answer.text.startswith("Your chat “WhatsApp: Family 🏡”, a message from each of 3 conversations, "
                                  "2026-03-12 to 2026-04-15:"), answer.text
    assert [item.speaker for item in answer.evidence] == ["Marta", "Jonas", "Lea"]
    # No chat called so: the question is searched as any is.
    assert not services.answering.ask("Summarize the book club chat", remember=False).text.startswith("Your chat")


def test_a_request_or_advice_is_not_answered_with_whose_news_it_was(services):
    # "That was Tomás, not you" answers what the user did; a request to sum something up, or a question
    # asking what to do, asks neither.
    _ana_and_tomas(services)
    for asked in ("Summarize my chat with Tomás about the half marathon", "What should I do for the half marathon?"):
        answer = services.answering.ask(asked, remember=False)
        assert not answer.text.startswith("That was"), asked
        assert any("half marathon" in item.text for item in answer.evidence), asked
    assert services.answering.ask("When did I run the half marathon?", remember=False).text.startswith(
        "That was Tomás, not you")  # what the user did: still whose it was


def test_who_someone_you_chat_with_is_says_where_you_talk_and_what_others_say_of_them(services):
    _ana_and_tomas(services)
    alone = services.answering.ask("Who is Tomás?", remember=False)  # his own turns say nothing of who he is
    assert alone.text == ("Tomás is someone you chat with: 4 messages from them in Telegram: Tomás, 2026-04-02 to "
                          "2026-07-03. Ask \"What has Tomás been up to?\" for their news.")
    services.conversations.log.add_turns([Turn("Telegram: Tomás", "Ana", "Tomás was my flatmate in Lisbon for "
                                               "three years, he's a barista now", _ts("2026-08-01"), "user", "f1")],
                                         services.clock.timestamp())
    told = services.answering.ask("who's tomas?", remember=False)
    assert told.text.startswith("Tomás is someone you chat with: 4 messages from them in Telegram: Tomás, "
                                "2026-04-02 to 2026-07-03.\n\n")
    assert any(item.speaker == "Ana" and "flatmate" in item.text for item in told.evidence)
    assert services.answering.ask("Who is Lena?", remember=False).abstained  # no one who speaks: searched as before
