"""Export: JSONL, CSV and Parquet for articles, quotes, claims and entities."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from byline.cli import main
from byline.corpus.export import export, parquet_schema
from byline.model import Article, Author, Claim, Entity, Mention, Quantity, Quote, Speaker
from byline.store import open_store
from byline.corpus.ingest import prepare
from byline.corpus.sources import InputItem


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path) as store, store.transaction():
        for n in range(3):
            article = Article(
                url=f"https://paper.example/{n}", headline=f"Report {n}", authors=[Author("Mira Holt")],
                published=f"2026-05-0{n + 1}T10:00:00Z", site_name="Paper", tags=["a", "b"],
                body=[f"At least {10 + n} people were killed, officials said.", f"Unique paragraph {n}."],
                quotes=[Quote("the toll would rise", "indirect", [0], [0, 10],
                              Speaker(mention="officials", descriptor="officials", anonymous=True, kind="group"),
                              cue="said", via="Axios")],
                claims=[Claim(f"At least {10 + n} people were killed", 0, [0, 30],
                              [Quantity(10 + n, "at_least", counts="people killed")], attributed_to="officials")],
                entities=[Entity("Mira Holt", "person", [Mention(0, [0, 4], "Mira")], roles=["reporter"])],
            )
            store.add_article(prepare(article, InputItem(str(n).encode(), f"mem{n}", url=article.url)))
    return path


def test_jsonl_articles_carry_the_whole_record(db):
    out = io.StringIO()
    with open_store(db, readonly=True) as store:
        assert export(store, "articles", "jsonl", out) == 3
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["headline"] for r in rows] == ["Report 0", "Report 1", "Report 2"]
    assert rows[0]["authors"] == ["Mira Holt"] and rows[0]["outlet"] == "Paper" and rows[0]["quote_count"] == 1


def test_csv_claims_flatten_quantities(db):
    out = io.StringIO()
    with open_store(db, readonly=True) as store:
        assert export(store, "claims", "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0].keys()) == [f.name for f in parquet_schema("claims")]
    assert json.loads(rows[2]["quantities"])[0] == {"value": 12.0, "low": None, "high": None, "bound": "at_least",
                                                    "unit": None, "counts": "people killed"}


@pytest.mark.parametrize("what,count", [("articles", 3), ("quotes", 3), ("claims", 3), ("entities", 3)])
def test_parquet_has_the_documented_schema(db, tmp_path, what, count):
    target = tmp_path / f"{what}.parquet"
    with open_store(db, readonly=True) as store:
        assert export(store, what, "parquet", target) == count
    table = pq.read_table(target)
    assert table.schema.equals(parquet_schema(what))
    assert table.num_rows == count
    if what == "quotes":
        assert table.column("via").to_pylist() == ["Axios"] * 3
        assert table.column("anonymous").to_pylist() == [True] * 3


def test_documented_columns_match_the_schema():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text()
    for what in ("articles", "quotes", "claims", "entities"):
        for field in parquet_schema(what):
            assert f"`{field.name}`" in doc, f"{what}.{field.name} is not documented in docs/export.md"


def test_export_command(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "--what", "quotes", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err
    target = tmp_path / "a.parquet"
    assert main(["export", "--db", str(db), "--format", "parquet", "--output", str(target)]) == 0
    assert pq.read_table(target).num_rows == 3
