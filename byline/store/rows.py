"""Typed rows the store hands back: what corpus queries return.

Each row serialises with ``to_dict()`` to plain JSON types, so the CLI, the
Python API and the web API print the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class _Row:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class SearchHit(_Row):
    id: int
    headline: str | None
    outlet: str
    published: str | None
    url: str | None
    snippet: str  # plain text; the matched words are listed in snippet_parts
    snippet_parts: list[tuple[str, bool]]  # (text, is_match) runs; join the texts to get snippet
    score: float  # higher is better (negated BM25)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["snippet_parts"] = [[text, match] for text, match in self.snippet_parts]
        return out


@dataclass
class ArticleSummary(_Row):
    id: int
    headline: str | None
    outlet: str
    published: str | None
    url: str | None
    authors: list[str]
    word_count: int | None
    story_id: int | None
    quote_count: int
    claim_count: int


@dataclass
class StoredArticle(_Row):
    id: int
    outlet: str
    story_id: int | None
    fetched: str | None  # when the page was fetched (WARC-Date), if known
    source: str | None  # where it was read from: path, or path#offset inside an archive
    added: str  # when it entered the store (UTC ISO)
    record: dict[str, Any]  # Article.to_dict() exactly as ingested


@dataclass
class QuoteRow(_Row):
    text: str
    kind: str
    speaker_key: str
    speaker_name: str | None
    speaker_mention: str | None
    speaker_descriptor: str | None
    anonymous: bool
    speaker_kind: str
    cue: str | None
    via: str | None
    said_on: str | None
    paragraphs: list[int]
    article_id: int
    headline: str | None
    outlet: str
    published: str | None
    url: str | None


@dataclass
class SpeakerRow(_Row):
    key: str
    name: str | None
    descriptor: str | None
    anonymous: bool
    kind: str
    quote_count: int
    outlets: list[str]


@dataclass
class FigureRow(_Row):
    published: str | None
    outlet: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    bound: str
    unit: str | None
    counts: str | None
    attributed_to: str | None
    claim: str
    article_id: int
    url: str | None
    headline: str | None
    fetched: str | None = None  # when this version was fetched: tells revisions of one page apart


@dataclass
class SourceProfile(_Row):
    """How one outlet sources its quotes.

    ``named``, ``anonymous``, ``organization`` and ``other`` partition the
    quotes; ``relayed`` (quotes passed on via another outlet) overlaps them.
    Shares are fractions of ``total``.
    """

    outlet: str
    articles: int
    total: int
    named: int
    anonymous: int
    organization: int
    other: int
    relayed: int
    named_share: float
    anonymous_share: float
    organization_share: float
    other_share: float
    relayed_share: float


@dataclass
class StoryCopy(_Row):
    article_id: int
    outlet: str
    published: str | None
    url: str | None
    headline: str | None
    is_original: bool
    similarity: float  # estimated Jaccard similarity to the original (1.0 for the original)
    added_paragraphs: list[str] = field(default_factory=list)  # in this copy, not in the original
    cut_paragraphs: list[str] = field(default_factory=list)  # in the original, not in this copy
    edited_paragraphs: list[list[str]] = field(default_factory=list)  # [original, this copy's version] pairs


@dataclass
class StoryRow(_Row):
    story_id: int
    headline: str | None
    outlets: list[str]
    copies: list[StoryCopy]


@dataclass
class OutletRow(_Row):
    key: str  # domain, or lowercased name when no URL is known
    name: str
    articles: int
    first_published: str | None
    last_published: str | None


@dataclass
class ErrorRow(_Row):
    source: str
    reason: str
    count: int
    first_seen: str
    last_seen: str
