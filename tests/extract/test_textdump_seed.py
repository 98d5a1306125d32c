"""The founding page, read exactly right (skips when ../shared is absent)."""

from __future__ import annotations

import pytest

from byline import extract
from byline.extract.wordcount import count_words

SEED_TAGS = ["donald trump", "talks", "nicolás maduro", "drugstrikes", "venezuela", "marco rubio", "military"]
BIO = "Mark Swanson, a Newsmax writer and editor, has nearly three decades of experience covering news, culture and politics."
LEAD = (
    "President Donald Trump is planning a call with Venezuelan President Nicolás Maduro to discuss U.S. military "
    "strikes targeting the country's drug-smuggling operations, including attacks on narco boats leaving "
    "Venezuela, Axios reported Monday."
)
LAST = (
    "\"The hawk in Venezuela is Donald Trump, followed by [White House deputy chief of staff] Stephen Miller, "
    "followed by Marco Rubio,\" a third U.S. official told Axios."
)


@pytest.fixture
def seed(seed_path):
    return extract(seed_path, annotate=False)


def test_headline(seed):
    assert seed.headline == "Trump Planning Talks With Maduro About Drug Strikes"


def test_author_with_bio_out_of_body(seed):
    assert [a.to_dict() for a in seed.authors] == [{"name": "Mark Swanson", "bio": BIO}]
    assert all("Mark Swanson" not in p for p in seed.body)


def test_dates(seed):
    assert seed.published == "2025-11-24T18:58:00-05:00"
    assert seed.modified is None


def test_minute_for_month_date_is_repaired_and_reported(seed):
    found = [a for a in seed.anomalies if a.raw == "2025-58-24"]
    assert len(found) == 1
    assert found[0].field == "published"
    assert found[0].repaired == "2025-11-24"
    assert "minute" in found[0].problem
    assert len(seed.anomalies) == 1  # nothing else on this page is wrong


def test_metadata_fields(seed):
    assert seed.publisher == "Newsmax Media, Inc."
    assert seed.site_name == "Newsmax"
    assert seed.section == "Newsfront"
    assert seed.tags == SEED_TAGS
    assert seed.description == LEAD
    assert seed.language == "en"


def test_body_is_exactly_the_eleven_paragraphs(seed):
    assert len(seed.body) == 11
    assert seed.body[0] == LEAD
    assert seed.body[-1] == LAST
    assert seed.blocks == ["paragraph"] * 11
    joined = "\n".join(seed.body)
    for junk in ("Skip to main content", "Newsletter", "Community", "rights reserved", "Newsmax App",
                 "Tags:", "NEWSMAX.COM", "Advertising", "Newsfront", "By "):
        assert junk not in joined


def test_word_count_read_and_checked(seed):
    assert seed.word_count == 342
    assert count_words(seed.body) == 342
    assert not [a for a in seed.anomalies if a.field == "word_count"]
