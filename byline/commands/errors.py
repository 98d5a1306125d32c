"""``byline errors``: the inputs an ingest could not read, with the reason."""

from __future__ import annotations

import argparse

from byline.commands.corpus_output import add_db_argument, add_format_argument, emit, run_query


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("errors", help="list inputs that failed to ingest, with the reason",
                                   description="List the pages and files byline ingest logged as failed.")
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--limit", type=int, default=None, help="show at most this many")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus import queries

    code, rows = run_query(args, lambda store: queries.errors(store, limit=args.limit))
    if code:
        return code
    emit(rows, [("source", "input"), ("reason", "reason"), ("count", "times"), ("last_seen", "last seen")],
         args.format, title="Ingest errors", empty="no errors logged")
    return 0
