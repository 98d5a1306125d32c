"""The HTML pages: server-rendered with autoescaped Jinja2 templates.

Pages are rendered on the server so that they work with the keyboard, a
screen reader and no JavaScript at all; the only scripts draw the two charts
(figure timeline, sourcing profile) from the JSON API with Chart.js. Page text
only ever reaches the browser through Jinja's autoescaping, never as markup.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from byline.corpus import queries
from byline.web import markup
from byline.web.security import safe_url
from byline.web.state import WebState, get_state

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
SEARCH_PAGE = 20
BROWSE_PAGE = 30
SPEAKER_PAGE = 100
STORIES_PAGE = 50

router = APIRouter(include_in_schema=False)

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,  # every template, whatever its name: page text is untrusted
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
_env.filters["safe_url"] = safe_url
_env.filters["quantity"] = markup.describe_quantity
_env.filters["amount"] = markup.describe_amount
_env.globals["bound_meaning"] = markup.bound_meaning
_env.filters["number"] = markup.format_number
_env.globals["query"] = lambda **params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
templates = Jinja2Templates(env=_env)


def day(value: Any) -> str:
    """'2025-11-24' from an ISO datetime; the raw text when it is not one."""
    if not value:
        return "undated"
    text = str(value)
    return text[:10] if len(text) >= 10 and text[4] == "-" else text


_env.filters["day"] = day


def when(value: Any) -> str:
    """'2 March 2026, 09:15 (UTC+01:00)' from an ISO datetime; the raw text when it is not one."""
    if not value:
        return "undated"
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    text = f"{moment.day} {moment:%B %Y}"
    if len(str(value)) > 10:
        text += f", {moment:%H:%M}"
        if moment.utcoffset() is not None:
            offset = moment.strftime("%z")
            text += f" (UTC{offset[:3]}:{offset[3:]})"
    return text


_env.filters["when"] = when


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    state: WebState = request.app.state.byline
    context.setdefault("allow_ingest", state.config.allow_ingest)
    context.setdefault("nav", "")
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, title: str, problems: list[str]) -> HTMLResponse:
    return render(request, "error.html", status=status, title=title, problems=problems, code=status)


def _text(value: str | None, limit: int = 200) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise HTTPException(status_code=422, detail=f"a filter is longer than {limit} characters")
    return value or None


def _date(name: str, value: str | None) -> str | None:
    """Form dates arrive as '' when left empty; anything else must be YYYY-MM-DD."""
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(status_code=422, detail=f"{name} must be a date written YYYY-MM-DD, not {value!r}") from None


def _page(value: str | None) -> int:
    try:
        page = int(value) if value else 1
    except ValueError:
        raise HTTPException(status_code=422, detail=f"page must be a whole number, not {value!r}") from None
    if not 1 <= page <= 10_000:
        raise HTTPException(status_code=422, detail="page must be between 1 and 10000")
    return page


@router.get("/", response_class=HTMLResponse)
def home(request: Request, state: WebState = Depends(get_state)) -> Response:
    total = state.article_count()
    latest: list[Any] = []
    counts: dict[str, int] = {}
    if total:
        latest, _ = queries.list_articles(state.store(), limit=12, offset=0)
        counts = state.store().counts()
    speakers = state.top_speakers() if total else []
    outlets = state.outlets() if total else []
    return render(request, "home.html", nav="home", total=total, latest=latest, counts=counts,
                  speakers=speakers, outlets=outlets,
                  samples_available=state.samples_available(), db=state.config.db)


@router.post("/ingest-samples")
def ingest_samples_form(request: Request, state: WebState = Depends(get_state)) -> Response:
    state.check_write_allowed(request)
    state.ingest_samples()
    return RedirectResponse("/", status_code=303)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    state: WebState = Depends(get_state),
    q: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    author: str | None = None,
    speaker: str | None = None,
    page: str | None = None,
) -> Response:
    filters = {
        "q": _text(q, 500), "outlet": _text(outlet), "since": _date("since", since),
        "until": _date("until", until), "author": _text(author), "speaker": _text(speaker),
    }
    if filters["since"] and filters["until"] and filters["since"] > filters["until"]:
        raise HTTPException(status_code=422, detail=f"the date range is empty: from {filters['since']} is after to {filters['until']}")
    number = _page(page)
    store = state.store()
    hits: list[Any] = []
    articles: list[Any] = []
    total = None
    if filters["q"]:
        try:
            hits = queries.search(store, filters["q"], outlet=filters["outlet"], since=filters["since"],
                                  until=filters["until"], author=filters["author"], speaker=filters["speaker"],
                                  limit=SEARCH_PAGE + 1, offset=(number - 1) * SEARCH_PAGE)
        except ValueError as exc:  # no searchable word (only punctuation)
            raise HTTPException(status_code=422, detail=f"Nothing to search for in {filters['q']!r}: {exc}") from None
        more = len(hits) > SEARCH_PAGE
        hits = hits[:SEARCH_PAGE]
    else:
        articles, total = queries.list_articles(store, outlet=filters["outlet"], since=filters["since"],
                                                until=filters["until"], author=filters["author"],
                                                limit=BROWSE_PAGE, offset=(number - 1) * BROWSE_PAGE)
        more = number * BROWSE_PAGE < total
    outlets = [outlet.name for outlet in state.outlets()]
    return render(request, "search.html", nav="search", filters=filters, hits=hits, articles=articles,
                  total=total, page=number, more=more, outlets=outlets)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, state: WebState = Depends(get_state)) -> Response:
    if not 1 <= article_id <= 2**62:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    stored = queries.get_article(state.store(), article_id)
    if stored is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    record = stored.record
    panel = markup.quote_panel(record)
    return render(
        request, "article.html", stored=stored, record=record, paragraphs=markup.article_paragraphs(record),
        panel=panel, quotes=record.get("quotes") or [], claims=record.get("claims") or [],
        times=record.get("times") or [], entities=markup.named_entities(record),
        speaker_key=markup.speaker_key, speaker_category=markup.speaker_category,
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, q: str | None = None, state: WebState = Depends(get_state)) -> Response:
    query = _text(q)
    rows = queries.speakers(state.store(), query=query, limit=200)
    return render(request, "speakers.html", nav="speakers", q=query or "", rows=rows)


@router.get("/speaker", response_class=HTMLResponse)
def speaker_page(request: Request, name: str | None = None, page: str | None = None,
                 state: WebState = Depends(get_state)) -> Response:
    """Every quote by a person or an anonymous descriptor, oldest first, a page at a time."""
    who = _text(name)
    if not who:
        return RedirectResponse("/speakers", status_code=303)
    number = _page(page)
    rows = queries.quotes(state.store(), speaker=who, limit=SPEAKER_PAGE + 1, offset=(number - 1) * SPEAKER_PAGE)
    more = len(rows) > SPEAKER_PAGE
    rows = rows[:SPEAKER_PAGE]
    keys = {row.speaker_key for row in rows}
    outlets: dict[str, int] = {}
    for row in rows:
        outlets[row.outlet] = outlets.get(row.outlet, 0) + 1
    return render(request, "speaker.html", nav="speakers", who=who, rows=rows, first=rows[0] if rows else None,
                  several=len(keys) > 1, outlets=outlets, page=number, more=more)


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    state: WebState = Depends(get_state),
    counts: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    filters = {"counts": _text(counts), "outlet": _text(outlet), "since": _date("since", since), "until": _date("until", until)}
    rows: list[Any] = []
    if filters["counts"]:
        rows = queries.figures(state.store(), filters["counts"], outlet=filters["outlet"],
                               since=filters["since"], until=filters["until"])
    suggestions = [] if filters["counts"] else _recent_counts(state.store())
    outlets = sorted({row.outlet for row in rows})
    api_url = "/api/figures?" + urlencode({k: v for k, v in filters.items() if v}) if filters["counts"] else ""
    return render(request, "figures.html", nav="figures", filters=filters, rows=rows, outlets=outlets, api_url=api_url,
                  suggestions=suggestions)


def _recent_counts(store: Any, articles: int = 40) -> list[tuple[str, int]]:
    """What the claims of the latest articles count, most frequent first (links on the empty figures page)."""
    seen: dict[str, int] = {}
    for summary in queries.list_articles(store, limit=articles)[0]:
        if not summary.claim_count:
            continue
        stored = queries.get_article(store, summary.id)
        for claim in (stored.record.get("claims") or []) if stored else []:
            for quantity in claim.get("quantities") or []:
                counts = quantity.get("counts")
                if counts:
                    seen[counts] = seen.get(counts, 0) + 1
    return sorted(seen.items(), key=lambda item: (-item[1], item[0]))[:20]


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, state: WebState = Depends(get_state)) -> Response:
    profiles = queries.sources(state.store())
    return render(request, "sources.html", nav="sources", profiles=profiles)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, page: str | None = None, state: WebState = Depends(get_state)) -> Response:
    number = _page(page)
    rows = queries.stories(state.store(), min_copies=2, limit=STORIES_PAGE + 1, offset=(number - 1) * STORIES_PAGE)
    more = len(rows) > STORIES_PAGE
    return render(request, "stories.html", nav="stories", rows=rows[:STORIES_PAGE], page=number, more=more)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int, state: WebState = Depends(get_state)) -> Response:
    story = queries.story(state.store(), story_id) if 1 <= story_id <= 2**62 else None
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id}")
    return render(request, "story.html", nav="stories", story=story)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """API reference drawn from the OpenAPI description (no Swagger UI: nothing from a CDN)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                schema = p.get("schema", {})
                kinds = [s.get("type") or s.get("format") for s in schema.get("anyOf", [schema])]
                kind = " or ".join(k for k in kinds if k and k != "null") or "string"
                limits = ", ".join(f"{k} {schema[k]}" for k in ("minimum", "maximum", "minLength", "maxLength") if k in schema)
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": schema.get("format") or kind, "default": schema.get("default"),
                               "limits": limits, "description": p.get("description") or schema.get("description") or ""})
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params})
    return render(request, "docs.html", nav="docs", spec=spec, endpoints=endpoints)
