"""Choose the article container, then recover the article text it left outside.

Every block gets a content value (prose-like text that is not link text) and a
noise value (link text, short fragments, text under page furniture). An
element's score is the sum over its block range, computed from prefix sums,
so scoring every element costs one pass. Hints the page gives (``<article>``,
``itemprop="articleBody"``, CMS class names, JSON-LD ``articleBody``) raise a
candidate's score; they never pick it on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from byline.extract.html_blocks import Block, Element, Walk
from byline.extract.html_clean import is_boiler_mark, is_content_mark, reads_as_prose

NOISE_WEIGHT = 1.0
HINT_BONUS = 1.25


@dataclass(slots=True)
class Scored:
    good: list[float]  # per block content value
    noise: list[float]  # per block noise value
    boiler: list[bool]  # per element: named or tagged like furniture
    hinted: list[bool]  # per element: named like an article body
    pg: list[float]  # prefix sums of good
    pn: list[float]  # prefix sums of noise


def block_values(block: Block, confirmed: bool) -> tuple[float, float]:
    n = len(block.text)
    links = block.link_chars
    if block.kind == "heading":
        return 0.0, links
    ld = links / n if n else 1.0
    if confirmed:
        return n * 1.5, links
    if ld > 0.5 or n < 25:
        return 0.0, links + (n - links) * 0.5
    value = (n - links) * (1.0 - ld)
    if not reads_as_prose(block.text):
        value *= 0.5
    return value, links


def score(walk: Walk, confirmed: list[bool], boiler_tags: frozenset[str]) -> Scored:
    blocks, elements = walk.blocks, walk.elements
    good = [0.0] * len(blocks)
    noise = [0.0] * len(blocks)
    for i, b in enumerate(blocks):
        good[i], noise[i] = block_values(b, confirmed[i])
    boiler = [e.tag in boiler_tags or is_boiler_mark(e.marks) for e in elements]
    hinted = [e.tag == "article" or is_content_mark(e.marks) for e in elements]
    pg = [0.0]
    for g in good:
        pg.append(pg[-1] + g)
    total = pg[-1] or 1.0
    # Furniture marks on an element that holds most of the page's prose are
    # not credible ("has-sidebar" on <body>): they do not count as noise.
    credible = [bl and (pg[e.end] - pg[e.first]) < 0.5 * total for bl, e in zip(boiler, elements)]
    for i, b in enumerate(blocks):
        if any(credible[k] for k in b.path):
            noise[i] += good[i] + len(b.text) * 0.3
            good[i] = 0.0
    pg = [0.0]
    for g in good:
        pg.append(pg[-1] + g)
    pn = [0.0]
    for x in noise:
        pn.append(pn[-1] + x)
    return Scored(good, noise, credible, hinted, pg, pn)


def choose_container(walk: Walk, s: Scored) -> int | None:
    """The element whose block range has the most prose net of noise."""
    best, best_score = None, 0.0
    for i, e in enumerate(walk.elements):
        g = s.pg[e.end] - s.pg[e.first]
        if g <= 0:
            continue
        value = g - NOISE_WEIGHT * (s.pn[e.end] - s.pn[e.first])
        if s.hinted[i]:
            value *= HINT_BONUS
        # ties go to the deeper element (visited later, >=)
        if value >= best_score:
            best, best_score = i, value
    return best
