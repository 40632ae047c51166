"""Chat exports stream: peak memory while reading a large export of each format stays small.

For each format a synthetic export of about `--mb` megabytes is written to a temporary folder
(ChatGPT and Claude: many conversations in one conversations.json; Telegram: ONE chat holding
every message, the hardest case for a JSON reader; WhatsApp: one .txt; SMS: one XML), then a
fresh Python process checks it (`read_export`) and reads every turn, reporting its peak RSS
(VmHWM, its own high-water mark) and the time of each reading. Goal: peak RSS ≤ 400 MB whatever the size.

    python bench/chat_export_rss.py [--mb 300] [--only whatsapp,telegram]    # prints JSON
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.make_whatsapp_export import sentence, write_export  # noqa: E402

GOAL_MB = 400
BASE = 1_600_000_000  # seconds since 1970 of the first message
CHILD = """
import json, sys, time
from pathlib import Path
from second_me.ingest.chat_exports import read_export
start = time.perf_counter()
reading = read_export(Path(sys.argv[1]), me=sys.argv[2] or None)
checked = time.perf_counter()
count = sum(1 for _ in reading)
done = time.perf_counter()
print(json.dumps({"turns": count, "check_s": round(checked - start, 2), "read_s": round(done - checked, 2),
                  "peak_rss_mb": round(int(next(line.split()[1] for line in open("/proc/self/status")
                                                if line.startswith("VmHWM:"))) / 1024, 1)}))
"""


def _chatgpt(out, rng, target: int) -> None:
    out.write("[")
    number = 0
    while out.tell() < target:
        mapping, parent = {"root": {"id": "root", "message": None, "parent": None, "children": []}}, "root"
        for turn in range(rng.randint(2, 40)):
            node = f"n{number}-{turn}"
            role = "user" if turn % 2 == 0 else "assistant"
            text = " ".join(sentence(rng) for _ in range(1 if role == "user" else 6))
            mapping[node] = {"id": node, "parent": parent, "children": [], "message": {
                "id": node, "author": {"role": role, "name": None, "metadata": {}}, "create_time": BASE + number * 60 + turn,
                "content": {"content_type": "text", "parts": [text]}, "metadata": {}, "recipient": "all"}}
            mapping[parent]["children"].append(node)
            parent = node
        out.write(("," if number else "") + json.dumps({"title": f"Chat {number % 500}", "create_time": BASE + number * 60,
                                                       "mapping": mapping, "current_node": parent,
                                                       "id": f"conv-{number:08d}"}))
        number += 1
    out.write("]")


def _claude(out, rng, target: int) -> None:
    out.write("[")
    number = 0
    while out.tell() < target:
        messages = [{"uuid": f"m{number}-{turn}", "sender": "human" if turn % 2 == 0 else "assistant",
                     "created_at": f"2024-01-01T00:{turn % 60:02d}:00Z",
                     "content": [{"type": "text", "text": " ".join(sentence(rng) for _ in range(1 + 4 * (turn % 2)))}]}
                    for turn in range(rng.randint(2, 40))]
        out.write(("," if number else "") + json.dumps({"uuid": f"c-{number:08d}", "name": f"Chat {number % 500}",
                                                       "created_at": "2024-01-01T00:00:00Z",
                                                       "chat_messages": messages}))
        number += 1
    out.write("]")


def _telegram(out, rng, target: int) -> None:
    out.write('{"name": "Sam", "type": "personal_chat", "id": 42, "messages": [')
    number = 0
    while out.tell() < target:
        message = {"id": number, "type": "message", "date_unixtime": str(BASE + number * 30),
                   "from": "Sam" if number % 2 else "Ana", "from_id": f"user{number % 2}", "text": sentence(rng)}
        out.write(("," if number else "") + json.dumps(message, ensure_ascii=False))
        number += 1
    out.write("]}")


def _sms(out, rng, target: int) -> None:
    out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\">\n")
    number = 0
    while out.tell() < target:
        body = sentence(rng).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        out.write(f'  <sms address="+1555{number % 50:04d}" date="{(BASE + number * 30) * 1000}" '
                  f'type="{1 + number % 2}" body="{body}" contact_name="Friend {number % 50}" />\n')
        number += 1
    out.write("</smses>\n")


def _make(kind: str, folder: Path, megabytes: int) -> tuple[Path, str]:
    import random

    rng = random.Random(7)
    target = megabytes * 1_000_000
    if kind == "whatsapp":
        path = folder / "WhatsApp Chat with Sam.txt"
        write_export(path, messages=target // 130)
        return path, "Maya Torres"
    path = folder / {"chatgpt": "conversations.json", "claude": "conversations.json", "telegram": "result.json",
                     "sms": "sms.xml"}[kind]
    with path.open("w", encoding="utf-8") as out:
        {"chatgpt": _chatgpt, "claude": _claude, "telegram": _telegram, "sms": _sms}[kind](out, rng, target)
    return path, "Ana" if kind == "telegram" else ""


def run(megabytes: int = 300, only: tuple[str, ...] = ("chatgpt", "claude", "telegram", "whatsapp", "sms")) -> dict:
    results = {}
    for kind in only:
        with tempfile.TemporaryDirectory(prefix="second-me-export-") as folder:
            path, me = _make(kind, Path(folder), megabytes)
            child = subprocess.run([sys.executable, "-c", CHILD, str(path), me], capture_output=True, text=True,
                                   cwd=REPO_ROOT, check=True)
            figures = json.loads(child.stdout)
            figures["file_mb"] = round(path.stat().st_size / 1e6, 1)
            figures["ok"] = figures["peak_rss_mb"] <= GOAL_MB
            results[kind] = figures
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--only", default="chatgpt,claude,telegram,whatsapp,sms")
    args = parser.parse_args()
    print(json.dumps(run(args.mb, tuple(args.only.split(","))), indent=2))


if __name__ == "__main__":
    main()
