"""The SQLite store: record round trip, schema and migrations, bad database files, the query layer."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest

from byline.corpus import queries
from byline.corpus.ingest import prepare
from byline.corpus.sources import InputItem
from byline.model import (Anomaly, Article, Author, Claim, Entity, Mention, Quantity, Quote, Speaker,
                          TimeExpression)
from byline.store import BylineStoreError, open_store
from byline.store import sqlite as sqlite_store


def full_article(n: int = 0, *, outlet: str = "ledger.example", published: str = "2026-05-04T08:00:00-04:00",
                 killed: int = 12, body: list[str] | None = None) -> Article:
    body = body or [
        f"At least {killed} people were killed in the Orvano hills, regional officials said on Monday (report {n}).",
        "\u201cWe are digging with our hands,\u201d said Paola Ferrante, the agency\u2019s director.",
        "Two officials, speaking on condition of anonymity, told the Meridian Post the toll would rise.",
    ]
    return Article(
        url=f"https://www.{outlet}/news/{n}?utm_source=x", canonical_url=f"https://{outlet}/news/{n}",
        headline=f"Landslides in Orvano, report {n}", description="A test record",
        authors=[Author("Anna Korsak", "Wire reporter")], published=published, modified=None,
        publisher="Ledger Media", site_name="The Ledger", section="World", tags=["landslides", "Orvano"],
        language="en", word_count=sum(len(p.split()) for p in body), body=body, blocks=["paragraph"] * len(body),
        anomalies=[Anomaly("published", "minute in the month position", raw="2026-08-04", repaired="2026-05-04")],
        quotes=[
            Quote("We are digging with our hands", "direct", [1], [1, 30],
                  Speaker(name="Paola Ferrante", mention="Paola Ferrante", descriptor="the agency's director",
                          kind="person", entity=0), cue="said"),
            Quote("the toll would rise", "indirect", [2], [60, 79],
                  Speaker(mention="Two officials", descriptor="two officials", anonymous=True, kind="group"),
                  cue="told", via="Meridian Post", said_on="2026-05-04"),
        ],
        claims=[Claim(f"At least {killed} people were killed", 0, [0, 40],
                      [Quantity(killed, "at_least", counts="people killed"), Quantity(2.5, "about", unit="km")],
                      attributed_to="regional officials", said_on="2026-05-04")],
        entities=[Entity("Paola Ferrante", "person", [Mention(1, [40, 54], "Paola Ferrante")],
                         roles=["director"], affiliations=["civil protection agency"])],
        times=[TimeExpression("Monday", 0, [90, 96], "2026-05-04")],
    )


def store_article(store, article: Article, *, fetched: str | None = None) -> int:
    item = InputItem(repr(article.to_dict()).encode(), f"test-{article.url}", url=article.url, fetched=fetched)
    with store.transaction():
        return store.add_article(prepare(article, item))


def test_record_round_trips_unchanged(tmp_path):
    article = full_article()
    with open_store(tmp_path / "c.db") as store:
        article_id = store_article(store, article, fetched="2026-05-04T12:00:00+00:00")
    with open_store(tmp_path / "c.db", readonly=True) as store:
        stored = queries.get_article(store, article_id)
    assert stored is not None
    assert stored.record == article.to_dict()
    assert Article.from_dict(stored.record).to_dict() == article.to_dict()
    assert stored.outlet == "The Ledger" and stored.fetched == "2026-05-04T12:00:00+00:00"
    assert isinstance(stored.record["claims"][0]["quantities"][1]["value"], float)


def test_schema_version_table_and_wal(tmp_path):
    path = tmp_path / "c.db"
    with open_store(path) as store:
        assert store.schema_version() == sqlite_store.SCHEMA_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "quotes", "speakers", "claims", "entities", "outlets", "stories", "errors",
            "schema_version", "articles_fts"} <= tables
    conn.close()


def test_migration_applies_in_place_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    with open_store(path) as store:
        article_id = store_article(store, full_article())
    extra = "CREATE TABLE notes (article_id INTEGER, note TEXT); INSERT INTO notes VALUES (1, 'kept')"
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", sqlite_store.MIGRATIONS + [extra])
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", len(sqlite_store.MIGRATIONS))
    with open_store(path, readonly=True) as store:  # a reader migrates an older store in place, once
        assert store.schema_version() == len(sqlite_store.MIGRATIONS)
    with open_store(path) as store:
        assert store.schema_version() == len(sqlite_store.MIGRATIONS)
        assert store.get_article(article_id) is not None
        assert store.db.execute("SELECT note FROM notes").fetchone()[0] == "kept"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(BylineStoreError, match="newer byline"):
        open_store(path)


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(BylineStoreError, match="corrupt or not an SQLite database"):
        open_store(path)


def test_foreign_sqlite_file_is_not_a_store(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BylineStoreError, match="not a byline store"):
        open_store(path)


def test_missing_database_read_only(tmp_path):
    with pytest.raises(BylineStoreError, match="no such database"):
        open_store(tmp_path / "absent.db", readonly=True)


def test_postgres_url_is_reported_not_built(tmp_path):
    with pytest.raises(BylineStoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/byline")


def test_locked_database_gives_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_S", 0.3)
        started = time.monotonic()
        with pytest.raises(BylineStoreError, match="locked by another process"):
            with open_store(path) as store:
                store_article(store, full_article())
        assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def corpus(tmp_path):
    """Three outlets, a figure that moves from 12 to 19 killed over three days."""
    path = tmp_path / "c.db"
    with open_store(path) as store:
        store_article(store, full_article(1, outlet="ledger.example", published="2026-05-04T08:00:00+00:00", killed=12))
        store_article(store, full_article(2, outlet="gazette.example", published="2026-05-05T09:00:00+00:00", killed=15))
        a = full_article(3, outlet="courier.example", published="2026-05-06T07:00:00+00:00", killed=19)
        a.authors = [Author("Tomas Reyes")]
        a.site_name = "Courier"
        store_article(store, a)
    with open_store(path, readonly=True) as store:
        yield store


def test_search_ranks_filters_and_marks_matches(corpus):
    hits = queries.search(corpus, "killed Orvano")
    assert len(hits) == 3
    assert all(any(match and text.lower() == "killed" for text, match in h.snippet_parts) for h in hits)
    assert "".join(t for t, _ in hits[0].snippet_parts) == hits[0].snippet
    assert [h.headline for h in queries.search(corpus, "Orvano", outlet="courier.example")] == ["Landslides in Orvano, report 3"]
    assert len(queries.search(corpus, "Orvano", since="2026-05-05")) == 2
    assert len(queries.search(corpus, "Orvano", until="2026-05-05")) == 2
    assert [h.outlet for h in queries.search(corpus, "Orvano", author="reyes")] == ["Courier"]
    assert queries.search(corpus, "nonexistentword") == []
    assert len(queries.search(corpus, '"report 2"')) == 1
    assert len(queries.search(corpus, "Orvano NOT Ferrante")) == 0
    assert len(queries.search(corpus, 'AND OR " ( * ^ Orvano')) == 3  # syntax never leaks into FTS


def test_list_and_paging(corpus):
    rows, total = queries.list_articles(corpus, limit=2)
    assert total == 3 and len(rows) == 2
    assert rows[0].published.startswith("2026-05-06")  # newest first
    assert rows[0].quote_count == 2 and rows[0].claim_count == 1
    rows, total = queries.list_articles(corpus, outlet="gazette.example")
    assert total == 1 and rows[0].authors == ["Anna Korsak"]


def test_quotes_filters(corpus):
    assert len(queries.quotes(corpus)) == 6
    ferrante = queries.quotes(corpus, speaker="Paola Ferrante")
    assert len(ferrante) == 3 and {q.outlet for q in ferrante} == {"The Ledger", "Courier"}
    anonymous = queries.quotes(corpus, anonymous=True)
    assert len(anonymous) == 3 and all(q.via == "Meridian Post" for q in anonymous)
    assert len(queries.quotes(corpus, anonymous=False)) == 3
    assert len(queries.quotes(corpus, via="meridian")) == 3
    assert len(queries.quotes(corpus, outlet="courier.example")) == 2
    assert [q.published[:10] for q in queries.quotes(corpus, via="Meridian")] == ["2026-05-04", "2026-05-05", "2026-05-06"]


def test_speakers(corpus):
    rows = queries.speakers(corpus)
    by_key = {r.key: r for r in rows}
    assert by_key["paola ferrante"].quote_count == 3
    assert by_key["paola ferrante"].outlets == ["Courier", "The Ledger"]
    assert by_key["anonymous: two officials"].anonymous is True
    assert [r.key for r in queries.speakers(corpus, query="ferr")] == ["paola ferrante"]


def test_figures_timeline(corpus):
    rows = queries.figures(corpus, "killed")
    assert [(r.value, r.bound) for r in rows] == [(12, "at_least"), (15, "at_least"), (19, "at_least")]
    assert rows[0].attributed_to == "regional officials" and rows[0].url.endswith("/news/1?utm_source=x")
    assert [r.value for r in queries.figures(corpus, "killed", since="2026-05-05")] == [15, 19]
    with pytest.raises(ValueError):
        queries.figures(corpus, "  ")


def test_sources_profile(corpus):
    profiles = {p.outlet: p for p in queries.sources(corpus)}
    ledger = profiles["The Ledger"]
    assert (ledger.total, ledger.named, ledger.anonymous, ledger.relayed) == (2, 1, 1, 1)
    assert ledger.named_share == 0.5 and ledger.anonymous_share == 0.5
    assert [p.outlet for p in queries.sources(corpus, outlet="courier.example")] == ["Courier"]


def test_rows_serialise_to_json(corpus):
    import json

    json.dumps([h.to_dict() for h in queries.search(corpus, "Orvano")])
    json.dumps([q.to_dict() for q in queries.quotes(corpus)])
    hit = queries.search(corpus, "Orvano")[0].to_dict()
    assert isinstance(hit["snippet_parts"][0], list)


def test_to_dict_is_asdict_without_the_cost(corpus):
    """Every row type's to_dict() equals dataclasses.asdict(), and its lists are copies, not the row's own."""
    from dataclasses import asdict

    rows = [*queries.list_articles(corpus)[0], *queries.quotes(corpus), *queries.speakers(corpus),
            *queries.figures(corpus, "killed"), *queries.sources(corpus), *queries.outlets(corpus),
            *queries.search(corpus, "Orvano"), queries.get_article(corpus, 1)]
    assert {type(r).__name__ for r in rows} >= {"ArticleSummary", "QuoteRow", "SpeakerRow", "FigureRow",
                                                 "SourceProfile", "OutletRow", "SearchHit", "StoredArticle"}
    for row in rows:
        expected = asdict(row)
        if "snippet_parts" in expected:
            expected["snippet_parts"] = [list(part) for part in expected["snippet_parts"]]
        assert row.to_dict() == expected, type(row).__name__
    speaker = queries.speakers(corpus)[0]
    speaker.to_dict()["outlets"].append("changed")
    assert "changed" not in speaker.outlets


def test_outlets(corpus):
    rows = queries.outlets(corpus)
    assert {r.key for r in rows} == {"ledger.example", "gazette.example", "courier.example"}
    assert all(r.articles == 1 for r in rows)
    assert {r.name for r in rows} == {"The Ledger", "Courier"}


def test_pronoun_and_missing_speakers_are_unknown_not_people(tmp_path):
    from byline.store.sqlite import speaker_key

    assert speaker_key({"mention": "She", "anonymous": False}) == "unknown"
    assert speaker_key({"name": "Rand Paul", "mention": "he"}) == "rand paul"
    assert speaker_key({"mention": "officials", "descriptor": "two officials", "anonymous": True}) == "anonymous: two officials"
    article = full_article(7, outlet="a, b.example")
    article.site_name = "Comma, Inc. News"
    article.quotes.append(Quote("we will", "direct", [0], [0, 7], Speaker(mention="she", kind="person")))
    with open_store(tmp_path / "c.db") as store:
        store_article(store, article)
        keys = [s.key for s in queries.speakers(store)]
        assert "unknown" not in keys and "paola ferrante" in keys
        assert queries.speakers(store, query="ferrante")[0].outlets == ["Comma, Inc. News"]
        assert len(queries.quotes(store, speaker="unknown")) == 1


def test_version_1_store_migrates_and_backfills_annotated(tmp_path):
    """A store written by schema 1 (before `annotated`) opens, migrates in place and keeps its data."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in sqlite_store._statements(sqlite_store.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.execute("INSERT INTO outlets (id, key, name) VALUES (1, 'a.example', 'A')")
    for n, record in enumerate([full_article(1).to_dict(), Article(headline="bare", body=["Text."]).to_dict()], 1):
        conn.execute("INSERT INTO articles (id, outlet_id, content_hash, added, record) VALUES (?, 1, ?, 'now', ?)",
                     (n, f"h{n}", json.dumps(record)))
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version() == sqlite_store.SCHEMA_VERSION >= 2
        assert store.article_ids(annotated=True, fts_query=None, outlet=None, since=None, until=None) == [1]
        assert store.article_ids(annotated=False, fts_query=None, outlet=None, since=None, until=None) == [2]
        assert store.get_article(1).record == full_article(1).to_dict()
        assert [h.id for h in queries.search(store, "kill")] == [1]  # the search index was rebuilt from records


