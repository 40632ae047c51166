"""Compact vectors for a large store: int8 vectors to rescore, sign bits to scan.

A vector is kept as int8 components and one float32 scale (dim + 4 bytes instead of 4 · dim);
its cosine with a query differs from the float32 one by about 1e-3. The coarse pass reads
bit codes: the signs of the centred vector under a fixed random rotation, CODE_BITS_PER_DIM
bits per dimension (768 bits, 96 bytes for 384 dims). The Hamming distance between two codes
estimates the angle between the vectors, so the memories nearest the query are among those
with the fewest differing bits.

Codes are stored in blocks of up to BLOCK memories (ids, codes, kinds, creation times as
arrays in one row each), so a scan reads a few hundred rows instead of a million. New codes go
to a small tail table, folded into a block when it holds BLOCK of them. Blocks never change
once written (a rebuild replaces them all and bumps the generation), so each process keeps
the blocks it has read as numpy arrays and reads only new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

BLOCK = 1024
CODE_BITS_PER_DIM = 2
# Stored as one byte per memory: never reorder, only append.
KIND_CODES = ("chunk", "message", "fact", "summary", "portrait")
UNKNOWN_KIND = 255
META_GENERATION = "vec_codes_generation"


def kind_code(kind: Optional[str]) -> int:
    return KIND_CODES.index(kind) if kind in KIND_CODES else UNKNOWN_KIND


# ---- the compact vector form ------------------------------------------------------------


def pack_int8(matrix: np.ndarray) -> list[bytes]:
    """Each row as int8 components followed by its float32 scale."""
    matrix = np.asarray(matrix, dtype=np.float32).reshape(len(matrix), -1)
    scale = (np.abs(matrix).max(axis=1) / 127.0).astype(np.float32)
    safe = np.where(scale > 0, scale, 1.0).astype(np.float32)
    quantized = np.clip(np.rint(matrix / safe[:, None]), -127, 127).astype(np.int8)
    return [q.tobytes() + s.tobytes() for q, s in zip(quantized, scale)]


def unpack(blobs: Sequence[bytes], dim: int) -> np.ndarray:
    """(n, dim) float32 from stored vectors, each float32 (4 · dim bytes) or int8 + scale (dim + 4)."""
    joined = b"".join(blobs)
    if len(joined) == len(blobs) * (dim + 4):  # all compact (the usual case in a large store)
        raw = np.frombuffer(joined, dtype=np.uint8).reshape(len(blobs), dim + 4)
        return raw[:, :dim].view(np.int8).astype(np.float32) * raw[:, dim:].copy().view(np.float32)
    if len(joined) == len(blobs) * dim * 4:
        return np.frombuffer(joined, dtype=np.float32).reshape(len(blobs), dim).copy()
    return np.concatenate([unpack([blob], dim) for blob in blobs]) if blobs else np.zeros((0, dim), np.float32)


# ---- codes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Codebook:
    mean: np.ndarray  # (dim,) float32: codes are taken around the store's mean vector
    rotation: np.ndarray  # (dim, bits) float32

    @property
    def code_bytes(self) -> int:
        return self.rotation.shape[1] // 8

    def encode(self, matrix: np.ndarray) -> np.ndarray:
        """(n, code_bytes) uint8 sign codes."""
        matrix = np.asarray(matrix, dtype=np.float32).reshape(-1, self.rotation.shape[0])
        return np.packbits((matrix - self.mean) @ self.rotation > 0, axis=1)


def train_codebook(sample: np.ndarray, seed: int = 0) -> Codebook:
    """Mean of a sample of the store's vectors and CODE_BITS_PER_DIM random orthonormal rotations."""
    dim = sample.shape[1]
    rng = np.random.default_rng(seed)
    rotations = [np.linalg.qr(rng.standard_normal((dim, dim)))[0] for _ in range(CODE_BITS_PER_DIM)]
    rotation = np.ascontiguousarray(np.concatenate(rotations, axis=1).astype(np.float32))
    pad = (-rotation.shape[1]) % 64  # whole 64-bit words
    if pad:
        rotation = np.concatenate([rotation, rotation[:, :pad]], axis=1)
    return Codebook(sample.mean(axis=0).astype(np.float32), rotation)


def codebook_from_blobs(mean: bytes, rotation: bytes, dim: int) -> Codebook:
    return Codebook(np.frombuffer(mean, dtype=np.float32).copy(),
                    np.frombuffer(rotation, dtype=np.float32).reshape(dim, -1).copy())


