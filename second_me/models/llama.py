"""llama.cpp runtime for both model roles.

The only module that imports llama_cpp, and only inside functions, so `second-me --help`
stays fast. One `Llama` per role, loaded once; each model object guards it with a lock,
since a llama.cpp context must not be used by two threads at once.
"""

from __future__ import annotations

import ctypes
import math
import os
import threading
from collections import deque
from pathlib import Path
from typing import Any, Iterator, Sequence

from second_me.errors import ModelError
from second_me.models.base import NO_WORDS, YES_WORDS, ChatMessage, ChatModel, Embedder, yes_share
from second_me.models.defaults import (ENV_VAR, KIND, GGUFInfo, Purpose, Role, chat_model_choice, check_gguf,
                                      resolve_model_path)
from second_me.models.profiles import fold_system, profile_for
from second_me.models.prompt_cache import PromptCache, SavedPrompt, shared_length
from second_me.models.runtime import (chat_n_ctx, choose_gpu_layers, choose_threads, flash_attn_needed,
                                      kv_cache_types, model_id_for, usable_cores)

# GGML type ids for the KV cache settings (llama_cpp.GGML_TYPE_F16, _Q8_0, _Q4_0).
KV_TYPE_IDS = {"f16": 1, "q8_0": 8, "q4_0": 2}
# A batch of chunks is packed into one llama.cpp batch of at most this many tokens; an
# encoder needs each text whole in one batch, so longer texts are truncated to fit.
EMBED_MAX_TOKENS = 512
MEAN_POOLING = 1  # llama_cpp.LLAMA_POOLING_TYPE_MEAN

# llama.cpp's error lines, kept for our error messages instead of printed on the terminal.
GGML_LOG_LEVEL_ERROR = 4  # enum ggml_log_level: NONE, DEBUG, INFO, WARN, ERROR, CONT
_log_lines: deque[str] = deque(maxlen=20)
_log_sink: Any = None  # the ctypes callback; must stay referenced while llama.cpp holds it
# Whether weights may be repacked into "extra" CPU buffer types (AMX, CPU_REPACK); see below.
_extra_buffers: tuple[bool, str] | None = None


def _llama_cpp() -> Any:
    """Import llama_cpp on first use, route its logging away from the terminal, apply workarounds."""
    global _log_sink, _extra_buffers
    # Spinning OpenMP threads stall on a busy machine (a question's embedding: 1.1 s, not 13 ms;
    # models/runtime.py choose_threads). Read when llama_cpp loads the runtime; a user's value stands.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import llama_cpp
    except ImportError as exc:
        raise ModelError(f"llama-cpp-python is not installed ({exc}): pip install llama-cpp-python") from None
    if _log_sink is None:
        # At exit a model freed after this module's globals logs ("~llama_context: …"): the sink reads no
        # globals and is never freed (a freed callback crashed the process in libffi).
        @llama_cpp.llama_log_callback
        def sink(level, text, user_data, lines=_log_lines, error=GGML_LOG_LEVEL_ERROR) -> None:
            if level == error:
                lines.append(text.decode("utf-8", errors="replace").strip())
        llama_cpp.llama_log_set(sink, ctypes.c_void_p(0))  # after `import llama_cpp`, which sets its own
        _log_sink = sink
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(sink))
    if _extra_buffers is None:
        _extra_buffers = _configure_extra_buffers(llama_cpp)
    return llama_cpp


def _configure_extra_buffers(llama_cpp: Any) -> tuple[bool, str]:
    """Turn off weight repacking into extra buffer types on CPUs with AMX.

    llama.cpp's AMX matmul segfaults on some AMX machines at the first decode of a
    quantized model (ggml-org/llama.cpp#20824; seen here with SmolLM2 Q4_1), killing the
    process. `use_extra_bufts=False` (llama.cpp's --no-repack) avoids that code path.
    llama-cpp-python has no argument for it, so we change the defaults it starts from.
    """
    system_info = llama_cpp.llama_print_system_info().decode("utf-8", errors="replace")
    if "AMX_INT8 = 1" not in system_info:
        return True, "weight repacking on"
    low_level = llama_cpp.llama_cpp
    original = low_level.llama_model_default_params
    if "use_extra_bufts" not in {name for name, _ in original().__class__._fields_}:
        return True, "AMX present, but this llama.cpp cannot turn weight repacking off"

    def without_extra_buffers() -> Any:
        params = original()
        params.use_extra_bufts = False
        return params

    low_level.llama_model_default_params = without_extra_buffers
    return False, "weight repacking off: llama.cpp's AMX kernels crash on some CPUs (llama.cpp#20824)"


