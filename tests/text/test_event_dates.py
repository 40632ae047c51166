"""Dates inside messages: relative time read against when the message was sent."""

from datetime import datetime, timezone

import pytest

from second_me.domain import describe_span
from second_me.text.asked_event import dates_of_event, event_asked
from second_me.text.event_dates import event_dates

# Thursday 6 July 2023, 18:00 UTC
SENT = datetime(2023, 7, 6, 18, 0, tzinfo=timezone.utc).timestamp()


def _read(text: str, sent: float = SENT) -> list[str]:
    return [span.describe() for span in event_dates(text, sent)]


@pytest.mark.parametrize("text, expected", [
    ("We went to the beach yesterday", ["2023-07-05"]),
    ("The day before yesterday was awful", ["2023-07-04"]),
    ("I ran my first 10k last Saturday!", ["2023-07-01"]),
    ("We climbed Pen y Fan two weekends ago", ["2023-06-24 to 2023-06-25"]),
    ("I'm starting at the new school next month", ["2023-08"]),
    ("I got married last year", ["2022"]),
    ("Three days ago the vet said she was fine", ["2023-07-03"]),
    ("We're going to Crete on Saturday", ["2023-07-08"]),
    ("We went to Crete on Saturday", ["2023-07-01"]),
    # A verb in the present after its subject tells of a plan; an irregular past, or one that reads
    # the same in the past, does not.
    ("and I swim on Saturday!!! two laps of the lake", ["2023-07-08"]),
    ("she starts on Monday", ["2023-07-10"]),
    ("I swam on Saturday", ["2023-07-01"]),
    # "Meeting the agent on Tuesday" is a plan, "the meeting on Tuesday" a thing; "tommorow" as people type it.
    ("Meeting the estate agent on Tuesday at 10.", ["2023-07-11"]),
    ("The meeting on Tuesday went on for ever.", ["2023-07-04"]),
    ("Flying to Edinburgh tommorow morning", ["2023-07-07"]),
    ("I read it on Saturday", ["2023-07-01"]),
    ("I think it was on Saturday", ["2023-07-01"]),
    ("The launch is on the 14th of September", ["2023-09-14"]),
    # A stay of several days, however it is written; a month the plan is "for".
    ("booked flights to Porto for August, 14th to 21st", ["2023-08-14 to 2023-08-21"]),
    ("we're in Crete 14 to 21 August", ["2023-08-14 to 2023-08-21"]),
    ("away August 14-21", ["2023-08-14 to 2023-08-21"]),
    ("away the 3rd–5th of June 2024", ["2024-06-03 to 2024-06-05"]),
    # "next year" said after a stay is its year; a stay booked is to come, one been on is gone.
    ("we've booked Porto for 18-22 May next year", ["2024-05-18 to 2024-05-22"]),
    ("away May 18-22 next year", ["2024-05-18 to 2024-05-22"]),
    ("booked the cottage for 14 to 21 June", ["2024-06-14 to 2024-06-21"]),
    ("we were in Crete 14 to 21 June", ["2023-06-14 to 2023-06-21"]),
    # The getting is past, the interview to come: a day nearly a year gone would be told with its year.
    ("I got an interview at Halden Pharma on 12 July!", ["2023-07-12"]),
    ("I got a parking ticket on 2 July", ["2023-07-02"]),
    ("booked the cottage for October", ["2023-10"]),
    # A day of the month alone, on the side its tense says (the 21st is as far either way from the 6th).
    ("her birthday? it's on the 21st", ["2023-07-21"]),
    ("we went out for her birthday on the 21st", ["2023-06-21"]),
    # A day and month, nearer a year back, on the side its tense says; signing up is for what is to come.
    ("I signed up for the Tokyo marathon on 2 March", ["2024-03-02"]),
    ("I ran the Tokyo marathon on 2 March", ["2023-03-02"]),
    ("The Tokyo marathon is on 2 March", ["2024-03-02"]),
    # A month with its year, said ahead or back.
    ("we're looking at July 2024 for the wedding", ["2024-07"]),
    ("we met in March 2019", ["2019-03"]),
    ("the lease ends in September, 2025", ["2025-09"]),
    # A weekday before a date is part of it, not a day of its own.
    ("The Mill, Saturday 6th June 2026!!", ["2026-06-06"]),
    ("on Saturday 14 October we fly", ["2023-10-14"]),
    ("Sat, October 14 works for us", ["2023-10-14"]),
    # "in" before a count that ends in "ago" is no time ahead; a fortnight is two weeks.
    ("they put a stent in two days ago", ["2023-07-04"]),
    ("we moved in a fortnight ago", ["2023-06-19 to 2023-06-25"]),
    # A plan moved is moved to a day to come, though "called" and "moved" are past; moving house is not.
    ("The dentist called and moved my cleaning to 18 July, same time.", ["2023-07-18"]),
    ("they postponed the match until Saturday", ["2023-07-08"]),
    ("we moved to Otley on Saturday", ["2023-07-01"]),
    # A deadline taken on is a day to come, though "agreed" is past; one met is not.
    ("I agreed to write the handbook by 20 July.", ["2023-07-20"]),
    ("I finished the handbook by 1 July.", ["2023-07-01"]),
    # Two days of one month.
    ("two outages from the certificate renewal (2 and 4 July)", ["2023-07-02", "2023-07-04"]),
])
def test_relative_dates_resolve_against_the_message_time(text, expected):
    assert _read(text) == expected


