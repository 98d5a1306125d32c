"""Raw input -> :class:`~byline.model.Page`: read, decompress, decode, sniff the kind."""

from __future__ import annotations

import codecs
import os
import re
import sys
from pathlib import Path

from byline.errors import BylineInputError
from byline.model import Page
from byline.page.decode import MAX_PAGE_BYTES, decode, gunzip_if_needed, looks_binary
from byline.page.sniff import sniff_kind

Source = str | bytes | os.PathLike

__all__ = ["read_page", "page_from_bytes", "Source"]


def read_page(source: Source, *, plain: bool = False, url: str | None = None, name: str | None = None) -> Page:
    """Read a path, ``-`` (standard input), raw bytes or a str into a Page.

    A str is taken as a path when it names an existing file, else as page
    content. Raises :class:`BylineInputError` for input that cannot be a page.
    """
    if isinstance(source, bytes):
        return page_from_bytes(source, name or "<bytes>", plain=plain, url=url)
    if isinstance(source, str) and source == "-":
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES * 2 + 1)
        return page_from_bytes(data, name or "<stdin>", plain=plain, url=url)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _is_path_like(source)):
        path = Path(source)
        label = name or str(source)
        if not path.exists():
            raise BylineInputError(label, "no such file")
        if path.is_dir():
            raise BylineInputError(label, "is a directory (byline extract reads files; use byline ingest for folders)")
        try:
            size = path.stat().st_size
            if size > MAX_PAGE_BYTES * 2:
                raise BylineInputError(label, f"file is {size / 1048576:.1f} MB, over the {MAX_PAGE_BYTES // 1048576} MB page limit")
            data = path.read_bytes()
        except PermissionError:
            raise BylineInputError(label, "permission denied") from None
        except OSError as exc:
            raise BylineInputError(label, f"cannot read ({exc.strerror or exc})") from None
        page = page_from_bytes(data, label, plain=plain, url=url)
        return page
    text = str(source)
    return Page(text=_clean_text(text), kind="plain" if plain else sniff_kind(text), source_path=name, url=url, encoding="str")


def page_from_bytes(data: bytes, label: str, *, plain: bool = False, url: str | None = None,
                    declared_charset: str | None = None, fetched: str | None = None) -> Page:
    """Bytes -> Page; ``label`` names the input in errors."""
    data, gzip_anomalies = gunzip_if_needed(data, label)
    if not data.strip():
        raise BylineInputError(label, "empty file")
    if len(data) > MAX_PAGE_BYTES:
        raise BylineInputError(label, f"page is {len(data) / 1048576:.1f} MB, over the {MAX_PAGE_BYTES // 1048576} MB page limit")
    if looks_binary(data):
        raise BylineInputError(label, "binary data, not an HTML or text page")
    text, encoding, anomalies = decode(data, label, declared_charset)
    anomalies[:0] = gzip_anomalies
    kind = "plain" if plain else sniff_kind(text)
    source_path = None if label.startswith("<") else label
    # In an ASCII-compatible encoding a control character can only come from a
    # control byte: one C-speed pass over the bytes spares the scan of the text.
    no_controls = _ascii_compatible(encoding) and len(data.translate(None, _CONTROL_BYTES)) == len(data)
    return Page(text=_clean_text(text, no_controls=no_controls), kind=kind, source_path=source_path, url=url,
                encoding=encoding, fetched=fetched, anomalies=anomalies)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = tuple(chr(b) for b in _CONTROL_BYTES)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ascii_compatible(encoding: str) -> bool:
    """Bytes 0x00-0x7F decode to themselves (UTF-8, ASCII, the ISO-8859 and Windows code pages)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name in ("utf-8", "ascii") or name.startswith(("iso8859-", "cp125", "koi8-"))


def _clean_text(text: str, *, no_controls: bool = False) -> str:
    """Drop NUL and C0 control characters (lxml and JSON consumers choke on them); unify newlines.

    ``no_controls``: the caller already knows there are none (checked on the bytes).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if no_controls:
        return text
    # one substring search per character (memchr speed) beats a regex scan of the page
    return _CONTROL.sub("", text) if any(c in text for c in _CONTROL_CHARS) else text


def _is_path_like(value: str) -> bool:
    if "\n" in value or "<" in value or len(value) > 4096:
        return False
    if os.path.exists(value) or os.sep in value:
        return True
    return value.lower().endswith((".html", ".htm", ".txt", ".gz", ".xhtml", ".text"))
