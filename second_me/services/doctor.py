"""What runs where: versions, paths, models, offload, KV cache, encryption and counts
(`second-me doctor` and the app's doctor screen and status bar)."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from second_me.errors import SecondMeError

if TYPE_CHECKING:
    from second_me.services import Services


def runtime(settings) -> dict:
    """How the models would run here (offload, KV cache, threads), or {} when that cannot be told."""
    try:
        from second_me.models import llama

        return llama.runtime_info(settings)
    except (SecondMeError, ImportError, OSError):
        return {}


def doctor_report(services: "Services") -> dict:
    from second_me import __version__
    from second_me.models import defaults, llama
    from second_me.models.catalog import better_reader_hint
    from second_me.models.reader import reader_state
    from second_me.secrets import keyring_status

    settings, store = services.settings, services.store
    runtime_info = llama.runtime_info(settings)
    versions = {"python": platform.python_version(), "second_me": __version__}
    versions.update(store.db.versions())
    versions["llama_cpp"] = runtime_info["llama_cpp_version"]
    models = {}
    for role in ("chat", "embed"):
        choice = defaults.chat_model_choice(settings, "answer") if role == "chat" else None
        try:
            if choice is not None and choice.source == "reader":
                path = choice.path  # reported, not joined: the first answer joins it
                size = round(path.stat().st_size / 1e6, 1) if path.is_file() else None
            else:
                path = defaults.resolve_model_path(settings, role)
                size = round(path.stat().st_size / 1e6, 1)
            models[role] = {"path": str(path), "size_mb": size, "default": not getattr(settings, f"{role}_model")}
        except SecondMeError as exc:
            models[role] = {"path": None, "error": str(exc)}
        if choice is not None:
            models[role]["answers_with"] = choice.label
            models[role]["capable_reader"] = choice.source != "built-in"
    models["reader_extra"] = reader_state(settings.models_folder)
    models["hint"] = better_reader_hint(settings)
    recorded_id, recorded_dim = store.recorded_embedder()
    models["embed"]["store_embedder"] = {"model_id": recorded_id, "dim": recorded_dim}
    db_size = sum(p.stat().st_size for p in settings.home.glob("memory.db*") if p.is_file())
    key = store.db.key
    return {
        "versions": versions,
        "home": str(settings.home),
        "database": {"path": str(settings.db_path), "size_mb": round(db_size / 1e6, 2)},
        "models": models,
        "offload": {"available": runtime_info["gpu_offload_supported"], "n_gpu_layers": runtime_info["n_gpu_layers"],
                    "used": runtime_info["gpu_offload_supported"] and runtime_info["n_gpu_layers"] != 0,
                    "reason": runtime_info["n_gpu_layers_reason"]},
        "weights": {"use_mmap": runtime_info["use_mmap"], "use_mlock": runtime_info["use_mlock"]},
        "kv_cache": {"type_k": runtime_info["kv_cache_type_k"], "type_v": runtime_info["kv_cache_type_v"],
                     "flash_attn": runtime_info["flash_attn"]},
        "n_ctx": runtime_info["n_ctx"],
        "n_threads": runtime_info["n_threads"],
        "encryption": {"enabled": key.encrypted, "key_source": key.source, "keyring": keyring_status()},
        "counts": store.counts(),
        "indexing": services.indexing.status(),
        "platform": f"{platform.system()} {platform.machine()}",
    }
