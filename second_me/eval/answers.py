"""What users read, measured: each question asked as `ask` asks it, with the configured reader.

Per reader: answer accuracy (the normalised gold answer, or an accepted form of it, appears in
the reply), token F1 of the reply against the gold answer, abstention precision/recall/F1 of
the replies themselves (every check, the reader's and attribution included), refusals of
requests that must be answered, replies that state a name, number or date their evidence does
not, and the time to the first visible text and to the full answer.
"""

from __future__ import annotations

import re
import time
from collections import Counter

from second_me.domain import utc_day
from second_me.eval.dataset import ABILITIES, Dataset
from second_me.eval.metrics import answer_correct, normalise, prf
from second_me.retrieval.hybrid import SearchOptions
from second_me.retrieval.reckoning import adds_up, unstated_operands
from second_me.text.sentences import split_sentences
from second_me.text.support import NOT_WORKED_OUT, Support

REQUEST = "request"
QUOTED = re.compile(r"(?:^|(?<=\n))(?:[^\n“:]{1,60}: )?“[^”]*”(?: \[\d+\])?")
# "9 months and 26 days", "42 days (6 weeks)": how a reckoned span counts, not a claim of its own.
SPAN = re.compile(r"\b\d+ (?:years?|months?|weeks?|days?)\b")


def token_f1(response: str, gold: str) -> float:
    """SQuAD-style token F1 of a reply against a gold answer (normalised, articles dropped)."""
    said, wanted = normalise(response).split(), normalise(gold).split()
    common = sum((Counter(said) & Counter(wanted)).values())
    if not common:
        return 0.0
    precision, recall = common / len(said), common / len(wanted)
    return 2 * precision * recall / (precision + recall)


def unsupported_claims(answer, question: str = "") -> list[str]:
    """Names, numbers and dates in a reply that its own evidence does not state (quotes, and an
    attribution's "That was Sam, not Lena", excepted); a sum or difference of two of its amounts
    counts as stated when the question asks for one, and so does a line working amounts out by rule
    (`Answer.reckoned`) whose operands the evidence states and which adds up."""
    if answer.abstained or not answer.evidence:
        return []
    # The evidence is shown with who said it and when: those are in it too.
    support = Support([item.text for item in answer.evidence]
                      + [f"{item.speaker or ''} {utc_day(item.created_at)} {item.about}" for item in answer.evidence],
                      question)
    own_words = QUOTED.sub(" ", answer.text)  # a quote (with who said it) is the evidence itself
    missing = []
    if " = " in answer.reckoned:  # amounts worked out by rule: each stated, and they must add up
        missing += unstated_operands(answer.reckoned, [item.text for item in answer.evidence])
        if not adds_up(answer.reckoned):
            missing.append(answer.reckoned.rsplit("=", 1)[1].strip(" ."))
        own_words = own_words.replace(answer.reckoned, " ")
    elif answer.reckoned:  # a span counted by rule between days the evidence gives: its days are checked
        own_words = own_words.replace(answer.reckoned, SPAN.sub(" ", answer.reckoned))
    for sentence, _ in split_sentences(" ".join(own_words.split())):
        # Claims only: a copied amount where one was to be worked out is stated, if wrong.
        missing += [m for m in support.check(sentence).missing if not m.endswith(" words") and m != NOT_WORKED_OUT]
    return missing


