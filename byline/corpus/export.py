"""Export the corpus as JSONL, CSV or Parquet: articles, quotes, claims or entities.

Rows are built from each stored record (the source of truth) and streamed:
memory stays flat however big the corpus. The Parquet schema is fixed and
documented in ``docs/export.md``; CSV flattens lists to ``"; "``-joined text
and nested values to JSON.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO, Any, Iterator

from byline.store.base import Store
from byline.store.rows import StoredArticle
from byline.store.base import speaker_key

WHAT = ("articles", "quotes", "claims", "entities")
FORMATS = ("jsonl", "csv", "parquet")
PARQUET_BATCH = 1000


def article_rows(stored: StoredArticle) -> Iterator[dict[str, Any]]:
    r = stored.record
    yield {
        "id": stored.id, "outlet": stored.outlet, "story_id": stored.story_id, "url": r.get("url"),
        "canonical_url": r.get("canonical_url"), "headline": r.get("headline"), "description": r.get("description"),
        "authors": [a.get("name") for a in r.get("authors", [])], "published": r.get("published"),
        "modified": r.get("modified"), "fetched": stored.fetched, "publisher": r.get("publisher"),
        "site_name": r.get("site_name"), "section": r.get("section"), "tags": list(r.get("tags", [])),
        "language": r.get("language"), "word_count": r.get("word_count"), "body": "\n\n".join(r.get("body", [])),
        "quote_count": len(r.get("quotes", [])), "claim_count": len(r.get("claims", [])),
        "anomalies": json.dumps(r.get("anomalies", []), ensure_ascii=False), "source": stored.source,
    }


def quote_rows(stored: StoredArticle) -> Iterator[dict[str, Any]]:
    r = stored.record
    for position, q in enumerate(r.get("quotes", [])):
        s = q.get("speaker") or {}
        yield {
            "article_id": stored.id, "outlet": stored.outlet, "published": r.get("published"), "url": r.get("url"),
            "position": position, "text": q.get("text"), "kind": q.get("kind"), "speaker_key": speaker_key(s),
            "speaker_name": s.get("name"), "speaker_mention": s.get("mention"),
            "speaker_descriptor": s.get("descriptor"), "anonymous": bool(s.get("anonymous")),
            "speaker_kind": s.get("kind"), "cue": q.get("cue"), "via": q.get("via"), "said_on": q.get("said_on"),
            "paragraphs": list(q.get("paragraphs", [])),
        }


def claim_rows(stored: StoredArticle) -> Iterator[dict[str, Any]]:
    r = stored.record
    for position, c in enumerate(r.get("claims", [])):
        yield {
            "article_id": stored.id, "outlet": stored.outlet, "published": r.get("published"), "url": r.get("url"),
            "position": position, "text": c.get("text"), "paragraph": c.get("paragraph"),
            "attributed_to": c.get("attributed_to"), "said_on": c.get("said_on"),
            "quantities": [{k: (float(q[k]) if k in ("value", "low", "high") and q.get(k) is not None else q.get(k))
                            for k in ("value", "low", "high", "bound", "unit", "counts")}
                           for q in c.get("quantities", [])],
        }


def entity_rows(stored: StoredArticle) -> Iterator[dict[str, Any]]:
    r = stored.record
    for e in r.get("entities", []):
        yield {
            "article_id": stored.id, "outlet": stored.outlet, "published": r.get("published"), "name": e.get("name"),
            "kind": e.get("kind"), "mentions": len(e.get("mentions", [])), "roles": list(e.get("roles", [])),
            "affiliations": list(e.get("affiliations", [])),
        }


ROWS = {"articles": article_rows, "quotes": quote_rows, "claims": claim_rows, "entities": entity_rows}


def parquet_schema(what: str):
    """The fixed Parquet schema of each export (documented in docs/export.md)."""
    import pyarrow as pa

    s, i64, i32, b, f64 = pa.string(), pa.int64(), pa.int32(), pa.bool_(), pa.float64()
    lst = pa.list_(s)
    fields = {
        "articles": [("id", i64), ("outlet", s), ("story_id", i64), ("url", s), ("canonical_url", s),
                     ("headline", s), ("description", s), ("authors", lst), ("published", s), ("modified", s),
                     ("fetched", s), ("publisher", s), ("site_name", s), ("section", s), ("tags", lst),
                     ("language", s), ("word_count", i32), ("body", s), ("quote_count", i32), ("claim_count", i32),
                     ("anomalies", s), ("source", s)],
        "quotes": [("article_id", i64), ("outlet", s), ("published", s), ("url", s), ("position", i32), ("text", s),
                   ("kind", s), ("speaker_key", s), ("speaker_name", s), ("speaker_mention", s),
                   ("speaker_descriptor", s), ("anonymous", b), ("speaker_kind", s), ("cue", s), ("via", s),
                   ("said_on", s), ("paragraphs", pa.list_(i32))],
        "claims": [("article_id", i64), ("outlet", s), ("published", s), ("url", s), ("position", i32), ("text", s),
                   ("paragraph", i32), ("attributed_to", s), ("said_on", s),
                   ("quantities", pa.list_(pa.struct([("value", f64), ("low", f64), ("high", f64), ("bound", s),
                                                      ("unit", s), ("counts", s)])))],
        "entities": [("article_id", i64), ("outlet", s), ("published", s), ("name", s), ("kind", s),
                     ("mentions", i32), ("roles", lst), ("affiliations", lst)],
    }[what]
    return pa.schema(fields)


def export(store: Store, what: str, fmt: str, out: str | Path | IO[str] | None) -> int:
    """Write every row of ``what`` in ``fmt`` to ``out`` (a path; or a text stream for jsonl/csv). Returns rows."""
    if what not in WHAT:
        raise ValueError(f"unknown export {what!r}; choose one of {', '.join(WHAT)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = (row for stored in store.iter_records() for row in ROWS[what](stored))
    if fmt == "parquet":
        if out is None or isinstance(out, io.TextIOBase):
            raise ValueError("Parquet needs an output file (--output FILE.parquet)")
        return _parquet(rows, what, Path(out))
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return _text(rows, what, fmt, f)
    import sys

    return _text(rows, what, fmt, out or sys.stdout)


def _text(rows: Iterator[dict[str, Any]], what: str, fmt: str, out: IO[str]) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    names = [f.name for f in parquet_schema(what)]
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        count += 1
    return count


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        if any(isinstance(v, (dict, list)) for v in value):
            return json.dumps(value, ensure_ascii=False)
        return "; ".join("" if v is None else str(v) for v in value)
    return value


def _parquet(rows: Iterator[dict[str, Any]], what: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(what)
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
