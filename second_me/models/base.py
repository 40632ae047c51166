"""The two model roles as small abstract classes; real (llama.cpp) and fake models implement them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Iterator, Sequence


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
