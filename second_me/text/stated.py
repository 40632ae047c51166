"""What a text states, as the kind of answer a question asks for: an age ("turned 9", "her 65th
birthday"), an amount ("1,480 euros", "Ksh 4,800", "sent 15,000"), a day of the year ("the 3rd of
May"), a date or a time, an occupation ("he's a plumber", "works at the café"). Patterns only:
which memories must state them is `retrieval/answer_type.py`'s.
"""

from __future__ import annotations

import re

from second_me.text.words import MONTHS as MONTH_NUMBERS

MONTHS = frozenset(MONTH_NUMBERS)  # names and abbreviations, lower case
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
billion half quarter dozen couple""".split())
# What the number words a person writes for small counts and ages stand for: "three" mugs, "turned nine".
NUMBER_VALUES = {word: number for number, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
ORDINAL_WORDS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth""".split())

COUNT = r"\b(?:\d+|" + "|".join(sorted(NUMBER_WORDS)) + r")"
# An age, not just any number: "two years old", "aged 7", "her 65th birthday", "turned 9".
# Not how long something took or has been: "for the first time in two years", "3 years ago", "over 10 years".
_NOT_A_SPAN = "".join(rf"(?<!\b{word} )" for word in "in for over within after last past than every".split())
AGE_STATED = re.compile(
    _NOT_A_SPAN + COUNT + r"[\s-]*(?:years?|months?|weeks?|yrs?)\b(?!\s+(?:ago|later|before|since|now|running))"
    r"|\baged?\s+" + COUNT + r"\b"
    r"|\b\d+(?:st|nd|rd|th)\s+birthday\b|\b(?:turned|turns|turning)\s+" + COUNT + r"\b"
    r"|\bbirthday\s+(?:number\s+|no\.?\s+)?\d{1,3}\b"  # "Birthday number 44 today!"
    # "she's 4 and retired from racing", "I am 43": not "she's 4 minutes away", "it's 12:30"
    r"|\b(?:i|she|he|they|who)(?:['’]s|['’]m|\s+am|\s+is|\s+was|['’]re|\s+are)\s+(?:only\s+|just\s+|now\s+)?"
    r"\d{1,3}\b(?![.,:/]\d|\s*(?:%|percent|degrees|°|minutes?|mins?|hours?|hrs?|days?|weeks?|km|k\b|miles?|kg"
    r"|kilos?|pounds?|lbs?|foot|feet|ft\b|cm\b|m\b|metres?|meters?|inch(?:es)?|am\b|pm\b|o['’]clock"
    r"|points?|euros?|dollars?|quid|bucks|grand|of\b|out\b|in\s+a\b))")
# An amount with its currency (any currency people write at home: "Ksh 4,800", "450 kr"), a grouped
# one sent, paid or lent without it ("Kimani sent 15,000 back", "came to 1,100,000"), a rate
# without one ("my rent went up to 1450 a month"), or one to the cent as payslips, statements and
# spreadsheets write it ("Income tax: 437.20"); not a time or a measure.
MONEY_STATED = re.compile(
    r"[$€£¥₹₱₦₩₺₽₫₴₪฿]\s?\d|\b(?:ksh|kes|kr|nok|sek|dkk|chf|zar|ngn|inr|php|mxn|brl|zł|pln|rs)\.?\s?\d"
    r"|\b\d+(?:\.\d+)?m\b"  # "2.5m": millions; "1,813 m" up a mountain is a height
    r"|\b\d[\d,.]*\s?(?:k\b|euros?|eur\b|dollars?|usd|aud|cad|bucks|pounds?|quid|francs?|rupees?|yen"
    r"|cents?|pence|kroner|krone|kronor|krona|kr\b|nok\b|sek\b|dkk\b|chf\b|shillings?|bob\b|ksh\b|kes\b"
    r"|rand\b|naira|pesos?|reais|real\b|zloty|złoty|lira|lire|dirhams?|riyals?|baht|ringgit|rupiah|won\b"
    r"|yuan|rmb\b)"
    r"|(?:\b(?:paid|pays?|sent|send|lent|lend|borrowed|owes?|spent|spend|gave|give|costs?)(?:\s+[\w'’-]+){0,3}"
    r"|\b(?:came to|for|another|total:?))\s+\d{1,3}(?:,\d{3})+(?![\d,]|\s*(?:steps?|people|km|kg|words?"
    r"|miles?|metres?|meters?|views?|followers?|likes?))"
    r"|\b\d[\d,.]*\s*(?:a|an|per|/)\s*(?:month|week|year|day|night|hour|mo|wk|yr|hr)\b"
    r"|(?<![\d.:,])(?<!\bat )\d{1,3}(?:,\d{3})*\.\d{2}(?!\d|[.,]\d|\s*(?:[%°]|(?:am|pm|kg|g|km|mi|miles?"
    r"|m|cm|mm|l|ml|litres?|liters?|h|hrs?|hours?|mins?|minutes?|secs?|seconds?|s|lbs?|oz|bar|mph)\b))")
