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
| `Esc` | stop the answer at once (a question sent meanwhile is asked as soon as the model lets go) |
| `Ctrl+O` | go to the sources of the last answer; `Enter` opens one |
| `Ctrl+Y` | copy the last answer |
| `Ctrl+N` | new chat · `Ctrl+R` rename it · `Ctrl+B` show/hide the chat list |
| `Del` | in the chat list: delete the selected chat (asks first) |

A follow-up ("and for how long?", "and Sam?", "what about in Porto?") is read with the question before it
in the chat; the answer says what it was asked as.

## Source preview
| Key | Action |
|---|---|
| `e` | open the file in `$EDITOR` at the cited line |
| `c` | copy the text |
| `Esc` | close |

## Memory
Filters above the list: kind, state (active or forgotten) and date. Retention shows as a bar
(pinned memories never fade); strength is how many days a memory takes to fade.

| Key | Action |
|---|---|
| `/` | search (Enter runs it) |
| `p` | pin / unpin |
| `f` | forget: out of search, kept in the forgotten tier |
| `r` | restore a forgotten memory (choose state: forgotten) |
| `h` | history: created, recalled, pinned, forgotten, restored, superseded, pruned |
| `t` | summary tree from the portrait down; `b` there builds the summaries, `o` opens one |
| `Enter` | open the memory |

## Indexing
Watched folders are kept up to date by the app while it runs — or by `second-me daemon`
when one runs for this home; either way this screen shows the queue, files/s and the ETA.

| Key | Action |
|---|---|
| `w` | watch a folder: index it now, then follow its changes |
| `Del` `x` | stop watching the selected folder (asks first; its files leave memory) |
| `a` | add a file or folder once, without watching it |
| `i` | index now: catch up on every watched folder |
| `c` | import a chat export (ChatGPT, Claude, WhatsApp, Telegram, SMS): its turns become memories |
| `Ctrl+R` | refresh the tables |

Files that could not be read are listed with the reason; select one to see it in full.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
        yield Footer()