def test_search_matches_word_forms_and_snippets_come_from_the_body(corpus):
    hits = queries.search(corpus, "kill landslide")
    assert len(hits) == 3
    assert all(any(match and text.lower() == "killed" for text, match in h.snippet_parts) for h in hits)
    assert hits[0].snippet.startswith("At least")  # the body, not the headline again


def test_bad_date_filters_are_clear_errors(corpus):
    with pytest.raises(ValueError, match="since must be a date like 2025-11-24"):
        queries.search(corpus, "Orvano", since="yesterday")
    with pytest.raises(ValueError, match="until"):
        queries.figures(corpus, "killed", until="05/06/2026")
    assert len(queries.search(corpus, "Orvano", since="2026-05")) == 3
    assert len(queries.list_articles(corpus, until="2026-05-05T23:59")[0]) == 2


def _index_rows(store, table: str, text: str) -> set[int]:
    return {r[0] for r in store.db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?",
                                           (sqlite_store._fts_phrase(text),))}


def _like_rows(store, sql: str, text: str) -> set[int]:
    return {r[0] for r in store.db.execute(sql, [sqlite_store._like(text)] * sql.count("?"))}


QUOTE_LIKE = "SELECT id FROM quotes WHERE speaker_name LIKE ? OR speaker_mention LIKE ? OR speaker_descriptor LIKE ?"
COUNTS_LIKE = "SELECT id FROM quantities WHERE counts LIKE ?"


