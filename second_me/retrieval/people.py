"""People as a signal, not a word: the people a question names, and whether a memory is by or
about them.

A question naming someone memory knows ("What is Sam's relationship status?") prefers what Sam
said and what names Sam; the name itself rewards nothing (it is no longer part of a turn's
searchable words, so Sam's shortest turns stop winning). A speaker's name is found in any case
("when did sam sprain his ankle"); other names only capitalised, as people write them.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping, Sequence

from second_me.domain import Memory
from second_me.retrieval.answer_type import LIGHT_VERBS, TYPE_WORDS, proper_names
from second_me.text.names import names_in
from second_me.text.sentences import split_sentences
from second_me.text.words import STOPWORDS, content_words, forms, name_forms, plain, stems, whole_name

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def speakers_in(question: str, speakers: Iterable[str]) -> list[str]:
    """The speakers memory knows that the question names: by their whole name in any case, or by
    the first word of a longer one ("Tom" for "Tom Reed") written as a name — "how much was the
    bill?" is not about Bill Jones — unless the whole question is typed in lower case."""
    tokens = _WORD.findall(question)
    said = " " + " ".join(plain(token) for token in tokens) + " "
    single = {plain(token) for token in tokens} - STOPWORDS
    lower_case = question == question.lower()
    first_names = {plain(token) for token in tokens if token[:1].isupper() or lower_case} - STOPWORDS
    found = []
    for speaker in dict.fromkeys(speakers):
        whole = whole_name(speaker)
        if not whole:
            continue
        if (whole in single) if " " not in whole else (f" {whole} " in said or whole.split()[0] in first_names):
            found.append(speaker)
    return found


def people_in(question: str, speakers: Iterable[str]) -> tuple[str, ...]:
    """The people the question names: speakers memory knows (in any case), then its capitalised names."""
    found = speakers_in(question, speakers)
    known = {word for name in found for word in plain(name).split()}  # "Reed" of Tom Reed is no one else
    found += [name for name in proper_names(question) if plain(name) not in known]
    return tuple(dict.fromkeys(found))


def asked_about(question: str, people: Sequence[str]) -> tuple[str, ...]:
    """Of the people a question names, those it asks about: not one named only as company ("Where is
    brunch with Lena?" asks where the user's brunch is, which the user's own "Are we still on for
    brunch Sunday?" and Lena's reply tell alike)."""
    def only_company(person: str) -> bool:
        named = list(re.finditer(r"(\w+\s+)?\b" + re.escape(person) + r"\b(?!['’]s)", question, re.I))
        return bool(named) and all((m.group(1) or "").strip().lower() == "with" for m in named)
    return tuple(person for person in people if not only_company(person))


def named_as_someone(question: str, name: str) -> bool:
    """Does the question say `name` as someone's, doing something ("did Zara", "does Zara") or having
    something ("Zara's")? A place or a thing is said where or what ("to Osaka", "the Atlas cutover",
    "selling Big Blue"), and its name is what the question asks of."""
    said = re.escape(name)
    return bool(re.search(rf"\b(?:did|does|do|is|was|has|had|will|can|could)\s+{said}\b(?!['’])|\b{said}['’]s\b",
                          question, re.I))


def without_names(question: str, names: Sequence[str]) -> str:
    """The question without these names (and their possessive 's): what it asks about them. A
    chat turn's vector carries its speaker's name, so a name in the question drew that speaker's
    shortest turns ("Sam: WHAT!!!!") ahead of everything they said that answers it."""
    rest = question
    forms = sorted({form for name in names for form in (name.lower(), name.lower().split()[0], *name_forms(name))},
                   key=len, reverse=True)
    for form in forms:  # the whole name before its first word
        rest = re.sub(r"\b" + re.escape(form) + r"(?:['’]s)?\b", " ", rest, flags=re.I)
    stripped = " ".join(rest.split())
    return stripped if _WORD.search(stripped) else question


def own_words(memory: Memory) -> str:
    """A memory's text without the "Speaker: " a turn starts with."""
    if memory.speaker and memory.text.startswith(memory.speaker + ": "):
        return memory.text[len(memory.speaker) + 2:]
    return memory.text


def by_or_about(memory: Memory, people: Sequence[str]) -> bool:
    """Said by one of them (or a fact about them), or naming one of them in its own words."""
    if not people:
        return False
    # "Tom" asks for any speaker called Tom; "Tom Reed" for him alone. A memory naming Tom may mean either.
    wanted = {whole_name(person) for person in people}
    if memory.speaker and wanted & name_forms(memory.speaker):
        return True
    return _names(memory, _called(people))


def _called(people: Sequence[str]) -> set[str]:
    """The one-word names a memory may call them by ("tom" for Tom Reed)."""
    return {form for person in people for form in name_forms(person) if " " not in form}


def _names(memory: Memory, called: set[str]) -> bool:
    """Does the memory name one of them in its own words (not as the speaker of a turn)?"""
    return bool(called & {plain(word) for word in _WORD.findall(own_words(memory))})


# "Ella's *party*": someone's thing, as a question asks of it or a line says it (group 1 whose, group 2 what).
OWNED = re.compile(r"\b([A-Z][\w-]*)['’]s\s+([a-z]+)")


