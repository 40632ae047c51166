"""Asked what is so now: the newer statement is read, and quoted first, even when it says less."""

from datetime import datetime, timezone

from second_me.domain import Evidence, Hit, Memory
from second_me.retrieval.abstain import relevant_hits
from second_me.retrieval.hybrid import SearchResult
from second_me.retrieval.newest import newest_statements_first
from second_me.retrieval.query import ParsedQuery
from second_me.retrieval.timeparse import TimeHint


def _ts(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp()


def _hit(memory_id: int, text: str, similarity: float, bm25_rank: int) -> Hit:
    memory = Memory(memory_id, "message", f"Ines: {text}", _ts("2026-05-02"), None, 7.0, 0, False, "active",
                    speaker="Ines")
    return Hit(memory, 1.0, 1.0, None, similarity=similarity, bm25_rank=bm25_rank)


def test_asked_what_is_so_now_a_turn_found_by_its_words_is_read_from_further_down():
    """"Knee bends to 110 now" is far from the question in meaning and fifth by its words, under the
    older statements and the exercise notes."""
    hits = (_hit(1, "Knee bends to 85 degrees at physio", 0.62, 2), _hit(2, "any exercise to bend the knee?", 0.6, 1),
            _hit(3, "knee exercises: heel slides", 0.5, 3), _hit(4, "knee bends sitting on a chair", 0.48, 4),
            _hit(5, "New physio in town. Knee bends to 110 now", 0.33, 5), _hit(6, "walked the dog", 0.31, 9))
    asked_now = SearchResult(hits, 0.62, parsed=ParsedQuery("how far does my knee bend", time=TimeHint(order="last")))
    asked = SearchResult(hits, 0.62, parsed=ParsedQuery("how far does my knee bend"))
    assert 5 in [h.memory.id for h in relevant_hits(asked_now, 0.3)]
    assert 6 not in [h.memory.id for h in relevant_hits(asked_now, 0.3)]
    assert 5 not in [h.memory.id for h in relevant_hits(asked, 0.3)]  # not asked what is so now: as it was


def test_asked_what_is_so_now_a_number_told_without_its_unit_is_newest_first():
    """The unit is said once, in the older statement: the newer "110 now" answers a measure asked as well."""
    older = Evidence("Physio twice a week now. Knee bends to 85 degrees. The goal is 120.", 1, "chat", "message",
                     speaker="Halla", created_at=_ts("2024-10-12"))
    newer = Evidence("New physio here in town. Knee bends to 110 now, ahead of schedule.", 2, "chat", "message",
                     speaker="Halla", created_at=_ts("2024-11-30"))
    paddled = Evidence("Paddled the lake on the new knee, just 40 minutes.", 3, "chat", "message", speaker="Halla",
                       created_at=_ts("2024-12-10"))
    ordered = newest_statements_first([older, newer, paddled], (), "How far does my knee bend now?")
    assert [item.memory_id for item in ordered][:2] == [2, 1]


def test_asked_a_measure_at_the_last_of_something_the_entry_naming_it_leads_a_newer_note_of_another():
    log = "- 2026-09-09: MOT passed at Autofix, advisory on a slight oil leak. 86,120 miles."
    mot = Evidence(log, 1, "car.md:12", "chunk", created_at=_ts("2026-12-01"))
    dash = Evidence("Ran the Abbey Dash 10k in 48:12, a PB by almost a minute.", 2, "journal.md:7", "chunk",
                    created_at=_ts("2026-12-07"))
    ordered = newest_statements_first([mot, dash], (), "What was the mileage at the last MOT?")
    assert [item.memory_id for item in ordered] == [1, 2]


def test_asked_the_latest_reading_of_a_log_its_newest_entry_leads_the_notes_other_lines():
    """"What's my latest blood pressure reading?" led with "Meter readings…" of another note, then the
    amlodipine line of the health note, saved after the entries it was written beside."""
    def line(memory_id: int, text: str, context: str) -> Evidence:
        return Evidence(text, memory_id, "health.md", "chunk", created_at=_ts("2026-12-07"), context=context)

    readings = "health > Health > Blood pressure readings (morning, sitting)"
    evidence = [line(1, "- 2026-08-01: 148/94", readings), line(1, "- 2026-11-01: 129/82", readings),
                line(1, "Dr Halloran started me on amlodipine 5mg once a day.", "health > Health"),
                line(2, "Meter readings: electricity 04512 on 1 Nov 2026.", "house")]
    ordered = newest_statements_first(evidence, (), "What's my latest blood pressure reading?")
    assert [item.text for item in ordered][:2] == ["- 2026-11-01: 129/82", "- 2026-08-01: 148/94"]
    # The quotes alone are the statements telling what is asked, when some do.
    alone = newest_statements_first(evidence, (), "What's my latest blood pressure reading?", answering_only=True)
    assert [item.text for item in alone] == ["- 2026-11-01: 129/82", "- 2026-08-01: 148/94"]
    bend = Evidence("Karen measured 115 degrees of bend today", 7, "chat", "message", speaker="Doug",
                    created_at=_ts("2026-03-01"))
    surgery = Evidence("surgery done yesterday. new left knee", 8, "chat", "message", speaker="Doug",
                       created_at=_ts("2026-06-01"))  # "new" is no word of what is asked
    assert newest_statements_first([bend, surgery], (), "How far does my new knee bend now?",
                                   answering_only=True)[0] is bend
    # Half of what the question is about is enough: the newer weight says "Bunsen", not "weigh".
    older = Evidence("Bunsen update: 6.5 kg at the vet's weigh-in", 3, "chat", "message", speaker="Owen",
                     created_at=_ts("2026-03-01"))
    newer = Evidence("Bunsen's down to 6.1 kg! the vet gave him a sticker", 4, "chat", "message", speaker="Owen",
                     created_at=_ts("2026-06-01"))
    assert newest_statements_first([older, newer], (), "How much does Bunsen weigh now?")[0] is newer
    # A name is no number: the newer names Kofi's starter without saying "starter".
    met = Evidence("meet Gerald. my sourdough starter. he lives on the top shelf", 5, "chat", "message",
                   speaker="Kofi", created_at=_ts("2026-03-01"))
    second = Evidence("Gerald II made his first loaf! it's a bit flat but it's edible", 6, "chat", "message",
                      speaker="Kofi", created_at=_ts("2026-06-01"))
    assert newest_statements_first([met, second], (), "What's Kofi's sourdough starter called now?")[0] is second


def test_asked_someones_job_now_the_turn_telling_it_in_their_own_words_leads():
    """The thanks after it is newer, and tells no job."""
    told = Evidence("guess who got the job!!! I'm the new head chef at Fyr from April", 1, "chat", "message",
                    speaker="Lena", created_at=_ts("2026-03-12"))
    thanks = Evidence("thanks, still can't believe it", 2, "chat", "message", speaker="Lena",
                      created_at=_ts("2026-03-12") + 180)
    assert [item.memory_id for item in newest_statements_first([told, thanks], (), "What's Lena's job now?")] == [1, 2]


def test_a_job_someone_states_in_their_own_turn_answers_however_far_its_words():
    """"What does Lena do for work?" is 0.15 from "I'm the new head chef at Fyr": not "nothing matches"."""
    from second_me.retrieval.abstain import decide, signals

    def asked(question: str, said: str) -> str | None:
        memory = Memory(1, "message", said, _ts("2026-03-12"), None, 7.0, 0, False, "active",
                        speaker=said.split(":")[0])
        result = SearchResult((Hit(memory, 1.0, 1.0, None, similarity=0.15, bm25_rank=1),), 0.15,
                              parsed=ParsedQuery(question))
        return decide(signals(result, question), 0.25)

    assert asked("What does Lena do for work?", "Lena: guess who got the job!!! I'm the new head chef at Fyr") is None
    assert asked("What does Marit do for work?", "Halvor: Arne and Marit came up for the weekend") is not None
    # A head that is no head chef's: "a garden gnome with no head" tells no job.
    assert asked("What does Pete do for work?", "Pete: found a bath tub, two tyres and a garden gnome with no head") \
        is not None


def test_a_birthday_greeting_states_the_day_it_was_said():
    """"When is Bea's birthday?" over Bea's "HAPPY BIRTHDAY!!! 37!! ancient" was refused, "the memories about
    that don't say a date", once a wedding's day no longer counted as a birthday's: the greeting is the day."""
    from second_me.retrieval.abstain import signals

    def lacking(question: str, said: str):
        memory = Memory(1, "message", said, _ts("2025-09-03"), None, 7.0, 0, False, "active",
                        speaker=said.split(":")[0])
        result = SearchResult((Hit(memory, 1.0, 1.0, None, similarity=0.5, bm25_rank=1),), 0.5,
                              parsed=ParsedQuery(question))
        return signals(result, question).lacking

    assert lacking("When is Bea's birthday?", "Bea: HAPPY BIRTHDAY!!! 37!! ancient") is None
    assert lacking("When is Bea's birthday?", "Bea: birthday drinks were fun, 37!! ancient") == "day of year"


def test_asked_where_someone_works_now_the_turn_telling_of_the_job_leads_a_newer_one():
    job = Evidence("I start at the hospital pharmacy on Monday, so I can only do weekends from now on", 1, "chat",
                   "message", speaker="Aisha", created_at=_ts("2026-07-18"))
    agm = Evidence("went to the AGM last night. water rates going up to £25 a plot", 2, "chat", "message",
                   speaker="Aisha", created_at=_ts("2026-11-22"))
    assert [item.memory_id for item in newest_statements_first([job, agm], (), "Where does Aisha work now?")] == [1, 2]


def test_asked_of_two_people_a_turn_by_one_naming_the_other_does_not_lead_a_newer_one():
    camping = Evidence("right, hannah breaks up on the 19th. we could come down to the gower, camping", 1, "chat",
                       "message", speaker="Tariq", created_at=_ts("2024-07-02"))
    moved = Evidence("change of plan on the wedding. we've moved it to next May. the 24th.", 2, "chat", "message",
                     speaker="Tariq", created_at=_ts("2024-12-18"))
    ordered = newest_statements_first([camping, moved], (), "When are Tariq and Hannah getting married now?")
    assert [item.memory_id for item in ordered] == [2, 1]


def test_asked_the_last_time_of_something_a_spreadsheets_row_naming_it_is_read_newest_by_its_own_date():
    """Every row of an expenses table states a date: "When did I last go to the dentist?" quoted all eight,
    and "What was my last car expense?" led with January's over March's (the file's one date for both)."""
    def row(memory_id: int, text: str) -> Evidence:
        return Evidence(text, memory_id, "money/expenses.csv:2", "chunk", created_at=_ts("2026-06-01"),
                        context="expenses")  # the file's name, every row's
    rows = [row(1, "date: 2026-01-19; item: Car insurance renewal (Admiral); amount: 412.50; category: car"),
            row(1, "date: 2026-02-02; item: Dentist check-up; amount: 27.40; category: health"),
            row(1, "date: 2026-03-11; item: New tyres x2 (Kwik Fit); amount: 178.00; category: car"),
            row(1, "date: 2026-05-30; item: Polytunnel; amount: 329.99; category: garden")]
    dentist = newest_statements_first(rows, (), "When did I last go to the dentist?", answering_only=True)
    assert [item.text[6:16] for item in dentist] == ["2026-02-02"]
    car = newest_statements_first(rows, (), "What was my last car expense?", answering_only=True)
    assert [item.text[6:16] for item in car] == ["2026-03-11", "2026-01-19"]
    car = newest_statements_first(rows, (), "How much was my last car expense?", answering_only=True)
    assert [item.text[6:16] for item in car] == ["2026-03-11", "2026-01-19"]  # "expenses" names every row
