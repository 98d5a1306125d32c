"""The store interface: every read and write of the corpus goes through it.

The pipeline and the queries never see SQL; a backend (SQLite today,
PostgreSQL later) implements this class. Writes come from one writer at a
time (the ingest process); reads may come from any number of readers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Iterator

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


class BylineStoreError(Exception):
    """The store cannot be opened or written: locked, corrupt, newer schema, unknown URL."""

    def __init__(self, target: str, problem: str) -> None:
        super().__init__(f"{target}: {problem}")
        self.target = target
        self.problem = problem


@dataclass
class PreparedArticle:
    """One article ready to store: the record plus the keys the store indexes it by.

    Built by :func:`byline.corpus.ingest.ingest_item` (a pure function, run in
    worker processes); stored by the single writer.
    """

    record: dict[str, Any]  # Article.to_dict()
    content_hash: str  # hash of the normalised body text (exact duplicates)
    canonical_url: str | None  # normalised canonical URL (or page URL), if any
    outlet_key: str  # domain, or lowercased publisher name, or "unknown"
    outlet_name: str
    sort_date: str | None  # UTC ISO of published (else fetched): what date filters use
    fetched: str | None
    source: str | None
    item_key: str  # hash of the raw input item: reruns skip it before extraction
    annotated: bool = True  # went through NLP (quotes, claims, entities, times)
    minhash: bytes = b""  # MinHash signature (uint32 array) of the body's shingles
    bands: list[int] = field(default_factory=list)  # LSH band hashes of the signature


PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "one", "who", "this", "that"}
UNKNOWN_SPEAKER = "unknown"


def speaker_key(speaker: dict[str, Any]) -> str:
    """One key per speaker across the corpus: the name, lowercased; anonymous ones by descriptor.

    A speaker known only by a pronoun ("we", "she") is ``unknown``: across
    articles, "she" is not one person.
    """
    if speaker.get("anonymous"):
        descriptor = " ".join((speaker.get("descriptor") or speaker.get("mention") or "unnamed source").lower().split())
        return f"anonymous: {descriptor}"
    for value in (speaker.get("name"), speaker.get("mention"), speaker.get("descriptor")):
        key = " ".join((value or "").lower().split())
        if key and key not in PRONOUNS:
            return key
    return UNKNOWN_SPEAKER


class Store(ABC):
    """A byline corpus. Use as a context manager, or call :meth:`close`."""

    target: str
    readonly: bool

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    # -- writing (one writer) ------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Group writes: all of them are stored, or none (on error or kill)."""

    @abstractmethod
    def savepoint(self) -> AbstractContextManager[None]:
        """Inside a transaction: these writes all happen, or (on an exception) none of them do."""

    @abstractmethod
    def item_seen(self, item_key: str) -> bool:
        """True when this raw input item was already handled by an earlier run."""

    @abstractmethod
    def mark_item(self, item_key: str, status: str, article_id: int | None = None) -> None:
        """Remember a handled input item: status ``stored``, ``duplicate`` or ``error``."""

    @abstractmethod
    def forget_failed_items(self) -> int:
        """Let the next run retry items that failed before; returns how many."""

    @abstractmethod
    def find_duplicate(self, article: PreparedArticle) -> int | None:
        """The id of a stored article this one repeats: same canonical URL and same text, or same text on the
        same outlet. (The same URL with a changed text is a revision: stored, and linked to the same story.)"""

    @abstractmethod
    def article_id_for_url(self, normalised_url: str) -> int | None:
        """The stored article at this (normalised) URL, if any."""

    @abstractmethod
    def add_article(self, article: PreparedArticle) -> int:
        """Store the article and its quotes, speakers, claims, entities; return its id."""

    @abstractmethod
    def add_error(self, source: str, reason: str) -> None: ...

    @abstractmethod
    def replace_annotations(self, article_id: int, record: dict[str, Any]) -> None:
        """Store a re-annotated record (same body) and its quotes, claims and entities; mark it annotated."""

    @abstractmethod
    def article_ids(self, *, annotated: bool | None, fts_query: str | None, outlet: str | None, since: str | None,
                    until: str | None, after: int = 0, limit: int = 500) -> list[int]:
        """Ids (ascending, above ``after``) of articles matching the filters; page with ``after``."""

    # -- dedupe and stories ----------------------------------------------------

    @abstractmethod
    def lsh_candidates(self, bands: list[int], exclude: int | None = None) -> list[tuple[int, bytes]]:
        """Stored articles sharing at least one LSH band: (id, minhash signature)."""

    @abstractmethod
    def same_url_articles(self, canonical_url: str | None, exclude: int | None = None) -> list[int]:
        """Stored articles at the same (normalised) URL: earlier or later fetches of the page."""

    @abstractmethod
    def same_text_articles(self, content_hash: str, exclude: int | None = None) -> list[int]:
        """Stored articles whose normalised text is identical (exact duplicates on other outlets)."""

    @abstractmethod
    def story_of(self, article_id: int) -> int | None: ...

    @abstractmethod
    def create_story(self, article_ids: list[int]) -> int: ...

    @abstractmethod
    def merge_stories(self, keep: int, others: list[int]) -> None: ...

    @abstractmethod
    def add_to_story(self, story_id: int, article_id: int) -> None: ...

    @abstractmethod
    def story_members(self, story_id: int) -> list[tuple[int, str | None, bytes]]:
        """(article id, sort date, minhash signature) of every copy in a story."""

    @abstractmethod
    def story_original(self, story_id: int) -> int | None: ...

    @abstractmethod
    def article_body(self, article_id: int) -> list[str]: ...

    @abstractmethod
    def set_copies(self, story_id: int, original: int, copies: list[StoryCopy]) -> None:
        """Record the story's original, and (insert or replace) these copies' similarity and changes."""

    # -- reading ---------------------------------------------------------------

    @abstractmethod
    def search(self, fts_query: str, *, outlet: str | None, since: str | None, until: str | None,
               author: str | None, speaker: str | None, limit: int, offset: int) -> list[SearchHit]:
        """Full-text search. ``fts_query`` is already in the backend's syntax
        (see :func:`byline.corpus.queries.search`). Snippets mark matches with
        ``\\x02``...``\\x03``."""

    @abstractmethod
    def list_articles(self, *, outlet: str | None, since: str | None, until: str | None,
                      author: str | None, limit: int, offset: int) -> tuple[list[ArticleSummary], int]: ...

    @abstractmethod
    def get_article(self, article_id: int) -> StoredArticle | None: ...

    @abstractmethod
    def quotes(self, *, speaker: str | None, anonymous: bool | None, via: str | None, outlet: str | None,
               article_id: int | None, limit: int, offset: int) -> list[QuoteRow]: ...

    @abstractmethod
    def speakers(self, *, query: str | None, limit: int) -> list[SpeakerRow]: ...

    @abstractmethod
    def figures(self, counts: str, *, outlet: str | None, since: str | None, until: str | None) -> list[FigureRow]: ...

    @abstractmethod
    def sources(self, *, outlet: str | None) -> list[SourceProfile]: ...

    @abstractmethod
    def stories(self, *, min_copies: int, story_id: int | None = None, limit: int | None = None,
                offset: int = 0) -> list[StoryRow]: ...

    @abstractmethod
    def errors(self, *, limit: int | None = None) -> list[ErrorRow]: ...

    @abstractmethod
    def outlets(self) -> list[OutletRow]: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, quotes, speakers, claims, entities, outlets, stories, errors."""

    @abstractmethod
    def iter_records(self) -> Iterator[StoredArticle]:
        """Every stored article in id order, streamed."""
