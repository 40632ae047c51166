"""Sentence-level evidence: which sentences of the hits are quoted, and where they stand."""

from dataclasses import replace

import pytest

from second_me.domain import ConversationOrigin, FileOrigin, Hit, Memory
from second_me.models.fake import FakeEmbedder
from second_me.retrieval.evidence import (answers_alone, choose, evidence_choices, score_sentences, select_evidence,
                                         verbs_asked)
from second_me.retrieval.quotable import Sentence, candidate_sentences, with_whole_lists
from second_me.text.sentences import split_sentences
from second_me.retrieval.intent import intent_of

SOURDOUGH = ("## Proofing\n\nBulk fermentation takes about 4 to 5 hours at 24 °C, with stretch and folds every 30 "
             "minutes.\nAfter shaping, proof the dough in the fridge overnight, 12 to 14 hours. The cold proof makes"
             "\nthe crust blister and the crumb open.")
BAKING = "## Baking\n\nBake in a preheated Dutch oven at 250 °C: 20 minutes with the lid on, then 25 minutes without."
STARTER = ("## Starter\n\nFeed the starter the night before: 50 g flour, 50 g water, 10 g starter.\n"
           "It is ready when it has doubled and smells sweet and sour.")


def memory(memory_id: int, text: str, kind: str = "chunk", start=None, end=None, created=1_700_000_000.0) -> Memory:
    return Memory(memory_id, kind, text, created, None, 30.0, 0, False, "active", start_line=start, end_line=end)


def file_hit(memory_id: int, text: str, start: int, end: int, score: float = 1.0) -> Hit:
    return Hit(memory(memory_id, text, start=start, end=end), score, 1.0, FileOrigin("notes/sourdough.md", start, end))


def turn_hit(memory_id: int, speaker: str, text: str, score: float = 1.0) -> Hit:
    origin = ConversationOrigin("chat", f"t{memory_id}", speaker, "2023-07-06T10:00:00+00:00")
    return Hit(memory(memory_id, f"{speaker}: {text}", kind="message"), score, 1.0, origin)


def said_by(memory_id: int, speaker: str, text: str, score: float = 1.0) -> Hit:
    """A turn whose memory knows its speaker, as an imported chat's does (an assistant's, the user's)."""
    hit = turn_hit(memory_id, speaker, text, score)
    return replace(hit, memory=replace(hit.memory, speaker=speaker))


def test_sentences_split_at_ends_but_not_at_decimals_or_abbreviations():
    text = "Road tyres: 6.5 bar front, 7 bar rear. Check the pressure e.g. before every ride. Done!"
    assert [s for s, _ in split_sentences(text)] == [
        "Road tyres: 6.5 bar front, 7 bar rear.", "Check the pressure e.g. before every ride.", "Done!"]


def test_a_numbered_list_item_keeps_its_number():
    assert [s for s, _ in split_sentences("1. Schema freeze (done 9 Feb)")] == ["1. Schema freeze (done 9 Feb)"]
    assert [s for s, _ in split_sentences("It costs 5. Then we go.")] == ["It costs 5.", "Then we go."]


def test_wrapped_lines_join_and_each_sentence_knows_its_file_line():
    sentences = candidate_sentences([file_hit(1, SOURDOUGH, 9, 12)])
    by_text = {s.text: s.line for s in sentences}
    assert by_text["After shaping, proof the dough in the fridge overnight, 12 to 14 hours."] == 11
    assert by_text["The cold proof makes the crust blister and the crumb open."] == 11  # starts on line 11
    assert all(s.context == "sourdough > Proofing" for s in sentences)


def test_a_chunk_whose_blank_lines_are_unknown_shows_its_range():
    hit = file_hit(1, SOURDOUGH, 9, 14)  # two lines of the range are not in the chunk's text
    [evidence, *_] = select_evidence("how long do I proof the dough?", [hit], FakeEmbedder())
    assert evidence.source == "notes/sourdough.md:9-14"
    # The file's blank line under the heading is the chunk's: every line of the range is known.
    hit = file_hit(1, SOURDOUGH, 9, 13)
    [evidence, *_] = select_evidence("how long do I proof the dough in the fridge?", [hit], FakeEmbedder())
    assert evidence.source == "notes/sourdough.md:12"


def test_the_sentence_that_answers_is_quoted_with_its_line():
    hits = [file_hit(1, SOURDOUGH, 9, 12), file_hit(2, BAKING, 14, 15, 0.8), file_hit(3, STARTER, 5, 7, 0.6)]
    evidence = select_evidence("how long do I proof the dough in the fridge?", hits, FakeEmbedder())
    assert evidence[0].text == "After shaping, proof the dough in the fridge overnight, 12 to 14 hours."
    assert evidence[0].source == "notes/sourdough.md:11" and evidence[0].memory_id == 1
    assert len(evidence) <= 3


def test_a_question_for_a_measure_prefers_a_sentence_that_states_one():
    hits = [file_hit(2, BAKING + "\nPreheat the oven well before baking the bread.", 14, 16)]
    evidence = select_evidence("What temperature do I bake the bread at?", hits, FakeEmbedder())
    assert "250 °C" in evidence[0].text


def test_asked_where_someone_stayed_a_sentence_naming_a_lodging_comes_first():
    # Both sentences name a place, and the other shares a word with the question; one says where the night was spent.
    note = "## Lisbon\n\nThe hostel in Alfama was quiet. In Lisbon, try the custard tarts at the bakery in Belém."
    hits = [file_hit(1, note, 6, 7)]
    for question in ("Where did I stay in Lisbon?", "where did we sleep in Lisbon"):
        assert select_evidence(question, hits, FakeEmbedder())[0].text == "The hostel in Alfama was quiet."


