import json

import pytest


def _write(path, records):
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _turn(i, conversation="trip", text=None, **extra):
    record = {"conversation": conversation, "speaker": "Ana", "text": text or f"turn number {i} about hiking",
              "timestamp": f"2024-05-01T10:{i:02d}:00Z", "id": f"m{i}"}
    record.update(extra)
    return record


def test_import_is_idempotent_and_searchable(run_cli, tmp_path):
    path = _write(tmp_path / "chat.jsonl", [_turn(1, text="I adopted a cat called Miso"),
                                            _turn(2, speaker="Bo", role="assistant", text="Lovely name"),
                                            "", _turn(3, conversation="work")])
    first = run_cli("import", "chat", str(path))
    assert first.code == 0, first.err
    assert first.out.startswith("imported 3 new turns of 3 in 2 conversations")
    again = run_cli("import", "chat", str(path))
    assert again.out.startswith("imported 0 new turns of 3")
    hits = run_cli("search", "cat Miso", "--json").json()["results"]
    assert hits[0]["source"] == {"conversation": "trip", "external_id": "m1", "speaker": "Ana",
                                 "timestamp": "2024-05-01T10:01:00+00:00"}
    listed = run_cli("conversations", "list", "--json").json()
    assert {c["name"]: c["turns"] for c in listed} == {"trip": 2, "work": 1}
    shown = run_cli("conversations", "show", "trip").out.splitlines()
    assert shown == ["[2024-05-01 10:01] Ana: I adopted a cat called Miso", "[2024-05-01 10:02] Bo: Lovely name"]
    assert run_cli("conversations", "delete", "trip").out.startswith("deleted 'trip': 2 turns")
    assert run_cli("conversations", "show", "trip").code == 2


@pytest.mark.parametrize("bad, problem", [
    ("{not json", "line 2: not valid JSON"),
    (json.dumps({"conversation": "c", "speaker": "Ana", "timestamp": "2024-05-01"}), "line 2: missing 'text'"),
    (json.dumps(_turn(9, timestamp="last tuesday")), "line 2: 'timestamp' 'last tuesday' is not ISO-8601"),
    (json.dumps(_turn(9, role="robot")), "line 2: 'role' must be one of user, assistant, other"),
    (json.dumps(_turn(9, text="   ")), "line 2: 'text' is empty"),
    ("[1, 2]", "line 2: expected a JSON object"),
])
def test_a_bad_line_rejects_the_whole_file(run_cli, tmp_path, bad, problem):
    path = _write(tmp_path / "chat.jsonl", [_turn(1), bad, _turn(3)])
    result = run_cli("import", "chat", str(path))
    assert result.code == 3
    assert problem in result.err and "nothing was imported" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert run_cli("conversations", "list", "--json").json() == []


def test_import_missing_file_is_not_found(run_cli, tmp_path):
    assert run_cli("import", "chat", str(tmp_path / "nope.jsonl")).code == 2


def test_import_embeds_each_batch_in_one_call(services, tmp_path, fake_embedder, monkeypatch):
    from second_me.services import chat_import

    monkeypatch.setattr(chat_import, "BATCH_TURNS", 40)
    path = _write(tmp_path / "chat.jsonl", [_turn(i % 60, conversation=f"c{i // 60}") for i in range(100)])
    report = services.conversations.import_chat(path)
    assert report.added == 100 and report.conversations == 2
    assert (fake_embedder.calls, fake_embedder.texts_embedded) == (3, 100)  # 40 + 40 + 20


def test_turns_without_ids_are_not_imported_twice(run_cli, tmp_path):
    records = [{k: v for k, v in _turn(i).items() if k != "id"} for i in range(3)]
    path = _write(tmp_path / "chat.jsonl", records + [records[0]])  # the same line twice: one turn
    assert run_cli("import", "chat", str(path)).out.startswith("imported 3 new turns of 4")
    assert run_cli("import", "chat", str(path)).out.startswith("imported 0 new turns of 4")


def test_ask_stores_its_turns(services):
    from second_me.domain import Turn

    services.conversations.log.add_turns([Turn("notes", "me", "My bike needs chain lube every 300 km", 0.0, "user", "x")],
                                     services.clock.timestamp())
    answer = services.answering.ask("how often does my bike need lube?", conversation="ask today")
    assert not answer.abstained
    services.answering.ask("I moved to Lisbon in March.", conversation="ask today")
    turns = services.conversations.turns("ask today")
    assert [(t.role, t.memory_id is not None) for t in turns] == [
        ("user", False), ("assistant", False), ("user", True), ("assistant", False)]
    assert turns[1].text == answer.text
