"""Annotate stored articles later: ingest fast with ``--no-nlp``, then run NLP on what you need.

A month of CC-NEWS is millions of pages; spaCy reads a few pages a second per
core. :func:`annotate_stored` runs quotes, claims, entities and times over
stored articles not yet annotated (optionally only those matching a search,
an outlet or a date range), in a process pool, and writes each result back
through the store (one writer, small transactions: safe to kill and rerun).
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from byline.corpus.ingest import BATCH_ITEMS, BATCH_SECONDS, default_workers, new_pool, one_thread_per_worker
from byline.corpus.queries import date_filter, fts_query
from byline.model import Article
from byline.store.base import Store


@dataclass
class AnnotateReport:
    annotated: int = 0
    errors: int = 0
    seconds: float = 0.0
    first_errors: list[tuple[int, str]] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"annotated": self.annotated, "errors": self.errors, "seconds": round(self.seconds, 3),
                "first_errors": [list(e) for e in (self.first_errors or [])]}


def annotate_record(record: dict[str, Any]) -> dict[str, Any] | str:
    """A stored record with fresh quotes, claims, entities and times (pure); an error message on failure."""
    from byline.annotate import annotate_article

    try:
        article = Article.from_dict(record)
        article.quotes, article.claims, article.entities, article.times = [], [], [], []
        if article.body:
            annotate_article(article)
        return article.to_dict()
    except Exception as exc:  # one bad record must not stop the run
        return f"internal error while annotating ({type(exc).__name__}: {exc})"


def _targets(store: Store, *, everything: bool, search: str | None, outlet: str | None, since: str | None,
             until: str | None) -> Iterator[int]:
    query = fts_query(search) if search else None
    since, until = date_filter(since, "since"), date_filter(until, "until")
    after = 0
    while True:
        ids = store.article_ids(annotated=None if everything else False, fts_query=query, outlet=outlet,
                                since=since, until=until, after=after)
        if not ids:
            return
        yield from ids
        after = ids[-1]


def annotate_stored(store: Store, *, workers: int | None = None, everything: bool = False, search: str | None = None,
                    outlet: str | None = None, since: str | None = None, until: str | None = None,
                    progress: Callable[[AnnotateReport], None] | None = None) -> AnnotateReport:
    """Annotate stored articles that were ingested without NLP (all of them with ``everything``)."""
    report = AnnotateReport(first_errors=[])
    started = time.perf_counter()
    workers = default_workers() if workers is None else max(1, workers)
    pending = 0
    last_commit = time.monotonic()
    tx = None

    def write(article_id: int, result: dict[str, Any] | str) -> None:
        nonlocal pending, last_commit, tx
        if tx is None:
            tx = store.transaction()
            tx.__enter__()
            last_commit = time.monotonic()
        if isinstance(result, str):
            report.errors += 1
            store.add_error(f"article {article_id}", result)
            if len(report.first_errors) < 20:
                report.first_errors.append((article_id, result))
        else:
            store.replace_annotations(article_id, result)
            report.annotated += 1
        pending += 1
        if pending >= BATCH_ITEMS or time.monotonic() - last_commit >= BATCH_SECONDS:
            tx.__exit__(None, None, None)
            tx, pending = None, 0
        if progress:
            progress(report)

    targets = _targets(store, everything=everything, search=search, outlet=outlet, since=since, until=until)
    try:
        if workers == 1:
            for article_id in targets:
                stored = store.get_article(article_id)
                if stored is not None:
                    write(article_id, annotate_record(stored.record))
        else:
            one_thread_per_worker()
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["byline.corpus.annotate", "byline.corpus.preload_nlp"])
            in_flight: deque[tuple[int, Future]] = deque()
            with new_pool(workers, context) as pool:
                for article_id in targets:
                    stored = store.get_article(article_id)
                    if stored is None:
                        continue
                    in_flight.append((article_id, pool.submit(annotate_record, stored.record)))
                    while len(in_flight) > workers * 4:
                        done_id, future = in_flight.popleft()
                        write(done_id, future.result())
                while in_flight:
                    done_id, future = in_flight.popleft()
                    write(done_id, future.result())
        if tx is not None:
            tx.__exit__(None, None, None)
            tx = None
    except BaseException as exc:
        if tx is not None:
            tx.__exit__(type(exc), exc, None)  # roll back the open batch; earlier batches stay
        raise
    finally:
        report.seconds = time.perf_counter() - started
    return report
