"""`python -m bench --smoke`: every benchmark section still runs at tiny sizes, so a change that
breaks one fails here instead of going unnoticed until the next release's figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_every_benchmark_section_runs(tmp_path):
    from bench.run import REQUIRED

    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    out = tmp_path / "smoke.json"
    proc = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--json-out", str(out)], cwd=REPO_ROOT,
                          env=env, capture_output=True, text=True, timeout=900)
    failed = [line for line in proc.stderr.splitlines() if line.startswith("section ")]
    assert proc.returncode == 0, "\n".join(failed) or proc.stderr[-2000:]
    results = json.loads(out.read_text())
    assert results["errors"] == {} and results["mode"] == "smoke"
    for section, figures in REQUIRED.items():
        assert all(results.get(figure) is not None for figure in figures), section


def test_a_failing_section_is_named_and_the_others_still_run(tmp_path, monkeypatch, capsys):
    from bench import run

    def broken(quick, smoke=False):
        raise RuntimeError("the model file\nwent away")

    monkeypatch.setattr("bench.models.mmap_weights", broken)
    monkeypatch.setattr("bench.models.offload", lambda: {"gpu_offload_used": False})
    code = run.main(["--smoke", "--only", "offload,mmap", "--json-out", str(tmp_path / "out.json")])
    assert code == 1
    assert "section mmap failed: RuntimeError: the model file went away\n" in capsys.readouterr().err
    results = json.loads((tmp_path / "out.json").read_text())
    assert results["gpu_offload_used"] is False and list(results["errors"]) == ["mmap"]
