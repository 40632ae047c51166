"""doctor: what runs where."""

from __future__ import annotations

import json

import typer

from second_me.commands.common import console, opened, shown_name


def doctor(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    check: bool = typer.Option(False, "--check", help="Check integrity and that indexes are in step with memories."),
    repair: bool = typer.Option(False, "--repair", help="Rebuild derived indexes from the memories; drop orphans."),
):
    """What runs where: versions, paths, models, offload, KV cache, encryption, counts."""
    if check or repair:
        from second_me.commands.consistency import check_or_repair

        check_or_repair(ctx, repair, as_json)
        return
    with opened(ctx) as services:
        info = services.doctor()
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    out = console()
    for name, value in _rows(info):
        out.print(f"{name:>12}  {value}", markup=False)


def answers_row(models: dict) -> str:
    """Which model answers, how (quote-first or a reader that writes), and how to get a better one."""
    chat = models["chat"]
    how = "a reader: writes answers from the evidence" if chat.get("capable_reader") else "quote-first"
    hint = f"; {models['hint']}" if models.get("hint") else ""
    return f"{chat.get('answers_with', '?')} ({how}){hint}"


def _rows(info: dict) -> list[tuple[str, str]]:
    rows = [
        ("versions", ", ".join(f"{name} {value}" for name, value in info["versions"].items())),
        ("home", shown_name(str(info["home"]))),
        ("database", f"{shown_name(str(info['database']['path']))} ({info['database']['size_mb']} MB)"),
    ]
    for role in ("chat", "embed"):
        model = info["models"][role]
        size = model['size_mb'] or 'not joined yet,'
        described = model.get("error") or (f"{shown_name(str(model['path']))} ({size} MB"
                                           + (", default)" if model.get("default") else ")"))
        rows.append((f"{role} model", described))
    rows.append(("answers", answers_row(info["models"])))
    offload = info["offload"]
    used = "GPU/Metal offload in use" if offload.get("used") else "CPU only"
    rows.append(("offload", f"{used}, n_gpu_layers={offload['n_gpu_layers']}: {offload['reason']}"))
    weights = info["weights"]
    rows.append(("weights", f"mmap {'on' if weights['use_mmap'] else 'off'}, mlock {'on' if weights['use_mlock'] else 'off'}"))
    kv = info["kv_cache"]
    rows.append(("kv cache", f"K {kv['type_k']}, V {kv['type_v']}, flash attention {'on' if kv['flash_attn'] else 'off'}, "
                             f"n_ctx {info['n_ctx']}"))
    enc = info["encryption"]
    rows.append(("encryption", ("on" if enc["enabled"] else "OFF") + f" (key: {enc['key_source']}; keyring: {enc['keyring']})"))
    rows.append(("memories", ", ".join(f"{name} {value}" for name, value in info["counts"].items())))
    indexing = info.get("indexing")
    if indexing:
        state = f"running (pid {indexing['indexer_pid']})" if indexing["indexer_running"] else "not running"
        rows.append(("indexing", f"{len(indexing['watched'])} watched folders, {indexing['queued']} queued, "
                                 f"indexer {state}, {len(indexing['file_errors'])} files with errors"))
        for problem in indexing["file_errors"][:10]:
            rows.append(("file error", f"{shown_name(problem['path'])}: {shown_name(problem['reason'])}"))
    return rows


COMMANDS = [doctor]
