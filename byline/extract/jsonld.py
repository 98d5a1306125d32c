"""JSON-LD blocks as real sites ship them: parse leniently, find the article.

Sites ship ``@graph`` containers, top-level arrays, several ``<script>``
blocks per page, HTML comments or CDATA around the JSON, trailing commas,
raw control characters inside strings, ``//`` and ``/* */`` comments, and
HTML entities (``&amp;``, ``&#8217;``) inside string values. ``load_jsonld``
repairs what it can and reports what it could not as an anomaly reason.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle",
        "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle",
        "TechArticle", "APIReference", "MedicalScholarlyArticle", "DiscussionForumPosting", "Blog",
    )
)
PAGE_TYPES = frozenset(t.lower() for t in ("WebPage", "ItemPage", "CollectionPage", "AboutPage", "ProfilePage"))

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_LINE_COMMENT = re.compile(r"(?m)^\s*//.*$")
_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")


def load_jsonld(raw: str) -> tuple[list[Any], str | None]:
    """Parse one ``<script type=application/ld+json>`` text.

    Returns the decoded values (several when the script holds concatenated
    objects) and a problem string when the JSON needed repair or was unreadable.
    """
    text = raw.strip()
    if not text:
        return [], None
    values = _decode_all(text)
    if values is not None:
        return values, None
    repaired = _WRAPPERS.sub("", text)
    repaired = _BLOCK_COMMENT.sub("", repaired)
    repaired = _LINE_COMMENT.sub("", repaired)
    repaired = _TRAILING_COMMA.sub(r"\1", repaired)
    values = _decode_all(repaired)
    if values is not None:
        return values, "JSON-LD was malformed (comments or trailing commas); repaired"
    if "&quot;" in repaired or "&#" in repaired:
        values = _decode_all(html.unescape(repaired))
        if values is not None:
            return values, "JSON-LD was HTML-escaped; unescaped"
    return [], "JSON-LD could not be parsed; ignored"


def _decode_all(text: str) -> list[Any] | None:
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos, end = 0, len(text)
    try:
        while pos < end:
            while pos < end and text[pos] in " \t\r\n;,":
                pos += 1
            if pos >= end:
                break
            value, pos = decoder.raw_decode(text, pos)
            values.append(value)
    except (ValueError, RecursionError):
        return None
    return values


def iter_nodes(values: list[Any]) -> Iterator[dict[str, Any]]:
    """Every typed object in the decoded blocks: top level, arrays, ``@graph`` members
    and ``mainEntity`` (depth-limited; nested authors and publishers are not yielded)."""
    stack: list[tuple[Any, int]] = [(v, 0) for v in reversed(values)]
    while stack:
        value, depth = stack.pop()
        if depth > 6:
            continue
        if isinstance(value, list):
            stack.extend((v, depth + 1) for v in reversed(value))
        elif isinstance(value, dict):
            if "@type" in value:
                yield value
            for key in ("@graph", "mainEntity"):
                inner = value.get(key)
                if isinstance(inner, (list, dict)):
                    stack.append((inner, depth + 1))


def types_of(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind.lower()}
    if isinstance(kind, list):
        return {k.lower() for k in kind if isinstance(k, str)}
    return set()


def is_article(node: dict[str, Any]) -> bool:
    return bool(types_of(node) & ARTICLE_TYPES)


def text_value(value: Any) -> str | None:
    """A clean string from a JSON-LD value: str, number, ``{"name"|"@value": ...}`` or a list (first)."""
    if isinstance(value, list):
        for item in value:
            found = text_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "text"):
            if key in value:
                return text_value(value[key])
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        cleaned = clean_string(value)
        return cleaned or None
    return None


def text_list(value: Any) -> list[str]:
    """Every string in a JSON-LD value that may be a string, a list or objects with names."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        found = text_value(item)
        if found:
            out.append(found)
    return out


def url_value(value: Any) -> str | None:
    if isinstance(value, list):
        for item in value:
            found = url_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return url_value(value.get("@id") or value.get("url"))
    if isinstance(value, str) and value.strip().startswith(("http://", "https://", "//", "/")):
        return html.unescape(value.strip())
    return None


def clean_string(value: str) -> str:
    if "&" in value:
        value = html.unescape(value)
    if "<" in value and ">" in value:
        value = re.sub(r"<[^>]{0,200}>", " ", value)
    return " ".join(value.split())


def choose_article(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The page's main article among JSON-LD nodes: an article type with a headline,
    the richest one when several (a related-article teaser carries fewer fields)."""
    articles = [n for n in nodes if is_article(n)]
    if not articles:
        pages = [n for n in nodes if types_of(n) & PAGE_TYPES and ("headline" in n or "datePublished" in n)]
        return pages[0] if pages else None
    return max(articles, key=lambda n: (("headline" in n or "name" in n), ("datePublished" in n), len(n)))
