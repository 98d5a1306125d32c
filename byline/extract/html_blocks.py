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


def _marks(node: LexborNode) -> tuple[str, bool]:
    """The element's class/id/itemprop/role words, and whether it is hidden."""
    attrs = node.attributes
    if not attrs:
        return "", False
    hidden = "hidden" in attrs or attrs.get("aria-hidden") == "true"
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        hidden = True
    parts = [attrs.get(k) or "" for k in ("class", "id", "itemprop", "role", "data-component", "data-testid") if k in attrs]
    return " ".join(parts).lower(), hidden


def walk(tree: LexborHTMLParser) -> Walk:
    """Flatten the page (body, or the whole document when there is no body) into blocks."""
    root = tree.body or tree.root
    blocks: list[Block] = []
    elements: list[Element] = []
    if root is None:
        return Walk(blocks, elements)

    stack: list[int] = []  # element indexes on the current path
    kinds: list[str] = []  # innermost special kind on the path ("" for none)
    buf: list[str] = []
    link_depth = 0
    link_chars = 0
    link_first = False
    brs = 0

    def flush() -> None:
        nonlocal link_chars, brs, link_first
        brs = 0
        first = link_first
        link_first = False
        if not buf:
            link_chars = 0
            return
        text = "".join(buf)
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
        kind = kinds[-1] if kinds else ""
        if kind == "preformatted":  # keep the lines, trim the ends
            text = "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()
        else:
            text = " ".join(text.split())
        buf.clear()
        lc = link_chars
        link_chars = 0
        if not text:
            return
        owner = stack[-1] if stack else -1
        tag = elements[owner].tag if owner >= 0 else ""
        if not kind:
            kind = "paragraph"
        blocks.append(Block(text, min(lc, len(text)), owner, tag, kind, tuple(stack), first and lc > 0))

    def enter(tag: str, marks: str) -> None:
        parent = stack[-1] if stack else -1
        elements.append(Element(tag, marks, parent, len(stack), len(blocks)))
        stack.append(len(elements) - 1)
        if tag in HEADING_TAGS:
            kinds.append("heading")
        elif tag == "li" or tag == "dd" or tag == "dt":
            kinds.append("list_item")
        elif tag == "blockquote":
            kinds.append("blockquote")
        elif tag == "pre":
            kinds.append("preformatted")
        else:
            kinds.append(kinds[-1] if kinds else "")

    def leave() -> None:
        flush()
        index = stack.pop()
        kinds.pop()
        elements[index].end = len(blocks)

    enter(root.tag or "body", _marks(root)[0])
    link_first = False
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
                flush()
            else:
                buf.append(" ")
        elif tag and tag[0] != "-" and tag not in SKIP_TAGS:
            if tag in PLAIN_INLINE:  # never hidden in practice, never named: skip the attribute read
                marks, hidden = "", False
            else:
                marks, hidden = _marks(node)
            if not hidden:
                if tag in BLOCK_TAGS:
                    flush()  # past MAX_DEPTH a block still ends its text, without an element of its own
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
                elif code == 1:
                    leave()
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
                leave()
            elif code == 2:
                link_depth -= 1
            node = node.parent
            if node is None:
                break
    while stack:
        leave()
    return Walk(blocks, elements)
