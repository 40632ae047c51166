"""Settings: defaults, then $SECOND_ME_HOME/config.toml, then SECOND_ME_<KEY> env vars.

Every key is a field of `Settings`; an unknown key or a bad value is rejected with a
message naming it (exit 3), so a typo never silently falls back to a default.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from second_me.errors import ConfigError, StorageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KV_TYPES = ("f16", "q8_0", "q4_0")
# What indexing does with a secret found inside a file (ingest/secret_scan.py).
SECRET_MODES = ("redact", "skip-file", "off")
# Which symbolic links indexing follows (ingest/paths.py); special files are never read.
SYMLINK_MODES = ("inside", "never", "always")
ENV_PREFIX = "SECOND_ME_"
# Env vars with this prefix that are not settings keys.
NON_SETTING_ENV = {"HOME", "PASSPHRASE", "NEW_PASSPHRASE", "NOW"}


def default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("second-me", appauthor=False))


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=default_home)
    # Models: a GGUF path, or empty for the default. chat_model may also name "builtin" (SmolLM2)
    # or "reader" (the reader extra); empty means the reader when its extra is installed.
    chat_model: str = ""
    embed_model: str = ""
    # A folder of GGUF files `second-me models` lists, where the reader extra's file is kept;
    # empty: the models folder of the default home, shared by every home on the machine.
    models_dir: str = ""
    n_ctx: int = 4096
    n_gpu_layers: str = "auto"  # "auto" or an integer (-1 = all layers, 0 = CPU only)
    n_threads: int = 0  # 0 = auto: all cores read prompts, half generate (models/runtime.py)
    use_mmap: bool = True
    use_mlock: bool = False
    kv_cache_type_k: str = "q8_0"
    kv_cache_type_v: str = "q8_0"
    max_answer_tokens: int = 384
    temperature: float = 0.0  # greedy: the same question over the same memory gets the same answer
    embed_batch_size: int = 32
    # Storage
    encryption: bool = True
    # Ingest
    chunk_chars: int = 1200
    max_file_mb: float = 20.0
    ignore: tuple[str, ...] = ()
    secrets: str = "redact"  # a secret inside a file: "redact" it, "skip-file", or "off" (index as it is)
    follow_symlinks: str = "inside"  # only links into a watched folder; "never"; "always"
    watch_debounce_s: float = 1.0  # a file must be quiet this long before it is re-indexed
    watch_polling: bool = False  # poll instead of OS events (network filesystems)
    watch_poll_interval_s: float = 5.0
    embed_idle_unload_s: float = 120.0  # the watcher frees the embedding model after this long idle
    # Memory work in the background (daemon, TUI): facts and summaries when indexing is quiet
    background_idle_s: float = 30.0  # the indexer must have had no work this long first
    background_budget_s: float = 60.0  # one round's budget; a round out of budget rests background_idle_s
    # Retrieval
    search_k: int = 8
    rrf_k: int = 10
    candidates: int = 50
    # Fitted on the three built-in benchmarks together (bench/fit_abstention.py).
    abstain_similarity: float = 0.25  # below this best similarity, always "I don't know"
    abstain_unknown_similarity: float = 0.44  # ...and below this one when the question has a word no memory has
    bm25_weight: float = 0.5  # fusion weights (retrieval/hybrid.py), tuned with `second-me eval`
    vector_weight: float = 1.0
    time_weight: float = 2.0  # extra weight of matches inside a time the question names
    order_weight: float = 1.0  # bonus for the earliest/latest relevant hit ("the first time", "now")
    context_tokens: int = 0  # 0 = derived from n_ctx
    # Answers (services/answering.py): always built on quoted evidence.
    answer_line: bool = True  # with a small model, add one short line extracted from the best quote
    # With a capable reader: below this probability that the evidence answers the question, "I don't know"
    # (fitted on the three built-in people, `python bench/reader_answers.py`: little separates
    # the reader's P(yes) on answerable and unanswerable questions, so the bar is low).
    reader_check: float = 0.16
    # ...and the bar when the only check against the question is a word memory lacks (a paraphrase:
    # "registered with" for "my GP is"): the reader judges it, surer.
    reader_check_doubted: float = 0.5
    remember_max_chars: int = 8192  # a longer message typed in a chat is answered but not stored as a memory
    # Memory lifecycle (retention.py, memory/lifecycle.py)
    retention_floor: float = 0.7
    strength_chat_days: float = 7.0
    strength_file_days: float = 30.0
    recall_growth: float = 2.0
    prune_threshold: float = 0.05
    strength_fact_days: float = 90.0
    facts_with_model: bool = True  # false: learn facts by rule only (no model load)
    summaries_with_model: bool = True  # false: extractive summaries (first sentences), no model load

    @property
    def db_path(self) -> Path:
        return self.home / "memory.db"

    @property
    def models_folder(self) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else default_home() / "models"

    def gpu_layers_override(self) -> int | None:
        """None for auto, else the forced layer count."""
        return None if self.n_gpu_layers == "auto" else int(self.n_gpu_layers)


def _field_types() -> dict[str, Any]:
    return {f.name: f.type for f in fields(Settings)}


def _coerce(key: str, value: Any, type_name: str) -> Any:
    """Turn a TOML or env value into the field's type, or raise naming the key."""
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"config: {key} = {value!r} is not {expected}")

    if type_name == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
            return False
        raise bad("true or false")
    if type_name == "int":
        try:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        except (TypeError, ValueError):
            raise bad("an integer") from None
    if type_name == "float":
        try:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        except (TypeError, ValueError):
            raise bad("a number") from None
    if type_name == "Path":
        if not isinstance(value, str) or not value:
            raise bad("a path")
        return Path(value).expanduser()
    if type_name.startswith("tuple"):
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise bad("a list of strings")
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise bad("a string")
    return str(value)


