"""Exact and near duplicates, stories, and each copy's added and cut paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

from byline.corpus import ingest_paths, queries
from byline.corpus.dedupe import STORY_THRESHOLD, content_hash, paragraph_changes, signature, similarity
from byline.store import open_store

from corpus_helpers import page_html, paragraphs

CORPUS_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_content_hash_ignores_case_punctuation_and_spacing():
    a = ["The Council met on Monday.", "It voted 7-2."]
    b = ["the council met on monday ", "It  voted 7 2!"]
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(["The Council met on Tuesday.", "It voted 7-2."])


def test_similarity_separates_copies_from_other_stories():
    body = paragraphs(1, 8)
    copy = body[:5] + ["A local paragraph added by the second outlet about its own town and its council."] + body[5:]
    cut = body[:3] + body[4:]
    other = paragraphs(2, 8)
    sig = signature(body)[0]
    assert similarity(sig, signature(copy)[0]) >= STORY_THRESHOLD
    assert similarity(sig, signature(cut)[0]) >= STORY_THRESHOLD
    assert similarity(sig, signature(other)[0]) < 0.2
    assert similarity(sig, sig) == 1.0


def test_paragraph_changes():
    original = ["One.", "Two two two.", "Three.", "Four four."]
    copy = ["One.", "Two two two!", "Inserted by the copy.", "Four four."]
    added, cut, edited = paragraph_changes(original, copy)
    assert added == ["Inserted by the copy."] and cut == ["Three."] and edited == []
    assert paragraph_changes(original, original) == ([], [], [])
    figure = ["At least 12 people were killed, officials said on Monday."]
    later = ["At least 19 people were killed, officials said on Tuesday."]
    assert paragraph_changes(figure, later) == ([], [], [[figure[0], later[0]]])


def test_syndicated_copies_form_one_story_with_changes(tmp_path):
    db = tmp_path / "c.db"
    # Ingest newest first, so the original is found by date, not by arrival order.
    files = sorted(CORPUS_FIXTURES.glob("*.html"), key=lambda p: p.name)
    report = ingest_paths(files[::-1], db, workers=1, annotate=False)
    assert report.stored == 4
    with open_store(db, readonly=True) as store:
        stories = queries.stories(store)
        assert len(stories) == 1
        story = stories[0]
        by_outlet = {c.outlet: c for c in story.copies}
        assert set(by_outlet) == {"Riverside Gazette", "The Daily Aldane", "Northfield Courier"}
        original = by_outlet["Riverside Gazette"]
        assert original.is_original and story.copies[0] is original
        assert story.headline == "At least 12 killed as landslides bury villages in Orvano hills"
        aldane, northfield = by_outlet["The Daily Aldane"], by_outlet["Northfield Courier"]
        assert not aldane.is_original and not northfield.is_original
        assert len(aldane.added_paragraphs) == 1 and aldane.added_paragraphs[0].startswith("In Aldane, the city council")
        assert aldane.cut_paragraphs == [] and aldane.edited_paragraphs == []
        assert northfield.added_paragraphs == [] and northfield.edited_paragraphs == []
        assert len(northfield.cut_paragraphs) == 1 and "Everyone knew the slope was moving" in northfield.cut_paragraphs[0]
        # The follow-up report (different text, same outlet as the original) is not a copy.
        followup = [s for s in store.list_articles(outlet=None, since=None, until=None, author=None, limit=10,
                                                   offset=0)[0] if "toll rises" in (s.headline or "")][0]
        assert followup.story_id is None
        assert queries.stories(store, min_copies=4) == []


def test_exact_copy_on_another_outlet_joins_the_story_and_on_the_same_outlet_is_dropped(tmp_path):
    body = paragraphs(9, 6)
    lines = [
        {"url": "https://first.example/a", "html": page_html("Wire story", body, url="https://first.example/a",
                                                             published="2026-05-01T10:00:00Z", site="First")},
        {"url": "https://second.example/b", "html": page_html("Wire story", body, url="https://second.example/b",
                                                              published="2026-05-01T12:00:00Z", site="Second")},
        {"url": "https://first.example/a-again", "html": page_html("Wire story", body,
                                                                   url="https://first.example/a-again",
                                                                   published="2026-05-01T10:00:00Z", site="First")},
    ]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    report = ingest_paths([path], tmp_path / "c.db", workers=1, annotate=False)
    assert (report.stored, report.duplicates) == (2, 1)
    with open_store(tmp_path / "c.db", readonly=True) as store:
        (story,) = queries.stories(store)
        assert [(c.outlet, c.is_original, c.similarity) for c in story.copies] == [("First", True, 1.0),
                                                                                   ("Second", False, 1.0)]


def test_an_earlier_copy_arriving_later_becomes_the_original(tmp_path):
    body = paragraphs(11, 6)
    def line(domain, published, extra=()):
        url = f"https://{domain}/s"
        return json.dumps({"url": url, "html": page_html("Wire", body + list(extra), url=url, published=published,
                                                           site=domain)})
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join([line("late.example", "2026-05-02T10:00:00Z", ["Late addition from the late outlet."]),
                               line("middle.example", "2026-05-01T15:00:00Z"),
                               line("early.example", "2026-05-01T09:00:00Z")]))
    ingest_paths([path], tmp_path / "c.db", workers=1, annotate=False)
    with open_store(tmp_path / "c.db", readonly=True) as store:
        (story,) = queries.stories(store)
        assert story.copies[0].outlet == "early.example" and story.copies[0].is_original
        assert sum(c.is_original for c in story.copies) == 1
        late = [c for c in story.copies if c.outlet == "late.example"][0]
        assert late.added_paragraphs == ["Late addition from the late outlet."]


def test_one_story_by_id_and_paging(tmp_path):
    db = tmp_path / "c.db"
    ingest_paths([CORPUS_FIXTURES], db, workers=1, annotate=False)
    with open_store(db, readonly=True) as store:
        (listed,) = queries.stories(store)
        assert queries.story(store, listed.story_id) == listed
        assert queries.story(store, listed.story_id + 100) is None
        assert queries.stories(store, limit=1, offset=1) == []


def test_same_page_fetched_again_with_a_changed_text_is_a_revision_in_the_same_story(tmp_path):
    body = paragraphs(31, 6)
    first = ["At least 12 people were killed in the landslides, officials said."] + body
    second = ["At least 19 people were killed in the landslides, officials said."] + body
    url = "https://paper.example/landslides"
    lines = [{"url": url, "html": page_html("Landslides", first, url=url, published="2026-05-04T08:00:00Z"),
              "fetched": "2026-05-04T09:00:00Z"},
             {"url": url + "?utm_source=feed", "html": page_html("Landslides", second, url=url,
                                                                 published="2026-05-04T08:00:00Z"),
              "fetched": "2026-05-05T09:00:00Z"},
             {"url": url, "html": page_html("Landslides", second, url=url, published="2026-05-04T08:00:00Z"),
              "fetched": "2026-05-06T09:00:00Z"}]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    report = ingest_paths([path], tmp_path / "c.db", workers=1, annotate=False)
    assert (report.stored, report.duplicates) == (2, 1)  # the third fetch repeats the second
    with open_store(tmp_path / "c.db", readonly=True) as store:
        (story,) = queries.stories(store)
        original, revision = story.copies
        assert original.is_original and queries.get_article(store, original.article_id).fetched.startswith("2026-05-04")
        assert revision.edited_paragraphs == [[first[0], second[0]]]
        assert revision.added_paragraphs == [] and revision.cut_paragraphs == []
