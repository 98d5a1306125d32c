"""The default store: one SQLite file, WAL mode, FTS5 over headline and body.

Layout (see ``docs/decisions.md``): the record's JSON is kept whole in
``articles.record`` (the source of truth, returned unchanged) and the parts
users query are copied into indexed tables: quotes, speakers, claims with
their quantities, entities, outlets, stories. ``items`` remembers which raw
input items were handled so reruns skip them before extraction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from byline.store.base import UNKNOWN_SPEAKER, BylineStoreError, PreparedArticle, Store, speaker_key
from byline.store.rows import (
    ArticleSummary,
    ErrorRow,
    FigureRow,
    OutletRow,
    QuoteRow,
    SearchHit,
    SourceProfile,
    SpeakerRow,
    StoredArticle,
    StoryCopy,
    StoryRow,
)

BUSY_TIMEOUT_S = 10.0
MMAP_BYTES = 1 << 30  # read-only connections map up to 1 GiB of the store

# Each entry migrates the schema from version i to i+1; applied in order, in place.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE outlets (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- domain, or lowercased name when no URL is known
        name TEXT NOT NULL
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        original_id INTEGER,               -- earliest copy
        headline TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        outlet_id INTEGER NOT NULL REFERENCES outlets(id),
        story_id INTEGER REFERENCES stories(id),
        url TEXT,
        canonical_url TEXT,                -- normalised: the identity of the page
        headline TEXT,
        published TEXT,                    -- as in the record
        sort_date TEXT,                    -- UTC ISO of published, else fetched
        fetched TEXT,
        authors TEXT NOT NULL DEFAULT '',  -- names, one per line, for filtering
        word_count INTEGER,
        content_hash TEXT NOT NULL,        -- normalised body text
        source TEXT,
        added TEXT NOT NULL,
        record TEXT NOT NULL               -- Article.to_dict() as JSON, unchanged
    );
    CREATE UNIQUE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
    CREATE UNIQUE INDEX articles_outlet_text ON articles(outlet_id, content_hash);
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_date ON articles(sort_date);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE speakers (
        key TEXT PRIMARY KEY,              -- lowercased name, or "anonymous: descriptor"
        name TEXT,
        descriptor TEXT,
        anonymous INTEGER NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,         -- index in record.quotes
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker_key TEXT NOT NULL REFERENCES speakers(key),
        speaker_name TEXT,
        speaker_mention TEXT,
        speaker_descriptor TEXT,
        anonymous INTEGER NOT NULL,
        speaker_kind TEXT NOT NULL,
        cue TEXT,
        via TEXT,
        said_on TEXT,
        paragraphs TEXT NOT NULL           -- JSON list
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_key);
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        paragraph INTEGER,
        attributed_to TEXT,
        said_on TEXT
    );
    CREATE INDEX claims_article ON claims(article_id);
    CREATE TABLE quantities (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id),
        article_id INTEGER NOT NULL REFERENCES articles(id),
        value REAL, low REAL, high REAL,
        bound TEXT NOT NULL,
        unit TEXT,
        counts TEXT
    );
    CREATE INDEX quantities_claim ON quantities(claim_id);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        roles TEXT NOT NULL,               -- JSON list
        affiliations TEXT NOT NULL         -- JSON list
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE story_copies (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        story_id INTEGER NOT NULL REFERENCES stories(id),
        is_original INTEGER NOT NULL,
        similarity REAL NOT NULL,
        added TEXT NOT NULL,               -- JSON list of paragraphs
        cut TEXT NOT NULL
    );
    CREATE INDEX story_copies_story ON story_copies(story_id);
    CREATE TABLE minhashes (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        signature BLOB NOT NULL
    );
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,             -- hash of (band number, band values)
        article_id INTEGER NOT NULL
    );
    CREATE INDEX lsh_bands_band ON lsh_bands(band);
    CREATE TABLE items (
        key TEXT PRIMARY KEY,              -- hash of a raw input item (page bytes + URL)
        status TEXT NOT NULL,              -- stored | duplicate | error
        article_id INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE errors (
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (source, reason)
    );
    """,
    # 2: remember which articles went through NLP, so `byline annotate` can do the rest later.
    """
    ALTER TABLE articles ADD COLUMN annotated INTEGER NOT NULL DEFAULT 0;
    UPDATE articles SET annotated = 1
        WHERE json_array_length(record, '$.quotes') + json_array_length(record, '$.claims')
              + json_array_length(record, '$.entities') + json_array_length(record, '$.times') > 0;
    CREATE INDEX articles_annotated ON articles(annotated);
    """,
    # 3: a page fetched again with a changed text is a revision (kept, linked to the same story), so the
    # canonical URL is no longer unique; copies record edited paragraphs (old, new) besides added and cut.
    """
    DROP INDEX articles_canonical;
    CREATE INDEX articles_canonical ON articles(canonical_url);
    ALTER TABLE story_copies ADD COLUMN edited TEXT NOT NULL DEFAULT '[]';
    """,
    # 4: search matches word forms ("landslide" finds "landslides", "kill" finds "killed"): Porter
    # stemming in the full-text index, rebuilt from the stored records.
    """
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, tokenize = 'porter unicode61 remove_diacritics 2');
    INSERT INTO articles_fts (rowid, headline, body)
        SELECT id, coalesce(headline, ''),
               coalesce((SELECT group_concat(value, char(10) || char(10)) FROM json_each(record, '$.body')), '')
        FROM articles;
    """,
    # 5: the speaker page and the figure timeline find their rows by index, not by scanning every quote or
    # quantity with LIKE '%x%': trigram indexes over the quoted speaker's name, mention and descriptor and
    # over what a quantity counts (a substring of 3+ characters is looked up; the LIKE then confirms each
    # candidate). External-content tables: triggers keep them in step with every write to quotes/quantities.
    """
    CREATE VIRTUAL TABLE quote_speakers_fts USING fts5(speaker_name, speaker_mention, speaker_descriptor,
        content = 'quotes', content_rowid = 'id', tokenize = 'trigram');
    INSERT INTO quote_speakers_fts (quote_speakers_fts) VALUES ('rebuild');
    CREATE TRIGGER quotes_speakers_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quote_speakers_fts (rowid, speaker_name, speaker_mention, speaker_descriptor)
            VALUES (new.id, new.speaker_name, new.speaker_mention, new.speaker_descriptor);
    END;
    CREATE TRIGGER quotes_speakers_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quote_speakers_fts (quote_speakers_fts, rowid, speaker_name, speaker_mention, speaker_descriptor)
            VALUES ('delete', old.id, old.speaker_name, old.speaker_mention, old.speaker_descriptor);
    END;
    CREATE TRIGGER quotes_speakers_fts_update AFTER UPDATE OF id, speaker_name, speaker_mention, speaker_descriptor
        ON quotes BEGIN
        INSERT INTO quote_speakers_fts (quote_speakers_fts, rowid, speaker_name, speaker_mention, speaker_descriptor)
            VALUES ('delete', old.id, old.speaker_name, old.speaker_mention, old.speaker_descriptor);
        INSERT INTO quote_speakers_fts (rowid, speaker_name, speaker_mention, speaker_descriptor)
            VALUES (new.id, new.speaker_name, new.speaker_mention, new.speaker_descriptor);
    END;
    CREATE VIRTUAL TABLE quantity_counts_fts USING fts5(counts, content = 'quantities', content_rowid = 'id',
        tokenize = 'trigram');
    INSERT INTO quantity_counts_fts (quantity_counts_fts) VALUES ('rebuild');
    CREATE TRIGGER quantities_counts_fts_insert AFTER INSERT ON quantities BEGIN
        INSERT INTO quantity_counts_fts (rowid, counts) VALUES (new.id, new.counts);
    END;
    CREATE TRIGGER quantities_counts_fts_delete AFTER DELETE ON quantities BEGIN
        INSERT INTO quantity_counts_fts (quantity_counts_fts, rowid, counts) VALUES ('delete', old.id, old.counts);
    END;
    CREATE TRIGGER quantities_counts_fts_update AFTER UPDATE OF id, counts ON quantities BEGIN
        INSERT INTO quantity_counts_fts (quantity_counts_fts, rowid, counts) VALUES ('delete', old.id, old.counts);
        INSERT INTO quantity_counts_fts (rowid, counts) VALUES (new.id, new.counts);
    END;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
TRIGRAM = 3  # the trigram indexes answer substrings of at least this many characters; shorter ones scan


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _date_filters(since: str | None, until: str | None, column: str = "a.sort_date") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        # "2025-11-24" includes the whole day: compare on the same precision.
        where.append(f"substr({column}, 1, ?) <= ?")
        params.extend([len(until), until])
    return where, params


def _fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase: for a trigram index, every row containing it (any case) matches."""
    return '"' + text.replace('"', '""') + '"'


