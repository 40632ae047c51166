"""Readers for structured and rich formats, all on the standard library (plus PyYAML here only):
reStructuredText, source code, HTML, JSON, YAML, CSV, DOCX, EML.

Where it can, a reader keeps the file's line numbers (HTML text sits on the line it came
from; a CSV row stays on its line), so a cited line range points into the real file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from xml.etree import ElementTree

from second_me.ingest.text import CorruptFile, Extracted, decode_text
from second_me.safe_text import strip_control

# ---- source code --------------------------------------------------------------------------

LANGUAGES = {
    ".py": "python", ".pyi": "python", ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript",
    ".jsx": "javascript", ".ts": "typescript", ".tsx": "typescript", ".go": "go", ".rs": "rust",
    ".java": "java", ".kt": "kotlin", ".kts": "kotlin", ".scala": "scala", ".c": "c", ".h": "c",
    ".cc": "c++", ".cpp": "c++", ".cxx": "c++", ".hpp": "c++", ".hh": "c++", ".cs": "c#", ".rb": "ruby",
    ".php": "php", ".swift": "swift", ".m": "objective-c", ".sh": "shell", ".bash": "shell", ".zsh": "shell",
    ".fish": "shell", ".ps1": "powershell", ".sql": "sql", ".lua": "lua", ".r": "r", ".pl": "perl",
    ".hs": "haskell", ".ex": "elixir", ".exs": "elixir", ".erl": "erlang", ".clj": "clojure", ".dart": "dart",
    ".jl": "julia", ".css": "css", ".scss": "scss", ".vue": "vue", ".svelte": "svelte", ".el": "emacs-lisp",
    ".vim": "vim", ".zig": "zig", ".nim": "nim", ".ml": "ocaml", ".fs": "f#", ".groovy": "groovy",
}


def read_code(path: Path, data: bytes) -> Extracted:
    text, note = decode_text(data)
    return Extracted(text, "code", note=note, language=LANGUAGES[path.suffix.lower()])


# ---- reStructuredText -------------------------------------------------------------------

_RST_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:.<>_])\1{2,}\s*$")


def rst_to_markdown_headings(text: str) -> str:
    """Turn underlined RST titles into Markdown headings, keeping every line where it was."""
    lines = text.split("\n")
    levels: list[str] = []
    for i in range(1, len(lines)):
        title, under = lines[i - 1].strip(), lines[i]
        if title and not _RST_ADORNMENT.match(lines[i - 1]) and _RST_ADORNMENT.match(under) \
                and len(under.strip()) >= len(title):
            char = under.strip()[0]
            if char not in levels:
                levels.append(char)
            lines[i - 1] = "#" * min(levels.index(char) + 1, 6) + " " + title
            lines[i] = ""
    return "\n".join(lines)


def read_rst(path: Path, data: bytes) -> Extracted:
    text, note = decode_text(data)
    return Extracted(rst_to_markdown_headings(text), "rst", markdown=True, note=note)


# ---- HTML ---------------------------------------------------------------------------------

_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


class _HTMLText(HTMLParser):
    """Collects visible text, each piece on the source line it came from."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: dict[int, list[str]] = {}
        self.skip_depth = 0
        self.heading_level = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag in _HEADINGS:
            self.heading_level = _HEADINGS[tag]
            line = self.getpos()[0]
            self.lines.setdefault(line, []).append("\n" + "#" * self.heading_level + " ")
        if tag in ("br", "p", "div", "li", "tr"):
            self.lines.setdefault(self.getpos()[0], []).append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag in _HEADINGS:
            self.heading_level = 0
            self.lines.setdefault(self.getpos()[0], []).append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self.skip_depth:
            return
        first = self.getpos()[0]
        for offset, piece in enumerate(data.split("\n")):
            if piece.strip():
                self.lines.setdefault(first + offset, []).append(" ".join(piece.split()))

    def text(self) -> str:
        if not self.lines:
            return ""
        out = [""] * (max(self.lines) + 1)
        for number, pieces in self.lines.items():
            out[number - 1] = " ".join(p for p in pieces if p.strip() or "\n" in p).strip(" ")
        # A heading opened mid-line gets its own line; lines stay put otherwise.
        return "\n".join(line if "\n" not in line else line.replace("\n", " ").strip() for line in out)


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = parser.text()
    # "#  Title" from the heading marker and a space piece: normalise.
    return re.sub(r"^(#{1,6})\s+", r"\1 ", text, flags=re.M)


def read_html(path: Path, data: bytes) -> Extracted:
    source, note = decode_text(data)
    return Extracted(strip_control(html_to_text(source)), "html", markdown=True, note=note)


# ---- JSON / YAML / CSV ------------------------------------------------------------------


