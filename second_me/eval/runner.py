"""Run the benchmark: load a dataset into a throw-away home, search every question under each
ablation, answer with the configured chat model, and score.

The user's own memory is never touched: the dataset lives in a temporary, unencrypted home
(synthetic data) that is deleted afterwards. Answering does not strengthen memories, so
question order does not change the results.
"""

from __future__ import annotations

import getpass
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Optional

from second_me.clock import Clock
from second_me.config import Settings
from second_me.eval.dataset import ABILITIES, Dataset
from second_me.eval.answers import answer_scores, render_lines
from second_me.eval.metrics import evidence_ranks, ndcg_at, prf, recall_at
from second_me.retrieval.abstain import decide, signals
from second_me.retrieval.hybrid import SearchOptions

# The memories a dataset is made of; facts and summaries are learnt from them after loading.
RAW = ("chunk", "message")
# name → what is switched on. "full" is what `search` and `ask` do by default: every kind of memory,
# facts as extra keys for their turns, summaries expanded to their children for specific questions.
ABLATIONS: dict[str, dict] = {
    "bm25": dict(use_vectors=False, use_time=False, kinds=RAW),
    "vectors": dict(use_bm25=False, use_time=False, kinds=RAW),
    "hybrid": dict(use_time=False, kinds=RAW),
    "hybrid+time": dict(kinds=RAW),
    "hybrid+time, no decay": dict(use_decay=False, kinds=RAW),
    "hybrid+time+facts": dict(kinds=RAW + ("fact",)),
    "full": dict(),
}
FULL = "full"
DEPTH = 10  # results looked at per question
ServicesFactory = Callable[[Settings, Clock], object]


@dataclass
class Loaded:
    services: object
    evidence_of: dict[int, set[str]]  # memory id → the evidence ids it carries


def load(dataset: Dataset, settings: Settings, open_services: ServicesFactory, workdir: Path) -> Loaded:
    """Turns through the conversation log, notes through the normal indexer (file mtime = note time),
    then facts learnt from the turns and the summary tree, as `summarize` would build them."""
    last = max([t.timestamp for t in dataset.turns] + [n.timestamp for n in dataset.notes] + [0.0])
    services = open_services(settings, Clock(datetime.fromtimestamp(last, timezone.utc)))
    if dataset.turns:
        services.conversations.add_turns(list(dataset.turns))
    evidence_of: dict[int, set[str]] = {}
    for memory_id, turn_id in services.store.messages.turn_ids_of_memories():
        evidence_of.setdefault(memory_id, set()).add(turn_id)
    if dataset.notes:
        folder = workdir / "notes"
        for note in dataset.notes:
            file = folder / note.path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(note.text, encoding="utf-8")
            os.utime(file, (note.timestamp, note.timestamp))
        services.indexing.add([folder])
        prefix = str(folder.resolve()) + os.sep
        for memory_id, path in services.store.sources.paths_of_memories():
            relative = path[len(prefix):] if path.startswith(prefix) else path
            evidence_of.setdefault(memory_id, set()).add("note:" + relative.replace(os.sep, "/"))
    learn_memories(services)
    # A fact is a key for the turns it came from: finding the fact finds them.
    for fact_id, turn_id in services.store.facts.turn_ids_of_facts():
        evidence_of.setdefault(fact_id, set()).add(turn_id)
    return Loaded(services, evidence_of)


def learn_memories(services) -> None:
    """Facts from every turn, then every summary, with no time budget (the benchmark needs all of them)."""
    services.memory.learn_facts(budget_seconds=float("inf"))
    services.memory.refresh_summaries(budget_seconds=float("inf"))


def question_clock(question, asked_at: float) -> Clock:
    """The moment a question is asked: its own, else `asked_at`."""
    return Clock(datetime.fromtimestamp(question.now or asked_at, timezone.utc))


@contextmanager
def loaded_home(dataset: Dataset, settings: Settings, open_services: ServicesFactory, **overrides) -> Iterator[Loaded]:
    """The dataset loaded into a temporary, unencrypted home (synthetic data), removed afterwards."""
    with _workdir(dataset.name) as workdir:
        home = workdir / "home"
        home.mkdir()
        fixed = dict(home=home, encryption=False, facts_with_model=False, summaries_with_model=False)
        eval_settings = replace(settings, **{**fixed, **overrides})
        loaded = load(dataset, eval_settings, open_services, workdir)
        try:
            yield loaded
        finally:
            loaded.services.close()


