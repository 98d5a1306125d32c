"""Persistence behind one small interface (:class:`Store`): SQLite by default.

>>> from byline.store import open_store
>>> with open_store("byline.db", readonly=True) as store:
...     store.counts()
"""

from __future__ import annotations

from pathlib import Path

from byline.store.base import BylineStoreError, PreparedArticle, Store

__all__ = ["open_store", "Store", "BylineStoreError", "PreparedArticle", "DEFAULT_DB"]

DEFAULT_DB = "byline.db"


def open_store(target: str | Path = DEFAULT_DB, *, readonly: bool = False) -> Store:
    """Open (creating and migrating when writable) the store at ``target``.

    ``target`` is a file path for SQLite. Database URLs (``postgresql://...``)
    are reserved for the PostgreSQL backend, which does not exist yet.
    Raises :class:`BylineStoreError` with a one-line reason when the store
    cannot be used (locked, corrupt, newer schema, missing when read-only).
    """
    text = str(target)
    if "://" in text:
        scheme = text.split("://", 1)[0]
        if scheme.startswith("postgres"):
            raise BylineStoreError(text, "the PostgreSQL backend is not built yet; use an SQLite file path")
        if scheme != "sqlite":
            raise BylineStoreError(text, f"unknown database URL scheme {scheme!r}")
        text = text.split("://", 1)[1]
    from byline.store.sqlite import SQLiteStore

    return SQLiteStore(text, readonly=readonly)
