"""Shared helper for the attribution tests: annotate a body of paragraphs written for the test."""

from __future__ import annotations

from byline.model import Article
from byline.nlp import parse_paragraphs


def quotes_of(paragraphs: list[str], published: str | None = "2025-11-24T18:00:00-05:00") -> Article:
    from byline.attribution.quotes import annotate_quotes

    article = Article(body=list(paragraphs), published=published)
    adoc = parse_paragraphs(article.body)
    try:
        from byline.attribution.times import annotate_times
    except ImportError:  # pragma: no cover
        annotate_times = None
    if annotate_times is not None:
        annotate_times(article, adoc)
    annotate_quotes(article, adoc)
    return article


def find(article: Article, fragment: str):
    """The one quote whose text holds ``fragment``."""
    hits = [q for q in article.quotes if fragment in q.text]
    assert len(hits) == 1, f"{fragment!r}: {[q.text for q in article.quotes]}"
    return hits[0]
