"""Line kinds and the article's run of lines."""

from __future__ import annotations

from byline.extract.lines import read_lines
from byline.extract.textrun import (
    BOILER, BYLINE, COMMENTS, DATE, END, LIST, NAV, PROSE, TAG, TITLE, body_run, classify, mark_end_markers, mark_lists,
)

ARTICLE = "The council met on Tuesday and agreed the budget after a long debate, officials said in a statement."


def _lines(text: str, names: list[str] | None = None):
    lines = read_lines(text)
    for line in lines:
        line.kind = classify(line)
    mark_end_markers(lines, set(), names or [])
    mark_lists(lines)
    return lines


def test_kinds():
    lines = _lines("Skip to main content\nTags: a | b\nBudget passes after long debate\nBy Jane Doe | March 3, 2025\n"
                   "Updated 4:12 PM EST, March 5, 2025\n" + ARTICLE + "\nSign up for our newsletter\n"
                   "© 2025 The Ledger. All rights reserved.\n12 Comments")
    assert [line.kind for line in lines] == [NAV, TAG, TITLE, BYLINE, DATE, PROSE, BOILER, END, COMMENTS]


def test_run_is_the_heaviest_stretch_of_prose_between_end_markers():
    text = "\n\n".join(["Home | News | Sport", "Headline here for the story", ARTICLE, ARTICLE, "ADVERTISEMENT", ARTICLE,
                        "© 2025 The Ledger", ARTICLE + " " + ARTICLE])
    lines = _lines(text)
    assert body_run(lines) == (2, 5)  # the longer paragraph after the copyright line cannot join the run


def test_a_comment_thread_after_the_article_never_wins():
    comment = "I have lived here for thirty years and I have never seen the council act so quickly on anything at all."
    text = "\n\n".join(["Headline here for the story", ARTICLE, ARTICLE, ARTICLE, "3 Comments", comment, comment, comment,
                        comment, comment, comment])
    lines = _lines(text)
    assert body_run(lines) == (1, 3)


def test_bio_paragraph_of_a_byline_author_is_an_end_marker():
    lines = _lines("\n\n".join([ARTICLE, "Jane Doe covers the council for the Ledger."]), names=["Jane Doe"])
    assert [line.kind for line in lines] == [PROSE, END]


def test_short_lines_after_a_colon_are_a_list():
    lines = _lines("The finalists are:\nMaria Lopez, deputy chief\nTom Okafor, Ridgeville chief\n\n" + ARTICLE)
    assert [line.kind for line in lines] == [PROSE, LIST, LIST, PROSE]


def test_unsigned_bio_needs_a_journalists_role_and_a_bio_tell():
    from byline.extract.lines import Line
    from byline.extract.textrun import unsigned_bio

    def bio(text):
        return unsigned_bio(Line(text, 0, len(text.split())))

    assert bio("Meg James is a corporate media reporter for the Times, covering the business of television.") == "Meg James"
    assert bio("John Smith is a reporter who was detained in Iran last year, his family said.") is None  # no tell
    assert bio("The reporter covers the council.") is None  # no name


def test_an_unsigned_bio_after_the_article_ends_it_and_names_the_author():
    from byline.extract.textdump import extract_textdump
    from byline.model import Page

    text = ("Council passes the budget after a long debate\n\n" + "The council met on Tuesday and agreed the budget. " * 6
            + "\n\nMeg James is a city hall reporter for the Ledger, covering the council and the mayor.\n\n"
            + "Another story teaser that is long enough to look like a paragraph of prose, the site said. " * 3)
    article = extract_textdump(Page(text=text, kind="text"))
    assert len(article.body) == 1
    assert [a.name for a in article.authors] == ["Meg James"]
    assert article.authors[0].bio.startswith("Meg James is a city hall reporter")


def test_teaser_grid_blocks_are_recognised():
    from byline.extract.textrun import teaser_blocks

    grid = "\n".join(
        f"Story headline number {n}\nJane Doe\n{ARTICLE}" for n in range(4)
    )
    lines = _lines(ARTICLE + "\n\n" + ARTICLE + "\n\n" + grid)
    assert teaser_blocks(lines) == {2}  # the two paragraphs in blocks of their own are the article