def test_asked_about_a_place_by_name_the_line_naming_it_leads_one_saying_the_questions_verb():
    note = ("# Japan, April 2026\n\n- Tokyo 5–9 April: stayed at Hotel Gracery Shinjuku, the Godzilla one.\n"
            "- Kyoto 9–14 April: ryokan Yoshida-sanso, the best night's sleep of the trip.")
    [evidence, *_] = select_evidence("Where did we stay in Kyoto?", [file_hit(1, note, 1, 4)], FakeEmbedder())
    assert evidence.text.startswith("- Kyoto 9–14 April: ryokan Yoshida-sanso")


def test_a_measure_in_a_logs_entry_answers_without_the_rest_of_its_log():
    entry = "- 2026-09-09: MOT passed at Autofix, advisory on a slight oil leak. 86,120 miles."
    for question in ("What was the mileage at the last MOT?", "How long did the clutch job take?"):
        assert answers_alone(question, intent_of(question))(entry)
    assert not answers_alone("What did the garage do?", intent_of("What did the garage do?"))(entry)


def test_a_sentence_leaning_on_the_one_before_is_quoted_with_it():
    evidence = select_evidence("when is the starter ready?", [file_hit(3, STARTER, 5, 7)], FakeEmbedder())
    assert evidence[0].text.startswith("Feed the starter") and "It is ready when" in evidence[0].text


def test_a_chat_turn_is_quoted_whole_without_its_speaker_prefix():
    hits = [turn_hit(5, "Sam", "Did the staff health check at work. Resting heart rate 58, not bad!")]
    [evidence] = select_evidence("What was my resting pulse at the health check?", hits, FakeEmbedder())
    assert evidence.text == "Did the staff health check at work. Resting heart rate 58, not bad!"
    assert evidence.speaker == "Sam" and evidence.source.startswith("chat · Sam · 2023-07-06")



def test_a_short_list_item_is_quoted_whole_and_a_long_one_by_its_sentences():
    log = ("# Running log\n- 5 Nov: intervals, 6 x 400 m.\n"
           "- 9 Nov: long run, 14 km in 1:21. New longest run since the injury.")
    texts = [s.text for s in candidate_sentences([file_hit(1, log, 1, 3)])]
    assert "- 9 Nov: long run, 14 km in 1:21. New longest run since the injury." in texts
    assert "New longest run since the injury." not in texts
    long_item = "- " + "A sentence of some length that goes on. " * 6
    assert len([s for s in candidate_sentences([file_hit(2, long_item, 1, 1)])]) == 6


def test_a_line_naming_the_list_under_it_is_its_items_heading():
    """"Which book did I abandon?" quoted "Piranesi": the word was on the line above "- Ulysses…"."""
    reading = ("# Reading 2026\n\nFinished:\n- Piranesi (Susanna Clarke), April.\n- The Wager (David Grann), March."
               "\n\nAbandoned:\n\n- Ulysses: gave up at page 120 again.\nWant to read: Intermezzo.")
    sentences = candidate_sentences([file_hit(1, reading, 1, 9)])
    assert [(s.text, s.context) for s in sentences] == [
        ("- Piranesi (Susanna Clarke), April.", "sourdough > Reading 2026 > Finished"),
        ("- The Wager (David Grann), March.", "sourdough > Reading 2026 > Finished"),
        ("- Ulysses: gave up at page 120 again.", "sourdough > Reading 2026 > Abandoned"),
        ("Want to read: Intermezzo.", "sourdough > Reading 2026")]  # a line of its own ends the list
    [best, *_] = select_evidence("Which book did I abandon?", [file_hit(1, reading, 1, 9)], FakeEmbedder())
    assert best.text == "- Ulysses: gave up at page 120 again."
    # Two items of a labelled list bring that list, not the next one under its own label.
    finished = with_whole_lists(sentences[:2], sentences)
    assert [s.text for s in finished] == ["- Piranesi (Susanna Clarke), April.", "- The Wager (David Grann), March."]
    both = with_whole_lists([sentences[0], sentences[2]], sentences)
    assert [s.text for s in both] == [s.text for s in sentences[:3]]
    # An item wrapped onto the next line is one item, and its list goes on after it.
    wrapped = "Abandoned:\n- Ulysses: gave up at page 120 again, the\n  third time I tried.\n- Moby Dick"
    assert [(s.text, s.context) for s in candidate_sentences([file_hit(2, wrapped, 1, 4)])] == [
        ("- Ulysses: gave up at page 120 again, the third time I tried.", "sourdough > Abandoned"),
        ("- Moby Dick", "sourdough > Abandoned")]


def test_asked_when_something_was_the_line_telling_a_date_leads():
    """"When was Mum's birthday party?" quoted "Guest list: 30 invited." from the party's planning note."""
    party = ("# Mum's 60th birthday party\n\nGuest list: 30 invited.\nAsk the restaurant for a speaker.\n"
             "Date: Saturday 24 October 2026, 7pm, Quinta, back room.\nGift: a framed print of the house in Porto.")
    [best, *_] = select_evidence("When was Mum's birthday party?", [file_hit(1, party, 1, 6)], FakeEmbedder())
    assert best.text == "Date: Saturday 24 October 2026, 7pm, Quinta, back room."


def test_a_logs_entry_is_quoted_whole_with_its_day_and_dated_by_it():
    """"How much vitamin D should I take?" quoted "Vitamin D low (18 ng/ml)." without the dose after it."""
    from second_me.retrieval.quotable import entry_date

    log = ("# Health log\n\n2026-08-24: Physio again. Shoulder better; stop the wall slides, add face pulls.\n"
           "2026-09-30: Blood test. Vitamin D low (18 ng/ml). GP says 2000 IU a day over winter.")
    texts = [s.text for s in candidate_sentences([file_hit(1, log, 1, 4)])]
    assert "2026-09-30: Blood test. Vitamin D low (18 ng/ml). GP says 2000 IU a day over winter." in texts
    assert len(texts) == 2
    assert entry_date(texts[1]) - entry_date(texts[0]) == 37 * 86400
    assert entry_date("Vitamin D low.") is None and entry_date("2026-13-45: a typo") is None
    assert entry_date("- 2026-11-01: 129/82") == entry_date("2026-11-01: 129/82")  # a log kept as a list


