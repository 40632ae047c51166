"""Deterministic stand-ins for the real models, used by tests and `--fake-models` runs.

The fake embedder hashes words (and word pairs) into a fixed-size vector, so texts that
share words are similar: enough for retrieval logic to be tested meaningfully.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from typing import Callable, Iterator, Sequence

from second_me.models.base import ChatMessage, ChatModel, Embedder
from second_me.models.profiles import make_profile

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an and are as at be by do for from has have how i in is it me my of on or the to was what when where which who why with you your".split())


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def _bucket(token: str, dim: int) -> tuple[int, float]:
    digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dim, 1.0 if (value >> 63) & 1 else -1.0


class FakeEmbedder(Embedder):
    model_id = "fake-embedder"

    def __init__(self, dim: int = 256):
        self._dim = dim
        self.calls = 0
        self.texts_embedded = 0

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        self.texts_embedded += len(texts)
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self._dim
        words = _words(text)
        for word in words:
            # Words count, and so do their 4-letter stems ("proofing" ~ "proof").
            for token, weight in ((word, 1.0), ("stem:" + word[:4], 0.5)):
                index, sign = _bucket(token, self._dim)
                vec[index] += sign * weight
        norm = math.sqrt(sum(v * v for v in vec))
        if norm == 0:
            index, _ = _bucket("<empty>", self._dim)
            vec[index] = 1.0
            return vec
        return [v / norm for v in vec]


def _echo_first_memory(messages: Sequence[ChatMessage]) -> str:
    """Answer with the first numbered memory in the prompt, cited, like a careful model would."""
    prompt = messages[-1].content if messages else ""
    match = re.search(r"\[1\] \(\d{4}-\d\d-\d\d\) (.+?)(?:\n\s*\n|\n\[2\]|</notes>|$)", prompt, re.S)
    if not match:
        return "I don't know."
    sentence = " ".join(match.group(1).split())[:200]
    return f"According to your notes, {sentence} [1]"


def _question_words_in_evidence(messages: Sequence[ChatMessage]) -> float:
    """How much of the question the rest of the prompt covers, as a careful judge would weigh it.

    The question is the last message's "Question: ..." line (else its last line); the evidence
    is everything else. Every question word present: 0.95; none: 0.05.
    """
    if not messages:
        return 0.5
    lines = [line for line in messages[-1].content.splitlines() if line.strip()]
    asked = next((line for line in reversed(lines) if line.strip().lower().startswith("question:")),
                 lines[-1] if lines else "")
    others = [m.content for m in messages[:-1]] + [line for line in lines if line is not asked]
    question, evidence = set(_words(asked.split(":", 1)[-1])), set(_words(" ".join(others)))
    if not question:
        return 0.5
    return 0.05 + 0.9 * len(question & evidence) / len(question)


class FakeChatModel(ChatModel):
    """Streams a reply word by word. `reply` may be a string or a function of the messages.

    `judge` answers yes_probability: a number, a function of the messages, or by default the
    share of question words the evidence holds. `parameters` sets the profile's size (0: a
    small model, like the built-in one; 1.5e9: a capable reader).
    """

    model_id = "fake-chat"

    def __init__(self, reply: str | Callable[[Sequence[ChatMessage]], str] | None = None,
                 n_ctx: int = 2048, delay: float = 0.0,
                 judge: float | Callable[[Sequence[ChatMessage]], float] | None = None,
                 parameters: int = 0, name: str = "fake chat model"):
        self._reply = reply if reply is not None else _echo_first_memory
        self._n_ctx = n_ctx
        self.delay = delay
        self._judge = judge if judge is not None else _question_words_in_evidence
        self._profile = make_profile("fake", int(parameters))
        self._name = name
        self.prompts: list[list[ChatMessage]] = []
        self.judged: list[list[ChatMessage]] = []

    def yes_probability(self, messages: Sequence[ChatMessage]) -> float:
        self.judged.append(list(messages))
        value = self._judge(messages) if callable(self._judge) else self._judge
        return min(1.0, max(0.0, float(value)))

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    def count_tokens(self, text: str) -> int:
        # Roughly what a BPE vocabulary does for English.
        return max(1, math.ceil(len(text) / 4))

    def stream(self, messages: Sequence[ChatMessage], max_tokens: int = 256,
               temperature: float = 0.2, stop: Sequence[str] = ()) -> Iterator[str]:
        self.prompts.append(list(messages))
        text = self._reply(messages) if callable(self._reply) else self._reply
        pieces = re.findall(r"\S+\s*", text)[:max_tokens]
        for piece in pieces:
            if self.delay:
                time.sleep(self.delay)
            yield piece