def ask_one(services, question, settings) -> dict:
    """Ask one benchmark question as `ask` does (nothing strengthened) and score the reply."""
    stamps: list[float] = []
    quoted: list[float] = []  # when a capable reader's quotes were shown, before its answer
    started = time.perf_counter()
    answer = services.answering.ask(question.question, options=SearchOptions(k=settings.search_k),
                                    remember=False, on_token=lambda piece: piece and stamps.append(time.perf_counter()),
                                    on_reading=lambda quotes: quoted.append(time.perf_counter()))
    finished = time.perf_counter()
    return {
        "id": question.id, "ability": question.ability, "question": question.question, "answer": answer.text,
        "gold": question.answer, "aliases": list(question.aliases), "abstained": answer.abstained,
        "correct": answer_correct(answer.text, question.answer, answer.abstained, question.aliases),
        "f1": max((token_f1(answer.text, form) for form in (question.answer, *question.aliases)), default=0.0)
        if question.answer is not None and not answer.abstained else 0.0,
        "unsupported": unsupported_claims(answer, question.question),
        "first_text_s": round((stamps[0] if stamps else finished) - started, 3),
        "first_shown_s": round(min(quoted[:1] + stamps[:1] or [finished]) - started, 3),
        "answer_s": round(finished - started, 3),
    }


def answer_scores(services, dataset: Dataset, clock_for, settings, progress=None) -> dict:
    """Ask every question; `clock_for(question)` sets the moment it is asked."""
    rows = []
    for number, question in enumerate(dataset.questions, start=1):
        services.clock = clock_for(question)
        rows.append(ask_one(services, question, settings))
        if progress:
            progress("answers", number, len(dataset.questions))
    return summarise(rows, dataset)


def summarise(rows: list[dict], dataset: Dataset) -> dict:
    by_id = {q.id: q for q in dataset.questions}
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["ability"], []).append(row)
        groups.setdefault("overall", []).append(row)
    accuracy = {a: {"accuracy": _mean(r["correct"] for r in groups[a]), "n": len(groups[a])}
                for a in [a for a in ABILITIES if a in groups] + ["overall"]}
    answerable = [r for r in rows if by_id[r["id"]].answerable]
    abstention = prf([r["abstained"] for r in rows], [not by_id[r["id"]].answerable for r in rows])
    requests = [r for r in rows if r["ability"] == REQUEST and by_id[r["id"]].answerable]
    times = sorted(r["first_text_s"] for r in rows if not r["abstained"])
    totals = sorted(r["answer_s"] for r in rows if not r["abstained"])
    return {
        "accuracy": accuracy,
        "f1": _mean(r["f1"] for r in answerable),
        "abstention": abstention,
        "false_refusals": {"requests": sum(r["abstained"] for r in requests), "of": len(requests),
                           "answerable": sum(r["abstained"] for r in answerable), "of_answerable": len(answerable)},
        "unsupported_answers": sum(bool(r["unsupported"]) for r in rows),
        "first_text_s": {"p50": _quantile(times, 0.5), "p95": _quantile(times, 0.95)},
        "answer_s": {"p50": _quantile(totals, 0.5), "p95": _quantile(totals, 0.95)},
        "details": rows,
    }


def render_lines(scores: dict, reader: str) -> list[str]:
    acc, ab, refusals = scores["accuracy"], scores["abstention"], scores["false_refusals"]
    lines = [f"answers by {reader}:",
             "  accuracy: " + ", ".join(f"{a} {v['accuracy']:.2f} (n={v['n']})" for a, v in acc.items()),
             f"  token F1 {scores['f1']:.2f}; abstention precision {ab['precision']:.2f}, recall {ab['recall']:.2f}, "
             f"F1 {ab['f1']:.2f}; refused {refusals['answerable']}/{refusals['of_answerable']} answerable"
             + (f", {refusals['requests']}/{refusals['of']} requests" if refusals["of"] else ""),
             f"  replies stating a name, number or date their evidence does not: {scores['unsupported_answers']}",
             f"  first text p50 {scores['first_text_s']['p50']:.2f} s (p95 {scores['first_text_s']['p95']:.2f}); "
             f"full answer p50 {scores['answer_s']['p50']:.2f} s (p95 {scores['answer_s']['p95']:.2f})"]
    wrong = [r for r in scores["details"] if not r["correct"]]
    if wrong:
        lines.append("  wrong: " + "; ".join(f"{r['question']} (gold {r['gold']!r})" for r in wrong[:12])
                     + (f"; … {len(wrong) - 12} more" if len(wrong) > 12 else ""))
    return lines


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0
