"""Cut text into chunks that follow headings and paragraphs and keep their line ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from second_me.domain import Chunk

_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")


@dataclass
class _Block:
    lines: list[str]
    start: int  # 1-based line number of the first line
    heading: str  # the heading path in force ("Bread > Proofing")
    is_heading: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.lines) - 1

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _blocks(text: str, markdown: bool) -> list[_Block]:
    """Paragraph-sized blocks separated by blank lines; Markdown headings are blocks of their own."""
    blocks: list[_Block] = []
    headings: list[tuple[int, str]] = []
    current: _Block | None = None
    in_fence = False

    def heading_path() -> str:
        return " > ".join(title for _, title in headings)

    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if markdown and stripped.startswith("```"):
            in_fence = not in_fence
        match = _HEADING.match(line) if markdown and not in_fence else None
        if match:
            level, title = len(match.group(1)), match.group(2).strip("# ").strip()
            headings[:] = [h for h in headings if h[0] < level] + [(level, title)]
            current = None
            blocks.append(_Block([line], number, heading_path(), is_heading=True))
            continue
        if not stripped and not in_fence:
            current = None
            continue
        if current is None:
            current = _Block([], number, heading_path())
            blocks.append(current)
        current.lines.append(line)
    return blocks


def _split_long(block: _Block, max_chars: int) -> list[_Block]:
    """Split a block bigger than max_chars at line boundaries (or inside one huge line)."""
    parts: list[_Block] = []
    current = _Block([], block.start, block.heading)
    size = 0
    for offset, line in enumerate(block.lines):
        number = block.start + offset
        if len(line) > max_chars:
            if current.lines:
                parts.append(current)
            for i in range(0, len(line), max_chars):
                parts.append(_Block([line[i:i + max_chars]], number, block.heading))
            current, size = _Block([], number + 1, block.heading), 0
            continue
        if size + len(line) + 1 > max_chars and current.lines:
            parts.append(current)
            current, size = _Block([], number, block.heading), 0
        current.lines.append(line)
        size += len(line) + 1
    if current.lines:
        parts.append(current)
    return parts


def chunk_text(text: str, max_chars: int = 1200, markdown: bool = False) -> list[Chunk]:
    """Group blocks into chunks of at most ~max_chars; a new top-level section starts a new chunk."""
    chunks: list[Chunk] = []
    pending: list[_Block] = []
    size = 0

    def flush() -> None:
        nonlocal pending, size
        content = [b for b in pending if not b.is_heading]
        if content:
            body = "\n\n".join(b.text for b in pending)
            chunks.append(Chunk(text=body, start_line=pending[0].start, end_line=pending[-1].end,
                                heading=content[0].heading))
        pending, size = [], 0

    for block in _blocks(text, markdown):
        pieces = _split_long(block, max_chars) if len(block.text) > max_chars else [block]
        for piece in pieces:
            has_content = any(not b.is_heading for b in pending)
            if piece.is_heading and has_content:
                flush()  # a heading opens a new chunk once the current one has content
            elif has_content and size + len(piece.text) + 2 > max_chars:
                flush()
            pending.append(piece)
            size += len(piece.text) + 2
    if pending and not chunks and not any(not b.is_heading for b in pending):
        # A document that is nothing but headings is still worth remembering.
        chunks.append(Chunk(text="\n\n".join(b.text for b in pending), start_line=pending[0].start,
                            end_line=pending[-1].end, heading=pending[-1].heading))
        return chunks
    flush()
    return chunks


# A top-level definition in most languages: a new chunk starts here once the current one has content.
_DEFINITION = re.compile(
    r"^(?:@|(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:def|class|function|fn|func|fun|impl|struct|enum|trait|interface|type|"
    r"module|namespace|object|(?:pub(?:\([^)]*\))?\s+)|(?:public|private|protected|static|final|abstract)\s+)|"
    r"(?:const|let|var)\s+\w+\s*=\s*(?:async\s*)?(?:function|\())")


def chunk_code(text: str, max_chars: int = 1200) -> list[Chunk]:
    """Source code: blocks between blank lines, grouped; a top-level definition opens a new chunk."""
    chunks: list[Chunk] = []
    pending: list[_Block] = []
    size = 0

    def flush() -> None:
        nonlocal pending, size
        if pending:
            chunks.append(Chunk(text="\n\n".join(b.text for b in pending), start_line=pending[0].start,
                                end_line=pending[-1].end, heading=_definition_name(pending[0].lines)))
        pending, size = [], 0

    for block in _blocks(text, markdown=False):
        pieces = _split_long(block, max_chars) if len(block.text) > max_chars else [block]
        for piece in pieces:
            starts_definition = any(_DEFINITION.match(line) for line in piece.lines[:3] if line[:1].strip())
            if pending and (starts_definition or size + len(piece.text) + 2 > max_chars):
                flush()
            pending.append(piece)
            size += len(piece.text) + 2
    flush()
    return chunks


def _definition_name(lines: list[str]) -> str:
    for line in lines[:3]:
        if line[:1].strip() and _DEFINITION.match(line):
            return line.strip().rstrip("{:").strip()[:80]
    return ""


def chunks_for(extracted, max_chars: int = 1200) -> list[Chunk]:
    """Chunks of an extracted document: by page for PDFs, by definition for code, else by section."""
    from dataclasses import replace

    if extracted.pages is not None:
        out: list[Chunk] = []
        for number, page in enumerate(extracted.pages, start=1):
            out.extend(replace(c, page=number) for c in chunk_text(page, max_chars))
        return out
    if extracted.language:
        return chunk_code(extracted.text, max_chars)
    return chunk_text(extracted.text, max_chars, markdown=extracted.markdown)
