#!/usr/bin/env python3
"""Text-dump benchmark: main text from a page saved as TEXT (no tags), byline against peers.

Data: ``../shared/data/extraction-scrapinghub/`` (181 news pages with a
hand-checked article body). Each HTML page is first turned into a text dump
of the WHOLE rendered page (resiliparse ``extract_plain_text`` with
``main_content=False``: menus, share bars, footers and all), the kind of input
the seed page is. Every system then gets only that dump:

* ``byline``: the text-dump reader (``byline.extract.textdump``), line shapes and position;
* ``justext``, ``trafilatura``, ``boilerpy3``, ``readability-lxml``: the same dump with each
  line wrapped in ``<p>`` (they need HTML; the wrapping adds no information);
* ``whole dump``: the dump itself, the recall ceiling and precision floor.

For scale, ``trafilatura (HTML)`` reads the original HTML page, which carries
far more evidence (tags, link density, classes) than any dump.

The metric is ``bench/extraction.py``'s (4-token shingles, per-page
normalised, bootstrap spread). Speed is pages per second for the extraction
only (dumps and wrappers are built before any timer starts).

    python bench/textdump.py
    python bench/textdump.py --systems byline,justext --worst 5
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import DEFAULT_DATA, load_pages, tp_fp_fn, with_spread  # noqa: E402


def make_dump(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(
        HTMLTree.parse(html), main_content=False, preserve_formatting=True, list_bullets=False,
        alt_texts=False, links=False, form_fields=False, noscript=False,
    )


def lines_as_html(dump: str) -> str:
    paragraphs = "".join(f"<p>{htmllib.escape(line.strip())}</p>\n" for line in dump.split("\n") if line.strip())
    return f"<html><head><title></title></head><body>\n{paragraphs}</body></html>"


def _byline() -> Callable[[str], str]:
    from byline.extract.textdump import extract_textdump
    from byline.model import Page

    return lambda dump: "\n\n".join(extract_textdump(Page(text=dump, kind="text")).body)


def _whole() -> Callable[[str], str]:
    return lambda dump: dump


def _justext() -> Callable[[str], str]:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(wrapped: str) -> str:
        return "\n".join(p.text for p in justext.justext(wrapped, stoplist) if not p.is_boilerplate)

    return run


def _trafilatura() -> Callable[[str], str]:
    import trafilatura

    return lambda page: trafilatura.extract(page, include_comments=False, include_tables=False) or ""


def _boilerpy3() -> Callable[[str], str]:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()
    return lambda wrapped: extractor.get_content(wrapped) or ""


def _readability() -> Callable[[str], str]:
    import lxml.html
    from readability import Document

    def run(wrapped: str) -> str:
        summary = Document(wrapped).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


# name -> (factory, input kind): "dump", "wrapped" (dump lines in <p>) or "html" (the original page)
SYSTEMS: dict[str, tuple[Callable[[], Callable[[str], str]], str]] = {
    "byline": (_byline, "dump"),
    "justext": (_justext, "wrapped"),
    "trafilatura": (_trafilatura, "wrapped"),
    "boilerpy3": (_boilerpy3, "wrapped"),
    "readability-lxml": (_readability, "wrapped"),
    "whole dump": (_whole, "dump"),
    "trafilatura (HTML)": (_trafilatura, "html"),
}


# ---------------------------------------------------------------- metadata read from the dump


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"\W+", " ", (text or "").lower()).split())


def page_metadata(html: str) -> dict[str, object]:
    """What the HTML page itself says (og:title / h1, JSON-LD or meta author, published date): the
    reference for the dump's headline, authors and date. Not hand-checked: the pages' own markup.
    Authors are people only (JSON-LD Organization authors and names that are not person-shaped are
    left out), as in byline's record."""
    from selectolax.lexbor import LexborHTMLParser

    from byline.extract.authors import person_name

    tree = LexborHTMLParser(html)
    titles = {_norm(n.text()) for n in tree.css("h1")}
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and og.attributes.get("content"):
        titles.add(_norm(og.attributes["content"]))
    authors: set[str] = set()
    dates: set[str] = set()
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            stack = [json.loads(node.text())]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
                for a in item.get("author", []) if isinstance(item.get("author"), list) else [item.get("author")]:
                    if isinstance(a, dict) and "Organization" in str(a.get("@type", "")):
                        continue  # authors are people in byline's record
                    name = a.get("name") if isinstance(a, dict) else a
                    if isinstance(name, str) and person_name(name):
                        authors.add(_norm(person_name(name)))
                if isinstance(item.get("datePublished"), str):
                    dates.add(item["datePublished"].strip())
    meta_author = tree.css_first('meta[name="author"]')
    if meta_author is not None and person_name(meta_author.attributes.get("content") or ""):
        authors.add(_norm(person_name(meta_author.attributes["content"])))
    meta_date = tree.css_first('meta[property="article:published_time"]')
    if meta_date is not None and meta_date.attributes.get("content"):
        dates.add(meta_date.attributes["content"].strip())
    parsed = {_iso(d) for d in dates} - {None}
    return {"titles": titles - {""}, "authors": authors - {""}, "dates": parsed}


def _iso(text: str):
    """An ISO 8601 date or datetime from the markup (placeholders such as 0001-01-01 dropped), else None."""
    from datetime import date, datetime

    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00")) if "T" in text else date.fromisoformat(text[:10])
    except ValueError:
        return None
    return value if value.year > 1990 else None


