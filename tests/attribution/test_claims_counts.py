"""What a figure counts (``Quantity.counts``): the rules of 2026-11-25 (second batch), on sentences written for
these tests. Each case would read differently without its rule (see the comment by it)."""

from __future__ import annotations

import pytest

from byline.attribution.claims import annotate_claims
from byline.attribution.entities import annotate_entities
from byline.model import Article
from byline.nlp import parse_paragraphs


def counts_of(*paragraphs: str) -> list[str | None]:
    article = Article(body=list(paragraphs))
    adoc = parse_paragraphs(article.body)
    annotate_entities(article, adoc)
    annotate_claims(article, adoc)
    return [q.counts for c in article.claims for q in c.quantities]


@pytest.mark.parametrize(
    "sentence, counts",
    [
        # a modifier's own words come with it (was "quarter profit", "sector debt", "state fees")
        ("The bank posted first-quarter profit of $310 million.", ["first-quarter profit"]),
        ("Public sector debt climbed to £2.6 trillion.", ["public sector debt"]),
        ("Out-of-state fees rose to $14,200.", ["out-of-state fees"]),
        ("The college will raise in-state fees by 4% next year.", ["in-state fees"]),
    ],
)
def test_hyphenated_and_nested_modifiers_stay_with_the_noun(sentence, counts):
    assert counts_of(sentence) == counts


@pytest.mark.parametrize(
    "sentence, counts",
    [
        # a state given by a copula (was "climbers" / "hikers")
        ("Four climbers died and 6 remain missing on the glacier.", ["climbers died", "climbers missing"]),
        ("About 30 hikers were still unaccounted for.", ["hikers unaccounted for"]),
        ("At least 12 sailors are still trapped below deck.", ["sailors trapped"]),
    ],
)
def test_a_state_after_be_or_remain_says_what_is_counted(sentence, counts):
    assert counts_of(sentence) == counts


@pytest.mark.parametrize(
    "sentence, counts",
    [
        # the infinitive a verb of compulsion needs (was "tenants ordered", "villagers forced")
        ("Some 800 tenants were ordered to leave the tower.", ["tenants ordered to leave"]),
        ("The floods forced 2,000 villagers to flee.", ["villagers forced to flee"]),
        # a bare singular noun of place or state after to/in/into (was "cyclists taken", "suspects held")
        ("Nine cyclists were taken to hospital after the crash.", ["cyclists taken to hospital"]),
        ("Police said 14 suspects were held in custody overnight.", ["suspects held in custody"]),
    ],
)
def test_a_participle_keeps_the_complement_that_says_what_happened(sentence, counts):
    assert counts_of(sentence) == counts


def test_a_purpose_infinitive_and_a_determined_place_are_not_complements():
    assert counts_of("The district cut 60 posts to save money.") == ["posts cut"]
    assert counts_of("Nine cyclists were taken to the clinic on Dover Road.") == ["cyclists taken"]


def test_an_irregular_past_tense_gives_the_participle():
    # was "patients took", "tickets gave"
    assert counts_of("Ambulances took 15 patients to the field clinic.") == ["patients taken"]
    assert counts_of("The club gave 300 tickets to schools.") == ["tickets given"]


@pytest.mark.parametrize(
    "sentence, counts",
    [
        # a share an agent offers is counted by the act (was "council", "management")
        ("The council has offered 3.5% to its refuse workers.", ["offered"]),
        ("The management has offered 2% now and a further 1.5% in April.", ["offered", "offered"]),
    ],
)
def test_a_share_an_agent_acts_on_is_counted_by_the_act(sentence, counts):
    assert counts_of(sentence) == counts


def test_a_measured_subject_is_still_the_count():
    assert counts_of("Inflation rose to 3.2% in May.") == ["inflation"]
    assert counts_of("The union rejected the 3% offer.") == ["offer"]


@pytest.mark.parametrize(
    "sentence, counts",
    [
        # the subject holds the share, not the whole after "of" (was "exports", "workforce", "costs")
        ("Tourism accounted for about 12 percent of exports.", ["tourism"]),
        ("Women make up 46% of the workforce.", ["women"]),
        ("Fuel represents 30% of the airline's costs.", ["fuel"]),
    ],
)
def test_a_share_held_by_the_subject(sentence, counts):
    assert counts_of(sentence) == counts


def test_head_of_livestock_counts_the_animals():
    assert counts_of("The drought killed 4,500 head of sheep.") == ["sheep killed"]


@pytest.mark.parametrize(
    "sentence, counts",
    [
        # a distance to a place (was "northeast", "south")
        ("The epicentre lay 40 km northeast of the mining town of Orvel.", ["distance from Orvel"]),
        ("The wreck was found 12 miles south of the harbour.", ["distance from harbour"]),
    ],
)
def test_a_distance_with_a_compass_point_is_a_distance_from_the_place(sentence, counts):
    assert counts_of(sentence) == counts


def test_a_frequency_adjective_belongs_to_the_counted_noun():
    # was "shuttles" (the subject): "daily" is tagged as a date and used to end the noun run
    assert counts_of("The shuttles will carry some 5,000 daily visitors.") == ["daily visitors carried"]
