"""Writing an answer from its evidence.

Quote-first (a small model answers): the quotes are the answer, shown at once; a when-question
over a chat message gets the date it tells of, written by rule; otherwise the model may add one
short line extracted from the best quote, kept only if that quote alone supports it.
A capable reader writes the answer in its own words; each sentence is held back until it is
complete and shown only if the quoted evidence supports it (a request's, the memories it read),
so a hallucinated name, number or date never reaches the screen. When nothing it wrote
survives, the quotes stand.
"""

from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

from second_me.domain import Evidence, Hit
from second_me.models.base import ChatModel
from second_me.retrieval.compose import LINE_TOKENS, line_messages, quote_block, reader_messages
from second_me.retrieval.context import cited_numbers, format_memory, without_stray_citations
from second_me.retrieval.dated_answer import when_line
from second_me.retrieval.answer_type import ASKS_WHEN, NAME, expected_answer, folded_words, has_answer
from second_me.retrieval.intent import FACT, GATHER, REQUEST, Intent, asks_about_you
from second_me.retrieval.people import OWNED
from second_me.retrieval.reader_checks import (ASKS_WHO, ASKS_WHO_SOMEONE_IS, CITATION_MARKS, KeptToQuotes,
                                               adds_nothing_asked, adds_only_a_time, evidence_as_shown,
                                               gives_the_day_it_was_said,
                                               in_what_it_cites, misses_a_task, names_an_assistant, names_no_one,
                                               names_only_whom_asked, names_the_asker, only_a_time, only_copies,
                                               pieces, plain_sentence, says_yes_to_a_condition, says_yes_to_a_proposal,
                                               speaks_as_another, takes_advice_for_what_was_done,
                                               takes_the_speaker_for_the_answer)
from second_me.text.names import names_in
from second_me.text.sentences import split_sentences
from second_me.text.support import Support
from second_me.text.table_rows import RECORD
from second_me.text.voice import to_the_user
from second_me.text.words import MONTHS, WEEKDAYS, content_words, forms, stems
from second_me.safe_text import strip_control

TokenFn = Callable[[str], None]  # given each piece of text shown; "" while a reader writes what is not shown yet
# A model sometimes starts writing another prompt after its answer: stop there.
ANSWER_STOPS = ("<notes>", "</notes>", "\nQuestion:")
CLEAR_MARGIN = 0.05
# The label a memory is given in the reader's prompt, written back as if part of the answer:
# "Assistant said (May 20, 2024): About 15 to 20 minutes at a time…", "[2] (July 2, 2026, in the chat
# “Cover letter”) Claude: Cover letters work best at one page…".
_LABEL_ECHOED = re.compile(r"^(?:\[\d+\]\s*)?(?:[^\W\d][\w'’ .-]{0,40}? said\s*)?\([^()“”]{0,30}\d{4}"
                           r"[^()“”]{0,30}(?:,? in the (?:chat|note) “[^”]{0,120}”)?\):?\s*"
                           r"(?:[^\W\d][\w'’ .-]{0,40}?:\s+)?")
_IDK = re.compile(r"^\W*(?:(?:yes|no)\W+)?(?:i\s+(?:do\s+not|don'?t|can(?:no|')t)\s+know|i\s+don’t\s+know)\b", re.I)


def _emit(on_token: Optional[TokenFn], text: str) -> None:
    if on_token and text:
        on_token(text)


def _stream(model: ChatModel, messages, max_tokens: int, temperature: float, stop: Sequence[str]):
    """The model's pieces; the stream is closed however the caller stops reading."""
    stream = model.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop)
    try:
        yield from stream
    finally:
        close = getattr(stream, "close", None)
        if close:
            close()


def quote_first(question: str, intent: Intent, evidence: Sequence[Evidence], numbers: dict[int, int],
                model: Optional[ChatModel], on_token: Optional[TokenFn] = None, newest_first: bool = False) -> str:
    """The quotes, then (for a question after one fact) the date a message tells of when the question
    asks when, or else (when `model` is given) one short line the best quote supports on its own.
    `newest_first`: the quotes are in that order because the newest is asked."""
    quotes = quote_block(evidence, numbers)
    _emit(on_token, quotes)
    dated = when_line(question, evidence, newest_first) if intent.kind == FACT else ""
    if dated:
        _emit(on_token, "\n\n" + dated)
        return quotes + "\n\n" + dated
    if model is None or intent.kind != FACT or not clear_best(evidence):
        return quotes
    best = evidence[0]
    raw = "".join(_stream(model, line_messages(question, best), LINE_TOKENS, 0.0, ("\n",)))
    line = short_line(strip_control(raw), best, question)
    if not line:
        return quotes
    _emit(on_token, "\n\n" + line)
    return quotes + "\n\n" + line


