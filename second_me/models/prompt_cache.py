"""Evaluated prompts kept between calls, so a prompt that starts like an earlier one skips that part.

llama.cpp keeps one evaluated sequence, and llama-cpp-python reuses whatever the next prompt shares
with it. The answer and the evidence check start with different fixed instructions, so each one
would throw away what the other evaluated: every answer would pay for its instructions again.
Before the live sequence is cut back, its KV cells are copied out (llama.cpp's per-sequence state,
a few MB); a later prompt that shares more with a saved sequence than with the live one gets it
back instead of evaluating those tokens again. The cells of a token depend only on the tokens
before it, so a saved sequence cut back to the shared part is exactly what evaluating that part
afresh gives.

This module is the bookkeeping only: which saved sequence to restore, and which to forget. The
state itself is an opaque bytes value that models/llama.py reads from and writes to llama.cpp.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

# A saved sequence must share at least this many more tokens than the live one to be restored
# (restoring copies its whole state; for a handful of tokens evaluating them is as cheap).
MIN_GAIN_TOKENS = 16
# The live sequence is saved before being cut only if the cut throws away at least this many tokens.
MIN_SAVED_TOKENS = 32
# Enough for the answer and the evidence check of the last questions (a 1.5B model with a q8_0
# cache takes ~15 KB per token, so ~4,000 tokens); a small share of what the model itself takes.
DEFAULT_BYTES = 64 << 20
DEFAULT_ENTRIES = 4


def shared_length(first: Sequence[int], second: Sequence[int]) -> int:
    """How many tokens the two sequences have in common from the start."""
    count = 0
    for a, b in zip(first, second):
        if a != b:
            break
        count += 1
    return count


@dataclass(frozen=True)
class SavedPrompt:
    tokens: tuple[int, ...]
    state: bytes  # llama.cpp's state of one sequence: the KV cells of exactly `tokens`


class PromptCache:
    """The most recently used evaluated sequences, within a byte budget."""

    def __init__(self, max_bytes: int = DEFAULT_BYTES, max_entries: int = DEFAULT_ENTRIES):
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._entries: list[SavedPrompt] = []  # least recently used first
        self.restored = 0  # sequences brought back, for tests and benchmarks
        self.restored_tokens = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def saved(self) -> list[tuple[int, ...]]:
        """The saved sequences' tokens, least recently used first."""
        return [entry.tokens for entry in self._entries]

    @property
    def nbytes(self) -> int:
        return sum(len(entry.state) for entry in self._entries)

    def best(self, tokens: Sequence[int]) -> tuple[SavedPrompt | None, int]:
        """The saved sequence sharing most tokens with `tokens`, and how many it shares."""
        best: SavedPrompt | None = None
        best_shared = 0
        for entry in self._entries:
            shared = shared_length(entry.tokens, tokens)
            if shared > best_shared:
                best, best_shared = entry, shared
        return best, best_shared

    def worth_restoring(self, tokens: Sequence[int], live_shared: int) -> SavedPrompt | None:
        """The saved sequence to restore before evaluating `tokens`, or None when the live one will do."""
        entry, shared = self.best(tokens)
        if entry is None or shared < live_shared + MIN_GAIN_TOKENS:
            return None
        self._entries.remove(entry)
        self._entries.append(entry)
        self.restored += 1
        self.restored_tokens += shared
        return entry

    def should_save(self, live: Sequence[int], live_shared: int) -> bool:
        """Is the live sequence worth copying out before it is cut back to `live_shared` tokens?"""
        if self.max_bytes <= 0 or len(live) - live_shared < MIN_SAVED_TOKENS:
            return False
        return not any(len(entry.tokens) >= len(live) and shared_length(entry.tokens, live) == len(live)
                       for entry in self._entries)

    def add(self, saved: SavedPrompt) -> None:
        if len(saved.state) > self.max_bytes:
            return
        # A saved sequence that the new one starts with is of no further use.
        self._entries = [entry for entry in self._entries
                         if shared_length(entry.tokens, saved.tokens) < len(entry.tokens)]
        self._entries.append(saved)
        while len(self._entries) > self.max_entries or self.nbytes > self.max_bytes:
            self._entries.pop(0)

    def clear(self) -> None:
        self._entries.clear()
        self.restored = self.restored_tokens = 0
