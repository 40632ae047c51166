"""Help: every key binding, by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

HELP = """\
# second-me

Your memory, on your machine. Ask a question; the answer cites the memories it used.
Nothing leaves this computer.

## Everywhere
| Key | Action |
|---|---|
| `F1` | this help |
| `F2` `F3` `F4` | chat · memory · indexing |
| `F5` | doctor (models, offload, KV cache, counts) |
| `Ctrl+P` | command palette: every action by name |
| `Ctrl+T` | light / dark theme |
| `Ctrl+Q` | quit |

## Chat
| Key | Action |
|---|---|
| `Enter` | send the question |
| `Ctrl+J` | new line (also Shift+Enter / Alt+Enter where the terminal sends them) |
| `Up` `Down` | earlier questions |
| `Esc` | stop the answer at once |
| `Ctrl+O` | go to the sources of the last answer; `Enter` opens one |
| `Ctrl+Y` | copy the last answer |
| `Ctrl+N` | new chat · `Ctrl+R` rename it · `Ctrl+B` show/hide the chat list |
| `Del` | in the chat list: delete the selected chat (asks first) |

## Source preview
| Key | Action |
|---|---|
| `e` | open the file in `$EDITOR` at the cited line |
| `c` | copy the text |
| `Esc` | close |

## Memory
| Key | Action |
|---|---|
| `/` | search |
| `p` | pin / unpin · `f` forget · `r` restore · `h` history |
| `Enter` | open the memory |

## Indexing
| Key | Action |
|---|---|
| `a` | add a file or folder (index it now) |
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
        yield Footer()
