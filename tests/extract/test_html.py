"""HTML fixtures, field by field: each test id names the page and the field that differs.

Expectations in ``tests/fixtures/html/*.expected.json`` were written by hand
before the extractor existed. Anomalies are compared on (field, raw,
repaired): the wording of ``problem`` may change without changing meaning.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline import extract
from byline.extract.authors import parse_byline
from byline.extract.html_meta import normalise_language
from byline.extract.jsonld import load_jsonld

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
PAGES = sorted(p for p in FIXTURES.glob("*.html"))
FIELDS = ("url", "canonical_url", "headline", "description", "authors", "published", "modified", "publisher",
          "site_name", "section", "tags", "language", "word_count", "body", "blocks", "anomalies")

_cache: dict[Path, dict] = {}


def _record(page: Path) -> dict:
    if page not in _cache:
        _cache[page] = extract(page, annotate=False).to_dict()
    return _cache[page]


def _expected(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def _anomaly_keys(items: list[dict]) -> list[tuple]:
    return sorted((a["field"], a["raw"], a["repaired"]) for a in items)


def test_there_are_five_fixtures() -> None:
    assert len(PAGES) >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("field", FIELDS)
def test_field(page: Path, field: str) -> None:
    got, want = _record(page)[field], _expected(page)[field]
    if field == "anomalies":
        got, want = _anomaly_keys(got), _anomaly_keys(want)
    assert got == want, f"{page.name}: field {field!r}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_no_boilerplate_in_body(page: Path) -> None:
    body = " ".join(_record(page)["body"]).lower()
    for phrase in ("cookie", "sign up", "subscribe", "share on", "comments", "read more", "related", "©"):
        assert phrase not in body, f"{page.name}: {phrase!r} leaked into the body"


@pytest.mark.parametrize(
    "raw, people, orgs",
    [
        ("By Ana Ruiz and Tom Bell", ["Ana Ruiz", "Tom Bell"], []),
        ("By Ana Ruiz, Tom Bell and Li Wei | Reuters", ["Ana Ruiz", "Tom Bell", "Li Wei"], ["Reuters"]),
        ("Staff writer", [], []),
        ("By Jane Doe, Senior Correspondent", ["Jane Doe"], []),
        ("Reporting by Ana Ruiz in Lima; Editing by Tom Bell", ["Ana Ruiz"], []),
        ("BY JANE DOE", ["Jane Doe"], []),
        ("Email the author", [], []),
        ("By Jane Doe Updated Nov. 24, 2025 6:58 p.m. ET", ["Jane Doe"], []),
        ("By The Associated Press", [], ["The Associated Press"]),
        ("The Editorial Board", [], ["The Editorial Board"]),
        ("News Desk", [], ["News Desk"]),
        ("Jane Doe for The Ledger", ["Jane Doe"], []),
        ("https://www.facebook.com/jane.doe", [], []),
        ("María José García de la Vega", ["María José García de la Vega"], []),
        ("Dr. Amara Okafor", ["Amara Okafor"], []),
        ("Sarah E. Needleman", ["Sarah E. Needleman"], []),
        ("Tom Krisher, AP Auto Writer", ["Tom Krisher"], []),
        ("Text: Vera Orlova", ["Vera Orlova"], []),
        ("Finian Hale. Sputnik International", ["Finian Hale"], []),
        ("Ana Ruiz y Tomás Bell", ["Ana Ruiz", "Tomás Bell"], []),
        ("Troy Smith, Cleveland.com", ["Troy Smith"], []),
        ("Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"], []),
        ("Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"], []),
    ],
)
def test_parse_byline(raw: str, people: list[str], orgs: list[str]) -> None:
    parts = parse_byline(raw)
    assert parts.people == people
    assert parts.organizations == orgs


def test_same_person_ignores_middle_initials_and_case() -> None:
    from byline.extract.authors import same_person

    assert same_person("Troy L. Smith", "troy smith")
    assert not same_person("Troy Smith", "Troy Smithson")


def test_placeholder_and_yearless_dates_are_not_candidates() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ice on the lake",'
            '"datePublished":"0001-01-01T00:00:00Z"}</script></head><body><article><h1>Ice on the lake</h1>'
            '<div class="date">November 20</div><p>' + "The lake froze early this year. " * 20 + '</p></article></body></html>')
    assert extract(html, annotate=False).published is None


def test_jsonld_repairs_trailing_commas_comments_and_cdata() -> None:
    raw = '//<![CDATA[\n{"@type": "NewsArticle", /* x */ "headline": "A", "author": {"name": "B",},}\n//]]>'
    values, problem = load_jsonld(raw)
    assert values == [{"@type": "NewsArticle", "headline": "A", "author": {"name": "B"}}]
    assert problem and "repaired" in problem


def test_jsonld_unreadable_is_reported_not_raised() -> None:
    values, problem = load_jsonld('{"@type": "NewsArticle", "headline": ')
    assert values == [] and problem


def test_jsonld_concatenated_objects() -> None:
    values, problem = load_jsonld('{"a": 1}\n{"b": 2}')
    assert values == [{"a": 1}, {"b": 2}] and problem is None


@pytest.mark.parametrize("raw, want", [("en_us", "en-US"), ("EN", "en"), ("zh-hant-tw", "zh-Hant-TW"), ("und", None),
                                       ("", None), ("not a language", None)])
def test_normalise_language(raw: str, want: str | None) -> None:
    assert normalise_language(raw) == want


def test_org_author_in_jsonld_is_not_a_person() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Water rates rise",'
            '"author":[{"@type":"Organization","name":"Reuters"},{"@type":"Person","name":"Ida Lund"}]}</script>'
            '</head><body><article><h1>Water rates rise</h1><p>' + "Rates rose again this year. " * 20 +
            '</p></article></body></html>')
    record = extract(html, annotate=False)
    assert [a.name for a in record.authors] == ["Ida Lund"]


def test_published_and_modified_kept_apart_and_conflict_reported() -> None:
    html = ('<html><head><meta property="article:published_time" content="2026-05-01T10:00:00Z">'
            '<meta property="article:modified_time" content="2026-05-02T08:30:00Z">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote delayed",'
            '"datePublished":"2026-05-03T10:00:00Z"}</script></head>'
            '<body><article><h1>Vote delayed</h1><p>' + "The council delayed the vote. " * 20 + '</p></article></body></html>')
    record = extract(html, annotate=False)
    assert record.published == "2026-05-03T10:00:00+00:00"
    assert record.modified is None  # earlier than published: dropped and reported
    assert {a.field for a in record.anomalies} >= {"published", "modified"}


def test_page_without_metadata_has_nulls_not_crash() -> None:
    record = extract("<html><body><p>" + "Just text here. " * 10 + "</p></body></html>", annotate=False)
    assert record.headline is None and record.authors == [] and record.published is None


@pytest.mark.parametrize(
    "html",
    [
        '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script><p>x</p>",
        '<script type="application/ld+json">42</script><script type="application/ld+json">"text"</script>',
        '<script type="application/ld+json">{"@type": [1, null], "author": 7, "headline": {"x": 1},'
        ' "keywords": 3, "datePublished": ["not a date"], "publisher": [null]}</script>',
        '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@id":"#me"},"@graph":null}</script>',
        "<html><head><meta name=author><meta property=og:title content></head></html>",
        '<meta name="author" content="' + "A" * 5000 + '"><time datetime="' + "9" * 300 + '"></time>',
        "<title>" + "Headline | " * 2000 + "</title>",
    ],
    ids=["deep-json", "scalar-json", "wrong-types", "dangling-id", "empty-attrs", "huge-values", "long-title"],
)
def test_hostile_metadata_gives_a_record(html: str) -> None:
    record = extract(html, annotate=False)
    assert record.schema_version == 1
    assert all(a.name and len(a.name) <= 60 for a in record.authors)


def test_displayed_headline_beats_social_og_title() -> None:
    html = ('<html><head><meta property="og:title" content="You will not believe what the council did"></head><body>'
            '<article><h1 class="headline">Council delays the budget vote again</h1><p>'
            + "The council delayed the vote. " * 20 + "</p></article></body></html>")
    assert extract(html, annotate=False).headline == "Council delays the budget vote again"
