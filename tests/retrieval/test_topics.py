"""The everyday topics a gathering question asks across, and the search that looks for what tells of one."""

import pytest

from second_me.retrieval.topics import topic_asked, topic_now


@pytest.mark.parametrize("question, topic", [
    ("What's been wrong with Ruben's health over the last year?", "health"),
    ("What illnesses and injuries has Harriet had this year?", "health"),
    ("How many times has Sam hurt himself this year?", "health"),
    ("Where has Ruben been away to in the last year?", "travel"),
    ("Where has Harriet travelled to this year?", "travel"),
    ("Where has Nina been on holiday this year?", "travel"),
    ("What big things has Lieve bought this year?", "purchases"),
    ("What has Ruben taken up since April?", "pastimes"),
    ("What new hobbies has Nina taken up this year?", "pastimes"),
    ("What jobs has Chloé had this year?", "work"),
    ("Where has Jonas worked?", "work"),
    ("Who has come to visit Harriet in Rotterdam?", "visitors"),
    ("What gifts did Tomás get for his birthday?", "gifts"),
    ("What has Ana sent me in the post this year?", "gifts"),
    ("What has Dad cooked for us since he retired?", "cooking"),
    ("What have I baked this month?", "cooking"),
    ("What have I grown on the allotment?", "growing"),
    ("What vegetables has Kofi planted this spring?", "growing"),
    ("How many jars of honey have my bees given me altogether?", None),  # an amount, not a present
    ("Where did Noemi grow up?", None),  # where she lived as a child, not what she grew
    # A question naming its own activity is left to its words.
    ("Where have I been swimming this year?", None),
    ("Where has Mei travelled for work this year?", None),
    ("What has Pickles got up to?", None),
    ("What jobs are left on the house?", None),
])
def test_the_topic_a_question_asks(question, topic):
    found = topic_asked(question)
    assert (found.name if found else None) == topic


@pytest.mark.parametrize("question, topic", [
    ("Where do Tariq and Hannah live now?", "home"),
    ("Where's home for Linda and me now?", "home"),
    ("What does Tariq do for a living now?", "job"),
    ("Which school does Nina teach at now?", "job"),
    ("Which team do I work in now?", "job"),
    ("What phone do I use now?", None),
    ("How does it work out now?", None),
])
def test_the_topic_a_question_of_now_asks(question, topic):
    found = topic_now(question)
    assert (found.name if found else None) == topic


def test_a_hit_telling_of_the_topic_covers_a_question_far_from_it():
    from datetime import datetime, timezone

    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import decide, signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    question = "What's been wrong with Tomás's health this year?"
    turn = Memory(1, "message", "Tomás: bad news, I broke my wrist on Saturday", 0.0, None, 30.0, 0, False, "active",
                  speaker="Tomás")

    def seen(told):
        return signals(SearchResult((Hit(turn, 1.0, 1.0, None, similarity=0.21),), 0.21,
                                    parsed=parse_query(question, datetime(2026, 10, 1, tzinfo=timezone.utc)),
                                    told_of_topic={1: told}), question)

    assert seen(0.64).covered and decide(seen(0.64), 0.25) is None
    assert not seen(0.3).covered and decide(seen(0.3), 0.25) is not None


def _job_question_signals(question, told, speaker="Aisha", position=0):
    from datetime import datetime, timezone

    from second_me.domain import Hit, Memory
    from second_me.retrieval.abstain import relevant_hits, signals
    from second_me.retrieval.hybrid import SearchResult
    from second_me.retrieval.query import parse_query

    turn = Memory(1, "message", f"{speaker}: I start at the hospital pharmacy on Monday", 0.0, None, 30.0, 0, False,
                  "active", speaker=speaker)
    other = Memory(2, "message", "Aisha: went to the AGM last night", 0.0, None, 40.0, 0, False, "active",
                   speaker="Aisha")
    hits = [Hit(other, 1.0, 1.0, None, similarity=0.15)]
    hits.insert(position, Hit(turn, 1.0, 1.0, None, similarity=0.21))
    result = SearchResult(tuple(hits), 0.21, parsed=parse_query(question, datetime(2026, 10, 1, tzinfo=timezone.utc)),
                          told_of_topic={1: told, 2: 0.1})
    return signals(result, question), [hit.memory.id for hit in relevant_hits(result, 0.25)]


def test_a_turn_telling_of_a_new_job_covers_a_question_of_it_in_other_words():
    from second_me.retrieval.abstain import decide

    # "job" is in no memory, and the turn is far from the question: yet it tells of a job begun.
    seen, kept = _job_question_signals("When does Aisha start her new job?", 0.49)
    assert seen.covered and decide(seen, 0.25, 0.44) is None
    assert 1 in kept  # and it is read, though below the similarity bar
    seen, kept = _job_question_signals("Where does Aisha work now?", 0.49, position=1)
    assert seen.covered and 1 in kept
    # Not when it tells less plainly of one, nor when it is someone else's news.
    assert not _job_question_signals("When does Aisha start her new job?", 0.3)[0].covered
    assert not _job_question_signals("When does Aisha start her new job?", 0.49, speaker="Pete")[0].covered
