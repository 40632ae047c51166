"""Deterministic synthetic memories for scale benchmarks: text-like tokens and 384-dim vectors.

Real embeddings are not uniform noise: texts on one subject cluster, and every vector
shares a common direction. The generator imitates that. A vocabulary of pronounceable
pseudo-words has Zipf frequencies; each word belongs to one of a few hundred topics;
a memory draws most of its words from its own topic and the rest from the whole
vocabulary; its vector is the normalised sum of its words' vectors, and a word's vector
mixes its topic's direction and its own in a 48-dimensional latent space (sentence
embeddings have a low intrinsic dimension; uniform noise in 384 dimensions would make
every neighbour nearly as far as any other), plus a shared direction and a little noise. Text and vector
therefore agree (a query's words find both by BM25 and by cosine), and neighbours are
neither trivially far apart nor all alike.

Everything is derived from a seed and the memory's index, so batch i is the same in
every run, and batches can be regenerated instead of kept in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np
from scipy import sparse

DIM = 384
LATENT = 48
STOPWORD_RANKS = 150  # the most frequent words play the part of English stopwords
VOCABULARY = 20_000
TOPICS = 300
TOPIC_WORDS = 400
KINDS = ("chunk", "message", "fact", "summary")
KIND_WEIGHTS = (0.6, 0.3, 0.07, 0.03)
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
BLOCK = 1000
SECONDS_PER_MEMORY = 600.0  # 1M memories span ~19 years


@dataclass(frozen=True)
class Batch:
    start: int  # index of the first memory
    texts: list[str]
    vectors: np.ndarray  # float32, (n, DIM), unit length
    kinds: list[str]
    created_at: np.ndarray  # float64 unix times


class SyntheticCorpus:
    def __init__(self, seed: int = 7, start_time: float = 1_400_000_000.0):
        rng = np.random.default_rng(seed)
        self.seed = seed
        self.start_time = start_time
        self.words = _pseudo_words(rng, VOCABULARY)
        self.word_index = {word: i for i, word in enumerate(self.words)}
        zipf = 1.0 / np.arange(1, VOCABULARY + 1) ** 1.05
        self.word_p = zipf / zipf.sum()
        self.topic_of_word = rng.integers(0, TOPICS, VOCABULARY)
        self.topic_words = [rng.choice(VOCABULARY, TOPIC_WORDS, replace=False) for _ in range(TOPICS)]
        # Meaning lives in a LATENT-dimensional space, embedded in DIM dimensions with a little
        # isotropic noise: sentence embeddings have a low intrinsic dimension, unlike random vectors.
        topic_dirs = _unit(rng.standard_normal((TOPICS, LATENT)).astype(np.float32))
        own = _unit(rng.standard_normal((VOCABULARY, LATENT)).astype(np.float32))
        latent = _unit(0.5 * topic_dirs[self.topic_of_word] + 0.9 * own)
        projection = rng.standard_normal((LATENT, DIM)).astype(np.float32) / np.sqrt(LATENT)
        shared = _unit(rng.standard_normal((1, DIM)).astype(np.float32))
        isotropic = _unit(rng.standard_normal((VOCABULARY, DIM)).astype(np.float32))
        self.word_vectors = _unit(_unit(latent @ projection) + 0.1 * shared + 0.25 * isotropic)
        # Frequent words carry little meaning: weight them down as an idf would.
        self.word_weight = np.log(1.0 + 1.0 / (self.word_p * 2000.0)).astype(np.float32)

    def batch(self, start: int, size: int) -> Batch:
        """Memories start .. start+size-1; the same whatever the batch sizes (blocks of BLOCK)."""
        if start % BLOCK:
            raise ValueError(f"batches start at multiples of {BLOCK}")
        blocks = [self._block(first, min(BLOCK, start + size - first)) for first in range(start, start + size, BLOCK)]
        return Batch(start, [t for b in blocks for t in b.texts], np.concatenate([b.vectors for b in blocks]),
                     [k for b in blocks for k in b.kinds], np.concatenate([b.created_at for b in blocks]))

    def _block(self, start: int, size: int) -> Batch:
        rng = np.random.default_rng([self.seed, start])
        full = size
        size = BLOCK  # always draw a whole block, then cut: memory i never depends on the count asked for
        lengths = rng.integers(20, 70, size)
        topics = rng.integers(0, TOPICS, size)
        total = int(lengths.sum())
        general = rng.choice(VOCABULARY, total, p=self.word_p)
        topical = np.concatenate([self.topic_words[t][rng.integers(0, TOPIC_WORDS, n)] for t, n in zip(topics, lengths)])
        on_topic = np.repeat(rng.uniform(0.2, 0.7, size), lengths)  # how focused each memory is
        tokens = np.where(rng.random(total) < on_topic, topical, general)
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        rows = np.repeat(np.arange(size), lengths)
        bag = sparse.csr_matrix((self.word_weight[tokens], (rows, tokens)), shape=(size, VOCABULARY))
        vectors = np.asarray(bag @ self.word_vectors, dtype=np.float32)
        vectors = _unit(vectors)
        words = self.words
        texts = [" ".join(words[t] for t in tokens[offsets[i]:offsets[i + 1]]) for i in range(size)]
        kinds = [KINDS[k] for k in rng.choice(len(KINDS), size, p=KIND_WEIGHTS)]
        # Time grows with the index (a life's memories in order), with jitter inside a block.
        created = self.start_time + (start + np.sort(rng.random(size)) * size) * SECONDS_PER_MEMORY
        return Batch(start, texts[:full], vectors[:full].astype(np.float32), kinds[:full], created[:full])

    def batches(self, count: int, size: int = 10 * BLOCK) -> Iterator[Batch]:
        for start in range(0, count, size):
            yield self.batch(start, min(size, count - start))

    def query(self, index: int, n_words: int = 6, among: int = 10_000) -> tuple[str, np.ndarray]:
        """A question about one stored memory (one of the first `among`): a few of its words, embedded alike."""
        rng = np.random.default_rng([self.seed, 10**9 + index])
        target = int(rng.integers(0, among))
        first = target - target % BLOCK
        # Like a person's question after stopword removal: no words from the Zipf head.
        words = [w for w in self._block(first, BLOCK).texts[target - first].split()
                 if self.word_index[w] >= STOPWORD_RANKS]
        picked = sorted(set(rng.choice(len(words), min(n_words, len(words)), replace=False)))
        tokens = np.array([self.word_index[words[i]] for i in picked])
        vector = _unit((self.word_vectors[tokens] * self.word_weight[tokens, None]).sum(axis=0, keepdims=True))[0]
        return " ".join(words[i] for i in picked), vector.astype(np.float32)


def exact_top_k(corpus: SyntheticCorpus, count: int, queries: np.ndarray, k: int,
                kinds: tuple[str, ...] = ()) -> list[list[int]]:
    """Brute-force cosine top-k (0-based memory indexes) over the first `count` memories."""
    best_scores = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_ids = np.zeros((len(queries), 0), dtype=np.int64)
    for batch in corpus.batches(count, 20_000):
        scores = queries @ batch.vectors.T
        if kinds:
            keep = np.isin(np.array(batch.kinds), kinds)
            scores[:, ~keep] = -np.inf
        ids = np.arange(batch.start, batch.start + len(batch.texts))
        all_scores = np.concatenate([best_scores, scores], axis=1)
        all_ids = np.concatenate([best_ids, np.broadcast_to(ids, scores.shape)], axis=1)
        top = np.argsort(-all_scores, axis=1)[:, :k]
        best_scores = np.take_along_axis(all_scores, top, axis=1)
        best_ids = np.take_along_axis(all_ids, top, axis=1)
    return [list(map(int, row)) for row in best_ids]


def _pseudo_words(rng: np.random.Generator, n: int) -> list[str]:
    seen: set[str] = set()
    words: list[str] = []
    while len(words) < n:
        parts = rng.integers(0, len(SYLLABLES), int(rng.integers(1, 4)))
        word = "".join(SYLLABLES[p] for p in parts)
        if rng.random() < 0.3:
            word += "nrstlm"[int(rng.integers(0, 6))]
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)
