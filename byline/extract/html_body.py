"""The main text of an HTML news page: paragraphs in reading order, each with its kind.

How (our heuristics, no trained model):

1. :mod:`html_blocks` walks the tree once into text blocks and element ranges.
2. :mod:`html_score` values each block (prose net of link text and furniture)
   and picks the element whose range holds the most article-like text; the
   page's own hints (``<article>``, ``itemprop="articleBody"``, CMS class
   names, JSON-LD ``articleBody``) are evidence that raises a score.
3. A second pass walks outward from the container through its parent and
   grandparent and recovers prose the container left out (a body split
   around an advertisement, a lede outside the body div).
4. Blocks inside the result that are furniture (captions, share bars,
   newsletter boxes, related links, author boxes, comments, cookie banners)
   are dropped by their markup or their words; so are the headline and the
   byline/date lines before the first paragraph.

A page with no article (an index, a search page) gives an empty body and an
anomaly, not teaser text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from byline.extract.html_blocks import Walk, walk
from byline.extract.html_clean import (
    BOILER_TAGS,
    announces_other_stories,
    is_caption,
    is_dateline_label,
    has_cjk,
    is_body_mark,
    is_byline_label,
    is_dek_mark,
    is_furniture_line,
    reads_as_prose,
)
from byline.extract.html_score import Scored, choose_container, furniture_under, score
from byline.model import Anomaly

MIN_ARTICLE_CHARS = 200  # less prose than this in the best container: no article
RECOVERY_LEVELS = 2  # how many ancestors of the container the second pass searches
RECOVERY_GAP = 3  # non-article blocks the second pass may step over


@dataclass
class BodyHints:
    headline: str | None = None  # to drop the repeated title from the body
    article_body: str | None = None  # JSON-LD articleBody: evidence, not truth
    description: str | None = None


@dataclass
class Body:
    paragraphs: list[str]
    kinds: list[str]  # per paragraph: paragraph | heading | list_item | blockquote | preformatted
    anomalies: list[Anomaly] = field(default_factory=list)


_WORD = re.compile(r"\w+")


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _confirmed(w: Walk, article_body: str | None) -> list[bool]:
    """Blocks whose words appear in the page's JSON-LD articleBody.

    A short block must appear word for word; a long one needs most of its
    word trigrams there (sites reflow and retouch the JSON copy).
    """
    if not article_body or len(article_body) < 100:
        return [False] * len(w.blocks)
    flat = " " + _norm(article_body) + " "
    known: set[tuple[str, ...]] | None = None
    out = []
    for b in w.blocks:
        n = len(b.text)
        if n < 8 or " " not in b.text:
            out.append(False)
        elif n <= 200:
            out.append(" " + _norm(b.text) + " " in flat)
        else:
            if known is None:
                known = _trigrams(article_body)
            grams = _trigrams(b.text)
            out.append(bool(grams) and len(grams & known) >= 0.6 * len(grams))
    return out


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def extract_body(tree: LexborHTMLParser, hints: BodyHints | None = None) -> Body:
    """The article's paragraphs from a parsed page (the tree is only read)."""
    hints = hints or BodyHints()
    w = walk(tree)
    confirmed = _confirmed(w, hints.article_body)
    order, _ = _select(w, confirmed, hints, teasers=True)
    if _prose_chars(w, order) < MIN_ARTICLE_CHARS:
        # A page that is one list of linked items (a briefing, a roundup) looks
        # like a teaser list: try again believing its links are the article,
        # but only inside an element the page names as its article; on an
        # index page the teasers stay teasers.
        retry, named = _select(w, confirmed, hints, teasers=False)
        if named and _prose_chars(w, retry) > _prose_chars(w, order):
            order = retry
    prose = _prose_chars(w, order)
    if not order:
        return _no_article("no block of prose on the page")
    if prose < MIN_ARTICLE_CHARS and not any(confirmed[i] for i in order):
        return _no_article(f"the best text region holds only {prose} characters of prose")
    return Body([w.blocks[i].text for i in order], [w.blocks[i].kind for i in order])


def _select(w: Walk, confirmed: list[bool], hints: BodyHints, teasers: bool) -> tuple[list[int], bool]:
    """Indexes of the article's blocks in reading order, and whether the page
    names the container (or one of its ancestors) as the article."""
    s = score(w, confirmed, BOILER_TAGS, teasers)
    container = choose_container(w, s)
    if container is None:
        return [], False
    named, k = False, container
    while k >= 0 and not named:
        named = w.elements[k].tag == "article" or is_body_mark(w.elements[k].marks)
        k = w.elements[k].parent
    chosen = _inside(w, s, container, confirmed)
    # A full JSON-LD articleBody already accounted for by the container means
    # prose outside it is not the article; a truncated one proves nothing.
    strict = bool(hints.article_body) and len(hints.article_body) >= 0.9 * sum(len(w.blocks[i].text) for i in chosen)
    chosen |= _recover(w, s, container, confirmed, strict)
    named = named or any(confirmed[i] for i in chosen)
    return _trim(w, sorted(chosen), hints, confirmed), named


def _prose_chars(w: Walk, order: list[int]) -> int:
    """Characters of non-heading text; Chinese, Japanese and Korean count double (denser writing)."""
    total = 0
    for i in order:
        b = w.blocks[i]
        if b.kind != "heading":
            total += len(b.text) * (2 if has_cjk(b.text) else 1)
    return total


def _no_article(why: str) -> Body:
    return Body([], [], [Anomaly(field="body", problem="no article found", raw=why)])


