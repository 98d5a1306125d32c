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


# --- plain mode through the Python API (no boilerplate removal, same word rule as pages) ------

from byline import extract  # noqa: E402

PLAIN_TEXT = (
    "Harbour dredging to start in June\n\n"
    "The port authority said on Tuesday that dredging of the main channel would start in June and "
    "last about eleven weeks, and that the work had been paid for by the state.\n\n"
    "Sign up for our newsletter to follow the works.\n\n"
    '"We have waited — frankly — far too long," said the harbour master.'
)


def test_extract_plain_true_keeps_every_paragraph_as_written():
    article = extract(PLAIN_TEXT, plain=True, annotate=False)
    assert article.headline == "Harbour dredging to start in June"
    assert len(article.body) == 3
    assert article.body[1] == "Sign up for our newsletter to follow the works."  # no boilerplate removal
    assert article.authors == [] and article.tags == []


def test_plain_word_count_and_language():
    article = extract(PLAIN_TEXT, plain=True, annotate=False)
    # spaced dashes are not words: 32 + 9 + 11
    assert article.word_count == 52
    assert article.language == "en"


def test_plain_mode_does_not_run_the_page_reader(seed_path):
    article = extract(seed_path, plain=True, annotate=False)
    assert article.headline == "Skip to main content"  # the first line, as the plain contract says
    assert any(p.startswith("Sign up for Newsmax") for p in article.body)


def test_plain_headline_only_and_crlf():
    assert extract("Just a headline", plain=True, annotate=False).body == []
    article = extract("Title line\r\n\r\nOne.\r\nStill one.\r\n\r\nTwo.", plain=True, annotate=False)
    assert article.headline == "Title line"
    assert article.body == ["One. Still one.", "Two."]
