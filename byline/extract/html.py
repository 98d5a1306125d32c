"""HTML pages -> Article: parse once, read the metadata, then the body.

The metadata reader (:mod:`byline.extract.html_meta`) only reads the tree;
the body extractor may remove nodes, so it runs second. Dates from every
source are reconciled by :func:`byline.extract.reconcile.reconcile_dates`.
"""

from __future__ import annotations

import re
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from byline.extract.dates import day_first_for_locale
from byline.extract.html_body import BodyHints, extract_body
from byline.extract.html_guard import limit_nesting
from byline.extract.html_meta import HtmlMeta, read_metadata
from byline.extract.language import guess_language
from byline.extract.reconcile import DateCandidate, reconcile_dates
from byline.extract.wordcount import count_words
from byline.model import Anomaly, Article, Page


def extract_html(page: Page) -> Article:
    """Read one HTML page into an article record (no attribution)."""
    tree = LexborHTMLParser(limit_nesting(page.text))
    meta = read_metadata(tree, page.url)
    article = Article(
        url=meta.url, canonical_url=meta.canonical_url, headline=meta.headline, description=meta.description,
        authors=meta.authors, publisher=meta.publisher, site_name=meta.site_name, section=meta.section,
        tags=meta.tags, language=meta.language.split("-")[0] if meta.language else None,
        anomalies=list(meta.anomalies),
    )
    published, modified, date_anomalies = reconcile_dates(
        [DateCandidate(c.source, c.raw, c.role) for c in meta.dates],
        reference=_reference(page.fetched),
        day_first=day_first_for_locale(meta.language),  # the full tag: en-GB reads 03/04 day first
    )
    article.published, article.modified = published, modified
    article.anomalies.extend(date_anomalies)

    paragraphs, kinds, body_anomalies = _body(tree, meta)
    paragraphs, kinds = _drop_author_box(paragraphs, kinds, meta)
    article.body, article.blocks = paragraphs, kinds
    article.anomalies.extend(body_anomalies)
    _word_count(article, meta.declared_word_count)
    if article.language is None and article.body:
        article.language = guess_language(article.body)
    return article


def _body(tree: LexborHTMLParser, meta: HtmlMeta) -> tuple[list[str], list[str], list[Anomaly]]:
    body = extract_body(tree, BodyHints(headline=meta.headline, article_body=meta.article_body,
                                        description=meta.description))
    return list(body.paragraphs), list(body.kinds), list(body.anomalies)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _drop_author_box(paragraphs: list[str], kinds: list[str], meta: HtmlMeta) -> tuple[list[str], list[str]]:
    """Remove "about the author" text the body extractor let through (bios belong in ``authors[].bio``)."""
    boxes = [_norm(t) for t in meta.author_box_texts]
    boxes += [_norm(a.bio) for a in meta.authors if a.bio]
    if not boxes or not paragraphs:
        return paragraphs, kinds
    exact = set(boxes)
    keep_p, keep_k = [], []
    for i, paragraph in enumerate(paragraphs):
        n = _norm(paragraph)
        in_box = n in exact or (len(n) >= 40 and any(n in box for box in boxes))
        # only the tail of the body: a body paragraph that happens to quote the bio stays
        if in_box and i >= len(paragraphs) // 2:
            continue
        keep_p.append(paragraph)
        keep_k.append(kinds[i] if i < len(kinds) else "paragraph")
    return keep_p, keep_k


def _word_count(article: Article, declared: int | None) -> None:
    counted = count_words(article.body) if article.body else None
    if declared is None:
        article.word_count = counted
        return
    article.word_count = declared
    if counted is not None and counted != declared:
        article.anomalies.append(Anomaly(
            field="word_count", raw=str(declared),
            problem=f"the page declares {declared} words but the extracted body has {counted}",
            repaired=None,
        ))


def _reference(fetched: str | None) -> datetime | None:
    if not fetched:
        return None
    try:
        return datetime.fromisoformat(fetched.replace("Z", "+00:00"))
    except ValueError:
        return None
