"""What a question asks for, and whether the memories found could hold it.

Similarity tells whether memories are *about* the question's subject, not whether they
*answer* it: "what is my dentist's name?" lands right on "went to the dentist today". Classic
question answering checks the expected answer type instead, and so does this module, for the
types a plain memory states outright:

- a name ("what is X's name", "what is X called", "what did I call X"): a capitalised word
  the question does not already contain, or a word after "called"/"named";
- a number ("how much", "how long", "what time", "how many X does Y have", "what is my shoe size"): 12 or twelve;
- an age ("how old"): "two years old", "aged 7", "her 65th birthday" — not just any number;
- a date ("when is X", "what date", "which day"): a month, weekday, ordinal day or dated form.

A money question ("how much did I pay…") wants an amount ($350, 200 euros), a birthday a day of the year
(June 2), not any number or weekday. Only memories that mention the question's subject count: every name in
the question (Miso, Tomás) or, without names, one of its content words (in any form: "raised" for "raise");
and a name is never stated for something no memory mentions ("Miso's vet"). Questions answered from when
memories happened rather than from what they say ("when did I…", "how long have I…", "how many concerts
have I been to") are not typed: nothing is checked.

It also finds the question's proper names and its answer-type words ("which *city*", "what is my *diet*"): a name
no memory contains means the question is about something never mentioned, while an answer-type word is expected
to be missing (memory says "Valencia", not "city")."""

from __future__ import annotations

import re
from typing import Iterable, Optional

from second_me.text.words import HOW_MEASURES, STOPWORDS, stem, stems
from second_me.text.owners import named_others, occasions_of_others, someone_elses
from second_me.text.names import MONTHS, TOKEN, WEEKDAYS, fold, has_name_of, named_when_asked, names_in, said_for_them
from second_me.text.stated import (AGE_STATED, DATE_STATED, DAY_OF_YEAR_STATED, MONEY_STATED, NUMBER_WORDS,
                                  OCCUPATION_STATED, ORDINAL_WORDS, PAYING_WORDS, occasion_told)
from second_me.text.categories import (CATEGORY_ARTICLES, CATEGORY_KINDS, NAMED_CATEGORIES, PERSON_WORDS, PLACE_NOUNS,
                                       STREET, UNPLACED_CATEGORIES, category_asked, colour_asked, states_category)
from second_me.text.measures import MEASURE_KINDS, MEASURED_NOUNS, asked_measure, asks_a_sum, states_measure
from second_me.text.word_forms import RELATIVES, synonyms

NAME, NUMBER, MONEY, DATE, DAY_OF_YEAR, AGE = "name", "number", "money", "date", "day of year", "age"
LODGING = "lodging"  # where someone stayed or slept: a hostel, an apartment, a tent
OCCUPATION = "occupation"  # what someone does for a living: a trade, a post, work somewhere
PHONE, EMAIL = "phone number", "email address"
WITH_ARTICLE = {NAME: "a name", NUMBER: "a number", MONEY: "an amount", DATE: "a date", DAY_OF_YEAR: "a date",
                AGE: "an age", PHONE: "a phone number", EMAIL: "an email address", LODGING: "a place to stay",
                OCCUPATION: "a job", **CATEGORY_ARTICLES}

# Nouns whose value is a number: "what is my shoe size?", "the plumber's phone number".
NUMERIC_NOUNS = frozenset("size age height weight price cost number salary score budget balance level rate".split())
# Words that say what kind of answer is wanted; they are never the subject a memory must mention.
NAMING_WORDS = frozenset("name names named call called surname surnames".split())
TYPE_WORDS = NAMING_WORDS | frozenset("time date day much many old long far tall heavy big".split()) | NUMERIC_NOUNS
# Verbs that say little on their own ("where did I *spend* Christmas?", "the suburb I *live* in", "what *happened*
# with…"), and "home", where one lives ("where's home for Linda and me now?": memory says "the condo in Bedford").
LIGHT_VERBS = frozenset("go goes going gone went come came get got buy bought make made take took put spend spent "
                        "stay stayed staying live lives lived living see saw seen have has say says said tell told "
                        "plan planned planning think thought want wanted need needed total home use uses used using "
                        "happen happened".split())
