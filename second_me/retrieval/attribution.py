"""Who the evidence is about: a question about what Sam said, did or has is answered from Sam's
own words or from words about Sam — never from Priya's "I went to Paris", however well it matches.

A chat turn is about its speaker when they speak of themselves ("I", "my", "we"), about the one
spoken to when it says "you", and about anyone it names; its "Dad" or "Mum" is the speaker's own
(asked about someone's dad). A turn that speaks of no one at all is about its speaker too: people
leave themselves out of what they tell ("NEW PB at parkrun yesterday! 29:47!!"); an assistant's
turn is advice, about nobody. A question is about the people it names, or about the user when it
says "I", "my" or "me". When none of the evidence is about the person asked for, the answer says
whose it is instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from second_me.domain import Evidence
from second_me.retrieval.answer_type import LIGHT_VERBS, proper_names
from second_me.retrieval.intent import asks_advice
from second_me.retrieval.people import asked_about, people_in
from second_me.text.sentences import split_sentences
from second_me.text.utterance import is_question, tells_before_asking
from second_me.text.word_forms import synonyms
from second_me.text.words import content_words, name_forms, plain, stems, whole_name

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|i'll|i’ll|me|my|mine|myself|we|we're|our|ours|us)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|you're|you’re|your|yours|yourself|u|ur)\b", re.I)
_THIRD_PERSON = re.compile(r"\b(?:he|he's|he’s|him|his|himself|she|she's|she’s|her|hers|herself"
                           r"|they|they're|they’re|them|their|theirs|themselves)\b", re.I)
# A turn opening by speaking to the whole group: "ok team, …", "hey guys!", "morning all," ("everyone's" is not).
_TO_EVERYONE = re.compile(r"^\W*(?:(?:ok|okay|right|hey|hi|hello|morning|evening|so)\W+)?"
                          r"(?:team|guys|everyone|everybody|all|y['’]?all|folks|gang|squad)(?:\s*[,!.:]|\s*$)", re.I)
_TO_YOU_ALL = re.compile(r"\b(?:you|ya)\s+(?:all|guys|lot|lads|girls)\b|\ball\s+of\s+you\b", re.I)
_ASKS_ASKED = re.compile(r"\b(?:ask|asks|asked|asking|wonder|wondered|wondering|question|questions)\b", re.I)
_SAYS_I = re.compile(r"\bi(?:['’](?:m|ve|d|ll))?\b", re.I)
_USER_WORDS = re.compile(r"\b(?:i|me|my|mine|myself|i've|i’ve|i'm|i’m|i'd|i’d)\b", re.I)
USER = "you"  # how the user is named in an attribution ("That was Sam, not you")
ASKING_ONLY_WORDS = 5  # a question of no more content words than this only asks
_KIN = r"\b(mum|mom|mam|mother|dad|father|grandma|granny|gran|nana|grandpa|grandad|granddad)\b"
# The family a question asks about, as someone's: "Bea's dad", "my mum", "Harriet's mother".
_KIN_ASKED = re.compile(r"(?:\bmy|['’]s)\s+" + _KIN, re.I)
# Whose a family word is not the speaker's: "her dad", "Bea's mum", "the mum at the school gate".
_SOMEONE_ELSES = frozenset("her his your their the a an whose its ur yr".split())
# "What did you tell me to…", "which book did you recommend", "your advice": what the assistant said.
_ASKS_THE_ASSISTANT = re.compile(
    r"\b(?:did|do|would|have|had|could|can|will)\s+you\s+(?:\w+\s+)?(?:tell|say|suggest|recommend|advise|propose"
    r"|come up with|give|mention|explain|think of)\b"
    r"|\byou\s+(?:told|said|suggested|recommended|advised|proposed|came up with|gave|mentioned|explained)\b"
    r"|\byour\s+(?:advice|suggestions?|recommendations?|tips?|ideas?)\b", re.I)


@dataclass(frozen=True)
class Subject:
    """Who a question is about: names of people memory knows, or the user."""

    people: frozenset[str]  # their whole names, folded
    user: bool
    shown: str  # as written, for the message
    called: frozenset[str] = frozenset()  # the one-word names a turn may call them by ("tom" for Tom Reed)
    kin: frozenset[str] = frozenset()  # "Bea's dad", "my mum": the family asked about, in all its words
    asks_asked: bool = False  # "What did Sam ask about…?": what they asked is what is asked
    words: frozenset[str] = frozenset()  # the stems of what the question asks of ("trip", "accra"), names aside

    @property
    def anyone(self) -> bool:
        return bool(self.people) or self.user


def subject_of(question: str, speakers: Iterable[str], user_names: Iterable[str]) -> Subject:
    """The people a question asks about, among the speakers memory knows: named in full or by
    their first name ("Tom" for Tom Reed, as chat exports name him)."""
    known: dict[str, list[str]] = {}
    speakers = list(dict.fromkeys(speakers))
    for speaker in speakers:
        for form in name_forms(speaker):
            known.setdefault(form, []).append(speaker)
    users = {form for u in user_names for form in name_forms(u)}
    # Named as typed, in lower case too ("where does kwame work now?"); "brunch with Lena" is the user's, told
    # by either.
    names = asked_about(question, people_in(question, speakers))
    named = list(dict.fromkeys(s for n in names if plain(n) not in users for s in known.get(plain(n), [])))
    people = frozenset(whole_name(s) for s in named)
    named_user = any(plain(n) in users for n in names)
    user = bool(_USER_WORDS.search(question)) or named_user
    called = frozenset(form for s in named for form in name_forms(s) if " " not in form)
    shown = ", ".join(named) or (USER if user else "")
    # "What parkrun times has Nina told Sam about?", Nina being the user: about both of them. "My"
    # beside a name ("What did Sam give my daughter?") leaves the question about Sam.
    kin = frozenset(form for m in _KIN_ASKED.finditer(question) for form in synonyms(m.group(1).lower()))
    named_words = {word for n in names for word in plain(n).split()}
    words = frozenset(stem for word in content_words(question) if word.lower() not in LIGHT_VERBS
                      and plain(word) not in named_words for stem in stems(word))
    # "I" beside a name is the user doing something with them: "the photo I sent Dev" is the user's.
    return Subject(people, user and (not people or named_user or bool(_SAYS_I.search(question))), shown, called, kin,
                   bool(_ASKS_ASKED.search(question)), words)


def is_about(item: Evidence, subject: Subject, user_names: Iterable[str],
             assistants: Iterable[str] = ()) -> Optional[bool]:
    """Whether a quoted turn is about the subject; None when it cannot be told (not a chat turn)."""
    if item.speaker is None or not subject.anyone:
        return None
    speaker = whole_name(item.speaker)
    users = {whole_name(u) for u in user_names}
    words = {plain(w) for w in re.findall(r"[\w'’]+", _without_address(item.text))}
    called = {plain(w) for w in re.findall(r"[\w'’]+", item.text)} - words
    speaker_is_subject = speaker in subject.people or (subject.user and speaker in users)
    if words & (subject.called or subject.people):
        return True  # names them
    if called & (subject.called or subject.people) and not _FIRST_PERSON.search(item.text):
        return True  # speaks to them ("Lena, the hamster is called Nugget"), not of oneself ("I'm a teacher sam")
    if subject.user and speaker not in users and _SECOND_PERSON.search(_TO_YOU_ALL.sub(" ", item.text)):
        return True  # someone else speaking to the user (not the whole group: "meet you all there")
    if subject.people and speaker not in subject.people and _SECOND_PERSON.search(item.text):
        return True  # speaking to the one asked about (in a chat of two)
    if speaker_is_subject:
        # Their short question tells nothing of them: Sam's "why parkrun all of a sudden" is no PB of his;
        # "my sister Amaia wants to come and visit in February, is that ok??" tells of Rosa's sister.
        if subject.asks_asked or not is_question(item.text):
            return True
        if tells_before_asking(item.text):  # ...unless what it tells is of something else, and it asks of this
            return not _asks_only_of_it(item.text, subject.words)
        return len(content_words(item.text)) > ASKING_ONLY_WORDS
    if subject.user and speaker not in users and _TO_EVERYONE.search(item.text):
        return None  # told to the whole group, the user among them: "ok team, Snowdon trip is ON… I've booked…"
    if _FIRST_PERSON.search(item.text) or _own_family(item.text, subject.kin):
        return False  # the speaker speaks of themselves (or their own "Dad"), and they are someone else
    if speaker in {whole_name(a) for a in assistants}:
        return None  # advice
    if subject.user and not subject.people and not (words | called) & {form for u in users for form in name_forms(u)}:
        # Asked about the user, someone else's turn that neither speaks to them nor names them tells of
        # the speaker's world: Sam's "the hamster has arrived. she's called Nugget" is not "my hamster".
        return False
    if _THIRD_PERSON.search(item.text) or any(not name.isupper() for name in proper_names(item.text)):
        return None  # perhaps about someone it names ("Maisie's hamster"; "PB" names no one)
    return False  # speaks of no one: of themselves, and they are someone else


def _asks_only_of_it(text: str, asked: frozenset[str]) -> bool:
    """Does a turn say what a question asks of only in its questions? The user's "Found you, back row
    squinting haha. How's Accra?" asks of the friend's trip, and tells of a photo: it is no trip of theirs."""
    sentences = [sentence for sentence, _ in split_sentences(text.strip(), lower_case_starts=True)]
    asking = [sentence for sentence in sentences if is_question(sentence)]
    telling = [sentence for sentence in sentences if sentence not in asking]
    return bool(asked and telling) and any(asked & stems(sentence) for sentence in asking) \
        and not any(asked & stems(sentence) for sentence in telling)


# A name said to its bearer: opening a turn before a comma ("Sam, guess what"), or closing a clause after a
# word no name is the object of ("thanks Sam!", "I'm a teacher sam, I love an exam"); not "I told Sam, and…".
_CALLED_BY_NAME = re.compile(r"(?:^|(?<=[\w'’]) )([A-Za-z][\w'’-]*)(?=\s*(?:[,!?]|$))")
_TAKE_A_NAME = frozenset("""to with for and or nor but than as at of from about by like likes liked love loves loved
is was are were be been told tell tells met meet meets saw see sees seen asked ask asks called call calls invited
invite gave give gives given visit visited visiting texted text phoned rang ring hugged hug helped help thanked
thank beat join joined bring brought take took send sent show showed miss missed named name meeting seeing
including except""".split())


def _without_address(text: str) -> str:
    """The turn without the names it calls the one it speaks to by: they tell nothing of them. (Any
    word closing a clause so goes with them; only the names are looked for in what is left.)"""
    def unless_an_object(match: re.Match) -> str:
        before = re.findall(r"[\w'’]+", text[:match.start(1)])
        return match.group(0) if before and before[-1].lower() in _TAKE_A_NAME else " "
    return _CALLED_BY_NAME.sub(unless_an_object, text)


def _own_family(text: str, kin: frozenset[str]) -> bool:
    """A turn telling of "Dad" or "my mum" tells of the speaker's own: asked about Bea's dad, Dom's
    "rough week. Dad had a heart attack on Wednesday" is his father's."""
    for match in re.finditer(_KIN, text, re.I):
        if match.group(1).lower() not in kin:
            continue
        if not someone_elses(text[:match.start()]):
            return True
    return False


