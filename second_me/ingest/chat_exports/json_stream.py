"""Walking a large JSON document one event at a time, knowing where we are.

An export of a few hundred megabytes is never held whole: a reader steps through objects and
arrays, builds only small values (one message at a time) and skips the rest. Every problem is
reported with the JSON path of its place, e.g. `conversations[3].mapping.<id>.message.create_time`.
"""

from __future__ import annotations

from typing import Any, BinaryIO, Callable, Iterator, NoReturn, Optional

import ijson

from second_me.ingest.chat_exports.base import ExportedMessage, ReadContext, shown
from second_me.ingest.chat_exports.sources import Source

_SCALARS = frozenset({"null", "boolean", "integer", "double", "number", "string"})
_KINDS = {"start_map": "an object", "start_array": "a list", "null": "null", "boolean": "true/false",
          "integer": "a number", "double": "a number", "number": "a number", "string": "a string"}
_UTF8_BOM = b"\xef\xbb\xbf"


class _WithoutBom:
    """A byte stream with a leading UTF-8 byte-order mark dropped (the JSON parser refuses it)."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        head = stream.read(3)
        self._head = b"" if head == _UTF8_BOM else head

    def read(self, size: int = -1) -> bytes:
        if not self._head or size == 0:
            return self._stream.read(size)
        head, self._head = self._head, b""
        if size is None or size < 0:
            return head + self._stream.read()
        return head + self._stream.read(max(size - len(head), 0))


class JsonWalk:
    """A cursor over one JSON document's parse events, with the path of where it stands."""

    def __init__(self, stream: BinaryIO, ctx: ReadContext, root: str = ""):
        self._events = ijson.basic_parse(_WithoutBom(stream), use_float=True)
        self._pending: Optional[tuple[str, Any]] = None
        self._path: list[Any] = [root] if root else []
        self._ctx = ctx

    def where(self, *more: Any) -> str:
        out = ""
        for step in [*self._path, *more]:
            if isinstance(step, int):
                out += f"[{step}]"
            else:
                out += f".{step}" if out else str(step)
        return out or "the top level"

    def reject(self, problem: str, *more: Any) -> NoReturn:
        self._ctx.reject(self.where(*more), problem)

    def _next(self) -> tuple[str, Any]:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            return pending
        try:
            return next(self._events)
        except StopIteration:
            self.reject("the JSON ends too early (is the file cut short?)")
        except ijson.JSONError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "broken JSON"
            if "premature EOF" in first or "Incomplete" in first:
                self.reject("the JSON ends in the middle (is the file cut short?)")
            self.reject(f"not valid JSON ({first.removeprefix('parse error: ').removeprefix('lexical error: ')})")
        except RecursionError:
            self.reject("not valid JSON (nested too deeply)")

    def peek(self) -> str:
        """What the next value is: 'object', 'array' or a scalar event name, without consuming it."""
        event = self._next()
        self._pending = event
        return {"start_map": "object", "start_array": "array"}.get(event[0], event[0])

    def keys(self, what: str = "an object") -> Iterator[str]:
        """The keys of the next value, which must be an object. The caller consumes each key's
        value (value(), skip() or a nested walk) before asking for the next key."""
        event, value = self._next()
        if event != "start_map":
            self.reject(f"expected {what}, found {_KINDS.get(event, event)}")
        while True:
            event, value = self._next()
            if event == "end_map":
                return
            self._path.append(value)
            try:
                yield value
            finally:
                self._path.pop()

    def items(self, what: str = "a list") -> Iterator[int]:
        """The indexes of the next value, which must be a list; the caller consumes each item."""
        event, value = self._next()
        if event != "start_array":
            self.reject(f"expected {what}, found {_KINDS.get(event, event)}")
        index = 0
        while True:
            event, value = self._next()
            if event == "end_array":
                return
            self._pending = (event, value)
            self._path.append(index)
            try:
                yield index
            finally:
                self._path.pop()
            index += 1

    def value(self) -> Any:
        """The next value, built whole: only for small ones (one message, one title). The path
        follows the building, so a problem inside names its exact place."""
        event, value = self._next()
        if event in _SCALARS:
            return value
        base = len(self._path)
        stack: list[Any] = [{} if event == "start_map" else []]
        try:
            while True:
                event, value = self._next()
                level = base + len(stack) - 1  # where the key or index of an item of stack[-1] stands
                if event == "map_key":
                    del self._path[level:]
                    self._path.append(value)
                    continue
                if event in ("end_map", "end_array"):
                    value = stack.pop()
                    del self._path[base + len(stack):]
                    if not stack:
                        return value
                    level -= 1
                elif isinstance(stack[-1], list):
                    del self._path[level:]
                    self._path.append(len(stack[-1]))
                if event in ("start_map", "start_array"):
                    stack.append({} if event == "start_map" else [])
                elif isinstance(stack[-1], dict):
                    stack[-1][self._path[level]] = value
                else:
                    stack[-1].append(value)
        finally:
            del self._path[base:]

    def skip(self) -> None:
        event, _ = self._next()
        depth = 1 if event in ("start_map", "start_array") else 0
        while depth:
            event, _ = self._next()
            if event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1

    def text(self, what: str = "a string", optional: bool = True) -> Optional[str]:
        """The next value as a string (or None when null and optional)."""
        value = self.value()
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.reject(f"expected {what}, found {shown(value)}")
        return value

    def finish(self) -> None:
        """Check nothing follows the document."""
        try:
            event = next(self._events)
        except StopIteration:
            return
        except ijson.JSONError:
            event = None
        self._ctx.reject("after the end of the JSON", f"unexpected content ({event[0] if event else 'garbage'})")


def each_conversation(source: Source, ctx: ReadContext,
                      read_one: Callable[[JsonWalk, ReadContext, int], Iterator[ExportedMessage]]
                      ) -> Iterator[ExportedMessage]:
    """The messages of an assistant export: a list of conversations, read one by one by `read_one`."""
    with source.open() as stream:
        walk = JsonWalk(stream, ctx, root="conversations")
        for index in walk.items("a list of conversations"):
            yield from read_one(walk, ctx, index)
        walk.finish()
