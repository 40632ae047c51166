"""Helpers shared by the benchmarks: medians, subprocess environment, memory of a process."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent


def child_env(**extra: str) -> dict[str, str]:
    """Environment for subprocesses: this checkout's code first, no user settings leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECOND_ME_")}
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def run_python(code: str, timeout: float = 600, preexec_fn=None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          env=child_env(**env), preexec_fn=preexec_fn)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return float(ordered[index])


# A child's ru_maxrss (wait4, RUSAGE_CHILDREN, even its own RUSAGE_SELF) counts the pages it held
# between fork and exec, a copy of the parent's: a benchmark that has loaded a model reports ~1 GB
# for any command it starts. VmHWM is the high-water mark of the child's own memory since exec.
_REPORTS_PEAK = """
import atexit, runpy, sys
def _peak():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open({report!r}, "w") as out:
        out.write(peak)
atexit.register(_peak)
sys.argv = {argv!r}
runpy.run_module("second_me", run_name="__main__", alter_sys=True)
"""


def second_me_command(args: Sequence[str], peak_report: Path) -> list[str]:
    """`python -m second_me ARGS`, writing the peak resident memory of its own (kB) to `peak_report` at exit."""
    return [sys.executable, "-c", _REPORTS_PEAK.format(report=str(peak_report), argv=["second_me", *args])]


def reported_peak_mb(peak_report: Path) -> float:
    return int(peak_report.read_text().strip()) / 1024


def rss_mb(pid: str = "self") -> dict[str, float]:
    """Resident memory of a process from /proc: total, anonymous and file-backed (mapped weights), in MB."""
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return {"rss": round(fields.get("VmRSS", 0), 1), "anon": round(fields.get("RssAnon", 0), 1),
            "file": round(fields.get("RssFile", 0), 1), "peak": round(fields.get("VmHWM", 0), 1)}
