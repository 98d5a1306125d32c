"""Quote marks -> quoted stretches, across paragraphs, in one left-to-right pass.

Handles straight (" '), curly (“ ” ‘ ’) and guillemet (« ») marks; tells an
apostrophe (don't, officials', '90s) from a single quote mark by its
neighbours; keeps quotes inside quotes inside the outer stretch; and joins a
quote that a paragraph opens without closing to the next paragraph when that
one re-opens it (the newsroom convention for quotes over several paragraphs).
Only outermost stretches are returned: inner quotes stay part of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_OPENING_CONTEXT = set(" \t\n([{—–-/:;") | {"“", "‘", "«", '"', "'"}
_DECADE = re.compile(r"\d0s\b")
_SINGLE_OPEN = "‘'"
_MARKS = set('"“”‘’\'«»')


@dataclass
class QuoteStretch:
    """One outermost quoted stretch: content offsets (without marks) in the joined body text."""

    pieces: list[tuple[int, int]] = field(default_factory=list)  # (start, end) per paragraph, in doc.text
    paragraphs: list[int] = field(default_factory=list)
    mark: str = "double"  # double | single | guillemet
    closed: bool = True  # False when the paragraph ended without a closing mark

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _family(ch: str) -> str:
    if ch in "“”\"":
        return "double"
    if ch in "«»":
        return "guillemet"
    return "single"


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, stack: list[str], ch: str | None = None, width: int = 1) -> str | None:
    """Return 'open', 'close' or None (not a quote mark, e.g. an apostrophe)."""
    ch = ch or text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    top = stack[-1] if stack else None
    if ch in "“«":
        return "open"
    if ch == "»":
        return "close" if "guillemet" in stack else None
    if ch == "”":
        if "double" in stack:
            return "close"
        return "open" if prev in _OPENING_CONTEXT and not nxt.isspace() else None
    if ch == '"':
        opener_context = prev in _OPENING_CONTEXT and not nxt.isspace()
        if top == "double" and not opener_context:
            return "close"
        if "double" in stack and top != "double":
            # a straight double mark inside a single quote: closes the outer double quote
            return "close" if not opener_context else "open"
        if top == "double":
            return "close" if nxt.isspace() or nxt in ".,;:!?)—" else "open"
        return "open"
    # single marks: ‘ ’ '
    if ch in _SINGLE_OPEN and prev in _OPENING_CONTEXT and (nxt.isalnum() or nxt in "“\"…"):
        if _DECADE.match(text, i + 1):
            return None  # '90s
        if ch == "'" and text[i + 1 : i + 4].lower() in ("tis", "twa"):
            return None
        return "open"
    if ch in "’'" and "single" in stack and not _is_letter(nxt) and not prev.isspace():
        return "close"
    return None


def scan_quotes(text: str, starts: list[int]) -> list[QuoteStretch]:
    """Outermost quoted stretches in ``text`` (paragraphs begin at ``starts``, joined by blank lines)."""
    bounds = list(starts) + [len(text) + 2]
    found: list[QuoteStretch] = []
    carry: QuoteStretch | None = None  # an outer quote left open at the end of the previous paragraph
    for index, start in enumerate(starts):
        end = min(bounds[index + 1] - 2, len(text))
        stack: list[str] = []
        current: QuoteStretch | None = None
        piece_start = 0
        first = start
        while first < end and text[first].isspace():
            first += 1
        if carry is not None:
            if first < end and text[first] in "“\"«‘'" and _family(text[first]) == carry.mark:
                current = carry  # the next paragraph re-opens: the same quote goes on
                current.paragraphs.append(index)
                stack.append(carry.mark)
                piece_start = first + 1
                i = first + 1
            else:
                i = start
            carry = None
        else:
            i = start
        while i < end:
            ch = text[i]
            width = 1
            if ch in "'`" and i + 1 < end and text[i + 1] == ch:
                ch, width = '"', 2  # '' and `` stand for a double mark in some newsroom and typeset texts
            if ch in _MARKS:
                action = _classify(text, i, stack, ch, width)
                if action == "open":
                    family = _family(ch)
                    if not stack:
                        current = QuoteStretch(paragraphs=[index], mark=family)
                        piece_start = i + width
                    stack.append(family)
                elif action == "close":
                    family = _family(ch)
                    while stack and stack[-1] != family:
                        stack.pop()  # an inner quote never closed: drop it
                    if stack:
                        stack.pop()
                    if not stack and current is not None:
                        current.pieces.append((piece_start, i))
                        current.closed = True
                        if i > piece_start:
                            found.append(current)
                        current = None
            i += width
        if stack and current is not None:
            current.pieces.append((piece_start, end))
            current.closed = False
            if current.mark == "single" and len(current.paragraphs) == 1:
                continue  # an unclosed single mark is far likelier an apostrophe than a quote
            found.append(current)
            carry = current
    # a stretch left open and continued is appended once; make the list unique and ordered
    unique: list[QuoteStretch] = []
    seen: set[int] = set()
    for stretch in found:
        if id(stretch) not in seen and stretch.pieces:
            seen.add(id(stretch))
            unique.append(stretch)
    unique.sort(key=lambda s: s.start)
    return unique
