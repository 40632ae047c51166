"""What the capable reader answers, and the reader check's bar fitted on data apart from what it is scored on.

With a capable reader, an answer is refused when the reader finds it unlikely that the quoted
evidence answers the question (`reader_check` in config.py; services/answering.py); the rule
checks run first, as always. This asks every question once, as `ask` does, with the bar at 0
and the reader's P(yes) written down, so any bar can be scored afterwards without the model:
a question is refused at bar b when a rule refused it, the reader said it does not know, or
P(yes) < b.

Each built-in person is scored with the bar fitted on the other two; the default is the bar
fitted on all three; the friends, everyday, dates and siblings sets are never fitted on and are scored at it.
Reported per set: answer accuracy, token F1, abstention precision/recall/F1, refused requests,
replies stating a name, number or date their evidence does not, time to the quotes shown while it
reads, to the first text of its answer and to the whole answer.
Needs the reader extra (`pip install 'second-me[reader]'`); real models, temporary homes, offline.

    python bench/reader_answers.py             # every question (about 10 s each on 2 idle cores)
    python bench/reader_answers.py --every 3   # every third question of each set
    python bench/reader_answers.py --every 4 --offset 2 --results other.json   # questions the first left out
    python bench/reader_answers.py --cached    # rescore bench/results/reader_answers.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from second_me.config import load_settings  # noqa: E402
from second_me.eval.answers import ask_one, token_f1  # noqa: E402
from second_me.eval.dataset import PEOPLE, load_dataset  # noqa: E402
from second_me.eval.metrics import answer_correct, prf  # noqa: E402
from second_me.eval.runner import default_now, loaded_home, question_clock  # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results" / "reader_answers.json"
HELD_OUT = ("friends", "everyday", "dates", "siblings")
GRID = [round(0.02 * i, 2) for i in range(51)]
REFUSAL = "I don't know"


def ask_all(name: str, settings, every: int, offset: int = 0) -> list[dict]:
    """Per question: the reply with the bar at 0, whether a rule refused it, and the reader's P(yes)."""
    from second_me.services import Services

    dataset = load_dataset(Path(name))
    questions = dataset.questions[offset::every]
    rows = []
    with loaded_home(dataset, settings, Services.open) as loaded:
        services, now = loaded.services, default_now(dataset)
        checks: list[float] = []
        judge = services.answering.reader_check
        services.answering.reader_check = lambda q, ev: checks.append(judge(q, ev)) or checks[-1]
        for question in questions:
            services.clock = question_clock(question, now)
            checks.clear()
            rows.append({**ask_one(services, question, settings), "p": checks[0] if checks else None})
            print(f"  {name} {len(rows)}/{len(questions)}", end="\r", file=sys.stderr, flush=True)
    return rows


def at_bar(row: dict, bar: float) -> tuple[str, bool]:
    """The reply and whether it is a refusal, had the reader check's bar been `bar`."""
    if row["abstained"] or (row["p"] is not None and row["p"] < bar):
        return (row["answer"] if row["abstained"] else REFUSAL), True
    return row["answer"], False


def score(rows: list[dict], bar: float) -> dict:
    replies = [at_bar(row, bar) for row in rows]
    correct = [answer_correct(text, row["gold"], refused, row["aliases"]) for (text, refused), row in zip(replies, rows)]
    f1 = [max(token_f1(text, form) for form in (row["gold"], *row["aliases"]))
          for (text, refused), row in zip(replies, rows) if row["gold"] is not None and not refused]
    answerable = [row["gold"] is not None for row in rows]
    abstention = prf([refused for _, refused in replies], [not a for a in answerable])
    requests = [refused for (_, refused), row in zip(replies, rows) if row["ability"] == "request"]
    times = [row["first_text_s"] for row, (_, refused) in zip(rows, replies) if not refused]
    return {
        "bar": bar, "questions": len(rows), "accuracy": _mean(correct),
        "token_f1": sum(f1) / max(1, sum(answerable)), "abstention": abstention,
        "refused_requests": f"{sum(requests)}/{len(requests)}",
        "unsupported_replies": sum(1 for (_, refused), row in zip(replies, rows) if row["unsupported"] and not refused),
        "first_text_p50_s": _median(times),
        # What the user first sees: the quotes, shown while the reader reads them (rows kept before: its answer).
        "first_shown_p50_s": _median(row.get("first_shown_s", row["first_text_s"])
                                     for row, (_, refused) in zip(rows, replies) if not refused),
        "answer_p50_s": _median(row["answer_s"] for row in rows),
    }


