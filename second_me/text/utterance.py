"""What someone's words are: a question, a request ("Summarize my notes"), or a statement.

A request's verb and its "how" words ("in detail", "a short list") are instructions: they are
never names, never words a memory must contain, and a request, like a question, is not a
memory of its own.
"""

from __future__ import annotations

import re
from typing import Optional

from second_me.text.sentences import split_sentences
from second_me.text.small_talk import small_talk
from second_me.text.word_forms import looks_like_a_verb
from second_me.text.words import HOW_MEASURES, STOPWORDS, UNAPOSTROPHISED_QUESTION_WORDS, content_words

# Verbs (and phrases) that open a request, in any case. They are instructions, never names
# or words a memory must contain.
REQUEST_VERBS = frozenset("""
summarize summarise summarizing summarising summary explain describe list write compare outline draft give show
tell recap review remind walk go make create plan suggest recommend find collect gather sum break put prepare
""".split())
# Words a request uses to say how to answer ("in detail", "a short list", "the key points") or
# to name the memories themselves ("my notes", "my chats with Tom"): no memory needs to contain them.
REQUEST_WORDS = REQUEST_VERBS | frozenset("""
detail details detailed short brief briefly quick quickly bullet bullets point points key main overview everything
all notes note paragraph paragraphs sentence sentences steps step version summary summaries please me us up through
down together difference differences between versus vs pros cons list lists checklist table shopping packing todo
chat chats conversation conversations message messages
""".split())
_REQUEST = re.compile(r"^\s*(?:please\s+|can you\s+|could you\s+|would you\s+|pls\s+)?(?P<verb>[a-z]+)\b", re.I)


# "What do my notes say about the starter and the proofing?", "what did I write about Lisbon?":
# a summary asked as a question. It is about the notes, not one fact in them.
_NOTES_SAY = re.compile(r"^\s*what\s+(?:do|does|did|have|has)\s+(?:my|the|our|i)\s+(?:\w+\s+)?"
                        r"(?:notes?\s+(?:say|said|tell|told)|written|(?:write|wrote|note|jot)(?:\s+down)?)"
                        r"\s+(?:about|on)\b", re.I)


# "tips for reading more when I'm tired", "any recs for a podcast": a request without its verb;
# "tips for the waiter were 15%" tells something (when in doubt it stays a statement, and a memory).
_ASKS_FOR = re.compile(r"^\s*(?:(?:any|some|good)\s+)*(?:tips|advice|suggestions|recommendations|recs)\s+(?:for|on|about)\b",
                       re.I)
# "Catch me up on Tomás", "fill me in on the move", "update me on Lena": a recap asked for, not news told.
_CATCH_ME_UP = re.compile(r"^\s*(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:(?:catch|fill|bring|get)\s+(?:me|us)\s+"
                          r"(?:up|in)|update\s+(?:me|us)\s+(?:on|about|with))\b", re.I)
_TELLS = re.compile(r"\b(?:was|were|is|are|came|cost|paid|helped|worked)\b", re.I)


def request_verb(text: str) -> str:
    """The verb that opens a request ("summarize"), or "" when the text is not one."""
    if _NOTES_SAY.match(text):
        return "summarize"
    if _CATCH_ME_UP.match(text):
        return "recap"
    if _ASKS_FOR.match(text) and not _TELLS.search(text):
        return "suggest"
    match = _REQUEST.match(text)
    verb = match.group("verb").lower() if match else ""
    return verb if verb in REQUEST_VERBS else ""


# A question typed without its "?" still reads as one: a question word before a verb or a
# measure ("how often do I…", "where did I…", "when is…"), or a verb first ("do I need…").
# "When I was young…" stays a statement: the question word is not followed by either.
_QUESTION_WORDS = frozenset("what when where who whom whose which why how".split())
# "by how many minutes did I beat my goal", "in which year did we move": a question after its preposition.
_LEADING_PREPOSITIONS = frozenset("by in at on for from to with since until about during".split())
_VERBS_FIRST = frozenset("""
do does did is are was were am can could should would will have has had may might must shall
""".split())
_SUBJECTS = frozenset("i you we they he she it my your our their his her the there this that these those".split())
_PERSONS = frozenset("i you we they he she it there".split())


