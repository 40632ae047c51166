"""The two model roles as small abstract classes; real (llama.cpp) and fake models implement them."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Sequence

if TYPE_CHECKING:  # profiles imports this module
    from second_me.models.profiles import ModelProfile


# The first reply token of a yes/no answer, as a model may write it.
YES_WORDS = ("yes", "Yes", "YES", " yes", " Yes")
NO_WORDS = ("no", "No", "NO", " no", " No")


def yes_share(logits: Sequence[float], yes_ids: Sequence[int], no_ids: Sequence[int]) -> float:
    """P(yes) / (P(yes) + P(no)) from next-token logits; the softmax's normaliser cancels out."""
    top = max(logits[i] for i in (*yes_ids, *no_ids))
    yes = sum(math.exp(logits[i] - top) for i in yes_ids)
    no = sum(math.exp(logits[i] - top) for i in no_ids)
    return yes / (yes + no)


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system" | "user" | "assistant"
    content: str


class ChatModel(ABC):
    """Generates text from a conversation, token by token."""

    model_id: str = "chat"

    @property
    @abstractmethod
    def n_ctx(self) -> int:
        """Context window in tokens."""

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens `text` takes in this model's vocabulary."""

    @abstractmethod
    def stream(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int = 256,
        temperature: float = 0.2,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the reply piece by piece. Closing the iterator stops generation."""

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int = 256, temperature: float = 0.0) -> str:
        return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

    @abstractmethod
    def yes_probability(self, messages: Sequence[ChatMessage]) -> float:
        """P(yes) / (P(yes) + P(no)) for the first token of the reply, from the model's logits.

        For checks such as "does this evidence answer the question?": the last message asks a
        yes/no question; nothing is generated. Every casing and leading space of yes/no counts.
        """

    # Set by subclasses that know them; see `name` and `profile`.
    _name: str = ""
    _profile: "ModelProfile | None" = None

    @property
    def name(self) -> str:
        """Which model answers, in words a user recognises (status bar, doctor)."""
        return self._name or self.model_id

    @property
    def profile(self) -> "ModelProfile":
        """Prompt style, stops, decoding settings, and whether this model is a capable reader."""
        if self._profile is None:
            from second_me.models.profiles import make_profile

            return make_profile("unknown", 0)
        return self._profile

    def close(self) -> None:
        """Free the model's memory."""


class Embedder(ABC):
    """Turns texts into unit-length vectors of a fixed dimension."""

    model_id: str = "embed"

    @property
    @abstractmethod
    def dim(self) -> int:
        """Vector dimension."""

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One L2-normalised vector per text, in order."""

    def embed_one(self, text: str) -> list[float]:
        return self.embed([text])[0]

    def close(self) -> None:
        """Free the model's memory."""


class RememberingEmbedder(Embedder):
    """An embedder that embeds each text once over its short life (one question's answer: the
    closest-sentence check and the evidence read the same sentences)."""

    def __init__(self, inner: Embedder):
        self.inner = inner
        self.model_id = inner.model_id
        self._vectors: dict[str, list[float]] = {}

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        new = list(dict.fromkeys(text for text in texts if text not in self._vectors))
        if new:
            self._vectors.update(zip(new, self.inner.embed(new)))
        return [self._vectors[text] for text in texts]

    def close(self) -> None:
        self._vectors.clear()  # the model itself belongs to whoever made `inner`
