"""Finding the figures of a sentence: numbers with their units, currencies, hedges and ranges.

Not figures: dates and durations ("three years", anything spaCy tags DATE or
TIME), years, clock times, ordinals, ages ("the 45-year-old", "Jane Roe, 45,"),
list numbering, numbers inside names ("Apollo 11", "COVID-19"), sports
scores ("a 3-1 win"), phone numbers, addresses and a bare "one"/"a" ("one
official"). What each figure counts is read by :mod:`byline.attribution.counts`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from byline.attribution.hedges import hedge_after, hedge_before
from byline.attribution.numbers import GLUED_CODES, NumberMatch, by_first_word, match_number, tidy

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "c$": "CAD", "a$": "AUD", "₹": "INR", "nz$": "NZD", "hk$": "HKD", "r$": "BRL"}
# ISO codes and "Rs" written before the number ("CHF 300 million", "Rs 5 crore")
CURRENCY_PREFIXES = {
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "jpy": "JPY", "cny": "CNY", "cad": "CAD", "aud": "AUD",
    "inr": "INR", "rs": "INR", "rs.": "INR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "brl": "BRL", "zar": "ZAR",
}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
    "rupees": "INR", "rubles": "RUB", "roubles": "RUB", "pesos": "MXN", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "jpy": "JPY", "cny": "CNY", "cad": "CAD", "aud": "AUD", "chf": "CHF", "francs": "CHF",
    "rupee": "INR", "peso": "MXN", "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "krone": "NOK",
    "zloty": "PLN", "zlotys": "PLN", "rand": "ZAR", "reais": "BRL", "lira": "TRY", "lire": "TRY", "forint": "HUF",
    "koruna": "CZK", "shekels": "ILS", "dirhams": "AED", "riyals": "SAR", "naira": "NGN", "shillings": "KES",
    "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "hryvnias": "UAH",
}  # ("kroner" alone is read as Norwegian; "Danish kroner" below is DKK)
# a nationality before the currency word ("4.8 billion Swiss francs", "12 million Canadian dollars")
NAMED_CURRENCIES = {
    ("swiss", "francs"): "CHF", ("swiss", "franc"): "CHF", ("canadian", "dollars"): "CAD", ("australian", "dollars"): "AUD",
    ("us", "dollars"): "USD", ("u.s.", "dollars"): "USD", ("new", "zealand"): "NZD", ("hong", "kong"): "HKD",
    ("singapore", "dollars"): "SGD", ("argentine", "pesos"): "ARS", ("chilean", "pesos"): "CLP", ("colombian", "pesos"): "COP",
    ("philippine", "pesos"): "PHP", ("danish", "krone"): "DKK", ("icelandic", "kronur"): "ISK", ("swedish", "kronor"): "SEK", ("swedish", "krona"): "SEK", ("norwegian", "kroner"): "NOK",
    ("danish", "kroner"): "DKK", ("south", "african"): "ZAR", ("indian", "rupees"): "INR", ("japanese", "yen"): "JPY",
    ("chinese", "yuan"): "CNY", ("mexican", "pesos"): "MXN", ("brazilian", "reais"): "BRL",
}
MEASURES = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "miles", "mile": "miles", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "acres": "acres", "acre": "acres", "hectares": "ha", "hectare": "ha",
    "kg": "kg", "kilograms": "kg", "kilos": "kg", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t",
    "lbs": "lb", "litres": "l", "liters": "l", "gallons": "gal", "barrels": "barrels", "degrees": "degrees",
    "mph": "mph", "kph": "km/h", "megawatts": "MW", "mw": "MW", "gigawatts": "GW", "gw": "GW",
    "millimetres": "mm", "millimeters": "mm", "mm": "mm", "centimetres": "cm", "centimeters": "cm", "cm": "cm",
    "hectolitres": "hl", "hectoliters": "hl", "hectolitre": "hl", "hl": "hl", "kilowatts": "kW", "kw": "kW",
}
# every ISO code a figure can get, however the currency was written ("$", "CHF", "kronor", "Danish kroner", "R$")
MONEY_UNITS = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_PREFIXES.values()) | frozenset(CURRENCY_WORDS.values()) \
    | frozenset(NAMED_CURRENCIES.values()) | frozenset(GLUED_CODES.values())
SUBUNITS = {"cents": "USD", "cent": "USD", "pence": "GBP", "p": "GBP"}  # value / 100 in the main unit
PENCE = re.compile(r"^(\d+(?:\.\d+)?)p\.?$")
TEMPERATURE = re.compile(r"^(-?\d+(?:\.\d+)?)\u00b0?([CF])\.?$")  # "4C." when the parser keeps the full stop
PERSON_NOUNS = frozenset(
    """people person resident civilian soldier troop child kid adult student worker employee voter patient
    migrant refugee passenger victim fan spectator member officer firefighter citizen inhabitant man woman
    player staff teacher nurse doctor protester demonstrator prisoner detainee hostage fighter militant
    evacuee tourist visitor customer user subscriber driver pilot crew survivor casualty
    respondent american senator lawmaker delegate candidate runner pupil offender detective rescuer crowd
    athlete farmer tenant buyer homeowner shopper commuter rider agent official miner lineman linemen man men
    crew engineer physician scientist journalist guest pilgrim inmate laborer labourer fisherman trader investor
    shareholder taxpayer borrower renter parent mother father baby infant teenager youth pensioner retiree
    recruit conscript rebel insurgent combatant gunman attacker suspect evacuee customer regular supporter
    volunteer participant millionaire personnel fatality casualty climber swimmer hiker runner walker
    guard sailor pedestrian bystander neighbour neighbor claimant applicant entrant immigrant defendant
    population enrollment enrolment workforce headcount""".split()
)
# (households and families are not people: "60,000 households without power" has unit null)


def is_people(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in PERSON_NOUNS or noun.lower_ in PERSON_NOUNS or lemma.endswith(("man", "ee", "ist", "ian"))
DURATION_WORDS = frozenset("year years month months week weeks day days hour hours minute minutes second seconds decade decades century centuries season seasons".split())
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "NORP"})
NOT_QUANTITY_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
SCORE = re.compile(r"^(\d{1,3})[-\u2013](\d{1,3})$")


class Figure:
    """One quantity being read: its tokens and what has been learned about it."""

    def __init__(self, number: NumberMatch):
        self.number = number
        self.first = number.start  # first token incl. hedge and currency symbol
        self.last = number.end  # one past the last token incl. unit and trailing hedge
        self.bound = "at_least" if number.vague else "exact"
        self.high: float | int | None = None
        self.unit: str | None = None
        self.counts: str | None = None
        self.noun = None  # the counted noun token, if any
        self.noun_words: list[str] = []  # the counted noun phrase, as written
        self.verb_only = False  # counts is only the verb ("Crews rebuilt 12"): the noun is borrowed later
        self.pronoun = False  # "140 of them": the noun may come from the paragraph before
        self.like_previous: str | None = None  # "26% less than last year": counts what the figure before counts
        self.suffix = ""  # with like_previous: a word after the borrowed noun ("four ahead" -> "points ahead")


# -- finding quantities -----------------------------------------------------------------------------------


def find_figures(doc: Doc, sent: Span) -> list[Figure]:
    """The figures of one sentence, with unit, hedges and ranges read (what they count is not read here)."""
    found: list[Figure] = []
    labels: set[int] = set()
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        phone = _phone_number_end(doc, i, sent)
        if phone:  # "0800 414 919", "1-800-555-0142", "call 101": a number to ring, not a figure
            i = phone
            continue
        score = SCORE.match(tok.text)
        if score and int(score.group(1)) >= int(score.group(2)):
            i += 1
            continue
        if _is_split_score(doc, i):
            i += 3
            continue
        if _is_for_score(doc, i, sent):  # "taking 4 for 38": bowling figures, a score
            i += 3
            continue
        temperature = TEMPERATURE.match(tok.text)
        if temperature:  # "38.4C", "minus 4C"
            item = Figure(NumberMatch(i, i + 1, tidy(float(temperature.group(1)))))
            item.unit = "celsius" if temperature.group(2) == "C" else "fahrenheit"
            _read_minus(doc, item)
            _read_hedges(doc, item)
            found.append(item)
            i += 1
            continue
        pence = PENCE.match(tok.text)
        if pence and not (i > 0 and doc[i - 1].lower_ in CURRENCY_SYMBOLS):  # "10p": 0.10 GBP
            item = Figure(NumberMatch(i, i + 1, tidy(float(pence.group(1)) / 100)))
            item.unit = "GBP"
            _read_hedges(doc, item)
            found.append(item)
            i += 1
            continue
        point = _fractional_point(doc, i, sent)
        if point is not None:  # "a quarter point", "half a percentage point"
            found.append(point)
            i = point.last
            continue
        fraction = _fraction(doc, i, sent)
        if fraction is not None:  # "nearly half of all car thefts", "cut use by a fifth"
            found.append(fraction)
            i = fraction.last
            continue
        number = match_number(doc, i) if not tok.is_space else None
        if number is None or number.end > sent.end:
            i += 1
            continue
        ratio = _ratio(doc, number, sent)
        if ratio is not None:  # "three in four", "one in five" -> a share in percent
            found.append(ratio)
            i = ratio.last
            continue
        if _is_label_number(doc, number, labels):
            labels.add(number.start)
            i = number.end
            continue
        i = number.end
        item = Figure(number)
        _read_currency_and_unit(doc, item)
        _read_minus(doc, item)
        if _excluded(doc, sent, item):
            continue
        _read_hedges(doc, item)
        found.append(item)
    return _join_ranges(doc, found)


def _read_minus(doc, item: Figure) -> None:
    """"minus 4C", "minus 4 degrees": a reading below zero (only for temperatures: "minus" before a sum is arithmetic)."""
    n = item.number
    if n.start > 0 and doc[n.start - 1].lower_ == "minus" and item.unit in {"degrees", "celsius", "fahrenheit"}:
        item.number = NumberMatch(n.start, n.end, -n.value, n.vague, n.word, n.scaled, n.unit)
        item.first = n.start - 1


LABEL_NOUNS = frozenset(
    """grade grades route highway interstate page chapter section article room gate platform level phase stage
    act ward district precinct lane flight bus line item question round game week no. number pier terminal
    building floor category top""".split()
)


def _is_label_number(doc, number: NumberMatch, labels: set[int]) -> bool:
    """A number that names rather than counts: "grades 4 and 5", "Route 9", "S&P 500", "Game 7"."""
    if number.word or number.start == 0:
        return False
    before = doc[number.start - 1]
    if before.lower_ in LABEL_NOUNS:
        return True
    if before.lower_ in CURRENCY_PREFIXES:
        return False  # "CHF 300 million" is a sum, not a name like "S&P 500"
    if before.pos_ == "PROPN" and (before.is_title or "&" in before.text or before.is_upper) and not before.ent_type_ in {"DATE", "MONEY"}:
        after = doc[number.end] if number.end < len(doc) else None
        return after is None or after.pos_ not in {"NOUN", "PROPN"}
    # the second of "grades 4 and 5"
    return before.lower_ in {"and", "or", "-", "\u2013", "through"} and number.start >= 2 and (number.start - 2) in labels


def _ratio(doc, number: NumberMatch, sent) -> Figure | None:
    """"three in four of our members", "nine out of 10 doctors" -> 75, 90 percent."""
    j = number.end
    if j + 2 < sent.end and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of" and not doc[j + 2].is_alpha:
        j += 1  # "nine out of 10": read as "nine of 10" (digits only: "out of work" is no ratio)
    elif j + 1 >= sent.end or doc[j].lower_ != "in":
        return None
    if re.fullmatch(r"(1[89]|20)\d\d", doc[j + 1].text):
        return None  # "down from 121 in 2021": a figure and its year, not 121 in every 2,021
    other = match_number(doc, j + 1)
    if other is None or other.vague or not other.value or other.value <= number.value or other.end > sent.end:
        return None
    item = Figure(NumberMatch(number.start, other.end, tidy(round(100 * number.value / other.value, 1))))
    item.unit = "percent"
    _read_hedges(doc, item)
    return item


FRACTIONS = {
    ("half",): 50.0, ("a", "half"): 50.0, ("one", "half"): 50.0, ("a", "third"): 33.3, ("one", "third"): 33.3,
    ("one", "-", "third"): 33.3, ("two", "-", "thirds"): 66.7, ("two", "thirds"): 66.7, ("a", "quarter"): 25.0,
    ("one", "quarter"): 25.0, ("three", "-", "quarters"): 75.0, ("three", "quarters"): 75.0, ("a", "fifth"): 20.0,
    ("one", "fifth"): 20.0, ("two", "-", "fifths"): 40.0, ("a", "tenth"): 10.0,
}


POINT_FRACTIONS = {("a", "quarter"): 0.25, ("a", "half"): 0.5, ("half", "a"): 0.5, ("three", "quarters", "of", "a"): 0.75}
_FRACTIONS_BY_FIRST = by_first_word(FRACTIONS)
_POINT_FRACTIONS_BY_FIRST = by_first_word(POINT_FRACTIONS)


def _fractional_point(doc, i: int, sent) -> Figure | None:
    """"cut rates by a quarter point", "half a percentage point": a fraction of a percentage point."""
    for words, value in _POINT_FRACTIONS_BY_FIRST.get(doc[i].lower_, ()):
        end = i + len(words)
        if end >= sent.end or not all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            continue
        k = end
        if doc[k].lower_ == "-":
            k += 1
        if k < sent.end and doc[k].lower_ == "percentage":
            k += 1
        if k < sent.end and doc[k].lower_ in {"point", "points"}:
            item = Figure(NumberMatch(i, k + 1, value))
            item.unit = "percentage points"
            _read_hedges(doc, item)
            return item
    return None


HALVES_OF_TIME = frozenset("first second third fourth final last latter former".split())


def _fraction(doc, i: int, sent) -> Figure | None:
    """A share written as a fraction, in percent: "half of", "a third of", "two-thirds of", "by a fifth"."""
    for words, value in _FRACTIONS_BY_FIRST.get(doc[i].lower_, ()):
        end = i + len(words)
        if end > sent.end or not all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            continue
        nxt = doc[end].lower_ if end < sent.end else ""
        if i > 0 and doc[i - 1].lower_ in HALVES_OF_TIME:
            return None  # "the second half of next year": a part of a period, not a share
        hedged = hedge_before(doc, i)[1]  # "by nearly a fifth"
        before = doc[hedged - 1].lower_ if hedged > 0 else ""
        after_by = before == "by" and (end >= sent.end or doc[end].pos_ not in {"NOUN", "ADJ", "PROPN"} or doc[end].ent_type_ == "DATE")
        compared = nxt in COMPARATIVES and end + 1 < sent.end and doc[end + 1].lower_ == "than"  # "a third more than"
        half_the = words == ("half",) and nxt in {"the", "its", "their", "his", "her", "our", "all"}  # "half the population"
        subject = len(words) > 1 and end < sent.end and doc[end].pos_ in {"VERB", "AUX"} and doc[end].tag_ != "VBG"  # "two-thirds said"
        size_of_change = before == "of" and hedged >= 2 and doc[hedged - 2].lemma_.lower() in CHANGE_NOUNS  # "a drop of a fifth"
        if nxt == "of" or after_by or compared or half_the or subject or size_of_change:
            item = Figure(NumberMatch(i, end, value))
            item.unit = "percent"
            if subject and nxt != "of":
                item.like_previous = ""  # "of 2,300 heads, nearly two-thirds said ...": a share of those counted before
            _read_hedges(doc, item)
            return item
    return None


def _is_split_score(doc, i: int) -> bool:
    """"won 3-1": the parser splits it into "3", "-", "1"; a score is a result, not a count."""
    if i + 2 >= len(doc) or doc[i + 1].text not in {"-", "\u2013"}:
        return False
    a, b = doc[i].text, doc[i + 2].text
    if not (a.isdigit() and b.isdigit() and len(a) <= 3 and len(b) <= 3):
        return False
    if int(a) >= int(b):
        return True
    after = doc[i + 3] if i + 3 < len(doc) else None  # "4-6 inches" is a range, "won 7-6, 4-6, 6-3" a score line
    return after is None or (after.pos_ not in {"NOUN", "PROPN"} and after.lower_ not in MEASURES and after.text not in {"%"})


def _is_for_score(doc, i: int, sent) -> bool:
    """"Brooks took 4 for 38", "finished on 212 for 6": two bare numbers joined by "for" with nothing
    counted after them are a score line (a tally, not labelled), not two figures."""
    if i + 2 >= sent.end or doc[i + 1].lower_ != "for":
        return False
    a, b = doc[i].text, doc[i + 2].text
    if not (a.isdigit() and b.isdigit()) or (i > 0 and doc[i - 1].lower_ in CURRENCY_SYMBOLS):
        return False
    after = doc[i + 3] if i + 3 < sent.end else None
    return after is None or after.is_punct or after.pos_ in {"CCONJ", "ADP"}


def _read_currency_and_unit(doc, item: Figure) -> None:
    n = item.number
    if n.unit:  # "a wall 6m high": the number's own letters were the unit
        item.unit = n.unit
        return
    before = doc[n.start - 1].lower_ if n.start > 0 else ""
    if before in CURRENCY_PREFIXES and doc[n.start - 1].text[:1].isupper():
        item.unit = CURRENCY_PREFIXES[before]
        item.first = n.start - 1
    if before in CURRENCY_SYMBOLS:
        item.unit = CURRENCY_SYMBOLS[before]
        item.first = n.start - 1
        if n.start > 1 and doc[n.start - 2].lower_ in {"us", "u.s."} and before == "$":
            item.first = n.start - 2
    j = n.end
    if j < len(doc):
        low = doc[j].lower_
        if low in {"%", "percent"}:
            item.unit, item.last = "percent", j + 1
        elif low == "per" and j + 1 < len(doc) and doc[j + 1].lower_ == "cent":
            item.unit, item.last = "percent", j + 2
        elif low == "percentage" and j + 1 < len(doc) and doc[j + 1].lower_ in {"point", "points"}:
            item.unit, item.last = "percentage points", j + 2
        elif low == "basis" and j + 1 < len(doc) and doc[j + 1].lower_ in {"point", "points"}:
            item.unit, item.last = "basis points", j + 2
        elif low in {"point", "points"} and item.unit is None and _percent_near(doc, j):
            item.unit, item.last = "percentage points", j + 1  # "rose by 12 points to 38%": points of a share
        elif item.unit is None and low in CURRENCY_WORDS:
            item.unit, item.last = CURRENCY_WORDS[low], j + 1
        elif item.unit is None and j + 1 < len(doc) and (low, doc[j + 1].lower_) in NAMED_CURRENCIES:
            item.unit, item.last = NAMED_CURRENCIES[(low, doc[j + 1].lower_)], j + 2
            if low in {"new", "hong", "south"} and j + 2 < len(doc) and doc[j + 2].lower_ in {"dollars", "dollar", "rand"}:
                item.last = j + 3  # "New Zealand dollars", "Hong Kong dollars", "South African rand"
        elif item.unit is None and low == "pounds":
            sterling = n.scaled or (j + 1 < len(doc) and doc[j + 1].lower_ == "sterling") or _after_money_noun(doc, item)
            item.unit, item.last = ("GBP" if sterling else "lb"), j + 1
        elif item.unit is None and low in SUBUNITS and not n.scaled and not (low == "p" and j + 1 < len(doc) and doc[j + 1].text == "."):
            item.unit, item.last = SUBUNITS[low], j + 1
            item.number = NumberMatch(n.start, n.end, tidy(n.value / 100), n.vague, n.word, n.scaled)
        elif item.unit is None and low in {"degrees", "\u00b0"} and j + 1 < len(doc) and doc[j + 1].lower_ in {"celsius", "c", "fahrenheit", "f"}:
            item.unit, item.last = ("celsius" if doc[j + 1].lower_ in {"celsius", "c"} else "fahrenheit"), j + 2
        elif item.unit is None and low in MEASURES:
            item.unit, item.last = MEASURES[low], j + 1
        elif item.unit is None and n.vague and low == "of" and j + 1 < len(doc) and doc[j + 1].lower_ in MEASURES:
            item.unit, item.last = MEASURES[doc[j + 1].lower_], j + 2  # "hundreds of metres"
            if low in {"km", "miles", "meters", "metres", "feet"} and j > 0 and doc[j - 1].lower_ == "square":
                item.unit = "sq " + item.unit


PHONE_VERBS = frozenset("call dial ring phone text".split())
DIGIT_GROUP = re.compile(r"^\d+(?:-\d+)*$")


def _phone_number_end(doc, i: int, sent) -> int | None:
    """Where a telephone number starting at token ``i`` ends, or None: three or more groups of bare digits
    ("0800 414 919", "1-800-555-0142"), two when one opens with a zero ("(020) 7946"), or one group right
    after a verb of calling ("call 101"). Grouped digits with thousands commas are figures, not phones."""
    groups: list[str] = []
    j = i
    while j < sent.end:
        text = doc[j].text
        if DIGIT_GROUP.match(text):
            groups.extend(text.split("-"))
        elif text in {"-", "(", ")"} and groups:
            pass
        elif text == "(" and not groups and j + 1 < sent.end and DIGIT_GROUP.match(doc[j + 1].text):
            pass
        else:
            break
        j += 1
    while j > i and doc[j - 1].text in {"-", "(", ")"}:
        j -= 1
    if not groups:
        return None
    zero = any(len(g) >= 2 and g.startswith("0") for g in groups)
    if len(groups) >= 3 or (len(groups) == 2 and zero):
        return j
    before = doc[i - 1] if i > sent.start else None
    if len(groups) == 1 and before is not None and before.pos_ == "VERB" and before.lemma_.lower() in PHONE_VERBS:
        return j
    return None


STREET_WORDS = frozenset(
    """street st road rd lane row avenue ave way drive close place square crescent terrace court gardens grove
    boulevard parade mews walk""".split()
)
INDIVIDUAL_NOUNS = frozenset("boy girl child kid man woman son daughter baby infant toddler teenager pensioner mother father mum dad grandmother grandfather".split())
AGE_VERBS = frozenset("become die retire marry quit debut graduate".split())
CLOCK_VERBS = frozenset("leave start begin open close arrive meet finish end return depart kick wake".split())


def _is_route_name(doc, item: Figure) -> bool:
    """"the 41 from Brayton", "the 41 is her only way to the shops": "the" and a bare number that is a
    singular thing (a bus, a route), not a count ("of the 41, 12 ...", "the 41 were rescued")."""
    n = item.number
    if n.word or n.scaled or item.unit is not None or n.start < 1 or n.end >= len(doc) or doc[n.start - 1].lower_ != "the":
        return False
    if n.start >= 2 and doc[n.start - 2].lower_ in {"of", "all", "among", "for", "to", "with"}:
        return False
    nxt = doc[n.end]
    if nxt.lower_ == "from":  # "the 41 from Brayton to the estate" (not "the 300 from the village")
        return any(t.lower_ == "to" for t in doc[n.end + 1 : min(len(doc), n.end + 5)]) and doc[n.end + 1].text[:1].isupper()
    return nxt.lower_ in {"is", "was", "runs", "goes", "stops"}


VICTIM_VERBS = frozenset("kill injure wound hurt die arrest charge rescue evacuate hospitalise hospitalize shoot stab drown miss".split())


def _one_victim(doc, n: NumberMatch) -> bool:
    """"One employee was wounded", "one man died": a bare "one" that counts a person something happened to
    (not "one official said", "one of the", "one day")."""
    if n.end >= len(doc) or doc[n.start].lower_ != "one":
        return False
    noun = doc[n.end]
    if noun.pos_ != "NOUN" or not is_people(noun) or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return noun.head.lemma_.lower() in VICTIM_VERBS


def _is_address(doc, n: NumberMatch) -> bool:
    """"22 Harbour Street", "10 Market Row": a house number before a capitalised street name."""
    k = n.end
    while k < len(doc) and k < n.end + 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        if doc[k].lower_ in STREET_WORDS and k > n.end:
            return True
        k += 1
    return False


def _is_age(doc, item: Figure) -> bool:
    """"My mum is 84", "She's 71 and ...", "a boy of about six", "aged 40 to 79": a person's age."""
    n = item.number
    if item.unit is not None or n.scaled or n.value >= 120 or n.value != int(n.value):
        return False
    after = doc[n.end] if n.end < len(doc) else None
    bare = after is None or after.is_punct or after.pos_ == "CCONJ"
    first = doc[n.start]
    if bare and first.dep_ in {"attr", "acomp"} and first.head.lemma_.lower() == "be":
        subject = next((c for c in first.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.lower_ in {"he", "she", "i"} or subject.ent_type_ == "PERSON"
            or (subject.tag_ == "NN" and subject.lemma_.lower() in INDIVIDUAL_NOUNS)
        ):
            return True
    if (
        (bare or (after is not None and after.pos_ == "ADP")) and n.start > 0 and doc[n.start - 1].lower_ == "at" and 10 <= n.value < 120
        and doc[n.start - 1].head.lemma_.lower() in AGE_VERBS
    ):
        return True  # "became mayor at 31", "died at 84", "retired at 60"
    k = hedge_before(doc, item.first)[1]  # "a boy of about six"
    loose = after is None or after.pos_ not in {"NOUN", "PROPN", "NUM"}
    if loose and k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].tag_ == "NN" and doc[k - 2].lemma_.lower() in INDIVIDUAL_NOUNS:
        return True
    # the second end of "aged 40 to 79", "aged between 18 and 24"
    if n.start >= 3 and doc[n.start - 1].lower_ in {"to", "and", "-", "\u2013"} and doc[n.start - 2].like_num:
        k = n.start - 3
        if doc[k].lower_ == "between" and k > 0:
            k -= 1
        return doc[k].lower_ in {"aged", "age", "ages"}
    return False


