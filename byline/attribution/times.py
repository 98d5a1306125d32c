"""Time expressions in the body ("Monday", "last week", "Nov. 3", "in January"),
resolved against the publication date.

Resolution (also in docs/decisions.md and docs/record.md):

* day-precise expressions resolve to an ISO date ("2025-11-23"), month-precise
  ones to "yyyy-mm", years to "yyyy", and weeks ("last week", "this week",
  "two weeks ago") to the ISO date of the MONDAY of that week;
* a bare weekday is the most recent such day on or before publication (the
  same day counts: "Monday" in a Monday article is that day), unless the
  clause is about the future (an auxiliary will/would/shall/'ll, or a governing
  verb such as plan, schedule, set, expect, intend, due, going to, or a
  present-tense event verb that is not a reporting verb: "the fiscal year
  begins July 1", "is meeting Monday"), in which
  case it is the next such day on or after publication ("would vote on
  Monday" in a Friday article is the following Monday);
* a month alone follows the same rule ("in January" is the latest January on
  or before the publication month); a month and day without a year is the
  latest on or before publication, unless the next one is nearer and at most
  60 days ahead ("Dec. 2" in a 24 November article), or the clause is about
  the future; "last"/"next"/"this" override the rule.

The span and text exclude a leading preposition ("on Sunday" -> "Sunday") and an
"early"/"late" before a weekday ("early Friday" -> "Friday"), so the span is
the expression itself. Expressions that are
durations ("three decades", "the past week") or anchored on something other
than the publication ("the same day", "two days later") are not resolved and
not listed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from byline.attribution.cues import is_speech
from byline.extract.dates import MONTHS, WEEKDAYS, parse_date
from byline.model import Article, TimeExpression

#: Words that join a time to the verb before it: "said on Monday", "said late Tuesday", "said in March".
TIME_LEADERS = frozenset({"on", "in", "at", "during", "early", "late", "earlier"})

if TYPE_CHECKING:  # pragma: no cover
    from byline.nlp import ArticleDoc

__all__ = ["annotate_times", "time_in_range", "resolve_relative", "publication_day"]

_NUM = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)"
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH_FULL = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
               r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.)")
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Ordered: longer, more specific forms first (overlaps keep the earliest-starting, then longest match).
_PATTERNS = [
    # absolute dates
    rf"\b{_WEEKDAY},?\s+{_MONTH_FULL}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b{_MONTH_FULL}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{{4}}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_FULL}(?:,?\s+\d{{4}})?\b",
    rf"\b{_MONTH_FULL}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\s*\d)",
    r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b(?:(?:early|late|mid)[- ]|earlier in |later in )?{_MONTH_FULL}\s+\d{{4}}\b",
    # relative days
    r"\b(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)\b",
    r"\b(?:yesterday|today|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?\b",
    r"\b(?:last\s+night|this\s+(?:morning|afternoon|evening))\b",
    rf"\b(?:(?:last|next|this|this\s+coming|this\s+past|coming|past|early|late|earlier|later)\s+)?{_WEEKDAY}{_PART_OF_DAY}\b",
    r"(?<=\bover )the\s+weekend\b|(?<=\bduring )the\s+weekend\b",
    r"\b(?:(?:earlier|later)\s+)?(?:last|this|next|this\s+past|this\s+coming)\s+(?:spring|summer|fall|autumn|winter)\b",
    rf"\b{_NUM}\s+(?:days?|weeks?|months?|years?)\s+ago\b",
    rf"\bin\s+{_NUM}\s+(?:days?|weeks?|months?|years?)(?:'|’)?\s+time\b",
    rf"\b{_NUM}\s+(?:days?|weeks?|months?|years?)\s+from\s+now\b",
    # weeks, months, years
    r"\b(?:(?:earlier|later)\s+)?(?:last|this|next|this\s+coming|this\s+past)\s+(?:week|weekend|month|year)\b",
    r"\b(?:early|late)\s+(?:last|this|next)\s+(?:week|month|year)\b",
    # month alone (capitalised in the text; checked below) and years after a preposition
    rf"\b(?:(?:early|late|mid)[- ]|earlier\s+in\s+|later\s+in\s+)?(?:january|february|march|april|june|july|august|september|october|november|december|may)\b",
    r"(?<=\bin )\d{4}\b|(?<=\bsince )\d{4}\b|(?<=\buntil )\d{4}\b|(?<=\bduring )\d{4}\b|(?<=\bby )\d{4}\b|(?<=\bof )\d{4}\b(?!\s*(?:people|%|percent))",
]
_EXPRESSION_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_MONTH_ALONE_RE = re.compile(
    r"^(?:(?:early|late|mid)[- ]|earlier\s+in\s+|later\s+in\s+)?(january|february|march|april|june|july|august|september|october|november|december|may)$",
    re.IGNORECASE,
)
_MONTH_CONTEXT_RE = re.compile(
    r"(?:\b(?:in|since|until|by|during|from|through|to|between|last|next|this|of|before|after|early|late|mid)"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:and|or|to))\s*$",
    re.IGNORECASE,
)

#: A month-day without a year this close ahead of publication is read as upcoming ("Dec. 2" on 24 Nov).
NEAR_FUTURE_DAYS = 60
#: Named days that are not "the most recent such weekday" ("Black Friday", "Super Tuesday").
_NAMED_DAY_RE = re.compile(
    r"\b(?:black|cyber|good|super|ash|bloody|easter|palm|holy|giving|maundy|shrove|whit|manic)\s+$", re.IGNORECASE
)
_FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll", "wo"}
_FUTURE_GOVERNORS = {"plan", "schedule", "set", "expect", "intend", "aim", "slate", "due", "prepare", "poise", "go"}


# --- resolution ----------------------------------------------------------------------------


def _week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + delta, 12)
    return y, m + 1


def _number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in {"a few", "several", "a couple of"}:
        return None  # vague: not resolvable to one day
    return _WORD_NUMBERS.get(word)


def _month_day(month: int, day: int, reference: date, future: bool) -> date | None:
    """A month and day without a year: the latest on or before publication, unless the clause is
    about the future or the next occurrence is nearer and at most :data:`NEAR_FUTURE_DAYS` ahead."""
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    past = [d for d in options if d <= reference]
    ahead = [d for d in options if d >= reference]
    last = max(past) if past else None
    upcoming = min(ahead) if ahead else None
    if future or last is None:
        return upcoming
    if upcoming is not None and (upcoming - reference).days <= NEAR_FUTURE_DAYS and (
        (upcoming - reference) < (reference - last)
    ):
        return upcoming
    return last


def resolve_relative(text: str, reference: date, *, future: bool = False) -> str | None:
    """Resolve one time expression against ``reference`` (the publication date).

    Returns "yyyy-mm-dd" (days; the Monday for weeks), "yyyy-mm" (months),
    "yyyy" (years), or None when the expression is not a point in time byline
    can place (durations, vague counts, anaphora like "the same day").
    """
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    t = re.sub(r"^(?:on|in|at|since|until|by|during|from|of)\s+", "", t)
    t = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", t) if not t.startswith(("last night", "this ")) else t
    if isinstance(reference, datetime):
        reference = reference.date()

    simple = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "yesterday": -1, "last night": -1, "tomorrow": 1,
        "day before yesterday": -2, "the day before yesterday": -2,
        "day after tomorrow": 2, "the day after tomorrow": 2,
    }
    if t in simple:
        return (reference + timedelta(days=simple[t])).isoformat()

    t = re.sub(rf"^(?:early|late|earlier|later) (?={_WEEKDAY}$)", "", t)
    if t == "the weekend":  # "over the weekend": the latest Saturday on or before (next one if future)
        back = (reference.weekday() - 5) % 7
        ahead = (5 - reference.weekday()) % 7
        if reference.weekday() == 6 and future:
            ahead = 6
        return (reference + timedelta(days=ahead) if future else reference - timedelta(days=back)).isoformat()
    m = re.fullmatch(r"(?:(?:earlier|later) )?(last|this|next|this past|this coming) (spring|summer|fall|autumn|winter)", t)
    if m:
        if m.group(2) == "winter":
            return None  # spans two years
        delta = {"last": -1, "this past": -1, "this": 0, "next": 1, "this coming": 1}[m.group(1)]
        season_month = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9}[m.group(2)]
        if delta == -1 and season_month < reference.month - 2:
            delta = 0  # "last summer" in November is this year's summer
        if delta == 1 and season_month > reference.month:
            delta = 0  # "next spring" in January is this year's spring
        return f"{reference.year + delta:04d}"
    m = re.fullmatch(r"(?:(last|next|this coming|this past|this|coming|past) )?(mon|tues|wednes|thurs|fri|satur|sun)day", t)
    if m:
        target = WEEKDAYS[m.group(2) + "day"]
        modifier = m.group(1)
        back = (reference.weekday() - target) % 7  # days back to the most recent one (0 = today)
        ahead = (target - reference.weekday()) % 7
        if modifier in {"last", "this past", "past"}:
            day = reference - timedelta(days=back or 7)
        elif modifier in {"next", "this coming", "coming"}:
            day = reference + timedelta(days=ahead or 7)
        elif modifier == "this":
            day = _week_monday(reference) + timedelta(days=target)
        else:
            day = reference + timedelta(days=ahead) if future else reference - timedelta(days=back)
        return day.isoformat()

    m = re.fullmatch(rf"({_NUM}) (day|week|month|year)s? (ago|from now)", t) or re.fullmatch(
        rf"in ({_NUM}) (day|week|month|year)s?'? time", "in " + t if not t.startswith("in ") else t
    )
    if m:
        n = _number(m.group(1))
        if n is None:
            return None
        sign = -1 if m.lastindex == 3 and m.group(3) == "ago" else 1
        unit = m.group(2)
        if unit == "day":
            return (reference + timedelta(days=sign * n)).isoformat()
        if unit == "week":
            return _week_monday(reference + timedelta(weeks=sign * n)).isoformat()
        if unit == "month":
            y, mo = _shift_month(reference.year, reference.month, sign * n)
            return f"{y:04d}-{mo:02d}"
        return f"{reference.year + sign * n:04d}"

    m = re.fullmatch(r"(?:(?:earlier|later|early|late) )?(last|this|next|this coming|this past) (week|weekend|month|year)", t)
    if m:
        delta = {"last": -1, "this past": -1, "this": 0, "next": 1, "this coming": 1}[m.group(1)]
        unit = m.group(2)
        if unit in {"week", "weekend"}:
            monday = _week_monday(reference) + timedelta(weeks=delta)
            if unit == "weekend":
                if m.group(1) == "this" and reference.weekday() == 6:
                    monday -= timedelta(weeks=0)
                return (monday + timedelta(days=5)).isoformat()  # the weekend's Saturday
            return monday.isoformat()
        if unit == "month":
            y, mo = _shift_month(reference.year, reference.month, delta)
            return f"{y:04d}-{mo:02d}"
        return f"{reference.year + delta:04d}"

    m = _MONTH_ALONE_RE.fullmatch(t)
    if m:
        month = MONTHS[m.group(1).lower()]
        year = reference.year
        if future and month < reference.month:
            year += 1
        elif not future and month > reference.month:
            year -= 1
        return f"{year:04d}-{month:02d}"

    m = re.fullmatch(rf"(?:(?:early|late|mid)[- ]|earlier in |later in )?({_MONTH_FULL[3:-1]}) (\d{{4}})", t)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).rstrip('.')]:02d}"

    if re.fullmatch(r"\d{4}", t):
        year = int(t)
        return t if 1800 <= year <= 2200 else None

    m = re.fullmatch(rf"(?:{_WEEKDAY},? )?({_MONTH_FULL[3:-1]}) (\d{{1,2}})(?:st|nd|rd|th)?", t) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_FULL[3:-1]})", t
    )
    if m:
        a, b = m.group(1), m.group(2)
        month, day_ = (MONTHS[a.rstrip(".")], int(b)) if not a.isdigit() else (MONTHS[b.rstrip(".")], int(a))
        found = _month_day(month, day_, reference, future)
        return found.isoformat() if found else None

    if re.search(r"\d{4}", t):
        parsed = parse_date(text)
        if parsed is not None:
            return parsed.day.isoformat()
    return None


# --- annotation ------------------------------------------------------------------------------


def publication_day(article: Article) -> date | None:
    """The calendar date of ``article.published`` as written (its own zone)."""
    if not article.published:
        return None
    parsed = parse_date(article.published)
    return parsed.day if parsed else None


def _is_future(doc, start: int, end: int) -> bool:
    """Is the clause governing the expression at [start, end) about the future?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in TIME_LEADERS:
        before -= 1
    if before >= 0 and doc[before].tag_ == "VBD" and is_speech(doc[before]):
        return False  # "said Tuesday the bridge would reopen": the day it was said (the parser hangs it on "reopen")
    # climb to the governing verb
    steps = 0
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i and steps < 6:
        token = token.head
        steps += 1
    chain = [token]
    node = token
    while node.dep_ in {"xcomp", "ccomp", "conj", "auxpass"} and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    if _scheduled_present(token):
        return True
    for verb in chain:
        for child in verb.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ in {"acomp", "attr"} and child.lemma_.lower() in {"due", "scheduled", "slated", "set"}:
                return True  # "is due Tuesday", "is scheduled for Monday"
            if child.dep_ in {"nsubj", "nsubjpass"} and any(
                w.lower_ in {"next", "upcoming", "coming"} for w in child.subtree
            ):
                return True  # "the next hearing is Monday"
        if verb is not token and verb.lemma_.lower() in _FUTURE_GOVERNORS:
            return True
        if verb.lemma_.lower() in {"schedule", "slate", "due"} and verb.tag_ in {"VBN", "JJ"}:
            return True
    return False


