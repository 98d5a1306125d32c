"""Every quote on the founding page, with speaker, anonymity, cue, via and said_on.

said_on for Paul's direct quote is None on purpose: the article dates his
criticism ("on Sunday") in the paragraph before, but the attribution clause
of the quote itself ("Paul said") names no time, and byline only dates a
quote from its own attribution clause rather than guess that the quote was
spoken at the same moment. His indirect statement in that paragraph
("cautioning that ...") carries the Sunday date, 2025-11-23.
"""

from __future__ import annotations

import pytest

import byline
from byline.model import Article


def _seed_article(seed_path) -> Article:
    article = byline.extract(seed_path)
    assert len(article.body) == 11, "the text-dump reader should give the 11 body paragraphs"
    return article


def _one(article: Article, fragment: str):
    hits = [q for q in article.quotes if fragment in q.text]
    assert len(hits) == 1, (fragment, [q.text for q in article.quotes])
    return hits[0]


# fragment, kind, paragraphs, mention, name, descriptor, anonymous, kind of speaker, cue, via, said_on
EXPECTED = [
    ("President Donald Trump is planning a call", "indirect", [0], "Axios", "Axios", None, False, "organization", "reported", "Axios", "2025-11-24"),
    ("The call has no scheduled date", "indirect", [1], "Axios", "Axios", None, False, "organization", "said", "Axios", None),
    ("Nobody is planning to go in", "direct", [2], "one official", None, "one official", True, "person", "told", "Axios", None),
    ("In the meantime, we're going to blow up boats", "direct", [2], "one official", None, "one official", True, "person", "told", "Axios", None),
    ("at least 83 people have been killed", "indirect", [3], "U.S. officials", None, "U.S. officials", True, "group", "say", None, None),
    ("We have covert operations", "direct", [6], "a White House official", None, "a White House official", True, "person", "told", "Axios", None),
    ("if Maduro leaves, we would not shed a tear", "direct", [6], "a White House official", None, "a White House official", True, "person", "told", "Axios", None),
    ("it risks circumventing Congress", "indirect", [7], "Rand Paul", "Rand Paul", "Sen., R-Ky.", False, "person", "cautioning", None, "2025-11-23"),
    ("They are pretending as if we are at war", "direct", [8], "Paul", "Rand Paul", "Sen., R-Ky.", False, "person", "said", None, None),
    ("When you have war, the rules of engagement are lessened.", "direct", [8], "Paul", "Rand Paul", "Sen., R-Ky.", False, "person", "said", None, None),
    ("the blame is misplaced", "indirect", [9], "Axios", "Axios", None, False, "organization", "reported", "Axios", None),
    ("The hawk in Venezuela is Donald Trump", "direct", [10], "a third U.S. official", None, "a third U.S. official", True, "person", "told", "Axios", None),
]


@pytest.mark.parametrize("expected", EXPECTED, ids=[e[0][:30] for e in EXPECTED])
def test_seed_quote(seed_path, expected):
    fragment, kind, paragraphs, mention, name, descriptor, anonymous, speaker_kind, cue, via, said_on = expected
    quote = _one(_seed_article(seed_path), fragment)
    assert quote.kind == kind
    assert quote.paragraphs == paragraphs
    speaker = quote.speaker
    assert (speaker.mention, speaker.name, speaker.descriptor) == (mention, name, descriptor)
    assert (speaker.anonymous, speaker.kind) == (anonymous, speaker_kind)
    assert (quote.cue, quote.via, quote.said_on) == (cue, via, said_on)


def test_seed_has_exactly_these_quotes(seed_path):
    article = _seed_article(seed_path)
    assert len(article.quotes) == len(EXPECTED)
    first = _one(article, "Nobody is planning")
    assert first.text == "Nobody is planning to go in and shoot him or snatch him — at this point. I wouldn't say never, but that's not the plan right now"
    paragraph = article.body[2]
    assert paragraph[first.span[0]:first.span[1]] == first.text
    hawk = _one(article, "The hawk in Venezuela")
    assert "[White House deputy chief of staff] Stephen Miller" in hawk.text  # the bracketed insertion is kept
    assert not any("Southern Spear" == q.text for q in article.quotes)
