"""Turn one article record into a tree of text runs for the article page.

The record marks quotes and claims by paragraph and character span. This
module turns those spans into properly nested nodes (a quote may hold a claim,
a claim may hold a quote; a span that crosses another's edge is split in two)
so the template can render them with autoescaped text only: no HTML is ever
built from page text here.

It also summarises who is quoted in the article for the side panel. This is
view logic over one record, not a corpus query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Colour-blind-friendly palette (Okabe-Ito and Tol's muted), used as tints.
PALETTE_SIZE = 10

BOUND_WORDS = {
    "exact": "",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
    "about": "about",
    "range": "between",
}


@dataclass
class Node:
    """One run of the article text: plain text, or a quote/claim/time expression holding children."""

    kind: str  # "text", "quote", "claim" or "time"
    text: str = ""
    index: int = -1  # quote or claim index in the record
    first: bool = True  # first piece of a split quote/claim (carries the label/tooltip)
    last: bool = True  # last piece (carries the speaker chip)
    children: list["Node"] = field(default_factory=list)


@dataclass
class _Interval:
    kind: str
    index: int
    start: int
    end: int


_KIND_ORDER = {"quote": 0, "claim": 1, "time": 2}


def _outer_first(iv: _Interval) -> tuple[int, int, int]:
    return (iv.start, -iv.end, _KIND_ORDER[iv.kind])


def format_number(value: Any) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:g}" if isinstance(value, float) else str(value)

BOUND_MEANINGS = {
    "exact": "exact figure",
    "at_least": "at least (a lower bound)",
    "more_than": "more than (a lower bound)",
    "at_most": "at most (an upper bound)",
    "less_than": "less than (an upper bound)",
    "about": "about (an approximation)",
    "range": "a range",
}


def bound_meaning(bound: str | None) -> str:
    return BOUND_MEANINGS.get(bound or "exact", (bound or "").replace("_", " "))


def _get(quantity: Any, key: str) -> Any:
    return quantity.get(key) if isinstance(quantity, dict) else getattr(quantity, key, None)


def describe_amount(quantity: Any) -> str:
    """'at least 83', 'between 31 and 35', '4.5 %': the number with its bound and unit."""
    bound = _get(quantity, "bound") or "exact"
    low, high = _get(quantity, "low"), _get(quantity, "high")
    if bound == "range" or (low is not None and high is not None and low != high):
        amount = f"between {format_number(low)} and {format_number(high)}"
    else:
        words = BOUND_WORDS.get(bound, bound.replace("_", " "))
        amount = f"{words} {format_number(_get(quantity, 'value'))}".strip()
    unit = _get(quantity, "unit")
    return f"{amount} {unit}" if unit else amount


def describe_quantity(quantity: Any) -> str:
    """'at least 83 people killed', 'between 31 and 35 people killed', '4.5 % inflation'."""
    counts = _get(quantity, "counts")
    amount = describe_amount(quantity)
    return f"{amount} {counts}" if counts else amount


def speaker_key(speaker: dict[str, Any] | None) -> str:
    """The label a quote is filed under: the resolved name, else the descriptor as written."""
    speaker = speaker or {}
    for key in ("name", "descriptor", "mention"):
        value = speaker.get(key)
        if value:
            return str(value)
    return "unattributed"


def speaker_category(speaker: dict[str, Any] | None) -> str:
    """named, anonymous, organization or unattributed."""
    speaker = speaker or {}
    if speaker.get("anonymous"):
        return "anonymous"
    if not (speaker.get("name") or speaker.get("mention") or speaker.get("descriptor")):
        return "unattributed"
    if speaker.get("kind") in ("organization", "group"):
        return "organization"
    return "named"


def speaker_link_params(speaker: dict[str, Any] | None) -> dict[str, str]:
    """Query parameters of the speaker page for this speaker."""
    speaker = speaker or {}
    if speaker.get("name") and not speaker.get("anonymous"):
        return {"name": str(speaker["name"])}
    return {"name": speaker_key(speaker)}


def _quote_intervals(record: dict[str, Any]) -> dict[int, list[_Interval]]:
    """Paragraph -> quote intervals. A quote's span is in its first paragraph;
    continuation paragraphs are located by the quote's text when possible."""
    body: list[str] = record.get("body") or []
    out: dict[int, list[_Interval]] = {}
    for qi, quote in enumerate(record.get("quotes") or []):
        paragraphs = [p for p in (quote.get("paragraphs") or []) if isinstance(p, int) and 0 <= p < len(body)]
        if not paragraphs:
            continue
        span = quote.get("span") or []
        first = paragraphs[0]
        length = len(body[first])
        if len(span) == 2 and 0 <= span[0] < span[1] <= length:
            start, end = span
        else:
            found = body[first].find(quote.get("text") or "\0")
            start, end = (found, found + len(quote["text"])) if found >= 0 else (0, length)
        out.setdefault(first, []).append(_Interval("quote", qi, start, end))
        text = quote.get("text") or ""
        for p in paragraphs[1:]:
            out.setdefault(p, []).append(_Interval("quote", qi, *_continuation_span(body[p], text)))
    return out