def _speaker_filter(speaker: str, alias: str = "q") -> tuple[list[str], list[Any]]:
    """Quotes whose speaker key is ``speaker`` or whose name, mention or descriptor contains it.

    The key is looked up in its index and the substring in the trigram index
    (schema 5); the LIKE conditions then keep exactly the rows they always did.
    """
    where = [f"""({alias}.speaker_key = lower(?) OR {alias}.speaker_name LIKE ? ESCAPE '\\'
                  OR {alias}.speaker_mention LIKE ? ESCAPE '\\' OR {alias}.speaker_descriptor LIKE ? ESCAPE '\\')"""]
    params: list[Any] = [speaker] + [_like(speaker)] * 3
    if len(speaker) >= TRIGRAM:
        where.insert(0, f"""{alias}.id IN (SELECT id FROM quotes WHERE speaker_key = lower(?)
                            UNION SELECT rowid FROM quote_speakers_fts WHERE quote_speakers_fts MATCH ?)""")
        params = [speaker, _fts_phrase(speaker)] + params
    return where, params


def _outlet_filter(outlet: str | None) -> tuple[list[str], list[Any]]:
    if not outlet:
        return [], []
    return ["(o.key = lower(?) OR lower(o.name) = lower(?) OR o.key LIKE ? ESCAPE '\\')"], [
        outlet, outlet, _like(outlet.lower())]


