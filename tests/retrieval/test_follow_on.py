"""What a chat turn found brings along (its replies, its speaker's next turns), and the answer a
question asks for preferred: "£640 though" for "How much was Bunsen's vet bill?"."""

from dataclasses import replace
from datetime import datetime, timezone

from second_me.domain import Memory, Turn
from second_me.retrieval import follow_on
from second_me.retrieval.answer_type import asked_words, wanted_kind
from second_me.retrieval.chatter import typed_prior
from second_me.retrieval.follow_on import GOES_ON_SHARE, PHOTO_SHARE, with_what_follows
from second_me.retrieval.hybrid import FusionWeights, SearchOptions


def _told(services, conversation: str, *said: tuple[str, str]) -> dict[str, int]:
    """(speaker, words) turns of one conversation a minute apart; words → memory id."""
    start = datetime(2025, 3, 4, 9, tzinfo=timezone.utc).timestamp()
    turns = [Turn(conversation, speaker, words, start + 60 * minute, "user", f"{conversation}-{minute}")
             for minute, (speaker, words) in enumerate(said)]
    services.conversations.log.add_turns(turns, services.clock.timestamp())
    hits = services.answering.search(" ".join(words for _, words in said), SearchOptions(k=50)).hits
    return {h.memory.text.split(": ", 1)[1]: h.memory.id for h in hits}


VET = "Bunsen had to go to the vet yesterday, he swallowed a hair tie"
ASKED = "oh no!! is he ok?"
COST = "he's fine, home in a cone and very offended. £640 though"
LATER = "anyway the five-a-side lot are coming round tonight"


def test_a_turn_found_brings_what_its_speaker_said_next(services):
    ids = _told(services, "c1", ("Owen", VET), ("Mei", ASKED), ("Owen", COST), ("Mei", "poor Bunsen"),
                ("Owen", LATER))
    other = _told(services, "c2", ("Mei", "the vet says my plant is fine"), ("Mei", "it was never the vet's problem"))
    found = [(ids[VET], 0.8), (other["the vet says my plant is fine"], 0.3), (ids[LATER], 0.2),
             (other["it was never the vet's problem"], 0.01)]
    # Said two turns later, after the other's question: it ranks at a share of the turn it follows,
    # and the list keeps its length. Four turns on is another subject: that turn keeps its own.
    assert with_what_follows(services.store, found, None) == [
        (ids[VET], 0.8), (ids[COST], GOES_ON_SHARE * 0.8), found[1], (ids[LATER], 0.2)]
    # Only what may be returned: someone else's memories, or a hard filter, keep it out.
    assert with_what_follows(services.store, found, among=[ids[VET]]) == found


def test_a_photo_sent_next_ranks_nearly_as_the_turn_it_shows(services):
    """"we went camping at Manzanita", then the picture: what "What did Eli make in the sand?" asks
    about, sharing no word with it, ranks nearly as the turn it shows; a turn of words only, at its share."""
    camping = "we went camping at Manzanita last weekend"
    photo = "[photo: a boy kneeling beside a sand sculpture of an ambulance]"
    ids = _told(services, "c1", ("Dom", camping), ("Dom", photo), ("Dom", LATER))
    found = [(ids[camping], 0.6), (ids[LATER], 0.4), (ids[photo], 0.1)]
    assert with_what_follows(services.store, found, None) == [
        (ids[camping], 0.6), (ids[photo], PHOTO_SHARE * 0.6), (ids[LATER], 0.4)]


def test_a_turn_that_says_little_is_not_brought_along(services):
    ids = _told(services, "c1", ("Owen", VET), ("Owen", "haha"))
    found = [(ids[VET], 0.9), (ids["haha"], 0.05)]
    assert with_what_follows(services.store, found, None) == found


def test_the_speakers_next_turn_is_found_for_a_question_only_the_first_matches(services, monkeypatch):
    _told(services, "c1", ("Owen", VET), ("Owen", COST))
    _told(services, "c2", *[("Mei", f"my vet {i} has nice hair") for i in range(6)])
    searcher = services.answering.searcher()
    now = services.clock.timestamp()

    def found(share: float) -> list[str]:
        monkeypatch.setattr(follow_on, "GOES_ON_SHARE", share)
        # By meaning alone: a turn's words are searched with the turn before it already (its context key).
        hits = searcher.search("did the vet find the hair tie he swallowed", SearchOptions(k=3, use_bm25=False),
                               now).hits
        return [h.memory.text for h in hits]

    assert f"Owen: {COST}" in found(GOES_ON_SHARE)
    assert f"Owen: {COST}" not in found(0.0)


def _turn(text: str) -> Memory:
    return Memory(1, "message", f"Owen: {text}", 0.0, None, 7.0, 0, False, "active", speaker="Owen")


def test_asked_how_much_a_turn_stating_an_amount_is_preferred():
    asked = "How much was Bunsen's vet bill?"
    kind, words = wanted_kind(asked), asked_words(asked)
    assert typed_prior(_turn(COST), kind, words, 0.5) == 1.5
    assert typed_prior(_turn(VET), kind, words, 0.5) == 1.0
    # A name is any capitalised word, and asked when, the days a memory tells of judge.
    for loose in ("Who looked after Bunsen?", "When did Bunsen go to the vet?"):
        assert typed_prior(_turn("Mei took him, on 4 March"), wanted_kind(loose), asked_words(loose), 0.5) == 1.0
    # A note's section states numbers and amounts of all it covers ("## Costs: boat 18,000 kr…").
    note = Memory(2, "chunk", "## Costs\n- Boat: 18,000 kr\n- Vet: £640", 0.0, None, 7.0, 0, False, "active")
    assert typed_prior(note, kind, words, 0.5) == 1.0


def test_the_amount_outranks_the_turns_naming_the_thing_most(services):
    _told(services, "c1", ("Owen", "Bunsen's vet bill again"), ("Owen", "the vet sent Bunsen's bill: £640"))
    searcher = services.answering.searcher()
    now = services.clock.timestamp()

    def first(typed: float) -> str:
        searcher.weights = replace(searcher.weights, typed=typed)
        return searcher.search("How much was Bunsen's vet bill?", SearchOptions(k=2), now).hits[0].memory.text

    assert "£640" in first(FusionWeights().typed)
    assert "£640" not in first(0.0)
