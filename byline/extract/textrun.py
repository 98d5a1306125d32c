"""Line kinds and the article's run of lines in a text dump.

Every line is classified once (:func:`classify`): prose, navigation,
boilerplate, a date, a byline, a tag line, a title-like line, or other. End
markers are then marked (:func:`mark_end_markers`: copyright, CMS metadata blocks, an author's sign-off
and bio, "Key: value" metadata) and the article body is the maximum-weight
run of lines between them (:func:`body_run`, Kadane's algorithm, linear):
prose counts its words, everything else counts against, and a comment thread
(after an article's worth of prose) is cut off first, since a long thread of
readers' prose would otherwise outweigh a short article.
"""

from __future__ import annotations

import re

from byline.extract.boilerplate import (
    is_boilerplate,
    is_comment_signature,
    is_comments_header,
    is_copyright,
    is_navigation,
    is_trailer_header,
    key,
)
from byline.extract.bylines import parse_byline, parse_unmarked_byline
from byline.extract.lines import Line, date_lines, is_person_name, is_prose, is_title_shaped, labelled, tag_line

# Line kinds, set once per line by classify.
PROSE, TITLE, OTHER, NAV, BOILER, DATE, TAG, BYLINE = "prose", "title", "other", "nav", "boiler", "date", "tag", "byline"
END = "end"  # an end marker: the body never runs across it
LIST = "list"  # a short line in a run introduced by a paragraph ending with a colon
COMMENTS = "comments"  # the start of a comment section: the article is above it
TRAILER = "trailer"  # "Related stories", "Comments": what follows is rarely the article

TRAILER_PENALTY = 30  # a trailer header inside an article (an inline "Related articles" box) costs this much
MAX_LIST_ITEM_WORDS = 25
COMMENT_LOOKAHEAD = 6
MAX_MARKER_WORDS = 20
TEASER_BLOCK_LINES = 6
TEASER_DISCOUNT = 4  # a teaser's words count a quarter
MIN_ARTICLE_WORDS = 50  # prose above a comment section that makes it the article's comments
_WEIGHT = {LIST: 1, TITLE: -2, OTHER: -4, NAV: -4, BOILER: -4, DATE: -20, TAG: -4, BYLINE: -4, TRAILER: -TRAILER_PENALTY}
_BYLINE_STARTS = frozenset({"by", "wr", "po", "st", "wo", "te", "vo", "pa", "di"})
_METADATA_KEYS = frozenset({"section", "category", "word count", "wordcount", "words", "publisher", "keywords", "tags"})
_BIO_VERB = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:,|\s+(?:is|was|has|covers|writes|reports|joined|leads|edits|previously|spent|works|can be reached|"
    r"contributed|serves|heads|specializes|specialises|est|ist|es|è|é|travaille|couvre|suit|arbeitet|"
    r"trabaja|lavora|trabalha|werkt)\b)"
)


def classify(line: Line) -> str:
    """The kind of one line, from its own shape and wording."""
    text = line.text
    if tag_line(text) is not None:
        return TAG
    if text[:2].lower() in _BYLINE_STARTS and parse_byline(text) is not None:
        return BYLINE
    if date_lines(text):
        return DATE
    if line.words <= 16 and (text[:1].isupper() or text[:1].isdigit()) and parse_unmarked_byline(text) is not None:
        return BYLINE
    if is_navigation(text):
        return NAV
    if is_boilerplate(text):
        return BOILER
    if text.endswith(("...", "…")) and line.words < 25:
        return OTHER  # a truncated teaser ("Plague of mosquitos to devastate Britain as Hurri...")
    if is_prose(line):
        return PROSE
    if is_title_shaped(line):
        return TITLE
    return OTHER


def mark_end_markers(lines: list[Line], meta_blocks: set[int], names: list[str]) -> None:
    """Mark the lines the body may not run across (and the soft trailers and comment-thread starts)."""
    for i, line in enumerate(lines):
        text = line.text
        short = line.words <= MAX_MARKER_WORDS  # headers and signatures are short; paragraphs are not
        if line.kind == BOILER and is_copyright(text):
            line.kind = END
        elif line.block in meta_blocks:
            line.kind = END
        elif short and (
            is_comments_header(text) or is_comment_signature(text)
            or (key(text) == "comments" and _comment_follows(lines, i))
        ):
            line.kind = COMMENTS
        elif short and is_trailer_header(text):
            line.kind = TRAILER
        elif line.kind != TAG and ":" in text and (pair := labelled(text)) is not None and pair[0] in _METADATA_KEYS:
            line.kind = END
        elif line.kind == TITLE and sign_off_at(lines, i):
            line.kind = END
        elif line.kind == PROSE and (
            (names and bio_author(text, names) is not None) or (text[:1].isupper() and unsigned_bio(line))
        ):
            line.kind = END


