"""``byline annotate``: run NLP (quotes, claims, entities, times) on stored articles ingested with --no-nlp."""

from __future__ import annotations

import argparse
import json
import sys

from byline.commands.corpus_output import add_db_argument
from byline.store.base import BylineStoreError

EXAMPLES = """examples:
  byline ingest CC-NEWS-*.warc.gz --no-nlp       fast: text, metadata, dedupe, stories, search
  byline annotate --search "landslide OR flood" --since 2026-05-01
                                                  then quotes and figures for the articles you need
  byline annotate --outlet reuters.com --workers 2
  byline annotate --all                           redo every article (after upgrading byline)

Safe to stop and rerun: finished articles are committed and not redone."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("annotate", help="add quotes, claims and entities to articles ingested with --no-nlp",
                                   description="Run NLP on stored articles that do not have it yet.",
                                   epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_argument(parser)
    parser.add_argument("--search", metavar="TEXT", help="only articles matching this search")
    parser.add_argument("--outlet")
    parser.add_argument("--since", metavar="DATE")
    parser.add_argument("--until", metavar="DATE")
    parser.add_argument("--all", action="store_true", help="also articles already annotated")
    parser.add_argument("--workers", "-j", type=int, default=None, metavar="N")
    parser.add_argument("--quiet", "-q", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus.annotate import annotate_stored
    from byline.store import open_store

    try:
        with open_store(args.db) as store:
            report = annotate_stored(store, workers=args.workers, everything=args.all, search=args.search,
                                     outlet=args.outlet, since=args.since, until=args.until)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    elif not args.quiet:
        print(f"{report.annotated} articles annotated, {report.errors} errors in {report.seconds:.1f} s", file=sys.stderr)
        for article_id, reason in (report.first_errors or [])[:10]:
            print(f"  error: article {article_id}: {reason}", file=sys.stderr)
    return 1 if report.errors else 0
