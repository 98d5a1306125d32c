"""Ingest: idempotence, bad input, workers, feeds; the `byline ingest` command and its exit codes."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from byline.cli import main
from byline.corpus import ingest_paths, queries
from byline.corpus.ingest import identity_url, ingest_item, normalise_url, sort_date, ItemFailure
from byline.corpus.sources import InputItem
from byline.store import open_store

from corpus_helpers import numbered_page, page_html, paragraphs, write_warc

CORPUS_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def make_folder(root: Path, count: int) -> Path:
    folder = root / "pages"
    (folder / "sub").mkdir(parents=True)
    for i in range(count):
        (folder / ("sub" if i % 2 else "") / f"p{i}.html").write_text(numbered_page(i)[1])
    return folder


def test_same_input_twice_adds_nothing(tmp_path):
    folder = make_folder(tmp_path, 6)
    db = tmp_path / "c.db"
    first = ingest_paths([folder], db, workers=1, annotate=False)
    assert (first.read, first.stored, first.errors) == (6, 6, 0)
    second = ingest_paths([folder], db, workers=1, annotate=False)
    assert (second.stored, second.already, second.duplicates) == (0, 6, 0)
    # The same pages under another name (a copy of the folder) are duplicates by URL and text.
    shutil.copytree(folder, tmp_path / "copy")
    third = ingest_paths([tmp_path / "copy"], db, workers=1, annotate=False)
    assert (third.stored, third.already, third.duplicates) == (0, 6, 0)  # same bytes + URL: same item key
    with open_store(db, readonly=True) as store:
        assert store.counts()["articles"] == 6


def test_same_article_fetched_twice_with_tracking_parameters_is_one_article(tmp_path):
    url, page = numbered_page(1)
    lines = [{"url": url, "html": page}, {"url": url + "?utm_source=feed#top", "html": page.replace("</footer>", " x</footer>")}]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    report = ingest_paths([path], tmp_path / "c.db", workers=1, annotate=False)
    assert (report.stored, report.duplicates) == (1, 1)


def test_bad_pages_are_logged_counted_and_skipped(tmp_path):
    folder = make_folder(tmp_path, 3)
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "nav_only.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "broken.html.gz").write_bytes(gzip.compress(b"<html>" * 100)[:40])
    db = tmp_path / "c.db"
    report = ingest_paths([folder], db, workers=1, annotate=False)
    assert report.stored == 3 and report.errors == 4 and report.incomplete
    with open_store(db, readonly=True) as store:
        errors = {Path(e.source).name: e.reason for e in queries.errors(store)}
    assert errors["empty.html"] == "empty file"
    assert "binary" in errors["binary.html"]
    assert errors["nav_only.html"] == "no article text found"
    assert "broken.html.gz" in errors  # a cut gzip yields too little text to be an article
    again = ingest_paths([folder], db, workers=1, annotate=False)
    assert (again.stored, again.errors, again.already) == (0, 0, 7)  # failures are not retried by default...
    retry = ingest_paths([folder], db, workers=1, annotate=False, retry_errors=True)
    assert retry.errors == 4  # ... unless asked
    with open_store(db, readonly=True) as store:
        assert {e.count for e in queries.errors(store)} == {2}


def test_two_workers_store_the_same_as_one(tmp_path):
    folder = make_folder(tmp_path, 12)
    one = ingest_paths([folder], tmp_path / "one.db", workers=1, annotate=False)
    two = ingest_paths([folder], tmp_path / "two.db", workers=2, annotate=False)
    assert one.stored == two.stored == 12
    with open_store(tmp_path / "one.db", readonly=True) as a, open_store(tmp_path / "two.db", readonly=True) as b:
        records_a = sorted(json.dumps(s.record, sort_keys=True) for s in a.iter_records())
        records_b = sorted(json.dumps(s.record, sort_keys=True) for s in b.iter_records())
    assert records_a == records_b


def test_warc_feed_and_jsonl_together(tmp_path):
    url1, page1 = numbered_page(1)
    url2, page2 = numbered_page(2)
    write_warc(tmp_path / "crawl.warc.gz", [(url1, page1.encode(), "text/html"),
                                            ("https://gazette.example/a.css", b"body{}", "text/css")],
               date="2026-05-06T01:02:03Z")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"url": url2, "html": page2}) + "\n")
    full = " ".join(paragraphs(77, 3))
    (tmp_path / "feed.xml").write_text(f"""<?xml version="1.0"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Gazette</title>