MONEY_NOUNS = frozenset("payment pay fine bonus fee award grant bill cost price salary wage compensation sum damages rent".split())


def _after_money_noun(doc, item: Figure) -> bool:
    """"a one-off payment of 750 pounds": pounds after a word for money are sterling, not weight."""
    k = hedge_before(doc, item.first)[1]
    return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lemma_.lower() in MONEY_NOUNS


def _percent_near(doc, j: int) -> bool:
    """A percentage within four words after ``doc[j]`` in the same sentence ("by 12 points to 38%"; not
    "fell 1.2% to 7,410 points", an index level)."""
    sent = doc[j].sent
    k = j - 1
    while k > sent.start and (doc[k].like_num or doc[k].lower_ in {"about", "around", "nearly", "almost", "some", "by"}):
        k -= 1
    if doc[k].lower_ in UP_DOWN:
        last = next((t for t in reversed(doc[sent.start : k]) if t.like_num), None)
        if last is not None and last.i + 1 < len(doc) and (doc[last.i + 1].text == "%" or doc[last.i + 1].lower_ in {"percent", "per"}):
            return True  # "took 41.2% of the vote, down 5.3 points" (not "7,410 points, down 90 points")
    for t in doc[j + 1 : min(sent.end, j + 5)]:
        if t.text == "%" or t.lower_ == "percent" or (t.lower_ == "cent" and doc[t.i - 1].lower_ == "per"):
            return True
    return False