def _continuation_span(paragraph: str, quote_text: str) -> tuple[int, int]:
    """Where a quote continues in a later paragraph: the longest leading run of the
    paragraph found in the quote text, else the paragraph's first quoted passage,
    else the whole paragraph."""
    stripped = paragraph.strip()
    if stripped and stripped in quote_text:
        return (paragraph.find(stripped), paragraph.find(stripped) + len(stripped))
    for opener, closer in (("\u201c", "\u201d"), ('"', '"')):
        start = paragraph.find(opener)
        if start >= 0:
            end = paragraph.find(closer, start + 1)
            if end > start:
                return (start, end + 1)
    return (0, len(paragraph))


def _claim_intervals(record: dict[str, Any]) -> dict[int, list[_Interval]]:
    body: list[str] = record.get("body") or []
    out: dict[int, list[_Interval]] = {}
    for ci, claim in enumerate(record.get("claims") or []):
        p = claim.get("paragraph")
        if not isinstance(p, int) or not 0 <= p < len(body):
            continue
        span = claim.get("span") or []
        if len(span) == 2 and 0 <= span[0] < span[1] <= len(body[p]):
            start, end = span
        else:
            found = body[p].find(claim.get("text") or "\0")
            if found < 0:
                continue
            start, end = found, found + len(claim["text"])
        out.setdefault(p, []).append(_Interval("claim", ci, start, end))
    return out


def _time_intervals(record: dict[str, Any]) -> dict[int, list[_Interval]]:
    """Dates and relative dates ("Monday", "last month") with a resolved date."""
    body: list[str] = record.get("body") or []
    out: dict[int, list[_Interval]] = {}
    for ti, expression in enumerate(record.get("times") or []):
        p = expression.get("paragraph")
        span = expression.get("span") or []
        if not expression.get("resolved") or not isinstance(p, int) or not 0 <= p < len(body):
            continue
        if len(span) == 2 and 0 <= span[0] < span[1] <= len(body[p]):
            out.setdefault(p, []).append(_Interval("time", ti, span[0], span[1]))
    return out


