"""How to talk to a chat model, by family and size, read from its GGUF header.

The chat template itself comes from the GGUF (llama-cpp-python renders
`tokenizer.chat_template` with Jinja when no chat format is forced). What a template does
not say lives here: which text ends a turn, whether there is a system turn, and decoding
settings. The built-in SmolLM2-135M needs a repeat penalty or it loops; the same penalty on
a 1.5B-8B model pushes it away from repeating the very names and numbers it should quote,
so small and capable models get different settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from second_me.models.base import ChatMessage
from second_me.models.defaults import GGUFInfo

# A model this size or larger reads evidence well enough to write the answer and to judge
# whether evidence answers a question (yes_probability); smaller ones get quote-first answers.
CAPABLE_PARAMETERS = 1_000_000_000

# Text that ends a turn or starts the next one, per template style. llama.cpp already stops at
# the end-of-generation token; these catch a model that writes the marker out as text.
TURN_MARKERS = {
    "chatml": ("<|im_end|>", "<|im_start|>", "<|endoftext|>"),
    "llama3": ("<|eot_id|>", "<|start_header_id|>"),
    "gemma": ("<end_of_turn>", "<start_of_turn>"),
    "phi3": ("<|end|>", "<|user|>", "<|assistant|>"),
    "mistral": ("</s>", "[INST]"),
    "plain": (),
}


@dataclass(frozen=True)
class ModelProfile:
    family: str  # smollm, qwen, llama, gemma, phi, mistral... or the GGUF architecture
    template_style: str  # a key of TURN_MARKERS
    parameters: int  # 0 when unknown
    capable_reader: bool
    prompt_style: str  # "terse": one short plain instruction; "full": complete answer instructions
    system_role: bool  # False: the template has no system turn, the system text opens the first user turn
    stops: tuple[str, ...]
    temperature: float
    repeat_penalty: float
    max_answer_tokens: int  # the answer layer caps settings.max_answer_tokens with this

    @property
    def size_text(self) -> str:
        return parameters_text(self.parameters)


def parameters_text(parameters: int) -> str:
    if parameters <= 0:
        return "?"
    if parameters >= 1e9:
        return f"{parameters / 1e9:.1f}B"
    return f"{round(parameters / 1e6)}M"


_SIZE_LABEL = re.compile(r"(?:(\d+)x)?(\d+(?:\.\d+)?)\s*([KMBT])", re.I)
_SCALE = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def parameters_from_label(label: str) -> int:
    """'1.5B' -> 1_500_000_000, '8x7B' -> 56_000_000_000, '' -> 0."""
    match = _SIZE_LABEL.search(label or "")
    if not match:
        return 0
    experts = int(match.group(1) or 1)
    return int(experts * float(match.group(2)) * _SCALE[match.group(3).upper()])


def template_style(template: str) -> str:
    if "<|im_start|>" in template:
        return "chatml"
    if "<|start_header_id|>" in template:
        return "llama3"
    if "<start_of_turn>" in template:
        return "gemma"
    if "<|assistant|>" in template and "<|end|>" in template:
        return "phi3"
    if "[INST]" in template:
        return "mistral"
    return "plain"


def template_has_system_turn(template: str) -> bool:
    """Some templates (Gemma 2, early Mistral) raise on a system message; others (early Phi-3)
    branch on user/assistant only and drop it without a word."""
    lowered = template.lower()
    if "system role not supported" in lowered or "only user and assistant roles" in lowered:
        return False
    if "system" in lowered:
        return True
    branches_on_roles = re.search(r"""==\s*['"]user['"]""", lowered) is not None
    return not branches_on_roles  # a template that passes every role through keeps the system turn


_FAMILIES = (("smollm", "smollm"), ("qwen", "qwen"), ("llama", "llama"), ("gemma", "gemma"), ("phi", "phi"),
             ("mistral", "mistral"), ("mixtral", "mistral"), ("granite", "granite"), ("olmo", "olmo"))


def family_of(architecture: str, name: str) -> str:
    """The model family: from its name first (SmolLM2 and Mistral run as architecture "llama")."""
    text = name.lower().replace(" ", "")
    for needle, family in _FAMILIES:
        if needle in text:
            return family
    arch = architecture.lower()
    for needle, family in _FAMILIES:
        if arch.startswith(needle):
            return family
    return arch or "unknown"


def make_profile(family: str, parameters: int, template: str = "") -> ModelProfile:
    style = template_style(template)
    capable = parameters >= CAPABLE_PARAMETERS
    return ModelProfile(
        family=family,
        template_style=style,
        parameters=parameters,
        capable_reader=capable,
        prompt_style="full" if capable else "terse",
        system_role=template_has_system_turn(template),
        stops=TURN_MARKERS[style],
        temperature=0.0,  # greedy: the same question over the same memory gets the same answer
        # Small models loop ("The answer is 12 hours." forever) without a penalty; capable ones
        # do not, and a penalty would make them paraphrase the numbers and names they quote.
        repeat_penalty=1.0 if capable else 1.15,
        max_answer_tokens=512 if capable else 256,
    )


def profile_for(info: GGUFInfo) -> ModelProfile:
    """The profile of the model in a GGUF file, from its header alone."""
    name = " ".join(str(info.metadata.get(key, "")) for key in ("general.basename", "general.name"))
    name = f"{name} {info.path.name}"
    parameters = info.parameters or parameters_from_label(info.size_label)
    return make_profile(family_of(info.architecture, name), parameters, info.chat_template)


def fold_system(messages: Sequence[ChatMessage], profile: ModelProfile) -> list[ChatMessage]:
    """Messages the model's template accepts: without a system turn, the system text opens the first user turn."""
    if profile.system_role or not any(m.role == "system" for m in messages):
        return list(messages)
    system = "\n\n".join(m.content for m in messages if m.role == "system")
    rest = [m for m in messages if m.role != "system"]
    if rest and rest[0].role == "user":
        return [ChatMessage("user", f"{system}\n\n{rest[0].content}"), *rest[1:]]
    return [ChatMessage("user", system), *rest]
