"""The date line of an answer to "when…?" over a chat message, written by rule from the message's
own time: the quote itself says only "yesterday"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Optional, Sequence

from second_me.domain import Evidence, describe_span, utc_day
from second_me.retrieval.answer_type import ASKS_MONTH_OR_YEAR, ASKS_WHEN, LIGHT_VERBS
from second_me.text.asked_event import dates_of_event, event_asked
from second_me.text.event_dates import moments_told
from second_me.text.names import MONTHS, WEEKDAYS
from second_me.text.words import content_words, forms, stems


def when_line(question: str, evidence: Sequence[Evidence], newest_first: bool = False) -> str:
    """For "when…?" over a chat message, the date it tells of, written by rule from the message's own
    time ("yesterday", said on 6 July: 2023-07-05), since the quote itself says only "yesterday";
    else the day it was said. When the first quote asks something ("dinner at yours to christen the
    kitchen?"), the day it was said is not the answer: a later quote telling of a date is (the
    reply "Saturday the 28th"), or nothing. A later quote telling of a day and saying more of what
    the question asks the day of is read instead of the first, unless the quotes are newest first
    because the newest time is asked ("When did Kimani last send me money?"). A first quote that
    planned what is asked gives way to a later one telling the day it was (`carried_out`); one whose only
    word of the asked event is when in its course ("the first week") gives no day (`_of_the_event`)."""
    if not ASKS_WHEN.match(question) or not evidence:
        return ""
    later = carried_out(question, evidence)
    best = later or evidence[0]
    if best.kind == "chunk" and best.about:
        return _note_day_line(best, event_asked(question), [item.text for item in evidence
                                                              if item.memory_id == best.memory_id])
    if best.speaker is None or best.kind != "message":
        return ""
    if newest_first and CALLED_OFF.search(best.text) and not _tells_a_day(best):
        # "Tom cancelled lunch, he's sick", the newest word on it: there is no day to give.
        return f"Called off: {_as_addressed(best.speaker)} said so on {utc_day(best.created_at)}."
    if "?" in best.text and not _tells_a_day(best):
        best = next((item for item in evidence[1:] if item.speaker is not None and item.kind == "message"
                     and _tells_a_day(item)), None)
        if best is None:
            return ""
    # "When did Nina run her first parkrun?": the quote about a later run may come first; another
    # telling of a day and saying more of the asked event's words ("my first parkrun on Saturday") is its date.
    asked = event_asked(question)
    event = stems(asked)
    dated = [item for item in evidence if item.speaker is not None and item.kind == "message" and _tells_a_day(item)]
    closer = max(dated, key=lambda item: len(event & stems(item.text)), default=None)
    # (Not when a plan gave way to the day it was carried out, nor when the newest is asked for.)
    if later is None and not newest_first and closer is not None \
            and len(event & stems(closer.text)) > len(event & stems(best.text)):
        best = closer
    elif later is None and not newest_first and not _tells_a_day(best) and ASKS_PAST.match(question):
        # "When did Tariq move house?": "we HAVE moved. technically I kept my word" says that it
        # happened; a later quote telling of a day gone by when it was said, and of the event in as
        # many words ("moved into Bramley on Saturday"), says when.
        best = next((item for item in dated if item.about < utc_day(item.created_at)
                     and len(event & stems(item.text)) >= max(1, len(event & stems(best.text)))), best)
    if not _of_the_event(asked, best.text):
        return ""
    said = utc_day(best.created_at)
    # "I handed in my notice today. I start on 1 September": the day it was said is said after.
    # Of two days told ("chest pains on Saturday night… a stent two days ago"), the asked event's.
    stored = best.about.split(", ") if best.about else []
    spans = dates_of_event(best.text, best.created_at, asked)
    days = [describe_span(d.start, d.end) for d in spans]
    # None of them, when the message's moments are all told of something else ("…Who's hosting this year?").
    of_another = not spans and bool(moments_told(best.text, best.created_at))
    told = [day for day in ([day for day in days if day in stored] or ([] if of_another else stored)) if day != said]
    who = _as_addressed(best.speaker)
    if ASKS_WEEKDAY.search(question):  # "What day of the week was Owen born?": worked out, not left to a reader
        told, said = [_with_weekday(day) for day in told], _with_weekday(said)
    unit = ASKS_MONTH_OR_YEAR.match(question)
    if unit:  # "In which month did the roof go on?": the month, not a day to work it out from
        start = next((span.start for span, day in zip(spans, days) if day in told), best.created_at)
        when = datetime.fromtimestamp(start, timezone.utc)
        label = f"{when:%B %Y}" if unit.group(1).lower() == "month" else f"{when:%Y}"
        return f"{label} ({who} said it on {said})."
    said_by = f"{who[:1].upper()}{who[1:]} said it on {said}"
    if told and _ASKS_BOOKING.match(question) and _BOOKED.search(best.text) and all(day > said for day in told):
        # "When did I book the dentist?" over "Booked a dentist cleaning for 20 December": booked the day
        # it was said, for the day it tells of.
        return f"{said_by}, for {', '.join(told)}."
    if told:
        return f"{', '.join(told)} ({who} said it on {said})."
    # A message telling no day was said on the day of what it tells, if anything: "When is Dad's
    # birthday?" is not answered by the day "Hi all! Made this so we can plan Dad's 70th" was said.
    return f"{said_by}." if _ASKS_DONE.search(question) else ""


_ASKS_DONE = re.compile(r"\b(?:did|was|were|had)\b", re.I)
# When in its course, not what happened: "she starts on 5 January" says the event "start nursery" is.
_ORDER_WORDS = frozenset("first last ever again finally".split())
_ORDER_STEMS = frozenset(stem for word in _ORDER_WORDS for stem in stems(word))


def _of_the_event(asked: str, text: str) -> bool:
    """Is a quote about the event a when-question asks the day of, as far as words tell? Not when the only
    word of the event it says is when in its course ("first", "last"): "When did Zara first smile?" is not
    answered by the day of "…normal in the first week but wants to weigh her again Tuesday". A quote
    saying none of them may tell it in other words ("had a boy on Monday. Arlo" for when Arlo was born)."""
    said = stems(text)
    rest = {stem for word in content_words(asked) if word not in _ORDER_WORDS and word not in LIGHT_VERBS
            for stem in stems(word)}
    return not (rest and said & _ORDER_STEMS & stems(asked) and not said & rest)


def _note_day_line(quote: Evidence, asked: str, quoted: Sequence[str] = ()) -> str:
    """The day a daily note is of (its file's name or its section's heading: `text/note_days.note_dates`),
    or the day its words tell of read against it: "2026-10-04 (your note of 2026-10-05)." for "Got the keys
    yesterday". None when its quotes (`quoted`, of the same note) name a day themselves."""
    stored = quote.about.split(", ")
    day = stored[0]
    noon = datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone.utc).timestamp()
    told = [describe_span(span.start, span.end) for span in dates_of_event(quote.text, noon, asked)]
    told = [other for other in told if other in stored and other != day]
    if told:
        return f"{', '.join(told)} (your note of {day})."
    # A day the note names that was not read ("live as of 16 Oct"): the quote says when, not the note's day.
    # So does a day of the week it keeps ("Training Mondays and Wednesdays", after "Priya got into the squad!").
    # Or a day of the month ("arriving the 20th", in a note of 10 November: the 20th, not the 10th).
    words = {word.lower() for text in (quote.text, *quoted) for word in re.findall(r"[A-Za-z]+", text)}
    named = words & (MONTHS | WEEKDAYS | _WEEKDAYS_KEPT | _RELATIVE_DAYS) \
        or any(_DAY_OF_MONTH.search(text) for text in (quote.text, *quoted))
    return "" if named else f"{day} (your note of that day)."


