"""search --person / --context and the dates a message tells of, as the user sees them."""

import json

from second_me.domain import Hit, Memory
from second_me.retrieval.context import format_memory


def _import(run_cli, tmp_path):
    records = [
        {"conversation": "weekend", "speaker": "Sam", "text": "how was the weekend?", "timestamp": "2023-07-06T09:00:00Z", "id": "1"},
        {"conversation": "weekend", "speaker": "Nina", "text": "We climbed Pen y Fan yesterday, my legs are gone",
         "timestamp": "2023-07-06T09:05:00Z", "id": "2"},
        {"conversation": "weekend", "speaker": "Sam", "text": "legend", "timestamp": "2023-07-06T09:06:00Z", "id": "3"},
    ]
    path = tmp_path / "chat.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert run_cli("import", "chat", str(path)).code == 0


def test_search_shows_a_hits_neighbours_and_the_date_it_tells_of(run_cli, tmp_path):
    _import(run_cli, tmp_path)
    out = run_cli("search", "Pen y Fan climb", "--context", "1", "-k", "1").out
    assert "about 2023-07-05" in out
    assert "Sam: how was the weekend?" in out and "> Nina: We climbed Pen y Fan" in out and "Sam: legend" in out
    found = run_cli("search", "Pen y Fan climb", "--context", "1", "-k", "1", "--json").json()["results"][0]
    assert [turn["speaker"] for turn in found["context"]] == ["Sam", "Nina", "Sam"]


def test_person_filters_and_an_unknown_person_is_not_found(run_cli, tmp_path):
    _import(run_cli, tmp_path)
    results = run_cli("search", "weekend", "--person", "sam", "--json").json()["results"]
    assert results and {r["source"]["speaker"] for r in results} == {"Sam"}
    missing = run_cli("search", "weekend", "--person", "Gary")
    assert missing.code == 2 and "Gary" in missing.err
    assert run_cli("search", "weekend", "--context", "-1").code == 3


def test_memory_show_tells_the_date_a_message_is_about(run_cli, tmp_path):
    _import(run_cli, tmp_path)
    found = run_cli("search", "Pen y Fan climb", "-k", "1", "--json").json()["results"][0]
    shown = run_cli("memory", "show", str(found["id"]))
    assert "tells of: 2023-07-05" in shown.out
    assert run_cli("memory", "show", str(found["id"]), "--json").json()["about"] == "2023-07-05"


def test_the_reader_sees_when_a_message_was_said_and_what_day_it_is_about():
    said = 1688634000.0  # 2023-07-06 09:00 UTC
    memory = Memory(1, "message", "Nina: We climbed Pen y Fan yesterday", said, None, 7.0, 0, False, "active",
                    speaker="Nina", about=((said - 9 * 3600 - 86400, said - 9 * 3600),))
    assert format_memory(1, Hit(memory, 1.0, 1.0, None)).startswith("[1] (said 2023-07-06, about 2023-07-05) Nina:")


def test_the_support_check_accepts_the_resolved_date():
    from second_me.text.support import Support

    said = 1688634000.0
    memory = Memory(1, "message", "Nina: We climbed Pen y Fan yesterday", said, None, 7.0, 0, False, "active",
                    speaker="Nina", about=((said - 9 * 3600 - 86400, said - 9 * 3600),))
    support = Support([format_memory(1, Hit(memory, 1.0, 1.0, None))])
    assert support.check("Nina climbed Pen y Fan on 2023-07-05.").supported
    assert not support.check("Nina climbed Pen y Fan on 2023-07-02.").supported
