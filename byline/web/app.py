"""Build the FastAPI application: API routes, HTML pages, static assets, headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from byline import __version__
from byline.web import api, errors, pages
from byline.web.security import SecurityHeaders
from byline.web.state import WebConfig, WebState

STATIC_DIR = Path(__file__).resolve().parent / "static"

DESCRIPTION = """Read-only JSON over a byline corpus: articles, full-text search, quotes,
speakers, figures, sourcing profiles and syndicated stories. The same query
functions as the `byline` command line answer every endpoint. Dates are
`YYYY-MM-DD`; invalid parameters get a 422 listing each problem."""


def create_app(config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    app = FastAPI(
        title="byline",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI loads from a CDN; byline serves its own /docs page
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.byline = WebState(config)
    # StaticFiles resolves every path and refuses anything outside STATIC_DIR.
    app.mount("/static", StaticFiles(directory=STATIC_DIR, follow_symlink=False), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    errors.install(app, pages.render_error)
    if config.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=config.allowed_hosts)
    app.add_middleware(SecurityHeaders)  # added last, so it wraps everything, refusals included
    return app
