"""Full-text search: BM25 over FTS5, with a bounded cost however many memories there are.

FTS5 ranks a question by computing bm25 for every memory that contains any of its words,
then sorting: ~1–4 µs per memory, so 100–300 ms at a million memories, where each word of a
question is in thousands of them. Most of those hold one common word and cannot reach the
top. So when a question's words are in more than EXACT_POSTINGS memories in all:

1. each word's memories are counted (cheap: no ranking), and listed unless there are more
   than SKIP_POSTINGS of them: such a word is left out of the search (it would cost a pass
   over all its memories and weighs little; bm25 gives a word in half of them no weight);
2. the candidates are the memories with a *rare* word (the rarest words first, while they
   add up to at most SINGLES memories) and those with at least two of the question's words
   (at most MAX_CANDIDATES: those with most words, then the newest);
3. only the candidates are ranked, by the same bm25 over the question's words; when every
   word is in more than SKIP_POSTINGS memories, the newest memories with the rarest word come
   back unranked (bm25 0.0): ranking them would mean counting all of them, for words that
   barely tell memories apart.

The top of this ranking is the top of the full one when the best memories hold a rare word
or several words, which is what BM25 favours; bench/README.md reports how often the two
agree. A store of at most EXACT_STORE memories (the built-in benchmarks among them) always
ranks exactly, as does a question whose words are in fewer than EXACT_POSTINGS memories in
all and a filtered search the candidates do not fill.

Every path ranks by the same weighted bm25: a memory's context column (for a turn, the words
of the turn it replies to) counts `context_weight` as much as its own words, and the same
filters (kinds, time range with the dates a message tells of, person) apply.
"""

from __future__ import annotations

import json
import re
from typing import Optional, Sequence

import numpy as np

from second_me.storage.memories import PERSON_FILTER, memory_filters, person_params

EXACT_STORE = 20_000
EXACT_POSTINGS = 1_500
SINGLES = 1_000
MAX_CANDIDATES = 3_000
SKIP_POSTINGS = 20_000

_PHRASE = re.compile(r'"(?:[^"]|"")*"')
_RANKED = ("SELECT m.id, bm25(memory_fts, 1.0, ?) AS rank FROM memory_fts JOIN memories m ON m.id = memory_fts.rowid "
           "WHERE memory_fts MATCH ? AND m.state = 'active'")


def any_match(conn, match: str) -> bool:
    """Does any active memory match this FTS5 expression? No ranking: a word in 10k memories costs
    no more than a word in one."""
    if not match:
        return False
    return conn.execute("SELECT 1 FROM memory_fts JOIN memories m ON m.id = memory_fts.rowid "
                        "WHERE memory_fts MATCH ? AND m.state = 'active' LIMIT 1", (match,)).fetchone() is not None


def any_by_or_naming(conn, names: Sequence[str], match: str) -> bool:
    """Does any active memory but a summary match this FTS5 expression, said by or naming each of
    `names`? Sam's own "we moved on Saturday!!! we're in Otley" does not say "Sam": a turn's speaker
    is beside it. (A summary sets sentences of several memories side by side: see
    `summaries_by_or_naming`.)"""
    return bool(_by_or_naming(conn, names, match, summaries=False, limit=1))


def said_between_people(conn, name: str) -> bool:
    """Is a name (someone, a place, a thing) said by or named in a chat turn of a conversation with
    another person in it (a friend, not the user alone with an assistant)?"""
    return conn.execute(
        "SELECT 1 FROM memories m JOIN messages msg ON msg.id = m.message_id "
        f"WHERE m.kind = 'message' AND m.state = 'active' AND {PERSON_FILTER} AND EXISTS "
        "(SELECT 1 FROM messages other WHERE other.conversation_id = msg.conversation_id AND other.role = 'other') "
        "LIMIT 1", person_params(name)).fetchone() is not None


def users_turns_matching(conn, match: str, limit: int) -> list[tuple[str, Optional[str]]]:
    """The user's own chat turns that match this FTS5 expression, newest first, each with who spoke
    last before it in its conversation (someone else): whom a turn calling someone by a name speaks to."""
    if not match:
        return []
    return conn.execute(
        "SELECT msg.text, (SELECT p.speaker FROM messages p WHERE p.conversation_id = msg.conversation_id "
        "AND p.speaker != msg.speaker AND (p.ts < msg.ts OR (p.ts = msg.ts AND p.id < msg.id)) "
        "ORDER BY p.ts DESC, p.id DESC LIMIT 1) "
        "FROM memory_fts JOIN memories m ON m.id = memory_fts.rowid JOIN messages msg ON msg.id = m.message_id "
        "WHERE memory_fts MATCH ? AND m.state = 'active' AND m.kind = 'message' AND msg.role = 'user' "
        "ORDER BY msg.ts DESC LIMIT ?", (match, limit)).fetchall()