def test_a_fragment_after_a_sentence_on_its_line_is_quoted_with_it():
    flats = ("Viewed the flat on Elm Street on Saturday, no balcony.\n"
             "The one on Harbour Road has a balcony. Viewing on Thursday at 6.\n"
             "Deposit is two months' rent for both. Must decide by the end of the month.")
    texts = [s.text for s in candidate_sentences([file_hit(1, flats, 1, 3)])]
    assert "The one on Harbour Road has a balcony. Viewing on Thursday at 6." in texts
    assert "Must decide by the end of the month." in texts  # a sentence of its own
    status = [s.text for s in candidate_sentences([file_hit(2, "Owner: me. Started 2024-01-15. Status: green.", 1, 1)])]
    assert status == ["Owner: me.", "Started 2024-01-15.", "Status: green."]  # short ones, each its own
    # A line naming a role and who has it goes on about them: "Recommended by…" alone says not whom.
    contacts = "Electrician: Lorna Price. Recommended by our neighbour Graham. Did the fuse box.\nTiler: Dev."
    texts = [s.text for s in candidate_sentences([file_hit(5, contacts, 1, 2)])]
    assert "Electrician: Lorna Price. Recommended by our neighbour Graham." in texts
    assert "Electrician: Lorna Price. Recommended by our neighbour Graham. Did the fuse box." in texts
    assert "Tiler: Dev." in texts and not any(text.startswith("Recommended") for text in texts)
    # So does a line opening with a short labelled sentence: the highlight is Sintra's.
    day = "Day 3: day trip to Sintra. Pena Palace was too crowded, Quinta da Regaleira was the highlight."
    assert day in [s.text for s in candidate_sentences([file_hit(6, day, 1, 1)])]
    tested = ("First Sunday of every month: restore one random folder and compare it. Last test: OK. "
              "It costs about $1.80 a month.")
    # What leans on a fragment quoted with the sentence before it is read with both, not with it alone.
    assert candidate_sentences([file_hit(3, tested, 1, 1)])[-1].text == tested
    # In a summary of a chat the next piece is someone else's turn, and stands alone.
    summary = Hit(memory(4, "Priya: [photo: Mum cutting a carrot cake with a big 60 candle on top]. Dev: the cake "
                         "survived!!", kind="summary"), 0.9, 1.0, None)
    assert "Dev: the cake survived!!" in [s.text for s in candidate_sentences([summary])]


def test_a_photo_sent_without_a_caption_is_not_quoted():
    hits = [turn_hit(5, "Tom", "[photo]"), turn_hit(6, "Tom", "[photo] Miso asleep in the sink", 0.9)]
    texts = [s.text for s in candidate_sentences(hits)]
    assert texts == ["[photo] Miso asleep in the sink"]

def test_a_question_back_gives_way_to_a_statement():
    hits = [turn_hit(1, "Maya", "Why does Miso hide under the bed every Saturday?"),
            turn_hit(2, "Maya", "Miso hides under the bed on Saturdays because he is scared of the vacuum.", 0.9)]
    evidence = select_evidence("Why does Miso hide under the bed?", hits, FakeEmbedder())
    assert evidence[0].memory_id == 2


def test_asked_whether_something_happened_a_short_turn_saying_it_did_is_an_answer():
    # "Did I pass the exam?" quoted "jealous. I'm stuck revising for the exam" alone: "passed!!" said
    # the verb asked, and was held back as a word or two of chatter.
    hits = [turn_hit(1, "Me", "jealous. I'm stuck revising for the exam"),
            turn_hit(2, "Me", "passed!!", 0.6), turn_hit(3, "Me", "lol same", 0.6)]
    evidence = select_evidence("Did I pass the exam?", hits, FakeEmbedder())
    assert sorted(item.memory_id for item in evidence) == [1, 2]
    assert [item.memory_id for item in select_evidence("Where is the exam?", hits, FakeEmbedder())] == [1]


def test_a_request_quotes_every_close_memory_in_reading_order():
    def chunk(memory_id, text, start, end, score):
        hit = file_hit(memory_id, text, start, end, score)
        return Hit(replace(hit.memory, source_id=7), hit.score, hit.retention, hit.origin)

    hits = [chunk(1, SOURDOUGH, 9, 12, 1.0), chunk(3, STARTER, 5, 7, 0.9), chunk(2, BAKING, 14, 15, 0.8)]
    evidence = select_evidence("Summarize my sourdough notes", hits, FakeEmbedder())
    assert [e.memory_id for e in evidence][:1] == [3] and {e.memory_id for e in evidence} == {1, 2, 3}
    lines = [int(e.source.rpartition(":")[2]) for e in evidence]
    assert lines == sorted(lines) and 4 <= len(evidence) <= 8  # the file's order, a few sentences a section


def test_a_request_reads_each_section_whole_when_there_is_room():
    def chunk(memory_id, text, start, end, score):
        hit = file_hit(memory_id, text, start, end, score)
        return Hit(replace(hit.memory, source_id=7), hit.score, hit.retention, hit.origin)

    hits = [chunk(1, SOURDOUGH, 9, 12, 1.0), chunk(3, STARTER, 5, 7, 0.9), chunk(2, BAKING, 14, 15, 0.8)]
    quoted = " ".join(e.text for e in select_evidence("Summarize my sourdough notes", hits, FakeEmbedder()))
    for sentence in ("It is ready when it has doubled", "The cold proof makes", "Bake in a preheated"):
        assert sentence in quoted  # every section's sentences, not two of each
    assert quoted.count("Feed the starter") == 1  # the sentence leaned on is quoted once, with its follower