_DAY_OF_MONTH = re.compile(r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b"
                           r"(?!\s+(?:century|anniversary|floor|birthday|time|row|place))", re.I)


_RELATIVE_DAYS = frozenset("yesterday tomorrow tonight ago last next".split())
_WEEKDAYS_KEPT = frozenset(f"{weekday}s" for weekday in WEEKDAYS)  # "Mondays and Wednesdays"


ASKS_WEEKDAY = re.compile(r"\b(?:day\s+of\s+the\s+week|weekday)\b", re.I)


def asks_weekday(question: str) -> bool:
    """"What day of the week was the grandson born?": the answer is a weekday, worked out from a date."""
    return bool(ASKS_WHEN.match(question) and ASKS_WEEKDAY.search(question))


def _with_weekday(day: str) -> str:
    """"2023-11-24" → "Friday 2023-11-24"; a month, a year or a span is left as it is."""
    try:
        return f"{datetime.strptime(day, '%Y-%m-%d'):%A} {day}"
    except ValueError:
        return day


def carried_out(question: str, evidence: Sequence[Evidence]) -> Optional[Evidence]:
    """Asked when something happened, the first quote may be its plan: "Miriam's entered me for my
    Grade 1 exam in July", said in May. A later message of the same thing said on a day within that
    time, or telling of one ("cello exam was this morning!!", said on 13 July; "first day at Cotham
    Park yesterday!!" after "I start in September"), tells when it was. None when no quote is such."""
    if not ASKS_PAST.match(question) or not evidence or evidence[0].kind != "message":
        return None
    plan = evidence[0]
    span = told_span(plan.about)
    if span is None or span[1] - span[0] < timedelta(days=2) or span[1] <= _day(utc_day(plan.created_at)):
        return None  # a day, not a while; or a time already gone by when it was said
    asked = [forms(word) for word in content_words(question) if word not in LIGHT_VERBS]  # "married": "wedding"
    needed = min(2, len(asked))
    within = []
    for item in evidence[1:]:
        said = stems(item.text)
        if item.kind != "message" or item.created_at <= plan.created_at \
                or sum(1 for word in asked if word & said) < needed:
            continue
        told, said_on = told_span(item.about), _day(utc_day(item.created_at))
        day = told[0] if told is not None and told[1] - told[0] == timedelta(days=1) else said_on
        if span[0] <= day < span[1] and day <= said_on:
            within.append((day, item))
    # The first such day: a certificate shown a week after the exam is not when it was.
    return min(within, key=lambda pair: pair[0])[1] if within else None


