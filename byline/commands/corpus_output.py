"""Shared by the corpus commands: ``--db``, ``--format``, and printing rows as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

from byline.store import DEFAULT_DB, BylineStoreError, Store, open_store

Column = tuple[str, str]  # (key in the row's dict, header)
LONG_COLUMNS = {"outlet", "outlets", "descriptor", "speaker", "source", "reason", "according to", "text", "headline", "claim", "url", "counts"}


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                        help=f"the corpus database (default: {DEFAULT_DB} in the current folder)")


def add_format_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", "-f", choices=["table", "json", "csv"], default="table",
                        help="output: a terminal table (default), JSON, or CSV")


@contextmanager
def reading(args: argparse.Namespace) -> Iterator[Store]:
    """Open the store read-only; a store problem becomes a one-line message and exit code 2."""
    store = open_store(args.db, readonly=True)
    try:
        yield store
    finally:
        store.close()


def run_query(args: argparse.Namespace, query: Callable[[Store], Any]) -> tuple[int, Any]:
    try:
        with reading(args) as store:
            return 0, query(store)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2, None
    except ValueError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2, None


def emit(rows: Sequence[Any], columns: Sequence[Column], fmt: str, *, title: str | None = None,
         empty: str = "nothing found") -> None:
    """Print rows (objects with ``to_dict()``) in the chosen format."""
    dicts = [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in rows]
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        keys = list(dicts[0].keys()) if dicts else [k for k, _ in columns]
        writer = csv.DictWriter(out, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for d in dicts:
            writer.writerow({k: flat(d.get(k)) for k in keys})
        return
    from rich.table import Table

    console = console_for_tables()
    if not dicts:
        console.print(f"[dim]{empty}[/dim]")
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for key, header in columns:
        # Short columns (names, dates, counts) never wrap; long text folds.
        if key in LONG_COLUMNS:
            table.add_column(header, overflow="fold", ratio=1)
        else:
            table.add_column(header, no_wrap=True, min_width=len(header))
    for d in dicts:
        table.add_row(*[cell(d.get(key)) for key, _ in columns])
    console.print(table)


def console_for_tables():
    """A terminal's own width; 200 columns when printing to a file or pipe (no wrapped cells in logs)."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=200)


def flat(value: Any) -> Any:
    """A CSV cell: lists joined with "; ", nested objects as JSON."""
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "; ".join("" if v is None else str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def cell(value: Any) -> str:
    from rich.markup import escape

    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.0%}" if 0 <= value <= 1 and not value.is_integer() else f"{value:g}"
    if isinstance(value, list):
        return escape(", ".join(str(v) for v in value))
    return escape(str(value))


def date_only(value: str | None) -> str:
    return (value or "")[:16].replace("T", " ")