def test_a_request_quotes_the_note_not_its_summary_that_repeats_it():
    def chunk(memory_id, text, start, end, score):
        hit = file_hit(memory_id, text, start, end, score)
        return Hit(replace(hit.memory, source_id=7), hit.score, hit.retention, hit.origin)

    summary = Hit(memory(9, "Summary of notes/sourdough.md: ## Starter Feed the starter the night before: 50 g flour, "
                            "50 g water, 10 g starter. It is ready when it has doubled", kind="summary"), 0.95, 1.0, None)
    hits = [chunk(3, STARTER, 5, 7, 1.0), summary, chunk(2, BAKING, 14, 15, 0.8)]
    evidence = select_evidence("Summarize my sourdough notes", hits, FakeEmbedder())
    assert 9 not in {e.memory_id for e in evidence}  # the summary says again what is quoted
    assert any(e.text.startswith("Feed the starter") for e in evidence)  # the note's own words stay


def test_a_turn_that_asks_is_quoted_with_its_reply():
    asked = turn_hit(1, "Noor", "any podcast recs for the drive to Mum's? it's about an hour each way")
    reply = turn_hit(2, "assistant", "Try Conversations from the ABC: long, warm interviews. One episode fits.", 0.9)
    other = turn_hit(3, "Noor", "The podcast about the drive to the coast was boring.", 0.8)
    question = "Which podcast did you suggest for the drive to Mum's?"
    alone = select_evidence(question, [asked, reply, other], FakeEmbedder())
    assert 2 not in [e.memory_id for e in alone]  # the reply shares none of the question's words
    quoted = select_evidence(question, [asked, reply, other], FakeEmbedder(), replies={1: [2]})
    ids = [e.memory_id for e in quoted]
    assert ids.index(2) == ids.index(1) + 1 and ids.count(2) == 1  # right after the turn it answers
    assert quoted[ids.index(2)].text.startswith("Try Conversations")



def test_a_reply_is_read_with_the_question_turn_it_answers():
    """"Who is Ines?": the answer is "my niece!", the reply to "who's Ines again?", which the user's
    question matches better than any statement; the question turn itself is no quote of its own."""
    told = turn_hit(1, "Jon", "We ate way too many pastries. Ines loved the tram 28")
    asked = turn_hit(2, "Maria", "who's Ines again?", 0.9)
    reply = turn_hit(3, "Jon", "my niece! she's 6", 0.9)
    quoted = select_evidence("Who is Ines?", [told, asked, reply], FakeEmbedder(), replies={2: [3]})
    assert [e.memory_id for e in quoted][:2] == [2, 3]  # the reply leads, after the turn it answers


def test_an_assistants_reply_is_advice_not_scored_with_the_question_it_answers():
    hits = [said_by(1, "Doug", "Which book should I read at the moment?"),
            said_by(2, "assistant", "I'd suggest trying it this weekend and seeing how it goes.", 0.9)]
    question = "Which book am I reading at the moment?"
    friend = evidence_choices(question, hits, FakeEmbedder(), replies={1: [2]})[0]
    advice = evidence_choices(question, hits, FakeEmbedder(), replies={1: [2]}, assistants=("assistant",))[0]
    assert [e.memory_id for e in advice] == [1, 2]  # still read after the question it answers
    assert friend[1].score > friend[0].score and advice[1].score < advice[0].score


def test_asked_what_the_user_did_the_users_own_turn_comes_before_an_assistants_suggestion():
    hits = [said_by(1, "Claude",
                    "In Porto you could take a port cellar tour in Vila Nova de Gaia or walk the Ribeira."),
            said_by(2, "me", "We booked the Casa do Rio guesthouse in Ribeira, 4 nights.", 0.8)]
    [first, *_] = evidence_choices("Where did we stay in Porto?", hits, FakeEmbedder(), assistants=("Claude",))[0]
    assert first.memory_id == 2
    asked_you = "Where did you suggest we stay in Porto?"  # asks what the assistant wrote: its words lead
    assert evidence_choices(asked_you, hits, FakeEmbedder(), assistants=("Claude",))[1][0].memory_id == 1


def test_asked_of_the_users_own_life_their_own_turn_comes_before_an_assistants_reply_repeating_it():
    hits = [said_by(1, "Claude", "By the 50/30/20 rule, saving each month would be about £428 of your £2,140."),
            said_by(2, "me", "I'd like to save £300 a month.", 0.8)]
    for question in ("How much am I saving each month?", "What's my monthly saving?"):
        [first, *_] = evidence_choices(question, hits, FakeEmbedder(), assistants=("Claude",))[0]
        assert first.memory_id == 2, question


def test_asked_what_the_assistant_suggested_its_reply_is_read_before_notes_naming_the_place():
    from second_me.retrieval.attribution import the_assistants_words

    # The user's question and the itinerary say the asked words ("Kyoto"); the reply says what was suggested.
    stops = "\n".join(f"- {day} April: Kyoto, {what}." for day, what in
                      zip(range(8, 17), ["ryokan", "shinkansen", "Nara", "Osaka", "temple", "train", "market",
                                         "river", "hotel"]))
    hits = [said_by(1, "me", "I'm in Kyoto for four days in April. We love gardens. What should we see in Kyoto?"),
            file_hit(3, f"# Japan\n\n{stops}", 1, 11, 0.9),
            said_by(2, "Claude", "Go and see Fushimi Inari at dawn, and see the moss garden.", 0.5)]
    question = "What did Claude suggest seeing in Kyoto?"
    quoted, wider = evidence_choices(question, hits, FakeEmbedder(), assistants=("Claude",))
    quoted, wider = the_assistants_words(question, quoted, wider, ("Claude",))
    assert [e.memory_id for e in quoted] == [1, 2]  # the reply, after the question it answers


