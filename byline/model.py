"""The records byline produces: the contract between pipeline stages.

Every stage exchanges these types, never dicts of unknown shape. Each record
serialises with ``to_dict()`` to plain JSON types (str, int, float, bool, None,
list, dict) so callers can ``json.dumps`` it without a custom encoder.
``docs/record.md`` gives the meaning of every field.

Bump ``SCHEMA_VERSION`` on any change that renames, removes or re-types a
field; adding an optional field with a default keeps the version.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1

QUOTE_KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organization", "group", "unknown")
ENTITY_KINDS = ("person", "organization", "place", "operation", "other")
BOUNDS = ("exact", "at_least", "more_than", "at_most", "less_than", "about", "range")
BLOCK_KINDS = ("paragraph", "heading", "list_item", "blockquote", "preformatted")


@dataclass
class Anomaly:
    """Something wrong with the input that byline noticed, and what it did about it.

    ``repaired`` is the value byline used instead of ``raw`` (or None when it
    only reports the problem).
    """

    field: str
    problem: str
    raw: str | None = None
    repaired: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "raw": self.raw, "problem": self.problem, "repaired": self.repaired}


@dataclass
class Author:
    name: str
    bio: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "bio": self.bio}


@dataclass
class Speaker:
    """Who a quote is attributed to."""

    name: str | None = None  # resolved full name; None for anonymous sources
    mention: str | None = None  # the words naming the speaker here, as written
    descriptor: str | None = None  # titles, roles, affiliations
    anonymous: bool = False
    kind: str = "unknown"  # one of SPEAKER_KINDS
    entity: int | None = None  # index into Article.entities

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    text: str
    kind: str  # one of QUOTE_KINDS
    paragraphs: list[int]
    span: list[int]  # [start, end) of text in the first paragraph
    speaker: Speaker = field(default_factory=Speaker)
    cue: str | None = None
    via: str | None = None  # outlet the statement was relayed through
    said_on: str | None = None  # ISO date

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "paragraphs": list(self.paragraphs),
            "span": list(self.span),
            "speaker": self.speaker.to_dict(),
            "cue": self.cue,
            "via": self.via,
            "said_on": self.said_on,
        }


@dataclass
class Quantity:
    value: float | int | None
    bound: str = "exact"  # one of BOUNDS
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    counts: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "counts": self.counts,
            "bound": self.bound,
        }


@dataclass
class Claim:
    text: str
    paragraph: int
    span: list[int]
    quantities: list[Quantity] = field(default_factory=list)
    attributed_to: str | None = None
    said_on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "paragraph": self.paragraph,
            "span": list(self.span),
            "quantities": [q.to_dict() for q in self.quantities],
            "attributed_to": self.attributed_to,
            "said_on": self.said_on,
        }


@dataclass
class Mention:
    paragraph: int
    span: list[int]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"paragraph": self.paragraph, "span": list(self.span), "text": self.text}


@dataclass
class Entity:
    name: str
    kind: str  # one of ENTITY_KINDS
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": list(self.roles),
            "affiliations": list(self.affiliations),
        }


@dataclass
class TimeExpression:
    text: str
    paragraph: int
    span: list[int]
    resolved: str | None  # ISO date (or yyyy-mm / yyyy for coarse ones)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "paragraph": self.paragraph, "span": list(self.span), "resolved": self.resolved}


@dataclass
class Article:
    """One article record: what ``byline extract`` prints."""

    schema_version: int = SCHEMA_VERSION
    source_path: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    headline: str | None = None
    description: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    word_count: int | None = None
    body: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)  # kind of each body paragraph (BLOCK_KINDS)
    anomalies: list[Anomaly] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                out[f.name] = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """Rebuild a record from ``to_dict()`` output (used by the store)."""
        speaker_keys = {f.name for f in fields(Speaker)}
        quotes = [
            Quote(
                text=q["text"], kind=q["kind"], paragraphs=list(q["paragraphs"]), span=list(q["span"]),
                speaker=Speaker(**{k: v for k, v in (q.get("speaker") or {}).items() if k in speaker_keys}),
                cue=q.get("cue"), via=q.get("via"), said_on=q.get("said_on"),
            )
            for q in data.get("quotes", [])
        ]
        claims = [
            Claim(
                text=c["text"], paragraph=c["paragraph"], span=list(c["span"]),
                quantities=[Quantity(**q) for q in c.get("quantities", [])],
                attributed_to=c.get("attributed_to"), said_on=c.get("said_on"),
            )
            for c in data.get("claims", [])
        ]
        entities = [
            Entity(
                name=e["name"], kind=e["kind"],
                mentions=[Mention(**m) for m in e.get("mentions", [])],
                roles=list(e.get("roles", [])), affiliations=list(e.get("affiliations", [])),
            )
            for e in data.get("entities", [])
        ]
        simple = {
            f.name: data.get(f.name, f.default)
            for f in fields(cls)
            if f.name not in {"authors", "anomalies", "quotes", "claims", "entities", "times", "body", "tags", "blocks"}
        }
        return cls(
            **simple,
            authors=[Author(**a) for a in data.get("authors", [])],
            body=list(data.get("body", [])),
            blocks=list(data.get("blocks", [])),
            tags=list(data.get("tags", [])),
            anomalies=[Anomaly(**a) for a in data.get("anomalies", [])],
            quotes=quotes,
            claims=claims,
            entities=entities,
            times=[TimeExpression(**t) for t in data.get("times", [])],
        )


@dataclass
class Page:
    """A decoded page, before extraction.

    ``kind`` is ``html``, ``text`` (a text dump of a rendered page) or
    ``plain`` (an article's own text: first line headline, blank-line
    paragraphs, no boilerplate removal).
    """

    text: str
    kind: str
    source_path: str | None = None
    url: str | None = None
    encoding: str | None = None
    fetched: str | None = None  # ISO datetime the page was fetched (WARC), if known
    anomalies: list[Anomaly] = field(default_factory=list)
