"""Secrets by content: every kind is found and redacted, ordinary text is left alone, lines are kept.

Every key below is assembled at run time from a seeded generator, so this file holds no
string a secret scanner would flag, and no key that was ever real.
"""

from __future__ import annotations

import base64
import json
import random
import re
import string

import pytest

from second_me.ingest.extract import Extracted
from second_me.ingest.secret_scan import entropy, find_secrets, looks_random, redact
from second_me.ingest.secret_screen import describe, kinds_count, screen, screen_extracted

UPPER_DIGITS = string.ascii_uppercase + string.digits
ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"


def fake(alphabet: str, length: int, seed: int = 0) -> str:
    rng = random.Random(f"{alphabet}:{length}:{seed}")
    return "".join(rng.choice(alphabet) for _ in range(length))


def b64url(obj) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def pem(label: str, lines: int = 5, end: bool = True) -> str:
    dashes = "-" * 5
    body = [fake(B64, 64, seed=i) for i in range(lines)]
    block = [f"{dashes}BEGIN {label}{dashes}", *body]
    if end:
        block.append(f"{dashes}END {label}{dashes}")
    return "\n".join(block)


def kinds(text: str) -> list[str]:
    return [s.kind for s in find_secrets(text)]


AWS_KEY_ID = "AKIA" + fake(UPPER_DIGITS, 16)
AWS_SECRET = fake(B64, 40, seed=7)

POSITIVES = [
    ("openssh private key", lambda: pem("OPENSSH PRIVATE KEY"), "private-key"),
    ("rsa private key", lambda: pem("RSA PRIVATE KEY"), "private-key"),
    ("pkcs8 encrypted key", lambda: pem("ENCRYPTED PRIVATE KEY"), "private-key"),
    ("pgp private key", lambda: pem("PGP PRIVATE KEY BLOCK"), "private-key"),
    ("aws access key id", lambda: f"key id {AWS_KEY_ID} for the backup bucket", "aws-access-key"),
    ("aws secret assigned", lambda: f"aws_secret_access_key = {AWS_SECRET}", "aws-secret-key"),
    ("aws secret in json", lambda: f'{{"SecretAccessKey": "{AWS_SECRET}"}}', "aws-secret-key"),
    ("github classic", lambda: "token ghp_" + fake(ALNUM, 36), "github-token"),
    ("github oauth", lambda: "gho_" + fake(ALNUM, 36), "github-token"),
    ("github app", lambda: "ghs_" + fake(ALNUM, 36), "github-token"),
    ("github fine-grained", lambda: "github_pat_" + fake(ALNUM, 22) + "_" + fake(ALNUM, 59), "github-token"),
    ("gitlab", lambda: "glpat-" + fake(ALNUM, 20), "gitlab-token"),
    ("slack bot", lambda: "xoxb-" + fake(string.digits, 12) + "-" + fake(ALNUM, 24), "slack-token"),
    ("slack user", lambda: "xoxp-" + fake(string.digits, 11) + "-" + fake(ALNUM, 30), "slack-token"),
    ("slack webhook", lambda: "https://hooks.slack.com/services/T" + fake(UPPER_DIGITS, 8) + "/B"
                              + fake(UPPER_DIGITS, 8) + "/" + fake(ALNUM, 24), "slack-webhook"),
    ("stripe live", lambda: "sk_" + "live_" + fake(ALNUM, 24), "stripe-key"),
    ("stripe restricted", lambda: "rk_" + "live_" + fake(ALNUM, 24), "stripe-key"),
    ("openai legacy", lambda: "sk-" + fake(ALNUM, 48), "openai-style-key"),
    ("openai project", lambda: "sk-proj-" + fake(ALNUM + "_-", 120), "openai-style-key"),
    ("google api key", lambda: "AIza" + fake(ALNUM + "_-", 35), "google-api-key"),
    ("jwt", lambda: b64url({"alg": "HS256", "typ": "JWT"}) + "." + b64url({"sub": "1234567890", "name": "Ann"})
                    + "." + fake(ALNUM + "_-", 43), "jwt"),
    ("password assignment", lambda: "DB_PASSWORD=" + fake(ALNUM, 12) + "#!", "password"),
    ("quoted password in json", lambda: '{"password": "' + fake(ALNUM, 14) + '"}', "password"),
    ("api_key in yaml", lambda: "api_key: " + fake(ALNUM, 32), "api-key"),
    ("secret in yaml", lambda: "  client_secret: '" + fake(ALNUM, 20) + "'", "secret"),
    ("aws secret in an env file", lambda: f"AWS_SECRET_ACCESS_KEY={AWS_SECRET}", "aws-secret-key"),
    ("aws session token", lambda: "aws_session_token = " + fake(B64, 60, seed=9), "token"),
    ("secret key in prose", lambda: "Secret key: " + fake(ALNUM, 12) + "-" + fake(ALNUM, 8), "secret"),
    ("api key in prose", lambda: "API key: " + fake(ALNUM, 28), "api-key"),
    ("token with spaces", lambda: "token = " + fake(ALNUM, 20), "token"),
    ("token in a query string", lambda: "https://api.example.org/v1?api_key=" + fake(ALNUM, 24) + "&page=2", "api-key"),
    ("bearer header", lambda: "Authorization: Bearer " + fake(ALNUM, 30), "token"),
    ("password in a url", lambda: "postgres://app:" + fake(ALNUM, 12) + "@db.internal:5432/app", "url-password"),
]


