"""Ingest: shards -> records (a pure function, run in worker processes) -> one writer.

:func:`ingest_item` and :func:`ingest_shard` are pure: bytes in, a
:class:`~byline.store.base.PreparedArticle` (or the reason it failed) out, no
store, no shared state, so a distributed engine can map them over shards.
:class:`Writer` is the only code that writes: it skips inputs an earlier run
handled, drops duplicates, stores articles, links stories and logs failures,
committing in small batches so a killed run loses at most one batch (which
the rerun redoes). :func:`ingest_paths` ties them together with a process pool
and a bounded number of pages in flight, so memory does not grow with the
corpus.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

from byline.corpus import dedupe
from byline.corpus.sources import FeedLink, InputItem, InputProblem, Shard, Skipped, discover, read_shard
from byline.errors import BylineInputError
from byline.model import Article
from byline.store import DEFAULT_DB, Store, open_store
from byline.store.base import BylineStoreError, PreparedArticle

BATCH_ITEMS = 200  # commit at least this often (items) ...
BATCH_SECONDS = 2.0  # ... or this often (seconds)
SMALL_INPUT = 8  # inputs with fewer entries than this are extracted in-process, without a pool
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "cmpid", "ref", "ncid", "ocid", "taid")


@dataclass
class ItemFailure:
    """An input item that did not become an article, and why."""

    item_key: str
    source: str
    reason: str


@dataclass
class Extracted:
    """What a worker returns for one item: the prepared article and its timings."""

    article: PreparedArticle
    seconds_extract: float  # page reading, extraction and attribution
    seconds_dedupe: float  # content hash and MinHash signature


# -- the pure part ----------------------------------------------------------------------


def ingest_item(item: InputItem, *, annotate: bool = True,
                languages: frozenset[str] | None = None) -> Extracted | ItemFailure | Skipped:
    """One raw page -> a prepared article, or the reason it cannot be one. Never raises.

    With ``languages``, an article in another language (as the extractor
    reads it; unknown counts as wanted) is skipped before the costly NLP.
    """
    from byline.page import page_from_bytes
    from byline.pipeline import extract_page

    start = time.perf_counter()
    try:
        page = page_from_bytes(item.data, item.label, url=item.url, fetched=item.fetched,
                               declared_charset=item.charset)
        if languages is None:
            article = extract_page(page, annotate=annotate)
        else:
            article = extract_page(page, annotate=False)
            if article.language and article.language not in languages:
                return Skipped(item.label, f"language {article.language}", item.key)
            if annotate and article.body:
                from byline.annotate import annotate_article

                annotate_article(article)
    except BylineInputError as exc:
        return ItemFailure(item.key, item.label, exc.problem)
    except RecursionError:
        return ItemFailure(item.key, item.label, "page nesting too deep to parse")
    except MemoryError:
        return ItemFailure(item.key, item.label, "out of memory while extracting")
    except Exception as exc:  # a bug in one page must not stop the run
        return ItemFailure(item.key, item.label, f"internal error while extracting ({type(exc).__name__}: {exc})")
    if article.source_path is None and not item.label.startswith("<"):
        article.source_path = item.label
    middle = time.perf_counter()
    if not article.body:
        return ItemFailure(item.key, item.label, "no article text found")
    prepared = prepare(article, item, annotated=annotate)
    return Extracted(prepared, middle - start, time.perf_counter() - middle)


def ingest_shard(shard: Shard, *, annotate: bool = True,
                 languages: frozenset[str] | None = None) -> Iterator[Extracted | ItemFailure | Skipped | FeedLink]:
    """Every page of one shard through :func:`ingest_item` (the unit a distributed engine maps)."""
    for entry in read_shard(shard):
        if isinstance(entry, InputItem):
            yield ingest_item(entry, annotate=annotate, languages=languages)
        elif isinstance(entry, InputProblem):
            yield ItemFailure("", entry.source, entry.reason)
        else:
            yield entry


def prepare(article: Article, item: InputItem, *, annotated: bool = True) -> PreparedArticle:
    """The keys the store indexes an article by: text hash, canonical URL, outlet, date, MinHash."""
    record = article.to_dict()
    text = dedupe.normalise(" ".join(article.body))
    minhash, bands = dedupe.signature(article.body, normalised=text)
    url = article.url or item.url
    outlet_key, outlet_name = outlet_of(article, url)
    return PreparedArticle(
        record=record,
        content_hash=dedupe.content_hash(article.body, normalised=text),
        canonical_url=identity_url(article.canonical_url, url),
        outlet_key=outlet_key,
        outlet_name=outlet_name,
        sort_date=sort_date(article.published) or sort_date(item.fetched),
        fetched=item.fetched,
        source=item.label,
        item_key=item.key,
        annotated=annotated,
        minhash=minhash,
        bands=bands,
    )


def normalise_url(url: str | None) -> str | None:
    """Scheme-less, lowercase host without ``www.``, no fragment, no tracking parameters."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PARAMS)]
    return host + path + ("?" + urlencode(sorted(query)) if query else "")