def _first_llama_error() -> str:
    """The first error llama.cpp logged since the last clear, without its function-name prefix.

    The first is the cause ("error loading model: key not found ..."); later ones only
    say that loading failed.
    """
    line = next((line for line in _log_lines if line), "")
    return line.split(": ", 1)[1] if ": " in line else line


# --- runtime --------------------------------------------------------------------------


def gpu_offload_supported() -> bool:
    return bool(_llama_cpp().llama_supports_gpu_offload())


def runtime_info(settings: Any) -> dict[str, Any]:
    """What the runtime will do with these settings, for `doctor`. Raises ModelError without llama_cpp."""
    llama_cpp = _llama_cpp()
    supported = gpu_offload_supported()
    layers, reason = choose_gpu_layers(settings.gpu_layers_override(), supported)
    try:
        chat_info: GGUFInfo | None = check_gguf(resolve_model_path(settings, "chat"), "chat")
    except ModelError:
        chat_info = None  # doctor reports the model problem itself
    type_k, type_v, kv_reason = kv_cache_types(settings, profile_for(chat_info).family if chat_info else "")
    threads = choose_threads(settings.n_threads, usable_cores())
    return {
        "llama_cpp_version": llama_cpp.__version__,
        "gpu_offload_supported": supported,
        "n_gpu_layers": layers,
        "n_gpu_layers_reason": reason,
        "use_mmap": settings.use_mmap,
        "use_mlock": settings.use_mlock,
        "kv_cache_type_k": type_k,
        "kv_cache_type_v": type_v,
        "kv_cache_reason": kv_reason,
        "flash_attn": flash_attn_needed(settings),
        "n_ctx": chat_n_ctx(settings, chat_info),
        "n_ctx_setting": settings.n_ctx,
        "chat_model_context_length": chat_info.context_length if chat_info else None,
        "n_threads": f"chat: {threads[0]} generating, {threads[1]} reading prompts",
        "n_threads_reason": threads[2],
        "weight_repacking": _extra_buffers[0] if _extra_buffers else None,
        "weight_repacking_reason": _extra_buffers[1] if _extra_buffers else None,
        "system_info": llama_cpp.llama_print_system_info().decode("utf-8", errors="replace").strip(),
    }


def _open_llama(path: Path, role: Role, params: dict[str, Any]) -> Any:
    llama_cpp = _llama_cpp()
    _log_lines.clear()
    try:
        return llama_cpp.Llama(model_path=str(path), verbose=False, **params)
    except (ValueError, RuntimeError, OSError) as exc:
        detail = _first_llama_error() or str(exc)
        raise ModelError(f"cannot load {role} model {path.name}: {detail}; "
                         f"point {ENV_VAR[role]} at {KIND[role]}") from None


def _common_params(settings: Any) -> dict[str, Any]:
    layers, _ = choose_gpu_layers(settings.gpu_layers_override(), gpu_offload_supported())
    params: dict[str, Any] = {"n_gpu_layers": layers, "use_mmap": settings.use_mmap, "use_mlock": settings.use_mlock}
    if settings.n_threads > 0:
        params.update(n_threads=settings.n_threads, n_threads_batch=settings.n_threads)
    return params


def _close_when_idle(llama: Any, lock: threading.Lock) -> None:
    # Freeing a model another thread is using would crash; a stream left open (never
    # closed) holds the lock, so give up after a while and let process exit free it.
    if lock.acquire(timeout=10):
        try:
            llama.close()
        finally:
            lock.release()


# --- chat -----------------------------------------------------------------------------

SEQUENCE = 0  # llama-cpp-python evaluates everything as sequence 0


def _save_sequence(llama: Any, tokens: Sequence[int]) -> SavedPrompt:
    """Copy out the KV cells of the live sequence, which holds exactly `tokens`."""
    llama_cpp = _llama_cpp()
    # Cells past the live tokens may linger (llama-cpp-python drops them at the next decode).
    llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(llama.ctx), SEQUENCE, len(tokens), -1)
    size = llama_cpp.llama_state_seq_get_size(llama.ctx, SEQUENCE)
    state = (ctypes.c_uint8 * size)()
    if llama_cpp.llama_state_seq_get_data(llama.ctx, state, size, SEQUENCE) != size:
        raise RuntimeError("could not copy the evaluated prompt out of llama.cpp")
    return SavedPrompt(tuple(tokens), state)


