"""``byline serve``: the read-only REST API and the web UI over a corpus store."""

from byline.web.app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
