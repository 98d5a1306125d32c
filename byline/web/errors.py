"""Clear 4xx answers: JSON for the API, a plain page for the browser."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from byline.store.base import BylineStoreError


def _problems(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) or where
        problem: dict[str, Any] = {"parameter": name, "in": where, "problem": error.get("msg", "invalid")}
        if "input" in error and not isinstance(error["input"], (dict, list)):
            problem["got"] = error["input"]
        out.append(problem)
    return out


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def install(app: FastAPI, render_error: Any) -> None:
    """Register handlers; ``render_error(request, status, title, problems)`` draws the HTML page."""

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = _problems(exc)
        if _wants_json(request):
            return JSONResponse(status_code=422, content={"error": "invalid parameters", "problems": problems})
        lines = [f"{p['parameter']}: {p['problem']}" + (f" (got {p['got']!r})" if "got" in p else "") for p in problems]
        return render_error(request, 422, "Some of the search settings are not valid", lines)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if _wants_json(request):
            return JSONResponse(status_code=exc.status_code, content={"error": detail}, headers=getattr(exc, "headers", None))
        return render_error(request, exc.status_code, detail, [])

    @app.exception_handler(BylineStoreError)
    async def store_error(request: Request, exc: BylineStoreError) -> Response:
        message = f"the corpus store cannot be read: {exc}"
        if _wants_json(request):
            return JSONResponse(status_code=503, content={"error": message})
        return render_error(request, 503, message, [])