def _restore_sequence(llama: Any, saved: SavedPrompt, tokens: Sequence[int]) -> None:
    """Make `saved` the live sequence (its KV cells replace the live ones) before evaluating `tokens`."""
    if _llama_cpp().llama_state_seq_set_data(llama.ctx, saved.state, len(saved.state), SEQUENCE) != len(saved.state):
        llama.reset()
        raise RuntimeError("could not restore an evaluated prompt into llama.cpp")
    llama.input_ids[:len(saved.tokens)] = saved.tokens
    # Short of the whole prompt: the context's logits are still those of the last decode, so the
    # prompt's last token must be evaluated again, whatever the sequence holds.
    llama.n_tokens = min(len(saved.tokens), len(tokens) - 1)


class LlamaChatModel(ChatModel):
    def __init__(self, llama: Any, info: GGUFInfo, n_ctx: int, name: str = ""):
        self._llama = llama
        self._n_ctx = n_ctx
        self._lock = threading.Lock()
        self._info = info
        self._profile = profile_for(info)
        self._name = name or info.name
        self._formatter: Any = None
        self._yes_no: tuple[list[int], list[int]] | None = None
        self.prompt_cache = PromptCache()
        self.path = info.path
        self.model_id = model_id_for(info)

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    def count_tokens(self, text: str) -> int:
        # Tokenizing reads only the vocabulary, which is never modified: no lock needed.
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def _chat(self, messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
        return [{"role": m.role, "content": m.content} for m in fold_system(messages, self.profile)]

    def stream(self, messages: Sequence[ChatMessage], max_tokens: int = 256,
               temperature: float = 0.2, stop: Sequence[str] = ()) -> Iterator[str]:
        with self._lock:
            _log_lines.clear()
            try:
                self._reuse_evaluated(self._prompt_tokens(messages))
            except RuntimeError as exc:
                raise ModelError(f"chat model failed: {_first_llama_error() or exc}") from None
            chunks = self._llama.create_chat_completion(
                messages=self._chat(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                repeat_penalty=self.profile.repeat_penalty,
                stop=list(dict.fromkeys([*stop, *self.profile.stops])) or None,
                stream=True,
            )
            try:
                for chunk in chunks:
                    piece = chunk["choices"][0]["delta"].get("content")
                    if piece:
                        yield piece
            except ValueError as exc:  # e.g. "Requested tokens (N) exceed context window of M"
                raise ModelError(f"chat model: {exc}") from None
            except RuntimeError as exc:
                raise ModelError(f"chat model failed: {_first_llama_error() or exc}") from None
            finally:
                # Closing our generator (Ctrl-C, Esc) closes llama-cpp-python's, which stops
                # generating after the current token.
                chunks.close()

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return self._llama.detokenize([token], special=True).decode("utf-8", errors="replace")

    def _prompt_tokens(self, messages: Sequence[ChatMessage]) -> list[int]:
        """The prompt create_chat_completion would build: the GGUF's template, rendered the same way."""
        if self._formatter is None:
            from llama_cpp.llama_chat_format import CHATML_CHAT_TEMPLATE, Jinja2ChatFormatter

            # Without a template in the GGUF, ChatML: what most instruct models are trained on.
            self._formatter = Jinja2ChatFormatter(
                template=self._info.chat_template or CHATML_CHAT_TEMPLATE,
                eos_token=self._token_text(self._llama.token_eos()),
                bos_token=self._token_text(self._llama.token_bos()))
        prompt = self._formatter(messages=self._chat(messages)).prompt
        return self._llama.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)

    def _single_tokens(self, words: Sequence[str]) -> list[int]:
        ids = (self._llama.tokenize(word.encode("utf-8"), add_bos=False, special=False) for word in words)
        return sorted({tokens[0] for tokens in ids if len(tokens) == 1})

    def _reuse_evaluated(self, tokens: list[int]) -> None:
        """Before evaluating `tokens`: keep the live sequence if it is about to be cut back a long way,
        and bring back a saved one that shares more with `tokens` (see prompt_cache.py)."""
        llama = self._llama
        live = llama.input_ids[:llama.n_tokens].tolist()
        live_shared = shared_length(live, tokens)
        saved = self.prompt_cache.worth_restoring(tokens, live_shared)
        if self.prompt_cache.should_save(live, live_shared):
            self.prompt_cache.add(_save_sequence(llama, live))
        if saved is not None:
            _restore_sequence(llama, saved, tokens)

    def _next_token_logits(self, tokens: list[int]) -> list[float]:
        """Evaluate `tokens`, keeping the evaluated prefix they share with an earlier prompt."""
        llama_cpp = _llama_cpp()
        llama = self._llama
        self._reuse_evaluated(tokens)
        shared = shared_length(llama.input_ids[:llama.n_tokens].tolist(), tokens)
        shared = min(shared, len(tokens) - 1)  # the last token must be evaluated to get its logits
        if shared == 0:
            llama.reset()
        else:
            llama.n_tokens = shared
        llama.eval(tokens[shared:])
        pointer = llama_cpp.llama_get_logits_ith(llama.ctx, -1)
        return pointer[:llama.n_vocab()]

    def yes_probability(self, messages: Sequence[ChatMessage]) -> float:
        with self._lock:
            _log_lines.clear()
            if self._yes_no is None:
                self._yes_no = (self._single_tokens(YES_WORDS), self._single_tokens(NO_WORDS))
            yes_ids, no_ids = self._yes_no
            if not yes_ids or not no_ids:
                raise ModelError(f"chat model {self._name} has no single token for yes or no: "
                                 f"it cannot judge evidence; choose another with `second-me models use`")
            try:
                tokens = self._prompt_tokens(messages)
                if len(tokens) >= self._n_ctx:
                    raise ModelError(f"chat model: the check is {len(tokens)} tokens, "
                                     f"longer than the context window of {self._n_ctx}")
                logits = self._next_token_logits(tokens)
            except (ValueError, RuntimeError) as exc:
                raise ModelError(f"chat model failed: {_first_llama_error() or exc}") from None
        return yes_share(logits, yes_ids, no_ids)

    def close(self) -> None:
        _close_when_idle(self._llama, self._lock)
        self.prompt_cache.clear()


def load_chat_model(settings: Any, purpose: Purpose = "answer") -> ChatModel:
    """The chat model for `purpose` (see defaults.chat_model_choice); the reader extra is joined on first use."""
    choice = chat_model_choice(settings, purpose)
    path = resolve_model_path(settings, "chat", purpose)
    info = check_gguf(path, "chat")
    n_ctx = chat_n_ctx(settings, info)
    type_k, type_v, _ = kv_cache_types(settings, profile_for(info).family)
    generation, batch, _ = choose_threads(settings.n_threads, usable_cores())
    params = _common_params(settings)
    params.update(
        n_threads=generation,
        n_threads_batch=batch,
        n_ctx=n_ctx,
        type_k=KV_TYPE_IDS[type_k],
        type_v=KV_TYPE_IDS[type_v],
        flash_attn=flash_attn_needed(settings),
    )
    llama = _open_llama(path, "chat", params)
    name = info.name if choice.source == "configured" else choice.label
    return LlamaChatModel(llama, info, n_ctx, name)


# --- embeddings -----------------------------------------------------------------------


def _l2_normalise(vector: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in vector))
    return [v / norm for v in vector] if norm > 0 else list(vector)


