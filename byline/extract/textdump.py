"""Text dumps (a rendered news page saved as text) -> Article.

A text dump has no tags, so its parts are recognised by line shape and
position, in one pass over the lines plus a few bounded look-backs:

1. **Header.** The first ``By ...`` line among the first lines of the page is
   the byline (names, and often the date). Without one, the first paragraph
   of prose anchors the header instead. Scanning back from the anchor: date
   lines (``Updated ...`` ones give ``modified``), a standfirst (a sentence
   between headline and byline, kept as ``description``), names and roles
   (bylines printed without "By"), then the headline: the nearest line shaped
   like a title. Navigation and ``Tags:`` lines above it are read or skipped.
2. **Body.** From the first prose line after the header, prose lines are
   paragraphs; boilerplate lines (newsletter prompts, ads, captions, "Read
   more" promos) are skipped; a short title-like line followed by prose is a
   subheading. The body ends at the first end marker: an author sign-off (a
   name line whose next paragraph starts with that name, i.e. the bio), a bio
   paragraph starting with a byline author's name, a copyright line, a
   trailer header ("Related stories", "Comments"), a metadata block, or a
   long run of non-article lines.
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

from byline.extract.boilerplate import (
    copyright_holder,
    is_boilerplate,
    is_copyright,
    is_corporate_name,
    is_navigation,
    is_syndication_notice,
    is_trailer_header,
    key,
    split_owner,
)
from byline.extract.bylines import Byline, parse_byline
from byline.extract.language import guess_language
from byline.extract.lines import (
    ROLE_WORDS,
    Line,
    date_line,
    is_person_name,
    is_prose,
    is_title_shaped,
    labelled,
    name_case,
    read_lines,
    tag_line,
)
from byline.extract.metablock import Metadata, metadata_blocks, parse_word_count, read_block_line, read_labelled
from byline.extract.reconcile import DateCandidate, reconcile_dates
from byline.extract.wordcount import count_words
from byline.model import Anomaly, Article, Author, Page

BYLINE_SEARCH_LINES = 60  # a byline further down than this is not the article's
MAX_PROSE_BEFORE_BYLINE = 2  # a standfirst and one stray paragraph at most
MAX_JUNK_RUN = 5  # this many non-article lines in a row end the body
_METADATA_KEYS = frozenset({"section", "category", "word count", "wordcount", "words", "publisher", "keywords", "tags"})
_BIO_VERB = re.compile(
    r"^(?:,|\s+(?:is|was|has|covers|writes|reports|joined|leads|edits|previously|spent|works|can be reached|"
    r"contributed|serves|heads|specializes|specialises)\b)"
)
_TOPIC_HEADERS = frozenset({"related topics", "topics", "tags", "more on these topics"})
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
    byline_at, byline = _find_byline(lines)
    body_start = _read_header(lines, byline_at, byline, found)
    meta_blocks = metadata_blocks(lines, body_start)
    end = _read_body(lines, body_start, meta_blocks, found)
    _read_tail(lines, end, meta_blocks, found)
    return _assemble(page, lines, found)


# --- header --------------------------------------------------------------------------------------


def _find_byline(lines: list[Line]) -> tuple[int | None, Byline | None]:
    prose_seen = 0
    for i, line in enumerate(lines[:BYLINE_SEARCH_LINES]):
        parsed = parse_byline(line.text)
        if parsed is not None:
            return i, parsed
        if is_prose(line) and not is_boilerplate(line.text) and not date_line(line.text):
            prose_seen += 1
            if prose_seen > MAX_PROSE_BEFORE_BYLINE:
                break
    return None, None


def _first_prose(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        text = lines[i].text
        if is_prose(lines[i]) and not is_boilerplate(text) and not date_line(text) and not tag_line(text):
            return i
    return len(lines)


def _read_header(lines: list[Line], byline_at: int | None, byline: Byline | None, found: _Found) -> int:
    """Fill headline, standfirst, byline names, tags and header dates; return where the body starts."""
    if byline is not None and byline_at is not None:
        found.names.extend(byline.names)
        for role, raw in byline.dates:
            found.dates.append(DateCandidate("byline-line", raw, role))
        anchor = byline_at
        body_start = _skip_after_byline(lines, byline_at + 1, found)
    else:
        body_start = _first_prose(lines, 0)
        anchor = body_start
    header_names: list[str] = []
    for i in range(anchor - 1, -1, -1):
        line = lines[i]
        text = line.text
        tags = tag_line(text)
        if tags is not None:
            _add_tags(found.tags, tags)
            continue
        dated = date_line(text)
        if dated:
            found.dates.append(DateCandidate("visible", dated[1], dated[0]))
            continue
        if found.headline is None:
            if is_navigation(text) or is_boilerplate(text):
                continue
            if is_person_name(text) and byline is None:
                header_names.insert(0, text)
                continue
            if _is_role_line(line):
                continue
            if is_title_shaped(line):
                found.headline = text
                found.kicker = _kicker(lines, i)
                continue
            if is_prose(line) and found.standfirst is None:
                found.standfirst = text
    if not found.names:
        found.names.extend(header_names)
    if found.headline is None:
        found.headline = _fallback_headline(lines, anchor)
    # tags printed between the byline and the body ("Topics: ...") are read by the body pass
    return body_start


def _skip_after_byline(lines: list[Line], start: int, found: _Found) -> int:
    """Dates, outlet and role lines right after the byline; return the first body line."""
    i = start
    while i < len(lines):
        line = lines[i]
        dated = date_line(line.text)
        if dated:
            found.dates.append(DateCandidate("visible", dated[1], dated[0]))
        elif tag_line(line.text) is not None:
            _add_tags(found.tags, tag_line(line.text) or [])
        elif is_prose(line) and not is_boilerplate(line.text):
            return i
        i += 1
    return i


def _kicker(lines: list[Line], headline_at: int) -> str | None:
    """The short label printed right above a headline ("LOCAL NEWS", "Health"), if any."""
    if headline_at == 0:
        return None
    line = lines[headline_at - 1]
    text = line.text
    if line.words > 4 or text.endswith((".", "?", "!", ":")) or is_navigation(text) or is_boilerplate(text):
        return None
    if date_line(text) or tag_line(text) is not None or is_person_name(text) or parse_byline(text) is not None:
        return None
    return name_case(text)


def _is_role_line(line: Line) -> bool:
    """"West Africa correspondent", "Associated Press": a short line of a byline block."""
    words = line.text.lower().split()
    return line.words <= 5 and bool(set(words) & ROLE_WORDS)


def _fallback_headline(lines: list[Line], anchor: int) -> str | None:
    for line in lines[:anchor]:
        if not is_navigation(line.text) and not is_boilerplate(line.text) and tag_line(line.text) is None:
            return line.text
    return None


# --- body ----------------------------------------------------------------------------------------


def _read_body(lines: list[Line], start: int, meta_blocks: set[int], found: _Found) -> int:
    """Collect body paragraphs from ``start``; return the index of the first line after the body."""
    junk_run = 0
    n = len(lines)
    for i in range(start, n):
        line = lines[i]
        text = line.text
        if _ends_body(lines, i, meta_blocks, found):
            return i
        if is_boilerplate(text) or is_navigation(text):
            junk_run += 1
        elif (dated := date_line(text)) is not None:
            found.dates.append(DateCandidate("visible", dated[1], dated[0]))
        elif (tags := tag_line(text)) is not None:
            _add_tags(found.tags, tags)
        elif is_prose(line):
            found.body.append(text)
            found.blocks.append("paragraph")
            junk_run = 0
        elif found.body and is_title_shaped(line) and _heading_follows(lines, i, meta_blocks, found):
            found.body.append(text)
            found.blocks.append("heading")
            junk_run = 0
        else:
            junk_run += 1
        if junk_run >= MAX_JUNK_RUN and found.body:
            return i + 1
    return n


def _heading_follows(lines: list[Line], i: int, meta_blocks: set[int], found: _Found) -> bool:
    """A subheading is followed by a paragraph of the article."""
    nxt = i + 1
    return (
        nxt < len(lines)
        and is_prose(lines[nxt])
        and not is_boilerplate(lines[nxt].text)
        and not _ends_body(lines, nxt, meta_blocks, found)
        and not lines[nxt].text.startswith(lines[i].text)
    )


def _ends_body(lines: list[Line], i: int, meta_blocks: set[int], found: _Found) -> bool:
    line = lines[i]
    text = line.text
    if is_copyright(text) or is_trailer_header(text) or line.block in meta_blocks:
        return True
    pair = labelled(text)
    if pair and pair[0] in _METADATA_KEYS:
        return True
    if _sign_off_at(lines, i):
        return True
    return _bio_author(text, found.names) is not None


def _sign_off_at(lines: list[Line], i: int) -> bool:
    """A name line whose next paragraph starts with that name: the author's sign-off and bio."""
    text = lines[i].text
    if i + 1 >= len(lines) or not is_person_name(text):
        return False
    nxt = lines[i + 1].text
    return nxt.startswith(text) and bool(_BIO_VERB.match(nxt[len(text):]))


