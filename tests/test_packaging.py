"""The installed distribution pulls in no deep-learning stack (torch and friends)."""

from __future__ import annotations

import re
from importlib import metadata

import pytest

FORBIDDEN = {"torch", "transformers", "sentence-transformers"}
EXTRAS_TO_CHECK = ("", "convert")  # the base install, and the converter's extra


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(requirement: str, extra: str) -> tuple[str, set[str]] | None:
    """(name, extras) of a requirement that applies with `extra` requested, else None."""
    try:
        from packaging.requirements import Requirement
    except ImportError:  # crude fallback: keep unconditional requirements and the asked-for extra
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement).group(1)
        marker = requirement.partition(";")[2]
        if "extra" in marker and f'"{extra}"' not in marker and f"'{extra}'" not in marker:
            return None
        return normalise(name), set()
    parsed = Requirement(requirement)
    if parsed.marker and not parsed.marker.evaluate({"extra": extra}):
        return None
    return normalise(parsed.name), {normalise(e) for e in parsed.extras}


def requirement_closure(root: str, extra: str = "") -> dict[str, list[str]]:
    """Every installed distribution `root` (with `extra`) needs, each with the chain that pulls it in."""
    chains: dict[str, list[str]] = {normalise(root): [normalise(root)]}
    todo = [(normalise(root), {extra} if extra else set())]
    while todo:
        name, extras = todo.pop()
        try:
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # not installed here (e.g. a platform-specific dependency)
        for requirement in requirements:
            for wanted in {""} | extras:
                parsed = _parse(requirement, wanted)
                if parsed is None:
                    continue
                dep, dep_extras = parsed
                if dep not in chains:
                    chains[dep] = chains[name] + [dep]
                    todo.append((dep, dep_extras))
    return chains


@pytest.mark.parametrize("extra", EXTRAS_TO_CHECK)
def test_second_me_does_not_depend_on_torch(extra):
    try:
        metadata.distribution("second-me")
    except metadata.PackageNotFoundError:
        pytest.skip("second-me is not installed as a distribution (pip install -e .) - nothing to inspect")
    chains = requirement_closure("second-me", extra)
    pulled_in = {name: " -> ".join(chains[name]) for name in FORBIDDEN & set(chains)}
    assert not pulled_in, f"forbidden dependencies: {pulled_in}"


def test_the_closure_walk_follows_transitive_requirements():
    # Checked on a distribution that is always there: pytest needs pluggy.
    chains = requirement_closure("pytest")
    assert chains["pluggy"] == ["pytest", "pluggy"]