@pytest.mark.parametrize("name, make, kind", POSITIVES, ids=[p[0] for p in POSITIVES])
def test_each_kind_is_found_and_redacted(name, make, kind):
    secret_text = make()
    text = f"Notes from Tuesday.\n\n{secret_text}\n\nThe tomatoes need water.\n"
    found = find_secrets(text)
    assert [s.kind for s in found] == [kind], found
    result = screen(text)
    assert f"[redacted: {kind}]" in result.text
    assert "Notes from Tuesday." in result.text and "The tomatoes need water." in result.text
    # Nothing of the secret's random part survives.
    random_part = max(re.findall(r"[A-Za-z0-9]+", secret_text), key=len)
    assert len(random_part) >= 8 and random_part not in result.text
    assert found[0].line == 3


def test_a_private_key_block_is_redacted_whole_and_keeps_its_lines():
    block = pem("OPENSSH PRIVATE KEY", lines=6)
    text = "ssh setup\n" + block + "\nafter the key\n"
    result = screen(text)
    assert result.text.splitlines()[0] == "ssh setup"
    assert result.text.splitlines()[1] == "[redacted: private-key]"
    assert len(result.text.splitlines()) == len(text.splitlines())
    assert result.text.splitlines()[-1] == "after the key"
    assert "PRIVATE KEY" not in result.text.replace("[redacted: private-key]", "")


def test_a_key_block_without_its_end_line_is_still_redacted_to_its_last_base64_line():
    text = "from my old laptop:\n" + pem("RSA PRIVATE KEY", lines=4, end=False) + "\n\nThen I rebooted.\n"
    result = screen(text)
    lines = result.text.splitlines()
    assert lines[1] == "[redacted: private-key]" and lines[2:6] == ["", "", "", ""]
    assert lines[-1] == "Then I rebooted." and len(lines) == len(text.splitlines())


def test_the_aws_setup_note_loses_both_keys_but_keeps_its_prose():
    text = ("# AWS setup\n\nCreated the deploy user today.\n"
            f"Access key: {AWS_KEY_ID}\nSecret: {AWS_SECRET}\n\nRegion is eu-west-1.\n")
    found = find_secrets(text)
    assert [(s.kind, s.line) for s in found] == [("aws-access-key", 4), ("aws-secret-key", 5)]
    result = screen(text)
    assert AWS_KEY_ID not in result.text and AWS_SECRET not in result.text
    assert "Region is eu-west-1." in result.text and "Created the deploy user today." in result.text


