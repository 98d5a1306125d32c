"""Numbers as written in news copy -> values: "83", "4,500", "4.5 million", "$4.5bn", "twenty-one",
"a dozen", "half a dozen", and the vague plurals ("dozens", "tens of thousands").

Works on spaCy tokens; :func:`match_number` reads one number starting at a token and says where it ends.
The vague-plural table (documented in docs/record.md) gives each word the smallest value it can mean,
with the bound ``at_least``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
WORD_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,  # Indian English
}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000}

# Vague plurals: words -> (value, bound). The value is the least the phrase can mean.
VAGUE = {
    ("dozens",): 24,
    ("scores",): 40,
    ("hundreds",): 200,
    ("thousands",): 2_000,
    ("tens", "of", "thousands"): 20_000,
    ("hundreds", "of", "thousands"): 200_000,
    ("millions",): 2_000_000,
    ("tens", "of", "millions"): 20_000_000,
    ("hundreds", "of", "millions"): 200_000_000,
    ("billions",): 2_000_000_000,
}
VAGUE_BOUND = "at_least"


def by_first_word(table: dict[tuple[str, ...], float]) -> dict[str, list[tuple[tuple[str, ...], float]]]:
    """A phrase table keyed by its first word, longest phrases first (checked once per token, so keep it cheap)."""
    index: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for words, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
        index.setdefault(words[0], []).append((words, value))
    return index


_VAGUE_BY_FIRST = by_first_word(VAGUE)

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
GLUED_CURRENCY = re.compile(r"^(R|HK|NZ|A|C|S|US)\$((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|bn|b|tn)?$", re.IGNORECASE)
GLUED_CODES = {"r": "BRL", "hk": "HKD", "nz": "NZD", "a": "AUD", "c": "CAD", "s": "SGD", "us": "USD"}
DIGITS_SCALED = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|bn|b|tn)$", re.IGNORECASE)


@dataclass
class NumberMatch:
    start: int  # token index of the first token of the number
    end: int  # one past its last token
    value: float | int
    vague: bool = False  # a vague plural ("dozens"): bound at_least by default
    word: bool = False  # written in words ("three", "a dozen")
    scaled: bool = False  # carried a scale word ("million") or suffix ("bn")
    unit: str | None = None  # a unit the number's own letters gave it ("6m high": metres, not million)


def tidy(value: float) -> float | int:
    """4500000.0 -> 4500000; 4.5 stays 4.5."""
    if float(value).is_integer():
        return int(value)
    if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)) and abs(value) >= 1:
        return int(round(value))  # 4.1 * 1e6 = 4099999.9999999995 -> 4100000
    return round(value, 6)


def match_number(tokens, i: int) -> NumberMatch | None:
    """The number that starts at ``tokens[i]``, or None. ``tokens`` is a spaCy Doc (or list of tokens)."""
    n = len(tokens)
    for words, value in _VAGUE_BY_FIRST.get(tokens[i].lower_, ()):
        if i + len(words) <= n and all(tokens[i + k].lower_ == w for k, w in enumerate(words)):
            return NumberMatch(i, i + len(words), value, vague=True, word=True)
    if sum(ch.isdigit() for ch in tokens[i].text) > 15:
        return None  # an identifier or a pasted hash, not a figure (and no float can hold it exactly)
    scaled = DIGITS_SCALED.match(tokens[i].text)
    if scaled:
        if scaled.group(2).lower() == "m" and _metres(tokens, i, i + 1):
            return NumberMatch(i, i + 1, tidy(float(scaled.group(1).replace(",", ""))), unit="m")
        value = float(scaled.group(1).replace(",", "")) * SHORT_SCALES[scaled.group(2).lower()]
        return NumberMatch(i, i + 1, tidy(value), scaled=True)
    glued = GLUED_CURRENCY.match(tokens[i].text)
    if glued:  # "R$48 million", "HK$2.5bn": the tokenizer keeps the prefix on the number
        value = float(glued.group(2).replace(",", "")) * (SHORT_SCALES[glued.group(3).lower()] if glued.group(3) else 1)
        j, value, is_scaled = _scale_words(tokens, i + 1, value)
        return NumberMatch(i, j, tidy(value), scaled=is_scaled or bool(glued.group(3)), unit=GLUED_CODES[glued.group(1).lower()])
    if DIGITS.match(tokens[i].text):
        value = float(tokens[i].text.replace(",", ""))
        if i + 1 < n and tokens[i + 1].lower_ == "m" and _metres(tokens, i, i + 2):
            return NumberMatch(i, i + 2, tidy(value), unit="m")
        j, value, is_scaled = _scale_words(tokens, i + 1, value)
        return NumberMatch(i, j, tidy(value), scaled=is_scaled)
    return _match_words(tokens, i)


def _scale_words(tokens, j: int, value: float) -> tuple[int, float, bool]:
    """"40 million", "2.5 bn": the scale words after a number, from ``tokens[j]`` on."""
    is_scaled = False
    while j < len(tokens) and (tokens[j].lower_ in SCALES or tokens[j].lower_.rstrip(".") in SHORT_SCALES):
        # "$40-50m." at a sentence's end: the parser may keep the full stop on the suffix
        value *= SCALES.get(tokens[j].lower_) or SHORT_SCALES[tokens[j].lower_.rstrip(".")]
        j += 1
        is_scaled = True
    return j, value, is_scaled


CURRENCY_MARKS = frozenset({"$", "\u00a3", "\u20ac", "\u00a5", "\u20b9", "us$", "c$", "a$", "nz$", "hk$"})
# after "6m"/"6 m": words that make it a length ("a wall 6m high", "a 6m-deep pit"), not 6 million
RACE_WORDS = frozenset("in final hurdles freestyle butterfly backstroke breaststroke medley relay sprint race title record heats".split())
HEIGHT_NOUNS = frozenset("river tide wave surge flood level water wall tower height depth snow snowfall swell".split())
LENGTH_CONTEXT = frozenset("high tall deep long wide thick underground across below above away".split())


def _metres(tokens, i: int, end: int) -> bool:
    """"6 m high", "a 6m-high wall": "m" is metres when no currency stands before the number and a word of
    height, depth or length follows it (a sum would be "$6m", and "6m people" has no such word)."""
    if i > 0 and tokens[i - 1].lower_ in CURRENCY_MARKS:
        return False
    k = end
    if k < len(tokens) and tokens[k].text in {"-", "\u2013"}:
        k += 1
    if k < len(tokens) and tokens[k].lower_ in LENGTH_CONTEXT:
        return True
    if i > 0 and tokens[i - 1].lower_ == "the" and (k >= len(tokens) or tokens[k].lower_ in RACE_WORDS or tokens[k].is_punct):
        return True  # "ran the 100m in 10.9 seconds", "the 400m hurdles": a race over metres
    # "the river peaked at 5.2m": nothing counted after it, and the sentence is about a level of water or a height
    bare = k >= len(tokens) or not tokens[k].is_alpha or tokens[k].pos_ not in {"NOUN", "PROPN", "ADJ"}
    if bare and hasattr(tokens[i], "sent"):
        return any(t.lemma_.lower() in HEIGHT_NOUNS for t in tokens[i].sent)
    return False


def _match_words(tokens, i: int) -> NumberMatch | None:
    n = len(tokens)
    low = tokens[i].lower_
    # "twice" (but not "twice as many", "twice the size"): two times
    if low in {"twice", "thrice"} and not (i + 1 < n and tokens[i + 1].lower_ in {"as", "the", "that", "a", "an", "its", "their"}):
        return NumberMatch(i, i + 1, 2 if low == "twice" else 3, word=True)
    # "half a dozen", "a dozen", "a hundred", "a million"
    if low == "half" and i + 2 < n and tokens[i + 1].lower_ == "a" and tokens[i + 2].lower_ == "dozen":
        return NumberMatch(i, i + 3, 6, word=True)
    j = i
    total = 0
    current = 0
    seen = False
    scaled = False
    if low in {"a", "an"}:
        if i + 1 < n and (tokens[i + 1].lower_ in SCALES or tokens[i + 1].lower_ == "dozen"):
            current = 1
            j = i + 1
        else:
            return None
    while j < n:
        word = tokens[j].lower_
        parts = word.split("-") if "-" in word else [word]
        if all(p in WORD_UNITS or p in WORD_TENS for p in parts) and parts:
            for p in parts:
                current += WORD_UNITS.get(p, 0) + WORD_TENS.get(p, 0)
            seen = True
        elif word == "-" and seen and j + 1 < n and tokens[j + 1].lower_ in WORD_UNITS:
            pass
        elif word == "dozen" and (seen or current):
            current = (current or 1) * 12
            seen = True
        elif word == "hundred" and (seen or current):
            current = (current or 1) * 100
            seen = True
            scaled = True
        elif word in SCALES and (seen or current):
            total += (current or 1) * SCALES[word]
            current = 0
            seen = True
            scaled = True
        elif word == "and" and scaled and j + 1 < n and (tokens[j + 1].lower_ in WORD_UNITS or tokens[j + 1].lower_ in WORD_TENS):
            pass  # "two hundred and five" (after a scale word only: "two and three cuts" is two numbers)
        else:
            break
        j += 1
    if not seen:
        return None
    return NumberMatch(i, j, tidy(total + current), word=True, scaled=scaled)
