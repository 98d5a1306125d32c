"""The web API and pages through FastAPI's TestClient, over a store built from web fixtures."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from byline.web import WebConfig, create_app
from byline.web.security import CONTENT_SECURITY_POLICY

_spec = importlib.util.spec_from_file_location("fixture_corpus", Path(__file__).with_name("fixture_corpus.py"))
fixture_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture_corpus)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "corpus.db"
    built = fixture_corpus.build_corpus(db)
    assert built["records"]["stored"] == 6 and built["hostile_page"]["stored"] == 1, built
    return db


@pytest.fixture(scope="module")
def client(corpus: Path) -> TestClient:
    with TestClient(create_app(WebConfig(db=str(corpus)))) as c:
        yield c


def _article_id(client: TestClient, headline_part: str) -> int:
    items = client.get("/api/articles", params={"limit": 100}).json()["items"]
    return next(a["id"] for a in items if headline_part in (a["headline"] or ""))


# -- JSON endpoints ------------------------------------------------------------------------

def test_status_counts_the_corpus(client: TestClient) -> None:
    body = client.get("/api/status").json()
    assert body["articles"] == 7
    assert body["allow_ingest"] is False


def test_articles_list_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/api/articles").json()
    assert everything["total"] == 7 and len(everything["items"]) == 7
    dates = [a["published"] for a in everything["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    page = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in page["items"]] == [a["id"] for a in everything["items"][2:4]]
    assert page["total"] == 7
    gazette = client.get("/api/articles", params={"outlet": "Harbor Gazette"}).json()
    assert gazette["total"] == 2 and {a["outlet"] for a in gazette["items"]} == {"Harbor Gazette"}
    dated = client.get("/api/articles", params={"since": "2026-03-03", "until": "2026-03-05"}).json()
    assert {a["published"][:10] for a in dated["items"]} == {"2026-03-03", "2026-03-04", "2026-03-05"}
    by_author = client.get("/api/articles", params={"author": "Pieter Vance"}).json()
    assert by_author["total"] == 2


def test_one_article_has_its_full_record(client: TestClient) -> None:
    records = fixture_corpus.load_records()
    article_id = _article_id(client, "death toll passes 20")
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["id"] == article_id and body["outlet"] == "Harbor Gazette"
    expected = next(r for r in records if r["headline"] == body["record"]["headline"])
    assert body["record"] == expected  # the record round-trips unchanged
    assert body["record"]["anomalies"][1]["repaired"] == "2026-03-03"


def test_unknown_and_invalid_article_ids(client: TestClient) -> None:
    missing = client.get("/api/articles/9999")
    assert missing.status_code == 404 and "9999" in missing.json()["error"]
    for bad in ("abc", "0", "-3", "1.5"):
        response = client.get(f"/api/articles/{bad}")
        assert response.status_code == 422, bad
        assert response.json()["problems"][0]["parameter"] == "article_id"


def test_search_ranks_and_marks_matches(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "rooftops"}).json()["items"]
    assert [h["headline"] for h in hits] == ["Floods sweep Marrow Valley; at least 12 dead"]
    marked = [text for text, match in hits[0]["snippet_parts"] if match]
    assert marked and all(m.lower().startswith("rooftop") for m in marked)
    filtered = client.get("/api/search", params={"q": "Marrow Valley", "outlet": "Coastline Wire"}).json()["items"]
    assert filtered and {h["outlet"] for h in filtered} == {"Coastline Wire"}
    by_speaker = client.get("/api/search", params={"q": "Marrow", "speaker": "Tomas Leary"}).json()["items"]
    assert [h["outlet"] for h in by_speaker] == ["Harbor Gazette"]
    later = client.get("/api/search", params={"q": "Marrow", "since": "2026-03-06"}).json()["items"]
    assert later and all(h["published"][:10] >= "2026-03-06" for h in later)


@pytest.mark.parametrize("params, status, parameter", [
    ({}, 422, "q"),
    ({"q": ""}, 422, "q"),
    ({"q": "x" * 501}, 422, "q"),
    ({"q": "flood", "limit": 0}, 422, "limit"),
    ({"q": "flood", "limit": 101}, 422, "limit"),
    ({"q": "flood", "offset": -1}, 422, "offset"),
    ({"q": "flood", "since": "2026-13-01"}, 422, "since"),
    ({"q": "flood", "until": "yesterday"}, 422, "until"),
])
def test_search_rejects_bad_parameters_clearly(client: TestClient, params: dict, status: int, parameter: str) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == status
    problems = response.json()["problems"]
    assert [p["parameter"] for p in problems] == [parameter]
    assert problems[0]["problem"]


def test_search_refuses_an_empty_date_range_and_blank_text(client: TestClient) -> None:
    backwards = client.get("/api/search", params={"q": "flood", "since": "2026-03-05", "until": "2026-03-01"})
    assert backwards.status_code == 400 and "after" in backwards.json()["error"]
    blank = client.get("/api/search", params={"q": "   "})
    assert blank.status_code == 400
    punctuation = client.get("/api/search", params={"q": "!!! ???"})
    assert punctuation.status_code == 400 and "word" in punctuation.json()["error"]
    page = client.get("/search", params={"q": "?!"})
    assert page.status_code == 422 and "Nothing to search for" in page.text
    syntax = client.get("/api/search", params={"q": 'NEAR(" AND OR * ^ "Marrow'})
    assert syntax.status_code == 200  # FTS syntax is read as words, never as a query


def test_quotes_filter_by_speaker_anonymity_and_relay(client: TestClient) -> None:
    brandt = client.get("/api/quotes", params={"speaker": "Ilse Brandt"}).json()["items"]
    assert len(brandt) == 6 and {q["speaker_name"] for q in brandt} == {"Ilse Brandt"}
    anonymous = client.get("/api/quotes", params={"anonymous": "true"}).json()["items"]
    assert anonymous and all(q["anonymous"] for q in anonymous)
    assert {"a senior rescue official", "two officials"} <= {q["speaker_descriptor"] for q in anonymous}
    relayed = client.get("/api/quotes", params={"via": "Coastline Wire"}).json()["items"]
    assert len(relayed) == 3 and {q["via"] for q in relayed} == {"Coastline Wire"}
    assert client.get("/api/quotes", params={"anonymous": "perhaps"}).status_code == 422
    assert client.get("/api/quotes", params={"article_id": "99999999999999999999999"}).status_code == 422


def test_speakers_and_figures(client: TestClient) -> None:
    speakers = client.get("/api/speakers").json()["items"]
    assert speakers[0]["name"] == "Ilse Brandt" and speakers[0]["quote_count"] == 6
    found = client.get("/api/speakers", params={"q": "leary"}).json()["items"]
    assert [s["name"] for s in found] == ["Tomas Leary"]
    figures = client.get("/api/figures", params={"counts": "killed"}).json()["items"]
    fixture_points = [f for f in figures if "Hostile" not in f["outlet"]]
    assert [(f["outlet"], f["bound"], f["value"]) for f in fixture_points] == [
        ("Coastline Wire", "at_least", 12), ("Northfield Daily", "at_least", 12),
        ("Harbor Gazette", "more_than", 20), ("Coastline Wire", "about", 30), ("Harbor Gazette", "range", None),
    ]
    assert (fixture_points[-1]["low"], fixture_points[-1]["high"]) == (31, 35)
    assert client.get("/api/figures").status_code == 422
    assert client.get("/api/figures", params={"counts": " "}).status_code == 400


def test_sources_and_stories(client: TestClient) -> None:
    profiles = {p["outlet"]: p for p in client.get("/api/sources").json()["items"]}
    gazette = profiles["Harbor Gazette"]
    assert (gazette["named"], gazette["anonymous"], gazette["organization"], gazette["relayed"]) == (3, 2, 1, 1)
    one = client.get("/api/sources", params={"outlet": "Northfield Daily"}).json()["items"]
    assert [p["outlet"] for p in one] == ["Northfield Daily"]
    stories = client.get("/api/stories").json()["items"]
    assert len(stories) == 1
    copies = stories[0]["copies"]
    assert [c["outlet"] for c in copies] == ["Coastline Wire", "Northfield Daily"] and copies[0]["is_original"]
    assert any("Quay Street" in p for p in copies[1]["added_paragraphs"])
    assert any("rooftops" in p for p in copies[1]["cut_paragraphs"])
    assert client.get("/api/stories", params={"min_copies": 1}).status_code == 422
    assert client.get("/api/stories", params={"offset": 1}).json()["items"] == []
    one = client.get(f"/api/stories/{stories[0]['story_id']}").json()
    assert one == stories[0]
    assert client.get("/api/stories/999").status_code == 404
    outlets = {o["name"]: o for o in client.get("/api/outlets").json()["items"]}
    assert outlets["Harbor Gazette"]["articles"] == 2
    assert outlets["Harbor Gazette"]["first_published"][:10] == "2026-03-03"


def test_openapi_and_docs_describe_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search", "/api/quotes", "/api/speakers",
            "/api/figures", "/api/sources", "/api/stories", "/api/stories/{story_id}", "/api/outlets"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)  # HTML pages are not API
    docs = client.get("/docs")
    assert docs.status_code == 200
    for path in paths:
        assert path in docs.text
    assert "cdn" not in docs.text.lower() and "swagger" not in docs.text.lower()


def test_row_serialisation_matches_asdict(corpus: Path) -> None:
    """Rows serialise field by field (fast); the result is what dataclasses.asdict gives."""
    from dataclasses import asdict

    from byline.corpus import queries
    from byline.store import open_store

    with open_store(corpus, readonly=True) as store:
        rows = [*queries.list_articles(store)[0], *queries.quotes(store), *queries.speakers(store),
                *queries.figures(store, "killed"), *queries.sources(store), *queries.stories(store),
                *queries.search(store, "Marrow"), *queries.outlets(store)]
    kinds = {type(r).__name__ for r in rows}
    assert kinds == {"ArticleSummary", "QuoteRow", "SpeakerRow", "FigureRow", "SourceProfile", "StoryRow", "SearchHit",
                     "OutletRow"}
    for row in rows:
        expected = asdict(row)
        if "snippet_parts" in expected:
            expected["snippet_parts"] = [list(part) for part in expected["snippet_parts"]]
        assert row.to_dict() == expected, type(row).__name__


def test_json_answers_are_the_bytes_the_standard_encoder_writes() -> None:
    """orjson encodes the API's answers; the bytes equal Starlette's JSONResponse, big integers fall back."""
    from fastapi.responses import JSONResponse

    from byline.web.responses import FastJSONResponse

    content = {"items": [{"headline": "Floods \u2014 \u00e9vacuation <script>", "value": 2.5, "n": 12, "ok": True,
                          "none": None, "parts": [["a \"quoted\" word", False]], "emoji": "\U0001f30a"}]}
    assert FastJSONResponse(content).body == JSONResponse(content).body
    huge = {"value": 10**30}
    assert FastJSONResponse(huge).body == JSONResponse(huge).body == b'{"value":1000000000000000000000000000000}'


# -- writes ----------------------------------------------------------------------------------

def test_no_endpoint_writes_without_allow_ingest(client: TestClient) -> None:
    for path in ("/api/ingest/samples", "/ingest-samples"):
        response = client.post(path)
        assert response.status_code == 403
    assert client.get("/api/status").json()["articles"] == 7
    for path in ("/api/articles", "/api/search"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405


def test_ingest_samples_when_allowed(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(fixture_corpus.HOSTILE_PAGE, samples / "page.html")
    db = tmp_path / "empty.db"
    app = create_app(WebConfig(db=str(db), allow_ingest=True, samples_dir=samples))
    from byline.store import open_store

    open_store(db).close()
    with TestClient(app) as c:
        assert "Ingest the sample pages" in c.get("/").text
        refused = c.post("/api/ingest/samples", headers={"Origin": "http://evil.example"})
        assert refused.status_code == 403 and "cross-site" in refused.json()["error"]
        done = c.post("/api/ingest/samples", headers={"Origin": "http://testserver"})
        assert done.status_code == 200 and done.json()["stored"] == 1
        again = c.post("/ingest-samples", follow_redirects=False)
        assert again.status_code == 303
        assert c.get("/api/status").json()["articles"] == 1  # the rerun added nothing


# -- headers and static files ----------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/search?q=flood", "/api/articles", "/static/css/byline.css", "/api/articles/9999", "/nowhere"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", [
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2fpyproject.toml",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/css/..%2f..%2f..%2fweb%2fapp.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
])
def test_static_files_never_leave_their_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "[project]" not in response.text and "root:" not in response.text and "create_app" not in response.text


def test_vendored_chart_library_and_licence_are_served(client: TestClient) -> None:
    script = client.get("/static/vendor/chartjs/chart.umd.min.js")
    assert script.status_code == 200 and "Chart.js v4" in script.text[:200]
    assert "MIT" in client.get("/static/vendor/chartjs/LICENSE.md").text


# -- pages -------------------------------------------------------------------------------------

def test_pages_render(client: TestClient) -> None:
    article_id = _article_id(client, "death toll passes 20")
    for path, needle in [
        ("/", "Latest articles"),
        ("/search?q=rooftops", "<mark>rooftops</mark>"),
        ("/search?outlet=Harbor+Gazette", "2 articles match these filters"),
        (f"/articles/{article_id}", "What byline noticed in this page"),
        ("/speakers", "Ilse Brandt"),
        ("/speaker?name=Ilse+Brandt", "6 quotes"),
        ("/figures?counts=killed", 'id="figure-chart"'),
        ("/figures", '<a href="/figures?counts=people+killed">people killed</a> <span class="times">×6</span>'),
        ("/sources", 'id="sources-chart"'),
        ("/stories", "Floods sweep Marrow Valley"),
        ("/stories/1", "Quay Street"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert needle in response.text, (path, needle)


def test_article_page_marks_quotes_claims_and_sources(client: TestClient) -> None:
    html = client.get(f"/articles/{_article_id(client, 'death toll passes 20')}").text
    assert 'data-speaker="a senior rescue official" data-category="anonymous"' in html
    assert '<span class="via">via Coastline Wire</span>' in html
    assert 'class="claim" tabindex="0" aria-describedby="claim-tip-0"' in html
    assert "more than 20 people killed" in html and "Source: Marrow Valley Emergency Office" in html
    assert "2 named" in html and "2 anonymous" in html and "1 relayed" in html
    assert "the page says 151 words but its body has 128" in html


def test_article_page_resolves_relative_dates(client: TestClient) -> None:
    # the hostile HTML page went through the whole pipeline: "on Wednesday" of a 2026-03-04 report
    html = client.get(f"/articles/{_article_id(client, 'Relief convoy')}").text
    assert '<time class="timex" datetime="2026-03-04" title="Wednesday: 2026-03-04">Wednesday</time>' in html
    assert '<ul class="entities">' in html


def test_bad_page_parameters_get_a_plain_error_page(client: TestClient) -> None:
    response = client.get("/search", params={"q": "flood", "since": "last week"})
    assert response.status_code == 422 and "YYYY-MM-DD" in response.text and "<!doctype html>" in response.text
    assert client.get("/articles/424242").status_code == 404
    assert client.get("/stories/99").status_code == 404


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    hostile = [a["id"] for a in client.get("/api/articles").json()["items"] if "<script>" in (a["headline"] or "")]
    assert len(hostile) == 2  # the hostile record and the hostile HTML page
    pages = [f"/articles/{i}" for i in hostile] + [
        "/", "/search?q=pwned", "/speakers", "/figures?counts=killed", "/sources",
        "/speaker?name=%3Cimg+src%3Dx+onerror%3D%22window.__pwned%3D1%22%3E",
    ]
    for path in pages:
        html = client.get(path).text
        lowered = html.lower()
        assert "<script>window" not in lowered and "<img src=x" not in lowered and "<svg onload" not in lowered, path
        assert "href=\"javascript:" not in lowered and "onerror=\"window" not in lowered, path
        scripts = re.findall(r"<script[^>]*>", lowered)
        assert all(re.fullmatch(r'<script src="/static/[a-z0-9/._-]+">', tag) for tag in scripts), (path, scripts)
    record_page = client.get(f"/articles/{hostile[0]}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in record_page
    assert "javascript:window.__pwned=1" in record_page  # the URL is shown as text, not as a link
