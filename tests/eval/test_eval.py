"""The benchmark: metrics, dataset format, and `second-me eval` end to end on a tiny dataset (fake models)."""

import json

from pathlib import Path

import pytest

from second_me.eval.dataset import ABILITIES, load_dataset
from second_me.eval.metrics import answer_correct, evidence_ranks, ndcg_at, prf, recall_at

TINY = [
    {"type": "turn", "conversation": "c1", "speaker": "Ana", "text": "My cat is called Miso, a grey tabby.",
     "timestamp": "2024-01-05T10:00:00Z", "id": "t1"},
    {"type": "turn", "conversation": "c1", "speaker": "assistant", "role": "assistant", "text": "Noted.",
     "timestamp": "2024-01-05T10:01:00Z", "id": "t2"},
    {"type": "turn", "conversation": "c2", "speaker": "Ana", "text": "I work at the bakery on the corner.",
     "timestamp": "2024-02-05T10:00:00Z", "id": "t3"},
    {"type": "turn", "conversation": "c3", "speaker": "Ana", "text": "I now work at the library downtown.",
     "timestamp": "2024-05-05T10:00:00Z", "id": "t4"},
    {"type": "note", "path": "notes/plants.md", "text": "# Plants\n\nWater the monstera every Sunday.\n",
     "timestamp": "2024-03-01T12:00:00Z"},
    {"type": "question", "id": "q1", "ability": "information-extraction", "question": "What is my cat called?",
     "answer": "Miso", "evidence": ["t1"]},
    {"type": "question", "id": "q2", "ability": "knowledge-update", "question": "Where do I work now?",
     "answer": "library", "evidence": ["t4"], "now": "2024-06-01T00:00:00Z"},
    {"type": "question", "id": "q3", "ability": "information-extraction", "question": "When do I water the monstera?",
     "answer": "Sunday", "evidence": ["note:notes/plants.md"]},
    {"type": "question", "id": "q4", "ability": "abstention", "question": "quantum chromodynamics lattice gauge",
     "answer": None, "evidence": []},
]


def test_metrics():
    ranks = evidence_ranks([{"x"}, {"a"}, set(), {"a", "b"}], ["a", "b", "c"])
    assert ranks == [2, 4]
    assert recall_at(ranks, 3, 2) == pytest.approx(1 / 3) and recall_at(ranks, 3, 10) == pytest.approx(2 / 3)
    assert ndcg_at([1], 1, 10) == 1.0 and ndcg_at([], 2, 10) == 0.0
    assert ndcg_at([2], 1, 10) == pytest.approx(1 / 1.5849625, rel=1e-6)
    assert prf([True, True, False, False], [True, False, True, False]) == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


@pytest.mark.parametrize("response, gold, abstained, correct", [
    ("Your cat is called Miso [1].", "Miso", False, True),
    ("It is at 9.45 [2]", "9:45", False, True),
    ("Pastéis de nata!", "pasteis de nata", False, True),
    ("Misoshiru", "Miso", False, False),
    ("Surgery is booked for May 14th.", "May 14", False, True),
    ("Surgery is booked for May 14.", "May 4", False, False),
    ("I don't know.", None, False, True),
    ("Your brother is Tom.", None, False, False),
    ("anything", "Miso", True, False),
    ("Three plants [1].", "3", False, True),  # a count in words is the count
    ("$16000 over asking [2].", "$16,000", False, True),
    ("$1,600 over asking [2].", "$16,000", False, False),
    ("Thirteen minutes.", "3 minutes", False, False),
    ("Sam: “sprained my ankle at five-a-side” [1] Sam: “20 minutes of holding a stick” [2]", "2", False, False),
])
def test_answer_match(response, gold, abstained, correct):
    assert answer_correct(response, gold, abstained) is correct


def test_an_answer_may_match_another_accepted_form():
    assert answer_correct("It was on 5 July.", "2023-07-05", False, ("5 July", "July 5"))
    assert answer_correct("On 2023-07-05.", "2023-07-05", False, ("5 July",))
    assert not answer_correct("On 15 July.", "2023-07-05", False, ("5 July", "July 5"))


def test_a_day_matches_however_it_is_written():
    assert answer_correct("On 2024-05-14, the day of the surgery [3].", "May 14", False)
    assert answer_correct("On November 18, 2023 [1].", "2023-11-18", False)
    assert answer_correct("The 15th of March [2].", "15 March", False)
    assert not answer_correct("On 2023-11-19 [1].", "2023-11-18", False)
    assert not answer_correct("On 2022-11-18 [1].", "2023-11-18", False)
    assert not answer_correct("June 23 [1].", "22–23 June", False)  # a range is not one of its days