def _flatten(value: Any, prefix: str = "") -> Iterator[str]:
    """'a.b[0].c: value' lines: readable, and each line says where its value sits."""
    if isinstance(value, dict):
        if not value and prefix:
            yield f"{prefix}: {{}}"
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        if not value and prefix:
            yield f"{prefix}: []"
        for index, item in enumerate(value):
            yield from _flatten(item, f"{prefix}[{index}]")
    else:
        rendered = "null" if value is None else str(value)
        yield f"{prefix}: {rendered}" if prefix else rendered


def _structured(value: Any, fmt: str, note) -> Extracted:
    return Extracted(strip_control("\n".join(_flatten(value))), fmt, note=note)


def read_json(path: Path, data: bytes) -> Extracted:
    text, note = decode_text(data)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        try:
            values = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            return Extracted(text, "json", note="not valid JSON lines; indexed as plain text")
        return _structured(values, "json", note)
    try:
        value = json.loads(text) if text.strip() else {}
    except ValueError as exc:
        return Extracted(text, "json", note=f"not valid JSON ({exc}); indexed as plain text")
    return _structured(value, "json", note)


def read_yaml(path: Path, data: bytes) -> Extracted:
    import yaml

    text, note = decode_text(data)
    try:
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "parse error"
        return Extracted(text, "yaml", note=f"not valid YAML ({first}); indexed as plain text")
    return _structured(documents[0] if len(documents) == 1 else documents, "yaml", note)


def read_csv(path: Path, data: bytes) -> Extracted:
    """One line per row, 'column: value; ...', on the row's own line of the file."""
    text, note = decode_text(data)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    if delimiter == ",":
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            pass
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines: list[str] = []
    try:
        header = next(reader, [])
        lines.append(" | ".join(header))
        for row in reader:
            cells = [f"{name}: {value}" for name, value in zip(header, row) if value.strip()]
            cells += [value for value in row[len(header):] if value.strip()]
            while len(lines) < reader.line_num - 1:  # a quoted cell spanned lines
                lines.append("")
            lines.append("; ".join(cells))
    except csv.Error as exc:
        return Extracted(text, "csv", note=f"not valid CSV ({exc}); indexed as plain text")
    return Extracted("\n".join(lines), "csv", note=note)


# ---- DOCX ---------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, data: bytes) -> Extracted:
    """Paragraphs of word/document.xml, one per line; Heading styles become Markdown headings."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError) as exc:
        raise CorruptFile(f"damaged DOCX ({type(exc).__name__}: {exc})".splitlines()[0]) from None
    lines: list[str] = []
    for paragraph in root.iter(f"{_W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag in (f"{_W}tab",):
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append(" ")
        text = "".join(pieces).strip()
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        name = style.get(f"{_W}val", "") if style is not None else ""
        level = re.match(r"(?i)heading\s*(\d)", name) or (re.match(r"(?i)title", name) and "1")
        if text and level:  # the heading once, as a heading: written twice, a summary quoted only headings
            depth = int(level if isinstance(level, str) else level.group(1))
            lines.append("")
            lines.append("#" * min(max(depth, 1), 6) + " " + text)
        else:
            lines.append(text)
        lines.append("")
    return Extracted(strip_control("\n".join(lines)), "docx", markdown=True)


# ---- EML ----------------------------------------------------------------------------------


def read_eml(path: Path, data: bytes) -> Extracted:
    """Headers that matter, then the plain-text body (or the HTML body's text)."""
    from email import policy
    from email.parser import BytesParser

    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # the email package raises several kinds on malformed input
        raise CorruptFile(f"damaged email ({type(exc).__name__})") from None
    header_lines = []
    for name in ("Subject", "From", "To", "Cc", "Date"):
        try:
            value = message.get(name)
        except Exception:  # a malformed header: skip it, keep the rest
            value = None
        if value:
            header_lines.append(f"{name}: {' '.join(str(value).split())}")
    body = ""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is not None:
            content = part.get_content()
            body = html_to_text(content) if part.get_content_type() == "text/html" else content
    except (KeyError, LookupError, ValueError, AssertionError):
        payload = message.get_payload(decode=True)
        body = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    subject = message.get("Subject")
    title = f"# {' '.join(str(subject).split())}\n" if subject else ""
    text = title + "\n".join(header_lines) + "\n\n" + body
    return Extracted(strip_control(text), "email", markdown=True)


READERS = {
    **{suffix: read_code for suffix in LANGUAGES},
    ".rst": read_rst, ".rest": read_rst,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".json": read_json, ".jsonl": read_json, ".ndjson": read_json,
    ".yaml": read_yaml, ".yml": read_yaml,
    ".csv": read_csv, ".tsv": read_csv,
    ".docx": read_docx,
    ".eml": read_eml,
}