def told_of_in_reply(memories: Mapping[int, Memory], named: set[int], people: Sequence[str], question: str,
                     replies: Callable[[list[int]], list[tuple[int, int]]]) -> set[int]:
    """Of `memories`, the turns replying to one by or about them (`named`, as `by_or_about` finds them among
    `memories`) that go on about them: saying "her" or
    "his" of the thing the question asks of them ("Yes the 21st! Her party is Saturday the 22nd" after
    "Ella's birthday is on the 21st isn't it?", asked "Where was Ella's party?"), or, after a turn naming
    them, a word the question asks of ("I'll do the Tuesday pick up" after "Ella made the U11 team…
    Training is Tuesdays", asked "Who picks Ella up from football on Tuesdays?"; not after a turn they
    said, where a reply's own news is the replier's). `replies`: (reply, the memory it replies to) for the
    turns replying to given memories."""
    if not people:
        return set()
    owned = {match.group(2) for match in OWNED.finditer(question)}
    theirs = re.compile(r"\b(?:her|his|their)\s+(?:" + "|".join(map(re.escape, owned)) + r")\b", re.I) \
        if owned else None
    called = _called(people)
    asked = {stem for word in content_words(question) if word.lower() not in TYPE_WORDS | LIGHT_VERBS
             and plain(word) not in called for stem in stems(word)}
    naming = {memory_id for memory_id in named if _names(memories[memory_id], called)}
    out = set()
    for reply, replied_to in replies(sorted(named)) if named else []:
        words = own_words(memories[reply]) if reply in memories else ""
        if words and (theirs is not None and theirs.search(words) or replied_to in naming and asked & stems(words)):
            out.add(reply)
    return out


_OWN_NEWS = re.compile(r"\b(?:i|i['’](?:m|ve|d|ll)|my|me|myself|we|we['’](?:re|ve|ll)|our|us)\b", re.I)


_HE_OR_SHE = re.compile(r"\b(?:she|her|hers|he|him|his)\b", re.I)
_SHOUTED = re.compile(r"\b[A-Z]{2,}\b")  # "SHE SMILED": glee, not a name


def says_she_or_he(memory: Memory) -> bool:
    """A chat turn saying "she", "her", "he" or "his" and naming no one: whom it speaks of is someone
    the chat named before ("SHE SMILED", "she's crawling!!!", of a baby named at her birth and now and then since)."""
    if memory.kind != "message":
        return False
    words = _SHOUTED.sub(lambda shouted: shouted.group().lower(), own_words(memory))
    return bool(_HE_OR_SHE.search(words)) and not names_in(words)


def spoken_of_as_she_or_he(memories: Mapping[int, Memory], named: set[int],
                           conversations_of: Callable[[list[int]], Mapping[int, int]]) -> set[int]:
    """Of `memories`, the turns that may speak of the one a question asks of (`says_she_or_he`) in a
    conversation where a turn of `named` (those naming them) names them. A baby, a child or a pet is
    named now and then and spoken of as "she" or "he" in between: asked "When did Zara first smile?",
    "SHE SMILED" is about her as much as "Zara slept through the speeches"."""
    turns = {i: m.message_id for i, m in memories.items() if m.kind == "message" and m.message_id is not None}
    conversation = conversations_of(list(turns.values()))
    theirs = {conversation.get(turns[i]) for i in named if i in turns} - {None}
    return {i for i, message_id in turns.items() if i not in named and conversation.get(message_id) in theirs
            and says_she_or_he(memories[i])} if theirs else set()


def speaks_of_oneself(text: str) -> bool:
    """Says "I", "my", "we"…: a question asking so asks about the user too ("How much did I lend Ruben?")."""
    return bool(_OWN_NEWS.search(text))


_ONESELF_ALONE = re.compile(r"\b(?:i|i['’](?:m|ve|d|ll)|my|me|mine|myself)\b", re.I)


def the_users_own(question: str, memories: Mapping[int, Memory],
                  speakers: Callable[[], Sequence[tuple[str, str]]]) -> set[int]:
    """Asked of the user alone ("What have I built this year?", not "we"), where memory also holds what
    others told them (`speakers`: reads (name, role) of every turn's speaker, only for such a question):
    the user's own turns among `memories`, about whom the question asks as about someone it names. The
    friend's "I built a ramp" is the friend's. With an assistant alone, every turn worth finding is the
    user's or answers one."""
    if not _ONESELF_ALONE.search(question):
        return set()
    said_by = speakers()
    users = {name for name, role in said_by if role == "user"}
    if not users or not any(role == "other" for _, role in said_by):
        return set()
    return {memory_id for memory_id, memory in memories.items() if memory.speaker in users}


def names_a_speaker(people: Sequence[str], speakers: Iterable[str]) -> bool:
    """Is one of the people a question asks about someone memory knows as a speaker? Only then is another's
    own news not theirs: Sam's "I took her to the dentist" may well be about his daughter Maisie."""
    asked = {whole_name(person) for person in people}
    return any(asked & name_forms(speaker) for speaker in speakers)


def says_of_themselves(memory: Memory, people: Sequence[str]) -> bool:
    """A turn by someone other than the people a question asks about (`names_a_speaker`), telling of
    themselves ("I've also built a bench", Sam's, for "What hobbies has Nina taken up?") and naming none
    of them: it is the speaker's news, not theirs."""
    if memory.kind != "message" or not memory.speaker or not people or by_or_about(memory, people):
        return False
    return speaks_of_oneself(own_words(memory))


def each_named_with(text: str, names: Sequence[str], words: Sequence[str]) -> bool:
    """Does each of `names` share a sentence of `text` with one of `words` (in any of its forms)? A
    summary sets sentences of several memories side by side: "Mum's birthday" beside "Sam: we
    hiked up to the Pinnacle" says nothing of Sam's birthday."""
    wanted = set().union(*(forms(word) for word in words)) if words else set()
    sentences = [({plain(w) for w in _WORD.findall(sentence)}, stems(sentence))
                 for sentence, _ in split_sentences(" ".join(text.split()))]
    return all(any(set(plain(name).split()) <= said and wanted & stemmed for said, stemmed in sentences)
               for name in names)
