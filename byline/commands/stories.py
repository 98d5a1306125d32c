"""``byline stories``: syndicated and near-identical copies grouped as stories."""

from __future__ import annotations

import argparse

from byline.commands.corpus_output import (add_db_argument, add_format_argument, console_for_tables, date_only, emit,
                                           run_query)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stories", help="stories with their copies across outlets",
                                   description="Stories: copies of one text across outlets, the earliest "
                                               "marked as the original, with paragraphs each copy added or cut.")
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--min-copies", type=int, default=2, help="only stories with at least this many copies")
    parser.add_argument("--limit", type=int, default=100, help="at most this many stories, biggest first (default 100)")
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--changes", action="store_true", help="print the added and cut paragraphs (table format)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from byline.corpus import queries

    code, stories = run_query(args, lambda store: queries.stories(store, min_copies=args.min_copies, limit=args.limit,
                                                                        offset=args.offset))
    if code:
        return code
    if args.format == "json":
        emit(stories, [], "json")
        return 0
    if args.format == "csv":  # one row per copy
        rows = [{"story_id": s.story_id, "story_headline": s.headline, **c.to_dict()} for s in stories for c in s.copies]
        emit(rows, [], "csv")
        return 0
    from rich.markup import escape
    from rich.table import Table

    console = console_for_tables()
    if not stories:
        console.print("[dim]no stories with copies yet[/dim]")
    for story in stories:
        table = Table(title=escape(f"Story {story.story_id}: {story.headline or ''}"), title_justify="left",
                      header_style="bold")
        for header in ("article", "outlet", "published", "", "similar", "added", "cut", "edited"):
            table.add_column(header, no_wrap=True)
        for c in story.copies:
            table.add_row(str(c.article_id), escape(c.outlet), date_only(c.published), "original" if c.is_original else "copy",
                          f"{c.similarity:.0%}", str(len(c.added_paragraphs)), str(len(c.cut_paragraphs)),
                          str(len(c.edited_paragraphs)))
        console.print(table)
        if args.changes:
            for c in story.copies:
                for p in c.added_paragraphs:
                    console.print(f"  [green]+ [{c.article_id}] {escape(c.outlet)}[/green]: {escape(p)}", highlight=False)
                for p in c.cut_paragraphs:
                    console.print(f"  [red]- [{c.article_id}] {escape(c.outlet)}[/red]: {escape(p)}", highlight=False)
                for old, new in c.edited_paragraphs:
                    console.print(f"  [yellow]~ [{c.article_id}] {escape(c.outlet)}[/yellow]: {escape(old)}\n"
                                  f"    [yellow]→[/yellow] {escape(new)}", highlight=False)
        console.print()
    return 0
