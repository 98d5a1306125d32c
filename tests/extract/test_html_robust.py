"""Pathological HTML: a record or a clear error, never a crash, never a hang.

The pages are generated here; each carries a few sentences of invented text
that must come through.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

import byline
from byline.errors import BylineInputError
from byline.extract.html_body import extract_body
from byline.model import Article

SENTENCE = ("The ferry company said on Monday that the evening crossing would be cancelled for two weeks while "
            "the engines are overhauled, officials said.")
PARA = f"<p>{SENTENCE}</p>"


def pages() -> dict[str, str]:
    return {
        "nul and control characters": "<html><body><article>"
        + PARA.replace("ferry", "fer\x00ry\x01\x07\x1b") * 4 + "</article></body></html>",
        "unclosed markup": "<html><body><div><article><p>" + SENTENCE * 1 + "<p>" + SENTENCE + "<p>" + SENTENCE
        + "<div><span><b><i>",
        "stray closing tags": "</div></p></table><html><body></span>" + PARA * 3 + "</li></ul></body></html></html>",
        "5 MB of inline script": "<html><head><script>" + "var pad = 'x';\n" * 360_000
        + "</script></head><body><article>" + PARA * 3 + "</article></body></html>",
        "5,000 nested tables": "<html><body>" + "<table><tr><td>" * 5000 + PARA * 3
        + "</td></tr></table>" * 5000 + "</body></html>",
        "20,000 nested divs": "<html><body>" + "<div>" * 20_000 + PARA * 3 + "</div>" * 20_000 + "</body></html>",
        "no body element": PARA * 3,
        "no html at all, only text": " ".join([SENTENCE] * 3),
        "frameset page": "<html><frameset><frame src='a.html'></frameset></html>",
        "comment never closed": "<html><body>" + PARA * 3 + "<!-- unclosed comment " + "x" * 1000,
        "attributes with control characters": "<html><body><article class='a\x00b\x01'>" + PARA * 3
        + "</article></body></html>",
    }


@pytest.mark.parametrize("name", list(pages()))
def test_extract_body_survives(name):
    html = pages()[name]
    body = extract_body(LexborHTMLParser(html))
    assert len(body.paragraphs) == len(body.kinds)
    for p in body.paragraphs:
        assert not any(ord(c) < 32 and c not in "\n\t" for c in p), "control characters must not reach the body"
    if name == "frameset page":  # nothing to read: the anomaly, not a crash
        assert body.paragraphs == [] and body.anomalies[0].problem == "no article found"
    else:
        assert "evening crossing" in " ".join(body.paragraphs), f"{name}: the article text was lost"


def test_control_characters_are_removed_not_kept():
    body = extract_body(LexborHTMLParser(pages()["nul and control characters"]))
    assert body.paragraphs[0].startswith("The fer")
    assert "crossing" in body.paragraphs[0]


def test_deep_nesting_keeps_paragraphs_apart():
    body = extract_body(LexborHTMLParser(pages()["5,000 nested tables"]))
    assert body.paragraphs == [SENTENCE] * 3


@pytest.mark.parametrize("name", list(pages()))
def test_full_reader_gives_a_record_or_a_clear_error(name):
    data = pages()[name].encode("utf-8")
    try:
        record = byline.extract(data, annotate=False)
    except BylineInputError as exc:  # a clear, one-line error naming the input
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(record, Article)
    assert isinstance(record.to_dict()["body"], list)


def test_invalid_utf8_and_windows_1252_bytes():
    data = ("<html><body><article>" + PARA * 3 + "</article></body></html>").encode("utf-8")
    data = data.replace(b"ferry", b"f\xe9rry\xff\xfe")
    record = byline.extract(data, annotate=False)
    assert any("evening crossing" in p for p in record.body)


def test_limit_nesting_keeps_ordinary_pages_identical():
    from byline.extract.html_guard import limit_nesting

    html = "<html><body><div><div>" + PARA * 3 + "</div></div></body></html>"
    assert limit_nesting(html) is html
    big = "<html><body>" + "<div><p>x</p></div>" * 30_000 + "</body></html>"  # many tags, shallow
    assert limit_nesting(big) == big


def test_limit_nesting_defuses_hostile_depth_and_keeps_the_text():
    from byline.extract.html_guard import MAX_DEPTH, limit_nesting

    n = 200_000  # unguarded, Lexbor would need minutes on this page
    html = "<html><body>" + "<div>" * n + PARA * 3 + "</div>" * n + "</body></html>"
    safe = limit_nesting(html)
    assert safe.count("<div>") == MAX_DEPTH and safe.count("</div>") == MAX_DEPTH
    body = extract_body(LexborHTMLParser(safe))
    assert body.paragraphs == [SENTENCE] * 3
