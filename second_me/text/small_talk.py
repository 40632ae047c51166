"""A greeting, a thanks or a call for help: words to second-me, not about the user's life. No memory
answers them, none should refuse them, and none is a memory of its own ("hi" would be found next
time as what memory holds)."""

from __future__ import annotations

import re
from typing import Optional

GREETING, THANKS, HELP = "greeting", "thanks", "help"

_SMALL_TALK = (
    (GREETING, re.compile(r"^\s*(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening))(?:\s+there)?"
                          r"\s*[!.]*\s*$", re.I)),
    (THANKS, re.compile(r"^\s*(?:thanks|thank\s+you|thx|cheers)(?:\s+(?:so\s+much|a\s+lot))?\s*[!.]*\s*$", re.I)),
    (HELP, re.compile(r"^\s*(?:help|what\s+can\s+(?:you\s+do|i\s+ask(?:\s+you)?)|how\s+do\s+i\s+use\s+(?:this|you)"
                      r"|what\s+are\s+you)\s*[?.!]*\s*$", re.I)),
)


def small_talk(text: str) -> Optional[str]:
    """GREETING, THANKS or HELP, or None for anything else."""
    return next((kind for kind, pattern in _SMALL_TALK if pattern.match(text)), None)