def test_asked_what_to_do_an_assistants_advice_leads_the_users_own_account():
    hits = [said_by(1, "me", "my sourdough comes out flat. I bulk ferment my sourdough for 4 hours at 19 degrees"),
            said_by(2, "ChatGPT", "At 19 °C 4 hours is too short: let the bulk go 7-9 hours.", 0.6)]
    question = "How long should I bulk ferment my sourdough?"
    def scores(*assistants: str) -> dict[int, float]:
        scored = score_sentences(question, candidate_sentences(hits, 6), FakeEmbedder(), None, assistants)
        return {s.hit.memory.id: s.score for s in scored}

    assert scores("ChatGPT")[2] > scores()[2] and scores("ChatGPT")[1] == scores()[1]
    told = "How long did I bulk ferment my sourdough?"  # what the user did: the advice is held back instead
    held_back = score_sentences(told, candidate_sentences(hits, 6), FakeEmbedder(), None, ("ChatGPT",))
    assert held_back[-1].hit.memory.id == 2


def test_a_turn_that_tells_something_before_it_asks_is_quoted_as_what_it_tells():
    limping = turn_hit(1, "me", "My dog Biscuit is limping on his back left leg after chasing a ball. Should I worry?")
    note = file_hit(2, "# Biscuit\n\nBiscuit's lead hangs in the hall.", 1, 3)
    [first, *_] = select_evidence("What's wrong with Biscuit's leg?", [limping, note], FakeEmbedder())
    assert first.memory_id == 1


def test_asked_what_is_still_to_do_the_open_tasks_are_quoted_not_the_ticked_ones():
    garden = ("# Kitchen garden\n\n- [x] Order seed potatoes\n- [ ] Fix the greenhouse door hinge\n"
              "- [ ] Buy copper tape for the slugs\n\nSee also the compost note.")
    quoted = [e.text for e in select_evidence("What's still to do in the garden?", [file_hit(1, garden, 1, 7)],
                                              FakeEmbedder())]
    assert "- [ ] Fix the greenhouse door hinge" in quoted and "- [ ] Buy copper tape for the slugs" in quoted
    assert "- [x] Order seed potatoes" not in quoted
    done = [e.text for e in select_evidence("What have I done in the garden?", [file_hit(1, garden, 1, 7)],
                                            FakeEmbedder())]
    assert done[0] == "- [x] Order seed potatoes"


def test_a_reply_answers_what_its_turn_asks_not_what_it_tells():
    told = turn_hit(1, "me", "My dad Henrik turns 70 in March. He loves jazz. Gift ideas?")
    reply = turn_hit(2, "ChatGPT", "A vintage Blue Note vinyl, or tickets to a jazz club night.", 0.9)
    quoted = select_evidence("How old is my dad turning?", [told, reply], FakeEmbedder(), replies={1: [2]})
    assert quoted[0].memory_id == 1

def test_a_gathering_question_takes_one_sentence_from_each_memory():
    hits = [turn_hit(1, "Priya", "Started a pottery class on Tuesdays! Pottery is so calming."),
            turn_hit(2, "Priya", "Went climbing at the gym with Sam, my arms are dead."),
            turn_hit(3, "Priya", "Swimming at the lake this morning, so cold.")]
    intent = intent_of("What activities does Priya do?")
    evidence = select_evidence("What activities does Priya do?", hits, FakeEmbedder(), intent)
    assert {e.memory_id for e in evidence} == {1, 2, 3}


def test_a_gathering_question_quotes_the_note_that_answers_best_first_each_note_in_its_own_order():
    # "What trips have I taken?" over the example notes: the Lisbon note answers, and is read first,
    # whatever order the notes were indexed in; within a note, its lines stay in order.
    def quoted(memory_id: int, source: int, text: str, line: int, score: float) -> Sentence:
        hit = file_hit(memory_id, text, line, line)
        return Sentence(text, "", replace(hit, memory=replace(hit.memory, source_id=source)), memory_id, 0, line,
                        score)

    scored = [quoted(5, 2, "The hostel in Alfama was quiet and cheap.", 7, 0.6),
              quoted(1, 1, "Clean and lube the chain every 300 km.", 1, 0.55),
              quoted(4, 2, "Book the train to Lisbon at least three weeks ahead.", 4, 0.5),
              quoted(2, 1, "Road tyres: 6.5 bar front, 7 bar rear.", 8, 0.48)]
    chosen = choose(scored, intent_of("What trips have I taken?"))
    assert [s.hit.memory.id for s in chosen] == [4, 5, 1, 2]


def test_asked_how_many_times_each_time_told_is_quoted_to_count():
    question = "How many times did I go bouldering?"
    hits = [turn_hit(1, "Ana", "went bouldering again on Sunday, did my first V2 and my arms are dead", 1.0),
            turn_hit(2, "Tomás", "fell off my bike on the way to work, cast for six weeks", 0.9),
            turn_hit(3, "Ana", "good week. finally tried the climbing wall on Kings Road, bouldering with Marta", 0.3)]
    evidence = select_evidence(question, hits, FakeEmbedder(), intent_of(question))
    assert {e.memory_id for e in evidence} == {1, 3}


def test_a_fact_that_repeats_a_message_is_not_quoted_beside_it():
    fact = Hit(memory(9, "the hostel in Alfama was noisy this time", kind="fact"), 1.0, 1.0, None)
    said = turn_hit(4, "me", "The hostel in Alfama was noisy this time.", 0.9)
    note = file_hit(2, "## Lisbon\n\nThe hostel in Alfama was quiet and cheap.", 6, 7, 0.8)
    evidence = select_evidence("How was the hostel in Alfama?", [fact, said, note], FakeEmbedder(),
                               intent_of("How was the hostel in Alfama?"))
    texts = [e.text.lower().rstrip(".") for e in evidence]
    assert texts.count("the hostel in alfama was noisy this time") == 1  # once, case and full stop aside
    assert evidence[0].memory_id == 4 and not evidence[0].derived  # in the user's own words