def test_words_that_only_look_like_dates_are_not_dates():
    assert _read("this may help with the cello") == []
    assert _read("I practise every Saturday morning") == []
    assert _read("It went from 40 minutes to 29 minutes in four months") == []
    assert _read("I ran 5 to 10 miles a day in training") == []
    assert _read("from the 21st to the 14th of June") == []  # backwards: no such stay
    assert _read("my PIN is 2019 and the code is July") == []
    assert _read("I scored 2024 points") == []


def test_a_day_word_capitalised_inside_a_sentence_is_a_title_not_a_day():
    assert _read("Now reading Tomorrow, and Tomorrow, and Tomorrow by Gabrielle Zevin") == []
    assert _read("we watched Yesterday, the Beatles film") == []
    assert _read("Yesterday we went to the beach") == ["2023-07-05"]  # a sentence's first word
    assert _read("Update: Tomorrow is the big day") == ["2023-07-07"]


def test_a_message_without_time_words_tells_of_no_date():
    assert event_dates("Pepper loves her new raincoat", SENT) == []


def test_spans_are_whole_days_and_read_back_as_written():
    (span,) = event_dates("see you tomorrow", SENT)
    assert span.phrase == "tomorrow"
    assert span.end - span.start == 86400
    assert describe_span(span.start, span.end) == "2023-07-07"


def test_a_store_written_before_the_new_forms_reads_its_turns_dates_again(services, settings):
    """Migration 9: turns stored when "14 to 21 August" was no date get it."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    services.conversations.log.add_turns([Turn("w1", "Ana", "we're in Crete 14 to 21 August", SENT, "user", "1"),
                                          Turn("w1", "Tom", "see you tomorrow", SENT + 60, "user", "2")], SENT)

    def as_left(conn):  # the older reading found no date in "14 to 21 August"
        conn.execute("DELETE FROM memory_dates WHERE phrase = '14 to 21 August'")

    with reopened_at(services, settings, 8, as_left) as conn:
        phrases = sorted(row[0] for row in conn.execute("SELECT phrase FROM memory_dates"))
    assert phrases == ["14 to 21 August", "tomorrow"]


def _day_read_again(services, settings, text: str, stored_as: datetime, version: int) -> str:
    """The day a turn tells of after reopening a store left at `version` with that turn's day `stored_as`."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    services.conversations.log.add_turns([Turn("w1", "Ana", text, SENT, "user", "1")], SENT)
    old = stored_as.timestamp()

    def as_left(conn):
        conn.execute("UPDATE memory_dates SET starts_at = ?, ends_at = ?", (old, old + 86400))

    with reopened_at(services, settings, version, as_left) as conn:
        (start,) = conn.execute("SELECT starts_at FROM memory_dates").fetchone()
    return datetime.fromtimestamp(start, timezone.utc).date().isoformat()