def identity_url(canonical: str | None, url: str | None) -> str | None:
    """The URL that identifies the page: its canonical URL when on the same site, else its own.

    A syndicated copy often declares the wire original as canonical; trusting
    that would drop the copy as a duplicate, so a cross-site canonical is ignored.
    """
    page = normalise_url(url)
    declared = normalise_url(canonical)
    if declared and (page is None or _host(declared) == _host(page)):
        return declared
    return page


def _host(normalised: str) -> str:
    return normalised.split("/", 1)[0]


def outlet_of(article: Article, url: str | None) -> tuple[str, str]:
    """(key, display name): the site's domain when a URL is known, else its name, else unknown."""
    name = article.site_name or article.publisher
    normalised = normalise_url(url) or normalise_url(article.canonical_url)
    if normalised:
        host = _host(normalised).split(":")[0]
        for prefix in ("m.", "amp.", "mobile."):
            host = host.removeprefix(prefix)
        return host, name or host
    if name:
        return " ".join(name.lower().split()), name
    return "unknown", "unknown"


def sort_date(value: str | None) -> str | None:
    """ISO date or datetime -> UTC ``YYYY-MM-DDTHH:MM:SSZ`` (a date alone stays a date)."""
    if not value:
        return None
    text = value.strip()
    if len(text) == 10:
        return text
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text[:10] if len(text) >= 10 and text[4] == "-" else None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the writer -------------------------------------------------------------------------


@dataclass
class IngestReport:
    """What a run did. ``incomplete`` is True when anything could not be ingested."""

    read: int = 0  # input items read
    stored: int = 0
    duplicates: int = 0  # same text on the same outlet, or same canonical URL
    already: int = 0  # handled by an earlier run (skipped before extraction)
    errors: int = 0
    skipped: int = 0  # not pages (non-HTML WARC records...)
    stories_linked: int = 0
    seconds: float = 0.0
    seconds_extract: float = 0.0  # summed over workers
    seconds_dedupe: float = 0.0  # summed over workers (signatures) and the writer (story linking)
    seconds_store: float = 0.0  # the writer's time in the store, excluding story linking
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    first_errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def incomplete(self) -> bool:
        return self.errors > 0

    @property
    def pages_per_second(self) -> float:
        return (self.read - self.already) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in (
            "read", "stored", "duplicates", "already", "errors", "skipped", "stories_linked", "seconds",
            "seconds_extract", "seconds_dedupe", "seconds_store", "skipped_reasons")} | {
            "incomplete": self.incomplete, "pages_per_second": round(self.pages_per_second, 2),
            "first_errors": [list(e) for e in self.first_errors]}