def _excluded(doc, sent, item: Figure) -> bool:
    n = item.number
    first = doc[n.start]
    ent = first.ent_type_
    if not n.word and _is_address(doc, n):
        return True
    if _is_route_name(doc, item):
        return True
    if _is_age(doc, item):
        return True
    if (
        n.start > 1 and doc[n.start - 1].lower_ == "the" and doc[n.start - 2].lower_ in {"of", "among"}
        and n.end < len(doc) and doc[n.end].tag_ == "JJS" and item.unit is None
    ):
        return True  # "one of the three largest chipmakers": membership of a ranked group, not a count
    if (
        item.unit is None and not n.word and n.value <= 12 and n.value == int(n.value) and n.start > 0
        and doc[n.start - 1].lower_ == "at" and (n.end >= len(doc) or doc[n.end].is_punct)
        and doc[n.start - 1].head.lemma_.lower() in CLOCK_VERBS
    ):
        return True  # "I'll have to leave at 6": a clock time
    if ent in NOT_QUANTITY_ENTS and item.unit is None and _date_like(doc, first):
        return True
    if ent in NAME_ENTS:
        return True
    if ":" in first.text:
        return True
    # a bare "one", "a", "an": a determiner, not a figure ("one official told Axios")
    if n.word and n.value == 1 and not n.scaled and not _one_victim(doc, n):
        return True
    after = [t.lower_ for t in doc[n.end : min(n.end + 4, len(doc))]]
    if item.unit is None and after[:1] and after[0] in DURATION_WORDS and not (
        doc[n.end].dep_ == "compound" and n.end + 1 < len(doc) and doc[n.end + 1].pos_ == "NOUN"
    ):
        return True  # (but "4,000 season tickets", "300 day passes": the duration word names the noun)
    if item.unit is None and len(after) >= 3 and after[0] in {"to", "or", "-", "\u2013", "and"} and after[2] in DURATION_WORDS:
        return True  # "two to three weeks"
    if (
        item.unit is None and n.start >= 2 and doc[n.start - 1].lower_ in {"over", "under", "above"}
        and is_people(doc[n.start - 2]) and not (after[:1] and doc[n.end].pos_ == "NOUN")
    ):
        return True  # "people over 65", "voters under 35": an age group
    # ages: "45-year-old", "45 years old", "aged 45", "Jane Roe, 45,"
    joined = "".join(after)
    if joined.startswith("-year-old") or joined.startswith("year-old") or joined.startswith("yearsold"):
        return True
    if n.start > 0 and doc[n.start - 1].lower_ in {"aged", "age", "ages"}:
        return True
    if n.start > 1 and doc[n.start - 1].lower_ in {"between", "over", "under"} and doc[n.start - 2].lower_ in {"aged", "age", "ages"}:
        return True  # "aged between 19 and 64", "patients aged over 75"
    if (
        n.start >= 2 and doc[n.start - 1].text == ","
        and (doc[n.start - 2].ent_type_ == "PERSON" or doc[n.start - 2].pos_ == "PROPN" or (doc[n.start - 2].pos_ == "NOUN" and is_people(doc[n.start - 2])))
        and after[:1] and after[0] in {",", "."} and not n.word and item.unit is None and n.value < 120
    ):
        return True
    # "three-pointers", "two-thirds", "one-off": a word number inside a compound word
    if n.word and len(after) >= 2 and after[0] == "-" and after[1].isalpha():
        return True
    # years: 1900-2099 written as four digits with nothing to count
    if not n.word and not n.scaled and item.unit is None and re.fullmatch(r"(19|20)\d\d", first.text):
        return True
    # the base of a rate: "12.4 per 100,000", "3 deaths per 1,000 births"
    if n.start > 0 and doc[n.start - 1].lower_ == "per":
        return True
    # list numbering and "No. 5", "#3", "the No 9 shirt"
    if n.start > 0 and (doc[n.start - 1].lower_ in {"no.", "#", "number"} or doc[n.start - 1].text in {"No", "Nos"}
                        or (n.start > 1 and doc[n.start - 1].text == "." and doc[n.start - 2].text == "No")):
        return True
    # an emergency number: "999 calls", "a 911 call"
    if first.text in {"999", "911", "112", "000"} and after[:1] and after[0] in {"call", "calls", "line", "operator", "operators"}:
        return True
    # a grade or category: "graded 4 or above", "a category 3 storm"
    if n.start > 0 and doc[n.start - 1].lower_ in LABEL_WORDS and item.unit is None:
        return True
    # the second year of a span: "the budget for 2026-27"
    if n.start > 1 and doc[n.start - 1].text in {"-", "–", "/"} and re.fullmatch(r"(19|20)\d\d", doc[n.start - 2].text) and n.value < 100:
        return True
    # the first day of a date range: "between 16 and 18 September"
    if len(after) >= 3 and after[0] in {"and", "to", "-", "–"} and doc[n.end + 1].like_num and after[2] in MONTH_NAMES:
        return True
    # a vote tally: "voted 38 to 21"
    if (n.start > 0 and doc[n.start - 1].lemma_.lower() == "vote" and after[:1] and after[0] in {"to", "-", "–"}) or (
        n.start > 2 and doc[n.start - 1].lower_ in {"to", "-", "–"} and doc[n.start - 2].like_num and doc[n.start - 3].lemma_.lower() == "vote"
    ):
        return True
    at_paragraph_start = n.start == 0 or doc[n.start - 1].is_space
    if at_paragraph_start and after[:1] and after[0] in {".", ")"}:
        return True
    return False