# ---- blocks ---------------------------------------------------------------------------------


@dataclass
class CodeArrays:
    """Codes of many memories, column-major (one row of uint64 words per 64 bits) for fast scans."""

    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    words: Optional[np.ndarray] = None  # (code_bytes / 8, n) uint64
    kinds: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint8))
    created: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))

    def __len__(self) -> int:
        return len(self.ids)

    @staticmethod
    def from_rows(ids, codes: np.ndarray, kinds, created) -> "CodeArrays":
        codes = np.ascontiguousarray(codes, dtype=np.uint8)
        words = np.ascontiguousarray(codes.view(np.uint64).T) if len(codes) else None
        return CodeArrays(np.asarray(ids, dtype=np.int64), words, np.asarray(kinds, dtype=np.uint8),
                          np.asarray(created, dtype=np.float64))

    @staticmethod
    def concat(parts: list["CodeArrays"]) -> "CodeArrays":
        parts = [p for p in parts if len(p)]
        if not parts:
            return CodeArrays()
        if len(parts) == 1:
            return parts[0]
        return CodeArrays(np.concatenate([p.ids for p in parts]), np.concatenate([p.words for p in parts], axis=1),
                          np.concatenate([p.kinds for p in parts]), np.concatenate([p.created for p in parts]))


def block_row(ids: np.ndarray, codes: np.ndarray, kinds: np.ndarray, created: np.ndarray) -> tuple:
    return (np.asarray(ids, dtype="<i8").tobytes(), np.ascontiguousarray(codes, dtype=np.uint8).tobytes(),
            np.asarray(kinds, dtype=np.uint8).tobytes(), np.asarray(created, dtype="<f8").tobytes())


def arrays_from_block(ids: bytes, codes: bytes, kinds: bytes, created: bytes, code_bytes: int) -> CodeArrays:
    id_array = np.frombuffer(ids, dtype="<i8").astype(np.int64)
    code_array = np.frombuffer(codes, dtype=np.uint8).reshape(len(id_array), code_bytes)
    return CodeArrays.from_rows(id_array, code_array, np.frombuffer(kinds, dtype=np.uint8),
                                np.frombuffer(created, dtype="<f8"))


def write_block(conn, ids, codes, kinds, created) -> None:
    conn.execute("INSERT INTO memory_vec_codes(ids, codes, kinds, created) VALUES (?, ?, ?, ?)",
                 block_row(ids, codes, kinds, created))


class BlockCache:
    """The blocks this process has read, as one set of arrays, valid for one codes generation."""

    def __init__(self) -> None:
        self.generation: Optional[str] = None
        self.blocks: set[int] = set()
        self.arrays = CodeArrays()

    def current(self, conn, generation: str, code_bytes: int) -> CodeArrays:
        if generation != self.generation:
            self.generation, self.blocks, self.arrays = generation, set(), CodeArrays()
        count, last = conn.execute("SELECT count(*), max(block) FROM memory_vec_codes").fetchone()
        if count == len(self.blocks) and (last is None or last in self.blocks):
            return self.arrays
        stored = [row[0] for row in conn.execute("SELECT block FROM memory_vec_codes")]
        if not set(self.blocks) <= set(stored):  # blocks went away without a new generation: start over
            self.blocks, self.arrays = set(), CodeArrays()
        new = [block for block in stored if block not in self.blocks]
        parts = [self.arrays]
        for start in range(0, len(new), 200):
            part = new[start:start + 200]
            rows = conn.execute("SELECT ids, codes, kinds, created FROM memory_vec_codes WHERE block IN "
                                f"({','.join(map(str, part))}) ORDER BY block").fetchall()
            parts.extend(arrays_from_block(*row, code_bytes) for row in rows)
        if new:
            self.arrays = CodeArrays.concat(parts)
            self.blocks.update(new)
        return self.arrays


def tail_arrays(conn, code_bytes: int) -> CodeArrays:
    rows = conn.execute("SELECT id, code, kind, created_at FROM memory_vec_code_tail").fetchall()
    if not rows:
        return CodeArrays()
    ids, blobs, kinds, created = zip(*rows)
    codes = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(len(rows), code_bytes)
    return CodeArrays.from_rows(ids, codes, kinds, created)


