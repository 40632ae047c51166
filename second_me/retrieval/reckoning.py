"""Amounts worked out by rule from the amounts memory states, for either reader.

Asked "What's the difference between my old and new rent?", "How much does Tomás still owe me?" or
"How many jars of honey have my bees given me altogether?", the evidence states the amounts ("Rent
is 1,150 euros", "The rent for the new flat is 1,480 euros"); the answer is their difference, sum,
what was lent less what came back, or what is still to go to a goal. A small model copies one of
them, and a 1.5B reader often does: the sum is written under the quotes by rule ("1,480 − 1,150 =
330 euros"), every operand quoted above it, and only when the evidence leaves no doubt which amounts
count: all of one kind (the currency or the unit the question names), two of them for a difference,
one loan for what is still owed. Otherwise nothing is worked out and the usual answer stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from second_me.domain import Evidence
from second_me.text.names import fold
from second_me.text.stated import NUMBER_VALUES
from second_me.text.support import asks_to_reckon
from second_me.text.words import content_words

_SYMBOLS = "$€£¥₹₱₦₩₺₽₫₴₪฿"
_QUANTITY = re.compile(
    r"(?<![\w.,:/-])(?P<symbol>[%s])?\s?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d:/-])"
    r"(?:\s?(?:more|extra|new|other|further)\s)?(?:\s?(?P<unit>[^\W\d_]+))?" % _SYMBOLS, re.UNICODE)
_CODE_BEFORE = re.compile(r"\b(ksh|kes|kr|nok|sek|dkk|chf|zar|rs)\.?\s?$", re.I)
# Words for money after a number; a unit named in the question ("jars", "km") counts as its kind.
_CURRENCY_WORDS = frozenset("euro eur dollar usd aud cad buck pound quid franc rupee yen kroner krone kronor krona "
                            "kr nok sek dkk chf shilling ksh kes rand naira peso real reais zloty lira dirham riyal "
                            "baht ringgit rupiah won yuan rmb".split())
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_NOT_AMOUNTS = frozenset("am pm st nd rd th".split())
# "How much more of a bend does my knee need to reach Karen's goal?", "how much is still to go to my target?"
_TO_GOAL = re.compile(r"\b(?:reach|hit|make|meet|get\s+to)\b.*\b(?:goal|target)\b|\b(?:goal|target)\b.*\bto\s+go\b",
                      re.I)
# "the goal is 120", "target: £5,000", "goal of 20 km": the goal's amount follows.
_GOAL_STATED = re.compile(r"\b(?:goal|target)\b\s*(?:is|was|of|:)?\s*(?=[%s]?\d)" % _SYMBOLS, re.I)
_OWED = re.compile(r"\b(?:still\s+)?owes?\b|\bpaid\s+back\b|\bpay\s+(?:me\s+)?back\b|\bleft\s+to\s+pay\b", re.I)
_LENT = re.compile(r"\b(?:lent|lend|loaned|borrowed)\b", re.I)
# The loan told with its promise: "Sent my cousin 45,000 for a motorbike. He says he'll pay me back".
_WILL_REPAY = re.compile(r"\b(?:will|'ll|’ll|to)\s+(?:pay|give)\s+(?:me|it|us)?\s*back\b", re.I)
# Money that came back; "I lent him 200, he'll pay me back soon" is the loan itself.
_REPAID = re.compile(r"\b(?:paid|sent|gave|transferred|returned)\b", re.I)


@dataclass(frozen=True)
class _Quantity:
    value: float
    written: str  # the number as written: "1,480"
    kind: str  # a currency symbol or word, a unit ("km", "jar"), or "" for a bare number
    before: bool  # the symbol stands before the number ("£640"), not after ("640 kr")
    item: Evidence


def worked_out(question: str, evidence: Sequence[Evidence]) -> Optional[tuple[list[Evidence], str]]:
    """(the evidence whose amounts were used, the line working out the answer) when the question
    asks for a difference, a sum or what is still owed and the evidence leaves no doubt which
    amounts count; else None."""
    reckoning = asks_to_reckon(question)
    if reckoning is None:
        return _count_times_price(question, evidence)
    # "How much faster is my 10 km now?": a unit the question writes after a number of its own
    # names what is talked about, not the amount asked (a time): the distances are not subtracted.
    talked_of = {fold(unit) for unit in re.findall(r"\d[\d,.]*\s?([^\W\d_]+)", question)}
    asked = _folded(question) - talked_of
    if reckoning == "difference" and _TO_GOAL.search(question):
        return _to_the_goal(evidence, asked)
    asked_numbers = set(re.findall(r"\d[\d,.]*", question))
    found = [q for item in evidence for q in _quantities(item, asked) if q.written not in asked_numbers]
    # "How much has my LDL dropped since…": two bare readings told right after its name ("LDL cholesterol 4.4",
    # "LDL down to 3.1"), whatever else the evidence prices.
    told = _told_after(question, found) if reckoning == "difference" else []
    wanted = [q for q in found if q.kind and fold(q.kind) in asked] or \
             (told if len({q.value for q in told}) == 2 else []) or [q for q in found if q.kind or "," in q.written]
    if len({(q.kind, q.before) for q in wanted}) > 1 and reckoning == "sum" and _things_named(question, set()):
        # "the piston rings and the new propeller … together": the amounts told with their currency
        # ("3,450 kr", "5,200 kr"), not a list's bare "3,450" read beside them.
        wanted = [q for q in wanted if q.kind]
        if len({(id(q.item), q.value) for q in wanted}) > len({id(q.item) for q in wanted}):
            return None  # "a $2,000 advance split four ways, so $500 each": which of a memory's amounts counts
    if not wanted or len({(q.kind, q.before) for q in wanted}) != 1:
        return None
    if _OWED.search(question):
        lent = [q for q in wanted if (_LENT.search(q.item.text) and not _REPAID.search(q.item.text))
                or _WILL_REPAY.search(q.item.text)]
        repaid = _distinct([q for q in wanted if q not in lent and _REPAID.search(q.item.text)])
        if len({q.value for q in lent}) != 1 or not repaid:
            return None
        used = [lent[0], *repaid]
        result = lent[0].value - sum(q.value for q in repaid)
        line = " − ".join(_written(q) for q in used)
    elif reckoning == "difference":
        values = sorted({q.value for q in wanted})
        if len(values) != 2:
            return None
        high = next(q for q in wanted if q.value == values[1])
        low = next(q for q in wanted if q.value == values[0])
        used, result, line = [high, low], values[1] - values[0], f"{_written(high)} − {_written(low)}"
    else:
        used = _distinct(wanted)
        # "How many flatbreads at the launch and in his first week, together?": a memory saying nothing
        # of the things named (a trial run's 60) holds none of the amounts to add.
        named = _things_named(question, {fold(q.kind) for q in used})
        used = [q for q in used if named & _folded(q.item.text)] if named else used
        if len(used) < 2:
            return _count_times_price(question, evidence)  # "how much in total for the mugs?": one price, each
        if any(_EACH_AFTER.match(q.item.text, _end_of(q)) for q in used):
            return None  # "640 kr return each", "1,200 a month": how many of it count is not said
        result, line = sum(q.value for q in used), " + ".join(_written(q) for q in used)
    if result < 0:
        return None
    items = list({id(q.item): q.item for q in used}.values())
    return items, f"{line} = {_written(used[0], result)}."


def _to_the_goal(evidence: Sequence[Evidence], asked: set[str]) -> Optional[tuple[list[Evidence], str]]:
    """What is still to go to a goal memory states: the goal less the newest amount told of the same
    thing ("95 degrees of bend so far, the goal is 120", then "115 degrees of bend today": 5 degrees).
    The newest amount is told in a memory sharing words with the goal's, and is the one amount it tells."""
    goals = [(item, float(amount["number"].replace(",", "")), amount["symbol"] or "")
             for item in evidence for stated in _GOAL_STATED.finditer(item.text)
             if (amount := _QUANTITY.match(item.text, stated.end()))]
    if len({value for _, value, _ in goals}) != 1:
        return None
    goal_item, goal_value, goal_symbol = goals[0]
    about = _folded(" ".join(content_words(goal_item.text)))
    told: dict[int, list[_Quantity]] = {}
    for item in evidence:
        if not about & _folded(" ".join(content_words(item.text))):
            continue
        for q in _quantities(item, asked):
            if q.kind == goal_symbol and not (item is goal_item and q.value == goal_value):
                told.setdefault(id(item), []).append(q)
    if not told:
        return None
    newest = max(told.values(), key=lambda quantities: quantities[0].item.created_at)
    if len({q.value for q in newest}) != 1 or newest[0].value >= goal_value:
        return None
    now = newest[0]
    unit = "" if now.kind else _unit_after(now)
    line = (f"{_written(now, goal_value)} − {_written(now)}{unit} = "
            f"{_written(now, goal_value - now.value)}{unit}.")
    return list({id(item): item for item in (now.item, goal_item)}.values()), line


