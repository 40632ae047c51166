"""What every command shares: the app context (home, verbosity, how to open services) and rendering helpers."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

import typer


@dataclass
class AppContext:
    """What every command needs; tests pass their own `open_services` (fake models)."""

    home: Optional[str] = None
    verbose: bool = False
    open_services: Optional[Callable] = None

    def settings(self):
        from second_me.services import load_settings

        return load_settings(self.home)

    def services(self, now: Optional[str] = None):
        from second_me.clock import clock_from_option
        from second_me.services import Services

        settings = self.settings()
        clock = clock_from_option(now)
        if self.open_services is not None:
            return self.open_services(settings, clock)
        return Services.open(settings, clock)


def app_context(ctx: typer.Context) -> AppContext:
    return ctx.find_root().obj


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def safe(text: str) -> str:
    """Text from memory or a model, made harmless for the terminal."""
    from second_me.safe_text import strip_control

    return strip_control(text)


def shown_name(text: str) -> str:
    """A file name or path (or a label holding one) for one terminal line: newlines and control
    characters shown escaped, nothing dropped (JSON output keeps the exact name)."""
    from second_me.safe_text import show_name

    return show_name(text)


def json_text(data, indent: int | None = None) -> str:
    from second_me.safe_text import printable_json

    return printable_json(data, indent)


@contextmanager
def opened(ctx: typer.Context, now: Optional[str] = None) -> Iterator:
    """The memory, open for one command (closed whatever happens); `now` as `--now` gives it."""
    services = app_context(ctx).services(now)
    try:
        yield services
    finally:
        services.close()
