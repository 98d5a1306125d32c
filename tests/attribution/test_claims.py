"""Numeric claims on sentences written for these tests: hedges, number words, currencies, ranges, non-claims."""

from __future__ import annotations

import pytest

from byline.attribution.claims import annotate_claims
from byline.attribution.entities import annotate_entities
from byline.model import Article, Quote, Speaker
from byline.nlp import parse_paragraphs


def run(*paragraphs: str, quotes: list[Quote] | None = None) -> Article:
    article = Article(body=list(paragraphs), quotes=quotes or [])
    adoc = parse_paragraphs(article.body)
    annotate_entities(article, adoc)
    annotate_claims(article, adoc)
    return article


def only_quantity(sentence: str):
    article = run(sentence)
    assert len(article.claims) == 1, [c.to_dict() for c in article.claims]
    assert len(article.claims[0].quantities) == 1, article.claims[0].to_dict()
    return article.claims[0].quantities[0]


@pytest.mark.parametrize(
    "sentence, value, bound",
    [
        ("At least 40 people were injured in the crash.", 40, "at_least"),
        ("More than 40 people were injured in the crash.", 40, "more_than"),
        ("Over 100 flights were cancelled at the airport.", 100, "more_than"),
        ("Nearly 300 firefighters battled the blaze.", 300, "less_than"),
        ("Almost 300 firefighters battled the blaze.", 300, "less_than"),
        ("Fewer than 20 students attended the meeting.", 20, "less_than"),
        ("Roughly 2.5 million visitors came to the fair.", 2_500_000, "about"),
        ("About 1,200 homes were destroyed.", 1200, "about"),
        ("Some 300 soldiers crossed the border.", 300, "about"),
        ("Up to 5,000 residents could be evacuated.", 5000, "at_most"),
        ("As many as 70 homes were damaged.", 70, "at_most"),
        ("The temperature reached 40 degrees or more.", 40, "at_least"),
        ("Crews rescued 17 hikers from the ridge.", 17, "exact"),
    ],
)
def test_hedges_set_the_bound(sentence, value, bound):
    quantity = only_quantity(sentence)
    assert (quantity.value, quantity.bound) == (value, bound)


def test_bounds_fill_low_and_high():
    assert (lambda q: (q.low, q.high))(only_quantity("At least 40 people were hurt.")) == (40, None)
    assert (lambda q: (q.low, q.high))(only_quantity("Up to 40 people were hurt.")) == (None, 40)
    assert (lambda q: (q.low, q.high))(only_quantity("Exactly 40 people were hurt.")) == (40, 40)


@pytest.mark.parametrize(
    "sentence, value, bound",
    [
        ("A dozen villages were flooded.", 12, "exact"),
        ("Half a dozen boats sank in the harbour.", 6, "exact"),
        ("Twenty-one candidates are running for the seat.", 21, "exact"),
        ("Three hundred volunteers signed up.", 300, "exact"),
        ("Dozens of protesters were arrested.", 24, "at_least"),
        ("Hundreds of residents lost power.", 200, "at_least"),
        ("Tens of thousands of people fled the city.", 20_000, "at_least"),
        ("Hundreds of thousands of people marched.", 200_000, "at_least"),
        ("About a dozen villages were flooded.", 12, "about"),
    ],
)
def test_number_words_and_vague_plurals(sentence, value, bound):
    quantity = only_quantity(sentence)
    assert (quantity.value, quantity.bound) == (value, bound)


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("The council approved a $4.5 million budget.", 4_500_000, "USD"),
        ("The fund raised £3bn from investors.", 3_000_000_000, "GBP"),
        ("The bank lent €250 million to the city.", 250_000_000, "EUR"),
        ("Prices rose 3.2% in the quarter.", 3.2, "percent"),
        ("Turnout was 61 per cent.", 61, "percent"),
        ("Support fell by 4 percentage points.", 4, "percentage points"),
        ("The storm travelled 120 km inland.", 120, "km"),
        ("The fire has burned 12,000 acres.", 12_000, "acres"),
        ("Police detained 14 protesters.", 14, "people"),
    ],
)
def test_units(sentence, value, unit):
    quantity = only_quantity(sentence)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_ranges():
    quantity = only_quantity("Between 40 and 50 people gathered outside.")
    assert (quantity.bound, quantity.low, quantity.high, quantity.value) == ("range", 40, 50, 40)
    quantity = only_quantity("The repairs will cost $2 million to $3 million.")
    assert (quantity.bound, quantity.low, quantity.high, quantity.unit) == ("range", 2_000_000, 3_000_000, "USD")


