"""Byline lines: names, dates and extras."""

from __future__ import annotations

from byline.extract.bylines import parse_byline


def test_empty_name_with_date():
    b = parse_byline("By | Monday, 24 November 2025 06:58 PM EST")
    assert b is not None and b.names == []
    assert b.dates == [("published", "Monday, 24 November 2025 06:58 PM EST")]


def test_two_authors_and_a_published_label():
    b = parse_byline("By Dana Whitcombe and Luis Ortega | Published March 3, 2025 5:14 p.m. EST")
    assert b.names == ["Dana Whitcombe", "Luis Ortega"]
    assert b.dates == [("published", "March 3, 2025 5:14 p.m. EST")]


def test_three_authors_with_commas():
    assert parse_byline("By Ana Ruiz, Tom Lee and Kim Park").names == ["Ana Ruiz", "Tom Lee", "Kim Park"]


def test_role_after_comma_is_not_a_name():
    b = parse_byline("By Harriet Cole, Home Affairs Correspondent")
    assert b.names == ["Harriet Cole"] and b.extras == ["Home Affairs Correspondent"]


def test_capitals_are_name_cased_and_on_date_split():
    assert parse_byline("By ELENA MARCHETTI").names == ["Elena Marchetti"]
    b = parse_byline("By Jane Doe on March 3, 2025")
    assert b.names == ["Jane Doe"] and b.dates == [("published", "March 3, 2025")]


def test_prose_starting_with_by_is_not_a_byline():
    assert parse_byline("By Tuesday, the river had risen two feet.") is None
    assert parse_byline("By the time officials arrived, the fire was out.") is None
    assert parse_byline("Bystanders filmed the crash.") is None


def test_spaced_hyphen_separates_and_a_username_with_a_date_is_a_nameless_byline():
    b = parse_byline("By Tess Bonn - 11/19/19 06:56 AM EST")
    assert b.names == ["Tess Bonn"] and b.dates == [("published", "11/19/19 06:56 AM EST")]
    b = parse_byline("By admin - 2018-09-16")
    assert b.names == [] and b.dates == [("published", "2018-09-16")]


def test_unmarked_bylines_need_a_name_and_nothing_but_a_date():
    from byline.extract.bylines import parse_unmarked_byline

    b = parse_unmarked_byline("Chris Davies - Nov 19, 2019, 10:31 pm CST")
    assert b.names == ["Chris Davies"] and b.dates == [("published", "Nov 19, 2019, 10:31 pm CST")]
    assert parse_unmarked_byline("Reuters November 18, 2019 11:03 PM").names == ["Reuters"]
    assert parse_unmarked_byline("Chelsea beat Arsenal 2-1 on Sunday") is None
    b = parse_unmarked_byline("Monday November 18, 2019 7:45 am PST by Joe Rossignol")
    assert b.names == ["Joe Rossignol"] and b.dates == [("published", "Monday November 18, 2019 7:45 am PST")]
    assert parse_unmarked_byline("The council voted on March 3, 2025 by a wide margin") is None
    assert parse_unmarked_byline("Storm knocks out power to 12,000 in Custer County") is None


def test_contact_details_and_glued_dates_are_not_names():
    assert parse_byline("By Megan Rowe meganr@spokesman.com(509) 459-5382").names == ["Megan Rowe"]
    b = parse_byline("By Joseph Tsidulko November 19, 2019, 07:47 PM EST")
    assert b.names == ["Joseph Tsidulko"] and b.dates == [("published", "November 19, 2019, 07:47 PM EST")]
    b = parse_byline("Analysis by Chris Cillizza, CNN Editor-at-large")
    assert b.names == ["Chris Cillizza"] and b.extras == ["CNN Editor-at-large"]
    assert parse_byline("By admin - 2018-09-16").names == []  # a CMS placeholder is no author
    b = parse_byline("By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight")  # a section glued after the date
    assert b.names == ["Tariq Malik", "Mike Wall"] and b.dates == [("published", "2019-11-18T22:05:36Z")]
