"""PDF: the text layer of each page, via pypdf (the one module that imports it)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from second_me.ingest.text import CorruptFile, Extracted, SkipFile
from second_me.safe_text import strip_control


def read_pdf(path: Path, data: bytes) -> Extracted:
    import pypdf
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported by us, once
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise SkipFile("password-protected PDF")
            except (PyPdfError, NotImplementedError):
                raise SkipFile("password-protected PDF") from None
        pages = tuple(strip_control(page.extract_text() or "") for page in reader.pages)
    except SkipFile:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged input
        raise CorruptFile(f"damaged PDF ({type(exc).__name__}: {exc})".splitlines()[0]) from None
    if not any(page.strip() for page in pages):
        raise SkipFile("PDF has no text layer (scanned?)")
    return Extracted("\n\n".join(pages), "pdf", pages=pages)
