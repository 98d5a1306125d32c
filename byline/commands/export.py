"""``byline export``: the corpus as JSONL, CSV or Parquet."""

from __future__ import annotations

import argparse
import sys

from byline.commands.corpus_output import add_db_argument
from byline.store.base import BylineStoreError

EXAMPLES = """examples:
  byline export --what quotes --format csv > quotes.csv
  byline export --what articles --format parquet --output articles.parquet
  byline export --what claims --format jsonl --db news.db | jq .quantities

The Parquet schema of each export is in docs/export.md."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="export articles, quotes, claims or entities",
                                   description="Export the corpus, one row per article, quote, claim or entity.",
                                   epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_argument(parser)
    parser.add_argument("--format", "-f", choices=["jsonl", "csv", "parquet"], default="jsonl")
    parser.add_argument("--what", "-w", choices=["articles", "quotes", "claims", "entities"], default="articles")
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output "
                        "(required for parquet)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus.export import export
    from byline.store import open_store

    if args.format == "parquet" and not args.output:
        print("byline: Parquet is binary: give --output FILE.parquet", file=sys.stderr)
        return 2
    try:
        with open_store(args.db, readonly=True) as store:
            count = export(store, args.what, args.format, args.output)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"byline: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return 2
    if args.output:
        print(f"wrote {count} {args.what} to {args.output}", file=sys.stderr)
    return 0