@pytest.mark.parametrize("name", [None, "noor", "doug"])
def test_builtin_people_cover_longmemevals_five_abilities(name):
    data = load_dataset(Path(name) if name else None)
    assert data.name == (f"{name}-benchmark.jsonl" if name else "memory-benchmark.jsonl")
    abilities = {q.ability for q in data.questions}
    assert abilities == {"information-extraction", "multi-session", "temporal", "knowledge-update", "abstention"}
    assert abilities <= set(ABILITIES)
    turn_ids = {t.external_id for t in data.turns}
    notes = {"note:" + n.path for n in data.notes}
    for q in data.questions:
        assert (q.answer is None) == (q.ability == "abstention") == (not q.evidence), q.id
        assert set(q.evidence) <= turn_ids | notes, q.id


@pytest.mark.parametrize("line, words", [
    ({"type": "question", "id": "q", "ability": "guessing", "question": "?", "answer": None}, "ability must be"),
    ({"type": "turn", "conversation": "c", "speaker": "A", "text": "t", "timestamp": "soon", "id": "1"}, "invalid timestamp"),
    ({"type": "turn", "speaker": "A"}, "missing field"),
    ({"type": "poem"}, "unknown type"),
    ({"type": "question", "id": "q", "ability": "request", "question": "?", "answer": "x", "aliases": "x"},
     "aliases must be a list"),
])
def test_bad_dataset_lines_are_rejected(tmp_path, run_cli, line, words):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(line) + "\n")
    result = run_cli("eval", "--dataset", str(path), "--no-answers")
    assert result.code == 3 and "bad.jsonl line 1" in result.err and words in result.err


def test_eval_end_to_end_on_a_tiny_dataset(tmp_path, run_cli):
    dataset = tmp_path / "tiny.jsonl"
    dataset.write_text("\n".join(json.dumps(row) for row in TINY) + "\n")
    out = tmp_path / "report.json"
    result = run_cli("eval", "--dataset", str(dataset), "--json-out", str(out))
    assert result.code == 0, result.err
    assert "hybrid+time" in result.out and "abstention" in result.out and "answers by fake chat model" in result.out
    assert "evidence does not: 0" in result.out
    report = json.loads(out.read_text())
    assert set(report["retrieval"]) == {"bm25", "vectors", "hybrid", "hybrid+time", "hybrid+time, no decay",
                                        "hybrid+time+facts", "full"}
    assert report["facts"] >= 2 and report["summaries"] >= 1  # "I work at ..." by rule; sessions, notes
    assert len(report["abstention"]["held_out"]) == 2
    full = report["retrieval"]["full"]
    assert full["overall"]["n"] == 3 and full["overall"]["recall@10"] == 1.0
    assert full["knowledge-update"]["recall@5"] == 1.0
    assert report["abstention"]["recall"] == 1.0  # the unrelated question is not answered
    answers = {d["id"]: d for d in report["answers"]["details"]}
    assert answers["q1"]["correct"] and answers["q4"]["abstained"]
    assert report["answers"]["accuracy"]["overall"]["n"] == 4


def test_a_found_fact_counts_as_the_turn_it_came_from(tmp_path, settings):
    from second_me.eval.runner import run
    from second_me.models.fake import FakeChatModel, FakeEmbedder
    from second_me.services import Services
    from second_me.storage.store import open_store

    rows = [{"type": "turn", "conversation": "c1", "speaker": "Ana", "text": "I work at the library downtown.",
             "timestamp": "2024-05-05T10:00:00Z", "id": "t1"},
            {"type": "question", "id": "q1", "ability": "knowledge-update", "question": "Where do I work?",
             "answer": "library", "evidence": ["t1"]}]
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")

    def open_fake(eval_settings, clock):
        return Services(eval_settings, open_store(eval_settings), FakeEmbedder(), FakeChatModel(), clock)

    report = run(load_dataset(path), settings, open_fake, answers=False,
                 ablations={"facts only": dict(kinds=("fact",)), "turns only": dict(kinds=("message",))})
    assert report["facts"] == 1
    assert report["retrieval"]["facts only"]["overall"]["recall@10"] == 1.0  # found through the fact alone
    assert report["retrieval"]["turns only"]["overall"]["recall@10"] == 1.0


def test_eval_leaves_the_users_memory_alone(tmp_path, run_cli, home):
    dataset = tmp_path / "tiny.jsonl"
    dataset.write_text("\n".join(json.dumps(row) for row in TINY) + "\n")
    assert run_cli("eval", "--dataset", str(dataset), "--no-answers").code == 0
    assert not (home / "memory.db").exists()
