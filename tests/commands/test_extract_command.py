"""``byline extract``: formats, several paths, exit codes, standard input, bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from byline import __version__
from byline.cli import main

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service resumes after storm | The Coastline Courier</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service resumes after storm</h1>
<p>Ferries between Port Ellis and Gull Island resumed on Wednesday after a three-day halt.</p>
<p>“We lost about 40 sailings,” harbour master Dana Whitlock said.</p>
<p>The operator said repairs to the northern pier would take another week.</p>
</article></body></html>"""

DUMP = """Ferry service resumes after storm

By Tomas Berg | March 5, 2025

Ferries between Port Ellis and Gull Island resumed on Wednesday after a three-day halt.

The operator said repairs to the northern pier would take another week.
"""


@pytest.fixture
def pages(tmp_path):
    html = tmp_path / "ferry.html"
    html.write_text(PAGE, encoding="utf-8")
    dump = tmp_path / "ferry.txt.gz"
    dump.write_bytes(gzip.compress(DUMP.encode()))
    return html, dump


def run_cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_is_default_indented_and_unescaped(capsys, pages):
    code, out, _ = run_cli(capsys, "extract", "--no-nlp", str(pages[0]))
    assert code == 0
    record = json.loads(out)
    assert record["headline"] == "Ferry service resumes after storm"
    assert "“We lost about 40 sailings,”" in out  # UTF-8, no \\u escapes
    assert out.startswith("{\n  ")


def test_every_record_key_is_present(capsys, pages):
    _, out, _ = run_cli(capsys, "extract", "--no-nlp", str(pages[0]))
    record = json.loads(out)
    expected = {
        "schema_version", "source_path", "url", "canonical_url", "headline", "description", "authors",
        "published", "modified", "publisher", "site_name", "section", "tags", "language", "word_count",
        "body", "anomalies", "quotes", "claims", "entities",
    }
    assert expected <= set(record)
    assert record["schema_version"] == 1
    assert record["source_path"] == str(pages[0])


def test_jsonl_prints_one_record_per_line(capsys, pages):
    code, out, _ = run_cli(capsys, "extract", "--no-nlp", "--format", "jsonl", str(pages[0]), str(pages[1]))
    assert code == 0
    lines = out.strip().split("\n")
    assert len(lines) == 2
    assert all(json.loads(line)["headline"] == "Ferry service resumes after storm" for line in lines)


def test_text_and_markdown_formats(capsys, pages):
    _, text, _ = run_cli(capsys, "extract", "--no-nlp", "--format", "text", str(pages[0]))
    assert text.splitlines()[0] == "Ferry service resumes after storm"
    assert "Ferries between Port Ellis" in text
    _, md, _ = run_cli(capsys, "extract", "--no-nlp", "--format", "markdown", str(pages[0]))
    assert md.startswith("# Ferry service resumes after storm")


def test_bad_path_among_good_ones_exit_1_and_goes_on(capsys, pages, tmp_path):
    code, out, err = run_cli(capsys, "extract", "--no-nlp", "--format", "jsonl",
                             str(pages[0]), str(tmp_path / "missing.html"), str(pages[1]))
    assert code == 1
    assert len(out.strip().split("\n")) == 2
    assert err.strip() == f"byline: {tmp_path / 'missing.html'}: no such file"


def test_only_bad_input_exits_2_with_one_line(capsys, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    code, out, err = run_cli(capsys, "extract", str(empty))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "empty.html: empty file" in err


def test_directory_argument(capsys, tmp_path):
    code, _, err = run_cli(capsys, "extract", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_plain_mode(capsys, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Statement on the pier\n\nThe pier will reopen.\n\nSign up for updates at the office.\n")
    _, out, _ = run_cli(capsys, "extract", "--no-nlp", "--plain", str(path))
    record = json.loads(out)
    assert record["headline"] == "Statement on the pier"
    assert record["body"] == ["The pier will reopen.", "Sign up for updates at the office."]


def test_standard_input_and_version():
    result = subprocess.run([sys.executable, "-m", "byline", "extract", "--no-nlp", "-"], input=PAGE.encode(),
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Ferry service resumes after storm"
    version = subprocess.run([sys.executable, "-m", "byline", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"byline {__version__}"


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "--format" in out


def test_twenty_megabyte_page_gives_a_record(capsys, tmp_path):
    filler = "<p>Crews cleared debris from the coastal road for a third day on Friday.</p>\n" * 275_000
    big = tmp_path / "huge.html"
    big.write_text(f"<html><body><article><h1>Road cleared</h1>{filler}</article></body></html>")
    assert big.stat().st_size > 20 * 1024 * 1024
    code, out, err = run_cli(capsys, "extract", "--no-nlp", "--format", "jsonl", str(big))
    assert code == 0, err
    record = json.loads(out)
    assert record["headline"] == "Road cleared"
    assert len(record["body"]) > 1000