# "What was Tomás's half marathon time?", "Did he get under 2 hours?", "How did the exam go?", "What
# happened at the AGM?": gone by.
ASKS_HOW_IT_WENT = re.compile(r"^\s*(?:what\s+(?:was|were|did|happened)|did|how\s+(?:did|was|were)|was|were)\b",
                              re.I)


def how_it_went(question: str, quoted: Sequence[Evidence],
                read: Sequence[Evidence]) -> Optional[tuple[int, Evidence]]:
    """Asked of something gone by, a quote may be its plan told with its day ("I'm training for the
    Lisbon half marathon, it's on the 24th of May", said in April); the same speaker's later message
    telling of that day, read beyond the quotes ("did it!! 1:52:30 yesterday", said on the 25th), says
    how it went; so does anyone's, in a group, telling of the thing the question and the plan both name
    ("went to the AGM last night" after Tom's "AGM is on the 21st"). The plan may be read and not
    quoted, when a quote says more of the kind asked ("under 2 hours would make me happy" for a time):
    the message then comes after the quotes. (Where to quote it: after the plan; the message.) None
    when no memory read is such a plan."""
    if ASKS_WHEN.match(question) or not ASKS_HOW_IT_WENT.match(question):
        return None
    asked = {word for word in content_words(question) if word.lower() not in LIGHT_VERBS}
    for at, plan in enumerate([*quoted, *(item for item in read if item not in quoted)]):
        span = told_span(plan.about) if plan.kind == "message" else None
        if span is None or span[1] - span[0] != timedelta(days=1) or span[0] <= _day(utc_day(plan.created_at)):
            continue  # not one day to come when it was said
        went = next((item for item in read if item not in quoted and item is not plan and item.kind == "message"
                     and (item.speaker == plan.speaker or _names_both(asked, plan.text, item.text))
                     and item.created_at > plan.created_at
                     and told_span(item.about) == span), None)
        if went is not None:
            return min(at + 1, len(quoted)), went
    return None


def _names_both(asked: set[str], plan: str, went: str) -> bool:
    """Does a word of the question stand in both the plan and the later message ("AGM")?"""
    return any(forms(word) & stems(plan) and forms(word) & stems(went) for word in asked)


def told_span(about: str) -> Optional[tuple[datetime, datetime]]:
    """The first span a memory tells of, as `describe_span` wrote it ("2023-07", "2023-07-05",
    "2023-07-15 to 2023-07-16"), as [start, end) days; None when it tells of none."""
    first = about.split(", ")[0].strip() if about else ""
    parts = first.split(" to ")
    try:
        if len(parts) == 2:
            return _day(parts[0]), _day(parts[1]) + timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first):
            return _day(first), _day(first) + timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}", first):
            start = _day(first + "-01")
            return start, (start + timedelta(days=32)).replace(day=1)
        if re.fullmatch(r"\d{4}", first):
            return _day(first + "-01-01"), _day(f"{int(first) + 1}-01-01")
    except ValueError:
        return None
    return None


def _day(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=timezone.utc)


# A plan called off: the newest word on it says there is no day ("Tom cancelled lunch, he's sick").
CALLED_OFF = re.compile(r"\b(?:cancell?ed|cancell?ing|called\s+(?:it\s+)?off|calling\s+(?:it\s+)?off)\b", re.I)
# Asked when something was booked, not when what was booked is: the booking's words in the question and the quote.
_ASKS_BOOKING = re.compile(r"^\s*when\s+(?:did|have|had)\s+\w+\s+(?:book|reserve|schedule|sign\s+up|register"
                           r"|make\s+(?:the|an?)\s+(?:appointment|booking|reservation))\b", re.I)
_BOOKED = re.compile(r"\b(?:booked|booking|reserved|scheduled|signed\s+up|registered|made\s+(?:the|an?)\s+"
                     r"(?:appointment|booking|reservation))\b", re.I)
# A question about what has happened: the day is gone by, never one planned ahead ("What day did Kwame run
# his half?" as much as "When did…").
ASKS_PAST = re.compile(r"^\s*(?:when|(?:on\s+)?(?:what|which)\s+(?:date|day|night|evening|morning|weekend))\s+"
                       r"(?:did|was|were|had)\b", re.I)


def _tells_a_day(item: Evidence) -> bool:
    """A message telling of a day other than the one it was said on."""
    return bool(item.about) and item.about != utc_day(item.created_at)


def _as_addressed(speaker: str) -> str:
    """An export that names its user "me" (Claude's) is read back to that user: "you said it"."""
    return "you" if speaker.strip().lower() in ("me", "i", "you") else speaker
