"""Who the evidence is about: Sam's question is not answered with Priya's words."""

from second_me.domain import Evidence
from second_me.retrieval.attribution import attribute, attribute_quotes, subject_of, the_assistants_words

SPEAKERS = ["Lena", "Sam", "Priya"]
USERS = ["Lena"]


def said(speaker: str, text: str, memory_id: int = 1) -> Evidence:
    return Evidence(text, memory_id, f"chat · {speaker} · 2023-07-06", "message", speaker)


def test_someone_elses_first_person_statement_is_attributed_to_them():
    subject = subject_of("What did Sam do for his birthday?", SPEAKERS, USERS)
    result = attribute([said("Priya", "I went to Paris for my birthday!")], subject, USERS)
    assert result.evidence == () and result.message == "That was Priya, not Sam"


def test_the_user_asking_about_themselves_gets_told_it_was_the_friend():
    subject = subject_of("Where did I go for my birthday?", SPEAKERS, USERS)
    result = attribute([said("Sam", "I went to Paris for my birthday!")], subject, USERS)
    assert result.message == "That was Sam, not you"


def test_a_name_typed_in_lower_case_is_asked_about_as_written_in_capitals():
    # "where does kwame work now?" was about no one: Lucía's "Her partner got a job there" was quoted first.
    lower, capital = (subject_of(q, ["Kwame Mensah", "Lucía Romero"], ["Lucía Romero"])
                      for q in ("where does kwame work now?", "Where does Kwame work now?"))
    assert lower.people == capital.people == {"kwame mensah"} and lower.shown == "Kwame Mensah"
    hers = said("Lucía Romero", "Harriet's moving. Her partner got a job there. I've been sulking ever since")
    assert attribute([hers], lower, ["Lucía Romero"]).message == "That was you, not Kwame Mensah"


def test_the_users_question_about_a_friends_trip_is_no_trip_of_theirs():
    # "how was my trip to accra?" quoted the user's own "Found you, back row squinting haha. How's Accra?".
    subject = subject_of("how was my trip to accra?", SPEAKERS, USERS)
    asking = said("Lena", "Found you, back row squinting haha. How's Accra?", 1)
    reply = said("Sam", "Hot. 33 degrees hot. I went to Labadi beach yesterday", 2)
    result = attribute([asking, reply], subject, USERS)
    assert result.message == "That was Sam, not you" and result.other == reply
    # Telling of it before asking is theirs: "Just back from Accra, so hot. How was your week?"
    told = said("Lena", "Just back from Accra, so hot. How was your week?", 3)
    assert attribute([told, reply], subject, USERS).evidence == (told,)


def test_a_turn_told_to_the_whole_group_may_be_about_the_user():
    # "Which route did I take up Snowdon?" was "That was Sam, not you" over his "ok team, … I've booked the hostel".
    subject = subject_of("Which route did I take up Snowdon?", SPEAKERS, USERS)
    for text in ["ok team, Snowdon trip is ON. I've booked the hostel", "hey guys! I've booked the hostel"]:
        assert attribute([said("Sam", text)], subject, USERS).message == "", text
    for text in ["I've booked the hostel for everyone", "everyone's coughing on me, I booked the hostel"]:
        assert attribute([said("Sam", text)], subject, USERS).message == "That was Sam, not you", text


def test_a_turn_speaking_to_the_whole_group_as_you_all_is_not_said_to_the_user():
    # "How am I getting to Edinburgh?" was answered with Ellie's plan as if it were the user's.
    subject = subject_of("How am I getting to Edinburgh?", SPEAKERS, USERS)
    for text in ["I'll take the train to Edinburgh and meet you all there", "see you guys at the station"]:
        assert attribute([said("Sam", text)], subject, USERS).message == "That was Sam, not you", text
    assert attribute([said("Sam", "I'll meet you at the station")], subject, USERS).message == ""  # to the user


