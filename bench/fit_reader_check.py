"""Fit the reader check on the three built-in people, and show how well it carries over.

With a capable reader, an answer is refused when the reader finds it unlikely that the quoted
evidence answers the question (`reader_check` in config.py; see services/answering.py). The
rule checks run first, as they always do. Each person is scored with the bar fitted on the
other two, then the bar is fitted on all three (the default); the friends and everyday sets
are never fitted on and are reported as they fall. Needs the reader extra
(`pip install 'second-me[reader]'`); real models, temporary homes, offline.

    python bench/fit_reader_check.py          # asks the reader; writes bench/results/reader_check.json
    python bench/fit_reader_check.py --cached # refits from that file without the model
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from second_me.config import load_settings  # noqa: E402
from second_me.eval.dataset import PEOPLE, load_dataset  # noqa: E402
from second_me.eval.metrics import prf  # noqa: E402
from second_me.eval.runner import default_now, loaded_home, question_clock  # noqa: E402
from second_me.retrieval.hybrid import SearchOptions  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "reader_check.json"
HELD_OUT = ("friends", "everyday")
GRID = [round(0.02 * i, 2) for i in range(51)]


def probabilities(name: str, settings) -> list[dict]:
    """Per question: answerable or not, refused by a rule (or attribution) or not, and the reader's P(yes)."""
    from second_me.services import Services

    dataset = load_dataset(Path(name))
    rows = []
    with loaded_home(dataset, settings, Services.open) as loaded:
        services, now = loaded.services, default_now(dataset)
        for question in dataset.questions:
            services.clock = question_clock(question, now)
            ready = services.answering.prepare(question.question, SearchOptions(k=settings.search_k))
            ruled = bool(ready.reason or ready.not_theirs)
            p = None if ruled else services.answering.reader_check(question.question, ready.evidence)
            rows.append({"id": question.id, "answerable": question.answerable, "ruled": ruled, "p": p})
            print(f"  {name} {len(rows)}/{len(dataset.questions)}", end="\r", file=sys.stderr, flush=True)
    return rows


def refused(rows: list[dict], bar: float) -> list[bool]:
    return [row["ruled"] or row["p"] < bar for row in rows]


def score(rows: list[dict], bar: float) -> dict:
    return prf(refused(rows, bar), [not row["answerable"] for row in rows])


def fit(rows: list[dict]) -> dict:
    """The bar with the best abstention F1; the middle of the best plateau."""
    fits = [(score(rows, bar)["f1"], bar) for bar in GRID]
    top = max(f1 for f1, _ in fits)
    ties = [bar for f1, bar in fits if f1 == top]
    return {"bar": ties[len(ties) // 2], "f1": top}


def main() -> None:
    if "--cached" in sys.argv:
        rows = json.loads(RESULTS.read_text(encoding="utf-8"))["rows"]
    else:
        with tempfile.TemporaryDirectory() as scratch:
            settings = load_settings(scratch, chat_model="reader")
            rows = {name: probabilities(name, settings) for name in (*PEOPLE, *HELD_OUT)}
    report: dict = {"datasets": {}, "rows": rows}
    print(f"{'dataset':<18}{'questions':>10}{'bar fitted on the others':>26}{'F1 there':>10}{'rules alone':>13}")
    for name in PEOPLE:
        others = [row for other in PEOPLE if other != name for row in rows[other]]
        fitted = fit(others)
        held_out, rules = score(rows[name], fitted["bar"]), score(rows[name], 0.0)
        report["datasets"][name] = {"fitted_on_others": fitted, "held_out": held_out, "rules_alone": rules}
        print(f"{name:<18}{len(rows[name]):>10}{fitted['bar']:>26.2f}{held_out['f1']:>10.2f}{rules['f1']:>13.2f}")
    pooled = fit([row for name in PEOPLE for row in rows[name]])
    report["pooled"] = pooled
    print(f"fitted on all three: reader_check = {pooled['bar']:.2f} (F1 {pooled['f1']:.2f} on their questions)")
    for name in HELD_OUT:
        held, rules = score(rows[name], pooled["bar"]), score(rows[name], 0.0)
        report["datasets"][name] = {"at_pooled_bar": held, "rules_alone": rules}
        print(f"{name:<18}{len(rows[name]):>10}{'(never fitted on)':>26}{held['f1']:>10.2f}{rules['f1']:>13.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
