"""The shipped benchmarks: reproduced by their generators, with evidence that exists and holds the answer."""

import importlib
import json
import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from second_me.eval.dataset import BUILTIN, builtin_path, load_dataset

GENERATORS = {"memory-benchmark": "bench.make_eval", "noor": "bench.make_eval_noor", "doug": "bench.make_eval_doug",
              "friends": "bench.make_eval_friends", "everyday": "bench.make_eval_everyday",
              "dates": "bench.make_eval_dates", "siblings": "bench.make_eval_siblings",
              "flatmates": "bench.make_eval_flatmates", "couple": "bench.make_eval_couple",
              "wanjiru": "bench.make_eval_wanjiru", "colleagues": "bench.make_eval_colleagues",
              "penpals": "bench.make_eval_penpals", "halvor": "bench.make_eval_halvor",
              "neighbours": "bench.make_eval_neighbours", "cousins": "bench.make_eval_cousins",
              "bandmates": "bench.make_eval_bandmates", "marisol": "bench.make_eval_marisol",
              "classmates": "bench.make_eval_classmates", "teacher": "bench.make_eval_teacher"}


@pytest.mark.parametrize("name", sorted(BUILTIN))
def test_the_generator_reproduces_the_shipped_file_byte_for_byte(name):
    from bench import eval_history

    module = importlib.import_module(GENERATORS[name])
    rows = module.build() if hasattr(module, "build") else eval_history.build(module.LIFE)
    generated = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    assert generated == builtin_path(name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def friends():
    return load_dataset(Path("friends"))


def _day(turn) -> date:
    return datetime.fromtimestamp(turn.timestamp, timezone.utc).date()


def test_the_friends_chat_is_long_and_spread_over_months(friends):
    sessions = Counter(t.conversation for t in friends.turns)
    days = sorted(_day(t) for t in friends.turns)
    assert 350 <= len(friends.turns) <= 600 and len(sessions) >= 20
    assert (days[-1] - days[0]).days >= 6 * 30
    assert 120 <= len(friends.questions) <= 180
    assert {(t.speaker, t.role) for t in friends.turns} == {("Nina", "user"), ("Sam", "other"), ("Olu", "other")}
    speakers = {}
    for turn in friends.turns:
        speakers.setdefault(turn.conversation, set()).add(turn.speaker)
    assert any(len(people) == 3 for people in speakers.values())  # a group chat
    times = [t.timestamp for t in friends.turns]
    assert times == sorted(times) and len(set(times)) == len(times)


def test_every_friends_question_points_at_turns_that_exist(friends):
    turns = {t.external_id: t for t in friends.turns}
    abilities = Counter(q.ability for q in friends.questions)
    assert set(abilities) == {"information-extraction", "multi-session", "temporal", "knowledge-update", "gathering",
                              "photo", "inference", "attribution", "abstention"}
    for q in friends.questions:
        assert set(q.evidence) <= set(turns), q.id
        if q.ability == "abstention":
            assert q.answer is None and not q.evidence and q.actually is None, q.id
        elif q.ability == "attribution":
            # Nothing to answer about the person asked of; the evidence shows who it really was.
            assert q.answer is None and q.actually in {"Nina", "Sam", "Olu"} and q.evidence, q.id
            assert {turns[e].speaker for e in q.evidence} == {q.actually}, q.id
        else:
            assert q.answer and q.evidence and q.actually is None, q.id
        if q.ability == "gathering":
            assert len(q.evidence) >= 2 and len({turns[e].conversation for e in q.evidence}) >= 2, q.id
        if q.ability == "photo":
            assert any(turns[e].text.startswith("[photo:") for e in q.evidence), q.id


def test_the_siblings_set_is_complete_and_points_at_turns_that_exist():
    siblings = load_dataset(Path("siblings"))
    assert {(t.speaker, t.role) for t in siblings.turns} == {("Priya", "user"), ("Dev", "other"), ("Mum", "other")}
    assert len({t.conversation for t in siblings.turns}) >= 12 and len(siblings.questions) >= 60
    assert len({q.ability for q in siblings.questions}) == 9
    _each_question_points_at_its_turns(siblings, gathering_from=2)


def test_the_flatmates_set_is_complete_and_points_at_turns_that_exist():
    flatmates = load_dataset(Path("flatmates"))
    _a_chat_set_with_a_group_chat(flatmates, {("Leah", "user"), ("Kofi", "other"), ("Rosa", "other")}, sessions=20)
    assert len(flatmates.questions) >= 70


def test_the_couple_set_is_complete_and_points_at_turns_that_exist():
    couple = load_dataset(Path("couple"))
    _a_chat_set_with_a_group_chat(couple, {("Owen", "user"), ("Mei", "other"), ("Catriona", "other")}, sessions=26)
    assert 320 <= len(couple.turns) <= 400
    assert 85 <= len(couple.questions) <= 100
    swapped = [q for q in couple.questions if q.ability == "attribution" and q.actually in {"Owen", "Mei"}]
    assert len(swapped) >= 4


def test_the_colleagues_set_is_complete_and_points_at_turns_that_exist():
    colleagues = load_dataset(Path("colleagues"))
    people = {"Declan", "Harriet", "Orla"}
    _a_chat_set_with_a_group_chat(colleagues, {("Declan", "user"), ("Harriet", "other"), ("Orla", "other")},
                                  sessions=22)
    assert len({t.conversation for t in colleagues.turns}) <= 28 and 320 <= len(colleagues.turns) <= 420
    assert 90 <= len(colleagues.questions) <= 100
    swapped = [q for q in colleagues.questions if q.ability == "attribution"]
    assert len([q for q in swapped if q.actually in {"Declan", "Harriet"}]) >= 4
    for q in swapped:
        # Asked of someone else: in the user's own voice ("I", "my") or by another's name, never the doer's.
        asked_of = {"Declan"} if re.search(r"\b(I|my|me)\b", q.question) else {p for p in people if p in q.question}
        assert q.actually not in q.question and asked_of and q.actually not in asked_of, q.id


def test_the_penpals_set_is_complete_and_points_at_turns_that_exist():
    penpals = load_dataset(Path("penpals"))
    people = {"Bronwen", "Tariq"}
    _a_chat_set_of_two(penpals, {("Bronwen", "user"), ("Tariq", "other")}, sessions=22)
    assert len({t.conversation for t in penpals.turns}) <= 28 and 380 <= len(penpals.turns) <= 480
    assert 90 <= len(penpals.questions) <= 100
    swapped = [q for q in penpals.questions if q.ability == "attribution"]
    assert len([q for q in swapped if q.actually in people]) >= 4
    _each_asked_of_the_other(swapped, people, user="Bronwen")


@pytest.mark.parametrize("name, user, other, sessions, most_turns, months", [
    ("neighbours", "Marcel", "Lieve", 20, 480, 8),
    ("cousins", "Josie", "Ruben", 22, 450, 7),
    ("bandmates", "Dom", "Bea", 22, 450, 10),
    ("classmates", "Zanele", "Hugo", 22, 480, 10),
    ("teacher", "Elspeth", "Callum", 24, 480, 10),
])
def test_a_chat_set_of_two_held_out_in_its_round_is_complete(name, user, other, sessions, most_turns, months):
    """Two people texting one to one for most of a year, each doing things the questions pin on the other."""
    data = load_dataset(Path(name))
    people = {user, other}
    _a_chat_set_of_two(data, {(user, "user"), (other, "other")}, sessions=sessions)
    days = sorted(_day(t) for t in data.turns)
    assert len({t.conversation for t in data.turns}) <= 26 and 380 <= len(data.turns) <= most_turns
    assert (days[-1] - days[0]).days >= months * 30
    assert 95 <= len(data.questions) <= 100
    swapped = [q for q in data.questions if q.ability == "attribution"]
    assert all(len([q for q in swapped if q.actually == doer]) >= 4 for doer in people)
    _each_asked_of_the_other(swapped, people, user=user)


def _each_asked_of_the_other(swapped, people: set, user: str) -> None:
    """Each question pinning one's doing on the other is asked of the other one: in the user's own voice
    ("I", "my") or by the other's name, never the doer's."""
    for q in swapped:
        asked_of = {user} if re.search(r"\b(I|my|me)\b", q.question) else {p for p in people if p in q.question}
        assert q.actually in people and q.actually not in q.question and asked_of == people - {q.actually}, q.id


def _a_chat_set_of_two(dataset, people: set, sessions: int) -> None:
    """Two people (speaker, role) texting one to one in `sessions` conversations or more, no one else in
    any of them; as every chat set (`_turns_in_order_and_questions_of_every_kind`)."""
    speakers = _speakers_by_conversation(dataset, people)
    assert len(speakers) >= sessions and all(said == {p for p, _ in people} for said in speakers.values())
    _turns_in_order_and_questions_of_every_kind(dataset)


def _a_chat_set_with_a_group_chat(dataset, people: set, sessions: int) -> None:
    """These people (speaker, role) in `sessions` conversations or more, one of them a group chat of
    three; as every chat set (`_turns_in_order_and_questions_of_every_kind`)."""
    speakers = _speakers_by_conversation(dataset, people)
    assert len(speakers) >= sessions and any(len(said) == 3 for said in speakers.values())  # a group chat
    _turns_in_order_and_questions_of_every_kind(dataset)


def _speakers_by_conversation(dataset, people: set) -> dict[str, set]:
    """conversation → who speaks in it; the set's speakers are exactly `people` (speaker, role)."""
    assert {(t.speaker, t.role) for t in dataset.turns} == people
    speakers: dict[str, set] = {}
    for turn in dataset.turns:
        speakers.setdefault(turn.conversation, set()).add(turn.speaker)
    return speakers


def _turns_in_order_and_questions_of_every_kind(dataset) -> None:
    """Turns in time order, none at the same moment; questions of all nine kinds, each pointing at
    its turns, a photo question at a photo."""
    times = [t.timestamp for t in dataset.turns]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert len({q.ability for q in dataset.questions}) == 9
    _each_question_points_at_its_turns(dataset, gathering_from=3)
    turns = {t.external_id: t for t in dataset.turns}
    for q in dataset.questions:
        if q.ability == "photo":
            assert any(turns[e].text.startswith("[photo:") for e in q.evidence), q.id


def _each_question_points_at_its_turns(dataset, gathering_from: int) -> None:
    """Evidence names turns that exist; a swapped question's turns are the other person's; a question
    never answered has none; a gathering question's come from `gathering_from` conversations or more."""
    turns = {t.external_id: t for t in dataset.turns}
    for q in dataset.questions:
        assert set(q.evidence) <= set(turns), q.id
        if q.ability == "attribution":
            assert q.answer is None and {turns[e].speaker for e in q.evidence} == {q.actually}, q.id
        elif q.ability == "abstention":
            assert q.answer is None and not q.evidence, q.id
        else:
            assert q.answer and q.evidence, q.id
        if q.ability == "gathering":
            assert len({turns[e].conversation for e in q.evidence}) >= gathering_from, q.id


def _month_day(day: date) -> str:
    return f"{day:%B} {day.day}"


# Wanjiru's answers that no message states word for word: (words the evidence says, the answer
# worked out from the days of the evidence turns, in order, and the day the questions are asked).
WANJIRU_WORKED = {
    "How much does Kimani still owe me?": (("45,000", "15,000", "10,000"), lambda d, now: f"{45_000 - 15_000 - 2 * 10_000:,}"),
    "How much has Kimani paid back so far?": (("15,000", "10,000"), lambda d, now: f"{15_000 + 2 * 10_000:,}"),
    "What did the foundation, the walls and the roof of the house cost altogether?":
        (("1,100,000", "850,000", "620,000"), lambda d, now: f"{1_100_000 + 850_000 + 620_000:,}"),
    "By how much did the foundation go over what I budgeted for it?":
        (("Foundation: 950,000", "1,100,000"), lambda d, now: f"{1_100_000 - 950_000:,}"),
    "How much more did the Mazda cost than I got for the Premio?":
        (("780,000", "2,350,000"), lambda d, now: f"{2_350_000 - 780_000:,}"),
    "How much has my HbA1c come down since the work medical?": (("6.3", "5.8"), lambda d, now: f"{6.3 - 5.8:.1f}"),
    "by how many minutes did I beat my half marathon goal":
        (("2 hours 45 minutes", "2 hours 38 minutes"), lambda d, now: f"{45 - 38} minutes"),
    "How big is the chama pot now when it's someone's turn?": (("12 members", "7,000"), lambda d, now: f"{12 * 7_000:,}"),
    "How many times have I been out of the country since January 2024?": (("Kigali", "Joburg"), lambda d, now: str(len(d))),
    "What have Simba's vet visits cost me in total?": (("4,800", "3,500"), lambda d, now: f"{4_800 + 3_500:,}"),
    "How many years older is Baraka than Njeri?": (("turned 10", "16 years old"), lambda d, now: str(16 - 10)),
    "How much faster is my 10 km now than the first time I ran it without walking?":
        (("1 hour 14 minutes", "61 minutes"), lambda d, now: f"{60 + 14 - 61} minutes"),
    "When did Mum have her cataract operation?": (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "What day was Wambui's baby born?": (("last night",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When was our housewarming party?": (("last Saturday",), lambda d, now: _month_day(_last(5, d[0]))),
    "what date did I fly to Johannesburg": (("tomorrow",), lambda d, now: _month_day(d[0] + timedelta(days=1))),
    "When did we move into the Kitengela house?": (("today",), lambda d, now: _month_day(d[0])),
    "On what date did I run the half marathon?": (("this morning", "27 October"), lambda d, now: _month_day(d[0])),
    "When did Kimani last send me money?": (("Kimani sent",), lambda d, now: _month_day(d[0])),
    "When was Mum's 70th birthday party?": (("today",), lambda d, now: _month_day(d[0])),
    "In which month did the roof go on the house?": (("over the weekend",), lambda d, now: f"{d[0]:%B}"),
    "How many weeks after we moved in was the housewarming?":
        (("today", "last Saturday"), lambda d, now: f"{(_last(5, d[1]) - d[0]).days // 7} weeks"),
    "How long ago did I run the half marathon?": (("this morning",), lambda d, now: f"{round((now - d[0]).days / 30.44)} months"),
    "What was I celebrating on September 14 last year?":
        (("birthday",), lambda d, now: "birthday" if d[0] == date(now.year - 1, 9, 14) else "another day"),
}
# Asked relative to the moment of asking: how many days before it the evidence was said.
WANJIRU_BEFORE_NOW = {"What did I do yesterday?": 1, "What did I get up to last Saturday morning?": 6}


def _a_person_set_is_complete(name: str, user: str, worked_out: dict, before_now: dict) -> None:
    """A person telling an assistant (Wanjiru's, Halvor's, Marisol's shape): its size, its kinds of question,
    and each gold answer in its evidence, or worked out from the evidence's numbers and days."""
    data = load_dataset(Path(name))
    turns = {t.external_id: t for t in data.turns}
    notes = {"note:" + n.path: n for n in data.notes}
    days = sorted(_day(t) for t in data.turns)
    assert 500 <= len(data.turns) <= 800 and len({t.conversation for t in data.turns}) >= 100
    assert (days[-1] - days[0]).days >= 16 * 30 and {(t.speaker, t.role) for t in data.turns} == {
        (user, "user"), ("assistant", "assistant")}
    times = [t.timestamp for t in data.turns]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert 4 <= len(notes) <= 5 and all(n.text.startswith("# ") for n in data.notes)
    counts = Counter(q.ability for q in data.questions)
    assert 95 <= len(data.questions) <= 110
    assert 24 <= counts["information-extraction"] <= 30 and 13 <= counts["multi-session"] <= 18
    assert 18 <= counts["temporal"] <= 23 and 12 <= counts["knowledge-update"] <= 16
    assert 22 <= counts["abstention"] <= 28 and len(counts) == 5
    now = datetime.fromtimestamp(data.questions[0].now, timezone.utc).date()
    assert all(q.now == data.questions[0].now for q in data.questions)
    assert max(days) < now
    for q in data.questions:
        assert set(q.evidence) <= set(turns) | set(notes), q.id
        if q.answer is None:
            assert q.ability == "abstention" and not q.evidence, q.id
            continue
        assert q.evidence and q.ability != "abstention", q.id
        texts = [(turns.get(e) or notes[e]).text.lower() for e in q.evidence]
        if q.ability == "multi-session":
            assert len(q.evidence) >= 2, q.id
        if q.question in worked_out:
            said, worked = worked_out[q.question]
            assert all(any(s.lower() in text for text in texts) for s in said), q.id
            assert worked([_day(turns[e]) for e in q.evidence if e in turns], now) == q.answer, q.id
        else:
            assert any(q.answer.lower() in text for text in texts), q.id
        if q.question in before_now:
            assert _day(turns[q.evidence[0]]) == now - timedelta(days=before_now[q.question]), q.id
    assert set(worked_out) | set(before_now) <= {q.question for q in data.questions}


def test_the_wanjiru_set_is_complete_and_each_gold_is_in_its_evidence():
    _a_person_set_is_complete("wanjiru", "Wanjiru", WANJIRU_WORKED, WANJIRU_BEFORE_NOW)


# Halvor's answers that no message states word for word: (words the evidence says, the answer
# worked out from the days of the evidence turns, in order, and the day the questions are asked).
HALVOR_WORKED = {
    "How much did I get for the house and the Volvo together?":
        (("4,650,000", "22,000"), lambda d, now: f"{4_650_000 + 22_000:,}"),
    "How much was left from the house money after I bought the flat?":
        (("4,650,000", "3,900,000"), lambda d, now: f"{4_650_000 - 3_900_000:,}"),
    "How much has my LDL dropped since I started on statins?": (("4.4", "3.1"), lambda d, now: f"{4.4 - 3.1:.1f}"),
    "how many kilos have I lost since I started weighing myself before the knee op":
        (("96 kg", "87 kg"), lambda d, now: f"{96 - 87} kg"),
    "What did the piston rings and the new propeller cost together?":
        (("3,450", "5,200"), lambda d, now: f"{3_450 + 5_200:,}"),
    "How many points has my chess rating gone up since March 2024?": (("1420", "1615"), lambda d, now: str(1615 - 1420)),
    "How many weeks was I away on the Edinburgh and Gran Canaria trips put together?":
        (("two weeks", "One week"), lambda d, now: f"{2 + 1} weeks"),
    "How much more an hour does the museum pay me now than when I started?":
        (("250 kr an hour", "275 kr an hour"), lambda d, now: f"{275 - 250} kr"),
    "By how much did the felleskostnader on the flat go up?": (("3,850", "4,120"), lambda d, now: f"{4_120 - 3_850:,}"),
    "How much more did the e-Golf cost than I got for the Volvo?":
        (("22,000", "129,000"), lambda d, now: f"{129_000 - 22_000:,}"),
    "How many times have I been abroad since I retired?": (("Edinburgh", "Gran Canaria"), lambda d, now: str(len(d))),
    "How many km did I ski altogether at Kvamskogen this winter?": (("8 km", "15 km"), lambda d, now: f"{8 + 15} km"),
    "how many rating points am I behind Gunvor, going by the last numbers":
        (("1640", "1615"), lambda d, now: str(1640 - 1615)),
    "What did the flat and the movers cost me together?":
        (("3,900,000", "14,500"), lambda d, now: f"{3_900_000 + 14_500:,}"),
    "When did Arne have his hip done?": (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "what date did I fly to Edinburgh": (("tommorow",), lambda d, now: _month_day(d[0] + timedelta(days=1))),
    "When did I climb Arthur's Seat?": (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When did I meet the estate agent about selling the house?": (("on Tuesday",), lambda d, now: _month_day(_next(1, d[0]))),
    "When did I get my new knee?": (("this morning",), lambda d, now: _month_day(d[0])),
    "How many days was I in hospital for the knee?":
        (("this morning", "since yesterday"), lambda d, now: f"{(d[1] - timedelta(days=1) - d[0]).days} days"),
    "When was Tuva born?": (("last night",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When did I sell the Volvo?": (("two weeks ago",), lambda d, now: _month_day(d[0] - timedelta(days=14))),
    "when was the museum julebord": (("last night",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "What day did I ski the 15 km at Kvamskogen?": (("on Saturday",), lambda d, now: _month_day(_last(5, d[0]))),
    "When did I fly to Gran Canaria?": (("tomorrow",), lambda d, now: _month_day(d[0] + timedelta(days=1))),
    "When is Freya's birthday?": (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When did the Solveig go in the water?": (("this morning",), lambda d, now: _month_day(d[0])),
    "In which month did the Sabb run again for the first time?": (("THE SABB RUNS",), lambda d, now: f"{d[0]:%B}"),
    "In what month did Eirik get engaged?": (("last weekend",), lambda d, now: f"{_last_weekend(d[0]):%B}"),
    "How long ago did I move to Sandviken?": (("today",), lambda d, now: f"{round((now - d[0]).days / 30.44)} months"),
    "How long ago was Tuva born?":
        (("last night",), lambda d, now: f"{round((now - d[0] + timedelta(days=1)).days / 30.44)} months"),
    "What happened on June 7 last year?":
        (("Last shift",), lambda d, now: "Last shift" if d[0] == date(now.year - 1, 6, 7) else "another day"),
    "When did I start at the maritime museum?": (("First day",), lambda d, now: _month_day(d[0])),
    "How many months after I retired did I start at the museum?":
        (("Last shift", "First day"), lambda d, now: f"{d[1].month - d[0].month} months"),
}
# Asked relative to the moment of asking: how many days before it the evidence was said.
HALVOR_BEFORE_NOW = {"What did I do yesterday?": 1, "what did I do last Saturday": 5}


def test_the_halvor_set_is_complete_and_each_gold_is_in_its_evidence():
    _a_person_set_is_complete("halvor", "Halvor", HALVOR_WORKED, HALVOR_BEFORE_NOW)


# Marisol's answers that no message states word for word: (words the evidence says, the answer
# worked out from the days of the evidence turns, in order, and the day the questions are asked).
MARISOL_WORKED = {
    "How much did the anaesthesia course cost me after Dr Ferrando's half?":
        (("18,000", "paying half"), lambda d, now: f"{18_000 // 2:,}"),
    "How much does Nico still owe me?":
        (("40,000", "12,000", "10,000"), lambda d, now: f"{40_000 - 12_000 - 2 * 10_000:,}"),
    "How much has my haemoglobin gone up since I started on iron?": (("10.2", "12.9"), lambda d, now: f"{12.9 - 10.2:.1f}"),
    "How much more do I earn a month now than before I was head nurse?":
        (("48,000", "60,000"), lambda d, now: f"{60_000 - 48_000:,}"),
    "How much is my half of the rent now?": (("split", "36,500"), lambda d, now: f"{36_500 // 2:,}"),
    "How much has the rent in Malvín gone up since we moved in?":
        (("34,000", "36,500"), lambda d, now: f"{36_500 - 34_000:,}"),
    "How much have Gonzalo and I lent to family between us?":
        (("40,000", "25,000"), lambda d, now: f"{40_000 + 25_000:,}"),
    "How many times have I been abroad since March last year?":
        (("Buenos Aires", "Florianópolis", "Santiago"), lambda d, now: str(len(d))),
    "How many more points did I get in the final anaesthesia exam than in the first module?":
        (("88 out of 100", "91 out of 100"), lambda d, now: str(91 - 88)),
    "How many fewer migraines a month am I getting since the topiramate went up to 50 mg?":
        (("4 migraines a month", "1 migraine"), lambda d, now: str(4 - 1)),
    "How much further was the river crossing than my first swim at Club Sirena?":
        (("1,000 metres", "3 km"), lambda d, now: f"{3_000 - 1_000:,} metres"),
    "How much older am I than Abril?":
        (("40 today", "turned 13"), lambda d, now: f"{(d[1].year - 13) - (d[0].year - 40)} years"),
    "What do my salary and Abril's child support come to a month now?":
        (("60,000", "9,000"), lambda d, now: f"{60_000 + 9_000:,}"),
    "When did I go up to Salto for Semana de Turismo last year?":
        (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When did Mamá get her pacemaker?": (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When was my appointment to have the crown fitted?":
        (("in two weeks",), lambda d, now: _month_day(d[0] + timedelta(days=14))),
    "what date did I take the Buquebus to Buenos Aires":
        (("tommorow",), lambda d, now: _month_day(d[0] + timedelta(days=1))),
    "When was Valeria's wedding?": (("on Saturday", "19 October"), lambda d, now: _month_day(_last(5, d[0]))),
    "When is Abril's birthday?": (("yesterday",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When did the labrador with the corn cob have his surgery?":
        (("Last Friday",), lambda d, now: _month_day(_last(4, d[0]))),
    "When did I sit the final exam for the anaesthesia certificate?": (("this morning",), lambda d, now: _month_day(d[0])),
    "How many weeks after the final exam did I find out I'd passed?":
        (("this morning", "PASSED"), lambda d, now: f"{(d[1] - d[0]).days // 7} weeks"),
    "When did we leave for Florianópolis?": (("tonight",), lambda d, now: _month_day(d[0])),
    "How many days were we away in Brazil?":
        (("tonight", "Home from Brazil"), lambda d, now: f"{(d[1] - d[0]).days} days"),
    "When was the Desfile de Llamadas?": (("last night",), lambda d, now: _month_day(d[0] - timedelta(days=1))),
    "When did I swim the river crossing?": (("this morning",), lambda d, now: _month_day(d[0])),
    "What date did I fly to Santiago?": (("on Wednesday",), lambda d, now: _month_day(_next(2, d[0]))),
    "In which month did I start swimming with the masters group?":
        (("Joined the masters swimming group",), lambda d, now: f"{d[0]:%B}"),
    "What happened on July 27 last year?":
        (("Coqui is adopted", "today"),
         lambda d, now: "Coqui is adopted" if d[0] == date(now.year - 1, 7, 27) else "another day"),
    "How long ago did we move to Malvín?": (("today",), lambda d, now: f"{round((now - d[0]).days / 30.44)} months"),
    "How long have I been head nurse?":
        (("First day as head nurse",), lambda d, now: f"{round((now - d[0]).days / 30.44)} months"),
}
# Asked relative to the moment of asking: how many days before it the evidence was said.
MARISOL_BEFORE_NOW = {"What did I do yesterday?": 1, "What did I do last Saturday?": 5}


def test_the_marisol_set_is_complete_and_each_gold_is_in_its_evidence():
    _a_person_set_is_complete("marisol", "Marisol", MARISOL_WORKED, MARISOL_BEFORE_NOW)


def _last(weekday: int, day: date) -> date:
    """The last such weekday before `day` (Monday is 0)."""
    day -= timedelta(days=1)
    while day.weekday() != weekday:
        day -= timedelta(days=1)
    return day


def _next(weekday: int, day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def _last_weekend(day: date) -> date:
    """The Saturday of the weekend before the week `day` is in."""
    return _last(5, day - timedelta(days=day.weekday()))


# (question, which evidence turn, what it says, the date that means counted from the turn's own date)
RELATIVE = [
    ("when did sam sprain his ankle", 0, "last night", lambda d: d - timedelta(days=1)),
    ("When did Nina sign up for cello lessons?", 0, "yesterday", lambda d: d - timedelta(days=1)),
    ("When was my Grade 1 cello exam?", 0, "this morning", lambda d: d),
    ("When did Nugget escape?", 0, "three days ago", lambda d: d - timedelta(days=3)),
    ("When did Nina and Jamie bring Pepper home?", 0, "on Saturday", lambda d: _last(5, d)),
    ("When did Pepper swallow the sock?", 0, "on Wednesday", lambda d: _last(2, d)),
    ("When was Nina's interview at Cotham Park?", 0, "on Thursday", lambda d: _next(3, d)),
    ("When was Keith's hip operation?", 0, "next Monday", lambda d: _next(0, d)),
    ("When was Keith's hip operation?", 1, "on Monday", lambda d: _last(0, d)),
    ("When did Nina go camping in the Brecon Beacons?", 0, "last weekend", _last_weekend),
    ("What day did we climb Pen y Fan?", 1, "on the Sunday", lambda d: _last_weekend(d) + timedelta(days=1)),
    ("When did Kate and Iris come to stay with Nina?", 0, "last weekend", _last_weekend),
    ("When was Nina's mum's 60th birthday party?", 0, "two weekends ago",
     lambda d: _last_weekend(d) - timedelta(days=7)),
    ("When was Nina's mum's 60th birthday party?", 1, "on Saturday", lambda d: _next(5, d)),
    ("When does Little Fires start at Kirkgate Market?", 0, "next month", lambda d: f"{d.year}-{d.month + 1:02d}"),
    ("When did Sam's family go to Whitby before this summer?", 0, "last year", lambda d: str(d.year - 1)),
]


@pytest.mark.parametrize("question, index, phrase, meaning", RELATIVE, ids=[f"{r[0]} ({r[2]})" for r in RELATIVE])
def test_a_relative_date_gold_is_the_messages_own_date_plus_what_it_says(friends, question, index, phrase, meaning):
    q = next(q for q in friends.questions if q.question == question)
    turn = next(t for t in friends.turns if t.external_id == q.evidence[index])
    assert phrase.lower() in turn.text.lower()
    expected = meaning(_day(turn))
    assert q.answer == (expected.isoformat() if isinstance(expected, date) else expected)


def test_every_when_question_has_a_date_as_gold_and_readable_forms_of_it(friends):
    turns = {t.external_id: t for t in friends.turns}
    for q in (q for q in friends.questions if q.ability == "temporal"):
        parts = q.answer.split("-")
        gold = date(*map(int, parts)) if len(parts) == 3 else None
        said = _day(turns[q.evidence[0]])
        if gold:
            assert -7 <= (said - gold).days <= 14, q.id  # a few days either side of the message
            assert f"{gold.day} {gold.strftime('%B')}" in q.aliases, q.id
        else:
            assert len(parts) in (1, 2) and abs(int(parts[0]) - said.year) <= 1, q.id


@pytest.fixture(scope="module")
def everyday():
    return load_dataset(Path("everyday"))


def test_everyday_requests_are_answered_by_a_note_that_says_so(everyday):
    notes = {"note:" + n.path: n for n in everyday.notes}
    assert 10 <= len(notes) <= 20 and not everyday.turns
    assert all(n.text.startswith("# ") for n in everyday.notes)  # Markdown, with headings
    requests = [q for q in everyday.questions if q.ability == "request"]
    refused = [q for q in everyday.questions if q.ability == "abstention"]
    assert len(requests) >= 40 and len(refused) >= 10 and len(requests) + len(refused) == len(everyday.questions)
    for q in requests:
        assert q.evidence and set(q.evidence) <= set(notes), q.id
        assert q.answer.lower() in notes[q.evidence[0]].text.lower(), q.id
    assert all(q.answer is None and not q.evidence for q in refused)


def test_eval_runs_on_the_everyday_requests(run_cli):
    result = run_cli("eval", "--dataset", "everyday", "--no-answers")
    assert result.code == 0, result.err
    assert "everyday-benchmark.jsonl: 64 questions" in result.out and "request" in result.out


def test_the_report_shows_the_new_abilities(tmp_path, run_cli):
    rows = [
        {"type": "turn", "conversation": "c1", "speaker": "Ana", "text": "I took up pottery this spring.",
         "timestamp": "2024-03-05T10:00:00Z", "id": "t1"},
        {"type": "turn", "conversation": "c2", "speaker": "Bo", "role": "other",
         "text": "I sprained my ankle at football.",
         "timestamp": "2024-04-05T10:00:00Z", "id": "t2"},
        {"type": "turn", "conversation": "c3", "speaker": "Ana", "text": "Started climbing on Tuesdays.",
         "timestamp": "2024-05-05T10:00:00Z", "id": "t3"},
        {"type": "question", "id": "q1", "ability": "gathering", "question": "What hobbies has Ana taken up?",
         "answer": "climbing", "evidence": ["t1", "t3"], "aliases": ["pottery"]},
        {"type": "question", "id": "q2", "ability": "attribution", "question": "When did Ana sprain her ankle?",
         "answer": None, "evidence": ["t2"], "actually": "Bo"},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    data = load_dataset(path)
    assert data.questions[0].aliases == ("pottery",) and data.questions[1].actually == "Bo"
    result = run_cli("eval", "--dataset", str(path), "--no-answers")
    assert result.code == 0, result.err
    assert "gathering" in result.out and re.search(r"by ability: .*attribution [01]/1", result.out)
