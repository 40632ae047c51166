import os

import pytest

from second_me.ingest.text import decode, looks_binary
from second_me.safe_text import show_name, strip_control


def test_strip_control_removes_escape_sequences():
    evil = "hello \x1b[31mred\x1b[0m \x1b]0;title\x07 bell\x07 \x9b2J ok\r\nnext\tTab"
    clean = strip_control(evil)
    assert "\x1b" not in clean and "\x07" not in clean and "\x9b" not in clean
    assert clean == "hello red  bell 2J ok\nnext\tTab"


def test_decode_invalid_utf8_replaces_and_notes():
    text, note = decode(b"caf\xe9 au lait")
    assert text == "caf\ufffd au lait" and "UTF-8" in note
    assert decode("naïve".encode()) == ("naïve", None)
    assert decode("\ufeffbom".encode("utf-8"))[0] == "bom"


def test_binary_detection():
    assert looks_binary(b"\x7fELF\x00\x01")
    assert not looks_binary(b"plain text")
    assert not looks_binary("utf16".encode("utf-16"))


@pytest.mark.parametrize("name, shown", [
    ("plain notes.md", "plain notes.md"),
    ("two\nlines.md", "two\\nlines.md"),
    ("cr\rtab\t.md", "cr\\rtab\\t.md"),
    ("bell\x07esc\x1b[31m.md", "bell\\x07esc\\x1b[31m.md"),
    ("del\x7f c1\x85.md", "del\\x7f c1\\u0085.md"),
    ("line\u2028sep.md", "line\\u2028sep.md"),
    ("invoice\u202etxt.exe", "invoice\\u202etxt.exe"),
    ("back\\slash.md", "back\\\\slash.md"),
    ("caf\u00e9 \u65e5\u8a18 \U0001f345.md", "caf\u00e9 \u65e5\u8a18 \U0001f345.md"),
])
def test_show_name_escapes_what_would_break_or_fake_a_line(name, shown):
    assert show_name(name) == shown
    assert "\n" not in show_name(name) and len(show_name(name).splitlines()) <= 1


def test_show_name_shows_undecodable_bytes_and_can_be_printed():
    name = os.fsdecode(b"bad\xff\xfe.md")
    shown = show_name(name)
    assert shown == "bad\\xff\\xfe.md"
    shown.encode("utf-8")  # no lone surrogate left: printing it cannot fail


def test_show_name_keeps_different_names_apart_where_strip_control_merges_them():
    assert strip_control("a\x07b") == strip_control("ab")
    assert show_name("a\x07b") != show_name("ab")
    assert show_name("a\nb") != show_name("a\\nb")
