"""A table's row in a note, quoted under its header row ("| No. | Client | Paid |" over "| 2026-015 | Northfield |
|"): read by the column a question names, and shown to the user with each cell after its column's name, since
the two rows on one line ("| No. | Client | Paid | | 2026-015 | Northfield | |") read as neither."""

from __future__ import annotations

import re
from typing import Optional

ROW = re.compile(r"^\s*\|.*\|\s*$")
# A spreadsheet's row as it is indexed ("date: 2025-03-02; shop: Tesco; amount: 54.20").
RECORD = re.compile(r"^\s*[^:;\n]{1,40}: [^;\n]*(?:; [^:;\n]{1,40}: [^;\n]*)+$")
BLANK = "(blank)"


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def header_and_row(text: str) -> Optional[tuple[list[str], list[str]]]:
    """A quoted row's header cells and its own, when `text` is a header row over a row of as many cells."""
    lines = text.split("\n")
    if len(lines) != 2 or not all(ROW.match(line) for line in lines):
        return None
    header, row = cells(lines[0]), cells(lines[1])
    return (header, row) if len(header) == len(row) else None


def row_in_words(text: str) -> str:
    """"No.: 2026-015 · Client: Northfield · Paid: (blank)" for a quoted row; any other text as it is."""
    found = header_and_row(text)
    if found is None:
        return text
    return " · ".join(f"{name}: {cell or BLANK}" if name else cell for name, cell in zip(*found) if name or cell)
