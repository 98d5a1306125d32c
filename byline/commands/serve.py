"""``byline serve``: the REST API and the web UI over a corpus store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLES = """examples:
  byline serve                              the UI on http://127.0.0.1:8000 over ./byline.db
  byline serve --samples                    ingest the bundled sample pages first (when the store is empty)
  byline serve --db news.db --port 8080
  byline serve --allow-ingest               also offer a button that ingests the sample pages

The API is read-only unless --allow-ingest is given; its description is at
/openapi.json and /docs. Nothing is loaded from the internet."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="browse a corpus in a local web UI and a read-only REST API",
        description="Start a local web server: pages to search and read a corpus (quotes by speaker, figures over time, sourcing per outlet, syndicated stories) and a read-only JSON API.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", default="byline.db", metavar="FILE", help="corpus store (default: byline.db)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--allow-ingest", action="store_true",
                        help="allow the one write endpoint: ingesting the bundled sample pages from the browser")
    parser.add_argument("--samples", action="store_true",
                        help="if the store is empty, ingest the bundled sample pages before serving")
    parser.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"],
                        help="server log level (default: warning)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from byline.store import BylineStoreError, open_store
    from byline.web import WebConfig, create_app
    from byline.web.ingest import ingest_samples
    from byline.web.state import SAMPLES_DIR

    if not 0 < args.port < 65536:
        print(f"byline: --port {args.port} is not a TCP port (1-65535)", file=sys.stderr)
        return 2
    try:
        with open_store(args.db) as store:  # creates an empty store so the UI can say it is empty
            count = store.counts().get("articles", 0)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    if args.samples and count == 0:
        if not SAMPLES_DIR.is_dir():
            print(f"byline: no bundled sample pages at {SAMPLES_DIR}", file=sys.stderr)
            return 2
        print(f"byline: ingesting the sample pages from {SAMPLES_DIR} into {args.db} ...", file=sys.stderr)
        report = ingest_samples(args.db, SAMPLES_DIR)
        print(f"byline: {report['stored']} articles stored, {report['errors']} errors", file=sys.stderr)
    app = create_app(WebConfig(db=str(Path(args.db)), allow_ingest=args.allow_ingest))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"byline: serving {args.db} on http://{shown}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("byline: warning: listening beyond this machine; the corpus is readable by anyone who can reach it",
              file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=args.log_level in ("info", "debug"))
    except OSError as exc:
        print(f"byline: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
