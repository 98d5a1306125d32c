"""Plain article text (``--plain``): first line the headline, blank lines between paragraphs.

An optional second line ``Published: <date>`` (any form the date parser
reads, e.g. ``2025-11-24T18:58:00-05:00``) sets ``published``; a date that
cannot be read is kept out of the body and reported as an anomaly.
``word_count`` and ``language`` follow the same rules as for pages.
"""

from __future__ import annotations

import re

from byline.extract.language import guess_language
from byline.extract.wordcount import count_words
from byline.model import Anomaly, Article, Page

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PUBLISHED = re.compile(r"^\s*Published:\s*(.+?)\s*$", re.I)


def extract_plain(page: Page) -> Article:
    chunks = [" ".join(c.split()) for c in _PARAGRAPH_BREAK.split(page.text.strip())]
    chunks = [c for c in chunks if c]
    if not chunks:
        return Article()
    first, _, rest = page.text.strip().partition("\n")
    headline = " ".join(first.split())
    published, anomalies = None, []
    second, _, after = rest.lstrip("\n").partition("\n")
    match = _PUBLISHED.match(second)
    if match:
        published, anomaly = _published(match.group(1))
        anomalies += [anomaly] if anomaly else []
        rest = after
    body = [" ".join(c.split()) for c in _PARAGRAPH_BREAK.split(rest.strip())] if rest.strip() else []
    body = [p for p in body if p]
    return Article(headline=headline or None, body=body, word_count=count_words(body) if body else None,
                   language=guess_language(body), published=published, anomalies=anomalies)


def _published(raw: str) -> tuple[str | None, Anomaly | None]:
    from byline.extract.dates import parse_date

    parsed = parse_date(raw)
    if parsed is None:
        return None, Anomaly(field="published", raw=raw, problem="the Published: line holds no readable date")
    return parsed.value.isoformat(), None
