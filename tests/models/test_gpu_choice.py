"""Offload and KV-cache choices: pure functions, no model and no llama_cpp needed."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from second_me.config import Settings
from second_me.models.llama import KV_TYPE_IDS, MEAN_POOLING
from second_me.models.runtime import choose_gpu_layers, choose_threads, flash_attn_needed, kv_cache_types

REPO = Path(__file__).resolve().parents[2]


def test_auto_offloads_all_layers_when_the_build_supports_it():
    layers, reason = choose_gpu_layers(None, supports_offload=True)
    assert layers == -1
    assert "all layers" in reason


def test_auto_runs_on_cpu_without_offload_support():
    layers, reason = choose_gpu_layers(None, supports_offload=False)
    assert layers == 0
    assert "CPU only" in reason


@pytest.mark.parametrize("forced", [0, 12, -1])
def test_a_forced_value_wins_and_says_so(forced):
    layers, reason = choose_gpu_layers(forced, supports_offload=True)
    assert layers == forced
    assert f"n_gpu_layers = {forced}" in reason


def test_forcing_layers_on_a_cpu_build_explains_they_stay_on_cpu():
    layers, reason = choose_gpu_layers(20, supports_offload=False)
    assert layers == 20
    assert "no GPU offload" in reason


def test_settings_feed_the_choice(tmp_path):
    assert Settings(home=tmp_path).gpu_layers_override() is None
    assert choose_gpu_layers(Settings(home=tmp_path, n_gpu_layers="0").gpu_layers_override(), True)[0] == 0


def test_flash_attention_is_on_exactly_when_the_kv_cache_is_quantized(tmp_path):
    base = Settings(home=tmp_path)
    assert flash_attn_needed(replace(base, kv_cache_type_k="f16", kv_cache_type_v="f16")) is False
    assert flash_attn_needed(replace(base, kv_cache_type_k="f16", kv_cache_type_v="q8_0")) is True
    assert flash_attn_needed(replace(base, kv_cache_type_k="q4_0", kv_cache_type_v="f16")) is True


def test_a_4_bit_key_cache_is_raised_to_8_bits_for_models_it_breaks(tmp_path):
    settings = Settings(home=tmp_path, kv_cache_type_k="q4_0", kv_cache_type_v="q4_0")
    type_k, type_v, reason = kv_cache_types(settings, "qwen")
    assert (type_k, type_v) == ("q8_0", "q4_0")  # 4-bit values are fine; 4-bit keys are not
    assert "q4_0 raised to q8_0" in reason
    assert kv_cache_types(settings, "smollm") == ("q4_0", "q4_0", "")
    assert kv_cache_types(replace(settings, kv_cache_type_k="f16"), "qwen") == ("f16", "q4_0", "")


def test_kv_type_ids_match_llama_cpp():
    llama_cpp = pytest.importorskip("llama_cpp")
    assert KV_TYPE_IDS == {"f16": llama_cpp.GGML_TYPE_F16, "q8_0": llama_cpp.GGML_TYPE_Q8_0,
                           "q4_0": llama_cpp.GGML_TYPE_Q4_0}
    assert MEAN_POOLING == llama_cpp.LLAMA_POOLING_TYPE_MEAN


def test_importing_the_model_modules_does_not_import_llama_cpp():
    # `second-me --help` must stay fast: llama_cpp is imported only when a model loads.
    code = ("import sys, second_me.models.llama, second_me.models.runtime, second_me.models.defaults, second_me.models.convert; "
            "sys.exit(1 if {'llama_cpp', 'gguf', 'safetensors'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0


def test_doctor_says_whether_offload_is_used(services):
    pytest.importorskip("llama_cpp")
    offload = services.doctor()["offload"]
    assert offload["used"] == (offload["available"] and offload["n_gpu_layers"] != 0)


@pytest.mark.parametrize("cores, expected", [(1, (1, 1)), (2, (1, 2)), (4, (2, 4)), (8, (4, 8)), (16, (8, 16))])
def test_prompts_are_read_with_every_core_and_half_of_them_generate(cores, expected):
    generation, batch, reason = choose_threads(0, cores)
    assert (generation, batch) == expected
    assert f"{cores} cores" in reason


def test_a_thread_count_in_settings_is_used_for_both(tmp_path):
    assert choose_threads(Settings(home=tmp_path, n_threads=3).n_threads, cores=2)[:2] == (3, 3)