def _keep(w: Walk, s: Scored, under: dict[int, bool], i: int, confirmed: list[bool]) -> bool:
    """Is block ``i`` article text, given the furniture flags of the element it sits in?"""
    b = w.blocks[i]
    n = len(b.text)
    if confirmed[i]:
        return not is_caption(b.text)
    if under.get(b.owner, False):
        return False
    if b.link_chars > 0.5 * n and not (b.kind == "list_item" and b.link_chars <= 0.75 * n and n >= 100
                                       and _in_named_body(w, b.path)):
        return False  # a link list; a briefing's long linked items inside the named body stay
    if is_caption(b.text) or is_furniture_line(b.text):
        return False
    return True


def _in_named_body(w: Walk, path: tuple[int, ...]) -> bool:
    return any(is_body_mark(w.elements[k].marks) for k in path)


def _inside(w: Walk, s: Scored, container: int, confirmed: list[bool]) -> set[int]:
    e = w.elements[container]
    under = furniture_under(w, s, container)
    return {i for i in range(e.first, e.end) if _keep(w, s, under, i, confirmed)}


def _article_like(w: Walk, s: Scored, top: int, under: dict[int, bool], i: int, confirmed: list[bool]) -> bool:
    b = w.blocks[i]
    if confirmed[i]:
        return True
    if any(w.elements[k].tag == "article" for k in b.path[w.elements[top].depth + 1:]):
        return False  # another post's text
    if b.kind == "heading" or len(b.text) < 80 or b.link_chars > 0.2 * len(b.text):
        return False
    return reads_as_prose(b.text) and _keep(w, s, under, i, confirmed)


def _recover(w: Walk, s: Scored, container: int, confirmed: list[bool], strict: bool = False) -> set[int]:
    """Second pass: prose next to the container, in its parent and grandparent.

    ``strict``: recover only blocks the JSON-LD articleBody confirms.
    """
    if strict:
        return {i for i, ok in enumerate(confirmed) if ok and _near(w, container, i)}
    got: set[int] = set()
    e = w.elements[container]
    lo, hi = e.first, e.end
    anc = e.parent
    for _ in range(RECOVERY_LEVELS):
        if anc < 0:
            break
        a = w.elements[anc]
        under = furniture_under(w, s, anc)
        # after the container
        gap, pending, j = 0, [], hi
        while j < a.end and gap <= RECOVERY_GAP:
            if _article_like(w, s, anc, under, j, confirmed):
                got.update(pending)
                got.add(j)
                pending, gap, hi = [], 0, j + 1
            else:
                if w.blocks[j].kind == "heading" and _keep(w, s, under, j, confirmed):
                    pending.append(j)
                gap += 1
            j += 1
        # before the container
        gap, j = 0, lo - 1
        while j >= a.first and gap <= RECOVERY_GAP:
            if _article_like(w, s, anc, under, j, confirmed):
                got.add(j)
                gap, lo = 0, j
            else:
                gap += 1
            j -= 1
        anc = a.parent
    return got


def _near(w: Walk, container: int, i: int) -> bool:
    """Is block ``i`` within the container's grandparent?"""
    e = w.elements[container]
    for _ in range(RECOVERY_LEVELS):
        if e.parent < 0:
            break
        e = w.elements[e.parent]
    return e.first <= i < e.end


def _trim(w: Walk, order: list[int], hints: BodyHints, confirmed: list[bool]) -> list[int]:
    """Drop the headline, and label lines (byline, date, kicker) around the text."""
    headline = _WORD.findall(hints.headline.lower()) if hints.headline else []
    description = _WORD.findall(hints.description.lower()) if hints.description else []
    out = []
    skipping_list = False
    for i in order:
        b = w.blocks[i]
        if headline and _same_words(b.text, headline):
            continue
        if description and _same_words(b.text, description) and not confirmed[i] and any(
                is_dek_mark(w.elements[k].marks) for k in b.path[-3:]):
            continue  # the summary under the headline: it is the record's description
        if announces_other_stories(b.text) and b.kind != "list_item":
            skipping_list = True  # "More stories" and the list under it
            continue
        if skipping_list and b.kind == "list_item":
            continue
        skipping_list = False
        out.append(i)
    first = next((k for k, i in enumerate(out) if _is_lead(w.blocks[i].text)), None)
    if first is None:
        return out
    head = [i for i in out[:first] if confirmed[i] or (
            w.blocks[i].kind != "heading" and w.elements[w.blocks[i].owner].tag != "h1"
            and (reads_as_prose(w.blocks[i].text) or w.blocks[i].text.count(" ") >= 7 or w.blocks[i].kind == "list_item")
            and not is_dateline_label(w.blocks[i].text) and not is_byline_label(w.blocks[i].text))]
    tail = out[first:]
    # date and byline stamps after the text ("Jane Roe 2019-11-20 17:27")
    while tail and w.blocks[tail[-1]].kind == "paragraph" and not confirmed[tail[-1]] \
            and is_dateline_label(w.blocks[tail[-1]].text):
        tail.pop()
    return head + tail


def _same_words(text: str, words: list[str]) -> bool:
    """``_norm(text)`` equals the text whose words are ``words``; stops at the first word that differs."""
    found = _WORD.finditer(text.lower())
    for word in words:
        m = next(found, None)
        if m is None or m.group() != word:
            return False
    return next(found, None) is None


def _is_lead(text: str) -> bool:
    """A sentence long enough to be the story's first paragraph (CJK packs more per character)."""
    return (len(text) >= 60 or (len(text) >= 25 and has_cjk(text))) and reads_as_prose(text)
