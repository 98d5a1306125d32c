"""Entities with roles and affiliations, on paragraphs written for these tests."""

from __future__ import annotations

from byline.attribution.entities import annotate_entities
from byline.model import Article
from byline.nlp import parse_paragraphs


def entities(*paragraphs: str):
    article = Article(body=list(paragraphs))
    annotate_entities(article, parse_paragraphs(article.body))
    return {e.name: e for e in article.entities}, article


def test_title_before_name_is_a_role_not_part_of_the_name():
    found, _ = entities("Secretary of Health Dana Whitfield visited the clinic on Monday.")
    assert "Dana Whitfield" in found
    assert found["Dana Whitfield"].roles == ["Secretary of Health"]
    assert found["Dana Whitfield"].kind == "person"


def test_nationality_before_a_title_is_an_affiliation():
    found, _ = entities("Officials met French Foreign Minister Pierre Martin in Geneva.")
    assert found["Pierre Martin"].roles == ["Foreign Minister"]
    assert found["Pierre Martin"].affiliations == ["France"]


def test_abbreviated_titles_are_spelled_out_and_former_is_kept():
    found, _ = entities("Gov. Maria Delgado spoke first. Former Prime Minister Anna Lind spoke next.")
    assert found["Maria Delgado"].roles == ["Governor"]
    assert found["Anna Lind"].roles == ["Former Prime Minister"]


def test_bracketed_title_is_a_role():
    found, _ = entities('"The decision rests with [county emergency manager] Ruth Calloway," the aide said.')
    assert found["Ruth Calloway"].roles == ["county emergency manager"]


def test_appositions_after_and_before_the_name():
    found, _ = entities(
        "Harlan Voss, a spokesman for the regional water board, said the pipes held.",
        "The county's fire chief, Tom Briggs, said crews worked all night.",
    )
    assert found["Harlan Voss"].roles == ["spokesman for the regional water board"]
    assert found["Tom Briggs"].roles == ["county's fire chief"]


def test_role_as_phrase_goes_to_the_person_named_before_it():
    found, _ = entities("Ellen Park, who serves as director of the county health department, said the water was safe.")
    assert "director of the county health department" in found["Ellen Park"].roles
    found, _ = entities("Critics faulted Mark Ellison because of his dual role as party treasurer, a paper reported.")
    assert found["Mark Ellison"].roles == ["party treasurer"]


def test_party_state_tags_are_affiliations():
    found, _ = entities(
        "Sen. Tom Okafor (R-Texas) said the bill was dead.",
        "Rep. Lena Ruiz, D-Calif., disagreed.",
        "Gov. Maria Delgado, D-N.M., said the state would appeal.",
    )
    assert found["Tom Okafor"].affiliations == ["Republican", "Texas"]
    assert found["Tom Okafor"].roles == ["Senator"]
    assert found["Lena Ruiz"].affiliations == ["Democrat", "California"]
    assert found["Maria Delgado"].affiliations == ["Democrat", "New Mexico"]
    assert "Texas" not in found  # the state inside the tag is not a separate place mention


def test_surname_mentions_merge_into_the_full_name_with_exact_spans():
    found, article = entities("Mayor Lisa Chen opened the bridge.", "Chen said it had cost too much.")
    chen = found["Lisa Chen"]
    assert [(m.paragraph, m.text) for m in chen.mentions] == [(0, "Lisa Chen"), (1, "Chen")]
    for m in chen.mentions:
        assert article.body[m.paragraph][m.span[0] : m.span[1]] == m.text
    assert "Chen" not in found


def test_surname_before_full_name_and_two_people_with_one_surname():
    found, _ = entities(
        "Okafor, the committee chair, opened the hearing. Sen. Tom Okafor said little.",
        "Maya Reyes and her brother Luis Reyes both testified. Reyes said the audit was late.",
    )
    assert len(found["Tom Okafor"].mentions) == 2
    # the lone surname goes to the nearest full name before it
    assert [m.text for m in found["Luis Reyes"].mentions] == ["Luis Reyes", "Reyes"]
    assert [m.text for m in found["Maya Reyes"].mentions] == ["Maya Reyes"]


