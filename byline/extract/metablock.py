"""CMS metadata blocks at the foot of a text dump.

Some CMSs print the article's metadata as a run of bare lines after the
article: section, description, comma-separated tags, word count, dates,
publisher (the seed page does, in that order). Others label them
("Word count: 412"). The lines are recognised by shape, in any order:

* an integer alone -> word count
* a date (even an impossible one such as ``2025-58-24``) -> a date candidate
* a comma-separated list of short items -> tags
* a company name (``Inc.``, ``LLC``, ``Ltd`` ...) -> publisher
* a sentence of six or more words -> description
* a short line -> section (the first one; a person's name is an author instead)
* ``Key: value`` -> the field the key names
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from byline.extract.boilerplate import is_boilerplate, is_copyright, is_corporate_name
from byline.extract.bylines import split_names
from byline.extract.lines import INTEGER_LINE, Line, comma_list, date_line, is_person_name, labelled, split_list

MIN_BLOCK_FIELDS = 3  # shape-identified lines needed before a run of lines counts as a metadata block
_INT = re.compile(r"\d[\d,.\u202f ]*")
_LANGUAGE_NAMES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
                   "portuguese": "pt", "dutch": "nl"}


@dataclass
class Metadata:
    section: str | None = None
    description: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    language: str | None = None
    word_count: str | None = None  # as written; checked against the body by the caller
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (role, raw)


MAX_FIELD_WORDS = 25  # longer lines are prose, unless labelled ("Description: ...")


def field_shape(text: str) -> str | None:
    """Which metadata value a line could only be: ``label``, ``integer``, ``date``, ``list``, ``company``; else None."""
    if labelled(text) is not None:
        return "label"
    if text.count(" ") >= MAX_FIELD_WORDS:
        return None
    if INTEGER_LINE.match(text):
        return "integer"
    if date_line(text):
        return "date"
    if comma_list(text):
        return "list"
    if is_corporate_name(text) and not is_copyright(text):
        return "company"
    return None


def is_field_shaped(text: str) -> bool:
    """A line that could only be a metadata value: a bare integer, a date, a keyword list, a label, a company."""
    return field_shape(text) is not None


MAX_BLOCK_LINES = 15  # a CMS block is a handful of values, not a page section
MAX_BLOCK_PROSE = 1  # at most one long line (the description)


def metadata_blocks(lines: list[Line], start: int) -> set[int]:
    """Block numbers (from ``start`` on) whose lines are mostly metadata values.

    A block qualifies with at least three value-shaped lines of at least two
    kinds (a list of "name, role" lines is not metadata) making up at least
    half of it, no more than :data:`MAX_BLOCK_LINES` lines and at most one long
    line; or when every line of a block of two or more is value-shaped and
    they are not all of one unlabelled kind.
    """
    stats: dict[int, list] = {}
    for line in lines[start:]:
        entry = stats.setdefault(line.block, [0, 0, 0, set()])
        entry[0] += 1
        if entry[0] > MAX_BLOCK_LINES:
            continue
        shape = field_shape(line.text)
        if shape is not None:
            entry[1] += 1
            entry[3].add(shape)
        elif line.words >= MAX_FIELD_WORDS:
            entry[2] += 1
    return {
        b for b, (total, shaped, long, shapes) in stats.items()
        if total <= MAX_BLOCK_LINES and long <= MAX_BLOCK_PROSE and (len(shapes) >= 2 or shapes == {"label"})
        and ((shaped >= MIN_BLOCK_FIELDS and 2 * shaped >= total) or (shaped >= 2 and shaped == total))
    }


def read_block_line(text: str, meta: Metadata, known_authors: list[str]) -> None:
    """Assign one line of a metadata block to the field its shape says."""
    pair = labelled(text)
    if pair:
        read_labelled(pair[0], pair[1], meta)
        return
    if INTEGER_LINE.match(text):
        meta.word_count = meta.word_count or text
        return
    dated = date_line(text)
    if dated:
        meta.dates.append(dated)
        return
    items = comma_list(text)
    if items:
        if not meta.tags:
            meta.tags = items
        return
    if is_copyright(text) or is_boilerplate(text):
        return
    if is_corporate_name(text):
        meta.publisher = meta.publisher or text
        return
    words = len(text.split())
    if words >= 6:
        meta.description = meta.description or text
        return
    if is_person_name(text):
        if text not in known_authors and text not in meta.authors:
            meta.authors.append(text)
        return
    if meta.section is None and words <= 4:
        meta.section = text


def read_labelled(key: str, value: str, meta: Metadata) -> None:
    """Assign a ``Key: value`` line."""
    if key in ("section", "category"):
        meta.section = meta.section or value
    elif key in ("tags", "tag", "keywords", "topics"):
        meta.tags = meta.tags or split_list(value)
    elif key in ("word count", "wordcount", "words", "length"):
        m = _INT.search(value)
        if m and meta.word_count is None:
            meta.word_count = m.group(0).strip()
    elif key == "publisher":
        meta.publisher = meta.publisher or value
    elif key in ("site", "site name"):
        meta.site_name = meta.site_name or value
    elif key in ("published", "published on", "date"):
        dated = date_line(value)
        meta.dates.append(("published", dated[1] if dated else value))
    elif key in ("updated", "updated on", "last updated", "modified"):
        dated = date_line(value)
        meta.dates.append(("modified", dated[1] if dated else value))
    elif key in ("description", "summary", "standfirst"):
        meta.description = meta.description or value
    elif key in ("author", "authors", "byline"):
        names, _ = split_names(value)
        meta.authors.extend(n for n in names if n not in meta.authors)
    elif key == "language":
        low = value.strip().lower()
        meta.language = _LANGUAGE_NAMES.get(low) or (low[:2] if re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2})?", low) else None)


def parse_word_count(raw: str) -> int | None:
    digits = re.sub(r"\D", "", raw)
    return int(digits) if digits and len(digits) <= 7 else None