@contextmanager
def _workdir(name: str) -> Iterator[Path]:
    """A folder for one run, at the same path every run where it can be: document and folder
    summaries are titled by their path, and a random one would change their text (and the
    figures) from run to run. A run already using that path gets a random folder instead."""
    try:
        stable = Path(tempfile.gettempdir()) / f"second-me-eval-{name}-{getpass.getuser()}"
        stable.mkdir()
    except (OSError, KeyError):  # taken, or no user name to tell runs apart
        with tempfile.TemporaryDirectory(prefix="second-me-eval-") as tmp:
            yield Path(tmp)
        return
    try:
        yield stable
    finally:
        shutil.rmtree(stable, ignore_errors=True)


def run(dataset: Dataset, settings: Settings, open_services: ServicesFactory, answers: bool = True,
        ablations: dict[str, dict] | None = None, progress: Optional[Callable[[str, int, int], None]] = None,
        model_facts: bool = False) -> dict:
    """Score every ablation (and answers with the full system); returns the report as a dict.

    Facts are learnt by rule only unless `model_facts` (the chat model reads every turn: slow);
    summaries are extractive (first sentences), so loading needs no chat model."""
    ablations = ablations or ABLATIONS
    # Gold answers are short: a long reply only costs time (and cannot make a wrong answer right).
    with loaded_home(dataset, settings, open_services, max_answer_tokens=min(settings.max_answer_tokens, 64),
                     facts_with_model=model_facts) as loaded:
        services = loaded.services
        asked_at = default_now(dataset)
        retrieval, abstain_scores = {}, {}
        for name, switches in ablations.items():
            per_question = []
            for number, question in enumerate(dataset.questions, start=1):
                services.clock = question_clock(question, asked_at)
                result = services.answering.search(question.question, SearchOptions(k=DEPTH, **switches))
                ranks = evidence_ranks([loaded.evidence_of.get(h.memory.id, set()) for h in result.hits],
                                       question.evidence)
                per_question.append((question, ranks, result))
                if progress:
                    progress(name, number, len(dataset.questions))
            retrieval[name] = _retrieval_scores(per_question)
            if name == FULL:
                abstain_scores = _abstention_scores(per_question, settings)
        learnt = services.store.kind_counts(("fact", "summary"))
        report = {"dataset": dataset.name, "questions": len(dataset.questions), "turns": len(dataset.turns),
                  "notes": len(dataset.notes), "facts": learnt.get("fact", 0), "summaries": learnt.get("summary", 0),
                  "models": _model_ids(services, answers),
                  "retrieval": retrieval, "abstention": abstain_scores}
        if answers:
            report["answers"] = answer_scores(services, dataset, lambda q: question_clock(q, asked_at), settings,
                                              progress)
        return report


def abstention_signals(dataset: Dataset, settings: Settings, open_services: ServicesFactory) -> list[tuple]:
    """(question, Signals) for every question, searched as `ask` does: what fitting the bars needs."""
    with loaded_home(dataset, settings, open_services) as loaded:
        asked_at = default_now(dataset)
        out = []
        for question in dataset.questions:
            loaded.services.clock = question_clock(question, asked_at)
            result = loaded.services.answering.search(question.question, SearchOptions(k=DEPTH))
            out.append((question, signals(result, question.question)))
        return out


def default_now(dataset: Dataset) -> float:
    """Questions without their own moment are asked a day after the last memory."""
    return max([t.timestamp for t in dataset.turns] + [n.timestamp for n in dataset.notes]) + 86400


def _model_ids(services, answers: bool) -> dict:
    models = {"embed": services.embedder.model_id}
    if answers:
        models["chat"] = services.chat_model.name
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


