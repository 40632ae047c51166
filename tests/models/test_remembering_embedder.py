"""One question's answer embeds each sentence once, whichever step asks for it."""

from second_me.models.base import RememberingEmbedder
from second_me.models.fake import FakeEmbedder


def test_each_text_is_embedded_once_and_comes_back_in_order():
    inner = FakeEmbedder()
    remembering = RememberingEmbedder(inner)
    first = remembering.embed(["the starter doubled", "bake at 250 °C", "the starter doubled"])
    assert inner.texts_embedded == 2  # the repeat inside one call is not embedded again
    again = remembering.embed(["bake at 250 °C", "proof overnight"])
    assert inner.texts_embedded == 3  # only the new text
    assert first == FakeEmbedder().embed(["the starter doubled", "bake at 250 °C", "the starter doubled"])
    assert again[0] == first[1]
    assert remembering.dim == inner.dim and remembering.model_id == inner.model_id
