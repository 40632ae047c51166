"""The sentences a memory can be quoted by, and where each stands.

A chunk is cut into sentences: a Markdown heading stays as context (with the file's name), a
wrapped line is joined, a list item stands alone, a table row is quoted under its header row,
and a sentence leaning on the one before ("It is ready when…") is quoted with it. Each knows the
file line it starts on when that can be told. A chat turn is quoted whole, its speaker as context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional, Sequence

from second_me.domain import ConversationOrigin, FileOrigin, Hit, Memory, assistant_chat_title, utc_day
from second_me.retrieval.note_context import HEADING, note_title, under_heading
from second_me.text.names import TOKEN, fold
from second_me.text.sentences import split_sentences
from second_me.text.table_rows import RECORD, ROW as TABLE_ROW
from second_me.text.tasks import task_state

MAX_QUOTE_CHARS = 400
MAX_LIST_ITEMS = 15  # a longer list is quoted by its best items only
MAX_ITEM_CHARS = 200  # a list item up to this long is one quote, however many sentences it has
FRAGMENT_WORDS = 5  # a sentence this short after a longer one on its line is quoted with it
# A photo or sound sent without a caption, as the chat importers write it: nothing to quote.
_BARE_MEDIA = re.compile(r"^\[(?:photo|video|audio|sticker|gif|media|contact|video message|voice message)\]$", re.I)
# A sentence that leans on the one before it is quoted with it ("It is ready when…").
_LEANS_BACK = re.compile(r"^(?:it|this|that|these|those|they|he|she|then|so|after that|there)\b", re.I)
# A line naming the list under it ("Abandoned:", "To buy at Lidl:"): a heading for that list's items.
_LIST_LABEL = re.compile(r"^\s{0,3}([^\W\d_][^:.!?]{0,60}):\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
# A log's entry, a line opening with its day ("2026-08-24: Physio again. Shoulder better; stop the wall
# slides", or as a list's item, "- 2026-11-01: 129/82"): quoted whole like a list item, its day with it,
# and dated by it (`entry_date`).
_LOG_ENTRY = re.compile(r"^\s*(?:[-*+•]\s+)?(\d{4}-\d{2}-\d{2})\s*(?::|[-–—]\s)\s*\S")
_ROW_DATE = re.compile(r"(?:^|; )[^:;]{1,40}: (\d{4}-\d{2}-\d{2})(?:;|$)")
_NAMED_ROLE = re.compile(r"^[A-Z][\w ]{0,30}: (?:[A-Z][\w'’-]*\.? ?){1,4}$")  # "Electrician: Lorna Price."
_LABELLED = re.compile(r"^[A-Z][\w ]{0,20}: \S+\s+\S")  # "Day 3: day trip to Sintra.", not "Owner: me."
LABELLED_WORDS = 6
_RECORDS_HEADER = re.compile(r"^[^|;:\n]+(?: \| [^|;:\n]+)+$")  # a spreadsheet's column names, as indexed
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")


@dataclass(frozen=True)
class Sentence:
    text: str  # as quoted
    context: str  # the heading path or speaker it stands under (scored with it, not quoted)
    hit: Hit
    hit_rank: int
    position: int  # order inside its memory
    line: Optional[int]  # the file line it starts on, when known
    score: float = 0.0
    answers: str = ""  # of a chat turn replying to a question turn, that turn's words (scored with it)
    goes_on_from: str = ""  # of a chat turn going on from its speaker's turn just before, that turn's words (the same)


@dataclass
class _Unit:
    text: str
    line_index: int  # line of the memory's text where it starts
    context: str
    previous: Optional["_Unit"] = field(default=None, repr=False)
    header: str = ""  # a table row's header row: quoted with it, a row alone says nothing


def _units(memory: Memory, speaker: Optional[str], title: str = "") -> list[_Unit]:
    """The memory's sentences with the line each starts on (in its own text) and their context:
    the file's name and the headings above them, or who said them."""
    text = memory.text
    if speaker and text.startswith(f"{speaker}: "):
        text = " " * (len(speaker) + 2) + text[len(speaker) + 2:]  # keep offsets; the speaker is the context
    lines = text.split("\n")
    headings: list[tuple[int, str]] = []
    units: list[_Unit] = []
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if not paragraph:
            return
        joined, starts = "", []
        for index, line in paragraph:
            if joined:
                joined += " "
            starts.append((len(joined), index))
            joined += line.strip()
        context = " > ".join([title] * bool(title) + [name for _, name in headings] + [label] * bool(label)) \
            or (speaker or "")
        if _an_item(paragraph[0][1]) and len(joined) <= MAX_ITEM_CHARS:
            # A short list item is quoted whole: "9 Nov: long run, 14 km in 1:21. New longest run since
            # the injury." — its second sentence alone does not say which run was the longest.
            units.append(_Unit(joined, paragraph[0][0], context, units[-1] if units and units[-1].context == context
                               else None))
            paragraph.clear()
            return
        for sentence, offset in split_sentences(joined):
            index = max(i for position, i in starts if position <= offset)
            unit = _Unit(sentence, index, context, units[-1] if units and units[-1].context == context else None)
            units.append(unit)
        paragraph.clear()

    if speaker is not None and len(text.strip()) <= MAX_QUOTE_CHARS:
        # A chat turn is quoted whole: its sentences lean on each other.
        return [_Unit(text.strip(), 0, title or speaker)]
    header = label = ""
    for index, line in enumerate(lines):
        if label and line.strip() and not _LIST_ITEM.match(line) and not _goes_on(paragraph, line):
            flush()
            label = ""  # the labelled list has ended (not at an item's wrapped line)
        if TABLE_ROW.match(line):
            flush()
            if _TABLE_RULE.match(line):
                continue  # |---|---|
            if not header:
                header = line.strip()  # quoted with each row below it, not alone
                continue
            context = " > ".join([title] * bool(title) + [name for _, name in headings]) or (speaker or "")
            units.append(_Unit(line.strip(), index, context, header=header))
            continue
        header = ""
        if HEADING.match(line):
            flush()
            under_heading(headings, line)
            continue
        if not line.strip():
            flush()
            continue
        named_list = _LIST_LABEL.match(line)
        if named_list and _LIST_ITEM.match(_next_line(lines, index)):
            flush()
            label = named_list.group(1).strip()  # "Abandoned:" over "- Ulysses: gave up at page 120 again."
            continue
        if _RECORDS_HEADER.match(line) and RECORD.match(_next_line(lines, index)):
            flush()
            continue  # "date | item | amount": each row below names its columns, and the header alone says nothing
        if RECORD.match(line):  # a spreadsheet's row: a quote of its own
            flush()
            paragraph.append((index, line))
            flush()
            continue
        if _an_item(line) or (paragraph and not _goes_on(paragraph, line)):
            flush()
        paragraph.append((index, line))
    flush()
    return units


