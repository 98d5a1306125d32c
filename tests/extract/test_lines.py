"""Line shapes of text dumps."""

from __future__ import annotations

import pytest

from byline.extract.lines import (
    Line, comma_list, date_line, is_person_name, is_prose, is_title_shaped, labelled, name_case, read_lines, tag_line,
)


def _line(text: str) -> Line:
    return Line(text, 0, len(text.split()))


def test_read_lines_normalises_spaces_and_numbers_blocks():
    lines = read_lines("By\u00a0\u00a0 |\u00a0 date\n\nA\nB\n\n\nC")
    assert [line.text for line in lines] == ["By | date", "A", "B", "C"]
    assert [line.block for line in lines] == [0, 1, 1, 2]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Monday, 24 November 2025 06:58 PM EST", ("published", "Monday, 24 November 2025 06:58 PM EST")),
        ("2025-58-24", ("published", "2025-58-24")),  # impossible, but date-shaped: reconcile repairs it
        ("Updated 4:12 PM EST, March 5, 2025", ("modified", "4:12 PM EST, March 5, 2025")),
        ("Published 14:05 GMT, 2 May 2025", ("published", "14:05 GMT, 2 May 2025")),
        ("3/4/2025 08:42 BST", ("published", "3/4/2025 08:42 BST")),
        ("Last updated on March 12, 2025", ("modified", "March 12, 2025")),
        ("The council met on March 3, 2025.", None),
        ("Newsfront", None),
        ("342", None),
        ("2019", None),  # a bare year: a copyright year, not a date line
        ("5:50 PM", None),  # a bare time: a clock widget ...
        ("Updated 11:02", ("modified", "11:02")),  # ... unless labelled
        ("2 days ago", ("published", "2 days ago")),
    ],
)
def test_date_line(text, expected):
    assert date_line(text) == expected


def test_tag_line_and_lists():
    assert tag_line("Tags: donald trump | talks | venezuela") == ["donald trump", "talks", "venezuela"]
    assert tag_line("Topics: a, b") == ["a", "b"]
    assert tag_line("Tagged in the attack, police said.") is None
    assert comma_list("housing, rent control, tenants") == ["housing", "rent control", "tenants"]
    assert comma_list("The mayor, who spoke late, said no.") is None
    assert comma_list("President Donald Trump is planning a call with Nicolás Maduro, including attacks") is None


def test_labelled():
    assert labelled("Word count: 512") == ("word count", "512")
    assert labelled("Section:Business") == ("section", "Business")
    assert labelled("He said: yes") is None


def test_prose_and_title_shapes():
    assert is_prose(_line('"No," she said.'))
    assert not is_prose(_line("Related stories"))
    assert is_title_shaped(_line("Trump Planning Talks With Maduro About Drug Strikes"))
    assert not is_title_shaped(_line("The call has no scheduled date."))
    assert not is_title_shaped(_line("lowercase start here"))


@pytest.mark.parametrize(
    "text, ok",
    [("Mark Swanson", True), ("Jean-Luc de la Croix", True), ("Mary O'Neil", True), ("Rosalind Achebe-Grant", True),
     ("Home Affairs Correspondent", False), ("Newsfront", False), ("The call was short", False)],
)
def test_person_names(text, ok):
    assert is_person_name(text) is ok


def test_name_case():
    assert name_case("ELENA MARCHETTI") == "Elena Marchetti"
    assert name_case("Ines Barragán") == "Ines Barragán"


def test_date_lines_reads_every_date_of_a_line_of_dates():
    from byline.extract.lines import date_lines

    assert date_lines("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM") == [
        ("modified", "Nov 19, 6:55 AM"), ("published", "Nov 19, 6:51 AM")]
    assert date_lines("Nov 19, 2019 | Politics") == []
    assert date_lines("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT") == [
        ("published", "Mon 18 Nov 2019 18.54 GMT"), ("modified", "Mon 18 Nov 2019 18.56 GMT")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Publié le 05/11/2025 à 18h58", ("published", "05/11/2025 à 18h58")),
        ("Mis à jour le 06/11/2025 à 09h12", ("modified", "06/11/2025 à 09h12")),
        ("Veröffentlicht am 24. November 2025, 18:58 Uhr", ("published", "24. November 2025, 18:58 Uhr")),
        ("3 de marzo de 2025", ("published", "3 de marzo de 2025")),
        ("Le conseil a voté mardi.", None),
    ],
)
def test_date_lines_in_other_languages(text, expected):
    assert date_line(text) == expected


def test_hard_wrapped_paragraphs_are_rejoined_but_menus_are_not():
    text = ("The council voted on Tuesday to close two of the borough's\nlibraries, officials said, after a debate\n"
            "that lasted six hours.\n\nHomePod\niPad Air\niPod touch")
    lines = read_lines(text)
    assert lines[0].text == ("The council voted on Tuesday to close two of the borough's libraries, officials said, "
                             "after a debate that lasted six hours.")
    assert [line.text for line in lines[1:]] == ["HomePod", "iPad Air", "iPod touch"]


def test_date_lines_with_a_time_beside_the_date_and_an_updated_part():
    from byline.extract.lines import date_lines

    assert date_lines("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET") == [
        ("modified", "Nov. 19, 2019 8:21 am ET"), ("published", "Nov. 19, 2019 8:02 am ET")]
    assert date_lines("November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm") == [
        ("published", "November 19, 2019 | 4:20am"), ("modified", "November 19, 2019 | 9:32pm")]
