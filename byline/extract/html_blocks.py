"""One walk over the parsed page: the text as a flat list of blocks, the elements as block ranges.

The main-text extractor never re-reads the tree after this walk. Every element
that can hold text becomes an :class:`Element` whose blocks are the contiguous
range ``blocks[first:end]`` (blocks are in document order), so "the text of this
element" is a slice, and choosing a container is choosing a range.

The walk is iterative (child / next / parent pointers, no recursion), so a page
nested 5,000 tables deep costs time, not the Python stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Never text of the article: skipped with everything under them.
SKIP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas select option optgroup "
    "textarea input button head title meta link video audio map area source track dialog".split()
)
# Elements that start a new block of text (the rest are inline).
BLOCK_TAGS = frozenset(
    "p div section article main aside nav header footer form fieldset address figure figcaption "
    "h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre table thead tbody tfoot tr caption "
    "hr center details summary body html menu legend hgroup".split()
)
# Table cells are inline (a row reads as one line) but must not glue their words.
CELL_TAGS = frozenset("td th".split())
# Inline tags whose attributes we do not read.
PLAIN_INLINE = frozenset("b i em strong u sup sub small abbr cite q mark code kbd var s del ins wbr font".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")  # C0 controls other than whitespace
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Cap on how deep the element path we record goes; deeper text still counts,
# attributed to the deepest recorded element.
MAX_DEPTH = 400


@dataclass(slots=True)
class Element:
    tag: str
    marks: str  # lowercased "class id itemprop role" of the element
    parent: int  # index into elements, -1 for the root
    depth: int
    first: int = 0  # blocks[first:end] lie inside this element
    end: int = 0


@dataclass(slots=True)
class Block:
    text: str
    link_chars: int
    owner: int  # innermost element holding the text
    tag: str  # tag of that element
    kind: str  # paragraph | heading | list_item | blockquote | preformatted
    path: tuple[int, ...] = field(default=())  # element indexes from the root to owner
    link_first: bool = False  # the block opens with a link (a teaser's headline, "Read more: ...")


@dataclass(slots=True)
class Walk:
    blocks: list[Block]
    elements: list[Element]


_MARK_KEYS = ("class", "id", "itemprop", "role", "data-component", "data-testid")
_KIND_OF_TAG = {**{h: "heading" for h in HEADING_TAGS}, "li": "list_item", "dd": "list_item", "dt": "list_item",
                "blockquote": "blockquote", "pre": "preformatted"}


def _marks(node: LexborNode) -> tuple[str, bool]:
    """The element's class/id/itemprop/role words, and whether it is hidden."""
    attrs = node.attributes
    if not attrs:
        return "", False
    return " ".join([attrs.get(k) or "" for k in _MARK_KEYS if k in attrs]).lower(), _hidden(attrs)


def _hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _hidden_ids(root: LexborNode) -> set[int]:
    """``mem_id`` of every hidden element under ``root``, found by one selector query.

    Inline elements (links, spans, images: most of a page's elements) carry
    no marks we keep, so the walk asks this set instead of reading each
    one's attributes.
    """
    return {n.mem_id for n in root.css("[hidden], [aria-hidden], [style]") if _hidden(n.attributes)}


def walk(tree: LexborHTMLParser) -> Walk:
    """Flatten the page (body, or the whole document when there is no body) into blocks."""
    root = tree.body or tree.root
    blocks: list[Block] = []
    elements: list[Element] = []
    if root is None:
        return Walk(blocks, elements)
    hidden_ids = _hidden_ids(root)

    stack: list[int] = []  # element indexes on the current path
    kinds: list[str] = []  # innermost special kind on the path ("" for none)
    buf: list[str] = []
    link_depth = 0
    link_chars = 0
    link_first = False
    brs = 0

    def flush(lc: int, first: bool) -> None:
        """Close the text gathered in ``buf`` (not empty) into a block; the caller resets the link counters."""
        text = "".join(buf)
        buf.clear()
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
        kind = kinds[-1] if kinds else ""
        if kind == "preformatted":  # keep the lines, trim the ends
            text = "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()
        else:
            text = " ".join(text.split())
        if not text:
            return
        owner = stack[-1] if stack else -1
        tag = elements[owner].tag if owner >= 0 else ""
        blocks.append(Block(text, min(lc, len(text)), owner, tag, kind or "paragraph", tuple(stack), first and lc > 0))

    def enter(tag: str, marks: str) -> None:
        elements.append(Element(tag, marks, stack[-1] if stack else -1, len(stack), len(blocks)))
        stack.append(len(elements) - 1)
        kinds.append(_KIND_OF_TAG.get(tag) or (kinds[-1] if kinds else ""))

    enter(root.tag or "body", _marks(root)[0])
    node = root.child
    # One entry per node we descended into: 1 pushed an element, 2 opened a link, 0 neither.
    opened: list[int] = []
    while node is not None:
        tag = node.tag
        descend = False
        code = 0
        if tag == "-text":
            text = node.text_content
            if text:
                if brs and not text.isspace():
                    brs = 0
                buf.append(text)
                if link_depth:
                    link_chars += len(text.strip())
        elif tag == "br":
            brs += 1
            if brs >= 2:
                if buf:
                    flush(link_chars, link_first)
                brs, link_first, link_chars = 0, False, 0
            else:
                buf.append(" ")
        elif tag and tag[0] != "-" and tag not in SKIP_TAGS:
            if tag in BLOCK_TAGS:
                marks, hidden = _marks(node)
            elif tag in PLAIN_INLINE:  # never hidden in practice, never named
                marks, hidden = "", False
            else:  # other inline elements: only whether it is hidden matters
                marks, hidden = "", bool(hidden_ids) and node.mem_id in hidden_ids
            if not hidden:
                if tag in BLOCK_TAGS:
                    if buf:  # past MAX_DEPTH a block still ends its text, without an element of its own
                        flush(link_chars, link_first)
                    brs, link_first, link_chars = 0, False, 0
                    if len(stack) < MAX_DEPTH:
                        enter(tag, marks)
                        code = 1
                elif tag == "a":
                    link_depth += 1
                    code = 2
                    if not buf or not "".join(buf).strip():
                        link_first = True
                elif tag in CELL_TAGS:
                    buf.append(" ")
                if node.child is not None:
                    descend = True
                elif code == 1:  # an empty block element: close it at once
                    if buf:
                        flush(link_chars, link_first)
                    brs, link_first, link_chars = 0, False, 0
                    kinds.pop()
                    elements[stack.pop()].end = len(blocks)
                elif code == 2:
                    link_depth -= 1
        if descend:
            opened.append(code)
            node = node.child
            continue
        # next node in document order, closing the parents we climb out of
        while True:
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            if not opened:
                node = None
                break
            code = opened.pop()
            if code == 1:
                if buf:
                    flush(link_chars, link_first)
                brs, link_first, link_chars = 0, False, 0
                kinds.pop()
                elements[stack.pop()].end = len(blocks)
            elif code == 2:
                link_depth -= 1
            node = node.parent
            if node is None:
                break
    while stack:
        if buf:
            flush(link_chars, link_first)
        brs, link_first, link_chars = 0, False, 0
        kinds.pop()
        elements[stack.pop()].end = len(blocks)
    return Walk(blocks, elements)
