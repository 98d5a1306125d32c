"""Hedges around a number -> the bound a reader should put on it.

The table (also in docs/record.md, "claims"):

  before the number                                   bound
  "at least", "no fewer than", "no less than",         at_least
  "a minimum of"
  "more than", "over", "above", "upwards of",          more_than
  "in excess of", "exceeding", "well over"
  "at most", "up to", "as many as", "as much as",      at_most
  "no more than", "a maximum of"
  "fewer than", "less than", "under", "below",         less_than
  "nearly", "almost", "just under", "just shy of"
  "about", "around", "roughly", "approximately",       about
  "some", "an estimated", "estimated", "close to",
  "circa", "~"
  after the number: "or more" -> at_least, "-plus"/"plus" -> more_than,
  "or fewer"/"or less" -> at_most, "or so" -> about
  "between A and B", "A to B", "A-B" (A < B)           range

"nearly 100" is recorded as less_than 100: the figure is below the number (it
is also close to it, which the bound cannot say).
"""

from __future__ import annotations

BEFORE = [
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("not", "less", "than"), "at_least"),
    (("a", "minimum", "of"), "at_least"),
    (("at", "least"), "at_least"),
    (("no", "more", "than"), "at_most"),
    (("not", "more", "than"), "at_most"),
    (("a", "maximum", "of"), "at_most"),
    (("as", "many", "as"), "at_most"),
    (("as", "much", "as"), "at_most"),
    (("at", "most"), "at_most"),
    (("up", "to"), "at_most"),
    (("in", "excess", "of"), "more_than"),
    (("more", "than"), "more_than"),
    (("upwards", "of"), "more_than"),
    (("upward", "of"), "more_than"),
    (("well", "over"), "more_than"),
    (("just", "over"), "more_than"),
    (("over",), "more_than"),
    (("above",), "more_than"),
    (("exceeding",), "more_than"),
    (("just", "shy", "of"), "less_than"),
    (("just", "under"), "less_than"),
    (("fewer", "than"), "less_than"),
    (("less", "than"), "less_than"),
    (("under",), "less_than"),
    (("below",), "less_than"),
    (("nearly",), "less_than"),
    (("almost",), "less_than"),
    (("close", "to"), "about"),
    (("an", "estimated"), "about"),
    (("estimated",), "about"),
    (("approximately",), "about"),
    (("roughly",), "about"),
    (("around",), "about"),
    (("about",), "about"),
    (("some",), "about"),
    (("circa",), "about"),
    (("~",), "about"),
]

AFTER = [
    (("or", "more"), "at_least"),
    (("or", "fewer"), "at_most"),
    (("or", "less"), "at_most"),
    (("or", "so"), "about"),
    (("-", "plus"), "more_than"),
    (("plus",), "more_than"),
]


# BEFORE keyed by the hedge's last word, in BEFORE's order (the first match wins), so that a number is
# checked only against the hedges that can end right before it.
_BEFORE_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _bound in BEFORE:
    _BEFORE_BY_LAST.setdefault(_words[-1], []).append((_words, _bound))


def hedge_before(tokens, start: int) -> tuple[str | None, int]:
    """The bound a hedge just before ``tokens[start]`` sets, and the token index where the hedge begins."""
    if start == 0:
        return None, start
    for words, bound in _BEFORE_BY_LAST.get(tokens[start - 1].lower_, ()):
        k = len(words)
        if start - k >= 0 and all(tokens[start - k + m].lower_ == w for m, w in enumerate(words)):
            return bound, start - k
    return None, start


def hedge_after(tokens, end: int) -> tuple[str | None, int]:
    """The bound a hedge just after the number (ending at ``end``) sets, and where it ends."""
    for words, bound in AFTER:
        k = len(words)
        if end + k <= len(tokens) and tuple(t.lower_ for t in tokens[end : end + k]) == words:
            return bound, end + k
    return None, end
