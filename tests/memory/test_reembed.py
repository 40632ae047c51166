"""Re-embedding gives every memory the vector indexing gave it: switching embedders (or
repairing missing vectors) must not change what a memory is found by."""

from __future__ import annotations

import numpy as np

from second_me.domain import Turn
from second_me.models.fake import FakeEmbedder


class RenamedEmbedder(FakeEmbedder):
    """The same vectors under another model id: a switch that must change nothing."""

    model_id = "fake-embedder-renamed"


def _vectors(services) -> dict[int, tuple[str, bytes]]:
    with services.store.db.read() as conn:
        rows = conn.execute("SELECT m.id, m.kind, v.embedding FROM memories m JOIN memory_vec v ON v.id = m.id").fetchall()
    return {memory_id: (kind, embedding) for memory_id, kind, embedding in rows}


def test_reembed_gives_code_chunks_and_facts_the_vectors_indexing_gave_them(services, tmp_path, clock):
    code = tmp_path / "code"
    code.mkdir()
    (code / "tool.py").write_text("def parse(text):\n    return text.split()\n\n\nclass Reader:\n    pass\n")
    (code / "notes.md").write_text("# Bread\nFeed the starter twice a day.\n")
    services.indexing.add([code])
    services.conversations.log.add_turns([Turn("c", "me", "I live in Lisbon.", clock.timestamp(), "user", "1")],
                                     clock.timestamp())
    services.memory.learn_facts()
    before = _vectors(services)
    kinds = {kind for kind, _ in before.values()}
    assert {"chunk", "message", "fact"} <= kinds

    services._embedder = RenamedEmbedder()
    assert services.indexing.reembed() == len(before)

    after = _vectors(services)
    assert after.keys() == before.keys()
    for memory_id, (kind, vector) in before.items():
        assert np.array_equal(np.frombuffer(after[memory_id][1], np.float32), np.frombuffer(vector, np.float32)), \
            f"{kind} {memory_id} got another vector"
