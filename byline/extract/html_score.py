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
from itertools import accumulate

from byline.extract.html_blocks import Block, Walk
from byline.extract.html_clean import mark_kinds, reads_as_prose

_NOT_TEASER_TAGS = frozenset(("p", "tr", "td", "th", "dt", "dd"))
NOISE_WEIGHT = 1.0
_UNNAMED = (False, False, False)  # mark_kinds("")
HINT_BONUS = 1.25


@dataclass(slots=True)
class Scored:
    good: list[float]  # per block content value
    noise: list[float]  # per block noise value
    boiler: list[bool]  # per element: furniture, and credible as such page-wide
    raw: list[bool]  # per element: named or tagged like furniture (or a teaser item)
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
    if block.kind == "list_item" and 0.5 < ld <= 0.75 and n >= 100:
        return float(n - links), float(links)  # a linked headline with its summary: weigh both
    if ld > 0.5 or n < 25:
        return 0.0, links + (n - links) * 0.5
    value = float(n - links)
    if not reads_as_prose(block.text):
        value *= 0.5
    return value, links * min(1.0, 2 * ld)


def score(walk: Walk, confirmed: list[bool], boiler_tags: frozenset[str], teasers: bool = True) -> Scored:
    blocks, elements = walk.blocks, walk.elements
    good = [0.0] * len(blocks)
    noise = [0.0] * len(blocks)
    for i, b in enumerate(blocks):
        good[i], noise[i] = block_values(b, confirmed[i])
    kinds = [mark_kinds(e.marks) if e.marks else _UNNAMED for e in elements]  # (furniture, content, body) per element
    boiler = [k[0] or e.tag in boiler_tags for e, k in zip(elements, kinds)]
    if teasers:
        for i in teaser_items(walk):
            boiler[i] = True
    hinted = [k[1] or e.tag == "article" for e, k in zip(elements, kinds)]
    pg = [0.0, *accumulate(good)]
    total = pg[-1] or 1.0
    # Furniture marks on an element that holds most of the page's prose are
    # not credible ("has-sidebar" on <body>): they do not count as noise.
    credible = [bl and (pg[e.end] - pg[e.first]) < 0.5 * total for bl, e in zip(boiler, elements)]
    under = [False] * len(elements)  # the element or an ancestor is credible furniture
    for i, e in enumerate(elements):
        under[i] = credible[i] or (e.parent >= 0 and under[e.parent])
    for i, b in enumerate(blocks):
        if b.owner >= 0 and under[b.owner]:
            noise[i] += good[i] + len(b.text) * 0.3
            good[i] = 0.0
    pg = [0.0, *accumulate(good)]
    pn = [0.0, *accumulate(noise)]
    return Scored(good, noise, credible, boiler, hinted, pg, pn)


def furniture_under(walk: Walk, s: Scored, top: int) -> dict[int, bool]:
    """For each element inside ``top``: is it, or an element between it and
    ``top``, furniture? A furniture-named element holding half or more of
    ``top``'s prose is not believed ("article-body has-share-tools")."""
    els = walk.elements
    t = els[top]
    top_good = s.pg[t.end] - s.pg[t.first]
    flags: dict[int, bool] = {top: False}
    for j in range(top + 1, len(els)):
        e = els[j]
        if e.parent not in flags:
            break  # left top's subtree (pre-order: descendants are contiguous)
        mine = s.raw[j] and (top_good == 0 or s.pg[e.end] - s.pg[e.first] < 0.5 * top_good)
        flags[j] = mine or flags[e.parent]
    return flags


def teaser_items(walk: Walk) -> list[int]:
    """Items of a teaser list: three or more like-named siblings that each open with a link.

    Related-story lists, "more from" rails and index cards repeat one markup
    per item, each with a headline link; article paragraphs rarely do.
    """
    blocks, elements = walk.blocks, walk.elements
    pt = [0, *accumulate(len(b.text) for b in blocks)]
    pl = [0, *accumulate(b.link_chars for b in blocks)]
    # Inside an element the CMS names as the article body, a list of linked
    # items is the writer's (a briefing, sources), not a teaser rail.
    in_body = [False] * len(elements)
    for i, e in enumerate(elements):
        in_body[i] = (e.parent >= 0 and in_body[e.parent]) or (e.marks != "" and mark_kinds(e.marks)[2])
    groups: dict[tuple[int, str, str], list[int]] = {}
    for i, e in enumerate(elements):
        if e.end > e.first and e.parent >= 0 and not in_body[e.parent] and e.tag not in _NOT_TEASER_TAGS:
            groups.setdefault((e.parent, e.tag, e.marks), []).append(i)
    out: list[int] = []
    for members in groups.values():
        if len(members) < 3:
            continue
        linked = 0
        for m in members:
            e = elements[m]
            text, links = pt[e.end] - pt[e.first], pl[e.end] - pl[e.first]
            if links and (links >= 0.5 * text or (links >= 0.15 * text and blocks[e.first].link_first)):
                linked += 1
        if linked >= 3 and linked >= 0.6 * len(members):
            out.extend(members)
    return out


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
    if best is not None:
        # look from the winner up a few levels for a list of posts; the
        # widest view decides
        anc, level, found = best, 0, None
        while anc >= 0 and level < 4:
            found = _one_of_many(walk, s, anc) or found
            anc, level = walk.elements[anc].parent, level + 1
        if found is not None:
            return found
    return best


def _one_of_many(walk: Walk, s: Scored, container: int) -> int | None:
    """A container holding several ``<article>`` elements with prose is a list
    of posts (the story, then teasers of others): keep the first one with
    prose of its own near the most (unclosed markup can nest the teasers
    inside the story, so nested articles do not count for their parent)."""
    els = walk.elements
    e = els[container]

    def net(a) -> float:
        return s.pg[a.end] - s.pg[a.first] - NOISE_WEIGHT * (s.pn[a.end] - s.pn[a.first])

    articles = []
    for i in range(container, len(els)):
        a = els[i]
        if a.first >= e.end and a.end > a.first:
            break
        if a.tag == "article" and s.pg[a.end] - s.pg[a.first] > 0:
            articles.append(i)
    if len(articles) < 2:
        return None
    own = {}
    for i in articles:
        a = els[i]
        inner = [j for j in articles if j != i and els[j].first >= a.first and els[j].end <= a.end]
        outer = [j for j in inner if not any(k != j and els[j].first >= els[k].first and els[j].end <= els[k].end
                                            for k in inner)]
        own[i] = net(a) - sum(net(els[j]) for j in outer)
    # the story comes first; teasers of other posts follow it
    top = max(own.values())
    return next(i for i in articles if own[i] >= 0.5 * top)
