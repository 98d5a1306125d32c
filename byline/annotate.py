"""Article -> times, entities, quotes, claims: parse once, run every annotator on the same Doc."""

from __future__ import annotations

from byline.attribution.claims import annotate_claims
from byline.attribution.entities import annotate_entities
from byline.attribution.quotes import annotate_quotes
from byline.attribution.times import annotate_times
from byline.model import Anomaly, Article
from byline.nlp import parse_paragraphs

#: In dependency order: times and entities first (quotes use both), claims last (they use quotes).
ANNOTATORS = (annotate_times, annotate_entities, annotate_quotes, annotate_claims)

#: Languages the shipped model and our rules are written for.
ANNOTATED_LANGUAGES = {"en"}


def annotate_article(article: Article) -> Article:
    """Fill ``times``, ``entities``, ``quotes`` and ``claims`` in place and return the article.

    An article in another language is left unannotated, with an anomaly saying
    so: the English model on French text yields confident nonsense, which is
    worse for a fact-checker than an honest empty list.
    """
    if article.language and article.language not in ANNOTATED_LANGUAGES:
        article.anomalies.append(Anomaly(
            field="language", raw=article.language,
            problem=(f"the article is in '{article.language}'; quotes, claims, entities and times "
                     "are extracted from English text only, so they were not extracted"),
        ))
        return article
    adoc = parse_paragraphs(article.body)
    for annotator in ANNOTATORS:
        annotator(article, adoc)
    return article