_COUNTS = {word: number for word, number in NUMBER_VALUES.items() if number <= 12}
# "Sold three of my mugs at the market for $25 each", "4 tickets at £30 apiece": a count, the things, a price each.
_EACH = re.compile(r"\b(?P<count>\d{1,3}|%s)\b(?P<things>(?:\s+[\w'’-]+){1,8}?)\s+(?:for|at|@)\s+"
                   r"(?P<price>[%s]\s?\d[\d,]*(?:\.\d+)?)\s+(?:each|apiece|a\s+piece)\b"
                   % ("|".join(_COUNTS), _SYMBOLS), re.I)
# "How much did I make selling mugs?"; not "how much was each mug?", which asks the price.
_ASKS_HOW_MUCH = re.compile(r"^\s*how\s+much\b(?!.*\b(?:each|apiece|per)\b)", re.I)


def _count_times_price(question: str, evidence: Sequence[Evidence]) -> Optional[tuple[list[Evidence], str]]:
    """What things told with a price each came to, when one memory tells of the things the question
    names so ("Sold three of my mugs… for $25 each": "three × $25 = $75."); else None."""
    if not _ASKS_HOW_MUCH.match(question):
        return None
    asked = _folded(" ".join(content_words(question)))
    found = [(item, match) for item in evidence for match in _EACH.finditer(item.text)
             if _folded(match["things"]) & asked]
    if len({(match["count"].lower(), match["price"]) for _, match in found}) != 1:
        return None
    item, match = found[0]
    said = match["count"].lower()
    count = _COUNTS[said] if said in _COUNTS else int(said)
    price = _quantities(replace(item, text=match["price"]), asked)
    if len(price) != 1 or count < 2:
        return None
    return [item], f"{match['count']} × {_written(price[0])} = {_written(price[0], count * price[0].value)}."


