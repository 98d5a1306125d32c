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
