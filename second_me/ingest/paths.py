"""Which file a path met while indexing really is, and whether it may be read.

Symbolic links (setting `follow_symlinks`):
  "inside" (default)  a link is followed only when its target lies inside a watched folder;
  "never"             no link is followed;
  "always"            every link is followed (loops are cut).
A folder link is never walked into when its target lies inside a watched folder: that folder
is indexed through its own path already. Memories are keyed by the path as met (the link),
never by its target, so deleting the link or unwatching its folder removes them.

Whatever the setting, special files are never read: anything under /proc, /sys or /dev,
FIFOs, sockets and devices. The secrets-by-name filter applies to the link's name and to
every part of its target's path.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from second_me.config import SYMLINK_MODES
from second_me.ingest.filters import skip_reason

DEFAULT_SYMLINK_MODE = "inside"
SPECIAL_TREES = (Path("/proc"), Path("/sys"), Path("/dev"))

OUTSIDE = "links outside the watched folder are not followed"
NEVER = 'links are not followed (follow_symlinks = "never")'
ALREADY_WATCHED = "a link to a folder that is indexed through its own path"
LOOP = "a link back to a folder already walked"
BROKEN = "a link to nothing (its target does not exist)"
GONE = "no such file"
NOT_WALKED = (ALREADY_WATCHED, LOOP)  # folder links passed over because their files are indexed anyway
SPECIAL = "a special file (/proc, /sys and /dev are never read)"
_FILE_TYPES = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
               (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a folder"))


@dataclass(frozen=True)
class PathDecision:
    """`key`: where memories of this path are stored (the path as met, absolute, links not resolved);
    `read_from`: the real file to read, or None with `skip_reason` saying why not."""

    key: str
    read_from: Optional[Path]
    skip_reason: Optional[str] = None
    is_link: bool = False
    failed: bool = False  # the path could not even be looked at (skip_reason is the system's reason)

    @property
    def readable(self) -> bool:
        return self.read_from is not None


def check_symlink_mode(mode: str) -> str:
    if mode not in SYMLINK_MODES:
        raise ValueError(f"follow_symlinks must be one of {', '.join(SYMLINK_MODES)}, not {mode!r}")
    return mode


def absolute(path: Path) -> Path:
    """`path` made absolute without resolving links (".." is folded as written)."""
    return Path(os.path.abspath(os.path.expanduser(str(path))))


def real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def special_reason(path: Path) -> Optional[str]:
    """Why a path in /proc, /sys or /dev must not be read (checked on the path as given and as resolved)."""
    for candidate in (absolute(path), real(path)):
        if any(_within(candidate, tree) for tree in SPECIAL_TREES):
            return SPECIAL
    return None


def not_regular_reason(mode: int) -> Optional[str]:
    for test, name in _FILE_TYPES:
        if test(mode):
            return f"not a regular file ({name})"
    return None if stat.S_ISREG(mode) else "not a regular file"


def containing_root(target: Path, roots: Sequence[Path]) -> Optional[Path]:
    """The watched folder (resolved) that `target` (resolved) lies in, the deepest if several."""
    inside = [r for r in (real(root) for root in roots) if _within(target, r)]
    return max(inside, key=lambda r: len(r.parts)) if inside else None


def target_name_reason(target: Path, root: Optional[Path], user_globs: Sequence[str] = ()) -> Optional[str]:
    """The name filter on every part of a link's target, from its watched folder down (or from / when
    it lies outside every watched folder): a link must not be a way around `.ssh` or `.env`."""
    parts = target.relative_to(root).parts if root is not None else target.parts[1:]
    current = root if root is not None else Path(target.anchor)
    for index, part in enumerate(parts):
        current = current / part
        why = skip_reason(current, user_globs, is_dir=index < len(parts) - 1)
        if why:
            return f"the link's target {why}" if why != "hidden" else "the link's target is hidden"
    return None


def link_reason(given: Path, target: Path, roots: Sequence[Path], mode: str) -> Optional[str]:
    """Why the link `given` (resolving to `target`) must not be followed under `mode`, or None."""
    if check_symlink_mode(mode) == "never":
        return NEVER
    if mode == "inside" and containing_root(target, roots) is None:
        return OUTSIDE
    return None


def decide_file(path: Path, roots: Sequence[Path], mode: str = DEFAULT_SYMLINK_MODE,
                user_globs: Sequence[str] = ()) -> PathDecision:
    """Whether the file at `path` (met while walking, or given by the user) may be read, and from where.

    `roots` are the watched folders (or files). Reads nothing: only the path and its metadata.
    """
    given = absolute(path)
    key = str(given)
    special = special_reason(given)
    if special:
        return PathDecision(key, None, special)
    target = real(given)
    linked = target != given
    if linked:
        why = link_reason(given, target, roots, mode)
        if why:
            return PathDecision(key, None, why, is_link=True)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return PathDecision(key, None, BROKEN if linked else GONE, is_link=linked)
    except OSError as exc:
        return PathDecision(key, None, exc.strerror or str(exc), is_link=linked, failed=True)
    if linked and stat.S_ISDIR(info.st_mode):
        folder = _decide_folder_link(given, roots, mode, user_globs, set())
        return folder if not folder.readable else PathDecision(key, None, "a link to a folder", is_link=True)
    odd = not_regular_reason(info.st_mode)
    if odd:
        return PathDecision(key, None, odd, is_link=linked)
    why = skip_reason(given, user_globs, is_dir=False)
    if not why and linked:
        why = target_name_reason(target, containing_root(target, roots), user_globs)
    if why:
        return PathDecision(key, None, why, is_link=linked)
    return PathDecision(key, target, None, is_link=linked)


class NotRegularFile(OSError):
    """What was opened is not (or no longer) the regular file that was decided on."""


def read_regular(decision: PathDecision, max_bytes: Optional[int] = None) -> bytes:
    """Read the decided file without following a link swapped in since, and without blocking on a
    FIFO: opened with O_NOFOLLOW | O_NONBLOCK, then checked to be a regular file before reading."""
    if decision.read_from is None:
        raise NotRegularFile(decision.skip_reason or "not readable")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(decision.read_from, flags)
    try:
        info = os.fstat(fd)
        odd = not_regular_reason(info.st_mode)
        if odd:
            raise NotRegularFile(odd)
        if max_bytes is not None and info.st_size > max_bytes:
            raise NotRegularFile(f"larger than {max_bytes} bytes")
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


# ---- walking ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Walked:
    """A file met while walking (to read, or skipped with its reason) or a folder link not walked into."""

    decision: PathDecision
    is_dir: bool = False

    @property
    def path(self) -> Path:
        return Path(self.decision.key)


Allowed = Callable[[Path, bool], bool]


def walk(root: Path, roots: Optional[Sequence[Path]], mode: str = DEFAULT_SYMLINK_MODE,
         allowed: Optional[Allowed] = None, user_globs: Sequence[str] = ()) -> Iterator[Walked]:
    """Every file under `root`, sorted, as the link policy sees it; folder links out of the watched
    folders are walked into only with mode "always", and never twice (loops are cut).

    `allowed(path, is_dir)` is the ignore rules' verdict on a name met in a folder (hidden, tool
    folders, secrets by name, .gitignore); names it refuses are passed over (the verdict may count them).
    """
    check_symlink_mode(mode)
    roots = [root] if roots is None else list(roots)
    allowed = allowed or (lambda path, is_dir: skip_reason(path, user_globs, is_dir=is_dir) is None)
    top = absolute(root)
    if special_reason(top):
        return
    try:
        top_info = os.stat(top)
    except OSError:
        return
    if not stat.S_ISDIR(top_info.st_mode):
        yield Walked(decide_file(top, roots, mode, user_globs))
        return
    seen = {(top_info.st_dev, top_info.st_ino)}
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError:
            continue
        subfolders: list[Path] = []
        for entry in entries:
            path = folder / entry.name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                continue
            if not allowed(path, is_dir):
                continue
            if not is_dir:
                yield Walked(decide_file(path, roots, mode, user_globs))
                continue
            if not is_link:
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:  # gone since the folder was listed
                    continue
                seen.add((info.st_dev, info.st_ino))
                subfolders.append(path)
                continue
            decision = _decide_folder_link(path, roots, mode, user_globs, seen)
            if decision.readable:
                subfolders.append(path)
            else:
                yield Walked(decision, is_dir=True)
        stack.extend(reversed(subfolders))


def _decide_folder_link(path: Path, roots: Sequence[Path], mode: str, user_globs: Sequence[str],
                        seen: set[tuple[int, int]]) -> PathDecision:
    key = str(path)
    special = special_reason(path)
    if special:
        return PathDecision(key, None, special, is_link=True)
    target = real(path)
    if containing_root(target, roots) is not None:
        return PathDecision(key, None, ALREADY_WATCHED, is_link=True)
    why = link_reason(path, target, roots, mode) or target_name_reason(target, None, user_globs)
    if why:
        return PathDecision(key, None, why, is_link=True)
    try:
        info = os.stat(target)
    except OSError:
        return PathDecision(key, None, BROKEN, is_link=True)
    if (info.st_dev, info.st_ino) in seen:
        return PathDecision(key, None, LOOP, is_link=True)
    seen.add((info.st_dev, info.st_ino))
    return PathDecision(key, target, None, is_link=True)
