"""Keep hostile nesting from stalling the parser.

Lexbor's time grows with the square of the nesting depth of some tags
(20,000 nested ``<div>`` take about half a second, 40,000 about two, a 32 MB
page of them would take hours). No real page nests more than a few hundred
levels, so before parsing a page with very many tags we drop the opening and
closing tags that sit deeper than :data:`MAX_DEPTH`; their text stays, in
place. Pages with fewer tags than :data:`CHECK_OVER` are returned untouched
after one ``str.count``.
"""

from __future__ import annotations

import re

MAX_DEPTH = 1000
CHECK_OVER = 20_000  # tags ("<") below which the page is not scanned

# Tags that always carry an explicit end tag, so counting them tracks depth.
_NESTING = frozenset("div span section article main aside header footer nav form table blockquote ul ol font center".split())
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` with tags nested deeper than ``max_depth`` removed (text kept)."""
    if html.count("<") < CHECK_OVER:
        return html
    depth = 0
    dropped: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name not in _NESTING:
            continue
        if m.group(1):  # closing
            if dropped.get(name):
                dropped[name] -= 1
                cuts.append(m.span())
            elif depth:
                depth -= 1
        elif depth >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            cuts.append(m.span())
        else:
            depth += 1
    if not cuts:
        return html
    parts, last = [], 0
    for start, end in cuts:
        parts.append(html[last:start])
        last = end
    parts.append(html[last:])
    return "".join(parts)
