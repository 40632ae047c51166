"""A home on the real shipped models holding a chat of one turn a week, the built-in model answering."""

from datetime import datetime, timedelta
from typing import Sequence

import pytest

from second_me.clock import FixedClock
from second_me.config import load_settings
from second_me.domain import Turn
from second_me.services import Services


def weekly_chat(tmp_path_factory, start: datetime, weeks: Sequence[tuple[str, str]], user: str,
                conversation: str) -> Services:
    """Services over a new home holding `weeks` (speaker, text), a week apart from `start`, each turn in
    its own conversation (`conversation` and its week); the clock a week after the last."""
    home = tmp_path_factory.mktemp("weekly-chat")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECOND_ME_PASSPHRASE", "e2e")
        services = Services.open(load_settings(home, chat_model="builtin"),
                                 FixedClock(start + timedelta(weeks=len(weeks))))
    turns = [Turn(f"{conversation} {week}", speaker, text, (start + timedelta(weeks=week)).timestamp(),
                  "user" if speaker == user else "other", f"t{week}") for week, (speaker, text) in enumerate(weeks)]
    services.conversations.log.add_turns(turns, turns[-1].timestamp + 60)
    return services