def test_a_note_is_as_close_to_a_question_as_its_closest_sentence():
    from second_me.retrieval.evidence import with_sentence_similarity
    from second_me.retrieval.hybrid import SearchResult

    packing = file_hit(1, "# Travel\n\nPassport, charger, adapter plug, headphones.\nBook the train to Lisbon "
                          "three weeks ahead: prices double in the last week.\nThe hostel in Alfama was quiet.", 1, 5)
    result = SearchResult((replace(packing, similarity=0.05),), 0.05)
    closer = with_sentence_similarity(result, "adapter plug headphones", FakeEmbedder(), 0.44)
    assert closer.best_similarity > 0.3 and closer.hits[0].similarity == closer.best_similarity
    # Of a question with a word no memory has, a sentence saying every other word it is about may say that
    # one in other words ("next check-up" for "dentist appointment"); with none, the note keeps its own
    # similarity, as the bar was set on.
    unknown = replace(result, unknown_terms=("voltage",))
    assert with_sentence_similarity(unknown, "adapter plug voltage", FakeEmbedder(), 0.44).best_similarity > 0.3
    assert with_sentence_similarity(unknown, "adapter plug voltage in Porto", FakeEmbedder(), 0.44) == unknown
    # A light verb no memory has ("do I *need* an adapter plug?") is not such a word.
    light = replace(result, unknown_terms=("need",))
    assert with_sentence_similarity(light, "need adapter plug headphones", FakeEmbedder(), 0.44).best_similarity > 0.3
    # Something close enough already (a chat turn, 0.5): the note, too far below it to be read, is as close
    # as its closest sentence for which hits are read; the closest similarity, that abstention judges, stays.
    near = replace(result, best_similarity=0.5)
    read = with_sentence_similarity(near, "adapter plug headphones", FakeEmbedder(), 0.44)
    assert read.best_similarity == 0.5 and read.hits[0].similarity > 0.3
    within = replace(near, hits=(replace(packing, similarity=0.35),))  # within reach: nothing embedded again
    assert with_sentence_similarity(within, "adapter plug headphones", FakeEmbedder(), 0.44) == within


def test_derived_memories_are_marked():
    hit = Hit(memory(9, "Priya does pottery, climbing and swimming.", kind="fact"), 1.0, 1.0, None)
    [evidence] = select_evidence("what does Priya do?", [hit], FakeEmbedder())
    assert evidence.derived and evidence.source.startswith("fact #9")


def test_nothing_to_quote_from_nothing():
    assert select_evidence("anything?", [], FakeEmbedder()) == []


LAPTOPS = ("# Laptops\n\n| | ThinkPad X1 | MacBook Air |\n|---|---|---|\n| Price | €1,890 | €1,749 |\n"
           "| Battery | about 11 h | about 15 h |")


def test_a_table_row_is_quoted_under_its_header_row_and_the_rule_row_never():
    hits = [file_hit(1, LAPTOPS, 1, 6)]
    texts = [s.text for s in candidate_sentences(hits)]
    assert "| | ThinkPad X1 | MacBook Air |\n| Battery | about 11 h | about 15 h |" in texts
    assert not any(set(text) <= set("|-: \n") for text in texts)
    assert "| | ThinkPad X1 | MacBook Air |" not in texts  # the header says nothing alone
    best = select_evidence("which laptop has the better battery?", hits, FakeEmbedder())[0]
    assert "MacBook Air" in best.text and "15 h" in best.text


def test_asked_how_much_the_turn_beside_the_quotes_that_says_how_much_is_quoted_too():
    """Not an amount said of something else elsewhere in memory."""
    def turn(memory_id, speaker, text, conversation, score):
        hit = turn_hit(memory_id, speaker, text, score)
        return replace(hit, memory=replace(hit.memory, message_id=memory_id),
                       origin=replace(hit.origin, conversation=conversation))
    hits = [turn(1, "ChatGPT", "Exciting! Rent in Lisbon is higher than in Porto.", "lisbon", 1.0),
            turn(5, "Ana", "Rent in Lisbon is mad, everyone says so.", "friends", 0.9),
            turn(9, "Ana", "Jess paid back 200 euros of the rego money.", "friends", 0.5),
            turn(2, "me", "We found a flat in Alvalade, 1,350 euros a month.", "lisbon", 0.4)]
    quoted, wider = evidence_choices("How much is the rent in Lisbon?", hits, FakeEmbedder())
    assert [e.text for e in quoted][-1] == "We found a flat in Alvalade, 1,350 euros a month."
    assert not any("200 euros" in e.text for e in quoted + wider)
    assert "We found a flat in Alvalade, 1,350 euros a month." in [e.text for e in wider]


def test_each_row_of_a_spreadsheet_is_a_quote_of_its_own():
    rows = ("date | shop | amount\ndate: 2025-03-02; shop: Tesco; amount: 54.20\n"
            "date: 2025-03-14; shop: Waterstones; amount: 18.99\ndate: 2025-03-29; shop: Tesco; amount: 47.10")
    texts = [s.text for s in candidate_sentences([file_hit(1, rows, 1, 4)])]
    assert texts == ["date: 2025-03-02; shop: Tesco; amount: 54.20", "date: 2025-03-14; shop: Waterstones; amount: 18.99",
                     "date: 2025-03-29; shop: Tesco; amount: 47.10"]  # the column names alone are none