def test_a_name_only_called_out_to_its_bearer_does_not_make_a_turn_about_them():
    # "What mark did Sam get in his Grade 1 cello exam?" (Lena's exam): her "I'm a teacher sam, I love an
    # exam" speaks to Sam of herself, and kept her certificate's mark as if it were his.
    subject = subject_of("What mark did Sam get in his cello exam?", SPEAKERS, USERS)
    for text in ["I'm a teacher sam, I love an exam", "thanks Sam! I passed my cello exam", "Sam, I passed!!"]:
        assert attribute([said("Lena", text)], subject, USERS).message == "That was you, not Sam", text
    for text in ["I told Sam, and he passed his exam too", "Sam, your exam went well then", "well done Sam!"]:
        assert attribute([said("Lena", text)], subject, USERS).message == "", text


def test_own_words_words_naming_them_and_words_to_them_count():
    subject = subject_of("What did Sam do for his birthday?", SPEAKERS, USERS)
    evidence = [said("Priya", "I went to Paris for my birthday!", 1),
                said("Sam", "I had a quiet dinner for my birthday.", 2),
                said("Lena", "Sam's birthday party was great", 3),
                said("Lena", "did you have a good birthday?", 4)]
    result = attribute(evidence, subject, USERS)
    assert [e.memory_id for e in result.evidence] == [2, 3, 4] and result.message == ""


def test_the_user_by_name_or_as_i():
    assert subject_of("what did Lena buy?", SPEAKERS, USERS).user
    assert subject_of("what did I buy?", SPEAKERS, USERS).user
    assert not subject_of("what did Sam buy?", SPEAKERS, USERS).user


def test_a_question_naming_the_user_and_someone_else_is_about_both():
    subject = subject_of("What parkrun times has Lena told Sam about?", SPEAKERS, USERS)
    told = said("Lena", "I did my first parkrun on Saturday!! 34:10")
    assert attribute([told], subject, USERS).evidence == (told,)
    # "my" beside a name leaves it about the one named
    subject = subject_of("What did Sam give my daughter?", SPEAKERS, USERS)
    assert attribute([said("Priya", "I gave her a kite")], subject, USERS).message == "That was Priya, not Sam"
    # "I" beside a name is the user doing something with them: the photo Lena sent Sam is hers.
    subject = subject_of("Where was the cat asleep in the photo I sent Sam?", SPEAKERS, USERS)
    photo = said("Lena", "[photo: a ginger tabby cat asleep in a laundry basket]")
    assert attribute([photo], subject, USERS).evidence == (photo,)


def test_notes_and_unknown_names_are_not_judged():
    subject = subject_of("What did Karl say about the budget?", SPEAKERS, USERS)
    note = Evidence("Karl: the budget is frozen until May.", 1, "notes/meeting.md:3")
    assert attribute([note], subject, USERS).evidence == (note,)


def test_whose_it_is_is_judged_on_the_quotes_not_on_what_else_a_reader_is_given():
    subject = subject_of("Which job did Sam get in Toronto?", SPEAKERS, USERS)
    olu = said("Priya", "I got a job in Toronto!! moving in November.", 1)
    sam = said("Sam", "my job is fine, the truck is busy every weekend", 2)
    result = attribute_quotes([olu], [olu, sam], subject, USERS)
    assert result.message == "That was Priya, not Sam" and result.other == olu
    # When the quotes are about Sam, what else is given is kept unless it is clearly someone else's.
    own = said("Sam", "I got the Toronto job at the bakery!", 3)
    kept = attribute_quotes([own], [own, olu, sam], subject, USERS)
    assert [e.memory_id for e in kept.evidence] == [3, 2] and kept.message == ""