# What the user tells second-me ("I moved to Berlin last week") is kept as a memory of the chat
# (memory/conversations.py); nothing in memory answers a statement, and "I don't know: nothing in
# your memory mentions Berlin" would read as if it was not heard.
NOTED = "Noted: I'll remember that."
ALREADY = "Already in your memory:"


def acknowledgement(evidence: Sequence[Evidence], numbers: dict[int, int], on_token: Optional[TokenFn] = None) -> str:
    """"Noted", then what memory already holds about the news, quoted ("Already in your memory: “…”")."""
    if not evidence:
        _emit(on_token, NOTED)
        return NOTED
    lead = f"{NOTED} {ALREADY}\n\n"  # a paragraph of its own: the app shows answers as Markdown
    quotes = quote_block(evidence, numbers)
    _emit(on_token, lead)
    _emit(on_token, quotes)
    return lead + quotes


def clear_best(evidence: Sequence[Evidence]) -> bool:
    """One quote stands out: the short line may be taken from it (from two close ones, a small
    model would pick either, and a line from the wrong one reads like the answer)."""
    return len(evidence) == 1 or (len(evidence) > 1 and evidence[0].score - evidence[1].score >= CLEAR_MARGIN)


def short_line(text: str, best: Evidence, question: str) -> str:
    """The model's line if it is a short sentence the best quote supports, says something the
    question did not, and is not just the quote again, nor a word it exclaims; else "". (A small model often hands the
    question back, as a question or as a statement that adds nothing.)"""
    sentences = [s for s, _ in split_sentences(" ".join(text.split()))]
    if not sentences:
        return ""
    line = sentences[0]
    if _IDK.match(line) or not content_words(line) or len(line) > 200 or line.rstrip().endswith("?"):
        return ""
    asked = stems(question)
    if not any(ch.isdigit() for ch in line) and all(forms(word) & asked for word in content_words(line)):
        return ""
    plain_line = plain_sentence(line)
    if plain_line == plain_sentence(best.text) or (RECORD.match(best.text) and _FIELDS.search(line)):
        return ""  # the quote again, or a spreadsheet row's fields again ("The item: Allotment rent; amount: 62.00")
    # A word the quote exclaims is no answer ("Amazing." of "Amazing. We ate…" for "Who is Ines?").
    quote_sentences = {plain_sentence(sentence) for sentence, _ in split_sentences(best.text, lower_case_starts=True)}
    if len(content_words(line)) < 2 and plain_line in quote_sentences:
        return ""
    kind = expected_answer(question)
    # One item of a list reads as the whole answer, unless it is the measure asked: "12 to 14 hours." of
    # "After shaping, proof the dough in the fridge overnight, 12 to 14 hours." for "how long do I proof…?"
    measured = kind not in (None, NAME) and has_answer(kind, line, folded_words(question))
    if not _words_of_the_quote(line, best.text) or (_one_of_a_list(line, best.text) and not measured):
        return ""
    if ASKS_WHO_SOMEONE_IS.match(question) and all(word in _ARTICLES or _a_time(word) or _a_name(word, line)
                                                    for word in folded_words(line) - folded_words(question)):
        # "Santa Maria." for "Who is Tiago?" ("my partner Tiago got a job at a hospital there, Santa Maria"),
        # "Lorna Price." for "Who is Graham?" (of "Electrician: Lorna Price. Recommended by our neighbour Graham…")
        return ""
    if _ASKS_WHO_OR_WHERE.match(question) and only_a_time(line):
        return ""  # "In September." for "Who is Clara?" or "Where is Clara getting married?"
    named = names_in(best.text, folded_words(question))  # the names the quote states that the question does not
    if _ASKS_WHERE.match(question) and not _PLACE_SAID.search(line) and not named & folded_words(line) - _owners(line):
        # "The old pot cracked." for "Where is the spare key?" ("under the blue pot… the old pot cracked");
        # "Tom's job." for "Where did I book for the last night?": someone's thing is no place
        return ""
    told = folded_words(" ".join(content_words(line))) - folded_words(question)
    if told and kind in (None, NAME) and not ASKS_WHEN.match(question) \
            and all(_a_time(word) or re.fullmatch(r"\d+(?:st|nd|rd|th)?", word) for word in told):
        return ""  # "Ella's birthday is on the 21st." for "What are we getting Ella for her birthday?": only a day
    if (kind == NAME or ASKS_WHO.match(question) and not ASKS_WHO_SOMEONE_IS.match(question) and named) \
            and not folded_words(line) & named:
        # "A greyhound." for "What's my dog called?" ("a greyhound called Pickle"); "The new backend hire."
        # for "Who am I mentoring?" ("mentor Aisha, the new backend hire")
        return ""
    if names_only_whom_asked(line, [best.text], question):
        return ""  # "Lena." for "Who is my sister marrying?" ("my sister Lena is getting married…"): whom it asks of
    if kind not in (None, NAME) and not has_answer(kind, line, folded_words(question)):
        return ""  # "Sorted out the pension paperwork finally." for "How much is my pension?"
    # A whole sentence of the quote points at the answer only if it is about what was asked
    # ("No more night shifts ever." of a longer message is no answer to "Where do I work these days?"),
    # or is the name asked for ("the Hucking Cows." of "joined an ultimate frisbee team. the Hucking Cows.").
    if plain_line in quote_sentences and kind != NAME and not any(forms(word) & asked for word in content_words(line)):
        return ""
    if not _numbers_beside_what_was_asked(line, best.text, asked) \
            or not _named_beside_what_was_asked(line, best.text, question):
        return ""
    return line if Support([best.text], question).check(line).supported else ""


