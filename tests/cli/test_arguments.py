"""Values at the edges of their ranges: refused naming the argument, or handled; never an OverflowError."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import pytest

from second_me.clock import parse_instant
from second_me.commands.arguments import MAX_K, SQLITE_INT_MAX, check_id, check_k, check_limit, check_seconds
from second_me.errors import InputRejected
from second_me.retrieval.query import filter_range, parse_query, value_span
from second_me.retrieval.timeparse import parse_time

FIRST = datetime(1, 1, 1, tzinfo=timezone.utc)
LAST = datetime(9999, 12, 31, 23, 59, 59, 500000, tzinfo=timezone.utc)
END_OF_TIME = datetime(9999, 12, 31, tzinfo=timezone.utc).timestamp() + 86400


@pytest.mark.parametrize("check, value, words", [
    (check_k, 0, "-k must be between 1 and 4096, not 0"),
    (check_k, MAX_K + 1, "-k must be between 1 and 4096, not 4097"),
    (check_k, -3, "-k must be between 1 and 4096"),
    (check_limit, 0, "--limit must be a positive number"),
    (check_limit, 2**63, "--limit must be a positive number up to 9223372036854775807"),
    (check_id, 99999999999999999999999, "ID must be a memory id from 1 to 9223372036854775807"),
    (check_id, -(2**63) - 1, "ID must be a memory id"),
    (check_id, 0, "ID must be a memory id"),
])
def test_out_of_range_values_are_refused_naming_the_argument(check, value, words):
    with pytest.raises(InputRejected, match=words):
        check(value)


def test_values_in_range_pass_unchanged():
    assert check_k(1) == 1 and check_k(MAX_K) == MAX_K
    assert check_limit(SQLITE_INT_MAX) == SQLITE_INT_MAX
    assert check_id(SQLITE_INT_MAX) == SQLITE_INT_MAX
    assert check_seconds(60.0, "--budget") == 60.0
    assert check_k(5, name="--top") == 5


@pytest.mark.parametrize("value", [0.0, -1.0, math.inf, math.nan, 86400.5])
def test_budgets_must_be_finite_and_bounded(value):
    with pytest.raises(InputRejected, match="--budget must be a number of seconds"):
        check_seconds(value, "--budget")


def test_an_instant_is_returned_in_utc_and_must_stay_in_the_calendar_there():
    assert parse_instant("2024-05-01T12:00:00+02:00") == datetime(2024, 5, 1, 10, tzinfo=timezone.utc)
    assert parse_instant("0001-01-01") == FIRST
    with pytest.raises(InputRejected, match="invalid --now '9999-12-31T23:00-05:00': in UTC it falls outside"):
        parse_instant("9999-12-31T23:00-05:00", "--now")
    with pytest.raises(InputRejected, match="in UTC it falls outside"):
        parse_instant("0001-01-01T00:30+01:00", "--now")


def test_until_the_last_day_ends_after_it_without_overflow():
    assert filter_range(None, "9999-12-31") == (None, END_OF_TIME)
    assert filter_range(None, "9999-12") == (None, END_OF_TIME)
    assert filter_range(None, "9999") == (None, END_OF_TIME)
    assert filter_range("0001", None)[0] == FIRST.timestamp()
    assert parse_query("x dt<=9999-12", LAST).until == END_OF_TIME
    assert parse_query("x until:9999", LAST).until == END_OF_TIME


def test_a_leap_year_and_a_short_month_have_their_own_length():
    start, end = value_span("2024-02", "--since")
    assert end - start == 29 * 86400
    start, end = value_span("2024", "--since")
    assert end - start == 366 * 86400


def test_year_zero_is_refused_as_out_of_the_calendar():
    with pytest.raises(InputRejected, match="invalid date '0000-01-01' in --since: years go from 0001 to 9999"):
        filter_range("0000-01-01", None)


@pytest.mark.parametrize("question, now", [
    ("3 days ago tomato", FIRST),
    ("tomato yesterday", FIRST),
    ("tomato last week", datetime(1, 1, 2, tzinfo=timezone.utc)),
    ("tomato last winter", datetime(1, 1, 2, tzinfo=timezone.utc)),
    ("tomato 10000 years ago", datetime(2025, 1, 1, tzinfo=timezone.utc)),
    ("tomato 99999999 weeks ago", datetime(2025, 1, 1, tzinfo=timezone.utc)),
    ("tomato in the last 99999999999 days", datetime(2025, 1, 1, tzinfo=timezone.utc)),
    ("tomato on 2024-02-30", datetime(2025, 1, 1, tzinfo=timezone.utc)),
    ("tomato today", LAST),
])
def test_time_words_outside_the_calendar_stay_words(question, now):
    text, hint = parse_time(question, now)
    assert not hint.has_window and hint.phrases == ()
    assert "tomato" in text


def test_time_words_inside_the_calendar_still_work_beside_them():
    now = datetime(2025, 3, 10, tzinfo=timezone.utc)
    text, hint = parse_time("tomato on 2024-02-30 or yesterday", now)
    assert hint.phrases == ("yesterday",) and hint.has_window and "2024-02-30" in text