def test_a_turn_that_speaks_of_no_one_is_about_its_speaker():
    # "What's Sam's parkrun PB?" found Priya's "NEW PB at parkrun yesterday! 29:47!!!", and the reader
    # answered "Sam's parkrun PB is 29:47".
    subject = subject_of("What's Sam's parkrun PB?", SPEAKERS, USERS)
    priya = said("Priya", "NEW PB at parkrun yesterday! 29:47!!! under 30 minutes!!!")
    assert attribute([priya], subject, USERS).message == "That was Priya, not Sam"
    # Words about a third person, someone named, or an assistant's advice cannot be told.
    for speaker, text in [("Priya", "she's called Nugget and she bites"), ("Priya", "Maisie's hamster escaped"),
                          ("Helper", "Parkrun PBs come from steady easy runs.")]:
        assert attribute([said(speaker, text)], subject, USERS, ["Helper"]).message == ""


def test_asked_about_the_user_someone_elses_words_about_a_third_are_theirs():
    # "What's the name of my hamster?" was answered "Nugget", from Sam's "and the hamster has arrived.
    # she's called Nugget": Sam's family's hamster. Asked about Sam, it cannot be told (see above).
    mine = subject_of("What's the name of my hamster?", SPEAKERS, USERS)
    for text in ["and the hamster has arrived. she's called Nugget", "Maisie's hamster escaped"]:
        assert attribute([said("Sam", text)], mine, USERS).message == "That was Sam, not you"
    for text in ["your hamster looked so happy", "Lena, the hamster is called Nugget"]:
        assert attribute([said("Sam", text)], mine, USERS).message == ""
    assert attribute([said("Helper", "Hamsters like to be called by name.")], mine, USERS, ["Helper"]).message == ""


def test_a_turn_naming_no_one_after_its_speakers_own_news_goes_on_about_it():
    # "When did Bea's dad have a heart attack?" (Dom's dad had it): Dom's "he's ok. two stents", quoted
    # after his "rough week. Dad had a heart attack on Wednesday", was read as perhaps Bea's.
    subject = subject_of("When did Priya's dad have a heart attack?", SPEAKERS, USERS)
    news = said("Sam", "rough week. Dad had a heart attack on Wednesday", 1)
    after = said("Sam", "he's ok. two stents, and he's home already", 2)
    assert attribute([news, after], subject, USERS).message == "That was Sam, not Priya"
    assert attribute([after], subject, USERS).message == ""  # alone, it cannot be told
    assert attribute([news, said("Lena", "he's ok. two stents", 2)], subject, USERS).message == ""


def test_a_speaker_named_in_full_is_the_subject_when_asked_by_first_name():
    speakers, users = ["Ana Lima", "Tom Reed"], ["Ana Lima"]
    subject = subject_of("What is Tom's cat called?", speakers, users)
    assert subject.people == {"tom reed"} and subject.shown == "Tom Reed" and not subject.user
    evidence = [said("Ana Lima", "I adopted a cat last year", 1), said("Tom Reed", "yesterday we adopted a cat", 2)]
    assert [e.memory_id for e in attribute(evidence, subject, users).evidence] == [2]
    assert subject_of("what did Ana buy?", speakers, users).user


def test_whose_it_was_is_shown_with_what_they_told_not_a_question_they_asked():
    subject = subject_of("What does Sam do for work these days?", SPEAKERS + ["Olu"], USERS)
    evidence = [said("Lena", "what's the job?", 1), said("Olu", "risk analyst at a bank, same thing I do now", 2)]
    result = attribute(evidence, subject, USERS)
    assert result.other.memory_id == 2 and result.message == "That was Olu, not Sam"


def test_a_question_the_one_asked_about_typed_tells_nothing_of_them():
    # "What's Sam's parkrun PB?" quoted Sam's "why parkrun all of a sudden" beside Nina's PB, and was
    # answered: his question is no PB of his, and the PB is hers.
    asked = said("Sam", "why parkrun all of a sudden", 1)
    hers = said("Nina", "NEW PB at parkrun yesterday! I ran 29:47", 2)
    speakers, users = ["Nina", "Sam"], ["Nina"]
    result = attribute([asked, hers], subject_of("What's Sam's parkrun PB?", speakers, users), users)
    assert result.message == "That was you, not Sam" and result.other == hers
    # Asked what he asked, his question is the answer; news told before a question is his too.
    assert attribute([asked, hers], subject_of("What did Sam ask about parkrun?", speakers, users), users).evidence \
        == (asked,)
    told = said("Sam", "I did my first parkrun today, 31 minutes! have you ever done one?", 3)
    assert attribute([told, hers], subject_of("What's Sam's parkrun PB?", speakers, users), users).evidence == (told,)
    sister = said("Sam", "my sister Amaia wants to come and visit in February, is that ok??", 4)  # a longer one tells
    assert attribute([sister, hers], subject_of("What's Sam's sister called?", speakers, users), users).evidence \
        == (sister,)