class LlamaEmbedder(Embedder):
    def __init__(self, llama: Any, info: GGUFInfo):
        self._llama = llama
        self._dim = int(llama.n_embd())
        self._lock = threading.Lock()
        self.path = info.path
        self.model_id = model_id_for(info)

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            _log_lines.clear()
            try:
                # llama-cpp-python packs as many texts as fit into each n_batch-token batch
                # and truncates any text longer than n_batch tokens (truncate=True).
                vectors = self._llama.embed(list(texts), normalize=False, truncate=True)
            except (ValueError, RuntimeError) as exc:
                raise ModelError(f"embedding failed: {_first_llama_error() or exc}") from None
        return [_l2_normalise(v) for v in vectors]

    def close(self) -> None:
        _close_when_idle(self._llama, self._lock)


def load_embedder(settings: Any) -> Embedder:
    path = resolve_model_path(settings, "embed")
    info = check_gguf(path, "embed")
    window = min(info.context_length or EMBED_MAX_TOKENS, EMBED_MAX_TOKENS)
    params = _common_params(settings)
    # n_ubatch == n_batch: an encoder must see each text in a single micro-batch.
    # flash_attn: with several texts packed in one batch, the CPU flash-attention kernel
    # skips the masked cross-text pairs; without it batching is ~2x slower than one by one.
    params.update(embedding=True, n_ctx=window, n_batch=window, n_ubatch=window, flash_attn=True)
    if not info.pooling_type:
        # Without a pooling type llama.cpp returns one vector per token; average them, as
        # sentence-transformers does for BERT-style models.
        params.update(pooling_type=MEAN_POOLING)
    llama = _open_llama(path, "embed", params)
    return LlamaEmbedder(llama, info)
