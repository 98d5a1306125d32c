"""Imported only by the ingest pool's fork server: loads spaCy once so every worker forks with it loaded."""

from byline.annotate import annotate_article  # noqa: F401  (imports the annotators)
from byline.nlp import load_nlp

load_nlp()