class Writer:
    """The single writer: everything that changes the store during ingest goes through here."""

    def __init__(self, store: Store, report: IngestReport, *, link_stories: bool = True) -> None:
        self.store = store
        self.report = report
        self.link_stories = link_stories
        self._tx = None
        self._pending = 0
        self._since = time.monotonic()

    def _begin(self) -> None:
        if self._tx is None:
            tx = self.store.transaction()
            tx.__enter__()  # may raise BylineStoreError (locked): then no transaction is open
            self._tx = tx
            self._since = time.monotonic()

    def commit(self) -> None:
        if self._tx is not None:
            tx, self._tx = self._tx, None
            tx.__exit__(None, None, None)
            self._pending = 0

    def abort(self) -> None:
        if self._tx is not None:
            tx, self._tx = self._tx, None
            try:
                tx.__exit__(KeyboardInterrupt, KeyboardInterrupt(), None)
            except BaseException:
                pass

    def seen(self, item: InputItem) -> bool:
        return self.store.item_seen(item.key)

    def write(self, result: Extracted | ItemFailure | Skipped) -> str:
        """Store one worker result; returns stored | duplicate | error | skipped."""
        start = time.perf_counter()
        self._begin()
        dedupe_seconds = 0.0
        if isinstance(result, Skipped):
            status = "skipped"
            self.report.skipped += 1
            self.report.skipped_reasons[result.reason] = self.report.skipped_reasons.get(result.reason, 0) + 1
            if result.item_key:
                self.store.mark_item(result.item_key, "skipped")
        elif isinstance(result, ItemFailure):
            status = "error"
            self._failed(result)
        else:
            article = result.article
            self.report.seconds_extract += result.seconds_extract
            self.report.seconds_dedupe += result.seconds_dedupe
            duplicate = self.store.find_duplicate(article)
            if duplicate is not None:
                status = "duplicate"
                self.store.mark_item(article.item_key, "duplicate", duplicate)
                self.report.duplicates += 1
            else:
                try:
                    with self.store.savepoint():  # an article and its story link, or nothing
                        article_id = self.store.add_article(article)
                        if self.link_stories:
                            linking = time.perf_counter()
                            linked = dedupe.link_story(self.store, article_id, article)
                            dedupe_seconds = time.perf_counter() - linking
                            self.report.stories_linked += bool(linked)
                        self.store.mark_item(article.item_key, "stored", article_id)
                    status = "stored"
                    self.report.stored += 1
                except BylineStoreError:
                    raise
                except Exception as exc:  # a bug on one record must not stop the run or leave half of it
                    status = "error"
                    self._failed(ItemFailure(article.item_key, article.source or "?",
                                             f"internal error while storing ({type(exc).__name__}: {exc})"))
        self._pending += 1
        if self._pending >= BATCH_ITEMS or time.monotonic() - self._since >= BATCH_SECONDS:
            self.commit()
        elapsed = time.perf_counter() - start
        self.report.seconds_dedupe += dedupe_seconds
        self.report.seconds_store += elapsed - dedupe_seconds
        return status

    def _failed(self, failure: ItemFailure) -> None:
        self.store.add_error(failure.source, failure.reason)
        if failure.item_key:
            self.store.mark_item(failure.item_key, "error")
        self.report.errors += 1
        if len(self.report.first_errors) < 20:
            self.report.first_errors.append((failure.source, failure.reason))

    def check_feed_links(self, links: Iterable[FeedLink]) -> None:
        """Feed items with only a summary: fine when their page was in the input, an error when not."""
        self._begin()
        for link in links:
            if self.store.article_id_for_url(normalise_url(link.url) or link.url) is None:
                self.write(ItemFailure("", link.source,
                                       f"feed item has only a summary and its page ({link.url}) is not in the input"))
        self.commit()


# -- running it -------------------------------------------------------------------------

Progress = Callable[[IngestReport], None]


