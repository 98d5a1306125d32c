"""``byline quotes``: table, JSON and CSV output on a text written for this test, and bad input."""

from __future__ import annotations

import csv
import io
import json

from byline.cli import main

STORY = """Flood pumps still missing
Published: 2025-11-24T17:00:00-05:00

"We need help, and we need it now," Mayor Ann Ruiz said on Sunday.

"There is no deal yet," one official told Axios.
"""


def _write(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_json_rows(tmp_path, capsys):
    assert main(["quotes", str(_write(tmp_path)), "--plain", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["speaker"] for r in rows] == ["Ann Ruiz", "one official"]
    assert rows[0]["said_on"] == "2025-11-23" and rows[0]["cue"] == "said"
    assert rows[1]["anonymous"] is True and rows[1]["via"] == "Axios"


def test_csv_has_header_and_one_line_per_quote(tmp_path, capsys):
    assert main(["quotes", str(_write(tmp_path)), "--plain", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2 and rows[1]["via"] == "Axios" and rows[1]["anonymous"] == "True"


def test_table_marks_anonymous_sources(tmp_path, capsys):
    assert main(["quotes", str(_write(tmp_path)), "--plain"]) == 0
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if "one official" in l)
    assert "✱" in line and "Axios" in line
    assert "✱" not in next(l for l in out.splitlines() if "Ann Ruiz" in l)


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["quotes", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_no_path_is_bad_usage(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./byline.db here (the demo leaves one in the checkout)
    assert main(["quotes"]) == 2
    assert "PATH" in capsys.readouterr().err