def _unit_after(q: _Quantity) -> str:
    """The word written after a bare amount, when it is a unit ("115 degrees"), with its space."""
    found = _told_at(q, r"\s?([a-z]+)\b")
    return f" {found[1]}" if found and found[1] not in _NOT_AMOUNTS and found[1] not in _NOT_UNITS else ""


_NOT_UNITS = frozenset("of so and or to in on at a the more less".split())


def _told_at(q: _Quantity, after: str = "") -> Optional[re.Match]:
    """Where an amount is written in its statement, a whole number ("115", not the "15" of it), with `after`."""
    return re.search(r"(?<![\d,.])" + re.escape(q.written) + after, q.item.text)


# An amount for each one or each month: "640 kr return each", "1,200 kr a month", "£30 per person".
_EACH_AFTER = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}?(?:each|apiece|per\b|an?\s+(?:month|week|year|day|night|hour|head"
                         r"|person)\b)", re.I)


def _end_of(q: _Quantity) -> int:
    """Where an amount's number (and its unit or currency after it) ends in its statement."""
    found = re.search(re.escape(q.written), q.item.text) if q.before \
        else _told_at(q, r"(?:\s?" + re.escape(q.kind) + r")?")
    return found.end() if found else len(q.item.text)


_BARE_AFTER = r"(?=\s*(?:[.,;!?)]|$)|\s+(?:now|today|in|on|at|and|this|last|since|after|from)\b)"


def _told_after(question: str, found: list[_Quantity]) -> list[_Quantity]:
    """The bare amounts with a word of the question among the four words before them ("LDL down to 3.1")."""
    words = {fold(word) for word in content_words(question)} - _SUM_WORDS - _CHANGE_WORDS
    told = []
    for q in found:
        # Bare: "LDL down to 3.1." or "… 1615 now", not "statins, atorvastatin 20 mg".
        at = _told_at(q, _BARE_AFTER)
        before = re.findall(r"[^\W_]+", q.item.text[:at.start()])[-4:] if at and not q.kind else []
        if words & {fold(word) for word in before}:
            told.append(q)
    return told


def _things_named(question: str, units: set[str]) -> set[str]:
    """The words of the things a sum is asked over, when the question lists them ("the house and the
    Volvo"); else nothing (the jars of honey "altogether" are every jar told)."""
    if not re.search(r"\band\b", question, re.I):
        return set()
    return {fold(word) for word in content_words(question)} - units - _SUM_WORDS


# How a change is asked, not what changed: "dropped since I started".
_CHANGE_WORDS = frozenset("since between start started began begun until drop dropped fall fallen fell rise risen rose "
                          "gone went come came up down".split())
_SUM_WORDS = frozenset("much many total altogether combined together put get got make made first second third last next"
                       .split())


def _folded(text: str) -> set[str]:
    return {fold(word) for word in re.findall(r"[^\W\d_]+", text)}


def _quantities(item: Evidence, asked: set[str]) -> list[_Quantity]:
    """The amounts a statement states: with their currency, or the unit the question names
    ("12 jars" for "how many jars…"); any other number is bare ("2 rooms" counts no money)."""
    out = []
    for match in _QUANTITY.finditer(item.text):
        number, symbol, unit = match["number"], match["symbol"], (match["unit"] or "")
        code = _CODE_BEFORE.search(item.text[:match.start()])
        money = bool(symbol or code) or fold(unit) in _CURRENCY_WORDS
        if unit.lower() in _NOT_AMOUNTS or (not money and re.fullmatch(r"(?:19|20)\d\d", number)):
            continue  # a time ("7 pm"), an ordinal, or a year ("a 2016 Mazda")
        if not money and (not unit.islower() or fold(unit) not in asked):
            unit = ""  # a unit is written in lower case, and counts when the question names it
        kind, before = (symbol, True) if symbol else (code[1].lower(), True) if code else (unit.lower(), False)
        out.append(_Quantity(float(number.replace(",", "")), number, kind, before, item))
    return out


def _distinct(quantities: list[_Quantity]) -> list[_Quantity]:
    """One amount per statement: the same statement read twice counts once."""
    seen: dict[tuple[str, float], _Quantity] = {}
    for q in quantities:
        seen.setdefault((q.item.text, q.value), q)
    return list(seen.values())


def _written(q: _Quantity, value: float | None = None) -> str:
    """An amount as its operands are written: their currency or unit, grouping and decimals."""
    number = q.written if value is None else _as_written(value, q.written)
    if q.before:
        return f"{q.kind}{number}" if q.kind in _SYMBOLS else f"{q.kind.upper()} {number}"
    return f"{number} {q.kind}" if q.kind else number


def _as_written(value: float, like: str) -> str:
    decimals = len(like.split(".")[1]) if "." in like else 0
    return f"{value:,.{decimals}f}" if "," in like else f"{value:.{decimals}f}"


def adds_up(line: str) -> bool:
    """Does a line written by `worked_out` ("$800 − $250 − $300 = $250.") come to what it says?
    Its operands are checked against the evidence like any number; its result by this."""
    if "=" not in line:
        return False
    left, right = line.rsplit("=", 1)
    if " × " in left:  # "three × $25 = $75."
        count, price = (_value_in(part) for part in left.split(" × ", 1))
        result = _value_in(right)
        return None not in (count, price, result) and abs(count * price - result) < 0.005
    parts = re.split(r"\s([−+])\s", left)
    values = [_value_in(part) for part in parts[::2]]
    result = _value_in(right)
    if None in values or result is None:
        return False
    total = values[0]
    for sign, value in zip(parts[1::2], values[1:]):
        total = total - value if sign == "−" else total + value
    return abs(total - result) < 0.005


def unstated_operands(line: str, texts: Sequence[str]) -> list[str]:
    """The amounts a line written by `worked_out` works from that none of `texts` states as such
    ("4,120" is stated by "from 3,850 to 4,120", which the support check reads as one range)."""
    left = line.rsplit("=", 1)[0]
    return [number for number in _NUMBER.findall(left)
            if not any(re.search(r"(?<![\d,.])" + re.escape(number) + r"(?![\d]|[,.]\d)", text) for text in texts)]


def _value_in(text: str) -> Optional[float]:
    found = _NUMBER.search(text)
    if found is None and text.strip().lower() in _COUNTS:
        return float(_COUNTS[text.strip().lower()])
    return float(found[0].replace(",", "")) if found else None
