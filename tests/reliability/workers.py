"""Long-running workers for the concurrency test (test support only).

    python tests/reliability/workers.py indexer HOME FOLDER SECONDS   # keeps changing and indexing files
    python tests/reliability/workers.py asker HOME SECONDS            # keeps asking questions
    python tests/reliability/workers.py importer HOME FOLDER SECONDS  # keeps importing chats and summarizing

Each prints one line of counts at the end and exits non-zero on any error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from second_me.clock import Clock
from second_me.config import load_settings
from second_me.models.fake import FakeChatModel, FakeEmbedder
from second_me.services import Services
from second_me.storage.store import open_store
from tests.reliability.helpers import write_chat_file


def _services(home: str) -> Services:
    settings = load_settings(home, abstain_similarity=0.15, abstain_unknown_similarity=0.15)
    return Services(settings, open_store(settings), FakeEmbedder(), FakeChatModel(), Clock())


def indexer(home: str, folder: str, seconds: float) -> None:
    services, root, rounds = _services(home), Path(folder), 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        (root / f"daemon-{rounds % 5}.md").write_text(f"# Daemon note\nround {rounds} of the watcher notes\n")
        services.indexing.add([root])
        rounds += 1
    services.close()
    print(f"indexer rounds={rounds}")


def asker(home: str, seconds: float) -> None:
    services, answers = _services(home), 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        services.answering.ask("how long do I proof the dough?")  # reinforcement writes after each answer
        services.answering.search("chain lube")
        answers += 1
    services.close()
    print(f"asker answers={answers}")


def importer(home: str, folder: str, seconds: float) -> None:
    """Imports a new chat file, then learns facts and rebuilds summaries, round after round."""
    services, rounds, turns = _services(home), 0, 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path = write_chat_file(Path(folder) / f"chat-{rounds}.jsonl", rounds, days=1, turns_per_day=6)
        turns += services.conversations.import_chat(path).added
        services.memory.summarize(5)
        rounds += 1
    services.close()
    print(f"importer rounds={rounds} turns={turns}")


if __name__ == "__main__":
    role = sys.argv[1]
    if role == "indexer":
        indexer(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif role == "importer":
        importer(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        asker(sys.argv[2], float(sys.argv[3]))
