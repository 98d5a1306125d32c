"""Input discovery: paths -> shards (one input file each) -> items (one page each), streamed.

A shard is a page file, a WARC archive, an RSS/Atom feed or a JSONL file of
``{"url": ..., "html": ...}`` lines. :func:`discover` walks folders
recursively and sniffs each file's kind from its first bytes;
:func:`read_shard` yields one :class:`InputItem` per page, or an
:class:`InputProblem` for what could not be read (the rest of the shard
continues where it can). Nothing here holds more than one page in memory.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from pathlib import Path
from typing import IO, Iterator

from byline.page.decode import MAX_PAGE_BYTES

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FULL_CONTENT_WORDS = 80  # a feed item with at least this many words of content is an article in itself


@dataclass(frozen=True)
class Shard:
    path: str
    kind: str  # page | warc | feed | jsonl


@dataclass
class InputItem:
    """One page to extract: its raw bytes and what the container knew about it."""

    data: bytes
    label: str  # names the page in messages: path, path#offset (WARC), path:line (JSONL)
    url: str | None = None
    fetched: str | None = None  # ISO datetime (WARC-Date)
    charset: str | None = None  # declared in the HTTP header
    key: str = field(default="", init=False)  # hash of the raw item: reruns skip it

    def __post_init__(self) -> None:
        h = hashlib.blake2b(self.data, digest_size=16)
        h.update(b"\0" + (self.url or "").encode("utf-8", "replace"))
        self.key = h.hexdigest()


@dataclass
class InputProblem:
    """Something in the input that could not become a page (logged, counted, run marked incomplete)."""

    source: str
    reason: str


@dataclass
class Skipped:
    """Something deliberately not ingested (an image in a WARC, another language): counted, not an error."""

    source: str
    reason: str
    item_key: str = ""  # set when the item was extracted first: reruns then skip it without extracting


@dataclass
class FeedLink:
    """A feed item with only a summary: its page must be elsewhere in the same input."""

    source: str
    url: str


Entry = InputItem | InputProblem | Skipped | FeedLink


def discover(paths: list[str | os.PathLike]) -> Iterator[Shard | InputProblem]:
    """Shards under ``paths`` (files as given; folders walked recursively, sorted, hidden files skipped)."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield InputProblem(str(raw), "no such file or folder")
            continue
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or not _known_suffix(name):
                        continue
                    yield _shard(Path(root) / name)
        else:
            yield _shard(path)


def _known_suffix(name: str) -> bool:
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(PAGE_SUFFIXES + FEED_SUFFIXES + JSONL_SUFFIXES + (".warc", ".arc"))


def _shard(path: Path) -> Shard | InputProblem:
    try:
        head = _head(path)
    except OSError as exc:
        return InputProblem(str(path), f"cannot read ({exc.strerror or exc})")
    return Shard(str(path), sniff_shard(path.name, head))


def _head(path: Path, size: int = 4096) -> bytes:
    with open(path, "rb") as f:
        head = f.read(size)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        except zlib.error:
            return b""
    return head


def sniff_shard(name: str, head: bytes) -> str:
    """The kind of an input file, from its first bytes (and its name when they are ambiguous)."""
    lower = name.lower().removesuffix(".gz")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    if start.startswith(b"WARC/") or lower.endswith((".warc", ".arc")):
        return "warc"
    low = start.lower()
    if lower.endswith(JSONL_SUFFIXES) or (start.startswith(b"{") and b'"html"' in head):
        return "jsonl"
    if lower.endswith((".rss", ".atom")):
        return "feed"
    if low.startswith(b"<?xml") or low.startswith(b"<rss") or low.startswith(b"<feed"):
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low or lower.endswith(".xml"):
            return "feed"
    return "page"


def read_shard(shard: Shard) -> Iterator[Entry]:
    """Every page in one shard, lazily."""
    reader = {"page": _read_page_file, "warc": _read_warc, "feed": _read_feed, "jsonl": _read_jsonl}[shard.kind]
    try:
        yield from reader(shard.path)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputProblem(shard.path, f"cannot read ({getattr(exc, 'strerror', None) or exc})")


def _read_page_file(path: str) -> Iterator[Entry]:
    size = os.path.getsize(path)
    if size > MAX_PAGE_BYTES:
        yield InputProblem(path, f"file is {size / 1048576:.1f} MB, over the {MAX_PAGE_BYTES // 1048576} MB page limit")
        return
    with open(path, "rb") as f:
        yield InputItem(f.read(), path)


# -- WARC -------------------------------------------------------------------------------


def _read_warc(path: str) -> Iterator[Entry]:
    from warcio.archiveiterator import ArchiveIterator

    records = 0
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream)
        try:
            for record in iterator:
                records += 1
                entry = _warc_entry(path, record, iterator)
                if entry is not None:
                    yield entry
        except Exception as exc:  # truncated gzip, broken headers: keep what was read
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            yield InputProblem(path, f"archive truncated or corrupt after {records} records ({detail})")