# A question asked as a statement: "I wonder where I stayed in Lisbon", "I can't remember when…",
# "I'd like to know what…". It wants an answer, and states nothing worth remembering.
_ASKS_INDIRECTLY = re.compile(
    r"^\s*(?:(?:i|we)(?:'m|'re| am| are)?\s*)?(?:just\s+|really\s+)?"
    r"(?:wonder(?:ed|ing)?|(?:can't|cannot|can not|don't|do not|didn't|did not)\s+(?:remember|recall|know)|"
    r"forgot|forget|(?:'d|would)\s+like\s+to\s+know|(?:want|need|wanted|needed)\s+to\s+know|"
    r"wish\s+i\s+knew|(?:have\s+)?no\s+idea|trying\s+to\s+remember)\s+"
    r"(?P<wh>what|when|where|who|whom|whose|which|why|how|if|whether)\b", re.I)


# How a question is typed in a hurry: "whats the best way to stop a roof rusting", "how to remove
# mould from a ceiling". ("Best way to end the week: a swim" is no question.)
_ASKS_IN_A_HURRY = re.compile(r"^\s*(?:(?:" + "|".join(UNAPOSTROPHISED_QUESTION_WORDS) + r")\b|how\s+to\b)", re.I)


# Said before a question in chat, and not part of it.
_INTERJECTIONS = frozenset("omg oh ooh ah aw wow haha hahaha lol ok okay so hey yay ha".split())
# "a wood oven in a van?!", "how was it? 😂": asked, whatever marks or faces come after.
_ENDS_ASKING = re.compile(r"\?[^\w\s]*(?:\s+[^\w\s]+)*$")


_EXCLAIMED = re.compile(r"^[^?]*!")


def is_question(text: str, exclaimed: Optional[bool] = None) -> bool:
    """`exclaimed`: whether the turn a sentence is part of has a "!" and no "?" (by default, the text's own)."""
    text = text.strip()
    if _ENDS_ASKING.search(text) or _ASKS_INDIRECTLY.match(text) or _ASKS_IN_A_HURRY.match(text):
        return True
    words = re.findall(r"[a-z']+", text.lower())[:8]
    while words and words[0] in _INTERJECTIONS:  # "OMG what's his name"
        words = words[1:]
    if words and words[0] in _LEADING_PREPOSITIONS and words[1:2] and words[1] in _QUESTION_WORDS:
        words = words[1:]
    words = words[:5]
    if len(words) < 2:
        return False
    first, second = words[:2]
    if first.endswith("'s") and first[:-2] in _QUESTION_WORDS:  # "what's my blood type"
        return True
    if first == "why":  # "why parkrun all of a sudden": nothing after it but what is asked about
        return True
    if first in _QUESTION_WORDS:
        # "what subject did I teach", "which year group do I teach": a noun or two, then the verb.
        nouns_then_verb = first in ("what", "which", "whose") and second not in _SUBJECTS | {"a", "an"} \
            and any(word in _VERBS_FIRST for word in words[2:5])
        return second in _VERBS_FIRST or (first == "how" and second in HOW_MEASURES | {"come"}) or nouns_then_verb
    # "did it!! 1:52:30 yesterday", "did the Cardiff half yesterday. 1:58:40!!!": done and exclaimed, not asked.
    # "Had my flu jab this morning", "had the boiler serviced": done, the "I" left out; "had you heard?" asks.
    if first == "had" and second not in _PERSONS:
        return False
    return first in _VERBS_FIRST and second in _SUBJECTS \
        and not (bool(_EXCLAIMED.match(text)) if exclaimed is None else exclaimed)