DATE_WORDS = DURATION_WORDS | frozenset(
    """ago last next this past previous coming earlier later early late mid am pm a.m. p.m. o'clock noon midnight
    today tomorrow yesterday tonight season quarter fiscal fy weekend morning afternoon evening night
    january february march april may june july august september october november december jan jan. feb feb.
    mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


LABEL_WORDS = frozenset("grade graded category tier band level type serotype stage phase".split())  # "type 2 diabetes"
RELATIVE_TIME_WORDS = frozenset("last next this past previous coming earlier later".split())
MONTH_NAMES = frozenset(
    """january february march april may june july august september october november december jan jan. feb feb.
    mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.""".split()
)


def _date_like(doc, token) -> bool:
    """spaCy's DATE/TIME/ORDINAL tag, believed only when the number sits next to a date word or is a
    year or an ordinal ("between 40 and 50 people" and "38 in a quarter" are sometimes tagged DATE)."""
    if token.ent_type_ == "ORDINAL":
        return True
    if re.fullmatch(r"(1[89]|20)\d\d|\d{2,4}s|'\d\ds|\d+(st|nd|rd|th)", token.lower_):
        return True
    nxt = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
    if nxt[:1] and nxt[0] in RELATIVE_TIME_WORDS:
        return False  # "up from 3 last week": a figure, then when it held (the parser tags it all as a date)
    if nxt[:1] and (nxt[0] in DATE_WORDS or (nxt[0] == "-" and len(nxt) > 1 and nxt[1] in DATE_WORDS)):
        return True
    prev = doc[token.i - 1].lower_ if token.i > 0 else ""
    return prev in MONTH_NAMES or (nxt[:1] != [] and nxt[0] in MONTH_NAMES)


CHANGE_VERBS = frozenset("raise cut increase reduce lower lift boost bring push hike trim slash double halve".split())
THRESHOLD_VERBS = frozenset("top pass exceed surpass cross".split())
UP_DOWN = frozenset({"up", "down"})


def _read_hedges(doc, item: Figure) -> None:
    if item.first > 0 and doc[item.first - 1].lower_ == "magnitude":
        item.first -= 1  # "up to magnitude 4.8": the hedge stands before the scale's name
    before = doc[item.first - 1] if item.first > 0 else None
    if before is not None and before.pos_ == "VERB" and before.lemma_.lower() in THRESHOLD_VERBS:
        item.bound = "more_than"  # "demand topped 1.9 billion litres", "the list has passed 7,000"
    if before is not None and before.lower_ == "past" and item.first > 1 and doc[item.first - 2].pos_ == "VERB":
        item.bound, item.first = "more_than", item.first - 1  # "temperatures climbed past 33C"
    bound, start = hedge_before(doc, item.first)
    if bound:
        item.bound, item.first = bound, start
    bound, end = hedge_after(doc, item.last)
    if bound:
        item.bound, item.last = bound, end


def _join_ranges(doc, found: list[Figure]) -> list[Figure]:
    """"between 40 and 50", "40 to 50", "40-50": one quantity with bound range."""
    out: list[Figure] = []
    k = 0
    while k < len(found):
        item = found[k]
        if k + 1 < len(found):
            nxt = found[k + 1]
            gap = doc[item.last : nxt.first]
            connector = gap.text.strip().lower()
            preceded = doc[item.first - 1].lower_ if item.first > 0 else ""
            is_range = (
                (connector == "and" and preceded == "between")
                or (connector in {"to", "-", "\u2013", "\u2014"} and preceded not in {"from", "by"} and nxt.number.value > item.number.value)
            )  # "raised it by 5 cents to 35 cents": a change and a new level
            units_agree = item.unit is None or nxt.unit is None or item.unit == nxt.unit
            if is_range and connector == "to" and _after_change_verb(doc, item) and nxt.number.value > 4 * item.number.value:
                is_range = False  # "crude rose $2.10 to $84.50": a change and the new level
            if item.unit is not None and nxt.unit is None and nxt.last < len(doc) and doc[nxt.last].pos_ == "NOUN":
                units_agree = False  # "fell 3.1% to 61,540 offences": a change, then a count of something else
            if is_range and units_agree and item.bound in {"exact", "about"} and nxt.bound == "exact":
                if preceded == "between":
                    item.first -= 1
                item.bound = "range"
                item.high = nxt.number.value
                scale = _scale_of(doc, nxt.number)
                if scale > 1 and not item.number.scaled and item.number.value < nxt.number.value / scale * 10:
                    # "between 3 and 4 million", "£2-3bn": the low end shares the high end's scale
                    item.number = NumberMatch(item.number.start, item.number.end, tidy(item.number.value * scale), scaled=True)
                item.unit = item.unit or nxt.unit
                if item.unit is None:
                    item.unit = nxt.unit
                item.last = nxt.last
                item.number = NumberMatch(item.number.start, nxt.number.end, item.number.value)
                out.append(item)
                k += 2
                continue
        out.append(item)
        k += 1
    return out


# verbs whose "object" is only the size of a move: "Shares rose 5p" (the shares moved, nothing was acted on)
RISE_FALL_VERBS = frozenset("rise fall climb drop jump slip decline sink soar surge plunge tumble dip edge slide dive rally".split())
MOVE_VERBS = CHANGE_VERBS | RISE_FALL_VERBS | frozenset("grow gain lose shed add".split())


def _after_change_verb(doc, item: Figure) -> bool:
    before = doc[item.first - 1] if item.first > 0 else None
    if before is not None and before.lower_ == "by" and item.first > 1:
        before = doc[item.first - 2]
    return before is not None and before.pos_ == "VERB" and before.lemma_.lower() in MOVE_VERBS


def _scale_of(doc, number: NumberMatch) -> float:
    """The scale a number carried: 1e6 for "4 million" and "4m", 1 for a plain number."""
    if not number.scaled:
        return 1
    first = doc[number.start].text
    digits = re.match(r"^[\d,]+(?:\.\d+)?", first)
    if not digits:
        return 1
    raw = float(digits.group(0).replace(",", ""))
    return number.value / raw if raw else 1


COMPARATIVES = frozenset("less more fewer lower higher smaller larger bigger cheaper".split())
CHANGE_NOUNS = frozenset("fall rise drop cut increase decrease decline jump hike reduction gain growth slump climb surge".split())