def _goes_on(paragraph: Sequence[tuple[int, str]], line: str) -> bool:
    """Does the line go on with the paragraph before it: a wrapped line, in lower case after one that
    ends no sentence?"""
    return bool(paragraph) and paragraph[-1][1].rstrip()[-1:] not in ".!?:;" and line.strip()[0].islower()


def _next_line(lines: Sequence[str], index: int) -> str:
    """The first line after `index` with something on it ("" at the end)."""
    return next((later for later in lines[index + 1:] if later.strip()), "")


def _an_item(line: str) -> bool:
    """A list's item or a log's entry: a statement of its own, quoted whole when short."""
    return bool(_LIST_ITEM.match(line) or _LOG_ENTRY.match(line))


def entry_date(quote: str) -> Optional[float]:
    """The day a log's entry opens with (`_LOG_ENTRY`), or a spreadsheet's row gives first ("date:
    2026-03-11; item: New tyres…"), as epoch seconds at its start (UTC)."""
    entry = _LOG_ENTRY.match(quote) or (_ROW_DATE.search(quote) if RECORD.match(quote) else None)
    if entry is None:
        return None
    try:
        return datetime.strptime(entry.group(1), "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()
    except ValueError:  # "2026-13-45"
        return None


def _file_line(memory: Memory, line_index: int) -> Optional[int]:
    """The file line of a line of the chunk's text. A chunk's text joins its blocks with one blank
    line whatever the file had between them, so the line is exact only when the chunk's lines
    fill its whole range, with its blank lines ("# Contacts", a blank line, the list) or without
    them (a heading with its paragraph straight under it); otherwise None (the range is shown)."""
    if memory.start_line is None or memory.end_line is None:
        return None
    lines = memory.text.split("\n")
    size = memory.end_line - memory.start_line + 1
    if len(lines) == size:
        return memory.start_line + line_index
    if sum(1 for line in lines if line.strip()) != size:
        return None
    return memory.start_line + sum(1 for line in lines[:line_index] if line.strip())


def source_label(hit: Hit, line: Optional[int]) -> str:
    origin = hit.origin
    if isinstance(origin, FileOrigin):
        if line is not None:
            return f"{origin.path}:{line}"
        return origin.label()
    if isinstance(origin, ConversationOrigin):
        return origin.label()
    when = utc_day(hit.memory.created_at)
    return f"{hit.memory.kind} #{hit.memory.id} · {when}"


def _fragment_after(unit: _Unit) -> bool:
    """A sentence of five words or fewer on the line of a longer one before it says little alone:
    "Viewing on Thursday at 6." after "The one on Harbour Road is 1,400 a month…" is that flat's
    viewing. A run of short ones ("Owner: me. Started 2024-01-15. Status: green.") are each their own,
    but a figure alone is always its sentence's."""
    before = unit.previous
    if before is None or before.line_index != unit.line_index:
        return False
    return _figure_after(unit) or len(unit.text.split()) <= FRAGMENT_WORDS < len(before.text.split())


def _leans_on_its_line(unit: _Unit) -> bool:
    """A note's sentence that says little without the one before it on its line: a fragment, or a
    sentence about the one a line opens by naming (`_after_a_named_role`)."""
    return _fragment_after(unit) or _after_a_named_role(unit)


def _after_a_named_role(unit: _Unit) -> bool:
    """A line opening with a role and who has it ("Electrician: Lorna Price. Recommended by our
    neighbour Graham at number 14.") goes on about them: "Recommended by…" alone does not say whom,
    and "Who recommended the electrician?" read "Electrician: Lorna Price." as its answer. A
    sentence with a label of its own ("Status: green.") is its own."""
    first = unit.previous
    if first is None or first.line_index != unit.line_index or ": " in unit.text:
        return False
    while first.previous is not None and first.previous.line_index == unit.line_index:
        first = first.previous
    # So does a line opening with a short labelled sentence ("Day 3: day trip to Sintra. Pena Palace was
    # too crowded, Quinta da Regaleira was the highlight."): the highlight is Sintra's.
    return bool(_NAMED_ROLE.match(first.text)) \
        or bool(_LABELLED.match(first.text)) and len(first.text.split()) <= LABELLED_WORDS


def _figure_after(unit: _Unit) -> bool:
    """A figure alone ("2:04:51.", "14 km.") after a sentence on its line: it says nothing of what it
    measures, and the sentence before it ("Ran the Dublin half marathon!") leaves out what it was."""
    tokens = unit.text.rstrip(".!").split()
    return unit.previous is not None and unit.previous.line_index == unit.line_index \
        and 0 < len(tokens) <= 2 and bool(re.search(r"\d", unit.text)) \
        and all(re.search(r"\d", token) or len(token) <= 3 for token in tokens)


def candidate_sentences(hits: Sequence[Hit], most: Optional[int] = None) -> list[Sentence]:
    """The sentences of the first `most` hits (all by default), in hit order, each with its context
    and file line."""
    out: list[Sentence] = []
    for rank, hit in enumerate(hits[:most]):
        speaker = hit.origin.speaker if isinstance(hit.origin, ConversationOrigin) else None
        # A chat with an assistant app stands under its title ("Birthday present for Mum"), as a note under its name.
        title = note_title(hit.origin.path) if isinstance(hit.origin, FileOrigin) \
            else assistant_chat_title(hit.origin.conversation) if isinstance(hit.origin, ConversationOrigin) else ""
        units = _units(hit.memory, speaker, title)
        read: dict[int, tuple[str, int]] = {}  # a unit → its text as quoted, with what it was joined to
        # A fragment goes with the sentence before it in a note; in a summary of a chat, the next turn
        # is someone else's ("…a carrot cake with a big 60 candle on top]. Dev: the cake survived!!").
        in_note = hit.memory.kind == "chunk"
        for position, unit in enumerate(units):
            text, starts = unit.text, unit.line_index
            if _BARE_MEDIA.match(text):
                continue
            if unit.header:
                text = unit.header + "\n" + text
            elif unit.previous is not None and (_LEANS_BACK.match(text) or (in_note and _leans_on_its_line(unit))) \
                    and len(unit.previous.text) < 300:
                # After a fragment quoted with the sentence before it, the three read as one ("…compare it
                # with `diff -r`. Last test 2024-05-05: OK. It costs about $1.80 a month"), not twice.
                before, starts = read.get(id(unit.previous), (unit.previous.text, unit.previous.line_index))
                if not (in_note and _leans_on_its_line(unit.previous)) or len(before) >= 300:
                    before, starts = unit.previous.text, unit.previous.line_index
                text = before + " " + text  # from the quote's first line
                if in_note and _figure_after(unit):  # the sentence is quoted with its figure, not without
                    out = [s for s in out if not (s.hit is hit and s.position == position - 1)]
            read[id(unit)] = (text, starts)
            if len(text) > MAX_QUOTE_CHARS:
                text = text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
            out.append(Sentence(text, unit.context, hit, rank, position, _file_line(hit.memory, starts)))
    return out


def with_whole_lists(chosen: Sequence[Sentence], scored: Sequence[Sentence],
                     tasks: Optional[str] = None) -> list[Sentence]:
    """Two items of one list chosen bring the whole list, in its order, where the first stood: "What
    do I need to pack for the Douro trip?" is answered by the packing list, not by the two items
    that scored best. `scored`: every sentence the chosen ones were picked from. `tasks`: asked for
    open (or done) tasks, a task list's items in the other state are left out, chosen or not."""
    out: list[Sentence] = []
    taken: set[int] = set()
    for sentence in chosen:
        memory_id = sentence.hit.memory.id
        items = [s for s in chosen if s.hit.memory.id == memory_id and _LIST_ITEM.match(s.text)]
        if len(items) < 2 or not _LIST_ITEM.match(sentence.text):
            out.append(sentence)
            continue
        if memory_id in taken:
            continue
        taken.add(memory_id)
        whole = _lists_holding(items, sorted((s for s in scored if s.hit.memory.id == memory_id),
                                             key=lambda s: s.position))
        out.extend(whole if len(whole) <= MAX_LIST_ITEMS else items)
    return [s for s in out if tasks is None or task_state(s.text) in (None, tasks)] or list(chosen)


def _lists_holding(items: Sequence[Sentence], memory: Sequence[Sentence]) -> list[Sentence]:
    """Of a memory's sentences in order, the runs of list items that hold any of `items`."""
    wanted = {s.position for s in items}
    runs: list[list[Sentence]] = [[]]
    for sentence in memory:
        if runs[-1] and (not _LIST_ITEM.match(sentence.text) or sentence.context != runs[-1][-1].context):
            runs.append([])  # a list ends where a sentence or another list's label ("Abandoned:") comes
        if _LIST_ITEM.match(sentence.text):
            runs[-1].append(sentence)
    held = [s for run in runs if any(s.position in wanted for s in run) for s in run]
    # An item quoted with the sentence leaning on it ("…1.2M rows an hour. It has to finish…") is that item once.
    return [s for s in held if not any(o is not s and s.text in o.text for o in held)]


def said_within(part: str, whole: str) -> bool:
    """`part` is said in `whole`, case and punctuation aside: a fact learnt from a message by rule
    ("the hostel in Alfama was noisy this time") is the message's own sentence again."""
    return f" {_plain(part)} " in f" {_plain(whole)} "


def opening(text: str, words: int = 8) -> str:
    """A quote's first words: a summary saying them says the quote again, whatever it cuts off."""
    return " ".join(_plain(text).split()[:words])


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def reading_order(sentence: Sentence, as_told: bool = False) -> tuple:
    """A document's chunks by line, other memories by search rank; sentences in their order.
    `as_told`: chat turns as they were said (an extract of chats is their story)."""
    memory, origin = sentence.hit.memory, sentence.hit.origin
    page = origin.page if isinstance(origin, FileOrigin) else None
    said = memory.created_at if as_told and memory.kind == "message" else 0.0
    return (memory.source_id is None, memory.source_id or 0, page or 0, memory.start_line or 0, said,
            sentence.hit_rank, sentence.position)


def date_lead(sentences: Sequence[Sentence], order: Optional[str]) -> list[float]:
    """1 for the sentences of the newest memory ("last") or the oldest ("first"), falling to 0 for the
    other end; a log's entry is as old as the day it opens with, not the file it is in."""
    if order not in ("first", "last"):
        return [0.0] * len(sentences)
    # Of a memory's sentences, each entry of a log is a statement of its own; memories told at the same
    # moment (a file's chunks) keep the order search gave them.
    keys = [(s.hit.memory.id, entry_date(s.text)) for s in sentences]
    when = {key: key[1] or s.hit.memory.created_at for key, s in zip(keys, sentences)}
    distinct = sorted(dict.fromkeys(keys), key=when.__getitem__, reverse=order == "last")
    if len(distinct) < 2:
        return [0.0] * len(sentences)
    rank = {key: 1 - place / (len(distinct) - 1) for place, key in enumerate(distinct)}
    return [rank[key] for key in keys]


def names_missed(names: set[str], sentences: Sequence[Sentence]) -> list[float]:
    """Of the names a question asks about (folded), the share a list's item says fewer of than another
    item of its memory, read with its headings: "Where did we stay in Kyoto?" is answered by the Kyoto
    item of a trip's note, not the Tokyo one that says "stayed". Only items, each telling of its own
    thing ("Training Mondays and Wednesdays" goes on about the Priya of the sentence before it), and only
    within a memory: a chat turn by or naming the person asked about is weighed by search and attribution."""
    shares: list[Optional[float]] = []
    for sentence in sentences:
        if not _an_item(sentence.text):
            shares.append(None)
            continue
        read = f"{sentence.context} {sentence.text}"
        said = {fold(re.sub(r"['’]s$", "", token)) for token in TOKEN.findall(read)}
        shares.append(len(names & said) / len(names) if names else 0.0)
    most: dict[int, float] = {}
    for sentence, share in zip(sentences, shares):
        most[sentence.hit.memory.id] = max(most.get(sentence.hit.memory.id, 0.0), share or 0.0)
    return [0.0 if share is None else most[sentence.hit.memory.id] - share
            for sentence, share in zip(sentences, shares)]
