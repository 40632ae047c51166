"""The fake models behave like real ones where the rest of the code depends on it."""

from __future__ import annotations

import math

from second_me.models.base import ChatMessage
from second_me.models.fake import FakeChatModel, FakeEmbedder


def cosine(a, b):
    return sum(x * y for x, y in zip(a, b))


def test_fake_embedder_is_deterministic_across_instances():
    texts = ["I bought a blue bicycle in May.", "Sourdough needs a lively starter."]
    assert FakeEmbedder().embed(texts) == FakeEmbedder().embed(texts)


def test_fake_embedder_vectors_have_unit_norm_and_fixed_dim():
    embedder = FakeEmbedder(dim=32)
    for vector in embedder.embed(["hello world", "", "a the of"]):
        assert len(vector) == 32 == embedder.dim
        assert math.isclose(math.sqrt(sum(v * v for v in vector)), 1.0, rel_tol=1e-9)


def test_fake_embedder_puts_similar_texts_closer():
    embedder = FakeEmbedder()
    query, near, far = embedder.embed([
        "when did I buy the bicycle",
        "I bought my bicycle at the market in May",
        "the sourdough starter smelled of apples",
    ])
    assert cosine(query, near) > cosine(query, far)


def test_fake_embedder_counts_calls():
    embedder = FakeEmbedder()
    embedder.embed(["a", "b", "c"])
    embedder.embed_one("d")
    assert (embedder.calls, embedder.texts_embedded) == (2, 4)


def test_fake_chat_streams_the_reply_in_pieces():
    chat = FakeChatModel(reply="The bicycle is blue [1]")
    pieces = list(chat.stream([ChatMessage("user", "What colour is my bicycle?")]))
    assert len(pieces) > 1
    assert "".join(pieces) == "The bicycle is blue [1]"
    assert chat.prompts[-1][-1].content == "What colour is my bicycle?"


def test_fake_chat_stops_when_the_stream_is_closed():
    chat = FakeChatModel(reply="one two three four five")
    stream = chat.stream([ChatMessage("user", "count")])
    assert next(stream) == "one "
    stream.close()
    assert list(stream) == []


def test_fake_chat_cites_the_first_memory_or_abstains():
    chat = FakeChatModel()
    prompt = "<notes>\n[1] (2024-05-01) I bought a blue bicycle.\n</notes>\n\nQuestion: what did I buy?"
    answer = chat.complete([ChatMessage("user", prompt)])
    assert answer.endswith("[1]") and "blue bicycle" in answer
    assert chat.complete([ChatMessage("user", "no memories here")]) == "I don't know."
