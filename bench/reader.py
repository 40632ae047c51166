"""The reader extra (Qwen2.5-Coder-1.5B-Instruct) at work: chat overhead, prompt speed, time to first
token with and without reusing evaluated prompts, KV cache quantisation, and thread counts.

Skipped, with the reason, when the extra is not installed. Every figure is `reader_*`.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import median
from bench.models import KV_TEXT, _near_tie_share, streamed_rates

# Questions to the built-in person, answered from her chats (10 hits searched; the prompt holds the
# memories its evidence quotes, 5 and 2 here). The first asks for a long answer, so the chat ratio has
# tokens to time; the third follows up on the second, and its memories come first in both prompts.
FIRST = "What have I told you about my running and races?"
SECOND = "What kind of bicycle do I ride?"
FOLLOW_UP = "Where do I keep my bicycle?"
# Questions whose answers the KV cache types are compared on (the built-in person's; answered or not,
# the prompt is what the reader reads).
KV_QUESTIONS = (
    "Where do I work now?", "What is my cat's name?", "How far was my longest run?", "Where did I go in March?",
    "What did I cook for the dinner party?", "Who is my landlord?", "What do I do on Sunday mornings?",
    "Which languages am I learning?", "When is my sister's birthday?", "What bike do I ride?",
    "What did I buy last weekend?", "Where did I stay in Lisbon?",
)
# The evidence check the answer layer asks before answering (its own fixed instructions).
JUDGE_SYSTEM = "You check whether a text answers a question. Reply with one word: yes or no."

# figure -> (goal, direction), merged into bench.run.GOALS.
GOALS = {
    "reader_chat_ratio": (0.95, "min"),
    "reader_prompt_tps": (None, None),
    "reader_ttft_first_s": (None, None),
    "reader_ttft_second_s": (None, None),
    "reader_ttft_second_ratio": (0.6, "max"),
    "reader_kv_q8_top1": (0.98, "min"),
    "reader_kv_q4_top1": (None, None),
    "reader_kv_q8_answer_top1": (0.98, "min"),
}


def _missing_reason() -> str:
    from second_me.config import load_settings
    from second_me.models.reader import reader_state

    state = reader_state(load_settings(Path(tempfile.gettempdir()), environ={}).models_folder)
    if state["installed"]:
        return ""
    return state["problem"] or "the reader extra is not installed"


def run(quick: bool = True, smoke: bool = False) -> dict:
    reason = _missing_reason()
    if reason:
        print(f"  reader: skipped: {reason}", file=sys.stderr, flush=True)
        return {"reader_skipped": reason}
    results, prompts = answering(quick, smoke)
    results.update(kv_cache(quick, smoke))
    # --smoke only checks that it runs: the start of one prompt, a 4-token answer, no floor.
    results.update(kv_answers([prompt[:96] for prompt in prompts], 4, floor=False) if smoke else kv_answers(prompts))
    return results


# ---- answering: chat ratio, prompt speed, time to first token, threads ------------------------


def _judge(messages) -> list:
    from second_me.models.base import ChatMessage

    notes = messages[-1].content.split("</notes>")[0].replace("<notes>", "").strip()
    first = notes.split("\n\n")[0]
    question = messages[-1].content.rsplit("Question:", 1)[-1].strip()
    return [ChatMessage("system", JUDGE_SYSTEM),
            ChatMessage("user", f"Text:\n{first}\n\nQuestion: {question}\nDoes the text answer the question? "
                                "Reply yes or no.")]


def answering(quick: bool, smoke: bool) -> tuple[dict, list[list[int]]]:
    from second_me.clock import Clock
    from second_me.config import load_settings
    from second_me.eval.dataset import load_dataset
    from second_me.models import llama
    from second_me.services import Services
    from second_me.storage.store import open_store

    n_tokens, rounds = (4, 1) if smoke else (32, 5) if quick else (128, 7)
    home = Path(tempfile.mkdtemp(prefix="sm-bench-reader-"))
    # --smoke only checks that the section runs: 3 memories of context instead of 10.
    # Speed is measured here, not refusals: the reader check still runs before each answer but never refuses.
    settings = load_settings(home, environ={}, chat_model="reader", temperature=0.0, max_answer_tokens=n_tokens,
                             abstain_similarity=-1.0, reader_check=0.0, search_k=3 if smoke else 10)
    services = Services(settings, open_store(settings, {"SECOND_ME_PASSPHRASE": "bench"}),
                        lambda: llama.load_embedder(settings), lambda: llama.load_chat_model(settings), Clock())
    try:
        # Her own messages: the assistant's replies in the dataset are filler, and answers are not memories.
        turns = [turn for turn in load_dataset().turns if turn.role == "user"]
        services.conversations.log.add_turns(turns, max(turn.timestamp for turn in turns))
        model = services.chat_model
        prompts = {question: _captured_prompt(services, question) for question in (FIRST, SECOND, FOLLOW_UP)}
        results = chat_ratio(services, model, prompts[FIRST], n_tokens, rounds)
        results.update(time_to_first_token(model, *prompts.values(), rounds=1 if smoke else 2 if quick else 4))
        if not smoke:
            results.update(threads(model, 2 if quick else 3))
        # The prompts of real questions, as the app builds them, for the KV cache's effect on answers.
        wanted = 1 if smoke else 8 if quick else len(KV_QUESTIONS)
        tokens: list[list[int]] = []
        for question in KV_QUESTIONS:
            try:
                tokens.append(model._prompt_tokens(_captured_prompt(services, question)))
            except RuntimeError:
                continue  # refused by a rule check before the reader reads anything: no prompt to compare on
            if len(tokens) == wanted:
                break
        return results, tokens
    finally:
        services.close()
        shutil.rmtree(home, ignore_errors=True)


def _captured_prompt(services, question: str) -> list:
    """The messages second-me builds for `question` (from 10 hits), without answering it."""
    model = services.chat_model
    captured: list = []

    def recording(messages, **kwargs):
        captured.append(list(messages))
        return iter(())

    model.stream = recording  # type: ignore[method-assign]
    try:
        answer = services.answering.ask(question, remember=False)
    finally:
        del model.stream
    if not captured:
        raise RuntimeError(f"second-me answered {question!r} without the model: {answer.text}")
    return captured[0]


def chat_ratio(services, model, messages, n_tokens: int, rounds: int) -> dict:
    """Tokens/s streamed through Services.ask vs raw create_chat_completion on the same Llama and messages."""
    ours, theirs, _ = streamed_rates(services, model, FIRST, messages, n_tokens, rounds)
    return {"reader_chat_ratio": round(median(ours) / median(theirs), 3),
            "reader_chat_ratio_rounds": [round(o / t, 3) for o, t in zip(ours, theirs)],
            "reader_chat_tokens_per_s": round(median(ours), 2), "reader_chat_raw_tokens_per_s": round(median(theirs), 2)}


def _first_token(model, messages, max_tokens: int = 8) -> tuple[float, str]:
    """Seconds from asking to the first piece of the reply, and the first `max_tokens` tokens' text."""
    started = time.perf_counter()
    stream = model.stream(messages, max_tokens=max_tokens, temperature=0.0)
    try:
        first = next(stream, "")
        elapsed = time.perf_counter() - started
        return elapsed, first + "".join(stream)
    finally:
        stream.close()


