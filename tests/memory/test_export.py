import json
import stat

from second_me.domain import Turn


def test_export_holds_everything_needed_to_rebuild(run_cli, services, notes, clock, tmp_path):
    services.indexing.add([notes])
    services.conversations.log.add_turns([Turn("c", "Ana", "I moved to Lisbon.", 1.7e9, "user", "a")], clock.timestamp())
    services.memory.summarize(60)
    chunk_id = services.memory.list(kind="chunk")[0].memory.id
    services.memory.forget(chunk_id)
    services.close()
    target = tmp_path / "export.json"
    result = run_cli("export", str(target))
    assert result.code == 0 and "plaintext" in result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text())
    assert data["format"] == "second-me-export"
    kinds = {m["kind"] for m in data["memories"]}
    assert kinds == {"chunk", "message", "fact", "summary", "portrait"}
    fact = next(m for m in data["memories"] if m["kind"] == "fact")
    assert fact["text"] == "lives in Lisbon" and fact["meta"]["slot"] == "residence"
    assert data["fact_links"] == [{"fact_id": fact["id"], "message_id": fact["message_id"]}]
    assert next(m for m in data["memories"] if m["id"] == chunk_id)["state"] == "forgotten"
    assert {"learn", "summarize", "forget"} <= {e["action"] for e in data["events"]}
    assert data["summary_children"] and data["messages"][0]["text"] == "I moved to Lisbon."
    assert run_cli("export", str(target)).code == 3  # never overwrites silently
    assert run_cli("export", str(target), "--force").code == 0