def _comment_follows(lines: list[Line], i: int) -> bool:
    """A bare "Comments" heads a thread when a comment's signature line follows within a few lines."""
    return any(is_comment_signature(line.text) for line in lines[i + 1:i + 1 + COMMENT_LOOKAHEAD])


def mark_lists(lines: list[Line]) -> None:
    """Short lines right after a paragraph ending with a colon ("The five companies are:") are its list.

    The list is the rest of the colon line's block, or the next block when the colon line ends its own;
    a menu further down is not swept in.
    """
    list_block = -1
    for i, line in enumerate(lines):
        if line.kind == PROSE:
            list_block = -1
            if line.text.endswith(":"):
                last_of_block = i + 1 >= len(lines) or lines[i + 1].block != line.block
                list_block = line.block + 1 if last_of_block else line.block
        elif line.block == list_block and line.kind in (TITLE, OTHER) and line.words <= MAX_LIST_ITEM_WORDS:
            line.kind = LIST
        elif line.block != list_block or line.kind not in (TITLE, OTHER):
            list_block = -1


def weight(line: Line) -> int:
    kind = line.kind
    if kind == PROSE:
        return line.words
    return _WEIGHT.get(kind, -4)


def comments_start(lines: list[Line]) -> int:
    """Index of the first comment-section header with an article's worth of prose above it, else len(lines).

    Readers' comments are prose too, and a long thread outweighs a short
    article; but they always come after it.
    """
    prose_words = 0
    for i, line in enumerate(lines):
        if line.kind == PROSE:
            prose_words += line.words
        elif line.kind == COMMENTS and prose_words >= MIN_ARTICLE_WORDS:
            return i
    return len(lines)


def teaser_blocks(lines: list[Line]) -> set[int]:
    """Blocks that read like a list of story teasers: many lines, prose lines each between headlines,
    names or dates, prose at most half the lines. (An article's paragraphs stand in blocks of their own
    or follow one another.)"""
    stats: dict[int, list[int]] = {}
    previous: Line | None = None
    for line in lines:
        entry = stats.setdefault(line.block, [0, 0, 0])
        entry[0] += 1
        if line.kind == PROSE:
            entry[1] += 1
            if previous is not None and previous.block == line.block and previous.kind != PROSE:
                entry[2] += 1
        previous = line
    return {
        b for b, (total, prose, interleaved) in stats.items()
        if total >= TEASER_BLOCK_LINES and prose >= 3 and 2 * prose <= total and interleaved >= prose - 1
    }


def body_run(lines: list[Line]) -> tuple[int, int]:
    """[start, end] of the maximum-weight run of lines that crosses no end marker (Kadane)."""
    best, best_start, best_end = 0, 0, -1
    total, start = 0, 0
    teasers = teaser_blocks(lines)
    for i in range(comments_start(lines)):
        line = lines[i]
        if line.kind in (END, COMMENTS):
            total, start = 0, i + 1
            continue
        if total <= 0:
            total, start = 0, i
        total += weight(line) if line.block not in teasers or line.kind != PROSE else line.words // TEASER_DISCOUNT
        if total > best:
            best, best_start, best_end = total, start, i
    if best_end < 0:
        return len(lines), len(lines) - 1
    while lines[best_start].kind != PROSE:  # trim to the first paragraph
        best_start += 1
    return best_start, best_end


def sign_off_at(lines: list[Line], i: int) -> bool:
    """A name line whose next paragraph starts with that name: the author's sign-off and bio."""
    text = lines[i].text
    if i + 1 >= len(lines) or not lines[i + 1].text.startswith(text):
        return False
    nxt = lines[i + 1].text
    return bool(_BIO_VERB.match(nxt[len(text):])) and is_person_name(text)


def bio_author(text: str, names: list[str]) -> str | None:
    """The author whose bio this paragraph is ("Priya Natarajan covers energy ...")."""
    for name in names:
        if text.startswith(name) and _BIO_VERB.match(text[len(name):]):
            return name
    return None


_BIO_START = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|le|la)){1,3})(?=,|\s+(?:is|was|has|covers|writes)\b)")
_BIO_WORDS = re.compile(
    r"\b(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer|photographer|critic)\b"
)
_BIO_TELLS = re.compile(r"\b(?:cover(?:s|ed|ing)?|reach(?:ed)?|follow (?:him|her|them)|e-?mail|joined|based in)\b|@")
MAX_BIO_WORDS = 100


def unsigned_bio(line: Line) -> str | None:
    """The name whose author bio this paragraph is, with no byline to match it against: a person's name,
    then "is"/"has"/"covers"/", a ...", a journalist's role and a bio's tell (covers, reach, joined, @)
    ("Meg James is a corporate media reporter for the Times, covering the business of ...")."""
    if line.words > MAX_BIO_WORDS:
        return None
    m = _BIO_START.match(line.text)
    if not m or not is_person_name(m.group("name")):
        return None
    head = " ".join(line.text.split()[:40])
    return m.group("name") if _BIO_WORDS.search(head) and _BIO_TELLS.search(head) else None

