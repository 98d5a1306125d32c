"""Bytes to text: gzip, byte-order marks, declared and detected encodings.

Order of trust: a BOM; the declared charset (HTTP header or ``<meta>``) if the
bytes decode cleanly with it; UTF-8 if they decode cleanly; then
charset-normalizer's guess; finally Windows-1252 with replacement. A declared
charset that the bytes contradict is reported as an anomaly.
"""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

from byline.errors import BylineInputError
from byline.model import Anomaly

MAX_PAGE_BYTES = 32 * 1024 * 1024  # decoded page size we accept
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def gunzip_if_needed(data: bytes, source: str) -> tuple[bytes, list[Anomaly]]:
    """Undo gzip compression (detected by magic bytes, not the file name).

    A truncated stream (a download or crawl cut short) keeps what was
    decompressed, with an anomaly: the first paragraphs of a page are still
    worth a record. A stream that yields nothing is an error.
    """
    if data[:2] != b"\x1f\x8b":
        return data, []
    out = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        result = out.decompress(data, MAX_PAGE_BYTES + 1)
    except zlib.error as exc:
        raise BylineInputError(source, f"corrupt gzip data ({exc})") from None
    if len(result) > MAX_PAGE_BYTES:
        raise BylineInputError(source, f"page is over {MAX_PAGE_BYTES // (1024 * 1024)} MB once decompressed")
    if out.eof:
        return result, []
    if not result.strip():
        raise BylineInputError(source, "truncated gzip data (nothing could be decompressed)")
    return result, [Anomaly("page", "gzip data is truncated: the page was cut short; read what was there",
                            raw=f"{len(data)} compressed bytes", repaired=f"{len(result)} bytes read")]


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, PDFs, executables)."""
    head = data[:4096]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")):
        return True
    nul = head.count(b"\x00")
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return nul > len(head) * 0.1 or control > len(head) * 0.3


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    return match.group(1).decode("ascii", "replace").lower()


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str, list[Anomaly]]:
    """Return (text, encoding used, anomalies)."""
    anomalies: list[Anomaly] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name, anomalies
    declared = declared or declared_charset(data)
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            anomalies.append(Anomaly("encoding", f"declared charset {declared!r} is unknown", raw=declared))
            codec = None
        if codec:
            try:
                text = data.decode(codec)
                if codec in {"utf-8", "ascii"} or not _utf8_clean(data):
                    return text, codec, anomalies
                # A legacy charset is declared but the bytes are valid UTF-8 with non-ASCII:
                # the declaration lies (a common CMS template bug).
                anomalies.append(Anomaly("encoding", f"declared charset {declared} contradicted by the bytes, which are UTF-8",
                                         raw=declared, repaired="utf-8"))
                return data.decode("utf-8"), "utf-8", anomalies
            except UnicodeDecodeError:
                anomalies.append(Anomaly("encoding", f"declared charset {declared} does not decode the bytes", raw=declared))
    if _utf8_clean(data) is not None:
        if anomalies:
            anomalies[-1].repaired = "utf-8"
        return data.decode("utf-8"), "utf-8", anomalies
    valid_multibyte = len(_UTF8_MULTIBYTE.findall(data[:200_000]))
    if valid_multibyte:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if valid_multibyte >= bad:
            anomalies.append(Anomaly("encoding", f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD",
                                     raw=declared, repaired="utf-8"))
            return text, "utf-8", anomalies
    guess = from_bytes(data[:200_000]).best()
    encoding = guess.encoding if guess is not None else "cp1252"
    if encoding in {"utf_8", "utf-8"}:
        encoding = "cp1252"  # not clean UTF-8 (checked above): a single-byte page with a few odd bytes
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "cp1252"
        text = data.decode(encoding, errors="replace")
    problem = "bytes are not valid UTF-8" + ("" if declared else " and no charset is declared")
    anomalies.append(Anomaly("encoding", f"{problem}; decoded as {encoding}", raw=declared, repaired=encoding))
    return text, encoding, anomalies


def _utf8_clean(data: bytes) -> bool | None:
    """True if valid UTF-8 with non-ASCII bytes, False if pure ASCII, None if not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return not data.isascii()
