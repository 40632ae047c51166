"""Model runtime benchmarks: chat overhead, KV cache quantization, memory-mapped weights, offload."""

from __future__ import annotations

import contextlib
import ctypes
import io
import json
import math
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import REPO_ROOT, child_env, median

KV_TEXT = Path(__file__).resolve().parent / "data" / "kv_text.txt"
# Asked of the example notes: it must get past the abstention checks and ask for one fact (a
# request like "what do my notes say about…" is answered by quoting the note), or the model is
# never called and there is nothing to measure.
QUESTION = "How long does the bulk fermentation of the sourdough take, and at what temperature?"
BYTES_PER_ELEMENT = {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}  # ggml block sizes


def _settings(home: Path, **overrides):
    from second_me.config import load_settings

    # The built-in chat model unless a section asks for another (the reader extra may be installed).
    return load_settings(home, environ={}, **{"chat_model": "builtin", **overrides})


# ---- chat overhead -----------------------------------------------------------------


def chat(quick: bool, smoke: bool = False) -> dict:
    """Tokens/s streamed through Services.ask vs raw llama-cpp-python, same Llama, prompt and settings."""
    from second_me.clock import Clock
    from second_me.models import llama
    from second_me.services import Services
    from second_me.storage.store import open_store

    n_tokens, rounds = (8, 1) if smoke else (48, 3) if quick else (128, 5)
    home = Path(tempfile.mkdtemp(prefix="sm-bench-chat-"))
    settings = _settings(home, temperature=0.0, max_answer_tokens=n_tokens, abstain_similarity=-1.0)
    services = Services(settings, open_store(settings, {"SECOND_ME_PASSPHRASE": "bench"}),
                        lambda: llama.load_embedder(settings), lambda: llama.load_chat_model(settings), Clock())
    try:
        services.indexing.add([REPO_ROOT / "examples" / "notes"])
        model = services.chat_model
        captured: list = []
        original = model.stream

        def recording(messages, **kwargs):
            captured.append(messages)
            return original(messages, **kwargs)

        model.stream = recording  # type: ignore[method-assign]
        answer = services.answering.ask(QUESTION)  # warm-up; captures the exact prompt second-me builds
        del model.stream
        if not captured:
            raise RuntimeError(f"the question never reached the chat model (answer: {answer.text[:120]!r})")
        ours, theirs, tokens = streamed_rates(services, model, QUESTION, captured[0], n_tokens, rounds)
        # Ratio of medians: one slow round on a shared machine does not swing it.
        ratio = median(ours) / median(theirs)
        messages = [{"role": m.role, "content": m.content} for m in captured[0]]
        return {"chat_ratio": round(ratio, 3), "chat_ratio_rounds": [round(o / t, 3) for o, t in zip(ours, theirs)],
                "chat_tokens_per_s": round(median(ours), 1), "chat_raw_tokens_per_s": round(median(theirs), 1),
                "chat_tokens": tokens, "chat_prompt_tokens": len(model._llama.tokenize(json.dumps(messages).encode()))}
    finally:
        services.close()


def streamed_rates(services, model, question: str, messages, n_tokens: int,
                   rounds: int) -> tuple[list[float], list[float], int]:
    """Tokens/s as the model yields them inside `Services.ask` (second-me's checking in the loop: what
    the user reads is released a checked sentence at a time, so its own pieces are no token count),
    and through raw `create_chat_completion` on the same Llama and messages, interleaved so the
    machine's noise hits both alike. Returns both rates per round and the tokens of one ask."""
    raw_llama = model._llama
    chat_messages = [{"role": m.role, "content": m.content} for m in messages]
    stream = model.stream

    def through_second_me() -> tuple[float, int]:
        stamps: list[float] = []

        def timed(*args, **kwargs):
            for piece in stream(*args, **kwargs):
                stamps.append(time.perf_counter())
                yield piece

        model.stream = timed  # type: ignore[method-assign]
        try:
            services.answering.ask(question, remember=False)
        finally:
            del model.stream
        return _rate(stamps), len(stamps)

    def raw() -> float:
        stamps: list[float] = []
        for chunk in raw_llama.create_chat_completion(messages=chat_messages, max_tokens=n_tokens, temperature=0.0,
                                                      stream=True):
            if chunk["choices"][0]["delta"].get("content"):
                stamps.append(time.perf_counter())
        return _rate(stamps)

    raw()  # warm-up: the prompt is evaluated once, both sides then reuse it
    ours: list[float] = []
    theirs: list[float] = []
    tokens = 0
    for _ in range(rounds):
        theirs.append(raw())
        rate, tokens = through_second_me()
        ours.append(rate)
    if tokens < 2 or any(math.isnan(rate) for rate in ours + theirs):
        raise RuntimeError(f"the model streamed {tokens} token(s) inside ask: no rate to compare")
    return ours, theirs, tokens