def _abstention_scores(per_question, settings: Settings) -> dict:
    """How well the abstention checks separate unanswerable questions at the configured bars; the bars
    that fit this dataset best; and, against overfitting, bars fitted on one half scored on the other."""
    seen = [signals(r, q.question) for q, _, r in per_question]
    actual = [not q.answerable for q, _, _ in per_question]
    bars = (settings.abstain_similarity, settings.abstain_unknown_similarity)
    abstained = [decide(s, *bars) is not None for s in seen]
    scores = prf(abstained, actual)
    scores["similarity"], scores["unknown_similarity"] = bars
    questions = [q for q, _, _ in per_question]
    scores["missed"] = [q.question for q, said in zip(questions, abstained) if not q.answerable and not said]
    scores["wrongly_abstained"] = [q.question for q, said in zip(questions, abstained) if q.answerable and said]
    by_ability: dict[str, dict] = {}
    for question, said in zip(questions, abstained):
        counts = by_ability.setdefault(question.ability, {"abstained": 0, "n": 0})
        counts["abstained"] += said
        counts["n"] += 1
    scores["by_ability"] = {a: by_ability[a] for a in ABILITIES if a in by_ability}
    if any(actual) and not all(actual):
        scores["best"] = fit_abstention(seen, actual)
        halves = {"even": slice(0, None, 2), "odd": slice(1, None, 2)}
        scores["held_out"] = []
        for fit_on, test_on in (("even", "odd"), ("odd", "even")):
            fitted = fit_abstention(seen[halves[fit_on]], actual[halves[fit_on]])
            bars = (fitted["similarity"], fitted["unknown_similarity"])
            tested = seen[halves[test_on]], actual[halves[test_on]]
            f1 = prf([decide(s, *bars) is not None for s in tested[0]], tested[1])["f1"]
            scores["held_out"].append({"fit_on": fit_on, **fitted, "held_out_f1": f1})
    return scores


def fit_abstention(seen, actual) -> dict:
    """The (similarity, unknown-word similarity) bars with the best F1; the middle of the best plateau."""
    grid = [round(0.01 * i, 2) for i in range(71)]
    fits = [(prf([decide(s, low, high) is not None for s in seen], actual)["f1"], low, high)
            for low in grid for high in grid if high >= low]
    top = max(f1 for f1, _, _ in fits)
    ties = [fit for fit in fits if fit[0] == top]
    f1, low, high = ties[len(ties) // 2]
    return {"similarity": low, "unknown_similarity": high, "f1": f1}


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def render(report: dict) -> str:
    """The report as a plain-text table."""
    scored = {a for scores in report["retrieval"].values() for a in scores}
    abilities = [a for a in ABILITIES if a in scored] + ["overall"]
    short = {"information-extraction": "extract", "multi-session": "multi", "knowledge-update": "update"}
    lines = [f"{report['dataset']}: {report['questions']} questions, {report['turns']} turns, {report['notes']} notes "
             f"(learnt: {report.get('facts', 0)} facts, {report.get('summaries', 0)} summaries); "
             f"models: " + ", ".join(f"{k} {v}" for k, v in report["models"].items()), ""]
    header = f"{'R@5 / R@10 / NDCG@10':<24}" + "".join(f"{short.get(a, a):>20}" for a in abilities)
    lines.append(header)
    for name, scores in report["retrieval"].items():
        cells = []
        for ability in abilities:
            s = scores.get(ability)
            cells.append(f"{s['recall@5']:.2f}/{s['recall@10']:.2f}/{s['ndcg@10']:.2f}" if s else "-")
        lines.append(f"{name:<24}" + "".join(f"{c:>20}" for c in cells))
    ab = report.get("abstention") or {}
    if ab:
        lines += ["", f"abstention (similarity < {ab['similarity']:.2f}, or < {ab['unknown_similarity']:.2f} with a word "
                  f"no memory has; a name never mentioned, or never with the rest of the question; no name, number or date "
                  f"where one is asked for): "
                  f"precision {ab['precision']:.2f}, recall {ab['recall']:.2f}, F1 {ab['f1']:.2f}"]
        for label, key in (("answered, should not have", "missed"), ("abstained, should not have", "wrongly_abstained")):
            if ab.get(key):
                lines.append(f"  {label}: " + "; ".join(ab[key]))
        if ab.get("by_ability"):
            lines.append("  abstained, by ability: " + ", ".join(f"{a} {c['abstained']}/{c['n']}"
                                                                for a, c in ab["by_ability"].items()))
        if "best" in ab:
            best = ab["best"]
            line = f"  best bars on this dataset {best['similarity']:.2f} / {best['unknown_similarity']:.2f} (F1 {best['f1']:.2f})"
            line += "".join(f"; fitted on {h['fit_on']} questions {h['similarity']:.2f} / {h['unknown_similarity']:.2f}: "
                            f"F1 {h['f1']:.2f} there, {h['held_out_f1']:.2f} on the others" for h in ab["held_out"])
            lines.append(line)
    if "answers" in report:
        lines += [""] + render_lines(report["answers"], report["models"].get("chat", "the chat model"))
    return "\n".join(lines)