def fit(rows: list[dict]) -> float:
    """The bar with the best abstention F1; the middle of the best plateau."""
    fits = [(score(rows, bar)["abstention"]["f1"], bar) for bar in GRID]
    top = max(f1 for f1, _ in fits)
    ties = [bar for f1, bar in fits if f1 == top]
    return ties[len(ties) // 2]


def _median(values) -> float | None:
    values = sorted(values)
    return values[len(values) // 2] if values else None


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="ask every Nth question of each set")
    parser.add_argument("--offset", type=int, default=0,
                        help="start at this question: --every 4 --offset 2 asks questions other than --every 4's")
    parser.add_argument("--results", type=Path, default=RESULTS, help=f"where to keep the replies (default {RESULTS})")
    parser.add_argument("--cached", action="store_true", help=f"rescore {RESULTS.name} without the model")
    parser.add_argument("--sets", default=",".join((*PEOPLE, *HELD_OUT)), help="comma-separated sets to ask")
    parser.add_argument("--add", action="store_true", help=f"keep the sets already in {RESULTS.name}, ask these too")
    args = parser.parse_args()
    results = args.results
    if args.cached:
        rows = json.loads(results.read_text(encoding="utf-8"))["rows"]
    else:
        with tempfile.TemporaryDirectory() as scratch:
            settings = replace(load_settings(scratch, chat_model="reader"), reader_check=0.0)
            rows = json.loads(results.read_text(encoding="utf-8"))["rows"] if args.add else {}
            for name in args.sets.split(","):
                rows[name] = ask_all(name, settings, max(1, args.every), max(0, args.offset))
                for row in rows[name]:
                    row["every"], row["offset"] = args.every, args.offset
                results.parent.mkdir(parents=True, exist_ok=True)
                results.write_text(json.dumps({"rows": rows}, indent=2) + "\n", encoding="utf-8")
    report: dict = {"datasets": {}, "rows": rows}
    people = [name for name in PEOPLE if name in rows]
    header = f"{'set':<18}{'n':>4}{'bar':>6}{'accuracy':>10}{'token F1':>10}{'abst. P/R/F1':>17}{'refused req.':>14}" \
             f"{'unsupported':>13}{'first shown':>13}{'first text':>12}{'answer':>9}"
    print(header)
    for name in rows:
        others = [row for other in people if other != name for row in rows[other]]
        bar = fit(others) if others else 0.5
        result = score(rows[name], bar)
        result["bar_fitted_on"] = [other for other in people if other != name]
        report["datasets"][name] = result
        a = result["abstention"]
        print(f"{name:<18}{result['questions']:>4}{bar:>6.2f}{result['accuracy']:>10.2f}{result['token_f1']:>10.2f}"
              f"{a['precision']:>7.2f}/{a['recall']:.2f}/{a['f1']:.2f}{result['refused_requests']:>14}"
              f"{result['unsupported_replies']:>13}{result['first_shown_p50_s'] or 0:>12.1f}s"
              f"{result['first_text_p50_s'] or 0:>11.1f}s{result['answer_p50_s'] or 0:>8.1f}s")
    if people:
        pooled = fit([row for name in people for row in rows[name]])
        report["pooled_bar"] = pooled
        print(f"reader_check fitted on {', '.join(people)}: {pooled:.2f} (each set above is scored with the bar "
              f"fitted on the other people; {', '.join(HELD_OUT)} with the bar fitted on all of them)")
    results.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