def test_from_to_is_two_figures_not_a_range():
    article = run("The jobless rate rose from 4.1 percent to 4.4 percent.")
    assert [q.bound for q in article.claims[0].quantities] == ["exact", "exact"]


@pytest.mark.parametrize(
    "sentence, counts",
    [
        ("At least 83 people have been killed in the strikes.", "people killed"),
        ("The storm damaged 2,300 homes.", "homes damaged"),
        ("Officials counted 21 missile strikes.", "missile strikes"),
        ("Dozens of protesters were arrested.", "protesters arrested"),
        ("Unemployment rose to 4.1 percent.", "unemployment"),
        ("The council approved a $4.5 million budget.", "budget"),
    ],
)
def test_counts(sentence, counts):
    assert only_quantity(sentence).counts == counts


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote is scheduled for March 3.",
        "In 2024, the plan was approved.",
        "The 45-year-old said she would run again.",
        "The mayor, Jane Roe, 52, said the plan was sound.",
        "One official said the plan was sound.",
        "Two officials said the plan was sound.",
        "The war started three years ago.",
        "The meeting starts at 6:30 p.m.",
        "The Tigers won 3-1 on Saturday.",
        "She was the first woman to hold the post.",
        "The COVID-19 rules were lifted.",
    ],
)
def test_not_claims(sentence):
    assert run(sentence).claims == []


def test_list_numbering_is_not_a_claim():
    assert run("1. Bring water.", "The shelter holds 200 people.")  # second paragraph is a claim
    article = run("1. Bring water.", "The shelter holds 200 people.")
    assert [c.paragraph for c in article.claims] == [1]


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("U.S. officials say at least 83 people have been killed.", "U.S. officials"),
        ("About 1,200 homes were destroyed, according to the county fire department.", "county fire department"),
        ("About 1,200 homes were destroyed, the county fire department said.", "county fire department"),
        ("Police said more than 100 cars were towed.", "Police"),
        ("More than 100 cars were towed overnight.", None),
    ],
)
def test_attribution_in_the_sentence(sentence, source):
    assert run(sentence).claims[0].attributed_to == source


def test_claim_text_is_the_reported_clause():
    claim = run("U.S. officials say at least 83 people have been killed in 21 strikes.").claims[0]
    assert claim.text == "at least 83 people have been killed in 21 strikes"
    assert claim.span == [19, 19 + len(claim.text)]
    assert [q.value for q in claim.quantities] == [83, 21]


def test_attribution_from_the_quote_the_figure_sits_in():
    paragraph = '"We lost 40 homes last night," said Fire Chief Dana Ortiz.'
    quote = Quote(text="We lost 40 homes last night,", kind="direct", paragraphs=[0], span=[0, 30],
                  speaker=Speaker(name="Dana Ortiz", mention="Dana Ortiz", kind="person"))
    claim = run(paragraph, quotes=[quote]).claims[0]
    assert claim.attributed_to == "Dana Ortiz"
    continued = run(paragraph, '"Another 12 are damaged."', quotes=[Quote(
        text="We lost 40 homes last night, Another 12 are damaged.", kind="direct", paragraphs=[0, 1], span=[0, 30],
        speaker=Speaker(name="Dana Ortiz", kind="person"))])
    assert [c.attributed_to for c in continued.claims] == ["Dana Ortiz", "Dana Ortiz"]


