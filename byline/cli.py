"""The ``byline`` command line: one subcommand per module in ``byline.commands``."""

from __future__ import annotations

import argparse
import importlib
import sys

from byline import __version__

# Each module defines register(subparsers) and sets a `run(args) -> int` default.
COMMAND_MODULES = [
    "byline.commands.extract",
    "byline.commands.serve",
    "byline.commands.ingest",
    "byline.commands.errors",
    "byline.commands.search",
    "byline.commands.figures",
    "byline.commands.sources",
    "byline.commands.stories",
    "byline.commands.export",
    "byline.commands.annotate",
    "byline.commands.speakers",
    "byline.commands.quotes",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Turn raw news pages into structured, source-attributed records.",
    )
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("byline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
