"""What the server holds between requests: its settings and one store per thread.

SQLite connections must stay on the thread that opened them, and FastAPI runs
sync endpoints on a thread pool, so each worker thread opens its own read-only
store the first time it needs one. Writes (ingesting the samples) open a
separate writable store and only happen when the server was started with
``--allow-ingest``.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from byline.store import open_store

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
COUNT_TTL = 5.0  # seconds the article count is cached (the home page asks on every visit)
OUTLETS_TTL = 60.0  # seconds the outlet list and the most quoted speakers are cached


@dataclass
class WebConfig:
    db: str = "byline.db"
    allow_ingest: bool = False
    samples_dir: Path = SAMPLES_DIR
    # Host names the server answers to; None answers any. `byline serve` on a
    # loopback address sets the loopback names, so a web page elsewhere cannot
    # read the corpus through DNS rebinding.
    allowed_hosts: list[str] | None = None


class WebState:
    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self._local = threading.local()
        self._ingest_lock = threading.Lock()
        self._count: tuple[float, int] | None = None
        self._outlets: tuple[float, list[Any]] | None = None
        self._speakers: tuple[float, list[Any]] | None = None

    def store(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.config.db, readonly=True)
        return store

    def article_count(self) -> int:
        now = time.monotonic()
        if self._count is None or now - self._count[0] > COUNT_TTL:
            self._count = (now, int(self.store().counts().get("articles", 0)))
        return self._count[1]

    def outlets(self) -> list[Any]:
        """Every outlet with its article count (outlet filter, home page), cached briefly."""
        now = time.monotonic()
        if self._outlets is None or now - self._outlets[0] > OUTLETS_TTL:
            from byline.corpus import queries

            self._outlets = (now, queries.outlets(self.store()))
        return self._outlets[1]

    def top_speakers(self) -> list[Any]:
        """The most quoted speakers (home page), cached briefly: it aggregates every quote."""
        now = time.monotonic()
        if self._speakers is None or now - self._speakers[0] > OUTLETS_TTL:
            from byline.corpus import queries

            self._speakers = (now, queries.speakers(self.store(), limit=12))
        return self._speakers[1]

    def samples_available(self) -> bool:
        return self.config.samples_dir.is_dir() and any(p.is_file() for p in self.config.samples_dir.rglob("*"))

    def check_write_allowed(self, request: Request) -> None:
        """403 unless started with --allow-ingest and the request comes from this server's own pages."""
        if not self.config.allow_ingest:
            raise HTTPException(status_code=403, detail="this server is read-only; start it with `byline serve --allow-ingest` to ingest from the browser")
        origin = request.headers.get("origin") or request.headers.get("referer")
        if origin:
            host = urlsplit(origin).netloc
            if host != request.headers.get("host"):
                raise HTTPException(status_code=403, detail=f"cross-site request refused (origin {origin!r})")

    def ingest_samples(self) -> dict[str, Any]:
        """Ingest the bundled sample pages into the store; one ingest at a time."""
        from byline.web.ingest import ingest_samples

        if not self.samples_available():
            raise HTTPException(status_code=404, detail=f"no sample pages found in {self.config.samples_dir}")
        if not self._ingest_lock.acquire(blocking=False):
            raise HTTPException(status_code=409, detail="an ingest is already running")
        try:
            result = ingest_samples(self.config.db, self.config.samples_dir)
        finally:
            self._ingest_lock.release()
            self._count = None
            self._outlets = None
            self._speakers = None
        return result


def get_state(request: Request) -> WebState:
    return request.app.state.byline