def test_said_on_comes_from_the_attribution_clause():
    from byline.model import TimeExpression

    article = Article(body=["The bureau said on Tuesday that unemployment rose to 4.1 percent."])
    article.times = [TimeExpression(text="Tuesday", paragraph=0, span=[20, 27], resolved="2025-03-04")]
    adoc = parse_paragraphs(article.body)
    annotate_claims(article, adoc)
    assert article.claims[0].said_on == "2025-03-04"
    assert article.claims[0].attributed_to == "bureau"


def test_one_claim_per_sentence_with_all_its_figures():
    article = run("Rebels seized 12 towns, killing 30 civilians. The army sent 500 troops.")
    assert [[q.value for q in c.quantities] for c in article.claims] == [[12, 30], [500]]
    assert article.claims[0].quantities[1].counts == "civilians killed"


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("Fares will rise by 25 cents.", 0.25, "USD"),
        ("Temperatures reached 38.4C in the valley.", 38.4, "celsius"),
        ("Temperatures reached 101 degrees Fahrenheit.", 101, "fahrenheit"),
        ("Three in four members backed the deal.", 75, "percent"),
    ],
)
def test_subunits_temperatures_and_ratios(sentence, value, unit):
    quantity = only_quantity(sentence)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_threshold_verbs_and_twice():
    assert (lambda q: (q.value, q.bound))(only_quantity("The waiting list has passed 7,000 patients.")) == (7000, "more_than")
    assert (lambda q: (q.value, q.bound))(only_quantity("Demand topped 1.9 billion litres a day.")) == (1_900_000_000, "more_than")
    assert only_quantity("The permit was reviewed twice.").value == 2
    assert run("Prices are twice as high as last year.").claims == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The S&P 500 fell sharply on Wednesday.",
        "Class sizes in grades 4 and 5 will rise.",
        "The crash closed Route 9 overnight.",
        "Moritz, 58, took over the company.",
        "The Hawks made 18 three-pointers.",  # one figure, not two
    ],
)
def test_numbers_that_name_rather_than_count(sentence):
    values = [q.value for c in run(sentence).claims for q in c.quantities]
    assert values in ([], [18])
    assert 3 not in values and 500 not in values and 4 not in values and 9 not in values and 58 not in values


def test_ellipsis_borrows_the_noun_from_the_figure_before():
    article = run("More than 30,000 runners started the race, and about 28,700 finished.")
    second = article.claims[0].quantities[1]
    assert (second.value, second.bound, second.unit, second.counts) == (28_700, "about", "people", "runners finished")


def test_of_phrases_and_objects_say_what_is_measured():
    assert only_quantity("The match drew a crowd of 18,432.").counts == "crowd"
    assert only_quantity("The draft would cut allocations by 15%.").counts == "allocations"
    assert only_quantity("The blaze was 15% contained.").counts == "blaze contained"


def test_figures_with_different_sources_are_different_claims():
    article = run("Corvant plunged nearly 14% after the company said the rules could cut its revenue by as much as $5.5 billion.")
    assert [(c.attributed_to, [q.value for q in c.quantities]) for c in article.claims] == [
        (None, [14]), ("company", [5_500_000_000])]


def test_sentence_final_source_and_no_leak_across_paragraphs():
    article = run("Mortgage approvals climbed to 67,000 in August, the highest in 11 months, Bank of England data show.")
    assert article.claims[0].attributed_to == "Bank of England data"
    article = run("He said he saw smoke.", "The last fire of this size cost the county $48 million.")
    assert article.claims[0].attributed_to is None


def test_date_tagged_counts_are_kept():
    # the small model tags "38 in a quarter" as a DATE
    assert only_quantity("We gave up 38 in a quarter.").value == 38


def test_reported_relative_clause_on_the_figure():
    article = run("Donors pledged $2.4 billion, short of the $4.1 billion the United Nations says is needed.")
    sources = {q.value: c.attributed_to for c in article.claims for q in c.quantities}
    assert sources == {2_400_000_000: None, 4_100_000_000: "United Nations"}


def test_fractions_are_shares_in_percent():
    quantity = only_quantity("Nearly half of all car thefts happened in the ward.")
    assert (quantity.value, quantity.bound, quantity.unit) == (50, "less_than", "percent")
    assert only_quantity("A third of the index is rent.").value == 33.3
    assert run("A third U.S. official told Axios.").claims == []  # an ordinal, not a fraction