def time_to_first_token(model, first, second, follow_up, rounds: int) -> dict:
    """Two questions as the answer layer asks them: each an evidence check, then the answer.

    The check in between replaces the live sequence, so without the prompt cache the second answer is
    evaluated from nothing, as if it were the first; with it, the answer's fixed instructions come back.
    Sessions with and without the cache alternate; the second question's text and check must not change.
    """
    from second_me.models.prompt_cache import PromptCache, shared_length

    timings: dict[str, list[float]] = {"first": [], "second": [], "second_noreuse": []}
    texts: dict[bool, set[str]] = {True: set(), False: set()}
    checks: dict[bool, list[float]] = {True: [], False: []}
    reused = 0
    for _ in range(rounds):
        for reuse in (True, False):
            model.prompt_cache = PromptCache() if reuse else PromptCache(max_bytes=0)
            model._llama.reset()
            model.yes_probability(_judge(first))
            timings["first"].append(_first_token(model, first)[0])
            checks[reuse].append(model.yes_probability(_judge(second)))
            elapsed, text = _first_token(model, second)
            timings["second" if reuse else "second_noreuse"].append(elapsed)
            texts[reuse].add(text)
            if reuse:
                reused = model.prompt_cache.restored_tokens
    model.prompt_cache = PromptCache()
    second_s, alone_s = median(timings["second"]), median(timings["second_noreuse"])
    tokens = {name: model._prompt_tokens(messages) for name, messages in
              (("first", first), ("second", second), ("follow_up", follow_up))}
    # The second prompt, evaluated from nothing in one go: prompt processing speed.
    model._llama.reset()
    started = time.perf_counter()
    model._llama.eval(tokens["second"])
    prompt_tps = len(tokens["second"]) / (time.perf_counter() - started)
    return {
        "reader_prompt_tokens": {name: len(value) for name, value in tokens.items()},
        "reader_prompt_memories": len(re.findall(r"^\[\d+\] ", second[-1].content, re.M)),
        "reader_prompt_tps": round(prompt_tps, 1),
        "reader_ttft_first_s": round(median(timings["first"]), 2),
        "reader_ttft_second_s": round(second_s, 2),
        "reader_ttft_second_noreuse_s": round(alone_s, 2),
        # The same prompt with and without what the first question left: what reuse saves.
        "reader_ttft_second_ratio": round(second_s / alone_s, 3),
        "reader_reused_tokens": reused,
        # How much of the follow-up's prompt the second's covers (its first memories are the same).
        "reader_follow_up_shared_tokens": shared_length(tokens["second"], tokens["follow_up"]),
        # Reuse is exact: the same greedy tokens and the same evidence-check probability as without it.
        "reader_reuse_same_output": len(texts[True] | texts[False]) == 1,
        "reader_reuse_check_diff": round(max(abs(a - b) for a, b in zip(checks[True], checks[False])), 6),
    }


