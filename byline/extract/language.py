"""A small stopword-based language guess for ``Article.language``.

Counts hits of each language's most frequent function words in the body and
returns the ISO 639-1 code of the clear winner, or None when the text is too
short or no language stands out. Good enough for news bodies (hundreds of
words); it is not meant for single sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to a in that is was for on with as said by it at from he his her has have are be not this an were they who would will".split()),
    "fr": frozenset("le la les de des du et un une est en que qui dans pour pas sur au aux par il elle ont a été avec ce cette sont ses".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es sie wurde hat werden bei aus".split()),
    "es": frozenset("el la los las de del y en que un una es por con para se su al lo como más pero sus fue ha".split()),
    "it": frozenset("il la di che e un una per non con del della sono è le gli al alla da ha nel anche come dei".split()),
    "pt": frozenset("o a os as de do da dos das e em um uma que para com não por se no na ao foi são mais".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet aan er ook door als bij heeft werd".split()),
}

_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words:
        _LANGUAGES_OF[_w] = _LANGUAGES_OF.get(_w, ()) + (_lang,)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20
MAX_WORDS = 400  # enough to tell; long bodies need not be read whole


def guess_language(paragraphs: Iterable[str] | str) -> str | None:
    """ISO 639-1 code of the body's language, or None when unsure."""
    if isinstance(paragraphs, str):
        paragraphs = (paragraphs,)
    words: list[str] = []
    for p in paragraphs:
        words.extend(w.lower() for w in _WORD.findall(p))
        if len(words) >= MAX_WORDS:
            break
    if len(words) < MIN_WORDS:
        return None
    scores = {lang: 0 for lang in _STOPWORDS}
    for word in words:
        for lang in _LANGUAGES_OF.get(word, ()):
            scores[lang] += 1
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 0.15 * len(words) or top < 1.3 * second:
        return None
    return best
