"""What indexing does with the secrets a file holds (the `secrets` setting).

"redact" (default) stores the text with each secret replaced by `[redacted: KIND]` (line
breaks kept, so chunks keep the file's line numbers) and records what was replaced;
"skip-file" leaves the whole file out, saying why; "off" indexes the text as it is.
Detection itself is secret_scan.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from second_me.config import SECRET_MODES
from second_me.domain import count_by
from second_me.ingest.secret_scan import DETECTORS_VERSION, SecretFound, find_secrets, redact

MODES = SECRET_MODES
DEFAULT_MODE = "redact"


@dataclass(frozen=True)
class Screened:
    """What indexing keeps of a text: the text to store (None: skip the file), what was found, and why."""

    text: Optional[str]
    found: tuple[SecretFound, ...]
    skip_reason: Optional[str] = None


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"secrets must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def screening(mode: str) -> str:
    """How a file was screened, kept with it: when this changes, the next index run reads it again."""
    return "off" if check_mode(mode) == "off" else f"{mode}:{DETECTORS_VERSION}"


def screen(text: str, mode: str = DEFAULT_MODE, page: Optional[int] = None) -> Screened:
    """Apply the `secrets` setting to one text."""
    if check_mode(mode) == "off":
        return Screened(text, ())
    found = tuple(find_secrets(text, page))
    if not found:
        return Screened(text, ())
    if mode == "skip-file":
        return Screened(None, found, skip_reason(found))
    return Screened(redact(text, list(found)), found)


def skip_reason(found: tuple[SecretFound, ...]) -> str:
    first = found[0]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return f"holds a secret ({first.kind}, {first.where()}{more})"


def describe(found: tuple[SecretFound, ...]) -> str:
    """One line for the index report: how many spans were redacted, of which kinds, where."""
    if not found:
        return ""
    places = ", ".join(f"{s.kind} ({s.where()})" for s in found[:5])
    more = f", and {len(found) - 5} more" if len(found) > 5 else ""
    noun = "secret" if len(found) == 1 else "secrets"
    return f"redacted {len(found)} {noun}: {places}{more}"


def kinds_count(found: tuple[SecretFound, ...]) -> dict[str, int]:
    """Redacted spans by kind, for the add summary."""
    return count_by(s.kind for s in found)


def screen_extracted(extracted, mode: str = DEFAULT_MODE):
    """Screen an extracted document (and each page of a paged one, keeping page-relative lines).

    Returns (the document to chunk, or None to skip the file; Screened with everything found).
    """
    if extracted.pages is None:
        result = screen(extracted.text, mode)
        if not result.found:
            return extracted, result
        return (None if result.text is None else replace(extracted, text=result.text)), result
    pages: list[str] = []
    found: list[SecretFound] = []
    for number, page in enumerate(extracted.pages, start=1):
        result = screen(page, mode, page=number)
        found.extend(result.found)
        pages.append(page if result.text is None else result.text)
    if not found:
        return extracted, Screened(extracted.text, ())
    if mode == "skip-file":
        return None, Screened(None, tuple(found), skip_reason(tuple(found)))
    text = "\n\n".join(pages)
    return replace(extracted, text=text, pages=tuple(pages)), Screened(text, tuple(found))