def test_speaker_and_counts_indexes_follow_every_write(tmp_path):
    """The trigram indexes hold exactly the rows a LIKE scan finds, after inserts and re-annotation."""
    with open_store(tmp_path / "c.db") as store:
        first = store_article(store, full_article(1))
        store_article(store, full_article(2, outlet="gazette.example"))
        for text in ("Ferrante", "ferr", "officials", "Two off"):
            assert _index_rows(store, "quote_speakers_fts", text) == _like_rows(store, QUOTE_LIKE, text) != set()
        for text in ("people killed", "KILLED"):
            assert _index_rows(store, "quantity_counts_fts", text) == _like_rows(store, COUNTS_LIKE, text) != set()
        old_quotes = _index_rows(store, "quote_speakers_fts", "Ferrante")
        record = full_article(1).to_dict()
        record["quotes"][0]["speaker"]["name"] = record["quotes"][0]["speaker"]["mention"] = "Ines Moravec"
        record["claims"][0]["quantities"][0]["counts"] = "homes destroyed"
        with store.transaction():
            store.replace_annotations(first, record)
        ferrante = _index_rows(store, "quote_speakers_fts", "Ferrante")
        assert ferrante == _like_rows(store, QUOTE_LIKE, "Ferrante") and len(ferrante) == len(old_quotes) - 1
        assert _index_rows(store, "quote_speakers_fts", "moravec") == _like_rows(store, QUOTE_LIKE, "moravec") != set()
        assert _index_rows(store, "quantity_counts_fts", "destroyed") == _like_rows(store, COUNTS_LIKE, "destroyed") != set()
        assert len(_index_rows(store, "quantity_counts_fts", "killed")) == 1  # the old figure left the index
        assert [q.article_id for q in queries.quotes(store, speaker="moravec")] == [first]
        assert [r.value for r in queries.figures(store, "destroyed")] == [12]