def test_asked_what_the_assistant_told_its_reply_is_quoted_after_the_question_it_answers():
    own = said("Lena", "Longest run yet: 18 km this morning. Ready for the half marathon.", 1)
    asked = said("Lena", "what pace should I run the half marathon at?", 2)
    reply = said("assistant", "About 7:40 per km, and hold back for the first 5 km.", 3)
    quoted, given = the_assistants_words("What pace per km did you tell me to run the half marathon at?",
                                         [own], [own, asked, reply], ["assistant"])
    assert quoted == [asked, reply] and given == [asked, reply, own]
    for question in ("Which book did you recommend?", "what was your advice on the knee", "what you told me about pace"):
        assert the_assistants_words(question, [own], [own, reply], ["assistant"])[0] == [reply]
    # Asked what the user did, or with no reply among the evidence, nothing changes.
    assert the_assistants_words("What pace did I run the half marathon at?", [own], [own, reply], ["assistant"]) \
        == ([own], [own, reply])
    assert the_assistants_words("What did you tell me about pace?", [own], [own, asked], ["assistant"]) \
        == ([own], [own, asked])
    # The assistant named as an export names it: "ChatGPT" is "you".
    gpt_reply = Evidence(reply.text, reply.memory_id, "chat · ChatGPT · 2023-07-06", "message", "ChatGPT")
    for question in ("What did ChatGPT suggest for the half marathon?", "what was chatgpt's advice on pace"):
        assert the_assistants_words(question, [own], [own, gpt_reply], ["ChatGPT"])[0] == [gpt_reply]
    assert the_assistants_words("What did Sam suggest?", [own], [own, gpt_reply], ["ChatGPT"])[0] == [own]
    # Asked what to do, the assistant's advice answers: the user's own account is what went wrong.
    assert the_assistants_words("What pace should I run the half marathon at?", [own], [own, reply],
                                ["assistant"])[0] == [reply]


def test_someones_dad_or_mum_as_a_name_is_the_speakers_own():
    """Asked about Sam's dad, Priya's "rough week. Dad had a heart attack" is her father's; "her dad"
    or "Sam's mum" is not the speaker's, and says nothing of whose it is."""
    subject = subject_of("When did Sam's dad have a heart attack?", SPEAKERS, USERS)
    own = attribute([said("Priya", "rough week. Dad had a heart attack on Wednesday. he was mowing the lawn")],
                    subject, USERS)
    assert own.message == "That was Priya, not Sam"
    for told in ("her dad had a heart attack on Wednesday", "Sam's dad had a heart attack on Wednesday"):
        assert attribute([said("Priya", told)], subject, USERS).message == ""
    mine = subject_of("When did my mum move to Leeds?", SPEAKERS, USERS)
    assert attribute([said("Sam", "Mum moved to Leeds on Saturday!")], mine, USERS).message == "That was Sam, not you"
    assert attribute([said("Lena", "Mum moved to Leeds on Saturday!")], mine, USERS).message == ""
    # Asked about Sam himself, a turn naming "Dad" may be about anyone: undecided, as before.
    plain = subject_of("When did Sam move to Leeds?", SPEAKERS, USERS)
    assert attribute([said("Priya", "Dad moved to Leeds on Saturday")], plain, USERS).message == ""