# Words placing a question in time ("last Christmas", "my next trip"): a memory need not say them.
TIME_WORDS = frozenset("last next previous recent recently ago lately".split())
# Which part of a name is asked for: memory holds the whole name, never the word "middle". How many
# words that whole name has at least ("Owen James Fraser" has a middle name; "Iris" alone has none).
NAME_PART_WORDS = {"first": 1, "given": 1, "second": 3, "middle": 3, "last": 2, "family": 2, "full": 2, "maiden": 2}
NAME_PARTS = frozenset(NAME_PART_WORDS)
_NAME_PART = re.compile(r"\b(" + "|".join(NAME_PART_WORDS) + r")\s+names?\b", re.I)
# Whose name it is, when the question says: "What's *Noemi*'s last name?"
_NAME_OWNER = re.compile(r"\b([A-Z][\w-]*)['’]s\s+(?:(?:" + "|".join(NAME_PART_WORDS) + r")\s+names?|surnames?)\b")
# What a contact detail is asked as: memory gives the number or the address, rarely the words.
CONTACT_DETAILS = frozenset({(w, "number") for w in ("phone", "mobile", "telephone", "cell")}
                            | {(w, "address") for w in ("email", "e-mail", "mail")})
WH_DETERMINERS = frozenset({"what", "which", "whose"})
PREPOSITIONS = frozenset("in on at for from to with by of about into during".split())