def test_speaker_and_figure_lookups_match_as_before(corpus):
    """Key or substring of name, mention, descriptor; any case; short strings (no trigram) still match."""
    by_key = queries.quotes(corpus, speaker="paola ferrante")
    assert len(by_key) == 3 and all(q.speaker_key == "paola ferrante" for q in by_key)
    assert [q.to_dict() for q in queries.quotes(corpus, speaker="FERRANTE")] == [q.to_dict() for q in by_key]
    assert len(queries.quotes(corpus, speaker="anonymous: two officials")) == 3  # the key of an anonymous source
    assert len(queries.quotes(corpus, speaker="two off")) == 3  # a piece of its descriptor
    assert len(queries.quotes(corpus, speaker="Pa")) == 3  # shorter than a trigram: scanned
    assert queries.quotes(corpus, speaker="100%") == [] and queries.quotes(corpus, speaker='"') == []
    assert [r.value for r in queries.figures(corpus, "KILLED")] == [12, 15, 19]
    assert [r.value for r in queries.figures(corpus, "le k")] == [12, 15, 19]  # "people killed"
    assert [r.value for r in queries.figures(corpus, "d")] == [12, 15, 19]
    assert queries.figures(corpus, "wounded") == []
    assert [h.id for h in queries.search(corpus, "Orvano", speaker="Ferrante")] == [h.id for h in queries.search(corpus, "Orvano")]
    assert queries.search(corpus, "Orvano", speaker="Lindqvist") == []