def test_kind_repairs():
    found, _ = entities(
        "Operation Clean Sweep began on Monday, the Harbor City Police Department said.",
        "Clean Sweep has led to 40 arrests, Reuters reported.",
        "Prosecutors linked the ring to the Cartel del Norte.",
    )
    assert found["Operation Clean Sweep"].kind == "operation"
    assert len(found["Operation Clean Sweep"].mentions) == 2
    assert found["Harbor City Police Department"].kind == "organization"
    assert found["Reuters"].kind == "organization"
    assert found["Cartel del Norte"].kind == "organization"


def test_acronyms():
    found, _ = entities(
        "Teams from the Federal Emergency Management Agency (FEMA) arrived. FEMA set up two shelters.",
        "The group was named a foreign terrorist organization (FTO), a label critics disputed.",
    )
    assert [m.text for m in found["Federal Emergency Management Agency"].mentions] == [
        "Federal Emergency Management Agency", "FEMA", "FEMA"]
    assert "FTO" not in found


def test_leading_the_and_possessive_are_not_part_of_the_name():
    found, _ = entities("The Associated Press reported that Lisa Chen's office had closed.")
    assert "Associated Press" in found
    assert "Lisa Chen" in found


def test_nicknames_are_not_part_of_the_name():
    found, _ = entities('Tom "Tank" Reilly, the Bears\' center, retired on Tuesday. Reilly said his knees decided.')
    assert "Tom Reilly" in found
    assert [m.text for m in found["Tom Reilly"].mentions] == ['Tom "Tank" Reilly', "Reilly"]


def test_lower_case_occupations_and_home_places():
    found, _ = entities(
        '"He is our captain," said fast bowler Dev Sharma.',
        "Gov. Linda Pratt of Westmark spoke. Kenya's Daniel Kiprotich won the race.",
    )
    assert found["Dev Sharma"].roles == ["fast bowler"]
    assert found["Linda Pratt"].affiliations == ["Westmark"]
    assert found["Daniel Kiprotich"].affiliations == ["Kenya"]


def test_party_word_before_a_name_and_employer_in_apposition():
    found, _ = entities(
        "Democrat Adaeze Okonkwo won the race.",
        '"Investors are nervous," said Marta Velasquez, chief market strategist at Halden Capital, which manages $40 billion.',
    )
    assert found["Adaeze Okonkwo"].affiliations == ["Democrat"]
    assert found["Marta Velasquez"].roles == ["chief market strategist at Halden Capital"]
    assert found["Marta Velasquez"].affiliations == ["Halden Capital"]


def test_short_names_and_initials_of_organisations():
    found, _ = entities(
        "Brightwell Industries will cut 1,200 jobs. Brightwell's shares rose.",
        "The European Union sent teams, EU Commissioner Jan Verbeek said.",
    )
    assert [m.text for m in found["Brightwell Industries"].mentions] == ["Brightwell Industries", "Brightwell"]
    assert "EU" in [m.text for m in found["European Union"].mentions]
    assert "EU" not in found


def test_sentence_initial_common_nouns_are_not_names():
    found, _ = entities("Turnout was about 38 percent. Teammates rallied around him. Rookie guard Jalen Brooks scored 40.")
    assert set(found) == {"Jalen Brooks"}
    assert found["Jalen Brooks"].roles == ["Rookie guard"]


def test_a_name_someone_holds_a_role_at_is_an_organisation_whatever_the_tagger_said():
    found, _ = entities("Nora Rail says the line will close in spring. We asked Tobias Rendle, managing director of "
                        "Nora Rail, why.")
    assert found["Nora Rail"].kind == "organization" and len(found["Nora Rail"].mentions) == 2
    assert found["Tobias Rendle"].roles == ["managing director of Nora Rail"]
    kin, _ = entities("Ada Lind, daughter of Karl Lind, spoke first. Karl Lind said nothing.")
    assert kin["Karl Lind"].kind == "person"  # "daughter of" is kinship, not a job
