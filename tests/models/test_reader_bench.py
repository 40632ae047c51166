"""The benchmark's reader section stands aside, with its reason, when the extra is not installed."""

from __future__ import annotations


def test_the_reader_section_is_skipped_with_a_one_line_reason(no_reader, capsys):
    from bench import reader

    results = reader.run(smoke=True)
    assert list(results) == ["reader_skipped"]
    reason = results["reader_skipped"]
    assert "\n" not in reason and "pip install 'second-me[reader]'" in reason
    assert f"reader: skipped: {reason}" in capsys.readouterr().err
