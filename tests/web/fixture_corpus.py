"""Build a corpus store for the web tests (and bench/web.py) from fixtures written for byline.

``tests/fixtures/web/articles.json`` holds article records in a compact form:
each quote, claim and time expression names its paragraph and its text, and the loader finds
the character spans, so the fixture stays readable. The records go into the
store through the corpus engineer's real writer (prepare, dedupe, stories);
``hostile_page.html`` goes through the whole ingest pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from byline.corpus.ingest import Extracted, IngestReport, Writer, ingest_paths, prepare
from byline.corpus.sources import InputItem
from byline.model import Article
from byline.store import open_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
ARTICLES = FIXTURES / "articles.json"
HOSTILE_PAGE = FIXTURES / "hostile_page.html"


def _span(paragraph: str, text: str, where: str) -> list[int]:
    start = paragraph.find(text)
    if start < 0:
        raise ValueError(f"{where}: {text!r} is not in its paragraph")
    return [start, start + len(text)]


def load_records(path: Path = ARTICLES) -> list[dict[str, Any]]:
    """Full ``Article.to_dict()`` records from the compact fixture."""
    records = []
    for n, compact in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        data = dict(compact)
        body = data["body"]
        quotes = []
        for q in data.pop("quotes", []):
            q = dict(q)
            shown = q.pop("quote_text")
            q.setdefault("text", shown)
            q["span"] = _span(body[q["paragraphs"][0]], shown, f"article {n} quote")
            quotes.append(q)
        claims = []
        for c in data.pop("claims", []):
            c = dict(c)
            c["span"] = _span(body[c["paragraph"]], c["text"], f"article {n} claim")
            c["quantities"] = [{"value": None, "low": None, "high": None, "unit": None, "counts": None, "bound": "exact", **qty}
                               for qty in c["quantities"]]
            claims.append(c)
        times = []
        for t in data.pop("times", []):
            times.append({**t, "span": _span(body[t["paragraph"]], t["text"], f"article {n} time")})
        data["quotes"] = quotes
        data["claims"] = claims
        data["times"] = times
        data.setdefault("word_count", sum(len(p.split()) for p in body))
        data["source_path"] = f"{path.name}#{n}"
        records.append(Article.from_dict(data).to_dict())
    return records


def store_records(db: str | Path, records: list[dict[str, Any]], label: str = "articles.json") -> IngestReport:
    """Write records through the ingest writer (dedupe and story linking included)."""
    report = IngestReport()
    with open_store(db) as store:
        writer = Writer(store, report)
        for n, record in enumerate(records):
            article = Article.from_dict(record)
            item = InputItem(json.dumps(record, sort_keys=True).encode(), f"{label}#{n}", url=record.get("url"))
            writer.write(Extracted(prepare(article, item), 0.0, 0.0))
        writer.commit()
    return report


def build_corpus(db: str | Path, *, hostile_page: bool = True) -> dict[str, Any]:
    """The web tests' corpus: the fixture records, plus the hostile page through the real pipeline."""
    report = store_records(db, load_records())
    out = {"records": report.to_dict()}
    if hostile_page:
        out["hostile_page"] = ingest_paths([str(HOSTILE_PAGE)], str(db), workers=1).to_dict()
    return out