def _bio_author(text: str, names: list[str]) -> str | None:
    """The author whose bio this paragraph is ("Priya Natarajan covers energy ...")."""
    for name in names:
        if text.startswith(name) and _BIO_VERB.match(text[len(name):]):
            return name
    return None


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
        elif _sign_off_at(lines, i):
            name = text
            if name not in found.names and not _has_real_names(found.names):
                found.names.append(name)
            found.bios.setdefault(name, lines[i + 1].text)
            i += 2
            continue
        elif (author := _bio_author(text, found.names)) is not None:
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
        elif (tags := tag_line(text)) is not None:
            _add_tags(found.tags, tags)
        i += 1


def _read_topic_list(lines: list[Line], start: int, found: _Found) -> int:
    """Short lines under a "Related topics" header (same block) are the page's topic tags."""
    i = start
    while i < len(lines) and lines[i].block == lines[start - 1].block and lines[i].words <= 4:
        if not is_boilerplate(lines[i].text) and not is_navigation(lines[i].text):
            _add_tags(found.tags, [lines[i].text])
        i += 1
    return i


def _has_real_names(names: list[str]) -> bool:
    return any(is_person_name(n) for n in names)


# --- assembly ------------------------------------------------------------------------------------


def _assemble(page: Page, lines: list[Line], found: _Found) -> Article:
    meta = found.meta
    anomalies: list[Anomaly] = []
    names = found.names or meta.authors
    authors = [Author(name=n, bio=found.bios.get(n)) for n in names]
    _add_tags(found.tags, meta.tags)

    language = meta.language or guess_language(found.body)
    for role, raw in meta.dates:
        found.dates.append(DateCandidate("metadata-block", raw, role))
    day_first = _day_first(lines, found, language)
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


def _add_tags(tags: list[str], new: list[str]) -> None:
    """Append tags not already present (case-insensitively), keeping first-seen spelling and order."""
    seen = {t.casefold() for t in tags}
    for tag in new:
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
