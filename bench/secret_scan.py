"""The cost of looking for secrets by content, which runs on every indexed file.

Three 1-2 MB texts, none holding a secret but each full of what the detectors look at
first: prose (the words "password" and "token" included), Python source (this Python's own
standard library), and a config-like file with a keyword assignment on every line (the
worst case: every line reaches the value check). `secret_scan_ms_per_mb` is the worst of
the three, best of 3 (5 with --full) runs each; goal ≤ 150 ms per MB, about 1 % of what
embedding the same text costs on two cores. `secret_scan_vs_chunking` puts it beside a
baseline taken in the same run, interleaved: cutting the same text into chunks (median
ratio, worst text), which a loaded machine slows alike.

    python bench/secret_scan.py [--quick]        # prints JSON; `run(quick)` returns the same dict
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

WORDS = ("river garden kettle morning letter budget password planning travel recipe token meeting doctor "
         "invoice holiday secret station window project deadline coffee weather museum key").split()


def texts() -> dict[str, str]:
    rng = random.Random(1)
    prose = "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(14_000))
    code_parts, size = [], 0
    for path in sorted(Path(os.__file__).parent.glob("*.py")):
        code_parts.append(path.read_text(encoding="utf-8", errors="replace"))
        size += len(code_parts[-1])
        if size > 2_000_000:
            break
    config = "\n".join(f"key_{i} = value{i}\npassword = changeme\ntoken: ${{T{i}}}" for i in range(30_000))
    return {"prose": prose, "code": "".join(code_parts), "config": config}


def run(quick: bool = True) -> dict:
    from second_me.ingest.chunking import chunks_for
    from second_me.ingest.extract import Extracted
    from second_me.ingest.secret_scan import find_secrets

    def chunk(text: str) -> None:
        chunks_for(Extracted(text, "markdown", markdown=True), 1200)

    rounds = 3 if quick else 5
    out: dict = {}
    ratios = []
    for name, text in texts().items():
        megabytes = len(text.encode("utf-8")) / 1e6
        scans, chunkings = [], []
        for _ in range(rounds):  # interleaved, so both see the same load on a shared machine
            scans.append(_timed(find_secrets, text, expect_nothing=True))
            chunkings.append(_timed(chunk, text))
        out[f"secret_scan_ms_per_mb_{name}"] = round(min(scans) * 1000 / megabytes, 1)
        ratios.append(sorted(scans)[rounds // 2] / sorted(chunkings)[rounds // 2])
    out["secret_scan_ms_per_mb"] = max(out.values())
    out["secret_scan_vs_chunking"] = round(max(ratios), 2)
    return out


def _timed(fn, text: str, expect_nothing: bool = False) -> float:
    started = time.perf_counter()
    found = fn(text)
    elapsed = time.perf_counter() - started
    assert not (expect_nothing and found), f"the benchmark texts must hold no secret, found {found[:3]}"
    return elapsed


if __name__ == "__main__":
    print(json.dumps(run("--full" not in sys.argv), indent=2))