def asks_something(text: str) -> bool:
    """A chat turn another turn may answer: a question or a request in any of its sentences
    ("any podcast recs for the drive? it's about an hour each way")."""
    if re.search(r"\?(?=\s|$)", text):  # chat is often typed in lower case, where sentences do not split
        return True
    exclaimed = bool(_EXCLAIMED.match(text))
    return any(is_question(sentence, exclaimed) or request_verb(sentence)
               for sentence, _ in split_sentences(text.strip()))


_BARE_MEDIA = re.compile(r"\[[^\]:]{1,30}\]")


def is_bare_media(text: str) -> bool:
    """A chat turn that is only a placeholder for a photo, video or sticker sent ("[photo]",
    "[sticker 😀]"), with no caption: it tells nothing, and sits between the turns that do."""
    return bool(_BARE_MEDIA.fullmatch(text.strip()))


_SAYS_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|definitely|of course)\b", re.I)


def answers_yes(text: str) -> bool:
    """A reply that says yes first answers what it replies to, even when it asks back: "yes! 11 at
    Café Mila?" to "Are we still on for brunch Sunday?"."""
    return bool(_SAYS_YES.match(text))


def what_it_asks(text: str) -> str:
    """The sentences of a turn that ask something, which is what a reply to it answers: "Gift
    ideas?" of "My dad turns 70 in March. Gift ideas?"; the whole turn when none does on its own."""
    asking = [sentence for sentence, _ in split_sentences(text.strip())
              if sentence.rstrip().endswith("?") or is_question(sentence) or request_verb(sentence)]
    return " ".join(asking) or text.strip()


# Longer than this, a message typed into a chat is answered but not kept as a memory of its own
# (a pasted document belongs in a file second-me indexes, where it is chunked and cited by line).
MAX_REMEMBERED_CHARS = 8192


TELLING_WORDS = 3  # content words a sentence of a question's turn needs to tell something of its own


def tells_before_asking(text: str) -> bool:
    """A sentence of the turn that is no question says something of its own ("we booked Porto for
    May 19. what should we do?"), judged as chat is typed, in lower case too."""
    return any(not is_question(sentence) and len(content_words(sentence)) >= TELLING_WORDS
               for sentence, _ in split_sentences(text.strip(), lower_case_starts=True))


def states_something(text: str, max_chars: int = MAX_REMEMBERED_CHARS) -> bool:
    """Words worth a memory of their own: a statement, not a question or a request (either would
    be found as the source of its own answer next time), not empty, not a paste over `max_chars`.
    A question told with news before it keeps the news ("we finally booked the flat in Porto for
    June 3. any tips on what to eat?")."""
    text = text.strip()
    return bool(text) and len(text) <= max_chars and (not is_question(text) or tells_before_asking(text)) \
        and not request_verb(text) and small_talk(text) is None


def direct_question(text: str) -> str:
    """The question a statement asks: "I wonder where I stayed in Lisbon" → "where I stayed in
    Lisbon?", read as the question it is. Other text, and "I wonder if…", is returned as it is."""
    lead = _ASKS_INDIRECTLY.match(text)
    if not lead or lead.group("wh").lower() in ("if", "whether"):
        return text
    asked = text[lead.start("wh"):].strip().rstrip(".!")
    return asked if asked.endswith("?") else asked + "?"


# "what's the best way to store the starter?": a how-to, which "best way" only says.
_ASKS_HOW_TO = re.compile(r"^\s*(?:what(?:['’]?s|\s+is)\s+)?(?:the\s+)?(?:best|easiest|quickest|right)\s+way\s+to\b",
                          re.I)


def asking_words(question: str) -> frozenset[str]:
    """The words of a question that only say it is one ("I wonder where…", "I can't remember
    when…", "what's the best way to…"): not what it is about, so no memory needs to contain them."""
    lead = _ASKS_INDIRECTLY.match(question) or _ASKS_HOW_TO.match(question)
    return frozenset(re.findall(r"[a-z]+", lead.group(0).lower())) if lead else frozenset()


