"""Text dumps (TEMPORARY minimal reader; the full line-shape reader replaces this)."""
from byline.model import Article, Page


def extract_textdump(page: Page) -> Article:
    paragraphs = [" ".join(p.split()) for p in page.text.split("\n\n") if p.strip()]
    return Article(headline=paragraphs[0] if paragraphs else None, body=paragraphs[1:])
