"""Text-dump fixtures, field by field, against hand-written expectations.

Each ``tests/fixtures/text/<name>.txt`` imitates a different outlet's layout
and carries its own traps; ``<name>.expected.json`` was written by hand.
A failure names the fixture and the field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline import extract
from byline.model import Page
from byline.extract.textdump import extract_textdump

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
PAGES = sorted(p for p in FIXTURES.glob("*.txt"))
FIELDS = (
    "headline", "description", "authors", "published", "modified", "publisher", "site_name", "section",
    "tags", "language", "word_count", "body", "blocks",
)


def _expected(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


_records: dict[Path, dict] = {}


def _record(page: Path) -> dict:
    if page not in _records:
        _records[page] = extract(page, annotate=False).to_dict()
    return _records[page]


def test_there_are_at_least_eight_fixtures():
    assert len(PAGES) >= 8
    for page in PAGES:
        assert page.with_name(page.stem + ".expected.json").exists(), page.name


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_field(page: Path, field: str):
    assert _record(page)[field] == _expected(page)[field], f"{page.name}: {field}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_anomalies(page: Path):
    got = [(a["field"], a["raw"], a["repaired"]) for a in _record(page)["anomalies"]]
    want = [(a["field"], a["raw"], a["repaired"]) for a in _expected(page)["anomalies"]]
    assert got == want, page.name
    assert all(a["problem"] for a in _record(page)["anomalies"])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_key_present(page: Path):
    record = _record(page)
    assert set(_expected(page)) <= set(record)


# --- the traps, named -------------------------------------------------------------------------


def _by_name(stem: str) -> dict:
    return _record(FIXTURES / f"{stem}.txt")


def test_quoted_sign_up_stays_but_the_newsletter_prompt_goes():
    body = _by_name("fenwick_signup_quote")["body"]
    assert any(p.startswith('"Sign up early') for p in body)
    assert any(p.startswith("Sign up for the new clinics") for p in body)  # attributed: "the department said"
    assert not any("Morning Briefing" in p or "inbox" in p for p in body)
    assert not any(p.startswith("Photo:") for p in body)


def test_reader_appeal_and_cookie_notice_are_not_paragraphs():
    body = _by_name("northgate_uk_date")["body"]
    assert not any("supporter" in p or "cookies" in p for p in body)


def test_wire_dateline_stays_in_the_first_paragraph_and_is_not_the_headline():
    record = _by_name("plainsview_wire_dateline")
    assert record["body"][0].startswith("WASHINGTON (AP) — A Senate committee")
    assert "WASHINGTON" not in record["headline"]
    assert not any("redistributed" in p for p in record["body"])


def test_uk_numeric_date_is_read_day_first():
    assert _by_name("northgate_uk_date")["published"].startswith("2025-04-03")


def test_updated_line_gives_modified_not_published():
    record = _by_name("ridgeline_bio_updated")
    assert record["published"] == "2025-03-12"
    assert record["modified"] == "2025-03-12T21:40:00-06:00"


def test_bio_starting_with_author_name_is_out_of_the_body():
    record = _by_name("ridgeline_bio_updated")
    assert not any(p.startswith("Priya Natarajan") for p in record["body"])
    assert record["authors"][0]["bio"].startswith("Priya Natarajan covers")


def test_word_count_mismatch_is_an_anomaly():
    record = _by_name("meridian_wordcount_mismatch")
    [anomaly] = [a for a in record["anomalies"] if a["field"] == "word_count"]
    assert anomaly["raw"] == "512"
    assert "143" in anomaly["problem"]


def test_comment_thread_longer_than_the_article_is_not_the_body():
    record = _by_name("tidewater_comments_thread")
    assert record["body"][-1] == "The board will hold three public forums on the plan in May."
    assert not any("says:" in p or "teacher shortage" in p for p in record["body"])
    assert not any(p.endswith("...") for p in record["body"])  # the inline "Related articles" teasers
    assert record["section"] is None  # "Contact", the last menu entry above the headline, is no kicker


def test_short_lines_after_a_colon_are_list_items_of_the_body():
    text = (
        "Menu\nHome | News | Sport\n\nCity names three finalists for police chief\n\nBy Jane Doe | March 3, 2025\n\n"
        "The city council on Monday named three finalists to lead the police department, ending a search that "
        "took most of the year.\n\nThe finalists are:\nMaria Lopez, deputy chief\nTom Okafor, Ridgeville chief\n"
        "Ann Ruiz, state police captain\n\nThe council will vote on April 2, officials said.\n\nShare\nTweet\nEmail\n"
    )
    article = extract_textdump(Page(text=text, kind="text"))
    assert article.body[1:5] == ["The finalists are:", "Maria Lopez, deputy chief", "Tom Okafor, Ridgeville chief",
                                 "Ann Ruiz, state police captain"]
    assert article.blocks == ["paragraph", "paragraph", "list_item", "list_item", "list_item", "paragraph"]


def test_a_standfirst_without_a_final_period_is_not_the_headline():
    text = ("Menu\n\nThe Guardian view on the harbour: a city on the brink\n\n"
            "The authorities' repression has only fuelled the crisis. It is up to them to de-escalate, as others "
            "should tell them\n\nBy Jane Doe | March 3, 2025\n\n" + "The council met again on Tuesday. " * 8)
    article = extract_textdump(Page(text=text, kind="text"))
    assert article.headline == "The Guardian view on the harbour: a city on the brink"
    assert article.description.startswith("The authorities' repression")


def test_a_short_label_gives_way_to_the_full_headline_above_it():
    text = ("Markets\n\nShares slide as the central bank signals a longer pause\n\nOpening Bell\n\n"
            "By Jane Doe | March 3, 2025\n\n" + "Shares fell on Tuesday after the bank spoke. " * 8)
    assert extract_textdump(Page(text=text, kind="text")).headline == "Shares slide as the central bank signals a longer pause"


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["x", "By", "Tags: a | b", "\n\n\n", "©", "2025-58-24", "By Jane Doe\n\nHello.", "Headline only"],
)
def test_odd_pages_give_a_record_not_a_traceback(text: str):
    article = extract_textdump(Page(text=text, kind="text"))
    assert isinstance(article.body, list)
    assert isinstance(article.anomalies, list)


def test_long_page_keeps_every_paragraph():
    """Ten thousand paragraphs (the reader is linear in lines; speed is measured by the bench, not here)."""
    paragraph = "The council met on Tuesday and agreed the budget after a long debate, officials said."
    page = Page(text="A long page headline\n\nBy Jane Doe | March 3, 2025\n\n" + "\n\n".join([paragraph] * 10000), kind="text")
    article = extract_textdump(page)
    assert len(article.body) == 10000
    assert article.authors[0].name == "Jane Doe"


def test_random_lines_of_tricky_tokens_never_raise():
    """A deterministic fuzz: lines glued from bylines, dates (valid and not), labels, names and boilerplate."""
    import random

    rng = random.Random(7)
    pieces = ["By", "|", "—", "Tags:", "©", "2025", "2025-58-24", "3/4/2025", "31/31/2031", "11:02", "PM", "EST",
              "Updated", "Published:", "Word count:", "342", "Mark Swanson", "is a reporter", "covering", ":", '"',
              "«", "Sign up", "12 Comments", "says:", "Related stories", "Inc.", "a division of", "...", "\u00a0",
              "Par", "et", "and", "0001-01-01", "(c)", "All rights reserved", "x@y.z", "The", "council", "said", "."]
    for _ in range(300):
        lines = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(0, 40))]
        article = extract_textdump(Page(text="\n".join(lines), kind="text"))
        assert len(article.body) == len(article.blocks)
        assert all(isinstance(a.problem, str) and a.problem for a in article.anomalies)


def test_an_agency_byline_anchors_the_header_but_is_no_author():
    text = ("Storm closes ports along the northern coast\n\nBy Reuters | March 3, 2025\n\n"
            + "Ports along the northern coast closed on Monday as the storm approached, officials said. " * 4)
    article = extract_textdump(Page(text=text, kind="text"))
    assert article.headline == "Storm closes ports along the northern coast"
    assert article.authors == []
    assert article.published == "2025-03-03"
