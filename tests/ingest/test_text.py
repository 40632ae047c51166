from second_me.ingest.text import decode, looks_binary
from second_me.safe_text import strip_control


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
