"""The HTML main-text extractor on hand-written pages (tests/fixtures/html_body/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from byline.extract.html_blocks import walk
from byline.extract.html_body import Body, BodyHints, extract_body
from byline.extract.html_body import BOILER_TAGS  # noqa: F401  (re-exported for callers)
from byline.extract.html_score import choose_container, score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html_body"
HEADLINE = "Harlow Creek closes the Mill Street bridge after inspectors find cracks"


def body_of(name: str, hints: BodyHints | None = None) -> Body:
    return extract_body(LexborHTMLParser((FIXTURES / name).read_text("utf-8")), hints)


def body_of_html(html: str, hints: BodyHints | None = None) -> Body:
    return extract_body(LexborHTMLParser(html), hints)


STORY = [
    ("paragraph", "HARLOW CREEK — The town council voted 5-2 on Tuesday to close the Mill Street bridge to all "
                  "traffic, a day after state inspectors reported cracks in two of its steel girders."),
    ("paragraph", 'The closure takes effect at noon on Wednesday and will last "at least until the summer," Mayor '
                  "Elena Voss told the meeting, which drew more than 200 residents."),
    ("paragraph", "Drivers will be sent on a four-mile detour through Old Quarry Road."),
    ("paragraph", "School buses will use the same route, the district said in a letter to parents."),
    ("heading", "A long-feared decision"),
    ("paragraph", "Residents had warned for years that the 1958 bridge was failing. Councilman Ray Okafor said the "
                  "town had asked the state for repair money three times since 2019."),
    ("paragraph", "The inspectors' report lists three problems:"),
    ("list_item", "cracks in two steel girders near the east abutment;"),
    ("list_item", "corroded bolts on the north railing;"),
    ("list_item", "a deck that has sunk by two inches since the last inspection."),
    ("blockquote", "We cannot let a school bus cross that bridge until every girder is replaced."),
    ("paragraph", "Voss said the town would ask for emergency money from the state this week, and that the repair "
                  "could cost as much as $4.2 million."),
    ("paragraph", "Detour hours for trucks:"),
    ("preformatted", "Mon-Fri  06:00-20:00\nSat      08:00-14:00"),
]


def test_story_paragraphs_in_reading_order_with_their_kinds():
    body = body_of("story_full.html", BodyHints(headline=HEADLINE))
    assert list(zip(body.kinds, body.paragraphs)) == STORY
    assert body.anomalies == []


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies",  # cookie banner
        "Share on Facebook",  # share bar
        "Tweet",  # second share bar inside the body
        "AP Photo",  # caption and credit
        "Read more",  # read-more link line
        "Morning Ledger",  # newsletter box heading
        "Sign up for our free newsletter",  # newsletter box text
        "Old Quarry Road to be repaved",  # related stories list
        "More stories",
        "covers town government",  # author box
        "falling apart for a decade",  # comments
        "All rights reserved",  # footer
        "Local news",  # kicker
        "By Dana Pirelli",  # byline
        "Published March 3",  # time stamp
        "Sports",  # navigation
        "tracking code",  # script
    ],
)
def test_each_kind_of_furniture_is_left_out(furniture):
    text = "\n".join(body_of("story_full.html", BodyHints(headline=HEADLINE)).paragraphs)
    assert furniture not in text


def test_headline_left_out_even_without_hints():
    body = body_of("story_full.html")
    assert HEADLINE not in body.paragraphs
    assert body.paragraphs[0].startswith("HARLOW CREEK")


def test_headline_repeated_inside_the_body_is_dropped_with_the_hint():
    para = "<p>Workers began lifting the old deck on Monday, the first step of a repair the town expects to finish in June.</p>"
    html = f"<html><body><article>{para}<h2>Bridge repairs begin</h2>{para * 2}</article></body></html>"
    assert "Bridge repairs begin" in body_of_html(html).paragraphs
    assert "Bridge repairs begin" not in body_of_html(html, BodyHints(headline="Bridge repairs begin")).paragraphs


def test_double_br_splits_a_paragraph_and_whitespace_is_normalised():
    body = body_of("story_full.html")
    assert "Drivers will be sent on a four-mile detour through Old Quarry Road." in body.paragraphs
    for p in body.paragraphs:
        if not p.startswith("Mon-Fri"):
            assert "  " not in p and "\n" not in p and p == p.strip()


def test_index_page_gives_no_body_and_an_anomaly():
    body = body_of("index_page.html")
    assert body.paragraphs == [] and body.kinds == []
    assert [(a.field, a.problem) for a in body.anomalies] == [("body", "no article found")]


def test_index_page_with_long_teasers_gives_no_body():
    cards = "".join(
        f'<div class="card"><h3><a href="/story/{i}">Headline number {i} about the valley</a></h3>'
        f"<p>A longer summary of story {i}, written to entice the reader, with a few details about what "
        f"happened and who said what about it.</p></div>" for i in range(8)
    )
    html = f"<html><body><main><div class='content'><h1>Valley news</h1>{cards}</div></main></body></html>"
    body = body_of_html(html)
    assert body.paragraphs == []
    assert body.anomalies[0].problem == "no article found"


def test_page_without_any_text_gives_the_anomaly():
    body = body_of_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert body.paragraphs == []
    assert body.anomalies[0].problem == "no article found"


def test_second_pass_recovers_the_text_after_an_advertisement():
    html = (FIXTURES / "split_body.html").read_text("utf-8")
    # the first pass alone picks the articleBody div, which stops before the ad
    w = walk(LexborHTMLParser(html))
    from byline.extract.html_body import BOILER_TAGS as tags

    s = score(w, [False] * len(w.blocks), tags)
    container = w.elements[choose_container(w, s)]
    first_pass = " ".join(w.blocks[i].text for i in range(container.first, container.end))
    assert "Insurers expect" not in first_pass
    body = body_of("split_body.html")
    assert body.paragraphs[-1].startswith("Insurers expect the first claims")
    assert len(body.paragraphs) == 6
    assert not any(p in ("Advertisement", "Weather") or "Land prices" in p for p in body.paragraphs)


def _ld_body(name: str) -> str:
    tree = LexborHTMLParser((FIXTURES / name).read_text("utf-8"))
    return json.loads(tree.css_first('script[type="application/ld+json"]').text())["articleBody"]


def test_jsonld_article_body_is_evidence_for_short_lines_and_against_promo_text():
    without = body_of("jsonld_hint.html")
    with_hint = body_of("jsonld_hint.html", BodyHints(article_body=_ld_body("jsonld_hint.html")))
    assert "Ferry runs again." not in without.paragraphs  # a label alone looks like furniture
    assert with_hint.paragraphs == [
        "Ferry runs again.", "The Essling ferry resumed service on Friday after repairs.",
        "Pool opens.", "The town pool opens on June 1.",
        "Road works.", "Harbour Road will close at night next week.",
        "Fair dates.", "The summer fair runs July 8-10.",
    ]


def test_truncated_jsonld_article_body_is_not_taken_as_the_whole_text():
    first_two = ("Apple growers in the Brannock Valley lost as much as half of their blossom to a hard frost on "
                 "Sunday night, the regional growers' association said on Monday. Temperatures fell to minus four...")
    body = body_of("split_body.html", BodyHints(article_body=first_two))
    assert len(body.paragraphs) == 6
    assert body.paragraphs[-1].startswith("Insurers expect")


def test_jsonld_text_is_never_copied_into_the_body():
    body = body_of("story_full.html", BodyHints(article_body="A different story entirely, about a ferry. " * 10))
    assert not any("ferry" in p for p in body.paragraphs)
    assert len(body.paragraphs) == len(STORY)


PARA = ("<p>The harbour board said on Friday that the new ferry pier would open in May, two months later than "
        "planned, because of a shortage of steel piles.</p>")


def test_teaser_list_without_class_names_is_left_out():
    teasers = "".join(
        f'<li><a href="/s{i}">Story number {i} about the harbour</a> A short summary of another story here.</li>'
        for i in range(4)
    )
    html = f"<html><body><div>{PARA * 4}<ul>{teasers}</ul></div></body></html>"
    body = body_of_html(html)
    assert len(body.paragraphs) == 4
    assert not any("Story number" in p for p in body.paragraphs)


def test_list_of_links_inside_the_article_is_kept_when_it_is_the_article():
    items = "".join(
        f'<li><a href="/n{i}">Item {i} of the morning briefing</a> and what it means for commuters in the district, '
        f"explained in a sentence or two.</li>" for i in range(6)
    )
    html = f"<html><body><article><p>Good morning. Here is what you need to know today.</p><ol>{items}</ol></article></body></html>"
    body = body_of_html(html)
    assert sum(k == "list_item" for k in body.kinds) == 6


def test_only_the_first_of_several_posts_on_a_page():
    story = "<article class='post'><h1>Pier delayed</h1>" + PARA * 2 + "</article>"
    other = ("<article class='post'><p>The spring fair will be held on the green for the first time in a decade, "
             "organisers said, with forty stalls and a brass band.</p></article>")
    html = f"<html><body><div class='main'>{story}{other}{other}</div></body></html>"
    body = body_of_html(html)
    assert len(body.paragraphs) == 2 and all("harbour board" in p for p in body.paragraphs)


def test_captions_are_left_out_by_their_words():
    html = ("<html><body><article>" + PARA * 3 +
            "<p>Residents queue for the ferry on Friday. (Image: Harbour Board)</p>"
            "<p>In this March 2, 2024, file photo, the old pier is seen at low tide.</p>"
            "<p>Photo: Ines Marlow / Essling Weekly</p></article></body></html>")
    body = body_of_html(html)
    assert len(body.paragraphs) == 3


def test_hidden_elements_and_scripts_are_not_text():
    html = ("<html><body><article>" + PARA * 3 +
            "<div style='display:none'>Hidden promotional text that nobody sees on the page at all.</div>"
            "<p hidden>Also hidden, a second paragraph of text the reader never sees on screen.</p>"
            "<script>var s = 'script text';</script></article></body></html>")
    body = body_of_html(html)
    assert len(body.paragraphs) == 3


def test_walk_drops_hidden_inline_elements_and_keeps_words_apart():
    html = ("<html><body>\n  <div class='story'>\n    <p>Ferry <span style='display: none'>secret</span>fares "
            "<a href='/x' aria-hidden='true'>skip</a>rise <em>again</em>\x01 on\x1fday<br><br>\n   Second line</p>\n"
            "    <pre>\n  line one  \n\n  line two\n</pre>\n  </div>\n</body></html>")
    w = walk(LexborHTMLParser(html))
    assert [(b.text, b.kind) for b in w.blocks] == [
        ("Ferry fares rise again onday", "paragraph"), ("Second line", "paragraph"),
        ("line one\n\n  line two", "preformatted")]
    assert [(e.tag, e.marks) for e in w.elements] == [("body", ""), ("div", "story"), ("p", ""), ("pre", "")]


def test_the_tree_is_only_read():
    html = (FIXTURES / "story_full.html").read_text("utf-8")
    tree = LexborHTMLParser(html)
    before = tree.html
    extract_body(tree)
    assert tree.html == before


def test_embedded_post_quoted_by_the_story_is_kept():
    tweet = ('<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The pier will be ready in May, '
             'not March. Sorry, everyone.</p>— Harbour Board (@harbourboard) March 3, 2025</blockquote></div>')
    html = f"<html><body><article>{PARA * 2}{tweet}{PARA}</article></body></html>"
    body = body_of_html(html)
    assert any(p.startswith("The pier will be ready in May") for p in body.paragraphs)
    assert body.kinds[body.paragraphs.index(next(p for p in body.paragraphs if p.startswith("The pier")))] == "blockquote"


def test_gallery_counters_newsletter_pitches_and_url_dumps_are_left_out():
    html = ("<html><body><article>" + PARA * 3 +
            "<div>Image 1 of 5</div>"
            "<p>There is plenty more where that came from. Sign up for the Harbour Brief to get it in your inbox daily.</p>"
            "<p>https://cdn.example.org/img/pier-1200.jpg 1200 676 https://cdn.example.org/img/pier-600.jpg</p>"
            "</article></body></html>")
    assert len(body_of_html(html).paragraphs) == 3


def test_japanese_text_without_spaces_counts_as_prose():
    sentences = "".join(f"<p>港の新しい桟橋は資材不足のため五月に開業する予定だと発表された{i}。</p>" for i in range(6))
    html = f"<html><body><article><h1>桟橋の開業延期</h1><p>by 港湾新聞 ／ 2025.03.03</p>{sentences}</article></body></html>"
    body = body_of_html(html)
    assert len(body.paragraphs) == 6
    assert not any(p.startswith("by ") for p in body.paragraphs)


def test_briefing_items_led_by_long_links_stay_inside_a_named_body():
    items = "".join(
        f'<li><a href="/n{i}">The harbour board has delayed the opening of the new ferry pier number {i}</a>'
        f" until May, officials said on Friday, citing a shortage of steel.</li>" for i in range(5)
    )
    html = (f"<html><body><div class='entry-content'><p>Good morning. Here is what you need to know today, "
            f"in five items.</p>{PARA}<ol>{items}</ol></div><ul>{items}</ul></body></html>")
    body = body_of_html(html)
    assert sum(k == "list_item" for k in body.kinds) == 5  # the body's list, not the copy outside it