def threads(model, rounds: int) -> dict:
    """Prompt processing and generation with 1 and 2 llama.cpp threads on one context, interleaved."""
    from second_me.models import llama

    llama_cpp = llama._llama_cpp()
    raw = model._llama
    tokens = raw.tokenize(KV_TEXT.read_bytes())[:128]
    before = os.getloadavg()[0]
    runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    try:
        for _ in range(rounds):
            for n in (1, 2):
                llama_cpp.llama_set_n_threads(raw.ctx, n, n)
                raw.reset()
                started = time.perf_counter()
                raw.eval(tokens)
                prompt = len(tokens) / (time.perf_counter() - started)
                started = time.perf_counter()
                for token in tokens[:8]:  # one token at a time, as generation goes
                    raw.eval([token])
                runs[n].append((prompt, 8 / (time.perf_counter() - started)))
    finally:
        llama_cpp.llama_set_n_threads(raw.ctx, raw.n_threads, raw.n_threads_batch)
    return {"reader_threads": {str(n): {"prompt_tps": round(median([p for p, _ in r]), 1),
                                        "generation_tps": round(median([g for _, g in r]), 2)}
                               for n, r in runs.items()},
            "reader_threads_default": {"generation": raw.n_threads, "batch": raw.n_threads_batch},
            "reader_threads_load_avg": [round(before, 1), round(os.getloadavg()[0], 1)]}


# ---- KV cache quantisation ------------------------------------------------------------------------


def kv_answers(prompts: list[list[int]], answer_tokens: int = 24, floor: bool = True) -> dict:
    """What a quantised KV cache changes in what the user reads: for the prompts of real questions,
    the f16 cache's greedy answer, then at each of its tokens whether q8_0 (and, for the floor, f16
    without flash attention) picks the same next token, fed the same answer so far; an answer is the
    same when every one of its tokens is."""
    from second_me.config import load_settings
    from second_me.models import llama
    from second_me.models.defaults import resolve_model_path

    if not prompts:
        raise RuntimeError("no question reached the reader: no prompt to compare the KV cache types on")
    llama_cpp = llama._llama_cpp()
    path = resolve_model_path(load_settings(Path(tempfile.gettempdir()), environ={}, chat_model="reader"), "chat")
    n_ctx = max(len(tokens) for tokens in prompts) + answer_tokens + 8
    answers: list[list[int]] = []
    agree: dict[str, list[bool]] = {"q8_0": [], "f16-noflash": []}
    same: dict[str, list[bool]] = {"q8_0": [], "f16-noflash": []}
    # Every position of prompt and answer, as the reader reads them: the next token each cache type
    # would pick there (logits_all keeps them), and how sure f16 is of its own.
    read: dict[str, list[np.ndarray]] = {"f16": [], "q8_0": [], "f16-noflash": []}
    margins: list[np.ndarray] = []
    for kv_type, flash in (("f16", True), ("q8_0", True), ("f16-noflash", False))[:3 if floor else 2]:
        kind = kv_type.split("-")[0]
        model = llama_cpp.Llama(str(path), n_ctx=n_ctx, n_batch=512, type_k=llama.KV_TYPE_IDS[kind],
                                type_v=llama.KV_TYPE_IDS[kind], flash_attn=flash, logits_all=True, verbose=False)

        def next_token() -> int:  # only the last position's logits are kept without logits_all
            logits = llama_cpp.llama_get_logits_ith(model.ctx, -1)
            return int(np.argmax(np.ctypeslib.as_array(logits, shape=(model.n_vocab(),))))

        try:
            vocabulary = llama_cpp.llama_model_get_vocab(model.model)
            for index, prompt in enumerate(prompts):
                model.reset()
                model.eval(prompt)
                if kv_type == "f16":  # the reference answer, greedy
                    answer: list[int] = []
                    while len(answer) < answer_tokens:
                        token = next_token()
                        if llama_cpp.llama_vocab_is_eog(vocabulary, token):  # <|im_end|> and the like
                            break
                        answer.append(token)
                        model.eval([token])
                    answers.append(answer)
                    scores = model.scores[:model.n_tokens]
                    top2 = np.partition(scores, -2, axis=1)[:, -2:]
                    margins.append(np.abs(top2[:, 1] - top2[:, 0]))
                    read[kv_type].append(np.argmax(scores, axis=1))
                    continue
                hits = []
                for token in answers[index]:  # the same answer so far; does it pick the same next token?
                    hits.append(next_token() == token)
                    model.eval([token])
                agree[kv_type] += hits
                same[kv_type].append(all(hits))
                read[kv_type].append(np.argmax(model.scores[:model.n_tokens], axis=1))
        finally:
            model.close()
    reference = np.concatenate(read["f16"])
    margin = np.concatenate(margins)
    read_q8 = np.concatenate(read["q8_0"]) == reference
    return {
        "reader_kv_q8_read_top1": round(float(np.mean(read_q8)), 4),
        "reader_kv_f16_noflash_read_top1": round(float(np.mean(np.concatenate(read["f16-noflash"]) == reference)), 4)
        if read["f16-noflash"] else None,
        "reader_kv_q8_read_disagreements_near_tie": _near_tie_share(~read_q8, margin),
        "reader_kv_read_tokens": int(len(reference)),
        "reader_kv_q8_answer_top1": round(float(np.mean(agree["q8_0"])), 4) if agree["q8_0"] else None,
        "reader_kv_q8_same_answers": f"{sum(same['q8_0'])}/{len(same['q8_0'])}",
        "reader_kv_f16_noflash_answer_top1": round(float(np.mean(agree["f16-noflash"])), 4)
        if agree["f16-noflash"] else None,
        "reader_kv_f16_noflash_same_answers": f"{sum(same['f16-noflash'])}/{len(same['f16-noflash'])}",
        "reader_kv_answer_tokens": len(agree["q8_0"]),
    }


