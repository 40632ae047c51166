"""The chat-import benchmark at its smoke size, on the real embedding model: it runs, and its
figures hold what the full run is judged by."""

import pytest

from bench import chat_import

pytestmark = pytest.mark.real_models


def test_the_chat_import_benchmark_runs_at_smoke_size(tmp_path):
    figures = chat_import.run(chat_import.SMOKE_MESSAGES, work=tmp_path)
    assert figures["chat_import_turns"] > 0.9 * chat_import.SMOKE_MESSAGES
    assert figures["chat_reimport_added"] == 0
    assert figures["chat_import_peak_rss_mb"] <= chat_import.GOALS["chat_import_peak_rss_mb"]
    assert figures["chat_import_ratio"] > 0 and figures["chat_raw_embed_turns_per_s"] > 0
