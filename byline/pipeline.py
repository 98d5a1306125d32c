"""The whole chain for one input: bytes -> page -> article -> annotations."""

from __future__ import annotations

from byline.extract import extract_article
from byline.model import Article, Page
from byline.page import Source, read_page


def extract(source: Source, *, plain: bool = False, url: str | None = None, annotate: bool = True) -> Article:
    """Read one page (path, bytes or str) and return its full article record.

    ``plain=True`` treats the input as an article's own text (first line the
    headline, blank-line paragraphs). ``annotate=False`` skips quotes, claims,
    entities and times (no spaCy), for speed.
    """
    page = read_page(source, plain=plain, url=url)
    return extract_page(page, annotate=annotate)


def extract_page(page: Page, *, annotate: bool = True) -> Article:
    article = extract_article(page)
    if annotate and article.body:
        from byline.annotate import annotate_article

        annotate_article(article)
    return article
