"""Page -> Article: dispatch on the page kind; each reader fills the record."""

from __future__ import annotations

from byline.model import Article, Page


def extract_article(page: Page) -> Article:
    """Turn a decoded page into an article record (no attribution yet)."""
    if page.kind == "html":
        from byline.extract.html import extract_html

        article = extract_html(page)
    elif page.kind == "plain":
        from byline.extract.plain import extract_plain

        article = extract_plain(page)
    else:
        from byline.extract.textdump import extract_textdump

        article = extract_textdump(page)
    article.source_path = page.source_path
    if page.url and not article.url:
        article.url = page.url
    article.anomalies[:0] = page.anomalies
    if not article.blocks or len(article.blocks) != len(article.body):
        article.blocks = ["paragraph"] * len(article.body)
    return article
