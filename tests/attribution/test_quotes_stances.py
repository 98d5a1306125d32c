"""Stated positions, aims and findings as indirect quotes, and where a reported clause ends (texts written for these tests)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from quote_helpers import find, quotes_of  # noqa: E402


def test_aims_and_wishes_are_stated_positions():
    article = quotes_of([
        "Mayor Ann Ruiz wants to repeal the parking tax.",
        "Councilman Dale Potts wants a new bridge over the Dell River.",
        "The county plans to close two fire stations, officials said.",
    ])
    aim = find(article, "repeal the parking tax")
    assert aim.kind == "indirect" and aim.cue == "wants" and aim.speaker.name == "Ann Ruiz"
    assert find(article, "new bridge").text == "a new bridge over the Dell River"
    assert find(article, "close two fire stations").speaker.mention == "officials"


def test_a_poll_speaks_for_its_findings():
    article = quotes_of(["A poll released by the Harlow Gazette shows that Ruiz leads her rival by 12 points."])
    quote = find(article, "leads her rival")
    assert quote.text == "Ruiz leads her rival by 12 points" and quote.cue == "shows"


def test_a_named_object_of_a_stance_counts_but_a_pronoun_does_not():
    article = quotes_of([
        "On Friday, Mayor Ann Ruiz endorsed Potts.",
        "Her rival denounced him.",
    ])
    assert [q.text for q in article.quotes] == ["Potts"]
    assert article.quotes[0].cue == "endorsed"


def test_reasons_of_blame_belong_to_the_content_but_places_do_not():
    article = quotes_of([
        "Councilman Dale Potts attacked Ruiz for ignoring the levee.",
        "The governor defended the levee project at a meeting in Millbrook.",
    ])
    assert find(article, "Ruiz").text == "Ruiz for ignoring the levee"
    assert find(article, "levee project").text == "the levee project"


def test_a_clause_ends_where_the_next_speaker_begins():
    article = quotes_of([
        "Some residents said the mayor had done enough, while other residents said they had heard nothing from City Hall.",
    ])
    assert find(article, "done enough").text == "the mayor had done enough"
    other = find(article, "heard nothing")
    assert other.speaker.mention == "other residents"


def test_what_the_speaker_did_next_is_not_reported_speech():
    article = quotes_of(["Ruiz said the real danger is the old levee, and she criticized the county for failing to repair it."])
    assert find(article, "real danger").text == "the real danger is the old levee"
    criticism = find(article, "failing to repair")
    assert criticism.cue == "criticized" and criticism.speaker.mention == "she"


def test_a_modal_second_verb_stays_in_the_reported_clause():
    article = quotes_of(["Ms. Pell said she was a lifelong Democrat and would probably back Mayor Ruiz despite some doubts."])
    assert [q.text for q in article.quotes] == ["she was a lifelong Democrat and would probably back Mayor Ruiz despite some doubts"]


def test_a_closing_gloss_on_a_name_is_the_writer_not_the_speaker():
    article = quotes_of([
        "Voters in Harlow said nothing would pull them away from Senator Dana Rourke, who held a rally in Millbrook on Friday.",
    ])
    assert [q.text for q in article.quotes] == ["nothing would pull them away from Senator Dana Rourke"]


def test_a_time_before_the_cue_is_not_a_speaker():
    article = quotes_of(["Moments earlier said the levee was weak.", "On Saturday said the pumps were broken."])
    assert [q.speaker.mention for q in article.quotes if q.speaker.mention] == []


def test_a_sentence_that_holds_its_own_speaker_is_not_reported_by_it():
    article = quotes_of(["Ruiz's son, Tomas, defended his mother Tuesday on Facebook, the paper said."])
    assert [q.speaker.mention for q in article.quotes] == ["the paper"]


def test_a_claim_named_by_a_noun_belongs_to_its_owner():
    article = quotes_of([
        "At the meeting, people laughed at Potts's claim that the levee was safe.",
        "The claim that the pumps were new was never checked.",
        "Her call for a new bridge over the Dell River went unanswered.",
    ])
    claim = find(article, "levee was safe")
    assert claim.text == "the levee was safe" and claim.speaker.mention == "Potts" and claim.cue == "claim"
    assert find(article, "new bridge").speaker.mention == "Her"
    assert not [q for q in article.quotes if "pumps were new" in q.text]  # nobody owns that claim


def test_a_particle_parsed_as_an_adverb_still_makes_the_cue():
    article = quotes_of(['Potts shot back, "Ruiz wants to look tough in front of the cameras."'])
    quote = find(article, "look tough")
    assert quote.speaker.mention == "Potts" and quote.cue == "shot back"


def test_a_stance_adjective_with_a_clause():
    article = quotes_of(["Ruiz is confident that the levee will hold.", "It is clear that the pumps were old."])
    assert [(q.text, q.cue, q.speaker.mention) for q in article.quotes] == [("the levee will hold", "is confident", "Ruiz")]


def test_attribute_values_left_from_markup_are_not_quotes():
    article = quotes_of(['The mayor posted <a author="harlowcity" id="88123">a notice</a> and said the levee would be rebuilt.'])
    assert [q.text for q in article.quotes] == ["the levee would be rebuilt"]


def test_continued_is_a_cue_next_to_a_quote_only():
    article = quotes_of([
        "Mayor Ann Ruiz spoke at the hall on Monday.",
        '"So far," she continued, "nobody on the council has asked about the levee."',
        "The rain continued for three days, and the levee held.",
    ])
    assert [(q.text, q.cue, q.speaker.name) for q in article.quotes] == [
        ("So far", "continued", "Ann Ruiz"), ("nobody on the council has asked about the levee.", "continued", "Ann Ruiz")]


def test_a_hope_is_an_indirect_quote_now_that_its_lemma_is_right():
    quotes = quotes_of(["The mayor hopes the new levee will hold through the winter."]).quotes
    assert [(q.kind, q.speaker.mention, q.cue, q.text) for q in quotes] == [
        ("indirect", "The mayor", "hopes", "the new levee will hold through the winter")]


@pytest.mark.parametrize(
    "sentence, cue, text",
    [
        ("Ruiz made it clear to the council on Monday that she would not resign.", "made it clear", "she would not resign"),
        ("The governor has made clear she will not sign the bill.", "made clear", "she will not sign the bill"),
    ],
)
def test_made_clear_reports_its_clause(sentence, cue, text):
    quotes = quotes_of([sentence]).quotes
    assert [(q.kind, q.cue, q.text) for q in quotes] == [("indirect", cue, text)]


def test_make_without_clear_is_no_cue():
    assert quotes_of(["The storm made the roads unsafe, and the council made a profit."]).quotes == []


def test_a_reported_clause_ends_at_a_semicolon():
    quotes = quotes_of(["Okafor says the levy helps the port; the unions disagree."]).quotes
    assert [q.text for q in quotes] == ["the levy helps the port"]


def test_a_reported_clause_ends_before_the_next_speakers_report():
    quotes = quotes_of(["Three-quarters of the members said they were worried about the fees, and more than 4 in 10 "
                        "said the board should resign."]).quotes
    assert [q.text for q in quotes] == ["they were worried about the fees", "the board should resign"]
    assert quotes[0].speaker.mention == "Three-quarters of the members"


def test_a_relative_clause_stance_is_its_antecedents():
    # the cue sits inside its own speaker's phrase ("The union, which backs ..."): it was dropped as a gloss
    quotes = quotes_of(["The Harbour Workers Union, which backs Ruiz, held a rally on Sunday."]).quotes
    assert [(q.speaker.mention, q.speaker.name, q.cue, q.text) for q in quotes] == [
        ("which", "Harbour Workers Union", "backs", "Ruiz")]


def test_a_relative_clause_in_another_speakers_phrase_is_still_a_gloss():
    quotes = quotes_of(["A senior engineer, who spoke on condition of anonymity, said the dam was weak."]).quotes
    assert [(q.cue, q.text) for q in quotes] == [("said", "the dam was weak")]


def test_a_noun_phrase_stance_stops_before_the_writers_gloss():
    quotes = quotes_of(["Okafor criticised Dunmore, a councillor appointed by the last mayor, at the meeting."]).quotes
    assert [(q.cue, q.text) for q in quotes] == [("criticised", "Dunmore")]


@pytest.mark.parametrize(
    "sentence, cue, text",
    [
        ("Many farmers consider him a hypocrite.", "consider", "him a hypocrite"),
        ("Okafor considers himself a centrist.", "considers", "himself a centrist"),
    ],
)
def test_a_judgement_of_a_small_clause(sentence, cue, text):
    assert [(q.cue, q.text) for q in quotes_of([sentence]).quotes] == [(cue, text)]


def test_seeing_something_in_a_state_is_no_judgement():
    assert quotes_of(["I have lived here for thirty years, and I have never seen the town so angry."]).quotes == []
