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


# What the walk does with an element, by tag (anything else is an inline element).
_BR, _SKIP, _BLOCK, _LINK, _CELL, _PLAIN, _INLINE = range(7)
_ACTION = {"br": _BR, "a": _LINK, **{t: _SKIP for t in SKIP_TAGS}, **{t: _BLOCK for t in BLOCK_TAGS},
           **{t: _CELL for t in CELL_TAGS}, **{t: _PLAIN for t in PLAIN_INLINE}}


def walk(tree: LexborHTMLParser) -> Walk:
    """Flatten the page (body, or the whole document when there is no body) into blocks."""
    root = tree.body or tree.root
    blocks: list[Block] = []
    elements: list[Element] = []
    if root is None:
        return Walk(blocks, elements)
    hidden_ids = _hidden_ids(root)
    action_of = _ACTION.get
    kind_of = _KIND_OF_TAG.get
    mark_keys = _MARK_KEYS

    stack: list[int] = []  # element indexes on the current path
    tags: list[str] = []  # their tags
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
        if text:
            blocks.append(Block(text, min(lc, len(text)), stack[-1] if stack else -1, tags[-1] if tags else "",
                                kind or "paragraph", tuple(stack), first and lc > 0))

    def leave() -> None:
        tags.pop()
        kinds.pop()
        elements[stack.pop()].end = len(blocks)

    elements.append(Element(root.tag or "body", _marks(root)[0], -1, 0, 0))
    stack.append(0)
    tags.append(root.tag or "body")
    kinds.append(kind_of(root.tag or "body") or "")
    node = root.child
    # One entry per node we descended into: 1 pushed an element, 2 opened a link, 0 neither.
    opened: list[int] = []
    while node is not None:
        tag = node.tag
        code = 0
        if tag == "-text":
            text = node.text_content
            # whitespace before any text of a block changes nothing (blocks are
            # trimmed): most such nodes are the indentation between tags
            if text and (buf or not text.isspace()):
                if brs and not text.isspace():
                    brs = 0
                buf.append(text)
                if link_depth:
                    link_chars += len(text.strip())
            node_done = True
        elif (action := action_of(tag, _INLINE)) == _BR:
            brs += 1
            if brs >= 2:
                if buf:
                    flush(link_chars, link_first)
                brs, link_first, link_chars = 0, False, 0
            else:
                buf.append(" ")
            node_done = True
        elif action == _SKIP or not tag or tag[0] == "-":
            node_done = True
        elif action == _BLOCK:
            attrs = node.attributes
            if attrs and _hidden(attrs):
                node_done = True
            else:
                if buf:  # past MAX_DEPTH a block still ends its text, without an element of its own
                    flush(link_chars, link_first)
                brs, link_first, link_chars = 0, False, 0
                if len(stack) < MAX_DEPTH:
                    if not attrs:
                        marks = ""
                    elif len(attrs) == 1 and "class" in attrs:  # the common case
                        marks = (attrs["class"] or "").lower()
                    else:
                        marks = " ".join([attrs.get(k) or "" for k in mark_keys if k in attrs]).lower()
                    elements.append(Element(tag, marks, stack[-1], len(stack), len(blocks)))
                    stack.append(len(elements) - 1)
                    tags.append(tag)
                    kinds.append(kind_of(tag) or kinds[-1])
                    code = 1
                node_done = False
        elif action != _PLAIN and hidden_ids and node.mem_id in hidden_ids:  # plain inline tags are never hidden
            node_done = True
        else:
            if action == _LINK:
                link_depth += 1
                code = 2
                if not buf or not "".join(buf).strip():
                    link_first = True
            elif action == _CELL:
                buf.append(" ")
            node_done = False
        if not node_done:
            child = node.child
            if child is not None:
                opened.append(code)
                node = child
                continue
            if code == 1:  # an empty block element: close it at once
                if buf:
                    flush(link_chars, link_first)
                brs, link_first, link_chars = 0, False, 0
                leave()
            elif code == 2:
                link_depth -= 1
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
                leave()
            elif code == 2:
                link_depth -= 1
            node = node.parent
            if node is None:
                break
    while stack:
        if buf:
            flush(link_chars, link_first)
        brs, link_first, link_chars = 0, False, 0
        leave()
    return Walk(blocks, elements)
