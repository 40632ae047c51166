"""Run the real `second-me` CLI in a subprocess, on fake models (test support only).

    python tests/reliability/fake_cli.py [--slow] ARGS...   # like `second-me ARGS`

--slow makes embedding take a few ms per text and each chat-model call 20 ms, so a kill -9
lands in the middle of work. With FAKE_CLI_WORKING_MARK set to a path, the first model call
creates that file: the crash harness waits for it, so its kills land in the work and not
in Python's start-up. FAKE_CLI_CONVERT_BATCH=N converts vectors to the compact layout N at a
time, each batch taking 20 ms more (and marking the work begun), so a kill lands in a conversion.
Every code path is the product's; only the models are the deterministic fakes.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def _mark_working() -> None:
    mark = os.environ.get("FAKE_CLI_WORKING_MARK")
    if mark:
        Path(mark).touch()


def _slow_conversion(batch: int) -> None:
    from second_me.storage import vector_codes, vector_layout

    vector_layout.CONVERT_BATCH = batch
    vector_codes.BLOCK = max(1, batch // 2)
    convert = vector_layout.convert_batch

    def slow_batch(conn):
        _mark_working()
        time.sleep(0.02)
        return convert(conn)

    vector_layout.convert_batch = slow_batch


def main() -> None:
    from second_me.cli import AppContext, main as cli_main
    from second_me.models.fake import FakeChatModel, FakeEmbedder
    from second_me.services import Services
    from second_me.storage.store import open_store

    args = sys.argv[1:]
    if os.environ.get("FAKE_CLI_CONVERT_BATCH"):
        _slow_conversion(int(os.environ["FAKE_CLI_CONVERT_BATCH"]))
    slow = args[:1] == ["--slow"]
    if slow:
        args = args[1:]

    class SlowEmbedder(FakeEmbedder):
        def embed(self, texts):
            _mark_working()
            time.sleep(0.004 * len(texts))
            return super().embed(texts)

    class SlowChatModel(FakeChatModel):
        def stream(self, messages, *args, **kwargs):
            _mark_working()
            time.sleep(0.02)
            return super().stream(messages, *args, **kwargs)

    def open_services(settings, clock):
        from dataclasses import replace

        settings = replace(settings, abstain_similarity=0.15, abstain_unknown_similarity=0.15)
        if slow:
            return Services(settings, open_store(settings), SlowEmbedder(), SlowChatModel(), clock)
        return Services(settings, open_store(settings), FakeEmbedder(), FakeChatModel(), clock)

    cli_main(args, AppContext(open_services=open_services))


if __name__ == "__main__":
    main()
