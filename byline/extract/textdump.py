"""Text dumps (a rendered news page saved as text) -> Article.

A text dump has no tags, so its parts are recognised by line shape and
position, in one pass over the lines plus a few bounded look-backs:

1. **Body.** Every line is classified once and the article is the
   maximum-weight run of lines between end markers
   (:mod:`byline.extract.textrun`). Inside the run, prose lines are
   paragraphs, a short title-like line followed by prose is a subheading,
   short lines after a paragraph ending with a colon are list items, and
   boilerplate (newsletter prompts, ads, captions, "Read more" promos) is
   skipped.
2. **Header.** The byline (``By ...``, or a name with a date) is the one
   nearest the run: just above it, or before its first full paragraph (after
   a standfirst). Scanning back from the byline (or the run): date lines
   (``Updated ...`` ones give ``modified``), a standfirst (kept as
   ``description``), names with their role (bylines printed without "By"),
   then the headline: the nearest title-like line, preferring a full-length
   one to a short label or a long standfirst. The short line above the
   headline is the kicker (``section``). ``Tags:`` lines are read.
3. **Tail.** Everything after the body is read for the author's bio,
   copyright holders (``site_name``), the CMS metadata block
   (:mod:`byline.extract.metablock`) and labelled ``Key: value`` lines.
4. **Checks.** All dates found go to :func:`reconcile_dates` (which repairs
   CMS bugs such as minutes in the month's place and reports every conflict);
   a stated word count is checked against the body (:mod:`wordcount`).

Nothing here knows any particular site: only shapes, positions and the
boilerplate wording in :mod:`byline.extract.boilerplate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from byline.extract.authors import AGENCIES, ORG_WORDS
from byline.extract.boilerplate import (
    copyright_holder,
    is_copyright,
    is_corporate_name,
    is_syndication_notice,
    key,
    split_owner,
)
from byline.extract.bylines import Byline, parse_byline, parse_unmarked_byline
from byline.extract.language import guess_language
from byline.extract.lines import (
    ROLE_WORDS,
    Line,
    date_lines,
    is_person_name,
    labelled,
    name_case,
    read_lines,
    tag_line,
)
from byline.extract.metablock import Metadata, metadata_blocks, parse_word_count, read_block_line, read_labelled
from byline.extract.reconcile import DateCandidate, reconcile_dates
from byline.extract.textrun import (
    BOILER,
    BYLINE,
    COMMENTS,
    DATE,
    END,
    LIST,
    NAV,
    OTHER,
    PROSE,
    TAG,
    TITLE,
    bio_author,
    body_run,
    classify,
    mark_end_markers,
    mark_lists,
    sign_off_at,
    unsigned_bio,
)
from byline.extract.wordcount import count_words
from byline.model import Anomaly, Article, Author, Page

MAX_TAGS = 100
DATE_ABOVE_HEADLINE = 4  # a date line this close above the headline is the page's (a dateline kicker)
AFTER_BYLINE = 12  # lines after the byline read for its dates, outlet and role
DATELESS_HEADER = 6  # with no headline found, date lines this close above the body are the page's
HEADER_WINDOW = 25  # lines above the byline (or body) read for dates, tags, names and a standfirst
HEADLINE_WINDOW = 40  # how far above the byline (or body) a headline may sit
MIN_HEADLINE_WORDS = 5  # a shorter title-like line is more often a label than the headline ...
DEK_WORDS = 14  # a title-like line this long is more often a standfirst than the headline ...
DEK_LOOKBACK = 4  # ... when a headline-length title sits this close above it
SHORT_TITLE_LOOKBACK = 8  # ... when a full-length one sits this few lines further up
BYLINE_ABOVE = 40  # how far above the body a byline may sit
BYLINE_INSIDE = 30  # how far into the body run a byline may sit (before its first full paragraph)
BYLINE_SEARCH_LINES = 60  # failing that, a byline among the page's first lines
_TOPIC_HEADERS = frozenset({"related topics", "topics", "tags", "more on these topics"})
_INNER_SENTENCE = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")  # "... the crisis. It is up to them ...": two sentences
_LABELLED_DATE = re.compile(r"(?:first\s+|last\s+|originally\s+)?(?:updated|published|posted|modified)\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")  # 3/4/2025: the order needs the page's locale
_UK_SIGNS = re.compile(r"£|\.co\.uk\b|\.org\.uk\b|\.com\.au\b|\.co\.nz\b|\.ie\b|\b(?:BST|AEST|AEDT|NZST|IST)\b")
_US_SIGNS = re.compile(r"\$\d|\b(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT)\b")
_DAY_MONTH_WORDS = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_MONTH_DAY_WORDS = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,"
)


@dataclass
class _Found:
    """What the reader has collected so far."""

    headline: str | None = None
    kicker: str | None = None  # a short label right above the headline, usually the section
    standfirst: str | None = None
    names: list[str] = field(default_factory=list)
    bios: dict[str, str] = field(default_factory=dict)  # author name -> bio
    tags: list[str] = field(default_factory=list)
    dates: list[DateCandidate] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    holders: list[str] = field(default_factory=list)  # copyright holders, in page order
    owners: list[str] = field(default_factory=list)  # "..., a division of <owner>" in copyright lines
    meta: Metadata = field(default_factory=Metadata)


def extract_textdump(page: Page) -> Article:
    """Read a text dump into an article record (no attribution)."""
    lines = read_lines(page.text)
    found = _Found()
    if not lines:
        return Article()
    for line in lines:
        line.kind = classify(line)
    first_prose = next((i for i, line in enumerate(lines) if line.kind == PROSE), len(lines))
    meta_blocks = metadata_blocks(lines, first_prose) - {line.block for line in lines if line.kind == BYLINE}
    early = _early_byline(lines)
    if early is not None:
        found.names.extend(early[1].names)  # lets a bio paragraph end the body
    mark_end_markers(lines, meta_blocks, found.names)
    mark_lists(lines)
    start, end = body_run(lines)
    byline_at = _find_byline(lines, start, end, early)
    body_start = _read_header(lines, start, byline_at, found)
    _read_body(lines, body_start, end, found)
    _read_tail(lines, end + 1, meta_blocks, found)
    return _assemble(page, lines, found)


# --- header --------------------------------------------------------------------------------------


def _early_byline(lines: list[Line]) -> tuple[int, Byline] | None:
    for i, line in enumerate(lines[:BYLINE_SEARCH_LINES]):
        if line.kind == BYLINE:
            return i, _read_byline(line.text)  # type: ignore[return-value]
    return None


def _find_byline(lines: list[Line], start: int, end: int, early: tuple[int, Byline] | None) -> int | None:
    """The byline nearest the body: just above it, or among the run's first lines, before its first full
    paragraph (a standfirst or a teaser may open the run)."""
    inside = start
    while inside < min(end, start + BYLINE_INSIDE) and not (lines[inside].kind == PROSE and lines[inside].words >= 25):
        inside += 1
    for i in range(inside, max(-1, start - BYLINE_ABOVE), -1):
        if i < len(lines) and lines[i].kind == BYLINE:
            return i
    if early is not None and early[0] < start:
        return early[0]
    return None


def _read_header(lines: list[Line], start: int, byline_at: int | None, found: _Found) -> int:
    """Fill headline, standfirst, byline names, tags and header dates; return where the body starts."""
    body_start = start
    anchor = start
    byline = None
    if byline_at is not None:
        byline = _read_byline(lines[byline_at].text)
    if byline is not None and byline_at is not None:
        found.names[:] = byline.names
        for role, raw in byline.dates:
            found.dates.append(DateCandidate("byline-line", raw, role))
        anchor = byline_at
        after = _skip_after_byline(lines, byline_at + 1, start, found)
        body_start = max(start, after)
    else:
        found.names.clear()
    headline_at = _headline_index(lines, anchor, byline is None)
    if headline_at is not None:
        found.headline = lines[headline_at].text
        found.kicker = _kicker(lines, headline_at)
    header_names: list[str] = []
    top = max(0, anchor - HEADER_WINDOW) if headline_at is None else min(headline_at, max(0, anchor - HEADER_WINDOW))
    for i in range(anchor - 1, top - 1, -1):
        line = lines[i]
        text = line.text
        if line.kind == TAG:
            _add_tags(found.tags, tag_line(text) or [])
        elif line.kind == DATE and (
            i > headline_at - DATE_ABOVE_HEADLINE if headline_at is not None else anchor - i <= DATELESS_HEADER
        ):
            _add_dates(found, text)
        elif headline_at is not None and i <= headline_at:
            continue
        elif byline is None and line.kind != PROSE and is_person_name(text) and _byline_block_at(lines, i):
            header_names.insert(0, text)
        elif found.standfirst is None and headline_at is not None and (
            line.kind == PROSE or (line.kind == TITLE and _dek_like(line))
        ):
            found.standfirst = text
    if not found.names:
        found.names.extend(header_names)
    if found.headline is None:
        found.headline = _fallback_headline(lines, anchor)
    return body_start


def _headline_index(lines: list[Line], anchor: int, no_byline: bool) -> int | None:
    """The headline above ``anchor``: the nearest title-like line, unless

    * a short one (a label such as "Opening Bell" or "IPL 2019") sits closer than a full-length title a
      few lines further up, or
    * the nearest reads like a standfirst (very long, or two sentences) and a headline-length title sits
      just above it.
    """
    nearest: int | None = None
    for i in range(anchor - 1, max(-1, anchor - HEADLINE_WINDOW - 1), -1):
        line = lines[i]
        if line.kind != TITLE or _is_role_line(line) or (no_byline and is_person_name(line.text)):
            continue
        if line.words >= MIN_HEADLINE_WORDS:
            if _dek_like(line):
                above = _title_above(lines, i, no_byline)
                if above is not None:
                    return above
            return i
        if nearest is None:
            nearest = i
        elif nearest - i > SHORT_TITLE_LOOKBACK:
            break
    return nearest


def _dek_like(line: Line) -> bool:
    return line.words >= DEK_WORDS or bool(_INNER_SENTENCE.search(line.text))


def _title_above(lines: list[Line], i: int, no_byline: bool) -> int | None:
    """A headline-length, single-sentence title line within a few lines above line ``i``."""
    for j in range(i - 1, max(-1, i - 1 - DEK_LOOKBACK), -1):
        line = lines[j]
        if line.kind == TITLE and MIN_HEADLINE_WORDS <= line.words < DEK_WORDS and not _dek_like(line) \
                and not _is_role_line(line) and not (no_byline and is_person_name(line.text)):
            return j
    return None


def _skip_after_byline(lines: list[Line], start: int, run_start: int, found: _Found) -> int:
    """Read the dates and tags in the few lines after the byline (up to the body run); return the first
    paragraph after the byline."""
    first_prose: int | None = None
    i = start
    while i < min(len(lines), start + AFTER_BYLINE):
        line = lines[i]
        if line.kind in (END, COMMENTS):
            break
        if line.kind == PROSE and first_prose is None:
            first_prose = i
        elif line.kind == DATE and (first_prose is None or i < run_start):
            _add_dates(found, line.text)
        elif line.kind == TAG:
            _add_tags(found.tags, tag_line(line.text) or [])
        i += 1
    return first_prose if first_prose is not None else i


def _kicker(lines: list[Line], headline_at: int) -> str | None:
    """The short label printed right above a headline ("LOCAL NEWS", "Health"), if any."""
    if headline_at == 0:
        return None
    line = lines[headline_at - 1]
    if headline_at >= 2 and lines[headline_at - 2].block == line.block:
        return None  # the last entry of a menu, not a label of its own
    if line.kind not in (TITLE, OTHER) or line.words > 4 or line.text.endswith((".", "?", "!", ":")):
        return None
    if is_person_name(line.text):
        return None
    return name_case(line.text)


def _byline_block_at(lines: list[Line], i: int) -> bool:
    """A name line printed without "By" is a byline only when its role or a date follows it."""
    return i + 1 < len(lines) and (_is_role_line(lines[i + 1]) or lines[i + 1].kind == DATE)


def _is_role_line(line: Line) -> bool:
    """"West Africa correspondent", "Associated Press": a short line of a byline block."""
    words = line.text.lower().split()
    return line.words <= 5 and bool(set(words) & ROLE_WORDS)


def _fallback_headline(lines: list[Line], anchor: int) -> str | None:
    for line in lines[:anchor]:
        if line.kind in (TITLE, OTHER, PROSE):
            return line.text
    return None


# --- body ----------------------------------------------------------------------------------------


def _read_body(lines: list[Line], start: int, end: int, found: _Found) -> None:
    """Collect paragraphs and subheadings of lines[start..end]."""
    for i in range(start, end + 1):
        line = lines[i]
        kind = line.kind
        if kind == PROSE:
            found.body.append(line.text)
            found.blocks.append("paragraph")
        elif kind == LIST:
            found.body.append(line.text)
            found.blocks.append("list_item")
        elif kind == TITLE and found.body and i < end and lines[i + 1].kind == PROSE \
                and not lines[i + 1].text.startswith(line.text):
            found.body.append(line.text)
            found.blocks.append("heading")
        elif kind == DATE and _LABELLED_DATE.match(line.text):  # "Updated 4:12 PM": teaser dates are not the page's
            _add_dates(found, line.text)
        elif kind == TAG:
            _add_tags(found.tags, tag_line(line.text) or [])


# --- tail ----------------------------------------------------------------------------------------


def _read_tail(lines: list[Line], start: int, meta_blocks: set[int], found: _Found) -> None:
    meta = found.meta
    i = start
    n = len(lines)
    while i < n:
        line = lines[i]
        text = line.text
        if line.block in meta_blocks:
            read_block_line(text, meta, found.names)
        elif sign_off_at(lines, i):
            name = text
            if name not in found.names and not _has_real_names(found.names):
                found.names.append(name)
            found.bios.setdefault(name, lines[i + 1].text)
            i += 2
            continue
        elif line.kind in (PROSE, END) and (author := bio_author(text, found.names)) is not None:
            found.bios.setdefault(author, text)
        elif line.kind == END and not found.names and (author := unsigned_bio(line)) is not None:
            found.names.append(author)  # the page named its author only in this bio
            found.bios.setdefault(author, text)
        elif is_copyright(text):
            holder = copyright_holder(text)
            if holder and not is_syndication_notice(text):
                site, owner = split_owner(holder)
                found.holders.append(site)
                if owner:
                    found.owners.append(owner)
        elif key(text) in _TOPIC_HEADERS:
            i = _read_topic_list(lines, i + 1, found)
            continue
        elif (pair := labelled(text)) is not None:
            read_labelled(pair[0], pair[1], meta)
        elif line.kind == TAG:
            _add_tags(found.tags, tag_line(text) or [])
        i += 1


def _read_topic_list(lines: list[Line], start: int, found: _Found) -> int:
    """Short lines under a "Related topics" header (same block) are the page's topic tags."""
    i = start
    while i < len(lines) and lines[i].block == lines[start - 1].block and lines[i].words <= 4:
        if lines[i].kind not in (NAV, BOILER):
            _add_tags(found.tags, [lines[i].text])
        i += 1
    return i


