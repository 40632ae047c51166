"""A table's row, quoted under its header row, is shown with each cell after its column's name."""

from second_me.domain import Evidence
from second_me.retrieval.compose import quote_block
from second_me.text.table_rows import header_and_row, row_in_words

ROW = "| No. | Client | Amount | Sent | Paid |\n| 2026-015 | Northfield | £1,100 | 2026-11-02 | |"


def test_a_row_reads_by_its_columns_and_a_blank_cell_says_so():
    assert header_and_row(ROW) == (["No.", "Client", "Amount", "Sent", "Paid"],
                                   ["2026-015", "Northfield", "£1,100", "2026-11-02", ""])
    assert row_in_words(ROW) == "No.: 2026-015 · Client: Northfield · Amount: £1,100 · Sent: 2026-11-02 · Paid: (blank)"


def test_other_text_is_shown_as_it_is():
    for text in ("Day rate agreed: £420.", "| a | b |", "| a | b |\n| 1 | 2 | 3 |", "| a |\nnot a row"):
        assert row_in_words(text) == text


def test_the_answer_quotes_a_row_by_its_columns():
    """In the app the two rows ran together on one line: "| No. | Client | … | Paid | | 2026-016 | Brightwater |…"."""
    quoted = Evidence(ROW, 7, "notes/invoices.md:9", 1_700_000_000.0)
    assert quote_block([quoted], {7: 1}) == ("“No.: 2026-015 · Client: Northfield · Amount: £1,100 · Sent: 2026-11-02"
                                             " · Paid: (blank)” [1]")