def _nest(text: str, intervals: list[_Interval], lo: int, hi: int) -> list[Node]:
    """Nodes for text[lo:hi], given intervals already clipped to [lo, hi)."""
    # Outer intervals first: earliest start, then longest; quotes outside claims outside times on ties.
    intervals = sorted(intervals, key=_outer_first)
    nodes: list[Node] = []
    pos = lo
    i = 0
    while i < len(intervals):
        outer = intervals[i]
        if outer.start < pos:  # fully consumed by an earlier sibling's split
            i += 1
            continue
        if outer.start > pos:
            nodes.append(Node("text", text=text[pos:outer.start]))
        inner: list[_Interval] = []
        rest: list[_Interval] = []
        for iv in intervals[i + 1:]:
            if iv.start >= outer.end:
                rest.append(iv)
            elif iv.end <= outer.end:
                inner.append(iv)
            else:  # crosses outer's end: split
                inner.append(_Interval(iv.kind, iv.index, iv.start, outer.end))
                rest.append(_Interval(iv.kind, iv.index, outer.end, iv.end))
        nodes.append(Node(outer.kind, index=outer.index, children=_nest(text, inner, outer.start, outer.end)))
        pos = outer.end
        intervals = sorted(rest, key=_outer_first)
        i = 0
    if pos < hi:
        nodes.append(Node("text", text=text[pos:hi]))
    return nodes


def _mark_pieces(paragraphs: list[list[Node]]) -> None:
    """Only the first piece of a quote/claim gets its tooltip, only the last its chip."""
    seen: dict[tuple[str, int], Node] = {}

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            if node.kind in ("quote", "claim", "time"):
                key = (node.kind, node.index)
                previous = seen.get(key)
                if previous is not None:
                    previous.last = False
                    node.first = False
                seen[key] = node
                walk(node.children)

    for nodes in paragraphs:
        walk(nodes)


def article_paragraphs(record: dict[str, Any]) -> list[list[Node]]:
    """The body as nested runs, one list of nodes per paragraph."""
    body: list[str] = record.get("body") or []
    quotes = _quote_intervals(record)
    claims = _claim_intervals(record)
    times = _time_intervals(record)
    paragraphs = []
    for p, text in enumerate(body):
        intervals = quotes.get(p, []) + claims.get(p, []) + times.get(p, [])
        paragraphs.append(_nest(text, intervals, 0, len(text)))
    _mark_pieces(paragraphs)
    return paragraphs


@dataclass
class SpeakerTally:
    key: str
    category: str
    colour: int
    count: int = 0
    via: dict[str, int] = field(default_factory=dict)
    link: dict[str, str] = field(default_factory=dict)
    descriptor: str | None = None


@dataclass
class QuotePanel:
    """Who is quoted in one article and how often."""

    speakers: list[SpeakerTally]
    colour_of_quote: list[int]
    totals: dict[str, int]
    relayed: dict[str, int]


def quote_panel(record: dict[str, Any]) -> QuotePanel:
    tallies: dict[str, SpeakerTally] = {}
    colours: list[int] = []
    totals = {"named": 0, "anonymous": 0, "organization": 0, "unattributed": 0, "relayed": 0}
    relayed: dict[str, int] = {}
    for quote in record.get("quotes") or []:
        speaker = quote.get("speaker") or {}
        key = speaker_key(speaker)
        category = speaker_category(speaker)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = SpeakerTally(
                key=key, category=category, colour=len(tallies) % PALETTE_SIZE,
                link=speaker_link_params(speaker),
                descriptor=speaker.get("descriptor") if speaker.get("name") else None,
            )
        tally.count += 1
        totals[category] += 1
        via = quote.get("via")
        if via:
            totals["relayed"] += 1
            relayed[via] = relayed.get(via, 0) + 1
            tally.via[via] = tally.via.get(via, 0) + 1
        colours.append(tally.colour)
    order = {"named": 0, "organization": 1, "anonymous": 2, "unattributed": 3}
    speakers = sorted(tallies.values(), key=lambda t: (order[t.category], -t.count, t.key.lower()))
    return QuotePanel(speakers=speakers, colour_of_quote=colours, totals=totals, relayed=relayed)


def named_entities(record: dict[str, Any], limit: int = 20) -> list[dict[str, Any]]:
    """People and organisations the article names, most mentioned first, with their roles."""
    entities = [e for e in record.get("entities") or [] if e.get("kind") in ("person", "organization")]
    entities.sort(key=lambda e: (-len(e.get("mentions") or []), e.get("kind") != "person", str(e.get("name"))))
    return entities[:limit]
