"""``byline search TEXT``: full-text search over the corpus, ranked, with snippets."""

from __future__ import annotations

import argparse

from byline.commands.corpus_output import (add_db_argument, add_format_argument, console_for_tables, date_only, emit,
                                           run_query)

EXAMPLES = """examples:
  byline search "missile strikes"
  byline search '"national security adviser" OR Rubio' --since 2025-11-01 --outlet nytimes.com
  byline search landslide --format json --limit 100"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="full-text search over headlines and bodies",
                                   description="Ranked full-text search (headline weighted above body).",
                                   epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text", help='words (all must match); "a phrase"; OR; NOT; prefix*')
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--outlet", help="outlet domain or name")
    parser.add_argument("--since", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    parser.add_argument("--author", help="part of an author's name")
    parser.add_argument("--speaker", help="articles quoting this speaker")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--offset", type=int, default=0)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus import queries

    code, hits = run_query(args, lambda store: queries.search(
        store, args.text, outlet=args.outlet, since=args.since, until=args.until, author=args.author,
        speaker=args.speaker, limit=args.limit, offset=args.offset))
    if code:
        return code
    if args.format == "table":
        from rich.text import Text

        console = console_for_tables()
        if not hits:
            console.print("[dim]no matches[/dim]")
        for hit in hits:
            console.print(Text.assemble((f"[{hit.id}] ", "dim"), (hit.headline or "(no headline)", "bold")))
            console.print(Text(f"{date_only(hit.published)}  {hit.outlet}  {hit.url or ''}", style="dim"))
            snippet = Text()
            for text, match in hit.snippet_parts:
                snippet.append(text.replace("\n", " "), style="bold yellow" if match else None)
            console.print(snippet)
            console.print()
        return 0
    emit(hits, [], args.format)
    return 0
