"""The questions users ask of a corpus: the one query layer.

The CLI commands and the web API both call these functions; each returns
typed rows (see :mod:`byline.store.rows`) with ``to_dict()``. No SQL here:
the store answers, this module shapes the questions.

>>> from byline.store import open_store
>>> from byline.corpus import queries
>>> with open_store("byline.db", readonly=True) as store:
...     for hit in queries.search(store, "missile strikes", outlet="example.com"):
...         print(hit.published, hit.outlet, hit.headline)
"""

from __future__ import annotations

import re

from byline.store.base import Store
from byline.store.rows import (
    ArticleSummary,
    ErrorRow,
    FigureRow,
    OutletRow,
    QuoteRow,
    SearchHit,
    SourceProfile,
    SpeakerRow,
    StoredArticle,
    StoryCopy,
    StoryRow,
)

__all__ = [
    "search", "list_articles", "get_article", "quotes", "speakers", "figures", "sources", "stories", "errors",
    "outlets", "OutletRow", "story",
    "fts_query", "SearchHit", "ArticleSummary", "StoredArticle", "QuoteRow", "SpeakerRow", "FigureRow",
    "SourceProfile", "StoryRow", "StoryCopy", "ErrorRow",
]

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = {"OR", "AND", "NOT"}
_WORD = re.compile(r"[\w][\w'’.-]*", re.UNICODE)


def fts_query(text: str) -> str:
    """User search text -> a safe FTS5 query.

    Words must all match (in headline or body, any order); ``"quoted words"``
    match as a phrase; ``OR`` and ``NOT`` between terms work as in most
    search boxes; a trailing ``*`` matches a prefix. Anything else
    (punctuation, FTS syntax) is treated as plain words, never as syntax.
    """
    parts: list[str] = []
    for phrase, word in _TOKEN.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(w.replace('"', "") for w in words) + '"')
            continue
        if word in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(word)
            continue
        prefix = word.endswith("*")
        for w in _WORD.findall(word):
            parts.append(f'"{w}"' + ("*" if prefix else ""))
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    if not parts:
        raise ValueError("empty search: give at least one word")
    return " ".join(parts)


def search(store: Store, text: str, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
           author: str | None = None, speaker: str | None = None, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles matching ``text`` (headline weighted 5x body), best first, with a snippet.

    ``since``/``until`` are ISO dates (``2025-11-24``, inclusive) compared with
    the article's published date (its fetch date when unknown). ``outlet``
    matches the outlet's domain or name; ``author`` and ``speaker`` are
    substrings of an author's / quoted speaker's name.
    """
    return store.search(fts_query(text), outlet=outlet, since=date_filter(since, "since"),
                        until=date_filter(until, "until"), author=author, speaker=speaker, limit=_limit(limit),
                        offset=max(0, offset))


def list_articles(store: Store, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                  author: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[ArticleSummary], int]:
    """Articles newest first, and how many match the filters in all."""
    return store.list_articles(outlet=outlet, since=date_filter(since, "since"), until=date_filter(until, "until"),
                               author=author, limit=_limit(limit), offset=max(0, offset))


def get_article(store: Store, article_id: int) -> StoredArticle | None:
    """One stored article; ``record`` is the Article.to_dict() exactly as ingested."""
    return store.get_article(int(article_id))


def quotes(store: Store, *, speaker: str | None = None, anonymous: bool | None = None, via: str | None = None,
           outlet: str | None = None, article_id: int | None = None, limit: int = 100, offset: int = 0) -> list[QuoteRow]:
    """Quotes across the corpus in date order, with their article.

    ``speaker`` matches the speaker key exactly or a substring of the name,
    mention or descriptor ("Rand Paul", "official"); ``anonymous`` True/False
    keeps only anonymous / only identified speakers; ``via`` is a substring of
    the relaying outlet ("Axios").
    """
    return store.quotes(speaker=speaker, anonymous=anonymous, via=via, outlet=outlet, article_id=article_id,
                        limit=_limit(limit), offset=max(0, offset))


def speakers(store: Store, *, query: str | None = None, limit: int = 100) -> list[SpeakerRow]:
    """Speakers by number of quotes, with the outlets that quote them."""
    return store.speakers(query=query, limit=_limit(limit))


def figures(store: Store, counts: str, *, outlet: str | None = None, since: str | None = None,
            until: str | None = None) -> list[FigureRow]:
    """Every quantity whose ``counts`` contains ``counts`` ("killed"), as a timeline by date."""
    if not counts.strip():
        raise ValueError("figures needs what is counted, e.g. \"killed\"")
    return store.figures(counts.strip(), outlet=outlet, since=date_filter(since, "since"),
                         until=date_filter(until, "until"))


def sources(store: Store, *, outlet: str | None = None) -> list[SourceProfile]:
    """Per outlet: quotes from named people, anonymous sources, organisations, and relayed via other outlets."""
    return store.sources(outlet=outlet)


def stories(store: Store, *, min_copies: int = 2, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
    """Stories (syndicated or near-identical copies), biggest first; the original is listed first."""
    return store.stories(min_copies=max(1, min_copies), limit=_limit(limit) if limit else None, offset=max(0, offset))


def story(store: Store, story_id: int) -> StoryRow | None:
    """One story with all its copies, or None."""
    found = store.stories(min_copies=1, story_id=int(story_id))
    return found[0] if found else None


def errors(store: Store, *, limit: int | None = None) -> list[ErrorRow]:
    """Inputs that could not be ingested, most recent first, with how often each failed."""
    return store.errors(limit=limit)


def outlets(store: Store) -> list[OutletRow]:
    """Outlets in the corpus with their article counts and date range (for filters and overviews)."""
    return store.outlets()


_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?Z?)?)?)?")


def date_filter(value: str | None, name: str) -> str | None:
    """A date filter as the store compares it (UTC ISO prefix); anything else is a clear error."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if not _DAY.fullmatch(text):
        raise ValueError(f"{name} must be a date like 2025-11-24 (or 2025-11, 2025), not {text!r}")
    return text.replace(" ", "T").rstrip("Z")


def _limit(limit: int) -> int:
    return max(1, min(int(limit), 10_000))
