"""HTML pages (TEMPORARY minimal reader; the real extractor replaces this)."""
from selectolax.lexbor import LexborHTMLParser

from byline.model import Article, Page


def extract_html(page: Page) -> Article:
    tree = LexborHTMLParser(page.text)
    title = tree.css_first("h1") or tree.css_first("title")
    body = [" ".join(p.text().split()) for p in tree.css("p") if p.text().strip()]
    return Article(headline=" ".join(title.text().split()) if title else None, body=body)