def iter_entries(paths: list[str | os.PathLike]) -> Iterator[InputItem | InputProblem | Skipped | FeedLink]:
    """Every entry of every shard under ``paths``, streamed."""
    for shard in discover(paths):
        if isinstance(shard, InputProblem):
            yield shard
        else:
            yield from read_shard(shard)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def ingest_paths(paths: list[str | os.PathLike], db: str | Path | Store = DEFAULT_DB, *, workers: int | None = None,
                 annotate: bool = True, retry_errors: bool = False, link_stories: bool = True,
                 languages: Iterable[str] | None = None, progress: Progress | None = None) -> IngestReport:
    """Ingest files, folders, WARCs, feeds and JSONL into the store; safe to rerun and to kill.

    ``workers`` processes extract pages (default: one per core; 1 runs in
    this process). ``languages`` (ISO 639-1 codes) keeps only articles in
    those languages. Raises :class:`BylineStoreError` when the store cannot be
    opened or written; input problems are logged in the store and counted.
    """
    store = db if isinstance(db, Store) else open_store(db)
    try:
        report = IngestReport()
        writer = Writer(store, report, link_stories=link_stories)
        if retry_errors:
            with store.transaction():
                store.forget_failed_items()
        workers = default_workers() if workers is None else max(1, workers)
        wanted = frozenset(code.strip().lower() for code in languages if code.strip()) if languages else None
        extract = functools.partial(ingest_item, annotate=annotate, languages=wanted)
        started = time.perf_counter()
        links: list[FeedLink] = []
        try:
            entries = iter_entries(paths)
            head = list(itertools.islice(entries, SMALL_INPUT))
            entries = itertools.chain(head, entries)
            if workers == 1 or len(head) < SMALL_INPUT:  # a few pages: starting workers costs more than it saves
                _run_inline(entries, writer, report, extract, links, progress)
            else:
                _run_pool(entries, writer, report, extract, links, progress, workers, annotate)
            writer.commit()
            if links:
                writer.check_feed_links(links)
        except BylineStoreError as exc:
            writer.abort()  # the store failed: what was committed before stays
            exc.report = report  # type: ignore[attr-defined]
            raise
        except BaseException:
            try:
                writer.commit()  # interrupted: keep what was finished
            except BylineStoreError:
                writer.abort()
            raise
        finally:
            report.seconds = time.perf_counter() - started
        return report
    finally:
        if not isinstance(db, Store):
            store.close()


def one_thread_per_worker() -> None:
    """Workers are the parallelism: keep numeric libraries in them to one thread each (OpenBLAS
    defaults to one per core, which oversubscribes the cores N times). Set before the fork server
    starts, so its imports see it; a value the user set is kept."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker ends when the ingest process is gone (``kill -9``).

    Pool workers hold both ends of their task queue, so they would never see
    EOF and would wait forever, and keep the fork server alive with them."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def new_pool(workers: int, context) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=exit_with_parent,
                               initargs=(os.getpid(),))


def _admit(entry, writer: Writer, report: IngestReport, links: list[FeedLink]) -> InputItem | None:
    """Count an entry; return it when it is a page a worker must extract."""
    if isinstance(entry, FeedLink):
        links.append(entry)
        return None
    report.read += 1
    if isinstance(entry, InputProblem):
        writer.write(ItemFailure("", entry.source, entry.reason))
        return None
    if isinstance(entry, Skipped):
        writer.write(entry)
        return None
    if writer.seen(entry):
        report.already += 1
        return None
    return entry


def _run_inline(entries, writer: Writer, report: IngestReport, extract, links, progress) -> None:
    for entry in entries:
        item = _admit(entry, writer, report, links)
        if item is not None:
            writer.write(extract(item))
        if progress:
            progress(report)


def _run_pool(entries, writer: Writer, report: IngestReport, extract, links, progress, workers: int,
              annotate: bool) -> None:
    # forkserver: workers start from a clean process (no store connection, no progress thread).
    one_thread_per_worker()
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has already imported the pipeline (and loaded spaCy when
    # annotating): each starts in milliseconds instead of re-importing, and shares those pages.
    context.set_forkserver_preload(["byline.corpus.ingest"] + (["byline.corpus.preload_nlp"] if annotate else []))
    max_in_flight = workers * 4
    pool = new_pool(workers, context)
    in_flight: deque[tuple[InputItem, Future]] = deque()

    def drain(limit: int) -> None:
        nonlocal pool
        while len(in_flight) > limit:
            item, future = in_flight.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                result = ItemFailure(item.key, item.label, "worker process died while extracting this page")
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool(workers, context)
                retry = list(in_flight)
                in_flight.clear()
                for other, _ in retry:  # resubmit the innocent bystanders
                    in_flight.append((other, pool.submit(extract, other)))
            except Exception as exc:
                result = ItemFailure(item.key, item.label, f"internal error ({type(exc).__name__}: {exc})")
            writer.write(result)
            if progress:
                progress(report)

    try:
        for entry in entries:
            item = _admit(entry, writer, report, links)
            if item is not None:
                in_flight.append((item, pool.submit(extract, item)))
                drain(max_in_flight)
            elif progress:
                progress(report)
        drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