# Words no content word check counts, that tell one part from another ("with the lid on, then … without").
_TELLING_WORDS = frozenset("with without before after on off".split())
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,;:]|[,;:](?!\d)|\b(?:then|and|but|or)\b", re.I)  # not "1,140", "02:30"


def _numbers_beside_what_was_asked(line: str, quote: str, asked: set[str]) -> bool:
    """A number the line states is in a part of the quote telling of what was asked, when a part with
    a number does: "25 minutes." of "Bake … at 250 °C: 20 minutes with the lid on, then 25 minutes
    without" for "How long do I bake with the lid on?" is the other part's number."""
    numbers = re.findall(r"\d+(?:[.,]\d+)?", line)
    about = [part for part in _CLAUSE_BREAK.split(quote) if re.search(r"\d", part)
             and (any(forms(word) & asked for word in content_words(part))
                  or _TELLING_WORDS & asked & set(re.findall(r"[a-z]+", part.lower())))]
    return not numbers or not about or any(
        re.search(rf"(?<![\d.,]){re.escape(number)}(?!\d)", part) for part in about for number in numbers)


def _named_beside_what_was_asked(line: str, quote: str, question: str) -> bool:
    """Asked who or when, a line naming someone or a time names one from a part of the quote telling
    of what was asked, when such a part names one: "Lorna Price." of "Electrician: Lorna Price.
    Recommended by our neighbour Graham at number 14." is no answer to "Who recommended the
    electrician?", "August." of "Plumber: Stefan. Comes on Tuesdays only. Fixed the boiler pressure
    in August." none to "What day does Stefan come?"."""
    when = bool(ASKS_WHEN.match(question))
    if not when and not ASKS_WHO.match(question):
        return True
    asked, own = stems(question), folded_words(question)

    def answers(word: str, text: str, initial: bool = True) -> bool:
        return _a_time(word) if when else not _a_time(word) and _a_name(word, text, initial)

    said = [word for word in folded_words(line) - _ARTICLES - own if answers(word, line)]
    about = [part for sentence, _ in split_sentences(quote) for part in _CLAUSE_BREAK.split(sentence)
             if any(forms(word) & asked for word in content_words(part))]
    named = [part for part in about if any(answers(word, part, initial=False) for word in folded_words(part) - own)]
    return not said or not named or set(said) <= folded_words(" ".join(named))


def _a_time(word: str) -> bool:
    """`word` (folded) is a month or a day of the week ("tuesdays" too)."""
    return word.removesuffix("s") in MONTHS or word.removesuffix("s") in WEEKDAYS


