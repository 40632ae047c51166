"""How to run a model on this machine, decided from settings and the model file alone (no llama.cpp)."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from second_me.models.defaults import GGUFInfo


def choose_gpu_layers(override: int | None, supports_offload: bool) -> tuple[int, str]:
    """How many layers to put on the GPU, and why (shown by `doctor`)."""
    if override is not None:
        reason = f"n_gpu_layers = {override} set in settings"
        if override != 0 and not supports_offload:
            reason += " (but this llama.cpp build has no GPU offload, so it runs on the CPU)"
        return override, reason
    if supports_offload:
        return -1, "GPU/Metal offload available: all layers"
    return 0, "this llama.cpp build has no GPU offload: CPU only"


def flash_attn_needed(settings: Any) -> bool:
    # llama.cpp needs flash attention for a quantized V cache; enable it whenever the cache is quantized.
    return settings.kv_cache_type_k != "f16" or settings.kv_cache_type_v != "f16"


def chat_n_ctx(settings: Any, info: GGUFInfo | None) -> int:
    trained = info.context_length if info else None
    return min(settings.n_ctx, trained) if trained else settings.n_ctx


def model_id_for(info: GGUFInfo) -> str:
    """A stable id for a model file: its name, size and a hash of its head and tail.

    Cheap even for multi-GB files, and unchanged by renaming or moving the file.
    """
    digest = hashlib.sha256(str(info.size).encode())
    with open(info.path, "rb") as handle:
        digest.update(handle.read(1 << 20))
        handle.seek(max(0, info.size - (1 << 20)))
        digest.update(handle.read(1 << 20))
    return f"{info.name}:{info.size}:{digest.hexdigest()[:12]}"


# Model families whose attention keys lose their meaning in a 4-bit cache. Measured on the reader
# (Qwen2.5-Coder-1.5B): with q4_0 keys the greedy next token agrees with an f16 cache at 3% of the
# positions of an English text, and it answers nonsense; with q8_0 keys, 96% (bench/reader.py).
# Qwen2's attention biases give its keys large outliers that a 4-bit block cannot hold (llama.cpp#6172).
FRAGILE_KEY_FAMILIES = frozenset({"qwen"})


def kv_cache_types(settings: Any, family: str) -> tuple[str, str, str]:
    """The K and V cache types to use for a model family, and why when they differ from the settings."""
    type_k, type_v = settings.kv_cache_type_k, settings.kv_cache_type_v
    if family in FRAGILE_KEY_FAMILIES and type_k == "q4_0":
        return "q8_0", type_v, f"kv_cache_type_k = q4_0 raised to q8_0: {family} models answer nonsense with 4-bit keys"
    return type_k, type_v, ""


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def choose_threads(setting: int, cores: int) -> tuple[int, int, str]:
    """llama.cpp threads for generation and for prompt batches, and why.

    Prompts are read with every core. Generation, bound by memory bandwidth more than by
    arithmetic, uses half of them (llama.cpp's own choice), leaving the rest to the app, the
    indexer and the user's other programs. Busy cores no longer stall llama.cpp's threads since
    they sleep while they wait (models/llama.py sets OMP_WAIT_POLICY): on a 2-core machine at load
    average 10 the reader read prompts and generated as fast with 2 threads as with 1, where
    spinning threads had made 2 several times slower (bench/reader.py, `reader_threads`).
    """
    if setting > 0:
        return setting, setting, f"n_threads = {setting} set in settings"
    batch = max(1, cores)
    generation = max(1, cores // 2)
    return generation, batch, f"{cores} cores: all read prompts, {generation} generate"
