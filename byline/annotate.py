"""Article -> quotes, claims, entities, times: parse once, run every annotator on the same Doc."""

from __future__ import annotations

from byline.model import Article
from byline.nlp import parse_paragraphs


def annotate_article(article: Article) -> Article:
    """Fill ``quotes``, ``entities``, ``claims`` and ``times`` in place and return the article."""
    adoc = parse_paragraphs(article.body)
    for annotator in _annotators():
        annotator(article, adoc)
    return article


def _annotators():
    """Annotators in dependency order: times and entities first (quotes use both), claims last."""
    found = []
    for module, name in (
        ("byline.attribution.times", "annotate_times"),
        ("byline.attribution.entities", "annotate_entities"),
        ("byline.attribution.quotes", "annotate_quotes"),
        ("byline.attribution.claims", "annotate_claims"),
    ):
        try:
            mod = __import__(module, fromlist=[name])
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue  # stage not built yet
            raise
        found.append(getattr(mod, name))
    return found