def _warc_entry(path: str, record, iterator) -> Entry | None:
    if record.rec_type not in ("response", "resource"):
        return None  # request, metadata, warcinfo, revisit: not pages
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = _iso(record.rec_headers.get_header("WARC-Date"))
    problem = None
    if record.rec_type == "response":
        if record.http_headers is None:
            problem = "response record without HTTP headers"
        status = record.http_headers.get_statuscode() if record.http_headers else None
        if status and not status.startswith("2"):
            problem = f"HTTP status {status}"
        content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, charset = _content_type(content_type)
    if mime and mime not in HTML_TYPES:
        problem = problem or f"not HTML ({mime})"
    data = b"" if problem else record.content_stream().read(MAX_PAGE_BYTES + 1)
    # The offset is known only once the record is read (warcio reads to its end here).
    label = f"{path}#{iterator.get_record_offset()}"
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:  # warcio ends a cut-off archive quietly: the last record is short of its Content-Length
        return InputProblem(path, f"archive truncated or corrupt: the record at {label} is {missing} bytes short")
    if problem:
        return Skipped(label, problem)
    if len(data) > MAX_PAGE_BYTES:
        return InputProblem(label, f"page is over the {MAX_PAGE_BYTES // 1048576} MB page limit")
    return InputItem(data, label, url=url, fetched=fetched, charset=charset)


def _content_type(value: str) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = value
    mime = msg.get_content_type() if value else ""
    return mime.lower(), msg.get_param("charset")


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc).isoformat()
    except ValueError:
        return value


# -- feeds ------------------------------------------------------------------------------


def _read_feed(path: str) -> Iterator[Entry]:
    import feedparser

    with _open(path) as f:
        data = f.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        yield InputProblem(path, f"feed is over the {MAX_PAGE_BYTES // 1048576} MB limit")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no items")
        yield InputProblem(path, f"not a readable RSS/Atom feed ({reason})")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        label = f"{path}#item{number}"
        # Full text is in content:encoded / Atom <content>, or (many feeds) the whole article in <description>.
        candidates = [c.get("value", "") for c in entry.get("content", []) or []] + [entry.get("summary") or ""]
        content = max(candidates, key=len)
        text_words = len(_strip_tags(content).split())
        link = entry.get("link")
        if text_words < FULL_CONTENT_WORDS:
            if link:
                yield FeedLink(label, link)
            else:
                yield InputProblem(label, "feed item has neither full text nor a link")
            continue
        page = _feed_item_page(entry, content, outlet)
        yield InputItem(page.encode("utf-8"), label, url=link, fetched=None)


def _feed_item_page(entry, content: str, outlet: str | None) -> str:
    """A feed item as a minimal HTML page the extractor reads like any other."""
    meta = []
    published = entry.get("published") or entry.get("updated")
    if published:
        meta.append(f'<meta property="article:published_time" content="{html.escape(published)}">')
    for author in entry.get("authors", []) or []:
        if author.get("name"):
            meta.append(f'<meta name="author" content="{html.escape(author["name"])}">')
    if entry.get("link"):
        meta.append(f'<link rel="canonical" href="{html.escape(entry["link"])}">')
    if outlet:
        meta.append(f'<meta property="og:site_name" content="{html.escape(outlet)}">')
    title = html.escape(entry.get("title") or "")
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>{''.join(meta)}</head>"
            f"<body><article><h1>{title}</h1>{content}</article></body></html>")


def _strip_tags(fragment: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    if "<" not in fragment:
        return fragment
    return LexborHTMLParser(fragment).text(separator=" ")


# -- JSONL ------------------------------------------------------------------------------


def _read_jsonl(path: str) -> Iterator[Entry]:
    with _open(path) as f:
        number = 0
        while True:
            line = f.readline(MAX_PAGE_BYTES + 1)
            if not line:
                return
            number += 1
            label = f"{path}:{number}"
            if len(line) > MAX_PAGE_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                    line = f.readline(MAX_PAGE_BYTES)
                yield InputProblem(label, f"line is over the {MAX_PAGE_BYTES // 1048576} MB page limit")
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield InputProblem(label, f"not a JSON object ({exc})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("html"), str):
                yield InputProblem(label, 'expected {"url": ..., "html": ...} with "html" a string')
                continue
            url = obj.get("url") if isinstance(obj.get("url"), str) else None
            fetched = obj.get("fetched") or obj.get("date")
            yield InputItem(obj["html"].encode("utf-8"), label, url=url,
                            fetched=_iso(fetched) if isinstance(fetched, str) else None)


def _open(path: str) -> IO[bytes]:
    with open(path, "rb") as f:
        magic = f.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")