class SQLiteStore(Store):
    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.target = str(path)
        self.readonly = readonly
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if readonly and not self.path.exists():
            raise BylineStoreError(self.target, "no such database (run `byline ingest` first)")
        if not readonly and self.path.parent and not self.path.parent.exists():
            raise BylineStoreError(self.target, f"folder {self.path.parent} does not exist")
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise _store_error(self.target, exc) from None

    # -- connections -------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (readers in a web server each get their own)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                       timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                                       isolation_level=None)
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("PRAGMA cache_size = -32000")  # 32 MB page cache, fixed: memory stays flat
            if self.readonly:
                # Readers (the web server's threads, the query commands) map the file instead of copying each page
                # into their own cache with a read() call: an article row fills a page, so a query touching
                # thousands of articles read as many pages per connection (search "flood", 20,000 articles:
                # 75 ms -> 26 ms). The mapping is address space shared through the OS cache, not memory.
                conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            if not self.readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.target, exc) from None
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
        self._local = threading.local()

    def _migrate(self) -> None:
        db = self.db
        version = self.schema_version()  # refuses foreign SQLite files before anything is written
        if not self.readonly:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        if version > SCHEMA_VERSION:
            raise BylineStoreError(self.target, f"made by a newer byline (schema {version}; this one knows {SCHEMA_VERSION})")
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            # A store from an older byline: migrate it in place once (a short write), then read as asked.
            try:
                SQLiteStore(self.path).close()
            except BylineStoreError as exc:
                raise BylineStoreError(self.target, f"schema {version} is older than {SCHEMA_VERSION} and cannot be "
                                                    f"migrated ({exc.problem})") from None
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            version = self.schema_version()  # another writer may have migrated meanwhile
            for step in MIGRATIONS[version:]:
                for statement in _statements(step):
                    db.execute(statement)
            db.execute("DELETE FROM schema_version")
            db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        try:
            row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise BylineStoreError(self.target, "an SQLite database, but not a byline store") from None
                return 0
            raise
        return int(row[0] or 0)

    # -- writing -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.target, exc) from None
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            try:
                db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                db.execute("ROLLBACK")
                raise _store_error(self.target, exc) from None

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        db = self.db
        db.execute("SAVEPOINT one_article")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK TO one_article")
            db.execute("RELEASE one_article")
            raise
        db.execute("RELEASE one_article")

    def item_seen(self, item_key: str) -> bool:
        return self.db.execute("SELECT 1 FROM items WHERE key = ?", (item_key,)).fetchone() is not None

    def mark_item(self, item_key: str, status: str, article_id: int | None = None) -> None:
        self.db.execute("INSERT OR REPLACE INTO items (key, status, article_id) VALUES (?, ?, ?)",
                        (item_key, status, article_id))

    def forget_failed_items(self) -> int:
        return self.db.execute("DELETE FROM items WHERE status = 'error'").rowcount

    def _outlet_id(self, key: str, name: str) -> int:
        row = self.db.execute("SELECT id FROM outlets WHERE key = ?", (key,)).fetchone()
        if row:
            return row[0]
        return self.db.execute("INSERT INTO outlets (key, name) VALUES (?, ?)", (key, name)).lastrowid

    def find_duplicate(self, article: PreparedArticle) -> int | None:
        if article.canonical_url:
            row = self.db.execute("SELECT id FROM articles WHERE canonical_url = ? AND content_hash = ?",
                                  (article.canonical_url, article.content_hash)).fetchone()
            if row:
                return row[0]
        row = self.db.execute(
            "SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.key = ? AND a.content_hash = ?",
            (article.outlet_key, article.content_hash)).fetchone()
        return row[0] if row else None

    def article_id_for_url(self, normalised_url: str) -> int | None:
        row = self.db.execute("SELECT id FROM articles WHERE canonical_url = ?", (normalised_url,)).fetchone()
        return row[0] if row else None

    def add_article(self, article: PreparedArticle) -> int:
        db = self.db
        rec = article.record
        outlet_id = self._outlet_id(article.outlet_key, article.outlet_name)
        authors = "\n".join(a.get("name") or "" for a in rec.get("authors", []))
        article_id = db.execute(
            """INSERT INTO articles (outlet_id, url, canonical_url, headline, published, sort_date, fetched, authors,
                                     word_count, content_hash, source, added, record, annotated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (outlet_id, rec.get("url"), article.canonical_url, rec.get("headline"), rec.get("published"),
             article.sort_date, article.fetched, authors, rec.get("word_count"), article.content_hash,
             article.source, _now(), json.dumps(rec, ensure_ascii=False, separators=(",", ":")),
             int(article.annotated))).lastrowid
        db.execute("INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)",
                   (article_id, rec.get("headline") or "", "\n\n".join(rec.get("body", []))))
        self._add_annotations(article_id, rec)
        if article.minhash:
            db.execute("INSERT INTO minhashes (article_id, signature) VALUES (?, ?)", (article_id, article.minhash))
            db.executemany("INSERT INTO lsh_bands (band, article_id) VALUES (?, ?)",
                           [(band, article_id) for band in article.bands])
        return article_id

    def _add_annotations(self, article_id: int, rec: dict[str, Any]) -> None:
        """Copy the record's quotes (and speakers), claims (and quantities) and entities into their tables."""
        db = self.db
        for position, quote in enumerate(rec.get("quotes", [])):
            speaker = quote.get("speaker") or {}
            key = speaker_key(speaker)
            db.execute("INSERT OR IGNORE INTO speakers (key, name, descriptor, anonymous, kind) VALUES (?, ?, ?, ?, ?)",
                       (key, speaker.get("name") or (None if speaker.get("anonymous") else speaker.get("mention")),
                        speaker.get("descriptor"), int(bool(speaker.get("anonymous"))), speaker.get("kind") or "unknown"))
            db.execute(
                """INSERT INTO quotes (article_id, position, text, kind, speaker_key, speaker_name, speaker_mention,
                                       speaker_descriptor, anonymous, speaker_kind, cue, via, said_on, paragraphs)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (article_id, position, quote.get("text", ""), quote.get("kind", "direct"), key, speaker.get("name"),
                 speaker.get("mention"), speaker.get("descriptor"), int(bool(speaker.get("anonymous"))),
                 speaker.get("kind") or "unknown", quote.get("cue"), quote.get("via"), quote.get("said_on"),
                 json.dumps(quote.get("paragraphs", []))))
        for position, claim in enumerate(rec.get("claims", [])):
            claim_id = db.execute(
                "INSERT INTO claims (article_id, position, text, paragraph, attributed_to, said_on) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, position, claim.get("text", ""), claim.get("paragraph"), claim.get("attributed_to"),
                 claim.get("said_on"))).lastrowid
            for q in claim.get("quantities", []):
                db.execute(
                    """INSERT INTO quantities (claim_id, article_id, value, low, high, bound, unit, counts)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    (claim_id, article_id, q.get("value"), q.get("low"), q.get("high"), q.get("bound") or "exact",
                     q.get("unit"), q.get("counts")))
        for entity in rec.get("entities", []):
            db.execute(
                "INSERT INTO entities (article_id, name, kind, mentions, roles, affiliations) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, entity.get("name", ""), entity.get("kind", "other"), len(entity.get("mentions", [])),
                 json.dumps(entity.get("roles", []), ensure_ascii=False),
                 json.dumps(entity.get("affiliations", []), ensure_ascii=False)))

    def replace_annotations(self, article_id: int, record: dict[str, Any]) -> None:
        db = self.db
        db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM quantities WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        db.execute("UPDATE articles SET record = ?, annotated = 1 WHERE id = ?",
                   (json.dumps(record, ensure_ascii=False, separators=(",", ":")), article_id))
        self._add_annotations(article_id, record)

    def article_ids(self, *, annotated: bool | None, fts_query: str | None, outlet: str | None, since: str | None,
                    until: str | None, after: int = 0, limit: int = 500) -> list[int]:
        where = ["a.id > ?"]
        params: list[Any] = [after]
        if annotated is not None:
            where.append("a.annotated = ?")
            params.append(int(annotated))
        if fts_query:
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query)
        for w, p in (_outlet_filter(outlet), _date_filters(since, until)):
            where += w
            params += p
        rows = self._query(f"""SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id
                               WHERE {' AND '.join(where)} ORDER BY a.id LIMIT ?""", params + [limit])
        return [r[0] for r in rows]

    def add_error(self, source: str, reason: str) -> None:
        now = _now()
        self.db.execute(
            """INSERT INTO errors (source, reason, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
               ON CONFLICT (source, reason) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen""",
            (source, reason, now, now))

    # -- dedupe and stories ----------------------------------------------------------

    def lsh_candidates(self, bands: list[int], exclude: int | None = None) -> list[tuple[int, bytes]]:
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.db.execute(
            f"""SELECT m.article_id, m.signature FROM minhashes m
                WHERE m.article_id IN (SELECT DISTINCT article_id FROM lsh_bands WHERE band IN ({marks}))
                  AND m.article_id != ?""", (*bands, exclude if exclude is not None else -1)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def same_url_articles(self, canonical_url: str | None, exclude: int | None = None) -> list[int]:
        if not canonical_url:
            return []
        rows = self.db.execute("SELECT id FROM articles WHERE canonical_url = ? AND id != ? ORDER BY id",
                               (canonical_url, exclude if exclude is not None else -1)).fetchall()
        return [r[0] for r in rows]

    def same_text_articles(self, content_hash: str, exclude: int | None = None) -> list[int]:
        rows = self.db.execute("SELECT id FROM articles WHERE content_hash = ? AND id != ? ORDER BY id",
                               (content_hash, exclude if exclude is not None else -1)).fetchall()
        return [r[0] for r in rows]

    def story_of(self, article_id: int) -> int | None:
        row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def create_story(self, article_ids: list[int]) -> int:
        story_id = self.db.execute("INSERT INTO stories (created) VALUES (?)", (_now(),)).lastrowid
        self.db.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(story_id, a) for a in article_ids])
        return story_id

    def merge_stories(self, keep: int, others: list[int]) -> None:
        for other in others:
            if other == keep:
                continue
            self.db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, other))
            self.db.execute("DELETE FROM story_copies WHERE story_id = ?", (other,))
            self.db.execute("DELETE FROM stories WHERE id = ?", (other,))

    def add_to_story(self, story_id: int, article_id: int) -> None:
        self.db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def story_members(self, story_id: int) -> list[tuple[int, str | None, bytes]]:
        rows = self.db.execute(
            """SELECT a.id, a.sort_date, m.signature FROM articles a
               LEFT JOIN minhashes m ON m.article_id = a.id WHERE a.story_id = ? ORDER BY a.id""", (story_id,)).fetchall()
        return [(r[0], r[1], r[2] or b"") for r in rows]

    def story_original(self, story_id: int) -> int | None:
        row = self.db.execute("SELECT original_id FROM stories WHERE id = ?", (story_id,)).fetchone()
        return row[0] if row else None

    def article_body(self, article_id: int) -> list[str]:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row[0]).get("body", []) if row else []

    def set_copies(self, story_id: int, original: int, copies: list[StoryCopy]) -> None:
        db = self.db
        headline = db.execute("SELECT headline FROM articles WHERE id = ?", (original,)).fetchone()
        db.execute("UPDATE stories SET original_id = ?, headline = ? WHERE id = ?",
                   (original, headline[0] if headline else None, story_id))
        db.executemany(
            """INSERT OR REPLACE INTO story_copies (article_id, story_id, is_original, similarity, added, cut, edited)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [(c.article_id, story_id, int(c.is_original), c.similarity,
              json.dumps(c.added_paragraphs, ensure_ascii=False), json.dumps(c.cut_paragraphs, ensure_ascii=False),
              json.dumps(c.edited_paragraphs, ensure_ascii=False))
             for c in copies])

    # -- reading ---------------------------------------------------------------------

    def _query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        try:
            cur = self.db.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax error" in str(exc):
                raise ValueError(f"bad search query ({exc})") from None
            raise _store_error(self.target, exc) from None
        except sqlite3.DatabaseError as exc:
            raise _store_error(self.target, exc) from None
        return cur.fetchall()

    def search(self, fts_query: str, *, outlet: str | None, since: str | None, until: str | None,
               author: str | None, speaker: str | None, limit: int, offset: int) -> list[SearchHit]:
        # Two steps: rank the matches in the full-text index alone (joining the articles table only when a
        # filter needs its columns), then read the page of hits and make their snippets. Joining every match
        # of a common word ("flood": all 20,000 articles of the web bench) to its wide articles row cost
        # 40 ms of the query's 55 ms.
        where = ["articles_fts MATCH ?"]
        params: list[Any] = [fts_query]
        for w, p in (_outlet_filter(outlet), _date_filters(since, until)):
            where += w
            params += p
        if author:
            where.append("a.authors LIKE ? ESCAPE '\\'")
            params.append(_like(author))
        join = "JOIN articles a ON a.id = articles_fts.rowid JOIN outlets o ON o.id = a.outlet_id" if len(where) > 1 else ""
        if speaker:
            likes = """(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_mention LIKE ? ESCAPE '\\'
                        OR q.speaker_descriptor LIKE ? ESCAPE '\\')"""
            params_q: list[Any] = [_like(speaker)] * 3
            if len(speaker) >= TRIGRAM:
                likes = "q.id IN (SELECT rowid FROM quote_speakers_fts WHERE quote_speakers_fts MATCH ?) AND " + likes
                params_q.insert(0, _fts_phrase(speaker))
            # "+": a filter on the ranked matches; as an index constraint FTS5 would re-run the MATCH per id.
            where.append(f"+articles_fts.rowid IN (SELECT q.article_id FROM quotes q WHERE {likes})")
            params += params_q
        ranked = self._query(
            f"""SELECT articles_fts.rowid, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts {join}
                WHERE {' AND '.join(where)} ORDER BY rank LIMIT ? OFFSET ?""", params + [limit, offset])
        if not ranked:
            return []
        ids = [r[0] for r in ranked]
        marks = ",".join("?" * len(ids))
        found = {r[0]: r for r in self._query(
            f"""SELECT a.id, a.headline, o.name, a.published, a.url,
                       snippet(articles_fts, 1, char(2), char(3), '…', 32)
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN outlets o ON o.id = a.outlet_id
                WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})""", [fts_query] + ids)}
        hits = []
        for article_id, rank in ranked:
            r = found.get(article_id)
            if r is None:  # an index entry without its article row: the old single join skipped it too
                continue
            parts = _snippet_parts(r[5] or "")
            hits.append(SearchHit(id=r[0], headline=r[1], outlet=r[2], published=r[3], url=r[4],
                                  snippet="".join(t for t, _ in parts), snippet_parts=parts, score=round(-rank, 6)))
        return hits

    def list_articles(self, *, outlet: str | None, since: str | None, until: str | None,
                      author: str | None, limit: int, offset: int) -> tuple[list[ArticleSummary], int]:
        where: list[str] = []
        params: list[Any] = []
        for w, p in (_outlet_filter(outlet), _date_filters(since, until)):
            where += w
            params += p
        if author:
            where.append("a.authors LIKE ? ESCAPE '\\'")
            params.append(_like(author))
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        total = self._query(f"SELECT count(*) FROM articles a JOIN outlets o ON o.id = a.outlet_id {clause}", params)[0][0]
        rows = self._query(
            f"""SELECT a.id, a.headline, o.name, a.published, a.url, a.authors, a.word_count, a.story_id,
                       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
                       (SELECT count(*) FROM claims c WHERE c.article_id = a.id)
                FROM articles a JOIN outlets o ON o.id = a.outlet_id {clause}
                ORDER BY a.sort_date DESC, a.id DESC LIMIT ? OFFSET ?""", params + [limit, offset])
        return [ArticleSummary(id=r[0], headline=r[1], outlet=r[2], published=r[3], url=r[4],
                               authors=[x for x in (r[5] or "").split("\n") if x], word_count=r[6], story_id=r[7],
                               quote_count=r[8], claim_count=r[9]) for r in rows], total

    def get_article(self, article_id: int) -> StoredArticle | None:
        rows = self._query(
            """SELECT a.id, o.name, a.story_id, a.fetched, a.source, a.added, a.record FROM articles a
               JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?""", (article_id,))
        if not rows:
            return None
        r = rows[0]
        return StoredArticle(id=r[0], outlet=r[1], story_id=r[2], fetched=r[3], source=r[4], added=r[5],
                             record=json.loads(r[6]))

    def quotes(self, *, speaker: str | None, anonymous: bool | None, via: str | None, outlet: str | None,
               article_id: int | None, limit: int, offset: int) -> list[QuoteRow]:
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            w, p = _speaker_filter(speaker)
            where += w
            params += p
        if anonymous is not None:
            where.append("q.anonymous = ?")
            params.append(int(anonymous))
        if via:
            where.append("q.via LIKE ? ESCAPE '\\'")
            params.append(_like(via))
        w, p = _outlet_filter(outlet)
        where += w
        params += p
        if article_id is not None:
            where.append("q.article_id = ?")
            params.append(article_id)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = self._query(
            f"""SELECT q.text, q.kind, q.speaker_key, q.speaker_name, q.speaker_mention, q.speaker_descriptor,
                       q.anonymous, q.speaker_kind, q.cue, q.via, q.said_on, q.paragraphs,
                       a.id, a.headline, o.name, a.published, a.url
                FROM quotes q JOIN articles a ON a.id = q.article_id JOIN outlets o ON o.id = a.outlet_id
                {clause} ORDER BY a.sort_date, a.id, q.position LIMIT ? OFFSET ?""", params + [limit, offset])
        return [QuoteRow(text=r[0], kind=r[1], speaker_key=r[2], speaker_name=r[3], speaker_mention=r[4],
                         speaker_descriptor=r[5], anonymous=bool(r[6]), speaker_kind=r[7], cue=r[8], via=r[9],
                         said_on=r[10], paragraphs=json.loads(r[11]), article_id=r[12], headline=r[13], outlet=r[14],
                         published=r[15], url=r[16]) for r in rows]

    def speakers(self, *, query: str | None, limit: int) -> list[SpeakerRow]:
        where, params = "WHERE s.key != ?", [UNKNOWN_SPEAKER]  # unattributed quotes are not a speaker
        if query:
            where += " AND (s.key LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\' OR s.descriptor LIKE ? ESCAPE '\\')"
            params += [_like(query.lower()), _like(query), _like(query)]
        rows = self._query(
            f"""SELECT s.key, s.name, s.descriptor, s.anonymous, s.kind, count(q.id),
                       (SELECT group_concat(n, char(31)) FROM (
                            SELECT DISTINCT o.name AS n FROM quotes q2 JOIN articles a ON a.id = q2.article_id
                            JOIN outlets o ON o.id = a.outlet_id WHERE q2.speaker_key = s.key))
                FROM speakers s JOIN quotes q ON q.speaker_key = s.key {where}
                GROUP BY s.key ORDER BY count(q.id) DESC, s.key LIMIT ?""", params + [limit])
        return [SpeakerRow(key=r[0], name=r[1], descriptor=r[2], anonymous=bool(r[3]), kind=r[4], quote_count=r[5],
                           outlets=sorted(r[6].split("\x1f")) if r[6] else []) for r in rows]

    def figures(self, counts: str, *, outlet: str | None, since: str | None, until: str | None) -> list[FigureRow]:
        where = ["n.counts LIKE ? ESCAPE '\\'"]
        params: list[Any] = [_like(counts)]
        if len(counts) >= TRIGRAM:  # candidates from the trigram index; the LIKE confirms them
            where.insert(0, "n.id IN (SELECT rowid FROM quantity_counts_fts WHERE quantity_counts_fts MATCH ?)")
            params.insert(0, _fts_phrase(counts))
        for w, p in (_outlet_filter(outlet), _date_filters(since, until)):
            where += w
            params += p
        rows = self._query(
            f"""SELECT a.published, o.name, n.value, n.low, n.high, n.bound, n.unit, n.counts, c.attributed_to, c.text,
                       a.id, a.url, a.headline, a.fetched
                FROM quantities n JOIN claims c ON c.id = n.claim_id JOIN articles a ON a.id = n.article_id
                JOIN outlets o ON o.id = a.outlet_id WHERE {' AND '.join(where)}
                ORDER BY a.sort_date, a.fetched, a.id, c.position, n.id""", params)
        return [FigureRow(published=r[0], outlet=r[1], value=_number(r[2]), low=_number(r[3]), high=_number(r[4]),
                          bound=r[5], unit=r[6], counts=r[7], attributed_to=r[8], claim=r[9], article_id=r[10],
                          url=r[11], headline=r[12], fetched=r[13]) for r in rows]

    def sources(self, *, outlet: str | None) -> list[SourceProfile]:
        w, params = _outlet_filter(outlet)
        clause = ("WHERE " + " AND ".join(w)) if w else ""
        rows = self._query(
            f"""SELECT o.name,
                       count(DISTINCT a.id),
                       count(q.id),
                       sum(CASE WHEN q.id IS NOT NULL AND q.anonymous = 0 AND q.speaker_kind != 'organization'
                                 AND (q.speaker_name IS NOT NULL OR q.speaker_mention IS NOT NULL) THEN 1 ELSE 0 END),
                       sum(CASE WHEN q.anonymous = 1 THEN 1 ELSE 0 END),
                       sum(CASE WHEN q.anonymous = 0 AND q.speaker_kind = 'organization' THEN 1 ELSE 0 END),
                       sum(CASE WHEN q.via IS NOT NULL AND q.via != '' THEN 1 ELSE 0 END)
                FROM outlets o JOIN articles a ON a.outlet_id = o.id LEFT JOIN quotes q ON q.article_id = a.id
                {clause} GROUP BY o.id ORDER BY count(q.id) DESC, o.name""", params)
        out = []
        for r in rows:
            total, named, anon, org, relayed = r[2], r[3] or 0, r[4] or 0, r[5] or 0, r[6] or 0
            other = total - named - anon - org

            def share(n: int) -> float:
                return round(n / total, 4) if total else 0.0

            out.append(SourceProfile(outlet=r[0], articles=r[1], total=total, named=named, anonymous=anon,
                                     organization=org, other=other, relayed=relayed, named_share=share(named),
                                     anonymous_share=share(anon), organization_share=share(org),
                                     other_share=share(other), relayed_share=share(relayed)))
        return out

    def stories(self, *, min_copies: int, story_id: int | None = None, limit: int | None = None,
                offset: int = 0) -> list[StoryRow]:
        where = "WHERE s.id = ?" if story_id is not None else ""
        params: list[Any] = ([story_id] if story_id is not None else []) + [min_copies, limit or -1, offset]
        story_rows = self._query(
            f"""SELECT s.id, s.headline, count(a.id) AS n, min(a.sort_date) FROM stories s
                JOIN articles a ON a.story_id = s.id {where}
                GROUP BY s.id HAVING n >= ? ORDER BY n DESC, min(a.sort_date), s.id LIMIT ? OFFSET ?""", params)
        out = []
        for sid, headline, _, _ in story_rows:
            rows = self._query(
                """SELECT a.id, o.name, a.published, a.url, a.headline, coalesce(c.is_original, 0),
                          coalesce(c.similarity, 0), coalesce(c.added, '[]'), coalesce(c.cut, '[]'),
                          coalesce(c.edited, '[]')
                   FROM articles a JOIN outlets o ON o.id = a.outlet_id LEFT JOIN story_copies c ON c.article_id = a.id
                   WHERE a.story_id = ? ORDER BY coalesce(c.is_original, 0) DESC, a.sort_date, a.id""", (sid,))
            copies = [StoryCopy(article_id=r[0], outlet=r[1], published=r[2], url=r[3], headline=r[4],
                                is_original=bool(r[5]), similarity=round(r[6], 3), added_paragraphs=json.loads(r[7]),
                                cut_paragraphs=json.loads(r[8]), edited_paragraphs=json.loads(r[9])) for r in rows]
            outlets = sorted({c.outlet for c in copies})
            out.append(StoryRow(story_id=sid, headline=headline, outlets=outlets, copies=copies))
        return out

    def errors(self, *, limit: int | None = None) -> list[ErrorRow]:
        sql = "SELECT source, reason, count, first_seen, last_seen FROM errors ORDER BY last_seen DESC, source"
        rows = self._query(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        return [ErrorRow(source=r[0], reason=r[1], count=r[2], first_seen=r[3], last_seen=r[4]) for r in rows]

    def outlets(self) -> list[OutletRow]:
        rows = self._query(
            """SELECT o.key, o.name, count(a.id), min(a.sort_date), max(a.sort_date) FROM outlets o
               JOIN articles a ON a.outlet_id = o.id GROUP BY o.id ORDER BY count(a.id) DESC, o.name""")
        return [OutletRow(key=r[0], name=r[1], articles=r[2], first_published=r[3], last_published=r[4]) for r in rows]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "quotes", "speakers", "claims", "entities", "outlets", "stories", "errors"):
            out[table] = self._query(f"SELECT count(*) FROM {table}")[0][0]
        return out

    def iter_records(self) -> Iterator[StoredArticle]:
        last = 0
        while True:  # pages of 500 by id: constant memory, no long-lived cursor
            rows = self._query(
                """SELECT a.id, o.name, a.story_id, a.fetched, a.source, a.added, a.record FROM articles a
                   JOIN outlets o ON o.id = a.outlet_id WHERE a.id > ? ORDER BY a.id LIMIT 500""", (last,))
            if not rows:
                return
            for r in rows:
                yield StoredArticle(id=r[0], outlet=r[1], story_id=r[2], fetched=r[3], source=r[4], added=r[5],
                                    record=json.loads(r[6]))
            last = rows[-1][0]


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS snippet marked with \\x02...\\x03 into (text, is_match) runs."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find("\x02")
        if start < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        end = rest.find("\x03", start)
        if end < 0:
            end = len(rest)
        parts.append((rest[start + 1:end], True))
        rest = rest[end + 1:]
    return [(t.replace("\x02", "").replace("\x03", ""), m) for t, m in parts if t]


def _statements(script: str) -> list[str]:
    """Split a migration into statements: at semicolons, except inside a trigger's BEGIN ... END."""
    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statement = pending.strip().rstrip(";").strip()
            if statement and not statement.startswith("--"):
                out.append(statement)
            pending = ""
    return out


def _store_error(target: str, exc: sqlite3.Error) -> BylineStoreError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return BylineStoreError(target, f"database is locked by another process (waited {BUSY_TIMEOUT_S:.0f} s); "
                                        "stop the other writer or try again")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return BylineStoreError(target, f"database file is corrupt or not an SQLite database ({message})")
    if "readonly" in message or "read-only" in message:
        return BylineStoreError(target, f"database is read-only ({message})")
    if "unable to open" in message:
        return BylineStoreError(target, f"cannot open database ({message})")
    return BylineStoreError(target, f"database error ({message})")