def _has_real_names(names: list[str]) -> bool:
    return any(is_person_name(n) for n in names)


# --- assembly ------------------------------------------------------------------------------------


def _assemble(page: Page, lines: list[Line], found: _Found) -> Article:
    meta = found.meta
    anomalies: list[Anomaly] = []
    names = [n for n in (found.names or meta.authors) if _is_person(n)]
    authors = [Author(name=n, bio=found.bios.get(n)) for n in names]
    _add_tags(found.tags, meta.tags)

    language = meta.language or guess_language(found.body)
    for role, raw in meta.dates:
        found.dates.append(DateCandidate("metadata-block", raw, role))
    day_first = _day_first(lines, found, language) if any(_NUMERIC_DATE.search(c.raw) for c in found.dates) else None
    published, modified, date_anomalies = reconcile_dates(found.dates, day_first=day_first)
    anomalies.extend(date_anomalies)

    body_words = count_words(found.body)
    word_count = body_words if found.body else None
    if meta.word_count is not None:
        stated = parse_word_count(meta.word_count)
        if stated is None:
            anomalies.append(Anomaly("word_count", f"stated word count {meta.word_count!r} is not a number", meta.word_count))
        else:
            word_count = stated
            if stated != body_words:
                anomalies.append(Anomaly(
                    "word_count",
                    f"the page states {stated} words but the extracted body has {body_words}; kept the stated count",
                    meta.word_count,
                    None,
                ))

    site_name = meta.site_name or next((h for h in found.holders if not is_corporate_name(h)), None)
    publisher = meta.publisher or next(
        (h for h in [*found.owners, *found.holders] if is_corporate_name(h)), None
    )
    section = meta.section
    if section is None and found.kicker:
        known = {v.casefold() for v in (site_name, publisher, *found.holders) if v}
        if found.kicker.casefold() not in known:
            section = found.kicker
    return Article(
        headline=found.headline,
        description=meta.description or found.standfirst,
        authors=authors,
        published=published,
        modified=modified,
        publisher=publisher,
        site_name=site_name,
        section=section,
        tags=found.tags,
        language=language,
        word_count=word_count,
        body=found.body,
        blocks=found.blocks,
        anomalies=anomalies,
    )