def _rate(stamps: list[float]) -> float:
    """Streamed tokens per second, first token to last (prompt processing excluded)."""
    if len(stamps) < 2:
        return float("nan")
    return (len(stamps) - 1) / (stamps[-1] - stamps[0])


# ---- ask overhead -------------------------------------------------------------------


class PromptReady:
    """A chat model that stops the clock when the prompt is ready, and answers nothing."""

    def __init__(self, model):
        self.model = model
        self.ready_at: float | None = None

    def __getattr__(self, name):
        return getattr(self.model, name)

    def stream(self, messages, **kwargs):
        self.ready_at = time.perf_counter()
        return iter(())


def ask_overhead(settings, store, embedder, chat_model, questions: list[str]) -> dict:
    """Question to prompt-ready (embed query, hybrid search, evidence, the cited context), in ms; to the
    finished answer when it is made of quotes alone, without the model."""
    from second_me.clock import Clock
    from second_me.models.base import ChatModel
    from second_me.services import Services

    probe = PromptReady(chat_model)
    ChatModel.register(PromptReady)
    services = Services(settings, store, embedder, probe, Clock())
    services.reinforce = lambda ids: None  # keep the store unchanged between runs
    timings = []
    for question in questions[:3]:  # warm-up
        services.answering.ask(question)
    reached_model = 0
    for question in questions:
        probe.ready_at = None
        started = time.perf_counter()
        services.answering.ask(question)
        # An answer made of quotes alone never calls the model: then the whole answer is the overhead.
        reached_model += probe.ready_at is not None
        timings.append(((probe.ready_at or time.perf_counter()) - started) * 1000)
    return {"ask_overhead_ms": round(median(timings), 1), "ask_overhead_p95_ms": round(sorted(timings)[
        int(0.95 * (len(timings) - 1))], 1), "ask_overhead_reached_model": f"{reached_model}/{len(questions)}"}


# ---- KV cache ------------------------------------------------------------------------


def kv_cache(quick: bool, smoke: bool = False) -> dict:
    """KV bytes at the same n_ctx and greedy next-token agreement with f16 over a fixed text."""
    from second_me.models import llama
    from second_me.models.defaults import default_chat_model_path

    llama_cpp = llama._llama_cpp()
    text = KV_TEXT.read_bytes()
    lines: list[str] = []

    @llama_cpp.llama_log_callback
    def capture(level: int, message: bytes, user_data: ctypes.c_void_p) -> None:
        lines.append(message.decode("utf-8", errors="replace"))

    llama_cpp.llama_log_set(capture, ctypes.c_void_p(0))
    n_ctx = 256 if smoke else 2048  # the byte ratios do not depend on it
    argmax: dict[str, np.ndarray] = {}
    reported: dict[str, float] = {}
    computed: dict[str, float] = {}
    try:
        for kv_type, flash in (("f16", True), ("q8_0", True), ("q4_0", True), ("f16-noflash", False)):
            lines.clear()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                # verbose=True so llama.cpp logs its KV buffer size to our callback; Python-side chatter is dropped.
                model = llama_cpp.Llama(str(default_chat_model_path()), n_ctx=n_ctx, n_batch=512,
                                        type_k=llama.KV_TYPE_IDS[kv_type.split("-")[0]],
                                        type_v=llama.KV_TYPE_IDS[kv_type.split("-")[0]],
                                        flash_attn=flash, logits_all=True, verbose=True)
            tokens = model.tokenize(text)[:128 if smoke else 1024 if quick else n_ctx - 8]  # ≥ 1k but in smoke runs
            model.eval(tokens)
            scores = model.scores[:len(tokens)]
            argmax[kv_type] = np.argmax(scores, axis=1)
            if kv_type == "f16":
                top2 = np.sort(scores, axis=1)[:, -2:]
                margin = top2[:, 1] - top2[:, 0]
            reported[kv_type] = _reported_kv_mib(lines)
            n_layer = model.n_layer() if hasattr(model, "n_layer") else llama_cpp.llama_model_n_layer(model.model)
            kv_dim = _kv_dim(model, llama_cpp)
            computed[kv_type] = n_layer * n_ctx * 2 * kv_dim * BYTES_PER_ELEMENT[kv_type.split("-")[0]] / 2**20
            model.close()
    finally:
        llama_cpp.llama_log_set(llama._log_sink, ctypes.c_void_p(0))
    del reported["f16-noflash"], computed["f16-noflash"]
    source = "llama.cpp reported" if all(reported.values()) else "computed from model shape"
    size = reported if all(reported.values()) else computed
    return {
        "kv_q8_bytes_ratio": round(size["q8_0"] / size["f16"], 3),
        "kv_q4_bytes_ratio": round(size["q4_0"] / size["f16"], 3),
        "kv_q8_top1": round(float(np.mean(argmax["q8_0"] == argmax["f16"])), 4),
        "kv_q4_top1": round(float(np.mean(argmax["q4_0"] == argmax["f16"])), 4),
        # The noise floor: the same f16 cache through the other attention kernel.
        "kv_f16_noflash_top1": round(float(np.mean(argmax["f16-noflash"] == argmax["f16"])), 4),
        "kv_bytes_source": source,
        # Of the positions where q8_0 disagrees, the share where f16's top two logits were within 1.0:
        "kv_q8_disagreements_near_tie": _near_tie_share(argmax["q8_0"] != argmax["f16"], margin),
        "kv_mib": {k: round(v, 2) for k, v in size.items()},
        "kv_mib_computed": {k: round(v, 2) for k, v in computed.items()},
        "kv_n_ctx": n_ctx,
        "kv_text_tokens": int(len(argmax["f16"])),
    }