def _validate(s: Settings) -> Settings:
    for key in ("kv_cache_type_k", "kv_cache_type_v"):
        if getattr(s, key) not in KV_TYPES:
            raise ConfigError(f"config: {key} = {getattr(s, key)!r} must be one of {', '.join(KV_TYPES)}")
    for key, allowed in (("secrets", SECRET_MODES), ("follow_symlinks", SYMLINK_MODES)):
        if getattr(s, key) not in allowed:
            raise ConfigError(f"config: {key} = {getattr(s, key)!r} must be one of {', '.join(allowed)}")
    if s.n_gpu_layers != "auto":
        try:
            int(s.n_gpu_layers)
        except ValueError:
            raise ConfigError(f"config: n_gpu_layers = {s.n_gpu_layers!r} must be 'auto' or an integer") from None
    positive = ("n_ctx", "max_answer_tokens", "embed_batch_size", "chunk_chars", "max_file_mb", "search_k",
                "rrf_k", "candidates", "strength_chat_days", "strength_file_days", "strength_fact_days",
                "watch_debounce_s", "watch_poll_interval_s", "embed_idle_unload_s",
                "background_idle_s", "background_budget_s")
    for key in positive:
        if getattr(s, key) <= 0:
            raise ConfigError(f"config: {key} = {getattr(s, key)!r} must be greater than 0")
    if not 0 <= s.retention_floor <= 1:
        raise ConfigError(f"config: retention_floor = {s.retention_floor!r} must be between 0 and 1")
    if s.recall_growth < 1:
        raise ConfigError(f"config: recall_growth = {s.recall_growth!r} must be at least 1")
    return s


def _checked_home(home: Path) -> Path:
    """The home must be (or become) a folder of the user's own: not a file, FIFO or device, not in /proc."""
    resolved = Path(os.path.realpath(home))
    if resolved.parts[1:2] in (("proc",), ("sys",), ("dev",)):
        raise ConfigError(f"the home {home} is under /{resolved.parts[1]}: give a folder of your own (--home)")
    if home.exists() and not home.is_dir():
        raise ConfigError(f"the home {home} is not a folder: give a folder for this memory (--home)")
    return home


def load_settings(home: str | Path | None = None, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build settings for a home: defaults < config.toml < SECOND_ME_* env < explicit overrides."""
    env = os.environ if environ is None else environ
    types = _field_types()
    home_value = home or env.get(ENV_PREFIX + "HOME")
    home_path = _checked_home(Path(home_value).expanduser() if home_value else default_home())
    values: dict[str, Any] = {}

    config_file = home_path / "config.toml"
    if config_file.is_file():
        try:
            data = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config: {config_file} is not valid TOML ({exc})") from None
        except OSError as exc:
            raise ConfigError(f"config: cannot read {config_file} ({exc.strerror})") from None
        for key, value in data.items():
            if key not in types or key == "home":
                raise ConfigError(f"config: unknown key {key!r} in {config_file}")
            values[key] = _coerce(key, value, types[key])

    for name, value in env.items():
        if not name.startswith(ENV_PREFIX):
            continue
        key = name[len(ENV_PREFIX):].lower()
        if key.upper() in NON_SETTING_ENV:
            continue
        if key not in types:
            raise ConfigError(f"config: unknown setting {name} in the environment")
        values[key] = _coerce(name, value, types[key])

    for key, value in overrides.items():
        if value is not None:
            values[key] = value
    return _validate(replace(Settings(home=home_path), **values))


def write_setting(home: Path, key: str, value: str) -> Path:
    """Set one key in home/config.toml, keeping every other line as it was; atomic.

    The file is left untouched when it is not valid TOML or the edit would change anything else.
    """
    if key not in _field_types() or key == "home":
        raise ConfigError(f"config: unknown key {key!r}")
    path = Path(home) / "config.toml"
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        before = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config: {path} is not valid TOML ({exc}): fix it, then try again") from None
    except OSError as exc:
        raise ConfigError(f"config: cannot read {path} ({exc.strerror})") from None
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    existing = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=.*$", re.M)
    if existing.search(text):
        updated = existing.sub(lambda _: line, text, count=1)
    else:
        updated = text + ("\n" if text and not text.endswith("\n") else "") + line + "\n"
    try:
        after = tomllib.loads(updated)
    except tomllib.TOMLDecodeError:
        after = {}
    others = {k: v for k, v in before.items() if k != key}
    if after.get(key) != value or {k: v for k, v in after.items() if k != key} != others:
        raise ConfigError(f"config: cannot set {key} in {path} without changing other lines: "
                          f"set {key} = {json.dumps(value)} by hand")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(updated)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"config: cannot write {path} ({exc.strerror or exc}): check its folder's permissions") from None
    return path
