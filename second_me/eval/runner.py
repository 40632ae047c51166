"""Run the benchmark: load a dataset into a throw-away home, search every question under each
ablation, answer with the configured chat model, and score.

The user's own memory is never touched: the dataset lives in a temporary, unencrypted home
(synthetic data) that is deleted afterwards. Answering does not strengthen memories, so
question order does not change the results.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.eval.dataset import ABILITIES, Dataset
from second_me.eval.metrics import answer_correct, evidence_ranks, ndcg_at, prf, recall_at
from second_me.retrieval.abstain import should_abstain
from second_me.retrieval.hybrid import SearchOptions

# name → what is switched on. "full" is what `search` and `ask` do by default.
ABLATIONS: dict[str, dict] = {
    "bm25": dict(use_vectors=False, use_time=False),
    "vectors": dict(use_bm25=False, use_time=False),
    "hybrid": dict(use_time=False),
    "hybrid+time": dict(),
    "hybrid+time, no decay": dict(use_decay=False),
}
FULL = "hybrid+time"
DEPTH = 10  # results looked at per question
ServicesFactory = Callable[[Settings, Clock], object]


@dataclass
class Loaded:
    services: object
    evidence_of: dict[int, set[str]]  # memory id → the evidence ids it carries


def load(dataset: Dataset, settings: Settings, open_services: ServicesFactory, workdir: Path) -> Loaded:
    """Turns through the conversation log, notes through the normal indexer (file mtime = note time)."""
    last = max([t.timestamp for t in dataset.turns] + [n.timestamp for n in dataset.notes] + [0.0])
    services = open_services(settings, Clock(datetime.fromtimestamp(last, timezone.utc)))
    if dataset.turns:
        services.conversations.add_turns(list(dataset.turns), last)
    evidence_of: dict[int, set[str]] = {}
    with services.store.db.read() as conn:
        rows = conn.execute("SELECT mem.id, c.name, msg.external_id FROM memories mem JOIN messages msg ON "
                            "msg.id = mem.message_id JOIN conversations c ON c.id = msg.conversation_id").fetchall()
    for memory_id, _conversation, turn_id in rows:
        evidence_of.setdefault(memory_id, set()).add(turn_id)
    if dataset.notes:
        folder = workdir / "notes"
        for note in dataset.notes:
            file = folder / note.path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(note.text, encoding="utf-8")
            os.utime(file, (note.timestamp, note.timestamp))
        services.add([folder])
        with services.store.db.read() as conn:
            rows = conn.execute("SELECT m.id, s.path FROM memories m JOIN sources s ON s.id = m.source_id").fetchall()
        prefix = str(folder.resolve()) + os.sep
        for memory_id, path in rows:
            relative = path[len(prefix):] if path.startswith(prefix) else path
            evidence_of.setdefault(memory_id, set()).add("note:" + relative.replace(os.sep, "/"))
    return Loaded(services, evidence_of)


def _question_clock(question, default_now: float) -> Clock:
    return Clock(datetime.fromtimestamp(question.now or default_now, timezone.utc))


def run(dataset: Dataset, settings: Settings, open_services: ServicesFactory, answers: bool = True,
        ablations: dict[str, dict] | None = None, progress: Optional[Callable[[str, int, int], None]] = None) -> dict:
    """Score every ablation (and answers with the full system); returns the report as a dict."""
    ablations = ablations or ABLATIONS
    with tempfile.TemporaryDirectory(prefix="second-me-eval-") as tmp:
        workdir = Path(tmp)
        home = workdir / "home"
        home.mkdir()
        # Gold answers are short: a long reply only costs time (and cannot make a wrong answer right).
        eval_settings = replace(settings, home=home, encryption=False,
                                max_answer_tokens=min(settings.max_answer_tokens, 64))
        loaded = load(dataset, eval_settings, open_services, workdir)
        services = loaded.services
        try:
            default_now = max([t.timestamp for t in dataset.turns] + [n.timestamp for n in dataset.notes]) + 86400
            retrieval, abstain_scores = {}, {}
            for name, switches in ablations.items():
                per_question = []
                for number, question in enumerate(dataset.questions, start=1):
                    services.clock = _question_clock(question, default_now)
                    result = services.search(question.question, SearchOptions(k=DEPTH, **switches))
                    ranks = evidence_ranks([loaded.evidence_of.get(h.memory.id, set()) for h in result.hits],
                                           question.evidence)
                    per_question.append((question, ranks, result))
                    if progress:
                        progress(name, number, len(dataset.questions))
                retrieval[name] = _retrieval_scores(per_question)
                if name == FULL:
                    abstain_scores = _abstention_scores(per_question, settings.abstain_similarity)
            report = {"dataset": dataset.name, "questions": len(dataset.questions), "turns": len(dataset.turns),
                      "notes": len(dataset.notes), "models": _model_ids(services, answers),
                      "retrieval": retrieval, "abstention": abstain_scores}
            if answers:
                report["answers"] = _answer_scores(services, dataset, default_now, settings, progress)
            return report
        finally:
            services.close()


def _model_ids(services, answers: bool) -> dict:
    models = {"embed": services.embedder.model_id}
    if answers:
        models["chat"] = services.chat_model.model_id
    return models


def _retrieval_scores(per_question) -> dict:
    groups: dict[str, list] = {}
    for question, ranks, _ in per_question:
        if not question.answerable or not question.evidence:
            continue
        n = len(set(question.evidence))
        scores = (recall_at(ranks, n, 5), recall_at(ranks, n, 10), ndcg_at(ranks, n, 10))
        groups.setdefault(question.ability, []).append(scores)
        groups.setdefault("overall", []).append(scores)
    out = {}
    for ability in [a for a in ABILITIES if a in groups] + ["overall"]:
        rows = groups.get(ability, [])
        if rows:
            out[ability] = {"recall@5": _mean(r[0] for r in rows), "recall@10": _mean(r[1] for r in rows),
                            "ndcg@10": _mean(r[2] for r in rows), "n": len(rows)}
    return out


def _abstention_scores(per_question, threshold: float) -> dict:
    """How well the similarity threshold separates unanswerable questions; also the best threshold here."""
    actual = [not q.answerable for q, _, _ in per_question]
    best = [r.best_similarity if r.best_similarity is not None else 0.0 for _, _, r in per_question]
    predicted = [should_abstain(r, threshold) for _, _, r in per_question]
    scores = prf(predicted, actual)
    scores["threshold"] = threshold
    if any(actual):
        grid = [round(0.2 + 0.01 * i, 2) for i in range(61)]
        f1s = [(prf([b < t for b in best], actual)["f1"], t) for t in grid]
        top = max(f1 for f1, _ in f1s)
        ties = [t for f1, t in f1s if f1 == top]
        scores["best_threshold"] = ties[len(ties) // 2]  # the middle of the best plateau
        scores["best_f1"] = top
    return scores


def _answer_scores(services, dataset: Dataset, default_now: float, settings: Settings, progress) -> dict:
    groups: dict[str, list[bool]] = {}
    details = []
    for number, question in enumerate(dataset.questions, start=1):
        services.clock = _question_clock(question, default_now)
        answer = services.ask(question.question, options=SearchOptions(k=settings.search_k), remember=False)
        correct = answer_correct(answer.text, question.answer, answer.abstained)
        groups.setdefault(question.ability, []).append(correct)
        groups.setdefault("overall", []).append(correct)
        details.append({"id": question.id, "answer": answer.text, "gold": question.answer, "correct": correct,
                        "abstained": answer.abstained})
        if progress:
            progress("answers", number, len(dataset.questions))
    accuracy = {a: {"accuracy": _mean(groups[a]), "n": len(groups[a])}
                for a in [a for a in ABILITIES if a in groups] + ["overall"]}
    return {"accuracy": accuracy, "details": details}


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def render(report: dict) -> str:
    """The report as a plain-text table."""
    abilities = [a for a in ABILITIES if a != "abstention"] + ["overall"]
    short = {"information-extraction": "extract", "multi-session": "multi", "temporal": "temporal",
             "knowledge-update": "update", "overall": "overall"}
    lines = [f"{report['dataset']}: {report['questions']} questions, {report['turns']} turns, {report['notes']} notes; "
             f"models: " + ", ".join(f"{k} {v}" for k, v in report["models"].items()), ""]
    header = f"{'R@5 / R@10 / NDCG@10':<24}" + "".join(f"{short[a]:>20}" for a in abilities)
    lines.append(header)
    for name, scores in report["retrieval"].items():
        cells = []
        for ability in abilities:
            s = scores.get(ability)
            cells.append(f"{s['recall@5']:.2f}/{s['recall@10']:.2f}/{s['ndcg@10']:.2f}" if s else "-")
        lines.append(f"{name:<24}" + "".join(f"{c:>20}" for c in cells))
    ab = report.get("abstention") or {}
    if ab:
        line = (f"abstention (similarity < {ab['threshold']:.2f}): precision {ab['precision']:.2f}, "
                f"recall {ab['recall']:.2f}, F1 {ab['f1']:.2f}")
        if "best_threshold" in ab:
            line += f"; best threshold on this dataset {ab['best_threshold']:.2f} (F1 {ab['best_f1']:.2f})"
        lines += ["", line]
    if "answers" in report:
        acc = report["answers"]["accuracy"]
        lines += ["", "answer accuracy: " + ", ".join(f"{a} {v['accuracy']:.2f} (n={v['n']})" for a, v in acc.items())]
    return "\n".join(lines)
