"""The hard cases of attribution, on short texts written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from quote_helpers import find, quotes_of  # noqa: E402
from byline.model import Article  # noqa: E402
from byline.nlp import parse_paragraphs  # noqa: E402

HAS_TIMES = importlib.util.find_spec("byline.attribution.times") is not None


def test_speaker_after_and_before_the_quote():
    article = quotes_of([
        '"We will reopen the bridge by Friday," Mayor Ann Ruiz said.',
        'Ruiz added: "Nobody should drive on it before then."',
    ])
    after = find(article, "reopen the bridge")
    assert after.text == "We will reopen the bridge by Friday"
    assert after.kind == "direct" and after.paragraphs == [0] and after.span == [1, 36]
    assert after.speaker.name == "Ann Ruiz" and after.speaker.mention == "Ann Ruiz"
    assert after.speaker.descriptor == "Mayor" and after.speaker.anonymous is False and after.speaker.kind == "person"
    assert after.cue == "said"
    before = find(article, "Nobody should drive")
    assert before.speaker.name == "Ann Ruiz" and before.speaker.mention == "Ruiz" and before.cue == "added"


def test_split_quote_and_pronoun_to_last_compatible_named_speaker():
    article = quotes_of([
        'Maria Lopez, who runs the shelter, said the beds were full by noon.',
        '"We opened the gym," said John Carter, the school principal.',
        '"We tried everything," she said. "Nobody listened to us."',
    ])
    first = find(article, "We tried everything")
    second = find(article, "Nobody listened")
    assert first.speaker.name == "Maria Lopez" and first.speaker.mention == "she"
    assert second.speaker.name == "Maria Lopez" and second.cue == "said"
    gym = find(article, "We opened the gym")
    assert gym.speaker.name == "John Carter" and gym.speaker.descriptor == "the school principal"


def test_quote_over_several_paragraphs_is_one_quote():
    article = quotes_of([
        '"The water came in at night," said Tom Baker, a dairy farmer. "We lost the barn first.',
        '"Then the house went, and the road with it."',
        'The county has not said when the road will reopen.',
    ])
    long = find(article, "We lost the barn first.")
    assert long.paragraphs == [0, 1]
    assert long.text == "We lost the barn first. Then the house went, and the road with it."
    assert long.speaker.name == "Tom Baker" and long.speaker.descriptor == "a dairy farmer"


def test_continuation_in_next_paragraph_keeps_the_speaker():
    article = quotes_of([
        '"We have asked twice," Fire Chief Omar Haddad told reporters on Tuesday.',
        '"In the meantime, we are pumping the basements ourselves."',
    ])
    cont = find(article, "In the meantime")
    assert cont.paragraphs == [1]
    assert cont.speaker.name == "Omar Haddad" and cont.cue == "told" and cont.via is None


def test_attribution_in_the_next_paragraph():
    article = quotes_of([
        'The school board met for four hours on Tuesday night.',
        '"We will not close a single school this year."',
        'So said Superintendent Karen Oduya, speaking after the vote.',
    ])
    quote = find(article, "close a single school")
    assert quote.speaker.name == "Karen Oduya" and quote.speaker.descriptor == "Superintendent"


def test_quote_inside_quote_and_marks_of_every_kind():
    article = quotes_of([
        "“He told me, ‘Get out now,’ and I did,” Baker said.",
        "‘We are ready for the final,’ said coach Ana Silva.",
        "«We are not afraid of anyone,» said the captain, Rui Costa.",
        'The farmers\' co-op says it doesn\'t know; the \'90s flood was worse.',
    ])
    nested = find(article, "Get out now")
    assert nested.text == "He told me, ‘Get out now,’ and I did"
    assert nested.speaker.mention == "Baker"
    single = find(article, "ready for the final")
    assert single.speaker.name == "Ana Silva"
    guillemet = find(article, "not afraid")
    assert guillemet.text == "We are not afraid of anyone" and guillemet.speaker.name == "Rui Costa"
    assert not [q for q in article.quotes if q.paragraphs == [3] and q.kind == "direct"]


def test_surname_resolves_to_full_name_with_titles_split_off():
    article = quotes_of([
        "Sen. Dana Whitfield, D-Ore., on Sunday criticized the plan.",
        '"This is a blank check," Whitfield said.',
    ])
    quote = find(article, "blank check")
    assert quote.speaker.name == "Dana Whitfield" and quote.speaker.mention == "Whitfield"
    assert quote.speaker.descriptor == "Sen., D-Ore."


@pytest.mark.parametrize("source", [
    "a senior state engineer, who spoke on condition of anonymity",
    "two people familiar with the negotiations",
    "a third U.S. official",
])
def test_anonymous_sources_kept_whole(source):
    article = quotes_of([f'"The pumps were never tested," {source} said.'])
    quote = find(article, "pumps were never tested")
    assert quote.speaker.anonymous is True and quote.speaker.name is None
    assert quote.speaker.mention == source and quote.speaker.descriptor == source


def test_organisation_as_speaker_with_channel_cue():
    article = quotes_of(['"Every shelter will stay open through the weekend," the governor\'s office said in a statement.'])
    quote = find(article, "Every shelter")
    assert quote.speaker.kind == "organization" and quote.speaker.anonymous is False
    assert quote.speaker.mention == "the governor's office"
    assert quote.cue == "said in a statement"


def test_relay_outlets_in_every_form():
    article = quotes_of([
        '"There is no deal yet," one official told Axios.',
        "The ministry plans to cut the subsidy by half, Axios reported Monday.",
        "According to Reuters, the shipment left port on Friday.",
        '"We are still talking," a second official told reporters.',
    ])
    told = find(article, "no deal yet")
    assert told.via == "Axios" and told.speaker.descriptor == "one official" and told.speaker.anonymous
    reported = find(article, "cut the subsidy")
    assert reported.kind == "indirect" and reported.via == "Axios" and reported.speaker.name == "Axios"
    assert reported.speaker.kind == "organization" and reported.cue == "reported"
    if HAS_TIMES:
        assert reported.said_on == "2025-11-24"
    according = find(article, "shipment left port")
    assert according.via == "Reuters" and according.cue == "according to" and according.kind == "indirect"
    reporters = find(article, "still talking")
    assert reporters.via is None


def test_nickname_and_scare_quoted_title_are_not_quotes():
    article = quotes_of([
        'Tom "Tank" Reilly, the team\'s center, said the season was over.',
        'The so-called "Harbor Plan" was shelved in March.',
    ])
    assert [q.kind for q in article.quotes] == ["indirect"]
    assert article.quotes[0].text == "the season was over"
    assert article.quotes[0].speaker.name == "Tom Reilly"


def test_indirect_and_mixed_quotes():
    article = quotes_of([
        "Mayor Ann Ruiz said the town had asked the state for pumps twice.",
        'Ruiz said the state\'s response was "too little, too late."',
    ])
    indirect = find(article, "asked the state")
    assert indirect.kind == "indirect" and indirect.text == "the town had asked the state for pumps twice"
    assert indirect.speaker.name == "Ann Ruiz" and indirect.cue == "said"
    mixed = find(article, "too little")
    assert mixed.kind == "mixed" and mixed.text == 'the state\'s response was "too little, too late."'
    assert len(article.quotes) == 2


@pytest.mark.skipif(not HAS_TIMES, reason="byline.attribution.times is not in this checkout")
def test_said_on_from_the_attribution_clause_only():
    article = quotes_of([
        '"We are done waiting," Haddad said on Sunday.',
        '"The money is there," Haddad said, adding that the fund was set up on Oct. 3.',
    ])
    assert find(article, "done waiting").said_on == "2025-11-23"
    assert find(article, "money is there").said_on is None


def test_transcript_turns():
    article = quotes_of([
        "Mayor Ann Ruiz spoke to reporters after the flood.",
        "Q: When will the road reopen?",
        "A: Not before the water goes down.",
        "RUIZ: And not before the engineers say so.",
    ])
    question = find(article, "When will the road")
    assert question.speaker.mention == "Q" and question.speaker.descriptor == "interviewer"
    answer = find(article, "water goes down")
    assert answer.speaker.name == "Ann Ruiz"
    assert find(article, "engineers say so").speaker.name == "Ann Ruiz"


def test_double_apostrophes_are_quote_marks():
    article = quotes_of(["''It's like a new plane,'' said Ray Dunn, the airline's owner."])
    quote = find(article, "new plane")
    assert quote.kind == "direct" and quote.text == "It's like a new plane" and quote.speaker.name == "Ray Dunn"


def test_fragment_governed_by_a_cue_is_a_mixed_quote():
    article = quotes_of(['Councilwoman Grace Obi called the decision "arbitrary and rushed."'])
    quote = find(article, "arbitrary")
    assert quote.kind == "mixed" and quote.text == 'the decision "arbitrary and rushed."'
    assert quote.speaker.name == "Grace Obi" and quote.cue == "called"


def test_titles_of_works_are_not_quotes():
    article = quotes_of(['Dunn, who wrote "The Long Runway," said on Tuesday the airline would survive.'])
    assert [q.kind for q in article.quotes] == ["indirect"]
    assert article.quotes[0].text == "the airline would survive"


def test_name_colon_headings_are_not_transcript_turns():
    article = quotes_of([
        "Three candidates explained their plans.",
        "Ann Ruiz: Flood pumps for every town by spring.",
        "Tom Baker: A new bridge on Route 9.",
    ])
    # not a dialogue, so no direct quotes; each line is the named person's plan ("Name: words" headline style)
    assert [(q.kind, q.speaker.name, q.cue) for q in article.quotes] == [("indirect", "Ann Ruiz", ":"), ("indirect", "Tom Baker", ":")]


def test_questions_and_refusals_are_not_statements():
    article = quotes_of([
        "Asked whether the bridge was safe, Haddad said the engineers would decide.",
        "She declined to say whether more money was coming.",
    ])
    assert [q.text for q in article.quotes] == ["the engineers would decide"]
    assert article.quotes[0].speaker.mention == "Haddad"


def test_parenthetical_cue_inside_the_reported_clause():
    article = quotes_of(["And yet, the mayor's aides say, the pumps remain a priority for her."])
    quote = find(article, "pumps remain")
    assert quote.kind == "indirect" and quote.speaker.mention == "the mayor's aides" and quote.cue == "say"


@pytest.mark.skipif(not HAS_TIMES, reason="byline.attribution.times is not in this checkout")
def test_said_on_needs_a_day():
    article = quotes_of(["Ruiz said last week that the pumps had arrived.", "Ruiz announced the closure on Friday."])
    assert find(article, "pumps had arrived").said_on is None
    assert find(article, "the closure").said_on == "2025-11-21"


def test_find_quotes_marks_continuations():
    from byline.attribution.quotes import find_quotes
    from byline.nlp import parse_paragraphs
    from byline.model import Article

    article = Article(body=['"We tried," Ruiz said. "Nobody listened."', '"We will try again," she added.'])
    found = find_quotes(article, parse_paragraphs(article.body))
    assert [f.continues for f in found] == [False, True, False]


def test_speaker_entity_links_to_the_entity_holding_the_mention():
    from byline.attribution.quotes import annotate_quotes
    from byline.model import Article, Entity, Mention
    from byline.nlp import parse_paragraphs

    body = ['"We are ready," Mayor Ann Ruiz said.', '"The pumps work," one official said.', '"Good," Ruiz added.']
    start = body[0].index("Ann Ruiz")
    entities = [
        Entity(name="Millbrook", kind="place"),
        Entity(name="Ann Ruiz", kind="person", mentions=[Mention(0, [start, start + 8], "Ann Ruiz")]),
    ]
    article = Article(body=body, entities=entities)
    annotate_quotes(article, parse_paragraphs(body))
    assert find(article, "We are ready").speaker.entity == 1  # the mention overlaps
    assert find(article, "Good").speaker.entity == 1  # resolved name "Ann Ruiz" matches the entity's name
    assert find(article, "pumps work").speaker.entity is None  # unnamed sources link to nothing
    bare = Article(body=body)
    annotate_quotes(bare, parse_paragraphs(body))
    assert all(q.speaker.entity is None for q in bare.quotes)


def test_quote_ending_in_an_inner_quote_and_a_space():
    article = quotes_of(["\"Favor tells 'outsiders that they are not members,' \" Judge Carl Reeves wrote, citing a ruling."])
    quote = find(article, "Favor tells")
    assert quote.text == "Favor tells 'outsiders that they are not members,'"
    assert quote.speaker.name == "Carl Reeves" and quote.cue == "wrote"


def test_relative_pronoun_subject_is_the_mention_and_resolves_to_its_noun():
    article = quotes_of(["Mayor Ann Ruiz, who said the pumps had failed twice, left the meeting early."])
    quote = find(article, "pumps had failed")
    assert quote.speaker.mention == "who" and quote.speaker.name == "Ann Ruiz"


@pytest.mark.parametrize("body", [
    ['"'],
    ['“ ” « » ‘ ’', "''"],
    ['"An opening mark that never closes, said nobody', 'and a paragraph without marks.'],
    ['He said', '"', '":"', "'' '' ''"],
    ['—', '"' * 50, "'" * 50],
])
def test_hostile_mark_soup_never_raises(body):
    article = quotes_of(body)
    for quote in article.quotes:
        assert quote.kind in ("direct", "indirect", "mixed")
        assert 0 <= quote.paragraphs[0] < len(body) and quote.span[0] <= quote.span[1]


def test_unclosed_quote_not_reopened_ends_with_its_paragraph():
    article = quotes_of(['"We will rebuild the whole road by spring, Ruiz said at the meeting.', 'The council then voted.'])
    assert all(q.paragraphs == [0] for q in article.quotes)


def test_colon_intro_before_a_quote_with_its_own_cue_is_not_part_of_the_quote():
    article = quotes_of([
        "Senator Dara Pike spoke for an hour. Later, Pike turned to the part of the job she dislikes most, "
        "raising money: \u201cIt is a grind that never stops,\u201d she said.",
    ])
    quote = find(article, "a grind")
    assert quote.kind == "direct" and quote.text == "It is a grind that never stops"
    assert quote.speaker.mention == "she" and quote.speaker.name == "Dara Pike"


def test_statement_saying_takes_the_speaker_who_released_it():
    article = quotes_of([
        'Councillor Lena Marsh signed the contract in May. At the time, she released a statement saying, '
        '"This partnership will keep the ferry running for a decade."',
    ])
    quote = find(article, "keep the ferry running")
    assert quote.kind == "direct" and quote.speaker.mention == "she" and quote.speaker.name == "Lena Marsh"


def test_split_quote_around_one_cue_is_one_statement():
    from byline.attribution.quotes import find_quotes
    from byline.model import Article
    from byline.nlp import parse_paragraphs

    article = Article(body=['"Word is," Ruiz said, "that the mill will stay open."', '"It will not," Haddad replied.'])
    found = find_quotes(article, parse_paragraphs(article.body))
    assert [f.quote.text for f in found] == ["Word is", "that the mill will stay open.", "It will not"]
    assert [f.continues for f in found] == [False, True, False]


def test_quote_right_before_its_cue_beats_a_colon_clause_hung_on_the_same_cue():
    article = quotes_of([
        "Ortega, who has covered the port for years, angered the mayor after he told a radio station that the new "
        'terminal would not pay for itself: "Once the winter comes, the ships will not come," Ortega predicted. '
        '"The demand is not there."',
    ])
    quote = find(article, "ships will not come")
    assert quote.kind == "direct" and quote.speaker.mention == "Ortega" and quote.cue == "predicted"


def test_participle_after_a_mixed_quote_is_not_an_inverted_speaker():
    article = quotes_of(['Senator Ada Brill said the budget was "reckless," noting that it is "hard to see how the '
                         'county pays its nurses next year."'])
    assert all(q.speaker.mention != "it" for q in article.quotes)


def test_name_with_an_aside_between_quote_and_cue():
    article = quotes_of(["''If the council had listened, we would have saved the mill,'' Mr. Tobin Hale, now 81 and "
                         "retired in Dunmore, said by telephone this week."])
    quote = find(article, "saved the mill")
    assert quote.kind == "direct" and quote.speaker.name == "Tobin Hale" and quote.cue.startswith("said")


def test_name_colon_line_is_an_attribution_but_a_dateline_is_not():
    article = quotes_of([
        "Councillor Rand Okafor spoke against the tax for an hour.",
        "Okafor: Harbour tax will drive the ferries out of Dunmore",
        "DUNMORE: The council met on Monday to vote on the harbour tax.",
    ])
    quote = find(article, "drive the ferries out")
    assert quote.kind == "indirect" and quote.cue == ":" and quote.speaker.name == "Rand Okafor"
    assert not any("council met" in q.text for q in article.quotes)


def test_quote_signed_with_a_dash():
    article = quotes_of(['"We will not close the library on my watch." \u2014 Mayor Ann Ruiz',
                         "The library has been open since 1911."])
    quote = find(article, "close the library")
    assert quote.kind == "direct" and quote.speaker.name == "Ann Ruiz" and quote.cue == "\u2014"


def test_questions_are_not_statements_even_with_a_named_asker():
    article = quotes_of(["Vera Lunn, a councillor, asked whether the pumps had ever been tested.",
                         "Asked whether the bridge was safe, Haddad said the engineers would decide."])
    assert [q.text for q in article.quotes] == ["the engineers would decide"]


def test_name_calling_and_calls_on_someone_are_reported_content():
    article = quotes_of(["Mayor Ann Ruiz called the toll plan a gift to the ferry company.",
                         "Ruiz called on the county board to drop the toll before the summer."])
    assert find(article, "toll plan").text == "the toll plan a gift to the ferry company"
    assert find(article, "county board").text.startswith("the county board to drop the toll")


def test_object_content_runs_on_with_its_purpose_but_not_its_date():
    article = quotes_of(["Kasich called for the suspension of the river deal in response to the flooding.",
                         "Kasich endorsed Ruiz on Monday."])
    assert find(article, "suspension").text == "the suspension of the river deal in response to the flooding"
    assert find(article, "Ruiz").text == "Ruiz"


def test_a_question_put_to_the_speaker_is_not_the_speakers_statement():
    article = quotes_of(['Asked what kind of mayor the town needs, Okafor said, "Someone who fixes the pumps first."'])
    assert [q.text for q in article.quotes] == ["Someone who fixes the pumps first."]
    assert article.quotes[0].speaker.mention == "Okafor"


def test_inverted_cue_after_a_quote_takes_the_whole_name_that_follows():
    article = quotes_of([
        '"Having access to the voter file and two people who understand it is valuable," said Skelly, explaining he '
        'worked more closely with Ruiz.',
        '"One guy came in and said maybe we should close the mill," said the woman, who like many in the town did not '
        'want to be quoted by name.',
    ])
    assert find(article, "voter file").speaker.mention == "Skelly"
    mill = find(article, "close the mill")
    assert mill.kind == "direct" and mill.speaker.mention.startswith("the woman")
    assert not any(q.text.startswith("to be quoted") for q in article.quotes)


def test_quote_after_a_reported_sentence_goes_on_with_its_speaker():
    article = quotes_of(['Ruiz "did well with river towns" in the last election, said Dunmore professor Tilda Marsh. '
                         '"Those towns were hers from the start."'])
    quote = find(article, "towns were hers")
    assert quote.kind == "direct" and quote.speaker.name == "Tilda Marsh"


def test_judgements_evidence_and_offers_are_reported_content():
    article = quotes_of([
        "Councillor Ann Ruiz sees the ferry levy as a tax on the poor.",
        "A county poll shows Ruiz leading the race by nine points.",
        "Haddad expressed support for the levy.",
        "Haddad was referring to the 2019 flood.",
    ])
    assert find(article, "ferry levy").text == "the ferry levy as a tax on the poor"
    assert find(article, "leading the race").speaker.mention == "A county poll"
    assert find(article, "support for the levy").speaker.mention == "Haddad"
    assert find(article, "2019 flood").cue == "referring"


def test_according_to_after_a_joiner_or_inside_a_parenthesis():
    article = quotes_of([
        "But, according to the county survey, 46 percent of voters remain undecided.",
        "Okafor repeated the claim at the rally (the real figure is closer to 15 percent, according to the auditor).",
        "Both think the levy helped the harbour, but that there is still more to do.",
    ])
    assert find(article, "46 percent").text == "46 percent of voters remain undecided"  # no full stop
    assert find(article, "closer to 15 percent").text == "the real figure is closer to 15 percent"
    assert find(article, "levy helped").text == "the levy helped the harbour, but that there is still more to do"


def test_the_date_of_an_announcement_is_not_what_was_announced():
    article = quotes_of(["Mayor Ann Ruiz announced her candidacy in June 2025.",
                         "Ruiz said the pumps failed in March."])
    assert find(article, "candidacy").text == "her candidacy"
    assert find(article, "pumps failed").text == "the pumps failed in March"


def _fully_annotated(paragraphs: list[str]):
    """Every stage (entities and claims too): the interviewee is found among the entities."""
    from byline.annotate import annotate_article
    from byline.model import Article

    return annotate_article(Article(body=paragraphs))


def test_answer_turns_go_to_the_interviewee_the_parser_took_for_an_organisation():
    # spaCy tags "Kadri Pold" ORG here; the "A:" turns went to nobody and their figures to "A"
    article = _fully_annotated([
        "Kadri Pold has run the Brenna Valley dairy co-operative since 2019. We asked her about milk prices.",
        "Q: How bad was the summer?",
        "A: The worst I remember. We poured away 40,000 litres in August.",
        "Q: Will prices rise?",
        "A: They must. We lose about 6 cents on every litre.",
    ])
    answers = [q for q in article.quotes if q.speaker.mention == "A"]
    assert len(answers) == 2 and all(q.speaker.name == "Kadri Pold" for q in answers)
    assert [c.attributed_to for c in article.claims] == ["Kadri Pold", "Kadri Pold"]


def test_answer_turns_with_no_name_in_the_introduction_stay_unnamed():
    article = _fully_annotated([
        "The Brenna Valley dairy co-operative has had a hard year. We asked its chair about milk prices.",
        "Q: How bad was the summer?",
        "A: The worst I remember.",
    ])
    assert [q.speaker.name for q in article.quotes if q.speaker.mention == "A"] == [None]


def test_a_time_right_after_the_cue_is_when_it_was_said():
    article = quotes_of([
        "In Marlow, the water board said on Monday it would lift the hosepipe ban.",
        "The harbour master said Tuesday the channel would reopen by noon.",
        "The senator said Tuesday's vote was rigged.",
    ])
    board = find(article, "hosepipe")
    assert board.text == "it would lift the hosepipe ban" and board.said_on == "2025-11-24"
    harbour = find(article, "channel")
    assert harbour.text == "the channel would reopen by noon" and harbour.said_on == "2025-11-18"
    assert find(article, "rigged").text == "Tuesday's vote was rigged"  # the day belongs to the clause


def test_the_subject_of_a_passive_speech_verb_did_not_speak():
    article = quotes_of([
        "A hospital manager who was not authorized to speak publicly said the trust had asked the ministry for 40 "
        "more beds but had been promised only 12 so far.",
    ])
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    assert quote.text.endswith("but had been promised only 12 so far")
    assert quote.speaker.mention == "A hospital manager who was not authorized to speak publicly"
    assert quote.speaker.anonymous


def test_a_speaker_phrase_stops_before_its_own_statement():
    article = quotes_of([
        "Nine homes were lost, according to the county fire service, which said 30 people remained in shelters.",
    ])
    lost = find(article, "Nine homes")
    assert lost.speaker.mention == "the county fire service" and lost.speaker.kind == "organization"
    shelters = find(article, "30 people")
    assert shelters.speaker.mention == "which" and shelters.speaker.descriptor == "the county fire service"


def test_a_sentence_final_cue_whose_comma_the_parser_gave_it():
    article = quotes_of([
        "Sign up for the winter lunches opens Friday at 9 a.m. at the library and by phone, the parish council "
        "said, and places will go first to people over 80.",
    ])
    quote = find(article, "winter lunches")
    assert quote.text.startswith("Sign up for the winter lunches opens Friday")
    assert quote.speaker.mention == "the parish council" and quote.speaker.name is None


def test_a_source_passed_on_by_an_outlet_names_the_outlet_as_via():
    article = quotes_of([
        "Flu admissions doubled in a week, according to hospital figures reported Sunday by KDRT-TV.",
        "The levy will rise 3%, according to council documents obtained by the Brackley Herald.",
    ])
    flu = find(article, "Flu admissions")
    assert flu.speaker.mention == "hospital figures" and flu.via == "KDRT-TV" and flu.said_on == "2025-11-23"
    assert not flu.speaker.anonymous  # figures are not an unnamed person
    levy = find(article, "levy")
    assert levy.speaker.mention == "council documents" and levy.via == "Brackley Herald"


def test_a_wire_dateline_is_not_part_of_what_was_said():
    article = quotes_of([
        "KESTON, March 3 — At least 40 flights were cancelled at the city airport, officials said.",
        "OSLO (AP) — The fjord ferry will stop running for a month, its operator said.",
    ])
    assert find(article, "flights").text == "At least 40 flights were cancelled at the city airport"
    assert find(article, "ferry").text == "The fjord ferry will stop running for a month"


def test_a_pronoun_after_an_unnamed_source_is_that_source():
    article = quotes_of([
        '"The roof was never checked," said Maud Ferris, 64, a tenant since 1990.',
        'A housing officer, who asked not to be named because he was not allowed to speak to the press, said '
        'the survey had been postponed twice. "We raised it in March," he said.',
    ])
    raised = find(article, "We raised it")
    assert raised.speaker.name is None and raised.speaker.anonymous
    assert raised.speaker.descriptor.startswith("A housing officer")
    # a named person who speaks after the unnamed source takes the pronoun back
    article = quotes_of([
        "A housing officer, who asked not to be named, said the survey had been postponed.",
        'Councillor Dev Arora said the council would pay for it. "We owe them that," he said.',
    ])
    assert find(article, "We owe them").speaker.name == "Dev Arora"


def test_an_outlet_reporting_a_statement_is_its_speaker_whatever_the_parse():
    article = quotes_of(["The harbour master said the channel would reopen, Axios reported."])
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    assert quote.speaker.mention == "Axios" and quote.via == "Axios"
    assert quote.text == "The harbour master said the channel would reopen"


def test_a_party_epithet_is_the_last_named_speaker_of_that_party():
    article = quotes_of([
        "Sen. Orla Kemp, D-Maine, said the ferry subsidy would be renewed.",
        '"Nobody on the islands should pay for this," the Maine Democrat told reporters.',
    ])
    assert find(article, "Nobody on the islands").speaker.name == "Orla Kemp"
    article = quotes_of([
        "Sen. Orla Kemp, D-Maine, said the ferry subsidy would be renewed.",
        '"It is a giveaway," the Idaho Republican said.',
    ])
    assert find(article, "giveaway").speaker.name is None  # Kemp's tag names another party


def test_documents_and_ordinances_speak_for_an_institution():
    article = quotes_of(["The cap takes effect on July 1, according to the ordinance approved by the council."])
    quote = find(article, "cap takes effect")
    assert quote.speaker.kind == "organization" and not quote.speaker.anonymous


def test_a_role_before_the_name_wherever_the_parser_hangs_the_name():
    article = quotes_of([
        "Counsel for the inquiry, Tomas Brell, said the logs had been altered.",
        "The mayor's nominee for harbour commissioner, Ines Varga, said she would sell her shares.",
        '"I have nothing to hide," Varga said.',
    ])
    logs = find(article, "logs")
    assert (logs.speaker.name, logs.speaker.descriptor) == ("Tomas Brell", "Counsel for the inquiry")
    shares = find(article, "shares")
    assert shares.speaker.name == "Ines Varga" and shares.speaker.descriptor == "The mayor's nominee for harbour commissioner"
    later = find(article, "nothing to hide")
    assert later.speaker.name == "Ines Varga" and later.speaker.descriptor == shares.speaker.descriptor


def test_a_name_after_the_capital_is_the_place_not_the_source():
    article = quotes_of([
        "A second official, who was at the talks in the capital, Ostmark, said the figure had been changed.",
    ])
    speaker = find(article, "figure had been changed").speaker
    assert speaker.name is None and speaker.anonymous


def test_ranks_are_titles_and_names_the_parser_took_for_companies():
    article = quotes_of([
        "Sergeant Ruth Okonedo said she had followed orders.",
        '"We were never told," said Nadia Ferrow, chair of the Lyle Street Tenants\' Association.',
        "Halvern Solvents, which owns the plant, said it was cooperating.",
        "The Coastal and Rivers Agency said the wall had been inspected.",
    ])
    ruth = find(article, "followed orders").speaker
    assert (ruth.name, ruth.descriptor) == ("Ruth Okonedo", "Sergeant")
    assert find(article, "never told").speaker.kind == "person"
    plant = find(article, "cooperating").speaker
    assert (plant.name, plant.kind, plant.anonymous) == ("Halvern Solvents", "organization", False)
    assert find(article, "inspected").speaker.name == "Coastal and Rivers Agency"


def test_a_nicknamed_person_is_one_person():
    article = quotes_of([
        'Kade "The Kettle" Marlow\'s move stalled on Friday. "He is under contract," club president Lorna Vey said.',
        'Marlow himself appears to have lost patience. In a post on Thursday, he wrote: "Just want to play."',
        '"At these prices I would walk," said Stan "The Stamp" Hollis. Hollis said fares had doubled.',
    ])
    assert find(article, "Just want to play").speaker.name == "Kade Marlow"
    assert find(article, "fares had doubled").speaker.name == "Stan Hollis"


def test_broadcasters_named_by_medium_and_place():
    article = quotes_of([
        "A former supervisor told Radio Keston that staff had been warned.",
        "According to Radio Pellow, the attorney general has opened a review.",
    ])
    assert find(article, "staff had been warned").via == "Radio Keston"
    review = find(article, "attorney general")
    assert review.via == "Radio Pellow" and review.text == "the attorney general has opened a review"


def test_what_follows_a_name_is_its_descriptor_as_written():
    article = quotes_of([
        "Professor Alan Dace, vice-chancellor of Hearne University, said the cuts were unavoidable.",
        'Sen. Mark Tull, R-Tex., called the plan "a disgrace."',
        '"We flooded," said Gwen Ashby, 71, who has lived on the lane since 1979.',
    ])
    assert find(article, "cuts").speaker.descriptor == "Professor, vice-chancellor of Hearne University"
    assert find(article, "disgrace").speaker.descriptor == "Sen., R-Tex."
    assert find(article, "We flooded").speaker.descriptor == "71"  # the clause about her is not a title


def test_a_definite_reference_to_an_anonymous_source_stays_anonymous():
    article = quotes_of([
        'A senior diplomat, who spoke on condition of anonymity, said the army had pushed for the move. '
        '"They want a map," the diplomat said.',
    ])
    speaker = find(article, "want a map").speaker
    assert speaker.anonymous and speaker.name is None and speaker.mention == "the diplomat"


def test_clauses_the_parser_splits_or_ends_early_are_one_reported_clause():
    article = quotes_of([
        'He told the meeting that the pool, built in 1971, would cost £3 million to repair, "money the town does not have."',
        'The builder said in a statement that "no homes have been sold" and that a third would be affordable.',
        "Two officials familiar with the imagery told the Harlow Times that vehicles consistent with towed "
        "howitzers had appeared on the bank in the past ten days.",
    ])
    assert len(article.quotes) == 3
    pool = find(article, "built in 1971")
    assert pool.kind == "mixed" and pool.text.endswith('"money the town does not have."')
    homes = find(article, "no homes have been sold")
    assert homes.kind == "mixed" and homes.text.endswith("a third would be affordable")
    assert find(article, "howitzers").text.endswith("in the past ten days")


def test_an_age_used_as_a_noun_is_a_speaker_resolved_by_that_age():
    article = quotes_of([
        "Orla Denney, 52, has run the ferry kiosk for two decades.",
        '"We were never asked," the 52-year-old said.',
        "A 19-year-old deckhand who asked not to be named said the crossing was cancelled twice.",
        '"Nobody told us," the 19-year-old said.',
        "The 34-year-old told the Harbour Post that the fares would rise.",
    ])
    asked = find(article, "never asked").speaker
    assert asked.name == "Orla Denney" and asked.mention == "the 52-year-old" and not asked.anonymous
    deckhand = find(article, "Nobody told us").speaker
    assert deckhand.name is None and deckhand.anonymous and deckhand.mention == "the 19-year-old"
    fares = find(article, "fares would rise")
    assert fares.speaker.mention == "The 34-year-old" and fares.speaker.kind == "person" and fares.via == "Harbour Post"


def test_writers_words_before_a_quoted_predicate_make_a_mixed_quote():
    article = quotes_of([
        'Nothing the ferry board proposed "will bring the fares down," the councillor said.',
        '"We will appeal," the councillor said.',
    ])
    board = find(article, "fares down")
    assert board.kind == "mixed" and board.text.startswith("Nothing the ferry board proposed")
    assert find(article, "appeal").kind == "direct"


def test_a_known_name_the_model_tags_as_a_nationality_is_still_the_person():
    article = quotes_of([
        "The comedian Piotr Malinowicz posted the clip on Thursday.",
        '"It was only a joke," Malinowicz, who has toured for a decade, wrote.',
        "Republicans said the plan would fail.",
    ])
    joke = find(article, "only a joke").speaker
    assert joke.name == "Piotr Malinowicz" and joke.kind == "person"
    assert joke.descriptor is None  # not the quotation mark the parse hung on the name
    assert find(article, "plan would fail").speaker.name is None


def test_interview_answers_go_to_the_interviewee_not_a_company_named_like_a_person():
    from byline.attribution.entities import annotate_entities
    from byline.attribution.quotes import annotate_quotes

    article = Article(body=[
        "Nora Rail says the branch line will close in spring. We asked Tobias Rendle, managing director of "
        "Nora Rail, what comes next.",
        "Q: Is the closure final?",
        "A: For now, yes. The bridge at Holm needs work we cannot pay for this year.",
    ])
    adoc = parse_paragraphs(article.body)
    annotate_entities(article, adoc)
    annotate_quotes(article, adoc)
    assert find(article, "branch line").speaker.kind == "organization"
    answer = find(article, "For now, yes").speaker
    assert answer.name == "Tobias Rendle" and answer.descriptor == "managing director of Nora Rail"


def test_a_pronoun_never_means_a_name_inside_the_quotation():
    article = quotes_of([
        "Ferries stopped running to Skarn in March.",
        "That has not stopped the harbour master, Pieter Holm, from planning a summer timetable. "
        '"Skarn wants its boats back," he said at a meeting on Friday. "We will have them."',
    ])
    assert find(article, "wants its boats").speaker.name == "Pieter Holm"
    assert find(article, "have them").speaker.name == "Pieter Holm"


def test_a_pronoun_keeps_the_speaker_of_its_paragraph_over_a_person_named_in_passing():
    article = quotes_of([
        "Mayor Ines Darrow said the deal with Carl Veit was fair. \"It was the best we could get,\" she said.",
        "Hugo Brandt said the deal with Mark Veit was fair. \"It was the best we could get,\" he said.",
    ])
    quotes = [q for q in article.quotes if "best we could get" in q.text]
    assert [q.speaker.name for q in quotes] == ["Ines Darrow", "Hugo Brandt"]


def test_a_role_opening_the_sentence_is_not_a_name_and_a_she_in_the_clause_makes_a_person():
    article = quotes_of([
        "The ward went to the Greens' Hanne Voskuil by one vote. Voskuil brought the petition.",
        'Counsel for the council, Edwin Marle, told the court the ballots were "kept in a locked room."',
        'Outside court, Voskuil told reporters that she was "relieved." "I did not expect it," she said.',
    ])
    marle = find(article, "locked room").speaker
    assert marle.name == "Edwin Marle" and marle.descriptor == "Counsel for the council"
    relieved = find(article, "relieved").speaker
    assert relieved.kind == "person" and relieved.name == "Hanne Voskuil"
    assert find(article, "did not expect").speaker.name == "Hanne Voskuil"


def test_a_relay_outlet_is_given_by_the_name_the_article_used_first():
    article = quotes_of([
        '"The gate was open," the night porter told the Weekend Clarion.',
        'A source close to the trustees told the Clarion: "They knew for months."',
        'Two curators told the Harbour Echo the loan was cancelled. "It was a shambles," one of them told the paper.',
    ])
    assert find(article, "gate was open").via == "Weekend Clarion"
    assert find(article, "knew for months").via == "Weekend Clarion"
    assert find(article, "loan was cancelled").via == "Harbour Echo"
    assert find(article, "shambles").via == "Harbour Echo"


def test_a_senior_figure_is_a_person_not_a_document():
    article = quotes_of(['"The lads are gutted," one senior dressing-room figure told the Harbour Echo.',
                         "Official figures published on Monday showed that 40 jobs had gone."])
    figure = find(article, "gutted").speaker
    assert figure.kind == "person" and figure.anonymous
    assert find(article, "40 jobs").speaker.kind == "organization"


def test_a_second_labelling_act_after_a_report_is_its_own_quote():
    article = quotes_of(['The judge said the seals were intact, and called the clerks\' failure to keep a log '
                         '"careless, not crooked."'])
    assert find(article, "seals were intact").text == "the seals were intact"
    called = find(article, "careless")
    assert called.kind == "mixed" and called.cue == "called" and called.text.startswith("the clerks' failure")


def test_a_sentence_final_source_phrase_vouches_for_every_coordinated_clause():
    article = quotes_of(["The walkers had left the hut at dawn but were turned back by ice near the pass, "
                         "according to warden Ilsa Brandt."])
    quote = find(article, "turned back")
    assert quote.text.startswith("The walkers had left the hut at dawn") and quote.speaker.name == "Ilsa Brandt"


def test_an_accusation_after_a_report_is_its_own_quote_and_an_organisation_name_keeps_its_apostrophe():
    article = quotes_of([
        'Sen. Mira Kell said the colleges held reserves of 40 million crowns and accused the bill\'s backers of '
        '"taxing ambition."',
        "The Harlow Teachers' Federation said in a statement that the vote was a betrayal.",
    ])
    assert find(article, "held reserves").text.endswith("40 million crowns")
    accused = find(article, "taxing ambition")
    assert accused.kind == "mixed" and accused.cue == "accused" and accused.speaker.name == "Mira Kell"
    federation = find(article, "betrayal").speaker
    assert federation.name == "Harlow Teachers' Federation" and federation.kind == "organization"


def test_a_company_name_ending_in_its_trade_is_an_organisation():
    article = quotes_of(["Harbour operator Pellan Marine said on Monday that the demands would ruin the port."])
    assert find(article, "ruin the port").speaker.kind == "organization"


def test_outlets_listed_first_on_a_line_of_the_known_list_are_outlets():
    from byline.attribution.relay import outlet_name

    assert [outlet_name(n) for n in ("Newsweek", "Interfax", "The Daily Beast", "Insider")] == \
        ["Newsweek", "Interfax", "The Daily Beast", "Insider"]