def test_a_store_written_before_days_of_the_month_took_their_tense_reads_them_again(services, settings):
    """Migration 10: "it's on the 21st", said on 6 July, had been stored as 21 June."""
    june_21 = datetime(2023, 6, 21, tzinfo=timezone.utc)
    assert _day_read_again(services, settings, "her birthday? it's on the 21st", june_21, 9) == "2023-07-21"


def test_a_store_written_before_months_of_a_year_were_dates_reads_them_again(services, settings):
    """Migration 12: "we're looking at July 2024" told no date."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    services.conversations.log.add_turns([Turn("w1", "Ana", "we're looking at July 2024", SENT, "user", "1")], SENT)

    def as_left(conn):
        conn.execute("DELETE FROM memory_dates")

    with reopened_at(services, settings, 11, as_left) as conn:
        phrases = [row[0] for row in conn.execute("SELECT phrase FROM memory_dates")]
    assert phrases == ["July 2024"]


def test_a_store_written_before_dated_days_took_their_tense_reads_them_again(services, settings):
    """Migration 13: "I signed up for the Tokyo marathon on 2 March", said in July, had been stored as
    the March before."""
    march_before = datetime(2023, 3, 2, tzinfo=timezone.utc)
    assert _day_read_again(services, settings, "I signed up for the Tokyo marathon on 2 March", march_before,
                           12) == "2024-03-02"


def test_a_store_written_before_days_soon_were_read_ahead_reads_them_again(services, settings):
    """Migration 25: "I got an interview on 12 July", said on 6 July, had been stored as the July before."""
    july_before = datetime(2022, 7, 12, tzinfo=timezone.utc)
    assert _day_read_again(services, settings, "I got an interview on 12 July!", july_before, 24) == "2023-07-12"


def test_a_store_written_before_weekdays_were_part_of_their_dates_reads_them_again(services, settings):
    """Migration 15: "The Mill, Saturday 6th June 2026" also told of the Saturday before it was said."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    services.conversations.log.add_turns([Turn("w1", "Ana", "The Mill, Saturday 6th June 2026!!", SENT, "user", "1")],
                                         SENT)

    def as_left(conn):  # as the older reading stored it: the Saturday before too
        conn.execute("INSERT INTO memory_dates (memory_id, starts_at, ends_at, phrase) "
                     "SELECT memory_id, ?, ?, 'Saturday' FROM memory_dates",
                     (datetime(2023, 7, 1, tzinfo=timezone.utc).timestamp(),
                      datetime(2023, 7, 2, tzinfo=timezone.utc).timestamp()))

    with reopened_at(services, settings, 14, as_left) as conn:
        phrases = [row[0] for row in conn.execute("SELECT phrase FROM memory_dates")]
    assert phrases == ["6th June 2026"]


def test_of_two_days_a_message_tells_of_the_asked_events_is_the_one_its_words_are_said_with():
    told = "Dad had chest pains on Saturday night. they kept him in and put a stent in two days ago"
    assert event_asked("When did my dad get his stent?") == "get his stent?"
    assert event_asked("When did Orla and Cathal get married?") == "get married?"
    assert event_asked("when are kwame and I going to porto?") == "going to porto?"  # a name typed in lower case
    assert event_asked("when is it") == "when is it"  # nothing left after whom it is about: the question
    assert [s.describe() for s in dates_of_event(told, SENT, "get his stent")] == ["2023-07-04"]
    assert [s.describe() for s in dates_of_event(told, SENT, "chest pains")] == ["2023-07-01"]
    assert [s.describe() for s in dates_of_event(told, SENT, "the wedding")] == ["2023-07-01", "2023-07-04"]
    both = "we had the scan yesterday and the results come tomorrow"  # one sentence: its two clauses
    assert [s.describe() for s in dates_of_event(both, SENT, "get the results")] == ["2023-07-07"]
    # A sentence telling of the event without a day: the day another sentence tells is not its.
    hosting = "Christmas: I can come from the 23rd to the 27th. Who's hosting this year?"
    assert dates_of_event(hosting, SENT, "coming for Christmas?") == []
    assert [s.describe() for s in dates_of_event(hosting, SENT, "hosting")] == ["2023"]


