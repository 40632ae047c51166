"""A small synthetic reader extra (a tiny GGUF cut into slices, each installed as a data-only
package: dist-info + data/partNN.bin, in a tmp site folder, in place of the real 1.1 GB one),
and a home where other local tools keep models."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from second_me.models import reader
from tests.models.test_defaults import CHAT_META, EMBED_META, write_gguf

QWEN_LIKE_TEMPLATE = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] "
                      "+ '<|im_end|>\\n'}}{% endfor %}{% if add_generation_prompt %}{{'<|im_start|>assistant\\n'}}"
                      "{% endif %}")
READER_META = {"general.architecture": "qwen2", "general.name": "Tiny Reader", "general.size_label": "1.5B",
               "qwen2.context_length": 4096, "general.file_type": 15, "tokenizer.chat_template": QWEN_LIKE_TEMPLATE}


@dataclass
class TinyReader:
    spec: reader.ReaderSpec
    site: Path
    whole: bytes  # what joining the slices must give

    def part_file(self, n: int) -> Path:
        return self.site / self.spec.data_path(n)

    def dist_info(self, n: int) -> Path:
        return self.site / f"{self.spec.package.format(n=n)}-{self.spec.version}.dist-info"


def build_tiny_reader(root: Path, parts: int = 3, sha256: str | None = None, version: str = "0.2.0") -> TinyReader:
    root.mkdir(parents=True, exist_ok=True)
    model = write_gguf(root / "whole.gguf", READER_META, tensor_bytes=3000, data=bytes(range(256)) * 11 + b"\1" * 184)
    whole = model.read_bytes()
    spec = reader.ReaderSpec(distribution="sm-test-reader-part{n}", package="sm_test_reader_part{n}",
                             version="0.2.0", parts=parts, size=len(whole),
                             sha256=sha256 or hashlib.sha256(whole).hexdigest(),
                             file_name="Tiny-Reader.Q4_K_M.gguf", display_name="Tiny-Reader")
    site = root / "site"
    step = -(-len(whole) // parts)
    for n in range(1, parts + 1):
        package = spec.package.format(n=n)
        info = site / f"{package}-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {spec.distribution_name(n)}\n"
                                       f"Version: {version}\n", encoding="utf-8")
        data = site / spec.data_path(n)
        data.parent.mkdir(parents=True)
        data.write_bytes(whole[(n - 1) * step:n * step])
    return TinyReader(spec, site, whole)


@pytest.fixture
def tiny_reader(tmp_path, monkeypatch) -> TinyReader:
    """The synthetic extra, installed (on sys.path) and taking the real one's place."""
    built = build_tiny_reader(tmp_path / "tiny-reader")
    monkeypatch.setattr(reader, "READER", built.spec)
    monkeypatch.syspath_prepend(str(built.site))
    return built


@pytest.fixture
def no_reader(tmp_path, monkeypatch) -> reader.ReaderSpec:
    """A reader extra that is not installed, whatever this machine has."""
    spec = reader.ReaderSpec(distribution="sm-test-absent-part{n}", package="sm_test_absent_part{n}", parts=2,
                             size=10, sha256="0" * 64, file_name="Absent.gguf", display_name="Absent-Reader")
    monkeypatch.setattr(reader, "READER", spec)
    return spec


# --- other tools' models ------------------------------------------------------------------

LLAMA3 = {"general.architecture": "llama", "general.name": "Llama 3.2 3B Instruct", "general.size_label": "3B",
          "llama.context_length": 131072, "general.file_type": 15}
QWEN = {"general.architecture": "qwen2", "general.name": "Qwen2.5 0.5B", "qwen2.context_length": 32768,
        "general.file_type": 7}


def _manifest(folder: Path, name: tuple[str, str, str, str], digest: str, media="application/vnd.ollama.image.model"):
    path = folder / "manifests" / Path(*name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schemaVersion": 2, "layers": [
        {"mediaType": "application/vnd.ollama.image.template", "digest": "sha256:0000"},
        {"mediaType": media, "digest": f"sha256:{digest}", "size": 1}]}), encoding="utf-8")
    return path


@pytest.fixture
def machine(tmp_path) -> Path:
    """A home where Ollama, LM Studio and GPT4All each keep some models, beside a download cache of an
    online model library (snapshots linking to one blob), which is not searched unless models_dir
    points at it."""
    home = tmp_path / "user"
    ollama = home / ".ollama" / "models"
    (ollama / "blobs").mkdir(parents=True)
    write_gguf(ollama / "blobs" / "sha256-aaa", LLAMA3)
    write_gguf(ollama / "blobs" / "sha256-bbb", {**EMBED_META, "general.name": "nomic embed"})
    _manifest(ollama, ("ollama-registry", "library", "llama3.2", "latest"), "aaa")
    _manifest(ollama, ("ollama-registry", "library", "nomic-embed-text", "latest"), "bbb")
    _manifest(ollama, ("ollama-registry", "someone", "custom", "q4"), "aaa")
    _manifest(ollama, ("models.example", "someone", "Qwen", "Q8_0"), "ccc")  # its blob is missing
    _manifest(ollama, ("ollama-registry", "library", "adapter", "latest"), "ddd",
              media="application/vnd.ollama.image.adapter")
    broken = ollama / "manifests" / "ollama-registry" / "library" / "broken" / "latest"
    broken.parent.mkdir(parents=True)
    broken.write_text("{not json", encoding="utf-8")

    lms = home / ".lmstudio" / "models" / "lmstudio-community" / "Qwen2.5-0.5B-GGUF"
    lms.mkdir(parents=True)
    write_gguf(lms / "Qwen2.5-0.5B-Q8_0.gguf", QWEN)
    write_gguf(lms / "mmproj-model-f16.gguf", {"general.architecture": "clip"})  # not a model on its own
    write_gguf(lms / "Big-00001-of-00002.gguf", CHAT_META)
    write_gguf(lms / "Big-00002-of-00002.gguf", CHAT_META)  # loaded through the first file

    gpt4all = home / ".local" / "share" / "nomic.ai" / "GPT4All"
    gpt4all.mkdir(parents=True)
    write_gguf(gpt4all / "tiny-chat.Q4_0.gguf", CHAT_META)

    repo = home / ".cache" / "model-downloads" / "tiny-GGUF"  # another tool's download folder
    (repo / "blobs").mkdir(parents=True)
    blob = write_gguf(repo / "blobs" / "123abc", {**CHAT_META, "general.name": "downloaded tiny"})
    for revision in ("rev1", "rev2"):  # two snapshots, one file
        snapshot = repo / "snapshots" / revision
        snapshot.mkdir(parents=True)
        (snapshot / "downloaded-tiny.Q4_K_M.gguf").symlink_to(blob)
    return home
