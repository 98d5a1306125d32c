"""Author names from bylines and metadata: people only, clean, de-duplicated.

A byline string ("By Ana Ruiz and Tom Bell, Staff Writers | Reuters",
"Reporting by Ana Ruiz in Lima; Editing by Tom Bell") is split into pieces;
each piece is a person name, a job title (dropped), an organisation (kept
apart: agencies, desks, "Staff", the outlet itself) or junk ("Email the
author", dates, URLs, handles), which is dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

AGENCIES = frozenset(
    s.lower()
    for s in (
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
        "Agence France Presse", "Bloomberg", "Bloomberg News", "UPI", "United Press International", "PA",
        "PA Media", "Press Association", "dpa", "Xinhua", "ANI", "IANS", "PTI", "EFE", "ANSA", "Kyodo",
        "Yonhap", "TASS", "CNN", "BBC", "NPR", "AAP", "CP", "The Canadian Press", "Canadian Press",
        "Newsroom", "Agencies", "Wires", "Wire", "Wire Services", "News Service", "News Services",
        # media groups that CMSs put in author fields
        "Condé Nast", "Conde Nast", "Hearst", "Gannett", "Advance Local", "Dotdash Meredith", "Future plc",
        "Axel Springer", "News Corp", "Vox Media", "BuzzFeed", "Tribune Publishing", "McClatchy", "Lee Enterprises",
    )
)
# Words that make a piece an organisation or a role, not a person.
ORG_WORDS = frozenset(
    (
        "staff", "desk", "board", "newsroom", "team", "editors", "agencies", "agency", "wire", "wires",
        "services", "service", "reports", "bureau", "inc", "inc.", "llc", "ltd", "ltd.", "media", "network",
        "group", "association", "press", "news", "newspaper", "magazine", "online", "digital", "editorial",
        "partners", "foundation", "institute", "company", "corp", "corp.", "co.", "times", "post", "herald",
        "tribune", "gazette", "journal", "ledger", "courier", "chronicle", "observer", "sentinel", "dispatch",
        "daily", "weekly", "radio", "tv", "television", "studios", "publishing", "publications",
    )
)
TITLE_WORDS = frozenset(
    (
        "correspondent", "correspondents", "reporter", "reporters", "editor", "editors", "writer", "writers",
        "columnist", "columnists", "contributor", "contributors", "contributing", "producer", "analyst",
        "chief", "senior", "junior", "bureau", "photographer", "photojournalist", "journalist", "critic",
        "special", "fellow", "intern", "director", "manager", "host", "anchor", "associate", "assistant",
        "deputy", "managing", "executive", "political", "national", "international", "foreign", "business",
        "sports", "health", "science", "technology", "tech", "climate", "economics", "economy", "culture",
        "politics", "investigative", "data", "visual", "video", "audio", "freelance", "guest", "opinion",
        "head", "lead", "principal", "staff", "author", "authors", "researcher", "professor", "lecturer",
        "president", "ceo", "founder", "cofounder", "co-founder", "expert", "specialist", "strategist",
        "consultant", "coordinator", "officer", "adviser", "advisor", "commentator", "presenter",
    )
)
NOT_NAMES = frozenset(
    s.lower()
    for s in (
        "admin", "administrator", "editor", "staff", "guest", "anonymous", "unknown", "webmaster", "author",
        "contributor", "user", "root", "newsdesk", "system", "team", "none", "null", "n/a",
    )
)
_JUNK_START = re.compile(
    r"^(?:e-?mail|follow|contact|view|see|more|read|about|share|subscribe|tweet|message|connect|"
    r"updated|published|posted|last|bio|profile|all)\b",
    re.I,
)
_PREFIX = re.compile(
    r"^(?:(?:written|words|text|story|reporting|reported|posted|compiled|produced|interview|photos?|analysis)"
    r"\s+by|by|from|von|par|por|door|di|av|author|authors|byline|writer)\s*[:\-–—]?\s+",
    re.I,
)
_SKIP_SEGMENT = re.compile(
    r"^\s*(?:editing|edited|additional reporting|additional writing|fact[- ]checking|graphics|photos?|"
    r"illustrations?|design|produced|video|translation|translated)\b",
    re.I,
)
_CUT = re.compile(
    r"\s*(?:\b(?:updated|published|posted|last updated|first published|modified)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\d{1,2}:\d{2}|\b\d+\s+(?:min|mins|minutes?|hours?|days?)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b).*$",
    re.I,
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|(?<!\w)@\w+", re.I)
_SPLIT_MAJOR = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|\n|/\s)\s*")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\b(?i:and)\b|\s(?:und|et|y|e)\s|(?<=[a-z]{2})\.\s+(?=[A-Z]))\s*")
_TAIL_PLACE = re.compile(r"\s+(?:in|at|reporting from)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}$")
_TAIL_FOR = re.compile(r"\s+(?i:for|at)\s+(?:(?i:the)\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}$")
_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|sir|dame|rev)\.?\s+", re.I)
ROLE_NOUNS = frozenset(("writer", "writers", "editor", "editors", "correspondent", "correspondents", "reporter",
                        "reporters", "columnist", "contributor", "producer", "photographer", "staff", "desk",
                        "team", "board", "bureau", "journalist", "critic", "intern", "analyst"))
PARTICLES = frozenset(
    ("de", "da", "das", "do", "dos", "du", "van", "von", "der", "den", "del", "della", "la", "le", "bin", "bint",
     "al", "ibn", "di", "ter", "ten", "y", "e", "st.", "mc", "mac", "el", "ben", "abu")
)


@dataclass
class BylineParts:
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)


def parse_byline(raw: str, *, outlet_names: frozenset[str] = frozenset(), single_names: bool = False) -> BylineParts:
    """Split a byline or author string into people and organisations.

    ``outlet_names`` (lowercase) are the site's own names, never people.
    ``single_names`` accepts one-word names (trusted metadata, not visible text).
    """
    parts = BylineParts()
    text = html.unescape(raw) if "&" in raw else raw
    text = _URL.sub(" ", text)
    text = " ".join(text.replace("\u00a0", " ").split())
    if not text:
        return parts
    for segment in re.split(r"\s*;\s*", text):
        if _SKIP_SEGMENT.match(segment):
            continue
        segment = _CUT.sub("", segment)
        for chunk in _SPLIT_MAJOR.split(segment):
            chunk = _PREFIX.sub("", chunk.strip(" :,.-"))
            if not chunk:
                continue
            _classify_chunk(chunk, parts, outlet_names, single_names)
    return parts


def _classify_chunk(chunk: str, parts: BylineParts, outlets: frozenset[str], single: bool) -> None:
    whole = chunk.strip(" .,:").lower()
    if whole in AGENCIES or whole in outlets or (" " not in whole and any(whole in o.split() or o.startswith(whole + " ") for o in outlets)):
        _add(parts.organizations, chunk.strip(" .,:"))
        return
    if ":" in chunk:
        chunk = chunk.rsplit(":", 1)[1]  # "Text: Ana Ruiz", "Autor: ..." in any language
    for piece in _SPLIT_NAMES.split(chunk):
        piece = _PREFIX.sub("", piece.strip(" .,:-"))
        piece = _TAIL_PLACE.sub("", piece)
        piece = _TAIL_FOR.sub("", piece).strip(" .,:-")
        if not piece:
            continue
        low = piece.lower()
        if low in AGENCIES or low in outlets or _is_org(piece):
            _add(parts.organizations, piece)
            continue
        name = person_name(piece, single=single)
        if name:
            _add(parts.people, name)


def person_name(piece: str, *, single: bool = False) -> str | None:
    """``piece`` as a clean person name, or None when it is a title, junk or not name-shaped."""
    piece = piece.strip(" .,:;|-–—\"'()[]")
    if not piece or len(piece) > 60 or any(ch.isdigit() for ch in piece) or _JUNK_START.match(piece):
        return None
    piece = _HONORIFIC.sub("", piece)
    if piece.isupper() and len(piece) > 3:
        piece = piece.title()
    tokens = piece.split()
    if not 1 <= len(tokens) <= 6 or (len(tokens) == 1 and not single):
        return None
    lowered = [t.lower().strip(".,") for t in tokens]
    if piece.lower() in NOT_NAMES or all(t in TITLE_WORDS for t in lowered):
        return None
    if any(t in AGENCIES for t in lowered) and len(tokens) > 1:
        return None  # "CNN Editor-at-large", "AP Writer"
    if len(tokens) == 1 and piece.isupper() and len(piece) <= 4:
        return None  # credentials and initials: "MS", "RDN", "PhD"
    if len(tokens) > 1 and lowered[-1].split("-")[0] in ROLE_NOUNS:
        return None  # "AP Auto Writer", "Sports Editor"
    if any("." in t and len(t) > 3 and not t.endswith(".") for t in tokens):
        return None  # a domain: "Cleveland.com"
    if sum(t in TITLE_WORDS for t in lowered) >= max(1, len(tokens) - 1) and len(tokens) > 1:
        return None
    for i, token in enumerate(tokens):
        first = token[0]
        if lowered[i] in PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if first.isalpha() and not first.isupper() and first.lower() != first.upper():
            return None  # a lowercase word in a cased script: not a name
        if not (first.isalpha() or first in "'’"):
            return None
    return " ".join(tokens)


def _is_org(text: str) -> bool:
    tokens = [t.lower().strip(".,'’s") for t in text.split()]
    if not tokens:
        return False
    if tokens[0] == "the" and len(tokens) > 1:
        return True
    return any(t in ORG_WORDS for t in tokens) and not all(t in TITLE_WORDS for t in tokens)


def _add(items: list[str], value: str) -> None:
    if value and value.lower() not in {v.lower() for v in items}:
        items.append(value)


def same_person(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def _key(name: str) -> str:
    """Lower case, no punctuation, no middle initials: "Troy L. Smith" and "Troy Smith" are one person."""
    tokens = re.sub(r"[^\w\s]", " ", name.lower()).split()
    if len(tokens) > 2:
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if len(t) > 1] + [tokens[-1]]
    return " ".join(tokens)
