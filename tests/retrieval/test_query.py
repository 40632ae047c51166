"""Time words and inline filters, against a fixed clock: Wednesday 2024-06-12 15:00 UTC.

Each row: the question, the text left to match, and the window it asks for as
(since, until) dates, [since, until), UTC. `None` means open.
"""

from datetime import datetime, timezone

import pytest

from second_me.errors import InputRejected
from second_me.retrieval.query import filter_range, parse_query
from second_me.retrieval.timeparse import parse_time

NOW = datetime(2024, 6, 12, 15, 0, tzinfo=timezone.utc)


def day(text):
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


TIME_TABLE = [
    # question                                   text left                   since          until
    ("what did I eat yesterday?",                "what did I eat ?",         "2024-06-11", "2024-06-12"),
    ("what did I eat the day before yesterday",  "what did I eat",           "2024-06-10", "2024-06-11"),
    ("what did I buy last week",                 "what did I buy",           "2024-06-03", "2024-06-12T15:00:01"),
    ("books I read this month",                  "books I read",             "2024-06-01", "2024-06-12T15:00:01"),
    ("trips last year",                          "trips",                    "2023-01-01", "2024-06-12T15:00:01"),
    ("where have I swum this year",              "where have I swum",        "2024-01-01", "2024-06-12T15:00:01"),
    ("where was I 3 days ago",                   "where was I",              "2024-06-08", "2024-06-11"),
    ("what did I read two months ago",           "what did I read",          "2024-03-25", "2024-05-08"),
    ("runs in the past 2 weeks",                 "runs",                     "2024-05-29T15:00", "2024-06-12T15:00:01"),
    ("what happened in May 2023",                "what happened",            "2023-05-01", "2023-06-01"),
    ("plans in May",                             "plans",                    "2024-05-01", "2024-06-01"),
    ("what did I do in 2023",                    "what did I do",            "2023-01-01", "2024-01-01"),
    ("what did I do on May 4th",                 "what did I do",            "2024-05-04", "2024-05-05"),
    ("dinner on 2024-02-29",                     "dinner",                   "2024-02-29", "2024-03-01"),
    ("what did I do last Monday",                "what did I do",            "2024-06-10", "2024-06-11"),
    ("hikes last summer",                        "hikes",                    "2023-06-01", "2023-09-01"),
    ("concerts since March",                     "concerts",                 "2024-03-01", None),
    ("ideas after 2023",                         "ideas",                    "2024-01-01", None),
    ("notes before 2024-02-01",                  "notes",                    None,         "2024-02-01"),
]


@pytest.mark.parametrize("question, text, since, until", TIME_TABLE)
def test_time_words_become_windows(question, text, since, until):
    cleaned, hint = parse_time(question, NOW)
    assert cleaned == text
    assert (hint.since, hint.until) == (day(since), day(until))


@pytest.mark.parametrize("asked, since", [
    ("2025-01-25T19:00", "2024-01-26T19:00"),  # a month into the year: the twelve months just gone
    ("2025-03-31T12:00", "2024-03-31T12:00"),
    ("2025-04-02T12:00", "2025-01-01"),  # a quarter in: the year itself
])
def test_this_year_said_early_in_the_year_reaches_back_twelve_months(asked, since):
    now = datetime.fromisoformat(asked).replace(tzinfo=timezone.utc)
    _, hint = parse_time("where have I swum this year?", now)
    assert (hint.since, hint.until) == (day(since), now.timestamp() + 1)


