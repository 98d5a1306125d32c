"""Metadata accuracy per field: byline vs trafilatura vs newspaper4k on the same pages, one run.

    python bench/metadata_pages.py     # (re)generate the pages; they are committed
    python bench/metadata.py [-v]      # -v lists byline's misses

Pages: ``bench/data/metadata/*.html`` (42 invented articles in seven CMS
markups, see ``metadata_pages.py``), truth in ``truth.json``. Each page's HTML
is read once, outside the timers.

Matching rule per field (a missing value matches only a missing truth):

- headline, description, publisher, site_name, section: equal after
  normalising (case, whitespace, curly quotes and dashes, trailing period);
- authors: equal as sets of lower-cased names (order ignored; an empty list
  matches "no person author");
- published, modified: the same instant to the minute after converting to
  UTC (a value with no zone is read as UTC); "published (day)" only asks for
  the calendar day as written on the page, for systems that return dates alone;
- tags: equal as sets of lower-cased tags (a peer's comma-joined tag string
  is split on commas first);
- canonical_url: equal, ignoring one trailing slash;
- language: same primary subtag ("en-GB" matches "en").

Peers' fields, where they have no exact equivalent: publisher is compared
with trafilatura's ``sitename`` and newspaper4k's ``meta_site_name`` (neither
reports a publisher); trafilatura's section is its first ``categories``
entry, newspaper4k's is ``meta_data['article']['section']`` when present;
newspaper4k's tags are ``tags`` or else ``meta_keywords``. Neither peer
reports ``modified``: that column shows n/a for them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from datetime import date, datetime, timezone
from pathlib import Path

from dateutil import parser as dateparser

DATA = Path(__file__).resolve().parent / "data" / "metadata"
FIELDS = ("headline", "authors", "published", "published_day", "modified", "publisher", "site_name", "section",
          "tags", "canonical_url", "language", "description")
NA = object()


def norm_text(value) -> str | None:
    if value is None:
        return None
    text = str(value).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("–", "-").replace("—", "-")
    text = " ".join(text.lower().split()).rstrip(".")
    return text or None


def to_dt(value) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        try:
            dt = dateparser.isoparse(str(value))
        except ValueError:
            try:
                dt = dateparser.parse(str(value))
            except (ValueError, OverflowError):
                return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt


def day_of(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return dateparser.isoparse(str(value)).date()
    except ValueError:
        return None


def match(fld: str, got, want) -> bool:
    if fld == "authors":
        return {norm_text(a) for a in (got or [])} == {norm_text(a) for a in (want or [])}
    if fld == "tags":
        flat = [t for g in (got or []) for t in str(g).split(",")]
        return {norm_text(t) for t in flat if t.strip()} == {norm_text(t) for t in (want or [])}
    if fld in ("published", "modified"):
        a, b = to_dt(got), to_dt(want)
        if a is None or b is None:
            return a is None and b is None
        return abs((a - b).total_seconds()) < 60
    if fld == "published_day":
        return day_of(got) == day_of(want)
    if fld == "canonical_url":
        return (got or "").rstrip("/") == (want or "").rstrip("/")
    if fld == "language":
        a = (got or "").replace("_", "-").split("-")[0].lower() or None
        b = (want or "").split("-")[0].lower() or None
        return a == b
    return norm_text(got) == norm_text(want)


# --- systems -------------------------------------------------------------------------------------


def run_byline(html: str) -> dict:
    from byline.extract.html import extract_html
    from byline.model import Page

    rec = extract_html(Page(text=html, kind="html"))
    return {"headline": rec.headline, "authors": [a.name for a in rec.authors], "published": rec.published,
            "published_day": rec.published, "modified": rec.modified, "publisher": rec.publisher,
            "site_name": rec.site_name, "section": rec.section, "tags": rec.tags,
            "canonical_url": rec.canonical_url, "language": rec.language, "description": rec.description}


def run_trafilatura(html: str) -> dict:
    import trafilatura

    doc = trafilatura.extract_metadata(html, date_config={"extensive_search": True, "original_date": True,
                                                          "outputformat": "%Y-%m-%dT%H:%M:%S%z"})
    if doc is None:
        return {}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"headline": doc.title, "authors": authors, "published": doc.date, "published_day": doc.date,
            "modified": NA, "publisher": doc.sitename, "site_name": doc.sitename,
            "section": (doc.categories or [None])[0], "tags": doc.tags or [], "canonical_url": doc.url,
            "language": doc.language, "description": doc.description}


def run_newspaper(html: str) -> dict:
    import newspaper

    art = newspaper.Article("", fetch_images=False)
    art.download(input_html=html)
    art.parse()
    section = None
    meta_article = art.meta_data.get("article") if isinstance(art.meta_data, dict) else None
    if isinstance(meta_article, dict):
        section = meta_article.get("section")
    tags = list(art.tags or []) or [k for k in (art.meta_keywords or []) if k]
    return {"headline": art.title, "authors": list(art.authors), "published": art.publish_date,
            "published_day": art.publish_date, "modified": NA, "publisher": art.meta_site_name,
            "site_name": art.meta_site_name, "section": section, "tags": tags,
            "canonical_url": art.canonical_link or None, "language": art.meta_lang or None,
            "description": art.meta_description or None}


SYSTEMS = {"byline": run_byline, "trafilatura": run_trafilatura, "newspaper4k": run_newspaper}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list byline's misses")
    args = ap.parse_args(argv)
    truth_path = DATA / "truth.json"
    if not truth_path.exists():
        print(f"{truth_path} is missing: run python bench/metadata_pages.py first", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = {name: (DATA / f"{name}.html").read_text(encoding="utf-8") for name in truth}
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    hits = {s: {f: 0 for f in FIELDS} for s in SYSTEMS}
    applicable = {s: {f: 0 for f in FIELDS} for s in SYSTEMS}
    seconds = {s: 0.0 for s in SYSTEMS}
    misses: list[str] = []
    for name, html in pages.items():
        want = dict(truth[name], published_day=truth[name]["published"])
        for system, run in SYSTEMS.items():
            t0 = time.perf_counter()
            try:
                got = run(html)
            except Exception as exc:  # a peer crashing on a page counts as missing every field
                got = {"error": repr(exc)}
            seconds[system] += time.perf_counter() - t0
            for fld in FIELDS:
                value = got.get(fld)
                if value is NA:
                    continue
                applicable[system][fld] += 1
                if match(fld, value, want[fld]):
                    hits[system][fld] += 1
                elif system == "byline" and args.verbose:
                    misses.append(f"{name} {fld}: got {value!r}, want {want[fld]!r}")
    n = len(pages)
    names = list(SYSTEMS)
    print(f"Metadata accuracy on {n} pages (bench/data/metadata), share of pages with the field right")
    print(f"{'field':<16}" + "".join(f"{s:>13}" for s in names) + f"{'byline/best peer':>18}")
    for fld in FIELDS:
        row, scores = f"{fld:<16}", {}
        for s in names:
            if applicable[s][fld]:
                scores[s] = hits[s][fld] / applicable[s][fld]
                row += f"{scores[s]:>13.3f}"
            else:
                row += f"{'n/a':>13}"
        peers = [v for k, v in scores.items() if k != "byline"]
        best = max(peers) if peers else None
        ratio = "—" if not best else f"{scores['byline'] / best:.2f}x"
        print(row + f"{ratio:>18}")
    mean = {s: sum(hits[s][f] / applicable[s][f] for f in FIELDS if applicable[s][f])
            / max(1, sum(1 for f in FIELDS if applicable[s][f])) for s in names}
    print(f"{'mean (own fields)':<16}" + "".join(f"{mean[s]:>13.3f}" for s in names))
    print(f"{'pages/s':<16}" + "".join(f"{n / seconds[s]:>13.1f}" for s in names))
    if misses:
        print("\nbyline misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
