"""ChatGPT's and Claude's data exports: the branch the user saw, roles, names, attachments."""

from __future__ import annotations

import json

from second_me.ingest.chat_exports import read_export
from tests.ingest.chat_exports.helpers import CHATGPT, CLAUDE, turns, utc, write, zipped


def test_chatgpt_reads_the_current_branch_only():
    lisbon = [t for t in turns(CHATGPT) if t.conversation == "ChatGPT: Trip to Lisbon (2023-07-06)"]
    assert [(t.external_id, t.role, t.speaker) for t in lisbon] == [
        ("u-1", "user", "me"), ("a-2", "assistant", "ChatGPT"), ("u-2", "user", "me"), ("a-3", "assistant", "ChatGPT")]
    # The regenerated answer (a-1) and the edited-away question (u-2a) are other branches.
    assert "Alfama" not in " ".join(t.text for t in lisbon)
    assert lisbon[0].text.endswith("Where should we stay? 🇵🇹")
    assert lisbon[1].text == "Baixa or Chiado are central and flat:\n\n- close to trams\n- easy day trips to Sintra"
    assert lisbon[2].text == "[image]\nWhat is this building? I took the photo near the river."
    assert lisbon[0].timestamp == 1688630410.5


def test_chatgpt_skips_system_tool_and_hidden_nodes():
    reading = read_export(CHATGPT)
    # system prompt, custom instructions, the browser call and the browser's result
    assert reading.skipped == 4
    texts = " ".join(t.text for t in reading)
    assert "Be brief" not in texts and "search(" not in texts and "Belem Tower ..." not in texts


def test_chatgpt_same_titles_get_their_ids_and_a_missing_time_follows_the_one_before():
    reading = read_export(CHATGPT)
    assert [c.name for c in reading.conversations] == [
        "ChatGPT: Trip to Lisbon (2023-07-06)", "ChatGPT: New chat (2023-07-07) [7b2e1d3f]",
        "ChatGPT: New chat (2023-07-07) [8c3f2e40]"]
    egg = [t for t in reading if t.conversation.endswith("[7b2e1d3f]")]
    assert egg[1].text.startswith("Six minutes") and egg[1].timestamp == egg[0].timestamp == 1688716810.0


def test_chatgpt_without_current_node_follows_the_newest_message(tmp_path):
    data = json.loads(CHATGPT.read_text(encoding="utf-8"))
    data[0]["current_node"] = None
    texts = [t.text for t in turns(write(tmp_path, "conversations.json", json.dumps(data)))][:4]
    assert texts[-1].startswith("That is the Belém Tower")


def test_chatgpt_zip_export_and_me(tmp_path):
    export = zipped(tmp_path, "chatgpt-export.zip", {"user.json": '{"id": "user-1", "email": "a@example.org"}',
                                                     "chat.html": "<html></html>", "conversations.json": CHATGPT})
    reading = read_export(export, me="Ana")
    assert reading.format == "chatgpt" and reading.label == "chatgpt-export.zip (conversations.json)"
    first = next(iter(reading))
    assert (first.speaker, first.role) == ("Ana", "user")


def test_claude_messages_attachments_and_untitled():
    got = turns(CLAUDE)
    assert [(t.conversation, t.external_id, t.role, t.speaker) for t in got] == [
        ("Claude: Sourdough schedule (2024-03-02)", "m-0001", "user", "me"),
        ("Claude: Sourdough schedule (2024-03-02)", "m-0002", "assistant", "Claude"),
        ("Claude: Sourdough schedule (2024-03-02)", "m-0003", "user", "me"),
        ("Claude: Sourdough schedule (2024-03-02)", "m-0004", "assistant", "Claude"),
        ("Claude: Untitled (2024-03-05)", "m-0101", "user", "me"),
        ("Claude: Untitled (2024-03-05)", "m-0102", "assistant", "Claude")]
    assert got[0].text.endswith("What am I doing wrong?\n\n[attachment: feeding-log.txt]")
    assert got[1].text == "It is hungry: the acetone smell means it ran out of food.\n\nFeed it twice a day at 1:1:1."
    assert got[2].text == "[attachment: bubbles-day-3.jpg]"
    assert got[3].text.startswith("Lovely rise!")  # a message with only the flat text field
    assert got[5].text == "A fossil-dig kit and a trip to the Natural History Museum."  # tool blocks left out
    assert got[0].timestamp == utc(2024, 3, 2, 9, 15, 0) + 0.123456
    assert "🦕" in got[4].text


def test_claude_empty_conversations_are_not_named():
    assert [c.name for c in read_export(CLAUDE).conversations] == [
        "Claude: Sourdough schedule (2024-03-02)", "Claude: Untitled (2024-03-05)"]
