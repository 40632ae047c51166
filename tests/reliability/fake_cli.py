"""Run the real `second-me` CLI in a subprocess, on fake models (test support only).

    python tests/reliability/fake_cli.py [--slow] ARGS...   # like `second-me ARGS`

--slow makes embedding take a few ms per text, so a kill -9 lands in the middle of work.
Every code path is the product's; only the models are the deterministic fakes.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    from second_me.cli import AppContext, main as cli_main
    from second_me.models.fake import FakeChatModel, FakeEmbedder
    from second_me.services import Services
    from second_me.storage.store import open_store

    args = sys.argv[1:]
    slow = args[:1] == ["--slow"]
    if slow:
        args = args[1:]

    class SlowEmbedder(FakeEmbedder):
        def embed(self, texts):
            time.sleep(0.004 * len(texts))
            return super().embed(texts)

    def open_services(settings, clock):
        from dataclasses import replace

        settings = replace(settings, abstain_similarity=0.15)
        embedder = SlowEmbedder() if slow else FakeEmbedder()
        return Services(settings, open_store(settings), embedder, FakeChatModel(), clock)

    cli_main(args, AppContext(open_services=open_services))


if __name__ == "__main__":
    main()
