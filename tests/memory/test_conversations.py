import pytest

from second_me.errors import NotFoundError
from second_me.domain import Turn

DAY = 86400.0


def _turns():
    return [
        Turn("2024-05-01 chat", "Ana", "I just moved to Berlin, to Kreuzberg.", 1714550400.0, "user", "t1"),
        Turn("2024-05-01 chat", "second-me", "Welcome to Berlin!", 1714550460.0, "assistant", "t2"),
        Turn("2024-06-02 chat", "Ana", "My cat Miso hates the new balcony.", 1717315200.0, "user", "t3"),
    ]


def test_turns_become_searchable_message_memories(services, clock):
    log = services.conversations.log
    assert log.add_turns(_turns(), clock.timestamp()) == 3
    hits = services.answering.search("where did I move, Berlin Kreuzberg").hits
    top = hits[0]
    assert top.memory.kind == "message" and top.memory.text.startswith("Ana: I just moved")
    assert top.origin.conversation == "2024-05-01 chat" and top.origin.external_id == "t1"
    assert top.origin.timestamp.startswith("2024-05-01")
    assert services.store.get(top.memory.id).strength == services.settings.strength_chat_days


def test_adding_the_same_ids_again_is_idempotent(services, clock, fake_embedder):
    log = services.conversations.log
    log.add_turns(_turns(), clock.timestamp())
    embedded = fake_embedder.texts_embedded
    assert log.add_turns(_turns(), clock.timestamp()) == 0
    assert fake_embedder.texts_embedded == embedded
    assert services.store.counts()["messages"] == 3


def test_list_read_and_delete_conversations(services, clock):
    log = services.conversations.log
    log.add_turns(_turns(), clock.timestamp())
    listed = log.conversations()
    assert [c.name for c in listed] == ["2024-06-02 chat", "2024-05-01 chat"]
    assert [c.turns for c in listed] == [1, 2]
    assert [t.role for t in log.turns("2024-05-01 chat")] == ["user", "assistant"]
    assert log.delete("2024-05-01 chat", clock.timestamp()) == 2
    assert services.store.counts()["messages"] == 1
    assert all(h.memory.kind != "message" or "Berlin" not in h.memory.text for h in services.answering.search("Berlin").hits)
    with pytest.raises(NotFoundError):
        log.turns("2024-05-01 chat")


def test_listing_conversations_loads_no_model(settings, clock):
    from second_me.services import Services
    from second_me.storage.store import open_store

    def no_model():
        raise AssertionError("the embedding model was loaded")

    svc = Services(settings, open_store(settings), no_model, no_model, clock)
    try:
        assert svc.conversations.list() == []
        assert svc.conversations.log.add_turns([], clock.timestamp()) == 0
    finally:
        svc.store.close()