def test_a_bare_40_character_string_far_from_any_access_key_is_left_alone():
    assert kinds(fake(B64, 40, seed=3)) == []
    far = f"{AWS_KEY_ID}\n" + "filler\n" * 10 + fake(B64, 40, seed=3)
    assert kinds(far) == ["aws-access-key"]


def test_redaction_keeps_every_line_number_so_chunks_keep_path_and_line():
    lines = [f"line {n}" for n in range(1, 21)]
    lines[4] = "github token ghp_" + fake(ALNUM, 36)
    lines[9] = pem("EC PRIVATE KEY", lines=3)  # five lines in one entry
    lines[15] = "password: " + fake(ALNUM, 18)
    text = "\n".join(lines)
    redacted = screen(text).text
    assert len(redacted.splitlines()) == len(text.splitlines())
    for original, kept in zip(text.splitlines(), redacted.splitlines()):
        if original.startswith("line "):
            assert kept == original
    assert [s.line for s in find_secrets(text)] == [5, 10, 20]


def test_text_whose_lower_case_is_longer_keeps_its_offsets():
    value = fake(ALNUM, 16)
    text = "\u0130stanbul trip \u0130\u0130 password: " + value
    found = find_secrets(text)
    assert [(s.kind, text[s.start:s.end]) for s in found] == [("password", value)]


def test_line_numbers_count_breaks_the_way_splitlines_does():
    text = "first\u2028second\r\nthird ghp_" + fake(ALNUM, 36)
    assert find_secrets(text)[0].line == len(text.splitlines())


def test_skip_file_mode_keeps_nothing_and_says_why_without_the_secret():
    text = f"notes\nkey {AWS_KEY_ID}\n"
    result = screen(text, "skip-file")
    assert result.text is None
    assert result.skip_reason == "holds a secret (aws-access-key, line 2)"
    assert AWS_KEY_ID not in result.skip_reason


def test_off_mode_keeps_the_text_as_it_is():
    text = f"key {AWS_KEY_ID}\n"
    assert screen(text, "off").text == text and screen(text, "off").found == ()


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="secrets must be one of"):
        screen("x", "maybe")


def test_describe_and_count_name_kinds_and_lines_never_values():
    text = f"a {AWS_KEY_ID}\nb ghp_{fake(ALNUM, 36)}\nc {AWS_KEY_ID[:-1]}Z\n"
    found = tuple(find_secrets(text))
    assert describe(found) == ("redacted 3 secrets: aws-access-key (line 1), github-token (line 2), "
                               "aws-access-key (line 3)")
    assert kinds_count(found) == {"aws-access-key": 2, "github-token": 1}
    assert describe(()) == ""


def test_a_specific_kind_wins_over_the_generic_assignment():
    assert kinds(f"OPENAI_API_KEY=sk-proj-{fake(ALNUM, 60)}") == ["openai-style-key"]
    assert kinds(f"GITHUB_TOKEN: ghp_{fake(ALNUM, 36)}") == ["github-token"]