_REPORTING = {"say", "tell", "report", "announce", "add", "note", "claim", "argue", "warn", "insist", "write",
              "confirm", "deny", "state", "explain", "acknowledge", "admit", "suggest", "show", "find"}
_PAST_AUX = {"has", "have", "had", "did", "was", "were", "'ve", "'d"}


def _scheduled_present(verb) -> bool:
    """A present-tense event verb ("the fiscal year begins July 1", "is meeting Monday") states a plan."""
    if verb.lemma_.lower() in _REPORTING:
        return False
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in _PAST_AUX for a in auxes):
        return False
    if verb.tag_ in {"VBZ", "VBP"} and verb.pos_ == "VERB":
        return True
    return verb.tag_ == "VBG" and any(a.lower_ in {"is", "are", "am", "'s", "'re"} for a in auxes)


def _candidates(text: str, doc) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for m in _EXPRESSION_RE.finditer(text):
        start, end = m.span()
        phrase = m.group(0)
        alone = _MONTH_ALONE_RE.fullmatch(phrase)
        if alone:
            word = alone.group(1)
            prefixed = word != phrase  # "early January", "later in March"
            context = _MONTH_CONTEXT_RE.search(text[max(0, start - 12) : start])
            if not word[0].isupper() or not (prefixed or context):
                continue  # "may" the modal, "April" the name
        found.append((start, end))
    # spaCy DATE entities we did not match, when they resolve to a point in time
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in found):
                continue
            found.append((ent.start_char, ent.end_char))
    return sorted(found)


