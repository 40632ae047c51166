"""Which evaluated prompt to bring back, and which to forget: bookkeeping only, no model."""

from __future__ import annotations

from second_me.models.prompt_cache import (MIN_GAIN_TOKENS, MIN_SAVED_TOKENS, PromptCache, SavedPrompt,
                                           shared_length)

ANSWER = tuple(range(100))  # fixed instructions 0..59, then the memories and the question
CHECK = tuple(range(1000, 1080))


def saved(tokens, size: int = 10) -> SavedPrompt:
    return SavedPrompt(tuple(tokens), bytes(size))


def test_shared_length_counts_from_the_start():
    assert shared_length([1, 2, 3, 4], [1, 2, 9, 4]) == 2
    assert shared_length([], [1]) == 0
    assert shared_length([1, 2], [1, 2, 3]) == 2


def test_the_saved_prompt_sharing_most_is_restored():
    cache = PromptCache()
    cache.add(saved(ANSWER))
    cache.add(saved(CHECK))
    next_answer = ANSWER[:60] + tuple(range(500, 540))
    assert cache.worth_restoring(next_answer, live_shared=0) == saved(ANSWER)
    assert (cache.restored, cache.restored_tokens) == (1, 60)
    assert cache.worth_restoring(CHECK[:50] + (7,) * 30, live_shared=0).tokens == CHECK


def test_nothing_is_restored_when_the_live_sequence_shares_about_as_much():
    cache = PromptCache()
    cache.add(saved(ANSWER))
    next_answer = ANSWER[:60] + (5,) * 40
    assert cache.worth_restoring(next_answer, live_shared=60 - MIN_GAIN_TOKENS + 1) is None
    assert cache.worth_restoring(next_answer, live_shared=60 - MIN_GAIN_TOKENS) is not None
    assert cache.worth_restoring(tuple(range(2000, 2100)), live_shared=0) is None


def test_the_live_sequence_is_saved_only_when_cutting_it_loses_enough():
    cache = PromptCache()
    assert cache.should_save(ANSWER, live_shared=len(ANSWER) - MIN_SAVED_TOKENS)
    assert not cache.should_save(ANSWER, live_shared=len(ANSWER) - MIN_SAVED_TOKENS + 1)
    cache.add(saved(ANSWER + (1, 2, 3)))
    assert not cache.should_save(ANSWER, live_shared=0)  # already saved, and more
    assert not PromptCache(max_bytes=0).should_save(ANSWER, live_shared=0)  # the cache is off


def test_a_saved_prompt_the_new_one_starts_with_is_dropped():
    cache = PromptCache()
    cache.add(saved(ANSWER[:60]))
    cache.add(saved(CHECK))
    cache.add(saved(ANSWER))
    assert cache.saved == [CHECK, ANSWER]


def test_least_recently_used_goes_first_within_count_and_bytes():
    cache = PromptCache(max_bytes=100, max_entries=3)
    prompts = [tuple(range(start, start + 50)) for start in (0, 100, 200, 300)]
    for tokens in prompts[:3]:
        cache.add(saved(tokens, size=30))
    cache.worth_restoring(prompts[0], live_shared=0)  # used again: now the most recent
    cache.add(saved(prompts[3], size=30))
    assert [tokens[0] for tokens in cache.saved] == [200, 0, 300]
    cache.add(saved(tuple(range(400, 450)), size=60))
    assert [tokens[0] for tokens in cache.saved] == [300, 400] and cache.nbytes == 90
    cache.add(saved(tuple(range(500, 550)), size=101))  # larger than the whole budget: not kept
    assert len(cache) == 2
    cache.clear()
    assert len(cache) == 0 and cache.nbytes == 0
