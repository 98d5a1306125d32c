"""Input discovery and readers: folders, WARC, feeds, JSONL, and their bad-input cases."""

from __future__ import annotations

import gzip
import json

from byline.corpus.sources import (FeedLink, InputItem, InputProblem, Shard, Skipped, discover, read_shard,
                                   sniff_shard)
from byline.page.decode import MAX_PAGE_BYTES

from corpus_helpers import numbered_page, page_html, paragraphs, write_warc


def entries(path, kind):
    return list(read_shard(Shard(str(path), kind)))


def test_discover_walks_folders_recursively_and_sniffs_kinds(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.html").write_text(numbered_page(1)[1])
    (tmp_path / "a" / "b" / "two.htm").write_text(numbered_page(2)[1])
    (tmp_path / "a" / "b" / "notes.txt.gz").write_bytes(gzip.compress(b"Headline\n\nSome text."))
    (tmp_path / "a" / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "a" / ".hidden.html").write_text("x")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    (tmp_path / "lines.jsonl").write_text(json.dumps({"url": "u", "html": "<p>x</p>"}) + "\n")
    write_warc(tmp_path / "crawl.warc.gz", [("https://x.example/1", b"<html></html>", "text/html")])
    shards = list(discover([tmp_path, tmp_path / "missing"]))
    kinds = {s.path.replace(str(tmp_path) + "/", ""): s.kind for s in shards if isinstance(s, Shard)}
    assert kinds == {"a/one.html": "page", "a/b/two.htm": "page", "a/b/notes.txt.gz": "page", "feed.xml": "feed",
                     "lines.jsonl": "jsonl", "crawl.warc.gz": "warc"}
    problems = [s for s in shards if isinstance(s, InputProblem)]
    assert len(problems) == 1 and problems[0].reason == "no such file or folder"


def test_sniff_by_content_when_the_name_says_nothing():
    assert sniff_shard("dump", b"WARC/1.0\r\nWARC-Type: warcinfo") == "warc"
    assert sniff_shard("x", b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff_shard("x", b'{"url": "https://a", "html": "<p>"}') == "jsonl"
    assert sniff_shard("x.html", b"<!DOCTYPE html><html>") == "page"


def test_warc_keeps_url_and_fetch_date_and_skips_non_html(tmp_path):
    url1, page1 = numbered_page(1)
    path = tmp_path / "c.warc.gz"
    write_warc(path, [(url1, page1.encode(), "text/html; charset=utf-8"),
                      ("https://x.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
                      ("https://x.example/2", numbered_page(2)[1].encode(), "text/html")],
               date="2026-05-04T10:11:12Z")
    got = entries(path, "warc")
    items = [e for e in got if isinstance(e, InputItem)]
    skipped = [e for e in got if isinstance(e, Skipped)]
    assert [i.url for i in items] == [url1, "https://x.example/2"]
    assert items[0].fetched == "2026-05-04T10:11:12+00:00" and items[0].charset == "utf-8"
    assert items[0].data == page1.encode()
    assert "#" in items[0].label and items[0].label.startswith(str(path))
    assert len(skipped) == 1 and skipped[0].reason == "not HTML (image/png)"


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    path = tmp_path / "c.warc.gz"
    write_warc(path, [numbered_page(i)[:1] + (numbered_page(i)[1].encode(), "text/html") for i in range(1, 6)])
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    got = entries(cut, "warc")
    items = [e for e in got if isinstance(e, InputItem)]
    problems = [e for e in got if isinstance(e, InputProblem)]
    assert 2 <= len(items) <= 4
    assert len(problems) == 1 and "truncated or corrupt" in problems[0].reason and problems[0].source == str(cut)


def test_feed_items_with_full_text_become_pages_and_summaries_become_links(tmp_path):
    long_text = " ".join(paragraphs(5, 3))
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Gazette</title>
<item><title>Full story</title><link>https://gazette.example/full</link><pubDate>Mon, 04 May 2026 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{long_text}</p>]]></content:encoded></item>
<item><title>Teaser</title><link>https://gazette.example/teaser</link><description>Short summary.</description></item>
</channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(feed)
    got = entries(path, "feed")
    assert isinstance(got[0], InputItem) and got[0].url == "https://gazette.example/full"
    assert b"Full story" in got[0].data and long_text[:40].encode() in got[0].data
    assert isinstance(got[1], FeedLink) and got[1].url == "https://gazette.example/teaser"


def test_feed_that_is_not_xml(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text("this is not XML {{{")
    got = entries(path, "feed")
    assert len(got) == 1 and isinstance(got[0], InputProblem) and "not a readable RSS/Atom feed" in got[0].reason


def test_jsonl_good_and_bad_lines(tmp_path):
    url, page = numbered_page(3)
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join([json.dumps({"url": url, "html": page, "fetched": "2026-05-04T10:00:00Z"}),
                               "{not json", json.dumps({"url": "x"}), ""]) + "\n")
    got = entries(path, "jsonl")
    assert isinstance(got[0], InputItem) and got[0].url == url and got[0].fetched == "2026-05-04T10:00:00+00:00"
    assert [type(e).__name__ for e in got[1:]] == ["InputProblem", "InputProblem"]
    assert got[1].source == f"{path}:2" and "not a JSON object" in got[1].reason


def test_fifty_megabyte_page_is_refused_without_stopping(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as f:
        f.write(b"<html><body><p>")
        f.write(b"word " * (50 * 1024 * 1024 // 5))
    assert big.stat().st_size > MAX_PAGE_BYTES
    got = entries(big, "page")
    assert len(got) == 1 and isinstance(got[0], InputProblem) and "over the 32 MB page limit" in got[0].reason
    warc = tmp_path / "big.warc"
    write_warc(warc, [("https://x.example/big", big.read_bytes(), "text/html"),
                      ("https://x.example/ok", page_html("Fine", ["A normal page."]).encode(), "text/html")], gzip=False)
    got = entries(warc, "warc")
    assert isinstance(got[0], InputProblem) and "page limit" in got[0].reason
    assert isinstance(got[1], InputItem) and got[1].url == "https://x.example/ok"


def test_atom_feed_and_full_text_in_description(tmp_path):
    text = " ".join(paragraphs(21, 2))
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
<entry><title>Atom story</title><link href="https://courier.example/atom-story"/>
<updated>2026-05-04T08:00:00Z</updated><author><name>Lena Vogt</name></author>
<content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "feed.atom").write_text(atom)
    (item,) = entries(tmp_path / "feed.atom", "feed")
    assert isinstance(item, InputItem) and item.url == "https://courier.example/atom-story"
    assert b'content="Lena Vogt"' in item.data and text[:30].encode() in item.data
    rss = f"""<rss version="2.0"><channel><title>Gazette</title><item><title>In the description</title>
<link>https://gazette.example/d</link><description>&lt;p&gt;{text}&lt;/p&gt;</description></item></channel></rss>"""
    (tmp_path / "d.rss").write_text(rss)
    (item,) = entries(tmp_path / "d.rss", "feed")
    assert isinstance(item, InputItem) and text[:30].encode() in item.data
