"""Everyday topics a gathering question asks across: "What's been wrong with Ruben's health?",
"Where has Harriet travelled to this year?", "What has Bea bought?", "What has Nina taken up?".

What answers such a question rarely says the topic's word: "got concussed at frisbee on Saturday",
"had a wisdom tooth out yesterday" tell of health without the word, and the question's own vector
sits far from them. Each topic is given as a few sentences of the kind that tell of it; a memory
close to any of them is a candidate (the best of its similarities ranks it), searched beside the
question itself. Only the topics people gather across most; a question naming its own activity
("Where have I been swimming?") is left to its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from second_me.models.base import Embedder


@dataclass(frozen=True)
class Topic:
    name: str
    asked: re.Pattern  # how a question asks for the topic
    told: tuple[str, ...]  # sentences of the kind that tell of one


TOPICS = (
    Topic("health", re.compile(r"\b(?:health\w*|ill(?:ness(?:es)?)?|injur(?:y|ies|ed)|hurt|sick(?:ness)?|"
                               r"medical|wrong\s+with)\b", re.I),
          ("I got sick and went to the doctor", "I hurt myself and it's swollen", "I broke my wrist",
           "ended up in hospital", "I've got the flu", "the dentist pulled a tooth", "I got injured playing sport",
           "the doctor gave me antibiotics", "I had an operation on my knee")),
    Topic("travel", re.compile(r"\b(?:been|go(?:ne)?|went|gone)\s+away\b|\btravel+(?:ed|ing)?\b(?!\s+for\s+work)"
                               r"|\btrips?\b|\bholidays?\b|\bvacations?\b", re.I),
          ("we're back from our trip", "I flew to Rome for the weekend", "we went away for a few days",
           "on holiday at the beach", "just landed", "the hotel was lovely", "we went camping",
           "I'm flying over for the wedding", "we drove down to the coast for the weekend",
           "I'm away for work next week")),
    Topic("purchases", re.compile(r"\b(?:bought|buy|purchases?|purchased)\b", re.I),
          ("I bought a new bike", "we finally got a new car", "it cost 450", "I ordered one online",
           "picked it up second hand")),
    Topic("pastimes", re.compile(r"\b(?:taken|took|take)\s+up\b|\bhobb(?:y|ies)\b|\blike\s+doing\b"
                                 r"|\b(?:free|spare)\s+time\b|\bactivities\b", re.I),
          ("I've started going to a class", "I signed up for lessons", "I joined a club",
           "my first session was great", "I've taken up a new hobby", "I go every Tuesday night now")),
    # Jobs someone has had, not jobs to do ("What jobs are left on the house?").
    Topic("work", re.compile(r"\bjobs?\s+(?:has|have|had|did|does|do|at|as)\b|\bworked\b", re.I),
          ("I got the job!", "I start at the new place on Monday", "I handed in my notice",
           "they offered me the position", "my first shift went fine", "I've been promoted to manager")),
    Topic("gifts", re.compile(r"\b(?:presents?|gifts?)\b|\b(?:sent|posted)\s+(?:me|us|you|him|her|them)\b"
                              r"|\bin\s+the\s+(?:post|mail)\b", re.I),
          ("thank you for the present", "your parcel arrived this morning", "I got you a little something",
           "she gave me a scarf for my birthday", "I made you something", "I posted you a box of chocolates")),
    Topic("cooking", re.compile(r"\b(?:cook(?:ed|s|ing)?|bake[ds]?|baking)\b|\bwhat\s+food\b", re.I),
          ("I made lasagne for dinner", "I baked a cake", "I tried a new recipe tonight", "we had the best pasta",
           "the food there was amazing")),
    # What has been grown, not who grew up where ("Where did Noemi grow up?").
    Topic("growing", re.compile(r"\b(?:grow(?:n|s|ing)?|grew|planted|harvest(?:ed)?)\b(?!\s+up\b)", re.I),
          ("I planted the first seeds this morning", "the tomatoes are finally ripening", "we've had courgettes "
           "for weeks", "dug up the potatoes today", "the beans are coming up", "picked the first strawberries")),
    Topic("visitors", re.compile(r"\bwho\s+(?:has|have)\s+(?:come|visited|stayed|been)\b|\bvisit(?:ed|ors?)\b", re.I),
          ("my parents are staying with us this week", "she's coming to visit", "we had friends over for the weekend",
           "he arrives on Friday")),
)


# Asked what is so now of where someone lives or what they do, the answer is a move or a new job
# told in none of the question's words: "WE'RE IN. moved into Bramley on Saturday" for "Where do
# Tariq and Hannah live now?", "first day at Cotham Park yesterday!!" for "Which school does Nina
# teach at now?".
NOW_TOPICS = (
    Topic("home", re.compile(r"\bwhere\b.{0,40}\b(?:live[sd]?|living)\b|\bwhere(?:['’]s|\s+is)\s+home\b", re.I),
          ("we moved into the new flat", "we bought a house", "we're renting a place in town",
           "we got the keys today", "she's moving into a care home", "my new place has a garden")),
    Topic("job", re.compile(r"\bfor\s+(?:a\s+)?living\b|\b(?:job|jobs|work|works|working|teach|teaches|teaching)\b"
                            r"(?!\s+(?:out|on)\b)", re.I),
          ("I got the job!", "I start at the new place on Monday", "I handed in my notice",
           "they offered me the position", "my first shift went fine", "first day at the new job today",
           "I've been promoted to manager")),
)


def topic_asked(question: str) -> Optional[Topic]:
    """The everyday topic a gathering question asks across, if it asks one."""
    return next((topic for topic in TOPICS if topic.asked.search(question)), None)


def topic_now(question: str) -> Optional[Topic]:
    """The topic a question of what is so now asks of, where someone lives or what they do, if either."""
    return next((topic for topic in NOW_TOPICS if topic.asked.search(question)), None)


# (model, dimensions, topic) → the topic's sentences embedded: search and the quotes both read them.
_TOLD_VECTORS: dict[tuple[str, int, str], list] = {}


def told_vectors(topic: Topic, embedder: Embedder) -> list:
    """The vectors of the sentences telling of `topic`, embedded once per model."""
    key = (embedder.model_id, embedder.dim, topic.name)
    if key not in _TOLD_VECTORS:
        _TOLD_VECTORS[key] = embedder.embed(list(topic.told))
    return _TOLD_VECTORS[key]


def closest_to_topic(topic: Topic, embedder: Embedder,
                     search: Callable[[Sequence[float]], list[tuple[int, float]]]) -> dict[int, float]:
    """The memories `search` finds for each sentence telling of `topic`, each with its best similarity to
    any of them: how plainly it tells of the topic, whatever words a question used for it."""
    best: dict[int, float] = {}
    for vector in told_vectors(topic, embedder):
        for memory_id, score in search(vector):
            best[memory_id] = max(best.get(memory_id, score), score)
    return best
