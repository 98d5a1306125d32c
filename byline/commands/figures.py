"""``byline figures COUNTS``: how a figure moved from report to report."""

from __future__ import annotations

import argparse

from byline.commands.corpus_output import add_db_argument, add_format_argument, date_only, emit, run_query

EXAMPLES = """examples:
  byline figures killed                    every "... killed" figure, oldest report first
  byline figures "missile strikes" --outlet example.com --format csv"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("figures", help="a timeline of the figures reported for something counted",
                                   description="Every claim quantity whose `counts` matches, as a timeline.",
                                   epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("counts", help='what is counted, e.g. "killed" or "people displaced"')
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--outlet")
    parser.add_argument("--since", metavar="DATE")
    parser.add_argument("--until", metavar="DATE")
    parser.set_defaults(run=run)


def _value(row) -> str:
    if row.bound == "range" and row.low is not None:
        return f"{row.low:g}–{row.high:g}"
    prefix = {"at_least": "≥ ", "more_than": "> ", "at_most": "≤ ", "less_than": "< ", "about": "~ "}.get(row.bound, "")
    return prefix + (f"{row.value:g}" if isinstance(row.value, (int, float)) else str(row.value))


def run(args: argparse.Namespace) -> int:
    from byline.corpus import queries

    code, rows = run_query(args, lambda store: queries.figures(store, args.counts, outlet=args.outlet,
                                                                since=args.since, until=args.until))
    if code:
        return code
    if args.format == "table":
        table_rows = [{"date": date_only(r.published), "outlet": r.outlet, "figure": _value(r), "counts": r.counts,
                       "according to": r.attributed_to, "article": r.article_id, "url": r.url or r.headline}
                      for r in rows]
        emit(table_rows, [(k, k) for k in ("date", "outlet", "figure", "counts", "according to", "article", "url")],
             "table", title=f"Figures: {args.counts}", empty="no figures match")
        return 0
    emit(rows, [], args.format)
    return 0
