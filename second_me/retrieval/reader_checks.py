"""What a reader's sentence must pass to be shown: the checks `writing.reader_answer` runs on each
sentence a capable reader writes, and on its whole answer (`services/answering.py`).

Each says of one sentence whether it keeps to the evidence it was given: its names, numbers and
dates (`Support`), the memory it cites, whose words it takes for whose, and whether it says anything
the question did not.
"""

from __future__ import annotations

import re
from typing import Sequence

from second_me.domain import Evidence, Hit, utc_day
from second_me.retrieval.answer_type import AGE, ASKS_WHEN, DATE, DAY_OF_YEAR, NUMBER, NUMBER_WORDS, PERSON_WORDS, \
    expected_answer, folded_words, proper_names
from second_me.retrieval.attribution import asks_the_assistant
from second_me.retrieval.context import cited_numbers
from second_me.retrieval.intent import asks_about_you
from second_me.retrieval.people import own_words
from second_me.retrieval.timeparse import DAY
from second_me.storage.messages import APP_USER
from second_me.text.event_dates import moments_told
from second_me.text.names import MONTHS, WEEKDAYS, fold, names_in
from second_me.text.sentences import split_sentences
from second_me.text.support import Support
from second_me.text.tasks import asked_state, task_state
from second_me.text.utterance import asks_something
from second_me.text.voice import first_person
from second_me.text.words import content_words, forms, name_forms, plain, stem, stems, whole_name, words

_WHOSE = re.compile(r"['’]s$", re.I)
ASKS_WHO = re.compile(r"\s*who(?:m|se)?\b", re.I)
ASKS_WHO_SOMEONE_IS = re.compile(r"\s*who(?:\s+(?:is|was|are|were)|['’]s)\s+(?-i:[A-Z])", re.I)
CITATION_MARKS = re.compile(r"\[\d+\]")


