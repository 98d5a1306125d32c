"""`byline quotes` without PATH: the corpus query mode (the PATH mode is tested in tests/commands)."""

from __future__ import annotations

import json
from pathlib import Path

from byline.cli import main
from byline.corpus import ingest_paths

CORPUS_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_quotes_query_mode(tmp_path, capsys, monkeypatch):
    db = tmp_path / "c.db"
    ingest_paths([CORPUS_FIXTURES], db, workers=1, annotate=True)
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--speaker", "Paola Ferrante", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["outlet"] for r in rows} == {"Riverside Gazette", "The Daily Aldane", "Northfield Courier"}
    assert all(r["speaker"] == "Paola Ferrante" and r["article_id"] and r["published"] for r in rows)
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates)  # a timeline: oldest report first
    assert main(["quotes", "--db", str(db), "--via", "Meridian", "--format", "json"]) == 0
    relayed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert relayed and all(r["via"] == "Meridian Post" for r in relayed)
    assert main(["quotes", "--db", str(db), "--anonymous", "--format", "json"]) == 0
    anonymous = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert anonymous and all(r["anonymous"] for r in anonymous)
    assert main(["quotes", "--db", str(db), "--named", "--outlet", "dailyaldane.example", "--format", "json"]) == 0
    named = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert named and all(not r["anonymous"] and r["outlet"] == "The Daily Aldane" for r in named)
    assert main(["quotes", "--db", str(db), "--speaker", "Paola Ferrante"]) == 0
    assert "Paola Ferrante" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path)
    assert main(["quotes"]) == 2  # no PATH and no byline.db here
    assert "no such database" in capsys.readouterr().err
    assert main(["quotes", str(CORPUS_FIXTURES / "wire_daily_aldane.html"), "--speaker", "x"]) == 2


def test_speakers_command(tmp_path, capsys):
    db = tmp_path / "c.db"
    ingest_paths([CORPUS_FIXTURES], db, workers=1, annotate=True)
    capsys.readouterr()
    assert main(["speakers", "--db", str(db), "--format", "json"]) == 0
    rows = {r["key"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["paola ferrante"]["outlets"] == ["Northfield Courier", "Riverside Gazette", "The Daily Aldane"]
    assert "unknown" not in rows
    assert main(["speakers", "albani", "--db", str(db)]) == 0
    assert "Matteo Albani" in capsys.readouterr().out
