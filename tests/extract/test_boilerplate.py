"""Boilerplate wording: furniture goes, quoted or attributed prose stays."""

from __future__ import annotations

import pytest

from byline.extract.boilerplate import (
    copyright_holder, is_boilerplate, is_copyright, is_corporate_name, is_navigation, is_trailer_header, split_owner,
)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for Newsmax’s Daily Newsletter",
        "Receive breaking news and original analysis - sent right to your inbox.",
        "Privacy: We never share your email address.",
        "Interest-Based Advertising | Do not sell or share my personal information",
        "READ MORE: Port Calloway council approves $2.1 million dredging budget",
        "Photo: A nurse prepares a dose at the health center on Monday. (Star photo/Jenna Hollis)",
        "We use cookies to give you the best experience of our website. By continuing to browse the site you "
        "agree to our use of cookies as set out in our Cookie Policy.",
        "Independent journalism costs money. If you value our reporting, please consider becoming a supporter today.",
        "© 2025 Newsmax. All rights reserved.",
        "ADVERTISEMENT",
    ],
)
def test_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        '"Sign up early, because once the list closes we cannot add anyone," the deputy director told the board.',
        "Sign up for the new clinics opens Wednesday at 8 a.m. on the county website, the department said.",
        "The company's privacy policy, updated last year, allows it to sell data, regulators said.",
        "Search teams found the boat on Sunday after a two-day hunt along the coast, the coast guard said.",
        "President Donald Trump is planning a call with Venezuelan President Nicolás Maduro, Axios reported Monday.",
    ],
)
def test_prose_that_merely_sounds_like_furniture(line):
    assert not is_boilerplate(line)


def test_navigation_and_trailers():
    assert is_navigation("Skip to main content")
    assert is_navigation("Home | News | Sport | Weather")
    assert is_navigation("Search Kestrel")
    assert not is_navigation("Officials | said")  # only two parts
    assert is_trailer_header("Related stories")
    assert not is_trailer_header("Related developments were reported on Monday.")
    assert is_trailer_header("More from the Harbor Ledger")
    assert not is_trailer_header("More than 400 parents signed a petition.")


@pytest.mark.parametrize(
    "line, ok",
    [("12 Comments", True), ("[ 167 comments ]", True), ("Comments (12)", True), ("Top Rated Comments", True),
     ("34 responses to “Anthony Lynn: We needed to win”", True), ("Leave a Reply", True),
     ("Comments", False), ("The comments were rude, officials said.", False)],
)
def test_comment_section_headers(line, ok):
    from byline.extract.boilerplate import is_comments_header

    assert is_comments_header(line) is ok


def test_copyright_holders():
    assert copyright_holder("© 2025 Newsmax. All rights reserved.") == "Newsmax"
    assert copyright_holder("© Newsmax Media, Inc.") == "Newsmax Media, Inc."
    assert copyright_holder("Copyright 2019-2025 The Harbor Ledger") == "The Harbor Ledger"
    assert copyright_holder("The council said") is None
    assert is_copyright("All Rights Reserved")
    assert split_owner("Fenwick Daily Star, a division of Lakeland Newspapers LLC") == (
        "Fenwick Daily Star", "Lakeland Newspapers LLC")
    assert split_owner("Kestrel News") == ("Kestrel News", None)
    assert is_corporate_name("Sentinel Publishing Group LLC")
    assert not is_corporate_name("Lakefront Sentinel")


@pytest.mark.parametrize(
    "line, ok",
    [("Dave R. says:", True), ("Charles Pritchard on October 27, 2018 at 8:34 pm said:", True), ("Lou says:", True),
     ("The Mayor says:", False), ("In a statement, the company says:", False), ("He said: no", False)],
)
def test_comment_signatures(line, ok):
    from byline.extract.boilerplate import is_comment_signature

    assert is_comment_signature(line) is ok