@pytest.mark.parametrize("question, text, order, anchor, relation", [
    ("where did I live before I moved to Berlin?", "where did I live ?", None, "I moved to Berlin", "before"),
    ("what did I cook after my trip to Japan", "what did I cook", None, "my trip to Japan", "after"),
    # The event ends where an inverted question goes on: the rest is what is asked.
    ("how many days after the house sold did we buy the condo?", "how many days did we buy the condo?", None,
     "the house sold", "after"),
    ("after the party was over did we go home", "did we go home", None, "the party was over", "after"),
    # "after" that belongs to its verb is no time; a later one still is.
    ("which doctors are looking after my health?", "which doctors are looking after my health?", None, None, None),
    ("who looked after the dog after the move", "who looked after the dog", None, "the move", "after"),
    ("is the canoe named after my wife?", "is the canoe named after my wife?", None, None, None),
    # "until" the span asked runs to is the event asked about, not a time before it.
    ("how many days until the wedding?", "how many days until the wedding?", None, None, None),
    ("how long have I got until the tax return is due?", "how long have I got until the tax return is due?", None,
     None, None),
    ("what did I do until my birthday?", "what did I do ?", None, "my birthday", "before"),
    ("when was the first time I went climbing", "when was I went climbing", "first", None, None),
    ("when did I first meet Sam", "when did I meet Sam", "first", None, None),
    ("where do I work now?", "where do I work ?", "last", None, None),
    ("what is my current phone", "what is my phone", "last", None, None),
    ("first aid kit", "first aid kit", None, None, None),  # not a time word
    # "last" after whom it is about: the newest time it happened; not a weekend or a time named.
    ("When did Kimani last send me money?", "When did Kimani send me money?", "last", None, None),
    ("when have I last seen the dentist", "when have I seen the dentist", "last", None, None),
    ("Did I pay the last instalment?", "Did I pay the instalment?", "last", None, None),
    # "my last LDL": the newest told of it; not "my last week" nor "the last of the cake".
    ("what was my last LDL", "what was my LDL", "last", None, None),
    ("What was the last book I read?", "What was the book I read?", "last", None, None),
    ("Who ate the last of the cake?", "Who ate the last of the cake?", None, None, None),
])
def test_order_and_anchor_phrases(question, text, order, anchor, relation):
    cleaned, hint = parse_time(question, NOW)
    assert (cleaned, hint.order, hint.anchor, hint.anchor_relation) == (text, order, anchor, relation)
    assert not hint.has_window


@pytest.mark.parametrize("query, text, since, until, kinds, path", [
    ("sourdough dt>=2024-01-01", "sourdough", "2024-01-01", None, (), None),
    ("dt>2024-01 dough", "dough", "2024-02-01", None, (), None),
    ("dough dt<2024-05 dt>=2024", "dough", "2024-01-01", "2024-05-01", (), None),
    ("dough dt<=2024-05", "dough", None, "2024-06-01", (), None),
    ("dough dt=2024-05-03", "dough", "2024-05-03", "2024-05-04", (), None),
    ("cat kind:fact,message path:notes/", "cat", None, None, ("fact", "message"), "notes/"),
    ("since:2024-03-01 until:2024-03 rent", "rent", "2024-03-01", "2024-04-01", (), None),
])
def test_inline_filters(query, text, since, until, kinds, path):
    parsed = parse_query(query, NOW, natural_time=False)
    assert (parsed.text, parsed.since, parsed.until, parsed.kinds, parsed.path) == (text, day(since), day(until),
                                                                                   kinds, path)


def test_only_time_words_keep_the_text():
    parsed = parse_query("yesterday", NOW)
    assert parsed.text == "yesterday" and parsed.time.since == day("2024-06-11")


@pytest.mark.parametrize("query, words", [("x dt>=soon", "invalid date 'soon'"), ("x kind:memo", "unknown kind 'memo'")])
def test_bad_inline_filters_are_rejected(query, words):
    with pytest.raises(InputRejected, match=words):
        parse_query(query, NOW)


def test_cli_range_includes_both_ends():
    assert filter_range("2024-05", "2024-05") == (day("2024-05-01"), day("2024-06-01"))
    assert filter_range(None, None) == (None, None)


@pytest.mark.parametrize("question, yearly", [
    ("what did I do in September?", True),
    ("where were we on March 3rd?", True),
    ("what did I do in September 2024?", False),
    ("what did I do last week?", False),
    ("what did I do in September last year?", False),
])
def test_a_date_named_without_a_year_may_be_an_earlier_years(question, yearly):
    from second_me.retrieval.timeparse import parse_time

    assert parse_time(question, datetime(2026, 12, 2, tzinfo=timezone.utc))[1].yearly is yearly


def test_earlier_years_step_back_a_year_at_a_time():
    from second_me.retrieval.timeparse import earlier_years

    september = tuple(datetime(2026, month, 1, tzinfo=timezone.utc).timestamp() for month in (9, 10))
    first, second = list(earlier_years(*september))[:2]
    assert datetime.fromtimestamp(first[0], timezone.utc).date().isoformat() == "2025-09-01"
    assert datetime.fromtimestamp(second[1], timezone.utc).date().isoformat() == "2024-10-01"
