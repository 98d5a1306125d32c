"""Helpers for corpus tests: invented news pages, and WARC/feed/JSONL containers built on the fly."""

from __future__ import annotations

import html
import io
import random
from pathlib import Path

PLACES = ["Castelmar", "Aldane", "Serravento", "Vellano", "Orvano", "Kestrel City", "Port Aldane", "Northfield",
          "Lakeshore", "Marrow Bay", "Tessing", "Duvall"]
SUBJECTS = ["the council", "the port authority", "the water board", "a regional court", "the transit agency",
            "the school district", "the health ministry", "a union of nurses", "the fire service", "local farmers"]
VERBS = ["approved", "rejected", "delayed", "questioned", "funded", "announced", "reviewed", "cancelled", "expanded"]
OBJECTS = ["a new tram line", "the harbour dredging plan", "a budget for flood barriers", "the hospital merger",
           "a ban on night flights", "a housing project", "the bridge repairs", "a pay agreement", "a drought plan"]
EXTRAS = ["after a long debate", "despite protests outside", "by a narrow vote", "without public consultation",
          "citing rising costs", "following an audit", "two weeks ahead of schedule", "amid a legal challenge"]


def sentence(rng: random.Random) -> str:
    n = rng.randint(2, 950)
    return (f"In {rng.choice(PLACES)}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(EXTRAS)}, and {n} residents were affected according to figure {rng.randint(1, 10**6)}.")


def paragraphs(seed: int, count: int = 6) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(sentence(rng) for _ in range(3)) for _ in range(count)]


def page_html(headline: str, paras: list[str], *, url: str | None = None, published: str = "2026-05-04T08:00:00+00:00",
              site: str = "Example Gazette", author: str = "Mira Holt", lang: str = "en") -> str:
    canonical = f'<link rel="canonical" href="{html.escape(url)}"><meta property="og:url" content="{html.escape(url)}">' if url else ""
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{html.escape(headline)}</title>"
            f"{canonical}<meta property=\"og:site_name\" content=\"{site}\">"
            f"<meta property=\"article:published_time\" content=\"{published}\"><meta name=\"author\" content=\"{author}\">"
            f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{html.escape(headline)}</h1>"
            f"<div class=\"byline\">By {author}</div><div class=\"article-body\">{body}</div></article>"
            f"<footer>&copy; 2026 {site}</footer></body></html>")


def numbered_page(i: int, domain: str = "gazette.example") -> tuple[str, str]:
    """(url, html) of a unique invented article number i."""
    url = f"https://{domain}/news/{i}"
    return url, page_html(f"Story number {i} from the region", paragraphs(i), url=url,
                          published=f"2026-05-{1 + i % 28:02d}T08:00:00+00:00")


def write_warc(path: Path, records: list[tuple[str, bytes, str]], *, gzip: bool = True,
               date: str = "2026-05-04T10:00:00Z") -> None:
    """A WARC of HTTP response records: (url, payload, content type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        for url, payload, content_type in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