def kv_cache(quick: bool, smoke: bool) -> dict:
    """Greedy next-token agreement of q8_0 and q4_0 KV caches with f16, as bench.models.kv_cache does for
    the built-in model: the same fixed English text, one batched evaluation each, flash attention."""
    from second_me.config import load_settings
    from second_me.models import llama
    from second_me.models.defaults import resolve_model_path

    llama_cpp = llama._llama_cpp()
    path = resolve_model_path(load_settings(Path(tempfile.gettempdir()), environ={}, chat_model="reader"), "chat")
    argmax: dict[str, np.ndarray] = {}
    margin = np.zeros(0)
    vocabulary = llama_cpp.Llama(str(path), vocab_only=True, verbose=False)
    tokens = vocabulary.tokenize(KV_TEXT.read_bytes())[:64 if smoke else 1024 if quick else 2040]
    vocabulary.close()
    for kv_type, flash in (("f16", True), ("q8_0", True), ("q4_0", True), ("f16-noflash", False)):
        kind = kv_type.split("-")[0]
        # n_ctx just above the text: with logits_all every position's logits are kept (the vocabulary is 152k).
        model = llama_cpp.Llama(str(path), n_ctx=len(tokens) + 8, n_batch=512, type_k=llama.KV_TYPE_IDS[kind],
                                type_v=llama.KV_TYPE_IDS[kind], flash_attn=flash, logits_all=True, verbose=False)
        try:
            model.eval(tokens)
            scores = model.scores[:len(tokens)]
            argmax[kv_type] = np.argmax(scores, axis=1)
            if kv_type == "f16":
                top2 = np.partition(scores, -2, axis=1)[:, -2:]
                margin = np.abs(top2[:, 1] - top2[:, 0])
        finally:
            model.close()
    f16 = argmax["f16"]
    return {
        "reader_kv_q8_top1": round(float(np.mean(argmax["q8_0"] == f16)), 4),
        "reader_kv_q4_top1": round(float(np.mean(argmax["q4_0"] == f16)), 4),
        "reader_kv_f16_noflash_top1": round(float(np.mean(argmax["f16-noflash"] == f16)), 4),
        "reader_kv_q8_disagreements_near_tie": _near_tie_share(argmax["q8_0"] != f16, margin),
        # Where f16 is sure of its next token (top two logits 1.0 or more apart): does q8_0 agree?
        "reader_kv_q8_top1_clear": round(float(np.mean((argmax["q8_0"] == f16)[margin >= 1.0])), 4),
        "reader_kv_text_tokens": int(len(f16)),
    }
