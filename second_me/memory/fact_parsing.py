"""Facts as text: rules that read first-person statements, a parser for what a (small,
unreliable) model writes, and slots that say when two facts contradict each other.

Everything here is pure and deterministic, so it is tested without a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

MIN_CHARS, MAX_CHARS = 6, 120
_OBJECT = r"(?P<value>[^.,;!?\n]{2,60}?)"
_END = r"(?=\s+(?:and|but|because|since|so|now|with|for|last|this|next)\b|[.,;!?\n]|$)"
# A job or employer ends sooner: "joined Zalando as a designer", "working as a nurse at the clinic".
_JOB_END = r"(?=\s+(?:as|at|in|on|is|was|and|but|because|since|so|now|with|for|from|last|this|next)\b|[.,;!?\n]|$)"

# First-person statements worth remembering, written as a short fact about the speaker.
STATEMENT_RULES: tuple[tuple[str, str], ...] = (
    (r"\bi(?:'m| am)? (?:now |still |currently )?(?:live|living|based) in " + _OBJECT + _END, "lives in {value}"),
    (r"\bi (?:just |recently |finally )?(?:moved|relocated) (?:back )?to " + _OBJECT + _END, "lives in {value}"),
    (r"\bi(?:'m| am)? (?:now |currently )?(?:work|working) (?:at|for) " + _OBJECT + _END, "works at {value}"),
    # Joined by name only: "I joined Zalando", not "I joined a choir" (a club, a gym, a class: no employer).
    (r"\bi (?:just |finally )?(?:accepted (?:an|the) (?:job )?offer (?:from|at)|joined(?= (?:the )?(?-i:[A-Z]))"
     r"|started (?:a new job |working )?at) " + _OBJECT + _JOB_END, "works at {value}"),
    (r"(?:^|[.!?]\s+|\bi(?:'m| am)? )(?:now |currently )?(?:work(?:ing)?|start(?:ing|ed)?) (?:in \w+ )?as "
     + _OBJECT + _JOB_END, "works as {value}"),
    (r"\bmy name is " + _OBJECT + _END, "name is {value}"),
    (r"\bi(?:'m| am) allergic to " + _OBJECT + _END, "is allergic to {value}"),
    (r"\bmy favou?rite (?P<what>\w+) is " + _OBJECT + _END, "favorite {what} is {value}"),
    (r"\bi(?:'m| am) (?P<value>\d{1,3}) years old\b", "is {value} years old"),
    (r"\bi(?:'m| am) (?:now )?(?:married to|dating|engaged to) " + _OBJECT + _END, "partner is {value}"),
)

# Single-valued attributes: a new value replaces the old one (at the new fact's time).
SLOT_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(?:lives?|living|resides?|moved|relocated|based) (?:in|to) " + _OBJECT + _END, "residence"),
    (r"\b(?:works?|working|employed) (?:at|for) " + _OBJECT + _END, "employer"),
    (r"\bworks? as " + _OBJECT + _JOB_END, "job"),
    (r"\bname is " + _OBJECT + _END, "name"),
    (r"\bfavou?rite (?P<what>\w+) is " + _OBJECT + _END, "favorite {what}"),
    (r"\b(?P<value>\d{1,3}) years old\b", "age"),
    (r"\b(?:partner is|married to|dating|engaged to) " + _OBJECT + _END, "partner"),
)

_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d{1,2}[.)]|fact\s*\d*:)\s*", re.I)
_SUBJECT = re.compile(r"^(?:the user|user|they|he|she|i)\s+", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an and are as at be by for from has have in is it of on or the to was with user they he she "
                  "i my me his her their does do not".split())
_NOT_FACTS = re.compile(r"\b(?:none|no facts?|n/a|extract|messages?|assistant|here are|the following)\b", re.I)


@dataclass(frozen=True)
class Slot:
    name: str  # e.g. "residence"
    value: str  # normalised, e.g. "berlin"


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _clean_value(value: str) -> str:
    value = re.sub(r"^(?:the city of|a|an)\s+", "", value.strip(), flags=re.I)
    return value.strip(" '\"")


def statements(text: str) -> list[str]:
    """Facts stated in the first person in `text`, by rule (no model needed)."""
    found: list[str] = []
    for pattern, template in STATEMENT_RULES:
        for match in re.finditer(pattern, text, re.I):
            parts = {k: _clean_value(v) for k, v in match.groupdict().items() if v}
            if parts.get("value"):
                found.append(template.format(**parts))
    return found


def slot_of(fact: str) -> Optional[Slot]:
    """The single-valued attribute a fact sets, if any ("lives in Berlin" → residence = berlin)."""
    for pattern, name in SLOT_RULES:
        match = re.search(pattern, fact, re.I)
        if match:
            parts = {k: v for k, v in match.groupdict().items() if v}
            value = normalise(_clean_value(parts.get("value", "")))
            if value:
                return Slot(name.format(what=parts.get("what", "").lower()), value)
    return None


def _content_words(text: str) -> set[str]:
    # 4-letter stems, so "lives" is grounded by "live" and "allergic" by "allergies".
    return {w[:4] for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def parse_model_facts(output: str, source_text: str, example_text: str = "") -> list[str]:
    """Facts from a model's reply, one per line; lines that are not grounded in the source
    (most of their words absent from what was said) are dropped, so a model that
    rambles or invents cannot put much false into memory. Lines using words of the
    prompt's worked example that the source lacks are copies of the example: dropped."""
    source_words = _content_words(source_text)
    example_only = _content_words(example_text) - source_words
    facts: list[str] = []
    for line in output.splitlines():
        fact = _SUBJECT.sub("", _BULLET.sub("", line).strip().strip("\"'")).strip().rstrip(".").strip()
        if not MIN_CHARS <= len(fact) <= MAX_CHARS or _NOT_FACTS.search(fact) or "?" in fact or ":" in fact:
            continue
        words = _content_words(fact)
        if not words or len(words & source_words) * 2 < len(words) or words & example_only:
            continue
        facts.append(fact)
    return facts


def unique(facts: Iterable[str]) -> list[str]:
    """In order, without repeats (by normalised text)."""
    seen: set[str] = set()
    out = []
    for fact in facts:
        key = normalise(fact)
        if key and key not in seen:
            seen.add(key)
            out.append(fact)
    return out


_MY = re.compile(r"^(?:name|favou?rite|partner|birthday|email|phone)\b", re.I)


def first_person(fact: str) -> str:
    """ "lives in Lisbon" → "I live in Lisbon": the user asks about themself in the first
    person ("where do I live?"), and an embedder matches that far better."""
    fact = fact.strip()
    head, _, rest = fact.partition(" ")
    lower = head.lower()
    if _MY.match(fact):
        return f"My {fact}."
    if lower == "is":
        return f"I am {rest}."
    if lower == "has":
        return f"I have {rest}."
    if lower.endswith(("ches", "shes", "sses", "xes", "oes")):
        head = head[:-2]
    elif lower.endswith("ies") and len(lower) > 4:
        head = head[:-3] + "y"
    elif lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        head = head[:-1]
    return f"I {head} {rest}.".replace(" .", ".")
