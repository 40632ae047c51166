"""Per-family profiles: chosen from the GGUF header, and small-model tuning kept off capable models."""

from __future__ import annotations

import pytest

from second_me.models.base import ChatMessage, yes_share
from second_me.models.defaults import default_chat_model_path, read_gguf_header
from second_me.models.profiles import (fold_system, make_profile, parameters_from_label, parameters_text,
                                       profile_for, template_has_system_turn, template_style)
from tests.models.conftest import QWEN_LIKE_TEMPLATE
from tests.models.test_defaults import write_gguf

GEMMA_TEMPLATE = ("{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not "
                  "supported') }}{% endif %}{% for message in messages %}<start_of_turn>{{ message['role'] }}\n"
                  "{{ message['content'] }}<end_of_turn>\n{% endfor %}")
LLAMA3_TEMPLATE = "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>' }}<|eot_id|> system"


def test_the_built_in_model_keeps_its_small_model_tuning():
    profile = profile_for(read_gguf_header(default_chat_model_path()))
    assert (profile.family, profile.template_style, profile.capable_reader, profile.prompt_style) == \
        ("smollm", "chatml", False, "terse")
    assert profile.repeat_penalty == 1.15 and profile.temperature == 0.0
    assert 130e6 < profile.parameters < 140e6 and profile.system_role
    assert "<|im_end|>" in profile.stops


def test_a_capable_model_is_not_held_back_by_small_model_settings():
    small, capable = make_profile("qwen", 500_000_000, QWEN_LIKE_TEMPLATE), make_profile("qwen", 1_540_000_000,
                                                                                         QWEN_LIKE_TEMPLATE)
    assert not small.capable_reader and capable.capable_reader
    assert capable.repeat_penalty == 1.0 < small.repeat_penalty  # a penalty would make it paraphrase what it quotes
    assert capable.prompt_style == "full" and capable.max_answer_tokens > small.max_answer_tokens
    assert capable.stops == small.stops == ("<|im_end|>", "<|im_start|>", "<|endoftext|>")


def test_a_profile_comes_from_the_header(tmp_path):
    path = write_gguf(tmp_path / "m.gguf", {"general.architecture": "llama", "general.name": "Mistral 7B Instruct",
                                            "tokenizer.chat_template": "[INST] {{ m }} [/INST]"})
    profile = profile_for(read_gguf_header(path))
    assert (profile.family, profile.template_style, profile.stops) == ("mistral", "mistral", ("</s>", "[INST]"))


@pytest.mark.parametrize("template, style, system", [
    (QWEN_LIKE_TEMPLATE, "chatml", True),
    (GEMMA_TEMPLATE, "gemma", False),
    (LLAMA3_TEMPLATE, "llama3", True),
    ("{% if message['role'] == 'user' %}<|user|>{{ m }}<|end|>{% elif message['role'] == 'assistant' %}"
     "<|assistant|>{% endif %}", "phi3", False),
    ("", "plain", True),
])
def test_template_style_and_system_turn(template, style, system):
    assert template_style(template) == style
    assert template_has_system_turn(template) is system


def test_without_a_system_turn_the_system_text_opens_the_first_user_turn():
    gemma = make_profile("gemma", 2_000_000_000, GEMMA_TEMPLATE)
    messages = [ChatMessage("system", "Use the notes."), ChatMessage("user", "Question: when?")]
    assert fold_system(messages, gemma) == [ChatMessage("user", "Use the notes.\n\nQuestion: when?")]
    qwen = make_profile("qwen", 2_000_000_000, QWEN_LIKE_TEMPLATE)
    assert fold_system(messages, qwen) == messages


@pytest.mark.parametrize("label, parameters", [("1.5B", 1_500_000_000), ("135M", 135_000_000),
                                               ("8x7B", 56_000_000_000), ("", 0), ("large", 0)])
def test_parameters_from_a_size_label(label, parameters):
    assert parameters_from_label(label) == parameters


def test_parameters_in_words():
    assert (parameters_text(1_777_088_000), parameters_text(134_515_008), parameters_text(0)) == ("1.8B", "135M", "?")


def test_yes_share_is_the_yes_mass_against_the_no_mass():
    logits = [0.0] * 10
    logits[1], logits[2], logits[5] = 2.0, 2.0, 0.0  # two yes spellings, one no
    share = yes_share(logits, [1, 2], [5])
    assert share == pytest.approx(2 * 2.718281828 ** 2 / (2 * 2.718281828 ** 2 + 1), rel=1e-6)
    assert yes_share([1000.0, -1000.0], [0], [1]) == pytest.approx(1.0)  # no overflow
    assert yes_share([-1000.0, 1000.0], [0], [1]) == pytest.approx(0.0)
