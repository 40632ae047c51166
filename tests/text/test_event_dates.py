"""Dates inside messages: relative time read against when the message was sent."""

from datetime import datetime, timezone

import pytest

from second_me.domain import describe_span
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
    ("The launch is on the 14th of September", ["2023-09-14"]),
])
def test_relative_dates_resolve_against_the_message_time(text, expected):
    assert _read(text) == expected


def test_words_that_only_look_like_dates_are_not_dates():
    assert _read("this may help with the cello") == []
    assert _read("I practise every Saturday morning") == []
    assert _read("It went from 40 minutes to 29 minutes in four months") == []


def test_a_message_without_time_words_tells_of_no_date():
    assert event_dates("Pepper loves her new raincoat", SENT) == []


def test_spans_are_whole_days_and_read_back_as_written():
    (span,) = event_dates("see you tomorrow", SENT)
    assert span.phrase == "tomorrow"
    assert span.end - span.start == 86400
    assert describe_span(span.start, span.end) == "2023-07-07"
