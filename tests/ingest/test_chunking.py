from second_me.ingest.chunking import chunk_text

DOC = """# Bread

## Sourdough
Proof the dough for 4 hours.
Then shape it.

Bake at 250 C.

## Rye
Rye is sticky.
"""


def test_chunks_follow_headings_and_keep_line_ranges():
    chunks = chunk_text(DOC, max_chars=80, markdown=True)
    assert [(c.start_line, c.end_line) for c in chunks] == [(1, 5), (7, 7), (9, 10)]
    assert chunks[0].heading == "Bread > Sourdough"
    assert chunks[2].heading == "Bread > Rye"
    lines = DOC.splitlines()
    for c in chunks:  # the text of a chunk is exactly its lines (blank lines between blocks collapse)
        assert c.text.splitlines()[0] == lines[c.start_line - 1]
        assert c.text.splitlines()[-1] == lines[c.end_line - 1]


def test_small_document_is_one_chunk():
    chunks = chunk_text(DOC, max_chars=2000, markdown=True)
    assert len(chunks) == 2  # "## Rye" opens a new section once the first has content
    assert chunks[0].start_line == 1


def test_huge_line_is_split():
    chunks = chunk_text("x" * 2500 + "\nend", max_chars=1000)
    assert [len(c.text) for c in chunks[:2]] == [1000, 1000]
    assert all(c.start_line == 1 for c in chunks)
    # The rest of the long line and the next line are small enough to share a chunk.
    assert chunks[-1].text.startswith("x" * 500) and chunks[-1].text.endswith("end")
    assert chunks[-1].end_line == 2


def test_headings_inside_code_fences_are_not_headings():
    text = "# Real\n\n```\n# not a heading\n```\n"
    chunks = chunk_text(text, markdown=True)
    assert len(chunks) == 1 and chunks[0].heading == "Real"


def test_empty_text_has_no_chunks():
    assert chunk_text("\n\n  \n", markdown=True) == []
