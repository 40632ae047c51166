"""The torch-free BERT -> GGUF converter, on a tiny random BERT built in the test."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from second_me.errors import ModelError
from second_me.models.convert import convert, main
from second_me.models.defaults import check_gguf

gguf = pytest.importorskip("gguf")
safetensors_numpy = pytest.importorskip("safetensors.numpy")

HIDDEN, FFN, LAYERS, HEADS, POSITIONS = 8, 16, 2, 2, 32
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = ["the", "cat", "sat", "on", "mat", "##s", "dog"]


def make_tiny_bert(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({
        "architectures": ["BertModel"], "model_type": "bert", "hidden_size": HIDDEN, "intermediate_size": FFN,
        "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "max_position_embeddings": POSITIONS,
        "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu", "vocab_size": 12,
    }))
    vocab = {token: index for index, token in enumerate(SPECIALS + WORDS)}
    (folder / "tokenizer.json").write_text(json.dumps({
        "added_tokens": [{"id": vocab[t], "content": t, "special": True} for t in SPECIALS],
        "normalizer": {"type": "BertNormalizer", "lowercase": True},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                                      {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "[SEP]", "type_id": 0}}]},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "vocab": vocab},
    }))
    (folder / "tokenizer_config.json").write_text(json.dumps({
        "do_lower_case": True, "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]",
        "cls_token": "[CLS]", "mask_token": "[MASK]"}))
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_mean_tokens": True}))

    rng = np.random.default_rng(0)

    def weights(*shape):
        return (rng.standard_normal(shape) * 0.1).astype(np.float32)

    tensors = {
        "embeddings.word_embeddings.weight": weights(len(vocab), HIDDEN),
        "embeddings.position_embeddings.weight": weights(POSITIONS, HIDDEN),
        "embeddings.token_type_embeddings.weight": weights(2, HIDDEN),
        "embeddings.LayerNorm.weight": np.ones(HIDDEN, np.float32),
        "embeddings.LayerNorm.bias": np.zeros(HIDDEN, np.float32),
        "embeddings.position_ids": np.arange(POSITIONS, dtype=np.int64)[None, :],
        "pooler.dense.weight": weights(HIDDEN, HIDDEN),
        "pooler.dense.bias": weights(HIDDEN),
    }
    for n in range(LAYERS):
        layer = f"encoder.layer.{n}."
        for part in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"):
            tensors[layer + part + ".weight"] = weights(HIDDEN, HIDDEN)
            tensors[layer + part + ".bias"] = weights(HIDDEN)
        tensors[layer + "intermediate.dense.weight"] = weights(FFN, HIDDEN)
        tensors[layer + "intermediate.dense.bias"] = weights(FFN)
        tensors[layer + "output.dense.weight"] = weights(HIDDEN, FFN)
        tensors[layer + "output.dense.bias"] = weights(HIDDEN)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            tensors[layer + norm + ".weight"] = np.ones(HIDDEN, np.float32)
            tensors[layer + norm + ".bias"] = np.zeros(HIDDEN, np.float32)
    safetensors_numpy.save_file(tensors, str(folder / "model.safetensors"))
    return folder


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory) -> Path:
    folder = make_tiny_bert(tmp_path_factory.mktemp("tiny") / "bert")
    return convert(folder, folder.parent / "tiny.gguf", name="tiny-bert")


def test_metadata_is_what_llama_cpp_expects_for_bert(tiny_gguf):
    reader = gguf.GGUFReader(tiny_gguf)

    def value(key):
        return reader.fields[key].contents()

    assert value("general.architecture") == "bert"
    assert value("general.name") == "tiny-bert"
    assert value("bert.pooling_type") == gguf.PoolingType.MEAN
    assert value("bert.attention.causal") is False
    assert (value("bert.embedding_length"), value("bert.block_count"), value("bert.context_length")) == (8, 2, 32)
    assert value("tokenizer.ggml.model") == "bert"
    assert value("tokenizer.ggml.token_type_count") == 2
    assert value("tokenizer.ggml.normalizer.lowercase") is True
    assert value("tokenizer.ggml.bos_token_id") == SPECIALS.index("[CLS]")
    assert value("tokenizer.ggml.seperator_token_id") == SPECIALS.index("[SEP]")
    # WordPiece in llama.cpp's phantom-space form: word starts get "▁", "##" continuations lose it.
    tokens = value("tokenizer.ggml.tokens")
    assert tokens[:5] == SPECIALS
    assert tokens[5] == "\u2581the" and tokens[10] == "s"


def test_weights_are_f16_and_norms_biases_embeddings_f32(tiny_gguf):
    types = {t.name: t.tensor_type for t in gguf.GGUFReader(tiny_gguf).tensors}
    assert types["token_embd.weight"] == gguf.GGMLQuantizationType.F16
    assert types["blk.0.attn_q.weight"] == gguf.GGMLQuantizationType.F16
    assert types["blk.1.ffn_down.weight"] == gguf.GGMLQuantizationType.F16
    for name in ("position_embd.weight", "token_types.weight", "token_embd_norm.weight",
                 "blk.0.attn_q.bias", "blk.0.attn_output_norm.weight", "blk.1.layer_output_norm.bias"):
        assert types[name] == gguf.GGMLQuantizationType.F32, name
    assert not any("pooler" in name or "position_ids" in name for name in types)
    assert len(types) == 5 + LAYERS * 16


def test_the_output_passes_the_model_check(tiny_gguf):
    assert check_gguf(tiny_gguf, "embed").architecture == "bert"


def test_zip_and_directory_sources_give_identical_files(tmp_path, tiny_gguf):
    folder = make_tiny_bert(tmp_path / "bert")
    with zipfile.ZipFile(tmp_path / "model.zip", "w") as archive:
        for file in folder.rglob("*"):
            archive.write(file, file.relative_to(folder))
    out = convert(tmp_path / "model.zip", tmp_path / "from-zip.gguf", name="tiny-bert")
    assert out.read_bytes() == tiny_gguf.read_bytes()


def test_llama_cpp_loads_the_converted_model(tiny_gguf):
    llama_cpp = pytest.importorskip("llama_cpp")
    llama = llama_cpp.Llama(model_path=str(tiny_gguf), embedding=True, n_ctx=32, n_batch=32, n_ubatch=32,
                            verbose=False)
    try:
        assert llama.tokenize(b"The cats") == [2, 5, 6, 10, 3]  # [CLS] the cat ##s [SEP]
        assert len(llama.embed("the cat sat on the mat")) == HIDDEN
    finally:
        llama.close()


def test_bad_sources_are_one_line_errors(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        convert(tmp_path / "nothing", tmp_path / "out.gguf")
    (tmp_path / "junk.whl").write_text("not a zip")
    with pytest.raises(ModelError, match="neither a directory nor a zip"):
        convert(tmp_path / "junk.whl", tmp_path / "out.gguf")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="no config.json"):
        convert(tmp_path / "empty", tmp_path / "out.gguf")
    assert not (tmp_path / "out.gguf").exists()


def test_cli_reports_errors_with_the_model_exit_code(tmp_path, capsys):
    assert main(["--source", str(tmp_path / "missing"), "--out", str(tmp_path / "x.gguf")]) == 4
    assert "does not exist" in capsys.readouterr().err
