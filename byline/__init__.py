"""byline: raw news pages -> structured, source-attributed records."""

from byline.errors import BylineInputError
from byline.model import SCHEMA_VERSION, Article
from byline.pipeline import extract

__version__ = "0.1.0"
__all__ = ["extract", "Article", "BylineInputError", "SCHEMA_VERSION", "__version__"]