def test_schema_4_store_migrates_to_indexed_speakers_and_counts(tmp_path):
    """A store from before schema 5 gains the trigram indexes, built from its existing quotes and quantities."""
    path = tmp_path / "v4.db"
    with open_store(path) as store:
        store_article(store, full_article(1))
    conn = sqlite3.connect(path)
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {trigger}")  # undo schema 5: its triggers, then its tables
    for name in ("quote_speakers_fts", "quantity_counts_fts"):
        conn.execute(f"DROP TABLE {name}")
    conn.execute("UPDATE schema_version SET version = 4")
    conn.commit()
    conn.close()
    with open_store(path, readonly=True) as store:  # a reader migrates it in place
        assert store.schema_version() == sqlite_store.SCHEMA_VERSION == 5
        assert len(_index_rows(store, "quote_speakers_fts", "ferrante")) == 1
        assert len(_index_rows(store, "quantity_counts_fts", "killed")) == 1
        assert len(queries.quotes(store, speaker="officials")) == 1
    with open_store(path) as store:  # and writes keep them in step through the migration's triggers
        store_article(store, full_article(2, outlet="gazette.example"))
        assert len(_index_rows(store, "quote_speakers_fts", "ferrante")) == 2
        assert [r.value for r in queries.figures(store, "killed")] == [12, 12]


def test_migration_statements_keep_trigger_bodies_whole():
    script = "CREATE TABLE t (x); CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END; DROP TABLE u"
    assert sqlite_store._statements(script) == [
        "CREATE TABLE t (x)", "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END", "DROP TABLE u"]
