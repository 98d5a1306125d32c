"""``byline extract PATH...``: print one article record per page."""

from __future__ import annotations

import argparse
import json
import sys

from byline.errors import BylineInputError
from byline.pipeline import extract
from byline.render import to_markdown, to_text

EXAMPLES = """examples:
  byline extract page.html                 one record as indented JSON
  byline extract pages/*.html --format jsonl > records.jsonl
  byline extract story.txt.gz --format text
  curl -s URL | byline extract -           read the page from standard input
  byline extract --plain statement.txt     an article's own text, no boilerplate removal
  byline extract --no-nlp page.html        skip quotes, claims and entities (faster)

Exit codes: 0 every page read; 1 some pages failed (the others are printed);
2 bad usage, or no input could be read."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the article record of one or more pages",
        description="Read raw news pages (HTML or text dumps, optionally gzipped, or - for stdin) and print their article records.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="page file (.html, .htm, .txt, .gz) or - for standard input")
    parser.add_argument("--format", "-f", choices=["json", "jsonl", "text", "markdown"], default="json",
                        help="output format (default: json)")
    parser.add_argument("--plain", action="store_true",
                        help="treat input as an article's own text: first line headline, blank-line paragraphs")
    parser.add_argument("--url", help="the page's URL, when known (used for relative links and as a date hint)")
    parser.add_argument("--no-nlp", action="store_true", help="skip quotes, claims, entities and times (no spaCy)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failures = 0
    out = sys.stdout
    for index, path in enumerate(args.paths):
        try:
            article = extract(path, plain=args.plain, url=args.url, annotate=not args.no_nlp)
        except BylineInputError as exc:
            print(f"byline: {exc}", file=sys.stderr)
            failures += 1
            continue
        except Exception as exc:  # a bug must not lose the other pages
            print(f"byline: {path}: internal error while extracting ({type(exc).__name__}: {exc})", file=sys.stderr)
            failures += 1
            continue
        record = article.to_dict()
        if args.format == "json":
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif args.format == "text":
            out.write(("\n" if index else "") + to_text(article))
        else:
            out.write(("\n---\n\n" if index else "") + to_markdown(article))
        out.flush()
    if failures and failures == len(args.paths):
        return 2  # nothing could be read
    return 1 if failures else 0