NEGATIVES = [
    ("prose about passwords", "I changed my password yesterday; the new one is on a sticky note at home."),
    ("placeholder password", "password=changeme"),
    ("short password", "password: hunter2"),
    ("docs placeholder", "api_key: your-api-key-here"),
    ("env reference", "token = ${GITHUB_TOKEN}"),
    ("env lookup in code", 'password = os.environ["DB_PASSWORD"]'),
    ("function call", "token = request.headers.get('X-Token')"),
    ("attribute", "api_key = settings.api_key"),
    ("jinja", "password: {{ vault_db_password }}"),
    ("constant name", "api_key=API_KEY"),
    ("path value", "secret: /run/secrets/db2"),
    ("url value", "token_url: https://example.org/oauth2/token"),
    ("number", "pin: 12345678"),
    ("type hint", "def login(user: str, password: str) -> bool:"),
    ("a key that is not a credential", "key: C#m7 and capo 2; monkey: Bubbles2023"),
    ("tokenizer code", "tokenizer = Tokenizer.from_file(tokenizer_path)\nmax_tokens = 384"),
    ("hex colours", "colours: #ff00aa, #1e90ff and #ABCDEF"),
    ("uuid in a note", "Ticket 123e4567-e89b-12d3-a456-426614174000 was closed."),
    ("git sha", "Fixed in commit 9fceb02d0ae598e95dc970b74767f19372d61af8 and 1a410efbd13591db07496601ebc7a059dd55cfe9."),
    ("sha256", "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("urls", "See https://github.com/owner/repo/pull/42 and https://docs.python.org/3/library/re.html"),
    ("url with user only", "git clone ssh://git@example.org/me/notes.git"),
    ("url password placeholder", "postgres://user:password@localhost/db"),
    ("markdown image", "![chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                       "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)"),
    ("sk in words", "sk-learn and sk-image are shorthand I use for the libraries"),
    ("google word", "AIzawhat is not a key"),
    ("jwt-like but not json", "eyJustkidding.eyJokesonyou.nothing"),
    ("key file mention", "The header line is -----BEGIN PUBLIC KEY----- for the public half."),
    ("a phone number", "Call +44 20 7946 0958 about the password reset."),
]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_ordinary_text_is_not_a_secret(name, text):
    assert find_secrets(text) == []
    assert screen(text).text == text


def test_looks_random_needs_length_mixed_classes_and_entropy():
    assert looks_random("Summer2024!")
    assert not looks_random("aaaaaaa1")  # low entropy
    assert not looks_random("correcthorse")  # one word
    assert looks_random("qTzWbLmKpRxYvN")  # random letters flip case often
    assert not looks_random("MyDatabaseConnection")  # CamelCase flips once per word
    assert not looks_random("Ab1")  # too short
    assert entropy("") == 0.0 and entropy("abab") == 1.0


def test_a_paged_document_is_screened_page_by_page():
    pages = ("first page, nothing here", f"second page\nkey {AWS_KEY_ID}", "third page")
    extracted = Extracted("\n\n".join(pages), "pdf", pages=pages)
    kept, result = screen_extracted(extracted)
    assert kept.pages[1] == "second page\nkey [redacted: aws-access-key]"
    assert kept.text == "\n\n".join(kept.pages) and AWS_KEY_ID not in kept.text
    assert [(s.page, s.line) for s in result.found] == [(2, 2)]
    assert result.found[0].where() == "page 2 line 2"
    skipped, why = screen_extracted(extracted, "skip-file")
    assert skipped is None and why.skip_reason == "holds a secret (aws-access-key, page 2 line 2)"
    clean = Extracted("just text", "text")
    assert screen_extracted(clean)[0] is clean


def test_redact_with_nothing_found_is_the_identity():
    assert redact("plain", []) == "plain"


def test_chunks_of_a_redacted_file_keep_the_files_line_ranges():
    from pathlib import Path

    from second_me.ingest.chunking import chunks_for
    from second_me.ingest.extract import extract

    note = ("# Servers\n\nThe build box runs nightly.\n\n## Keys\n\n" + pem("OPENSSH PRIVATE KEY", lines=8)
            + "\n\nDeploy token: ghp_" + fake(ALNUM, 36) + "\n\n## After\n\nThe tomatoes need water.\n")
    extracted = extract(Path("servers.md"), note.encode())
    kept, result = screen_extracted(extracted)
    assert [(s.kind, s.line) for s in result.found] == [("private-key", 7), ("github-token", 18)]
    original = note.splitlines()
    # Chunks are cut differently (the key block is shorter now), but every line they hold is
    # where its range says it is in the file.
    for chunk in chunks_for(kept, 200):
        for line in chunk.text.splitlines():
            if line.strip() and "[redacted" not in line:
                assert line in original[chunk.start_line - 1:chunk.end_line], (chunk, line)
    tomato = next(c for c in chunks_for(kept, 200) if "tomatoes" in c.text)
    assert tomato.end_line == original.index("The tomatoes need water.") + 1
