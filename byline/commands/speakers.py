"""``byline speakers``: who is quoted across the corpus, how often, and by which outlets."""

from __future__ import annotations

import argparse

from byline.commands.corpus_output import add_db_argument, add_format_argument, emit, run_query


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("speakers", help="who is quoted, how often, by which outlets",
                                   description="Speakers across the corpus by number of quotes (anonymous sources "
                                               "by their descriptor). See their quotes with byline quotes --speaker.")
    parser.add_argument("query", nargs="?", help="part of a name or descriptor")
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--limit", type=int, default=50)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus import queries

    code, rows = run_query(args, lambda store: queries.speakers(store, query=args.query, limit=args.limit))
    if code:
        return code
    if args.format == "table":
        table_rows = [{"speaker": r.name or r.key, "descriptor": r.descriptor, "anonymous": r.anonymous,
                       "kind": r.kind, "quotes": r.quote_count, "outlets": ", ".join(r.outlets)} for r in rows]
        emit(table_rows, [("speaker", "speaker"), ("descriptor", "descriptor"), ("anonymous", "anon."),
                          ("kind", "kind"), ("quotes", "quotes"), ("outlets", "outlets")], "table",
             title="Speakers", empty="no quotes in the corpus (ingest without --no-nlp, or run byline annotate)")
        return 0
    emit(rows, [], args.format)
    return 0