def _near_tie_share(disagree: np.ndarray, margin: np.ndarray) -> float | None:
    if not disagree.any():
        return None
    return round(float(np.mean(margin[disagree] < 1.0)), 3)


def _reported_kv_mib(lines: list[str]) -> float:
    """Sum of llama.cpp's 'KV buffer size = X MiB' lines (one per backend buffer)."""
    text = "".join(lines)
    sizes = re.findall(r"KV buffer size\s*=\s*([0-9.]+)\s*MiB", text)
    return sum(float(s) for s in sizes)


def _kv_dim(model, llama_cpp) -> int:
    """K (or V) elements per token per layer: n_embd / n_head * n_head_kv."""
    meta = model.metadata
    arch = meta.get("general.architecture", "llama")
    n_embd = int(meta[f"{arch}.embedding_length"])
    n_head = int(meta[f"{arch}.attention.head_count"])
    n_head_kv = int(meta.get(f"{arch}.attention.head_count_kv", n_head))
    return n_embd // n_head * n_head_kv


# ---- memory-mapped weights ----------------------------------------------------------------


def mmap_weights(quick: bool, smoke: bool = False) -> dict:
    rounds = 1 if smoke else 3 if quick else 5
    runs: dict[bool, list[dict]] = {True: [], False: []}
    for _ in range(rounds):
        for use_mmap in (True, False):  # interleaved
            proc = subprocess.run([sys.executable, "-m", "bench.load_child", "1" if use_mmap else "0", "16"],
                                  capture_output=True, text=True, timeout=600, env=child_env(), cwd=REPO_ROOT)
            if proc.returncode != 0:
                raise RuntimeError(f"load child failed: {proc.stderr.strip()[-300:]}")
            runs[use_mmap].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    on, off = runs[True], runs[False]
    return {
        "mmap_load_ratio": round(median([a["load_s"] / b["load_s"] for a, b in zip(on, off)]), 3),
        "mmap_load_s": round(median([r["load_s"] for r in on]), 3),
        "nommap_load_s": round(median([r["load_s"] for r in off]), 3),
        "mmap_rss_mb": {"after_load": on[-1]["after_load"], "after_answer": on[-1]["after_answer"]},
        "nommap_rss_mb": {"after_load": off[-1]["after_load"], "after_answer": off[-1]["after_answer"]},
        "model_mb": on[-1]["model_mb"],
    }


def offload() -> dict:
    from second_me.config import load_settings
    from second_me.models import llama

    info = llama.runtime_info(load_settings(tempfile.mkdtemp(prefix="sm-bench-"), environ={}))
    return {"gpu_offload_available": info["gpu_offload_supported"], "n_gpu_layers": info["n_gpu_layers"],
            "gpu_offload_used": info["gpu_offload_supported"] and info["n_gpu_layers"] != 0,
            "offload_reason": info["n_gpu_layers_reason"], "llama_cpp_version": info["llama_cpp_version"],
            "system_info": info["system_info"]}
