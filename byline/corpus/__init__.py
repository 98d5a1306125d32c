"""Many articles: ingest (files, folders, WARC, feeds, JSONL), dedupe and stories, queries, export.

>>> from byline.corpus import ingest_paths, queries
>>> report = ingest_paths(["pages/", "crawl.warc.gz"], "byline.db")
"""

from __future__ import annotations

from typing import Any

__all__ = ["ingest_paths", "IngestReport", "queries"]


def __getattr__(name: str) -> Any:  # import lazily: `byline.corpus.queries` alone stays light
    import importlib

    if name in ("ingest_paths", "IngestReport"):
        return getattr(importlib.import_module("byline.corpus.ingest"), name)
    if name == "queries":
        return importlib.import_module("byline.corpus.queries")
    raise AttributeError(name)