def test_asked_what_an_assistant_said_its_reply_to_the_users_own_words_is_the_answer(services):
    # The user's "my sourdough comes out flat and dense…" asks nothing, and is what the question's
    # words find; ChatGPT's reply to it shares none of them, and is what was asked ("you": ChatGPT).
    from datetime import datetime, timezone

    from second_me.domain import Turn

    def at(minute: int) -> float:
        return datetime(2026, 4, 2, 9, minute, tzinfo=timezone.utc).timestamp()

    services.conversations.log.add_turns([
        Turn("ChatGPT: Sourdough help", "me", "my sourdough comes out flat and dense. I feed my starter once a day "
             "and bulk ferment for 4 hours at about 19 degrees", at(15), "user", "s1"),
        Turn("ChatGPT: Sourdough help", "ChatGPT", "At 19 °C 4 hours is too short: I would let the bulk go until the "
             "dough has risen by half, often 7-9 hours at that temperature.", at(16), "assistant", "s2"),
        *(Turn("Telegram: Ana", "me", text, at(20 + i), "user", f"a{i}") for i, text in enumerate(
            ("my sourdough loaf today", "sourdough again, my favourite", "my sourdough starter is called Gregory"))),
        Turn("ChatGPT: Bread", "me", "baked my sourdough again today", at(25), "user", "b1"),
        Turn("ChatGPT: Bread", "ChatGPT", "I'd try that this week and see how it goes.", at(26), "assistant", "b2"),
        Turn("ChatGPT: Lisbon", "me", "we booked a flat in Graça for 5 nights", at(30), "user", "l1"),
        Turn("ChatGPT: Lisbon", "ChatGPT", "Graça is a great base: quiet, with the best viewpoints.", at(31),
             "assistant", "l2")], services.clock.timestamp())
    answer = services.answering.ask("What did you say about my sourdough?", remember=False)
    assert not answer.abstained and not answer.text.startswith("That was you")
    assert answer.evidence[0].speaker == "ChatGPT" and "too short" in answer.evidence[0].text
    assert not any("how it goes" in item.text for item in answer.evidence)  # says nothing of what it replies to
    # "…you suggest I do…" asks what ChatGPT said, though "I" does something in it: its words are not "not yours".
    answer = services.answering.ask("What did you suggest I do about my sourdough?", remember=False)
    assert not answer.text.startswith("That was") and "too short" in answer.text


def test_an_amount_only_someone_else_states_is_told_as_theirs_not_refused_as_missing(services):
    # "What did Lea's car inspection cost?" was refused "the memories about that don't say an amount"
    # over Marta's own 480 euros: memory does say one, and it is hers.
    from datetime import datetime, timezone

    from second_me.domain import Turn

    def on(day: str) -> float:
        return datetime.fromisoformat(day).replace(hour=20, tzinfo=timezone.utc).timestamp()

    log = services.conversations.log
    def said(speaker: str, text: str, day: str, role: str = "other") -> Turn:
        return Turn(f"family {day}", speaker, text, on(day), role, f"{speaker} {day}")

    log.add_turns([said("Marta", "Ugh, my car failed its inspection. Brakes again. 480 euros", "2026-04-02", "user"),
                   said("Lea", "Started the new job at the pharmacy on Monday!", "2026-04-15"),
                   said("Jonas", "Booked the back room for Dad's party, 25 people max", "2026-03-20")],
                  services.clock.timestamp())
    answer = services.answering.ask("What did Lea's car inspection cost?", remember=False)
    assert answer.abstained
    assert answer.text.startswith("That was you, not Lea: “Ugh, my car failed its inspection")
    # Lea's own word of her car's inspection, with no amount: that is what is about her, and it says none.
    log.add_turns([said("Lea", "my car inspection is on Friday, fingers crossed", "2026-04-20")], services.clock.timestamp())
    again = services.answering.ask("What did Lea's car inspection cost?", remember=False)
    assert again.abstained and again.text == "I don't know: the memories about that don't say an amount."
