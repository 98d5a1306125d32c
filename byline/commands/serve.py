"""``byline serve``: the REST API and the web UI over a corpus store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLES = """examples:
  byline serve                              the UI on http://127.0.0.1:8000 over ./byline.db
  byline serve --samples                    ingest the bundled sample pages first (when the store is empty)
  byline serve --samples pages/ --db new.db  ingest the pages in a folder first, then serve them
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
    parser.add_argument("--samples", nargs="?", const="", default=None, metavar="DIR",
                        help="if the store is empty, ingest the bundled sample pages (or the pages in DIR) before serving")
    parser.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"],
                        help="server log level (default: warning)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from byline.store import BylineStoreError, open_store
    from byline.web import WebConfig, create_app
    from byline.web.ingest import ingest_samples
    from byline.web.state import LOOPBACK_HOSTS, SAMPLES_DIR

    if not 0 < args.port < 65536:
        print(f"byline: --port {args.port} is not a TCP port (1-65535)", file=sys.stderr)
        return 2
    problem = _cannot_listen(args.host, args.port)
    if problem:
        print(f"byline: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return 2
    try:
        with open_store(args.db) as store:  # creates an empty store so the UI can say it is empty
            count = store.counts().get("articles", 0)
    except BylineStoreError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    samples = Path(args.samples) if args.samples else SAMPLES_DIR
    if args.samples is not None and count == 0:
        if not samples.is_dir():
            print(f"byline: no sample pages: {samples} is not a folder", file=sys.stderr)
            return 2
        print(f"byline: ingesting the sample pages from {samples} into {args.db} ...", file=sys.stderr)
        try:
            report = ingest_samples(args.db, samples)
        except BylineStoreError as exc:
            print(f"byline: {exc}", file=sys.stderr)
            return 2
        print(f"byline: {report['stored']} articles stored, {report['errors']} errors", file=sys.stderr)
    loopback = args.host in LOOPBACK_HOSTS
    app = create_app(WebConfig(db=str(Path(args.db)), allow_ingest=args.allow_ingest, samples_dir=samples,
                               allowed_hosts=LOOPBACK_HOSTS if loopback else None))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"byline: serving {args.db} on http://{shown}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    if not loopback:
        print("byline: warning: listening beyond this machine; the corpus is readable by anyone who can reach it",
              file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=args.log_level in ("info", "debug"))
    return 0


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen there (port taken, unknown address), or None.

    Checked before the store is opened so the message is one clear line, not uvicorn's log."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"unknown address ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None
