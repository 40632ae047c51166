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


def _judge_prompt(evidence: str, question: str) -> list[ChatMessage]:
    return [ChatMessage("system", "Does the evidence answer the question? Answer yes or no."),
            ChatMessage("user", f"Evidence: {evidence}\nQuestion: {question}")]


def test_fake_judge_weighs_how_much_of_the_question_the_evidence_covers():
    model = FakeChatModel()
    covered = model.yes_probability(_judge_prompt("The hostel in Alfama was quiet and cheap.", "was the hostel quiet?"))
    unrelated = model.yes_probability(_judge_prompt("The hostel in Alfama was quiet and cheap.", "when is Anna's birthday?"))
    assert covered > 0.9 > 0.1 > unrelated
    assert len(model.judged) == 2


def test_fake_judge_can_be_fixed_or_scripted():
    assert FakeChatModel(judge=0.7).yes_probability(_judge_prompt("a", "b")) == 0.7
    assert FakeChatModel(judge=3.0).yes_probability(_judge_prompt("a", "b")) == 1.0  # clamped to a probability
    scripted = FakeChatModel(judge=lambda messages: 0.2 if "Priya" in messages[-1].content else 0.8)
    assert scripted.yes_probability(_judge_prompt("Priya brought the tent.", "what did Sam bring?")) == 0.2


def test_fake_model_says_which_model_answers_and_how_capable_it_is():
    small, reader = FakeChatModel(), FakeChatModel(parameters=1_500_000_000, name="fake reader")
    assert small.name == "fake chat model" and not small.profile.capable_reader
    assert reader.name == "fake reader" and reader.profile.capable_reader and reader.profile.repeat_penalty == 1.0


def test_fake_chat_model_can_be_closed_like_a_real_one():
    FakeChatModel().close()
