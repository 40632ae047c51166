"""Choosing models: every chat and embedding model second-me can use on this machine (read from
file headers, nothing loaded or downloaded), and which one answers."""

from __future__ import annotations

from pathlib import Path

from second_me.config import Settings, write_setting
from second_me.models.catalog import Catalog, better_reader_hint, choose_chat_model, list_models
from second_me.models.defaults import chat_model_choice
from second_me.models.profiles import parameters_text

__all__ = ["answering_model", "better_reader_hint", "model_catalog", "parameters_text", "use_chat_model"]


def answering_model(settings: Settings) -> str:
    """Which model answers, as the status bar and doctor name it (no file is opened)."""
    return chat_model_choice(settings, "answer").label


def model_catalog(settings: Settings) -> Catalog:
    return list_models(settings)


def use_chat_model(settings: Settings, target: str) -> tuple[str, str, Path]:
    """Make `target` (builtin, reader, a listed name or a GGUF path) the model that answers:
    (its name, the chat_model value written, the config file)."""
    value, name = choose_chat_model(settings, target)
    return name, value, write_setting(settings.home, "chat_model", value)
