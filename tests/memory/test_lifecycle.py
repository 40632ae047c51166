import math

import pytest

from second_me.errors import InputRejected, NotFoundError
from second_me.domain import Turn
from second_me.retention import DAY, RetentionPolicy

T = 1_740_830_400.0  # 2025-03-01T12:00Z, the fixture clock


def _remember(services, *texts, at=T):
    turns = [Turn("log", "me", text, at + i, "user", f"id{i}-{text[:8]}") for i, text in enumerate(texts)]
    services.conversations.log.add_turns(turns, at)
    return [t.memory_id for t in services.conversations.turns("log")][-len(texts):]


def _ids(result):
    return [hit.memory.id for hit in result.hits]


def test_decay_curve_floor_and_pin():
    from second_me.domain import Memory

    policy = RetentionPolicy(floor=0.3, growth=2.0)
    memory = Memory(1, "message", "x", created_at=0.0, last_recalled_at=None, strength=7.0, recall_count=0,
                    pinned=False, state="active")
    assert policy.retention(memory, 0.0) == 1.0
    assert policy.retention(memory, 7 * DAY) == pytest.approx(math.exp(-1))
    assert policy.retention(memory, 14 * DAY) == pytest.approx(math.exp(-2))
    assert policy.prior(0.0) == pytest.approx(0.3) and policy.prior(1.0) == pytest.approx(1.0)
    from dataclasses import replace

    assert policy.retention(replace(memory, pinned=True), 1000 * DAY) == 1.0
    assert policy.retention(replace(memory, last_recalled_at=7 * DAY), 7 * DAY) == 1.0


def test_recall_multiplies_strength_and_restarts_the_clock(services, clock):
    (memory_id,) = _remember(services, "the boat is moored at pier nine")
    clock.advance(days=10)
    services.memory.open(memory_id)
    memory = services.store.get(memory_id)
    assert memory.strength == pytest.approx(14.0) and memory.recall_count == 1
    assert memory.last_recalled_at == clock.timestamp()
    history = services.memory.lifecycle.detail(memory_id, clock.timestamp()).events
    assert [(e.action, e.reason) for e in history] == [("recall", "opened by the user")]


def test_retention_is_a_prior_not_a_filter(services, clock):
    old, new = _remember(services, "sourdough starter feeding schedule flour water",
                         "random note about the weather")
    clock.advance(days=400)
    hits = services.answering.search("sourdough starter feeding schedule").hits
    assert hits[0].memory.id == old and hits[0].retention < 0.01


def test_pinned_memory_ranks_above_an_equal_faded_one(services, clock):
    a, b = _remember(services, "locker code is 4711", "locker code is 4711 too")
    clock.advance(days=60)
    services.memory.pin(b)
    assert _ids(services.answering.search("locker code"))[0] == b
    services.memory.unpin(b)
    assert services.store.get(b).pinned is False


def test_forget_and_restore_round_trip_without_reembedding(services, clock, fake_embedder):
    (memory_id,) = _remember(services, "the spare key is under the blue flower pot")
    services.memory.forget(memory_id)
    assert memory_id not in _ids(services.answering.search("spare key flower pot"))
    assert [v.memory.id for v in services.memory.list(forgotten=True)] == [memory_id]
    embedded = fake_embedder.texts_embedded
    services.memory.restore(memory_id)
    assert fake_embedder.texts_embedded == embedded
    hits = services.answering.search("spare key flower pot").hits
    assert hits[0].memory.id == memory_id and hits[0].similarity > 0.5
    actions = [e.action for e in services.memory.lifecycle.detail(memory_id, clock.timestamp()).events]
    assert actions == ["forget", "restore"]


def test_lifecycle_errors(services, clock):
    (memory_id,) = _remember(services, "a note")
    with pytest.raises(NotFoundError):
        services.memory.forget(999)
    with pytest.raises(InputRejected):
        services.memory.restore(memory_id)
    services.memory.forget(memory_id)
    with pytest.raises(InputRejected):
        services.memory.pin(memory_id)


def _cover(services, node_key, memory_ids):
    """A summary node covering these memories (as summarize would leave it)."""
    from second_me.storage.store import NewMemory

    with services.store.db.transaction() as conn:
        (summary_id,) = services.store.insert_memories(conn, [NewMemory(
            "summary", "summary text", services.embedder.embed_one("summary text"), T, 30.0)])
        node = conn.execute("INSERT INTO summary_nodes(level, key, memory_id, dirty) VALUES ('day', ?, ?, 0)",
                            (node_key, summary_id)).lastrowid
        conn.executemany("INSERT INTO summary_children(node_id, memory_id) VALUES (?, ?)",
                         [(node, m) for m in memory_ids])
    return summary_id


def test_prune_only_faded_unpinned_and_covered(run_cli, services, clock):
    faded, pinned, uncovered = _remember(services, "faded covered note", "pinned covered note", "uncovered note")
    summary_id = _cover(services, "2025-03-01", [faded, pinned])
    services.memory.pin(pinned)
    services.close()
    later = "2025-05-01T12:00:00Z"  # 61 days: R = exp(-61/7) ≈ 0.0002
    assert run_cli("memory", "prune", "--dry-run", "--now", "2025-03-02").out.startswith("would forget 0 memories")
    dry = run_cli("memory", "prune", "--dry-run", "--now", later, "--json").json()
    assert [m["id"] for m in dry["memories"]] == [faded] and dry["memories"][0]["summary_id"] == summary_id
    assert run_cli("memory", "list", "--forgotten", "--json").json() == []
    assert run_cli("memory", "prune", "--now", later).out.startswith("forgot 1 memories")
    assert [m["id"] for m in run_cli("memory", "list", "--forgotten", "--json").json()] == [faded]
    shown = run_cli("memory", "show", str(faded), "--json", "--now", later).json()
    assert shown["state"] == "forgotten" and shown["summaries"] == [summary_id]
    assert "below 0.05, covered by summary" in shown["events"][-1]["reason"]
    assert run_cli("memory", "restore", str(faded)).out.strip() == f"memory {faded}: active"
    assert run_cli("memory", "show", "12345").code == 2
    assert run_cli("memory", "forget", "not-a-number").code == 1


def test_one_call_forms_for_the_tui(services, clock):
    (memory_id,) = _remember(services, "the spare key is with the neighbour")
    services.memory.pin(memory_id)
    services.memory.unpin(memory_id)
    services.memory.forget(memory_id)
    services.memory.restore(memory_id)
    history = services.memory.history(memory_id)
    assert [action for _, action, _ in history] == ["created", "pin", "unpin", "forget", "restore"]