def summaries_by_or_naming(conn, names: Sequence[str], match: str, limit: int) -> list[str]:
    """The texts of active summaries (and the portrait) that match and name each of `names`."""
    return _by_or_naming(conn, names, match, summaries=True, limit=limit)


def _by_or_naming(conn, names: Sequence[str], match: str, summaries: bool, limit: int) -> list[str]:
    if not match or not names:
        return []
    by_or_naming = " AND ".join([PERSON_FILTER] * len(names))
    # The name in either column, as the question's other words are matched: not `person_match`'s own words only.
    params = [value for name in names
              for value in (*person_params(name)[:2], '"' + name.replace('"', '""') + '"')]
    return [row[0] for row in conn.execute(
        "SELECT m.text FROM memory_fts JOIN memories m ON m.id = memory_fts.rowid WHERE memory_fts MATCH ? "
        f"AND m.state = 'active' AND m.kind {'IN' if summaries else 'NOT IN'} ('summary', 'portrait') "
        f"AND {by_or_naming} LIMIT ?",
        (match, *params, limit))]


def any_near_naming(conn, names: Sequence[str], match: str, turns: int) -> bool:
    """Does an active chat turn match this FTS5 expression within `turns` turns of its conversation
    of a turn said by or naming each of `names`? A chat names its subject once and goes on without
    it: "Kate and Iris are coming to stay" … "she can hold her head up now"."""
    if not match or not names:
        return False
    near = ("SELECT id FROM (SELECT id FROM messages WHERE conversation_id = mb.conversation_id AND "
            "(ts < mb.ts OR (ts = mb.ts AND id <= mb.id)) ORDER BY ts DESC, id DESC LIMIT ?) "
            "UNION SELECT id FROM (SELECT id FROM messages WHERE conversation_id = mb.conversation_id AND "
            "(ts > mb.ts OR (ts = mb.ts AND id >= mb.id)) ORDER BY ts, id LIMIT ?)")
    each = ("EXISTS (SELECT 1 FROM memories m WHERE m.state = 'active' AND m.kind = 'message' "
            f"AND m.message_id IN ({near}) AND {PERSON_FILTER})")
    params = [value for name in names for value in (turns + 1, turns + 1, *person_params(name))]
    return conn.execute(
        "SELECT 1 FROM memory_fts JOIN memories b ON b.id = memory_fts.rowid JOIN messages mb ON mb.id = b.message_id "
        "WHERE memory_fts MATCH ? AND b.state = 'active' AND b.kind = 'message' "
        f"AND {' AND '.join([each] * len(names))} LIMIT 1", (match, *params)).fetchone() is not None


def or_phrases(match: str) -> Optional[list[str]]:
    """The quoted phrases of an expression `"a" OR "b" OR …`, or None for any other expression."""
    phrases = _PHRASE.findall(match)
    return phrases if phrases and " OR ".join(phrases) == match.strip() else None


def search(conn, match: str, limit: int, kinds: Sequence[str], since: Optional[float], until: Optional[float],
           person: Optional[str], told: bool, context_weight: float, bounded: bool = True) -> list[tuple[int, float]]:
    """(memory id, bm25) best first, active memories only. `match` is an FTS5 expression; `person`:
    only memories by or about them; `told`: the time range also takes memories telling of a date in it."""
    if not match:
        return []
    filters, params = memory_filters(kinds, since, until, "m.", facts_while_valid=True, told=told)
    if person:
        filters += f" AND {PERSON_FILTER}"
        params += person_params(person)
    weight = float(context_weight)
    phrases = or_phrases(match) if bounded and _store_size(conn) > EXACT_STORE else None
    hits = None
    if phrases:
        counts = [_count(conn, phrase) for phrase in phrases]
        if sum(counts) > EXACT_POSTINGS:
            hits = _ranked_candidates(conn, phrases, counts, limit, weight, filters, params)
    if hits is None:
        hits = _ranked(conn, match, limit, weight, filters, params)
    if hits is None:  # the filters left too few of the best: rank only what they allow
        sql = _RANKED + filters + " ORDER BY rank LIMIT ?"
        hits = [(row[0], row[1]) for row in conn.execute(sql, [weight, match, *params, limit]).fetchall()]
    return hits


