"""``byline ingest PATH...``: read files, folders, WARC archives, feeds and JSONL into the corpus store."""

from __future__ import annotations

import argparse
import json
import sys
import time

from byline.commands.corpus_output import add_db_argument
from byline.store.base import BylineStoreError

EXAMPLES = """examples:
  byline ingest pages/                       every page under a folder (recursively) into byline.db
  byline ingest CC-NEWS-*.warc.gz --db news.db --workers 2
  byline ingest feed.xml pages/              feed items with full text, and the pages the feed links to
  byline ingest scraped.jsonl --no-nlp       lines of {"url": ..., "html": ...}; skip quotes and claims
  byline ingest pages/ --quiet || echo "some pages failed: see byline errors"

Running it again on the same input adds nothing; a killed run can simply be
rerun. Pages that fail are logged (see `byline errors`) and skipped.

Exit codes: 0 everything ingested; 1 some inputs failed (the rest are stored);
2 the store could not be used, or no input was readable."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="ingest pages, folders, WARC archives, RSS/Atom feeds and JSONL into a corpus",
        description="Extract every page in the inputs and store the records, with dedupe and stories.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="page file, folder, .warc/.warc.gz, RSS/Atom feed, or .jsonl of {url, html}")
    add_db_argument(parser)
    parser.add_argument("--workers", "-j", type=int, default=None, metavar="N",
                        help="processes extracting pages (default: one per core)")
    parser.add_argument("--no-nlp", action="store_true", help="skip quotes, claims, entities and times (much faster)")
    parser.add_argument("--language", metavar="CODES",
                        help="keep only articles in these languages, e.g. en or en,de (ISO 639-1; others are skipped)")
    parser.add_argument("--retry-errors", action="store_true", help="retry pages that failed in earlier runs")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary (errors still go to stderr)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON on standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus.ingest import ingest_paths

    if args.workers is not None and args.workers < 1:
        print("byline: --workers must be at least 1", file=sys.stderr)
        return 2
    languages = args.language.split(",") if args.language else None
    progress_bar = None
    callback = None
    if not args.quiet and sys.stderr.isatty():
        progress_bar, callback = _progress()
    try:
        if progress_bar:
            with progress_bar:
                report = ingest_paths(args.paths, args.db, workers=args.workers, annotate=not args.no_nlp,
                                      retry_errors=args.retry_errors, languages=languages, progress=callback)
                callback(report, final=True)
        else:
            report = ingest_paths(args.paths, args.db, workers=args.workers, annotate=not args.no_nlp,
                                  retry_errors=args.retry_errors, languages=languages)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        done = getattr(exc, "report", None)
        if done is not None and done.stored:
            print(f"byline: {done.stored} articles were stored before the error and are kept; "
                  "run the same command again to continue", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    elif not args.quiet:
        _summary(report, args.db)
    elif report.errors:
        print(f"byline: {report.errors} input(s) failed; see `byline errors --db {args.db}`", file=sys.stderr)
    if report.stored + report.duplicates + report.already + report.skipped == 0:
        return 2  # nothing in the input could be read
    return 1 if report.incomplete else 0


def _progress():
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # On standard error: standard output stays clean for --json and pipes.
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                   transient=False, console=Console(stderr=True))
    task = bar.add_task("starting", total=None)
    started = time.monotonic()
    last = [0.0]

    def update(report, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - last[0] < 0.2:
            return
        last[0] = now
        rate = (report.read - report.already) / max(now - started, 1e-6)
        errors = f"[red]{report.errors} errors[/red]" if report.errors else "0 errors"
        bar.update(task, description=(
            f"{report.read} pages · {rate:.1f} pages/s · {report.stored} stored · "
            f"{report.duplicates + report.already} duplicate/seen · {errors}"))

    return bar, update


def _summary(report, db: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)
    console.print(
        f"[bold]{report.stored}[/bold] stored, {report.duplicates} duplicates, {report.already} already in the store, "
        f"{report.skipped} skipped, [{'red' if report.errors else 'green'}]{report.errors} errors[/] "
        f"from {report.read} inputs in {report.seconds:.1f} s ({report.pages_per_second:.1f} pages/s); "
        f"{report.stories_linked} joined a story. Store: {escape(db)}")
    for reason, count in sorted(report.skipped_reasons.items(), key=lambda kv: -kv[1])[:5]:
        console.print(f"  skipped {count}: {escape(reason)}")
    for source, reason in report.first_errors[:10]:
        console.print(f"  [red]error[/red] {escape(source)}: {escape(reason)}")
    if report.errors > 10:
        console.print(f"  ... see `byline errors --db {db}` for all {report.errors}")
