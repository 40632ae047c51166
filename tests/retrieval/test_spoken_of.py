"""Someone no speaker is, named now and then and spoken of as "she" or "he" in between: a baby, a child, a pet."""

from datetime import datetime, timezone

import pytest

from second_me.config import Settings
from second_me.domain import Memory, Turn
from second_me.retrieval.hybrid import SearchOptions
from second_me.retrieval.people import named_as_someone, says_she_or_he, spoken_of_as_she_or_he
from second_me.services import Services
from second_me.storage.store import open_store


def _turn(text: str, memory_id: int = 1, message_id: int = 1, speaker: str = "Ife Cole") -> Memory:
    return Memory(memory_id, "message", f"{speaker}: {text}", 0.0, None, 1.0, 0, False, "active",
                  message_id=message_id, speaker=speaker)


def test_a_turn_saying_she_or_he_and_naming_no_one_may_be_about_whom_the_chat_named():
    assert says_she_or_he(_turn("SHE SMILED. a proper smile, at me, not wind"))  # glee, not a name
    assert says_she_or_he(_turn("she's crawling!!! backwards mostly, but it counts"))
    assert not says_she_or_he(_turn("Zara slept through the speeches and Mum loved having her"))
    assert not says_she_or_he(_turn("GP saw her. Dr Mensah thinks it's an egg allergy"))
    assert not says_she_or_he(_turn("first food today! steamed broccoli, a face like I'd poisoned them"))
    chunk = Memory(2, "chunk", "she's crawling", 0.0, None, 1.0, 0, False, "active")
    assert not says_she_or_he(chunk)


def test_someone_is_named_doing_or_having_something_a_place_or_a_thing_is_not():
    assert named_as_someone("What is Zara allergic to?", "Zara")
    assert named_as_someone("When did Zara first smile?", "Zara")
    assert named_as_someone("What's Zara's middle name?", "Zara")
    assert not named_as_someone("Which airline did I fly to Osaka with?", "Osaka")
    assert not named_as_someone("When is the Atlas cutover?", "Atlas")
    assert not named_as_someone("Why did Bea change her mind about selling Big Blue?", "Big Blue")


def test_only_a_turn_in_a_chat_naming_them_is_taken_for_about_them():
    named = _turn("registered her at the town hall. Zara Adaeze Cole", 1, 11)
    same_chat = _turn("she's crawling!!! backwards mostly", 2, 12)
    other_chat = _turn("she's crawling too, Mia is everywhere now", 3, 13)
    elsewhere = _turn("she ROLLED OVER on the sofa", 4, 14)
    memories = {m.id: m for m in (named, same_chat, other_chat, elsewhere)}
    conversation = {11: 100, 12: 100, 13: 100, 14: 200}
    found = spoken_of_as_she_or_he(memories, {1}, lambda ids: {i: conversation[i] for i in ids})
    assert found == {2}  # the other turn in the chat names Mia; the last is another chat's
    assert spoken_of_as_she_or_he(memories, set(), lambda ids: {i: conversation[i] for i in ids}) == set()


def _ts(day: str, hour: int, minute: int = 0) -> float:
    return datetime.fromisoformat(f"{day}T{hour:02d}:{minute:02d}:00").replace(tzinfo=timezone.utc).timestamp()


@pytest.fixture(scope="module")
def real_embedder(tmp_path_factory):
    pytest.importorskip("llama_cpp")
    from second_me.models.llama import load_embedder
    model = load_embedder(Settings(home=tmp_path_factory.mktemp("real-embedder-home"), chat_model="builtin"))
    yield model
    model.close()


@pytest.mark.real_models
def test_asked_of_a_baby_the_turns_saying_she_rank_with_those_naming_her(settings, real_embedder, fake_chat, clock,
                                                                         monkeypatch):
    """"When did Zara start crawling?": with the real embedder, every turn naming Zara ranked above
    "she's crawling!!!" but one (the name drew the question's vector, and only they were about her)."""
    services = Services(settings, open_store(settings), real_embedder, fake_chat, clock)
    said = [("2026-03-14", "Dan Cole", "she's here. Zara, born 04:52, 7lb 2oz. I cried more than the baby"),
            ("2026-04-10", "Ife Cole", "registered her at the town hall. Zara Adaeze Cole, officially a person"),
            ("2026-05-09", "Ife Cole", "8 week jabs done at the surgery, Zara screamed the place down"),
            ("2026-11-02", "Dan Cole", "Kofi wants Zara there for the ceremony, then Mum can have her"),
            ("2026-11-08", "Ife Cole", "she's crawling!!! backwards mostly, but it counts"),
            ("2026-11-28", "Dan Cole", "best wedding ever. Zara slept through the speeches")]
    services.conversations.log.add_turns([Turn("Dan Cole", who, words, _ts(day, 9), "user", str(n))
                                          for n, (day, who, words) in enumerate(said)], services.clock.timestamp())

    def rank() -> int:
        hits = services.answering.search("When did Zara start crawling?", SearchOptions(k=6)).hits
        return next(i for i, h in enumerate(hits) if "crawling" in h.memory.text)
    assert rank() <= 1  # after "Zara, born 04:52" alone, whose day is as much a when
    monkeypatch.setattr("second_me.retrieval.hybrid.spoken_of_as_she_or_he", lambda *args: set())
    monkeypatch.setattr("second_me.retrieval.hybrid.named_as_someone", lambda *args: False)
    assert rank() >= 4
    services.close()