def _add_dates(found: _Found, text: str) -> None:
    for role, raw in date_lines(text):
        found.dates.append(DateCandidate("visible", raw, role))


def _read_byline(text: str) -> Byline | None:
    return parse_byline(text) or parse_unmarked_byline(text)


def _is_person(name: str) -> bool:
    """Authors are people, as on the HTML path: "By Reuters", "By Sky News Staff" anchor the header
    but name no author."""
    words = [w.lower().strip(".,'’") for w in name.split()]
    return is_person_name(name) and name.lower() not in AGENCIES and not any(w in ORG_WORDS for w in words)


def _add_tags(tags: list[str], new: list[str]) -> None:
    """Append tags not already present (case-insensitively), keeping first-seen spelling and order
    (at most :data:`MAX_TAGS`: a page of ten thousand tag lines must stay linear)."""
    if len(tags) >= MAX_TAGS:
        return
    seen = {t.casefold() for t in tags}
    for tag in new[: MAX_TAGS - len(tags)]:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)


def _day_first(lines: list[Line], found: _Found, language: str | None) -> bool | None:
    """Day/month order for numeric dates such as 3/4/2025, from the page's own signals.

    Evidence, strongest first: a British, Irish or Australasian sign (a ``.co.uk``
    address, ``£``, a BST/AEST zone); a US zone or dollar amounts; a non-English
    language (day first); then how the page writes dates in words ("3 April" vs
    "April 3,"). None when nothing tells.
    """
    text = "\n".join(line.text for line in lines)
    if _UK_SIGNS.search(text):
        return True
    if _US_SIGNS.search(text):
        return False
    if language and language != "en":
        return True
    dm, md = len(_DAY_MONTH_WORDS.findall(text)), len(_MONTH_DAY_WORDS.findall(text))
    if dm != md:
        return dm > md
    return None
