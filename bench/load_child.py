"""Run in a subprocess by the weights benchmarks: load the chat model, answer once, report time and memory.

Usage: python -m bench.load_child MMAP(0|1) [N_TOKENS [MODEL_PATH]]
Prints one JSON line: load_s, rss after load and after the answer (MB), tokens, model size.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time


def main() -> None:
    use_mmap = sys.argv[1] == "1"
    n_tokens = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    from bench.common import rss_mb
    from second_me.config import load_settings
    from second_me.models import llama
    from second_me.models.base import ChatMessage
    from second_me.models.defaults import resolve_model_path

    model_path = sys.argv[3] if len(sys.argv) > 3 else ""
    settings = load_settings(tempfile.mkdtemp(prefix="sm-bench-"), environ={}, use_mmap=use_mmap, n_ctx=512,
                             chat_model=model_path or "builtin")
    llama._llama_cpp()  # import and configure the runtime outside the timed load
    before = rss_mb()
    started = time.perf_counter()
    model = llama.load_chat_model(settings)
    load_s = time.perf_counter() - started
    after_load = rss_mb()
    pieces = list(model.stream([ChatMessage("user", "Name three uses of a bicycle.")], max_tokens=n_tokens,
                               temperature=0.0))
    after_answer = rss_mb()
    print(json.dumps({"use_mmap": use_mmap, "load_s": load_s, "before": before, "after_load": after_load,
                      "after_answer": after_answer, "pieces": len(pieces), "answer": "".join(pieces),
                      "model_mb": round(resolve_model_path(settings, "chat").stat().st_size / 2**20, 1)}))


if __name__ == "__main__":
    main()
