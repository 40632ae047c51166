"""People's chat exports (ChatGPT, Claude, WhatsApp, Telegram, SMS) as domain Turns.

    reading = read_export(path, format=None, me="Ana")   # checks it all; InputRejected if bad
    for batch in reading.batches(256): ...               # the turns, in order, read again

One module per format yields ExportedMessages; `reading` names the conversations, applies
--me and turns them into Turns. Detection is by content (`detect_format`).
"""

from second_me.ingest.chat_exports.base import FORMAT_TITLES, FORMATS, MAX_TEXT_CHARS
from second_me.ingest.chat_exports.detect import detect_format
from second_me.ingest.chat_exports.reading import ConversationSummary, ExportReading, read_export

__all__ = ["FORMATS", "FORMAT_TITLES", "MAX_TEXT_CHARS", "ConversationSummary", "ExportReading", "detect_format",
           "read_export"]
