"""A question about "Dad" asked again by his name, when the user's chats tell whom they call so
(`retrieval/kin.py`): "When is Dad's hip operation?" over a family chat where he is "João"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from second_me.retrieval.fts import match_expression
from second_me.retrieval.kin import MOST_TURNS, called_so, parent_asked, with_name_for
from second_me.retrieval.people import speakers_in

if TYPE_CHECKING:
    from second_me.services.core import Core


def by_parents_name(core: "Core", question: str) -> Optional[str]:
    """The question with the parent it asks about named as the user's turns call them by that word
    ("When is João's hip operation?"); None when it asks of none, a contact is saved as "Dad", or
    the user's turns do not tell whom."""
    asked = parent_asked(question)
    if asked is None:
        return None
    word = asked.group(0)
    if speakers_in(word, [name for name, _ in core.store.messages.speakers()]):
        return None  # the chat names them so: nothing to tell
    name = called_so(core.store.users_turns_matching(match_expression(word), MOST_TURNS), word)
    return with_name_for(question, asked, name) if name else None
