from datetime import datetime, timezone

from second_me.domain import Turn
from second_me.memory.summary_tree import SummaryTree, extractive_summary
from second_me.models.fake import FakeChatModel


def _ts(text):
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


class CountingModel(FakeChatModel):
    """Summarises by echoing the last words of its input; counts the calls."""

    def __init__(self):
        super().__init__(lambda messages: "In short: " + " ".join(messages[-1].content.split()[-12:]) + ".",
                         parameters=1_500_000_000)  # a capable model: a small one's summaries are extractive


def _tree(services, model=None):
    return SummaryTree(services.store, lambda: services.embedder, (lambda: model) if model else None, 30.0)


def _nodes(services):
    with services.store.db.read() as conn:
        return {(level, key): memory_id for level, key, memory_id in
                conn.execute("SELECT level, key, memory_id FROM summary_nodes")}


def _chat(services):
    turns = [
        Turn("breakfast", "Ana", "We tried the new bakery on Main Street.", _ts("2024-05-06T08:00"), "user", "1"),
        Turn("breakfast", "Ana", "The cardamom buns were the best.", _ts("2024-05-06T08:05"), "user", "2"),
        Turn("evening", "Ana", "Cello practice: the Bach prelude is getting smoother.", _ts("2024-05-06T20:00"), "user", "3"),
        Turn("trip", "Ana", "Booked the train to Vienna for the concert.", _ts("2024-05-09T10:00"), "user", "4"),
    ]
    services.conversations.log.add_turns(turns, services.clock.timestamp())


def test_tree_levels_children_and_drill_down(services, notes, clock):
    services.indexing.add([notes])
    _chat(services)
    model = CountingModel()
    report = _tree(services, model).refresh(clock.timestamp())
    nodes = _nodes(services)
    levels = sorted({level for level, _ in nodes})
    # 3 documents in one folder, 3 sessions on 2 days of one week of one month; single-child
    # levels (the 05-09 day, the week's month) are stood in for by their child.
    assert levels == ["day", "document", "folder", "portrait", "session", "week"]
    assert ("day", "2024-05-06") in nodes and ("day", "2024-05-09") not in nodes and ("week", "2024-W19") in nodes
    assert report.built == len(nodes) and len(model.prompts) == len(nodes)
    week = services.memory.lifecycle.detail(nodes[("week", "2024-W19")], clock.timestamp())
    assert set(week.children) == {nodes[("day", "2024-05-06")], nodes[("session", "trip")]}
    portrait = services.store.get(nodes[("portrait", "user")])
    assert portrait.kind == "portrait" and portrait.text.startswith("Portrait of the user: In short:")
    session = services.memory.lifecycle.detail(nodes[("session", "breakfast")], clock.timestamp())
    assert len(session.children) == 2
    assert services.store.get(session.children[0]).parent_id == session.view.memory.id


def test_only_dirty_nodes_are_rebuilt(services, notes, clock):
    services.indexing.add([notes])
    _chat(services)
    tree = _tree(services, CountingModel())
    tree.refresh(clock.timestamp())
    before = _nodes(services)
    model = CountingModel()
    assert _tree(services, model).refresh(clock.timestamp()).built == 0 and model.prompts == []

    services.conversations.log.add_turns([Turn("trip", "Ana", "The hotel is near the Naschmarkt.",
                                           _ts("2024-05-09T11:00"), "user", "5")], clock.timestamp())
    report = _tree(services, model).refresh(clock.timestamp())
    # The trip session, the week above it, the portrait on top: nothing else.
    assert report.built == 3 and len(model.prompts) == 3
    assert _nodes(services) == before  # rebuilt in place: ids stay, citations stay valid

    with services.store.db.transaction() as conn:  # the indexer flags a changed document
        conn.execute("UPDATE summary_nodes SET dirty = 1 WHERE level = 'document' AND key LIKE '%bicycle.md'")
    # Rebuilt; its text came out the same, so nothing above it needs rebuilding.
    assert _tree(services, model).refresh(clock.timestamp()).built == 1


