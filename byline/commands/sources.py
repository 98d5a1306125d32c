"""``byline sources``: how each outlet sources its quotes."""

from __future__ import annotations

import argparse

from byline.commands.corpus_output import add_db_argument, add_format_argument, emit, run_query


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sources", help="sourcing profile per outlet: named, anonymous, organisations, relayed",
        description="Per outlet: quotes from named people, anonymous sources and organisations (these add up "
                    "to the total with `other`), and quotes relayed via another outlet (overlapping the rest).")
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--outlet")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus import queries

    code, rows = run_query(args, lambda store: queries.sources(store, outlet=args.outlet))
    if code:
        return code
    if args.format == "table":
        def both(n: int, share: float) -> str:
            return f"{n} {share:.0%}"

        table_rows = [{"outlet": r.outlet, "articles": r.articles, "quotes": r.total,
                       "named": both(r.named, r.named_share), "anonymous": both(r.anonymous, r.anonymous_share),
                       "organization": both(r.organization, r.organization_share),
                       "other": both(r.other, r.other_share), "relayed": both(r.relayed, r.relayed_share)}
                      for r in rows]
        emit(table_rows, [("outlet", "outlet"), ("articles", "articles"), ("quotes", "quotes"), ("named", "named"),
                          ("anonymous", "anon."), ("organization", "orgs"), ("other", "other"),
                          ("relayed", "relayed")], "table",
             title="Quote sourcing by outlet (relayed overlaps the others)", empty="no articles")
        return 0
    emit(rows, [], args.format)
    return 0
