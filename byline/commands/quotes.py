"""``byline quotes PATH...``: who said what in one or more pages, as a table, JSON or CSV.

The module has two modes behind one subcommand: PATH mode (read pages, run the
pipeline, print their quotes; built here) and, later, a query mode over the
store (``--db``/``--speaker``/...). ``run`` dispatches; each mode renders rows
of :func:`quote_rows` through the same printers.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from typing import Any, Iterable

from byline.errors import BylineInputError

EXAMPLES = """examples:
  byline quotes page.html                    a table: speaker, anonymous mark, via, cue, quote
  byline quotes pages/*.html --format json   one JSON object per quote, with its page
  byline quotes story.txt --plain --format csv > quotes.csv

Without PATH, quotes come from the corpus store (after `byline ingest`):
  byline quotes --speaker "Rand Paul"        every quote by a speaker, across outlets, oldest first
  byline quotes --anonymous --via Axios      anonymous sources relayed through Axios
  byline quotes --outlet nytimes.com --db news.db --format csv

In the table, ✱ marks an anonymous source; "via" is the outlet a statement was
relayed through ("one official told Axios"). Exit codes: 0 every page read,
1 some pages failed (the others are printed), 2 bad usage or nothing readable."""

COLUMNS = ["source", "paragraphs", "kind", "speaker", "name", "mention", "descriptor", "anonymous", "speaker_kind",
           "cue", "via", "said_on", "text"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="print who said what in pages, or across the corpus (without PATH)",
        description="Read news pages and print their quotes: speaker, anonymity, cue, relay outlet, date and text.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="page file (.html, .txt, .gz) or - for standard input")
    parser.add_argument("--format", "-f", choices=["table", "json", "csv"], default="table",
                        help="output format (default: table)")
    parser.add_argument("--plain", action="store_true",
                        help="treat input as an article's own text: first line headline, blank-line paragraphs")
    store = parser.add_argument_group("corpus query (no PATH)")
    store.add_argument("--db", metavar="FILE", help="the corpus database (default: byline.db in the current folder)")
    store.add_argument("--speaker", help="speaker name, mention or descriptor (substring, any case)")
    who = store.add_mutually_exclusive_group()
    who.add_argument("--anonymous", action="store_true", default=None, help="only anonymous sources")
    who.add_argument("--named", action="store_false", dest="anonymous", help="only identified speakers")
    store.add_argument("--via", help="relayed through this outlet (substring)")
    store.add_argument("--outlet", help="quoted by this outlet (domain or name)")
    store.add_argument("--limit", type=int, default=1000, help="at most this many quotes (default: 1000)")
    parser.set_defaults(run=run)


QUERY_OPTIONS = ("db", "speaker", "anonymous", "via", "outlet")


def run(args: argparse.Namespace) -> int:
    if not args.paths:
        return run_store(args)
    if any(getattr(args, name) is not None for name in QUERY_OPTIONS):
        print("byline quotes: --db/--speaker/--anonymous/--via/--outlet query the store: give them without PATH",
              file=sys.stderr)
        return 2
    return run_paths(args)


def run_store(args: argparse.Namespace) -> int:
    """Query mode: matching quotes across the corpus (``byline.corpus.queries.quotes``), with article and date."""
    from byline.corpus import queries
    from byline.store import DEFAULT_DB, BylineStoreError, open_store

    try:
        with open_store(args.db or DEFAULT_DB, readonly=True) as store:
            found = queries.quotes(store, speaker=args.speaker, anonymous=args.anonymous, via=args.via,
                                   outlet=args.outlet, limit=args.limit)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        if args.db is None and not any(getattr(args, n) is not None for n in QUERY_OPTIONS):
            print("byline quotes: give a PATH to read pages, or ingest a corpus first", file=sys.stderr)
        return 2
    rows = []
    for q in found:
        rows.append({
            "source": f"{(q.published or '')[:10]} {q.outlet} #{q.article_id}".strip(),
            "paragraphs": q.paragraphs, "kind": q.kind, "speaker": q.speaker_name or q.speaker_mention or "",
            "name": q.speaker_name, "mention": q.speaker_mention, "descriptor": q.speaker_descriptor,
            "anonymous": q.anonymous, "speaker_kind": q.speaker_kind, "cue": q.cue, "via": q.via,
            "said_on": q.said_on, "text": q.text, "article_id": q.article_id, "headline": q.headline,
            "outlet": q.outlet, "published": q.published, "url": q.url,
        })
    print_rows(rows, args.format, many_sources=True)
    return 0


def quote_rows(article, source: str) -> list[dict[str, Any]]:
    """One flat row per quote of ``article`` (the shape every printer takes)."""
    rows = []
    for quote in article.quotes:
        speaker = quote.speaker
        rows.append({
            "source": source,
            "paragraphs": quote.paragraphs,
            "kind": quote.kind,
            "speaker": speaker.name or speaker.mention or "",
            "name": speaker.name,
            "mention": speaker.mention,
            "descriptor": speaker.descriptor,
            "anonymous": speaker.anonymous,
            "speaker_kind": speaker.kind,
            "cue": quote.cue,
            "via": quote.via,
            "said_on": quote.said_on,
            "text": quote.text,
        })
    return rows


def run_paths(args: argparse.Namespace) -> int:
    from byline.pipeline import extract

    failures = 0
    rows: list[dict[str, Any]] = []
    for path in args.paths:
        try:
            article = extract(path, plain=args.plain)
        except BylineInputError as exc:
            print(f"byline: {exc}", file=sys.stderr)
            failures += 1
            continue
        except Exception as exc:  # a bug must not lose the other pages
            print(f"byline: {path}: internal error while extracting ({type(exc).__name__}: {exc})", file=sys.stderr)
            failures += 1
            continue
        rows.extend(quote_rows(article, "<stdin>" if path == "-" else str(path)))
    print_rows(rows, args.format, many_sources=len(args.paths) > 1)
    if failures and failures == len(args.paths):
        return 2
    return 1 if failures else 0


def print_rows(rows: list[dict[str, Any]], fmt: str, *, many_sources: bool = False, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "paragraphs": " ".join(str(p) for p in row["paragraphs"])})
    else:
        _print_table(rows, many_sources, out)


def _print_table(rows: Iterable[dict[str, Any]], many_sources: bool, out) -> None:
    from rich.console import Console
    from rich.table import Table

    width = shutil.get_terminal_size((120, 24)).columns
    console = Console(file=out, width=width, highlight=False, soft_wrap=False)
    table = Table(show_lines=False, expand=True, pad_edge=False)
    if many_sources:
        table.add_column("page", no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("speaker", no_wrap=True, max_width=30, overflow="ellipsis")
    table.add_column("", no_wrap=True)  # ✱ anonymous
    table.add_column("via", no_wrap=True, max_width=16, overflow="ellipsis")
    table.add_column("cue", no_wrap=True, max_width=20, overflow="ellipsis")
    table.add_column("quote", no_wrap=True, overflow="ellipsis", ratio=1)
    count = 0
    for row in rows:
        count += 1
        text = row["text"] if row["kind"] != "direct" else f"“{row['text']}”"
        cells = [",".join(str(p) for p in row["paragraphs"]), row["speaker"] or "?", "✱" if row["anonymous"] else "",
                 row["via"] or "", row["cue"] or "", text]
        if many_sources:
            cells.insert(0, row["source"])
        table.add_row(*cells)
    if count:
        console.print(table)
    else:
        console.print("no quotes found")