def test_budget_leaves_the_rest_dirty(services, clock):
    _chat(services)
    first = _tree(services, CountingModel()).refresh(clock.timestamp(), budget_seconds=0)
    assert first.built == 0 and first.dirty_left >= 3
    assert _tree(services).refresh(clock.timestamp()).dirty_left == 0


def test_long_inputs_are_map_reduced_and_bad_output_falls_back(services, clock):
    long_turns = [Turn("diary", "Ana", f"Day {i}: walked {i} km along the river and wrote notes. " * 8,
                       _ts("2024-06-01") + i, "user", str(i)) for i in range(30)]
    services.conversations.log.add_turns(long_turns, clock.timestamp())
    model = FakeChatModel("ok\nok\nok", parameters=1_500_000_000)  # useless output
    _tree(services, model).refresh(clock.timestamp())
    session = services.store.get(_nodes(services)[("session", "diary")])
    assert len(model.prompts) > 3  # map, then reduce
    assert session.text.startswith("Summary of conversation diary: Ana: Day 0: walked 0 km")


def test_summaries_are_searchable_and_deleted_with_their_subject(run_cli, services, clock):
    _chat(services)
    _tree(services).refresh(clock.timestamp())
    services.close()
    found = run_cli("search", "cardamom buns bakery", "--kind", "summary", "--json").json()["results"]
    assert found and all(r["kind"] in ("summary", "portrait") for r in found)
    assert found[0]["text"].startswith("Summary of conversation breakfast:")
    assert run_cli("search", "x", "--kind", "poem").code == 3
    run_cli("conversations", "delete", "breakfast")
    found = run_cli("search", "cardamom buns bakery", "--kind", "summary", "--json").json()["results"]
    assert not any(r["text"].startswith("Summary of conversation breakfast") for r in found)
    out = run_cli("summarize", "--budget", "30").out
    assert "summaries:" in out and "facts:" in out


def test_extractive_summary_takes_first_sentences():
    texts = ["Bulk ferment 4 to 5 hours. Then shape.", "Summary of x: Proof overnight in the fridge! Bake hot.",
             "Bulk ferment 4 to 5 hours. Again."]
    assert extractive_summary(texts) == "Bulk ferment 4 to 5 hours. Proof overnight in the fridge!"
    # A fact is not a sentence: it is ended as one, so the next does not run on from it.
    assert extractive_summary(["has a dog named Pickle", "lives in Leith"]) == "has a dog named Pickle. lives in Leith."


def test_an_extractive_summary_of_a_chat_keeps_what_tells_something():
    """A turn's first sentence is often a greeting ("hey!"): the sentences after it are taken while
    it tells little. When the turns do not all fit, chatter and questions back give way."""
    turns = ["Lena: hey! how was the move?",
             "Raj: exhausting but we're in. the new flat is in Leith, right by the water",
             "Raj: haha classic", "Raj: got the job!!! senior designer at Fernwood Studio, start in April",
             "Lena: which app?"]
    assert extractive_summary(turns, limit=160) == (
        "Raj: exhausting but we're in. the new flat is in Leith, right by the water. "
        "Raj: got the job!!! senior designer at Fernwood Studio, start in April.")
    assert extractive_summary(turns).startswith("Lena: hey! how was the move? Raj: exhausting")  # all fit: all kept


def test_a_small_models_summaries_are_extractive(services, clock):
    _chat(services)
    small = CountingModel()
    small._profile = FakeChatModel()._profile  # the built-in model's size: it invents what it summarises
    _tree(services, small).refresh(clock.timestamp())
    assert small.prompts == []
    session = services.store.get(_nodes(services)[("session", "breakfast")])
    assert session.text.startswith("Summary of conversation breakfast:")


def test_a_summary_sentence_the_memories_do_not_support_is_dropped(services, clock):
    _chat(services)
    model = FakeChatModel("The user had cardamom buns at the bakery. The user grew up in a family of farmers.",
                          parameters=1_500_000_000)
    _tree(services, model).refresh(clock.timestamp())
    session = services.store.get(_nodes(services)[("session", "breakfast")])
    assert "cardamom buns" in session.text and "farmers" not in session.text


