"""Retrieval and answer metrics: Recall@k and NDCG@k of evidence, abstention P/R/F1, answer match."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Sequence


def evidence_ranks(retrieved: Sequence[set[str]], evidence: Sequence[str]) -> list[int]:
    """For each retrieved memory (its evidence ids), the rank at which a *new* evidence id appears."""
    wanted, seen, ranks = set(evidence), set(), []
    for rank, ids in enumerate(retrieved, start=1):
        fresh = (ids & wanted) - seen
        if fresh:
            seen |= fresh
            ranks.extend([rank] * len(fresh))
    return ranks


def recall_at(ranks: Sequence[int], n_evidence: int, k: int) -> float:
    """Share of the evidence found in the top k."""
    return sum(1 for r in ranks if r <= k) / n_evidence if n_evidence else 0.0


def ndcg_at(ranks: Sequence[int], n_evidence: int, k: int) -> float:
    """Binary-relevance NDCG: each evidence id counts once, at the first rank it shows up."""
    if not n_evidence:
        return 0.0
    dcg = sum(1 / math.log2(r + 1) for r in ranks if r <= k)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(n_evidence, k) + 1))
    return dcg / ideal


def prf(predicted: Sequence[bool], actual: Sequence[bool]) -> dict:
    tp = sum(p and a for p, a in zip(predicted, actual))
    fp = sum(p and not a for p, a in zip(predicted, actual))
    fn = sum(a and not p for p, a in zip(predicted, actual))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# A count said in words is the count: "Three plants" answers "3". ("One" is as often "the one…".)
_COUNTS = {word: str(number) for number, word in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=2)}
_COUNT_WORD = re.compile(r"\b(" + "|".join(_COUNTS) + r")\b")


# "[2]" after a quote says which memory it is; it answers nothing ("How many times has Sam hurt himself?": "2").
CITATION = re.compile(r"\[\d+\]")


def normalise(text: str) -> str:
    text = CITATION.sub(" ", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", text)  # "May 14th" is "May 14"
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # "16,000" is "16000"
    text = _COUNT_WORD.sub(lambda found: _COUNTS[found.group(1)], text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


IDK = re.compile(r"\b(don'?t|do not|cannot|can'?t) (know|tell|find)|\bno (information|memory|record)", re.I)


def answer_correct(response: str, gold: str | None, abstained: bool, aliases: Sequence[str] = ()) -> bool:
    """Unanswerable: right when it said it doesn't know. Otherwise the gold answer, or one of its
    other accepted forms, must appear."""
    if gold is None:
        return abstained or bool(IDK.search(response))
    if abstained:
        return False
    said = f" {normalise(response)} "
    if any(f" {normalise(form)} " in said for form in (gold, *aliases)):
        return True
    # A day is the same day however it is written: "2024-05-14" answers "May 14", "14 May 2024" answers "2024-05-14".
    asked_days = [day for form in (gold, *aliases) for day in days_in(form) if _whole_day(form)]
    return any(_same_day(day, told) for day in asked_days for told in days_in(response))


_MONTHS = {name: number for number, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sep sept", "october oct", "november nov", "december dec"), start=1) for name in names.split()}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_FORMS = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"\b" + _MONTH.format("mn") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?", re.I),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format("mn") + r"\b(?:,?\s+(?P<y>\d{4})\b)?",
               re.I),
)


def days_in(text: str) -> list[tuple[int | None, int, int]]:
    """The days a text names: (year or None, month, day)."""
    days = []
    for form in _DAY_FORMS:
        for match in form.finditer(text):
            parts = match.groupdict()
            month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["mn"].lower()]
            year = int(parts["y"]) if parts.get("y") else None
            days.append((year, month, int(parts["d"])))
    return days


def _whole_day(form: str) -> bool:
    """A gold answer that is only a day ("May 14", "2023-11-18"), not a range ("22–23 June") nor a
    sentence that names one."""
    for pattern in _DAY_FORMS:
        match = pattern.fullmatch(form.strip().rstrip("."))
        if match:
            return True
    return False


def _same_day(asked: tuple[int | None, int, int], told: tuple[int | None, int, int]) -> bool:
    return asked[1:] == told[1:] and (asked[0] is None or told[0] is None or asked[0] == told[0])
