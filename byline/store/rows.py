"""Typed rows the store hands back: what corpus queries return.

Each row serialises with ``to_dict()`` to plain JSON types, so the CLI, the
Python API and the web API print the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _plain(value: Any) -> Any:
    """A copy of a field's value with nested rows as dicts: what ``dataclasses.asdict`` gives, minus its cost."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _Row):
        return value.to_dict()
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value  # str, int, float, bool, None: immutable, shared


_SCALARS = {"int", "str", "float", "bool", "None"}


class _Row:
    _nested: tuple[str, ...] | None = None  # per class: fields that may hold lists or rows

    def to_dict(self) -> dict[str, Any]:
        """The row as plain JSON types: its fields, lists copied, nested rows as dicts.

        Equal to ``dataclasses.asdict(self)`` (tests/store/test_sqlite.py checks
        it) and an order of magnitude faster: asdict deep-copies every value,
        even strings and numbers, which dominated a 2,500-report figure timeline.
        """
        cls = type(self)
        nested = cls._nested
        if nested is None:  # first call for this class: find the fields not typed as plain scalars
            nested = cls._nested = tuple(f.name for f in fields(self)  # type: ignore[arg-type]
                                         if not {t.strip() for t in str(f.type).split("|")} <= _SCALARS)
        out = dict(self.__dict__)
        for name in nested:
            out[name] = _plain(out[name])
        return out


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
        out = super().to_dict()
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

    def to_dict(self) -> dict[str, Any]:
        """The stored article; ``record`` is this row's dict itself (freshly parsed per query), not a copy."""
        return {"id": self.id, "outlet": self.outlet, "story_id": self.story_id, "fetched": self.fetched,
                "source": self.source, "added": self.added, "record": self.record}


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