def _same_day(ours: str | None, refs: set) -> bool:
    """Our published date names the same calendar day as the markup's, locally or in UTC."""
    from datetime import datetime, timezone

    if not ours:
        return False
    mine = _iso(ours)
    if mine is None:
        return False
    days = {mine.date() if isinstance(mine, datetime) else mine}
    if isinstance(mine, datetime) and mine.tzinfo:
        days.add(mine.astimezone(timezone.utc).date())
    for ref in refs:
        ref_days = {ref.date() if isinstance(ref, datetime) else ref}
        if isinstance(ref, datetime) and ref.tzinfo:
            ref_days.add(ref.astimezone(timezone.utc).date())
        if days & ref_days:
            return True
    return False


def metadata_agreement(pages: dict[str, str], dumps: dict[str, str]) -> dict[str, tuple[int, int]]:
    """(agree, pages with a reference) for headline, authors and published, byline on the dump vs the page's markup."""
    from byline.extract.textdump import extract_textdump
    from byline.model import Page

    counts = {"headline": [0, 0], "authors": [0, 0], "published (day)": [0, 0]}
    for key, html in pages.items():
        ref = page_metadata(html)
        record = extract_textdump(Page(text=dumps[key], kind="text"))
        if ref["titles"]:
            counts["headline"][1] += 1
            h = _norm(record.headline)
            counts["headline"][0] += bool(h) and any(h == t or (len(h) > 15 and (h in t or t in h)) for t in ref["titles"])
        if ref["authors"]:
            counts["authors"][1] += 1
            got = {_norm(a.name) for a in record.authors}
            counts["authors"][0] += any(g in r or r in g for g in got for r in ref["authors"] if g)
        if ref["dates"]:
            counts["published (day)"][1] += 1
            counts["published (day)"][0] += _same_day(record.published, ref["dates"])
    return {k: (v[0], v[1]) for k, v in counts.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--systems", help="comma-separated; default all: " + ",".join(SYSTEMS))
    ap.add_argument("--worst", type=int, default=0, help="list byline's N worst pages")
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--fields", action="store_true",
                    help="also compare byline's headline, authors and date from the dump with the HTML page's own markup")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"textdump bench: data not found at {args.data}", file=sys.stderr)
        return 2
    names = args.systems.split(",") if args.systems else list(SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        print(f"textdump bench: unknown system(s) {', '.join(unknown)}; known: {', '.join(SYSTEMS)}", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    truth, pages = load_pages(args.data)
    inputs = {"html": pages, "dump": {k: make_dump(v) for k, v in pages.items()}}
    inputs["wrapped"] = {k: lines_as_html(v) for k, v in inputs["dump"].items()}

    results: dict[str, dict] = {}
    for name in names:
        factory, kind = SYSTEMS[name]
        run = factory()
        outputs, crashes = {}, 0
        start = time.perf_counter()
        for key, page in inputs[kind].items():
            try:
                outputs[key] = run(page)
            except Exception:  # a crash scores empty text for that page
                outputs[key] = ""
                crashes += 1
        elapsed = time.perf_counter() - start
        rows = [tp_fp_fn(truth[k], outputs[k]) for k in truth]
        res = with_spread(rows, args.bootstrap)
        res.update(kind=kind, pages_per_s=len(pages) / elapsed, crashes=crashes,
                   per_page={k: 2 * r[0] / (2 * r[0] + r[1] + r[2]) if any(r) else 1.0 for k, r in zip(truth, rows)})
        results[name] = res
        print(f"  {name}: F1 {res['f1']:.3f} in {elapsed:.1f}s", file=sys.stderr)

    print(f"\n{len(pages)} pages ({args.data.name}) as whole-page text dumps\n")
    header = f"{'system':<20} {'input':<8} {'F1':<14} {'precision':<14} {'recall':<14} {'pages/s':>8} {'F1 vs byline':>12}"
    print(header)
    print("-" * len(header))
    base = results.get("byline", {}).get("f1")
    for name, r in sorted(results.items(), key=lambda kv: -kv[1]["f1"]):
        ratio = f"{base / r['f1']:.2f}x" if base and r["f1"] else "-"
        print(f"{name:<20} {r['kind']:<8} {r['f1']:.3f} ± {r['f1_ci']:.3f}  {r['precision']:.3f} ± {r['precision_ci']:.3f}"
              f"  {r['recall']:.3f} ± {r['recall_ci']:.3f}  {r['pages_per_s']:>8.1f} {ratio:>12}")
    print("\nF1 vs byline = byline's F1 / that system's F1 (>1: byline is better)")
    if args.fields:
        print("\nbyline's metadata from the dump vs the HTML page's own markup (og:title/h1, JSON-LD/meta author,"
              " datePublished/article:published_time); a page counts where its markup has the field:")
        for field_name, (agree, total) in metadata_agreement(pages, inputs["dump"]).items():
            print(f"  {field_name:<16} {agree}/{total} = {agree / total:.2f}" if total else f"  {field_name:<16} -")
    if args.worst and "byline" in results:
        print(f"\nbyline's {args.worst} worst pages (per-page shingle F1):")
        for key, f1 in sorted(results["byline"]["per_page"].items(), key=lambda kv: kv[1])[: args.worst]:
            print(f"  {f1:.3f}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