def _a_name(word: str, text: str, initial: bool = True) -> bool:
    """`word` (folded) is written in `text` as a name: capitalised (a part's first word only when `initial`)."""
    tokens = re.findall(r"[\w'’-]+", text)
    return any(token.lower() == word and token[0].isupper() and token != "I" and (initial or place > 0)
               for place, token in enumerate(tokens))


_ARTICLES = frozenset({"the", "a", "an"})
_ASKS_WHO_OR_WHERE = re.compile(r"\s*(?:who(?:m|se)?|where)\b", re.I)
_ASKS_WHERE = re.compile(r"\s*where\b", re.I)
_PLACE_SAID = re.compile(r"\b(?:in|at|on|under|by|near|behind|beside|inside|outside|next to|from|to|above|below"
                         r"|between|opposite|upstairs|downstairs|here|there|home)\b", re.I)


_FIELDS = re.compile(r"[^\W_][\w ]*: [^;]+; [^\W_][\w ]*: ")  # two fields of a row, "amount: 62.00; category: "


def _owners(line: str) -> set[str]:
    """The names a line says as someone's thing ("Tom" of "Tom's job"), folded."""
    return {word for match in OWNED.finditer(line) for word in folded_words(match.group(1))}


_LIST_SEPARATORS = re.compile(r",\s*(?:and\s+|or\s+)?")


def _one_of_a_list(line: str, quote: str) -> bool:
    """The line is one item of a list of three or more the quote gives ("The reusable water bottle."
    of "Passport, charger, adapter plug, headphones, and the reusable water bottle." for "What do I
    need to pack?"): a small model picks one, and it reads as the whole answer. A list is three or
    more items between commas ("About 15 to 20 minutes at a time, with a cloth…" is none)."""
    said = plain_sentence(line).split()
    said = said[1:] if len(said) > 1 and said[0] in _ARTICLES else said
    for sentence, _ in split_sentences(quote):
        items = [plain_sentence(item).split() for item in _LIST_SEPARATORS.split(sentence)]
        items = [item[1:] if len(item) > 1 and item[0] in _ARTICLES else item for item in items if item]
        if len(items) >= 3 and said in items:
            return True
    return False


def _words_of_the_quote(line: str, quote: str) -> bool:
    """The line is a run of the quote's own words (an article before it aside). A 135M model that
    rewrites a quote garbles it: "Leith is Felix." of "my brother Felix says Leith has the best
    coffee", "ate pastebin every morning" of "ate pastéis de nata every morning"."""
    said = f" {plain_sentence(quote)} "
    words = plain_sentence(line).split()
    return f" {' '.join(words)} " in said or (
        len(words) > 1 and words[0] in _ARTICLES and f" {' '.join(words[1:])} " in said)



def said_i_dont_know(text: str) -> bool:
    return bool(_IDK.match(text))




