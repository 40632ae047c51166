"""Fit the abstention bars on the three built-in people, and show how well they carry over.

Three people's memories ship with second-me (Maya, Noor, Doug; `bench/make_eval*.py`), the
last two written apart from the abstention rules. Each one is scored with bars fitted on the
other two (the honest figure: the bars never saw it), then the bars are fitted on all three
together — those are the defaults in `config.py`. Real models, temporary homes, offline.

    python bench/fit_abstention.py     # prints a table; writes bench/results/abstention.json
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
from second_me.eval.runner import abstention_signals, fit_abstention  # noqa: E402
from second_me.retrieval.abstain import decide  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "abstention.json"


def score(rows, low: float, high: float) -> dict:
    return prf([decide(seen, low, high) is not None for _, seen in rows], [not q.answerable for q, _ in rows])


def main() -> None:
    from second_me.services import Services

    with tempfile.TemporaryDirectory() as scratch:
        settings = load_settings(scratch)
        rows = {name: abstention_signals(load_dataset(Path(name)), settings, Services.open) for name in PEOPLE}
    report: dict = {"configured": [settings.abstain_similarity, settings.abstain_unknown_similarity], "datasets": {}}
    print(f"{'dataset':<18}{'questions':>10}{'fitted on the others':>24}{'F1 there':>10}{'F1 configured':>15}")
    for name, own in rows.items():
        others = [row for other, data in rows.items() if other != name for row in data]
        fit = fit_abstention([seen for _, seen in others], [not q.answerable for q, _ in others])
        held_out = score(own, fit["similarity"], fit["unknown_similarity"])
        configured = score(own, *report["configured"])
        report["datasets"][name] = {"questions": len(own), "fitted_on_others": fit, "held_out": held_out,
                                    "configured": configured}
        print(f"{name:<18}{len(own):>10}{fit['similarity']:>14.2f} / {fit['unknown_similarity']:.2f}"
              f"{held_out['f1']:>10.2f}{configured['f1']:>15.2f}")
    everything = [row for data in rows.values() for row in data]
    pooled = fit_abstention([seen for _, seen in everything], [not q.answerable for q, _ in everything])
    report["pooled"] = pooled
    print(f"fitted on all three: similarity {pooled['similarity']:.2f}, unknown-word similarity "
          f"{pooled['unknown_similarity']:.2f} (F1 {pooled['f1']:.2f} on all questions)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