def plain_sentence(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def only_copies(text: str, evidence: Sequence[Evidence]) -> bool:
    """The reader wrote out one whole sentence of a memory, uncited, and nothing else ("Shannon and
    Raj are moving to Vancouver!" asked who Raj works for, over "… Raj got a job with a mining company
    out there."): it echoed the memory rather than answer from it (an answer cites its memory), and
    the quote says that and more, with who said it and where."""
    written = plain_sentence(text)
    if not written or CITATION_MARKS.search(text):
        return False
    return any(written == plain_sentence(sentence) for item in evidence for sentence, _ in split_sentences(item.text))


def pieces(text: str) -> list[tuple[str, str]]:
    """(separator before it, sentence) for each sentence, lines kept: a list item is a piece of
    its own, and the separator says whether it starts a new line."""
    out: list[tuple[str, str]] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        for index, (sentence, _) in enumerate(split_sentences(line)):
            out.append(("\n" if number and index == 0 else " ", sentence))
    return out


# "When did I write the packing list?" asks for a note's own date; "when should I replace the chain?" does not.
_ASKS_WHEN_NOTED = re.compile(r"\b(?:wrote|write|written|noted|note down|saved|added|edited|updated|changed)\b", re.I)


def evidence_as_shown(evidence: Sequence[Evidence], question: str) -> list[str]:
    """The evidence as a reader's sentences are checked against: its text, who said it and when. A
    note's date is only when its file was saved: unless the question asks that, it supports no date
    ("When should I replace the chain?" is not answered "On December 1, 2026"); a daily note's day does."""
    noted = bool(_ASKS_WHEN_NOTED.search(question))
    return [f"{e.speaker or ''} {e.dated() if e.kind != 'chunk' or noted or e.about else ''}: {e.text}"
            for e in evidence]


def rests_on(text: str, evidence: Sequence[Evidence], question: str) -> bool:
    """Whether every sentence of a reader's answer is supported by these pieces of evidence alone."""
    support = Support(evidence_as_shown(evidence, question), question, question_names=True)
    return all(support.check(sentence).supported for _, sentence in pieces(text) if sentence.strip())


def resting_on(text: str, cited: Sequence[Evidence], question: str) -> list[Evidence]:
    """Of the evidence a reader's answer cites, what it rests on: the sentences that each support it
    alone, when any does ("12 to 14 hours [1]." rests on the cold proof's sentence, not on the bulk
    fermentation's beside it in the note); else all of them, when together they do; else none."""
    if not cited or not rests_on(text, cited, question):
        return []
    return [item for item in cited if rests_on(text, [item], question)] or list(cited)


class KeptToQuotes:
    """A reader's sentence answering a question of fact may say only what the quotes say: the
    sentences chosen for the question, which the built-in model's answer is. A 1.5B reader given
    more memories than those takes its answer from one beside the point as often as not: "The new
    automobile is black [3]." when [3] is a friend's truck and the first quote says "Traded the old
    Subaru for a Toyota RAV4 hybrid. Silver."; there the quotes stand, the others given after them.
    Judged by the words they share with the question, the other memories cannot be told apart:
    "Jess paid back $200" shares "pay" with "How much did I pay for my surfboard?", and "turns out
    I'm an alto" nothing with "Which voice part do I sing?"."""

    def __init__(self, quoted: Sequence[Evidence], question: str):
        self.support = Support(evidence_as_shown(quoted, question), question, question_names=True)
        self.said = stems(" ".join(f"{e.speaker or ''} {e.text}" for e in quoted))
        self.asked = stems(question)

    def holds(self, sentence: str) -> bool:
        """Its names, numbers and dates are the quotes', and so are most words it adds to the question's."""
        if not self.support.check(sentence).supported:
            return False
        added = _added_words(sentence, self.asked)
        return 2 * sum(1 for word in added if forms(word) & self.said) >= len(added)


_CHOICE = re.compile(r"\bor\b", re.I)


def adds_nothing_asked(sentence: str, question: str) -> bool:
    """Does a sentence say nothing the question did not? Asked "What car do I drive?" over a note
    of road-tyre pressures, a 1.5B reader wrote "A car [1]."; asked "Where does Tomás work?", "At
    work [1].": the question's own words, which answer nothing. A question offering a choice
    ("single, dating or engaged?") is answered in its words, and is not judged here."""
    text = CITATION_MARKS.sub("", sentence)
    if _CHOICE.search(question) or not re.search(r"\w", text):
        return False  # a bare "[1]" is the citation of the sentence before
    asked = stems(question)
    if any(not forms(word) & asked for word in content_words(text)):
        return False
    return set(re.findall(r"\d+", text)) <= set(re.findall(r"\d+", question))


def misses_a_task(sentence: str, question: str, evidence: Sequence[Evidence]) -> bool:
    """Asked what is still to do (or done) over a task list, or what has not been paid over a tracker's rows,
    a sentence must name each item in that state: "What's still to do for the move?" → "The move is still in
    progress." names none; "Which invoices haven't been paid yet?" → "Brightwater [1]" one of two. The quotes
    list them all."""
    state = asked_state(question)
    items = [item.text.split("\n")[-1] for item in evidence if state and task_state(item.text, question) == state]
    if not items or not re.search(r"\w", CITATION_MARKS.sub("", sentence)):
        return False
    asked = stems(question)

    def said(text: str) -> set[str]:
        return (stems(text) | set(re.findall(r"\d[\w-]*", text))) - asked
    return not all(said(CITATION_MARKS.sub("", sentence)) & said(item) for item in items)


def in_the_state_asked(question: str, evidence: Sequence[Evidence]) -> list[Evidence]:
    """Asked what is still to do or what has not been paid, the evidence without the task items and rows in
    the other state: the quotes shown for a reader's dropped answer listed the paid invoices after the unpaid."""
    state = asked_state(question)
    kept = [item for item in evidence if not state or task_state(item.text, question) in (None, state)]
    return kept or list(evidence)


_ASKS_A_NAME = re.compile(r"\b(?:name|names|named|called|call)\b", re.I)


def names_no_one(sentence: str, question: str) -> bool:
    """Asked a name ("What's Nina's dog called?"), a sentence naming nothing the question does not
    ("Nina's dog is a greyhound [4]." from a 1.5B reader) is no answer, however true."""
    text = CITATION_MARKS.sub("", sentence)
    if not _ASKS_A_NAME.search(question) or not re.search(r"\w", text):
        return False  # a bare "[1]" is the citation of the sentence before
    asked = {word.lower() for word in re.findall(r"[\w'’-]+", question)}
    return not any(word[0].isupper() and word != "I" and word.lower() not in asked
                   for word in re.findall(r"[\w'’-]+", text))


# The words that say when ("yesterday", "May"), and those that only lead into it ("on", "the").
_WHEN_WORDS = MONTHS | WEEKDAYS | frozenset(
    "today yesterday tomorrow tonight morning afternoon evening night week weekend month year".split())
_TIME_WORDS = _WHEN_WORDS | frozenset("in on at by from to and between since until till during the a an of this next "
                                      "last first second third final".split())  # "the first night"
# A question asking when, how long, how often or how old is answered by a time, whatever else it asks.
_ASKS_A_TIME = re.compile(r"\b(?:how\s+(?:long|often|soon)|what\s+time|ago|since\s+when|(?:which|what)\s+(?:date|day|"
                          r"weekday|night|evening|morning|afternoon|weekend|week|month|year|season|hour))\b", re.I)


def names_only_whom_asked(sentence: str, quotes: Sequence[str], question: str) -> bool:
    """Asked who, an answer naming only whom the question asks of: "Lena." for "Who is my sister marrying?"
    over "my sister Lena is getting married in Freiburg" ("Who is my sister?" is answered by her name)."""
    if not ASKS_WHO.match(question) or _ASKS_WHO_ONE_IS.match(question):
        return False
    said = {word for word in folded_words(CITATION_MARKS.sub(" ", sentence)) if word not in ("the", "a", "an")}
    return bool(said) and said <= {name for quote in quotes for name in _named_as_asked(quote, question)}


def _named_as_asked(quote: str, question: str) -> set[str]:
    """The names (folded) the quote gives right after a word of the question saying who someone is: whom
    it asks of ("my sister Lena" for "Who is my sister marrying?"), not the answer ("mentor Aisha" is)."""
    own = folded_words(question) & {fold(word) for word in PERSON_WORDS}
    return {fold(m.group(2)) for m in _WORD_AND_NAME.finditer(quote) if fold(m.group(1)) in own}


_WORD_AND_NAME = re.compile(r"\b([\w'’-]+)\s+([A-Z][\w'’-]*)")
_ASKS_WHO_ONE_IS = re.compile(r"\s*who(?:\s+(?:is|was|are|were)|['’]s)\s+(?:my|our|the|\w+['’]s)\s+(?:(?:new|old|current"
                              r"|former|ex|best|little|big|younger|older|eldest|youngest)\s+)?\w+\W*$", re.I)


def only_a_time(line: str) -> bool:
    """The line says when and nothing else ("In September.", "on Saturday", "the 17th of May")."""
    said = words(line.lower())
    return bool(said) and all(word in _TIME_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)?", word) for word in said)


def adds_only_a_time(sentence: str, question: str) -> bool:
    """Does a sentence add to the question's words only when, to a question not asking it? "In October
    22, 2023 [4]." for "Where did Sam and Jo get married?", "Nina runs at parkrun on June 11, 2023." for
    "Which parkrun does Nina run?": a 1.5B reader gives the day of the memory it read for an answer."""
    if ASKS_WHEN.match(question) or _ASKS_A_TIME.search(question) \
            or expected_answer(question) in (DATE, DAY_OF_YEAR, AGE, NUMBER):
        return False
    asked = stems(question)
    text = CITATION_MARKS.sub("", sentence)
    for name in proper_names(question):  # "Tom Hughes is cooking the first night." for "What is Tom cooking?"
        text = re.sub(rf"\b({re.escape(name)})\s+[A-Z][\w'’-]*", r"\1", text)
    added = [word for word in words(text.lower()) if not forms(word) & asked]
    # Digits alone ("+351 912 000 111") may be the answer: a day, month or year says when.
    return only_a_time(" ".join(added)) and any(word in _WHEN_WORDS or re.fullmatch(r"(?:19|20)\d\d", word)
                                                 for word in added)


def gives_the_day_it_was_said(sentence: str, question: str, cited: Sequence[Hit]) -> bool:
    """Asked when, does a sentence give only days a message it cites was said on, where the message tells
    of another day? "May 4, 2026 [2]." for "What day did Kwame run his half marathon?" over "Ran the half
    yesterday!!", said on 4 May: a 1.5B reader takes the day shown as said for the day it tells of."""
    if not ASKS_WHEN.match(question):
        return False
    stated = {utc_day(span.start) for span, _ in moments_told(CITATION_MARKS.sub("", sentence), 0.0)
              if span.end - span.start <= DAY}
    told = {utc_day(start) for hit in cited for start, _ in hit.memory.about}
    only_said = {utc_day(hit.memory.created_at) for hit in cited
                 if hit.memory.kind == "message" and hit.memory.about} - told
    return bool(stated) and stated <= only_said


def in_what_it_cites(sentence: str, said_in: dict[int, set[str]], question: str) -> bool:
    """Does a sentence citing memories say something one of them says? "Science [1]." for "What
    subject did I teach for 31 years?", where [1] says "31 years of teaching chemistry" and another
    memory "Science classes only", passes a check against all the evidence; its own citation says
    otherwise. A sentence without a citation, or adding no word to the question's, is not judged here."""
    cited = [said_in[number] for number in cited_numbers(sentence, max(said_in, default=0)) if number in said_in]
    if not cited:
        return True
    own = _added_words(sentence, stems(question))
    return not own or any(forms(word) & said for word in own for said in cited)


def _added_words(sentence: str, asked: set[str]) -> list[str]:
    """The words a sentence adds to the question's (`asked`: its stems). Days and counts are the
    support check's to match: a reader writes "yesterday", said on 10 March, as March 9."""
    return [word for word in content_words(sentence)  # "[1]" is digits, which content_words passes over
            if not forms(word) & asked and word not in MONTHS and word not in WEEKDAYS and word not in NUMBER_WORDS]


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")


def takes_advice_for_what_was_done(sentence: str, cited: Sequence[Hit], question: str,
                                   assistants: Sequence[str]) -> bool:
    """Does a sentence about the user say mostly what only an assistant wrote? Asked "What did I get
    my mum for her birthday?", a 1.5B reader answers with the gifts ChatGPT suggested ("I got my mum a
    personalised set of garden tools…"), not the pruning shears the user said they bought."""
    advice = [hit for hit in cited if hit.memory.speaker in assistants]
    if not advice or not _FIRST_PERSON.search(sentence) or asks_about_you(question) \
            or asks_the_assistant(question, assistants):
        return False  # "Which podcast did you suggest?", "What did ChatGPT tell me…" ask what the assistant wrote
    advised = set().union(*(stems(hit.memory.text) for hit in advice))
    told = set().union(*(stems(hit.memory.text) for hit in cited if hit.memory.speaker not in assistants))
    asked = stems(question)
    own = [word for word in content_words(sentence) if not forms(word) & asked]
    only_advised = [word for word in own if forms(word) & advised and not forms(word) & told]
    return 2 * len(only_advised) > len(own)


def names_the_asker(sentence: str, question: str, users: Sequence[str]) -> bool:
    """Asked "Who did I have dinner with yesterday?", a 1.5B reader answers with the user's own name
    ("Maya [1].", "Owen went hill-walking"): whoever "I" did something with, it was not "I"."""
    if not users or not ASKS_WHO.match(question) or not _FIRST_PERSON.search(question):
        return False
    said = {plain(token) for token in words(sentence)}
    mine = {part for name in users for part in name_forms(name)}
    parts = {part for name in users for part in name.lower().split()}
    return bool(said & mine) and all(set(name.lower().split()) <= parts for name in names_in(sentence))


def speaks_as_another(sentence: str, cited: Sequence[Hit], users: Sequence[str]) -> bool:
    """Does a sentence in the first person copy someone else's turn? "I thought the cake was perfect and
    I cried at Tiago's speech" for "What did Mum think of the cake?" is Rita's, and said to the user it
    would be theirs ("You thought…"). Not when as many of its words are the user's own (or a note's)."""
    if not first_person(sentence):
        return False
    said = {stem(word) for word in content_words(sentence)}

    def overlap(hit: Hit) -> int:
        return len(said & {stem(word) for word in content_words(own_words(hit.memory))})
    mine = {*users, APP_USER}
    others = [overlap(hit) for hit in cited if hit.memory.speaker and hit.memory.speaker not in mine
              and first_person(own_words(hit.memory))]
    own = [overlap(hit) for hit in cited if not hit.memory.speaker or hit.memory.speaker in mine]
    return max(others, default=0) >= 3 and max(others) > max(own, default=0)


def takes_the_speaker_for_the_answer(sentence: str, cited: Sequence[Hit], question: str) -> bool:
    """Does a sentence name, instead of whom the question asks about, a speaker who only stands beside
    the memory's words? Given "Priya Shah said: Sesame. she's 5 months old", a 1.5B reader answers
    "How old is Sesame?" with "Priya Shah is 5 months old", and "Who is Ravi?" with "Priya Shah".
    "Priya Shah's brother" (whose) and a question naming no one ("Who got the archivist job?") stand."""
    asked = {form for name in proper_names(question) for form in name_forms(name)}
    if not asked or (ASKS_WHO.match(question) and not ASKS_WHO_SOMEONE_IS.match(question)):
        return False  # "Who went to Lisbon?": the one who said so may well be the answer
    tokens = words(sentence)
    said = [plain(token) for token in tokens]
    if any(" ".join(said[i:i + len(form.split())]) == form for form in asked for i in range(len(said))):
        return False
    for hit in cited:
        speaker = hit.memory.speaker
        if not speaker or name_forms(speaker) & asked:
            continue
        in_its_words = {plain(word) for word in words(own_words(hit.memory))}
        whole = whole_name(speaker).split()
        for i, word in enumerate(said if whole else ()):
            if word != whole[0] or whole[0] in in_its_words:
                continue
            size = len(whole) if said[i:i + len(whole)] == whole else 1  # "Priya Shah's", or "Priya's"
            if not _WHOSE.search(tokens[i + size - 1]):
                return True
    return False


# "Claude suggested chard", "ChatGPT said to rest it": an assistant named as who advised, not as the answer.
_ADVISES = re.compile(r"\s+(?:said|says|suggested|suggests|recommended|recommends|told|tells|advised|advises|wrote"
                      r"|writes|explained|explains|mentioned|mentions|proposed|proposes|thinks|thought)\b", re.I)


def names_an_assistant(sentence: str, question: str, assistants: Sequence[str]) -> bool:
    """Does a sentence name an assistant in the chats (Claude, ChatGPT) as, or as the owner of, what a question
    not about it asks? The assistant is no one in the user's life, only the other side of the chat: a 1.5B
    reader answered "Who is my manager at Mersey Water?" with "Claude [1]." and "What car do I have?" with
    "Claude's car fund [3].". Named as who advised ("Claude suggested leafy crops") it stands."""
    if not assistants or asks_the_assistant(question, assistants) or asks_about_you(question):
        return False
    for name in assistants:
        if re.search(rf"\b{re.escape(name)}\b", question, re.I):
            continue
        for mention in re.finditer(rf"\b{re.escape(name)}\b", sentence, re.I):
            if not _ADVISES.match(sentence, mention.end()):
                return True
    return False


_SAYS_YES = re.compile(r"\s*yes\b", re.I)
# A clause saying what would be so, not what is: "if I lead the billing migration to the end".
_CONDITION = re.compile(r"\b(?:if|unless|whether|in case|provided)\b[^.;!?,]*", re.I)


def says_yes_to_a_condition(sentence: str, question: str, cited: Sequence[Hit]) -> bool:
    """A "Yes" whose evidence says the thing asked only as a condition, or says it is not so: "Did I
    lead the billing migration?" was answered "Yes [1]." over "she thinks I'm ready for senior … if I
    lead the billing migration to the end", and "Can I claim tax relief for working from home?" "Yes"
    over "Then you most likely can't claim the relief, since working from home is your choice".
    Judged sentence by sentence: the asked words a condition holds, or a sentence denying one of
    them holds, outnumber those any other sentence says outright."""
    if not _SAYS_YES.match(sentence):
        return False
    asked = stems(" ".join(content_words(question)))
    inside = outside = 0
    for hit in cited:
        for said, _ in split_sentences(own_words(hit.memory)):
            if _denies(said, asked):
                inside = max(inside, len(asked & stems(said)))
                continue
            conditions = " ".join(match.group(0) for match in _CONDITION.finditer(said))
            inside = max(inside, len(asked & stems(conditions)))
            outside = max(outside, len(asked & stems(_CONDITION.sub(" ", said))))
    return inside > outside


_NEGATION = re.compile(r"(?:not|never|no|cannot|without|\w+n['’]t)$")  # "Striding Edge without Ibrahim"


def says_yes_to_a_proposal(sentence: str, question: str, cited: Sequence[Hit]) -> bool:
    """A "Yes" whose cited evidence only asks or proposes: "Is Ibrahim coming to the Cairngorms?" was answered
    "Yes [3]." over Carla's "next one: New Year in the Cairngorms? Aviemore, 30 Dec to 2 Jan" (unless
    what was asked is whether someone asked)."""
    return bool(_SAYS_YES.match(sentence)) and bool(cited) and not re.search(r"\bask", question, re.I) \
        and all(asks_something(own_words(hit.memory)) for hit in cited)


def _denies(said: str, asked: set[str]) -> bool:
    """`said` denies an asked word: "can't claim", "did not go", "never claimed"."""
    tokens = re.findall(r"[\w'’]+", said.lower())
    return any(stem(token) in asked and any(_NEGATION.match(before) for before in tokens[max(0, i - 2):i])
               for i, token in enumerate(tokens))