def _ranked(conn, match: str, limit: int, weight: float, filters: str, params: list,
            within: Optional[np.ndarray] = None) -> Optional[list[tuple[int, float]]]:
    """Rank in FTS5 alone (no lookup of each match's memory), then check the best few against the
    memories table; None when too few of them are active and pass the filters."""
    wanted = 2 * limit + 10
    if within is None:  # FTS5's own sorter: ranks every match
        rows = conn.execute("SELECT rowid, rank FROM memory_fts WHERE memory_fts MATCH ? AND rank MATCH ? "
                            "ORDER BY rank LIMIT ?", (match, f"bm25(1.0, {weight!r})", wanted)).fetchall()
    else:
        rows = conn.execute("SELECT rowid, bm25(memory_fts, 1.0, ?) AS score FROM memory_fts WHERE memory_fts MATCH ? "
                            "AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY score LIMIT ?",
                            (weight, match, json.dumps(within.tolist()), wanted)).fetchall()
    if not rows:
        return []
    marks = ",".join(str(row[0]) for row in rows)
    keep = {row[0] for row in conn.execute(f"SELECT m.id FROM memories m WHERE m.id IN ({marks}) "
                                           f"AND m.state = 'active'{filters}", params)}
    hits = [(row[0], row[1]) for row in rows if row[0] in keep][:limit]
    # All matches seen, or (among candidates) all of them with nothing filtered out: complete.
    complete = len(rows) < wanted and (within is None or not filters)
    return hits if len(hits) >= limit or complete else None


def _store_size(conn) -> int:
    """The largest memory id: at least the number of memories, and a single index lookup."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM memories").fetchone()[0]


def _count(conn, phrase: str) -> int:
    """Memories holding the phrase, counted up to SKIP_POSTINGS + 1."""
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM memory_fts WHERE memory_fts MATCH ? LIMIT ?)",
                        (phrase, SKIP_POSTINGS + 1)).fetchone()[0]


def _memories_with(conn, phrase: str) -> np.ndarray:
    (joined,) = conn.execute("SELECT group_concat(rowid) FROM memory_fts WHERE memory_fts MATCH ?", (phrase,)).fetchone()
    return np.fromstring(joined, dtype=np.int64, sep=",") if joined else np.zeros(0, dtype=np.int64)


def _newest(conn, phrase: str, limit: int, filters: str, params: list) -> list[tuple[int, float]]:
    """Every word is in more than SKIP_POSTINGS memories: bm25 would have to count them all (~1 µs
    each) to weigh words that say almost nothing. The newest memories with the rarest word, unranked."""
    rows = conn.execute(_RANKED.replace("bm25(memory_fts, 1.0, ?)", "0.0") + filters + " ORDER BY memory_fts.rowid DESC LIMIT ?",
                        [phrase, *params, limit]).fetchall()
    return [(row[0], row[1]) for row in rows]


def _ranked_candidates(conn, phrases: list[str], counts: list[int], limit: int, weight: float, filters: str,
                       params: list) -> Optional[list[tuple[int, float]]]:
    """Rank the candidates (see the module's docstring); None when the filters leave too few of them."""
    order = sorted(range(len(phrases)), key=lambda i: counts[i])
    kept = [i for i in order if counts[i] <= SKIP_POSTINGS]
    if not kept:
        return _newest(conn, phrases[order[0]], limit, filters, params)
    lists = {i: _memories_with(conn, phrases[i]) for i in kept}
    candidates: list[np.ndarray] = []
    singles = 0
    for i in kept:
        if singles + counts[i] > SINGLES:
            break
        candidates.append(lists[i])
        singles += counts[i]
    ids, times = np.unique(np.concatenate(list(lists.values())), return_counts=True)
    shared, times = ids[times >= 2], times[times >= 2]
    # Most words first, then newest: what the cap keeps when a question's words are everywhere.
    candidates.append(shared[np.lexsort((-shared, -times))][:MAX_CANDIDATES])
    chosen = np.unique(np.concatenate(candidates))
    if len(chosen) < limit:  # too few: the newest memories of the rarest words fill up
        chosen = np.unique(np.concatenate([chosen] + [lists[i][-limit:] for i in kept]))
    return _ranked(conn, " OR ".join(phrases[i] for i in kept), limit, weight, filters, params, within=chosen)