def test_age_groups_and_ranks_are_not_figures():
    assert run("Officials urged people over 65 to get vaccinated.").claims == []
    assert [q.value for c in run("He will climb into the top 50 after earning $410,000.").claims for q in c.quantities] == [410_000]


def test_counts_for_events_magnitudes_and_costs():
    assert only_quantity("The district has raised starting pay twice since 2022.").counts == "pay raised"
    quake = only_quantity("A magnitude 6.4 earthquake struck off the coast.")
    assert (quake.value, quake.counts) == (6.4, "earthquake magnitude")
    aftershocks = only_quantity("Aftershocks of up to magnitude 4.8 continued into the morning.")
    assert (aftershocks.value, aftershocks.bound, aftershocks.counts) == (4.8, "at_most", "aftershocks magnitude")
    assert only_quantity("The last fire of this size cost the county $48 million.").counts == "last fire cost"
    assert only_quantity("The fire has burned more than 12,000 acres.").counts == "acres burned"


def test_hostile_numbers_do_not_break_the_record():
    import json

    article = run("Order 99999999999999999999999999999999999999 shipped. " + "Some 40 people came. " * 200)
    assert all(q.value == 40 for c in article.claims for q in c.quantities)
    json.dumps([c.to_dict() for c in article.claims], allow_nan=False)


def counts_of(*paragraphs: str) -> list[str | None]:
    return [q.counts for c in run(*paragraphs).claims for q in c.quantities]


def test_a_bare_figure_takes_its_verb_and_the_noun_counted_before_it_in_the_paragraph():
    assert counts_of("The storm flattened 40 barns on the ridge. Crews later rebuilt 12.") == ["barns flattened", "barns rebuilt"]
    assert counts_of("Nine miners were trapped underground. Six escaped on their own.") == ["miners trapped", "miners escaped"]
    # the noun is not borrowed across paragraphs: the verb alone is what is known
    assert counts_of("The storm flattened 40 barns.", "Crews later rebuilt 12.") == ["barns flattened", "rebuilt"]


def test_n_of_them_borrows_the_noun_and_keeps_its_own_verb():
    assert counts_of("About 900 pupils sat the exam. Around 250 of them failed.") == ["pupils sat", "pupils failed"]


def test_n_of_the_nouns_reads_the_verb_of_the_figure_not_of_the_relative_clause():
    assert counts_of("Rescuers freed 14 of the 20 climbers who had been stranded.") == ["climbers freed", "climbers stranded"]
    assert counts_of("Between 30 and 40 of these nurses have quit since spring.") == ["nurses quit"]


def test_a_fraction_of_all_nouns_counts_the_nouns():
    assert counts_of("Roughly half of all new cars sold were electric.") == ["new cars"]


def test_up_or_down_names_what_changed():
    assert counts_of("The firm reported revenue of $2.1 billion, down 4%.") == ["revenue", "revenue"]
    assert counts_of("Prices rose again, with petrol up nearly 5%.")[-1] == "petrol"


def test_money_and_measures_read_what_they_measure():
    assert counts_of("Officials put the damage at about $75 million.") == ["damage"]
    assert counts_of("Insurers estimated losses at between $8 billion and $12 billion.") == ["losses"]
    assert counts_of("Water use topped 3 billion litres during the heat.") == ["water use"]
    assert counts_of("The new stadium cost the city $410 million.") == ["new stadium cost"]
    assert counts_of("The county set aside $2 million for flood defences.") == ["flood defences"]
    # "for" after raising money names who gets it, not what is counted
    assert counts_of("The race raised nearly $6 million for local charities.") == ["raised"]
    # a determiner straight after the sum opens another noun phrase
    assert counts_of("Donors gave $3 million the council says was wasted.") != ["council"]


def test_a_crowd_of_n_counts_the_crowd_however_the_figure_is_parsed():
    assert counts_of("A crowd of 14,200 packed Center Court, the tournament said.") == ["crowd"]


