"""The word-count rule byline uses for ``Article.word_count``.

A word is a whitespace-separated token that contains at least one letter or
digit. Punctuation standing alone (a spaced dash ``—``, a bullet) is not a
word; ``drug-smuggling``, ``R-Ky.`` and ``2025`` are one word each. This is the
rule CMSs such as the seed page's use: it gives 342 on the seed body, where a
plain whitespace split gives 344 (two spaced em dashes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(paragraphs: Iterable[str] | str) -> int:
    """Number of words in a paragraph or a list of paragraphs."""
    if isinstance(paragraphs, str):
        paragraphs = (paragraphs,)
    return sum(len(_WORD.findall(p)) for p in paragraphs)