def add_to_tail(conn, memory_id: int, code: np.ndarray, kind: Optional[str], created_at: float) -> None:
    conn.execute("INSERT OR REPLACE INTO memory_vec_code_tail(id, code, kind, created_at) VALUES (?, ?, ?, ?)",
                 (memory_id, np.ascontiguousarray(code, dtype=np.uint8).tobytes(), kind_code(kind),
                  float(created_at or 0.0)))
    fold_tail(conn, len(code))


def fold_tail(conn, code_bytes: int) -> bool:
    """Move the tail into a new block once it holds BLOCK codes."""
    (count,) = conn.execute("SELECT count(*) FROM memory_vec_code_tail").fetchone()
    if count < BLOCK:
        return False
    arrays = tail_arrays(conn, code_bytes)
    order = np.argsort(arrays.ids)
    codes = np.ascontiguousarray(arrays.words.T).view(np.uint8)[order]
    write_block(conn, arrays.ids[order], codes, arrays.kinds[order], arrays.created[order])
    conn.execute("DELETE FROM memory_vec_code_tail")
    return True


# ---- the coarse pass ----------------------------------------------------------------------------


def allowed(arrays: CodeArrays, kinds: Sequence[str], since: Optional[float], until: Optional[float]) -> np.ndarray:
    """Boolean mask of the memories the filters let through."""
    mask = np.ones(len(arrays), dtype=bool)
    if kinds:
        mask &= np.isin(arrays.kinds, [kind_code(k) for k in kinds])
    if since is not None:
        mask &= arrays.created >= since
    if until is not None:
        mask &= arrays.created < until
    return mask


def nearest(parts: Sequence[CodeArrays], query_code: np.ndarray, k: int, kinds: Sequence[str] = (),
            since: Optional[float] = None, until: Optional[float] = None) -> np.ndarray:
    """Ids of (up to) the k memories allowed by the filters with the fewest bits differing from the query's code."""
    filtered = bool(kinds) or since is not None or until is not None
    masks = [allowed(p, kinds, since, until) if filtered else None for p in parts]
    if filtered and sum(int(m.sum()) for m in masks) <= k:  # few enough to rank them all
        return np.concatenate([p.ids[m] for p, m in zip(parts, masks)] + [np.zeros(0, dtype=np.int64)])
    query_words = np.ascontiguousarray(query_code, dtype=np.uint8).view(np.uint64)
    ids, distances = [], []
    for part, mask in zip(parts, masks):
        if not len(part):
            continue
        distance = hamming(part.words, query_words)
        chosen = _smallest(distance, k, mask)
        ids.append(part.ids[chosen])
        distances.append(distance[chosen])
    if not ids:
        return np.zeros(0, dtype=np.int64)
    ids, distances = np.concatenate(ids), np.concatenate(distances)
    return ids[np.argsort(distances, kind="stable")[:k]]


def hamming(words: np.ndarray, query_words: np.ndarray, step: int = 65_536) -> np.ndarray:
    """Bits differing between each code and the query's, a cache-sized slice at a time, without temporaries."""
    n = words.shape[1]
    distance = np.zeros(n, dtype=np.uint16)
    scratch, counts = np.empty(min(n, step), dtype=np.uint64), np.empty(min(n, step), dtype=np.uint8)
    for start in range(0, n, step):
        end = min(n, start + step)
        x, c, d = scratch[:end - start], counts[:end - start], distance[start:end]
        for row, word in zip(words, query_words):
            np.bitwise_xor(row[start:end], word, out=x)
            np.bitwise_count(x, out=c)
            np.add(d, c, out=d)
    return distance


def _smallest(distance: np.ndarray, k: int, mask: Optional[np.ndarray]) -> np.ndarray:
    """Positions of the k smallest allowed distances, by a histogram (cheaper than partitioning a million)."""
    if mask is not None:
        distance = np.where(mask, distance, np.iinfo(np.uint16).max)
    if len(distance) > k:
        counts = np.cumsum(np.bincount(distance, minlength=int(distance.max()) + 1))
        threshold = int(np.searchsorted(counts, k))
        below = np.flatnonzero(distance < threshold)
        chosen = np.concatenate([below, np.flatnonzero(distance == threshold)[:max(0, k - len(below))]])
    else:
        chosen = np.arange(len(distance))
    return chosen[distance[chosen] < np.iinfo(np.uint16).max] if mask is not None else chosen