def annotate_times(article: Article, adoc: "ArticleDoc") -> None:
    """Fill ``article.times`` with every time expression in the body, resolved against ``published``."""
    reference = publication_day(article)
    doc = adoc.doc
    text = doc.text
    times: list[TimeExpression] = []
    for start, end in _candidates(text, doc):
        phrase = text[start:end]
        lead = re.match(r"(?:on|in|at|since|until|by|during|from|of)\s+", phrase, re.IGNORECASE) or re.match(
            rf"(?:early|late|earlier|later)\s+(?={_WEEKDAY})", phrase, re.IGNORECASE
        )
        if lead:
            start += lead.end()
            phrase = text[start:end]
        if re.match(_WEEKDAY, phrase, re.IGNORECASE) and _NAMED_DAY_RE.search(text[max(0, start - 10) : start]):
            continue  # "Black Friday", "Super Tuesday": named days, not the nearest weekday
        future = _is_future(doc, start, end)
        resolved = resolve_relative(phrase, reference, future=future) if reference else None
        if resolved is None and (reference is not None or not _EXPRESSION_RE.fullmatch(phrase)):
            continue  # durations and anaphora are not points in time
        paragraph, offset = adoc.locate(start)
        end_paragraph, _ = adoc.locate(max(start, end - 1))
        if end_paragraph != paragraph:
            continue
        times.append(TimeExpression(text=phrase, paragraph=paragraph, span=[offset, offset + len(phrase)], resolved=resolved))
    article.times = times


def time_in_range(article: Article, paragraph: int, start: int, end: int) -> TimeExpression | None:
    """The time expression inside [start, end) of a paragraph (for a quote's ``said_on``).

    Prefers an expression wholly inside the range, then one overlapping it;
    among those, the first one that resolved.
    """
    inside = [t for t in article.times if t.paragraph == paragraph and start <= t.span[0] and t.span[1] <= end]
    overlapping = [t for t in article.times if t.paragraph == paragraph and t.span[0] < end and start < t.span[1]]
    for group in (inside, overlapping):
        resolved = [t for t in group if t.resolved]
        if resolved:
            return resolved[0]
        if group:
            return group[0]
    return None