def test_summaries_written_before_the_telling_extract_are_written_again(services, settings, clock):
    """Migration 11: every summary is flagged, and the next refresh writes it again."""
    from tests.storage.legacy import reopened_at

    _chat(services)
    _tree(services).refresh(clock.timestamp())
    with reopened_at(services, settings, 10) as conn:
        flags = {row[0] for row in conn.execute("SELECT dirty FROM summary_nodes")}
    assert flags == {1}


def test_a_summary_above_another_leaves_out_its_title_even_with_a_colon_in_its_key(services, clock):
    """A chat export's conversation is named "WhatsApp: Raj Mehta": the portrait quotes what the
    conversation's summary says, not "Raj Mehta:" left over from its title."""
    services.conversations.log.add_turns([
        Turn("WhatsApp: Raj Mehta", "Lena", "hey! how was the move?", _ts("2024-03-02T20:14"), "user", "1"),
        Turn("WhatsApp: Raj Mehta", "Raj Mehta", "exhausting but we're in. the new flat is in Leith",
             _ts("2024-03-02T20:20"), "user", "2")], clock.timestamp())
    _tree(services).refresh(clock.timestamp())
    with services.store.db.read() as conn:
        (portrait,) = conn.execute("SELECT text FROM memories WHERE kind = 'portrait'").fetchone()
    assert portrait.startswith("Portrait of the user: Lena: hey! how was the move? Raj Mehta: exhausting"), portrait


def test_the_portrait_of_the_user_leaves_out_what_others_said():
    from second_me.memory.summary_tree import Speakers, in_own_words

    speakers = Speakers(frozenset({"Aisha Khan", "Tom Berg", "ChatGPT"}), frozenset({"Aisha Khan", "ChatGPT"}))
    text = ("Aisha Khan: Plot 14 is officially ours!! Signed the tenancy. Tom Berg: amazing. I'll bring the "
            "strimmer: the brambles are tall. ChatGPT: Beer traps work.")
    assert in_own_words(text, speakers) == "Tom Berg: amazing. I'll bring the strimmer: the brambles are tall."
    assert in_own_words("Aisha Khan: slugs ate my lettuces.", speakers) == ""
    # A summary's title before its first turn is no one's words: "Plot 14:" of the chat's name is no speaker.
    assert in_own_words("Summary of conversation Telegram: Plot 14: Aisha Khan: slugs ate my lettuces.", speakers) == ""
    note = "Notes on the allotment: potatoes first."
    assert in_own_words(note, speakers) == note


def test_a_chat_exported_with_others_in_it_makes_a_portrait_of_the_user_alone(services, clock, settings):
    from second_me.storage import migrations
    from second_me.storage.store import open_store

    services.conversations.log.add_turns([
        Turn("Telegram: Plot 14", "Aisha Khan", "Plot 14 is officially ours!! Signed the tenancy this morning.",
             _ts("2026-05-02T09:12"), "other", "1"),
        Turn("Telegram: Plot 14", "Tom Berg", "amazing. I'll bring the strimmer on Saturday.",
             _ts("2026-05-02T09:20"), "user", "2")], clock.timestamp())
    _tree(services).refresh(clock.timestamp())
    with services.store.db.read() as conn:
        (portrait,) = conn.execute("SELECT text FROM memories WHERE kind = 'portrait'").fetchone()
    assert portrait == "Portrait of the user: Tom Berg: amazing. I'll bring the strimmer on Saturday.", portrait
    # A store from before had written it with Aisha's words first: it is written again.
    number = next(i for i, step in enumerate(migrations.MIGRATIONS, start=1)
                  if step.__name__ == "_m23_portraits_in_the_users_own_words")
    with services.store.db.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {number - 1}")
    services.store.close()
    store = open_store(settings)
    try:
        with store.db.read() as conn:
            assert conn.execute("SELECT dirty FROM summary_nodes WHERE level = 'portrait'").fetchone() == (1,)
    finally:
        store.close()