def test_a_store_written_before_counts_ago_after_in_were_read_reads_them_again(services, settings):
    """Migration 16: "put a stent in two days ago" had told of no day."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    services.conversations.log.add_turns([Turn("w1", "Ana", "they put a stent in two days ago", SENT, "user", "1")],
                                         SENT)
    with reopened_at(services, settings, 15, lambda conn: conn.execute("DELETE FROM memory_dates")) as conn:
        phrases = [row[0] for row in conn.execute("SELECT phrase FROM memory_dates")]
    assert phrases == ["two days ago"]


def test_a_store_written_before_days_a_plan_was_moved_to_were_ahead_reads_them_again(services, settings):
    """Migration 17: "moved my cleaning to 18 July", said on 6 July 2023, had been stored as 18 July 2022."""
    year_before = datetime(2022, 7, 18, tzinfo=timezone.utc)
    assert _day_read_again(services, settings, "The dentist moved my cleaning to 18 July", year_before,
                           16) == "2023-07-18"


def test_a_plan_said_verb_first_is_ahead_and_a_store_reads_it_again(services, settings):
    """Migration 21: "Meeting the estate agent on Tuesday", said on a Thursday, had been the Tuesday before."""
    tuesday_before = datetime(2023, 7, 4, tzinfo=timezone.utc)
    assert _day_read_again(services, settings, "Meeting the estate agent on Tuesday at 10", tuesday_before,
                           20) == "2023-07-11"


def test_what_can_or_should_be_done_on_a_weekday_is_ahead_and_a_store_reads_it_again(services, settings):
    """Migration 20: "the surgeon said he can go home on Wednesday", said on a Monday, had been the
    Wednesday before (the surgeon's "said" outweighing a plan without "will")."""
    monday = datetime(2023, 7, 3, 16, tzinfo=timezone.utc).timestamp()
    told = "Pai is out of surgery. The surgeon said he can go home on Wednesday if he can manage the stairs"
    assert [s.describe() for s in event_dates(told, monday)] == ["2023-07-05"]
    assert [s.describe() for s in event_dates("I can't believe we won on Saturday", monday)] == ["2023-07-01"]
    friday_before = datetime(2023, 6, 30, tzinfo=timezone.utc)
    assert _day_read_again(services, settings, "you should ring him on Friday", friday_before, 19) == "2023-07-07"


def test_a_note_named_by_its_day_tells_of_that_day_and_its_words_are_read_against_it():
    from second_me.text.note_days import day_of_note, note_dates

    assert describe_span(day_of_note("2026-10-04.md").start, day_of_note("2026-10-04.md").end) == "2026-10-04"
    assert day_of_note("2026_10_04.md") is not None and day_of_note("2026-09-14-standup.md") is not None
    assert day_of_note("notes.md") is None and day_of_note("2026-13-45.md") is None
    assert day_of_note("20261004.md") is None and day_of_note("2026-10-041.md") is None
    told = [describe_span(span.start, span.end) for span in note_dates("2026-10-05.md", "Got the keys yesterday!")]
    assert told == ["2026-10-05", "2026-10-04"]
    assert note_dates("flat.md", "Got the keys yesterday!") == []  # saved when, not about when


def test_a_section_under_a_heading_that_is_a_day_tells_of_that_day():
    from second_me.text.note_days import day_of_heading, note_dates

    saved = datetime(2026, 12, 7, tzinfo=timezone.utc).timestamp()

    def day(heading: str, name: str = "journal.md") -> str | None:
        span = day_of_heading(heading, name, saved)
        return describe_span(span.start, span.end) if span is not None else None

    assert day("October 2026 > 19 October", "2026-10.md") == "2026-10-19"
    assert day("1:1s with Marcus > 2026-09-03") == "2026-09-03"
    assert day("Dec 28", "2025.md") == "2025-12-28"  # the file's year, however near another year's
    assert day("3 March") == "2026-03-03"  # a journal saved in December: the March before, not the next
    assert day("Trip > Tuesday 3 March: the op") == "2026-03-03"
    assert day("Japan, April 2026") is None and day("Car > Tyres") is None  # a month, no heading of a day
    assert day("Week plan > Monday") is None and day("Yesterday") is None  # no day of a month
    assert day("Meeting on 4 May about the budget and the hiring plan") is None  # a title telling more than a day
    told = note_dates("2026-10.md", "## 19 October\n\nDad had his op yesterday.", "October 2026 > 19 October", saved)
    assert [describe_span(span.start, span.end) for span in told] == ["2026-10-19", "2026-10-18"]
    assert note_dates("2026-10.md", "Dad had his op yesterday.", "October 2026", saved) == []


def test_a_store_written_before_sections_were_dated_by_their_headings_dates_them(services, settings, tmp_path):
    """Migration 24: a journal's sections indexed before keep their chunks, and gain their days."""
    from tests.storage.legacy import reopened_at

    (tmp_path / "2026-10.md").write_text("# October 2026\n\n## 19 October\n\nDad had his cataract operation.\n")
    services.indexing.add([tmp_path])

    def as_left(conn):
        conn.execute("DELETE FROM memory_dates")

    with reopened_at(services, settings, 23, as_left) as conn:
        rows = conn.execute("SELECT d.phrase FROM memory_dates d").fetchall()
    assert ("19 October",) in rows  # beside the month its title names


def test_a_store_written_before_daily_notes_were_dated_dates_them(services, settings, tmp_path):
    """Migration 19: notes indexed before keep their chunks, and gain their days."""
    from tests.storage.legacy import reopened_at

    (tmp_path / "2026-10-05.md").write_text("Got the keys to the flat yesterday!\n")
    (tmp_path / "flat.md").write_text("Got the keys to the flat yesterday!\n")
    services.indexing.add([tmp_path])

    def as_left(conn):
        conn.execute("DELETE FROM memory_dates")

    with reopened_at(services, settings, 18, as_left) as conn:
        rows = conn.execute("SELECT s.path, d.phrase FROM memory_dates d JOIN memories m ON m.id = d.memory_id "
                            "JOIN sources s ON s.id = m.source_id ORDER BY d.starts_at DESC").fetchall()
    assert [(path.rsplit("/", 1)[-1], phrase) for path, phrase in rows] == [("2026-10-05.md", "2026-10-05"),
                                                                           ("2026-10-05.md", "yesterday")]


def test_a_weekday_said_with_a_date_picks_the_year_it_falls_on():
    """"send the forecast to Karl by Friday 15 March", noted on 12 March 2024, had been read as 2023's."""
    noted = datetime(2024, 3, 12, 12, tzinfo=timezone.utc).timestamp()
    assert _read("send the revised forecast to Karl by Friday 15 March.", noted) == ["2024-03-15"]
    assert _read("we went there on 15 March", noted) == ["2023-03-15"]  # no weekday: the tense says
    assert _read("the party is on Saturday 6 June", noted) == ["2024-06-06"]  # no year near makes it one


def test_a_months_short_name_written_as_a_name_is_a_month_and_as_of_looks_back():
    """"Billing migration is live as of 16 Oct.", noted on 19 October, had told of no day."""
    noted = datetime(2026, 10, 19, 12, tzinfo=timezone.utc).timestamp()
    assert _read("Billing migration is live as of 16 Oct.", noted) == ["2026-10-16"]
    assert _read("Meeting on 2 Dec at 10", noted) == ["2026-12-02"]
    assert _read("the 14th-21st of Aug we were away", noted) == ["2026-08-14 to 2026-08-21"]
    assert _read("we mar the surface", noted) == [] and _read("booked for 3 jun", noted) == []  # words, not months
    assert _read("Jan said hi", noted) == []  # a name


def test_see_you_looks_ahead():
    """"see you Saturday!", said on a Monday, had been read as the Saturday before."""
    said = datetime(2026, 10, 19, 12, tzinfo=timezone.utc).timestamp()  # a Monday
    assert _read("see you Saturday!", said) == ["2026-10-24"]
    assert _read("see ya on the 3rd", said) == ["2026-11-03"]
    assert _read("I saw you Saturday", said) == ["2026-10-17"]


def test_dates_in_figures_tell_of_their_day(monkeypatch):
    """Booking and reminder texts write dates in figures: "moved to 21/10/2023 at 11:00", "MOT on 08/07"."""
    assert _read("Riverside Dental: Your appointment has been moved to 21/10/2023 at 11:00.") == ["2023-10-21"]
    assert _read("Your vehicle is booked in for its MOT on 08/07 at 08:30.") == ["2023-07-08"]
    assert _read("flights confirmed for 2023-10-21") == ["2023-10-21"]
    assert _read("meeting moved to 21.10.23") == ["2023-10-21"]
    # Figures that are no day: a pressure, an amount, a rating, a version.
    for text in ("boiler pressure dropped to 0.5 again", "Total £412.60.", "rated it 6/10", "version 1.2.10 is out",
                 "booked for 31/02/2024"):
        assert _read(text) == [], text
    # Of two numbers up to 12, the day is the first but where the locale writes the month first.
    assert _read("see you on 10/11/2023") == ["2023-11-10"]
    monkeypatch.setattr("second_me.text.event_dates._MONTH_FIRST", True)
    assert _read("see you on 10/11/2023") == ["2023-10-11"]
    assert _read("see you on 10/21/2023") == ["2023-10-21"]  # 21 is no month, whatever the locale


def test_a_stays_days_said_with_their_weekdays_are_one_stay():
    """"Sat 24 to Sat 31 Oct" was the 31st alone (and "Saturday 24 to Saturday 31 October" the next Saturday too)."""
    assert _read("booked half term! Larch Cottage, Sat 24 to Sat 31 Oct. £680") == ["2023-10-24 to 2023-10-31"]
    assert _read("we're there Saturday 24 to Saturday 31 October") == ["2023-10-24 to 2023-10-31"]
    assert _read("see you Saturday") == ["2023-07-08"]


def test_a_store_written_before_dates_in_figures_were_read_reads_them(services, settings):
    """Migration 26: "moved to 21/10/2023 at 11:00" told of no day."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    services.conversations.log.add_turns([Turn("w1", "Ana", "Your appointment has been moved to 21/10/2023 at 11:00.",
                                               SENT, "user", "1")], SENT)

    def as_left(conn):
        conn.execute("DELETE FROM memory_dates")

    with reopened_at(services, settings, 25, as_left) as conn:
        phrases = [row[0] for row in conn.execute("SELECT phrase FROM memory_dates")]
    assert phrases == ["21/10/2023"]


def test_a_time_said_as_a_sentence_of_its_own_is_the_sentence_befores():
    """"I bought a truck!!! last Saturday. … the last big thing this year": "When did I buy the truck?" was "2024",
    the sentence sharing "the" with the event, where "last Saturday." tells when the truck was bought."""
    said = datetime(2024, 7, 24, 12, tzinfo=timezone.utc).timestamp()
    told = ("I bought a truck!!! last Saturday. 2017 F-150, $21,500. Denise made me promise it's the last big thing "
            "this year")
    days = dates_of_event(told, said, event_asked("When did I buy the truck?"))
    assert [span.describe() for span in days] == ["2024-07-20"]


def test_the_last_of_a_run_is_no_time_before_the_message(services, settings):
    """"and I'll book the Three Chimneys for the last night" (of a stay), said on 14 April, told of 13 April:
    the reader then wrote "You booked the Three Chimneys for the on April 13, 2026." Migration 27 reads a
    store's turns again."""
    from second_me.domain import Turn
    from tests.storage.legacy import reopened_at

    said = datetime(2026, 4, 14, 18, 15, tzinfo=timezone.utc).timestamp()
    for told in ("and I'll book the Three Chimneys for the last night. my treat", "on the last night we had a party",
                 "our last weekend in Leeds was lovely", "last night of the trip we ate out", "the last weekend of May"):
        assert event_dates(told, said) == [], told
    assert [d.describe() for d in event_dates("we went out last night", said)] == ["2026-04-13"]
    assert [d.describe() for d in event_dates("last weekend was fun", said)] == ["2026-04-11 to 2026-04-12"]

    services.conversations.log.add_turns([Turn("w1", "Priya", "I'll book the Three Chimneys for the last night",
                                               said, "user", "1")], said)

    def as_left(conn):
        conn.execute("INSERT INTO memory_dates (memory_id, starts_at, ends_at, phrase) SELECT id, ?, ?, 'last night' "
                     "FROM memories WHERE kind = 'message'", (said - 86400 - 18 * 3600 - 900, said - 18 * 3600 - 900))

    with reopened_at(services, settings, 26, as_left) as conn:
        assert conn.execute("SELECT count(*) FROM memory_dates").fetchone()[0] == 0