def request_words(question: str) -> frozenset[str]:
    """The words of a request that say what to do, not what it is about (lower case)."""
    if not request_verb(question):
        return frozenset()
    notes_say = _NOTES_SAY.match(question)
    lead = frozenset(re.findall(r"[a-z]+", notes_say.group(0).lower())) if notes_say else frozenset()
    return lead | frozenset(w for w in re.findall(r"[a-z]+", question.lower()) if w in REQUEST_WORDS)


# What a question's verb is found after: an auxiliary and its subject ("when *did Owen* cook…",
# "what *has Mei* cooked…", "when *was Arlo* born"), a verb that takes another ("need to borrow"),
# or the question word itself ("what knocked Kofi off his bike?").
_AUXILIARIES = frozenset("do does did has have had was were is are will would can could should".split())
_SUBJECT_PRONOUNS = frozenset("i you he she we they it".split())
_DETERMINERS = frozenset("my our your his her their the a an this that".split())
_TAKES_A_VERB = frozenset("want wants wanted need needs needed try tries tried trying decide decided learn learning "
                          "going plan planned hope hoped start started manage managed like ask asked".split())
_NOT_VERBS = STOPWORDS | frozenset("been being".split())
# A clause telling of another event, whose verb follows its subject: "how old was Owen *when he started*…"
_CLAUSE_WORDS = frozenset("when after before since while until once".split())
# …and a verb going on in another's -ing form: "started *walking*", "gave up *smoking*".
_TAKES_AN_ING = frozenset("start starts started begin began begun stop stops stopped quit quits finish finished "
                          "keep keeps kept up".split())
_THEN_OBJECT = frozenset("for to about with at on in from of".split())
_ADVERBS = frozenset("still really actually ever already just also first usually always never recently".split())


def asked_verbs(question: str) -> frozenset[str]:
    """The verbs of a question, lower case: how what is asked happened, which memory tells in
    its own words ("had the baby" for "born", "flew to" for "travelled", "made" for "cooked"),
    where the question's nouns name the thing itself."""
    tokens = re.findall(r"[\w'’-]+", question)
    lowered = [token.lower() for token in tokens]
    verbs: set[str] = set()

    def verb_at(j: int, surely: bool = True) -> None:
        if j < len(tokens) and tokens[j].isalpha() and tokens[j].islower() and lowered[j] not in _NOT_VERBS \
                and (surely or looks_like_a_verb(lowered[j])):
            verbs.add(lowered[j])

    if len(tokens) > 2 and lowered[0] in _QUESTION_WORDS and lowered[1].endswith("ed") \
            and lowered[2] not in _AUXILIARIES:
        verb_at(1)  # "what knocked Kofi off his bike?", not "what breed is Dev's dog?"
    for i, word in enumerate(lowered):
        if word in _AUXILIARIES:
            j, surely = _after_subject(tokens, lowered, i + 1)
            # After "did the GP" a word ending the question or before a preposition is its verb
            # ("prescribe for my migraines?"), where a second noun has one after it ("appointment cost").
            surely = surely or (word in ("do", "does", "did")
                                and (j + 1 >= len(tokens) or lowered[j + 1] in _THEN_OBJECT))
            while j < len(tokens) and (lowered[j] in ("been", "being") or lowered[j] in _ADVERBS):
                j += 1
            verb_at(j, surely)
        elif word == "to" and i > 0 and (lowered[i - 1] in _TAKES_A_VERB or i > 1 and lowered[i - 2] in _TAKES_A_VERB
                                         and lowered[i - 1] in ("me", "us", "him", "her", "them")):
            verb_at(i + 1)
        elif word in _CLAUSE_WORDS and i + 2 < len(tokens) \
                and (lowered[i + 1] in _SUBJECT_PRONOUNS or tokens[i + 1][:1].isupper()):
            verb_at(i + 2, surely=False)
    for i in range(1, len(tokens)):
        if lowered[i - 1] in _TAKES_AN_ING and (lowered[i - 1] in verbs or lowered[i - 1] == "up") \
                and lowered[i].endswith("ing"):
            verb_at(i)
    return frozenset(verbs)


