"""Each reader on a small real file made in the test, end to end through the indexer."""

import json

import pytest

from second_me.ingest.extract import extract
from second_me.ingest.text import CorruptFile
from second_me.ingest.chunking import chunks_for
from tests.ingest.samples import EML, docx_bytes, pdf_bytes


def _chunks(path, data):
    return chunks_for(extract(path, data), 400)


def test_pdf_keeps_pages(tmp_path):
    path = tmp_path / "report.pdf"
    chunks = _chunks(path, pdf_bytes(["Quarterly revenue grew", "Hiring froze in May"]))
    assert [(c.page, c.text) for c in chunks] == [(1, "Quarterly revenue grew"), (2, "Hiring froze in May")]


def test_corrupt_pdf_and_docx_are_reported(tmp_path):
    with pytest.raises(CorruptFile, match="damaged PDF"):
        extract(tmp_path / "x.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage")
    with pytest.raises(CorruptFile, match="damaged DOCX"):
        extract(tmp_path / "x.docx", b"PK\x03\x04 not really a zip")


def test_docx_paragraphs_and_headings(tmp_path):
    data = docx_bytes([("Heading1", "Garden"), ("", "Plant the tomatoes in April."), ("", "Water daily.")])
    extracted = extract(tmp_path / "garden.docx", data)
    chunks = chunks_for(extracted, 400)
    assert extracted.format == "docx"
    assert chunks[0].heading == "Garden" and "tomatoes" in chunks[0].text
    assert extracted.text.count("Garden") == 1  # a heading paragraph is the heading, not also a line of text


def test_eml_headers_and_body(tmp_path):
    text = extract(tmp_path / "mail.eml", EML).text
    assert "Subject: Dinner on Friday" in text and "From: Ana" in text and "Greek place" in text


def test_html_text_only_on_its_source_lines(tmp_path):
    html = b"<html><head><title>T</title><style>p{color:red}</style></head>\n<body>\n<h1>Trip</h1>\n" \
           b"<script>alert(1)</script>\n<p>We took the night train to Vienna.</p>\n</body></html>"
    extracted = extract(tmp_path / "trip.html", html)
    lines = extracted.text.split("\n")
    assert "alert" not in extracted.text and "color" not in extracted.text
    assert lines[4].strip() == "We took the night train to Vienna."  # line 5 of the file
    assert "# Trip" in lines[2]


def test_json_yaml_csv_become_readable_lines(tmp_path):
    data = json.dumps({"trip": {"city": "Oslo", "days": [1, 2]}}).encode()
    assert "trip.city: Oslo" in extract(tmp_path / "t.json", data).text
    assert "trip.days[1]: 2" in extract(tmp_path / "t.json", data).text
    assert "pets[0].name: Miso" in extract(tmp_path / "t.yaml", b"pets:\n  - name: Miso\n    kind: cat\n").text
    csv_text = extract(tmp_path / "t.csv", b"name,city\nAna,Lisbon\nBo,Oslo\n").text.split("\n")
    assert csv_text[2] == "name: Bo; city: Oslo"  # the row stays on its line


def test_invalid_json_is_kept_as_text_with_a_note(tmp_path):
    extracted = extract(tmp_path / "bad.json", b"{not json but words about llamas")
    assert "llamas" in extracted.text and "not valid JSON" in extracted.note


def test_rst_titles_become_headings_on_the_same_lines(tmp_path):
    rst = b"Recipes\n=======\n\nPancakes\n--------\n\nMix flour and milk.\n"
    chunks = _chunks(tmp_path / "r.rst", rst)
    assert chunks[0].heading == "Recipes > Pancakes"
    assert (chunks[0].start_line, chunks[0].end_line) == (1, 7)  # the titles belong to the chunk


def test_source_code_is_chunked_at_definitions_with_its_language(tmp_path):
    code = b"import os\n\n\ndef first():\n    return 1\n\n\ndef second():\n    x = 2\n\n    return x\n\n\nclass Third:\n    pass\n"
    extracted = extract(tmp_path / "m.py", code)
    chunks = chunks_for(extracted, 1200)
    assert extracted.language == "python"
    assert [(c.start_line, c.end_line) for c in chunks] == [(1, 1), (4, 5), (8, 11), (14, 15)]
    assert chunks[2].heading == "def second()"


def test_every_format_is_indexed_and_searchable(services, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(pdf_bytes(["The boiler service is due in October"]))
    (folder / "b.docx").write_bytes(docx_bytes([("", "Passport renewal needs two photos")]))
    (folder / "c.eml").write_bytes(EML)
    (folder / "d.go").write_text("package main\n\nfunc greet() string {\n\treturn \"hello gopher\"\n}\n")
    report = services.indexing.add([folder])
    assert report.files == 4 and report.errors == 0
    hit = services.answering.search("boiler service October").hits[0]
    assert hit.origin.path.endswith("a.pdf") and hit.origin.page == 1
    assert services.answering.search("passport photos").hits[0].origin.path.endswith("b.docx")
    assert services.answering.search("greet gopher").hits[0].origin.path.endswith("d.go")
