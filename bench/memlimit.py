"""A model larger than the memory a process may use still answers, thanks to memory-mapped weights.

The child runs in a cgroup (v2 `memory.max`, or v1 `memory.limit_in_bytes`) limited below the
size of the model file. Before each run the file is dropped from the page cache
(posix_fadvise DONTNEED), so the child's own page faults are charged to its cgroup: with
mmap the kernel evicts clean weight pages and reads them back as needed; without mmap
the weights are copied into anonymous memory that cannot be evicted, and the kernel's
OOM killer stops the process. `systemd-run -p MemoryMax=` needs systemd as init, and
RLIMIT_AS (prlimit) counts mapped files in the address space, so it cannot show this.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench.common import REPO_ROOT, child_env

V2 = Path("/sys/fs/cgroup")
V1 = Path("/sys/fs/cgroup/memory")


def _make_cgroup(limit_bytes: int) -> tuple[Path, str] | None:
    name = f"second-me-bench-{os.getpid()}"
    for base, limit_file, kind in ((V2, "memory.max", "cgroup v2 memory.max"),
                                   (V1, "memory.limit_in_bytes", "cgroup v1 memory.limit_in_bytes")):
        if not (base / limit_file).exists() and not (base / "cgroup.controllers").exists():
            continue
        try:
            group = base / name
            group.mkdir(exist_ok=True)
            (group / limit_file).write_text(str(limit_bytes))
            swap = group / ("memory.swap.max" if base == V2 else "memory.memsw.limit_in_bytes")
            if swap.exists():
                try:
                    swap.write_text("0" if base == V2 else str(limit_bytes))
                except OSError:
                    pass
            return group, kind
        except OSError:
            try:
                (base / name).rmdir()
            except OSError:
                pass
    return None


def _drop_from_page_cache(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _peak_charged_mb(group: Path) -> float | None:
    for name in ("memory.peak", "memory.max_usage_in_bytes"):
        if (group / name).exists():
            return round(int((group / name).read_text().split()[0]) / 2**20, 1)
    return None


def _reset_peak(group: Path) -> None:
    try:
        (group / "memory.max_usage_in_bytes").write_text("0")
    except OSError:
        pass


def _run_limited(group: Path, use_mmap: bool, model_path: Path) -> dict:
    import subprocess

    def enter() -> None:
        (group / "cgroup.procs").write_text(str(os.getpid()))

    proc = subprocess.run([sys.executable, "-m", "bench.load_child", "1" if use_mmap else "0", "8", str(model_path)],
                          capture_output=True, text=True, timeout=900, env=child_env(), cwd=REPO_ROOT,
                          preexec_fn=enter)
    result: dict = {"returncode": proc.returncode, "answered": False, "peak_charged_mb": _peak_charged_mb(group)}
    if proc.returncode == 0 and proc.stdout.strip():
        child = json.loads(proc.stdout.strip().splitlines()[-1])
        result.update(answered=bool(child["answer"].strip()), after_answer=child["after_answer"],
                      load_s=round(child["load_s"], 2))
    else:
        result["error"] = "killed by the OOM killer (SIGKILL)" if proc.returncode == -9 else proc.stderr.strip()[-300:]
    return result


def run(model_path: Path, limit_fraction: float = 0.85) -> dict:
    """Answer under a memory limit below the model file size, with and without mmap."""
    import shutil
    import tempfile

    model_bytes = model_path.stat().st_size
    limit = int(model_bytes * limit_fraction)
    made = _make_cgroup(limit)
    if made is None:
        return {"supported": False, "reason": "no writable cgroup memory controller here (needs root or delegation)"}
    group, kind = made
    # A private copy: pages of the original may be mapped by other processes and cannot be dropped.
    workdir = Path(tempfile.mkdtemp(prefix="sm-bench-memlimit-"))
    copy = workdir / model_path.name
    try:
        shutil.copyfile(model_path, copy)
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
        results = {}
        for use_mmap in (True, False):
            _drop_from_page_cache(copy)
            _reset_peak(group)
            results["mmap" if use_mmap else "no_mmap"] = _run_limited(group, use_mmap, copy)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            group.rmdir()
        except OSError:
            pass
    return {"supported": True, "mechanism": kind, "limit_mb": round(limit / 2**20, 1),
            "model_mb": round(model_bytes / 2**20, 1), **results}


if __name__ == "__main__":
    from second_me.models.defaults import default_chat_model_path

    print(json.dumps(run(default_chat_model_path()), indent=2))
