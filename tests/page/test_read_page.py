"""Bad and odd input at the page stage: a clear error naming the input, or a page with anomalies."""

from __future__ import annotations

import gzip

import pytest

from byline.errors import BylineInputError
from byline.page import page_from_bytes, read_page
from byline.page.decode import MAX_PAGE_BYTES

ARTICLE_HTML = (
    "<!doctype html><html><head><title>Harbour bridge reopens</title></head><body>"
    "<article><h1>Harbour bridge reopens</h1><p>The bridge reopened on Tuesday after repairs.</p>"
    "<p>“It took longer than we hoped,” the engineer said.</p></article></body></html>"
)


def test_missing_path_names_the_file(tmp_path):
    missing = tmp_path / "nope.html"
    with pytest.raises(BylineInputError) as err:
        read_page(missing)
    assert str(missing) in str(err.value)
    assert "no such file" in str(err.value)


def test_directory_is_refused(tmp_path):
    with pytest.raises(BylineInputError, match="is a directory"):
        read_page(tmp_path)


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    with pytest.raises(BylineInputError, match="empty file"):
        read_page(empty)


def test_binary_file(tmp_path):
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(BylineInputError, match="binary"):
        read_page(png)


def test_random_binary_without_magic(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes([0, 1, 2, 3, 200, 0, 7, 0]) * 500)
    with pytest.raises(BylineInputError, match="binary"):
        read_page(junk)


def test_oversized_page_is_refused_without_reading_forever(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"a" * (MAX_PAGE_BYTES * 2 + 10) + b"</p>")
    with pytest.raises(BylineInputError, match="MB"):
        read_page(big)


def test_gzip_bomb_is_capped():
    bomb = gzip.compress(b"<p>" + b"x" * (MAX_PAGE_BYTES + 1024))
    with pytest.raises(BylineInputError, match="decompressed"):
        page_from_bytes(bomb, "bomb.html.gz")


def test_corrupt_gzip():
    with pytest.raises(BylineInputError, match="corrupt gzip"):
        page_from_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate", "bad.html.gz")


def test_gzip_is_sniffed_by_content(tmp_path):
    path = tmp_path / "page.bin"
    path.write_bytes(gzip.compress(ARTICLE_HTML.encode()))
    page = read_page(path)
    assert page.kind == "html"
    assert "Harbour bridge" in page.text


def test_invalid_utf8_is_replaced_and_reported():
    data = ARTICLE_HTML.encode("utf-8").replace(b"Tuesday", b"Tues\xffday")
    page = page_from_bytes(data, "broken.html")
    assert "\ufffd" in page.text
    assert "“It took longer" in page.text  # the valid UTF-8 around it survives
    assert any(a.field == "encoding" and "invalid UTF-8" in a.problem for a in page.anomalies)


def test_windows_1252_bytes_without_declaration():
    text = "<html><body><p>Caf\u00e9 owners \u201cwelcome\u201d the plan \u2014 mostly.</p><p>More text.</p></body></html>"
    page = page_from_bytes(text.encode("cp1252"), "legacy.html")
    assert "Caf\u00e9" in page.text and "\u201cwelcome\u201d" in page.text
    assert any(a.field == "encoding" for a in page.anomalies)


def test_meta_charset_that_lies_is_overruled():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Nicolás said “no” – twice.</p></body></html>'
    page = page_from_bytes(html.encode("utf-8"), "liar.html")
    assert "Nicolás said “no” – twice." in page.text
    lie = [a for a in page.anomalies if a.field == "encoding"]
    assert lie and lie[0].raw == "iso-8859-1" and lie[0].repaired == "utf-8"


def test_meta_charset_that_is_true_is_used():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u201cquote\u201d</p></body></html>'
    page = page_from_bytes(html.encode("cp1252"), "honest.html")
    assert "Caf\u00e9 \u201cquote\u201d" in page.text
    assert page.anomalies == []


def test_nul_and_control_characters_are_dropped():
    page = page_from_bytes(b"<html><body><p>Fire\x00 crews\x07 arrived.</p><div>x</div></body></html>", "ctl.html")
    assert "Fire crews arrived." in page.text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_control_characters_are_dropped_in_every_encoding(encoding):
    html = "<html><head><meta charset='{}'></head><body><p>Caf\u00e9\x0b crews\x1f arrived\x7f.</p></body></html>"
    page = page_from_bytes(html.format(encoding).encode(encoding), f"ctl-{encoding}.html")
    assert "Caf\u00e9 crews arrived." in page.text


def test_control_characters_are_dropped_from_a_str_page():
    page = read_page("<html><body><p>Fire\x00 crews\x0c arrived.\r\nSoon</p></body></html>")
    assert "Fire crews arrived.\nSoon" in page.text

def test_text_dump_is_sniffed_as_text():
    page = read_page("Council votes to close library\n\nBy Ana Ruiz | March 3, 2025\n\nThe council voted 5-2 on Monday.\n")
    assert page.kind == "text"


def test_html_in_a_txt_file_is_sniffed_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    assert read_page(path).kind == "html"


def test_plain_flag_sets_plain_kind():
    assert read_page("Headline\n\nParagraph one.", plain=True).kind == "plain"


def test_utf16_with_bom():
    data = "\ufeff<html><body><p>Grüße aus Köln.</p><div></div></body></html>".encode("utf-16-le")
    page = page_from_bytes(data, "utf16.html")
    assert "Grüße aus Köln." in page.text


def test_truncated_gzip_keeps_what_was_there_and_says_so():
    whole = gzip.compress((ARTICLE_HTML + "<p>" + "More council business followed. " * 400 + "</p>").encode())
    page = page_from_bytes(whole[: len(whole) // 2], "cut.html.gz")
    assert "Harbour bridge reopens" in page.text
    truncated = [a for a in page.anomalies if a.field == "page"]
    assert truncated and "truncated" in truncated[0].problem


def test_gzip_cut_before_any_content_is_an_error():
    whole = gzip.compress(ARTICLE_HTML.encode())
    with pytest.raises(BylineInputError, match="truncated gzip"):
        page_from_bytes(whole[:12], "stub.html.gz")
