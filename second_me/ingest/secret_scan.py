"""Secrets recognised by their shape inside a file's text (what indexing does about them:
secret_screen.py).

The name filter (filters.py) keeps `.env` and `id_rsa` out; this catches the same secrets
pasted into an ordinary note: private-key blocks, cloud and service tokens, JWTs, and
`password = …` / `api_key: …` assignments whose value looks random. It runs on every
indexed file, so it is a fixed set of anchored patterns (detect-secrets was measured at
about 5 s per MB with its default plugins, and its high-entropy plugins flag ordinary words).

What is deliberately not a secret: a plain word or placeholder after `password=`
("changeme", "your-api-key-here", "${TOKEN}", "os.environ[...]"), values under 8
characters, numbers, paths and URLs; 40-hex git hashes, UUIDs, hex colours and base64
images anywhere except as the value of such an assignment.

Redacting replaces each secret with `[redacted: KIND]`, keeping every line break, so chunks
keep the file's line numbers.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import string
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

DETECTORS_VERSION = 1  # raised whenever the detectors change: files read with an older set are read again

# Line breaks as str.splitlines() sees them (chunking numbers lines that way).
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class SecretFound:
    """One secret: its kind, where it starts (1-based line, page for paged documents), its span."""

    kind: str
    line: int
    start: int
    end: int
    page: Optional[int] = None

    def where(self) -> str:
        return f"page {self.page} line {self.line}" if self.page else f"line {self.line}"


@dataclass(frozen=True)
class Candidate:
    kind: str
    start: int
    end: int


# ---- what random looks like ----------------------------------------------------------------

def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    if not value:
        return 0.0
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


_PLACEHOLDER_CHARS = set("${}<>()[]%*")
_DOTTED_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
_PLACEHOLDER_WORDS = ("changeme", "example", "placeholder", "password", "secret", "redacted", "your", "xxxx")


def looks_random(value: str, min_length: int = 8) -> bool:
    """Whether an assigned value reads like a real credential rather than a word, name or placeholder."""
    value = value.strip()
    if not min_length <= len(value) <= 200:
        return False
    if value.isalpha() and (value.islower() or value.isupper()):  # one plain word: the common case, decided fast
        return False
    if _PLACEHOLDER_CHARS & set(value) or value.startswith(("/", "~", "./", "../")) or "://" in value:
        return False
    if value.isdigit() or _DOTTED_NAME.fullmatch(value):
        return False
    lower = value.lower()
    if any(word in lower for word in _PLACEHOLDER_WORDS) and not any(c.isdigit() for c in value):
        return False
    has_lower = any(c.islower() for c in value)
    has_upper = any(c.isupper() for c in value)
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    classes = has_lower + has_upper + has_digit + has_symbol
    mixed = ((has_lower or has_upper) and has_digit) or classes >= 3 or _random_case(value)
    return mixed and entropy(value) >= 2.5


def _random_case(value: str) -> bool:
    """Letters whose case flips often ("qTzWbLmKpR"), unlike CamelCase names that flip once per word."""
    if len(value) < 12:
        return False
    flips = sum(a.isupper() != b.isupper() for a, b in zip(value, value[1:]) if a.isalpha() and b.isalpha())
    return flips > len(value) / 3


# ---- detectors ----------------------------------------------------------------------------

WORD = string.ascii_letters + string.digits + "_"


def _simple(kind: str, pattern: str, group: int = 0, valid: Callable[[str], bool] | None = None,
            not_after: str = "") -> Callable[[str], Iterator[Candidate]]:
    """A detector from one pattern. `not_after`: characters that must not come just before the match
    (checked here rather than by a look-behind, which would keep the regex engine from skipping
    ahead to the pattern's first literal)."""
    compiled = re.compile(pattern)

    def detect(text: str) -> Iterator[Candidate]:
        for match in compiled.finditer(text):
            if not_after and match.start() > 0 and text[match.start() - 1] in not_after:
                continue
            if valid is None or valid(match.group(group)):
                yield Candidate(kind, match.start(group), match.end(group))

    return detect


_PEM_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----")
_PEM_BODY_LINE = re.compile(r"[ \t]*(?:[A-Za-z0-9+/=]+|[A-Za-z-]+:.*|)[ \t]*")


def _private_keys(text: str) -> Iterator[Candidate]:
    """The whole block, BEGIN to END; a block cut short runs to the end of its base64 lines."""
    position = 0
    while True:
        begin = _PEM_BEGIN.search(text, position)
        if begin is None:
            return
        label = f"{begin.group(1)}PRIVATE KEY{begin.group(2) or ''}"
        end_marker = f"-----END {label}-----"
        end_at = text.find(end_marker, begin.end())
        if end_at >= 0:
            end = end_at + len(end_marker)
        else:
            end = begin.end()
            offset = begin.end()
            for line in text[begin.end():].split("\n")[1:]:
                offset += 1 + len(line)
                if not _PEM_BODY_LINE.fullmatch(line) or line.startswith("-----"):
                    break
                if line.strip():
                    end = offset
        yield Candidate("private-key", begin.start(), end)
        position = end


_AWS_KEY_ID = re.compile(r"A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])")
_BASE64_40 = re.compile(r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")


def _aws_secret_shape(value: str) -> bool:
    # Not a git hash (lower-case hex) nor a word: both cases and a digit or slash, and random.
    return (any(c.isupper() for c in value) and any(c.islower() for c in value)
            and any(c.isdigit() or c in "/+" for c in value) and entropy(value) >= 4.0)


def _aws_keys(text: str) -> Iterator[Candidate]:
    key_ids = [m for m in _AWS_KEY_ID.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum()]
    for match in key_ids:
        yield Candidate("aws-access-key", match.start(), match.end())
    if not key_ids:
        return
    # A bare secret key written within three lines of an access key id ("key: AKIA…, secret: …").
    breaks = _break_offsets(text)
    key_lines = {_line_of(breaks, m.start()) for m in key_ids}
    for match in _BASE64_40.finditer(text):
        line = _line_of(breaks, match.start())
        if any(abs(line - k) <= 3 for k in key_lines) and _aws_secret_shape(match.group(0)):
            yield Candidate("aws-secret-key", match.start(), match.end())


def _has_letter_and_digit(value: str) -> bool:
    return any(c.isalpha() for c in value) and any(c.isdigit() for c in value)


def _jwt_header(token: str) -> bool:
    header = token.split(".", 1)[0]
    try:
        decoded = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    except (binascii.Error, ValueError):
        return False
    return isinstance(decoded, dict) and ("alg" in decoded or "typ" in decoded)


# `password = …`, `api_key: …`, `"client_secret": "…"`, `secret key: …`: a keyword ends the name, a
# separator follows. Keyword and separator are found first (one fast pass); values are checked only there.
_KEYWORD = re.compile(r"(?P<word>passw(?:or)?d|passphrase|secret|token|key)[\"']?[ \t]*(?:=>|:=|=|:)[ \t]*")
_KEY_QUALIFIER = re.compile(r"(api|access|private|secret)[_ -]?$")
_ASSIGNED_VALUE = re.compile(r"\"(?P<dq>[^\"\n]{1,200})\"|'(?P<sq>[^'\n]{1,200})'|(?P<bare>[^\s\"'`<>]{1,200})")
# A bare value ends where the next field of a query or connection string starts ("&user=", ";host=").
_NEXT_FIELD = re.compile(r"[&;,](?=[a-z_][\w .-]{0,30}=)")
_KEY_KINDS = {"api": "api-key", "access": "api-key", "private": "private-key", "secret": "secret"}


_NAME_BEFORE = re.compile(r"[a-z0-9_ -]{0,32}$")
_AWS_NAME = re.compile(r"aws|secret[_ -]?access")


def _assignment_kind(lower: str, keyword: re.Match) -> Optional[str]:
    """The kind of secret the assigned name announces (None: not a name that announces one)."""
    word = keyword.group("word")
    start = keyword.start("word")
    name = _NAME_BEFORE.search(lower, max(0, start - 32), start).group(0) + word
    if word in ("key", "secret") and _AWS_NAME.search(name):  # aws_secret_access_key, "SecretAccessKey"
        return "aws-secret-key"
    if word.startswith("pass"):
        return "password"
    if word != "key":
        return word
    # A bare `key:` is too common (dictionaries, music, maps) to be a secret by itself.
    qualifier = _KEY_QUALIFIER.search(name, 0, len(name) - len(word))
    return _KEY_KINDS[qualifier.group(1)] if qualifier else None


def _assignments(text: str) -> Iterator[Candidate]:
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer: offsets would drift
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for keyword in _KEYWORD.finditer(lower):
        value = _ASSIGNED_VALUE.match(lower, keyword.end())
        if value is None:
            continue
        start, end = value.span(value.lastgroup)
        if value.lastgroup == "bare":
            field_end = _NEXT_FIELD.search(lower, start, end + 33)  # room for the look-ahead past the value
            if field_end and field_end.start() < end:
                end = field_end.start()
            end = start + len(lower[start:end].rstrip(",;"))
        if not looks_random(text[start:end]):
            continue
        kind = _assignment_kind(lower, keyword)
        if kind:
            yield Candidate(kind, start, end)


_URL_PLACEHOLDERS = {"password", "pass", "passwd", "pw", "secret", "token", "x-oauth-basic", "changeme"}


@dataclass(frozen=True)
class Detector:
    """A detector runs only on text holding one of its cues (plain substrings: a fast first pass), if it has any."""

    cues: tuple[str, ...]
    detect: Callable[[str], Iterator[Candidate]]
    lower_cues: bool = False  # the cues are lower case, looked for in the lower-cased text

    def run(self, text: str, lower: str) -> Iterator[Candidate]:
        haystack = lower if self.lower_cues else text
        if not self.cues or any(cue in haystack for cue in self.cues):
            yield from self.detect(text)


# Most specific first: a span claimed by an earlier detector is not claimed again. A pattern that
# starts with a literal needs no cue (the regex engine skips ahead to that literal itself).
DETECTORS: tuple[Detector, ...] = (
    Detector((), _private_keys),
    Detector((), _aws_keys),
    Detector((), _simple("github-token", r"gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", not_after=WORD)),
    Detector((), _simple("github-token", r"github_pat_[A-Za-z0-9_]{22,255}", not_after=WORD)),
    Detector((), _simple("gitlab-token", r"gl(?:pat|dt|rt|ptt|ft|cbt|oas|soat|imt)-[A-Za-z0-9_-]{20,}",
                         not_after=WORD + "-")),
    Detector((), _simple("slack-webhook",
                         r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_+-]{20,}")),
    Detector((), _simple("slack-token", r"x(?:ox[abeoprs]-(?:[0-9]+-)?|app-\d-)[A-Za-z0-9-]{10,}",
                         valid=_has_letter_and_digit, not_after=WORD)),
    Detector(("_live_", "_test_", "whsec_"), _simple(
        "stripe-key", r"(?:(?:sk|rk|pk)_(?:live|test)|whsec)_[A-Za-z0-9]{16,}", not_after=WORD)),
    Detector((), _simple("openai-style-key", r"sk-(?:proj-|svcacct-|admin-|ant-[a-z]+\d*-)?[A-Za-z0-9_-]{32,}",
                         valid=_has_letter_and_digit, not_after=WORD + "-")),
    Detector((), _simple("google-api-key", r"AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", not_after=WORD + "-")),
    Detector((), _simple("jwt", r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*", valid=_jwt_header,
                         not_after=WORD + "-")),
    Detector((), _simple("url-password", r"://[^\s/:@]{1,100}:([^\s/@]{1,200})@[^\s/@]", group=1,
                         valid=lambda v: v.lower() not in _URL_PLACEHOLDERS and not (_PLACEHOLDER_CHARS & set(v)))),
    Detector(("bearer",), _simple("token", r"(?i)\bbearer[ \t]+([A-Za-z0-9._~+/-]{16,}=*)", group=1,
                                  valid=_has_letter_and_digit), lower_cues=True),
    Detector((), _assignments),
)


# ---- finding and redacting -------------------------------------------------------------------

def _break_offsets(text: str) -> list[int]:
    return [m.end() for m in _LINE_BREAK.finditer(text)]


def _line_of(breaks: list[int], offset: int) -> int:
    return bisect_right(breaks, offset) + 1


def find_secrets(text: str, page: Optional[int] = None) -> list[SecretFound]:
    """Every secret in `text`, in reading order, spans never overlapping."""
    taken: list[Candidate] = []
    lower = text.lower()
    for detector in DETECTORS:
        for candidate in detector.run(text, lower):
            if candidate.end > candidate.start and not any(
                    candidate.start < other.end and other.start < candidate.end for other in taken):
                taken.append(candidate)
    if not taken:
        return []
    breaks = _break_offsets(text)
    return [SecretFound(c.kind, _line_of(breaks, c.start), c.start, c.end, page)
            for c in sorted(taken, key=lambda c: c.start)]


def redact(text: str, found: list[SecretFound]) -> str:
    """`text` with each span replaced by `[redacted: KIND]` and as many line breaks as it held."""
    pieces: list[str] = []
    position = 0
    for secret in sorted(found, key=lambda s: s.start):
        pieces.append(text[position:secret.start])
        breaks = len(_LINE_BREAK.findall(text, secret.start, secret.end))
        pieces.append(f"[redacted: {secret.kind}]" + "\n" * breaks)
        position = secret.end
    pieces.append(text[position:])
    return "".join(pieces)
