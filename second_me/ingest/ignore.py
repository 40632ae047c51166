"""What must never be read under a root: the fixed safety rules, the user's globs, and `.gitignore`.

This is the one module that imports `pathspec` (gitignore pattern semantics).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from second_me.ingest.filters import skip_reason


class IgnoreRules:
    """Answers "may this path be indexed?" for paths under one root, honouring every `.gitignore`
    from the root down. Specs are cached per folder and re-read when a `.gitignore` changes."""

    def __init__(self, root: Path, user_globs: Sequence[str] = ()):
        self.root = root
        self.user_globs = tuple(user_globs)
        self._specs: dict[Path, tuple[float, object]] = {}

    def _spec(self, folder: Path):
        """The compiled `.gitignore` of `folder`, or None."""
        gitignore = folder / ".gitignore"
        try:
            mtime = gitignore.stat().st_mtime
        except OSError:
            self._specs.pop(folder, None)
            return None
        cached = self._specs.get(folder)
        if cached and cached[0] == mtime:
            return cached[1]
        import pathspec

        try:
            lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
            spec = pathspec.GitIgnoreSpec.from_lines(lines)
        except (OSError, ValueError):
            spec = None
        self._specs[folder] = (mtime, spec)
        return spec

    def gitignored(self, path: Path, is_dir: bool) -> bool:
        """Whether a `.gitignore` in the root or any folder between it and `path` excludes `path`."""
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return False
        folder = self.root
        parts = relative.parts
        for depth in range(len(parts)):
            spec = self._spec(folder)
            if spec is not None:
                rest = "/".join(parts[depth:]) + ("/" if is_dir else "")
                if spec.match_file(rest):
                    return True
            folder = folder / parts[depth]
        return False

    def reason(self, path: Path, is_dir: Optional[bool] = None) -> Optional[str]:
        """Why `path` must not be indexed (checking every folder between root and it), or None."""
        if is_dir is None:
            is_dir = path.is_dir()
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            relative = Path(path.name)
        current = self.root
        for index, part in enumerate(relative.parts):
            current = current / part
            last = index == len(relative.parts) - 1
            why = _component_reason(current, self.user_globs, is_dir if last else True)
            if why:
                return why
        if self.gitignored(path, is_dir):
            return "listed in .gitignore"
        return None

    def reason_here(self, path: Path, is_dir: bool) -> Optional[str]:
        """Why a name met while walking down from the root is passed over, or None. Parents were
        already checked on the way down: only this name and the gitignores."""
        why = _component_reason(path, self.user_globs, is_dir)
        if why:
            return why
        if is_dir and (path / "pyvenv.cfg").exists():  # a virtualenv under any name
            return "tool or cache folder"
        return "listed in .gitignore" if self.gitignored(path, is_dir) else None


def _component_reason(path: Path, user_globs: Sequence[str], is_dir: bool) -> Optional[str]:
    return skip_reason(path, user_globs, is_dir=is_dir)