# Asked how much was paid, "paid" is how an amount is asked for, not what it was paid for: "Jess paid
# back $200 of the rego money" says nothing of "How much did I pay for my surfboard?".
PAYING_WORDS = frozenset("pay pays paid paying cost costs spend spends spent charge charged".split())
DAY_OF_YEAR_STATED = re.compile(
    r"\b(?:%s)\b\.?\s*\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:%s)\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}\b" % (("|".join(sorted(MONTHS)),) * 2))
# What tells of a day that comes round each year: "Sam's birthday", "born on", "turns 40", "her 8th", "got married".
_BIRTHDAY_TOLD = r"birthdays?|b-?days?|born|turn(?:s|ed|ing)?\s+\d+" \
                 r"|(?:his|her|their|my|your|our|\w+['’]s)\s+\d+(?:st|nd|rd|th)\b"
OCCASION_TOLD = re.compile(rf"\b(?:{_BIRTHDAY_TOLD}|anniversar(?:y|ies)|married|wedding|name\s?days?)", re.I)
# Which yearly day a question asks of is told by that day's own words: a birthday by a birthday, not a
# wedding day ("When is Ama's birthday?" over "Ama and Kofi set the wedding date. 27th of December"); a
# wedding by a wedding. An anniversary is either kind.
_OCCASIONS = ((re.compile(r"\b(?:birthdays?|b-?days?|born)\b", re.I), re.compile(rf"\b(?:{_BIRTHDAY_TOLD})", re.I)),
              (re.compile(r"\bweddings?\b", re.I), re.compile(r"\b(?:weddings?|married|marry|marrying)\b", re.I)))


def occasion_told(question: str) -> re.Pattern:
    """What tells of the yearly day a question asks of (OCCASION_TOLD when it names none of its own)."""
    return next((told for asked, told in _OCCASIONS if asked.search(question)), OCCASION_TOLD)


DATE_STATED = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b"
    r"|\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b", re.I)

# What people do for a living, as they say it: a trade or a post ("he's a plumber", "Principal
# Teacher of Chemistry", "a research fellow"), or work somewhere ("works at a café", "runs the
# hardware shop", "started his own business").
_JOBS = """
accountant actor actress administrator advisor adviser agent analyst anaesthetist architect artist assistant
attendant author baker banker barber barista bartender beautician bookkeeper builder butcher buyer carer carpenter
cashier chef chemist cleaner clerk coach consultant cook counsellor counselor courier curator dentist designer
developer dietitian director doctor driver economist editor educator electrician engineer farmer firefighter
fisherman fitter florist gardener geologist guard guide hairdresser headteacher historian hygienist
illustrator inspector instructor journalist joiner joinery judge labourer lawyer lecturer librarian lifeguard
manager mechanic midwife miner musician nanny nurse officer optician painter paramedic pharmacist photographer
physician physio physiotherapist pilot plasterer plumber poet police policeman policewoman porter postman
principal producer professor programmer psychologist publican receptionist researcher retired roofer sailor
salesman scientist secretary solicitor steward student surgeon surveyor tailor teacher technician therapist tiler
trainee translator tutor vet veterinarian waiter waitress welder writer fellow postdoc ceo cto founder owner
midwifery physiotherapy dentistry accountancy
"""
OCCUPATION_STATED = re.compile(
    r"\b(?:" + "|".join(sorted(_JOBS.split(), key=len, reverse=True)) + r")s?\b"
    r"|\bhead\s+(?:of|chef|cook|teacher|nurse|gardener|coach|waiter|porter)\b"  # not "a gnome with no head"
    r"|\b(?:works?|working|worked)\s+(?:as|at|for|in)\b"
    r"|\b(?:runs?|owns?|started|opened)\s+(?:a|an|the|his|her|my|their)\b"
    r"|\bself-employed\b|\bfreelanc\w*|\bown (?:business|company|firm|shop)\b")
