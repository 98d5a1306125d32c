"""Plain article text (``--plain``): first line the headline, blank lines between paragraphs."""

from __future__ import annotations

import re

from byline.model import Article, Page

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def extract_plain(page: Page) -> Article:
    chunks = [" ".join(c.split()) for c in _PARAGRAPH_BREAK.split(page.text.strip())]
    chunks = [c for c in chunks if c]
    if not chunks:
        return Article()
    first, _, rest = page.text.strip().partition("\n")
    headline = " ".join(first.split())
    body = [" ".join(c.split()) for c in _PARAGRAPH_BREAK.split(rest.strip())] if rest.strip() else []
    body = [p for p in body if p]
    return Article(headline=headline or None, body=body, word_count=None)