def test_two_items_of_one_list_quoted_bring_the_whole_list_in_its_order():
    packing = ("# Douro trip packing list\n\n- Helmet, gloves, sunglasses\n- Two bottles, electrolyte tablets\n"
               "- Spare tube, levers, mini pump, multitool\n- Light rain jacket\n- Sun cream (factor 50)\n\n"
               "Pack the night before the trip.\n\n- Bike lock")
    sentences = candidate_sentences([file_hit(1, packing, 1, 11)])
    by_text = {s.text: s for s in sentences}
    chosen = [by_text["- Light rain jacket"], by_text["- Helmet, gloves, sunglasses"]]
    assert [s.text for s in with_whole_lists(chosen, sentences)] == [
        "- Helmet, gloves, sunglasses", "- Two bottles, electrolyte tablets", "- Spare tube, levers, mini pump, multitool",
        "- Light rain jacket", "- Sun cream (factor 50)"]  # not the other list, after the sentence between
    one = [by_text["- Light rain jacket"], by_text["Pack the night before the trip."]]
    assert with_whole_lists(one, sentences) == one  # one item chosen: no list brought
    risks = "## Risks\n- On-call cover: only Deniz and me.\n- Backfill: 1.2M rows an hour. It must end by June.\n- Rounding."
    sentences = candidate_sentences([file_hit(2, risks, 1, 4)])
    assert [s.text for s in with_whole_lists([sentences[0], sentences[-1]], sentences)] == [
        "- On-call cover: only Deniz and me.", "- Backfill: 1.2M rows an hour. It must end by June.", "- Rounding."]


@pytest.mark.parametrize("question, verbs", [
    ("Did I pass my driving test?", {"pass"}),
    ("What did I agree to do for Karl?", {"agre"}),
    ("What did the GP prescribe for my migraines?", {"prescrib"}),
    # A kind of answer or a thing asked: the sentence stating it answers, not one saying the verb.
    ("What temperature do I bake the bread at?", set()),
    ("Which race did I run in April 2024?", set()),
    ("For how long do I bake the bread?", set()),
])
def test_the_verbs_a_sentence_answers_by_saying(question, verbs):
    assert verbs_asked(question, intent_of(question)) == verbs


def test_an_item_saying_the_verb_asked_answers_without_its_list():
    """A meeting's notes are a list; "What did I agree to do for Karl?" is one item of it."""
    notes = ("# 1:1 with Karl\n\n- Q4 planning: the billing migration slips to January.\n"
             "- I agreed to write the on-call handbook by 20 November.\n- Karl wants me to mentor Aisha.\n"
             "- My promotion case goes to the committee in February.")
    question = "What did I agree to do for Karl?"
    items = candidate_sentences([file_hit(1, notes, 1, 6)])
    scores = {"agreed": 0.6, "mentor": 0.58}  # two items close: the whole list, unless one says the verb
    scored = sorted((replace(s, score=next((v for k, v in scores.items() if k in s.text), 0.3)) for s in items),
                    key=lambda s: -s.score)
    intent = intent_of(question)
    assert len(choose(scored, intent)) == 4
    assert [s.text for s in choose(scored, intent, alone=answers_alone(question, intent))] == [
        "- I agreed to write the on-call handbook by 20 November.", "- Karl wants me to mentor Aisha."]
    asked_when = "When does the billing migration happen now?"  # a day asked: the item saying it
    assert len(choose(scored, intent, alone=answers_alone(asked_when, intent_of(asked_when)))) == 2


def test_asked_how_big_a_number_with_its_unit_is_the_answer_not_any_number():
    """"a hundred times" is a number; "4 millimetres" is how big. Said on after the quote, by way of
    the same person's turn between (the other's replies between those), it is quoted too."""
    def turn(memory_id, speaker, text, score):
        hit = turn_hit(memory_id, speaker, text, score)
        return replace(hit, memory=replace(hit.memory, message_id=memory_id, speaker=speaker))
    hits = [turn(1, "Dom", "passed a kidney stone on Tuesday. worst pain of my life", 1.0),
            turn(3, "Dom", "I've given people morphine for this a hundred times. they were not exaggerating", 0.6),
            turn(5, "Dom", "fine. it was 4 millimetres. they gave it to me in a jar", 0.5)]
    quoted = select_evidence("How big was my kidney stone?", hits, FakeEmbedder())
    assert any("4 millimetres" in e.text for e in quoted)
    # Without the turn between, as far off is another story.
    quoted = select_evidence("How big was my kidney stone?", [hits[0], hits[2]], FakeEmbedder())
    assert not any("4 millimetres" in e.text for e in quoted)


def test_asked_what_is_so_now_a_sentence_stating_the_kind_asked_is_taken_from_further_down():
    """The newer "22 now" scores below the older statement that says more of the question's words,
    and is taken for the reader and the newest-first order all the same; not without "now"."""
    from second_me.retrieval.timeparse import TimeHint

    def turn(memory_id, text, score, day):
        hit = turn_hit(memory_id, "Lieve", text, score)
        return replace(hit, memory=replace(hit.memory, created_at=1_700_000_000.0 + day * 86_400))
    hits = [turn(1, "more piano pupils this term, I have 19 piano pupils now", 1.0, 0),
            turn(2, "the director sent me three more pupils!! 22 now", 0.6, 200),
            turn(3, "piano pupils are hard work on a Monday", 0.9, 100)]
    asked = "How many piano pupils do I have now?"
    _, wider = evidence_choices(asked, hits, FakeEmbedder(), time=TimeHint(order="last"))
    assert any("22 now" in e.text for e in wider)
    _, wider = evidence_choices(asked, hits, FakeEmbedder())
    assert not any("22 now" in e.text for e in wider)


def test_a_capable_reader_is_given_sentences_further_below_the_best():
    """"What's Maisie's hamster called?": "the hamster has arrived. she's called Nugget" was the third
    of three close turns, below the margin a quote takes, and the reader wrote "Sam's hamster is called Maisie"."""
    hits = [turn_hit(i, "Sam", f"we went to the {place} on Saturday and it rained", 1.0 - i / 20)
            for i, place in enumerate(("zoo", "beach", "park", "farm", "castle", "museum", "lake", "fair"), 1)]
    quoted, wider = evidence_choices("Where did we go on Saturday?", hits, FakeEmbedder())
    assert len(quoted) <= 2 < len(wider)


