"""Plain article texts: headline, optional Published: line, blank-line paragraphs."""

from __future__ import annotations

from byline.extract.plain import extract_plain
from byline.model import Page


def test_published_line_sets_published_and_stays_out_of_the_body():
    text = "Flood closes bridge\nPublished: 2025-11-24T18:58:00-05:00\n\nFirst paragraph.\n\nSecond\nparagraph."
    article = extract_plain(Page(text=text, kind="plain"))
    assert article.headline == "Flood closes bridge"
    assert article.published == "2025-11-24T18:58:00-05:00"
    assert article.body == ["First paragraph.", "Second paragraph."]
    assert article.anomalies == []


def test_without_published_line_the_body_starts_after_the_headline():
    article = extract_plain(Page(text="Headline\n\nOnly paragraph.", kind="plain"))
    assert article.published is None and article.body == ["Only paragraph."]


def test_unreadable_published_line_is_an_anomaly():
    article = extract_plain(Page(text="Headline\nPublished: sometime soon\n\nBody.", kind="plain"))
    assert article.published is None and article.body == ["Body."]
    assert article.anomalies[0].field == "published" and article.anomalies[0].raw == "sometime soon"
