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

_BY = re.compile(r"^(?:by|written by|posted by|story by|words by|text by|von|par|por|di)\b\s*:?\s*(?P<rest>.*)$", re.I)
_SEGMENT_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[—–]\s+")
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&|with|und|et|y|e)\s+", re.I)
_ON_DATE = re.compile(r"\s+(?:on|at|updated|published)\s+(?=\S)", re.I)
MAX_BYLINE_WORDS = 30


@dataclass
class Byline:
    names: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (role, raw date text)
    extras: list[str] = field(default_factory=list)  # outlet, role or place text sharing the line


def parse_byline(text: str) -> Byline | None:
    """Parse a ``By ...`` line; None when the line is not a byline (e.g. "By Tuesday, the river rose.")."""
    m = _BY.match(text)
    if not m or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    segments = _SEGMENT_SPLIT.split(m.group("rest"))
    head = segments[0].strip()
    result = Byline()
    split = _ON_DATE.split(head, maxsplit=1)
    if len(split) == 2 and date_line(split[1]):
        head = split[0]
        segments.insert(1, split[1])
    if head:
        names, extras = split_names(head)
        if not names:
            return None
        result.names, result.extras = names, extras
    for segment in segments[1:]:
        segment = segment.strip()
        if not segment:
            continue
        dated = date_line(segment)
        if dated:
            result.dates.append(dated)
        else:
            result.extras.append(segment)
    if not result.names and not result.dates:
        return None
    return result


def split_names(text: str) -> tuple[list[str], list[str]]:
    """``"A, B and C"`` -> names; parts that are roles or prose go to extras."""
    names: list[str] = []
    extras: list[str] = []
    for part in _NAME_SPLIT.split(text.strip(" .")):
        part = part.strip(" .")
        if not part:
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
    """A one- to four-word capitalised byline such as "Reuters" or "Associated Press"."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not set(w.lower() for w in words) & ROLE_WORDS