def _after_subject(tokens: list[str], lowered: list[str], j: int) -> tuple[int, bool]:
    """Where the words after an auxiliary's subject start, past a pronoun, a name, or a noun with
    its determiner and possessives ("my daughter's fiancé", "Mei's visa", "Tariq's 34th birthday");
    and whether the next word is surely not the subject's: after "the physio" it may be its second
    noun ("appointment"), so only a word that looks like a verb is taken for one."""
    if j >= len(tokens):
        return j, True
    if lowered[j] in _SUBJECT_PRONOUNS:
        return j + 1, True
    if tokens[j].isalpha() and tokens[j].islower() and lowered[j] not in _NOT_VERBS | _DETERMINERS \
            and not lowered[j].endswith("ly") and j + 1 < len(tokens) \
            and tokens[j + 1].isalpha() and tokens[j + 1].islower() and lowered[j + 1] not in _NOT_VERBS:
        return j + 1, True  # a name typed in lower case ("when did owen cook haggis"), not the verb itself ("was born in")
    possessive = determined = lowered[j] in _DETERMINERS
    if determined:
        j += 1
    while j < len(tokens) and (tokens[j][:1].isupper() or tokens[j].isdigit()):
        possessive = tokens[j].endswith(("'s", "’s"))
        j += 1
        if not possessive:
            break
    while j < len(tokens) and possessive:  # the thing that is theirs, past its ordinal or number
        while j < len(tokens) and re.fullmatch(r"\d+(?:st|nd|rd|th)?", lowered[j]):
            j += 1
        determined = True
        possessive = j < len(tokens) and tokens[j].endswith(("'s", "’s"))
        j += 1
    return j, not determined


# Words that make a few words a sentence someone says, not keywords typed to search.
_SENTENCE_WORDS = frozenset("""
i i'm i've i'd i'll me my mine we we're we've our us he he's his him she she's her they they're their them it's
is was are were am be been have has had do did does will would can could got get gets went go goes
""".split())
# Words that make a turn chatter, not news: "ok thanks" is kept, but not acknowledged as news.
_SOCIAL_WORDS = frozenset("""
ok okay thanks thank thx cheers haha hahaha lol nice cool great good fine sure yes yeah yep no nope hi hello hey bye
morning night evening afternoon welcome sorry alright right awesome perfect wow oh ah hmm
""".split())


TELLING = 3  # words that are not chatter a sentence needs to tell something


def how_much_it_tells(text: str) -> int:
    """Its content words that are not chatter ("haha", "thanks", "nice"); none for a question."""
    return 0 if is_question(text) else len([word for word in content_words(text) if word not in _SOCIAL_WORDS])


def tells_news(text: str, max_chars: int = MAX_REMEMBERED_CHARS) -> bool:
    """The user telling something to remember ("I moved to Berlin last week"): a statement kept as
    a memory, with at least two words of content that are not chatter ("ok thanks", "good morning"),
    and a sentence (a person or a verb in it, or its full stop), not keywords ("sourdough proofing time").
    News told before a question is kept, and the question answered ("…booked the flat in Porto. any tips?")."""
    words = content_words(text)
    sentence = text.rstrip().endswith((".", "!")) or bool(_SENTENCE_WORDS & set(re.findall(r"[a-z']+", text.lower())))
    return states_something(text, max_chars) and not is_question(text) and len(words) >= 2 \
        and any(w not in _SOCIAL_WORDS for w in words) \
        and sentence