<item><title>Feed-only story about the harbour</title><link>https://gazette.example/feed-only</link>
<pubDate>Tue, 05 May 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{full}</p>]]></content:encoded></item>
<item><title>Teaser for story 1</title><link>{url1}</link><description>Short.</description></item>
<item><title>Teaser for a missing page</title><link>https://gazette.example/not-here</link><description>Short.</description></item>
</channel></rss>""")
    db = tmp_path / "c.db"
    report = ingest_paths([tmp_path], db, workers=1, annotate=False)
    assert report.stored == 3 and report.skipped == 1 and report.skipped_reasons == {"not HTML (text/css)": 1}
    assert report.errors == 1  # the teaser whose page is not in the input
    with open_store(db, readonly=True) as store:
        rows, total = queries.list_articles(store)
        by_url = {r.url: r for r in rows}
        assert total == 3
        warc_article = queries.get_article(store, by_url[url1].id)
        assert warc_article.fetched == "2026-05-06T01:02:03+00:00" and "#" in warc_article.source
        assert by_url["https://gazette.example/feed-only"].headline == "Feed-only story about the harbour"
        errors = queries.errors(store)
        assert len(errors) == 1 and "not-here" in errors[0].reason


def test_ingest_item_is_pure_and_never_raises():
    url, page = numbered_page(5)
    item = InputItem(page.encode(), "mem", url=url)
    a = ingest_item(item, annotate=False)
    b = ingest_item(item, annotate=False)
    assert a.article.record == b.article.record and a.article.content_hash == b.article.content_hash
    assert a.article.outlet_key == "gazette.example" and a.article.sort_date == "2026-05-06T08:00:00Z"
    bad = ingest_item(InputItem(b"\x00\x01\x02" * 1000, "junk"), annotate=False)
    assert isinstance(bad, ItemFailure) and bad.source == "junk"


def test_url_identity_rules():
    assert normalise_url("HTTPS://www.Example.com/a/b/?utm_source=x&id=3#frag") == "example.com/a/b?id=3"
    assert normalise_url("not a url") is None
    # A syndicated copy pointing its canonical at the wire's site keeps its own identity.
    assert identity_url("https://wire.example/story", "https://paper.example/copy") == "paper.example/copy"
    assert identity_url("https://paper.example/story", "https://paper.example/story?page=1") == "paper.example/story"
    assert sort_date("2026-05-04T20:30:00-05:00") == "2026-05-05T01:30:00Z"
    assert sort_date("2026-05-04") == "2026-05-04"


def test_command_exit_codes_and_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = make_folder(tmp_path, 2)
    assert main(["ingest", str(folder), "--no-nlp", "--workers", "1"]) == 0
    assert Path("byline.db").exists()  # default store in the current folder
    assert "2 stored" in capsys.readouterr().err
    (folder / "bad.html").write_bytes(b"")
    assert main(["ingest", str(folder), "--no-nlp", "--workers", "1", "--quiet"]) == 1
    assert "1 input(s) failed" in capsys.readouterr().err
    assert main(["errors", "--format", "json"]) == 0
    errors = json.loads(capsys.readouterr().out)
    assert errors[0]["reason"] == "empty file" and errors[0]["source"].endswith("bad.html")
    assert main(["ingest", str(tmp_path / "nothing-here"), "--no-nlp", "--quiet"]) == 2
    Path("corrupt.db").write_bytes(b"garbage" * 1000)
    assert main(["ingest", str(folder), "--db", "corrupt.db", "--no-nlp"]) == 2
    assert "corrupt" in capsys.readouterr().err


def test_query_commands_print_json_and_csv(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", str(CORPUS_FIXTURES), "--no-nlp", "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", "Serravento", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 4 and hits[0]["headline"].startswith("Orvano landslide toll rises")  # headline match first
    assert main(["search", "landslides", "--outlet", "dailyaldane.example", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("id,headline,outlet") and len(lines) == 2
    assert main(["stories", "--format", "json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert len(stories) == 1 and len(stories[0]["copies"]) == 3
    assert main(["search", "landslides", "--db", "missing.db"]) == 2
    assert "no such database" in capsys.readouterr().err


def test_ingest_with_nlp_then_query_quotes(tmp_path):
    """Full pipeline (spaCy): quotes from the syndicated fixtures are queryable across outlets."""
    db = tmp_path / "c.db"
    report = ingest_paths([CORPUS_FIXTURES], db, workers=1, annotate=True)
    assert report.stored == 4
    with open_store(db, readonly=True) as store:
        ferrante = queries.quotes(store, speaker="Paola Ferrante")
        assert {q.outlet for q in ferrante} == {"Riverside Gazette", "The Daily Aldane", "Northfield Courier"}
        assert any("digging with our hands" in q.text for q in ferrante)
        relayed = queries.quotes(store, via="Meridian Post")
        assert relayed and all(q.speaker_name == "Matteo Albani" for q in relayed)
        assert queries.quotes(store, anonymous=True)
        speakers = {s.key: s for s in queries.speakers(store)}
        assert speakers["paola ferrante"].quote_count >= 4
        if not any(s.record["claims"] for s in store.iter_records()):
            pytest.skip("the claims annotator (byline.attribution.claims) produced no claims yet")
        figures = queries.figures(store, "killed")
        values = [f.value for f in figures]
        assert 12 in values and 19 in values and values.index(12) < values.index(19)


def test_locked_store_stops_ingest_with_a_clear_message(tmp_path, capsys, monkeypatch):
    import subprocess
    import sys

    from byline.store import sqlite as sqlite_store

    folder = make_folder(tmp_path, 2)
    db = tmp_path / "c.db"
    open_store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_S", 0.3)
        assert main(["ingest", str(folder), "--db", str(db), "--no-nlp", "--workers", "1"]) == 2
        assert "locked by another process" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    assert main(["ingest", str(folder), "--db", str(db), "--no-nlp", "--workers", "1", "--quiet"]) == 0


def test_figures_and_sources_commands_after_nlp_ingest(tmp_path, capsys):
    db = tmp_path / "c.db"
    ingest_paths([CORPUS_FIXTURES], db, workers=1, annotate=True)
    capsys.readouterr()
    assert main(["sources", "--db", str(db), "--format", "json"]) == 0
    profiles = {p["outlet"]: p for p in json.loads(capsys.readouterr().out)}
    assert set(profiles) == {"Riverside Gazette", "The Daily Aldane", "Northfield Courier"}
    for p in profiles.values():
        assert p["named"] + p["anonymous"] + p["organization"] + p["other"] == p["total"] > 0
        assert p["relayed"] >= 1  # the governor "told the Meridian Post"
    assert main(["sources", "--db", str(db)]) == 0
    assert "Riverside Gazette" in capsys.readouterr().out
    assert main(["figures", "killed", "--db", str(db), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("published,outlet,value")
    if len(lines) > 1:  # claims annotator present: the timeline starts with the first report's 12
        assert ",12," in lines[1]
    assert main(["figures", "killed", "--db", str(db)]) == 0
    assert "Figures: killed" in capsys.readouterr().out


def test_language_filter_skips_other_languages_before_nlp(tmp_path):
    german = ["Der Stadtrat von Aldane hat am Montag einen neuen Haushalt beschlossen, und die Opposition hat "
              "dagegen gestimmt, weil sie die Kosten für die neue Brücke für zu hoch hält.",
              "Die Bürgermeisterin sagte, dass die Stadt mit dem Geld auch die Schulen und die Straßen im "
              "Norden der Stadt sanieren will, aber nicht alle Projekte sind schon geplant.",
              "Nach der Sitzung gab es vor dem Rathaus eine kleine Demonstration, bei der die Bürger mehr "
              "Geld für den Nahverkehr und für die Feuerwehr forderten."]
    folder = make_folder(tmp_path, 2)
    (folder / "de.html").write_text(page_html("Neuer Haushalt in Aldane", german, url="https://zeitung.example/h", lang="de"))
    db = tmp_path / "c.db"
    report = ingest_paths([folder], db, workers=1, annotate=True, languages=["en"])
    assert report.stored == 2 and report.skipped == 1 and report.skipped_reasons == {"language de": 1}
    assert not report.incomplete
    again = ingest_paths([folder], db, workers=1, annotate=True, languages=["en"])
    assert again.already == 3 and again.skipped == 0  # skipped pages are remembered, not extracted again


def test_progress_bar_path_reports_pages_and_errors(tmp_path, capsys, monkeypatch):
    import sys

    folder = make_folder(tmp_path, 3)
    (folder / "bad.html").write_bytes(b"")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--no-nlp", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "4 pages" in err and "pages/s" in err and "1 errors" in err and "3 stored" in err


def test_a_record_the_store_cannot_take_is_an_error_not_a_crash(tmp_path, monkeypatch):
    from byline.corpus import dedupe

    folder = make_folder(tmp_path, 3)
    calls = {"n": 0}
    real = dedupe.link_story

    def failing_second(store, article_id, article):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated bug")
        return real(store, article_id, article)

    monkeypatch.setattr(dedupe, "link_story", failing_second)
    db = tmp_path / "c.db"
    report = ingest_paths([folder], db, workers=1, annotate=False)
    assert (report.stored, report.errors) == (2, 1)
    with open_store(db, readonly=True) as store:
        counts = store.counts()
        assert counts["articles"] == 2  # the failed article was rolled back whole
        fts = len(queries.search(store, "residents"))
        assert fts == 2
        assert "simulated bug" in queries.errors(store)[0].reason


def test_ingest_shard_maps_a_warc_to_records_without_a_store(tmp_path):
    from byline.corpus.ingest import Extracted, ingest_shard
    from byline.corpus.sources import Shard, Skipped

    url1, page1 = numbered_page(1)
    write_warc(tmp_path / "s.warc.gz", [(url1, page1.encode(), "text/html"),
                                        ("https://gazette.example/x.png", b"\x89PNG....", "image/png"),
                                        ("https://gazette.example/empty", b"<html><body></body></html>", "text/html")])
    results = list(ingest_shard(Shard(str(tmp_path / "s.warc.gz"), "warc"), annotate=False))
    assert [type(r).__name__ for r in results] == ["Extracted", "Skipped", "ItemFailure"]
    assert isinstance(results[0], Extracted) and results[0].article.record["url"] == url1
    assert results[0].article.canonical_url == "gazette.example/news/1" and len(results[0].article.bands) == 32
    assert isinstance(results[1], Skipped) and results[2].reason == "no article text found"
    assert not list(tmp_path.glob("*.db"))
