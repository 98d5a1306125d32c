"""The read-only JSON API: thin wrappers over ``byline.corpus.queries``.

Every endpoint validates its parameters (FastAPI answers 422 with a plain
list of problems, see ``errors.py``) and calls the same query function as the
CLI; nothing here re-implements a query.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from byline.corpus import queries
from byline.web.responses import FastJSONResponse
from byline.web.state import WebState, get_state

# Rows are already plain JSON types (to_dict()), so responses skip FastAPI's
# jsonable_encoder walk, which costs more than the query on large answers, and
# are encoded with orjson (see responses.py).
router = APIRouter(prefix="/api", tags=["corpus"], default_response_class=FastJSONResponse)

MAX_PAGE = 500
Text = Annotated[str | None, Query(max_length=200)]
Since = Annotated[date | None, Query(description="earliest publication date, YYYY-MM-DD (inclusive)")]
Until = Annotated[date | None, Query(description="latest publication date, YYYY-MM-DD (inclusive)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip (paging)")]


def _dicts(rows: Any) -> list[dict[str, Any]]:
    return [row.to_dict() for row in rows]


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else value


def check_range(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise HTTPException(status_code=400, detail=f"since ({since}) is after until ({until})")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@router.get("/status", summary="Corpus size and server mode")
def status(state: WebState = Depends(get_state)) -> FastJSONResponse:
    """How many articles the store holds and whether this server may ingest."""
    return FastJSONResponse({
        "articles": state.article_count(),
        "allow_ingest": state.config.allow_ingest,
        "samples_available": state.samples_available(),
    })


@router.get("/articles", summary="List articles, newest first, with filters and paging")
def list_articles(
    state: WebState = Depends(get_state),
    outlet: Text = None,
    since: Since = None,
    until: Until = None,
    author: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Offset = 0,
) -> FastJSONResponse:
    check_range(since, until)
    items, total = queries.list_articles(
        state.store(), outlet=_blank_to_none(outlet), since=_iso(since), until=_iso(until),
        author=_blank_to_none(author), limit=limit, offset=offset,
    )
    return FastJSONResponse({"total": total, "limit": limit, "offset": offset, "items": _dicts(items)})


@router.get("/articles/{article_id}", summary="One article with its full record")
def get_article(article_id: Annotated[int, Path(ge=1, le=2**62)], state: WebState = Depends(get_state)) -> FastJSONResponse:
    """The stored article: its outlet, story, fetch date and the full record (quotes, claims, entities, anomalies)."""
    article = queries.get_article(state.store(), article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id}")
    return FastJSONResponse(article.to_dict())


@router.get("/search", summary="Full-text search over headlines and bodies")
def search(
    q: Annotated[str, Query(min_length=1, max_length=500, description="words or a quoted phrase")],
    state: WebState = Depends(get_state),
    outlet: Text = None,
    since: Since = None,
    until: Until = None,
    author: Text = None,
    speaker: Text = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> FastJSONResponse:
    """Ranked results with snippets: `snippet_parts` is a list of `[text, is_match]` pairs."""
    check_range(since, until)
    if not q.strip():
        raise HTTPException(status_code=400, detail="q is blank: give at least one word")
    try:
        hits = queries.search(
            state.store(), q, outlet=_blank_to_none(outlet), since=_iso(since), until=_iso(until),
            author=_blank_to_none(author), speaker=_blank_to_none(speaker), limit=limit, offset=offset,
        )
    except ValueError as exc:  # no searchable word in q (only punctuation)
        raise HTTPException(status_code=400, detail=f"q: {exc}") from None
    return FastJSONResponse({"query": q, "limit": limit, "offset": offset, "items": _dicts(hits)})


@router.get("/quotes", summary="Quotes across the corpus (filters as in `byline quotes`)")
def quotes_endpoint(
    state: WebState = Depends(get_state),
    speaker: Text = None,
    anonymous: Annotated[bool | None, Query(description="true: only anonymous sources; false: only named")] = None,
    via: Annotated[str | None, Query(max_length=200, description="outlet the quote was relayed through")] = None,
    outlet: Text = None,
    article_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Offset = 0,
) -> FastJSONResponse:
    rows = queries.quotes(
        state.store(), speaker=_blank_to_none(speaker), anonymous=anonymous, via=_blank_to_none(via),
        outlet=_blank_to_none(outlet), article_id=article_id, limit=limit, offset=offset,
    )
    return FastJSONResponse({"limit": limit, "offset": offset, "items": _dicts(rows)})


@router.get("/speakers", summary="People, organisations and anonymous descriptors quoted in the corpus")
def speakers_endpoint(
    state: WebState = Depends(get_state),
    q: Annotated[str | None, Query(max_length=200, description="part of a name or descriptor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> FastJSONResponse:
    rows = queries.speakers(state.store(), query=_blank_to_none(q), limit=limit)
    return FastJSONResponse({"limit": limit, "items": _dicts(rows)})


@router.get("/figures", summary="How a figure moved from report to report (as in `byline figures`)")
def figures_endpoint(
    counts: Annotated[str, Query(min_length=1, max_length=200, description="what the figure counts, e.g. 'killed'")],
    state: WebState = Depends(get_state),
    outlet: Text = None,
    since: Since = None,
    until: Until = None,
) -> FastJSONResponse:
    """Every claim whose quantity counts match, oldest report first."""
    check_range(since, until)
    if not counts.strip():
        raise HTTPException(status_code=400, detail="counts is blank: say what the figure counts, e.g. killed")
    rows = queries.figures(state.store(), counts, outlet=_blank_to_none(outlet), since=_iso(since), until=_iso(until))
    return FastJSONResponse({"counts": counts, "items": _dicts(rows)})


@router.get("/sources", summary="Sourcing profile per outlet: named, anonymous, organisations, relayed")
def sources_endpoint(state: WebState = Depends(get_state), outlet: Text = None) -> FastJSONResponse:
    return FastJSONResponse({"items": _dicts(queries.sources(state.store(), outlet=_blank_to_none(outlet)))})


@router.get("/stories", summary="Stories told by several copies (syndication), with each copy's changes")
def stories_endpoint(
    state: WebState = Depends(get_state),
    min_copies: Annotated[int, Query(ge=2, le=10_000)] = 2,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Offset = 0,
) -> FastJSONResponse:
    """Biggest stories first; in each, the original (earliest) copy comes first."""
    rows = queries.stories(state.store(), min_copies=min_copies, limit=limit, offset=offset)
    return FastJSONResponse({"limit": limit, "offset": offset, "items": _dicts(rows)})


@router.get("/stories/{story_id}", summary="One story with every copy and what each added or cut")
def story_endpoint(story_id: Annotated[int, Path(ge=1, le=2**62)], state: WebState = Depends(get_state)) -> FastJSONResponse:
    story = queries.story(state.store(), story_id)
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id}")
    return FastJSONResponse(story.to_dict())


@router.get("/outlets", summary="Outlets in the corpus with their article counts and date range")
def outlets_endpoint(state: WebState = Depends(get_state)) -> FastJSONResponse:
    return FastJSONResponse({"items": _dicts(queries.outlets(state.store()))})


@router.post("/ingest/samples", summary="Ingest the bundled sample pages (only with --allow-ingest)",
             tags=["write"], status_code=200)
def ingest_samples(request: Request, state: WebState = Depends(get_state)) -> FastJSONResponse:
    state.check_write_allowed(request)
    return FastJSONResponse(state.ingest_samples())