def someone_elses(before: str) -> bool:
    """Do the words before a family word make it someone else's ("her dad", "Bea's mum", "the mum at the
    school gate"), not the speaker's own?"""
    words = re.findall(r"[\w'’]+", before)
    return bool(words) and (words[-1].lower() in _SOMEONE_ELSES or re.search(r"['’]s$", words[-1]) is not None)


@dataclass(frozen=True)
class Attribution:
    evidence: tuple[Evidence, ...]  # the evidence about the subject (all of it when that cannot be told)
    other: Optional[Evidence] = None  # when nothing is about the subject: the best evidence, someone else's
    message: str = ""  # "That was Priya, not Sam"


def attribute(evidence: Sequence[Evidence], subject: Subject, user_names: Iterable[str],
              assistants: Iterable[str] = ()) -> Attribution:
    """Keep the evidence about the subject; when all of it is someone else's, say whose."""
    users, assistants = list(user_names), list(assistants)
    verdicts = [is_about(item, subject, users, assistants) for item in evidence]
    for i in range(1, len(evidence)):
        # Quoted after the same speaker's turn about someone else, a turn that names no one goes on
        # about it: Dom's "he's ok. two stents" after his "rough week. Dad had a heart attack".
        if verdicts[i] is None and verdicts[i - 1] is False and evidence[i].speaker \
                and evidence[i].speaker == evidence[i - 1].speaker:
            verdicts[i] = False
    if not any(v is False for v in verdicts):
        return Attribution(tuple(evidence))
    kept = tuple(item for item, verdict in zip(evidence, verdicts) if verdict is not False)
    if any(v is True for v in verdicts):
        return Attribution(kept)
    if kept:
        return Attribution(kept)  # undecided evidence stays; only what is clearly someone else's goes
    # Whose it was is shown with something they told, not with a question they asked ("what's the job?").
    other = next((item for item in evidence if not is_question(item.text)), evidence[0])
    whose = USER if other.speaker and whole_name(other.speaker) in {whole_name(u) for u in users} else other.speaker
    return Attribution((), other, f"That was {whose}, not {subject.shown}")