def reader_answer(question: str, intent: Intent, evidence: Sequence[Evidence], cited: Sequence[Hit],
                  numbers: dict[int, int], model: ChatModel, max_tokens: int, temperature: float,
                  context_tokens: int = 0, on_token: Optional[TokenFn] = None, users: Sequence[str] = (),
                  today: str = "", assistants: Sequence[str] = (), kept_to: Optional[KeptToQuotes] = None) -> str:
    """The reader's answer, sentence by sentence, each shown only if the evidence supports it: the
    quoted sentences and when and by whom they were said (a request's answer may use the whole of
    the memories it was given). A number from the wrong sentence of the right note ("4 to 5 hours"
    of bulk fermentation, asked how long to proof) is not an answer the user can check. `kept_to`:
    the quotes a question of fact's answer must keep to (`KeptToQuotes`)."""
    messages = reader_messages(question, intent, evidence, cited, numbers, model, max_tokens, context_tokens,
                               users, today, assistants)
    shown_with = evidence_as_shown(evidence, question)
    if intent.kind == REQUEST:
        shown_with += [format_memory(numbers[h.memory.id], h) for h in cited]
    support = Support(shown_with, question, question_names=True)
    # A request's answer may draw on any of the memories it was given, whatever it cites.
    said_in = {} if intent.kind == REQUEST else \
        {numbers[hit.memory.id]: stems(hit.memory.text) for hit in cited if hit.memory.id in numbers}
    given = {numbers[hit.memory.id] for hit in cited if hit.memory.id in numbers}

    def cited_in(sentence: str) -> list[Hit]:
        marks = set(cited_numbers(sentence, max(numbers.values(), default=0)))
        return [hit for hit in cited if numbers.get(hit.memory.id) in marks]

    shown: list[str] = []
    written = ""
    released = 0  # how many of the pieces written so far were checked
    said_before: list[frozenset[str]] = []  # the words of each sentence written so far
    looping = False
    last_shown = False  # whether the sentence before was shown: a "[2]" after it belongs to it
    # A first sentence that only copies a memory's is held back: alone it is no answer (`only_copies`),
    # the quotes are shown instead, and what was streamed cannot be taken back.
    held = ""
    # Told that "I" in the question means the user, it answers as them ("I play vice…"): turned to "you",
    # unless the question asks what "you", an assistant in the chats, said, when "I" may be that assistant.
    own_voice = asks_about_you(question)
    advice = [item for item in evidence if item.speaker in assistants]

    def release(final: bool) -> None:
        nonlocal released, looping, last_shown, held
        written_pieces = pieces(written)
        ready = written_pieces if final or written.endswith("\n") else written_pieces[:-1]
        for separator, sentence in ready[released:]:
            sentence = _LABEL_ECHOED.sub("", without_stray_citations(strip_control(sentence), given).strip())
            if not sentence:
                continue
            own = frozenset(re.findall(r"[^\W\d_]+", sentence.lower()))
            if not last_shown and not re.search(r"\w", CITATION_MARKS.sub("", sentence)):
                continue  # the citation of a sentence not shown ("…on March 17, 2023. [2]")
            if any(_says_again(own, before) for before in said_before):
                looping = True  # "Pedro says five weeks. Marta says Pedro says five weeks. Marta says…"
                continue
            said_before.append(own)
            last_shown = False
            if said_i_dont_know(sentence) and not shown:
                shown.append(sentence)
                last_shown = True
            elif support.check(sentence).supported and in_what_it_cites(sentence, said_in, question) \
                    and not sentence.rstrip().endswith("?") \
                    and not takes_the_speaker_for_the_answer(sentence, cited, question) \
                    and not names_an_assistant(sentence, question, assistants) \
                    and not speaks_as_another(sentence, cited, users) \
                    and not names_the_asker(sentence, question, users) \
                    and not takes_advice_for_what_was_done(sentence, cited, question, assistants) \
                    and not (intent.kind in (FACT, GATHER) and adds_nothing_asked(sentence, question)) \
                    and not (intent.kind == FACT and names_no_one(sentence, question)) \
                    and not names_only_whom_asked(sentence, [hit.memory.text for hit in cited], question) \
                    and not misses_a_task(sentence, question, evidence) \
                    and not adds_only_a_time(sentence, question) \
                    and not gives_the_day_it_was_said(sentence, question, cited_in(sentence) or cited) \
                    and not says_yes_to_a_condition(sentence, question, cited) \
                    and not says_yes_to_a_proposal(sentence, question, cited_in(sentence)) \
                    and (kept_to is None or kept_to.holds(sentence)):
                # An assistant's sentence written out is in its voice: "I'd be happy to help" is Claude's.
                theirs = own_voice or said_i_dont_know(sentence) or only_copies(sentence, advice)
                text = (separator if shown else "") + (sentence if theirs else to_the_user(sentence))
                if not shown and only_copies(sentence, evidence):
                    held = text
                else:
                    _emit(on_token, held + text)
                    held = ""
                shown.append(text)
                last_shown = True
        released = max(released, len(ready))

    for piece in _stream(model, messages, max_tokens, temperature, ANSWER_STOPS):
        written += piece
        if on_token:
            on_token("")  # nothing to show yet, but a caller stopping the answer (Esc) can stop it here
        release(final=False)
        if looping:  # a reader saying a sentence again has nothing more to say
            break
    release(final=not looping)
    # Only a memory's sentence copied (held back, never streamed): the quotes answer (the caller shows them).
    return "" if held else "".join(shown).strip()


def _says_again(words: frozenset[str], before: frozenset[str]) -> bool:
    """A sentence is said again when it holds every word of an earlier one of three words or more
    and adds at most three: the same sentence, or it behind "Marta Silva says"."""
    return len(before) >= 3 and before <= words and len(words - before) <= 3
