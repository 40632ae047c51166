"""A model freed while the interpreter shuts down may still log through second-me's log sink.

At exit the module's globals are cleared before the last models are freed; llama.cpp's context
destructor then logs ("~llama_context: …") through the sink. A freed ctypes callback there
crashed the process in libffi (an app or benchmark run now and then ended with SIGSEGV and lost
its last output). This frees the sink's module reference first, as shutdown does, then the model.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCENARIO = textwrap.dedent("""
    import gc, tempfile
    from pathlib import Path
    from second_me.config import load_settings
    from second_me.models import llama

    embedder = llama.load_embedder(load_settings(Path(tempfile.mkdtemp()), environ={}))
    embedder.embed(["hello"])
    llama._log_sink = None  # what clearing the module's globals at exit does
    gc.collect()
    for _ in range(50):  # let the freed memory be reused
        [bytearray(64) for _ in range(1000)]
    del embedder  # its context logs as it is freed
    gc.collect()
    print("survived")
""")


@pytest.mark.real_models
def test_a_model_freed_after_the_sink_lost_its_module_reference_does_not_crash():
    run = subprocess.run([sys.executable, "-c", SCENARIO], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "survived", (run.returncode, run.stderr[-2000:])