def attribute_quotes(quoted: Sequence[Evidence], given: Sequence[Evidence], subject: Subject,
                     user_names: Iterable[str], assistants: Iterable[str] = ()) -> Attribution:
    """Whose the answer is, judged on the quotes (the best evidence); of what a capable reader is
    given beyond them (`given`), what is clearly someone else's goes. "Which job did Sam get in
    Toronto?" is answered "That was Olu, not Sam" even when Sam's "my job is fine" is given too."""
    users, assistants = list(user_names), list(assistants)
    judged = attribute(quoted, subject, users, assistants)
    if judged.other is not None:
        return judged
    return Attribution(attribute(given, subject, users, assistants).evidence or judged.evidence)


def the_assistants_words(question: str, quoted: Sequence[Evidence], given: Sequence[Evidence],
                         assistants: Iterable[str]) -> tuple[list[Evidence], list[Evidence]]:
    """Asked what the assistant told ("What pace did you tell me to run the half marathon at?"), or
    what to do ("How long should I…"), the assistant's replies among the evidence are the answer,
    each after the question it answers when that is given too; the user's own "Longest run yet:
    18 km" matches better, and is not what was told. `given` is what a capable reader reads: the
    same turns come first in it."""
    assistants = {whole_name(a) for a in assistants}
    said = [i for i, item in enumerate(given) if item.speaker and whole_name(item.speaker) in assistants]
    asks = _addressed(question, assistants)
    if not said or not (_ASKS_THE_ASSISTANT.search(asks) or asks_advice(asks)):
        return list(quoted), list(given)
    first: list[Evidence] = []
    for i in said:
        asked = given[i - 1] if i > 0 and i - 1 not in said and is_question(given[i - 1].text) else None
        first += [item for item in (asked, given[i]) if item is not None and item not in first]
    return first, first + [item for item in given if item not in first]


def asks_the_assistant(question: str, assistants: Iterable[str]) -> bool:
    """"What did ChatGPT say about my sourdough?", "What did you suggest…": what an assistant said is asked."""
    return bool(_ASKS_THE_ASSISTANT.search(_addressed(question, assistants)))


def _addressed(question: str, assistants: Iterable[str]) -> str:
    """The question with an assistant named as "you": "What did ChatGPT suggest for Lisbon?", "Claude's
    advice" ask what the assistant told, as "What did you suggest…" does."""
    for name in assistants:
        named = re.escape(name)
        question = re.sub(rf"\b{named}['’]s\b", "your", question, flags=re.I)
        question = re.sub(rf"\b{named}\b", "you", question, flags=re.I)
    return question