def test_the_tenth_hit_is_read_for_a_quote():
    """"What shape was Maisie's birthday cake?": the photo answering it was the tenth hit, under nine
    turns naming Maisie, and sentences were looked for in the first six."""
    hits = [turn_hit(i, "Sam", f"Maisie's {thing} was on Saturday", 1.0 - i / 20)
            for i, thing in enumerate(("party", "play", "swim", "visit", "trip", "walk", "class", "match", "show"), 1)]
    hits.append(turn_hit(10, "Sam", "[photo: the birthday cake, shaped like Saturn]", 0.5))
    quoted = select_evidence("What shape was Maisie's birthday cake?", hits, FakeEmbedder())
    assert quoted[0].memory_id == 10


def test_a_request_quotes_the_document_it_asks_for_first_and_whole():
    """"Summarize my 1:1 with Priya" quoted the team sync first (an older file) and half the 1:1."""
    def note(memory_id: int, source_id: int, text: str, score: float) -> Hit:
        hit = file_hit(memory_id, text, 1, 9, score)
        return Hit(replace(hit.memory, source_id=source_id), hit.score, hit.retention, hit.origin)

    one_to_one = ("# 1:1 with Priya, 5 Oct 2026\n\nShe liked the incident review. Wants me to present it at the "
                  "all-hands.\nCareer: she thinks I'm ready for senior by the spring.\nI said I'd rather lead the "
                  "search rewrite.\nOffsite is booked: Haus am See, Potsdam.\nFeedback for me: write shorter design "
                  "docs.")
    sync = ("# Team sync, 14 Sep 2026\n\nPresent: Priya, Marcus, Elif, me\n- Billing migration slipped again.\n"
            "- Elif is off from 21 Sep.\n- I own the incident review.\n- Priya wants the onboarding doc rewritten.")
    hits = [note(2, 8, one_to_one, 1.0), note(1, 3, sync, 0.8)]
    evidence = select_evidence("Summarize my 1:1 with Priya", hits, FakeEmbedder())
    told = [e.text for e in evidence if e.memory_id == 2]
    assert evidence[0].memory_id == 2 and len(told) == 6
    assert [e.memory_id for e in evidence] == sorted((e.memory_id for e in evidence), reverse=True)


def test_a_turn_of_a_chat_with_an_assistant_stands_under_the_chats_title():
    # Scored with its title, as a note's sentence with its file's name: "it came to £96" is about the present.
    hit = turn_hit(1, "me", "I went with the RHS day pass, it came to £96.")
    titled = replace(hit, origin=replace(hit.origin, conversation="ChatGPT: Birthday present for Mum (2026-04-10)"))
    assert [s.context for s in candidate_sentences([titled])] == ["Birthday present for Mum"]
    named = replace(hit, origin=replace(hit.origin, conversation="WhatsApp: Sam"))  # named by who is in it
    assert [s.context for s in candidate_sentences([named])] == ["me"]


def test_asked_what_has_not_been_paid_the_rows_with_an_empty_paid_cell_are_quoted():
    table = ("# Invoices 2026\n\n| No. | Client | Amount | Sent | Paid |\n|---|---|---|---|---|\n"
             "| 2026-013 | Northfield | £1,100 | 2026-10-01 | 2026-10-20 |\n"
             "| 2026-014 | Brightwater | £2,520 | 2026-10-17 | 2026-11-18 |\n"
             "| 2026-015 | Northfield | £1,100 | 2026-11-02 | |\n"
             "| 2026-016 | Brightwater | £1,680 | 2026-11-21 | |\n")
    question = "Which invoices haven't been paid yet?"
    scored = score_sentences(question, candidate_sentences([file_hit(1, table, 1, 9)]), FakeEmbedder())
    unpaid = [s.score for s in scored if s.text.endswith("| |")]
    assert len(unpaid) == 2 and min(unpaid) > max(s.score for s in scored if not s.text.endswith("| |")) + 0.2
    quoted = select_evidence(question, [file_hit(1, table, 1, 9)], FakeEmbedder())
    assert sorted(e.text.split("\n")[1][2:10] for e in quoted) == ["2026-015", "2026-016"]


def test_asked_what_someone_does_for_a_living_the_word_living_is_how_a_job_is_asked():
    hits = [said_by(1, "Kofi", "he's a living thing Leah"),
            said_by(2, "Kofi", "being a trainee accountant at Morgan Hale is 80% other people's receipts", 0.9)]
    [first, *_] = select_evidence("What does Kofi do for a living?", hits, None)
    assert "trainee accountant" in first.text
    [first, *_] = select_evidence("Is Kofi's cactus a living thing?", hits, None)
    assert first.text == "he's a living thing Leah"


def test_a_question_quoted_after_its_reply_comes_before_it():
    """"When is Ella's birthday?" quoted "Yes the 21st! Her party is…" before the "Ella's birthday is on the 21st
    isn't it?" it answers; a turn telling something that a reply goes on from keeps its place."""
    from second_me.retrieval.replies import with_their_replies

    def sentence(hit: Hit, answers: str = "") -> Sentence:
        return Sentence(hit.memory.text.split(": ", 1)[1], "", hit, 0, 0, None, 1.0, answers)

    asked = sentence(turn_hit(1, "Mum", "Ella's birthday is on the 21st isn't it? I've put £20 in a card"))
    reply = sentence(turn_hit(2, "me", "Yes the 21st! Her party is Saturday the 22nd"), answers=asked.text)
    placed = with_their_replies([reply, asked], [reply, asked], {1: [2]})
    assert [s.hit.memory.id for s in placed] == [1, 2]
    told = sentence(turn_hit(3, "assistant", "Put warm water in a glass bowl and stretch cling film over it"))
    after = sentence(turn_hit(4, "me", "Baraka called from school asking for pocket money"), answers=told.text)
    assert [s.hit.memory.id for s in with_their_replies([after, told], [after, told], {3: [4]})] == [4, 3]
