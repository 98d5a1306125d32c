"""`byline annotate`: NLP later, on articles ingested with --no-nlp."""

from __future__ import annotations

import json
from pathlib import Path

from byline.cli import main
from byline.corpus import ingest_paths, queries
from byline.corpus.annotate import annotate_stored
from byline.store import open_store

CORPUS_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_annotate_later_matches_annotating_at_ingest(tmp_path, capsys):
    fast, full = tmp_path / "fast.db", tmp_path / "full.db"
    ingest_paths([CORPUS_FIXTURES], fast, workers=1, annotate=False)
    ingest_paths([CORPUS_FIXTURES], full, workers=1, annotate=True)
    with open_store(fast) as store:
        assert queries.quotes(store) == []
        only = annotate_stored(store, workers=1, search="Aldane city council")
        assert only.annotated == 1
        assert {q.outlet for q in queries.quotes(store)} == {"The Daily Aldane"}
        rest = annotate_stored(store, workers=1)
        assert rest.annotated == 3
        assert annotate_stored(store, workers=1).annotated == 0  # nothing left to do
        later = {s.record["url"]: s.record for s in store.iter_records()}
    with open_store(full, readonly=True) as store:
        at_ingest = {s.record["url"]: s.record for s in store.iter_records()}
    assert later == at_ingest
    assert main(["annotate", "--db", str(fast), "--all", "--workers", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["annotated"] == 4
    assert main(["annotate", "--db", str(tmp_path / "none" / "x.db")]) == 2
