"""Byline lines: ``By A and B | Monday, 24 November 2025 06:58 PM EST``.

Splits a byline into author names and the dates and extras that share its
line. Names may be empty (the seed page prints ``By    |   <date>`` and names
its author after the body); roles after a comma ("Harriet Cole, Home Affairs
Correspondent") and outlets ("| Associated Press") are dropped from the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from byline.extract.lines import ROLE_WORDS, date_line, is_person_name, name_case

_BY = re.compile(
    r"^(?:by|written by|posted by|story by|words by|text by|analysis by|opinion by|commentary by|review by|"
    r"von|par|por|di)\b\s*:?\s*(?P<rest>.*)$",
    re.I,
)
# e-mail addresses, handles, URLs and phone numbers printed beside a name
_CONTACT = re.compile(r"\S+@\S+\.\S+|(?<!\w)@\w+|https?://\S+|(?:\(?\d{3}\)?[ .-]?)?\b\d{3}[ .-]\d{4}\b|\+\d[\d ().-]{7,}\d")
_SEGMENT_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[—–-]\s+")
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|with|und|et|y|e)\s+", re.I)
_ON_DATE = re.compile(r"\s+(?:on|at|updated|published)\s+(?=\S)", re.I)
_DIGIT = re.compile(r"\d")
MAX_BYLINE_WORDS = 30
MAX_SECTION_WORDS = 3  # a section label glued after a byline's date
_TRAILING_BY = re.compile(r"^(?P<date>.+?)\s*(?:[|•·]\s*)?\bby\s*:?\s+(?P<names>[^|•·]+)$", re.I)


@dataclass
class Byline:
    names: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (role, raw date text)
    extras: list[str] = field(default_factory=list)  # outlet, role or place text sharing the line


def parse_byline(text: str) -> Byline | None:
    """Parse a ``By ...`` line; None when the line is not a byline (e.g. "By Tuesday, the river rose.").

    A name part that holds no name ("By admin - 2018-09-16") still makes a
    byline when a date shares the line; the names are then empty.
    """
    m = _BY.match(text)
    if not m or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    segments = _SEGMENT_SPLIT.split(_CONTACT.sub(" ", m.group("rest")))
    head = " ".join(segments[0].split())
    result = Byline()
    split = _ON_DATE.split(head, maxsplit=1)
    if len(split) == 2 and date_line(split[1]):
        head = split[0]
        segments.insert(1, split[1])
    elif len(segments) == 1 and (glued := _split_name_date(head)) is not None:
        head = glued[0]  # "By Joseph Tsidulko November 19, 2019, 07:47 PM EST"
        segments.append(glued[1])
    _read_segments(segments[1:], result)
    if head:
        names, extras = split_names(head)
        if not names and not (result.dates and len(head.split()) <= 2):
            return None
        result.names, result.extras = names, extras + result.extras if names else [head, *result.extras]
    if not result.names and not result.dates:
        return None
    return result


def parse_unmarked_byline(text: str) -> Byline | None:
    """A byline without "By": a name and a date ("Chris Davies - Nov 19, 2019, 10:31 pm CST",
    "Reuters November 18, 2019 11:03 PM"). The name must look like a person or an agency."""
    if not _DIGIT.search(text):
        return None
    words = text.split()
    if not 3 <= len(words) <= 16:
        return None
    by = _TRAILING_BY.match(text)
    if by:  # "Monday November 18, 2019 7:45 am PST by Joe Rossignol", "November 12, 2018 | BY: Beachbody"
        dated = date_line(by.group("date").strip(" |•·-–—,"))
        names, extras = split_names(by.group("names"))
        return Byline(names=names, dates=[dated]) if dated and names and not extras else None
    segments = _SEGMENT_SPLIT.split(text)
    if len(segments) >= 2:
        candidates = [(segments[0], segments[1:])]
    else:
        candidates = [(" ".join(words[:n]), [" ".join(words[n:])]) for n in (1, 2, 3, 4) if n < len(words)]
    for head, rest in candidates:
        names, extras = split_names(head.strip())
        if not names or extras:
            continue
        result = Byline(names=names)
        _read_segments(rest, result)
        if result.dates and not result.extras:
            return result
    return None


def _split_name_date(text: str) -> tuple[str, str] | None:
    """``"Joseph Tsidulko November 19, 2019"`` -> (name, date) when the words after a name are a date,
    optionally followed by a short section label ("Mike Wall 2019-11-18T20:51:19Z Science & Astronomy")."""
    if not _DIGIT.search(text):
        return None
    words = text.split()
    for n in range(1, min(7, len(words))):
        names, extras = split_names(" ".join(words[:n]))
        if not names or extras:
            continue
        rest = words[n:]
        for m in range(len(rest), 0, -1):
            tail = rest[m:]
            if len(tail) > MAX_SECTION_WORDS or not all(w[:1].isupper() or w == "&" for w in tail):
                continue
            if date_line(" ".join(rest[:m])):
                return " ".join(words[:n]), " ".join(rest[:m])
    return None


def _read_segments(segments: list[str], result: Byline) -> None:
    for segment in segments:
        segment = segment.strip()
        if not segment:
            continue
        dated = date_line(segment)
        if dated:
            result.dates.append(dated)
        else:
            result.extras.append(segment)


NOT_AUTHORS = frozenset(
    "admin administrator editor editors staff guest anonymous unknown webmaster author contributor user root "
    "newsdesk team none null".split()
)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """``"A, B and C"`` -> names; parts that are roles or prose go to extras; CMS placeholders ("admin") are dropped."""
    names: list[str] = []
    extras: list[str] = []
    for part in _NAME_SPLIT.split(text.strip(" .")):
        part = part.strip(" .")
        if not part:
            continue
        if part.lower() in NOT_AUTHORS:
            extras.append(part)
            continue
        candidate = name_case(part)
        if is_person_name(candidate) or is_organisation_byline(candidate):
            names.append(candidate)
        elif names and (set(part.lower().split()) & ROLE_WORDS or part[:1].isupper()):
            extras.append(part)
        else:
            return [], []
    return names, extras


def is_organisation_byline(text: str) -> bool:
    """A one- to four-word capitalised byline such as "Reuters" or "Associated Press" (no role words)."""
    words = text.split()
    return (
        1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
        and not set(re.split(r"[\s-]+", text.lower())) & ROLE_WORDS
    )