def test_n_of_them_borrows_the_noun_even_after_a_light_verb():
    # (since 2026-11-25 a state given by a preposition and a bare noun stays: "in hospital")
    assert counts_of("More than 2,300 patients are in hospital. Around 140 of them were in intensive care.") == [
        "patients in hospital", "patients in intensive care"]


def test_n_of_them_reaches_back_one_paragraph_for_its_noun():
    assert counts_of("The number of patients in hospital doubled to 2,350.", "Around 140 of them were in intensive care.") == ["patients", "patients"]


def test_a_share_cut_by_an_agent_phrase_measures_the_passive_subject():
    assert counts_of("State funding was cut by roughly 4 percent.") == ["state funding"]


def test_an_infinitive_measures_what_the_verb_above_controls():
    assert counts_of("The bank expected price growth to fall below 3% by the spring.") == ["price growth"]
    assert counts_of("Unemployment is expected to rise to 5.2 percent.") == ["unemployment"]
    # a gerund is not controlled that way: "by 6,412 votes to 5,118" keeps the votes
    assert counts_of("Voters backed keeping the subsidy by 6,412 votes to 5,118.") == ["votes", "votes"]


def test_a_participle_after_a_noun_measures_that_noun():
    assert counts_of("Core inflation, which excludes food and energy, held at 3.3%.") == ["core inflation"]


def test_the_passive_subject_of_a_speech_verb_is_not_a_source():
    assert run("Unemployment is expected to rise to 5.2 percent.").claims[0].attributed_to is None
    assert run("At least 12 deaths were reported by the ministry.").claims[0].attributed_to == "ministry"


def test_a_share_compared_with_the_past_counts_what_the_figure_before_counts():
    assert counts_of("Farmers harvested about 2.1 million tonnes of wheat this summer, 26% less than last year.") == ["wheat", "wheat"]
    assert counts_of("Some 38,500 migrants had arrived by sea since January, down 40% on last year.") == ["migrants arrived", "migrants arrived"]


def test_a_share_stated_of_a_subject_measures_the_subject():
    assert counts_of("Turnout was 71 per cent of the 16,300 registered voters.") == ["turnout", "registered voters"]


def test_an_average_of_a_figure_is_the_average_of_what_came_before():
    assert counts_of("Rents rose 7 per cent, with tenants paying an average of £1,340 a month.") == ["rents", "average rents"]
    assert counts_of("The pill helped patients lose an average of 12% of their body weight.") == ["body weight"]


def test_a_finding_of_inspectors_or_a_report_is_theirs_unless_someone_reports_it():
    article = run("Auditors found 312 invoices that had been paid twice.")
    assert article.claims[0].attributed_to == "Auditors"
    article = run("The review counted 58 falls on the ward in a year.")
    assert article.claims[0].attributed_to == "review"
    article = run("The road is shut after inspectors found cracks in three of its piers, the county said on Monday.")
    assert article.claims[0].attributed_to == "county"
    # a finder that is not a source of record: the outlet states it
    assert run("Divers found 14 cannons on the wreck.").claims[0].attributed_to is None


def test_a_passive_before_a_closing_speech_verb_is_not_a_source():
    # ", was confirmed on Monday." ended the sentence like ", police said."; the source was "was"
    article = Article(body=["The first case, at a farm of 80,000 laying hens near Lindau, was confirmed on Monday."])
    adoc = parse_paragraphs(article.body)
    annotate_claims(article, adoc)
    assert [c.attributed_to for c in article.claims] == [None]


def test_a_figure_someone_denies_is_not_vouched_for_by_them():
    # the quotes stage reports "denies two counts of laundering" as her stance; she disputes the figure
    from byline.attribution.quotes import annotate_quotes

    article = Article(body=["He is on trial with his former finance director, Ana Gale, who denies two counts of "
                            "money laundering."])
    adoc = parse_paragraphs(article.body)
    annotate_entities(article, adoc)
    annotate_quotes(article, adoc)
    assert [q.cue for q in article.quotes] == ["denies"]
    annotate_claims(article, adoc)
    assert [c.attributed_to for c in article.claims] == [None]