_COMPARES = re.compile(r"\bthan\b|\bdifference between\b|\bcompared?\b|\bversus\b|\bvs\b", re.I)
_SPEAKER = re.compile(r"(?:^|(?<=\s))[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?: ")  # "Priya Shah: " before a turn
_CONTRACTION = re.compile(r"\b(what|who|where|when|which|how|that|it|there)['’]s\b", re.I)
_OWNER = re.compile(r"\b(\w+?)(?:['’]s|(?<=s)['’])(?!\w)")  # "Ruben's", "the twins'"
_MY_THING = re.compile(r"\bmy\s+([a-z]+)\b(?!['’])", re.I)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(word, was it possessive) for each token: surrounding punctuation and a possessive 's taken
    off ("Lena's" → Lena, True); "what's" is "what is"."""
    out = []
    for token in TOKEN.findall(_CONTRACTION.sub(r"\1 is", text)):
        word = re.sub(r"['’]s$", "", token.rstrip(".'’-"))
        if word:
            out.append((word, bool(re.search(r"['’]s$", token, re.I))))
    return out


def _words(text: str) -> list[str]:
    return [word for word, _ in _tokens(text)]


def folded_words(text: str) -> set[str]:
    """The words of `text` as two mentions of a word are compared (`fold`)."""
    return {fold(word) for word in _words(text)}


def asked_words(question: str) -> set[str]:
    """The question's words as `has_answer` is given them: every run of letters and digits, folded
    ("daughter-in-law" is three, unlike `folded_words`)."""
    return {fold(word) for word in re.findall(r"\w+", question)}


# How a job is asked for ("what does Jo do for *work*?"): a memory saying "work" is not about the job for it.
_JOB_WORDS = frozenset("work living job jobs occupation profession career".split())
_MEASURED_NOT_PAID = MEASURED_NOUNS - {"price", "cost", "amount", "rate"}


def expected_answer(question: str) -> Optional[str]:
    """The kind of answer (NAME, NUMBER, MONEY, DATE, DAY_OF_YEAR, AGE, PHONE, EMAIL, LODGING, OCCUPATION,
    BREED, STREET) a memory would have to state; else None."""
    q = " ".join(_words(question.lower()))
    # "Which hotel are we staying at in Edinburgh?": a place to stay, which "going to Scotland" is not.
    if re.match(r"(?:at |in )?(?:which|what) (?:hotel|hostel|guest ?house|b&b|airbnb|campsite|motel|inn)s?\b", q):
        return LODGING
    if re.search(r"\b(phone|mobile|telephone|cell) (number|no)\b", q):
        return PHONE
    if re.search(r"\be-?mail\b", q):
        return EMAIL
    if re.search(r"(?<![\w-])(name|names|named|called|call|surname|surnames)(?![\w-])", q):
        return NAME  # whole words: "When is the on-call handbook due?" asks a date, not what a thing is called
    # "What does Stuart do for a living?", "What's my job now?": not "what did the brake job cost".
    if re.search(r"\bdo(?:es)? for (?:a )?(?:living|work)\b|\bdid .+ do for (?:a )?(?:living|work)\b", q) \
            or re.match(r"(?:what|which) (?:(?:is|was|does|did) )?(?:\w+ ){0,3}?(?:job|occupation|profession)"
                        r"(?: title)?(?: now| these days| nowadays)?$", q) \
            or re.match(r"(?:what|which) (?:job|occupation|profession) (?!did\b)", q):  # "which job did Sam get?": Olu's?
        return OCCUPATION
    if re.match(r"(when (is|are)|what date|(on )?(which|what) day)\b" + _NO_TIME, q) or re.search(r"\bwhat date\b", q) \
            or re.match(_DAY_OF, q):
        # A birthday comes round every year: "on Saturday" or "2011" does not say when it is.
        return DAY_OF_YEAR if re.search(r"\b(birthday|anniversary|name day)\b", q) else DATE
    if re.match(r"how old\b", q):
        return AGE
    if re.match(r"how much\b.*\b(pay|paid|cost|costs|spend|spent|owe|owes|earn|earns|money|rent|charge|price|give|gave"
                r"|lend|lent)\b", q) \
            or re.match(r"what (did|does|do|will|would)\b.*\bcost\b", q) \
            or re.match(r"how much (is|are|was|were)\b", q) and not set(q.split()) & _MEASURED_NOT_PAID:
        return MONEY  # "What did the RAV4 cost me?", "How much are tickets?" (not "how much is the dose?")
    if re.match(r"(how (much|far|tall|heavy|big)|what time)\b", q):
        return NUMBER
    # "How long do I bake it?" is stated; "how long have I lived here?" is counted from dates. "How many children
    # does Priya have?" is stated; "how many concerts have I been to?" is counted.
    if re.match(r"how long\b", q) and not re.search(r"\b(have|has|ago|since)\b", q) \
            or re.match(r"how many\b.*\b(do|does)\b.*\bhave\b", q):
        return NUMBER
    if re.match(r"what (is|are|was|were)\b", q) and any(w in NUMERIC_NOUNS for w in q.split()[-2:]):
        return NUMBER
    return category_asked(question, answer_type_words(question), NAME)  # "which airline…", "what breed…"


def answer_type_words(question: str, whole: bool = False) -> set[str]:
    """The noun the question asks for: "which *city*…", "what kind of *bike*…", "what is my *diet*", "X's *name*";
    `whole`: all of what is asked for, "what *health problems*…", "what *illnesses* and *injuries*…", but a name.

    Memory is not expected to contain it (it says "Valencia", not "city"; "plantar fasciitis", not "health")."""
    written = _tokens(question)
    tokenised = [(word.lower(), possessive) for word, possessive in written]
    tokens = [word for word, _ in tokenised]
    if len(tokens) > 1 and tokens[0] == "how" and tokens[1] in HOW_MEASURES:
        return {tokens[1]}  # "how *often* do I check the tyres?": memory says "before every ride"
    i = 0
    while i < len(tokens) and tokens[i] in PREPOSITIONS:  # "on which day", "in what city"
        i += 1
    if i >= len(tokens) or tokens[i] not in WH_DETERMINERS:
        return set()
    i += 1
    if i + 1 < len(tokens) and tokens[i] in ("kind", "sort", "type") and tokens[i + 1] == "of":
        i += 2
    copular = i < len(tokens) and tokens[i] in ("is", "are", "was", "were")
    if copular:
        i += 1
        while i < len(tokens) and tokens[i] in ("my", "our", "your", "the", "a", "an"):
            i += 1
    run: list[str] = []
    while i < len(tokens):
        word = tokens[i]
        if word in ("called", "named"):  # "what is Lena's husband called?" asks for a name
            return set()
        if word in STOPWORDS:
            if whole and word in ("and", "or") and run and i + 1 < len(tokens) and tokens[i + 1] not in STOPWORDS:
                i += 1
                continue
            break
        run.append(word)
        if tokenised[i][1]:  # "Lena's husband": the husband is asked for, Lena is the subject
            run = []
        i += 1
    if len(run) > 1 and run[-1] in ("name", "names") and run[-2] in NAME_PARTS:
        return set(run[-2:])  # "my grandson's middle name": memory says "Owen James Fraser"
    if len(run) > 1 and (run[-2], run[-1]) in CONTACT_DETAILS:
        return set(run[-2:])  # "the electrician's phone number": memory says "Sofia, +351 912 000 111"
    if whole:
        names = {word.lower() for word, _ in written if word[:1].isupper()}
        return {word for word in run if word not in names}
    return {run[-1]} if run else set()


def proper_names(question: str) -> list[str]:
    """Capitalised words of the question: Lena, Miso, Paris, Black Friday. The first word is one
    only when possessive ("Lena's husband…"): every sentence starts with a capital, and
    "Summarize…", "Explain…" are no names.

    In a question typed in capitals or Title Case ("What Is My…"), capitals say nothing: no names."""
    tokens = _tokens(question)
    if any(w[0].isupper() and w.lower() in STOPWORDS and w.lower() != "i" for w, _ in tokens[1:]):
        return []
    names = []
    for position, (word, possessive) in enumerate(tokens):
        lower = word.lower()
        if not word[0].isupper() or lower in MONTHS | WEEKDAYS | STOPWORDS | {"i", "i'm", "i'd", "i've", "i'll"}:
            continue
        if position == 0 and not possessive:
            continue
        names.append(word)
    return names


def names_and_details(question: str) -> tuple[list[str], list[str]]:
    """The question's proper names, and the other words it says about them (not the word naming
    what is asked, nor question or answer-type words): "what does *Tilly* do for *work*?"."""
    names = proper_names(question)
    asked_for = {fold(word) for word in answer_type_words(question)}
    details = [w for w in _words(question) if w.lower() not in STOPWORDS | TYPE_WORDS
               and w.lower() not in WH_DETERMINERS | {"how"} and w not in names and fold(w) not in asked_for]
    return names, list(dict.fromkeys(details))


def says_little(words: Iterable[str]) -> bool:
    """Only light verbs ("where did I spend…", "the suburb I live in") and time words ("last
    Christmas"): their absence proves nothing (their presence may still say a memory is about it)."""
    return all(word.lower() in LIGHT_VERBS | TIME_WORDS for word in words)


# "when…?", "on what day…?", "in which month…?", "what year…?"; "What was my first day at the college?", "What
# was the date of Sam's last shift?" too. Not a day rate, a day trip, a year group: things named by a time word.
_NO_TIME = r"(?!\s+(?:like|rates?|jobs?|trips?|pass(?:es)?|tickets?|care|cent(?:re|er)s?|nursery|groups?)\b)"
_DAY_OF = r"(?:what|which)(?:['’]s|\s+(?:was|is|were))\s+(?:(?:the|my|our|his|her|their|\w+['’]s)\s+)?" \
          r"(?:(?:first|last|next)\s+)?(?:date|day)\b" + _NO_TIME
# "What night did Kwame see the northern lights?": the night something happened (not "what night bus…", nor
# "which night do I play five-a-side?", a weekday).
_NIGHT_OF = r"(?:(?:on|in)\s+)?(?:what|which)\s+(?:night|evening|morning|weekend)\s+did\b"
ASKS_WHEN = re.compile(r"^\s*(?:when\b|(?:(?:on|in)\s+)?(?:what|which)\s+(?:date|day|weekday|month|year)\b" + _NO_TIME
                       + "|" + _DAY_OF + "|" + _NIGHT_OF + ")", re.I)
ASKS_MONTH_OR_YEAR = re.compile(r"^\s*(?:in\s+)?(?:what|which)\s+(month|year)\b", re.I)
_LODGING = re.compile(r"\b(?:hotels?|hostels?|airbnbs?|apartments?|flats?|cottages?|cabins?|villas?|motels?|inns?"
                      r"|ryokans?|guest\s?houses?|b\s?&\s?b|bed and breakfast|campsites?|camping|tents?|caravans?"
                      r"|lodges?|chalets?|stayed|staying|slept)\b")
ASKS_WHERE_STAYED = re.compile(r"^\s*where\b.*\b(?:stay|stayed|staying|stays|sleep|slept|sleeping|sleeps)\b", re.I)


_WHO_OR_WHERE = re.compile(r"\s*(?:who|whom|where)\b", re.I)


def wanted_kind(question: str) -> str | None:
    """The kind of answer a sentence should state (a number, a name, a date…), if the question says.
    "Who…" and "where…" want a person or a place: a name, though memory may say it otherwise ("my
    sister", "the clinic"), so this only ranks sentences and never refuses (`lacks_answer` does not ask it)."""
    kind = expected_answer(question)
    if kind == NUMBER:  # "how big was my kidney stone?": "4 millimetres", not "a hundred times"
        return asked_measure(question) or kind
    if kind is None and ASKS_WHERE_STAYED.match(question):
        return LODGING
    if kind is None and {fold(w) for w in re.findall(r"[a-z]+", question.lower())} & MEASURED_NOUNS:
        return asked_measure(question) or NUMBER  # "What was my half marathon time?": how long it took
    if kind is None and _WHO_OR_WHERE.match(question):
        return NAME
    return kind or (MONEY if asks_a_sum(question) else colour_asked(question))


def has_answer(kind: str, text: str, question_words: set[str]) -> bool:
    """Does `text` state something of this kind that the question does not already say?"""
    lower = text.lower()
    if kind == NAME:
        return bool(names_in(text, question_words))
    if kind == PHONE:  # "+351 912 000 111", "0161 496 0000": not a price or a date
        return bool(re.search(r"\+?\d[\d ().-]{5,}\d", text)) and len(re.findall(r"\d", text)) >= 7
    if kind == EMAIL:
        return bool(re.search(r"[\w.+-]+@[\w-]+\.\w", text))
    if kind == LODGING:  # "the hostel in Alfama", not the bakery in Belém
        return bool(_LODGING.search(lower))
    if kind == OCCUPATION:  # "he's a plumber, works for himself", not "Stuart's doing a roast"
        return bool(OCCUPATION_STATED.search(lower))
    words = set(re.findall(r"[a-z]+", lower))
    if kind == AGE:  # "two years old", "aged 7", "her 65th birthday": not just any number
        return bool(AGE_STATED.search(lower))
    if kind == MONEY:  # "$350", "1,480 euros", "200 bucks", "12k": not a board length or a date
        return bool(MONEY_STATED.search(lower))
    if kind == DAY_OF_YEAR:
        return bool(DAY_OF_YEAR_STATED.search(lower))
    if kind == NUMBER:
        return bool(re.search(r"\d", text)) or bool(words & NUMBER_WORDS)
    if kind in MEASURE_KINDS:
        return states_measure(kind, text)
    if kind in CATEGORY_KINDS:
        return states_category(kind, text)
    if kind == DATE:
        weekly = {w.removesuffix("s") for w in words} & WEEKDAYS  # "on Tuesdays" (not "I had seconds")
        return bool(DATE_STATED.search(text) or words & (MONTHS | WEEKDAYS | ORDINAL_WORDS) or weekly) \
            or _states_condition(lower, question_words)
    return True


def _states_condition(lower: str, question_words: set[str]) -> bool:
    """"When is the starter ready?" is answered by a condition, not a day: "It is ready when it has doubled"."""
    return any(re.search(rf"\b{re.escape(word)}\s+(?:when|once|as soon as)\b", lower)
               for word in question_words if word not in STOPWORDS and len(word) > 2)


def lacks_answer(question: str, texts: Iterable[str | tuple[str, str]], unknown_terms: Iterable[str],
                 whoever: bool = False) -> Optional[str]:
    """The expected answer kind when none of the memories about the question's subject states one; else None.
    `texts`: each memory's text, or its text and what was said just before it (what it is about, never the
    answer). `whoever`: the people the question names set aside."""
    kind = expected_answer(question)
    if kind is None:
        return None
    unknown = {fold(t) for t in unknown_terms}
    question_words = folded_words(question)
    named = {fold(n) for n in proper_names(question)} - unknown
    names = set() if whoever else named
    # Not what the answer is ("which *airline*": memory says "KLM"), nor how it is paid.
    about_words = {fold(w) for w in _words(question) if w.lower() not in STOPWORDS and w.lower() not in TYPE_WORDS
                   and w.lower() not in WH_DETERMINERS | {"how"}
                   and not (kind in (NAME, STREET) and w.lower() in NAME_PARTS | NAMED_CATEGORIES)
                   and not (kind == MONEY and w.lower() in PAYING_WORDS)}
    subject = {told for word in about_words - unknown - (named if whoever else set()) for form in synonyms(word)
               for told in ((fold(form),) if word in named else (fold(form), stem(form)))}
    # "Which hospital…" names a place, not a thing memory must say: "my operation" may be "surgery" there.
    category = kind in (NAME, STREET) and bool(answer_type_words(question) & NAMED_CATEGORIES)
    if not names and not subject:
        return None if category else kind  # everything the question is about is unknown to memory
    if kind == NAME and about_words & unknown and not category:
        return kind  # the name of a vet, a husband, a teacher that memory never mentions
    part = _NAME_PART.search(question) if kind == NAME else None
    needed = NAME_PART_WORDS[part.group(1).lower()] if part else 2 if re.search(r"\bsurnames?\b", question, re.I) else 1
    # Asked Noemi's surname, the name memory states is Noemi's: "Noemi Rossi", not "Mila Brown".
    owner = owner.group(1) if needed > 1 and (owner := _NAME_OWNER.search(question)) else ""
    each = len(names) > 1 and _COMPARES.search(question) is not None  # "How much cheaper was the Mill than the barn?"
    pairs = (item if isinstance(item, tuple) else (item, "") for item in texts)
    about = [(text, mentioned, before) for text, before in pairs
             if _about(mentioned := folded_words(text) | folded_words(before) | stems(f"{text} {before}")
                       | said_for_them(text, names), names, subject, each)]
    mine = {fold(m.group(1)) for m in _MY_THING.finditer(question)} - RELATIVES  # not "the neighbour's cat, Pickles"
    about = [(text, mentioned, before) for text, mentioned, before in about if not someone_elses(text, mine)]
    # Asked about someone's thing ("Simba's vet"), the memories whose own words mention both are about it, when there
    # are any: "Took Simba to the vet" names no vet, and a move to Kitengela with Simba is no answer. Not by a speaker's
    # name before their turn: "Dev: this is Inky" says what the octopus in Dev's lab is called. Not "these days",
    # "got", nor the "work" Jo does: "Jo's work do was wild" is no more about her job.
    thing = {word for word in subject - names if word not in TYPE_WORDS | LIGHT_VERBS
             and not (kind == OCCUPATION and word in _JOB_WORDS)}
    # Or named in the turns said just before it, which it goes on about: "she's fine… the vet bill was
    # £480" after "Pepper swallowed a sock… she had to have surgery".
    both = [(text, mentioned, before) for text, mentioned, before in about
            if thing and thing & mentioned and names <= folded_words(_SPEAKER.sub(" ", text)) | folded_words(before)
            and not named_others(text, thing, names)] \
        if names else []
    if kind == MONEY and thing and not both:
        # What someone paid for a thing: their amount for something else is no answer ("Ruben: I bought ski touring
        # skis. second hand, 450 francs" for "How much did Ruben's road bike cost?"), nor one naming its owner alone.
        owned = thing - {fold(m.group(1)) for m in _OWNER.finditer(question)} or thing  # not "the twins'"
        both = [(text, mentioned, before) for text, mentioned, before in about if owned & mentioned]
    if kind == DAY_OF_YEAR and not both:  # "When is Sam's birthday?": not the day of his parents' evening
        told = occasion_told(question)  # a birthday's, not a wedding's
        about = [item for item in about if told.search(item[0]) and not named_others(item[0], thing, names)
                 and not occasions_of_others(item[0], question_words)]  # "Nana turns 80" for Kwame's birthday
    # Someone's name ("the guy from Voss who bought my Volvo") or an airline's is not a place's nor a model's.
    person = kind == NAME and bool(question_words & (UNPLACED_CATEGORIES if category else PERSON_WORDS))
    # Nor is any name asked for but a place's after "in", "from", "near", "on": "Otieno's shop in Kitengela".
    placed = kind == NAME and not person and not question_words & PLACE_NOUNS
    for text, _, before in both or about:
        text = _lowered(_NO_PERSON, text) if person else _lowered(_IN_PLACE, text) if placed else text
        if has_answer(kind, text, question_words) and (needed == 1 or has_name_of(text, needed, owner)) \
                or kind == NAME and needed == 1 and named_when_asked(text, before):
            return None
    return kind


_PLACE_NAME = r"\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"  # "in Alfama", "from the Western General"
_IN_PLACE = re.compile(r"\b(?i:in|from|near|on)" + _PLACE_NAME)  # "In Kisumu for the memorial" too
_NO_PERSON = re.compile(r"\b(?i:in|at|from|near)" + _PLACE_NAME + r"|\b[A-Z]+[a-z]*\d[\w-]*")


def _lowered(pattern: re.Pattern, text: str) -> str:
    """`text` with what `pattern` matches in lower case: no longer a name `names_in` finds."""
    return pattern.sub(lambda m: m.group(0).lower(), text)


def _about(mentioned: set[str], names: set[str], subject: set[str], each: bool) -> bool:
    """Whether a memory mentioning these words is about what is asked: every name the question
    says (`each`: any of them), or, naming no one, a word of its subject."""
    if not names:
        return bool(subject & mentioned)
    return bool(names & mentioned) if each else names <= mentioned
